"""Report files in the organizer's language: the catalogue is complete in English, Bulgarian
and Romanian, and every file (CSV, workbook, PDF, sign-in sheet) reads in the language asked."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from kiosk.reports.files import register_digest, write_csv, write_sign_in_sheet, write_xlsx
from kiosk.reports.register import COLUMNS, Scope
from kiosk.reports.summary import build_report
from kiosk.reports.texts import CATALOGUE, LANGUAGES, long_date, texts
from kiosk.storage.database import Database
from tests.conftest import DAY1
from tests.reports.conftest import Story

_PLACEHOLDER = re.compile(r"{(\w+)}")


def test_every_key_exists_in_all_three_languages_with_the_same_placeholders() -> None:
    assert set(CATALOGUE) == set(LANGUAGES)
    english = CATALOGUE["en"]
    for language in LANGUAGES:
        table = CATALOGUE[language]
        assert set(table) == set(english), language
        for key, text in table.items():
            assert text.strip(), (language, key)
            assert set(_PLACEHOLDER.findall(text)) == set(_PLACEHOLDER.findall(english[key])), (
                language,
                key,
            )


def test_romanian_uses_comma_below_and_bulgarian_is_cyrillic() -> None:
    for key, text in CATALOGUE["ro"].items():
        assert not set(text) & {"ş", "ţ", "Ş", "Ţ"}, key  # cedilla forms are wrong in Romanian
    for key, text in CATALOGUE["bg"].items():
        words = _PLACEHOLDER.sub("", text).replace("SHA-256", "")
        assert not re.search(r"[A-Za-z]", words), key  # no Latin left untranslated


def test_a_reason_code_newer_than_the_catalogue_is_shown_as_its_code() -> None:
    from kiosk.reports.summary import _reason

    assert _reason(texts("bg"), "already_checked_in") == "Вече пристигна"
    assert _reason(texts("bg"), "some_future_reason") == "some_future_reason"


def test_an_unknown_language_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="en, bg, ro"):
        texts("de")


def test_long_dates_need_no_machine_locale() -> None:
    day = date(2026, 9, 28)
    assert long_date(texts("en"), day) == "Monday, 28 September 2026"
    assert long_date(texts("bg"), day) == "понеделник, 28 септември 2026 г."
    assert long_date(texts("ro"), day) == "luni, 28 septembrie 2026"


def _csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def test_bulgarian_csv_has_bulgarian_columns_and_words_and_the_english_content_digest(
    db: Database, story: Story, tmp_path: Path
) -> None:
    report = build_report(db, Scope(day=DAY1), "bg")
    # A Cyrillic file name, as a Bulgarian organizer would save it.
    register, _summary = write_csv(report, tmp_path / "ден1.csv")
    rows = _csv(tmp_path / "ден1.csv")
    assert rows[0][:4] == ["№", "Дата", "Фамилия", "Име"]
    assert len(rows[0]) == len(COLUMNS)
    assert {r[7] for r in rows[1:]} == {"на място"}
    # The content digest is the canonical (English, comma) register's, whatever the language.
    english = build_report(db, Scope(day=DAY1))
    assert register.content_sha256 == register_digest(english.register.entries)
    sums = _csv(tmp_path / "ден1-summary.csv")
    assert ["Присъствие по дни"] in sums and ["Отказани сканирания по причина"] in sums
    refused = sums[sums.index(["Отказани сканирания по причина"]) + 2 :]
    assert ["2026-09-28", "Вече пристигна", "1"] in refused
    assert ["Общо", "", "3"] in refused


def test_romanian_workbook_has_romanian_sheet_and_headers(
    db: Database, story: Story, tmp_path: Path
) -> None:
    write_xlsx(build_report(db, language="ro"), tmp_path / "raport.xlsx")
    book = openpyxl.load_workbook(tmp_path / "raport.xlsx")
    assert book.sheetnames[0] == "Rezumat"
    summary = [r[0] for r in book["Rezumat"].iter_rows(values_only=True)]
    assert "Prezența pe zile" in summary and "Pe țări" in summary
    day = list(book[DAY1.isoformat()].iter_rows(values_only=True))
    assert day[1][:4] == ("Nr.", "Data", "Nume", "Prenume")


def test_sign_in_sheet_in_bulgarian_names_every_heading_in_romanian_too(
    db: Database, story: Story, tmp_path: Path
) -> None:
    report = build_report(db, Scope(day=DAY1), "bg")
    write_sign_in_sheet(report, DAY1, tmp_path / "bg.pdf", attended=False)
    text = PdfReader(tmp_path / "bg.pdf").pages[0].extract_text()
    assert "Име / Nume" in text and "Подпис / Semnătura" in text
    assert "понеделник, 28 септември 2026 г. / luni, 28 septembrie 2026" in text
    assert "Списък за подписи — всички регистрирани за деня" in text
    assert "Listă de semnături — toți cei înregistrați pentru această zi" in text
    assert "Страница 1 от 1" in text


def test_single_language_sign_in_sheet_and_english_stays_english(
    db: Database, story: Story, tmp_path: Path
) -> None:
    ro = build_report(db, Scope(day=DAY1), "ro")
    one = write_sign_in_sheet(ro, DAY1, tmp_path / "ro.pdf", attended=True, bilingual=False)
    text = PdfReader(tmp_path / "ro.pdf").pages[0].extract_text()
    assert "Nume" in text and "Име" not in text and "Total prezenți: 2" in text
    en = build_report(db, Scope(day=DAY1))
    same = write_sign_in_sheet(en, DAY1, tmp_path / "en.pdf", attended=True)
    text = PdfReader(tmp_path / "en.pdf").pages[0].extract_text()
    assert "Name" in text and " / " not in text.split("\n")[3]
    assert one.content_sha256 == same.content_sha256  # the same people, whatever the language


@pytest.mark.parametrize(
    ("language", "one", "two", "twenty"),
    [
        ("en", "1 person", "2 people", "20 people"),
        ("bg", "1 участник", "2 участници", "20 участници"),
        ("ro", "1 participant", "2 participanți", "20 de participanți"),
    ],
)
def test_counts_of_people_take_the_plural_form_of_each_language(
    language: str, one: str, two: str, twenty: str
) -> None:
    from kiosk.core.plurals import plural_form
    from kiosk.reports.texts import COUNTED, count_of

    t = texts(language)
    assert [count_of(t, "people", n) for n in (1, 2, 20)] == [one, two, twenty]
    for forms in COUNTED.values():
        for lang, texts_ in forms.items():
            assert {plural_form(n, lang) for n in range(200)} == set(texts_)
