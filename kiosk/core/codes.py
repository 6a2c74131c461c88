"""Ticket codes that survive a USB scanner typing through any keyboard layout.

Alphabet: the digits and the 19 upper-case Latin letters that are unambiguous to read and sit on
the same physical key in US, Romanian (standard and legacy QWERTZ) and Bulgarian layouts' Latin
mode: I, L, O, U (look like 1, 1, 0, V) and Q, Y, Z (moved by QWERTZ/AZERTY layouts) are left out.
That makes 29 symbols, a prime, so a weighted mod-29 check character catches every single wrong
character and every swap of two neighbours.

Codes from other platforms (Eventbrite barcodes, pretix secrets) are kept as given.
"""

from __future__ import annotations

import secrets
import unicodedata

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
        number = int.from_bytes(secrets.token_bytes(5), "big")
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


def clean_scan(raw: str) -> str:
    """What a scanner or a person sent, without surrounding space and invisible characters."""
    text = unicodedata.normalize("NFC", raw)
    return "".join(c for c in text if c.isprintable()).strip()


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
    text = canonical(scanned)
    if text is not None and not is_valid(text):
        return Hint.CHECK_CHARACTER
    return None


def display(code: str) -> str:
    """Our codes in groups for reading aloud (``K7M2 XR9P D``); others unchanged."""
    if len(code) == CODE_LENGTH and is_valid(code):
        return f"{code[:4]} {code[4:8]} {code[8:]}"
    return code
