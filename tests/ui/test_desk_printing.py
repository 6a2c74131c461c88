"""Badges from the desk: printed after an admission as the kiosk's policy says, faults shown to
staff without touching the check-in, reprints asked first, the settings preview drawn."""

from __future__ import annotations

import socket
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.app.checkin import CheckinResult
from kiosk.app.printing import PrintPolicy
from kiosk.core.reasons import Reason
from kiosk.storage.database import Database
from kiosk.storage.printjobs import JobState, PrintJob
from kiosk.ui.mainwindow import MainWindow
from kiosk.ui.print_backend import PrintSettings
from tests.conftest import Clock, People
from tests.ui.test_desk_window import scan


def use_printer(qtbot: QtBot, window: MainWindow, uri: str, policy: PrintPolicy) -> None:
    with qtbot.waitSignal(window.printing.settings_loaded, timeout=5000):
        window.printing.save_settings(PrintSettings(policy, uri, "roll-80mm"))


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_an_admission_prints_a_badge_and_the_desk_says_so(
    qtbot: QtBot, window: MainWindow, people: People, tmp_path: Path
) -> None:
    folder = tmp_path / "badges"
    use_printer(qtbot, window, f"png://{folder}", PrintPolicy.FIRST_ADMISSION)
    with qtbot.waitSignal(
        window.printing.job_changed,
        timeout=10_000,
        check_params_cb=lambda job: job.state is JobState.DONE,
    ):
        scan(qtbot, window, people.ana)
    assert len(list(folder.glob("*.png"))) == 1
    assert window.printer_state == "ok"


def test_an_unreachable_printer_leaves_the_check_in_admitted_and_shows_a_problem(
    qtbot: QtBot, window: MainWindow, people: People, db: Database
) -> None:
    uri = f"escpos+tcp://127.0.0.1:{closed_port()}?profile=TM-T20II&timeout=1"
    use_printer(qtbot, window, uri, PrintPolicy.EVERY_ADMISSION)
    with qtbot.waitSignal(
        window.printing.job_changed,
        timeout=15_000,
        check_params_cb=lambda job: job.state is JobState.FAILED,
    ) as blocker:
        result = scan(qtbot, window, people.ivan)
    assert isinstance(result, CheckinResult) and result.decision.reason is Reason.ADMITTED
    job = blocker.args[0]
    assert isinstance(job, PrintJob) and job.fault == "unreachable"
    assert "not reachable" in job.message
    assert window.printer_state == "problem"
    assert db.query("SELECT count(*) FROM effective_scan")[0][0] == 1


def test_a_reprint_asks_first_and_prints_only_when_confirmed(
    qtbot: QtBot, window: MainWindow, people: People, tmp_path: Path, clock: Clock
) -> None:
    folder = tmp_path / "badges"
    use_printer(qtbot, window, f"png://{folder}", PrintPolicy.FIRST_ADMISSION)
    with qtbot.waitSignal(
        window.printing.job_changed,
        timeout=10_000,
        check_params_cb=lambda j: j.state.value == "done",
    ):
        result = scan(qtbot, window, people.ana)
    assert isinstance(result, CheckinResult) and result.decision.attendee is not None
    uid = result.decision.attendee.uid
    questions: list[str] = []
    answers = [False, True]
    window.confirm = lambda title, text: questions.append(text) or answers.pop(0)  # type: ignore[method-assign]
    with qtbot.waitSignal(window.printing.confirm_needed, timeout=5000):
        window.print_badge(uid)
    assert len(list(folder.glob("*.png"))) == 1  # declined
    assert "09:14" in questions[0] and window.kiosk.name in questions[0]
    with qtbot.waitSignal(
        window.printing.job_changed,
        timeout=10_000,
        check_params_cb=lambda j: j.state.value == "done",
    ):
        window.print_badge(uid)
    assert len(list(folder.glob("*.png"))) == 2


def test_the_badge_settings_show_a_preview_of_a_real_attendee(
    qtbot: QtBot, window: MainWindow, people: People
) -> None:
    window.open_badge_settings()
    dialog = window.badge_settings
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.preview_image is not None, timeout=10_000)
    assert dialog.preview.pixmap() is not None and not dialog.preview.pixmap().isNull()
    dialog.close()


def test_the_test_page_button_prints_and_reports_back(
    qtbot: QtBot, window: MainWindow, people: People, tmp_path: Path
) -> None:
    window.open_badge_settings()
    dialog = window.badge_settings
    assert dialog is not None
    dialog.printer.setCurrentText(f"png://{tmp_path / 'test'}?media=A6")
    with qtbot.waitSignal(window.printing.test_printed, timeout=10_000) as blocker:
        dialog.test_button.click()
    assert blocker.args[1] == ""
    assert len(list((tmp_path / "test").glob("*.png"))) == 1
    dialog.close()
