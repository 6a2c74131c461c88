"""What the self-service kiosk may show of other people when someone looks for their own name.

A touchscreen in a public hall must not become a directory of who is at the event. The rule:

- nobody is shown until the query holds a **whole word of the person's last name** (in any
  script and without diacritics: ``stefanescu`` for Ștefănescu, ``ivanov`` or ``иванов`` for
  Иванов); a three-letter prefix reveals nobody unless it is somebody's whole surname;
- only people registered, and not cancelled, for the kiosk's current check-in list;
- at most :data:`MAX_SHOWN` of them, names only: the organisation appears on the "Is this you?"
  screen after one name is tapped.

So a passer-by learns at most whether a few people whose surname they already know are
expected today; never who else is, and never where anyone works.
"""

from __future__ import annotations

from enum import StrEnum

from kiosk.core.reasons import Reason
from kiosk.core.text import query_alternatives, word_variants

#: People shown at most for one query.
MAX_SHOWN = 5
#: Letters typed before any search is made at all.
MIN_LETTERS = 3


def names_surname(query: str, last_name: str) -> bool:
    """Does some word of ``query`` spell a whole word of ``last_name`` (any script, any
    diacritics)?"""
    surname = word_variants(last_name)
    return any(spellings & surname for spellings in query_alternatives(query))


class Outcome(StrEnum):
    """What the attendee is told after a scan (the words: :data:`kiosk.core.wording.ATTENDEE`).
    Never a technical reason: anything staff must look at sends the attendee to the desk."""

    WELCOME_BADGE = "welcome_badge"  # admitted, a badge is printing
    WELCOME_DESK = "welcome_desk"  # admitted, collect the badge at the desk (no printer)
    BADGE_FAILED = "badge_failed"  # admitted, but the badge did not print
    ALREADY = "already"  # already checked in today: no reprint without staff
    NOT_FOUND = "not_found"
    NOT_TODAY = "not_today"
    SEE_DESK = "see_desk"  # cancelled, or anything else staff must look at


#: The outcome of each refusal the attendee can do something about; every other refusal
#: (cancelled, revoked, unpaid, a forged ticket…) sends them to the desk.
_REFUSAL_OUTCOME = {
    Reason.ALREADY_CHECKED_IN: Outcome.ALREADY,
    Reason.UNKNOWN_CODE: Outcome.NOT_FOUND,
    Reason.NOT_ON_LIST: Outcome.NOT_TODAY,
}


def attendee_outcome(reason: Reason | None, badge_queued: bool) -> Outcome:
    """What the attendee is told for a scan's reason (``None``: no answer at all)."""
    if reason is None:
        return Outcome.SEE_DESK
    if reason is Reason.ADMITTED:
        return Outcome.WELCOME_BADGE if badge_queued else Outcome.WELCOME_DESK
    return _REFUSAL_OUTCOME.get(reason, Outcome.SEE_DESK)
