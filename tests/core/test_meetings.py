"""The B2B meeting rules of kiosk.core.meetings, stated as the funder and the platforms say them."""

from __future__ import annotations

from datetime import date, time

import pytest

from kiosk.core.meetings import (
    MeetingStatus,
    Outcome,
    country_pair,
    is_b2b_room,
    is_held,
    outcome,
    parse_date,
    parse_status,
    parse_time,
    same_name,
    with_word,
)
from kiosk.core.text import word_variants


@pytest.mark.parametrize(
    ("a", "b", "pair"),
    [
        ("Bulgaria", "Romania", "BG–RO"),
        ("România", "България", "BG–RO"),  # either order, any script, diacritics
        ("RO", "BG", "BG–RO"),
        ("Румъния", "България", "BG–RO"),  # Romania in Bulgarian: was 'other' (own table)
        ("Roumanie", "Bulgarien", "BG–RO"),  # French and German, as foreign firms write them
        ("Bulgaria", "bulgaria", "BG–BG"),
        ("Romania", "Romania", "RO–RO"),
        ("Romania", "Moldova", "other"),
        ("", "Bulgaria", "other"),  # an unknown side is never counted as a pair it may not be
    ],
)
def test_country_pairs_of_the_funders_report(a: str, b: str, pair: str) -> None:
    assert country_pair(a, b) == pair


def test_a_sides_country_is_read_by_the_one_country_table() -> None:
    """Each rule once: the meetings read countries as the rest of Kiosk does (ISO codes from
    Debian iso-codes' names), so every country has its code, not only the first event's two."""
    from kiosk.core.countries import iso_code
    from kiosk.core.meetings import country_code

    for text in ("Румъния", "Moldova", "Germany", "Bulgarie", "RO", "ROU"):
        assert iso_code(text) is not None
        assert country_code(text) == iso_code(text)
    assert country_code("Germany") == "DE"
    assert country_code("Atlantis") == "ATLANTIS"
    assert country_code("") == ""


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # the three tabs of b2match's Meetings page (help.b2match.com "Meetings Overview")
        ("Pending", MeetingStatus.PENDING),
        ("Accepted", MeetingStatus.PLANNED),
        ("Canceled", MeetingStatus.CANCELLED),
        ("Cancelled", MeetingStatus.CANCELLED),
        ("Declined", MeetingStatus.DECLINED),
        ("Rejected", MeetingStatus.DECLINED),
        ("Scheduled", MeetingStatus.PLANNED),
        ("", MeetingStatus.PLANNED),
        ("Отменена", MeetingStatus.CANCELLED),
        ("Anulată", MeetingStatus.CANCELLED),
        ("maybe later", None),
    ],
)
def test_status_words(text: str, status: MeetingStatus | None) -> None:
    assert parse_status(text) is status


def test_times_and_dates_as_spreadsheets_write_them() -> None:
    assert parse_time("10:30") == time(10, 30)
    assert parse_time("9.05") == time(9, 5)
    assert parse_time("14h00") == time(14, 0)
    assert parse_time("2:30 PM") == time(14, 30)
    assert parse_time("10:30:00") == time(10, 30)
    assert parse_time("2026-09-28 10:30") == time(10, 30)
    assert parse_time("25:00") is None
    assert parse_date("28.09.2026") == date(2026, 9, 28)
    assert parse_date("2026-09-28 00:00") == date(2026, 9, 28)
    assert parse_date("09/28/2026") is None  # month first is never guessed


def test_names_match_across_scripts_in_any_word_order() -> None:
    # Bulgarian Transliteration Act table: Ж zh, Ц ts, Щ sht, Ъ a, Й y
    registered = [word_variants(w) for w in ("Живко", "Цанков")]
    assert same_name("Zhivko Tsankov", registered)
    assert same_name("TSANKOV Zhivko", registered)
    assert not same_name("Zhivko", registered)  # a first name alone is not the person
    assert not same_name("Zhivko Tsankova", registered)
    assert same_name("Stefan Turcanu", [word_variants("Ștefan"), word_variants("Țurcanu")])
    assert same_name("Ştefan Ţurcanu", [word_variants("Ștefan"), word_variants("Țurcanu")])


def test_outcomes() -> None:
    planned = MeetingStatus.PLANNED
    assert outcome(planned, True, False, False, True) is Outcome.HELD  # a mark is proof
    assert outcome(planned, False, True, True, False) is Outcome.POSSIBLE
    assert outcome(planned, False, True, False, True) is Outcome.NO_SHOW
    assert outcome(planned, False, True, False, False) is Outcome.OPEN
    assert outcome(MeetingStatus.CANCELLED, True, True, True, True) is Outcome.NOT_PLANNED


def test_the_newest_mark_decides_whatever_order_they_arrive_in() -> None:
    marks = [("2026-09-28T08:00:00Z", "b", "held"), ("2026-09-28T08:05:00Z", "a", "not_held")]
    assert not is_held(marks)
    assert not is_held(reversed(marks))
    assert is_held(marks[:1])
    assert not is_held([])


def test_b2b_room_lists_are_named_so() -> None:
    assert is_b2b_room("B2B room")
    assert is_b2b_room("Зала B2B")
    assert is_b2b_room("Sala b2b — etaj 1")
    assert not is_b2b_room("Day 2026-09-28")


@pytest.mark.parametrize(
    ("name", "word"),
    [
        ("Симона Мъргинеану", "със"), ("Здравко Петров", "със"), ("Иван Иванов", "с"),
        ("Simona Mărgineanu", "със"), ("Zoltan Kiss", "със"), ("Ștefan Țurcanu", "с"),
        ("Shtilian Ganchev", "с"), ("Zhivko Tsankov", "с"), ("Ion Popescu", "с"),
    ],
)  # fmt: skip
def test_bulgarian_with_is_sas_before_s_and_z(name: str, word: str) -> None:
    """Bulgarian orthography: the preposition с is written със before a word beginning with с
    or з ("със Симона", "с Иван"); a Latin-written name counts by its sound."""
    assert with_word("bg", name) == word
    assert with_word("ro", name) is None and with_word("en", name) is None
