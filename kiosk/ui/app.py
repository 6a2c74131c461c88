"""Starting the desk window: ``kiosk gui``, ``kiosk-gui``, ``kiosk demo --open``.

Sets up Qt (identity, bundled fonts, style, language), the application-wide scanner filter,
and opens the event database, or the first-run screen when there is none yet. No traceback
ever reaches the person at the desk: unexpected errors are logged and shown in plain words.

Started by :func:`run`, a window at the desk's size is painted first (the event file's name in
it) and the event is opened after that: the desk window, the check-in code and the event file
are loaded then, and the desk window takes the first one's place (issue "Fast on a venue
laptop": on an old laptop, seconds without any window make people start the program again).
This module therefore imports neither the desk window nor the door at its top.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QWidget

from kiosk import __version__
from kiosk.app.failures import write_crash_report
from kiosk.app.paths import cache_dir, config_dir, default_db_path, demo_db_path
from kiosk.assets import ICON_SIZES, icon_path
from kiosk.ui import style
from kiosk.ui.first_paint import AfterFirstPaint
from kiosk.ui.i18n import Translations, system_language

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable

    from kiosk.app.selftest import Check
    from kiosk.ui.scanner import ScannerConfig, ScannerFilter
    from kiosk.ui.screens.first_run import FirstRunScreen
    from kiosk.ui.sounds import Sounds

log = logging.getLogger(__name__)

#: The application id: the .desktop file, the AppStream metainfo and the icon are named after it
#: (packaging/linux/), so a Wayland compositor can match the window to its icon.
APP_ID = "org.kioskcheckin.Kiosk"


def use_settings_file() -> None:
    """Keep this computer's settings in ``Kiosk.ini`` in the per-user configuration folder
    (platformdirs) on every platform, not in the Windows registry: staff can see, copy and
    delete one file, and the About dialog names it."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(config_dir().parent)
    )


def app_icon() -> QIcon:
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(icon_path(size)))
    return icon


