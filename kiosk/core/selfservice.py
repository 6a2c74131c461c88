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
