"""Offline bundles: a kiosk's scan log (and the roster) in one file for a USB stick or a share.

File layout::

    KIOSK-BUNDLE 1 <sha256 of the manifest line>\\n
    <manifest: one line of JSON>\\n
    <body: gzip of one JSON document {"kiosks": [...], "scans": [...], "roster": [...],
           "meetings": [...], "meeting_marks": [...]}>

The manifest names the event, the exporting kiosk, per kiosk the count and sequence range of
the scans inside, the number of roster rows, B2B meetings and held marks (absent, that is 0,
in bundles of Kiosks before meetings; such bundles still import), and the body's length and
SHA-256. The file is written under a temporary name, fsynced and renamed, so a stick pulled
out half-way leaves nothing that looks complete; and on import the manifest and the digest
are checked before anything is merged, so a truncated or damaged copy is refused whole.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from kiosk.core.timeutil import to_utc_iso
from kiosk.storage import events, keys, replica
from kiosk.storage import meetings as meeting_store
from kiosk.storage.database import Database

MAGIC = b"KIOSK-BUNDLE "
FORMAT_VERSION = 1
SUFFIX = ".kbundle"

#: Called with (done, total) while a bundle is written or merged.
Progress = Callable[[int, int], None]


class Problem(StrEnum):
    """Why a bundle was refused (stable codes; the message says it for people)."""

    NOT_A_BUNDLE = "not_a_bundle"
    NEWER_FORMAT = "newer_format"
    MANIFEST_DAMAGED = "manifest_damaged"
    TRUNCATED = "truncated"
    DIGEST_MISMATCH = "digest_mismatch"
    MANIFEST_MISMATCH = "manifest_mismatch"
    OTHER_EVENT = "other_event"
    UNREADABLE = "unreadable"
    TOO_LARGE = "too_large"


#: Largest bundle file read (a whole 100,000-person event with 1,000,000 scans is ~60 MB).
MAX_FILE_BYTES = 1 << 30
#: What the body may expand to: this much per row the manifest announces, plus a margin, and
#: never more than MAX_BODY_BYTES. A body's checksum is in its manifest, not signed, so a crafted
#: file could otherwise expand a few megabytes into more memory than the machine has.
BODY_BYTES_PER_ROW = 8192
MAX_BODY_BYTES = 4 << 30


class BundleError(Exception):
    """A bundle could not be written or was refused; nothing was merged from it."""

    def __init__(self, path: Path, problem: Problem, detail: str) -> None:
        super().__init__(f"Bundle {path}: {detail}")
        self.path = path
        self.problem = problem


@dataclass(frozen=True, slots=True)
class KioskPart:
    """The scans of one kiosk inside a bundle."""

    id: str
    name: str
    count: int
    first_seq: int
    last_seq: int


@dataclass(frozen=True, slots=True)
class Manifest:
    event_uid: str
    event_name: str
    kiosk_id: str
    kiosk_name: str
    created_at: str
    kiosks: tuple[KioskPart, ...]
    roster: int
    body_bytes: int
    body_sha256: str
    #: B2B meetings and their held marks (absent from bundles of Kiosks before them: 0).
    meetings: int = 0
    meeting_marks: int = 0
    #: Characters of the signed revocation list the file holds (0: none, or an older Kiosk).
    revocation_chars: int = 0

    @property
    def scans(self) -> int:
        return sum(k.count for k in self.kiosks)

    def as_json(self) -> dict[str, Any]:
        return {
            "format": "kiosk-bundle",
            "version": FORMAT_VERSION,
            "event": {"uid": self.event_uid, "name": self.event_name},
            "kiosk": {"id": self.kiosk_id, "name": self.kiosk_name},
            "created_at": self.created_at,
            "kiosks": [
                {
                    "id": k.id,
                    "name": k.name,
                    "count": k.count,
                    "first_seq": k.first_seq,
                    "last_seq": k.last_seq,
                }
                for k in self.kiosks
            ],
            "scan_columns": list(replica.SCAN_COLUMNS),
            "roster_columns": ["uid", *replica.ROSTER_COLUMNS],
            "roster": self.roster,
            "meetings": self.meetings,
            "meeting_marks": self.meeting_marks,
            "revocation_chars": self.revocation_chars,
            "body": {"bytes": self.body_bytes, "sha256": self.body_sha256, "encoding": "gzip"},
        }


@dataclass(frozen=True, slots=True)
class Bundle:
    """A verified bundle, read into memory."""

    path: Path
    manifest: Manifest
    kiosks: list[tuple[str, str]]
    scans: list[replica.ScanRow]
    roster: list[replica.RosterRow]
    meetings: list[list[Any]] = field(default_factory=list)
    meeting_marks: list[list[Any]] = field(default_factory=list)
    #: Check-in lists (events.LIST_COLUMNS), removed ones included.
    lists: list[tuple[Any, ...]] = field(default_factory=list)
    #: The signed revocation list the exporting file held, exactly as the organizer's key made
    #: it ('' if none): checked here as 'kiosk keys import-revocations' checks a file.
    revocations: str = ""


@dataclass(frozen=True, slots=True)
class KioskImport:
    """What one bundle brought of one kiosk's scans."""

    kiosk_id: str
    kiosk_name: str
    added: int
    present: int
    #: Stretches of this kiosk's sequence still missing here after the import.
    gaps: list[tuple[int, int]]


