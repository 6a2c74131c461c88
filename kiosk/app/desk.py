"""What the desk (and the command line) ask beyond a check-in: whom an undo would reach, which
codes a scanner may type that are not ours, people with a similar name before a walk-in is
created, and a search that forgives a wrong keyboard layout."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from difflib import SequenceMatcher
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.app import lists as list_service
from kiosk.app import people as people_service
from kiosk.app.checkin import CheckinResult, CheckinService, Clock, UndoResult, utc_now
from kiosk.app.hubcheck import attach_hub_guard, detach_hub_guard
from kiosk.app.lookup import (
    Found,
    PersonDetails,
    person_details,
    search_people,
    self_service_search,
)
from kiosk.core import codes, keyboard
from kiosk.core.model import Attendee, AttendeeStatus, CheckinList, Method, ScanKind
from kiosk.core.text import fold, has_cyrillic
from kiosk.storage import attendees, events, lookup, scanlog
from kiosk.storage.attendees import NewAttendee
from kiosk.storage.database import Database
from kiosk.storage.errors import NotAnEventDatabase, StorageError
from kiosk.storage.events import EventInfo, Kiosk, KioskNameError

__all__ = [
    "Desk",
    "EventInfo",
    "Kiosk",
    "KioskNameError",
    "LayoutSearch",
    "NewAttendee",
    "NotAnEventDatabase",
    "StorageError",
    "UndoTarget",
    "code_check",
    "foreign_codes",
    "layout_alternatives",
    "name_likeness",
    "open_desk",
    "scan_exists",
    "search_any_layout",
    "similar_people",
    "typed_code",
    "undo_target",
]

if TYPE_CHECKING:
    from kiosk.app.keys import Keys
    from kiosk.app.meetings import MeetingsService
    from kiosk.app.numbers import LiveNumbers, Stats
    from kiosk.importing.service import ImportReport

# --- codes ------------------------------------------------------------------------------------


def foreign_codes(db: Database) -> frozenset[str]:
    """Every ticket code of the event that is not in our format (imported from a platform),
    in capitals: a scanner typing one of them, at any speed, is a scan of it."""
    return frozenset(
        code.upper() for code in attendees.all_codes(db.conn) if not codes.is_valid(code)
    )


def code_check(foreign: frozenset[str]) -> Callable[[str], str | None]:
    """The scanner's test for a complete code at the end of typed text (see
    :func:`kiosk.core.codes.code_at_end`), knowing the event's imported codes."""

    def known(text: str) -> bool:
        return text.upper() in foreign

    return lambda text: codes.code_at_end(text, known)


def typed_code(text: str, foreign: frozenset[str]) -> str | None:
    """``text`` (what staff typed into the search field) as a ticket code, if it is one: our
    format as people type it (any case, O for 0, spaces), or an imported code exactly."""
    text = text.strip()
    ours = codes.canonical(text)
    if ours is not None and codes.is_valid(ours):
        return ours
    if text.upper() in foreign:
        return text
    return None


# --- undo -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class UndoTarget:
    """The check-in an undo would void, named so that staff can tell who it is."""

    scan_id: str
    attendee: Attendee | None
    at: datetime  # UTC
    kind: ScanKind
    list_name: str
    kiosk_name: str
    #: Set when the last thing done at this kiosk was undoing someone's check-in: this target
    #: is then an earlier check-in, usually of somebody else (a bystander), and must say so.
    after_undo_of: Attendee | None = None

    @property
    def bystander(self) -> bool:
        """True when this target is not the person whose check-in was the last thing done."""
        if self.after_undo_of is None:
            return False
        return self.attendee is None or self.attendee.uid != self.after_undo_of.uid


def scan_exists(db: Database, scan_id: str) -> bool:
    """True if the scan log has a scan with this id."""
    return scanlog.get(db.conn, scan_id) is not None


def undo_target(
    db: Database, kiosk_id: str, *, scan_id: str | None = None, code: str | None = None
) -> UndoTarget | None:
    """What ``undo`` would void: the scan ``scan_id``; else the newest check-in of the ticket
    ``code`` (at any kiosk); else this kiosk's newest check-in. None when there is none."""
    conn = db.conn
    after: Attendee | None = None
    if scan_id is None and code is not None:
        person = attendees.find_by_code(conn, code.strip())
        if person is None:
            return None
        scan_id = scanlog.last_undoable(conn, kiosk_id, person.uid)
    elif scan_id is None:
        scan_id = scanlog.last_undoable(conn, kiosk_id)
        last = scanlog.last_action(conn, kiosk_id)
        if last is not None and last[0].kind is ScanKind.VOID and last[1]:
            after = attendees.by_uid(db, last[1])
    if scan_id is None:
        return None
    found = scanlog.get(conn, scan_id)
    if found is None:
        return None
    scan, uid = found
    lists = {cl.id: cl.name for cl in events.checkin_lists(db)}
    return UndoTarget(
        scan_id=scan.scan_id,
        attendee=attendees.by_uid(db, uid) if uid else None,
        at=scan.at,
        kind=scan.kind,
        list_name=lists.get(scan.list_id, ""),
        kiosk_name=scan.kiosk_name,
        after_undo_of=after,
    )


