"""``kiosk self-test``, the Qt part: Qt starts on the offscreen platform (no screen needed), the
bundled fonts load with every letter needed, the translations load, and with no event database
the desk opens its first-run screen. Sound and printers are reported, never failed: a desk
without them still checks people in.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from kiosk.app.selftest import NEEDED_GLYPHS, Check, Status, guarded

#: A string each shipped catalogue translates (checks that the .qm is the real one).
_PROBE = ("MainWindow", "Menu")


def _start_qt() -> Check:
    if os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        from PySide6.QtWidgets import QApplication

        if QApplication.instance() is None:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"  # the self-test never opens a window
    from PySide6.QtCore import qVersion
    from PySide6.QtGui import QFont, QGuiApplication, QRawFont

    from kiosk.ui.app import qt_application
    from kiosk.ui.style import FONT_FAMILY

    app = qt_application(["kiosk"])
    platform = QGuiApplication.platformName()
    raw = QRawFont.fromFont(QFont(FONT_FAMILY, 12))
    missing = [ch for ch in NEEDED_GLYPHS if not raw.supportsCharacter(ord(ch))]
    if raw.familyName() != FONT_FAMILY or missing:
        return Check(
            "qt",
            Status.FAILED,
            f"Qt {qVersion()} on '{platform}' draws text with '{raw.familyName()}', not the "
            f"bundled '{FONT_FAMILY}'"
            + (f"; missing letters: {''.join(missing)}" if missing else ""),
        )
    del app
    return Check(
        "qt",
        Status.OK,
        f"Qt {qVersion()} started on the '{platform}' platform; the bundled {FONT_FAMILY} draws "
        "every Bulgarian and Romanian letter",
    )


def _translations() -> Check:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.i18n import LANGUAGES, Translations

    app = QApplication.instance()
    assert app is not None
    translations = Translations(app)
    untranslated = []
    try:
        for language in LANGUAGES:
            loaded = translations.switch(language)
            translated = language == "en" or QCoreApplication.translate(*_PROBE) != _PROBE[1]
            if not (loaded and translated):
                untranslated.append(language)
    finally:
        translations.clear()
    if untranslated:
        return Check(
            "translations",
            Status.FAILED,
            f"the catalogue of {', '.join(untranslated)} is missing or empty; reinstall Kiosk",
        )
    return Check("translations", Status.OK, ", ".join(LANGUAGES.values()))


def _first_run() -> Check:
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.app import DeskApp
    from kiosk.ui.screens.first_run import FirstRunScreen

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory(prefix="kiosk-self-test-") as tmp:
        path = Path(tmp) / "event.db"
        desk = DeskApp(app, path, "en")
        try:
            desk.start()
            window = desk.first_run
            shown = (
                window is not None
                and window.isVisible()
                and isinstance(window.centralWidget(), FirstRunScreen)
                and desk.window is None
            )
        finally:
            desk.shutdown()
            desk.scanner.uninstall()
            desk.translations.clear()
        created = path.exists()
    if not shown or created:
        return Check(
            "first-run",
            Status.FAILED,
            "with no event database the first-run screen did not open"
            + (" (a database was created unasked)" if created else ""),
        )
    return Check("first-run", Status.OK, "with no event database the first-run screen opens")


def _multimedia() -> Check:
    try:
        from PySide6.QtMultimedia import QMediaDevices, QMediaFormat
    except ImportError as exc:
        return Check(
            "sound",
            Status.WARNING,
            f"no sounds or camera: Qt Multimedia does not load ({exc}); on Linux install libpulse0",
        )
    decodes = QMediaFormat().supportedFileFormats(QMediaFormat.ConversionMode.Decode)
    if QMediaFormat.FileFormat.Wave not in decodes:
        return Check(
            "sound",
            Status.WARNING,
            "no sounds or camera: Qt Multimedia found no working backend (the FFmpeg plugin "
            "did not load)",
        )
    outputs = len(QMediaDevices.audioOutputs())
    cameras = len(QMediaDevices.videoInputs())
    return Check(
        "sound",
        Status.OK,
        f"Qt Multimedia loads; {outputs} audio output(s), {cameras} camera(s) on this computer",
    )


def _printers() -> Check:
    from PySide6.QtPrintSupport import QPrinterInfo

    names = QPrinterInfo.availablePrinterNames()
    listed = f": {', '.join(names)}" if names else ""
    return Check(
        "printers",
        Status.OK,
        f"{len(names)} system printer(s){listed} (network and USB ESC/POS printers are "
        "reached directly)",
    )


def qt_checks() -> list[Check]:
    """The Qt checks; Qt's own log lines (e.g. the offscreen platform's notes) are held back
    for the duration, so the report stays readable."""
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    held: list[str] = []

    def hold(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        held.append(message)

    previous = qInstallMessageHandler(hold)
    try:
        started = guarded("qt", _start_qt)
        if QApplication.instance() is None:  # nothing else can run without Qt
            return [started]
        return [
            started,
            guarded("translations", _translations),
            guarded("first-run", _first_run),
            guarded("sound", _multimedia),
            guarded("printers", _printers),
        ]
    finally:
        qInstallMessageHandler(previous)