@dataclass(frozen=True, slots=True)
class ImportResult:
    path: Path
    manifest: Manifest
    kiosks: list[KioskImport]
    roster: replica.RosterMerge
    clashes: list[str] = field(default_factory=list)
    #: B2B meetings new or newer here, and held marks new here.
    meetings: int = 0
    meeting_marks: int = 0
    #: Serial of the revocation list taken from the bundle (0: none newer), or why a newer-looking
    #: one was not taken (no trusted key, a signature that does not verify).
    revocations_taken: int = 0
    revocations_refused: str = ""

    @property
    def added(self) -> int:
        return sum(k.added for k in self.kiosks)


# ---------------------------------------------------------------------------------------------
# Export


def _slug(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z]+", "-", text).strip("-")[:24] or "kiosk"


def export_bundle(
    db: Database,
    out_dir: Path,
    *,
    everything: bool = True,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> tuple[Path, Manifest]:
    """Write the scan log and the roster to a new bundle in ``out_dir``; returns its path and
    manifest once it is durably on disk.

    By default the bundle carries every scan the file holds: those of every kiosk identity
    recorded in it (``checkin --kiosk "Desk A"``) and those merged from other kiosks, so a
    stick that goes desk → desk → organizer relays everything and any route of sticks
    converges (merging is a set union by scan id: what the other side has is skipped).
    ``everything=False`` limits it to this computer's own kiosk."""
    info = events.event_info(db)
    me = events.local_kiosk(db)
    # The log and the roster as of one moment.
    with db.read() as here, replica.snapshot(here) as conn:
        scans = replica.scan_rows(conn, None if everything else me.id)
        roster = replica.roster_rows(conn)
        known = replica.kiosks(conn)
        meetings = meeting_store.meeting_rows(conn)
        marks = meeting_store.mark_rows(conn)
        lists = events.list_rows(conn)
        revocations = keys.held_revocation_document(conn) or ""
    names = dict(known)
    parts: dict[str, list[int]] = {}
    for row in scans:
        part = parts.get(row[1])
        if part is None:
            parts[row[1]] = [1, row[2], row[2]]
        else:
            part[0] += 1
            part[2] = row[2]
    if progress:
        progress(1, 4)
    document = {
        "kiosks": known,
        "scans": scans,
        "roster": roster,
        "meetings": meetings,
        "meeting_marks": marks,
        "lists": lists,
        "revocations": revocations,
    }
    raw = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
    if progress:
        progress(2, 4)
    body = gzip.compress(raw, compresslevel=6, mtime=0)
    manifest = Manifest(
        event_uid=info.uid,
        event_name=info.name,
        kiosk_id=me.id,
        kiosk_name=me.name,
        created_at=to_utc_iso(now or datetime.now(UTC)),
        kiosks=tuple(
            KioskPart(k, names.get(k, ""), n, lo, hi) for k, (n, lo, hi) in sorted(parts.items())
        ),
        roster=len(roster),
        meetings=len(meetings),
        meeting_marks=len(marks),
        revocation_chars=len(revocations),
        body_bytes=len(body),
        body_sha256=hashlib.sha256(body).hexdigest(),
    )
    head = json.dumps(manifest.as_json(), ensure_ascii=False, separators=(",", ":")).encode()
    digest = hashlib.sha256(head).hexdigest().encode()
    own = next((k for k in manifest.kiosks if k.id == me.id), None)
    last = own.last_seq if own else 0
    scope = f"all-{manifest.scans}" if everything else str(last)
    name = f"{_slug(info.name)}-{_slug(me.name)}-{me.id[:8]}-{scope}{SUFFIX}"
    if progress:
        progress(3, 4)
    path = write_atomic(out_dir / name, MAGIC + f"{FORMAT_VERSION} ".encode() + digest + b"\n"
                        + head + b"\n" + body)  # fmt: skip
    if progress:
        progress(4, 4)
    return path, manifest


def write_atomic(path: Path, data: bytes) -> Path:
    """Write a file so that it is either complete or absent: temporary name, fsync, rename,
    fsync of the folder."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.part")
        with open(partial, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
        if hasattr(os, "O_DIRECTORY"):
            folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)
    except OSError as exc:
        raise BundleError(
            path, Problem.UNREADABLE,
            f"could not be written ({exc.strerror or exc}) — check that the stick or folder is "
            "writable and has free space, then export again.",
        ) from exc  # fmt: skip
    return path


# ---------------------------------------------------------------------------------------------
# Reading and verifying


def read_bundle(path: Path, event_uid: str) -> Bundle:
    """Read a bundle and verify everything about it before anyone merges it."""

    def refuse(problem: Problem, detail: str) -> BundleError:
        return BundleError(path, problem, detail)

    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise refuse(
                Problem.TOO_LARGE,
                f"is {size / 2**20:,.0f} MB, more than a Kiosk bundle can be "
                f"({MAX_FILE_BYTES / 2**20:,.0f} MB) — it is not a bundle of this event.",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise refuse(Problem.UNREADABLE, f"cannot be read ({exc.strerror or exc}).") from exc
    first_end = data.find(b"\n")
    second_end = data.find(b"\n", first_end + 1) if first_end >= 0 else -1
    if not data.startswith(MAGIC[: len(data)]) or not data:
        raise refuse(Problem.NOT_A_BUNDLE, "is not a Kiosk bundle (made by 'kiosk sync export').")
    if first_end < 0:
        raise refuse(Problem.TRUNCATED, "is cut short (the copy did not finish) — copy it again.")
    try:
        version_text, head_digest = data[len(MAGIC) : first_end].decode("ascii").split(" ")
        version = int(version_text)
    except (UnicodeDecodeError, ValueError) as exc:
        raise refuse(Problem.MANIFEST_DAMAGED, "its first line is damaged.") from exc
    if version < 1:
        raise refuse(Problem.MANIFEST_DAMAGED, "its first line is damaged.")
    if version > FORMAT_VERSION:
        raise refuse(
            Problem.NEWER_FORMAT,
            f"was made by a newer Kiosk (bundle format {version}) — update Kiosk here.",
        )
    if second_end < 0:
        raise refuse(Problem.TRUNCATED, "is cut short (the copy did not finish) — copy it again.")
    head = data[first_end + 1 : second_end]
    if hashlib.sha256(head).hexdigest() != head_digest:
        raise refuse(Problem.MANIFEST_DAMAGED, "its manifest is damaged — export it again.")
    try:
        manifest = _manifest(json.loads(head))
    except (ValueError, KeyError, TypeError) as exc:
        raise refuse(Problem.MANIFEST_DAMAGED, "its manifest cannot be understood.") from exc
    if manifest.event_uid != event_uid:
        raise refuse(
            Problem.OTHER_EVENT,
            f"belongs to another event ('{manifest.event_name}') — it was not imported.",
        )
    body = data[second_end + 1 :]
    if len(body) < manifest.body_bytes:
        raise refuse(
            Problem.TRUNCATED,
            f"is cut short ({len(body)} of {manifest.body_bytes} bytes; the copy did not "
            "finish) — copy it again from the kiosk that made it.",
        )
    if len(body) > manifest.body_bytes or hashlib.sha256(body).hexdigest() != manifest.body_sha256:
        raise refuse(
            Problem.DIGEST_MISMATCH,
            "is damaged (its SHA-256 checksum does not match) — copy it again or export anew.",
        )
    rows = (manifest.scans + manifest.roster + len(manifest.kiosks) + manifest.meetings
            + manifest.meeting_marks)  # fmt: skip
    limit = min(
        MAX_BODY_BYTES, (1 << 20) + BODY_BYTES_PER_ROW * rows + 4 * manifest.revocation_chars
    )
    try:
        inflate = zlib.decompressobj(wbits=31)
        text = inflate.decompress(body, limit + 1)
        if len(text) > limit or inflate.unconsumed_tail:
            raise refuse(
                Problem.TOO_LARGE,
                f"expands to more than its {manifest.scans:,} scans and {manifest.roster:,} "
                "people can take — it was not made by 'kiosk sync export'; it was not imported.",
            )
        document = json.loads(text)
        kiosks = [(str(k), str(n)) for k, n in document["kiosks"]]
        scans: list[replica.ScanRow] = document["scans"]  # lists; checked below
        if not isinstance(scans, list):
            raise TypeError("scans")
        roster = [tuple(r) for r in document["roster"]]
        meetings = [list(r) for r in document.get("meetings", [])]
        marks = [list(r) for r in document.get("meeting_marks", [])]
        lists = [tuple(r) for r in document.get("lists", [])]
        revocations = document.get("revocations", "")
        if not isinstance(revocations, str) or len(revocations) != manifest.revocation_chars:
            raise TypeError("revocations")
    except (ValueError, KeyError, TypeError, zlib.error) as exc:
        raise refuse(Problem.DIGEST_MISMATCH, "its contents cannot be read.") from exc
    _check_contents(manifest, scans, roster, refuse)
    if (len(meetings), len(marks)) != (manifest.meetings, manifest.meeting_marks) or not (
        all(meeting_store.valid_meeting_row(r) for r in meetings)
        and all(meeting_store.valid_mark_row(r) for r in marks)
    ):
        raise refuse(
            Problem.MANIFEST_MISMATCH,
            "does not hold the B2B meetings its manifest announces — export it again.",
        )
    if not all(events.valid_list_row(r) for r in lists):
        raise refuse(Problem.MANIFEST_MISMATCH, "holds a check-in list Kiosk cannot read.")
    return Bundle(path, manifest, kiosks, scans, roster, meetings, marks, lists, revocations)


def _int(value: Any) -> int:
    """A whole number as JSON writes one (not 6.5, "6" or true)."""
    if type(value) is not int:
        raise TypeError("not an integer")
    return value


def _count(value: Any) -> int:
    """A count, sequence number or size: a whole number, not negative."""
    number = _int(value)
    if number < 0:
        raise ValueError("negative")
    return number


def _manifest(doc: dict[str, Any]) -> Manifest:
    if doc["format"] != "kiosk-bundle" or _int(doc["version"]) != FORMAT_VERSION:
        raise ValueError("format")
    if list(doc["scan_columns"]) != list(replica.SCAN_COLUMNS) or list(doc["roster_columns"]) != [
        "uid",
        *replica.ROSTER_COLUMNS,
    ]:
        raise ValueError("columns")
    return Manifest(
        event_uid=str(doc["event"]["uid"]),
        event_name=str(doc["event"]["name"]),
        kiosk_id=str(doc["kiosk"]["id"]),
        kiosk_name=str(doc["kiosk"]["name"]),
        created_at=str(doc["created_at"]),
        kiosks=tuple(
            KioskPart(
                str(k["id"]),
                str(k["name"]),
                _count(k["count"]),
                _count(k["first_seq"]),
                _count(k["last_seq"]),
            )
            for k in doc["kiosks"]
        ),
        roster=_count(doc["roster"]),
        body_bytes=_count(doc["body"]["bytes"]),
        body_sha256=str(doc["body"]["sha256"]),
        meetings=_count(doc.get("meetings", 0)),
        meeting_marks=_count(doc.get("meeting_marks", 0)),
        revocation_chars=_count(doc.get("revocation_chars", 0)),
    )


def _check_contents(
    manifest: Manifest,
    scans: Sequence[replica.ScanRow],
    roster: Sequence[replica.RosterRow],
    refuse: Callable[[Problem, str], BundleError],
) -> None:
    """The body holds exactly what the manifest announces, in shapes the log takes."""
    if not replica.valid_scan_rows(scans):
        raise refuse(Problem.MANIFEST_MISMATCH, "holds a scan in a form Kiosk cannot read.")
    parts: dict[str, list[int]] = {}
    for row in scans:
        part = parts.setdefault(row[1], [0, row[2], row[2]])
        part[0] += 1
        part[1] = min(part[1], row[2])
        part[2] = max(part[2], row[2])
    announced = {k.id: [k.count, k.first_seq, k.last_seq] for k in manifest.kiosks}
    if parts != announced:
        raise refuse(
            Problem.MANIFEST_MISMATCH,
            "does not hold the scans its manifest announces — export it again.",
        )
    if len(roster) != manifest.roster or not replica.valid_roster_rows(roster):
        raise refuse(
            Problem.MANIFEST_MISMATCH,
            "does not hold the attendee list its manifest announces — export it again.",
        )


# ---------------------------------------------------------------------------------------------
# Import


def bundle_files(target: Path) -> list[Path]:
    """The bundles a path names: the file itself, or every bundle in a folder."""
    if target.is_dir():
        return sorted(p for p in target.iterdir() if p.suffix == SUFFIX and p.is_file())
    return [target]


def merge_bundle(db: Database, bundle: Bundle) -> ImportResult:
    """Merge a verified bundle in one transaction: scans by id, kiosk names, the roster."""
    with db.write() as conn:
        replica.merge_kiosks(
            conn,
            bundle.kiosks,
            authoritative=[(bundle.manifest.kiosk_id, bundle.manifest.kiosk_name)],
        )
        events.merge_lists(conn, bundle.lists)  # first: the scans may be on a new list
        merged = replica.merge_scans(conn, bundle.scans)
        roster = replica.merge_roster(conn, bundle.roster)
        replica.rewind_roster_marks(conn, roster.oldest_change)
        meetings = meeting_store.merge_meetings(conn, bundle.meetings)
        marks = meeting_store.merge_marks(conn, bundle.meeting_marks)
        names = dict(replica.kiosks(conn))
        per_kiosk = [
            KioskImport(
                k.id,
                names.get(k.id, k.name),
                merged.added.get(k.id, 0),
                merged.present.get(k.id, 0),
                replica.gaps(conn, k.id),
            )
            for k in bundle.manifest.kiosks
        ]
    taken, refused = _take_revocations(db, bundle)
    return ImportResult(
        bundle.path, bundle.manifest, per_kiosk, roster, merged.clashes, meetings, marks,
        taken, refused,
    )  # fmt: skip


def _take_revocations(db: Database, bundle: Bundle) -> tuple[int, str]:
    """Hold the bundle's revocation list if it is newer than the one held here and passes the
    checks of a file import: signed by a key this file trusts, for this event. Returns the
    serial taken (0: none) and why a list was not taken ('' when there was nothing to say)."""
    if not bundle.revocations:
        return 0, ""
    with db.read() as here:
        held_document = keys.held_revocation_document(here)
        trusted = [k.raw for k in keys.trusted_keys(here)]
    if bundle.revocations == held_document:
        return 0, ""
    label = Path(f"the revocation list in {bundle.path.name}")
    if not trusted:
        return 0, (
            f"{label} was not taken: this kiosk holds no public key to check it with — add one "
            "with 'kiosk keys add-public'."
        )
    from kiosk.tickets import signing  # only a bundle that carries a list loads cryptography

    try:
        found = signing.read_revocations(
            label, bundle.revocations.encode("utf-8"), trusted, bundle.manifest.event_uid
        )
    except signing.SigningError as exc:
        return 0, str(exc)
    with db.read() as here:
        held = keys.held_revocations(here)
    if held is not None and found.serial <= held.serial:
        return 0, ""  # older or the same: the newer list held here stays
    try:
        keys.replace_revocations(
            db, found.serial, found.issued_at, found.key_id, bundle.revocations, found.revoked
        )
    except keys.StaleRevocations:
        return 0, ""  # a newer list arrived meanwhile
    return found.serial, ""


def import_bundle(db: Database, path: Path) -> ImportResult:
    """Verify one bundle, then merge it; raises :class:`BundleError` (nothing merged)."""
    return merge_bundle(db, read_bundle(path, events.event_info(db).uid))
