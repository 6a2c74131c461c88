"""Importing registrations into the event: match, update, add, cancel — all in one transaction."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar

from kiosk.core import codes
from kiosk.core.gcpause import paused_gc
from kiosk.core.identity import name_key
from kiosk.core.model import AttendeeStatus, Registration
from kiosk.core.timeutil import to_utc_iso
from kiosk.importing.checks import Finding, check_limits
from kiosk.importing.errors import ImportFileError
from kiosk.importing.mapping import ParsedColumns, detect_mapping, load_mapping_file, parse_columns
from kiosk.importing.readers import read_table
from kiosk.storage import attendees, imports
from kiosk.storage.attendees import DETAIL_COLUMNS, NewAttendees, days_json
from kiosk.storage.database import Database
from kiosk.storage.events import checkin_lists

#: Fields compared and updated on re-import.
_FIELDS = DETAIL_COLUMNS
ORIGIN_IMPORT = "import"
_V = TypeVar("_V")


@dataclass(frozen=True, slots=True)
class SkippedRow:
    row: int
    reason: str  # stable code: no_name, duplicate_code, code_conflict, ...
    detail: str


@dataclass(slots=True)
class ImportReport:
    """What an import did (or, with ``dry_run``, would do)."""

    file: str
    format: str
    encoding: str | None
    delimiter: str | None
    sheet: str | None
    preset: str | None
    columns: dict[str, str]  # field -> header used
    ignored_columns: list[str]
    rows: int
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    cancelled: int = 0  # newly cancelled: marked so in the file, or missing from it
    reactivated: int = 0
    skipped: list[SkippedRow] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    dry_run: bool = False
    source: str = "registrations"
    #: Why this sheet of a workbook was read ("" for CSV).
    sheet_reason: str = ""
    #: Suspicious values imported as they are: row, column, reason code, text.
    findings: list[Finding] = field(default_factory=list)
    #: Rows understood and left out on purpose (awaiting approval).
    left_out: list[SkippedRow] = field(default_factory=list)
    #: People of this source missing from the file: cancelled (``cancelled_missing``) or not.
    missing: list[MissingPerson] = field(default_factory=list)
    cancelled_missing: bool = False
    #: The platform events the file is from (pretix event slugs), when it says.
    events: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class MissingPerson:
    """Someone imported earlier into the same source who is not in this file."""

    id: int
    code: str
    name: str


#: A run may leave out at most this many people of a source, and at most this share of it,
#: without being told what to do about them (--cancel-missing or --keep-missing).
MISSING_PEOPLE_LIMIT = 5
MISSING_SHARE_LIMIT = 0.10


class _Rollback(Exception):
    """Raised inside the transaction of a dry run to discard it."""


def import_file(
    db: Database,
    path: str | Path,
    *,
    mapping_file: str | Path | None = None,
    source: str = "registrations",
    dry_run: bool = False,
    cancel_missing: bool | None = None,
    sheet: str | None = None,
    skip_bad_rows: bool = False,
    strict: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Import a CSV, XLSX or ODS registration file. Raises :class:`ImportFileError` (with a
    stable ``reason``) for a bad file or a refused run; in that case nothing has changed.

    People are matched by external id, then ticket code, then e-mail: an e-mail only one person
    uses identifies them; an e-mail several people share (colleagues' office address) identifies
    the one whose name also matches (:func:`kiosk.core.identity.name_key`: cross-script,
    diacritic-blind). A file without e-mails matches by a name that is unique on both sides.

    People of the same ``source`` who are missing from the file are never cancelled by surprise:

    * ``cancel_missing=True`` (asked): they are cancelled, if the file is clearly the same list
      (it matches people of this source and comes from the same platform event); otherwise the
      run is refused (``different_list``).
    * ``cancel_missing=False``: they are kept and listed.
    * ``None`` (not said): they are kept and listed, unless more than
      :data:`MISSING_PEOPLE_LIMIT` people or more than :data:`MISSING_SHARE_LIMIT` of the source
      are missing, or the file matches nobody of the source: then the run is refused
      (``many_missing``), naming them, because the file is probably another list or a partial
      export.

    Rows that cannot be read (a day or status not understood, no name, a code used twice) refuse
    the run (``bad_rows``) unless ``skip_bad_rows``. With ``strict``, suspicious values
    (:mod:`kiosk.importing.checks`) refuse it too (``warnings_strict``).
    """
    path = Path(path)
    with paused_gc():
        return _import(
            db, path, mapping_file, source, dry_run, cancel_missing, sheet, skip_bad_rows,
            strict, progress,
        )  # fmt: skip


