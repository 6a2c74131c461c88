"""The desk window and signed tickets: staff see who was admitted by signature, and why a
signed ticket was refused."""

from __future__ import annotations

import uuid

from pytestqt.qtbot import QtBot

from kiosk.app.checkin import CheckinResult
from kiosk.core import codes
from kiosk.core.reasons import Hint, Reason
from kiosk.core.signed import TicketData
from kiosk.storage import events, keys
from kiosk.storage.database import Database
from kiosk.tickets import signing
from kiosk.tickets.signing import TicketSigner
from kiosk.ui.mainwindow import MainWindow
from kiosk.ui.texts import Severity, hint_text
from tests.conftest import People
from tests.ui.test_desk_window import scan


def signed_code(db: Database, trusted: bool) -> str:
    key = signing.new_private_key()
    if trusted:
        raw = signing.public_raw(key)
        uid = events.event_info(db).uid
        keys.add_keys(db, [keys.TrustedKey(raw, signing.key_id_of(raw), uid, "", "", "now")])
    data = TicketData(str(uuid.uuid4()), codes.generate(), "Анастасия", "Вълканова", "press")
    return TicketSigner(key, events.event_info(db).uid).sign(data)


def test_a_person_admitted_by_signature_is_shown_as_such(
    qtbot: QtBot, window: MainWindow, db: Database, people: People
) -> None:
    result = scan(qtbot, window, signed_code(db, trusted=True))
    assert isinstance(result, CheckinResult) and result.decision.hint is Hint.SIGNED_TICKET
    panel = window.desk.result
    assert panel.severity is Severity.OK
    assert panel.name.text() == "Анастасия Вълканова"
    assert hint_text(Hint.SIGNED_TICKET) in panel.detail.text()


def test_a_forged_signed_ticket_shows_the_refused_panel(
    qtbot: QtBot, window: MainWindow, db: Database, people: People
) -> None:
    result = scan(qtbot, window, signed_code(db, trusted=False))
    assert isinstance(result, CheckinResult)
    assert result.decision.reason is Reason.INVALID_SIGNATURE
    assert window.desk.result.severity is Severity.REFUSED
