"""The Reports screen: counts in the background, the chart, exports with their digests."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from kiosk.app.checkin import CheckinService
from kiosk.reports.register import Scope
from kiosk.storage.database import Database
from kiosk.ui.i18n import Translations
from kiosk.ui.mainwindow import MainWindow
from kiosk.ui.screens.reports import ReportsScreen
from tests.conftest import DAY1, Clock, People


def open_reports(window: MainWindow, qtbot: QtBot) -> ReportsScreen:
    window.reports_action.trigger()
    screen = window.reports
    assert screen is not None
    qtbot.waitUntil(lambda: screen.built is not None, timeout=10_000)
    return screen


def test_menu_opens_reports_with_counts_of_the_whole_event(
    window: MainWindow, qtbot: QtBot, db: Database, people: People, clock: Clock
) -> None:
    CheckinService(db, clock=clock).scan(people.ana)
    screen = open_reports(window, qtbot)
    assert screen.current_scope() == Scope()
    section = screen.current_section()
    assert section is not None and section.key == "by_day"
    assert screen.table.item(0, 1).text() == "2"  # registered on day one
    assert screen.table.item(0, 2).text() == "1"  # Ana, in person
    assert screen.chart.pixmap() is not None and not screen.chart.pixmap().isNull()


def test_choosing_a_day_counts_again_for_that_day(
    window: MainWindow, qtbot: QtBot, db: Database, people: People, clock: Clock
) -> None:
    CheckinService(db, clock=clock).scan(people.ivan)
    screen = open_reports(window, qtbot)
    index = next(i for i, s in enumerate(screen.scopes()) if s == Scope(day=DAY1))
    before = screen.built
    screen.scope_combo.setCurrentIndex(index)
    qtbot.waitUntil(lambda: screen.built is not before, timeout=10_000)
    assert screen.built is not None
    assert screen.built.report.register.scope == Scope(day=DAY1)
    assert [e.person.last_name for e in screen.built.report.register.entries] == ["Иванов"]
    assert screen.sheet_button.isEnabled()


def test_exports_are_written_off_the_ui_thread_with_their_digest(
    window: MainWindow, qtbot: QtBot, db: Database, people: People, clock: Clock, tmp_path: Path
) -> None:
    CheckinService(db, clock=clock).scan(people.ana)
    screen = open_reports(window, qtbot)
    screen.scope_combo.setCurrentIndex(1)  # day one
    qtbot.waitUntil(lambda: screen.built is not None and screen.built.report.register.scope.day
                    == DAY1, timeout=10_000)  # fmt: skip
    screen.reference.setText("Proiect ROBG-7 — cofinanțat de UE")
    with qtbot.waitSignal(screen.export_written, timeout=20_000) as written:
        screen.start_export("sheet-attended", tmp_path / "sheet.pdf")
    [sheet] = written.args[0]
    assert sheet.sha256 == hashlib.sha256((tmp_path / "sheet.pdf").read_bytes()).hexdigest()
    text = PdfReader(tmp_path / "sheet.pdf").pages[0].extract_text()
    assert "Ștefănescu Ana" in text and "Proiect ROBG-7 — cofinanțat de UE" in text
    assert sheet.sha256 in screen.status.text()
    steps: list[tuple[int, int]] = []
    screen.backend.progress.connect(lambda done, total: steps.append((done, total)))
    with qtbot.waitSignal(screen.export_written, timeout=20_000):
        screen.start_export("xlsx", tmp_path / "day.xlsx")
        assert screen.progress.isVisible()  # the bar moves while the workbook is written
    assert (tmp_path / "day.xlsx.sha256").exists()
    assert steps and steps[-1] == (1, 1)  # every register row written
    assert not screen.progress.isVisible()


def test_the_screen_speaks_bulgarian(
    window: MainWindow, qtbot: QtBot, translations: Translations
) -> None:
    screen = open_reports(window, qtbot)
    translations.switch("bg")
    assert screen.windowTitle() == "Отчети"
    # The report is counted again with its words in Bulgarian, as the exported files read.
    qtbot.waitUntil(
        lambda: screen.section_combo.currentText() == "Присъствие по дни", timeout=10_000
    )
    assert screen.built is not None and screen.built.report.language == "bg"
    assert screen.table.horizontalHeaderItem(1).text() == "Регистрирани"
    keys = [screen.section_combo.itemData(i) for i in range(screen.section_combo.count())]
    assert "conflicts" in keys


def test_an_export_from_the_screen_is_in_the_windows_language(
    window: MainWindow,
    qtbot: QtBot,
    db: Database,
    people: People,
    clock: Clock,
    translations: Translations,
    tmp_path: Path,
) -> None:
    CheckinService(db, clock=clock).scan(people.ana)
    screen = open_reports(window, qtbot)
    translations.switch("ro")
    qtbot.waitUntil(
        lambda: screen.built is not None and screen.built.report.language == "ro", timeout=10_000
    )
    with qtbot.waitSignal(screen.export_written, timeout=20_000):
        screen.start_export("pdf", tmp_path / "raport.pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(tmp_path / "raport.pdf").pages)
    assert "Prezența pe zile" in text and "Registru de prezență" in text
    assert "Attendance" not in text
