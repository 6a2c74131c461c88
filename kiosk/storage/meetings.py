"""B2B meetings on disk: the meeting table, held marks, resolved sides, and their replication."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import astuple, dataclass, fields
from typing import Any

from kiosk.core.meetings import MarkKind, MarkSource, MeetingStatus
from kiosk.core.model import Attendee
from kiosk.storage import attendees
from kiosk.storage.database import Database


@dataclass(frozen=True, slots=True)
class MeetingRow:
    """One meeting as stored. Times are event-local ``HH:MM``; ``day`` an ISO date."""

    uid: str
    day: str
    start: str
    end: str
    location: str
    status: str
    a_uid: str | None
    a_name: str
    a_org: str
    a_email: str
    a_country: str
    a_matched_by: str
    b_uid: str | None
    b_name: str
    b_org: str
    b_email: str
    b_country: str
    b_matched_by: str
    source: str
    source_row: int
    updated_at: str

    def same_content(self, other: MeetingRow) -> bool:
        """Equal but for ``updated_at`` (what a re-import compares)."""
        return astuple(self)[:-1] == astuple(other)[:-1]


COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(MeetingRow))
_SELECT = "SELECT " + ", ".join(COLUMNS) + " FROM meeting "
_INSERT = (
    "INSERT OR REPLACE INTO meeting ("
    + ", ".join(COLUMNS)
    + ") VALUES ("
    + ", ".join("?" * len(COLUMNS))
    + ")"
)


def _row(values: Sequence[Any]) -> MeetingRow:
    return MeetingRow(*values)


def all_meetings(db: Database, *, day: str | None = None) -> list[MeetingRow]:
    """Every meeting (of one day), by day, start, location."""
    if day is None:
        rows = db.conn.execute(_SELECT + "ORDER BY day, start, location, uid").fetchall()
    else:
        rows = db.conn.execute(
            _SELECT + "WHERE day = ? ORDER BY start, location, uid", (day,)
        ).fetchall()
    return [_row(r) for r in rows]


def by_source(conn: sqlite3.Connection, source: str) -> dict[str, MeetingRow]:
    return {r[0]: _row(r) for r in conn.execute(_SELECT + "WHERE source = ?", (source,))}


def get(db: Database, uid: str) -> MeetingRow | None:
    row = db.conn.execute(_SELECT + "WHERE uid = ?", (uid,)).fetchone()
    return _row(row) if row else None


def find_by_prefix(db: Database, prefix: str) -> list[MeetingRow]:
    """Meetings whose uid starts with ``prefix`` (people type the first few characters)."""
    upper = prefix + "\uffff"
    rows = db.conn.execute(
        _SELECT + "WHERE uid >= ? AND uid < ? ORDER BY uid LIMIT 2", (prefix, upper)
    ).fetchall()
    return [_row(r) for r in rows]


def for_attendee(db: Database, attendee_uid: str, day: str) -> list[MeetingRow]:
    """One person's meetings on one day, either side, by start time.

    Two lookups on the per-side indexes, sorted here: with an ORDER BY (or without the
    ``IS NOT NULL`` that a bound parameter cannot prove) SQLite reads the whole day instead.
    """
    rows = db.conn.execute(
        _SELECT + "WHERE a_uid = ? AND a_uid IS NOT NULL AND day = ?", (attendee_uid, day)
    ).fetchall()
    rows += db.conn.execute(
        _SELECT + "WHERE b_uid = ? AND b_uid IS NOT NULL AND day = ? AND a_uid IS NOT b_uid",
        (attendee_uid, day),
    ).fetchall()
    found = [_row(r) for r in rows]
    found.sort(key=lambda r: (r.start, r.end, r.location, r.uid))
    return found


def write(conn: sqlite3.Connection, rows: Iterable[MeetingRow]) -> None:
    conn.executemany(_INSERT, [astuple(r) for r in rows])


def set_status(
    conn: sqlite3.Connection, uids: Sequence[str], status: MeetingStatus, now: str
) -> None:
    conn.executemany(
        "UPDATE meeting SET status = ?, updated_at = ? WHERE uid = ?",
        [(status.value, now, uid) for uid in uids],
    )


def resolve_side(
    conn: sqlite3.Connection, uid: str, side: str, attendee_uid: str, now: str
) -> None:
    """Set one side of a meeting to a registered attendee, matched by the organiser."""
    if side not in ("a", "b"):
        raise ValueError(side)
    conn.execute(
        f"UPDATE meeting SET {side}_uid = ?, {side}_matched_by = 'organizer', updated_at = ? "
        "WHERE uid = ?",
        (attendee_uid, now, uid),
    )


# ---------------------------------------------------------------------------------------------
# Aliases: the organiser's resolutions, applied to every meeting naming the same side


def aliases(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT side_key, attendee_uid FROM meeting_alias").fetchall())


def set_alias(conn: sqlite3.Connection, side_key: str, attendee_uid: str, now: str) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO meeting_alias (side_key, attendee_uid, at) VALUES (?, ?, ?)",
        (side_key, attendee_uid, now),
    )


# ---------------------------------------------------------------------------------------------
# People


def people(db: Database, uids: Iterable[str]) -> dict[str, Attendee]:
    """The attendees with these uids (unknown uids are left out)."""
    wanted = sorted(set(uids))
    found: dict[str, Attendee] = {}
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        rows = db.conn.execute(
            f"SELECT {attendees.CHECKIN_COLUMNS} FROM attendee WHERE uid IN "
            f"({', '.join('?' * len(chunk))})",
            chunk,
        ).fetchall()
        for row in rows:
            person = attendees.attendee_from_tuple(row)
            found[person.uid] = person
    return found


def matching_candidates(db: Database) -> list[tuple[str, str, str, str, str, str]]:
    """(uid, email, first name, last name, organisation, status) of every attendee, for
    matching an imported schedule (e-mails and organisations are matched in memory)."""
    return [
        tuple(r)
        for r in db.conn.execute(
            "SELECT uid, email, first_name, last_name, organization, status FROM attendee"
        )
    ]


def firm_people(
    db: Database, countries: Sequence[str], categories: Sequence[str]
) -> list[sqlite3.Row]:
    """Active people of these countries and categories registered for every day (the demo's
    firms), with uid, code, first_name, last_name, organization, email and country."""
    in_countries = ", ".join("?" * len(countries))
    in_categories = ", ".join("?" * len(categories))
    return db.query(
        "SELECT uid, code, first_name, last_name, organization, email, country FROM attendee "
        f"WHERE status = 'active' AND days = '[]' AND country IN ({in_countries}) "
        f"AND category IN ({in_categories}) ORDER BY id",
        (*countries, *categories),
    )


def uid_of_id(db: Database, attendee_id: int) -> str | None:
    row = db.conn.execute("SELECT uid FROM attendee WHERE id = ?", (attendee_id,)).fetchone()
    return str(row[0]) if row else None


# ---------------------------------------------------------------------------------------------
# Arrival: who was admitted (an entry no void cancels) between two UTC instants


def arrived(db: Database, start_utc: str, end_utc: str) -> set[str]:
    """The uids of everyone admitted between two UTC instants (ISO texts as in the scan log)."""
    rows = db.conn.execute(
        "SELECT DISTINCT attendee_uid FROM effective_scan "
        "WHERE kind = 'entry' AND at >= ? AND at < ? AND attendee_uid IS NOT NULL",
        (start_utc, end_utc),
    ).fetchall()
    return {r[0] for r in rows}


def arrived_among(db: Database, uids: Sequence[str], start_utc: str, end_utc: str) -> set[str]:
    """Which of these people were admitted between two UTC instants (through the scan log's
    per-person index: a person's meetings do not read the whole day's log)."""
    found: set[str] = set()
    wanted = sorted(set(uids))
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        rows = db.conn.execute(
            "SELECT DISTINCT attendee_uid FROM effective_scan WHERE kind = 'entry' AND at >= ? "
            f"AND at < ? AND attendee_uid IN ({', '.join('?' * len(chunk))})",
            (start_utc, end_utc, *chunk),
        ).fetchall()
        found.update(r[0] for r in rows)
    return found


def entries_on_lists(
    db: Database,
    attendee_uids: Sequence[str],
    list_ids: Sequence[int],
    start_utc: str,
    end_utc: str,
) -> dict[str, list[str]]:
    """uid -> UTC times these people's badges were scanned in on these lists in a time range:
    admissions not undone, and scans refused only because the person was already in (a "B2B
    room" list that admits once a day still sees each arrival at a table)."""
    if not attendee_uids or not list_ids:
        return {}
    result: dict[str, list[str]] = {}
    rows = db.conn.execute(
        "SELECT s.attendee_uid, s.at FROM scan s WHERE s.kind = 'entry' AND s.at >= ? "
        f"AND s.at < ? AND s.attendee_uid IN ({', '.join('?' * len(attendee_uids))}) "
        f"AND s.list_id IN ({', '.join('?' * len(list_ids))}) AND ("
        "(s.outcome = 'accepted' AND NOT EXISTS (SELECT 1 FROM scan v "
        "WHERE v.ref_scan_id = s.scan_id AND v.kind = 'void')) "
        "OR s.reason = 'already_checked_in')",
        (start_utc, end_utc, *attendee_uids, *list_ids),
    ).fetchall()
    for uid, at in rows:
        result.setdefault(uid, []).append(at)
    return result


# ---------------------------------------------------------------------------------------------
# Held marks (append-only; the newest decides)

MarkRow = tuple[str, str, str, str, str, str, str]
MARK_COLUMNS = ("mark_id", "meeting_uid", "kind", "at", "kiosk_id", "source", "operator")


def add_mark(
    conn: sqlite3.Connection,
    mark_id: str,
    meeting_uid: str,
    kind: MarkKind,
    at: str,
    kiosk_id: str,
    source: MarkSource,
    operator: str = "",
) -> None:
    conn.execute(
        "INSERT INTO meeting_mark (" + ", ".join(MARK_COLUMNS) + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
        (mark_id, meeting_uid, kind.value, at, kiosk_id, source.value, operator),
    )


def marks(
    db: Database, meeting_uids: Iterable[str] | None = None
) -> dict[str, list[tuple[str, str, str]]]:
    """meeting uid -> its marks as (at, mark_id, kind)."""
    result: dict[str, list[tuple[str, str, str]]] = {}
    if meeting_uids is None:
        rows = db.conn.execute("SELECT meeting_uid, at, mark_id, kind FROM meeting_mark").fetchall()
    else:
        wanted = list(set(meeting_uids))
        rows = []
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            rows += db.conn.execute(
                "SELECT meeting_uid, at, mark_id, kind FROM meeting_mark WHERE meeting_uid IN "
                f"({', '.join('?' * len(chunk))})",
                chunk,
            ).fetchall()
    for meeting_uid, at, mark_id, kind in rows:
        result.setdefault(meeting_uid, []).append((at, mark_id, kind))
    return result


# ---------------------------------------------------------------------------------------------
# Replication: meetings travel last-writer-wins (updated_at, then a digest), marks by union


def meeting_rows(conn: sqlite3.Connection, *, changed_after: str = "") -> list[list[Any]]:
    return [
        list(r)
        for r in conn.execute(
            _SELECT + "WHERE updated_at > ? ORDER BY updated_at, uid", (changed_after,)
        )
    ]


def mark_rows(conn: sqlite3.Connection) -> list[list[Any]]:
    return [
        list(r)
        for r in conn.execute(
            "SELECT " + ", ".join(MARK_COLUMNS) + " FROM meeting_mark ORDER BY at, mark_id"
        )
    ]


def digest(row: Sequence[Any]) -> str:
    """Breaks ties between two versions of a meeting with the same ``updated_at``."""
    import hashlib  # here: a check-in showing the day's meetings never needs it (issue 21)

    return hashlib.sha256(json.dumps(list(row), ensure_ascii=False).encode()).hexdigest()


_STATUSES = {s.value for s in MeetingStatus}


def valid_meeting_row(row: Sequence[Any]) -> bool:
    if len(row) != len(COLUMNS):
        return False
    values = dict(zip(COLUMNS, row, strict=True))
    texts = [c for c in COLUMNS if c not in ("a_uid", "b_uid", "source_row")]
    return (
        all(isinstance(values[c], str) for c in texts)
        and all(values[c] is None or isinstance(values[c], str) for c in ("a_uid", "b_uid"))
        and isinstance(values["source_row"], int)
        and bool(values["uid"])
        and bool(values["day"])
        and values["status"] in _STATUSES
    )


def valid_mark_row(row: Sequence[Any]) -> bool:
    return (
        len(row) == len(MARK_COLUMNS)
        and all(isinstance(v, str) for v in row)
        and bool(row[0])
        and bool(row[1])
        and row[2] in {k.value for k in MarkKind}
        and row[5] in {s.value for s in MarkSource}
    )


def merge_meetings(conn: sqlite3.Connection, rows: Iterable[Sequence[Any]]) -> int:
    """Merge meetings from elsewhere, last writer wins; returns how many rows changed here."""
    incoming = [list(r) for r in rows if valid_meeting_row(r)]
    changed = 0
    for row in incoming:
        local = conn.execute(_SELECT + "WHERE uid = ?", (row[0],)).fetchone()
        if local is not None:
            mine = list(local)
            if (mine[-1], digest(mine)) >= (row[-1], digest(row)):
                continue
        conn.execute(_INSERT, row)
        changed += 1
    return changed


def merge_marks(conn: sqlite3.Connection, rows: Iterable[Sequence[Any]]) -> int:
    """Add marks made elsewhere (marks are never changed, so a union loses nothing)."""
    before = conn.total_changes
    conn.executemany(
        "INSERT OR IGNORE INTO meeting_mark (" + ", ".join(MARK_COLUMNS) + ") "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [list(r) for r in rows if valid_mark_row(r)],
    )
    return conn.total_changes - before


def counts(db: Database) -> tuple[int, int]:
    """(meetings, marks) stored."""
    meetings = db.conn.execute("SELECT count(*) FROM meeting").fetchone()[0]
    marked = db.conn.execute("SELECT count(*) FROM meeting_mark").fetchone()[0]
    return int(meetings), int(marked)


def purge_personal(conn: sqlite3.Connection) -> int:
    """Remove the names, organisations and e-mails of meeting sides and the organiser's
    resolutions (keyed by them); days, times, tables, statuses, countries and held marks stay,
    so the B2B counts survive. Returns the meetings changed."""
    changed = conn.execute(
        "UPDATE meeting SET a_name = '', a_org = '', a_email = '', b_name = '', b_org = '', "
        "b_email = '' WHERE a_name != '' OR a_org != '' OR a_email != '' OR b_name != '' "
        "OR b_org != '' OR b_email != ''"
    ).rowcount
    conn.execute("DELETE FROM meeting_alias")
    return int(changed)
