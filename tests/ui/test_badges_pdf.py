"""Badges for a list from the desk: a PDF of sheets drawn beside the desk with a progress bar
that can cancel; cancelling leaves no file, an existing file is replaced only when staff say so,
and the desk keeps checking people in meanwhile."""

from __future__ import annotations

import threading
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.core.reasons import Reason
from kiosk.storage import events
from kiosk.storage.attendees import NewAttendee, insert_many
from kiosk.storage.database import Database
from kiosk.ui.dialogs import badges_pdf
from kiosk.ui.dialogs.badges_pdf import BadgesPdfDialog
from kiosk.ui.mainwindow import MainWindow
from kiosk.ui.print_backend import BadgesPdfRun
from tests.conftest import DAY1, People
from tests.qr import read_qr


def codes_in(pdf: Path) -> set[str]:
    return {
        text
        for page in pypdf.PdfReader(pdf).pages
        for image in page.images
        for text in read_qr(image.image)
    }


def open_dialog(window: MainWindow, qtbot: QtBot) -> BadgesPdfDialog:
    window.open_badges_pdf()
    dialog = window.badges_pdf
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def choose(dialog: BadgesPdfDialog, list_id: int | None, output: Path) -> None:
    dialog.people.setCurrentIndex(dialog.people.findData(list_id))
    dialog.output.setText(str(output))


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_the_menu_writes_the_badges_of_the_people_expected_on_a_list(
    window: MainWindow, qtbot: QtBot, db: Database, people: People, tmp_path: Path
) -> None:
    speakers = events.add_list(db, "Speakers' dinner", day=DAY1, categories=frozenset({"speaker"}))
    window.lists = events.checkin_lists(db)
    assert window.badges_pdf_action.text() == "Badges PDF for a list…"
    window.badges_pdf_action.trigger()
    dialog = window.badges_pdf
    assert dialog is not None
    choose(dialog, speakers.id, tmp_path / "speakers")  # .pdf is added
    with qtbot.waitSignal(dialog.written, timeout=60_000):
        dialog.write.click()
    assert codes_in(tmp_path / "speakers.pdf") == {people.ana}
    assert "Wrote 1 badge on 1 page to" in dialog.note.text()
    qtbot.waitUntil(lambda: not dialog.running)
    assert dialog.write.isEnabled()
    assert "speakers.pdf" in window.statusBar().currentMessage()


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_cancelling_from_the_progress_bar_leaves_no_file(
    window: MainWindow,
    qtbot: QtBot,
    db: Database,
    people: People,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    extra = [NewAttendee(f"EXTRA{i:04d}", f"Guest{i}", "Marinescu") for i in range(30)]
    with db.write() as conn:
        insert_many(conn, extra, "2026-09-01T00:00:00.000000Z")
    # The run waits after its first sheet until the test has pressed Cancel, so the press
    # lands in the middle of the run however busy the machine is.
    pressed = threading.Event()

    class HeldRun(BadgesPdfRun):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            self.progressed.connect(
                lambda done, _total: done and pressed.wait(30),
                Qt.ConnectionType.DirectConnection,
            )

    monkeypatch.setattr(badges_pdf, "BadgesPdfRun", HeldRun)
    folder = tmp_path / "out"
    folder.mkdir()
    dialog = open_dialog(window, qtbot)
    choose(dialog, None, folder / "everyone.pdf")
    dialog.write.click()
    progress = dialog.progress
    assert progress is not None
    # The run has started: it knows how many badges it draws (the active people: 2 + Maria + 30).
    qtbot.waitUntil(lambda: progress.maximum() == 33, timeout=60_000)
    assert not dialog.write.isEnabled()  # one run at a time
    with qtbot.waitSignal(dialog.run.cancelled, timeout=30_000):
        cancel = progress.findChild(QPushButton)
        assert cancel is not None and cancel.text() == "Cancel"
        cancel.click()
        pressed.set()
    qtbot.waitUntil(lambda: not dialog.running)
    assert list(folder.iterdir()) == []  # neither the PDF nor a temporary part of it
    assert dialog.note.text() == "Cancelled: no file was written."
    assert dialog.progress is None


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_an_existing_file_is_replaced_only_when_staff_say_so(
    window: MainWindow,
    qtbot: QtBot,
    people: People,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "badges.pdf"
    target.write_bytes(b"%PDF-1.4 yesterday")
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog = open_dialog(window, qtbot)
    choose(dialog, None, target)
    dialog.write.click()
    assert not dialog.running and target.read_bytes() == b"%PDF-1.4 yesterday"
    with qtbot.waitSignal(dialog.written, timeout=60_000):
        dialog.write.click()
    assert len(asked) == 2 and "badges.pdf already exists" in asked[0]
    assert codes_in(target) == {people.ana, people.ivan, people.day2_only}


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_a_folder_that_does_not_exist_is_named_and_nothing_runs(
    window: MainWindow, qtbot: QtBot, people: People, tmp_path: Path
) -> None:
    dialog = open_dialog(window, qtbot)
    choose(dialog, None, tmp_path / "nowhere" / "badges.pdf")
    dialog.write.click()
    assert not dialog.running
    assert "nowhere" in dialog.note.text() and "does not exist" in dialog.note.text()


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_the_desk_checks_people_in_while_badges_are_drawn(
    window: MainWindow, qtbot: QtBot, db: Database, people: People, tmp_path: Path
) -> None:
    extra = [NewAttendee(f"EXTRA{i:04d}", f"Guest{i}", "Marinescu") for i in range(20)]
    with db.write() as conn:
        insert_many(conn, extra, "2026-09-01T00:00:00.000000Z")
    dialog = open_dialog(window, qtbot)
    choose(dialog, None, tmp_path / "everyone.pdf")
    with qtbot.waitSignal(dialog.written, timeout=60_000):
        dialog.write.click()
        with qtbot.waitSignal(window.result_shown, timeout=10_000):
            window.on_scan(people.ivan)
        assert window.last_result is not None
        assert window.last_result.decision.reason is Reason.ADMITTED
    assert len(codes_in(tmp_path / "everyone.pdf")) == 23


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_closing_the_window_during_a_run_stops_it_without_a_file(
    window: MainWindow, qtbot: QtBot, db: Database, people: People, tmp_path: Path
) -> None:
    extra = [NewAttendee(f"EXTRA{i:04d}", f"Guest{i}", "Marinescu") for i in range(40)]
    with db.write() as conn:
        insert_many(conn, extra, "2026-09-01T00:00:00.000000Z")
    folder = tmp_path / "out"
    folder.mkdir()
    dialog = open_dialog(window, qtbot)
    choose(dialog, None, folder / "everyone.pdf")
    dialog.write.click()
    window.close()
    assert not dialog.running
    assert list(folder.iterdir()) == []


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_a_run_that_ends_while_its_progress_is_still_being_shown_ends_cleanly(
    window: MainWindow,
    qtbot: QtBot,
    people: People,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The window is busy while the badges are drawn, so the run's last progress and its end
    arrive together; showing that progress lets the end through (a window-modal progress
    dialog processes events once it is on screen), and the dialog must still be whole."""
    sheet_drawn = threading.Event()
    go_on = threading.Event()

    class HeldRun(BadgesPdfRun):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            self.progressed.connect(
                lambda done, _total: done and (sheet_drawn.set(), go_on.wait(30)),
                Qt.ConnectionType.DirectConnection,
            )

    monkeypatch.setattr(badges_pdf, "BadgesPdfRun", HeldRun)
    dialog = open_dialog(window, qtbot)
    choose(dialog, None, tmp_path / "everyone.pdf")
    dialog.write.click()
    run, progress = dialog.run, dialog.progress
    assert run is not None and progress is not None
    qtbot.waitUntil(sheet_drawn.is_set, timeout=60_000)
    qtbot.waitUntil(progress.isVisible, timeout=10_000)  # after its minimum duration
    go_on.set()
    run.wait()  # the window's thread is busy until the run has ended
    qtbot.waitUntil(lambda: not dialog.running, timeout=10_000)
    assert dialog.progress is None and dialog.write.isEnabled()
    assert dialog.note.text().startswith("Wrote 3 badges on 1 page to")
    assert codes_in(tmp_path / "everyone.pdf") == {people.ana, people.ivan, people.day2_only}
