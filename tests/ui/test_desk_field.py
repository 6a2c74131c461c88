"""The desk under field conditions (issue 17): real key events with timestamps, sent to the real
window as the window system sends them, a slow scanner, a busy GUI thread, focus anywhere."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app.checkin import CheckinResult
from kiosk.core import codes
from kiosk.core.reasons import Hint, Reason
from kiosk.storage.attendees import NewAttendee, insert_many
from kiosk.storage.database import Database
from kiosk.ui.mainwindow import MainWindow
from kiosk.ui.scanner import ScanInput, ScannerFilter
from kiosk.ui.texts import Severity
from tests.conftest import People
from tests.ui.keys import Blocker, Keyboard

CONSTANTIN = "C0NSTP0P" + codes.check_character("C0NSTP0P")


@pytest.fixture
def popescus(db: Database, people: People) -> dict[str, str]:
    """Three more Popescus: what a Romanian attendee list really holds."""
    found = {
        "constantin": CONSTANTIN,
        "maria_cci": "MAR1A0CC" + codes.check_character("MAR1A0CC"),
        "maria_uvt": "MAR1A0VT" + codes.check_character("MAR1A0VT"),
    }
    rows = [
        NewAttendee(found["constantin"], "Constantin", "Popescu", "ADR Sud-Muntenia", "Romania"),
        NewAttendee(found["maria_cci"], "Maria", "Popescu", "CCI Constanța", "Romania"),
        NewAttendee(found["maria_uvt"], "Maria", "Popescu", "Universitatea de Vest", "Romania"),
    ]
    with db.write() as conn:
        insert_many(conn, rows, "2026-09-01T00:00:00.000000Z")
    return found


@pytest.fixture
def desk(
    qtbot: QtBot, window: MainWindow, popescus: dict[str, str]
) -> Iterator[tuple[MainWindow, Keyboard]]:
    """The desk window with the application's scanner filter, as ``kiosk desk`` wires it."""
    app = QApplication.instance()
    assert app is not None
    scanner = ScannerFilter(app)
    window.scanner = scanner
    scanner.scanned.connect(window.on_scan)
    window.activateWindow()
    window.desk.search.setFocus()
    qtbot.waitUntil(window.desk.search.hasFocus, timeout=2000)
    yield window, Keyboard(window)
    scanner.uninstall()
    scanner.deleteLater()


def admitted(db: Database) -> list[str]:
    """Codes of the people admitted so far, in order."""
    rows = db.query(
        "SELECT a.code FROM scan s JOIN attendee a ON a.uid = s.attendee_uid "
        "WHERE s.reason = 'admitted' ORDER BY s.kiosk_seq"
    )
    return [str(r[0]) for r in rows]


def test_a_slow_scanner_checks_in_the_scanned_person_not_the_selected_row(
    qtbot: QtBot, desk: tuple[MainWindow, Keyboard], people: People, db: Database
) -> None:
    # Issue 17, point 1: staff typed "popescu" and pressed Down; then a slow (Bluetooth)
    # scanner, about 90 ms a key, read Ana's ticket. Enter must not act on the selected row.
    window, keys = desk
    keys.type("popescu", gap_ms=160)
    qtbot.waitUntil(lambda: window.desk.model.rowCount() >= 3, timeout=5000)
    keys.key(Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: window.desk.table.hasFocus(), timeout=2000)
    assert window.desk.selected() is not None
    with qtbot.waitSignal(window.result_shown, timeout=5000) as blocker:
        keys.type(people.ana, gap_ms=90)
        keys.enter(gap_ms=90)
    result = blocker.args[0]
    assert isinstance(result, CheckinResult)
    assert result.decision.reason is Reason.ADMITTED
    assert result.decision.attendee is not None and result.decision.attendee.code == people.ana
    qtbot.wait(300)
    assert admitted(db) == [people.ana]  # nobody else: not the selected Popescu
    assert window.desk.result.name.text() == "Ana Ștefănescu"


