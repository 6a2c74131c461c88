"""Countries named from what registrations say, in the reader's language.

The names come from Debian's iso-codes (kiosk.core.country_names); they are checked here
against a second outside source, the CLDR data in Qt's QLocale (each country's own name in its
own language), so a wrong or shifted table cannot pass.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from kiosk.core.countries import country_name, iso_code
from kiosk.core.country_names import COUNTRIES


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("BG", "BG"), ("bgr", "BG"), ("Bulgaria", "BG"), ("България", "BG"), ("  bulgaria. ", "BG"),
        ("RO", "RO"), ("România", "RO"), ("Romania", "RO"), ("Румъния", "RO"), ("ROMÂNIA", "RO"),
        ("Moldova", "MD"), ("Republic of Moldova", "MD"), ("Молдова", "MD"),
        ("Türkiye", "TR"), ("Turkey", "TR"), ("Germania", "DE"), ("Германия", "DE"),
        ("Nowhere", None), ("", None),
    ],
)  # fmt: skip
def test_a_code_or_a_name_in_any_of_our_languages_is_recognised(
    value: str, code: str | None
) -> None:
    assert iso_code(value) == code


def test_names_follow_the_language_and_unknown_values_stay_as_typed() -> None:
    assert [country_name("Romania", lang) for lang in ("en", "bg", "ro")] == [
        "Romania", "Румъния", "România"
    ]  # fmt: skip
    assert country_name("BG", "ro") == "Bulgaria" and country_name("GR", "bg") == "Гърция"
    assert country_name("Narnia", "bg") == "Narnia"
    assert country_name("Bulgaria", "de") == "Bulgaria"  # a language we do not ship


@pytest.mark.parametrize(
    ("language", "territory", "code", "column"),
    [
        (QLocale.Language.Bulgarian, QLocale.Country.Bulgaria, "BG", 2),
        (QLocale.Language.Romanian, QLocale.Country.Romania, "RO", 3),
        (QLocale.Language.Greek, QLocale.Country.Greece, "GR", None),
    ],
)
def test_the_table_agrees_with_qt_cldr_names(
    language: QLocale.Language, territory: QLocale.Country, code: str, column: int | None
) -> None:
    native = QLocale(language, territory).nativeTerritoryName()
    if column is not None:  # each country's own name in its own language, from CLDR
        assert COUNTRIES[code][column] == native
    assert iso_code(QLocale(language, territory).name().split("_")[1]) == code


def test_romanian_names_use_the_comma_below() -> None:
    for alpha2, (_a3, _en, _bg, ro) in COUNTRIES.items():
        assert not set(ro) & set("şţŞŢ"), alpha2
