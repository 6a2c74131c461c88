"""The report of a scope: the register plus counts, refused scans and arrivals, as sections.

A :class:`Report` is a list of :class:`Section` tables that every exporter (CSV, XLSX, PDF)
renders the same way, so a new section (say, duplicates and conflicts after a sync) is one more
function appending one more table, with no change to the writers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from operator import attrgetter
from zoneinfo import ZoneInfo

from kiosk.core import wording
from kiosk.core.decide import expected_on
from kiosk.core.gcpause import paused_gc
from kiosk.core.model import Attendee, AttendeeStatus, CheckinList
from kiosk.core.reasons import Reason
from kiosk.core.text import fold
from kiosk.reports.live import BUCKET, bucket_start
from kiosk.reports.meetings import b2b_sections
from kiosk.reports.register import (
    METHODS,
    Cell,
    LocalDays,
    Person,
    Register,
    RegisterEntry,
    Scope,
    method_label,
    read_register,
)
from kiosk.reports.texts import (
    DEFAULT_LANGUAGE,
    Texts,
    category_label,
    language_of,
    list_label,
    texts,
)
from kiosk.storage import register as register_store
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
    #: The language of the report's words (see kiosk.reports.texts).
    language: str = DEFAULT_LANGUAGE

    @property
    def t(self) -> Texts:
        return texts(self.language)

    def section(self, key: str) -> Section:
        for s in self.sections:
            if s.key == key:
                return s
        raise KeyError(key)

    def entries_of(self, day: date) -> list[RegisterEntry]:
        return [e for e in self.register.entries if e.day == day]


_COUNT_KEYS = ("col.group", "col.registered", "col.in_person", "col.online", "col.either",
               "col.no_shows")  # fmt: skip


def count_header(t: Texts) -> tuple[str, ...]:
    return tuple(t(k) for k in _COUNT_KEYS)


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


Attended = dict[str, tuple[bool, bool]]  # uid -> (in person, online)


def _attendance(entries: Iterable[RegisterEntry]) -> tuple[dict[date, Attended], Attended]:
    """Who attended each day, and over all the days (in person on some day, online on some)."""
    per_day: dict[date, Attended] = {}
    whole: Attended = {}
    for e in entries:
        uid = e.person.uid
        day = per_day.get(e.day)
        if day is None:
            day = per_day[e.day] = {}
        day[uid] = (e.in_person, e.online)
        was = whole.get(uid)
        whole[uid] = (
            (e.in_person, e.online) if was is None else (was[0] or e.in_person, was[1] or e.online)
        )
    return per_day, whole


def _total(registered: list[Person], attended: dict[str, tuple[bool, bool]]) -> _Tally:
    """One tally over everyone: set arithmetic, no per-person Python work beyond the sets."""
    uids = {p.uid for p in registered}
    return _Tally(
        registered=len(uids),
        in_person=sum(1 for here, _ in attended.values() if here),
        online=sum(1 for _, online in attended.values() if online),
        either=len(attended),
        no_shows=len(uids - attended.keys()),
    )


def _tallies(
    registered: list[Person],
    attended: dict[str, tuple[bool, bool]],
    people: dict[str, Person],
    field: str,
    label: Callable[[str], str],
) -> dict[str, _Tally]:
    """Tallies per group, the group being ``label`` of the person's ``field`` (each distinct
    value is labelled once)."""
    value_of = attrgetter(field)
    labels = {v: label(v) for v in {value_of(p) for p in people.values()}}
    tallies: dict[str, _Tally] = {}

    def tally(group: str) -> _Tally:
        found = tallies.get(group)
        if found is None:
            found = tallies[group] = _Tally()
        return found

    for group, n in Counter(labels[value_of(p)] for p in registered).items():
        tally(group).registered = n
    missing = Counter(labels[value_of(p)] for p in registered if p.uid not in attended)
    for group, n in missing.items():
        tally(group).no_shows = n
    for uid, (here, online) in attended.items():
        t = tally(labels[value_of(people[uid])])
        t.in_person += here
        t.online += online
        t.either += 1
    return tallies


_COUNTRY_KEYS = {"Bulgaria": "row.bulgaria", "Romania": "row.romania", "Other": "row.other",
                 "Not given": "row.not_given"}  # fmt: skip


def _count_rows(
    tallies: dict[str, _Tally], total_label: str, *, sort: str = "size"
) -> list[tuple[Cell, ...]]:
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
    return [tallies[k].row(k) for k in labels] + [total.row(total_label)]


def build_report(
    db: Database, scope: Scope | None = None, language: str = DEFAULT_LANGUAGE
) -> Report:
    """Everything a report of ``scope`` (default: the whole event) shows, read in one go, with
    its words in ``language`` (en, bg or ro)."""
    with paused_gc():
        return _build_report(db, scope or Scope(), language)


def _build_report(db: Database, scope: Scope, language: str) -> Report:
    t = texts(language)
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
    per_day, attended = _attendance(entries)
    for day in days:
        by_day[day.isoformat()] = _total(registered_for(day), per_day.get(day, {}))
    whole = registered_for(None) if len(days) != 1 else registered_for(days[0])
    event_tally = _total(whole, attended)
    day_rows = [t.row(k) for k, t in by_day.items()]
    if len(days) > 1:
        day_rows.append(event_tally.row(t("row.unique")))
    header = count_header(t)
    sections.append(Section("by_day", t("section.by_day"), (t("col.day"), *header[1:]), day_rows))
    sections.append(_by_method(entries, days, t))

    def country(value: str) -> str:
        return t(_COUNTRY_KEYS[country_group(value)])

    def given(value: str) -> str:
        return value or t("row.not_given")

    if scope.list_id is None:
        sections.append(_by_list(scope, register, register_store.every_list(db), t))
    def category(value: str) -> str:
        return category_label(t, value) if value else t("row.not_given")

    for key, column, label in (
        ("by_country", "country", country),
        ("by_category", "category", category),
        ("by_organisation", "organization", given),
    ):
        tallies = _tallies(whole, attended, everyone, column, label)
        sections.append(
            Section(key, t(f"section.{key}"), header, _count_rows(tallies, t("row.total")))
        )
    sections.append(_refused(db, register, local, t))
    sections.append(_conflicts(register, local, t))
    sections.extend(Section(*table) for table in b2b_sections(db, scope, t))
    return Report(register, sections, _arrivals(entries, days), language)


def _by_method(entries: list[RegisterEntry], days: list[date], t: Texts) -> Section:
    """How each day's people were checked in (their first admission that day): a scanned
    ticket and a name chosen from a list are different evidence for a funder."""
    counts: dict[date, dict[str, int]] = {day: {} for day in days}
    for e in entries:
        if e.in_person:
            per = counts.setdefault(e.day, {})
            per[e.method] = per.get(e.method, 0) + 1
    shown = [m for m in METHODS if any(m in c for c in counts.values())]
    if any("" in c for c in counts.values()):
        shown.append("")
    header = (t("col.day"), *(method_label(t, m) or t("row.not_given") for m in shown))
    rows: list[tuple[Cell, ...]] = [
        (day.isoformat(), *(counts[day].get(m, 0) for m in shown)) for day in sorted(counts)
    ]
    return Section("by_method", t("section.by_method"), header, rows)


Kind = tuple[bool, str, frozenset[date]]  # a registration as the rule sees it


def _by_list(scope: Scope, register: Register, lists: list[CheckinList], t: Texts) -> Section:
    """In-person attendance per check-in list (days, sessions, areas): unique people.

    Who is expected is decided by the check-in rule once per list and kind of registration
    (active or not, category, days), of which an event has few, not once per person."""
    kind_of: dict[str, Kind] = {
        uid: (p.active, p.category, p.days) for uid, p in register.people.items()
    }
    kinds = Counter(kind_of.values())
    admitted = register.list_admissions
    rows: list[tuple[Cell, ...]] = []
    for lst in lists:
        if scope.day is not None and lst.day not in (None, scope.day):
            continue
        verdict = {kind: _expected(lst, kind) for kind in kinds}
        expected = sum(n for kind, n in kinds.items() if verdict[kind])
        came = admitted.get(lst.id, set())
        came_expected = sum(1 for uid in came if verdict[kind_of[uid]])
        label = list_label(t, lst.name, lst.day)
        day_text = lst.day.isoformat() if lst.day else ""
        rows.append((label, day_text, expected, len(came), expected - came_expected))
    return Section(
        "by_list",
        t("section.by_list"),
        (t("col.list"), t("col.day"), t("col.registered"), t("col.in_person"), t("col.no_shows")),
        rows,
    )


def _expected(lst: CheckinList, kind: Kind) -> bool:
    """Is a registration of ``kind`` expected on ``lst`` (``core.decide.expected_on``)? On the
    list's day, or, for a list of every day, on some day of theirs."""
    active, category, days = kind
    person = Attendee(
        0, "", "", "", category=category, days=days,
        status=AttendeeStatus.ACTIVE if active else AttendeeStatus.CANCELLED,
    )  # fmt: skip
    return expected_on(person, lst, lst.day or min(days, default=date.min))


