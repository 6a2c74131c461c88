"""B2B meetings on the screens (issue 22): the desk's result panel, the organiser's board, and
"Your meetings today" at the self-service kiosk. The schedule is a b2match-style export (host
and guest, time slot, table, Accepted/Canceled; see tests/app/test_meetings.py for the pages)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app.meetings import MeetingsService, import_meetings
from kiosk.core.meetings import Outcome
from kiosk.storage.database import Database
from kiosk.ui.dialogs.meetings_board import FILTERS, MeetingsBoard
from kiosk.ui.i18n import Translations
from kiosk.ui.mainwindow import MainWindow
from kiosk.ui.selfservice.window import SelfServiceWindow
from tests.conftest import DAY1, Clock, People

SCHEDULE = (
    "Date,Time slot,Table,Status,Host name,Host organisation,Host country,"
    "Guest name,Guest organisation,Guest e-mail,Guest country\n"
    "2026-09-28,10:30 - 11:00,Table 12,Accepted,Ivan Ivanov,Klaster Mehatronika,Bulgaria,"
    "Ana Stefanescu,,ana@ugal.ro,Romania\n"
    "2026-09-28,11:30 - 12:00,Table 3,Accepted,Ivan Ivanov,,Bulgaria,"
    "Ion Popescu,Black Sea Cluster,,Romania\n"
    "2026-09-28,14:00 - 14:30,Table 5,Canceled,Ana Stefanescu,,Romania,"
    "Maria Petrova,TPP Ruse,,Bulgaria\n"
)

SHOTS = Path(os.environ.get("KIOSK_TEST_SHOTS", "")) if os.environ.get("KIOSK_TEST_SHOTS") else None


def shot(widget: object, name: str) -> None:
    QApplication.processEvents()  # the layout takes in a label just shown
    if SHOTS is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(SHOTS / f"{name}.png"))  # type: ignore[attr-defined]


@pytest.fixture
def scheduled(db: Database, people: People, tmp_path: Path) -> People:
    path = tmp_path / "b2match.csv"
    path.write_text(SCHEDULE, encoding="utf-8")
    report = import_meetings(db, path)
    assert report.added == 3
    return people


def test_the_desk_panel_shows_the_days_meetings_after_the_result(
    qtbot: QtBot, window: MainWindow, scheduled: People
) -> None:
    with qtbot.waitSignal(window.backend.meetings_found, timeout=5000):
        window.on_scan(scheduled.ivan)
    qtbot.waitUntil(lambda: window.desk.result.meetings.isVisible(), timeout=5000)
    text = window.desk.result.meetings.text()
    first, second = text.split("\n")
    assert first == (
        "2 B2B meetings today — first 10:30, Table 12, with Ana Ștefănescu "
        "(Universitatea „Dunărea de Jos”)"
    )
    # Ion Popescu's registration is cancelled: he is not counted as here
    assert second == "Not here yet: Ana Ștefănescu (10:30), Ion Popescu (11:30)"
    shot(window, "desk-meetings-en")
    # the next person's result replaces the line: meetings are never shown for the wrong person
    window.on_scan(scheduled.cancelled)
    qtbot.waitUntil(lambda: not window.desk.result.meetings.isVisible(), timeout=5000)


def test_the_desk_panel_speaks_bulgarian_and_romanian(
    qtbot: QtBot, window: MainWindow, scheduled: People, translations: Translations
) -> None:
    with qtbot.waitSignal(window.backend.meetings_found, timeout=5000):
        window.on_scan(scheduled.ivan)
    qtbot.waitUntil(lambda: window.desk.result.meetings.isVisible(), timeout=5000)
    translations.switch("bg")
    assert window.desk.result.meetings.text().startswith("2 B2B срещи днес — първа в 10:30")
    shot(window, "desk-meetings-bg")
    translations.switch("ro")
    assert window.desk.result.meetings.text().startswith("2 întâlniri B2B azi — prima la 10:30")


def test_the_bulgarian_desk_line_says_sas_before_a_partner_whose_name_begins_with_s(
    app: QApplication, db: Database, scheduled: People, translations: Translations
) -> None:
    from dataclasses import replace

    from kiosk.app.meetings import ScanMeetings
    from kiosk.storage import attendees
    from kiosk.ui.meeting_texts import desk_lines

    ivan = attendees.find_by_code(db.conn, scheduled.ivan)
    assert ivan is not None
    meetings = MeetingsService(db).for_person(ivan.uid, DAY1)
    first = meetings[0]
    simona = replace(first, b=replace(first.b, name="Симона Мъргинеану", organization=""))
    translations.switch("bg")
    [line, _] = desk_lines(ScanMeetings("s", ivan.uid, (simona, *meetings[1:])))
    assert line.endswith("първа в 10:30, Table 12, със Симона Мъргинеану")
    [line, _] = desk_lines(ScanMeetings("s", ivan.uid, tuple(meetings)))
    assert ", с Ana Ștefănescu" in line
    translations.switch("en")


def test_the_board_shows_both_sides_arrival_filters_and_marks_held(
    qtbot: QtBot, app: QApplication, db_path: Path, db: Database, scheduled: People,
    clock: Clock, translations: Translations,
) -> None:  # fmt: skip
    from kiosk.app.checkin import CheckinService

    board = MeetingsBoard(db_path, clock)
    qtbot.addWidget(board)
    board.show()
    qtbot.waitExposed(board)
    qtbot.waitUntil(lambda: board.table.rowCount() == 3, timeout=5000)
    assert board.current_day() == DAY1
    assert board.day.currentText() == "Mon, 28 September"  # as the desk's list chooser says it
    translations.switch("bg")
    assert board.day.currentText() == "пн, 28 септември"
    translations.switch("en")
    CheckinService(db, clock=clock).scan(scheduled.ivan)
    CheckinService(db, clock=clock).scan(scheduled.ana)
    with qtbot.waitSignal(board.loaded, timeout=5000):
        board.refresh()  # the desk calls it after each check-in and each sync
    assert [board.table.item(r, 4).text() for r in range(3)] == [
        "Both here",
        "One missing",
        "One missing",
    ]
    assert board.table.item(0, 5).text() == "Possible (both here)"
    board.filter.setCurrentIndex(FILTERS.index("one"))
    assert board.table.rowCount() == 1  # the cancelled meeting is under its own filter
    board.filter.setCurrentIndex(FILTERS.index("all"))
    board.search.setText("popescu")
    assert board.table.rowCount() == 1 and "Ion Popescu" in board.table.item(0, 3).text()
    board.search.clear()
    board.table.selectRow(0)
    assert board.held.isEnabled() and not board.not_held.isEnabled()
    with qtbot.waitSignal(board.loaded, timeout=5000):  # written and read back off the GUI
        board.held.click()
    assert board.table.item(0, 5).text() == "Held"
    assert MeetingsService(db, clock=clock).board(DAY1)[0].outcome is Outcome.HELD
    shot(board, "meetings-board-en")
    board.table.selectRow(2)  # cancelled: cannot be marked held
    assert not board.held.isEnabled()
    board.close()


@pytest.mark.parametrize(
    ("language", "title"),
    [("en", "Your meetings today"), ("bg", "Вашите срещи днес"), ("ro", "Întâlnirile dvs. de azi")],
)
def test_the_kiosk_shows_the_attendees_own_meetings_after_the_welcome(
    qtbot: QtBot, kiosk: SelfServiceWindow, scheduled: People, language: str, title: str
) -> None:
    kiosk.choose_language(language)
    with qtbot.waitSignal(kiosk.backend.meetings_found, timeout=5000):
        kiosk.on_scan(scheduled.ivan)
    qtbot.waitUntil(lambda: kiosk.result.meetings.isVisible(), timeout=5000)
    assert kiosk.result.meetings_title.text() == title
    lines = kiosk.result.meetings.text().split("\n")
    partner = "Ana Ștefănescu (Universitatea „Dunărea de Jos”)"
    assert lines[0] == f"10:30–11:00  ·  Table 12  ·  {partner}"
    # nothing about whether the partner has arrived: that is another person's data
    assert all("here" not in line.lower() for line in lines)
    shot(kiosk, f"kiosk-meetings-{language}")
    kiosk.reset()
    assert not kiosk.result.meetings.isVisible()


def test_someone_arriving_after_their_first_meeting_is_told_the_next_one(
    app: QApplication, db: Database, scheduled: People, translations: Translations
) -> None:
    from datetime import datetime

    from kiosk.app.meetings import ScanMeetings
    from kiosk.storage import attendees
    from kiosk.ui.meeting_texts import desk_lines, kiosk_lines

    ivan = attendees.find_by_code(db.conn, scheduled.ivan)
    assert ivan is not None
    meetings = tuple(MeetingsService(db).for_person(ivan.uid, DAY1))
    late = ScanMeetings("s", ivan.uid, meetings, (), datetime(2026, 9, 28, 11, 5))
    first, missing = desk_lines(late)
    assert first == (
        "2 B2B meetings today — next 11:30, Table 3, with Ion Popescu (Black Sea Cluster)"
    )
    assert missing == "Not here yet: Ion Popescu (11:30)"  # the 10:30 meeting is over
    assert kiosk_lines(late) == [  # the attendee is not sent to a table whose meeting is over
        "11:30–12:00  ·  Table 3  ·  Ion Popescu (Black Sea Cluster)"
    ]
    during = ScanMeetings("s", ivan.uid, meetings, (), datetime(2026, 9, 28, 11, 40))
    assert desk_lines(during)[0] == (
        "2 B2B meetings today — now, since 11:30, Table 3, with Ion Popescu (Black Sea Cluster)"
    )
    assert len(kiosk_lines(during)) == 1  # under way: still shown


def test_staff_turn_the_slip_after_the_badge_off_in_the_badge_settings(
    qtbot: QtBot, app: QApplication, db: Database, db_path: Path, clock: Clock,
    translations: Translations,
) -> None:  # fmt: skip
    from kiosk.app.printing import PrintPolicy, PrintService, SlipPolicy
    from kiosk.badges.template import list_templates
    from kiosk.storage import events
    from kiosk.ui.dialogs.badge_settings import BadgeSettingsDialog
    from kiosk.ui.print_backend import PrintBackend, PrintSettings

    settings = PrintSettings(PrintPolicy.FIRST_ADMISSION, "memory://", "roll-80mm")
    dialog = BadgeSettingsDialog(settings, list_templates())
    qtbot.addWidget(dialog)
    assert dialog.meeting_slip.isChecked()  # on unless staff turn it off
    dialog.meeting_slip.setChecked(False)
    backend = PrintBackend(str(db_path), None, clock=clock)
    try:
        with qtbot.waitSignal(backend.settings_loaded, timeout=5000):
            backend.save_settings(dialog.chosen())
    finally:
        backend.shutdown()
    service = PrintService(db, events.local_kiosk(db), render=None, printer_factory=None)  # type: ignore[arg-type]
    assert service.slip_policy() is SlipPolicy.NEVER


def test_someone_coming_back_to_the_kiosk_sees_their_schedule_again(
    qtbot: QtBot, kiosk: SelfServiceWindow, scheduled: People, clock: Clock
) -> None:
    with qtbot.waitSignal(kiosk.backend.meetings_found, timeout=5000):
        kiosk.on_scan(scheduled.ivan)
    kiosk.reset()
    clock.advance(hours=1)
    with qtbot.waitSignal(kiosk.backend.meetings_found, timeout=5000):
        kiosk.on_scan(scheduled.ivan)
    qtbot.waitUntil(lambda: kiosk.result.meetings.isVisible(), timeout=5000)
    assert kiosk.result.outcome == "already"
    assert kiosk.result.meetings.text().startswith("10:30–11:00")


def test_the_board_reads_again_once_after_a_burst_of_check_ins(
    qtbot: QtBot, window: MainWindow, scheduled: People, db: Database, clock: Clock
) -> None:
    window.open_meetings_board()
    board = window.meetings_board
    assert board is not None
    qtbot.waitExposed(board)
    qtbot.waitUntil(lambda: board.table.rowCount() == 3, timeout=5000)
    reads: list[int] = []
    real = board.refresh

    def counted() -> None:
        reads.append(1)
        real()

    board.soon.timeout.disconnect()
    board.soon.timeout.connect(counted)
    with qtbot.waitSignal(window.backend.meetings_found, timeout=5000):
        window.on_scan(scheduled.ivan)
    with qtbot.waitSignal(window.backend.meetings_found, timeout=5000):
        window.on_scan(scheduled.ana)
    qtbot.waitUntil(lambda: len(reads) >= 1, timeout=5000)
    qtbot.wait(700)
    assert len(reads) == 1  # four signals (two scans, two meeting lookups), one read
    qtbot.waitUntil(
        lambda: [board.table.item(r, 4).text() for r in range(2)] == ["Both here", "One missing"],
        timeout=5000,
    )
    board.close()


def test_the_board_never_reads_or_writes_the_event_file_on_the_gui_thread(
    qtbot: QtBot, window: MainWindow, scheduled: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The desk window stays responsive with the board open: every read of the meetings (on
    opening, on the timer, after check-ins and syncs) and every held mark happens on the board's
    reader thread. While a read is stuck on a slow disk, the window still handles events."""
    import threading

    gui = threading.get_ident()
    calls: list[tuple[str, bool]] = []
    slow = threading.Event()
    slow.set()
    for name in ("board", "days", "mark", "__init__"):
        real = getattr(MeetingsService, name)

        def spy(self: object, *args: object, _real=real, _name=name, **kwargs: object) -> object:  # type: ignore[no-untyped-def]
            calls.append((_name, threading.get_ident() == gui))
            if _name == "board":
                assert slow.wait(10)
            return _real(self, *args, **kwargs)

        monkeypatch.setattr(MeetingsService, name, spy)
    window.open_meetings_board()
    board = window.meetings_board
    assert board is not None
    qtbot.waitUntil(lambda: board.table.rowCount() == 3, timeout=5000)
    slow.clear()  # the next read hangs on the "disk"
    board.refresh()
    ticks: list[int] = []
    QTimer.singleShot(50, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: ticks == [1], timeout=2000)  # the GUI thread is not waiting
    slow.set()
    qtbot.waitSignal(board.loaded, timeout=5000).wait()
    board.table.selectRow(0)
    with qtbot.waitSignal(board.changed, timeout=5000):
        board.held.click()
    qtbot.waitUntil(lambda: board.table.item(0, 5).text() == "Held", timeout=5000)
    board.close()
    assert {name for name, _ in calls} >= {"__init__", "days", "board", "mark"}
    assert [name for name, on_gui in calls if on_gui] == []