def _import(
    db: Database,
    path: Path,
    mapping_file: str | Path | None,
    source: str,
    dry_run: bool,
    cancel_missing: bool | None,
    sheet: str | None,
    skip_bad_rows: bool,
    strict: bool,
    progress: Callable[[int, int], None] | None,
) -> ImportReport:
    table = read_table(path, sheet)
    override = load_mapping_file(mapping_file) if mapping_file else None
    mapping = detect_mapping(table, override)
    check_limits(table, mapping.columns.get("code"))
    parsed = parse_columns(table, mapping, event_days(db))
    report = ImportReport(
        file=str(path),
        format=table.format,
        encoding=table.encoding,
        delimiter=table.delimiter,
        sheet=table.sheet,
        preset=mapping.preset,
        columns={f: table.headers[i] for f, i in mapping.columns.items()},
        ignored_columns=list(mapping.ignored),
        rows=len(table.rows),
        skipped=[SkippedRow(s.row, s.reason, s.detail) for s in parsed.skipped],
        warnings=list(parsed.warnings),
        dry_run=dry_run,
        source=source,
        sheet_reason=table.sheet_reason,
        findings=list(parsed.findings),
        left_out=[SkippedRow(s.row, s.reason, s.detail) for s in parsed.left_out],
        events=list(parsed.events),
    )
    if strict and report.findings:
        raise ImportFileError(
            path,
            f"{len(report.findings)} suspicious values were found and --strict refuses them",
            "fix them in the source and export again, or import without --strict to take the "
            "values as they are; nothing was imported",
            reason="warnings_strict",
            details=tuple(f.text() for f in report.findings[:50]),
        )
    _refuse_bad_rows(path, report, skip_bad_rows)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    try:
        with db.write() as conn:
            _merge(conn, parsed, report, source, cancel_missing, progress)
            _refuse_bad_rows(path, report, skip_bad_rows)
            if dry_run:
                raise _Rollback
            imports.record_run(
                conn, to_utc_iso(datetime.now(UTC)), str(path), digest, report.as_json()
            )
    except _Rollback:
        pass
    return report


def _refuse_bad_rows(path: Path, report: ImportReport, skip_bad_rows: bool) -> None:
    if not report.skipped or skip_bad_rows:
        return
    count = len(report.skipped)
    raise ImportFileError(
        path,
        f"{count} row{'s' if count > 1 else ''} cannot be imported as written "
        f"({', '.join(sorted({s.reason for s in report.skipped}))})",
        "correct them in the file, or import with --skip-bad-rows to import the others and "
        "leave these out; nothing was imported",
        reason="bad_rows",
        details=tuple(f"{s.detail} [{s.reason}]" for s in report.skipped[:50]),
    )


