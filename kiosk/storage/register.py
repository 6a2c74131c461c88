"""Read models of the attendance register (``kiosk.reports.register``): each source it is built
from, read in one query.

Calling convention of the storage read models: a read takes the :class:`Database` and goes
through :meth:`Database.query`, so a damaged, locked or unreadable file is told in the staff's
words; a write takes the connection of the caller's ``db.write()`` transaction.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date

from kiosk.core.model import CheckinList
from kiosk.storage.database import Database
from kiosk.storage.events import _list_from_row

RegistrantRow = tuple[str, str, str, str, str, str, str, str, str, str, str]
AdmissionRow = tuple[str, str, str, str, int, int, str]


def registrants(db: Database) -> Sequence[RegistrantRow]:
    """(uid, code, first name, last name, organisation, country, category, status, days JSON,
    sort key, origin) of every registrant, cancelled ones too, in register order (by sort
    key)."""
    return db.query(  # type: ignore[return-value]  # rows unpack as these tuples
        "SELECT uid, code, first_name, last_name, organization, country, category, status, "
        "days, sort_key, origin FROM attendee ORDER BY sort_key, uid"
    )


def admissions(
    db: Database, *, list_id: int | None = None, start: str | None = None, end: str | None = None
) -> Sequence[AdmissionRow]:
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
    return db.query(  # type: ignore[return-value]  # rows unpack as these tuples
        "SELECT attendee_uid, at, kind, kiosk_id, manual, list_id, method FROM effective_scan "
        f"WHERE {where}",
        params,
    )


def kiosk_names(db: Database) -> dict[str, str]:
    return {r[0]: r[1] for r in db.query("SELECT id, name FROM kiosk")}


def list_day(db: Database, list_id: int) -> str | None:
    """The day a check-in list is for (None: every day, or no such list)."""
    rows = db.query("SELECT day FROM checkin_list WHERE id = ?", (list_id,))
    return rows[0][0] if rows and rows[0][0] else None


def list_days(db: Database) -> list[str]:
    return [r[0] for r in db.query("SELECT DISTINCT day FROM checkin_list WHERE day IS NOT NULL")]


def every_list(db: Database) -> list[CheckinList]:
    """Every check-in list this database has held (removed ones too: scans on them stay in the
    log), by day."""
    return [_list_from_row(r) for r in db.query("SELECT * FROM checkin_list ORDER BY day, id")]


def refused_scans(db: Database, list_id: int | None = None) -> list[tuple[str, str]]:
    """(at, reason code) of every refused scan attempt, optionally of one list."""
    where = "outcome = 'refused'"
    params: list[object] = []
    if list_id is not None:
        where += " AND list_id = ?"
        params.append(list_id)
    return [(r[0], r[1]) for r in db.query(f"SELECT at, reason FROM scan WHERE {where}", params)]


# --- the desk's live numbers --------------------------------------------------------------------


def active_groups(db: Database) -> list[tuple[str, str, frozenset[date], int]]:
    """(category, country, days covered, how many) of the active registrations, grouped: an
    event has few distinct combinations, so who is expected on a list is decided once per group
    (an empty set of days covers every day)."""
    day_sets: dict[str, frozenset[date]] = {}
    found = []
    for category, country, days, n in db.query(
        "SELECT category, country, days, count(*) FROM attendee WHERE status = 'active' "
        "GROUP BY 1, 2, 3"
    ):
        day_set = day_sets.get(days)
        if day_set is None:
            day_set = day_sets[days] = day_set_of(days)
        found.append((category, country, day_set, n))
    return found


def day_set_of(text: str) -> frozenset[date]:
    """The stored JSON list of days a registration covers, as dates."""
    return frozenset(date.fromisoformat(d) for d in json.loads(text or "[]"))


def first_admissions(db: Database, list_id: int) -> list[tuple[str, str, str]]:
    """(category, country, UTC time) of each person's first admission on a list that counts."""
    return [
        (r[0], r[1], r[2])
        for r in db.query(
            "SELECT a.category, a.country, f.at FROM ("
            "  SELECT attendee_uid, min(at) AS at FROM effective_scan"
            "  WHERE list_id = ? AND kind = 'entry' GROUP BY attendee_uid"
            ") f JOIN attendee a ON a.uid = f.attendee_uid",
            (list_id,),
        )
    ]
