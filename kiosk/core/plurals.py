"""Plural forms of a count in English, Bulgarian and Romanian (Unicode CLDR cardinal rules, for
whole numbers), for words written outside Qt: report files, meeting slips, the command line.
The windows use Qt's own: ``tr("%n people found", "", n)`` with the forms in the .ts files.

- English and Bulgarian: **one** for 1 ("1 person", "1 участник"), **other** for every other
  count ("0 people", "2 участници").
- Romanian: **one** for 1 ("1 participant"); **few** for 0 and for counts ending in 01-19 except
  1 itself ("2 participanți", "19 participanți", "101 participanți"); **other** for the rest,
  written with "de" ("20 de participanți", "100 de participanți").
"""

from __future__ import annotations

from typing import Literal

#: The forms a noun takes: English and Bulgarian have "one" and "other", Romanian all three.
Form = Literal["one", "few", "other"]


def plural_form(count: int, language: str) -> Form:
    """The form a noun takes after ``count`` in ``language`` (English rules for any other)."""
    count = abs(count)
    if count == 1:
        return "one"
    if language == "ro" and (count == 0 or 1 <= count % 100 <= 19):
        return "few"
    return "other"


def counted(count: int, forms: dict[str, str], language: str) -> str:
    """``count`` with its noun: ``forms`` maps each form of ``language`` (:data:`Form`) to a
    text with ``{count}`` ("{count} de participanți")."""
    return forms[plural_form(count, language)].format(count=count)
