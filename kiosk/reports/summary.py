"""The report of a scope: the register plus counts, refused scans and arrivals, as sections.

A :class:`Report` is a list of :class:`Section` tables that every exporter (CSV, XLSX, PDF)
renders the same way, so a new section (say, duplicates and conflicts after a sync) is one more
function appending one more table, with no change to the writers.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from kiosk.core.text import fold
from kiosk.reports.live import BUCKET, bucket_start
from kiosk.reports.register import (
    Cell,
    LocalDays,
    Person,
    Register,
    RegisterEntry,
    Scope,
    read_register,
)
from kiosk.storage.database import Database


@dataclass(frozen=True, slots=True)
class Section:
    """One table of a report: a stable ``key`` (for code and tests), a title, a header, rows."""

    key: str
    title: str
    header: tuple[str, ...]
    rows: list[tuple[Cell, ...]]


@dataclass(frozen=True, slots=True)
class Report:
    register: Register
    sections: list[Section]
    #: Per day: (local start of a 15-minute slot, first in-person arrivals in it), from the
    #: first arrival to the last, empty slots included.
    arrivals: dict[date, list[tuple[datetime, int]]] = field(default_factory=dict)

    def section(self, key: str) -> Section:
        for s in self.sections:
            if s.key == key:
                return s
        raise KeyError(key)

    def entries_of(self, day: date) -> list[RegisterEntry]:
        return [e for e in self.register.entries if e.day == day]


COUNT_HEADER = (
    "Group",
    "Registered",
    "Attended in person",
    "Attended online",
    "Attended either",
    "No-shows",
)

_BULGARIA = {"bg", "bgr", "bulgaria", "balgaria", "bulgarie", "bulgarien", "republic of bulgaria"}
_ROMANIA = {"ro", "rou", "romania", "rumania", "roumanie", "rumanien"}


def country_group(country: str) -> str:
    """Bulgaria, Romania or other, whatever the spelling (България, România, BG, RO…)."""
    key = fold(country).strip().strip(".")
    if key in _BULGARIA:
        return "Bulgaria"
    if key in _ROMANIA:
        return "Romania"
    return "Other" if key else "Not given"


@dataclass
class _Tally:
    registered: int = 0
    in_person: int = 0
    online: int = 0
    either: int = 0
    no_shows: int = 0

    def row(self, label: str) -> tuple[Cell, ...]:
        return (label, self.registered, self.in_person, self.online, self.either, self.no_shows)


def _attendance(entries: Iterable[RegisterEntry]) -> dict[str, tuple[bool, bool]]:
    """uid -> (attended in person on some day, attended online on some day)."""
    found: dict[str, tuple[bool, bool]] = {}
    for e in entries:
        was = found.get(e.person.uid, (False, False))
        found[e.person.uid] = (was[0] or e.in_person, was[1] or e.online)
    return found


def _tallies(
    registered: Iterable[Person],
    attended: dict[str, tuple[bool, bool]],
    people: dict[str, Person],
    group: Callable[[Person], str],
) -> dict[str, _Tally]:
    tallies: dict[str, _Tally] = {}
    counted: set[str] = set()
    for p in registered:
        t = tallies.setdefault(group(p), _Tally())
        t.registered += 1
        counted.add(p.uid)
        if p.uid not in attended:
            t.no_shows += 1
    for uid, (here, online) in attended.items():
        p = people[uid]
        t = tallies.setdefault(group(p), _Tally())
        t.in_person += here
        t.online += online
        t.either += 1
    return tallies


def _count_rows(tallies: dict[str, _Tally], *, sort: str = "size") -> list[tuple[Cell, ...]]:
    if sort == "size":
        labels = sorted(tallies, key=lambda k: (-tallies[k].registered, -tallies[k].either, k))
    else:
        labels = list(tallies)
    total = _Tally()
    for t in tallies.values():
        total.registered += t.registered
        total.in_person += t.in_person
        total.online += t.online
        total.either += t.either
        total.no_shows += t.no_shows
    return [tallies[k].row(k) for k in labels] + [total.row("Total")]


def build_report(db: Database, scope: Scope | None = None) -> Report:
    """Everything a report of ``scope`` (default: the whole event) shows, read in one go."""
    scope = scope or Scope()
    register = read_register(db, scope)
    local = LocalDays(ZoneInfo(register.event.timezone))
    everyone = register.people
    entries = register.entries
    days = register.days

    def registered_for(day: date | None) -> list[Person]:
        if day is None:
            return [p for p in everyone.values() if p.active]
        return [p for p in everyone.values() if p.registered_for(day)]

    sections: list[Section] = []
    by_day: dict[str, _Tally] = {}
    for day in days:
        day_entries = [e for e in entries if e.day == day]
        tally = _tallies(
            registered_for(day), _attendance(day_entries), everyone, lambda _p: "all"
        ).get("all", _Tally())
        by_day[day.isoformat()] = tally
    whole = registered_for(None) if len(days) != 1 else registered_for(days[0])
    attended = _attendance(entries)
    event_tally = _tallies(whole, attended, everyone, lambda _p: "all").get("all", _Tally())
    day_rows = [t.row(k) for k, t in by_day.items()]
    if len(days) > 1:
        day_rows.append(event_tally.row("Unique over the event"))
    sections.append(Section("by_day", "Attendance by day", ("Day", *COUNT_HEADER[1:]), day_rows))

    if scope.list_id is None:
        sections.append(_by_list(db, scope, everyone, local))
    for key, title, group in (
        ("by_country", "By country", lambda p: country_group(p.country)),
        ("by_category", "By category", lambda p: p.category or "Not given"),
        ("by_organisation", "By organisation", lambda p: p.organization or "Not given"),
    ):
        tallies = _tallies(whole, attended, everyone, group)
        sections.append(Section(key, title, COUNT_HEADER, _count_rows(tallies)))
    sections.append(_refused(db, register, local))
    return Report(register, sections, _arrivals(entries, days, register.event.timezone))


def _by_list(db: Database, scope: Scope, everyone: dict[str, Person], local: LocalDays) -> Section:
    """In-person attendance per check-in list (days, sessions, areas): unique people."""
    admitted: dict[int, set[str]] = {}
    for list_id, uid, at in db.conn.execute(
        "SELECT list_id, attendee_uid, at FROM effective_scan "
        "WHERE kind = 'entry' AND attendee_uid IS NOT NULL"
    ):
        # A day report counts only that day's admissions (a list without a day spans days).
        if scope.day is None or local.day(at) == scope.day:
            admitted.setdefault(list_id, set()).add(uid)
    rows: list[tuple[Cell, ...]] = []
    for list_id, name, day_text, categories in db.conn.execute(
        "SELECT id, name, day, categories FROM checkin_list ORDER BY day, id"
    ):
        day = date.fromisoformat(day_text) if day_text else None
        if scope.day is not None and day not in (None, scope.day):
            continue
        allowed = set(json.loads(categories or "[]"))

        def expected_here(p: Person, day: date | None = day) -> bool:
            return p.registered_for(day) if day else p.active

        expected = sum(
            1
            for p in everyone.values()
            if expected_here(p) and (not allowed or p.category in allowed)
        )
        came = admitted.get(list_id, set())
        came_expected = sum(1 for uid in came if expected_here(everyone[uid]))
        rows.append((name, day_text or "", expected, len(came), expected - came_expected))
    return Section(
        "by_list",
        "In person by check-in list",
        ("List", "Day", "Registered", "Attended in person", "No-shows"),
        rows,
    )


def _refused(db: Database, register: Register, local: LocalDays) -> Section:
    """Refused scan attempts by day and reason code (auditors ask for them)."""
    counts: Counter[tuple[str, str]] = Counter()
    where = "outcome = 'refused'"
    params: list[object] = []
    if register.scope.list_id is not None:
        where += " AND list_id = ?"
        params.append(register.scope.list_id)
    wanted = {d.isoformat() for d in register.days}
    for at, reason in db.conn.execute(f"SELECT at, reason FROM scan WHERE {where}", params):
        day = local.day(at).isoformat()
        if register.scope.day is None or day in wanted:
            counts[(day, reason)] += 1
    rows: list[tuple[Cell, ...]] = [(day, reason, n) for (day, reason), n in sorted(counts.items())]
    rows.append(("Total", "", sum(counts.values())))
    return Section("refused", "Refused scans by reason", ("Day", "Reason", "Scans"), rows)


def _arrivals(
    entries: list[RegisterEntry], days: list[date], timezone: str
) -> dict[date, list[tuple[datetime, int]]]:
    """First in-person arrivals per 15 minutes, per day."""
    buckets: dict[date, Counter[datetime]] = {d: Counter() for d in days}
    zone = ZoneInfo(timezone)
    for e in entries:
        if e.in_person and e.first_arrival is not None:
            slot = bucket_start(e.first_arrival.astimezone(zone))
            buckets.setdefault(e.day, Counter())[slot] += 1
    result: dict[date, list[tuple[datetime, int]]] = {}
    for day, counter in sorted(buckets.items()):
        if not counter:
            result[day] = []
            continue
        slot, last = min(counter), max(counter)
        series = []
        while slot <= last:
            series.append((slot, counter.get(slot, 0)))
            slot = slot + BUCKET
        result[day] = series
    return result
