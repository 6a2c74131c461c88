"""The numbers a desk shows all day for one check-in list: how many are in, of whom, and when
they arrived (15-minute buckets).

A full count reads every registration and every first admission (a fraction of a second at
100,000 people), so the desk computes it in the background now and then and, between two counts,
adds each admission it makes itself with :meth:`LiveNumbers.with_admission`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
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

    def with_admission(self, category: str, country: str, at: datetime) -> LiveNumbers:
        """These numbers plus one person's first admission at local time ``at``."""
        buckets = Counter(dict(self.arrivals))
        buckets[bucket_start(at)] += 1
        return replace(
            self,
            admitted=self.admitted + 1,
            by_category=_plus_one(self.by_category, category),
            by_country=_plus_one(self.by_country, country),
            arrivals=_timeline(buckets),
        )


def bucket_start(local: datetime) -> datetime:
    return local.replace(minute=local.minute - local.minute % 15, second=0, microsecond=0)


def _plus_one(shares: list[Share], label: str) -> list[Share]:
    found = False
    result = []
    for share in shares:
        if share.label == label:
            share = replace(share, admitted=share.admitted + 1)
            found = True
        result.append(share)
    if not found:
        result.append(Share(label, 1, 0))
    return result


def _timeline(buckets: Counter[datetime]) -> list[tuple[datetime, int]]:
    if not buckets:
        return []
    slot, last = min(buckets), max(buckets)
    arrivals = []
    while slot <= last:
        arrivals.append((slot, buckets.get(slot, 0)))
        slot = slot + BUCKET
    return arrivals


def live_numbers(db: Database, list_id: int, timezone: str) -> LiveNumbers:
    zone = ZoneInfo(timezone)
    row = db.conn.execute("SELECT day FROM checkin_list WHERE id = ?", (list_id,)).fetchone()
    day = date.fromisoformat(row[0]) if row and row[0] else None
    valid = "status = 'active'"
    params: list[object] = []
    if day is not None:
        valid += " AND (days = '[]' OR instr(days, ?) > 0)"
        params.append(f'"{day.isoformat()}"')
    expected_rows = db.conn.execute(
        f"SELECT category, country, count(*) FROM attendee WHERE {valid} GROUP BY 1, 2", params
    ).fetchall()
    first_rows = db.conn.execute(
        "SELECT a.category, a.country, f.at FROM ("
        "  SELECT attendee_uid, min(at) AS at FROM effective_scan"
        "  WHERE list_id = ? AND kind = 'entry' GROUP BY attendee_uid"
        ") f JOIN attendee a ON a.uid = f.attendee_uid",
        (list_id,),
    ).fetchall()

    def shares(column: int) -> list[Share]:
        expected: Counter[str] = Counter()
        for r in expected_rows:
            expected[r[column]] += r[2]
        admitted = Counter(r[column] for r in first_rows)
        labels = sorted(set(expected) | set(admitted), key=lambda k: (-expected[k], k))
        return [Share(k, admitted[k], expected[k]) for k in labels]

    buckets: Counter[datetime] = Counter()
    for _category, _country, at in first_rows:
        buckets[bucket_start(from_utc_iso(at).astimezone(zone))] += 1
    return LiveNumbers(
        list_id=list_id,
        admitted=len(first_rows),
        expected=sum(r[2] for r in expected_rows),
        by_category=shares(0),
        by_country=shares(1),
        arrivals=_timeline(buckets),
    )
