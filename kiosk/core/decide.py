"""The check-in rule: a pure function of attendee, list policy, prior scans and time."""

from __future__ import annotations

from datetime import date

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


def decide(req: ScanRequest) -> Decision:
    """Decide one scan. Never raises for a business outcome; the reason code says it all.

    The checks run in this order: unknown code, cancelled registration, list coverage (day,
    time window, category), then the list's policy against the person's earlier scans.
    """
    person = req.attendee
    if person is None:
        return Decision(Reason.UNKNOWN_CODE, hint=req.unknown_hint)
    if person.status is AttendeeStatus.CANCELLED:
        return Decision(Reason.CANCELLED, person)

    lst = req.checkin_list
    today = local_day(req.now, req.event_tz)
    if lst.day is not None and lst.day != today:
        return Decision(Reason.NOT_ON_LIST, person, hint=Hint.OUTSIDE_WINDOW)
    if (lst.opens_at is not None and req.now < lst.opens_at) or (
        lst.closes_at is not None and req.now >= lst.closes_at
    ):
        return Decision(Reason.NOT_ON_LIST, person, hint=Hint.OUTSIDE_WINDOW)
    not_covered = coverage_hint(person, lst, today)
    if not_covered is not None:
        return Decision(Reason.NOT_ON_LIST, person, hint=not_covered)

    moves = effective_movements(req.history)
    if lst.policy is Policy.ONCE_PER_DAY:
        moves = [m for m in moves if local_day(m.at, req.event_tz) == today]
    inside = bool(moves) and moves[-1].kind is ScanKind.ENTRY

    if req.kind is ScanKind.EXIT:
        if lst.tracks_presence and not inside:
            return Decision(Reason.NOT_INSIDE, person)
        return Decision(Reason.EXIT_RECORDED, person)

    entries = [m for m in moves if m.kind is ScanKind.ENTRY]
    if lst.policy is Policy.MULTIPLE or not entries:
        return Decision(Reason.ADMITTED, person)
    if lst.tracks_presence and not inside:
        return Decision(Reason.ADMITTED, person, hint=Hint.REENTRY)
    first = entries[0]
    return Decision(
        Reason.ALREADY_CHECKED_IN,
        person,
        previous=Previous(first.at, first.kiosk_id, first.kiosk_name, first.scan_id),
    )