def test_the_board_shows_arrivals_that_come_from_another_kiosks_bundle(
    qtbot: QtBot, window: MainWindow, scheduled: People, db: Database, db_path: Path,
    clock: Clock, tmp_path: Path,
) -> None:  # fmt: skip
    """Ana checks in at a second desk; its bundle is imported here; the open board shows her
    as arrived without anyone touching it (it reads again after each sync)."""
    import shutil

    from kiosk.app.checkin import CheckinService
    from kiosk.sync.bundle import export_bundle

    db.checkpoint()
    other = tmp_path / "desk2.db"
    shutil.copy(db_path, other)
    window.open_meetings_board()
    board = window.meetings_board
    assert board is not None
    qtbot.waitUntil(lambda: board.table.rowCount() == 3, timeout=5000)
    assert board.table.item(0, 4).text() == "None here"  # Ivan and Ana at Table 12
    with Database(other) as desk2:
        CheckinService(desk2, clock=clock).scan(scheduled.ana)
        export_bundle(desk2, tmp_path / "stick")
    board.timer.stop()  # only the sync may bring the news
    with qtbot.waitSignal(window.sync.imported, timeout=10_000):
        window.sync.import_bundles([str(tmp_path / "stick")])
    qtbot.waitUntil(lambda: board.table.item(0, 4).text() == "One missing", timeout=5000)
    assert board.table.item(0, 3).text().startswith("✓ Ana Ștefănescu")
    board.close()


