"""The self-service kiosk's name search: the privacy rule of :mod:`kiosk.core.selfservice`
applied to the name index."""

from __future__ import annotations

from datetime import date

from kiosk.core.decide import expected_on
from kiosk.core.model import Attendee, CheckinList
from kiosk.core.selfservice import MAX_SHOWN, MIN_LETTERS, names_surname
from kiosk.storage.database import Database
from kiosk.storage.search import search

#: Best-ranked name matches looked at for one query. A whole word ranks before a prefix, so the
#: people whose surname the query spells come first; this bounds the work of a common surname.
CANDIDATES = 200


def find_myself(
    db: Database, query: str, checkin_list: CheckinList, day: date, *, limit: int = MAX_SHOWN
) -> list[Attendee]:
    """At most ``limit`` (≤ :data:`MAX_SHOWN`) people whose last name ``query`` spells a whole
    word of and who are registered, not cancelled, for ``checkin_list`` on ``day``."""
    if sum(ch.isalnum() for ch in query) < MIN_LETTERS:
        return []
    found: list[Attendee] = []
    for hit in search(db, query, limit=CANDIDATES):
        person = hit.attendee
        if names_surname(query, person.last_name) and expected_on(person, checkin_list, day):
            found.append(person)
            if len(found) >= min(limit, MAX_SHOWN):
                break
    return found
