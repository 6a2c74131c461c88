"""Read models of the attendance register (``kiosk.reports.register``): each source it is built
from, read in one query."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from kiosk.storage.database import Database

RegistrantRow = tuple[str, str, str, str, str, str, str, str, str, str]
AdmissionRow = tuple[str, str, str, str, int, int, str]


def registrants(db: Database) -> Iterator[RegistrantRow]:
    """(uid, code, first name, last name, organisation, country, category, status, days JSON,
    sort key) of every registrant, cancelled ones too, in register order (by sort key)."""
    return db.conn.execute(
        "SELECT uid, code, first_name, last_name, organization, country, category, status, "
        "days, sort_key FROM attendee ORDER BY sort_key, uid"
    )


def admissions(
    db: Database, *, list_id: int | None = None, start: str | None = None, end: str | None = None
) -> sqlite3.Cursor:
    """(uid, at, kind, kiosk id, manual, list id, method) of every entry and exit that counts
    (accepted, not undone) of a known person, optionally on one list and within [start, end)
    (UTC). ``method`` says how the check-in was made ('' before Kiosk recorded it)."""
    where = "attendee_uid IS NOT NULL"
    params: list[object] = []
    if list_id is not None:
        where += " AND list_id = ?"
        params.append(list_id)
    if start is not None and end is not None:
        where += " AND at >= ? AND at < ?"
        params += [start, end]
    return db.conn.execute(
        "SELECT attendee_uid, at, kind, kiosk_id, manual, list_id, method FROM effective_scan "
        f"WHERE {where}",
        params,
    )


def kiosk_names(db: Database) -> dict[str, str]:
    return dict(db.conn.execute("SELECT id, name FROM kiosk").fetchall())


def list_day(db: Database, list_id: int) -> str | None:
    """The day a check-in list is for (None: every day, or no such list)."""
    row = db.conn.execute("SELECT day FROM checkin_list WHERE id = ?", (list_id,)).fetchone()
    return row[0] if row and row[0] else None


def list_days(db: Database) -> list[str]:
    return [
        r[0]
        for r in db.conn.execute("SELECT DISTINCT day FROM checkin_list WHERE day IS NOT NULL")
    ]
