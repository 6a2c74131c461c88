"""Find me by name on a low landscape kiosk (1366 x 768): every name found is on screen to be
touched. With the on-screen keyboard under it the list showed one name and a half, the others
behind a thin scroll bar; once people are found and do not all fit, the keyboard folds away
and "Show the keyboard" brings it back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.core import codes
from kiosk.storage import attendees
from kiosk.storage.attendees import NewAttendee
from kiosk.storage.database import Database
from kiosk.ui.selfservice.window import SelfServiceWindow
from tests.conftest import People

FIRST_NAMES = ("Alexandru", "Constantin", "Elena", "Mihaela", "Radu")


@pytest.fixture
def five_popescus(db: Database, people: People) -> None:
    taken = {people.ana, people.ivan, people.cancelled, people.day2_only}
    rows = []
    for first in FIRST_NAMES:
        code = codes.generate(taken)
        taken.add(code)
        rows.append(NewAttendee(code, first, "Popescu", "CCI Constanța", "Romania"))
    with db.write() as conn:
        attendees.insert_many(conn, rows, "2026-09-01T00:00:00.000000Z")


def folded(kiosk: SelfServiceWindow) -> bool:
    """The keyboard is folded away: "Show the keyboard" stands in for it."""
    screen = kiosk.find_screen
    return not screen.keyboard_button.isHidden() and screen.keyboard.isHidden()


def names_on_screen(kiosk: SelfServiceWindow) -> list[str]:
    """The rows of the list that are whole inside its viewport."""
    results = kiosk.find_screen.results
    viewport = results.viewport().rect()
    return [
        results.item(row).text()
        for row in range(results.count())
        if viewport.contains(results.visualItemRect(results.item(row)))
    ]


def find(qtbot: QtBot, kiosk: SelfServiceWindow, size: tuple[int, int]) -> None:
    kiosk.resize(*size)
    kiosk.welcome.languages["en"].click()
    kiosk.welcome.find_button.click()
    kiosk.find_screen.field.setText("Popescu")
    qtbot.waitUntil(lambda: kiosk.find_screen.results.count() == 5, timeout=5000)
    qtbot.wait(50)


@pytest.mark.usefixtures("five_popescus")
def test_on_a_low_landscape_screen_every_name_found_is_whole_on_screen(
    qtbot: QtBot, kiosk: SelfServiceWindow
) -> None:
    find(qtbot, kiosk, (1366, 768))
    screen = kiosk.find_screen
    assert folded(kiosk) and not screen.keyboard.isVisible()
    assert screen.keyboard_button.isVisible()
    assert sorted(names_on_screen(kiosk)) == sorted(f"{f} Popescu" for f in FIRST_NAMES)
    assert kiosk.screens_area.verticalScrollBar().maximum() == 0


@pytest.mark.usefixtures("five_popescus")
def test_show_the_keyboard_or_a_tap_on_the_field_brings_the_keyboard_back(
    qtbot: QtBot, kiosk: SelfServiceWindow
) -> None:
    find(qtbot, kiosk, (1366, 768))
    screen = kiosk.find_screen
    qtbot.mouseClick(screen.keyboard_button, Qt.MouseButton.LeftButton)
    assert screen.keyboard.isVisible() and not folded(kiosk)
    assert screen.field.hasFocus()
    # Folded again by the same answer? Only a new answer folds; typing unfolds at once.
    screen.field.setText("Popescu ")
    qtbot.waitUntil(lambda: folded(kiosk), timeout=5000)
    QTest.mouseClick(screen.field, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    assert screen.keyboard.isVisible() and not folded(kiosk)


@pytest.mark.usefixtures("five_popescus")
def test_a_tall_screen_keeps_its_keyboard_under_the_names(
    qtbot: QtBot, kiosk: SelfServiceWindow
) -> None:
    find(qtbot, kiosk, (1080, 1920))
    screen = kiosk.find_screen
    assert not folded(kiosk) and screen.keyboard.isVisible()
    assert len(names_on_screen(kiosk)) == 5


@pytest.mark.usefixtures("five_popescus")
def test_the_next_person_starts_with_the_keyboard(qtbot: QtBot, kiosk: SelfServiceWindow) -> None:
    find(qtbot, kiosk, (1366, 768))
    assert folded(kiosk)
    kiosk.find_screen.forget()
    assert not folded(kiosk) and not kiosk.find_screen.keyboard_button.isVisible()