@pytest.fixture
def b2b_room(db: Database, scheduled: People) -> int:
    """A "B2B room" check-in list of day one (made before the desk opens)."""
    from kiosk.core.model import Policy
    from kiosk.storage import events

    return events.add_list(db, "B2B room", day=DAY1, policy=Policy.MULTIPLE).id


def test_scanning_both_badges_at_the_b2b_desk_marks_the_meeting_held(
    qtbot: QtBot, b2b_room: int, window: MainWindow, scheduled: People, db: Database,
    clock: Clock,
) -> None:  # fmt: skip
    """At the B2B room's desk, the table host scans both badges around the meeting's time:
    the desk says the meeting is marked held, and the board and the report count it held."""
    window.list_combo.setCurrentIndex([cl.id for cl in window.lists].index(b2b_room))
    clock.advance(hours=1, minutes=11)  # 10:25 in Sofia, five minutes before Table 12
    with qtbot.waitSignal(window.backend.meetings_found, timeout=5000):
        window.on_scan(scheduled.ivan)
    with qtbot.waitSignal(window.backend.meetings_found, timeout=5000) as found:
        window.on_scan(scheduled.ana)
    assert len(found.args[0].marked_held) == 1
    qtbot.waitUntil(lambda: window.desk.result.meetings.isVisible(), timeout=5000)
    lines = window.desk.result.meetings.text().split("\n")
    assert lines[-1] == "1 meeting marked held (both badges scanned here)"
    [held] = [m for m in MeetingsService(db, clock=clock).board(DAY1) if m.held]
    assert held.location == "Table 12" and held.outcome is Outcome.HELD
