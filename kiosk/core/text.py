"""Text normalisation, Bulgarian transliteration and search keys.

All text is stored NFC-normalised; Romanian cedilla letters (ş ţ Ş Ţ, as legacy keyboards and old
exports write them) are stored as the correct comma-below letters (ș ț Ș Ț).

Search keys are lower-case ASCII. Cyrillic words are transliterated with the official Bulgarian
Streamlined System (2009 Transliteration Act) and, so that people find others whatever scheme they
type, also with the two other schemes people commonly use (scholarly-like "shch/ju/ja/c/kh" and
"sht/iu/ia/tz"). Latin diacritics are removed (ă â → a, î → i, ș ş → s, ț ţ → t).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache

_CEDILLA_TO_COMMA = str.maketrans({"ş": "ș", "Ş": "Ș", "ţ": "ț", "Ţ": "Ț"})
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_SPACES = re.compile(r"\s+")
#: Characters that separate words in a cell (line breaks, tabs, separators): become spaces.
_BREAKS = str.maketrans("\t\n\r\v\f\x1c\x1d\x1e\x1f\x85\u2028\u2029", " " * 12)

# Bulgarian Streamlined System; a few letters of neighbouring Cyrillic alphabets so that
# Russian or Ukrainian spellings of a name are searchable too.
_STREAMLINED: dict[str, str] = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "h",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "sht",
    "ъ": "a",
    "ь": "y",
    "ю": "yu",
    "я": "ya",
    "ё": "yo",
    "ы": "y",
    "э": "e",
    "і": "i",
    "ї": "yi",
    "є": "ye",
    "ґ": "g",
    "ѝ": "i",
}
_SCHOLARLY = _STREAMLINED | {
    "щ": "shch",
    "ю": "ju",
    "я": "ja",
    "ц": "c",
    "х": "kh",
    "й": "j",
    "ъ": "u",
    "ь": "",
    "ж": "zh",
}
_VARIANT = _STREAMLINED | {
    "ю": "iu",
    "я": "ia",
    "ц": "tz",
    "й": "i",
    "ъ": "u",
    "ж": "j",
    "х": "h",
    "ь": "",
}
_SCHEMES = (_STREAMLINED, _SCHOLARLY, _VARIANT)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_WORD = re.compile(r"[0-9a-z]+")


#: Words whose folded forms are kept (the words that repeat: common names, "ООД", "SRL").
#: Kept small on purpose: the desk runs all day, and every cached entry of a long tail of names
#: is a few small objects that stay alive for hours and keep Python's memory arenas from being
#: returned (large imports memoise their own values for as long as they run).
WORD_CACHE = 8192


def clean(value: object) -> str:
    """Normalise one field as stored: NFC, comma-below Romanian letters, no control characters,
    single spaces, trimmed. ``None`` becomes an empty string.

    The one cleaning of names and other text fields, applied once, where they are stored
    (kiosk.storage.attendees: insert and update); whatever reads them back (the desk, badges,
    reports) gets them clean. Line breaks and tabs separate words ("Ivan<Alt+Enter>Petrov" in a
    spreadsheet cell is "Ivan Petrov"); other control and invisible characters are removed.
    """
    if value is None:
        return ""
    text = str(value)
    if text.isascii() and text.isprintable() and "  " not in text and text == text.strip():
        return text  # the common case, already clean
    return _clean_slow(text)


#: What :func:`clean` changes in a value, searched for in many values joined by line breaks:
#: control and invisible characters (the break itself aside), cedilla letters, and every
#: whitespace character but the space (str.isspace; a test checks the list is complete).
_UNCLEAN = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\xa0\u1680\u2000-\u200f\u2028-\u202f\u205f"
    "\u2066-\u2069\u3000\ufeffşŞţŢ]"
)

_PRINTABLE_ASCII = bytes(range(0x20, 0x7F))


def all_clean(values: Collection[str]) -> bool:
    """True when :func:`clean` leaves every one of ``values`` unchanged, found in a few passes
    over the joined text instead of a test per value (for columns of a large import)."""
    if not values:
        return True
    joined = "\n".join(values)
    if joined.isascii():
        # Only the breaks between values may be left once printable ASCII is deleted.
        if joined.encode("ascii").translate(None, _PRINTABLE_ASCII) != b"\n" * (len(values) - 1):
            return False
    elif joined.count("\n") != len(values) - 1 or _UNCLEAN.search(joined) is not None:
        return False
    return (
        "  " not in joined
        and " \n" not in joined
        and "\n " not in joined
        and joined[:1] != " "
        and joined[-1:] != " "
        # NFC of text joined at a line break is the NFC of each part, joined.
        and (joined.isascii() or unicodedata.is_normalized("NFC", joined))
    )


def _clean_slow(text: str) -> str:
    # Invisible characters go before NFC composes, so a letter and its accent that one kept
    # apart ("e<zero-width space>\u0301") come out composed: cleaning clean text changes nothing.
    text = _CONTROL.sub("", text.translate(_BREAKS))
    text = unicodedata.normalize("NFC", text).translate(_CEDILLA_TO_COMMA)
    return _SPACES.sub(" ", text).strip()


def has_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


def _translit_word(word: str, table: dict[str, str]) -> str:
    out: list[str] = []
    lower = word.lower()
    for i, ch in enumerate(lower):
        latin = table.get(ch)
        if latin is None:
            out.append(word[i])
            continue
        # Streamlined rule, followed in every scheme: a final "ия" is "ia" (София -> Sofia).
        if ch == "я" and i == len(lower) - 1 and i > 0 and lower[i - 1] == "и":
            latin = "a"
        if word[i].isupper() and latin:
            # Whole word in capitals -> capitals; otherwise capitalise the first letter only.
            latin = latin.upper() if word.isupper() and len(word) > 1 else latin.capitalize()
        out.append(latin)
    return "".join(out)


def transliterate(text: str) -> str:
    """Latin form of a Bulgarian (Cyrillic) text by the Streamlined System, case preserved.

    Latin text passes through unchanged, so this is safe to call on any name.
    """
    if not has_cyrillic(text):
        return text
    return re.sub(r"\w+", lambda m: _translit_word(m.group(0), _STREAMLINED), text)


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str, scheme: dict[str, str] = _STREAMLINED) -> str:
    """Lower-case ASCII form of ``text`` for matching: transliterated, no diacritics."""
    text = clean(text)
    if text.isascii():
        return text.lower()  # nothing to transliterate or strip (e-mails, most codes)
    text = text.casefold()
    if has_cyrillic(text):
        text = re.sub(r"\w+", lambda m: _translit_word(m.group(0), scheme), text)
    return _strip_marks(text)


def words(text: str) -> list[str]:
    """The searchable words of a text, folded (Streamlined scheme)."""
    return _WORD.findall(fold(text))


_RAW_WORD = re.compile(r"\w+")


@lru_cache(maxsize=WORD_CACHE)
def _one_word_variants(word: str) -> tuple[str, ...]:
    if not has_cyrillic(word):
        return tuple(_WORD.findall(fold(word)))
    found: dict[str, None] = {}
    for scheme in _SCHEMES:
        found.update(dict.fromkeys(_WORD.findall(fold(word, scheme))))
    if word.casefold().endswith("ия"):
        # The Act writes a final -ия as -ia (София → Sofia); most people, passports of other
        # countries and library catalogues write -iya or -iia (Sofiya, Mariia).
        for spelling in list(found):
            if spelling.endswith("ia"):
                found.update(dict.fromkeys((spelling[:-1] + "ya", spelling[:-1] + "ia")))
    return tuple(found)


def word_variants(text: str) -> set[str]:
    """Every folded word of ``text`` under every transliteration scheme people type.

    Folding is cached per distinct word: names and organisations repeat a lot across people.
    """
    found: set[str] = set()
    for raw in _RAW_WORD.findall(clean(text)):
        found.update(_one_word_variants(raw))
    return found


def query_alternatives(query: str) -> list[set[str]]:
    """Split a search query into words; each word becomes the set of its folded spellings.

    A result must match every word; a word matches when some token starts with one of its
    spellings.
    """
    result: list[set[str]] = []
    for raw in re.findall(r"\w+", clean(query)):
        spellings = word_variants(raw)
        if spellings:
            result.append(spellings)
    return result


# ---------------------------------------------------------------------------------------------
# Loose keys: one form for every common spelling of a name
#
# People write a Bulgarian name in Latin letters in many ways besides the Act's: Mariya, Maria,
# Marija, Mariia; Jordan, Iordan, Yordan; Tzvetan, Cvetan, Tsvetan; Christo, Hristo; Dimitur,
# Dimitar; Jivko, Zhivko, Zivko; Hadjiev, Hadzhiev; Gheorghi, Georgi; Petrovsky, Petrovski —
# and Romanian names get typed in Cyrillic (Стефанеску, Йонеску). A *loose key* writes each
# sound these spellings share with one letter, so that they meet:
#
#   ж zh j z → z     ц ts tz c → c     ч ch c(e,i) → q     ш sh ș → x     щ sht shch sch → w
#   х h kh ch → h    й y j i → i        ю yu ju iu → iu    я ya ja ia → ia   ъ a u → a
#   Romanian: gh → g, ch → k, c(a,o,u) → k, c(e,i) → q, ș → s/x, ț → t/c;  x → ks, w → v
#
# then drops doubled letters (Mariia → Maria, Anna → Ana) and writes a u between consonants as
# a (Dimitur → Dimitar, Kunev → Kanev: ъ). A Latin letter that stands for two sounds (j: й or
# ж; c: ц, ч or k; ch: ч, х or k; ș, ț) gives one key for each, at most MAX_LOOSE_KEYS.
# Keys are matched only after the exact spellings, so they widen what is found without moving
# an exact match down the list.

#: Most loose keys of one word (a word with many ambiguous letters keeps its first ones).
MAX_LOOSE_KEYS = 8

_LOOSE_CYRILLIC: dict[str, str] = _STREAMLINED | {
    "ж": "z", "ц": "c", "ч": "q", "ш": "x", "щ": "w", "х": "h", "й": "i", "ю": "iu", "я": "ia",
    "ъ": "a", "ь": "", "ё": "io", "ы": "i", "ї": "i", "є": "ie",
}  # fmt: skip
# Longest group first at each position; "c" and the Romanian letters are decided in code.
_LOOSE_LATIN: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("shch", ("w",)), ("sht", ("w",)), ("sch", ("w",)),
    ("zh", ("z",)), ("sh", ("x",)), ("ch", ("q", "h", "k")), ("kh", ("h",)), ("gh", ("g",)),
    ("ph", ("f",)), ("ts", ("c",)), ("tz", ("c",)), ("ck", ("k",)),
    ("x", ("ks",)), ("w", ("v",)), ("q", ("k",)), ("y", ("i",)), ("j", ("i", "z")),
    ("ș", ("s", "x")), ("ț", ("t", "c")),
)  # fmt: skip
_LOOSE_VOWELS = frozenset("aeiou")
_DOUBLED = re.compile(r"([a-z])\1+")
_U_BETWEEN_CONSONANTS = re.compile(r"(?<=[b-df-hj-np-tv-z])u(?=[b-df-hj-np-tv-z])")


def _loose_finish(key: str) -> str:
    return _U_BETWEEN_CONSONANTS.sub("a", _DOUBLED.sub(r"\1", key))


def _sounds_at(word: str, i: int) -> tuple[int, tuple[str, ...]]:
    """The letter group at ``word[i]``: its length and the key letters it may stand for."""
    for group, sounds in _LOOSE_LATIN:
        if word.startswith(group, i):
            return len(group), sounds
    ch = word[i]
    if ch == "c":
        return 1, (("q", "c") if word[i + 1 : i + 2] in ("e", "i", "y") else ("k", "c"))
    return 1, ((ch,) if "a" <= ch <= "z" or "0" <= ch <= "9" else ())


def _loose_latin(word: str) -> list[str]:
    keys = [""]
    i = 0
    while i < len(word):
        length, sounds = _sounds_at(word, i)
        i += length
        if not sounds:
            continue
        if len(sounds) == 1 or len(keys) * len(sounds) > MAX_LOOSE_KEYS:
            keys = [k + sounds[0] for k in keys]
        else:
            keys = [k + sound for k in keys for sound in sounds]
    return keys


@lru_cache(maxsize=WORD_CACHE)
def _one_word_loose(word: str) -> tuple[str, ...]:
    lower = clean(word).casefold()
    if has_cyrillic(lower):
        # ьо is "yo" like йо (Жельо: Zhelyo, Zheljo); a soft sign elsewhere is not written.
        lower = lower.replace("ьо", "йо")
        keys = ["".join(_LOOSE_CYRILLIC.get(ch, ch) for ch in lower)]
        keys = [_strip_marks(k) for k in keys]
    else:
        # Romanian ș ț kept apart (they stand for two sounds each); other marks dropped.
        marked = lower.replace("ș", "\x01").replace("ț", "\x02")
        keys = _loose_latin(_strip_marks(marked).replace("\x01", "ș").replace("\x02", "ț"))
    found: dict[str, None] = {}
    for key in keys:
        for part in _WORD.findall(key):
            found[_loose_finish(part)] = None
    return tuple(found)


def loose_keys(text: str) -> set[str]:
    """The loose keys of every word of ``text`` (see above)."""
    found: set[str] = set()
    for raw in _RAW_WORD.findall(clean(text)):
        found.update(_one_word_loose(raw))
    return found


@dataclass(frozen=True, slots=True)
class QueryWord:
    """One word of a search query: its exact spellings (:func:`word_variants`) and its loose
    keys, matched after them (:func:`loose_keys`)."""

    exact: frozenset[str]
    loose: frozenset[str]


def query_words(query: str) -> list[QueryWord]:
    """The words of a search query, each with its exact spellings and loose keys."""
    result: list[QueryWord] = []
    for raw in _RAW_WORD.findall(clean(query)):
        spellings = word_variants(raw)
        if spellings:
            result.append(QueryWord(frozenset(spellings), frozenset(_one_word_loose(raw))))
    return result


def index_loose_keys(fields: Iterable[str]) -> set[str]:
    """The loose keys to index for the given field values beside :func:`index_tokens`: only
    those that are not already one of a word's exact spellings (a search looks those up among
    the exact spellings)."""
    keys: set[str] = set()
    for value in fields:
        for raw in _RAW_WORD.findall(clean(value)):
            keys.update(set(_one_word_loose(raw)).difference(_one_word_variants(raw)))
    return keys


def index_tokens(fields: Iterable[str]) -> set[str]:
    """All tokens to index for the given field values (every scheme for Cyrillic words)."""
    tokens: set[str] = set()
    for value in fields:
        tokens.update(word_variants(value))
    return tokens


def sort_key(text: str) -> str:
    """Alphabetical sort key that puts Ștefan beside Stefan and Иван beside Ivan."""
    return " ".join(_sort_word(w) for w in clean(text).split(" "))


@lru_cache(maxsize=WORD_CACHE)
def _sort_word(word: str) -> str:
    return fold(word)
