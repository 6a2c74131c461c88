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
import sqlite3
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kiosk.core.hlc import Hlc, receive
from kiosk.core.model import AttendeeStatus
from kiosk.storage import attendees

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
)

#: The columns of an attendee as they travel (after ``uid``), in this order.
ROSTER_COLUMNS: tuple[str, ...] = (
    "code",
    "external_id",
    *attendees.DETAIL_COLUMNS,
    "status",
    "days",
    "origin",
    "source",
    "raw",
    "created_at",
    "updated_at",
)

ScanRow = tuple[Any, ...]
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


def valid_scan_row(row: Sequence[Any]) -> bool:
    """Whether a row from elsewhere has the shape and values the scan log takes."""
    if len(row) != len(SCAN_COLUMNS):
        return False
    (scan_id, kiosk_id, seq, at, hlc, list_id, uid, raw, kind, ref, outcome, reason, hint,
     manual, operator) = row  # fmt: skip
    return (
        all(isinstance(v, str) and v for v in (scan_id, kiosk_id, at, hlc, reason))
        and isinstance(seq, int) and seq >= 1
        and isinstance(list_id, int)
        and (uid is None or isinstance(uid, str))
        and isinstance(raw, str)
        and kind in _KINDS
        and (ref is None or isinstance(ref, str))
        and outcome in _OUTCOMES
        and (hint is None or isinstance(hint, str))
        and manual in (0, 1)
        and isinstance(operator, str)
        and hlc.count(".") >= 2
    )  # fmt: skip


def merge_scans(
    conn: sqlite3.Connection, rows: Iterable[ScanRow], *, now_ms: int | None = None
) -> ScanMerge:
    """Insert the scans not present yet (by ``scan_id``); advance the clock past all of them."""
    conn.execute(
        "CREATE TEMP TABLE IF NOT EXISTS merge_scan ("
        "scan_id TEXT PRIMARY KEY, kiosk_id TEXT, kiosk_seq INTEGER, at TEXT, hlc TEXT, "
        "list_id INTEGER, attendee_uid TEXT, raw_code TEXT, kind TEXT, ref_scan_id TEXT, "
        "outcome TEXT, reason TEXT, hint TEXT, manual INTEGER, operator TEXT, "
        "state INTEGER NOT NULL DEFAULT 0)"
    )
    conn.execute("DELETE FROM temp.merge_scan")
    conn.executemany(
        f"INSERT OR IGNORE INTO temp.merge_scan ({_SCAN_LIST}) "
        f"VALUES ({', '.join('?' * len(SCAN_COLUMNS))})",
        rows,
    )
    # state: 0 new, 1 present (same scan id), 2 clash (slot taken by another scan).
    conn.execute(
        "UPDATE temp.merge_scan SET state = 1 WHERE EXISTS "
        "(SELECT 1 FROM main.scan s WHERE s.scan_id = merge_scan.scan_id)"
    )
    conn.execute(
        "UPDATE temp.merge_scan SET state = 2 WHERE state = 0 AND EXISTS "
        "(SELECT 1 FROM main.scan s WHERE s.kiosk_id = merge_scan.kiosk_id "
        "AND s.kiosk_seq = merge_scan.kiosk_seq)"
    )
    result = ScanMerge()
    for kiosk_id, state, n in conn.execute(
        "SELECT kiosk_id, state, count(*) FROM temp.merge_scan GROUP BY kiosk_id, state"
    ):
        if state == 0:
            result.added[kiosk_id] = n
        elif state == 1:
            result.present[kiosk_id] = n
    result.clashes = [
        r[0] for r in conn.execute("SELECT scan_id FROM temp.merge_scan WHERE state = 2")
    ]
    conn.execute(
        f"INSERT INTO main.scan ({_SCAN_LIST}) SELECT {_SCAN_LIST} FROM temp.merge_scan "
        "WHERE state = 0 ORDER BY kiosk_id, kiosk_seq"
    )
    newest = conn.execute("SELECT max(hlc) FROM temp.merge_scan WHERE state != 2").fetchone()[0]
    conn.execute("DELETE FROM temp.merge_scan")
    if newest:
        advance_clock(conn, newest, now_ms=now_ms)
    return result


def advance_clock(conn: sqlite3.Connection, remote_hlc: str, *, now_ms: int | None = None) -> str:
    """Move this database's hybrid logical clock past a remote scan's (hlc.receive).

    The next local scan then sorts after every scan this kiosk has seen.
    """
    last = conn.execute(
        "SELECT max(coalesce((SELECT max(hlc) FROM scan), ''), "
        "coalesce((SELECT hlc FROM hlc_clock), ''))"
    ).fetchone()[0]
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


# ---------------------------------------------------------------------------------------------
# Kiosks


