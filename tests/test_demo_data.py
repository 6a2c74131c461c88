"""Synthetic registrations for the demo event (kiosk.demo_data)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import astuple
from datetime import date

import pytest

from kiosk.core.model import Registration
from kiosk.core.text import clean, fold
from kiosk.demo_data import (
    BG_FEMALE_FIRST_NAMES,
    BG_MALE_FIRST_NAMES,
    BG_SURNAMES,
    bg_female_surname,
    demo_registrations,
)

ALLOWED_CATEGORIES = {"participant", "speaker", "organiser", "press", "staff", "b2b", "partner"}
ALLOWED_COUNTRIES = {
    "Bulgaria", "Romania", "Greece", "Serbia", "Türkiye", "Germany", "Belgium", "Moldova",
}  # fmt: skip
ALLOWED_LANGUAGES = {"bg", "ro", "en"}
TEXT_FIELDS = (
    "first_name", "last_name", "organization", "country", "email", "phone", "category",
    "language", "code", "external_id",
)  # fmt: skip
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
CEDILLAS = set("şţŞŢ")
DAY_1, DAY_2 = date(2026, 5, 14), date(2026, 5, 15)


@pytest.fixture(scope="module")
def ten_thousand() -> list[Registration]:
    return demo_registrations(10_000, days=(DAY_1, DAY_2))


@pytest.fixture(scope="module")
def hundred_thousand() -> list[Registration]:
    return demo_registrations(100_000)


def share(people: list[Registration], predicate: Callable[[Registration], bool]) -> float:
    return sum(1 for p in people if predicate(p)) / len(people)


# --- size and determinism ---------------------------------------------------------------------


def test_same_seed_gives_the_same_people() -> None:
    assert demo_registrations(500, seed=7) == demo_registrations(500, seed=7)


def test_default_seed_is_fixed() -> None:
    assert demo_registrations(50) == demo_registrations(50, seed=2026)


def test_another_seed_gives_other_people() -> None:
    first = [astuple(r) for r in demo_registrations(50, seed=1)]
    second = [astuple(r) for r in demo_registrations(50, seed=2)]
    assert first != second


def test_a_smaller_count_gives_the_beginning_of_a_larger_one() -> None:
    assert demo_registrations(100, seed=3) == demo_registrations(300, seed=3)[:100]


def test_gives_300_people_by_default() -> None:
    assert len(demo_registrations()) == 300


def test_zero_people_is_an_empty_list() -> None:
    assert demo_registrations(0) == []


def test_a_negative_count_is_refused() -> None:
    with pytest.raises(ValueError):
        demo_registrations(-1)


def test_a_hundred_thousand_people_can_be_generated(
    hundred_thousand: list[Registration],
) -> None:
    assert len(hundred_thousand) == 100_000


# --- identity ---------------------------------------------------------------------------------


def test_emails_are_unique_even_among_a_hundred_thousand(
    hundred_thousand: list[Registration],
) -> None:
    emails = [r.email for r in hundred_thousand]
    assert all(emails)
    assert len(set(emails)) == len(emails)


def test_external_ids_are_unique_and_numbered_from_one(
    hundred_thousand: list[Registration],
) -> None:
    ids = [r.external_id for r in hundred_thousand]
    assert len(set(ids)) == len(ids)
    assert ids[0] == "DEMO-000001"
    assert ids[-1] == "DEMO-100000"


def test_the_same_full_name_may_come_more_than_once(ten_thousand: list[Registration]) -> None:
    names = Counter((r.first_name, r.last_name) for r in ten_thousand)
    assert names.most_common(1)[0][1] > 1


def test_rows_are_numbered_as_after_a_header_row() -> None:
    assert [r.row for r in demo_registrations(5)] == [2, 3, 4, 5, 6]


def test_codes_are_left_for_the_app_to_generate(ten_thousand: list[Registration]) -> None:
    assert all(r.code == "" and r.raw["code"] == "" for r in ten_thousand)


# --- text -------------------------------------------------------------------------------------


def test_emails_are_lower_case_ascii_addresses(ten_thousand: list[Registration]) -> None:
    address = re.compile(r"[a-z0-9][a-z0-9._-]*@[a-z0-9-]+(\.[a-z0-9-]+)+")
    assert all(address.fullmatch(r.email) for r in ten_thousand)


def test_emails_are_made_from_the_transliterated_name(ten_thousand: list[Registration]) -> None:
    for r in ten_thousand:
        if r.country in ("Bulgaria", "Romania"):
            assert fold(r.last_name) in r.email, (r.last_name, r.email)
    assert any(r.email.startswith("ivan.ivanov") for r in ten_thousand)


def test_every_text_field_is_already_clean(ten_thousand: list[Registration]) -> None:
    for r in ten_thousand:
        for name in TEXT_FIELDS:
            value = getattr(r, name)
            assert clean(value) == value, (name, value)


def test_raw_keeps_the_row_as_typed_and_cleans_to_the_fields(
    ten_thousand: list[Registration],
) -> None:
    for r in ten_thousand:
        assert set(r.raw) >= set(TEXT_FIELDS) | {"cancelled", "days"}
        assert all(isinstance(v, str) for v in r.raw.values())
        for name in TEXT_FIELDS:
            assert clean(r.raw[name]) == getattr(r, name)
        assert r.raw["cancelled"] == ("yes" if r.cancelled else "")


def test_names_come_in_bulgarian_cyrillic(ten_thousand: list[Registration]) -> None:
    bulgarians = [r for r in ten_thousand if r.country == "Bulgaria"]
    assert all(CYRILLIC.search(r.first_name) and CYRILLIC.search(r.last_name) for r in bulgarians)


def test_romanian_names_have_comma_below_diacritics(ten_thousand: list[Registration]) -> None:
    last_names = {r.last_name for r in ten_thousand if r.country == "Romania"}
    for letter in "șțăâî":
        assert any(letter in name.lower() for name in last_names), letter
    assert {"Ștefănescu", "Țăranu", "Popescu"} <= last_names


def test_no_cedilla_is_left_although_some_rows_were_typed_with_them(
    ten_thousand: list[Registration],
) -> None:
    for r in ten_thousand:
        assert not CEDILLAS & set(r.first_name + r.last_name + r.organization)
    typed = [r for r in ten_thousand if CEDILLAS & set("".join(r.raw.values()))]
    assert 0.002 < len(typed) / len(ten_thousand) < 0.05


def test_some_organisations_are_long_enough_to_test_auto_fit(
    ten_thousand: list[Registration],
) -> None:
    assert any(len(r.organization) >= 60 for r in ten_thousand)


def test_organisations_vary_but_the_big_ones_stand_out(
    hundred_thousand: list[Registration],
) -> None:
    counts = Counter(r.organization for r in hundred_thousand)
    assert len(counts) > 1_000
    top = {name for name, _ in counts.most_common(10)}
    assert "Клъстер Мехатроника и автоматизация" in top
    assert "Clusterul Agro-Food Dunărea de Jos" in top


# --- categories, countries, languages ---------------------------------------------------------


def test_categories_countries_and_languages_are_from_the_allowed_sets(
    hundred_thousand: list[Registration],
) -> None:
    assert {r.category for r in hundred_thousand} == ALLOWED_CATEGORIES
    assert {r.country for r in hundred_thousand} == ALLOWED_COUNTRIES
    assert {r.language for r in hundred_thousand} == ALLOWED_LANGUAGES


def test_about_half_are_bulgarian_and_two_fifths_romanian(
    ten_thousand: list[Registration],
) -> None:
    assert 0.45 < share(ten_thousand, lambda r: r.country == "Bulgaria") < 0.55
    assert 0.35 < share(ten_thousand, lambda r: r.country == "Romania") < 0.45


def test_most_people_are_participants(ten_thousand: list[Registration]) -> None:
    counts = Counter(r.category for r in ten_thousand)
    assert 0.70 < counts["participant"] / len(ten_thousand) < 0.80
    assert 0.06 < counts["b2b"] / len(ten_thousand) < 0.12
    assert counts["b2b"] > counts["speaker"] > counts["press"]


def test_language_follows_the_country(ten_thousand: list[Registration]) -> None:
    expected = {"Bulgaria": "bg", "Romania": "ro", "Moldova": "ro"}
    for r in ten_thousand:
        assert r.language == expected.get(r.country, "en")


def test_phone_numbers_follow_the_national_format(ten_thousand: list[Registration]) -> None:
    formats = {
        "Bulgaria": re.compile(r"\+359 8[789] \d{3} \d{4}"),
        "Romania": re.compile(r"\+40 7[2-9]\d \d{3} \d{3}"),
    }
    for r in ten_thousand:
        if r.phone and r.country in formats:
            assert formats[r.country].fullmatch(r.phone), r.phone
        if r.phone:
            assert r.phone.startswith("+")


def test_about_a_fifth_give_no_phone(ten_thousand: list[Registration]) -> None:
    assert 0.15 < share(ten_thousand, lambda r: r.phone == "") < 0.25


def test_about_three_percent_are_cancelled(ten_thousand: list[Registration]) -> None:
    assert 0.015 < share(ten_thousand, lambda r: r.cancelled) < 0.045


# --- gender -----------------------------------------------------------------------------------


def test_bulgarian_female_surnames_are_formed_from_the_male_ones() -> None:
    assert bg_female_surname("Иванов") == "Иванова"
    assert bg_female_surname("Щерев") == "Щерева"
    assert bg_female_surname("Габровски") == "Габровска"
    assert ("Стоянов", "Стоянова") in BG_SURNAMES


def test_bulgarian_first_names_are_either_male_or_female() -> None:
    assert not set(BG_MALE_FIRST_NAMES) & set(BG_FEMALE_FIRST_NAMES)


def test_bulgarian_women_have_female_surnames_and_men_male_ones(
    ten_thousand: list[Registration],
) -> None:
    male_forms = {m for m, _ in BG_SURNAMES}
    female_forms = {f for _, f in BG_SURNAMES}
    women = men = 0
    for r in ten_thousand:
        if r.country != "Bulgaria":
            continue
        parts = r.last_name.split("-")
        if r.first_name in BG_FEMALE_FIRST_NAMES:
            women += 1
            assert all(p in female_forms for p in parts), (r.first_name, r.last_name)
        else:
            assert r.first_name in BG_MALE_FIRST_NAMES
            men += 1
            assert all(p in male_forms for p in parts), (r.first_name, r.last_name)
    assert women > 1_000 and men > 1_000


# --- days -------------------------------------------------------------------------------------


def test_with_two_days_most_come_to_both_and_some_to_one(
    ten_thousand: list[Registration],
) -> None:
    counts = Counter(r.days for r in ten_thousand)
    assert set(counts) == {frozenset(), frozenset({DAY_1}), frozenset({DAY_2})}
    assert 0.75 < counts[frozenset()] / len(ten_thousand) < 0.85
    assert 0.09 < counts[frozenset({DAY_1})] / len(ten_thousand) < 0.15
    assert 0.05 < counts[frozenset({DAY_2})] / len(ten_thousand) < 0.11
    for r in ten_thousand:
        assert r.raw["days"] == ";".join(d.isoformat() for d in sorted(r.days))


@pytest.mark.parametrize("days", [(), (DAY_1,)])
def test_without_two_days_everyone_comes_every_day(days: tuple[date, ...]) -> None:
    assert all(r.days == frozenset() for r in demo_registrations(1_000, days=days))
