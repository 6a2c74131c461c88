"""Plural forms for counts written outside Qt (kiosk.core.plurals): CLDR cardinal rules of
English, Bulgarian and Romanian for whole numbers."""

from __future__ import annotations

import pytest

from kiosk.core.plurals import counted, plural_form

FORMS = {"en": {"one", "other"}, "bg": {"one", "other"}, "ro": {"one", "few", "other"}}


@pytest.mark.parametrize(
    ("count", "english", "bulgarian", "romanian"),
    [
        (0, "other", "other", "few"),
        (1, "one", "one", "one"),
        (2, "other", "other", "few"),
        (19, "other", "other", "few"),
        (20, "other", "other", "other"),
        (21, "other", "other", "other"),
        (100, "other", "other", "other"),
        (101, "other", "other", "few"),
        (119, "other", "other", "few"),
        (120, "other", "other", "other"),
        (1_000, "other", "other", "other"),
    ],
)
def test_the_form_of_a_noun_after_a_count(
    count: int, english: str, bulgarian: str, romanian: str
) -> None:
    assert (plural_form(count, "en"), plural_form(count, "bg"), plural_form(count, "ro")) == (
        english, bulgarian, romanian,
    )  # fmt: skip


def test_romanian_counts_read_as_romanian_writes_them() -> None:
    forms = {"one": "{count} participant", "few": "{count} participanți",
             "other": "{count} de participanți"}  # fmt: skip
    assert [counted(n, forms, "ro") for n in (1, 2, 20, 101)] == [
        "1 participant", "2 participanți", "20 de participanți", "101 participanți",
    ]  # fmt: skip


def test_every_form_returned_is_one_the_language_has() -> None:
    for language, forms in FORMS.items():
        assert {plural_form(n, language) for n in range(250)} == forms
