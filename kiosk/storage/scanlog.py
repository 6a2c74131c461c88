"""The append-only scan log: writing scans, reading a person's history, undo targets, views."""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from kiosk.core.hlc import Hlc, tick
from kiosk.core.model import Attendee, Scan, ScanKind
from kiosk.core.reasons import Hint, Reason, accepted
from kiosk.core.timeutil import from_utc_iso, to_utc_iso
from kiosk.storage import attendees
from kiosk.storage.events import LISTS_STAMP


@dataclass(frozen=True, slots=True)
class NewScan:
    kiosk_id: str
    at: datetime
    list_id: int
    kind: ScanKind
    reason: Reason
    attendee_uid: str | None = None
    raw_code: str = ""
    ref_scan_id: str | None = None
    hint: Hint | None = None
    manual: bool = False
    operator: str = ""
    method: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class StoredScan:
    scan_id: str
    kiosk_seq: int
    hlc: str


# The RFC 4122 variant digit (binary 10xx) for each random hex digit.
_VARIANT = {d: "89ab"[int(d, 16) & 3] for d in "0123456789abcdef"}


def new_scan_id() -> str:
    """A random (version 4) UUID as text, as ``str(uuid.uuid4())`` makes it, in a third the time."""
    h = os.urandom(16).hex()
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:]}"


def _utc_text(instant: datetime) -> str:
    """:func:`to_utc_iso`, without the time zone conversion and strftime when already in UTC."""
    if instant.tzinfo is UTC and instant.year >= 1000:
        return instant.isoformat(timespec="microseconds")[:-6] + "Z"
    return to_utc_iso(instant)


# The next sequence number of one kiosk, and the highest hybrid-logical-clock value in the log.
# Both come off the (kiosk_id, kiosk_seq) key: every kiosk's clock only goes forward, so the
# highest value is the largest of each kiosk's newest scan. The kiosks in the log are found by
# skipping from one kiosk id to the next (two key probes per kiosk, however long the log).
_KIOSKS = """
WITH RECURSIVE kiosks(id) AS (
    SELECT (SELECT kiosk_id FROM scan ORDER BY kiosk_id LIMIT 1)
    UNION ALL
    SELECT (SELECT kiosk_id FROM scan WHERE kiosk_id > kiosks.id ORDER BY kiosk_id LIMIT 1)
    FROM kiosks WHERE kiosks.id IS NOT NULL
)
"""
_HIGHEST_HLC = """
(SELECT max((SELECT hlc FROM scan WHERE kiosk_id = kiosks.id ORDER BY kiosk_seq DESC LIMIT 1))
 FROM kiosks WHERE kiosks.id IS NOT NULL)
"""
# The clock after merging other kiosks' scans (kiosk.storage.replica.advance_clock) counts too.
_CLOCK = (
    "nullif(max(coalesce("
    + _HIGHEST_HLC
    + ", ''), coalesce((SELECT hlc FROM hlc_clock), '')), '')"
)
_NEXT_SEQ_AND_CLOCK = (
    _KIOSKS
    + "SELECT (SELECT coalesce(max(kiosk_seq), 0) + 1 FROM scan WHERE kiosk_id = ?), "
    + _CLOCK
)


def highest_hlc(conn: sqlite3.Connection) -> str | None:
    """The highest hybrid-logical-clock value in the log (None when it is empty)."""
    value: str | None = conn.execute(_KIOSKS + "SELECT " + _HIGHEST_HLC).fetchone()[0]
    return value


def clock(conn: sqlite3.Connection) -> str | None:
    """This database's clock: the highest value in the log or reached by merging other kiosks'
    scans, whichever is later (None before anything happened)."""
    value: str | None = conn.execute(_KIOSKS + "SELECT " + _CLOCK).fetchone()[0]
    return value


