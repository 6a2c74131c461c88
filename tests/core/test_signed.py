"""The layout of signed ticket codes: what goes in comes out, and nothing else parses."""

from __future__ import annotations

import contextlib
import uuid
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.core import codes, keyboard, signed
from kiosk.core.signed import TicketData, TicketFormatError

SIGNATURE = bytes(range(64))

names = st.text(
    st.characters(blacklist_categories=("Cs",)),  # no lone surrogates: text is valid Unicode
    max_size=signed.MAX_NAME,
)
ticket_data = st.builds(
    TicketData,
    uid=st.uuids().map(str),
    code=st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=20),
    first_name=names,
    last_name=names,
    category=st.text(st.characters(blacklist_categories=("Cs",)), max_size=signed.MAX_CATEGORY),
    days=st.frozensets(st.dates(date(2020, 1, 1), date(2150, 1, 1)), max_size=10),
)


def long_bulgarian() -> TicketData:
    return TicketData(
        str(uuid.uuid4()),
        codes.generate(),
        "Анастасия-Александра",
        "Константинова-Вълканова",
        "participant",
        frozenset({date(2026, 9, 28), date(2026, 9, 29)}),
    )


@given(ticket_data, st.integers(0, 0xFFFF))
def test_what_is_encoded_is_decoded(data: TicketData, key_id: int) -> None:
    text = signed.encode(signed.ticket_body(data, key_id), SIGNATURE)
    ticket = signed.decode(text)
    assert ticket.data == data
    assert ticket.key_id == key_id
    assert ticket.signature == SIGNATURE


@given(st.text(st.characters(blacklist_categories=("Cs",))))
def test_compact_text_round_trips_any_text(text: str) -> None:
    assert signed.unpack_text(signed.pack_text(text)) == text


def test_cyrillic_and_romanian_letters_take_one_byte_each() -> None:
    assert len(signed.pack_text("Константинова")) == len("Константинова")
    assert len(signed.pack_text("Ștefănescu Țîrlea")) == len("Ștefănescu Țîrlea")


@given(st.binary(max_size=300))
def test_any_bytes_are_a_text_or_a_format_error(data: bytes) -> None:
    with contextlib.suppress(TicketFormatError):
        signed.unpack_text(data)


@given(st.text(alphabet="0123456789", min_size=signed.MIN_LENGTH, max_size=700))
def test_random_digits_are_refused_as_a_format_error_never_a_crash(text: str) -> None:
    with contextlib.suppress(TicketFormatError):
        signed.decode(text)


@given(st.text(max_size=600))
def test_any_text_is_refused_as_a_format_error_never_a_crash(text: str) -> None:
    with contextlib.suppress(TicketFormatError):
        signed.decode(text)


def test_a_long_bulgarian_ticket_stays_within_the_longest_scan() -> None:
    text = signed.encode(signed.ticket_body(long_bulgarian(), 0xBEEF), SIGNATURE)
    assert signed.looks_signed(text)
    assert len(text) <= codes.MAX_SCAN_LENGTH


def test_names_longer_than_the_limit_are_cut() -> None:
    data = TicketData(str(uuid.uuid4()), "ABC", "Я" * 200, "Щ" * 200, "x" * 100)
    back = signed.decode(signed.encode(signed.ticket_body(data, 1), SIGNATURE)).data
    assert back.first_name == "Я" * signed.MAX_NAME
    assert back.category == "x" * signed.MAX_CATEGORY


def test_a_uid_that_is_not_a_uuid_cannot_be_signed() -> None:
    with pytest.raises(ValueError):
        signed.ticket_body(TicketData("att-17", "ABC", "A", "B"), 1)


def test_ordinary_codes_do_not_look_signed() -> None:
    assert not signed.looks_signed(codes.generate())
    assert not signed.looks_signed("1234567890123456789012")  # an Eventbrite barcode
    assert not signed.looks_signed("٣" * 300)  # Arabic-Indic digits are digits, but not ASCII


@pytest.mark.parametrize("layout", sorted(keyboard.LAYOUTS))
def test_a_signed_code_reaches_the_kiosk_unchanged_through_every_keyboard_layout(
    layout: str,
) -> None:
    text = signed.encode(signed.ticket_body(long_bulgarian(), 7), SIGNATURE)
    typed = keyboard.from_us(text, layout)
    assert typed == text
    assert keyboard.to_us(typed)[0] == text


def test_the_signed_message_names_the_event() -> None:
    ticket = signed.decode(signed.encode(signed.ticket_body(long_bulgarian(), 7), SIGNATURE))
    assert ticket.message("event-a") != ticket.message("event-b")
