"""The attendance register funders ask for: one row per person per event day, in person and
online, read from the scan log (accepted entries no void cancels) and the imported online
sessions.

A *scope* is a day, a check-in list, or the whole event. Days are event-local calendar dates.
The register is read in two passes over the log (no per-person queries), so a 100,000-person,
two-day event takes well under a second (see bench/reports.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.core import signed
from kiosk.core.gcpause import paused_gc
from kiosk.core.model import Method
from kiosk.core.timeutil import to_utc_iso
from kiosk.reports.conflicts import Conflict, conflicts
from kiosk.reports.texts import Texts, category_label, country_label, texts
from kiosk.storage import online as online_store
from kiosk.storage import register as register_store
from kiosk.storage.database import Database
from kiosk.storage.events import EventInfo, event_info


class Modality(StrEnum):
    """How a person attended on a day."""

    IN_PERSON = "in_person"
    ONLINE = "online"
    BOTH = "in_person_and_online"


@dataclass(frozen=True, slots=True)
class Scope:
    """What a report covers: one ``day``, one check-in list, or (neither) the whole event.

    Online attendance is imported per day, not per list, so a list scope is in person only.
    """

    day: date | None = None
    list_id: int | None = None

    def label(self) -> str:
        if self.list_id is not None:
            return f"list-{self.list_id}" + (f"-{self.day.isoformat()}" if self.day else "")
        return self.day.isoformat() if self.day else "event"


@dataclass(frozen=True, slots=True)
class Person:
    """A registrant as the reports show them."""

    uid: str
    code: str
    first_name: str
    last_name: str
    organization: str
    country: str
    category: str
    active: bool
    days: frozenset[date]  # empty: every day of the event
    sort_key: str
    #: Not in the kiosk's list at first: added and admitted on the strength of a signed ticket.
    signed: bool = False

    def registered_for(self, day: date) -> bool:
        return self.active and (not self.days or day in self.days)


@dataclass(frozen=True, slots=True)
class RegisterEntry:
    """One person on one day."""

    day: date
    person: Person
    in_person: bool
    online: bool
    first_arrival: datetime | None  # local: first admission, else first online join
    last_exit: datetime | None  # local: last exit scan (lists that track exits), else last leave
    kiosk: str  # where the first admission was made; the platform for online-only rows
    manual: bool  # the first admission was entered by hand (a time given with --at)
    online_minutes: int
    #: Admitted more than once that day on a list that admits once (see the conflicts section).
    conflict: bool = False
    #: How the first admission was made (kiosk.core.model.Method; '' when not recorded).
    method: str = ""

    @property
    def modality(self) -> Modality:
        if self.in_person and self.online:
            return Modality.BOTH
        return Modality.IN_PERSON if self.in_person else Modality.ONLINE


_COLUMN_KEYS = (
    "reg.no",
    "reg.date",
    "reg.last_name",
    "reg.first_name",
    "reg.organisation",
    "reg.country",
    "reg.category",
    "reg.modality",
    "reg.first_arrival",
    "reg.last_exit",
    "reg.kiosk",
    "reg.manual",
    "reg.method",
    "reg.online_minutes",
    "reg.conflict",
    "reg.code",
)


def columns(t: Texts) -> tuple[str, ...]:
    """The register's column titles in the language of ``t``."""
    return tuple(t(k) for k in _COLUMN_KEYS)


#: The column titles in English: the canonical CSV whose digest the register files carry.
COLUMNS = columns(texts())

Cell = str | int | datetime | None
#: How the register names each online platform (in the kiosk column of online-only rows).
PLATFORM_LABELS = {"zoom": "Zoom", "teams": "Teams", "meet": "Google Meet"}


def register_rows(entries: list[RegisterEntry], t: Texts | None = None) -> list[tuple[Cell, ...]]:
    """The register as table rows (numbered per day), in :data:`COLUMNS` order, its words in
    the language of ``t`` (default English)."""
    t = t or texts()
    modality = {m: t(f"modality.{m.value}") for m in Modality}
    yes = t("value.yes")
    rows: list[tuple[Cell, ...]] = []
    number = 0
    day: date | None = None
    for e in entries:
        number = number + 1 if e.day == day else 1
        day = e.day
        p = e.person
        rows.append(
            (
                number,
                e.day.isoformat(),
                p.last_name,
                p.first_name,
                p.organization,
                country_label(t, p.country),
                category_label(t, p.category) if p.category else "",
                modality[e.modality],
                _minute(e.first_arrival),
                _minute(e.last_exit),
                e.kiosk,
                yes if e.manual else "",
                method_label(t, e.method),
                e.online_minutes if e.online else None,
                yes if e.conflict else "",
                p.code,
            )
        )
    return rows


