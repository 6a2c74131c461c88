"""Screenshots of the self-service privacy rule and of the desk's words, 1366 × 768, offscreen,
into docs/screenshots/:

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_words_screenshots.py

- kiosk-find-{en,bg,ro}-1366x768 (and -portrait, 1080 × 1920): a whole surname typed — at
  most five names, no organisation;
- kiosk-find-prefix-{en,bg,ro}-1366x768: three letters typed — nobody, and why;
- desk-ready-bg-1366x768: the desk in Bulgarian before the first scan (live numbers say
  "ПРИСТИГНАЛИ", a long event name wraps);
- camera-unavailable-{en,bg}: the camera panel on a computer without libpulse0.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from kiosk.app.demo import create_demo  # noqa: E402
from kiosk.storage.database import Database  # noqa: E402
from kiosk.ui.app import qt_application  # noqa: E402
from kiosk.ui.i18n import LANGUAGES, Translations  # noqa: E402
from kiosk.ui.mainwindow import MainWindow  # noqa: E402
from kiosk.ui.multimedia import UnavailableScanner, missing_from  # noqa: E402
from kiosk.ui.selfservice.window import SelfServiceWindow  # noqa: E402
from kiosk.ui.sounds import Sounds  # noqa: E402
from kiosk.ui.widgets.camera_view import CameraView  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
MOMENT = datetime(2026, 9, 28, 7, 20, tzinfo=UTC)  # 10:20 in Sofia
SIZE = (1366, 768)
LONG_NAME = (
    "Interreg VI-A Romania–Bulgaria Programme Annual Event 2026: Cross-Border Business "
    "Clusters Forum, Ruse–Giurgiu"
)


def settle(ms: int = 200) -> None:
    end = datetime.now() + timedelta(milliseconds=ms)
    while datetime.now() < end:
        QCoreApplication.processEvents()


def save(widget: QWidget, name: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path.relative_to(ROOT))


def common_surname(db_path: Path) -> str:
    """The surname most people of today's list share (several namesakes: the five-name cap)."""
    with Database(db_path) as db:
        return str(
            db.conn.execute(
                "SELECT last_name FROM attendee WHERE status = 'active' GROUP BY last_name "
                "ORDER BY count(*) DESC, last_name LIMIT 1"
            ).fetchone()[0]
        )


def main() -> int:
    app = qt_application()
    translations = Translations(app)
    work = Path(tempfile.mkdtemp(prefix="kiosk-words-"))
    db_path = work / "demo.db"
    create_demo(db_path, now=MOMENT)
    surname = common_surname(db_path)
    sounds = Sounds(work / "sounds")
    sounds.muted = True
    clock = lambda: MOMENT + timedelta(minutes=30)  # noqa: E731

    for language in LANGUAGES:
        portrait = SelfServiceWindow(db_path, translations, sounds, clock, camera=False)
        portrait.resize(1080, 1920)
        portrait.show()
        portrait.choose_language(language)
        portrait.show_find()
        portrait.find_screen.field.setText(surname)
        for _ in range(20):
            settle(200)
            if portrait.find_screen.results.count():
                break
        save(portrait, f"kiosk-find-{language}-portrait")
        portrait.leave()
        QCoreApplication.processEvents()

        win = SelfServiceWindow(db_path, translations, sounds, clock, camera=False)
        win.resize(*SIZE)
        win.show()
        win.choose_language(language)
        win.show_find()
        win.find_screen.field.setText(surname[:3])
        settle(600)
        save(win, f"kiosk-find-prefix-{language}-1366x768")
        win.find_screen.field.setText(surname)
        for _ in range(20):
            settle(200)
            if win.find_screen.results.count():
                break
        save(win, f"kiosk-find-{language}-1366x768")
        win.leave()
        QCoreApplication.processEvents()

    with Database(db_path) as db:
        db.conn.execute("UPDATE event SET name = ?", (LONG_NAME,))
        db.conn.commit()
    translations.switch("bg")
    window = MainWindow(db_path, translations, sounds, clock=clock)
    window.resize(*SIZE)
    window.show()
    settle(1500)
    save(window, "desk-ready-bg-1366x768")
    window.close()

    problem = missing_from(
        "libpulse.so.0: cannot open shared object file: No such file or directory"
    )
    for language in ("en", "bg"):
        translations.switch(language)
        view = CameraView(scanner=UnavailableScanner(problem))
        view.resize(520, 340)
        view.show()
        settle()
        save(view, f"camera-unavailable-{language}")
        view.close()
    translations.switch("en")
    return 0


if __name__ == "__main__":
    sys.exit(main())
