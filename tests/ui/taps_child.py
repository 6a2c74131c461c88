"""A self-service kiosk in a real X11 window, for the tap tests: prints READY once shown, then
PIN when staff are asked for the PIN, and exits."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.ui.i18n import Translations
from kiosk.ui.selfservice import window as window_module
from kiosk.ui.selfservice.window import SelfServiceWindow


def main() -> None:
    app = QApplication(sys.argv[:1])
    translations = Translations(app)
    win = SelfServiceWindow(Path(sys.argv[1]), translations, None, camera=False)

    def asked(dialog: window_module.PinDialog) -> int:
        print("PIN", dialog.mode, flush=True)
        os._exit(0)  # the answer is out; nothing to tidy in a throwaway kiosk

    window_module.PinDialog.exec = asked  # type: ignore[method-assign,assignment]
    win.setGeometry(0, 0, 800, 600)
    win.show()
    QTest.qWaitForWindowExposed(win)
    QTest.qWait(300)  # let the window system settle (no window manager under Xvfb)
    print("READY", flush=True)
    QTimer.singleShot(20_000, lambda: os._exit(1))
    app.exec()


if __name__ == "__main__":
    main()
