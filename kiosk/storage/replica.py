"""Reading and merging the replicated data: scans, kiosk names and the roster of other kiosks.

Merging scans is a set union keyed by ``scan_id`` (insert-only, in the spirit of the scan log's
append-only triggers): a scan already present is left alone, so merging is idempotent and the
order of merges does not matter. A scan that claims a (kiosk, sequence) slot another scan holds
is never merged but reported as a *clash*: it means two machines wrote under one kiosk identity.

The roster merges row by row, last writer wins: the version with the later ``updated_at`` (ties
broken by a digest of the row) is kept everywhere, which is also order-independent.

Every function here runs inside the caller's write transaction (``Database.write()``).
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from kiosk.core.hlc import Hlc, receive
from kiosk.core.model import AttendeeStatus
from kiosk.core.timeutil import from_utc_iso, to_utc_iso
from kiosk.storage import attendees, scanlog
from kiosk.storage.database import indexes_rebuilt_after
from kiosk.storage.syncstate import DEFAULT_HUB_SCHEMA as DEFAULT_HUB_SCHEMA
from kiosk.storage.syncstate import HUB_TARGET as HUB_TARGET
from kiosk.storage.syncstate import get_state as get_state
from kiosk.storage.syncstate import save_hub as save_hub
from kiosk.storage.syncstate import saved_hub as saved_hub
from kiosk.storage.syncstate import set_state as set_state

#: The columns of a scan as they travel between kiosks, in this order.
SCAN_COLUMNS: tuple[str, ...] = (
    "scan_id",
    "kiosk_id",
    "kiosk_seq",
    "at",
    "hlc",
    "list_id",
    "attendee_uid",
    "raw_code",
    "kind",
    "ref_scan_id",
    "outcome",
    "reason",
    "hint",
    "manual",
    "operator",
    "method",
    "note",
)

#: The columns of an attendee as they travel (after ``uid``), in this order.
#: Roster columns set on each person after the insert.
_ROSTER_EXTRA = ("note", "attention", "pending", "blocked", "blocked_at")
ROSTER_COLUMNS: tuple[str, ...] = (
    "code",
    *attendees.IMPORTED_COLUMNS,
    *_ROSTER_EXTRA,
    "created_at",
    "updated_at",  # last: readers take a row's version from its end
)
_ROSTER_FLAGS = ("attention", "pending", "blocked")

ScanRow = Sequence[Any]
RosterRow = tuple[Any, ...]

_SCAN_LIST = ", ".join(SCAN_COLUMNS)
_KINDS = frozenset({"entry", "exit", "void", "badge_printed"})
_OUTCOMES = frozenset({"accepted", "refused"})


@dataclass(frozen=True, slots=True)
class KioskRange:
    """What a log holds of one kiosk's scans."""

    count: int
    first_seq: int
    last_seq: int

    @property
    def gapless(self) -> bool:
        return self.first_seq == 1 and self.last_seq == self.count


@dataclass(slots=True)
class ScanMerge:
    """The outcome of merging scans: per kiosk id, how many were new and how many present."""

    added: dict[str, int] = field(default_factory=dict)
    present: dict[str, int] = field(default_factory=dict)
    #: Scans refused because another scan holds their (kiosk, sequence) slot.
    clashes: list[str] = field(default_factory=list)

    @property
    def total_added(self) -> int:
        return sum(self.added.values())


@dataclass(slots=True)
class RosterMerge:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    #: (uid, code) of people not merged: their code or external id belongs to someone else here.
    clashes: list[tuple[str, str]] = field(default_factory=list)
    #: The earliest ``updated_at`` among the rows added or changed ('' if none).
    oldest_change: str = ""

    def _changed(self, updated_at: str) -> None:
        if not self.oldest_change or updated_at < self.oldest_change:
            self.oldest_change = updated_at


# ---------------------------------------------------------------------------------------------
# Scans


def kiosk_ranges(conn: sqlite3.Connection) -> dict[str, KioskRange]:
    """Per kiosk id: how many of its scans this log holds, and the lowest and highest sequence."""
    return {
        k: KioskRange(n, lo, hi)
        for k, n, lo, hi in conn.execute(
            "SELECT kiosk_id, count(*), min(kiosk_seq), max(kiosk_seq) FROM scan GROUP BY kiosk_id"
        )
    }


