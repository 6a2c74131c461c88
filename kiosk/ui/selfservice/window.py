"""The self-service kiosk window: full screen, frameless, locked, forgetting each attendee.

Attendees pick a language, scan their code (USB scanner or camera) or find themselves by name,
confirm, and take their badge. Every decision goes through the same services as the desk. After
a few seconds without input everything about the previous person is cleared. Staff leave with
five taps in the top-left corner and the admin PIN.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QCursor, QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QStackedWidget, QWidget

from kiosk.app.adminpin import AdminPin
from kiosk.app.checkin import CheckinResult, Clock, utc_now
from kiosk.app.lookup import Found
from kiosk.app.meetings import ScanMeetings
from kiosk.app.printing import PrintDecision
from kiosk.core.timeutil import local_day
from kiosk.storage import events
from kiosk.storage.database import Database
from kiosk.storage.printjobs import JobState, PrintJob
from kiosk.ui.backend import DeskBackend, Failure, SearchResult
from kiosk.ui.i18n import Translations
from kiosk.ui.meeting_texts import kiosk_lines
from kiosk.ui.print_backend import PrintBackend
from kiosk.ui.selfservice.common import HIGH_CONTRAST, SHEET
from kiosk.ui.selfservice.confirm import ConfirmScreen
from kiosk.ui.selfservice.find import FindScreen
from kiosk.ui.selfservice.pin import PinDialog
from kiosk.ui.selfservice.result import Outcome, ResultScreen
from kiosk.ui.selfservice.scan import ScanScreen
from kiosk.ui.selfservice.welcome import WelcomeScreen
from kiosk.ui.sounds import Sounds

log = logging.getLogger(__name__)

#: Seconds without input before the kiosk forgets the person and shows the welcome screen.
IDLE_SECONDS = 30
#: On the result screen, a shorter wait: the person has what they came for.
RESULT_SECONDS = 8
#: Taps in the corner, within this many seconds, that call for the staff PIN.
CORNER_TAPS, CORNER_SECONDS, CORNER_PX = 5, 3.0, 90

_INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.Wheel,
}


#: What a tap in the corner arrives as: a press, or a double-click for the second quick one.
_TAP_EVENTS = {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick}


class SelfServiceWindow(QMainWindow):
    """One kiosk on one event database."""

    reset_done = Signal()  # the welcome screen is back and nothing of the person is left
    outcome_shown = Signal(str)  # an Outcome code
    exit_requested = Signal()  # staff entered the right PIN

    def __init__(
        self,
        path: str | Path,
        translations: Translations,
        sounds: Sounds | None = None,
        clock: Clock | None = None,
        *,
        camera: bool = True,
    ) -> None:
        super().__init__(None, Qt.WindowType.FramelessWindowHint)
        self.setObjectName("SelfService")
        self.path = str(path)
        self.translations = translations
        self.sounds = sounds
        self.clock: Clock = clock or utc_now
        self.allow_close = False
        with Database(self.path) as db:
            self.event_info = events.event_info(db)
            self.kiosk = events.local_kiosk(db)
            self.lists = events.checkin_lists(db)
        self.admin_db = Database(self.path)
        self.pin = AdminPin(self.admin_db, self.kiosk, self.clock)
        self.backend = DeskBackend(self.path, self, clock=clock)
        self.printing = PrintBackend(self.path, self, clock=clock)
        self.language = translations.language
        self.home_language = translations.language  # what each new attendee starts with
        self.pending_first_name = ""
        self.last_scan_id = ""
        self._taps: list[float] = []
        self._last_press = -1
        self.problem = ""  # the last fault, for staff (the status dot)

        self.stack = QStackedWidget(self)
        self.welcome = WelcomeScreen(self.event_info.name, self.stack)
        self.scan_screen = ScanScreen(self.stack, camera=camera)
        self.find_screen = FindScreen(self.stack)
        self.confirm = ConfirmScreen(self.stack)
        self.result = ResultScreen(self.stack)
        for screen in (self.welcome, self.scan_screen, self.find_screen, self.confirm, self.result):
            self.stack.addWidget(screen)
        self.setCentralWidget(self.stack)
        self.status_dot = QLabel(self)
        self.status_dot.setFixedSize(14, 14)
        self.status_dot.setToolTip("")

        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self.reset)
        self._connect()
        self.set_high_contrast(False)
        self.welcome.mark_language(self.language)
        QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]
        self.reset()

    # -- wiring ------------------------------------------------------------------------------

    def _connect(self) -> None:
        self.welcome.language_chosen.connect(self.choose_language)
        self.welcome.scan_chosen.connect(self.show_scan)
        self.welcome.find_chosen.connect(self.show_find)
        self.welcome.contrast_toggled.connect(self.set_high_contrast)
        self.scan_screen.back.connect(self.reset)
        self.scan_screen.code_read.connect(self.on_scan)
        self.find_screen.back.connect(self.reset)
        self.find_screen.query_changed.connect(self.find_myself)
        self.find_screen.chosen.connect(self.ask)
        self.confirm.declined.connect(self.show_find_again)
        self.confirm.confirmed.connect(self.check_in)
        self.result.done.connect(self.reset)
        self.backend.searched.connect(self._searched)
        self.backend.scanned.connect(self._scanned)
        self.backend.meetings_found.connect(self._meetings_found)
        self.backend.failed.connect(self._failed)
        self.printing.decided.connect(self._print_decided)
        self.printing.job_changed.connect(self._print_job)
        self.printing.failed.connect(self._print_failed)

    # -- the attendee's path -----------------------------------------------------------------

    def choose_language(self, language: str) -> None:
        self.language = language
        self.translations.switch(language)
        self.welcome.mark_language(language)

    def show_scan(self) -> None:
        self.stack.setCurrentWidget(self.scan_screen)
        self.scan_screen.start()
        self._wait(IDLE_SECONDS)

    def show_find(self) -> None:
        self.find_screen.start(self.language)
        self.stack.setCurrentWidget(self.find_screen)
        self._wait(IDLE_SECONDS)

    def show_find_again(self) -> None:
        self.confirm.forget()
        self.stack.setCurrentWidget(self.find_screen)
        self._wait(IDLE_SECONDS)

    @Slot(str)
    def find_myself(self, query: str) -> None:
        """Search with the self-service privacy rule on today's list (no list: nobody)."""
        list_id = self._today_list()
        if list_id is None:
            self.find_screen.show_people(query, [])
            return
        self.backend.find_myself(query, list_id)

    @Slot(object)
    def _searched(self, result: SearchResult) -> None:
        if self.stack.currentWidget() is self.find_screen:
            self.find_screen.show_people(result.query, result.found)

    def ask(self, found: Found) -> None:
        self.confirm.ask(found)
        self.stack.setCurrentWidget(self.confirm)
        self._wait(IDLE_SECONDS)

    def check_in(self, found: Found) -> None:
        self.on_scan(found.attendee.code)

    @Slot(str)
    def on_scan(self, code: str) -> None:
        """A code from the scanner or the camera, or the confirmed person's code."""
        if self.stack.currentWidget() is self.result and self.result.outcome:
            self.reset()  # the next person is already scanning
        lists = self._today_list()
        if lists is None:
            self._show(Outcome.SEE_DESK)
            self._problem("No check-in list for today")
            return
        self.scan_screen.stop()
        self.backend.scan(code, lists)

    def _today_list(self) -> int | None:
        today = local_day(self.clock(), self.event_info.timezone)
        return next((cl.id for cl in self.lists if cl.day == today), None)

    @Slot(object)
    def _scanned(self, result: CheckinResult) -> None:
        person = result.decision.attendee
        self.pending_first_name = person.first_name if person else ""
        self.last_scan_id = result.scan_id
        self.result.show_meetings([])
        # The badge is queued by the print thread; say "printing" only when it is.
        self.printing.on_checkin(result)
        outcome = ResultScreen.outcome_for(result, badge_queued=False)
        settings = self.printing.settings
        if outcome == Outcome.WELCOME_DESK and settings is not None and settings.printer_uri:
            outcome = Outcome.WELCOME_BADGE
        self._show(outcome)

    @Slot(object)
    def _meetings_found(self, found: ScanMeetings) -> None:
        """After a welcome: the attendee's own meetings of the day."""
        welcomed = (Outcome.WELCOME_BADGE, Outcome.WELCOME_DESK, Outcome.BADGE_FAILED)
        if found.scan_id == self.last_scan_id and self.result.outcome in welcomed:
            self.result.show_meetings(kiosk_lines(found))

    @Slot(object)
    def _failed(self, failure: Failure) -> None:
        if failure.request in ("scan", "walk_in"):
            self._problem(failure.message)
            self._show(Outcome.SEE_DESK)
        else:
            self._problem(failure.message)

    def _show(self, outcome: str) -> None:
        self.result.show_outcome(outcome, self.pending_first_name)
        self.stack.setCurrentWidget(self.result)
        severity = self.result.words()[0]
        if self.sounds is not None:
            self.sounds.play(severity)
        self.find_screen.forget()
        self.confirm.forget()
        self._wait(RESULT_SECONDS)
        self.outcome_shown.emit(outcome)

    # -- printing ----------------------------------------------------------------------------

    @Slot(object)
    def _print_decided(self, decision: PrintDecision) -> None:
        if not decision.queued and self.result.outcome == Outcome.WELCOME_BADGE:
            self.result.show_outcome(Outcome.WELCOME_DESK, self.result.first_name)

    @Slot(object)
    def _print_job(self, job: PrintJob) -> None:
        if job.state is JobState.FAILED:
            self._problem(f"badge not printed: {job.message}")
            if self.result.outcome == Outcome.WELCOME_BADGE:
                self.result.show_outcome(Outcome.BADGE_FAILED, self.result.first_name)
        elif job.state is JobState.DONE:
            self._problem("")

    @Slot(str)
    def _print_failed(self, message: str) -> None:
        self._problem(message)

    def _problem(self, text: str) -> None:
        """Faults are for staff: logged, and a small dot in the corner turns red."""
        if text:
            log.warning("self-service kiosk %s: %s", self.kiosk.name, text)
        self.problem = text
        colour = "#c62828" if text else "#2e7d32"
        self.status_dot.setStyleSheet(f"background: {colour}; border-radius: 7px;")
        self.status_dot.setToolTip(text)

    # -- forgetting --------------------------------------------------------------------------

    def _wait(self, seconds: int) -> None:
        self.idle.start(seconds * 1000)

    @Slot()
    def reset(self) -> None:
        """Back to the welcome screen; nothing of the previous person stays anywhere."""
        self.idle.stop()
        self.scan_screen.stop()
        self.find_screen.forget()
        self.confirm.forget()
        self.result.forget()
        self.pending_first_name = ""
        if self.language != self.home_language:
            self.choose_language(self.home_language)  # the next person starts afresh
        self.stack.setCurrentWidget(self.welcome)
        self.reset_done.emit()

    # -- lockdown ----------------------------------------------------------------------------

    def show_kiosk(self, *, hide_cursor: bool = False) -> None:
        screen = self.screen() or QApplication.primaryScreen()
        if screen is not None:
            self.setGeometry(screen.geometry())
        if hide_cursor:
            QApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
        self.showFullScreen()

    def set_high_contrast(self, on: bool) -> None:
        self.setStyleSheet(SHEET + (HIGH_CONTRAST if on else ""))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        current = self.stack.currentWidget()
        if kind in _INPUT_EVENTS and current is not self.welcome and self.idle.isActive():
            self._wait(RESULT_SECONDS if current is self.result else IDLE_SECONDS)
        keys = (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
        if kind in keys and isinstance(event, QKeyEvent) and self._locked_key(event):
            event.accept()
            return True
        if (
            kind in _TAP_EVENTS
            and isinstance(event, QMouseEvent)
            and isinstance(watched, QWidget)
            and watched.window() is self
            and event.timestamp() != self._last_press
        ):
            # A press reaches the filter once per widget it passes through: count it once.
            # Qt delivers the second of two quick taps as a double-click instead of a press,
            # so both kinds count, each as one tap.
            self._last_press = event.timestamp()
            self._corner_tap(watched.mapTo(self, event.position().toPoint()), event.timestamp())
        return False

    @staticmethod
    def _locked_key(event: QKeyEvent) -> bool:
        key = event.key()
        mods = event.modifiers()
        if key == Qt.Key.Key_Escape:
            return True
        if key == Qt.Key.Key_F4 and mods & Qt.KeyboardModifier.AltModifier:
            return True
        control = Qt.KeyboardModifier.ControlModifier
        return bool(mods & control) and key in (Qt.Key.Key_Q, Qt.Key.Key_W)

    def _corner_tap(self, where: QPoint, timestamp_ms: int) -> None:
        """One tap at ``where``; ``timestamp_ms`` is the event's own time (the window system's
        clock), so a busy GUI thread that handles the taps late still sees them as quick."""
        if where.x() > CORNER_PX or where.y() > CORNER_PX:
            self._taps.clear()
            return
        now = timestamp_ms / 1000
        self._taps = [t for t in self._taps if 0 <= now - t < CORNER_SECONDS] + [now]
        if len(self._taps) >= CORNER_TAPS:
            self._taps.clear()
            QTimer.singleShot(0, self.ask_staff_pin)

    def ask_staff_pin(self) -> None:
        dialog = PinDialog(self.pin, "enter" if self.pin.is_set() else "set", self)
        dialog.setStyleSheet(self.styleSheet())
        if dialog.exec():
            self.exit_requested.emit()
            self.leave()

    def ensure_pin(self) -> bool:
        """First use: staff choose the PIN before the kiosk locks. False if they cancel."""
        if self.pin.is_set():
            return True
        dialog = PinDialog(self.pin, "set", self)
        dialog.setStyleSheet(SHEET)
        return bool(dialog.exec())

    def leave(self) -> None:
        self.allow_close = True
        QApplication.restoreOverrideCursor()
        self.close()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.status_dot.move(self.width() - 24, self.height() - 24)
        self.status_dot.raise_()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.allow_close:
            event.ignore()
            return
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.scan_screen.stop()
        self.backend.shutdown()
        self.printing.shutdown()
        self.admin_db.close()
        super().closeEvent(event)