#: The methods in the order reports list them (kiosk.core.model.Method's order).
METHODS = tuple(m.value for m in Method)


def method_label(t: Texts, method: str) -> str:
    """How a check-in was made, in the report's language ('' when it was not recorded)."""
    return t(f"method.{method}") if method in METHODS else ""


def _minute(value: datetime | None) -> datetime | None:
    return value.replace(second=0, microsecond=0, tzinfo=None) if value else None


class LocalDays:
    """UTC log times -> event-local dates and times, cached per minute (every zone's offset is
    a whole number of minutes, so the minute fixes the local date)."""

    def __init__(self, zone: ZoneInfo) -> None:
        self.zone = zone
        #: "YYYY-MM-DDTHH:MM" (UTC) -> local date
        self.cache: dict[str, date] = {}

    def day(self, utc_text: str) -> date:
        key = utc_text[:16]
        found = self.cache.get(key)
        if found is None:
            found = self.cache[key] = self.local(utc_text).date()
        return found

    def local(self, utc_text: str) -> datetime:
        value = datetime.fromisoformat(utc_text)  # Python 3.11 reads the "Z"
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(self.zone)


def people(db: Database) -> dict[str, Person]:
    """Every registrant (cancelled ones too: they may have attended before cancelling), in
    register order (last name, first name)."""
    found: dict[str, Person] = {}
    # Few distinct day sets (all days, day one only…): parse each once.
    day_sets: dict[str, frozenset[date]] = {"[]": frozenset()}
    for uid, code, first, last, org, country, category, status, days, key, origin in (
        register_store.registrants(db)
    ):
        day_set = day_sets.get(days)
        if day_set is None:
            day_set = day_sets[days] = register_store.day_set_of(days)
        found[uid] = Person(
            uid, code, first, last, org, country, category, status == "active", day_set, key,
            origin == signed.ORIGIN,
        )  # fmt: skip
    return found


def event_days(db: Database) -> list[date]:
    """The event's days: those of its check-in lists and any other day with attendance."""
    days = {date.fromisoformat(d) for d in register_store.list_days(db)}
    days.update(date.fromisoformat(d) for d in online_store.days(db))
    return sorted(days)


@dataclass(frozen=True, slots=True)
class Register:
    event: EventInfo
    scope: Scope
    days: list[date]  # the days the scope covers (also days nobody attended)
    people: dict[str, Person]
    entries: list[RegisterEntry]  # by day, then last name, first name
    #: list id -> people admitted on it (within the scope's day, if it has one)
    list_admissions: dict[int, set[str]] = field(default_factory=dict)
    #: People admitted more than once where a list admits once, within the scope.
    conflicts: list[Conflict] = field(default_factory=list)


def read_register(db: Database, scope: Scope | None = None) -> Register:
    """The register of ``scope`` (default: the whole event): everyone who attended, in person
    or online, per day."""
    with paused_gc():
        return _read_register(db, scope or Scope())


