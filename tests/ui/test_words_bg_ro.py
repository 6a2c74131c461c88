"""The Bulgarian and Romanian wording rules of the window (issue 17, point 9), checked over the
whole Qt Linguist catalogues, so a new string cannot break them unnoticed.

- Bulgarian has one word for arriving at the desk ("пристигане", "Пристигнали") and another for
  signing up ("регистрация", "регистрирани"): "checked in" never reads "регистриран".
- Sentences about a person are gender-neutral where they can be: no masculine-only
  "Вече е регистриран", no "(а)"/"(ă)" or "дошъл/дошла" patches.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.core.test_wording import every_text

FOLDER = Path(__file__).resolve().parents[2] / "kiosk" / "ui" / "translations"
CHECK_IN = re.compile(r"\bcheck(ed|s)?[- ]?in\b|\bcheck me in\b", re.IGNORECASE)
PATCHES = re.compile(r"\((а|ă|a)\)|\w+/\w+а\b")
#: The registration desk keeps its name ("гишето за регистрация"): it is a place, not the act.
DESK = re.compile(r"гише\w* за регистрация|регистрационн\w* гише\w*|регистрация на място")


def messages(language: str) -> list[tuple[str, str, str]]:
    root = ET.parse(FOLDER / f"kiosk_{language}.ts").getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            text = " ".join(t for t in translation.itertext()) if translation is not None else ""
            found.append((name, message.findtext("source") or "", text))
    # The reason catalogue (kiosk.core.wording) keeps the same rules.
    found += [("wording", w.en, w.in_(language)) for w in every_text()]
    return found


def test_bulgarian_never_says_registered_for_checked_in() -> None:
    wrong = [
        (context, source, text)
        for context, source, text in messages("bg")
        if CHECK_IN.search(source) and "регистр" in DESK.sub("", text.lower())
    ]
    assert wrong == []


def test_bulgarian_checked_in_and_registered_are_different_words() -> None:
    by_source = {(c, s): t for c, s, t in messages("bg")}
    assert by_source[("NumbersPanel", "CHECKED IN")] == "ПРИСТИГНАЛИ"
    assert by_source[("wording", "Already checked in")] == "Вече пристигна"  # aorist: no gender
    assert (
        "регистрирани" in by_source[("ReportsScreen", "Everyone registered (to sign at the desk)…")]
    )


@pytest.mark.parametrize("language", ["bg", "ro"])
def test_no_gender_patches(language: str) -> None:
    patched = [(c, s, t) for c, s, t in messages(language) if PATCHES.search(t)]
    assert patched == []
