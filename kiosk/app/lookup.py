"""Finding people, with whether and when they were checked in today."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from kiosk.app.checkin import utc_now
from kiosk.core.model import Attendee
from kiosk.core.reasons import ACCEPTED_REASONS
from kiosk.core.timeutil import from_utc_iso, local_day, to_utc_iso
from kiosk.storage import lookup
from kiosk.storage.attendees import AttendeeRecord, record
from kiosk.storage.database import Database
from kiosk.storage.events import checkin_lists, event_info
from kiosk.storage.search import search
from kiosk.storage.selfservice import find_myself


@dataclass(frozen=True, slots=True)
class Found:
    attendee: Attendee
    #: {"at": local ISO time, "kiosk": name} of today's first admission, or None.
    checked_in_today: dict[str, str] | None


def search_people(
    db: Database, query: str, *, limit: int = 20, clock: Callable[[], datetime] = utc_now
) -> list[Found]:
    hits = search(db, query, limit=limit)
    if not hits:
        return []
    tz = ZoneInfo(event_info(db).timezone)
    today = clock().astimezone(tz).date()
    start = datetime.combine(today, time(0), tz)
    end = datetime.combine(today + timedelta(days=1), time(0), tz)
    uids = [h.attendee.uid for h in hits]
    first = {
        uid: {"at": from_utc_iso(entry.at).astimezone(tz).isoformat(), "kiosk": entry.kiosk}
        for uid, entry in lookup.first_entries(db, uids, to_utc_iso(start), to_utc_iso(end)).items()
    }
    return [Found(h.attendee, first.get(h.attendee.uid)) for h in hits]


def self_service_search(
    db: Database, query: str, list_id: int, *, clock: Callable[[], datetime] = utc_now
) -> list[Found]:
    """What the self-service kiosk shows for ``query`` on check-in list ``list_id``: the
    privacy rule of :mod:`kiosk.core.selfservice` (whole surname word, only people expected on
    the list today, at most five). Nothing about earlier check-ins is told."""
    lists = {cl.id: cl for cl in checkin_lists(db)}
    checkin_list = lists.get(list_id)
    if checkin_list is None:
        return []
    today = local_day(clock(), event_info(db).timezone)
    return [Found(person, None) for person in find_myself(db, query, checkin_list, today)]


@dataclass(frozen=True, slots=True)
class LoggedScan:
    scan_id: str
    at: datetime  # local time of the event
    list_name: str
    list_day: date | None
    kind: str
    reason: str
    kiosk: str
    manual: bool
    voided: bool  # an accepted scan later undone
    #: How it was made (kiosk.core.model.Method value; '' before Kiosk recorded it).
    method: str = ""
    #: The reason given for a forced admission.
    note: str = ""


@dataclass(frozen=True, slots=True)
class PersonDetails:
    record: AttendeeRecord
    scans: list[LoggedScan]  # newest first

    @property
    def undoable(self) -> LoggedScan | None:
        """The newest accepted entry or exit that has not been undone."""
        for scan in self.scans:
            took_effect = scan.reason in ACCEPTED_REASONS
            if scan.kind in ("entry", "exit") and took_effect and not scan.voided:
                return scan
        return None


def person_details(db: Database, attendee_id: int, timezone: str) -> PersonDetails | None:
    """Everything stored about one person and every scan of them, for the details view."""
    found = record(db, attendee_id)
    if found is None:
        return None
    tz = ZoneInfo(timezone)
    scans = [
        LoggedScan(
            s.scan_id,
            from_utc_iso(s.at).astimezone(tz),
            s.list_name,
            date.fromisoformat(s.list_day) if s.list_day else None,
            s.kind,
            s.reason,
            s.kiosk,
            s.manual,
            s.voided,
            s.method,
            s.note,
        )
        for s in lookup.person_scans(db, found.attendee.uid)
    ]
    return PersonDetails(found, scans)
