"""Starting the desk: the first-run screen creates an event or opens the demo; the entry points
start without a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.storage import events
from kiosk.storage.database import Database
from kiosk.ui.app import DeskApp
from kiosk.ui.mainwindow import MainWindow
from kiosk.ui.screens.first_run import FirstRunScreen


def desk_for(app: QApplication, path: Path) -> DeskApp:
    desk = DeskApp(app, path, "en")
    desk.sounds.muted = True
    return desk


def first_run(app: QApplication, qtbot: QtBot, path: Path) -> tuple[DeskApp, FirstRunScreen]:
    desk = desk_for(app, path)
    desk.start()
    assert desk.first_run is not None and desk.window is None
    qtbot.addWidget(desk.first_run)
    screen = desk.first_run.centralWidget()
    assert isinstance(screen, FirstRunScreen)
    return desk, screen


def test_without_a_database_the_first_run_screen_is_shown(
    app: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    desk, _screen = first_run(app, qtbot, tmp_path / "event.db")
    desk.scanner.uninstall()


def test_creating_an_event_on_the_first_run_screen_opens_the_desk_on_it(
    app: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "event.db"
    desk, screen = first_run(app, qtbot, path)
    screen.name.setText("BG-RO Cluster Conference")
    screen.days.setValue(2)
    screen.timezone.setText("Europe/Sofia")
    screen.create_button.click()
    assert isinstance(desk.window, MainWindow)
    qtbot.addWidget(desk.window)
    with Database(path) as db:
        assert events.event_info(db).name == "BG-RO Cluster Conference"
        assert len(events.checkin_lists(db)) == 2
    desk.window.close()
    desk.scanner.uninstall()


def test_an_unknown_time_zone_is_refused_with_a_message_and_nothing_is_created(
    app: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "event.db"
    desk, screen = first_run(app, qtbot, path)
    screen.name.setText("Conference")
    screen.timezone.setText("Europe/Nowhere")
    screen.create_button.click()
    assert not path.exists() and desk.window is None
    assert "Europe/Nowhere" in screen.problem.text()
    desk.scanner.uninstall()


def test_scans_from_the_scanner_filter_reach_the_open_desk(
    app: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "event.db"
    with Database(path, create=True) as db:
        events.create_event(db, "Conference", [date.today()], "Europe/Sofia")
    desk = desk_for(app, path)
    desk.start()
    assert isinstance(desk.window, MainWindow)
    qtbot.addWidget(desk.window)
    with qtbot.waitSignal(desk.window.result_shown, timeout=5000) as blocker:
        desk.scanner.scanned.emit("7K2M9XBR4")
    assert blocker.args[0].decision.reason.value == "unknown_code"
    desk.window.close()
    desk.scanner.uninstall()


def _start_in_subprocess(args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    # A second QApplication cannot live in the test process: start the real entry point in a
    # child, with the event loop replaced by an immediate return.
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "QApplication.exec = lambda *a: 0\n"
        "from kiosk.ui.app import main\n"
        f"sys.exit(main({args!r}))\n"
    )
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )


def test_the_gui_entry_point_opens_the_demo_without_a_traceback(tmp_path: Path) -> None:
    done = _start_in_subprocess(["--demo", "--language", "bg"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert (tmp_path / "data" / "Kiosk" / "demo-event.db").exists()


def test_the_gui_entry_point_on_a_file_that_is_not_an_event_explains_and_exits(
    tmp_path: Path,
) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("not a database", encoding="utf-8")
    code = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication, QMessageBox\n"
        # The event is opened once the first window is painted, in the event loop: it runs
        # until the window closes (or ten seconds at most).
        "loop = QApplication.exec\n"
        "QApplication.exec = lambda *a: (QTimer.singleShot(10000, QApplication.quit), loop())[1]\n"
        "QMessageBox.critical = lambda *a, **k: print('SHOWN:', a[2], flush=True)\n"
        "from kiosk.ui.app import main\n"
        f"sys.exit(main(['--db', {str(bad)!r}]))\n"
    )
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "c"),
        XDG_CACHE_HOME=str(tmp_path / "k"),
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert "Traceback" not in done.stderr
    assert "SHOWN:" in done.stdout and str(bad) in done.stdout
    assert done.stdout.count("SHOWN:") == 1  # once, and the program ended (no window is left)