def scan_rows(
    conn: sqlite3.Connection, kiosk_id: str | None = None, *, after_seq: int = 0
) -> list[ScanRow]:
    """Scans in :data:`SCAN_COLUMNS` order, by kiosk and sequence: one kiosk's (after a
    sequence number) or all."""
    if kiosk_id is None:
        return conn.execute(
            f"SELECT {_SCAN_LIST} FROM scan ORDER BY kiosk_id, kiosk_seq"
        ).fetchall()
    return conn.execute(
        f"SELECT {_SCAN_LIST} FROM scan WHERE kiosk_id = ? AND kiosk_seq > ? ORDER BY kiosk_seq",
        (kiosk_id, after_seq),
    ).fetchall()


def scan_row(conn: sqlite3.Connection, scan_id: str) -> ScanRow | None:
    """One scan in :data:`SCAN_COLUMNS` order."""
    row: ScanRow | None = conn.execute(
        f"SELECT {_SCAN_LIST} FROM scan WHERE scan_id = ?", (scan_id,)
    ).fetchone()
    return row


def valid_scan_rows(rows: Sequence[Sequence[Any]]) -> bool:
    """Whether rows from elsewhere have the shape and values the scan log takes (checked by
    column, so a 100,000-scan bundle is checked in a few passes)."""
    if not rows:
        return True
    try:
        if {len(r) for r in rows} != {len(SCAN_COLUMNS)}:
            return False
    except TypeError:
        return False
    (scan_ids, kiosk_ids, seqs, ats, hlcs, list_ids, uids, raws, kinds, refs, outcomes,
     reasons, hints, manuals, operators, methods, notes) = zip(*rows, strict=True)  # fmt: skip
    text, optional = {str}, {str, type(None)}
    for column, allowed in (
        (scan_ids, text), (kiosk_ids, text), (seqs, {int}), (ats, text), (hlcs, text),
        (list_ids, {int}), (uids, optional), (raws, text), (kinds, text), (refs, optional),
        (outcomes, text), (reasons, text), (hints, optional), (manuals, {int}),
        (operators, text), (methods, text), (notes, text),
    ):  # fmt: skip
        if not set(map(type, column)) <= allowed:
            return False
    if "" in set(scan_ids) or "" in set(kiosk_ids) or min(seqs) < 1:
        return False
    if not (set(kinds) <= _KINDS and set(outcomes) <= _OUTCOMES and set(manuals) <= {0, 1}):
        return False
    try:
        for h in (min(hlcs), max(hlcs)):
            Hlc.decode(h)
    except ValueError:
        return False
    return _utc_times(ats)


_UTC_ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z")


def _utc_times(texts: Iterable[str]) -> bool:
    """Every text is a time as the scan log stores it (``to_utc_iso``): anything else would
    trip every later reader of the scan (the desk deciding a rescan, the reports)."""
    try:
        for text in set(texts):
            if not _UTC_ISO.fullmatch(text):
                return False
            datetime.fromisoformat(text[:-1])
    except ValueError:
        return False
    return True


def merge_scans(
    conn: sqlite3.Connection, rows: Iterable[ScanRow], *, now_ms: int | None = None
) -> ScanMerge:
    """Insert the scans not present yet (by ``scan_id``); advance the clock past all of them."""
    incoming = list(rows)
    result = ScanMerge()
    if not incoming:
        return result
    held, slots = _held(conn, incoming)
    new: list[ScanRow] = []
    seen: set[str] = set()
    for row in incoming:
        scan_id, kiosk_id = row[0], row[1]
        if held.get(scan_id) == kiosk_id:
            result.present[kiosk_id] = result.present.get(kiosk_id, 0) + 1
        elif scan_id in seen:
            continue
        elif (kiosk_id, row[2]) in slots or scan_id in held:
            # Its slot holds another scan, or its id is another kiosk's scan here.
            result.clashes.append(scan_id)
        else:
            seen.add(scan_id)
            slots.add((kiosk_id, row[2]))
            new.append(row)
            result.added[kiosk_id] = result.added.get(kiosk_id, 0) + 1
    if new:
        new.sort(key=lambda r: (r[1], r[2]))
        # A bulk merge: many scans into a log holding no more (a day's bundle into a fresh
        # kiosk, a first pull from the hub).
        bulk = len(new) >= _BULK_SCANS and bool(
            conn.execute("SELECT count(*) <= ? FROM scan", (len(new),)).fetchone()[0]
        )
        with indexes_rebuilt_after(conn, "scan", bulk=bulk):
            conn.executemany(
                f"INSERT INTO scan ({_SCAN_LIST}) VALUES ({', '.join('?' * len(SCAN_COLUMNS))})",
                new,
            )
    newest = max((r[4] for r in incoming if held.get(r[0]) == r[1] or r[0] in seen), default=None)
    if newest:
        advance_clock(conn, newest, now_ms=now_ms)
    return result


