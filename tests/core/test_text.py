"""Text: NFC storage, Romanian comma-below letters, Bulgarian transliteration, search keys."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from kiosk.core.text import clean, fold, index_tokens, query_alternatives, transliterate


def matches(query: str, stored: str) -> bool:
    tokens = index_tokens([stored])
    return all(
        any(t.startswith(s) for t in tokens for s in spellings)
        for spellings in query_alternatives(query)
    )


def test_cedilla_letters_are_stored_as_comma_below() -> None:
    assert clean("Ştefan Ţăranu, Iaşi") == "Ștefan Țăranu, Iași"


def test_line_breaks_and_tabs_separate_words() -> None:
    assert clean("Ivan\nPetrov\tООД\r\n") == "Ivan Petrov ООД"


def test_decomposed_input_is_stored_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "Ștefănescu Йордан")
    assert clean(decomposed) == "Ștefănescu Йордан"


def test_control_characters_and_extra_spaces_are_removed() -> None:
    assert clean("  Ana\u200b \t Popescu\x00 ") == "Ana Popescu"


def test_streamlined_transliteration_of_the_hard_letters() -> None:
    assert transliterate("Щерьо Цветков Жеков Христов Йорданова Юлия Ясен Ъгълов") == (
        "Shteryo Tsvetkov Zhekov Hristov Yordanova Yulia Yasen Agalov"
    )


def test_final_iya_is_written_ia() -> None:
    assert transliterate("София") == "Sofia"
    assert transliterate("България") == "Balgaria"  # the official form; "Bulgaria" is an exonym
    assert transliterate("Мария") == "Maria"


def test_capitals_stay_capitals() -> None:
    assert transliterate("ЩЕРЕВ") == "SHTEREV"


def test_latin_names_pass_through_transliteration_unchanged() -> None:
    assert transliterate("Ștefănescu") == "Ștefănescu"


def test_latin_query_finds_cyrillic_name() -> None:
    assert matches("ivanov", "Иван Иванов")


def test_cyrillic_query_finds_latin_name() -> None:
    assert matches("Иванов", "Ivan Ivanov")


def test_plain_query_finds_romanian_diacritics() -> None:
    assert matches("stefanescu", "Ștefănescu")
    assert matches("taranu", "Țăranu")


def test_cedilla_query_finds_comma_below_name() -> None:
    assert matches("ş", "Ștefan") and matches("ţăr", "Țăranu")


def test_common_alternative_spellings_find_bulgarian_names() -> None:
    assert matches("shchere", "Щерев")
    assert matches("julia", "Юлия") and matches("iulia", "Юлия")
    assert matches("jana", "Яна")
    assert matches("cvetkov", "Цветков") and matches("tzvetkov", "Цветков")
    assert matches("khristov", "Христов")
    assert matches("chavdar", "Чавдар")


def test_every_word_of_the_query_must_match_as_a_prefix() -> None:
    assert matches("ana pop", "Ana-Maria Popescu")
    assert not matches("ana ion", "Ana-Maria Popescu")


@given(st.text())
def test_cleaning_is_idempotent_and_yields_nfc(text: str) -> None:
    once = clean(text)
    assert clean(once) == once and unicodedata.is_normalized("NFC", once)
    assert not any(c in once for c in "şţŞŢ")


@given(st.text())
def test_search_keys_are_lower_case_ascii(text: str) -> None:
    for token in index_tokens([text]):
        assert token.isascii() and token == token.lower() and token.isalnum()


@given(st.text(alphabet="абвгдежзийклмнопрстуфхцчшщъьюя ", min_size=1))
def test_a_cyrillic_name_is_always_found_by_its_streamlined_spelling(name: str) -> None:
    if fold(name).strip():
        assert matches(transliterate(name), name)
