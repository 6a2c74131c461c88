"""Signed ticket codes: the layout of what a signed QR carries, without the cryptography.

A signed ticket lets a kiosk admit someone it has never heard of: the code itself carries the
attendee's stable id, ticket code, name, category and valid days, and an Ed25519 signature by
the event's key over all of that *and the event's id* (so a ticket of another event never
verifies here). This module only lays the bytes out and reads them back; signing and checking
the signature live in :mod:`kiosk.tickets.signing` (they need the ``cryptography`` package).

The code is all decimal digits. Digits are the one character set that every keyboard layout of
a Bulgarian or Romanian desk (BDS, phonetic, standard, legacy QWERTZ) and a US one types on the
same keys without Shift, so a keyboard-wedge scanner delivers them unchanged, and QR codes store
digits in numeric mode at 10 bits per 3 digits: the decimal form costs almost nothing over the
raw bytes. Binary layout (version 1), then the whole as one big-endian number in decimal:

    0x01                        leading byte, so leading zero bytes survive the number
    version        1 byte       = 1
    key id         2 bytes      the first two bytes of SHA-256 of the signing public key
    attendee uid   16 bytes     the UUID the organizer's database gave the person
    days           1 + 2n bytes count, then each day as days since 2020-01-01 (none: every day)
    code, first name, last name, category: each 1 byte length + compact text (see below)
    signature      64 bytes     Ed25519 over MESSAGE_TAG + event uid + 0x00 + all of the above
                                from the version byte on

Compact text: ASCII as is; the Cyrillic block U+0400-U+045F as one byte each (0x80-0xDF);
Romanian and common Latin letters with diacritics as one byte each (0xE0-0xFE); any other
character as 0xFF followed by its UTF-8 bytes. A long Bulgarian name costs one byte a letter,
not UTF-8's two.

Standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

VERSION = 1
#: ``attendee.origin`` of a person a kiosk added from a signed ticket (admitted by signature).
ORIGIN = "signed_ticket"
SIGNATURE_LENGTH = 64
#: Prefixed to what is signed, so a ticket signature can never be taken for any other
#: signature made with the same key (a revocation list, say).
MESSAGE_TAG = b"kiosk-signed-ticket\x00"
#: The fewest digits a signed code has (a payload with empty texts and no days is 88 bytes, 212
#: digits); no ticket code of another system is anywhere near this long and all digits.
MIN_LENGTH = 200
#: Longest name and category kept in a ticket (longer ones are cut: the QR must stay small).
MAX_NAME = 48
MAX_CATEGORY = 24
MAX_CODE = 64
_EPOCH = date(2020, 1, 1)
_LEAD = 0x01

_CYRILLIC_FIRST, _CYRILLIC_BYTE, _CYRILLIC_COUNT = 0x0400, 0x80, 0x60
#: Latin letters with diacritics given one byte each (at most 31: 0xE0-0xFE).
_LATIN = "ăâîșțĂÂÎȘȚéèêëáàäçíóöőúüűčšžćñ"
_LATIN_BYTE = 0xE0
_ESCAPE = 0xFF
_LATIN_CODE = {c: _LATIN_BYTE + i for i, c in enumerate(_LATIN)}
assert len(_LATIN) <= _ESCAPE - _LATIN_BYTE


class TicketFormatError(ValueError):
    """The text is not a well-formed signed ticket (damaged, altered or not one at all)."""


@dataclass(frozen=True, slots=True)
class TicketData:
    """What a signed ticket says about its holder."""

    uid: str
    code: str
    first_name: str
    last_name: str
    category: str = ""
    #: The days the ticket is valid; empty means every day of the event.
    days: frozenset[date] = frozenset()


@dataclass(frozen=True, slots=True)
class SignedTicket:
    """A parsed signed code: the data, the key it claims, and the bytes to verify."""

    data: TicketData
    key_id: int
    body: bytes  # from the version byte up to the signature
    signature: bytes

    def message(self, event_uid: str) -> bytes:
        """The bytes the signature must cover for this ticket to be valid at ``event_uid``."""
        return signed_message(self.body, event_uid)


def signed_message(body: bytes, event_uid: str) -> bytes:
    return MESSAGE_TAG + event_uid.encode("utf-8") + b"\x00" + body


def looks_signed(text: str) -> bool:
    """True if ``text`` has the shape of a signed code (cheap: length and digits only)."""
    return len(text) >= MIN_LENGTH and text.isascii() and text.isdigit()


# -- compact text -----------------------------------------------------------------------------


def pack_text(text: str) -> bytes:
    """``text`` in the compact one-byte-a-letter form (see the module notes)."""
    out = bytearray()
    for c in text:
        n = ord(c)
        if n < 0x80:
            out.append(n)
        elif _CYRILLIC_FIRST <= n < _CYRILLIC_FIRST + _CYRILLIC_COUNT:
            out.append(_CYRILLIC_BYTE + n - _CYRILLIC_FIRST)
        elif c in _LATIN_CODE:
            out.append(_LATIN_CODE[c])
        else:
            out.append(_ESCAPE)
            out += c.encode("utf-8", "replace")  # a lone surrogate becomes "?"
    return bytes(out)


def unpack_text(data: bytes) -> str:
    """The text :func:`pack_text` made ``data`` from; TicketFormatError if it cannot be one."""
    chars: list[str] = []
    i = 0
    while i < len(data):
        b = data[i]
        i += 1
        if b < 0x80:
            chars.append(chr(b))
        elif b < _CYRILLIC_BYTE + _CYRILLIC_COUNT:
            chars.append(chr(_CYRILLIC_FIRST + b - _CYRILLIC_BYTE))
        elif b < _LATIN_BYTE + len(_LATIN):
            chars.append(_LATIN[b - _LATIN_BYTE])
        elif b == _ESCAPE and i < len(data):
            lead = data[i]
            size = 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
            try:
                chars.append(data[i : i + size].decode("utf-8"))
            except UnicodeDecodeError as exc:
                raise TicketFormatError("bad character escape in a ticket text") from exc
            i += size
        else:
            raise TicketFormatError("unknown byte in a ticket text")
    return "".join(chars)


# -- the code ---------------------------------------------------------------------------------


def _field(text: str, limit: int) -> bytes:
    packed = pack_text(text[:limit])  # at most 5 bytes a character: under 256 for the limits
    return bytes([len(packed)]) + packed


def ticket_body(data: TicketData, key_id: int, name_limit: int = MAX_NAME) -> bytes:
    """The signed part of a ticket (the signature goes after it); first and last name are cut
    to ``name_limit`` characters.

    Raises ValueError when the uid is not a UUID or the code is longer than :data:`MAX_CODE`.
    """
    import uuid  # here: a check-in of a plain code never needs it (issue 21, start-up)

    uid = uuid.UUID(data.uid).bytes
    if not data.code or len(data.code) > MAX_CODE:
        raise ValueError(
            f"the ticket code has {len(data.code)} characters; a signed ticket holds 1 to "
            f"{MAX_CODE} — give the person a shorter code"
        )
    days = sorted(data.days)
    if len(days) > 255:
        raise ValueError("a signed ticket holds at most 255 days")
    out = bytearray([VERSION])
    out += key_id.to_bytes(2, "big")
    out += uid
    out.append(len(days))
    for day in days:
        offset = (day - _EPOCH).days
        if not 0 <= offset < 1 << 16:
            raise ValueError(f"day {day} is outside what a signed ticket can hold")
        out += offset.to_bytes(2, "big")
    code = pack_text(data.code)
    if len(code) > 255:
        raise ValueError(f"ticket code {data.code!r} is too long for a signed ticket")
    out += bytes([len(code)]) + code
    out += _field(data.first_name, name_limit)
    out += _field(data.last_name, name_limit)
    out += _field(data.category, MAX_CATEGORY)
    return bytes(out)


def encoded_length(body: bytes) -> int:
    """How many digits :func:`encode` makes of ``body`` and a signature (at most; the exact
    count depends on the signature's first bits)."""
    return len(str(int.from_bytes(bytes([_LEAD]) + body + b"\xff" * SIGNATURE_LENGTH, "big")))


def encode(body: bytes, signature: bytes) -> str:
    """The digits of a signed code."""
    if len(signature) != SIGNATURE_LENGTH:
        raise ValueError("an Ed25519 signature is 64 bytes")
    return str(int.from_bytes(bytes([_LEAD]) + body + signature, "big"))


def decode(text: str) -> SignedTicket:
    """Read a signed code (digits) back; TicketFormatError if it is not a well-formed one.

    Checks only the layout: whether the signature is right is for the caller to verify.
    """
    if not looks_signed(text) or len(text) > 2000 or text[0] == "0":
        # A leading zero would give a second spelling of the same ticket: only ours is read.
        raise TicketFormatError("not a signed ticket code")
    number = int(text)
    raw = number.to_bytes((number.bit_length() + 7) // 8, "big")
    if not raw or raw[0] != _LEAD or len(raw) < 1 + 20 + SIGNATURE_LENGTH:
        raise TicketFormatError("not a signed ticket code")
    body, signature = raw[1:-SIGNATURE_LENGTH], raw[-SIGNATURE_LENGTH:]
    if body[0] != VERSION:
        raise TicketFormatError(f"signed ticket version {body[0]} is not known here")
    reader = _Reader(body, 1)
    key_id = int.from_bytes(reader.take(2), "big")
    import uuid

    uid = str(uuid.UUID(bytes=reader.take(16)))
    days = frozenset(
        _EPOCH + timedelta(days=int.from_bytes(reader.take(2), "big"))
        for _ in range(reader.take(1)[0])
    )
    texts = [unpack_text(reader.take(reader.take(1)[0])) for _ in range(4)]
    if reader.position != len(body):
        raise TicketFormatError("trailing bytes after a signed ticket's fields")
    code, first, last, category = texts
    if not code:
        raise TicketFormatError("a signed ticket without a ticket code")
    data = TicketData(uid, code, first, last, category, days)
    return SignedTicket(data, key_id, body, signature)


class _Reader:
    def __init__(self, data: bytes, position: int) -> None:
        self.data = data
        self.position = position

    def take(self, count: int) -> bytes:
        end = self.position + count
        if end > len(self.data):
            raise TicketFormatError("a signed ticket cut short")
        chunk = self.data[self.position : end]
        self.position = end
        return chunk
