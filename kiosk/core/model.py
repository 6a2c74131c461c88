"""Domain records shared by every layer. Plain frozen dataclasses, no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from kiosk.core.reasons import ACCEPTED_REASONS, Hint, Reason


class Policy(StrEnum):
    """How often one person may be admitted on a check-in list."""

    ONCE = "once"
    ONCE_PER_DAY = "once_per_day"
    MULTIPLE = "multiple"


class ScanKind(StrEnum):
    """What a scan log entry records."""

    ENTRY = "entry"
    EXIT = "exit"
    VOID = "void"  # cancels the scan named in ``ref_scan_id``
    BADGE_PRINTED = "badge_printed"


class AttendeeStatus(StrEnum):
    ACTIVE = "active"
    CANCELLED = "cancelled"


class Method(StrEnum):
    """How a check-in was made: the evidence behind it, for the log and the funder's register.

    Stored in the scan log; never rename one.
    """

    SCANNED = "scanned"  # a ticket read by a USB scanner
    CAMERA = "camera"  # a ticket read by a camera
    TYPED = "typed"  # a code typed by hand (the command line, the desk's search box)
    PICKED = "picked"  # staff picked the person from the desk's search results
    SELF_PICK = "self_pick"  # an attendee tapped their own name at the self-service kiosk
    WALK_IN = "walk_in"  # registered and checked in at the desk
    BACKDATED = "backdated"  # recorded later for an earlier time (paper sheet, correction)
    FORCED = "forced"  # admitted by staff against the rules, with a reason


@dataclass(frozen=True, slots=True)
class Attendee:
    """A registered person as the decision rule and the screens need them."""

    id: int
    code: str
    first_name: str
    last_name: str
    organization: str = ""
    country: str = ""
    category: str = ""
    email: str = ""
    phone: str = ""
    status: AttendeeStatus = AttendeeStatus.ACTIVE
    #: The days the registration covers; empty means every day of the event.
    days: frozenset[date] = frozenset()
    #: Stable id across kiosks (the integer ``id`` is local to one database).
    uid: str = ""
    #: A note for the desk (VIP, accessibility, speaker gift), shown at check-in.
    note: str = ""
    #: Staff should look at this person at check-in (pretix's "requires attention").
    attention: bool = False
    #: The registration is not paid yet (pretix "pending", Eventbrite unpaid states).
    pending: bool = False
    #: This one ticket was blocked at a kiosk (``kiosk keys block``): refused as revoked.
    blocked: bool = False

    @property
    def name(self) -> str:
        """The full name as people write it: first name, then last name."""
        return " ".join(p for p in (self.first_name, self.last_name) if p)


@dataclass(frozen=True, slots=True)
class CheckinList:
    """A list people are admitted to: by default one per event day."""

    id: int
    name: str
    day: date | None = None
    policy: Policy = Policy.ONCE_PER_DAY
    tracks_presence: bool = False
    opens_at: datetime | None = None
    closes_at: datetime | None = None
    #: Categories admitted; empty means all.
    categories: frozenset[str] = frozenset()
    #: Entry again after an exit (pretix's default); False: one entry per day (or ever).
    allow_reentry: bool = True
    #: Admit registrations that are not paid yet; False refuses them as ``unpaid``.
    admit_pending: bool = False


@dataclass(frozen=True, slots=True)
class Scan:
    """One entry of the append-only scan log, as the decision rule sees it."""

    scan_id: str
    kiosk_id: str
    at: datetime  # timezone-aware, UTC
    kind: ScanKind
    reason: Reason
    list_id: int
    attendee_id: int | None = None
    ref_scan_id: str | None = None
    kiosk_name: str = ""
    manual: bool = False

    @property
    def accepted(self) -> bool:
        """The scan took effect (:data:`kiosk.core.reasons.ACCEPTED_REASONS`)."""
        return self.reason in ACCEPTED_REASONS


@dataclass(frozen=True, slots=True)
class Previous:
    """Where and when a person was first admitted, for an ``already_checked_in`` refusal."""

    at: datetime
    kiosk_id: str
    kiosk_name: str
    scan_id: str


@dataclass(frozen=True, slots=True)
class Decision:
    """The outcome of one scan: a value, never an exception."""

    reason: Reason
    attendee: Attendee | None = None
    previous: Previous | None = None
    hint: Hint | None = None
    #: For a forced admission: the refusal staff overrode.
    overridden: Reason | None = None

    @property
    def accepted(self) -> bool:
        """True when the scan takes effect (:data:`kiosk.core.reasons.ACCEPTED_REASONS`): an
        entry admitted or an exit recorded (the rule never decides an undo)."""
        return self.reason in ACCEPTED_REASONS

    @property
    def admitted(self) -> bool:
        """True when the person may pass: an entry admitted, or an exit of someone known to be
        inside. An exit with no entry before it is recorded (``accepted``) but not admitted."""
        if self.reason is Reason.EXIT_RECORDED:
            return self.hint is not Hint.NO_ENTRY
        return self.reason is Reason.ADMITTED


@dataclass(frozen=True, slots=True)
class ScanRequest:
    """Everything :func:`kiosk.core.decide.decide` needs, gathered by the caller."""

    checkin_list: CheckinList
    now: datetime  # timezone-aware
    event_tz: str  # IANA name; defines what "today" is for once-per-day lists
    kind: ScanKind = ScanKind.ENTRY
    attendee: Attendee | None = None
    #: This person's earlier scans on this list (any kind, voids included), in any order.
    history: tuple[Scan, ...] = field(default_factory=tuple)
    #: Set when the code was not found; the hint explains why.
    unknown_hint: Hint | None = None
    #: The person's ticket is on the revocation list this kiosk holds.
    revoked: bool = False
    #: Staff admit anyway (a refusal by list, day, payment or an earlier entry is overridden;
    #: never an unknown, cancelled or revoked ticket).
    force: bool = False


@dataclass(frozen=True, slots=True)
class Registration:
    """One person as read from a registration file, cleaned (NFC, comma-below ș ț), not yet stored.

    ``row`` is the 1-based line/row number in the source file (the header is row 1), so
    messages can point at it. ``raw`` keeps the source row exactly as read, header -> value.
    Empty strings mean "not given".
    """

    row: int
    first_name: str
    last_name: str
    organization: str = ""
    country: str = ""
    email: str = ""
    phone: str = ""
    category: str = ""
    language: str = ""
    code: str = ""
    external_id: str = ""
    cancelled: bool = False
    days: frozenset[date] = frozenset()
    raw: dict[str, str] = field(default_factory=dict)
    note: str = ""
    attention: bool = False
    pending: bool = False
