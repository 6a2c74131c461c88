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
from functools import lru_cache

_CEDILLA_TO_COMMA = str.maketrans({"ş": "ș", "Ş": "Ș", "ţ": "ț", "Ţ": "Ț"})
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_SPACES = re.compile(r"\s+")

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
    single spaces, trimmed. ``None`` becomes an empty string."""
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
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_CEDILLA_TO_COMMA)
    text = _CONTROL.sub("", text)
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
