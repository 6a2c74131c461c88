"""The hub's address in the desk's Sync dialog: tested off the UI thread with the answer in
plain words, saved like 'kiosk sync hub --dsn' (no password), behind the admin PIN."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app.adminpin import AdminPin
from kiosk.app.hubcheck import Hub, remembered_hub
from kiosk.storage import events
from kiosk.storage.database import Database
from kiosk.sync.address import Probe, Reach
from kiosk.ui import sync_backend
from kiosk.ui.dialogs.sync import SyncDialog
from kiosk.ui.i18n import Translations
from kiosk.ui.mainwindow import MainWindow
from kiosk.ui.selfservice.pin import PinDialog
from tests.sync.fake_pg import RefusesPassword, Silent


@pytest.fixture(autouse=True)
def _no_env_hub(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KIOSK_HUB_DSN", raising=False)


@pytest.fixture
def refuses() -> Iterator[RefusesPassword]:
    s = RefusesPassword()
    yield s
    s.close()


def _dialog(window: MainWindow) -> SyncDialog:
    window.open_sync()
    assert window.sync_dialog is not None
    return window.sync_dialog


def _test(qtbot: QtBot, window: MainWindow, dialog: SyncDialog, address: str) -> Probe:
    dialog.hub_edit.setText(address)
    with qtbot.waitSignal(window.sync.probed, timeout=15_000) as blocker:
        dialog.test_button.click()
        assert not dialog.test_button.isEnabled()  # the window did not wait for the answer
    found: Probe = blocker.args[0]
    assert dialog.test_button.isEnabled()
    return found


def test_test_connection_says_reachable_for_the_real_hub(
    qtbot: QtBot, window: MainWindow, pg_server: str
) -> None:
    dialog = _dialog(window)
    found = _test(qtbot, window, dialog, pg_server)
    assert found.reach is Reach.REACHABLE
    assert dialog.hub_status.property("reach") == "reachable"
    assert dialog.hub_status.text().startswith("Reachable")


def test_test_connection_says_no_server_wrong_password_and_timed_out(
    qtbot: QtBot, window: MainWindow, refuses: RefusesPassword, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sync_backend, "PROBE_TIMEOUT_S", 1.0)
    dialog = _dialog(window)
    found = _test(qtbot, window, dialog, "postgresql://kiosk@127.0.0.1:1/event")
    assert found.reach is Reach.NO_SERVER
    assert "No server at this address (127.0.0.1:1/event)" in dialog.hub_status.text()
    plain = "?sslmode=disable&gssencmode=disable"
    found = _test(
        qtbot, window, dialog, f"postgresql://kiosk:guess@127.0.0.1:{refuses.port}/event{plain}"
    )
    assert found.reach is Reach.WRONG_PASSWORD
    assert dialog.hub_status.text().startswith("Wrong password")
    silent = Silent()
    try:
        found = _test(qtbot, window, dialog, f"postgresql://kiosk@127.0.0.1:{silent.port}/e{plain}")
    finally:
        silent.close()
    assert found.reach is Reach.TIMED_OUT
    assert dialog.hub_status.text().startswith("Timed out")


def test_an_address_that_is_not_one_is_refused_before_anything_is_tried(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = _dialog(window)
    dialog.hub_edit.setText("10.0.0.5")
    with qtbot.assertNotEmitted(dialog.test_requested):
        dialog.test_button.click()
    assert "postgresql://USER@HOST/DATABASE" in dialog.hub_status.text()


def test_saving_keeps_the_address_without_the_password_as_the_command_line_does(
    qtbot: QtBot, window: MainWindow, db: Database, db_path: Path
) -> None:
    dialog = _dialog(window)
    assert dialog.hub_edit.text() == ""
    dialog.hub_edit.setText("postgresql://kiosk:s3cret@10.0.0.5:5433/event")
    with qtbot.waitSignal(window.sync.hub_saved, timeout=10_000) as blocker:
        dialog.save_button.click()
    kept = blocker.args[0]
    assert "s3cret" not in kept and "10.0.0.5" in kept
    assert remembered_hub(db) == Hub(kept, "kiosk_hub")
    assert "password was not saved" in dialog.hub_status.text()
    assert dialog.hub_edit.text() == kept
    db.checkpoint()
    assert b"s3cret" not in db_path.read_bytes()
    # Opened again, the dialog shows the address in use.
    window.sync_dialog = None
    dialog.deleteLater()
    assert _dialog(window).hub_edit.text() == kept


def _answer_pin(qtbot: QtBot, digits: str) -> None:
    """Type ``digits`` on the PIN pad when it opens ('' cancels)."""

    def answer() -> None:
        pad = QApplication.activeModalWidget()
        if not isinstance(pad, PinDialog):
            QTimer.singleShot(20, answer)
            return
        assert pad.prompt.text() == "Staff only: enter the admin PIN to change this setting."
        if not digits:
            pad.cancel.click()
            return
        for d in digits:
            pad.keys[d].click()
        pad.ok.click()

    QTimer.singleShot(20, answer)


def test_with_an_admin_pin_saving_asks_for_it_and_a_cancel_saves_nothing(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    AdminPin(db, events.local_kiosk(db)).set_pin("4812")
    dialog = _dialog(window)
    dialog.hub_edit.setText("postgresql://kiosk@10.0.0.5/event")
    _answer_pin(qtbot, "")
    with qtbot.assertNotEmitted(dialog.save_requested):
        dialog.save_button.click()
    assert "admin PIN" in dialog.hub_status.text()
    assert remembered_hub(db) is None
    _answer_pin(qtbot, "4812")
    with qtbot.waitSignal(window.sync.hub_saved, timeout=10_000):
        dialog.save_button.click()
    assert remembered_hub(db) == Hub("postgresql://kiosk@10.0.0.5/event", "kiosk_hub")


def test_the_hub_field_speaks_bulgarian_and_romanian(
    window: MainWindow, translations: Translations
) -> None:
    dialog = _dialog(window)
    translations.switch("bg")
    bg = (dialog.test_button.text(), dialog.save_button.text(), dialog.hub_box.title())
    assert "pgpass" in dialog.password_note.text() and "PGPASSWORD" in dialog.password_note.text()
    translations.switch("ro")
    ro = (dialog.test_button.text(), dialog.save_button.text(), dialog.hub_box.title())
    translations.switch("en")
    en = (dialog.test_button.text(), dialog.save_button.text(), dialog.hub_box.title())
    assert en == ("Test connection", "Save", "Hub (PostgreSQL server shared by the kiosks)")
    assert len({bg, ro, en}) == 3


def test_an_address_set_in_the_environment_is_shown_read_only_without_its_password(
    qtbot: QtBot, window: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIOSK_HUB_DSN", "postgresql://kiosk:s3cret@10.0.0.5:5433/event")
    dialog = _dialog(window)
    assert dialog.hub_edit.isReadOnly()
    assert "10.0.0.5" in dialog.hub_edit.text() and "s3cret" not in dialog.hub_edit.text()
    assert dialog.environment_note.isVisibleTo(dialog)
    assert "KIOSK_HUB_DSN" in dialog.environment_note.text()
    assert not dialog.save_button.isEnabled()
    with qtbot.assertNotEmitted(dialog.save_requested):
        dialog.save_hub()
    # Nothing was saved over it: the environment's address is still the one in use.
    monkeypatch.delenv("KIOSK_HUB_DSN")
    assert remembered_hub(db) is None


def test_test_connection_tries_the_environment_address_as_set(
    qtbot: QtBot, window: MainWindow, pg_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIOSK_HUB_DSN", pg_server)
    dialog = _dialog(window)
    with (
        qtbot.waitSignal(window.sync.probed, timeout=15_000) as blocker,
        qtbot.waitSignal(dialog.test_requested) as asked,
    ):
        dialog.test_button.click()
    assert asked.args == [pg_server]
    assert blocker.args[0].reach is Reach.REACHABLE


def test_without_the_environment_variable_the_note_is_hidden_and_the_field_editable(
    window: MainWindow,
) -> None:
    dialog = _dialog(window)
    assert not dialog.hub_edit.isReadOnly() and dialog.save_button.isEnabled()
    assert not dialog.environment_note.isVisibleTo(dialog)


def test_at_the_desk_the_admin_pin_can_be_typed_on_the_keyboard(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    AdminPin(db, events.local_kiosk(db)).set_pin("4812")

    typed: list[str] = []

    def type_it() -> None:
        pad = QApplication.activeModalWidget()
        if not isinstance(pad, PinDialog):
            QTimer.singleShot(20, type_it)
            return
        QTest.keyClicks(pad.entry, "48a12")  # a letter is not taken
        typed.append(pad.entry.text())
        QTest.keyClick(pad.entry, Qt.Key.Key_Return)
        if pad.isVisible():  # Enter did not take it: close the pad so the test fails, not hangs
            pad.reject()

    QTimer.singleShot(20, type_it)
    assert window.confirm_admin_pin(window)
    assert typed == ["4812"]
