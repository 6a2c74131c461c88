"""The first-run screen shows dates in the chosen language and says which time zone the event
will use — this computer's by default, never UTC without saying so."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.ui.i18n import Translations
from kiosk.ui.screens import first_run
from kiosk.ui.screens.first_run import FirstRunScreen


@pytest.fixture
def make_screen(
    app: QApplication, qtbot: QtBot, translations: Translations, monkeypatch: pytest.MonkeyPatch
) -> Iterator[object]:
    def make(detected: str | None, language: str = "en") -> FirstRunScreen:
        monkeypatch.setattr(first_run, "detect_timezone", lambda: detected)
        translations.switch(language)
        screen = FirstRunScreen("/nowhere/event.db")
        qtbot.addWidget(screen)
        screen.first_day.setDate(QDate(2026, 9, 28))
        return screen

    yield make
    translations.switch("en")


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("en", "Monday, September 28, 2026"),
        ("bg", "понеделник, 28 септември 2026\u202fг."),  # CLDR's long date, as Qt has it
        ("ro", "luni, 28 septembrie 2026"),
    ],
)
def test_the_first_day_reads_in_the_chosen_language(
    make_screen: object, language: str, shown: str
) -> None:
    screen = make_screen("Europe/Sofia", language)  # type: ignore[operator]
    assert screen.first_day.text() == shown


def test_this_computers_time_zone_is_the_default_and_said(make_screen: object) -> None:
    screen = make_screen("Europe/Bucharest")  # type: ignore[operator]
    assert screen.timezone.text() == "Europe/Bucharest"
    note = screen.timezone_note.text()
    assert "in Europe/Bucharest" in note and "this computer's time zone" in note


def test_a_computer_on_utc_is_told_to_check_the_venue(make_screen: object) -> None:
    screen = make_screen("Etc/UTC", "bg")  # type: ignore[operator]
    assert screen.timezone.text() == "Etc/UTC"
    assert "UTC" in screen.timezone_note.text() and "Europe/Sofia" in screen.timezone_note.text()


def test_an_unknown_time_zone_is_asked_for_not_taken_as_utc(
    make_screen: object, qtbot: QtBot
) -> None:
    screen = make_screen(None)  # type: ignore[operator]
    assert screen.timezone.text() == ""
    assert "cannot tell this computer's time zone" in screen.timezone_note.text()
    screen.name.setText("BG-RO Cluster Conference")
    with qtbot.assertNotEmitted(screen.create_requested):
        screen.create_button.click()
    assert "time zone" in screen.problem.text()
    screen.timezone.setText("Europe/Sofia")
    with qtbot.waitSignal(screen.create_requested) as created:
        screen.create_button.click()
    assert created.args[3] == "Europe/Sofia"