# --- walk-ins ---------------------------------------------------------------------------------


#: How alike two folded full names must be (difflib ratio) to ask "is this the same person?":
#: Popescu written Попеску (popesku) or Ștefănescu typed Stefanescu pass; Ivanov/Ivanova do too,
#: which is right for a question that staff answer.
SIMILAR_RATIO = 0.8


def name_likeness(a: str, b: str) -> float:
    """How alike two names are, 0 to 1, whatever their script and diacritics."""
    return SequenceMatcher(None, fold(a), fold(b)).ratio()


def similar_people(
    db: Database,
    first_name: str,
    last_name: str,
    *,
    limit: int = 8,
    clock: Callable[[], datetime] = utc_now,
) -> list[Found]:
    """Registered people whose name is like the walk-in's, most alike first.

    Candidates come from the event's own search (either script, with or without diacritics)
    for the whole name and for each part of it; a candidate is kept when its full name is
    alike (:data:`SIMILAR_RATIO`) — which also catches a Romanian name written the Bulgarian
    way (Мария Попеску for Maria Popescu, where the search's transliteration gives "popesku").
    Cancelled registrations are left out: a walk-in is not one of them.
    """
    full = f"{first_name} {last_name}".strip()
    if not full:
        return []
    candidates: dict[int, Found] = {}
    for query in dict.fromkeys(q for q in (full, last_name.strip(), first_name.strip()) if q):
        for found in search_people(db, query, limit=50, clock=clock):
            candidates.setdefault(found.attendee.id, found)
    scored = []
    for found in candidates.values():
        person = found.attendee
        if person.status is AttendeeStatus.CANCELLED:
            continue
        likeness = name_likeness(full, f"{person.first_name} {person.last_name}")
        if likeness >= SIMILAR_RATIO:
            scored.append((-likeness, person.last_name, person.first_name, person.id, found))
    scored.sort(key=lambda item: item[:4])
    return [item[-1] for item in scored[:limit]]


# --- search -----------------------------------------------------------------------------------

#: The Bulgarian layouts a desk may be left on by mistake, in the order they are tried.
_BULGARIAN = ("bg", "bg(bas_phonetic)", "bg(phonetic)")


def layout_alternatives(query: str) -> list[str]:
    """``query`` as the same keys type it on the other layouts, by physical key: Cyrillic typed
    while Latin was meant (``сэьх`` on BDS is ``ivan``; a code typed on the phonetic layout,
    ``А8154Г443``, is ``A8154G443``), and Latin typed while Cyrillic was meant (``popescu`` on the
    new phonetic layout is ``попесцу``). Distinct, without ``query``."""
    found: list[str] = []
    for name in _BULGARIAN:
        layout = keyboard.LAYOUTS[name]
        if has_cyrillic(query):
            other = layout.to_us(query)
        elif keyboard.is_plain_ascii(query):
            other = layout.from_us(query)
        else:
            other = None
        if other and other != query and other not in found:
            found.append(other)
    return found


@dataclass(frozen=True, slots=True)
class LayoutSearch:
    found: list[Found]
    #: The text the results are for when it is not what was typed (the other layout's).
    showing_for: str | None = None


def search_any_layout(
    db: Database, query: str, *, limit: int = 50, clock: Callable[[], datetime] = utc_now
) -> LayoutSearch:
    """Search; when nothing matches, search again for the same keys on the other layouts."""
    found = search_people(db, query, limit=limit, clock=clock)
    if found:
        return LayoutSearch(found)
    for other in layout_alternatives(query):
        found = search_people(db, other, limit=limit, clock=clock)
        if found:
            return LayoutSearch(found, other)
    return LayoutSearch([])


# --- the door ---------------------------------------------------------------------------------


