"""Whether two spellings of a name are the same person's name, whatever the script.

Registration lists write the same person as "Ștefania Ionescu", "Stefania IONESCU",
"Стефания Йонеску" or "Щефания Йонеску" (a Bulgarian colleague typing a Romanian name), and
first and last name may be swapped. :func:`name_key` reduces a name to a key in which all of these
agree: every word is folded with :func:`kiosk.core.text.fold` (the Bulgarian Streamlined System
for Cyrillic, diacritics removed, case ignored), then the spelling differences between Romanian
orthography and its Cyrillic transcription are evened out (ș → ш "sh", ț → ц "ts", c → к "k",
ce/ci → че/чи "che/chi", ia → ия "iya", i → й "y", j → ж "zh", ghe → ге "ge", ge/gi → дж "dzh";
the e or i that only softens c or g before a, o, u is dropped: "Ceaușescu" is "Чаушеску",
"Georgescu" is "Джорджеску"), and the words are sorted. Two names are taken as the same when
their keys are equal. The key is coarse on purpose: registration imports use it together with
another piece of evidence (a shared e-mail address), and online reports only after exact
matches failed and when it points to one registrant alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kiosk.core.text import fold

_WORD = re.compile(r"[0-9a-z]+")
# Order matters: "sht" (щ) before "sh", "ch" before "c", "ya"/"iy" before "y".
_EVEN_OUT: tuple[tuple[str, str], ...] = (
    ("dzh", "g"),
    ("dj", "g"),
    ("sht", "st"),
    ("sh", "s"),
    ("zh", "j"),
    ("ts", "t"),
    ("tz", "t"),
    ("ch", "c"),
    ("gh", "g"),
    ("kh", "h"),
    ("c", "k"),
    ("q", "k"),
    ("x", "ks"),
    ("w", "v"),
    ("y", "i"),
)
_DOUBLE = re.compile(r"(.)\1+")
_SOFTENING = re.compile(r"([kg])[ei](?=[aou])")


@lru_cache(maxsize=4096)
def _even_word(word: str) -> str:
    for old, new in _EVEN_OUT:
        word = word.replace(old, new)
    return _DOUBLE.sub(r"\1", _SOFTENING.sub(r"\1", word))


def name_key(*parts: str) -> str:
    """The comparable form of a person's name given as one or more parts (first, last).

    ``name_key("Ștefania", "Ionescu") == name_key("Йонеску Стефания")``; empty for no name.
    """
    found: list[str] = []
    for part in parts:
        found.extend(_even_word(w) for w in _WORD.findall(fold(part)))
    return " ".join(sorted(found))


__all__ = ["name_key"]
