"""The self-service kiosk logs how each check-in was made: an attendee tapping their own name
(no ticket shown) is not stored like a scanned ticket (issue 17, point 10)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kiosk.storage.database import Database
from kiosk.ui.selfservice.window import SelfServiceWindow
from tests.conftest import People


def test_a_name_tapped_at_the_kiosk_is_logged_as_a_self_service_pick_and_a_scan_as_a_scan(
    qtbot: QtBot, kiosk: SelfServiceWindow, people: People, db: Database
) -> None:
    kiosk.welcome.find_button.click()
    kiosk.find_screen.field.setText("stefanescu")
    qtbot.waitUntil(lambda: kiosk.find_screen.results.count() == 1, timeout=5000)
    kiosk.find_screen.results.itemClicked.emit(kiosk.find_screen.results.item(0))
    with qtbot.waitSignal(kiosk.outcome_shown, timeout=5000):
        kiosk.confirm.yes.click()
    kiosk.reset()
    with qtbot.waitSignal(kiosk.outcome_shown, timeout=5000):
        kiosk.on_scan(people.ivan)
    rows = db.query(
        "SELECT a.code, s.method FROM scan s JOIN attendee a ON a.uid = s.attendee_uid "
        "WHERE s.reason = 'admitted' ORDER BY s.kiosk_seq"
    )
    assert [(str(r[0]), str(r[1])) for r in rows] == [
        (people.ana, "self_pick"),
        (people.ivan, "scanned"),
    ]