class _People:
    """The people already in the event, indexed the ways a row can identify one of them."""

    def __init__(self, existing: list[sqlite3.Row]) -> None:
        self.by_external = {r["external_id"]: r for r in existing if r["external_id"]}
        self.by_code = {r["code"]: r for r in existing}
        self.by_code_upper = {r["code"].upper(): r for r in existing}
        self.by_email: dict[str, list[sqlite3.Row]] = {}
        self.by_name: dict[str, list[sqlite3.Row]] = {}
        for r in existing:
            if r["email"]:
                self.by_email.setdefault(r["email"].lower(), []).append(r)
        self._names_done = False
        self._existing = existing
        self._keys: dict[int, str] = {}

    def key(self, row: sqlite3.Row) -> str:
        """The person's name key (:func:`name_key`), computed once per person."""
        key = self._keys.get(row["id"])
        if key is None:
            key = self._keys[row["id"]] = name_key(row["first_name"], row["last_name"])
        return key

    def names(self) -> dict[str, list[sqlite3.Row]]:
        if not self._names_done:
            for r in self._existing:
                key = self.key(r)
                if key:
                    self.by_name.setdefault(key, []).append(r)
            self._names_done = True
        return self.by_name


class _FileNames:
    """The name keys of the file's rows, computed only when a row needs them (rows with an id,
    a code or an e-mail of their own never do)."""

    def __init__(self, parsed: ParsedColumns) -> None:
        self._parsed = parsed

    def key(self, j: int) -> str:
        return name_key(self._parsed.first_name[j], self._parsed.last_name[j])


def _merge(
    conn: sqlite3.Connection,
    parsed: ParsedColumns,
    report: ImportReport,
    source: str,
    cancel_missing: bool | None,
    progress: Callable[[int, int], None] | None,
) -> None:
    now = to_utc_iso(datetime.now(UTC))
    existing = imports.existing_people(conn)
    people = _People(existing)
    # How often each e-mail and each name occurs in the file: an address several rows share
    # identifies nobody alone.
    file_emails = Counter(e.lower() for e in parsed.email if e)
    file_names = _FileNames(parsed)
    seen: set[int] = set()
    new: list[int] = []  # indexes of the registrations to add
    total = len(parsed.rows)
    numbers, file_codes = parsed.rows, parsed.code
    for j, code in enumerate(file_codes):
        done = j + 1
        match = None
        if existing:
            match = _match(parsed, j, source, people, file_emails, file_names, seen)
        if match is not None and match["id"] in seen:
            report.skipped.append(
                SkippedRow(
                    numbers[j],
                    "duplicate_person",
                    f"row {numbers[j]} describes a person already in this file (id {match['id']})",
                )
            )
            continue
        if code and match is not None and code != match["code"]:
            holder = people.by_code.get(code)
            if holder is not None and holder["id"] != match["id"]:
                report.skipped.append(
                    SkippedRow(
                        numbers[j],
                        "code_conflict",
                        f"code {code} already belongs to another attendee (id {holder['id']})",
                    )
                )
                continue
        if match is None:
            new.append(j)
            continue
        seen.add(match["id"])
        changes = _changes(match, parsed.registration(j), source)
        if changes:
            old_status = match["status"]
            if changes.get("status") == AttendeeStatus.CANCELLED.value:
                report.cancelled += 1
            elif changes.get("status") == AttendeeStatus.ACTIVE.value and old_status != "active":
                report.reactivated += 1
            attendees.update(conn, match["id"], changes, now)
            report.updated += 1
        else:
            report.unchanged += 1
        if progress and done % 1000 == 0:
            progress(done, total)
    _insert_new(conn, parsed, new, source, set(people.by_code), now)
    report.added = len(new)
    report.cancelled += sum(1 for j in new if parsed.cancelled[j])
    if parsed.rows:
        _missing(conn, existing, seen, report, source, cancel_missing, now)
    if progress:
        progress(total, total)