#: Keys looked up per query (see _rows_in).
_PROBE = 500
#: When at least 1/8 as many of a kiosk's scans arrive as the log may hold of it (a bundle
#: merged again, a first pull), reading all of that kiosk's scans is cheaper than looking
#: each one up.
_READ_ALL_SHARE = 8


def _held(
    conn: sqlite3.Connection, incoming: Sequence[ScanRow]
) -> tuple[dict[str, str], set[tuple[str, int]]]:
    """What this log already holds of ``incoming``: the kiosk id of each incoming scan id it
    holds, and the incoming (kiosk id, sequence) slots that are taken.

    A few scans of a kiosk are looked up by key (the log's key and scan id index), so a merge
    costs what arrives, not what the log holds: a hub pull of a few dozen scans into a log of
    50,000 does not read all 50,000 inside the write transaction the desk's check-ins wait for.
    """
    held: dict[str, str] = {}
    slots: set[tuple[str, int]] = set()
    by_kiosk: dict[str, set[int]] = {}
    for r in incoming:
        by_kiosk.setdefault(r[1], set()).add(r[2])
    for kiosk_id, wanted in by_kiosk.items():
        top = conn.execute(
            "SELECT max(kiosk_seq) FROM scan WHERE kiosk_id = ?", (kiosk_id,)
        ).fetchone()[0]
        if top is None:
            continue  # none of this kiosk's scans here
        if len(wanted) * _READ_ALL_SHARE >= top:
            for scan_id, seq in conn.execute(
                "SELECT scan_id, kiosk_seq FROM scan WHERE kiosk_id = ?", (kiosk_id,)
            ):
                held[scan_id] = kiosk_id
                slots.add((kiosk_id, seq))
            continue
        query = "SELECT kiosk_seq FROM scan WHERE kiosk_id = ? AND kiosk_seq IN ({})"
        slots.update((kiosk_id, seq) for (seq,) in _rows_in(conn, query, sorted(wanted), kiosk_id))
    # Every id not found yet, whatever kiosk it claims: it may be held under another kiosk.
    ids = list({r[0] for r in incoming} - held.keys())
    held.update(_rows_in(conn, "SELECT scan_id, kiosk_id FROM scan WHERE scan_id IN ({})", ids))
    return held, slots


def _rows_in(
    conn: sqlite3.Connection, query: str, keys: Sequence[Any], *before: Any
) -> Iterator[Any]:
    """The rows of ``query``, whose ``IN ({})`` takes ``keys``, _PROBE keys at a time (well
    under SQLite's limit on parameters); ``before`` are the parameters ahead of the keys."""
    for start in range(0, len(keys), _PROBE):
        part = keys[start : start + _PROBE]
        yield from conn.execute(query.format(", ".join("?" * len(part))), (*before, *part))


#: From this many new scans (and at least as many as the log holds), the secondary indexes are
#: rebuilt after the merge rather than updated row by row.
_BULK_SCANS = 20_000


def advance_clock(conn: sqlite3.Connection, remote_hlc: str, *, now_ms: int | None = None) -> str:
    """Move this database's hybrid logical clock past a remote scan's (hlc.receive).

    The next local scan then sorts after every scan this kiosk has seen.
    """
    last = scanlog.clock(conn)
    now = time.time_ns() // 1_000_000 if now_ms is None else now_ms
    merged = receive(Hlc.decode(last) if last else Hlc(0), Hlc.decode(remote_hlc), now)
    text = merged.encode("clock")
    conn.execute(
        "INSERT INTO hlc_clock (id, hlc) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET hlc = "
        "excluded.hlc WHERE excluded.hlc > hlc_clock.hlc",
        (text,),
    )
    return text


