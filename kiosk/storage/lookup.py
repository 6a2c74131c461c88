"""Read models of the desk's lookups (kiosk.app.lookup, kiosk.app.desk): today's first
admission of search hits, every scan of one person, the values already used in a column, and
the few reads of the demo, the self-test and the signed-ticket check-in."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from kiosk.core.model import Attendee
from kiosk.storage.attendees import from_row
from kiosk.storage.database import Database


@dataclass(frozen=True, slots=True)
class FirstEntry:
    at: str  # UTC, as stored
    kiosk: str  # the kiosk's name ("" when unknown)


def first_entries(
    db: Database, uids: Sequence[str], start_utc: str, end_utc: str
) -> dict[str, FirstEntry]:
    """Each of ``uids``'s first entry not undone between two UTC times (stored text)."""
    if not uids:
        return {}
    rows = db.query(
        "SELECT s.attendee_uid, min(s.at) AS at, k.name AS kiosk FROM effective_scan s "
        "LEFT JOIN kiosk k ON k.id = s.kiosk_id "
        f"WHERE s.kind = 'entry' AND s.at >= ? AND s.at < ? AND s.attendee_uid IN "
        f"({','.join('?' * len(uids))}) GROUP BY s.attendee_uid",
        [start_utc, end_utc, *uids],
    )
    return {r["attendee_uid"]: FirstEntry(r["at"], r["kiosk"] or "") for r in rows}


@dataclass(frozen=True, slots=True)
class PersonScan:
    scan_id: str
    at: str  # UTC, as stored
    list_name: str
    list_day: str | None  # ISO date
    kind: str
    reason: str
    kiosk: str
    manual: bool
    voided: bool  # a later void points at it
    method: str
    note: str


def person_scans(db: Database, attendee_uid: str) -> list[PersonScan]:
    """Every scan of one person, newest first (by the hybrid logical clock)."""
    rows = db.query(
        "SELECT s.scan_id, s.at, c.name AS list_name, c.day AS list_day, s.kind, s.reason, "
        "k.name AS kiosk, s.manual, s.method, s.note, EXISTS (SELECT 1 FROM scan v "
        "WHERE v.ref_scan_id = s.scan_id AND v.kind = 'void') AS voided "
        "FROM scan s LEFT JOIN kiosk k ON k.id = s.kiosk_id "
        "LEFT JOIN checkin_list c ON c.id = s.list_id "
        "WHERE s.attendee_uid = ? ORDER BY s.hlc DESC",
        (attendee_uid,),
    )
    return [
        PersonScan(
            scan_id=r["scan_id"],
            at=r["at"],
            list_name=r["list_name"] or "",
            list_day=r["list_day"] or None,
            kind=r["kind"],
            reason=r["reason"],
            kiosk=r["kiosk"] or "",
            manual=bool(r["manual"]),
            voided=bool(r["voided"]),
            method=r["method"],
            note=r["note"],
        )
        for r in rows
    ]


#: The attendee columns whose used values the walk-in form offers.
VALUE_COLUMNS = frozenset({"category", "country"})


def common_values(db: Database, column: str, limit: int = 60) -> list[str]:
    """The values of ``column`` (:data:`VALUE_COLUMNS`) in use, most common first."""
    if column not in VALUE_COLUMNS:
        raise ValueError(f"not a column of common values: {column!r}")
    rows = db.query(
        f"SELECT {column} FROM attendee WHERE {column} != '' "
        f"GROUP BY {column} ORDER BY count(*) DESC, {column} LIMIT ?",
        (limit,),
    )
    return [str(r[0]) for r in rows]



def active_codes_on(db: Database, day: date) -> list[str]:
    """The ticket codes of active registrations valid on ``day`` (every day or that one), in
    the order people were added."""
    rows = db.query("SELECT code, status, days FROM attendee ORDER BY id")
    return [
        r["code"]
        for r in rows
        if r["status"] == "active" and (r["days"] == "[]" or day.isoformat() in r["days"])
    ]


def scan_kinds(db: Database, code: str, last_name: str) -> list[str]:
    """The kinds of the scans of the person with this code and last name (the self-test reads
    back what it wrote, Cyrillic name included)."""
    rows = db.query(
        "SELECT s.kind FROM scan s JOIN attendee a ON a.uid = s.attendee_uid "
        "WHERE a.code = ? AND a.last_name = ?",
        (code, last_name),
    )
    return [str(r[0]) for r in rows]


# Steps of a caller's transaction (the signed-ticket check-in).


def _one(conn: sqlite3.Connection, column: str, value: str) -> Attendee | None:
    cur = conn.execute(f"SELECT * FROM attendee WHERE {column} = ?", (value,))
    cur.row_factory = sqlite3.Row
    row = cur.fetchone()
    return from_row(row) if row is not None else None


def attendee_by_uid(conn: sqlite3.Connection, uid: str) -> Attendee | None:
    return _one(conn, "uid", uid)


def attendee_by_exact_code(conn: sqlite3.Connection, code: str) -> Attendee | None:
    """The person whose code is exactly ``code`` (case and all)."""
    return _one(conn, "code", code)


def code_taken(conn: sqlite3.Connection, code: str) -> bool:
    """Whether a ticket code is in use, in any case (a step of the walk-in's transaction)."""
    found = conn.execute("SELECT 1 FROM attendee WHERE code_upper = ?", (code.upper(),))
    return found.fetchone() is not None