def _missing(
    conn: sqlite3.Connection,
    existing: list[sqlite3.Row],
    seen: set[int],
    report: ImportReport,
    source: str,
    cancel_missing: bool | None,
    now: str,
) -> None:
    """Deal with the active people of ``source`` who are not in this file (see import_file)."""
    of_source = [r for r in existing if r["source"] == source and r["status"] == "active"]
    missing = [r for r in of_source if r["id"] not in seen]
    if not missing:
        return
    report.missing = [
        MissingPerson(r["id"], r["code"], f"{r['first_name']} {r['last_name']}".strip())
        for r in missing
    ]
    listed = tuple(f"{p.name} (code {p.code})" for p in report.missing[:50])
    if len(report.missing) > 50:
        listed += (f"… and {len(report.missing) - 50} more",)
    path = report.file
    matched = sum(1 for r in of_source if r["id"] in seen)
    if cancel_missing is False:
        report.warnings.append(
            f"{len(missing)} people imported earlier into '{source}' are not in this file; they "
            "were kept (--keep-missing)."
        )
        return
    if cancel_missing:
        why_not = _not_same_list(conn, report, source, matched)
        if why_not:
            raise ImportFileError(
                path,
                f"--cancel-missing would cancel {len(missing)} people of the list '{source}', "
                f"but this file is not clearly the same list: {why_not}",
                "import a separate list under its own name (--source speakers), or export the "
                "same list again; nothing was imported",
                reason="different_list",
                details=listed,
            )
        imports.cancel(conn, [r["id"] for r in missing], now)
        report.cancelled += len(missing)
        report.cancelled_missing = True
        report.warnings.append(
            f"{len(missing)} people imported earlier into '{source}' are not in this file and "
            "were marked cancelled, as asked (their check-ins are kept)."
        )
        return
    share = len(missing) / len(of_source)
    different = matched == 0
    if different or len(missing) > MISSING_PEOPLE_LIMIT or share > MISSING_SHARE_LIMIT:
        raise ImportFileError(
            path,
            f"{len(missing)} of the {len(of_source)} people imported earlier into '{source}' "
            "are not in this file"
            + (" (none of them is: it looks like a different list)" if different else ""),
            ("import a separate list under its own name (--source speakers); " if different else "")
            + "if these people really cancelled, import again with --cancel-missing; to import "
            "without cancelling anyone, use --keep-missing; nothing was imported",
            reason="many_missing",
            details=listed,
        )
    report.warnings.append(
        f"{len(missing)} people imported earlier into '{source}' are not in this file; they "
        "were kept (import with --cancel-missing to cancel them): " + "; ".join(listed)
    )


def _not_same_list(
    conn: sqlite3.Connection, report: ImportReport, source: str, matched: int
) -> str:
    """Why this file is not clearly the same list as ``source`` ("" when it is)."""
    if matched == 0:
        return "none of the people in it were imported into that list before"
    last = imports.last_run_of_source(conn, source)
    if last is None:
        return ""
    before, now = last.get("preset"), report.preset
    if before and now and before != now:
        return f"the list came from {before} and this file from {now}"
    events_before, events_now = set(last.get("events") or ()), set(report.events)
    if events_before and events_now and not events_before & events_now:
        return (
            f"the list is of the event {', '.join(sorted(events_before))} and this file of "
            f"{', '.join(sorted(events_now))}"
        )
    return ""


def _insert_new(
    conn: sqlite3.Connection,
    parsed: ParsedColumns,
    new: list[int],
    source: str,
    taken: set[str],
    now: str,
) -> None:
    """Add the registrations at indexes ``new``; those without a code get a generated one."""
    everyone = len(new) == len(parsed.rows)

    def pick(values: list[_V]) -> list[_V]:
        return values if everyone else [values[j] for j in new]

    new_codes = list(pick(parsed.code))
    taken.update(c for c in new_codes if c)
    without = [i for i, c in enumerate(new_codes) if not c]
    # Random codes handed out in ascending order: still unguessable, and the unique index on
    # code is appended to rather than split at random (a large first import is much faster).
    for i, code in zip(without, sorted(codes.generate_many(len(without), taken)), strict=True):
        new_codes[i] = code
    ids = attendees.insert_columns(
        conn,
        NewAttendees(
            codes=new_codes,
            details={c: pick(getattr(parsed, c)) for c in _FIELDS},
            external_ids=pick(parsed.external_id),
            cancelled=pick(parsed.cancelled),
            days=pick(parsed.days),
            raw=parsed.raw_json(new),
            origins=[ORIGIN_IMPORT] * len(new),
            sources=[source] * len(new),
            uids=[""] * len(new),
        ),
        now,
    )
    if parsed.unpaid or parsed.has_desk_columns:
        desk = [(i, _desk_fields(parsed.registration(j))) for i, j in zip(ids, new, strict=True)]
        imports.set_desk_fields(
            conn, [(i, v) for i, v in desk if v.get("pending") or len(v) > 1]
        )