def qt_application(argv: Sequence[str] = ()) -> QApplication:
    """The one QApplication, set up as the desk needs it (also used by the tests)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv) or ["kiosk"])
    app.setApplicationName("Kiosk")
    app.setOrganizationName("Kiosk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    use_settings_file()
    style.apply(app)
    from kiosk.ui.collector import collect_on_gui_thread

    collect_on_gui_thread(app)  # never a widget destroyed on a worker thread
    return app


def scanner_config(settings: QSettings) -> ScannerConfig:
    """The scanner set-up saved on this computer (prefix key, timing), else the defaults."""
    from kiosk.ui.scanner import ScannerConfig

    default = ScannerConfig()
    prefix = settings.value("scanner/prefix_key", default.prefix_key)
    try:
        return ScannerConfig(
            timing=bool(settings.value("scanner/timing", default.timing, bool)),
            prefix_key=int(str(prefix)) if prefix not in (None, "", "none") else None,
            max_gap_ms=float(str(settings.value("scanner/max_gap_ms", default.max_gap_ms))),
            physical_first=bool(
                settings.value("scanner/physical_first", default.physical_first, bool)
            ),
        )
    except (TypeError, ValueError):
        log.warning("the saved scanner settings are not valid; using the defaults")
        return default


#: This computer's self-service idle time (the high-contrast choice: style.HIGH_CONTRAST_KEY).
IDLE_KEY = "kiosk/idle_seconds"


def idle_seconds(settings: QSettings) -> int:
    """The self-service idle time set on this computer (10–600 s), else 30."""
    from kiosk.ui.selfservice.window import IDLE_SECONDS

    try:
        seconds = int(str(settings.value(IDLE_KEY, IDLE_SECONDS)))
    except ValueError:
        log.warning("the saved idle time is not a number; using %s s", IDLE_SECONDS)
        return IDLE_SECONDS
    return max(10, min(600, seconds))


class DeskApp:
    """Owns the windows of one run: the first-run screen, then the desk window.

    Not the door: the windows reach the event file through :class:`kiosk.app.door.Desk`.
    """

    def __init__(
        self,
        app: QApplication,
        path: Path,
        language: str | None = None,
        *,
        kiosk_mode: bool = False,
        hide_cursor: bool = False,
        window_first: bool = False,
    ) -> None:
        self.app = app
        #: Paint a window at once and open the event after it (as :func:`run` does); otherwise
        #: (tests, tools) the desk window is built by :meth:`open_event` itself.
        self.window_first = window_first
        #: The window painted before the event is opened, until the desk window replaces it.
        self.starting: QMainWindow | None = None
        #: Called with the desk window when it has been built, before it is shown.
        self.on_desk_window: Callable[[QMainWindow], None] | None = None
        self.path = path
        self.kiosk_mode = kiosk_mode
        self.hide_cursor = hide_cursor
        self.settings = QSettings()
        self.translations = Translations(app)
        chosen = language or str(self.settings.value("language", system_language()))
        self.translations.switch(chosen)
        self._sounds: Sounds | None = None
        self._scanner: ScannerFilter | None = None
        self.window: QMainWindow | None = None
        self.first_run: QMainWindow | None = None

    @property
    def sounds(self) -> Sounds:
        """The desk's sounds, made when a window first needs them (after the first paint)."""
        if self._sounds is None:
            from kiosk.ui.sounds import Sounds

            self._sounds = Sounds(cache_dir() / "sounds", self.app)
            self._sounds.muted = bool(self.settings.value("sound/muted", False, bool))
        return self._sounds

    @property
    def scanner(self) -> ScannerFilter:
        """The application-wide scanner filter, made with the first window that reads scans;
        installed once that window has been built (ScannerFilter.install says why)."""
        if self._scanner is None:
            from kiosk.ui.scanner import ScannerFilter

            config = scanner_config(self.settings)
            self._scanner = ScannerFilter(self.app, config, install=False)
        return self._scanner

    def start(self) -> None:
        if self.path.exists():
            self.open_event(self.path)
        else:
            self.show_first_run()

    def show_first_run(self) -> None:
        from kiosk.ui.screens.first_run import FirstRunScreen  # only when there is no event yet

        window = QMainWindow()
        screen = FirstRunScreen(str(self.path), window)
        window.setCentralWidget(screen)
        window.setWindowTitle("Kiosk")
        window.resize(1100, 680)
        screen.create_requested.connect(
            lambda name, first, count, tz: self.create_event(screen, name, first, count, tz)
        )
        screen.open_requested.connect(lambda chosen: self.open_event(Path(chosen)))
        screen.demo_requested.connect(self.open_demo)
        self.first_run = window
        window.show()

    def create_event(
        self, screen: FirstRunScreen, name: str, first: date, count: int, timezone: str
    ) -> None:
        from kiosk.app.door import StorageError, create_event

        try:
            from zoneinfo import ZoneInfo

            ZoneInfo(timezone)
        except Exception:
            screen.show_bad_timezone(timezone)
            return
        try:
            days = [first + timedelta(days=i) for i in range(count)]
            create_event(self.path, name, days, timezone).close()
        except StorageError as exc:
            screen.show_problem(str(exc))
            return
        self.open_event(self.path)

    def open_demo(self) -> None:
        from kiosk.app.demo import create_demo
        from kiosk.app.door import StorageError

        path = demo_db_path()
        try:
            create_demo(path)
        except StorageError as exc:
            self.show_error(str(exc))
            return
        self.open_event(path)

    def open_event(self, path: Path) -> None:
        if self.kiosk_mode:
            self.open_self_service(path)
            return
        if self.window_first and self.window is None:
            self.show_starting(path)
            return
        self.open_desk_window(path)

    def show_starting(self, path: Path) -> None:
        """A window at the desk's size with the event file's name, painted before anything of
        the event is loaded; :meth:`open_desk_window` follows its first paint (at the latest
        two seconds on: a window opened minimized is not painted)."""
        window = QMainWindow()
        window.setWindowTitle("Kiosk")
        name = QLabel(path.name)
        name.setStyleSheet("qproperty-alignment: AlignCenter; font-size: 18pt;")
        window.setCentralWidget(name)
        window.resize(1366, 768)
        self.starting = window
        opened: list[bool] = []

        def then() -> None:
            if not opened:
                opened.append(True)
                self.open_desk_window(path)

        AfterFirstPaint(window, then)
        QTimer.singleShot(2000, then)
        window.show()
        if self.first_run is not None:
            self.first_run.close()
            self.first_run = None

    def open_desk_window(self, path: Path) -> None:
        from kiosk.app.door import StorageError
        from kiosk.ui.mainwindow import MainWindow

        starting, self.starting = self.starting, None
        try:
            window = MainWindow(path, self.translations, self.sounds, deferred=True)
        except StorageError as exc:
            self.show_error(str(exc), starting)
            if starting is not None:
                starting.close()
            return
        if self.window is not None:
            self.window.close()
        self.window = window
        window.scanner = self.scanner  # for the scanner test dialog
        self.scanner.scanned.connect(window.on_scan)
        # With the database threads, after the first paint; a scan read before it is typed
        # into the search field, and its Enter is a scan of the code there (kept until then).
        window.started.connect(self.scanner.install)
        if starting is not None:
            window.move(starting.pos())  # in the first window's place
        if self.on_desk_window is not None:
            self.on_desk_window(window)
        window.show()
        if starting is not None:
            starting.close()
        if self.first_run is not None:
            self.first_run.close()
            self.first_run = None

    def open_self_service(self, path: Path) -> None:
        """The touchscreen kiosk: staff choose the PIN on first use, then it locks."""
        from kiosk.app.door import StorageError
        from kiosk.ui.selfservice.window import SelfServiceWindow
        from kiosk.ui.speech import Speaker

        speaker = Speaker(cache_dir() / "speech", self.app)
        speaker.watch_outputs()  # a headset plugged in turns speech on
        try:
            window = SelfServiceWindow(
                path,
                self.translations,
                self.sounds,
                speaker=speaker,
                idle_seconds=idle_seconds(self.settings),
                high_contrast=bool(self.settings.value(style.HIGH_CONTRAST_KEY, False, bool)),
            )
        except StorageError as exc:
            self.show_error(str(exc))
            return
        if not window.ensure_pin():
            window.leave()
            self.app.quit()
            return
        self.window = window
        self.scanner.scanned.connect(window.on_scan)
        self.scanner.install()
        window.show_kiosk(hide_cursor=self.hide_cursor)
        if self.first_run is not None:
            self.first_run.close()
            self.first_run = None

    def shutdown(self) -> None:
        """Close the windows: queued check-ins finish, the database closes, threads stop."""
        for window in (self.window, self.first_run, self.starting):
            if window is not None:
                leave = getattr(window, "leave", None)
                if callable(leave):
                    leave()  # the locked kiosk window closes only this way
                else:
                    window.close()
        self.window = self.first_run = self.starting = None

    def show_error(self, text: str, parent: QWidget | None = None) -> None:
        parent = parent or self.window or self.first_run
        QMessageBox.critical(parent, "Kiosk", text)


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """Last resort: log the traceback to a file and tell the person in plain words. It never
    raises itself: with a read-only home the report goes to the temporary folder, or nowhere."""
    path = write_crash_report("kiosk-gui.log", "".join(traceback.format_exception(kind, value, tb)))
    log.error("unexpected error, details in %s", path)
    where = f"Details for support: {path}" if path else f"{kind.__name__}: {value}"
    if QApplication.instance() is not None:
        QMessageBox.warning(
            None,
            "Kiosk",
            f"Something went wrong ({kind.__name__}). Check-ins already shown were saved.\n"
            + where,
        )


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    import argparse  # kiosk-gui's own command line only ('kiosk gui' is read by click)

    parser = argparse.ArgumentParser(prog="kiosk-gui", description="Open the Kiosk desk window.")
    parser.add_argument("--db", type=Path, help="event database (default: $KIOSK_DB, else yours)")
    parser.add_argument("--demo", action="store_true", help="open a fresh demo event")
    parser.add_argument("--language", choices=["bg", "ro", "en"], help="language of the window")
    parser.add_argument(
        "--kiosk", action="store_true", help="self-service touchscreen mode (full screen, locked)"
    )
    parser.add_argument("--hide-cursor", action="store_true", help="hide the mouse cursor")
    parser.add_argument(
        "--idle-seconds",
        type=int,
        help="self-service: seconds without a touch before 'Do you need more time?' (default 30;"
        " remembered on this computer)",
    )
    return parser.parse_args(list(argv))


