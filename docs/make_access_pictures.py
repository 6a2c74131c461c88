"""Pictures of the self-service kiosk's accessibility, offscreen, into docs/screenshots/:
text at 150 % ("A+" twice) in Bulgarian, Romanian and English, landscape (1366 × 768, the
smallest screen we support) and portrait (1080 × 1920); speech on; the "more time?" question
in the high-contrast theme; the find screen in the window a portrait screen gives at the
operating system's 150 % scale factor (720 × 1280).

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_access_pictures.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "docs"))

from make_screenshots import MOMENT, codes, save, settle  # noqa: E402
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QTimer  # noqa: E402

from kiosk.app.demo import create_demo  # noqa: E402
from kiosk.ui.app import qt_application  # noqa: E402
from kiosk.ui.i18n import LANGUAGES, Translations  # noqa: E402
from kiosk.ui.selfservice.window import SelfServiceWindow  # noqa: E402
from kiosk.ui.sounds import Sounds  # noqa: E402
from kiosk.ui.speech import Speaker  # noqa: E402

SIZES = {"landscape": (1366, 768), "portrait": (1080, 1920)}
#: The window a portrait 1080 x 1920 screen gives at the operating system's 150 % scale factor
#: (drawn here at one pixel per window pixel: the layout is the same, the picture smaller).
SYSTEM_150 = (720, 1280)


def silent(_owner: QObject, _wav: Path) -> None:
    """The pictures need the speech switch on, not a sound card."""


def main() -> int:
    app = qt_application(["kiosk-pictures"])
    translations = Translations(app)
    work = Path(tempfile.mkdtemp(prefix="kiosk-access-"))
    db_path = work / "demo.db"
    create_demo(db_path, now=MOMENT)
    found = codes(db_path)
    sounds = Sounds(work / "sounds")
    sounds.muted = True
    now = [MOMENT + timedelta(minutes=30)]
    for language in LANGUAGES:
        for orientation, size in SIZES.items():
            copy = work / f"{language}-{orientation}.db"
            copy.write_bytes(db_path.read_bytes())
            speaker = Speaker(work / "speech", app, play=silent)
            win = SelfServiceWindow(
                copy, translations, sounds, lambda: now[0], camera=False, speaker=speaker
            )
            win.resize(*size)
            win.show()
            win.choose_language(language)
            win.set_text_scale(1.5)
            win.set_speech(speaker.available())
            settle(300)
            name = f"kiosk-a11y-{{}}-{language}-{orientation}-150"
            save(win, name.format("welcome"))
            win.show_find()
            win.find_screen.field.setText(found["surname"])
            for _ in range(10):
                settle(200)
                if win.find_screen.results.count():
                    break
            settle(300)  # the list's new height, then the keyboard's
            save(win, name.format("find"))
            loop = QEventLoop()
            win.outcome_shown.connect(loop.quit)
            win.on_scan(found["fresh3"])
            QTimer.singleShot(5000, loop.quit)
            loop.exec()
            settle(200)
            save(win, name.format("result"))
            if orientation == "landscape":
                win.show_find()
                win.set_text_scale(1.5)
                win.set_high_contrast(True)
                settle(300)  # the new look's sizes first
                win.idle.timeout.emit()
                settle(200)
                save(win, f"kiosk-a11y-more-time-high-contrast-{language}")
            if orientation == "portrait":
                win.set_text_scale(1.0)
                win.set_high_contrast(False)
                win.resize(*SYSTEM_150)
                win.show_find()
                win.find_screen.field.setText(found["surname"])
                for _ in range(10):
                    settle(200)
                    if win.find_screen.results.count():
                        break
                settle(300)
                save(win, f"kiosk-a11y-find-{language}-portrait-system150")
            speaker.stop()
            win.leave()
            QCoreApplication.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
