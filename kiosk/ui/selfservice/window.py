"""The self-service kiosk window: full screen, frameless, locked, forgetting each attendee.

Attendees pick a language, scan their code (USB scanner or camera) or find themselves by name,
confirm, and take their badge. Every decision goes through the same services as the desk. After
a while without input the kiosk asks "Do you need more time?" (spoken too, when speech is on)
and, without an answer, clears everything about the previous person. Staff leave with five taps
in the top-left corner and the admin PIN.

Accessibility (see ``access.py``): an always-visible bar with Speak, A+ and High contrast; every
screen and result spoken in the attendee's language; each result announced to screen readers
with the focus on its main button; every screen operable with a keyboard or numeric keypad.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QCursor, QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFrame,
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.app import open_desk
from kiosk.app.checkin import CheckinResult, Clock, utc_now
from kiosk.app.lookup import Found
from kiosk.app.meetings import ScanMeetings
from kiosk.app.printing import JobState, PrintDecision, PrintJob
from kiosk.core.lists import list_for
from kiosk.core.model import Method
from kiosk.core.selfservice import Outcome
from kiosk.core.timeutil import local_day
from kiosk.ui.backend import DeskBackend, Failure, SearchResult
from kiosk.ui.i18n import Translations
from kiosk.ui.meeting_texts import kiosk_lines
from kiosk.ui.print_backend import PrintBackend
from kiosk.ui.selfservice.access import TEXT_SCALES, AccessBar, MoreTimePrompt, screen_parts
from kiosk.ui.selfservice.common import SHEET, kiosk_sheet, min_target_px
from kiosk.ui.selfservice.confirm import ConfirmScreen
from kiosk.ui.selfservice.find import FindScreen
from kiosk.ui.selfservice.pin import PinDialog
from kiosk.ui.selfservice.result import ResultScreen
from kiosk.ui.selfservice.scan import ScanScreen
from kiosk.ui.selfservice.welcome import WelcomeScreen
from kiosk.ui.sounds import Sounds
from kiosk.ui.speech import Speaker
from kiosk.ui.style import KIOSK_ICON, KIOSK_ICON_HIGH_CONTRAST
from kiosk.ui.texts import Severity
from kiosk.ui.widgets.touch_keyboard import TouchKeyboard

log = logging.getLogger(__name__)

#: Seconds without input before the kiosk asks "Do you need more time?" (then, without an
#: answer, forgets the person and shows the welcome screen). Staff can set another value.
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


class _Screens(QScrollArea):
    """Scrolls a screen that is taller than the window (larger text on a small screen).
    Keys pass through to the window, whose arrows move between controls (and the scroll area
    follows the focus); it takes no focus itself."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        event.ignore()


class _Pages(QStackedWidget):
    """The kiosk's screens, one at a time, sized by the screen shown. (A plain QStackedWidget
    asks its scroll area for the height of its tallest screen at this width, even for a screen
    not shown: the welcome screen scrolled because the find screen with its keyboard was
    taller.)"""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def heightForWidth(self, width: int) -> int:
        """The least height at which the screen shown squeezes nothing (words wrapped at this
        width): the scroll area gives it all the room there is, and scrolls only below that."""
        page = self.currentWidget()
        layout = page.layout() if page is not None else None
        if layout is None or not layout.hasHeightForWidth():
            return page.minimumSizeHint().height() if page is not None else -1
        return layout.minimumHeightForWidth(width)

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()


