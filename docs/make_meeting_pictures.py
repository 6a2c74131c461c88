"""Pictures of the B2B meetings features, offscreen, into docs/screenshots/: the desk's result
panel with a person's meetings, the organiser's board, "Your meetings today" at the
self-service kiosk, and a meeting slip on an 80 mm roll.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_meeting_pictures.py

The demo event is built at a fixed moment (11:40 in Sofia, the morning's meetings partly held)
so that pictures are repeatable.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from kiosk.app.demo import create_demo  # noqa: E402
from kiosk.app.meetings import Database, MeetingsService  # noqa: E402
from kiosk.app.slips import SlipMaker  # noqa: E402
from kiosk.ui.app import qt_application  # noqa: E402
from kiosk.ui.dialogs.meetings_board import MeetingsBoard  # noqa: E402
from kiosk.ui.i18n import Translations  # noqa: E402
from kiosk.ui.mainwindow import MainWindow  # noqa: E402
from kiosk.ui.selfservice.window import SelfServiceWindow  # noqa: E402
from kiosk.ui.sounds import Sounds  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
MOMENT = datetime(2026, 9, 28, 8, 40, tzinfo=UTC)  # 11:40 in Sofia


def settle(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def save(widget: QWidget, name: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path.relative_to(ROOT))


def main() -> int:
    app = qt_application()
    translations = Translations(app)
    work = Path(tempfile.mkdtemp(prefix="kiosk-meetings-"))
    db_path = work / "demo.db"
    create_demo(db_path, now=MOMENT)
    with Database(db_path) as db:
        service = MeetingsService(db, clock=lambda: MOMENT)
        day = service.today()
        # Someone with several meetings today who has not arrived yet.
        counts: dict[str, int] = {}
        for m in service.board(day):
            for p in (m.a, m.b):
                if p.code and not p.arrived:
                    counts[p.code] = counts.get(p.code, 0) + 1
        code = max(counts, key=lambda c: (counts[c], c))
        maker = SlipMaker(db, clock=lambda: MOMENT)
        data = maker.data(maker.person(code), day, "bg")
        maker.write(data, "roll-80mm", OUT / "meeting-slip-80mm-bg.png")
        print("docs/screenshots/meeting-slip-80mm-bg.png")
    sounds = Sounds(work / "sounds")
    sounds.muted = True
    for language in ("en", "bg"):
        translations.switch(language)
        copy = work / f"desk-{language}.db"
        copy.write_bytes(db_path.read_bytes())
        window = MainWindow(copy, translations, sounds, clock=lambda: MOMENT)
        window.resize(1366, 768)
        window.show()
        settle(400)
        window.on_scan(code)
        settle(800)
        save(window, f"desk-meetings-{language}")
        board = MeetingsBoard(copy, lambda: MOMENT, window)
        board.show()
        settle(400)
        save(board, f"meetings-board-{language}")
        board.close()
        window.close()
    translations.switch("ro")
    copy = work / "kiosk.db"
    copy.write_bytes(db_path.read_bytes())
    kiosk = SelfServiceWindow(copy, translations, sounds, lambda: MOMENT, camera=False)
    kiosk.resize(1280, 800)
    kiosk.show()
    settle(400)
    kiosk.choose_language("ro")
    kiosk.on_scan(code)
    settle(800)
    save(kiosk, "kiosk-meetings-ro")
    kiosk.leave()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
