"""Exit mode says goodbye: the person's B2B meetings, shown beside an admission, are not shown
beside an exit (at the end of the day they were all over, yet read "first 12:30")."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kiosk.ui.mainwindow import MainWindow
from kiosk.ui.texts import Severity
from tests.conftest import People
from tests.ui.test_meetings_ui import scheduled  # noqa: F401  (the fixture)


def test_an_exit_shows_no_meetings_where_the_entry_did(
    qtbot: QtBot,
    window: MainWindow,
    scheduled: People,  # noqa: F811
) -> None:
    with qtbot.waitSignal(window.backend.meetings_found, timeout=5000):
        window.on_scan(scheduled.ivan)
    qtbot.waitUntil(lambda: window.desk.result.meetings.isVisible(), timeout=5000)
    window.set_exit_mode(True)
    with qtbot.waitSignal(window.backend.meetings_found, timeout=5000):
        window.on_scan(scheduled.ivan)
    qtbot.wait(200)
    assert window.desk.result.severity is Severity.EXIT
    assert not window.desk.result.meetings.isVisible()
    assert window.desk.result.meetings.text() == ""