def append(conn: sqlite3.Connection, scan: NewScan) -> StoredScan:
    """Append one scan inside the caller's write transaction.

    The per-kiosk sequence is gapless (the next number after the kiosk's highest, taken under
    the write lock); the hybrid logical clock never goes back, even when the wall clock does.
    """
    seq, last = conn.execute(_NEXT_SEQ_AND_CLOCK, (scan.kiosk_id,)).fetchone()
    hlc = tick(Hlc.decode(last) if last else Hlc(0), time.time_ns() // 1_000_000).encode(
        scan.kiosk_id[:8]
    )
    scan_id = new_scan_id()
    conn.execute(
        "INSERT INTO scan (scan_id, kiosk_id, kiosk_seq, at, hlc, list_id, attendee_uid, raw_code, "
        "kind, ref_scan_id, outcome, reason, hint, manual, operator, method, note) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            scan_id,
            scan.kiosk_id,
            seq,
            _utc_text(scan.at),
            hlc,
            scan.list_id,
            scan.attendee_uid,
            scan.raw_code,
            scan.kind.value,
            scan.ref_scan_id,
            "accepted" if accepted(scan.reason) else "refused",
            scan.reason.value,
            scan.hint.value if scan.hint else None,
            int(scan.manual),
            scan.operator,
            scan.method,
            scan.note,
        ),
    )
    return StoredScan(scan_id, seq, hlc)


def _scan_from_row(row: sqlite3.Row) -> Scan:
    return Scan(
        scan_id=row["scan_id"],
        kiosk_id=row["kiosk_id"],
        at=from_utc_iso(row["at"]),
        kind=ScanKind(row["kind"]),
        reason=Reason(row["reason"]),
        list_id=row["list_id"],
        attendee_id=None,
        ref_scan_id=row["ref_scan_id"],
        kiosk_name=row["kiosk_name"] or "",
        manual=bool(row["manual"]),
    )


_SELECT = "SELECT s.*, k.name AS kiosk_name FROM scan s LEFT JOIN kiosk k ON k.id = s.kiosk_id "


_KINDS = {k.value: k for k in ScanKind}
_REASONS = {r.value: r for r in Reason}


def history(conn: sqlite3.Connection, attendee_uid: str, list_id: int) -> tuple[Scan, ...]:
    """Every scan of one person on one list (voids included), for :func:`decide`."""
    rows = conn.execute(
        "SELECT s.scan_id, s.kiosk_id, s.at, s.kind, s.reason, s.list_id, s.ref_scan_id, "
        "k.name, s.manual FROM scan s LEFT JOIN kiosk k ON k.id = s.kiosk_id "
        "WHERE s.attendee_uid = ? AND s.list_id = ?",
        (attendee_uid, list_id),
    ).fetchall()
    if not rows:
        return ()
    return tuple(
        Scan(
            scan_id=scan_id,
            kiosk_id=kiosk_id,
            at=from_utc_iso(at),
            kind=_KINDS.get(kind) or ScanKind(kind),
            reason=_REASONS.get(reason) or Reason(reason),
            list_id=on_list,
            attendee_id=None,
            ref_scan_id=ref_scan_id,
            kiosk_name=kiosk_name or "",
            manual=bool(manual),
        )
        for scan_id, kiosk_id, at, kind, reason, on_list, ref_scan_id, kiosk_name, manual in rows
    )


_PERSON_AND_HISTORY = (
    "SELECT l.n, l.changed, l.top, "
    + ", ".join("a." + c.strip() for c in attendees.CHECKIN_COLUMNS.split(","))
    + ", EXISTS (SELECT 1 FROM revoked_ticket r WHERE r.attendee_uid = a.uid)"
    + ", s.scan_id, s.kiosk_id, s.at, s.kind, s.reason, s.list_id, s.ref_scan_id, k.name, s.manual"
    " FROM (" + LISTS_STAMP + ") AS l"
    " LEFT JOIN attendee a ON a.code = ?"
    " LEFT JOIN scan s ON s.attendee_uid = a.uid AND s.list_id = ?"
    " LEFT JOIN kiosk k ON k.id = s.kiosk_id"
)


_P = 3  # where the attendee's columns start (after the lists' stamp)
_W = _P + attendees.CHECKIN_WIDTH  # where the revoked flag is; the scan's columns follow it