def _inside_keyboard(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, TouchKeyboard):
            return True
        parent = parent.parentWidget()
    return False


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
        speaker: Speaker | None = None,
        idle_seconds: int = IDLE_SECONDS,
        high_contrast: bool = False,
    ) -> None:
        super().__init__(None, Qt.WindowType.FramelessWindowHint)
        self.setObjectName("SelfService")
        self.path = str(path)
        self.translations = translations
        self.sounds = sounds
        self.clock: Clock = clock or utc_now
        self.allow_close = False
        # The window's own handle on the file (the PIN, on this thread); check-ins and searches
        # go through the backend's threads.
        self.admin_desk = open_desk(self.path, clock=self.clock, hub_guard=False)
        self.event_info = self.admin_desk.event
        self.kiosk = self.admin_desk.kiosk
        self.lists = self.admin_desk.lists()
        self.pin = self.admin_desk.admin_pin()
        self.backend = DeskBackend(self.path, self, clock=clock, self_service=True)
        self.printing = PrintBackend(self.path, self, clock=clock)
        self.language = translations.language
        self.home_language = translations.language  # what each new attendee starts with
        self.pending_first_name = ""
        self.last_scan_id = ""
        self._taps: list[float] = []
        self._last_press = -1
        self.problem = ""  # the last fault, for staff (the status dot)
        self.idle_seconds = max(5, int(idle_seconds))
        self.staff_high_contrast = high_contrast  # the theme each new attendee starts with
        self.high_contrast = high_contrast
        self.text_scale = TEXT_SCALES[0]
        self.speaker = speaker

        self.stack = _Pages(self)
        self.welcome = WelcomeScreen(self.event_info.name, self.stack)
        self.scan_screen = ScanScreen(self.stack, camera=camera)
        self.find_screen = FindScreen(self.stack)
        self.confirm = ConfirmScreen(self.stack)
        self.result = ResultScreen(self.stack)
        for screen in (self.welcome, self.scan_screen, self.find_screen, self.confirm, self.result):
            self.stack.addWidget(screen)
        self.access = AccessBar(self)
        self.access.set_available(speaker is not None and speaker.available())
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        # Larger text on a short screen: the screen scrolls rather than cutting words off.
        self.screens_area = _Screens(central)
        self.screens_area.setObjectName("Screens")
        self.screens_area.setWidget(self.stack)
        self.screens_area.setWidgetResizable(True)
        self.screens_area.setFrameShape(QFrame.Shape.NoFrame)
        self.screens_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        column.addWidget(self.screens_area, 1)
        column.addWidget(self.access)
        self.setCentralWidget(central)
        self.more_time = MoreTimePrompt(self.stack)
        # For staff: a small sign in the corner, with words for a screen reader and on hover.
        self.status_dot = QLabel(self)
        self.status_dot.setObjectName("StatusDot")
        self.status_dot.setFixedSize(26, 26)
        self.status_dot.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status_dot.setToolTip("")

        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self._idle_timeout)
        self._connect()
        self.set_high_contrast(high_contrast)
        self._problem("")
        self.welcome.mark_language(self.language)
        QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._follow_focus)
        self.reset()

    # -- wiring ------------------------------------------------------------------------------

    def _connect(self) -> None:
        self.welcome.language_chosen.connect(self.choose_language)
        self.welcome.scan_chosen.connect(self.show_scan)
        self.welcome.find_chosen.connect(self.show_find)
        self.access.contrast_toggled.connect(self.set_high_contrast)
        self.access.speech_toggled.connect(self.set_speech)
        self.access.larger_text.connect(self.larger_text)
        self.more_time.extended.connect(self.extend_time)
        self.more_time.expired.connect(self.reset)
        self.stack.currentChanged.connect(self._screen_changed)
        if self.speaker is not None:
            self.speaker.enabled_changed.connect(self._speech_changed)
            self.speaker.headset_connected.connect(lambda: self.set_speech(True))
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
        self.say_screen()  # the same screen, now in the chosen language

    def show_scan(self) -> None:
        # No control takes the focus here: the Enter of a slow scanner must not press "Back"
        # (Tab reaches it).
        focused = QApplication.focusWidget()
        if focused is not None:
            focused.clearFocus()
        self.stack.setCurrentWidget(self.scan_screen)
        self.scan_screen.start()
        self._wait(self.idle_seconds)

    def show_find(self) -> None:
        self.find_screen.start(self.language)
        self.stack.setCurrentWidget(self.find_screen)
        self.find_screen.field.setFocus()
        self._wait(self.idle_seconds)

    def show_find_again(self) -> None:
        self.confirm.forget()
        self.stack.setCurrentWidget(self.find_screen)
        self._wait(self.idle_seconds)

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
            self._fit_list()
            self.say_screen()

    def _fit_list(self) -> None:
        """The list of people is never squeezed below one whole name (with larger text on a
        short screen the screen scrolls instead)."""
        results = self.find_screen.results
        row = results.sizeHintForRow(0) if results.count() else 0
        # No names yet: no room asked for (0 would mean the list's own minimum, taller than a
        # name with the high-contrast scroll bar, and the screen scrolled at 150 %).
        results.setMinimumHeight(row + 2 * results.frameWidth() if row > 0 else 1)

    def ask(self, found: Found) -> None:
        self.confirm.ask(found)
        self.stack.setCurrentWidget(self.confirm)
        self.confirm.yes.setFocus()
        self._wait(self.idle_seconds)

    def check_in(self, found: Found) -> None:
        self.on_scan(found.attendee.code, Method.SELF_PICK)

    @Slot(str)
    def on_scan(self, code: str, method: Method = Method.SCANNED) -> None:
        """A code from the scanner or the camera, or the confirmed person's code."""
        if self.stack.currentWidget() is self.result and self.result.outcome:
            self.reset()  # the next person is already scanning
        lists = self._today_list()
        if lists is None:
            self._show(Outcome.SEE_DESK)
            self._problem("No check-in list for today")
            return
        self.scan_screen.stop()
        self.backend.scan(code, lists, method=method)

    def _today_list(self) -> int | None:
        """Today's list (kiosk.core.lists.list_for); None sends the attendee to the desk."""
        today = list_for(self.lists, local_day(self.clock(), self.event_info.timezone))
        return None if today is None else today.id

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
        """After a welcome (or "already checked in": people come back to see their schedule):
        the attendee's own meetings of the day."""
        welcomed = (
            Outcome.WELCOME_BADGE,
            Outcome.WELCOME_DESK,
            Outcome.BADGE_FAILED,
            Outcome.ALREADY,
        )
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
        self.more_time.dismiss()
        self.result.show_outcome(outcome, self.pending_first_name)
        focused = QApplication.focusWidget()
        if focused is not None and self.stack.isAncestorOf(focused):
            # Else Qt hands the focus to the next control (the Speak button) on the way, and a
            # screen reader says "Speak" before the result.
            focused.clearFocus()
        self.stack.setCurrentWidget(self.result)
        # The focus goes to the result's one action, so a screen reader reads the result and
        # Enter ends it.
        self.result.ok.setFocus(Qt.FocusReason.OtherFocusReason)
        severity = self.result.words()[0]
        if self.sounds is not None:
            self.sounds.play(severity)
        self.find_screen.forget()
        self.confirm.forget()
        self._wait(self._result_seconds())
        self.outcome_shown.emit(outcome)
        self.say_screen()

    def _result_seconds(self) -> int:
        """The result stays a short while; longer while it is being read aloud."""
        speaking = self.speaker is not None and self.speaker.enabled
        return max(RESULT_SECONDS, 15) if speaking else RESULT_SECONDS

    # -- printing ----------------------------------------------------------------------------

    @Slot(object)
    def _print_decided(self, decision: PrintDecision) -> None:
        # What the print queue did decides the words, not what the window last knew of the
        # settings: the printer may have been chosen or removed since (the desk window).
        if not decision.queued and self.result.outcome == Outcome.WELCOME_BADGE:
            self.result.show_outcome(Outcome.WELCOME_DESK, self.result.first_name)
        elif decision.queued and self.result.outcome == Outcome.WELCOME_DESK:
            self.result.show_outcome(Outcome.WELCOME_BADGE, self.result.first_name)

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
        # Not colour alone: a tick or an exclamation mark, and words for a screen reader.
        colour = "#c62828" if text else "#1e7d32"
        self.status_dot.setText("!" if text else "✓")
        self.status_dot.setStyleSheet(
            f"#StatusDot {{ background: {colour}; color: #ffffff; border-radius: 13px;"
            " font-size: 11pt; font-weight: 700; }"
        )
        words = self.tr("Kiosk problem: {problem}").format(problem=text) if text else self.tr(
            "Kiosk working"
        )
        self.status_dot.setToolTip(words)
        self.status_dot.setAccessibleName(words)

    # -- forgetting --------------------------------------------------------------------------

    def _wait(self, seconds: int) -> None:
        self.idle.start(seconds * 1000)

    def _idle_timeout(self) -> None:
        """Nobody touched the kiosk for a while: on a screen where someone may still be
        reading or typing, ask first; on the welcome or result screen, start over at once."""
        if self.stack.currentWidget() in (self.welcome, self.result):
            self.reset()
            return
        self.more_time.ask()
        if self.speaker is not None and self.speaker.enabled:
            self.speaker.speak(screen_parts(self.more_time), self.language)
        elif self.sounds is not None:
            self.sounds.play(Severity.ATTENTION)  # heard, as well as seen

    def extend_time(self) -> None:
        """"Yes, more time" (or any touch or key while the question is up)."""
        self.more_time.dismiss()
        self._wait(self.idle_seconds)
        focus = self.stack.currentWidget()
        if focus is self.find_screen:
            self.find_screen.field.setFocus()
        elif focus is self.confirm:
            self.confirm.yes.setFocus()
        self.say_screen()

    @Slot()
    def reset(self) -> None:
        """Back to the welcome screen; nothing of the previous person stays anywhere."""
        self.idle.stop()
        self.more_time.dismiss()
        self.scan_screen.stop()
        self.find_screen.forget()
        self.confirm.forget()
        self.result.forget()
        self.pending_first_name = ""
        if self.speaker is not None:
            self.speaker.set_enabled(False)  # speech, like the language, is the person's choice
        if self.language != self.home_language:
            self.choose_language(self.home_language)  # the next person starts afresh
        if self.high_contrast != self.staff_high_contrast:
            self.set_high_contrast(self.staff_high_contrast)
        if self.text_scale != TEXT_SCALES[0]:
            self.set_text_scale(TEXT_SCALES[0])
        self.stack.setCurrentWidget(self.welcome)
        self.welcome.scan_button.setFocus()
        self.reset_done.emit()

    # -- lockdown ----------------------------------------------------------------------------

    def show_kiosk(self, *, hide_cursor: bool = False) -> None:
        screen = self.screen() or QApplication.primaryScreen()
        if screen is not None:
            self.setGeometry(screen.geometry())
        if hide_cursor:
            QApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
        self.showFullScreen()

    # -- access: contrast, text size, speech, keys ---------------------------------------------

    def set_high_contrast(self, on: bool) -> None:
        self.high_contrast = on
        self._restyle()
        self.find_screen.keyboard.set_high_contrast(on)
        self.result.icon_colours = KIOSK_ICON_HIGH_CONTRAST if on else KIOSK_ICON
        self.result.retranslate()
        self.access.set_look(high_contrast=on)
        if self.access.contrast.isChecked() != on:
            self.access.contrast.setChecked(on)

    def larger_text(self) -> None:
        """"A+": the next text size, and after the largest back to normal."""
        index = TEXT_SCALES.index(self.text_scale) if self.text_scale in TEXT_SCALES else 0
        self.set_text_scale(TEXT_SCALES[(index + 1) % len(TEXT_SCALES)])

    def set_text_scale(self, scale: float) -> None:
        self.text_scale = scale
        self._restyle()
        percent = round(scale * 100)
        self.access.larger.setAccessibleDescription(
            self.tr("Text size {percent} %").format(percent=percent)
        )

    def _restyle(self) -> None:
        self.setStyleSheet(kiosk_sheet(high_contrast=self.high_contrast, scale=self.text_scale))
        # A button never gets less height than its words need at this text size, nor than a
        # touch target (the style sheet sets a button's minimum to its words' height: Speak,
        # A+ and High contrast came out 49 px, under 15 mm).
        side = min_target_px(self)
        buttons = [*self.stack.findChildren(QPushButton), *self.access.findChildren(QPushButton)]
        for button in buttons:
            if not _inside_keyboard(button):
                button.ensurePolished()
                button.setMinimumHeight(max(side, button.sizeHint().height()))
        self._fit_list()

    def set_speech(self, on: bool) -> None:
        if self.speaker is None or not self.speaker.available():
            return
        self.speaker.set_enabled(on)

    def _speech_changed(self, on: bool) -> None:
        if self.access.speak.isChecked() != on:
            self.access.speak.setChecked(on)
        if on:
            self.say_screen()

    def say_screen(self) -> None:
        """Read the current screen aloud (when speech is on): exactly its shown words."""
        if self.speaker is None or not self.speaker.enabled:
            return
        shown = self.more_time if self.more_time.isVisible() else self.stack.currentWidget()
        if shown is not None:
            self.speaker.speak(screen_parts(shown), self.language)

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        """A control reached by keyboard on a screen taller than the window scrolls into
        view."""
        if new is not None and self.stack.isAncestorOf(new):
            self.screens_area.ensureWidgetVisible(new)

    def _screen_changed(self, _index: int) -> None:
        # Only the screen shown asks for room: another screen's size never makes this one
        # scroll.
        current = self.stack.currentWidget()
        for index in range(self.stack.count()):
            page = self.stack.widget(index)
            policy = QSizePolicy.Policy.Preferred if page is current else QSizePolicy.Policy.Ignored
            if page is not None:
                page.setSizePolicy(policy, policy)
        if current is not self.result:
            self.say_screen()  # a result is said by _show, once its words are in place

    def _access_key(self, event: QKeyEvent) -> bool:
        """The keys of the access bar (a keyboard's F1–F3, or a keypad's * / +). True if the
        key was one of them."""
        key = event.key()
        keypad = bool(event.modifiers() & Qt.KeyboardModifier.KeypadModifier)
        if key == Qt.Key.Key_F1 or (keypad and key == Qt.Key.Key_Asterisk):
            self.access.speak.click()
        elif key == Qt.Key.Key_F2 or (keypad and key == Qt.Key.Key_Slash):
            if self.speaker is not None and not self.speaker.enabled:
                self.access.speak.click()
            else:
                self.say_screen()
        elif key == Qt.Key.Key_F3 or (keypad and key == Qt.Key.Key_Plus):
            self.larger_text()
        elif key == Qt.Key.Key_F4 or (keypad and key == Qt.Key.Key_Minus):
            if self.speaker is not None:
                self.speaker.pause_or_resume()
        else:
            return False
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Keys the focused control did not use: Enter presses the focused button (or takes
        the focused person in the list), arrows and keypad 2/4/6/8 move between controls."""
        if self.more_time.isVisible():
            self.extend_time()  # any key answers "more time?" with yes
            return
        key = event.key()
        focus = QApplication.focusWidget()
        keypad = bool(event.modifiers() & Qt.KeyboardModifier.KeypadModifier)
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) or (keypad and key == Qt.Key.Key_5)
        if enter and isinstance(focus, QAbstractButton) and focus.window() is self:
            focus.click()
            return
        if enter and isinstance(focus, QListWidget) and focus.currentItem() is not None:
            focus.itemClicked.emit(focus.currentItem())
            return
        back = (Qt.Key.Key_Up, Qt.Key.Key_Left) + ((Qt.Key.Key_8, Qt.Key.Key_4) if keypad else ())
        ahead = (Qt.Key.Key_Down, Qt.Key.Key_Right) + (
            (Qt.Key.Key_2, Qt.Key.Key_6) if keypad else ()
        )
        if key in back:
            self.focusNextPrevChild(False)
            return
        if key in ahead:
            self.focusNextPrevChild(True)
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        current = self.stack.currentWidget()
        touches = (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin)
        if kind in touches and self.more_time.isVisible():
            self.extend_time()  # any touch answers "more time?" with yes (keys: keyPressEvent)
        if kind in _INPUT_EVENTS and current is not self.welcome and self.idle.isActive():
            self._wait(self._result_seconds() if current is self.result else self.idle_seconds)
        keys = (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
        if kind in keys and isinstance(event, QKeyEvent) and self._locked_key(event):
            event.accept()
            return True
        if (
            kind == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QWidget)
            and watched.window() is self
            and self._access_key(event)
        ):
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
        self.status_dot.move(self.width() - 34, 8)  # top right, clear of the access bar
        self.status_dot.raise_()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.allow_close:
            event.ignore()
            return
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
            if isinstance(app, QApplication):
                app.focusChanged.disconnect(self._follow_focus)
        self.scan_screen.stop()
        if self.speaker is not None:
            self.speaker.stop()  # no voice process outlives the window
        self.backend.shutdown()
        self.printing.shutdown()
        self.admin_desk.close()
        super().closeEvent(event)

