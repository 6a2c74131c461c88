"""Run with a broken libpulse.so.0 first on LD_LIBRARY_PATH: the desk's camera panel, the
sounds and the self-service kiosk (with its camera) on a computer where Qt Multimedia does not
load. Prints what they show as JSON."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtWidgets import QApplication

from kiosk.ui.i18n import Translations
from kiosk.ui.mainwindow import MainWindow
from kiosk.ui.selfservice.window import SelfServiceWindow
from kiosk.ui.sounds import Sounds
from kiosk.ui.texts import Severity
from kiosk.ui.widgets.camera_view import CameraView


def main() -> None:
    app = QApplication(sys.argv[:1])
    translations = Translations(app)
    out: dict[str, object] = {}
    view = CameraView()
    view.scanner.start()
    out["state"] = view.scanner.state.value
    out["toggle_enabled"] = view.toggle.isEnabled()
    for language in ("en", "bg", "ro"):
        translations.switch(language)
        out[f"camera_{language}"] = view.preview.status.text()
    translations.switch("en")
    sounds = Sounds(Path(sys.argv[2]))
    sounds.play(Severity.OK)  # quietly nothing
    out["sound_problem"] = sounds.problem.package if sounds.problem else None
    kiosk = SelfServiceWindow(Path(sys.argv[1]), translations, sounds, camera=True)
    kiosk.show_scan()
    assert kiosk.scan_screen.camera is not None
    out["kiosk_camera"] = kiosk.scan_screen.camera.preview.status.text()
    kiosk.leave()
    desk = MainWindow(Path(sys.argv[1]), translations, sounds)
    desk.show()
    desk.camera_button.setChecked(True)  # was a "Something went wrong (ImportError)" dialog
    assert desk.camera_view is not None
    out["desk_camera"] = desk.camera_view.preview.status.text()
    out["desk_sound_tooltip"] = desk.sound_button.toolTip()
    print(json.dumps(out, ensure_ascii=False), flush=True)
    os._exit(0)


if __name__ == "__main__":
    main()
