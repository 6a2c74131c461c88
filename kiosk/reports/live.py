"""The numbers a desk shows all day for one check-in list: how many are in, of whom, and when
they arrived (15-minute buckets)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from kiosk.core.timeutil import from_utc_iso
from kiosk.storage.database import Database

BUCKET = timedelta(minutes=15)


@dataclass(frozen=True, slots=True)
class Share:
    label: str  # a category or country as stored ("" when not given)
    admitted: int
    expected: int


@dataclass(frozen=True, slots=True)
class LiveNumbers:
    list_id: int
    admitted: int  # unique people admitted on the list (undone check-ins not counted)
    expected: int  # active registrations valid for the list's day
    by_category: list[Share]  # most expected first
    by_country: list[Share]
    #: (local start of a 15-minute bucket, first arrivals in it), from the first arrival to the
    #: last, empty buckets included.
    arrivals: list[tuple[datetime, int]]


def live_numbers(db: Database, list_id: int, timezone: str) -> LiveNumbers:
    zone = ZoneInfo(timezone)
    row = db.conn.execute("SELECT day FROM checkin_list WHERE id = ?", (list_id,)).fetchone()
    day = date.fromisoformat(row[0]) if row and row[0] else None
    valid = "a.status = 'active'"
    params: list[object] = []
    if day is not None:
        valid += " AND (a.days = '[]' OR instr(a.days, ?) > 0)"
        params.append(f'"{day.isoformat()}"')
    expected_rows = db.conn.execute(
        f"SELECT a.category, a.country FROM attendee a WHERE {valid}", params
    ).fetchall()
    first_rows = db.conn.execute(
        "SELECT a.category, a.country, min(s.at) FROM effective_scan s "
        "JOIN attendee a ON a.uid = s.attendee_uid "
        "WHERE s.list_id = ? AND s.kind = 'entry' GROUP BY s.attendee_uid",
        (list_id,),
    ).fetchall()

    def shares(column: int) -> list[Share]:
        expected = Counter(r[column] for r in expected_rows)
        admitted = Counter(r[column] for r in first_rows)
        labels = sorted(set(expected) | set(admitted), key=lambda k: (-expected[k], k))
        return [Share(k, admitted[k], expected[k]) for k in labels]

    buckets: Counter[datetime] = Counter()
    for _category, _country, at in first_rows:
        local = from_utc_iso(at).astimezone(zone)
        start = local.replace(minute=local.minute - local.minute % 15, second=0, microsecond=0)
        buckets[start] += 1
    arrivals: list[tuple[datetime, int]] = []
    if buckets:
        slot, last = min(buckets), max(buckets)
        while slot <= last:
            arrivals.append((slot, buckets.get(slot, 0)))
            slot = (slot + BUCKET).astimezone(zone)
    return LiveNumbers(
        list_id=list_id,
        admitted=len(first_rows),
        expected=len(expected_rows),
        by_category=shares(0),
        by_country=shares(1),
        arrivals=arrivals,
    )