def _reason(t: Texts, code: str) -> str:
    """A reason's name in the report's language (kiosk.core.wording); a reason newer than this
    Kiosk (from a synchronised kiosk): its code."""
    try:
        return wording.reason_name(Reason(code), language_of(t))
    except ValueError:
        return code


def _refused(db: Database, register: Register, local: LocalDays, t: Texts) -> Section:
    """Refused scan attempts by day and reason code (auditors ask for them)."""
    counts: Counter[tuple[str, str]] = Counter()
    wanted = {d.isoformat() for d in register.days}
    for at, reason in register_store.refused_scans(db, register.scope.list_id):
        day = local.day(at).isoformat()
        if register.scope.day is None or day in wanted:
            counts[(day, reason)] += 1
    rows: list[tuple[Cell, ...]] = [
        (day, _reason(t, reason), n) for (day, reason), n in sorted(counts.items())
    ]
    rows.append((t("row.total"), "", sum(counts.values())))
    return Section(
        "refused", t("section.refused"), (t("col.day"), t("col.reason"), t("col.scans")), rows
    )


def _conflicts(register: Register, local: LocalDays, t: Texts) -> Section:
    """The duplicate/conflict report: each person admitted more than once where the list admits
    once, one row per admission, the one that counts (the earliest) first."""
    rows: list[tuple[Cell, ...]] = []
    for c in register.conflicts:
        for n, e in enumerate(c.entries):
            kiosk = e.kiosk_name or e.kiosk_id
            rows.append(
                (
                    c.name or c.attendee_uid,
                    c.code,
                    c.list_name,
                    c.day.isoformat() if c.day else "",
                    t("value.manual", kiosk=kiosk) if e.manual else kiosk,
                    e.at.astimezone(local.zone).replace(tzinfo=None, microsecond=0),
                    t("value.yes") if n == 0 else t("value.duplicate"),
                )
            )
    keys = ("name", "code", "list", "day", "kiosk", "time", "counts")
    return Section("conflicts", t("section.conflicts"), tuple(t(f"col.{k}") for k in keys), rows)


def _arrivals(
    entries: list[RegisterEntry], days: list[date]
) -> dict[date, list[tuple[datetime, int]]]:
    """First in-person arrivals per 15 minutes, per day."""
    # Counted by (day, hour, quarter): hashing an aware datetime per person would ask the
    # time zone for its offset each time. One datetime is made per slot at the end.
    quarters: dict[tuple[date, int, int], int] = {}
    sample: dict[tuple[date, int, int], datetime] = {}
    for e in entries:
        at = e.first_arrival
        if e.in_person and at is not None:
            key = (e.day, at.hour, at.minute // 15)
            n = quarters.get(key)
            if n is None:
                quarters[key] = 1
                sample[key] = at  # carries the zone (and the DST fold) of its slot
            else:
                quarters[key] = n + 1
    buckets: dict[date, Counter[datetime]] = {d: Counter() for d in days}
    for key, n in quarters.items():
        buckets.setdefault(key[0], Counter())[bucket_start(sample[key])] += n
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
