"""The conflict report: people admitted more than once where the list allows one admission.

After kiosks merge their logs, the same ticket may turn out to have been admitted at two kiosks
(offline, or within seconds), or twice at one kiosk (a manual correction). Both events stay in
the log; the attendance of record is the earliest by hybrid logical clock; this report lists
each case so staff can see whether a ticket was shared.

A case is a person, a check-in list and (for once-per-day lists) an event day with two or more
accepted, not undone entries, taken in the order of their scan time as the check-in rule takes
them. Lists that admit people any number of times have no conflicts; on lists that allow entry
after an exit (the default, as in pretix) or track presence, an entry after an exit is a
re-entry, not a conflict; and an admission staff forced after an earlier one (logged as forced,
with a reason) was a decision made knowing of it, not a second use of the ticket.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from kiosk.core.model import Method
from kiosk.core.timeutil import from_utc_iso
from kiosk.storage import reports as report_store
from kiosk.storage.database import Database
from kiosk.storage.events import event_info


@dataclass(frozen=True, slots=True)
class ConflictEntry:
    """One admission of the person in a conflict."""

    scan_id: str
    kiosk_id: str
    kiosk_name: str
    at: datetime  # UTC, as the kiosk's clock said
    hlc: str
    manual: bool


@dataclass(frozen=True, slots=True)
class Conflict:
    attendee_uid: str
    name: str  # first name, then last name ('' if the person is not in the roster here)
    code: str
    organization: str
    list_id: int
    list_name: str
    day: date | None  # the event day, for once-per-day lists
    #: Every admission in the case, earliest (by hybrid logical clock) first: that one counts.
    entries: tuple[ConflictEntry, ...]

    @property
    def record(self) -> ConflictEntry:
        """The attendance of record: the earliest admission."""
        return self.entries[0]

    @property
    def cross_kiosk(self) -> bool:
        """Admitted at more than one kiosk (a shared ticket?) rather than twice at one."""
        return len({e.kiosk_id for e in self.entries}) > 1


def conflicts(db: Database) -> list[Conflict]:
    """Every conflict in the merged log, ordered by list, day and the first admission."""
    zone = ZoneInfo(event_info(db).timezone)
    rows = report_store.conflict_scans(db)
    groups: dict[tuple[str, int, date | None], list[ConflictEntry]] = {}
    list_names: dict[int, str] = {}
    inside: dict[tuple[str, int, date | None], bool] = {}
    for (uid, list_id, kind, scan_id, kiosk_id, kiosk_name, at_text, hlc, manual, list_name,
         policy, tracks, reentry, method) in rows:  # fmt: skip
        at = from_utc_iso(at_text)
        day = at.astimezone(zone).date() if policy == "once_per_day" else None
        key = (uid, list_id, day)
        list_names[list_id] = list_name
        if kind == "exit":
            inside[key] = False
            continue
        entry = ConflictEntry(scan_id, kiosk_id, kiosk_name, at, hlc, bool(manual))
        entries = groups.setdefault(key, [])
        if (tracks or reentry) and entries and not inside.get(key, False):
            # Re-entry after an exit: a fresh admission, not a second one.
            entries.clear()
        if not (entries and method == Method.FORCED.value):
            # (an admission forced after another was made by staff who knew of it)
            entries.append(entry)
        inside[key] = True
    uids = sorted({uid for (uid, _list, _day), entries in groups.items() if len(entries) > 1})
    people = report_store.names_of(db, uids)
    found = []
    for (uid, list_id, day), entries in groups.items():
        if len(entries) > 1:
            name, code, organization = people.get(uid, ("", "", ""))
            found.append(
                Conflict(uid, name, code, organization, list_id, list_names[list_id], day,
                         tuple(entries))
            )  # fmt: skip
    found.sort(key=lambda c: (c.list_id, c.day or date.min, c.record.hlc))
    return found
