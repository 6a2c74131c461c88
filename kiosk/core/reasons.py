"""Stable machine reason codes for scan decisions.

These strings are stored in the scan log, exported, synchronised between kiosks and asserted on by
tests. Never rename one; add new ones instead. People never see them: the UI maps each code to
staff text and attendee text in one table.
"""

from __future__ import annotations

from enum import StrEnum


class Reason(StrEnum):
    """Why a scan was admitted or refused."""

    ADMITTED = "admitted"
    ALREADY_CHECKED_IN = "already_checked_in"
    UNKNOWN_CODE = "unknown_code"
    CANCELLED = "cancelled"
    NOT_ON_LIST = "not_on_list"
    EXIT_RECORDED = "exit_recorded"
    NOT_INSIDE = "not_inside"
    VOIDED = "voided"
    #: A signed ticket whose signature does not check out: forged, altered, damaged, signed
    #: for another event or by a key this kiosk does not hold.
    INVALID_SIGNATURE = "invalid_signature"
    #: A ticket the organizer has revoked (a signed revocation list names it) or staff have
    #: blocked (``kiosk keys block``): refused whatever credential names it.
    REVOKED = "revoked"
    #: The registration is not paid yet and the list does not admit pending registrations.
    UNPAID = "unpaid"


#: What "accepted" means, everywhere (the scan log's ``outcome`` column, ``Scan.accepted``,
#: ``Decision.accepted``, the desk's undo, the JSON of ``kiosk checkin``): the scan took effect on
#: the record of who came — an entry admitted, an exit recorded, or a check-in undone (a void).
#: Every other reason is a refusal that changes nothing. Accepted is not admitted: an exit or an
#: undo lets nobody in (see ``Decision.admitted``).
ACCEPTED_REASONS = frozenset({Reason.ADMITTED, Reason.EXIT_RECORDED, Reason.VOIDED})


def accepted(reason: Reason) -> bool:
    """Did a scan with this reason take effect (:data:`ACCEPTED_REASONS`)?"""
    return reason in ACCEPTED_REASONS


class Hint(StrEnum):
    """Extra detail for a refusal, so staff know what to do next."""

    CHECK_CHARACTER = (
        "check_character"  # looks like one of our codes, but the check character fails
    )
    MALFORMED = "malformed"  # empty, control characters only, or far too long
    #: A piece of one of our codes as a scanner sends it (too short, or the check character
    #: fails): a scan cut short or misread, to be scanned again.
    PARTIAL_SCAN = "partial_scan"
    DAY_NOT_COVERED = "day_not_covered"  # the ticket does not cover this list's day
    OUTSIDE_WINDOW = "outside_window"  # the list is not open at this time
    CATEGORY_NOT_ALLOWED = "category_not_allowed"  # the list admits other categories only
    REENTRY = "reentry"  # admitted again after an exit on a list that tracks presence
    #: Admitted on the strength of a signed ticket: the person was not in this kiosk's roster
    #: and was added from the ticket by this scan.
    SIGNED_TICKET = "signed_ticket"
    #: An exit with no entry before it on the list (none made, or not synchronised yet): it
    #: is recorded, but the person is not counted as admitted.
    NO_ENTRY = "no_entry"
    #: Admitted by staff against the rules, with a reason (see Decision.overridden).
    FORCED = "forced"
    #: Blocked at a kiosk (``kiosk keys block``) rather than by a signed revocation list.
    BLOCKED = "blocked"
    #: The code has letters that never appear in Kiosk codes (U, Q, Y, Z): the scanner's
    #: keyboard layout (AZERTY/QWERTZ) or a typing slip (U for V).
    NOT_OUR_LETTERS = "not_our_letters"
