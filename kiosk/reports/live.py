"""The numbers a desk shows all day for one check-in list: how many are in, of whom, and when
they arrived (15-minute buckets).

A full count reads every registration and every first admission (a fraction of a second at
100,000 people), so the desk computes it in the background now and then and, between two counts,
adds each admission it makes itself with :meth:`LiveNumbers.with_admission`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from kiosk.core.decide import expected_on
from kiosk.core.model import Attendee
from kiosk.core.timeutil import from_utc_iso
from kiosk.storage import events
from kiosk.storage import register as register_store
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


def live_numbers(
    db: Database, list_id: int, timezone: str, today: date | None = None
) -> LiveNumbers:
    """The numbers of one list. Who is expected is the check-in rule's (``expected_on``): an
    active registration covering the list's day (``today``, event time, for a list of every
    day) in a category the list takes."""
    zone = ZoneInfo(timezone)
    lst = events.checkin_list(db, list_id)
    day = (lst.day if lst else None) or today or datetime.now(UTC).astimezone(zone).date()
    expected_rows = [
        ((category, country), n)
        for category, country, days, n in register_store.active_groups(db)
        if lst is None or expected_on(_registrant(category, days), lst, day)
    ]
    first_rows = register_store.first_admissions(db, list_id)

    def shares(column: int) -> list[Share]:
        expected: Counter[str] = Counter()
        for labels_of, n in expected_rows:
            expected[labels_of[column]] += n
        admitted = Counter((r[0], r[1])[column] for r in first_rows)
        labels = sorted(set(expected) | set(admitted), key=lambda k: (-expected[k], k))
        return [Share(k, admitted[k], expected[k]) for k in labels]

    buckets: Counter[datetime] = Counter()
    for _category, _country, at in first_rows:
        buckets[bucket_start(from_utc_iso(at).astimezone(zone))] += 1
    return LiveNumbers(
        list_id=list_id,
        admitted=len(first_rows),
        expected=sum(n for _labels, n in expected_rows),
        by_category=shares(0),
        by_country=shares(1),
        arrivals=_timeline(buckets),
    )


def _registrant(category: str, days: frozenset[date]) -> Attendee:
    """An active registration of ``category`` covering ``days``: what the rule looks at."""
    return Attendee(0, "", "", "", category=category, days=days)
