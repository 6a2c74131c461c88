"""Screenshots of every screen in every language, offscreen, into docs/screenshots/.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py

The demo event is built at a fixed moment (10:20 in Sofia) so that pictures are repeatable.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer, SignalInstance  # noqa: E402
from PySide6.QtWidgets import QDialog, QMainWindow, QWidget  # noqa: E402

from kiosk.app.demo import create_demo  # noqa: E402
from kiosk.storage import events  # noqa: E402
from kiosk.storage.attendees import NewAttendee  # noqa: E402
from kiosk.storage.database import Database  # noqa: E402
from kiosk.ui.app import qt_application  # noqa: E402
from kiosk.ui.i18n import LANGUAGES, Translations  # noqa: E402
from kiosk.ui.mainwindow import MainWindow  # noqa: E402
from kiosk.ui.screens.first_run import FirstRunScreen  # noqa: E402
from kiosk.ui.sounds import Sounds  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
MOMENT = datetime(2026, 9, 28, 7, 20, tzinfo=UTC)  # 10:20 in Sofia
SIZES = {"1366x768": (1366, 768), "1920x1080": (1920, 1080)}


def settle(ms: int = 150) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(window: MainWindow, action: Callable[[], None]) -> None:
    loop = QEventLoop()
    window.result_shown.connect(loop.quit)
    QTimer.singleShot(5000, loop.quit)
    action()
    loop.exec()
    window.result_shown.disconnect(loop.quit)
    settle()


def wait_signal(signal: SignalInstance, ms: int = 10_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)


def save(widget: QWidget, name: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path.relative_to(ROOT))


def codes(db_path: Path) -> dict[str, str]:
    with Database(db_path) as db:
        row = db.conn.execute
        fresh = row(
            "SELECT code FROM attendee a WHERE status = 'active' AND days LIKE '%2026-09-28%' "
            "AND last_name GLOB '*[А-я]*' AND NOT EXISTS (SELECT 1 FROM scan s "
            "WHERE s.attendee_uid = a.uid) ORDER BY id LIMIT 1"
        ).fetchone()[0]
        more = row(
            "SELECT code FROM attendee a WHERE status = 'active' AND days LIKE '%2026-09-28%' "
            "AND NOT EXISTS (SELECT 1 FROM scan s WHERE s.attendee_uid = a.uid) "
            "ORDER BY id DESC LIMIT 2"
        ).fetchall()
        romanian = row(
            "SELECT code FROM attendee a WHERE status = 'active' AND country = 'Romania' "
            "AND NOT EXISTS (SELECT 1 FROM scan s WHERE s.attendee_uid = a.uid) "
            "ORDER BY id LIMIT 1"
        ).fetchone()[0]
        cancelled = row(
            "SELECT code FROM attendee WHERE status = 'cancelled' LIMIT 1"
        ).fetchone()[0]
        surname = row(
            "SELECT last_name FROM attendee WHERE country = 'Romania' GROUP BY last_name "
            "ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()[0]
    return {
        "fresh": fresh,
        "fresh2": more[0][0],
        "fresh3": more[1][0],
        "romanian": romanian,
        "cancelled": cancelled,
        "surname": surname,
    }


def desk2_admits(db_path: Path, code: str, work: Path) -> Path:
    """Another desk, made from a copy of the event file, admits ``code`` a minute before this
    desk does; returns its sync bundle (what a USB stick would carry)."""
    from kiosk.app.checkin import CheckinService
    from kiosk.sync.bundle import export_bundle

    copy = work / "desk2" / "event.db"
    copy.parent.mkdir()
    copy.write_bytes(db_path.read_bytes())
    with Database(copy) as db:
        desk2 = events.rename_kiosk(db, events.local_kiosk(db), "Desk 4")
        CheckinService(db, desk2, clock=lambda: MOMENT - timedelta(minutes=1)).scan(code)
        path, _manifest = export_bundle(db, work / "desk2")
    return path


def main() -> int:
    app = qt_application()
    translations = Translations(app)
    work = Path(tempfile.mkdtemp(prefix="kiosk-shots-"))
    db_path = work / "demo.db"
    create_demo(db_path, now=MOMENT)
    found = codes(db_path)
    sounds = Sounds(work / "sounds")
    sounds.muted = True
    clock_now = [MOMENT]

    def clock() -> datetime:
        return clock_now[0]

    desk2_bundle = desk2_admits(db_path, found["fresh"], work)

    for language in LANGUAGES:
        translations.switch(language)
        first = QMainWindow()
        first.setCentralWidget(FirstRunScreen(str(work / "event.db"), first))
        first.resize(*SIZES["1366x768"])
        first.show()
        settle()
        save(first, f"first-run-{language}")
        first.close()

        for size_name, size in SIZES.items():
            # A fresh copy of the demo per picture set, so every language shows the same story.
            copy = work / f"{language}-{size_name}.db"
            copy.write_bytes(db_path.read_bytes())
            with Database(copy) as db:  # a copied event file names its kiosk after the PC
                events.rename_kiosk(db, events.local_kiosk(db), "Desk 3")
            clock_now[0] = MOMENT
            window = MainWindow(copy, translations, sounds, clock=clock)
            window.resize(*size)
            window.show()
            settle(400)
            wait_for(window, lambda w=window: w.on_scan(found["fresh"]))
            save(window, f"desk-admitted-{language}-{size_name}")
            clock_now[0] = MOMENT + timedelta(minutes=7)
            wait_for(window, lambda w=window: w.on_scan(found["fresh"]))
            save(window, f"desk-already-{language}-{size_name}")
            window.desk.search.setText(found["surname"][:5])
            settle(600)
            wait_for(window, lambda w=window: w.on_scan(found["cancelled"]))
            save(window, f"desk-refused-search-{language}-{size_name}")
            if size_name == "1366x768":
                wait_for(window, lambda w=window: w.on_scan(found["romanian"]))
                from kiosk.ui.dialogs.walk_in import WalkInDialog

                known = window.known
                walk_in = WalkInDialog(window, known.categories, known.countries)
                walk_in.first.setText("Elena")
                walk_in.last.setText("Munteanu")
                walk_in.organization.setText("Port Constanța")
                walk_in.show()
                settle()
                save(walk_in, f"walk-in-{language}")
                walk_in.close()
                wait_for(
                    window,
                    lambda w=window: w.register_walk_in(
                        NewAttendee("", "Елена", "Димитрова", "ТПП Видин", "Bulgaria")
                    ),
                )
                save(window, f"desk-walk-in-{language}")
                window.desk.search.setText(found["surname"][:5])
                settle(600)
                window.desk._details_selected()
                settle(600)
                for dialog in window.findChildren(QDialog):
                    if dialog.isVisible() and dialog.objectName() != "walk_in":
                        save(dialog, f"person-{language}")
                        dialog.close()
                from kiosk.ui.dialogs.scanner_check import ScannerTestDialog
                from kiosk.ui.scanner import ScannerFilter

                scanner = ScannerFilter(app)
                tester = ScannerTestDialog(scanner, window)
                tester.show()
                settle()
                save(tester, f"scanner-test-{language}")
                tester.close()
                scanner.uninstall()
                # Badges: one printed to a folder, one to a printer that is off.
                from kiosk.app.printing import PrintPolicy
                from kiosk.ui.print_backend import PrintSettings

                window.printing.save_settings(
                    PrintSettings(PrintPolicy.FIRST_ADMISSION, f"png://{work}/printed", "roll-80mm")
                )
                wait_signal(window.printing.settings_loaded)
                wait_for(window, lambda w=window: w.on_scan(found["fresh2"]))
                wait_signal(window.printing.job_changed)
                settle(300)
                window.printing.save_settings(
                    PrintSettings(
                        PrintPolicy.FIRST_ADMISSION,
                        "escpos+tcp://127.0.0.1:9?profile=TM-T20II&timeout=1",
                        "roll-80mm",
                    )
                )
                wait_signal(window.printing.settings_loaded)
                wait_for(window, lambda w=window: w.on_scan(found["fresh3"]))
                for _ in range(3):
                    settle(700)
                # ... and the hub out of reach, with scans waiting for it (the status bar).
                from kiosk.sync.hub import SyncStatus
                from kiosk.ui.sync_backend import SyncState

                window.sync_state.show_state(SyncState(
                    "hub.venue.local/kiosk",
                    SyncStatus(last_sync="2026-09-28T07:05:00Z", queued=14, last_error=""),
                    False,
                ))  # fmt: skip
                settle(100)
                save(window, f"desk-printer-problem-{language}")
                window.open_print_queue()
                settle(800)
                assert window.print_queue is not None
                save(window.print_queue, f"print-queue-{language}")
                window.print_queue.close()
                window.open_badge_settings()
                settings_dialog = window.badge_settings
                assert settings_dialog is not None
                for _ in range(10):
                    settle(300)
                    if settings_dialog.preview_image is not None:
                        break
                settle(200)
                save(settings_dialog, f"badge-settings-{language}")
                settings_dialog.close()
                window.open_badges_pdf()
                pre_print = window.badges_pdf
                assert pre_print is not None
                pre_print.output.setText("~/badges.pdf")
                settle(200)
                save(pre_print, f"badges-pdf-{language}")
                pre_print.close()
                window.set_exit_mode(True)
                window.camera_button.setChecked(True)
                settle(500)
                save(window, f"desk-camera-exit-mode-{language}")
                window.camera_button.setChecked(False)
                window.open_reports()
                reports = window.reports
                assert reports is not None
                for _ in range(40):
                    settle(250)
                    if reports.built is not None:
                        break
                settle(300)
                save(reports, f"reports-{language}")
                reports.close()
                window.open_sync()
                settle(400)
                assert window.sync_dialog is not None
                save(window.sync_dialog, f"sync-{language}")
                window.sync_dialog.close()
                # Desk 4 admitted the same ticket first: its bundle makes a conflict here.
                window.sync.import_bundles([str(desk2_bundle)])
                wait_signal(window.sync.imported)
                window.open_conflicts()
                settle(800)
                assert window.conflicts_dialog is not None
                save(window.conflicts_dialog, f"conflicts-{language}")
                window.conflicts_dialog.close()
            window.close()
            QCoreApplication.processEvents()
    self_service(translations, db_path, work, found, sounds)
    return 0


def self_service(
    translations: Translations, db_path: Path, work: Path, found: dict[str, str], sounds: Sounds
) -> None:
    """The attendee's screens, in each language, portrait and landscape."""
    from kiosk.ui.selfservice.pin import PinDialog
    from kiosk.ui.selfservice.window import SelfServiceWindow

    clock_now = [MOMENT + timedelta(minutes=30)]
    for language in LANGUAGES:
        for orientation, size in (("portrait", (1080, 1920)), ("landscape", (1920, 1080))):
            copy = work / f"kiosk-{language}-{orientation}.db"
            copy.write_bytes(db_path.read_bytes())
            win = SelfServiceWindow(copy, translations, sounds, lambda: clock_now[0])
            win.resize(*size)
            win.show()
            win.choose_language(language)
            settle(300)
            name = f"kiosk-{{}}-{language}-{orientation}"
            save(win, name.format("welcome"))
            win.show_scan()
            settle(500)
            save(win, name.format("scan"))
            win.reset()
            win.show_find()
            win.find_screen.field.setText(found["surname"])  # the whole surname: privacy rule
            for _ in range(6):
                settle(200)
                if win.find_screen.results.count():
                    break
            save(win, name.format("find"))
            if win.find_screen.results.count():
                win.find_screen.results.itemClicked.emit(win.find_screen.results.item(0))
                settle(200)
                save(win, name.format("confirm"))
            loop = QEventLoop()
            win.outcome_shown.connect(loop.quit)
            win.on_scan(found["fresh3"])
            QTimer.singleShot(5000, loop.quit)
            loop.exec()
            settle(200)
            save(win, name.format("welcome-badge"))
            loop = QEventLoop()
            win.outcome_shown.connect(loop.quit)
            win.on_scan("WRONG-CODE")
            QTimer.singleShot(5000, loop.quit)
            loop.exec()
            settle(200)
            save(win, name.format("not-found"))
            if orientation == "portrait":
                pad = PinDialog(win.pin, "enter", win)
                pad.setStyleSheet(win.styleSheet())
                pad.show()
                settle(200)
                save(pad, f"kiosk-pin-{language}")
                pad.close()
            win.leave()
            QCoreApplication.processEvents()


if __name__ == "__main__":
    sys.exit(main())