def run(
    path: Path | None,
    *,
    demo: bool = False,
    language: str | None = None,
    kiosk_mode: bool = False,
    hide_cursor: bool = False,
    idle_seconds: int | None = None,
) -> int:
    """Open the desk and run until it is closed; the exit code of the application."""
    sys.excepthook = _excepthook
    app = qt_application(sys.argv[:1])
    app.setQuitOnLastWindowClosed(True)
    if idle_seconds is not None:
        QSettings().setValue(IDLE_KEY, max(10, min(600, idle_seconds)))
    desk = DeskApp(
        app,
        path or default_db_path(),
        language,
        kiosk_mode=kiosk_mode,
        hide_cursor=hide_cursor,
        window_first=True,
    )
    if demo:
        desk.open_demo()
    else:
        desk.start()
    app.aboutToQuit.connect(desk.shutdown)
    code = int(app.exec())
    desk.shutdown()
    return code


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    return run(
        args.db,
        demo=args.demo,
        language=args.language,
        kiosk_mode=args.kiosk,
        hide_cursor=args.hide_cursor,
        idle_seconds=args.idle_seconds,
    )


def qt_self_test() -> list[Check]:
    """The Qt half of ``kiosk self-test`` (:mod:`kiosk.ui.selftest`): reached through this
    launcher, the one module of the windows the command line imports."""
    from kiosk.ui.selftest import qt_checks

    return qt_checks()