def _match(
    parsed: ParsedColumns,
    j: int,
    source: str,
    people: _People,
    file_emails: Counter[str],
    file_names: _FileNames,
    seen: set[int],
) -> sqlite3.Row | None:
    """The person row ``j`` describes: by external id, code, then e-mail (plus the name when
    the e-mail is shared), then, for a row without e-mail or with one nobody had, the same name
    in ``source``; None for a new person."""
    external_id, code, email = parsed.external_id[j], parsed.code[j], parsed.email[j]
    if external_id and external_id in people.by_external:
        return people.by_external[external_id]
    if code:
        found = people.by_code.get(code) or people.by_code_upper.get(code.upper())
        if found is not None:
            return found
    if email:
        address = email.lower()
        candidates = [
            r
            for r in people.by_email.get(address, [])
            if r["id"] not in seen
            and not (external_id and r["external_id"])
            and not (code and r["code"].upper() != code.upper())
        ]
        if (
            len(candidates) == 1
            and file_emails[address] == 1
            and len(people.by_email.get(address, [])) == 1
        ):
            return candidates[0]
        # A shared address: only a person with the same name. Several (the same person listed
        # twice, identical rows) pair up in the order they were added, so codes stay put.
        key = file_names.key(j)
        named = [r for r in candidates if people.key(r) == key]
        if named or address in people.by_email:
            return named[0] if named else None
    key = file_names.key(j)
    if key:
        # No e-mail, or one nobody had (a corrected address): the same name in the same list,
        # never someone with another id or code or whose address is elsewhere in this file;
        # identical names pair up in the order they were added.
        for r in people.names().get(key, []):
            if (
                r["source"] == source
                and r["id"] not in seen
                and not (r["email"] and r["email"].lower() in file_emails)
                and not (external_id and r["external_id"])
                and not (code and r["code"].upper() != code.upper())
            ):
                return r
    return None


def _changes(row: sqlite3.Row, reg: Registration, source: str) -> dict[str, object]:
    changes: dict[str, object] = {f: getattr(reg, f) for f in _FIELDS if getattr(reg, f) != row[f]}
    status = AttendeeStatus.CANCELLED.value if reg.cancelled else AttendeeStatus.ACTIVE.value
    if status != row["status"]:
        changes["status"] = status
    if reg.code and reg.code != row["code"]:
        changes["code"] = reg.code
    if reg.external_id and reg.external_id != row["external_id"]:
        changes["external_id"] = reg.external_id
    stored_days = days_json(reg.days)
    if stored_days != row["days"]:
        changes["days"] = stored_days
    if row["source"] != source:
        changes["source"] = source
    for column, value in _desk_fields(reg).items():
        if value != row[column]:
            changes[column] = value
    if changes and json.loads(row["raw"]) != reg.raw:
        changes["raw"] = reg.raw
    return changes


def _desk_fields(reg: Registration) -> dict[str, object]:
    """What the file says for the desk: not paid yet (always), and the note and attention
    flag where the file has them (a note staff wrote at the desk is not cleared by a file
    without one)."""
    found: dict[str, object] = {"pending": int(reg.pending)}
    if reg.note:
        found["note"] = reg.note
    if reg.attention:
        found["attention"] = 1
    return found


def event_days(db: Database) -> list[date]:
    return sorted(cl.day for cl in checkin_lists(db) if cl.day is not None)


__all__ = ["ImportFileError", "ImportReport", "MissingPerson", "SkippedRow", "import_file"]