def gaps(conn: sqlite3.Connection, kiosk_id: str) -> list[tuple[int, int]]:
    """Missing stretches (first, last) of one kiosk's sequence in this log: scans not merged yet
    (a bundle not imported, a hub not reached)."""
    found: list[tuple[int, int]] = []
    first = conn.execute(
        "SELECT min(kiosk_seq) FROM scan WHERE kiosk_id = ?", (kiosk_id,)
    ).fetchone()[0]
    if first is None:
        return found
    if first > 1:
        found.append((1, first - 1))
    found.extend(
        conn.execute(
            "SELECT kiosk_seq + 1, next - 1 FROM (SELECT kiosk_seq, lead(kiosk_seq) OVER "
            "(ORDER BY kiosk_seq) AS next FROM scan WHERE kiosk_id = ?) "
            "WHERE next > kiosk_seq + 1",
            (kiosk_id,),
        ).fetchall()
    )
    return found


@contextmanager
def snapshot(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One consistent view of the file for several reads (a bundle's log, roster and lists):
    a read transaction, which writers of other connections do not change under it."""
    conn.execute("BEGIN")
    try:
        yield conn
    finally:
        conn.execute("COMMIT")


# ---------------------------------------------------------------------------------------------
# Kiosks


def kiosks(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """Every kiosk this database knows: (id, name)."""
    return conn.execute("SELECT id, name FROM kiosk ORDER BY id").fetchall()


def merge_kiosks(
    conn: sqlite3.Connection,
    known: Iterable[tuple[str, str]],
    *,
    authoritative: Iterable[tuple[str, str]] = (),
) -> None:
    """Learn other kiosks' names. A kiosk already known keeps its name, except from an
    ``authoritative`` source — the kiosk itself (the exporter of a bundle) or the hub, where
    only each kiosk writes its own name — so a renamed kiosk is shown by its new name, while
    a name relayed second-hand never overwrites one (the order of imports does not matter).
    This kiosk's own name is never changed from outside."""
    conn.executemany("INSERT OR IGNORE INTO kiosk (id, name, local) VALUES (?, ?, 0)", known)
    conn.executemany(
        "INSERT INTO kiosk (id, name, local) VALUES (?, ?, 0) ON CONFLICT (id) DO UPDATE "
        "SET name = excluded.name WHERE kiosk.local = 0 AND kiosk.name != excluded.name",
        authoritative,
    )


# ---------------------------------------------------------------------------------------------
# Roster


def roster_rows(conn: sqlite3.Connection, *, changed_after: str = "") -> list[RosterRow]:
    """Attendees as (uid, *ROSTER_COLUMNS), those changed after a time (all by default)."""
    return conn.execute(
        f"SELECT {_ROSTER_SELECT} FROM attendee WHERE updated_at > ? ORDER BY updated_at, uid",
        (changed_after,),
    ).fetchall()


#: json.dumps(..., ensure_ascii=False) made once (json.dumps builds an encoder per call).
_ROW_JSON = json.JSONEncoder(ensure_ascii=False).encode


def roster_digest(row: Sequence[Any]) -> str:
    """A digest of one attendee row: breaks ties between versions with the same ``updated_at``
    (the SHA-256 of ``json.dumps(list(row), ensure_ascii=False)``; hubs keep it, so it never
    changes)."""
    return hashlib.sha256(_ROW_JSON(list(row)).encode()).hexdigest()


def roster_json(row: Sequence[Any]) -> tuple[str, str]:
    """One attendee row as JSON text and its :func:`roster_digest` (the text made once)."""
    text = _ROW_JSON(list(row))
    return text, hashlib.sha256(text.encode()).hexdigest()


def valid_roster_rows(rows: Sequence[Sequence[Any]]) -> bool:
    """Whether every row from elsewhere is one :func:`valid_roster_row` takes, checked by
    column (a 100,000-person bundle in a few passes rather than 100,000 calls)."""
    if not rows:
        return True
    try:
        if {len(r) for r in rows} != {len(ROSTER_COLUMNS) + 1}:
            return False
    except TypeError:
        return False
    columns = list(zip(*rows, strict=True))
    for at, column in enumerate(columns):
        if at in _FLAG_AT:
            if set(map(type, column)) != {int} or not set(column) <= {0, 1}:
                return False
        elif set(map(type, column)) != {str}:
            return False
    return (
        "" not in set(columns[0])
        and "" not in set(columns[1])
        and set(columns[_AT["status"]]) <= {"active", "cancelled"}
    )


def valid_roster_row(row: Sequence[Any]) -> bool:
    return (
        len(row) == len(ROSTER_COLUMNS) + 1
        and all(isinstance(v, str) for v in row[:3])
        and bool(row[0]) and bool(row[1])
        and all(isinstance(v, str) for i, v in enumerate(row) if i not in _FLAG_AT)
        and all(row[i] in (0, 1) and not isinstance(row[i], bool) for i in _FLAG_AT)
        and row[1 + ROSTER_COLUMNS.index("status")] in ("active", "cancelled")
    )  # fmt: skip


#: Where the 0/1 flags are in a roster row (uid first).
_FLAG_AT = frozenset(1 + ROSTER_COLUMNS.index(c) for c in _ROSTER_FLAGS)


_AT = {c: i + 1 for i, c in enumerate(ROSTER_COLUMNS)}
# The stored form of each travelling column ('' rather than NULL for no external id).
_ROSTER_SELECT = "uid, " + ", ".join(
    "coalesce(external_id, '')" if c == "external_id" else c for c in ROSTER_COLUMNS
)


def _local_rows(conn: sqlite3.Connection, uids: Sequence[str]) -> dict[str, tuple[int, RosterRow]]:
    """uid -> (id, the row as it travels) of the local attendees among ``uids``: looked up by
    uid, :data:`_PROBE` at a time (a pull merges a slice at a time: reading the whole roster for
    each would cost what the roster costs, not the slice), or read in one pass over the table
    when they are a good part of it (a bundle of the whole event)."""
    select = f"SELECT id, {_ROSTER_SELECT} FROM attendee"
    top = conn.execute("SELECT coalesce(max(id), 0) FROM attendee").fetchone()[0]
    if len(uids) * _READ_ALL_SHARE >= top:  # most of the roster: one pass over the table
        wanted = set(uids)
        return {row[1]: (row[0], row[1:]) for row in conn.execute(select) if row[1] in wanted}
    found = _rows_in(conn, select + " WHERE uid IN ({})", uids)
    return {row[1]: (row[0], row[1:]) for row in found}


def _just_after(stamp: str) -> str:
    """A version one microsecond newer than ``stamp``, for a row that merged two versions."""
    return to_utc_iso(from_utc_iso(stamp) + timedelta(microseconds=1))


def merge_roster(conn: sqlite3.Connection, rows: Iterable[RosterRow]) -> RosterMerge:
    """Merge attendees from elsewhere, last writer wins (``updated_at``, then the digest).

    One field is merged on its own: whether the ticket is blocked goes by ``blocked_at``, the
    time of the last block or unblock. A row written by a kiosk that had not yet heard of a
    block (a name corrected there meanwhile) is newer, but must not lift the block; and an older
    row can carry a newer block. The merged row gets a version just after both, so it travels on
    and every kiosk ends with the same row.

    The local versions of the incoming people are read in one statement per few hundred; a row
    equal to the one held (the usual case: every kiosk starts from the same prepared file, and a
    bundle is imported again) is counted unchanged without further work, so a merge costs what
    differs, not what arrives.
    """
    result = RosterMerge()
    incoming: list[RosterRow] = []
    again: list[RosterRow] = []  # a second row of one person: merged after the first
    seen: set[str] = set()
    for row in rows:
        (again if row[0] in seen else incoming).append(tuple(row))
        seen.add(row[0])
    if not incoming:
        return result
    local = _local_rows(conn, [row[0] for row in incoming])
    new: list[RosterRow] = []
    for row in incoming:
        uid, updated_at = row[0], row[_AT["updated_at"]]
        held = local.get(uid)
        if held is None:
            new.append(row)
            continue
        attendee_id, current = held
        if row == current:
            result.unchanged += 1
            continue
        my_updated_at = current[_AT["updated_at"]]
        my_blocked, my_blocked_at = current[_AT["blocked"]], str(current[_AT["blocked_at"]])
        their_blocked_at = str(row[_AT["blocked_at"]])
        if updated_at < my_updated_at:
            if their_blocked_at > my_blocked_at:  # an older row, but a newer block or unblock
                version = _just_after(str(my_updated_at))
                attendees.update(
                    conn,
                    attendee_id,
                    {"blocked": row[_AT["blocked"]], "blocked_at": their_blocked_at},
                    version,
                )
                result.updated += 1
                result._changed(version)
                continue
            result.unchanged += 1
            continue
        if updated_at == my_updated_at and roster_digest(row) <= roster_digest(current):
            result.unchanged += 1
            continue
        changes: dict[str, object] = {
            c: row[i]
            for c, i in _AT.items()
            if c not in ("created_at", "updated_at") and row[i] != current[i]
        }
        if my_blocked_at > their_blocked_at:  # a newer row that had not heard of our block
            changes.pop("blocked", None)
            changes.pop("blocked_at", None)
            if my_blocked != row[_AT["blocked"]]:
                # Our block wins: our row must travel on as the newest version.
                updated_at = _just_after(str(updated_at))
                changes = changes or {"blocked": my_blocked}
        if "external_id" in changes:
            changes["external_id"] = changes["external_id"] or None
        if "raw" in changes:
            changes["raw"] = json.loads(str(changes["raw"]))
        try:
            attendees.update(conn, attendee_id, changes, str(updated_at))
        except sqlite3.IntegrityError:
            result.clashes.append((uid, row[_AT["code"]]))
            continue
        result.updated += 1
        result._changed(str(updated_at))
    if new:
        _add_people(conn, new, result)
    if again:
        later = merge_roster(conn, again)
        result.added += later.added
        result.updated += later.updated
        result.unchanged += later.unchanged
        result.clashes.extend(later.clashes)
        if later.oldest_change:
            result._changed(later.oldest_change)
    return result


def _add_people(conn: sqlite3.Connection, rows: list[RosterRow], result: RosterMerge) -> None:
    """Insert people new here, in one batch; a row whose code or external id someone here
    (or an earlier row of the batch) already has is a clash, not merged."""
    codes = [row[_AT["code"]] for row in rows]
    external = [e for e in (row[_AT["external_id"]] for row in rows) if e]
    taken_codes = {
        c for (c,) in _rows_in(conn, "SELECT code FROM attendee WHERE code IN ({})", codes)
    }
    taken_external = {
        e
        for (e,) in _rows_in(
            conn, "SELECT external_id FROM attendee WHERE external_id IN ({})", external
        )
    }
    people: list[attendees.NewAttendee] = []
    kept: list[RosterRow] = []
    for row in rows:
        uid, code, external_id = row[0], row[_AT["code"]], row[_AT["external_id"]]
        if code in taken_codes or (external_id and external_id in taken_external):
            result.clashes.append((uid, code))
            continue
        taken_codes.add(code)
        if external_id:
            taken_external.add(external_id)
        people.append(
            attendees.NewAttendee(
                code=code,
                **{c: row[_AT[c]] for c in attendees.DETAIL_COLUMNS},
                external_id=external_id or "",
                status=AttendeeStatus(row[_AT["status"]]),
                days=frozenset(date.fromisoformat(d) for d in json.loads(row[_AT["days"]])),
                origin=row[_AT["origin"]],
                source=row[_AT["source"]],
                raw={},  # the row's own text is stored below, as it travelled
                uid=uid,
            )
        )
        kept.append(row)
    if not kept:
        return
    ids = attendees.insert_many(conn, people, "")
    conn.executemany(
        "UPDATE attendee SET created_at = ?, updated_at = ?, raw = ?, "
        + ", ".join(f"{c} = ?" for c in _ROSTER_EXTRA)
        + " WHERE id = ?",
        [
            (row[_AT["created_at"]], row[_AT["updated_at"]], row[_AT["raw"]],
             *(row[_AT[c]] for c in _ROSTER_EXTRA), attendee_id)
            for row, attendee_id in zip(kept, ids, strict=True)
        ],
    )  # fmt: skip
    result.added += len(kept)
    for row in kept:
        result._changed(str(row[_AT["updated_at"]]))


def rewind_roster_marks(conn: sqlite3.Connection, oldest: str) -> None:
    """Roster rows merged from a bundle may be older than what was last sent to a hub: move
    each hub's "sent up to" mark back so the next sync relays them too."""
    if not oldest:
        return
    # Just below ``oldest`` (a proper prefix sorts first), as marks are exclusive.
    conn.execute(
        "UPDATE sync_state SET value = ? WHERE key = 'roster_pushed' AND value >= ?",
        (oldest[:-1], oldest),
    )


# ---------------------------------------------------------------------------------------------
# Sync state (get_state, set_state, saved_hub, save_hub, imported above): in
# kiosk.storage.syncstate, which every check-in reads (is there a hub to ask?) without loading
# the merging code here.
