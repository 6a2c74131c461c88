"""The desk acting on the rules: "Admit anyway" with a reason, the note and attention flag at
check-in, lists made from the menu, corrections to a person (issues 17.10, 17.11, 19.6, 19.7)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app.checkin import CheckinResult
from kiosk.app.people import edit_person
from kiosk.core.model import Method
from kiosk.core.reasons import Hint, Reason
from kiosk.storage import attendees, events
from kiosk.storage.database import Database
from kiosk.ui.mainwindow import MainWindow
from tests.conftest import People


def scan(qtbot: QtBot, window: MainWindow, code: str) -> CheckinResult:
    with qtbot.waitSignal(window.result_shown, timeout=5000) as blocker:
        window.on_scan(code)
    result = blocker.args[0]
    assert isinstance(result, CheckinResult)
    return result


def test_admit_anyway_asks_a_reason_and_logs_a_forced_check_in(
    qtbot: QtBot, window: MainWindow, people: People, db: Database, tmp_path: Path
) -> None:
    refused = scan(qtbot, window, people.day2_only)
    assert refused.decision.reason is Reason.NOT_ON_LIST
    panel = window.desk.result
    assert panel.force_button.isVisible()
    window.resize(1366, 768)
    panel.grab().save(str(tmp_path / "refused-with-force.png"))

    def fill() -> None:
        from kiosk.ui.dialogs.force import ForceDialog

        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ForceDialog)
        assert not dialog.ok.isEnabled()  # no reason, no admission
        dialog.field.setText("came a day early; agreed with the organisers")
        dialog.ok.click()

    QTimer.singleShot(0, fill)
    with qtbot.waitSignal(window.result_shown, timeout=5000) as blocker:
        panel.force_button.click()
    forced = blocker.args[0]
    assert isinstance(forced, CheckinResult)
    assert forced.decision.reason is Reason.ADMITTED and forced.decision.hint is Hint.FORCED
    assert forced.method is Method.FORCED
    assert not panel.force_button.isVisible()
    row = db.conn.execute(
        "SELECT method, note, operator FROM scan WHERE hint = 'forced'"
    ).fetchone()
    assert row == ("forced", "came a day early; agreed with the organisers", "desk")


def test_admitted_and_cancelled_people_are_not_offered_admit_anyway(
    qtbot: QtBot, window: MainWindow, people: People
) -> None:
    scan(qtbot, window, people.ana)
    assert not window.desk.result.force_button.isVisible()
    scan(qtbot, window, people.cancelled)
    assert not window.desk.result.force_button.isVisible()


def test_the_note_and_attention_flag_are_shown_at_check_in(
    qtbot: QtBot, window: MainWindow, people: People, db: Database, tmp_path: Path
) -> None:
    ana = attendees.find_by_code(db.conn, people.ana)
    assert ana is not None
    edit_person(
        db, ana.id, {"note": "Speaker gift at the desk", "attention": True},
        kiosk=events.local_kiosk(db),
    )  # fmt: skip
    scan(qtbot, window, people.ana)
    note = window.desk.result.note
    assert note.isVisible() and note.text() == "⚠ Attention: Speaker gift at the desk"
    window.resize(1366, 768)
    # (docs/screenshots/desk-attention-en-1366x768.png was made from this picture)
    window.grab().save(str(tmp_path / "desk-attention-en-1366x768.png"))
    scan(qtbot, window, people.ivan)
    assert not note.isVisible()


def test_a_correction_at_the_desk_is_logged_and_a_new_badge_is_offered(
    qtbot: QtBot, window: MainWindow, people: People, db: Database, monkeypatch: object
) -> None:
    from kiosk.ui.dialogs.edit_person import EditPersonDialog

    ana = attendees.find_by_code(db.conn, people.ana)
    assert ana is not None
    asked: list[str] = []
    printed: list[str] = []
    window.confirm = lambda title, text: asked.append(text) or True  # type: ignore[method-assign]
    window.print_badge = printed.append  # type: ignore[method-assign]

    def correct() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, EditPersonDialog)
        dialog.fields["last_name"].setText("Ștefănescu-Pop")
        dialog.fields["note"].setText("Wheelchair")
        dialog.attention.setChecked(True)
        dialog.save.click()

    QTimer.singleShot(0, correct)
    with qtbot.waitSignal(window.backend.edited, timeout=5000):
        window.open_edit_person(ana)
    qtbot.waitUntil(lambda: bool(printed), timeout=3000)
    assert printed == [ana.uid] and "Ana" in asked[0]
    fields = sorted(r[0] for r in db.conn.execute("SELECT field FROM attendee_edit"))
    assert fields == ["attention", "last_name", "note"]
    scan(qtbot, window, people.ana)
    assert window.desk.result.name.text() == "Ana Ștefănescu-Pop"
    assert window.desk.result.note.text() == "⚠ Attention: Wheelchair"


def test_menu_check_in_lists_adds_a_workshop_the_desk_can_scan_on(
    qtbot: QtBot, window: MainWindow, people: People, db: Database, tmp_path: Path
) -> None:
    from kiosk.ui.dialogs.lists import ListEditor, ListsDialog

    dialog = ListsDialog(window.path, window)
    qtbot.addWidget(dialog)
    dialog.changed.connect(window.reload_lists)
    assert dialog.table.rowCount() == 2  # the two day lists

    def fill() -> None:
        editor = QApplication.activeModalWidget()
        assert isinstance(editor, ListEditor)
        editor.name.setText("Workshop A")
        editor.day.setCurrentIndex(1)  # the first day
        editor.categories.setText("speaker")
        editor.reentry.setChecked(False)
        editor.save.click()

    QTimer.singleShot(0, fill)
    dialog.add()
    assert dialog.table.rowCount() == 3
    dialog.show()
    dialog.grab().save(str(tmp_path / "lists-dialog.png"))
    workshop = next(cl for cl in events.checkin_lists(db) if cl.name == "Workshop A")
    assert workshop.categories == {"speaker"} and not workshop.allow_reentry
    index = window.list_combo.findData(workshop.id)
    assert index >= 0  # the desk's list chooser has it at once
    window.list_combo.setCurrentIndex(index)
    assert scan(qtbot, window, people.ana).decision.reason is Reason.ADMITTED
    assert scan(qtbot, window, people.ivan).decision.hint is Hint.CATEGORY_NOT_ALLOWED
    dialog.table.selectRow(next(i for i, cl in enumerate(dialog.lists) if cl.id == workshop.id))
    warned: list[str] = []
    import kiosk.ui.dialogs.lists as lists_module

    original = lists_module.QMessageBox.warning
    lists_module.QMessageBox.warning = (  # type: ignore[assignment,method-assign]
        lambda _p, _t, text: warned.append(text)
    )
    try:
        dialog.remove()  # it has scans now: kept
    finally:
        lists_module.QMessageBox.warning = original  # type: ignore[method-assign]
    assert warned and "evidence" in warned[0]


def test_hours_on_a_list_of_every_day_are_kept_by_the_desk(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    """Menu → Check-in lists, "Every day", "Open only from 12:00 to 14:00": the hours were
    dropped without a word when no day was chosen; they hold each day (issue 19, lists)."""
    from datetime import time

    from PySide6.QtCore import QTime

    from kiosk.ui.dialogs.lists import ListEditor

    zone = ZoneInfo(events.event_info(db).timezone)
    days = sorted(cl.day for cl in events.checkin_lists(db) if cl.day is not None)
    editor = ListEditor(days, zone, None, window)
    qtbot.addWidget(editor)
    editor.name.setText("Lunch")
    editor.day.setCurrentIndex(0)  # every day
    editor.hours.setChecked(True)
    editor.opens.setTime(QTime(12, 0))
    editor.closes.setTime(QTime(14, 0))
    values = editor.values()
    assert values["day"] is None
    opens, closes = values["opens_at"], values["closes_at"]
    assert isinstance(opens, datetime) and isinstance(closes, datetime)
    assert (opens.astimezone(zone).time(), closes.astimezone(zone).time()) == (
        time(12), time(14),
    )  # fmt: skip
