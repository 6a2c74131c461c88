"""What the desk (and the command line) ask beyond a check-in: whom an undo would reach, which
codes a scanner may type that are not ours, people with a similar name before a walk-in is
created, and a search that forgives a wrong keyboard layout."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from difflib import SequenceMatcher

from kiosk.app.checkin import utc_now
from kiosk.app.lookup import Found, search_people
from kiosk.core import codes, keyboard
from kiosk.core.model import Attendee, AttendeeStatus, ScanKind
from kiosk.core.text import fold, has_cyrillic
from kiosk.storage import attendees, events, scanlog
from kiosk.storage.database import Database

# --- codes ------------------------------------------------------------------------------------


def foreign_codes(db: Database) -> frozenset[str]:
    """Every ticket code of the event that is not in our format (imported from a platform),
    in capitals: a scanner typing one of them, at any speed, is a scan of it."""
    with db.read() as conn:
        every = attendees.all_codes(conn)
    return frozenset(code.upper() for code in every if not codes.is_valid(code))


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
    with db.read() as conn:
        return scanlog.get(conn, scan_id) is not None


def undo_target(
    db: Database, kiosk_id: str, *, scan_id: str | None = None, code: str | None = None
) -> UndoTarget | None:
    """What ``undo`` would void: the scan ``scan_id``; else the newest check-in of the ticket
    ``code`` (at any kiosk); else this kiosk's newest check-in. None when there is none."""
    after: Attendee | None = None
    with db.read() as conn:
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
