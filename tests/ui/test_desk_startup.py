"""The desk window is shown before its database threads, printing and sync exist, and starts them
right after its first paint (issue "Fast on a venue laptop"); nothing scanned meanwhile is lost.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app.checkin import CheckinResult
from kiosk.core.reasons import Reason
from kiosk.storage.database import Database
from kiosk.ui.i18n import Translations
from kiosk.ui.mainwindow import MainWindow
from kiosk.ui.scanner import ScannerFilter
from kiosk.ui.sounds import Sounds
from tests.conftest import Clock, People
from tests.ui.keys import Keyboard


@pytest.fixture(params=["scanner after the paint", "scanner from the start"])
def early(
    request: pytest.FixtureRequest,
    app: QApplication,
    qtbot: QtBot,
    db: Database,
    db_path: Path,
    people: People,
    clock: Clock,
    translations: Translations,
    tmp_path: Path,
) -> Iterator[MainWindow]:
    """A desk window as the application opens it (``deferred``), shown but not painted yet:
    the event loop has not run since ``show()``. The scanner filter is installed when the window
    has started, as the application does (before that, a scan is typed into the search field),
    or from the start."""
    sounds = Sounds(tmp_path / "sounds")
    sounds.muted = True
    window = MainWindow(db_path, translations, sounds, clock=clock, deferred=True)
    qtbot.addWidget(window)
    scanner = ScannerFilter(app, install=request.param == "scanner from the start")
    window.scanner = scanner
    scanner.scanned.connect(window.on_scan)
    window.started.connect(scanner.install)
    window.show()
    window.desk.search.setFocus()
    yield window
    scanner.uninstall()
    scanner.deleteLater()
    window.close()


def admitted(db: Database) -> list[str]:
    rows = db.query(
        "SELECT a.code FROM scan s JOIN attendee a ON a.uid = s.attendee_uid "
        "WHERE s.reason = 'admitted' ORDER BY s.kiosk_seq"
    )
    return [str(r[0]) for r in rows]


def test_the_window_is_shown_first_and_starts_once_painted(
    qtbot: QtBot, early: MainWindow
) -> None:
    window = early
    assert not window.is_started
    assert not hasattr(window, "backend")  # no thread, printer or sync before the first paint
    assert window.desk.result.word.text() == "Ready"  # what is seen is already the desk
    assert window.list_combo.currentText()
    with qtbot.waitSignal(window.started, timeout=5000):
        pass
    assert window.is_started
    with qtbot.waitSignal(window.backend.counted, timeout=5000):
        pass  # the numbers are counted as soon as it has started


def test_it_is_the_first_paint_that_starts_it(qtbot: QtBot, early: MainWindow) -> None:
    window = early
    window.repaint()  # the first paint, now
    assert not window.is_started  # not inside the paint: once the frame is done
    with qtbot.waitSignal(window.started, timeout=1000):  # well before the 2 s fallback
        pass


def test_scans_that_arrive_before_the_start_are_decided_after_it_in_order(
    qtbot: QtBot, early: MainWindow, people: People, db: Database
) -> None:
    window = early
    keys = Keyboard(window)
    shown: list[object] = []
    window.result_shown.connect(shown.append)
    # The USB scanner reads two tickets (keys 5 ms apart, Enter after each) before the window
    # has been painted: nothing has started yet.
    keys.type(people.ana, gap_ms=5, real_time=False)
    keys.enter(gap_ms=5, real_time=False)
    keys.type(people.ivan, gap_ms=5, real_time=False)
    keys.enter(gap_ms=5, real_time=False)
    assert not window.is_started and shown == []
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=10_000)
    assert all(isinstance(r, CheckinResult) for r in shown)
    assert [r.decision.reason for r in shown if isinstance(r, CheckinResult)] == [
        Reason.ADMITTED,
        Reason.ADMITTED,
    ]
    assert admitted(db) == [people.ana, people.ivan]
    assert window.desk.result.name.text() == "Иван Иванов"  # the last answer is the one shown


def test_a_window_closed_before_it_started_never_starts(
    qtbot: QtBot, early: MainWindow, people: People, db: Database
) -> None:
    window = early
    window.on_scan(people.ana)
    window.close()
    qtbot.wait(300)
    window.start()  # the fallback timer, or any late call: nothing happens
    assert not window.is_started
    assert admitted(db) == []
