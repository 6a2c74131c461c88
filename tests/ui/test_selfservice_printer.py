"""The self-service kiosk's words about the badge follow a printer chosen or removed from the
desk window on the same computer while the kiosk runs."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.app.printing import PRINTER_KEY
from kiosk.core.selfservice import Outcome
from kiosk.storage import events, printjobs
from kiosk.storage.database import Database
from kiosk.ui.selfservice.window import SelfServiceWindow
from tests.conftest import People


def choose_printer(db: Database, uri: str | None) -> None:
    """What the desk window's "Badges and printer" dialog stores, from another connection."""
    printjobs.set_setting(db, events.local_kiosk(db).id, PRINTER_KEY, uri)


def test_a_printer_chosen_while_the_kiosk_runs_is_used_and_announced(
    qtbot: QtBot, kiosk: SelfServiceWindow, db: Database, people: People, tmp_path: Path
) -> None:
    qtbot.waitUntil(lambda: kiosk.printing.settings is not None, timeout=5000)
    assert kiosk.printing.settings is not None and kiosk.printing.settings.printer_uri == ""
    choose_printer(db, f"png://{tmp_path}/badges")
    kiosk.on_scan(people.ana)
    qtbot.waitUntil(lambda: kiosk.result.outcome == Outcome.WELCOME_BADGE, timeout=5000)
    assert kiosk.printing.settings.printer_uri.startswith("png://")


def test_a_printer_removed_while_the_kiosk_runs_sends_people_to_the_desk(
    qtbot: QtBot, kiosk: SelfServiceWindow, db: Database, people: People, tmp_path: Path
) -> None:
    choose_printer(db, f"png://{tmp_path}/badges")
    kiosk.printing.poll()  # what the print queue does every few seconds anyway
    qtbot.waitUntil(
        lambda: kiosk.printing.settings is not None and kiosk.printing.settings.printer_uri != "",
        timeout=5000,
    )
    choose_printer(db, None)
    with qtbot.waitSignal(kiosk.printing.decided, timeout=5000):
        kiosk.on_scan(people.ana)
    qtbot.waitUntil(lambda: kiosk.result.outcome == Outcome.WELCOME_DESK, timeout=5000)
    assert kiosk.printing.settings is not None and kiosk.printing.settings.printer_uri == ""
