"""The desk window on the same computer ends the self-service kiosk's wrong-PIN wait."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from kiosk.app.adminpin import AdminPin
from kiosk.storage.database import Database
from kiosk.ui.mainwindow import MainWindow
from tests.conftest import Clock


def test_the_desk_menu_ends_the_pin_wait_and_keeps_the_pin(
    window: MainWindow, db: Database, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    pin = AdminPin(db, window.kiosk, clock, n=2**8)
    pin.set_pin("4871")
    for _ in range(4):
        clock.advance(seconds=pin.wait_seconds())
        pin.check("730518")
    assert pin.wait_seconds() == 10.0
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    assert window.pin_reset_action in window.menu.actions()
    window.pin_reset_action.trigger()
    assert shown == [
        "Wrong PINs forgotten: 4. The self-service kiosk's PIN can be tried again now."
    ]
    assert pin.wait_seconds() == 0 and pin.is_set()
    assert pin.check("4871").ok