def kiosks(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """Every kiosk this database knows: (id, name)."""
    return conn.execute("SELECT id, name FROM kiosk ORDER BY id").fetchall()


def merge_kiosks(conn: sqlite3.Connection, known: Iterable[tuple[str, str]]) -> None:
    """Learn other kiosks' names (a kiosk already known keeps its row)."""
    conn.executemany("INSERT OR IGNORE INTO kiosk (id, name, local) VALUES (?, ?, 0)", known)


# ---------------------------------------------------------------------------------------------
# Roster


def roster_rows(conn: sqlite3.Connection, *, changed_after: str = "") -> list[RosterRow]:
    """Attendees as (uid, *ROSTER_COLUMNS), those changed after a time (all by default)."""
    return conn.execute(
        f"SELECT {_ROSTER_SELECT} FROM attendee WHERE updated_at > ? ORDER BY updated_at, uid",
        (changed_after,),
    ).fetchall()


def roster_digest(row: Sequence[Any]) -> str:
    """A digest of one attendee row: breaks ties between versions with the same ``updated_at``."""
    return hashlib.sha256(json.dumps(list(row), ensure_ascii=False).encode()).hexdigest()


def valid_roster_row(row: Sequence[Any]) -> bool:
    return (
        len(row) == len(ROSTER_COLUMNS) + 1
        and all(isinstance(v, str) for v in row[:3])
        and bool(row[0]) and bool(row[1])
        and all(isinstance(v, str) for v in row[3:])
        and row[1 + ROSTER_COLUMNS.index("status")] in ("active", "cancelled")
    )  # fmt: skip


_AT = {c: i + 1 for i, c in enumerate(ROSTER_COLUMNS)}
# The stored form of each travelling column ('' rather than NULL for no external id).
_ROSTER_SELECT = "uid, " + ", ".join(
    "coalesce(external_id, '')" if c == "external_id" else c for c in ROSTER_COLUMNS
)


def merge_roster(conn: sqlite3.Connection, rows: Iterable[RosterRow]) -> RosterMerge:
    """Merge attendees from elsewhere, last writer wins (``updated_at``, then the digest)."""
    result = RosterMerge()
    incoming = list(rows)
    if not incoming:
        return result
    local = {
        uid: (attendee_id, updated_at)
        for uid, attendee_id, updated_at in conn.execute("SELECT uid, id, updated_at FROM attendee")
    }
    select = f"SELECT {_ROSTER_SELECT} FROM attendee WHERE id = ?"
    new: list[RosterRow] = []
    for row in incoming:
        uid, updated_at = row[0], row[_AT["updated_at"]]
        mine = local.get(uid)
        if mine is None:
            new.append(row)
            continue
        attendee_id, my_updated_at = mine
        if updated_at < my_updated_at:
            result.unchanged += 1
            continue
        current = conn.execute(select, (attendee_id,)).fetchone()
        if updated_at == my_updated_at and roster_digest(row) <= roster_digest(current):
            result.unchanged += 1
            continue
        changes: dict[str, object] = {
            c: row[i]
            for c, i in _AT.items()
            if c not in ("created_at", "updated_at") and row[i] != current[i]
        }
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
    for row in new:
        uid = row[0]
        code, external_id = row[_AT["code"]], row[_AT["external_id"]]
        taken = conn.execute(
            "SELECT 1 FROM attendee WHERE code = ? OR (? != '' AND external_id = ?)",
            (code, external_id, external_id),
        ).fetchone()
        if taken:
            result.clashes.append((uid, code))
            continue
        person = attendees.NewAttendee(
            code=code,
            **{c: row[_AT[c]] for c in attendees.DETAIL_COLUMNS},
            external_id=external_id or "",
            status=AttendeeStatus(row[_AT["status"]]),
            days=frozenset(date.fromisoformat(d) for d in json.loads(row[_AT["days"]])),
            origin=row[_AT["origin"]],
            source=row[_AT["source"]],
            raw=json.loads(row[_AT["raw"]]),
            uid=uid,
        )
        (attendee_id,) = attendees.insert_many(conn, [person], row[_AT["updated_at"]])
        conn.execute(
            "UPDATE attendee SET created_at = ?, raw = ? WHERE id = ?",
            (row[_AT["created_at"]], row[_AT["raw"]], attendee_id),
        )
        result.added += 1
    return result


# ---------------------------------------------------------------------------------------------
# Sync state


def get_state(conn: sqlite3.Connection, target: str, key: str, default: str = "") -> str:
    row = conn.execute(
        "SELECT value FROM sync_state WHERE target = ? AND key = ?", (target, key)
    ).fetchone()
    return str(row[0]) if row else default


def set_state(conn: sqlite3.Connection, target: str, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO sync_state (target, key, value) VALUES (?, ?, ?) "
        "ON CONFLICT (target, key) DO UPDATE SET value = excluded.value",
        (target, key, value),
    )