class Desk:
    """The one door to an event file: everything the command line, the desk window and the
    self-service kiosk do with it goes through one of these (docs/design.md, "One door").

    One instance per thread and connection (:func:`open_desk`); the desk window has two, one on
    its writer thread and one on its reader thread. Check-ins ask the hub first when one is
    configured (:mod:`kiosk.app.hubcheck`); services that need heavy libraries (printing,
    reports, sync, import) are imported only when first used, so that ``kiosk checkin`` loads
    none of them.
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

    @property
    def self_service(self) -> bool:
        return self.checkin.self_service

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
        """What an undo would reach (see :func:`undo_target`)."""
        return undo_target(self.db, self.kiosk.id, scan_id=scan_id, code=code)

    def scan_exists(self, scan_id: str) -> bool:
        return scan_exists(self.db, scan_id)

    # -- search --------------------------------------------------------------------------------

    def search(self, query: str, *, limit: int = 20) -> list[Found]:
        """People by any part of name, organisation, e-mail or code, in either script."""
        return search_people(self.db, query, limit=limit, clock=self.clock)

    def search_any_layout(self, query: str, *, limit: int = 50) -> LayoutSearch:
        """:meth:`search`, then the same keys on the other keyboard layouts."""
        return search_any_layout(self.db, query, limit=limit, clock=self.clock)

    def find_myself(self, query: str, list_id: int) -> list[Found]:
        """The self-service kiosk's search, with its privacy rule."""
        return self_service_search(self.db, query, list_id, clock=self.clock)

    def similar_people(self, first_name: str, last_name: str) -> list[Found]:
        """Registered people named like a walk-in."""
        return similar_people(self.db, first_name, last_name, clock=self.clock)

    def details(self, attendee_id: int) -> PersonDetails | None:
        """Everything stored about one person and their scans."""
        return person_details(self.db, attendee_id, self.timezone)

    def foreign_codes(self) -> frozenset[str]:
        """The event's imported ticket codes that are not in our format (capitals)."""
        return foreign_codes(self.db)

    # -- people --------------------------------------------------------------------------------

    def common_values(self, column: str) -> list[str]:
        """The categories or countries already used, most common first (walk-in choices)."""
        return lookup.common_values(self.db, column)

    def edit_person(
        self, attendee_id: int, changes: Mapping[str, object], *, operator: str = ""
    ) -> tuple[Attendee, frozenset[str]]:
        """Correct a person's details at this kiosk (logged); :class:`PersonError` if not."""
        return people_service.edit_person(
            self.db, attendee_id, changes, kiosk=self.kiosk, operator=operator
        )

    def set_blocked(self, code: str, blocked: bool, *, operator: str = "") -> Attendee:
        """Block (or unblock) the ticket ``code`` names on every kiosk."""
        return people_service.set_blocked(
            self.db, code, blocked, kiosk=self.kiosk, operator=operator
        )

    def rename_kiosk(self, name: str) -> Kiosk:
        """Give this kiosk a new name; :class:`KioskNameError` says why not."""
        self.checkin.kiosk = events.rename_kiosk(self.db, self.kiosk, name)
        return self.checkin.kiosk

    # -- lists ---------------------------------------------------------------------------------

    def lists(self) -> list[CheckinList]:
        return list_service.lists(self.db)

    def checkin_list(self, list_id: int) -> CheckinList | None:
        return list_service.get(self.db, list_id)

    def event_days(self) -> list[date]:
        return list_service.event_days(self.db)

    def add_list(self, name: str, **settings: Any) -> CheckinList:
        """A new check-in list (see :data:`kiosk.app.lists.add`); :class:`ListError` if not."""
        return list_service.add(self.db, name, **settings)

    def edit_list(self, list_id: int, **changes: Any) -> CheckinList:
        return list_service.edit(self.db, list_id, **changes)

    def remove_list(self, list_id: int) -> CheckinList:
        return list_service.remove(self.db, list_id)

    # -- services loaded when first used -------------------------------------------------------

    @property
    def meetings(self) -> MeetingsService:
        """B2B meetings (:class:`kiosk.app.meetings.MeetingsService`)."""
        if self._meetings is None:
            from kiosk.app.meetings import MeetingsService

            self._meetings = MeetingsService(self.db, clock=self.clock)
        return self._meetings

    def numbers(self, list_id: int) -> LiveNumbers:
        """The desk's live numbers for a list (checked in, expected, by hour and category)."""
        from kiosk.app.numbers import live_numbers

        return live_numbers(self.db, list_id, self.timezone)

    def stats(self) -> Stats:
        """Registrations, and unique people admitted per check-in list."""
        from kiosk.app.numbers import stats

        return stats(self.db)

    def import_file(self, path: str | Path, **options: Any) -> ImportReport:
        """Import registrations from a CSV, XLSX or ODS file (re-importing is safe)."""
        from kiosk.importing.service import import_file

        return import_file(self.db, path, **options)

    @property
    def keys(self) -> Keys:
        """Signing keys and revocation lists (:class:`kiosk.app.keys.Keys`)."""
        from kiosk.app.keys import Keys

        return Keys(self.db)

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


#: How long :meth:`Desk.__exit__` waits for announcements to the hub to go out.
HUB_DRAIN = 2.0


def open_desk(
    path: str | Path,
    kiosk_name: str | None = None,
    *,
    clock: Clock | None = None,
    self_service: bool = False,
    hub_guard: bool = True,
    cache_kib: int = Database.CACHE_KIB,
) -> Desk:
    """Open the event file ``path`` as the kiosk ``kiosk_name`` (created when new; default:
    this computer's kiosk). Raises :class:`StorageError` (or :class:`NotAnEventDatabase`) with a
    message staff can act on when the file cannot be used."""
    db = Database(path, cache_kib=cache_kib)
    try:
        kiosk = events.local_kiosk(db, kiosk_name) if kiosk_name else None
        return Desk(db, kiosk, clock=clock, self_service=self_service, hub_guard=hub_guard)
    except BaseException:
        db.close()
        raise
