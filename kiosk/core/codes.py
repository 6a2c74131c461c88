"""Ticket codes that survive a USB scanner typing through any keyboard layout.

Alphabet: the digits and the 19 upper-case Latin letters that are unambiguous to read and sit on
the same physical key in US, Romanian (standard and legacy QWERTZ) and Bulgarian layouts' Latin
mode: I, L, O, U (look like 1, 1, 0, V) and Q, Y, Z (moved by QWERTZ/AZERTY layouts) are left out.
That makes 29 symbols, a prime, so a weighted mod-29 check character catches every single wrong
character and every swap of two neighbours.

Codes from other platforms (Eventbrite barcodes, pretix secrets) are kept as given.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable

from kiosk.core.reasons import Hint

ALPHABET = "0123456789ABCDEFGHJKMNPRSTVWX"
MODULUS = len(ALPHABET)  # 29, prime
BODY_LENGTH = 8
CODE_LENGTH = BODY_LENGTH + 1
#: The longest scanned text worth looking up; anything longer is malformed input.
MAX_SCAN_LENGTH = 512

_VALUE = {c: i for i, c in enumerate(ALPHABET)}
# What people (and OCR) type instead of the symbol meant.
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})


def check_character(body: str) -> str:
    """The check character for ``body`` (symbols of :data:`ALPHABET`)."""
    total = sum((i + 1) * _VALUE[c] for i, c in enumerate(body))
    weight = len(body) + 1
    # Choose c with total + weight * c == 0 (mod 29); weight is invertible since 29 is prime.
    return ALPHABET[(-total * pow(weight, -1, MODULUS)) % MODULUS]


def is_valid(code: str) -> bool:
    """True if ``code`` is in our format and its check character is right."""
    if len(code) < 2 or any(c not in _VALUE for c in code):
        return False
    return check_character(code[:-1]) == code[-1]


def generate(taken: set[str] | None = None) -> str:
    """A new random code with its check character, not in ``taken``."""
    while True:
        # 40 random bits give 8 symbols (29**8 < 2**40); reject the top to stay uniform.
        # os.urandom is what secrets.token_bytes returns (the secrets module costs every
        # check-in process an import).
        number = int.from_bytes(os.urandom(5), "big")
        if number >= 2 * _BODIES:
            continue
        number %= _BODIES
        total = 0
        symbols = []
        for position in range(1, BODY_LENGTH + 1):
            number, value = divmod(number, MODULUS)
            symbols.append(ALPHABET[value])
            total += position * value
        symbols.append(ALPHABET[(-total * _INVERSE_WEIGHT) % MODULUS])
        code = "".join(symbols)
        if taken is None or code not in taken:
            return code


_BODIES = MODULUS**BODY_LENGTH
_INVERSE_WEIGHT = pow(BODY_LENGTH + 1, -1, MODULUS)
#: Two symbols at a time: a number below 29² gives the text of two positions, and the weighted
#: sum they add to the check total depends on which pair of positions (1-2, 3-4, 5-6, 7-8).
_PAIR = MODULUS * MODULUS
_PAIR_TEXT = tuple(ALPHABET[p % MODULUS] + ALPHABET[p // MODULUS] for p in range(_PAIR))
_PAIR_WEIGHT = tuple(
    tuple((2 * k + 1) * (p % MODULUS) + (2 * k + 2) * (p // MODULUS) for p in range(_PAIR))
    for k in range(BODY_LENGTH // 2)
)


def generate_many(count: int, taken: set[str] | None = None) -> list[str]:
    """``count`` new distinct codes, none in ``taken``: what :func:`generate` gives ``count``
    times (same distribution), from one request for random bytes instead of one per code."""
    result: list[str] = []
    produced: set[str] = set()
    text, (w0, w1, w2, w3) = _PAIR_TEXT, _PAIR_WEIGHT
    limit = 2 * _BODIES
    while len(result) < count:
        data = os.urandom(5 * (count - len(result)))
        for start in range(0, len(data), 5):
            number = int.from_bytes(data[start : start + 5], "big")
            if number >= limit:
                continue  # rejected to stay uniform, as in generate()
            number %= _BODIES
            rest, a = divmod(number, _PAIR)
            rest, b = divmod(rest, _PAIR)
            d, c = divmod(rest, _PAIR)
            total = w0[a] + w1[b] + w2[c] + w3[d]
            check = ALPHABET[(-total * _INVERSE_WEIGHT) % MODULUS]
            code = f"{text[a]}{text[b]}{text[c]}{text[d]}{check}"
            if code in produced or (taken is not None and code in taken):
                continue
            produced.add(code)
            result.append(code)
    return result


def clean_scan(raw: str) -> str:
    """What a scanner or a person sent, without surrounding space and invisible characters."""
    text = unicodedata.normalize("NFC", raw)
    return "".join(c for c in text if c.isprintable()).strip()


#: First characters of the prefixes scanners put before the data: an ECI escape (``\000026``,
#: ISO/IEC 15424 "Extended Channel Interpretation", as pretixSCAN strips it) or an AIM
#: symbology identifier (``]Q1`` for a QR code, ``]d2`` Data Matrix, ``]C0`` Code 128...).
PREFIX_STARTS = ("\\", "]")
_ECI = re.compile(r"\\\d{6}")
_AIM = re.compile(r"\][A-Za-z][0-9A-Za-z]")


def strip_prefixes(text: str) -> str:
    """``text`` without the AIM symbology identifier and ECI escapes a scanner may send first
    (``]Q1``, ``\\000001``, or both: ``]Q2\\000026…``)."""
    while True:
        found = _AIM.match(text) or _ECI.match(text)
        if found is None or found.end() == len(text):
            return text
        text = text[found.end() :]


def canonical(scanned: str) -> str | None:
    """Our-format spelling of a scanned or typed code, if it can be one.

    Accepts lower case and the usual confusions (O for 0, I and L for 1), spaces and dashes
    that people type between groups. Returns None when the text cannot be one of our codes.
    """
    text = scanned.upper().replace(" ", "").replace("-", "").translate(_CONFUSABLE)
    if len(text) != CODE_LENGTH or any(c not in _VALUE for c in text):
        return None
    return text


def unknown_hint(scanned: str) -> Hint | None:
    """Why a code that matched nobody was refused, when we can tell."""
    if not scanned or len(scanned) > MAX_SCAN_LENGTH:
        return Hint.MALFORMED
    if is_partial(scanned):
        return Hint.PARTIAL_SCAN
    text = canonical(scanned)
    if text is not None and not is_valid(text):
        return Hint.CHECK_CHARACTER
    upper = scanned.upper().replace(" ", "").replace("-", "").translate(_CONFUSABLE)
    if (
        len(upper) == CODE_LENGTH
        and any(c in _NOT_OURS for c in upper)
        and all(c in _VALUE or c in _NOT_OURS for c in upper)
    ):
        return Hint.NOT_OUR_LETTERS
    return None


#: The fewest characters a scan of one of our codes can be cut down to and still be taken for a
#: piece of one (fewer is a stray key, not a scan).
MIN_PARTIAL = 3


def is_partial(scanned: str) -> bool:
    """True if ``scanned`` is what a scanner sends for a piece of one of our codes: our symbols
    exactly as a scanner types them (upper case), but too few of them, or all of them with a
    check character that does not match (a character lost or misread). Such a scan is to be
    repeated, not looked up by name."""
    if any(c not in _VALUE for c in scanned) or not MIN_PARTIAL <= len(scanned) <= CODE_LENGTH:
        return False
    return len(scanned) < CODE_LENGTH or not is_valid(scanned)


#: The shortest imported code a typed text may end with and be taken for a scan of it.
MIN_IMPORTED_LENGTH = 4


def code_at_end(text: str, known: Callable[[str], bool] | None = None) -> str | None:
    """The complete ticket code ``text`` ends with, if any; the longest one.

    A complete code is one of ours exactly as a scanner types it (our symbols, upper case, the
    check character right) or, with ``known``, a text ``known`` accepts (an imported code,
    matched exactly). What the desk typed before the code (a name being searched when the
    scanner fired) does not matter: a code followed by Enter is a scan of that code.
    """
    for start in range(0, len(text) - MIN_IMPORTED_LENGTH + 1):
        tail = text[start:]
        if len(tail) == CODE_LENGTH and is_valid(tail):
            return tail
        if known is not None and known(tail):
            return tail
    return None


#: Letters never used in our codes; typed or scanned in, they point at a keyboard layout
#: (AZERTY types Q for A and Z for W; QWERTZ swaps Y and Z) or at a misread (U for V).
_NOT_OURS = frozenset("UQYZ")


def display(code: str) -> str:
    """Our codes in groups for reading aloud (``K7M2 XR9P D``); others unchanged."""
    if len(code) == CODE_LENGTH and is_valid(code):
        return f"{code[:4]} {code[4:8]} {code[8:]}"
    return code