def test_a_burst_split_by_a_busy_gui_thread_is_still_one_scan_of_the_exact_code(
    qtbot: QtBot, desk: tuple[MainWindow, Keyboard], people: People, db: Database
) -> None:
    # Issue 17, point 2: keys 5 ms apart (their timestamps), the GUI thread blocked for 200 ms
    # after the fourth key. Measured on processing time, WC3J52AVJ arrived as 3J52AVJ.
    window, keys = desk
    blocker = Blocker(200)
    code = people.ana
    assert window.scanner is not None
    details: list[ScanInput] = []
    window.scanner.scan_details.connect(details.append)
    edits: list[str] = []
    window.desk.search.textEdited.connect(edits.append)
    with qtbot.waitSignal(window.result_shown, timeout=5000) as shown:
        keys.type(code[:4], gap_ms=5, real_time=False, post=True)
        blocker.post()
        keys.type(code[4:], gap_ms=5, real_time=False, post=True)
        keys.enter(gap_ms=5, real_time=False, post=True)
    assert blocker.blocked == 1
    result = shown.args[0]
    assert isinstance(result, CheckinResult)
    assert result.decision.reason is Reason.ADMITTED
    assert result.decision.attendee is not None and result.decision.attendee.code == code
    qtbot.wait(200)
    assert admitted(db) == [code]
    assert db.query("SELECT count(*) FROM scan")[0][0] == 1  # one scan, no fragment
    # One fast burst on the keys' own clock: no key was handed to the search field as typing.
    (scan,) = details
    assert scan.via == "timing" and scan.keys == len(code)
    assert scan.max_gap_ms == pytest.approx(5.0)
    assert edits == [] and window.desk.search.text() == ""


def test_a_scan_cut_short_says_partial_scan_and_never_code_not_found(
    qtbot: QtBot, desk: tuple[MainWindow, Keyboard], people: People
) -> None:
    window, keys = desk
    with qtbot.waitSignal(window.result_shown, timeout=5000) as shown:
        keys.type(people.ana[2:], gap_ms=5, real_time=False)
        keys.enter(gap_ms=5, real_time=False)
    result = shown.args[0]
    assert isinstance(result, CheckinResult)
    assert result.decision.hint is Hint.PARTIAL_SCAN
    assert window.desk.result.word.text() == "Partial scan — scan again"
    assert window.desk.result.severity is Severity.ATTENTION


@pytest.mark.parametrize("where", ["table", "numbers", "nothing"])
def test_every_scan_gets_feedback_wherever_the_focus_is(
    qtbot: QtBot, desk: tuple[MainWindow, Keyboard], people: People, where: str
) -> None:
    window, keys = desk
    if where == "table":
        keys.type("popescu", gap_ms=150)
        qtbot.waitUntil(lambda: window.desk.model.rowCount() >= 3, timeout=5000)
        keys.key(Qt.Key.Key_Down)
        qtbot.waitUntil(window.desk.table.hasFocus, timeout=2000)
    elif where == "numbers":
        qtbot.mouseClick(window.desk.numbers, Qt.MouseButton.LeftButton)
    else:
        focused = QApplication.focusWidget()
        assert focused is not None
        focused.clearFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is None, timeout=2000)
    with qtbot.waitSignal(window.result_shown, timeout=5000) as shown:
        keys.type(people.ivan, gap_ms=5, real_time=False)
        keys.enter(gap_ms=5, real_time=False)
    result = shown.args[0]
    assert isinstance(result, CheckinResult) and result.decision.reason is Reason.ADMITTED
    assert window.desk.result.name.text() == "Иван Иванов"


def test_a_new_scan_clears_the_search_its_results_and_the_highlighted_row(
    qtbot: QtBot, desk: tuple[MainWindow, Keyboard], people: People
) -> None:
    window, keys = desk
    keys.type("popescu", gap_ms=150)
    qtbot.waitUntil(lambda: window.desk.model.rowCount() >= 3, timeout=5000)
    assert window.desk.check_in.isEnabled()
    with qtbot.waitSignal(window.result_shown, timeout=5000):
        keys.type(people.ana, gap_ms=5, real_time=False)
        keys.enter(gap_ms=5, real_time=False)
    assert window.desk.search.text() == ""
    assert window.desk.model.rowCount() == 0
    assert window.desk.selected() is None
    assert not window.desk.check_in.isEnabled()  # "Check in (Enter)" is not armed
    qtbot.wait(300)  # the search that was under way must not bring its rows back
    assert window.desk.model.rowCount() == 0


def test_the_result_goes_back_to_ready_after_a_while_and_at_a_new_search(
    qtbot: QtBot, desk: tuple[MainWindow, Keyboard], people: People
) -> None:
    window, keys = desk
    panel = window.desk.result
    assert panel.READY_AFTER_S == 8.0  # the default
    panel.set_ready_after(0.3)
    with qtbot.waitSignal(window.result_shown, timeout=5000):
        window.on_scan(people.ana)
    assert panel.severity is Severity.OK
    qtbot.waitUntil(lambda: panel.severity is None, timeout=2000)
    assert panel.word.text() == "Ready" and panel.name.text() == ""
    # The first key of a new search puts the last answer away at once.
    panel.set_ready_after(60)
    with qtbot.waitSignal(window.result_shown, timeout=5000):
        window.on_scan(people.ivan)
    assert panel.name.text() == "Иван Иванов"
    keys.type("p", gap_ms=300)
    qtbot.waitUntil(lambda: panel.severity is None, timeout=2000)
    assert panel.name.text() == ""
