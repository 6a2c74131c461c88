"""The one door to an event file (issue 20): :class:`Desk`, opened with :func:`open_desk`.

The command line, the desk window and the self-service kiosk check people in, undo, search,
count, change people and lists, and reach keys, meetings, reports, sync and import through a
``Desk``; they import nothing below :mod:`kiosk.app` (``tests/test_architecture.py``). Only what
a check-in needs is imported with this module: every other service is imported by the method
that serves it, so ``kiosk checkin`` stays light (``tests/cli/test_startup.py``).

Value types and errors the front ends need are re-exported here (``NewAttendee``, ``Kiosk``,
``EventInfo``, ``StorageError``…), so that a front end never imports storage for a name.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.app.checkin import (
    CheckinResult,
    CheckinService,
    Clock,
    NoListError,
    ScanRequestError,
    UndoError,
    UndoResult,
    utc_now,
)
from kiosk.app.hubcheck import attach_hub_guard, detach_hub_guard
from kiosk.core.model import Attendee, CheckinList, Method, Policy, ScanKind
from kiosk.storage import events
from kiosk.storage.attendees import NewAttendee
from kiosk.storage.database import Database
from kiosk.storage.errors import NotAnEventDatabase, StorageError
from kiosk.storage.events import EventInfo, Kiosk, KioskNameError, ListError

if TYPE_CHECKING:
    from kiosk.app.adminpin import AdminPin, Unlocked
    from kiosk.app.badging import Badges
    from kiosk.app.desk import LayoutSearch, UndoTarget
    from kiosk.app.importing import ImportReport
    from kiosk.app.keys import Keys
    from kiosk.app.lookup import Found, PersonDetails
    from kiosk.app.meetings import ImportReport as MeetingsImport
    from kiosk.app.meetings import MeetingsService
    from kiosk.app.numbers import LiveNumbers, Stats
    from kiosk.app.printing import PrintService
    from kiosk.app.reports import ReportService
    from kiosk.app.sync import SyncService
    from kiosk.app.tickets import TicketBatch

__all__ = [
    "CheckinResult",
    "Clock",
    "Desk",
    "EventInfo",
    "Kiosk",
    "KioskNameError",
    "ListError",
    "NewAttendee",
    "NoListError",
    "NotAnEventDatabase",
    "ScanRequestError",
    "StorageError",
    "UndoError",
    "UndoResult",
    "create_event",
    "open_desk",
]

#: How long leaving a ``with open_desk(…)`` block waits for announcements to the hub.
HUB_DRAIN = 2.0


class Desk:
    """One event file, opened as one kiosk: everything done with it goes through here.

    One instance per thread (it holds one connection); the desk window has two, on its writer
    and its reader thread. Check-ins ask the hub first when one is configured
    (:mod:`kiosk.app.hubcheck`).
    """

    def __init__(
        self,
        db: Database,
        kiosk: Kiosk | None = None,
        *,
        clock: Clock | None = None,
        self_service: bool = False,
        hub_guard: bool = True,
    ) -> None:
        self.db = db
        self.checkin = CheckinService(db, kiosk, clock or utc_now, self_service=self_service)
        #: Ask the configured hub before each check-in (none configured: nothing is asked).
        self.hub_guard = hub_guard
        self._meetings: MeetingsService | None = None
        self._reports: ReportService | None = None
        self._printing: PrintService | None = None
        self._sync: SyncService | None = None

    # -- who, where, when ----------------------------------------------------------------------

    @property
    def path(self) -> str:
        return self.db.path

    @property
    def kiosk(self) -> Kiosk:
        return self.checkin.kiosk

    @property
    def event(self) -> EventInfo:
        return self.checkin.event

    @property
    def timezone(self) -> str:
        """The event's time zone: list hours and scan times are shown in it."""
        return self.checkin.event.timezone

    @property
    def clock(self) -> Clock:
        return self.checkin.clock

    # -- check-in ------------------------------------------------------------------------------

    def scan(
        self,
        code: str,
        *,
        list_id: int | None = None,
        kind: ScanKind = ScanKind.ENTRY,
        at: datetime | None = None,
        operator: str = "",
        method: Method = Method.SCANNED,
        force: bool = False,
        reason: str = "",
    ) -> CheckinResult:
        """Decide one scan and put it on disk (:meth:`CheckinService.scan`); with a hub
        configured, the hub is asked first whether the ticket was admitted elsewhere."""
        self._guard()
        return self.checkin.scan(
            code, list_id=list_id, kind=kind, at=at, operator=operator, method=method,
            force=force, reason=reason,
        )  # fmt: skip

    def walk_in(
        self, person: NewAttendee, *, list_id: int | None = None, operator: str = ""
    ) -> CheckinResult:
        """Register someone at the desk and check them in, both or neither."""
        self._guard()
        return self.checkin.walk_in(person, list_id=list_id, operator=operator)

    def _guard(self) -> None:
        if self.hub_guard:
            attach_hub_guard(self.checkin)  # cheap when there is no hub

    def has_meetings(self, attendee_uid: str | None = None) -> bool:
        """Whether the event has any B2B meetings, or with ``attendee_uid`` whether that person
        has any (one indexed query; none: nothing to show, nothing to mark held)."""
        return self.checkin.has_meetings(attendee_uid)

    def resolve_list(self, list_id: int | None, at: datetime | None = None) -> CheckinList:
        """The list a scan goes to: the one asked for, else the list of the day ``at``."""
        return self.checkin.resolve_list(list_id, at)

    # -- undo ----------------------------------------------------------------------------------

    def undo(self, scan_id: str | None = None, *, operator: str = "") -> UndoResult:
        """Void a check-in (by default this kiosk's newest); :class:`UndoError` if none."""
        return self.checkin.undo(scan_id, operator=operator)

    def undo_target(
        self, *, scan_id: str | None = None, code: str | None = None
    ) -> UndoTarget | None:
        """What an undo would reach (:func:`kiosk.app.desk.undo_target`)."""
        from kiosk.app.desk import undo_target

        return undo_target(self.db, self.kiosk.id, scan_id=scan_id, code=code)

    def scan_exists(self, scan_id: str) -> bool:
        from kiosk.app.desk import scan_exists

        return scan_exists(self.db, scan_id)

    # -- search --------------------------------------------------------------------------------

    def search(self, query: str, *, limit: int = 20) -> list[Found]:
        """People by any part of name, organisation, e-mail or code, in either script."""
        from kiosk.app.lookup import search_people

        return search_people(self.db, query, limit=limit, clock=self.clock)

    def search_any_layout(self, query: str, *, limit: int = 50) -> LayoutSearch:
        """:meth:`search`, then the same keys on the other keyboard layouts."""
        from kiosk.app.desk import search_any_layout

        return search_any_layout(self.db, query, limit=limit, clock=self.clock)

    def find_myself(self, query: str, list_id: int) -> list[Found]:
        """The self-service kiosk's search, with its privacy rule."""
        from kiosk.app.lookup import self_service_search

        return self_service_search(self.db, query, list_id, clock=self.clock)

    def similar_people(self, first_name: str, last_name: str) -> list[Found]:
        """Registered people named like a walk-in."""
        from kiosk.app.desk import similar_people

        return similar_people(self.db, first_name, last_name, clock=self.clock)

    def details(self, attendee_id: int) -> PersonDetails | None:
        """Everything stored about one person and their scans."""
        from kiosk.app.lookup import person_details

        return person_details(self.db, attendee_id, self.timezone)

    def foreign_codes(self) -> frozenset[str]:
        """The event's imported ticket codes that are not in our format (capitals)."""
        from kiosk.app.desk import foreign_codes

        return foreign_codes(self.db)

    def common_values(self, column: str) -> list[str]:
        """The categories or countries already used, most common first (walk-in choices)."""
        from kiosk.storage.lookup import common_values

        return common_values(self.db, column)

    # -- people and this kiosk -----------------------------------------------------------------

    def edit_person(
        self, attendee_id: int, changes: Mapping[str, object], *, operator: str = ""
    ) -> tuple[Attendee, frozenset[str]]:
        """Correct a person's details at this kiosk (logged); :class:`PersonError` if not."""
        from kiosk.app.people import edit_person

        return edit_person(self.db, attendee_id, changes, kiosk=self.kiosk, operator=operator)

    def set_blocked(self, code: str, blocked: bool, *, operator: str = "") -> Attendee:
        """Block (or unblock) the ticket ``code`` names on every kiosk."""
        from kiosk.app.people import set_blocked

        return set_blocked(self.db, code, blocked, kiosk=self.kiosk, operator=operator)

    def local_kiosks(self) -> list[Kiosk]:
        """This computer's kiosks for this file, by name."""
        return events.local_kiosks(self.db)

    def rename_kiosk(self, name: str, *, kiosk: Kiosk | None = None) -> Kiosk:
        """Give this kiosk (or another of this computer's, ``kiosk``) a new name;
        :class:`KioskNameError` says why not."""
        target = kiosk or self.kiosk
        renamed = events.rename_kiosk(self.db, target, name)
        if target.id == self.kiosk.id:
            self.checkin.kiosk = renamed
        return renamed

    def admin_pin(self) -> AdminPin:
        """This kiosk's admin PIN (the one that leaves self-service mode)."""
        from kiosk.app.adminpin import AdminPin

        return AdminPin(self.db, self.kiosk, self.clock)

    def reset_pin_lockout(self, *, forget_pin: bool = False) -> Unlocked:
        """End the self-service kiosk's wait after wrong PINs (``forget_pin``: and the PIN)."""
        from kiosk.app.adminpin import reset_lockout

        return reset_lockout(self.db, forget_pin=forget_pin, clock=self.clock)

    # -- lists ---------------------------------------------------------------------------------

    def lists(self) -> list[CheckinList]:
        return events.checkin_lists(self.db)

    def checkin_list(self, list_id: int) -> CheckinList | None:
        return events.checkin_list(self.db, list_id)

    def event_days(self) -> list[date]:
        """The days of the event (those its day lists are for)."""
        from kiosk.app import lists

        return lists.event_days(self.db)

    def add_list(self, name: str, **settings: Any) -> CheckinList:
        """A new check-in list (:func:`kiosk.app.lists.add`); :class:`ListError` if not."""
        from kiosk.app import lists

        return lists.add(self.db, name, **settings)

    def edit_list(self, list_id: int, **changes: Any) -> CheckinList:
        """Change a list: only the fields given; scans already made stay as decided."""
        from kiosk.app import lists

        return lists.edit(self.db, list_id, **changes)

    def remove_list(self, list_id: int) -> CheckinList:
        """Remove a list nobody was scanned on; :class:`ListError` for one with scans."""
        from kiosk.app import lists

        return lists.remove(self.db, list_id)

    # -- services imported when first used ------------------------------------------------------

    @property
    def meetings(self) -> MeetingsService:
        """B2B meetings (:class:`kiosk.app.meetings.MeetingsService`)."""
        if self._meetings is None:
            from kiosk.app.meetings import MeetingsService

            self._meetings = MeetingsService(self.db, clock=self.clock)
        return self._meetings

    def import_meetings(self, path: str | Path, **options: Any) -> MeetingsImport:
        """Import the B2B schedule from a CSV or XLSX file (re-importing is safe; see
        :func:`kiosk.app.meetings.import_meetings` for the options)."""
        from kiosk.app.meetings import import_meetings

        return import_meetings(self.db, path, **options)

    @property
    def reports(self) -> ReportService:
        """Reports, exports, conflicts and purge (:class:`kiosk.app.reports.ReportService`)."""
        if self._reports is None:
            from kiosk.app.reports import ReportService

            self._reports = ReportService(self.db)
        return self._reports

    @property
    def printing(self) -> PrintService:
        """This kiosk's print queue: badges after check-ins, staff prints, printer settings
        (:class:`kiosk.app.printing.PrintService`)."""
        if self._printing is None:
            from kiosk.app.printing import print_service

            self._printing = print_service(self.db, self.kiosk, clock=self.clock)
        return self._printing

    @property
    def badges(self) -> Badges:
        """Badges as pictures and files: one person's, previews, test pages, sheets for
        pre-printing (:class:`kiosk.app.badging.Badges`)."""
        from kiosk.app.badging import Badges

        return Badges(self.db, self.clock)

    def tickets(self, *, include_cancelled: bool = False) -> TicketBatch:
        """Who gets a QR ticket to mail (:func:`kiosk.app.tickets.write_tickets` writes them)."""
        from kiosk.app.tickets import ticket_batch

        return ticket_batch(self.db, include_cancelled=include_cancelled)

    @property
    def sync(self) -> SyncService:
        """Bundles, the hub and conflicts after merging (:class:`kiosk.app.sync.SyncService`;
        psycopg is loaded only when a hub is reached)."""
        if self._sync is None:
            from kiosk.app.sync import SyncService

            self._sync = SyncService(self.db, self.kiosk)
        return self._sync

    @property
    def keys(self) -> Keys:
        """Signing keys and revocation lists (:class:`kiosk.app.keys.Keys`)."""
        from kiosk.app.keys import Keys

        return Keys(self.db)

    def numbers(self, list_id: int) -> LiveNumbers:
        """The desk's live numbers for a list (checked in, expected, by hour and category)."""
        from kiosk.app.numbers import live_numbers
        from kiosk.core.timeutil import local_day

        # A list of every day expects those registered for the desk's day (core expected_on).
        today = local_day(self.clock(), self.timezone)
        return live_numbers(self.db, list_id, self.timezone, today)

    def stats(self) -> Stats:
        """Registrations, and unique people admitted per check-in list."""
        from kiosk.app.numbers import stats

        return stats(self.db)

    def import_file(self, path: str | Path, **options: Any) -> ImportReport:
        """Import registrations from a CSV, XLSX or ODS file (re-importing is safe; see
        :func:`kiosk.app.importing.import_file` for the options)."""
        from kiosk.app.importing import import_file

        return import_file(self.db, path, **options)

    # -- closing -------------------------------------------------------------------------------

    def close(self, *, drain: float = 0.0) -> None:
        """Stop asking the hub (waiting up to ``drain`` seconds for announcements to go out)
        and close the file."""
        detach_hub_guard(self.checkin, drain=drain)
        self.db.close()

    def __enter__(self) -> Desk:
        return self

    def __exit__(self, *exc: object) -> None:
        # A short-lived user (a command) lets the hub hear of its scans before it ends.
        self.close(drain=HUB_DRAIN)


