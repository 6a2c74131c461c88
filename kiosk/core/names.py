"""A loose, phonetic key for matching a person's name across scripts and spellings, where an
exact folded match (:func:`kiosk.core.text.fold`) is too strict: meeting platforms show the name
people typed themselves.

The key folds the name to Latin (Bulgarian Streamlined System for Cyrillic, diacritics dropped)
and then merges the spellings Bulgarian and Romanian writing give to one sound, so a Romanian
name written in Cyrillic the Bulgarian way meets its Romanian spelling (Romanian orthography:
ce/ci and che/chi, ge/gi and ghe/ghi, ș, ț, ă; "Стефания Йонеску" -> "stefania ionescu", as
"Ștefania Ionescu"; "Джорджеску" and "Georgescu", "Чаушеску" and "Ceaușescu" meet too):

* дж/dzh/dj -> g, щ/sht -> st, ш/sh -> s, ж/zh -> j, ц/ts/tz -> t, ч/ch -> c, х/kh -> h, gh -> g
* k, q -> c; x -> cs; y -> i; w -> v
* the e or i that only softens c or g before a, o, u is dropped (Ceau-, Geo-, Giu-)
* doubled letters are written once.

It is loose on purpose: use it only after exact matches failed, and only where a name must
also be unique among the candidates.
"""

from __future__ import annotations

import re

from kiosk.core.text import fold

_STEPS = (
    ("dzh", "g"), ("dj", "g"), ("sht", "st"), ("sh", "s"), ("zh", "j"), ("ts", "t"), ("tz", "t"),
    ("ch", "c"), ("kh", "h"), ("gh", "g"), ("k", "c"), ("q", "c"), ("x", "cs"), ("y", "i"),
    ("w", "v"),
)  # fmt: skip
_SOFTENING = re.compile(r"([cg])[ei](?=[aou])")
_DOUBLE = re.compile(r"(.)\1+")


def _loose_word(word: str) -> str:
    for old, new in _STEPS:
        word = word.replace(old, new)
    return _DOUBLE.sub(r"\1", _SOFTENING.sub(r"\1", word))


def loose_key(text: str) -> str:
    """The words of ``text``, folded and merged as above, in their order, space-separated."""
    return " ".join(_loose_word(w) for w in re.findall(r"[a-z0-9]+", fold(text)))
