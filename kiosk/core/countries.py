"""Countries: recognise what a registration says ("BG", "BGR", "Bulgaria", "България",
"Bulgarie"…) as an ISO 3166-1 code, and name it in the reader's language.

The stored value is never changed; only what is shown is. A value that is not recognised is
shown as it was typed. Names come from :mod:`kiosk.core.country_names` (Debian iso-codes).
"""

from __future__ import annotations

import re
from functools import lru_cache

from kiosk.core.country_names import COUNTRIES
from kiosk.core.text import fold

#: Languages with a name column in the table, in its order after the alpha-3 code.
LANGUAGES = ("en", "bg", "ro")

#: Other spellings people type, beyond the table's names (our own list: older English names,
#: official long forms and usual abbreviations).
ALIASES: dict[str, str] = {
    "turkey": "TR",
    "republic of moldova": "MD",
    "moldova, republic of": "MD",
    "republica moldova": "MD",
    "macedonia": "MK",
    "czech republic": "CZ",
    "russia": "RU",
    "uk": "GB",
    "great britain": "GB",
    "england": "GB",
    "usa": "US",
    "united states of america": "US",
    "the netherlands": "NL",
    "holland": "NL",
    # Bulgaria and Romania as visitors of a BG-RO event also write them (French, German,
    # long forms, transliterations of the Bulgarian names without their accents).
    "republic of bulgaria": "BG",
    "republica bulgaria": "BG",
    "balgariya": "BG",
    "balgaria": "BG",
    "bulgarie": "BG",
    "bulgarien": "BG",
    "rumaniya": "RO",
    "rumania": "RO",
    "roumanie": "RO",
    "rumanien": "RO",
    "rumaenien": "RO",
}

_SPACES = re.compile(r"\s+")


def _key(text: str) -> str:
    return _SPACES.sub(" ", fold(text).strip().strip(".")).strip()


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    index: dict[str, str] = {}
    for alpha2, (alpha3, *names) in COUNTRIES.items():
        index[alpha2.lower()] = alpha2
        index[alpha3.lower()] = alpha2
        for name in names:
            index.setdefault(_key(name), alpha2)
    for alias, alpha2 in ALIASES.items():
        index.setdefault(_key(alias), alpha2)
    return index


def iso_code(value: str) -> str | None:
    """The ISO 3166-1 alpha-2 code ``value`` names, or ``None`` when it is not recognised."""
    key = _key(value)
    return _index().get(key) if key else None


def country_name(value: str, language: str) -> str:
    """``value`` (a code or a name in any of our languages) named in ``language`` ("en",
    "bg", "ro"); unrecognised values and other languages as given."""
    code = iso_code(value)
    if code is None or language not in LANGUAGES:
        return value
    return COUNTRIES[code][1 + LANGUAGES.index(language)]