def open_desk(
    path: str | Path,
    kiosk_name: str | None = None,
    *,
    clock: Clock | None = None,
    self_service: bool = False,
    hub_guard: bool = True,
    cache_kib: int = Database.CACHE_KIB,
) -> Desk:
    """Open the event file ``path`` as the kiosk ``kiosk_name`` (made when new; default: this
    computer's kiosk). A file that cannot be used raises :class:`StorageError` (or
    :class:`NotAnEventDatabase`) with a message staff can act on."""
    db = Database(path, cache_kib=cache_kib)
    try:
        kiosk = events.local_kiosk(db, kiosk_name) if kiosk_name else None
        return Desk(db, kiosk, clock=clock, self_service=self_service, hub_guard=hub_guard)
    except BaseException:
        db.close()
        raise


def create_event(
    path: str | Path,
    name: str,
    days: list[date],
    timezone: str,
    *,
    venue: str = "",
    policy: Policy = Policy.ONCE_PER_DAY,
    kiosk_name: str = "Desk 1",
) -> Desk:
    """Create a new event file with one check-in list per day and open it (as ``kiosk_name``)."""
    with Database(path, create=True) as db:
        events.create_event(
            db, name, days, timezone, venue=venue, policy=policy, kiosk_name=kiosk_name
        )
    return open_desk(path)