def person_and_history(
    conn: sqlite3.Connection, code: str, list_id: int
) -> tuple[tuple[object, ...], tuple[Attendee, tuple[Scan, ...], bool] | None]:
    """The stamp of the check-in lists (:data:`LISTS_STAMP`), and the attendee whose code is
    exactly ``code`` with their scans on one list and whether their ticket is on the revocation
    list, in one query: the common case of a check-in, which learns inside its own transaction
    whether the lists it holds are still current. The second part is None when no code matches
    exactly; then look further with :func:`attendees.find_by_code`, :func:`history` and
    :func:`is_revoked`."""
    rows = conn.execute(_PERSON_AND_HISTORY, (code, list_id)).fetchall()
    first = rows[0]
    stamp = tuple(first[:_P])
    if first[_P] is None:
        return stamp, None
    person = attendees.attendee_from_tuple(first[_P:])
    revoked = bool(first[_W])
    if first[_W + 1] is None:
        return stamp, (person, (), revoked)
    return stamp, (person, tuple(
        Scan(
            scan_id=row[_W + 1],
            kiosk_id=row[_W + 2],
            at=from_utc_iso(row[_W + 3]),
            kind=_KINDS.get(row[_W + 4]) or ScanKind(row[_W + 4]),
            reason=_REASONS.get(row[_W + 5]) or Reason(row[_W + 5]),
            list_id=row[_W + 6],
            attendee_id=None,
            ref_scan_id=row[_W + 7],
            kiosk_name=row[_W + 8] or "",
            manual=bool(row[_W + 9]),
        )
        for row in rows
    ), revoked)  # fmt: skip


def is_revoked(conn: sqlite3.Connection, attendee_uid: str) -> bool:
    """Whether the revocation list this kiosk holds names the person's ticket."""
    found = conn.execute(
        "SELECT 1 FROM revoked_ticket WHERE attendee_uid = ?", (attendee_uid,)
    ).fetchone()
    return found is not None


def get(conn: sqlite3.Connection, scan_id: str) -> tuple[Scan, str | None] | None:
    """One scan and its attendee uid."""
    cur = conn.cursor()
    cur.row_factory = sqlite3.Row
    row = cur.execute(_SELECT + "WHERE s.scan_id = ?", (scan_id,)).fetchone()
    return (_scan_from_row(row), row["attendee_uid"]) if row else None


def is_voided(conn: sqlite3.Connection, scan_id: str) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM scan WHERE ref_scan_id = ? AND kind = 'void'", (scan_id,)
        ).fetchone()
        is not None
    )


def last_undoable(
    conn: sqlite3.Connection, kiosk_id: str, attendee_uid: str | None = None
) -> str | None:
    """The newest accepted entry or exit of this kiosk (or of one person) that is not voided."""
    # A kiosk's own scans are in clock order by their sequence number (the table's key).
    query = (
        "SELECT s.scan_id FROM effective_scan s WHERE s.kiosk_id = ? "
        "ORDER BY s.kiosk_seq DESC LIMIT 1"
        if attendee_uid is None
        else "SELECT s.scan_id FROM effective_scan s WHERE s.attendee_uid = ? "
        "ORDER BY s.hlc DESC LIMIT 1"
    )
    row = conn.execute(query, (kiosk_id if attendee_uid is None else attendee_uid,)).fetchone()
    return row[0] if row else None


def last_action(conn: sqlite3.Connection, kiosk_id: str) -> tuple[Scan, str | None] | None:
    """This kiosk's newest accepted entry or exit, or undo (void), and its attendee uid.

    Refused scans do not count: they changed nothing. Tells whether the last thing done at a
    kiosk was a check-in or the undoing of one.
    """
    cur = conn.cursor()
    cur.row_factory = sqlite3.Row
    row = cur.execute(
        _SELECT + "WHERE s.kiosk_id = ? AND s.outcome = 'accepted' "
        "AND s.kind IN ('entry', 'exit', 'void') ORDER BY s.kiosk_seq DESC LIMIT 1",
        (kiosk_id,),
    ).fetchone()
    return (_scan_from_row(row), row["attendee_uid"]) if row else None
