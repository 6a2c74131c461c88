"""A desk window on a real event database file, offscreen, with a clock the test controls."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.storage.database import Database
from kiosk.ui.app import qt_application
from kiosk.ui.i18n import Translations
from kiosk.ui.mainwindow import MainWindow
from kiosk.ui.selfservice.window import SelfServiceWindow
from kiosk.ui.sounds import Sounds
from tests.conftest import Clock, People


@pytest.fixture
def app(qapp: QApplication) -> QApplication:
    return qt_application()


@pytest.fixture
def translations(app: QApplication) -> Iterator[Translations]:
    found = Translations(app)
    found.switch("en")
    yield found
    found.switch("en")


@pytest.fixture
def window(
    app: QApplication,
    qtbot: QtBot,
    db: Database,
    db_path: Path,
    people: People,
    clock: Clock,
    translations: Translations,
    tmp_path: Path,
) -> Iterator[MainWindow]:
    sounds = Sounds(tmp_path / "sounds")
    sounds.muted = True  # the machine's audio device is not part of the test
    win = MainWindow(db_path, translations, sounds, clock=clock)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


@pytest.fixture
def kiosk(
    app: QApplication,
    qtbot: QtBot,
    db: Database,
    db_path: Path,
    people: People,
    clock: Clock,
    translations: Translations,
    tmp_path: Path,
) -> Iterator[SelfServiceWindow]:
    sounds = Sounds(tmp_path / "sounds")
    sounds.muted = True
    win = SelfServiceWindow(db_path, translations, sounds, clock, camera=False)
    qtbot.addWidget(win)
    win.resize(1080, 1920)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.leave()
