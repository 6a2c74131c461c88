"""The desk's answers under field conditions, in every language, at 1366 × 768, offscreen, into
docs/screenshots/: ready, exit mode, the undo confirmation, the walk-in's similar-name question
and a partial scan. A dialog is drawn where the screen shows it: centred over the window.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_desk_screenshots.py
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
sys.path.insert(0, str(ROOT / "docs"))

from make_screenshots import settle, wait_for  # noqa: E402
from PySide6.QtCore import QEventLoop, QPoint, QTimer  # noqa: E402
from PySide6.QtGui import QColor, QPainter, QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget  # noqa: E402

from kiosk.app.demo import create_demo  # noqa: E402
from kiosk.storage import events  # noqa: E402
from kiosk.storage.database import Database  # noqa: E402
from kiosk.ui.app import qt_application  # noqa: E402
from kiosk.ui.dialogs.walk_in import WalkInDialog  # noqa: E402
from kiosk.ui.i18n import LANGUAGES, Translations  # noqa: E402
from kiosk.ui.mainwindow import MainWindow  # noqa: E402
from kiosk.ui.sounds import Sounds  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
MOMENT = datetime(2026, 9, 28, 7, 20, tzinfo=UTC)  # 10:20 in Sofia
SIZE = (1366, 768)


def save(window: QWidget, name: str, dialog: QWidget | None = None) -> None:
    """The window as the screen shows it; with ``dialog``, the dialog centred over it."""
    OUT.mkdir(parents=True, exist_ok=True)
    picture = window.grab()
    if dialog is not None:
        shown = dialog.grab()
        canvas = QPixmap(picture.size())
        painter = QPainter(canvas)
        painter.drawPixmap(0, 0, picture)
        painter.fillRect(canvas.rect(), QColor(0, 0, 0, 60))  # the window behind a dialog
        at = QPoint(
            (canvas.width() - shown.width()) // 2, (canvas.height() - shown.height()) // 2
        )
        painter.drawPixmap(at, shown)
        painter.end()
        picture = canvas
    path = OUT / f"{name}.png"
    picture.save(str(path))
    print(path.relative_to(ROOT))


def people(db_path: Path) -> dict[str, str]:
    with Database(db_path) as db:
        row = db.conn.execute
        fresh = row(
            "SELECT code FROM attendee a WHERE status = 'active' AND days LIKE '%2026-09-28%' "
            "AND country = 'Romania' AND NOT EXISTS (SELECT 1 FROM scan s "
            "WHERE s.attendee_uid = a.uid) ORDER BY id LIMIT 2"
        ).fetchall()
        inside = row(
            "SELECT a.code FROM attendee a JOIN scan s ON s.attendee_uid = a.uid "
            "WHERE s.reason = 'admitted' AND a.last_name GLOB '*[А-я]*' ORDER BY a.id LIMIT 1"
        ).fetchone()[0]
        twin = row(
            "SELECT first_name, last_name FROM attendee WHERE country = 'Romania' AND "
            "status = 'active' GROUP BY last_name ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
    return {
        "fresh": fresh[0][0],
        "fresh2": fresh[1][0],
        "inside": inside,
        "twin_first": twin[0],
        "twin_last": twin[1],
    }


def main() -> int:
    app = qt_application()
    translations = Translations(app)
    work = Path(tempfile.mkdtemp(prefix="kiosk-desk-shots-"))
    db_path = work / "demo.db"
    create_demo(db_path, now=MOMENT)
    found = people(db_path)
    sounds = Sounds(work / "sounds")
    sounds.muted = True
    for language in LANGUAGES:
        translations.switch(language)
        copy = work / f"{language}.db"
        copy.write_bytes(db_path.read_bytes())
        with Database(copy) as db:
            events.rename_kiosk(db, events.local_kiosk(db), "Desk 3")
        now = [MOMENT]
        window = MainWindow(copy, translations, sounds, clock=lambda now=now: now[0])
        window.resize(*SIZE)
        window.show()
        settle(500)
        save(window, f"desk-ready-{language}")

        # A scan cut short: the first two characters never arrived.
        wait_for(window, lambda w=window: w.on_scan(found["fresh"][2:]))
        save(window, f"desk-partial-scan-{language}")

        # Undo right after a check-in: the question names the person, organisation and code.
        wait_for(window, lambda w=window: w.on_scan(found["fresh"]))
        def confirm(
            title: str, text: str, w: MainWindow = window, language: str = language
        ) -> bool:
            box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=w)
            box.setStandardButtons(
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
            )
            box.setDefaultButton(QMessageBox.StandardButton.No)
            box.show()
            settle(300)
            save(w, f"desk-undo-question-{language}", box)
            box.close()
            return False

        window.confirm = confirm  # type: ignore[method-assign]
        loop = QEventLoop()
        window.backend.undo_found.connect(loop.quit)
        QTimer.singleShot(5000, loop.quit)
        window.undo_last()
        loop.exec()
        settle(300)

        # A walk-in named like people already registered, typed into the walk-in form (F2).
        def fill_in(first: str = found["twin_first"], last: str = found["twin_last"]) -> None:
            form = QApplication.activeModalWidget()
            assert isinstance(form, WalkInDialog)
            form.first.setText(first)
            form.last.setText(last)
            form.accept()

        QTimer.singleShot(300, fill_in)
        window.open_walk_in()
        for _ in range(20):
            settle(150)
            if window.similar_dialog is not None:
                break
        dialog = window.similar_dialog
        assert dialog is not None
        settle(300)
        save(window, f"desk-walk-in-similar-{language}", dialog)
        dialog.reject()
        settle()

        # Exit mode: its own colour, icon and words.
        window.set_exit_mode(True)
        settle(200)
        now[0] = MOMENT + timedelta(hours=6)
        save(window, f"desk-exit-ready-{language}")
        wait_for(window, lambda w=window: w.on_scan(found["inside"]))
        save(window, f"desk-exit-{language}")
        window.close()
        settle()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
