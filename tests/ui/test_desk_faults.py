"""The desk window on a full disk or a read-only database: "Not saved" and what to do, never
"Welcome"."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kiosk.app.checkin import CheckinResult
from kiosk.storage.database import Database
from kiosk.ui.backend import Failure
from kiosk.ui.mainwindow import MainWindow
from kiosk.ui.texts import Severity
from tests.app.test_faults import file_size_limit
from tests.conftest import People
from tests.ui.test_desk_window import scan


def writer_db(window: MainWindow) -> Database:
    desk = window.backend._writer.desk
    assert desk is not None
    return desk.db


def test_a_full_disk_shows_not_saved_and_nothing_is_admitted(
    qtbot: QtBot, window: MainWindow, people: People, db: Database
) -> None:
    assert isinstance(scan(qtbot, window, people.ivan), CheckinResult)
    writer_db(window).checkpoint()
    with file_size_limit(4096):
        result = scan(qtbot, window, people.ana)
    assert isinstance(result, Failure) and result.kind == "storage"
    panel = window.desk.result
    assert panel.severity is Severity.REFUSED
    assert "disk" in panel.detail.text()
    (admitted,) = db.conn.execute(
        "SELECT count(*) FROM scan WHERE reason = 'admitted'"
    ).fetchone()
    assert admitted == 1


def test_a_read_only_database_shows_not_saved(
    qtbot: QtBot, window: MainWindow, people: People
) -> None:
    assert isinstance(scan(qtbot, window, people.ivan), CheckinResult)
    writer_db(window).conn.execute("PRAGMA query_only = ON")
    result = scan(qtbot, window, people.ana)
    assert isinstance(result, Failure) and result.kind == "storage"
    assert window.desk.result.severity is Severity.REFUSED
    assert "read-only" in window.desk.result.detail.text()
