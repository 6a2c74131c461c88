"""The check-in rule: a pure function of attendee, list policy, prior scans and time."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from kiosk.core.model import (
    Attendee,
    AttendeeStatus,
    CheckinList,
    Decision,
    Policy,
    Previous,
    Scan,
    ScanKind,
    ScanRequest,
)
from kiosk.core.reasons import Hint, Reason
from kiosk.core.timeutil import local_day


def effective_movements(history: tuple[Scan, ...] | list[Scan]) -> list[Scan]:
    """Accepted entries and exits that no void cancels, oldest first."""
    voided = {s.ref_scan_id for s in history if s.kind is ScanKind.VOID and s.ref_scan_id}
    moves = [
        s
        for s in history
        if s.kind in (ScanKind.ENTRY, ScanKind.EXIT) and s.accepted and s.scan_id not in voided
    ]
    moves.sort(key=lambda s: (s.at, s.scan_id))
    return moves


def coverage_hint(person: Attendee, lst: CheckinList, day: date) -> Hint | None:
    """Why ``person`` is not expected on ``lst`` on ``day`` (the list's own day if it has one):
    a day their registration does not cover, or a category the list does not take; ``None``
    when they are expected. Cancellation and time windows are checked apart."""
    if person.days and (lst.day or day) not in person.days:
        return Hint.DAY_NOT_COVERED
    if lst.categories and person.category not in lst.categories:
        return Hint.CATEGORY_NOT_ALLOWED
    return None


def expected_on(person: Attendee, lst: CheckinList, day: date) -> bool:
    """Is ``person`` registered, not cancelled, for ``lst`` on ``day``?"""
    return person.status is AttendeeStatus.ACTIVE and coverage_hint(person, lst, day) is None


#: Refusals staff may override with a forced admission (with a reason). An unknown code has
#: nobody to admit; a cancelled, revoked or blocked ticket stays refused whoever asks.
FORCEABLE = frozenset({Reason.NOT_ON_LIST, Reason.UNPAID, Reason.ALREADY_CHECKED_IN})


def decide(req: ScanRequest) -> Decision:
    """Decide one scan. Never raises for a business outcome; the reason code says it all.

    The checks run in this order: unknown code, revoked or blocked ticket, cancelled
    registration; an exit is then always recorded (as pretix does: a person leaving is never
    held at the door); an entry is checked against the list's coverage (day, time window,
    category), payment, and its policy against the person's earlier scans ordered by their
    time, not by when they reached this kiosk. ``req.force`` turns the refusals in
    :data:`FORCEABLE` into an admission with hint ``forced``.
    """
    person = req.attendee
    if person is None:
        return Decision(Reason.UNKNOWN_CODE, hint=req.unknown_hint)
    if req.revoked or person.blocked:
        return Decision(Reason.REVOKED, person, hint=None if req.revoked else Hint.BLOCKED)
    if person.status is AttendeeStatus.CANCELLED:
        return Decision(Reason.CANCELLED, person)

    lst = req.checkin_list
    today = local_day(req.now, req.event_tz)
    moves = effective_movements(req.history)
    if lst.policy is Policy.ONCE_PER_DAY:
        moves = [m for m in moves if local_day(m.at, req.event_tz) == today]
    # Inside at the scan's time when the latest movement up to then, by scan time (not by when
    # it reached this kiosk), is an entry: pretix orders check-ins by their time too.
    before = [m for m in moves if m.at <= req.now]
    inside = bool(before) and before[-1].kind is ScanKind.ENTRY

    if req.kind is ScanKind.EXIT:
        return Decision(Reason.EXIT_RECORDED, person, hint=None if inside else Hint.NO_ENTRY)

    refusal = _entry_refusal(req, person, lst, today, moves, inside)
    if refusal is None:
        entries = [m for m in moves if m.kind is ScanKind.ENTRY]
        reentry = bool(entries) and lst.policy is not Policy.MULTIPLE
        return Decision(Reason.ADMITTED, person, hint=Hint.REENTRY if reentry else None)
    if req.force and refusal.reason in FORCEABLE:
        return Decision(Reason.ADMITTED, person, hint=Hint.FORCED, overridden=refusal.reason)
    return refusal


def _entry_refusal(
    req: ScanRequest,
    person: Attendee,
    lst: CheckinList,
    today: date,
    moves: list[Scan],
    inside: bool,
) -> Decision | None:
    """Why an entry is refused, or None when it is admitted. An earlier entry is named first:
    someone already inside (a forced admission included) is told so, not that the list does
    not cover them."""
    entries = [m for m in moves if m.kind is ScanKind.ENTRY]
    if (
        entries
        and lst.policy is not Policy.MULTIPLE
        and (inside or not lst.allow_reentry or not _exited(moves))
    ):
        first = entries[0]
        return Decision(
            Reason.ALREADY_CHECKED_IN,
            person,
            previous=Previous(first.at, first.kiosk_id, first.kiosk_name, first.scan_id),
        )
    if lst.day is not None and lst.day != today:
        return Decision(Reason.NOT_ON_LIST, person, hint=Hint.OUTSIDE_WINDOW)
    if (lst.opens_at is not None or lst.closes_at is not None) and not within_hours(
        lst, req.now, req.event_tz
    ):
        return Decision(Reason.NOT_ON_LIST, person, hint=Hint.OUTSIDE_WINDOW)
    not_covered = coverage_hint(person, lst, today)
    if not_covered is not None:
        return Decision(Reason.NOT_ON_LIST, person, hint=not_covered)
    if person.pending and not lst.admit_pending:
        return Decision(Reason.UNPAID, person)
    return None


def within_hours(lst: CheckinList, now: datetime, event_tz: str) -> bool:
    """Is ``lst`` open at ``now``? Its hours are hours of the day in the event's time zone: on
    a list of one day, that day's (the day itself is checked apart); on a list of every day
    (lunch 12:00–14:00), each day's. The date the hours were stored with does not matter."""
    zone = ZoneInfo(event_tz)
    at = now.astimezone(zone).time()
    if lst.opens_at is not None and at < lst.opens_at.astimezone(zone).time():
        return False
    return lst.closes_at is None or at < lst.closes_at.astimezone(zone).time()


def _exited(moves: list[Scan]) -> bool:
    return any(m.kind is ScanKind.EXIT for m in moves)