def _read_register(db: Database, scope: Scope) -> Register:
    info = event_info(db)
    zone = ZoneInfo(info.timezone)
    local = LocalDays(zone)
    everyone = people(db)  # in register order
    kiosks = register_store.kiosk_names(db)

    start = end = None
    if scope.day is not None:
        start = to_utc_iso(datetime.combine(scope.day, time(0), zone))
        end = to_utc_iso(datetime.combine(scope.day + timedelta(days=1), time(0), zone))
    # day -> uid -> (first entry at, kiosk id, manual); day -> uid -> last exit at; and the
    # people admitted on each list. One pass over the log, in plain dicts and tuples.
    first: dict[date, dict[str, tuple[str, str, int, str]]] = {}
    exits: dict[date, dict[str, str]] = {}
    by_list: dict[int, set[str]] = {}
    readmitted = False  # someone admitted twice on one list: conflicts are possible
    day_cache = local.cache
    for uid, at, kind, kiosk_id, manual, list_id, method in register_store.admissions(
        db, list_id=scope.list_id, start=start, end=end
    ):
        day = day_cache.get(at[:16])
        if day is None:
            day = local.day(at)
        if kind == "entry":
            of_day = first.get(day)
            if of_day is None:
                of_day = first[day] = {}
            seen = of_day.get(uid)
            if seen is None or at < seen[0]:
                of_day[uid] = (at, kiosk_id, manual, method)
            admitted = by_list.get(list_id)
            if admitted is None:
                admitted = by_list[list_id] = set()
            elif uid in admitted:
                readmitted = True
            admitted.add(uid)
        else:
            left_on = exits.setdefault(day, {})
            last = left_on.get(uid)
            if last is None or at > last:
                left_on[uid] = at

    # day -> uid -> [first join, last leave, seconds, platform]
    online: dict[date, dict[str, list[object]]] = {}
    if scope.list_id is None:
        for uid, day_text, joined_at, left_at, seconds, platform in online_store.matched_sessions(
            db
        ):
            of_day_online = online.setdefault(date.fromisoformat(day_text), {})
            slot = of_day_online.get(uid)
            if slot is None:
                of_day_online[uid] = [joined_at, left_at, seconds, platform]
                continue
            slot[0] = min(str(slot[0]), joined_at)
            if left_at and (slot[1] is None or left_at > str(slot[1])):
                slot[1] = left_at
            slot[2] = int(str(slot[2])) + seconds

    wanted = scope.day
    entry_days = sorted(d for d in set(first) | set(online) if wanted is None or d == wanted)
    # Conflicts need someone admitted twice on one list; within a day or list scope an earlier
    # admission may lie outside what was read, so the full check runs there.
    found = _conflicts_in(db, scope, zone) if readmitted or scope != Scope() else []
    marked = {(c.attendee_uid, e.at.astimezone(zone).date()) for c in found for e in c.entries}
    # Built in register order (day, then the registrants' order) without sorting: every
    # registrant is looked up once per day that has attendance.
    entries: list[RegisterEntry] = []
    append = entries.append
    to_local = local.local
    no_one: dict[str, Any] = {}
    for day in entry_days:
        in_person = first.get(day, no_one)
        joined_on = online.get(day, no_one)
        left_on_day = exits.get(day, no_one)
        for uid, person in everyone.items():
            admitted_at = in_person.get(uid)
            joined = joined_on.get(uid)
            if admitted_at is None and joined is None:
                continue
            minutes = round(int(str(joined[2])) / 60) if joined is not None else 0
            conflict = bool(marked) and (uid, day) in marked
            if admitted_at is not None:
                at, kiosk_id, manual, method = admitted_at
                left = left_on_day.get(uid)
                append(
                    RegisterEntry(
                        day, person, True, joined is not None, to_local(at),
                        to_local(left) if left else None, kiosks.get(kiosk_id, ""),
                        bool(manual), minutes, conflict, method,
                    )
                )  # fmt: skip
            elif joined is not None:
                append(
                    RegisterEntry(
                        day, person, False, True, to_local(str(joined[0])),
                        to_local(str(joined[1])) if joined[1] else None,
                        PLATFORM_LABELS.get(str(joined[3]), str(joined[3])), False, minutes,
                        conflict,
                    )
                )  # fmt: skip
    days = event_days(db)
    days = sorted(set(days) | set(entry_days))
    if scope.day is not None:
        days = [scope.day]
    elif scope.list_id is not None:
        list_day = register_store.list_day(db, scope.list_id)
        days = [date.fromisoformat(list_day)] if list_day else list(entry_days)
    return Register(info, scope, days, everyone, entries, by_list, found)


def _conflicts_in(db: Database, scope: Scope, zone: ZoneInfo) -> list[Conflict]:
    """The conflicts of the scope: on its list, with an admission on its day."""
    found = conflicts(db)
    if scope.list_id is not None:
        found = [c for c in found if c.list_id == scope.list_id]
    if scope.day is not None:
        found = [
            c for c in found if any(e.at.astimezone(zone).date() == scope.day for e in c.entries)
        ]
    return found
