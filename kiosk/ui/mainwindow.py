"""The desk window: a context bar (event, list, entry/exit, kiosk, language, sound), the desk
screen, and the glue between scans, the database worker and what is shown."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QSettings, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.app import open_desk
from kiosk.app.checkin import CheckinResult, Clock, UndoResult, utc_now
from kiosk.app.desk import UndoTarget, code_check, typed_code
from kiosk.app.door import Desk, Kiosk, NewAttendee
from kiosk.app.lookup import Found, PersonDetails
from kiosk.app.people import ON_BADGE
from kiosk.core import wording
from kiosk.core.codes import display
from kiosk.core.decide import FORCEABLE
from kiosk.core.lists import list_to_show
from kiosk.core.model import Attendee, CheckinList, Method
from kiosk.core.reasons import Hint, Reason
from kiosk.core.timeutil import local_day
from kiosk.ui.backend import (
    Failure,
    ImportChoices,
    Known,
    PersonEdited,
    SearchResult,
    Similar,
)
from kiosk.ui.desk_keys import DeskKeys
from kiosk.ui.first_paint import AfterFirstPaint
from kiosk.ui.i18n import LANGUAGES, Translations
from kiosk.ui.meeting_texts import desk_lines
from kiosk.ui.multimedia import sound_text
from kiosk.ui.scanner import ScannerFilter
from kiosk.ui.screens.desk import DeskScreen
from kiosk.ui.sounds import Sounds
from kiosk.ui.texts import (
    Explained,
    Severity,
    day_text,
    explain,
    fault_text,
    list_text,
    time_text,
    title,
    ui_language,
)
from kiosk.ui.widgets.fitted_label import FittedLabel
from kiosk.ui.widgets.icons import speaker_icon
from kiosk.ui.widgets.result_panel import ResultNotice
from kiosk.ui.widgets.sync_state import SyncStateButton

# Dialogs, screens and what only they need are imported when first opened, and the database
# threads, printing and sync when the window has been painted (see MainWindow.start): the desk
# window is on screen sooner (bench/desk_startup.py measures it).
if TYPE_CHECKING:
    from kiosk.app.importing import ImportReport
    from kiosk.app.meetings import ScanMeetings
    from kiosk.app.numbers import LiveNumbers
    from kiosk.app.printing import NeedsConfirmation, PrintDecision, PrintJob
    from kiosk.app.sync import SyncResult
    from kiosk.ui.backend import DeskBackend
    from kiosk.ui.dialogs.badge_settings import BadgeSettingsDialog
    from kiosk.ui.dialogs.badges_pdf import BadgesPdfDialog
    from kiosk.ui.dialogs.conflicts import ConflictsDialog
    from kiosk.ui.dialogs.meetings_board import MeetingsBoard
    from kiosk.ui.dialogs.print_queue import PrintQueueDialog
    from kiosk.ui.dialogs.sync import SyncDialog
    from kiosk.ui.print_backend import PrintBackend
    from kiosk.ui.screens.reports import ReportsScreen
    from kiosk.ui.sync_backend import Imported, SyncBackend
    from kiosk.ui.widgets.camera_view import CameraView

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """One event database, one kiosk.

    The window is built in two steps. The constructor makes what is seen: the context bar and
    the desk screen, filled from the event file. :meth:`start` then makes the database threads,
    printing and sync and connects the controls to them. With ``deferred=True`` (the desk
    application) :meth:`start` runs just after the window's first paint, so the window is on
    screen as soon as Qt can show it; a scan that arrives before is kept and decided then, in
    order. Otherwise (tests, tools) it runs at once.
    """

    result_shown = Signal(object)  # the CheckinResult or Failure just put on the panel
    import_done = Signal(object)  # the ImportReport of an import started from the menu
    started = Signal()  # start() has made the backends: scans are decided from now on

    backend: DeskBackend
    printing: PrintBackend
    sync: SyncBackend

    def __init__(
        self,
        path: str | Path,
        translations: Translations,
        sounds: Sounds | None = None,
        clock: Clock | None = None,
        *,
        deferred: bool = False,
    ) -> None:
        super().__init__()
        self.path = str(path)
        self.translations = translations
        self.sounds = sounds
        self.clock: Clock = clock or utc_now
        self.settings = QSettings()
        with self.open_desk() as desk:
            self.event_info = desk.event
            self.lists = desk.lists()
            self.kiosk = desk.kiosk
        self.zone = ZoneInfo(self.event_info.timezone)
        self.exit_mode = False
        self.last_result: CheckinResult | None = None
        self.last_meetings: ScanMeetings | None = None
        self.known = Known([], [])
        self._scanner: ScannerFilter | None = None  # set by the application
        self._undo_asked: UndoTarget | None = None  # the undo staff confirmed, until done
        self._walk_in: NewAttendee | None = None  # a walk-in waiting for the similar names
        self.notice: ResultNotice | None = None  # a result shown above a modal dialog
        self.similar_dialog: QDialog | None = None  # "is the walk-in one of these?"
        # The file being imported and the choices made for it (to import it again).
        self._importing: tuple[str, ImportChoices] | None = None
        self._clock_given = clock
        #: Scans (code, how) that arrived before :meth:`start`, decided by it in order.
        self._early_scans: list[tuple[str, Method]] = []
        self.is_started = False
        self._closed = False
        self.print_queue: PrintQueueDialog | None = None
        self.badge_settings: BadgeSettingsDialog | None = None
        self.badges_pdf: BadgesPdfDialog | None = None
        self.sync_dialog: SyncDialog | None = None
        self.conflicts_dialog: ConflictsDialog | None = None
        self.reports: ReportsScreen | None = None
        self.meetings_board: MeetingsBoard | None = None
        self.desk = DeskScreen(self)
        self.desk.code_of = lambda text: typed_code(text, self.known.foreign_codes)
        self.desk.result.set_ready_after(self._ready_seconds())
        self._build_context_bar()
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.context)
        layout.addWidget(self.desk, 1)
        self.setCentralWidget(central)
        self._build_actions()
        self.keys = DeskKeys(self)  # a shortcut for every control of the bars (desk_keys.py)
        # Enter on a ticket code in the search box is a check-in of that code even before
        # start() (it waits there); the log says the code was typed: no ticket was read.
        self.desk.scan_requested.connect(self.on_typed_code)
        self._numbers_timer = QTimer(self)
        self._numbers_timer.setSingleShot(True)
        self._numbers_timer.setInterval(300)
        self._numbers_timer.timeout.connect(self.refresh_numbers)
        self._tick = QTimer(self)
        self._tick.setInterval(60_000)  # other desks' check-ins arrive with sync
        self._tick.timeout.connect(self.refresh_numbers)
        self._pending_numbers: LiveNumbers | None = None
        self._show_numbers = QTimer(self)
        self._show_numbers.setSingleShot(True)
        self._show_numbers.setInterval(40)
        self._show_numbers.timeout.connect(self._apply_pending_numbers)
        self._recount = QTimer(self)
        self._recount.setSingleShot(True)
        self._recount.setInterval(10_000)
        self._recount.timeout.connect(self.refresh_numbers)
        self.retranslate()
        self.resize(1366, 768)
        if deferred:
            # Once the first frame is on screen; at the latest after two seconds (a window
            # opened minimized is not painted).
            AfterFirstPaint(self, self.start)  # owned by the window
            QTimer.singleShot(2000, self.start)
        else:
            self.start()

    def start(self) -> None:
        """Make the database threads, printing and sync, connect the controls to them, count
        and decide the scans that arrived meanwhile (once; nothing after the window closed)."""
        if self.is_started or self._closed:
            return
        from kiosk.ui.backend import DeskBackend
        from kiosk.ui.print_backend import PrintBackend
        from kiosk.ui.sync_backend import SyncBackend

        self.is_started = True
        clock = self._clock_given
        self.backend = DeskBackend(self.path, self, clock=clock)
        self.printing = PrintBackend(self.path, self, clock=clock)
        self.sync = SyncBackend(self.path, self)
        self._connect()
        self._tick.start()
        self._printer_text()
        self.refresh_numbers()
        self.backend.load_known()
        self.started.emit()
        early, self._early_scans = self._early_scans, []
        for code, method in early:
            self.on_scan(code, method)
        if self.desk.search.text().strip():
            self.on_search_changed(self.desk.search.text())  # typed before the start


    def open_desk(self) -> Desk:
        """The event file, opened on this (the window's) thread for a short read or a setting;
        check-ins and searches go through the backend's threads."""
        return open_desk(self.path, clock=self.clock, hub_guard=False)

    # -- building ----------------------------------------------------------------------------

    @property
    def scanner(self) -> ScannerFilter | None:
        """The application's scanner filter; it learns the event's imported codes from here."""
        return self._scanner

    @scanner.setter
    def scanner(self, scanner: ScannerFilter | None) -> None:
        self._scanner = scanner
        if scanner is not None:
            scanner.set_code_check(code_check(self.known.foreign_codes))

    def _ready_seconds(self) -> float:
        """How long a result stays up before the panel says "Ready" (desk/ready_seconds)."""
        try:
            return float(str(self.settings.value("desk/ready_seconds", 8)))
        except ValueError:
            return 8.0

    def _build_context_bar(self) -> None:
        self.context = QFrame(self)
        self.context.setObjectName("ContextBar")
        bar = QHBoxLayout(self.context)
        bar.setContentsMargins(12, 8, 12, 8)
        bar.setSpacing(8)
        # The bar must fit a 1366-pixel laptop screen in every language: the event name gives
        # up width first, but never text (a smaller font, then two lines); the list is elided
        # (the whole text in its popup).
        self.event_name = FittedLabel(self.event_info.name, self.context, minimum=120)
        self.event_name.setObjectName("EventName")
        self.list_label = QLabel(self.context)
        self.list_combo = QComboBox(self.context)
        self.list_combo.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.list_combo.setMinimumWidth(180)
        for cl in self.lists:
            self.list_combo.addItem(list_text(cl, short=True), cl.id)
        self.list_combo.setCurrentIndex(self._default_list_index())
        self.entry_button = QToolButton(self.context)
        self.exit_button = QToolButton(self.context)
        self.exit_button.setObjectName("ExitMode")
        self.mode_group = QButtonGroup(self)
        for button in (self.entry_button, self.exit_button):
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.mode_group.addButton(button)
        self.entry_button.setChecked(True)
        self.kiosk_button = QToolButton(self.context)
        self.kiosk_button.setObjectName("KioskName")
        self.kiosk_button.setAutoRaise(True)
        self.kiosk_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.language_combo = QComboBox(self.context)
        self.language_combo.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(
            list(LANGUAGES).index(self.translations.language)
        )
        # The sync corner lives in the status bar: its words (last sync, scans waiting, hub
        # unreachable) change all day and would otherwise make the top bar, and with it the
        # window, wider than a laptop screen.
        self.sync_state = SyncStateButton(self.zone, self.statusBar())
        self.statusBar().addPermanentWidget(self.sync_state)
        self.printer_button = QToolButton(self.context)
        self.printer_button.setObjectName("PrinterState")
        self.printer_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.printer_state = "none"  # none, ok, busy, problem
        self._printer_width_language = ""
        self.camera_button = QToolButton(self.context)
        self.camera_button.setCheckable(True)
        self.camera_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.camera_view: CameraView | None = None
        self.sound_button = QToolButton(self.context)
        self.sound_button.setObjectName("Sound")
        self.sound_button.setCheckable(True)
        self.sound_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # An icon, not words: "Sound off" is a long phrase in Romanian and Bulgarian, and a
        # crossed-out speaker is understood in every language (the words are in the tooltip).
        self.sound_button.setIcon(speaker_icon(on_colour="#102027", off_colour="#eceff1"))
        self.sound_button.setIconSize(QSize(22, 22))
        self.sound_button.setChecked(self.sounds is None or self.sounds.muted)
        self.menu_button = QToolButton(self.context)
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.menu = QMenu(self)
        self.menu_button.setMenu(self.menu)
        # The event name takes the spare width (it wraps into it), the list and modes keep
        # theirs.
        bar.addWidget(self.event_name, 1)
        bar.addSpacing(16)
        bar.addWidget(self.list_label)
        bar.addWidget(self.list_combo)
        bar.addWidget(self.entry_button)
        bar.addWidget(self.exit_button)
        bar.addWidget(self.kiosk_button)
        bar.addSpacing(8)
        bar.addWidget(self.printer_button)
        bar.addWidget(self.camera_button)
        bar.addWidget(self.language_combo)
        bar.addWidget(self.sound_button)
        bar.addWidget(self.menu_button)

    def _default_list_index(self) -> int:
        """The list staff are shown (kiosk.core.lists.list_to_show): today's; before the event
        the first day's, after it the last day's."""
        shown = list_to_show(self.lists, local_day(self._now(), self.event_info.timezone))
        return -1 if shown is None else self.lists.index(shown)

    def _build_actions(self) -> None:
        self.walk_in_action = QAction(self)
        self.walk_in_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.undo_action = QAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.scanner_action = QAction(self)
        self.import_action = QAction(self)
        self.badges_action = QAction(self)
        self.queue_action = QAction(self)
        self.badges_pdf_action = QAction(self)
        self.sync_action = QAction(self)
        self.conflicts_action = QAction(self)
        self.reports_action = QAction(self)
        self.pin_reset_action = QAction(self)
        self.meetings_action = QAction(self)
        self.lists_action = QAction(self)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        for action in (
            self.walk_in_action,
            self.undo_action,
            self.import_action,
            self.badges_action,
            self.queue_action,
            self.badges_pdf_action,
            self.sync_action,
            self.conflicts_action,
            self.reports_action,
            self.meetings_action,
            self.lists_action,
            self.scanner_action,
            self.pin_reset_action,
        ):
            self.menu.addAction(action)
            self.addAction(action)
        self.menu.addSeparator()
        self.help_menu = self.menu.addMenu("")
        self.about_action = QAction(self)
        self.help_menu.addAction(self.about_action)
        self.menu.addAction(self.quit_action)
        self.addAction(self.quit_action)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.activated.connect(self.focus_search)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.activated.connect(self._escape)

    def _connect(self) -> None:
        """The controls and the backends, wired together by :meth:`start`."""
        self.backend.scanned.connect(self.on_scanned)
        self.backend.undone.connect(self.on_undone)
        self.backend.searched.connect(self.on_searched)
        self.backend.counted.connect(self.on_counted)
        self.backend.failed.connect(self.on_failed)
        self.backend.meetings_found.connect(self.on_meetings_found)
        self.backend.detailed.connect(self.on_detailed)
        self.backend.known.connect(self.on_known)
        self.backend.imported.connect(self.on_imported)
        self.backend.renamed.connect(self.on_kiosk_renamed)
        self.backend.undo_found.connect(self.on_undo_found)
        self.backend.similar.connect(self.on_similar)
        self.desk.search_started.connect(self.desk.result.show_idle)
        self.desk.result.force_requested.connect(self.ask_force)
        self.backend.edited.connect(self.on_person_edited)
        self.kiosk_button.clicked.connect(self.ask_kiosk_name)
        self.import_action.triggered.connect(self.choose_import_file)
        self.badges_action.triggered.connect(self.open_badge_settings)
        self.queue_action.triggered.connect(self.open_print_queue)
        self.badges_pdf_action.triggered.connect(self.open_badges_pdf)
        self.reports_action.triggered.connect(self.open_reports)
        self.meetings_action.triggered.connect(self.open_meetings_board)
        self.lists_action.triggered.connect(self.open_lists)
        self.printer_button.clicked.connect(self.open_print_queue)
        self.printing.job_changed.connect(self.on_print_job)
        self.printing.decided.connect(self.on_print_decided)
        self.printing.confirm_needed.connect(self.on_reprint_question)
        self.printing.failed.connect(self.on_print_failed)
        self.printing.settings_loaded.connect(lambda _s: self._printer_text())
        self.desk.search_changed.connect(self.on_search_changed)
        self.desk.check_in_requested.connect(self.check_in_person)
        self.desk.details_requested.connect(self.backend.details)
        self.desk.walk_in_requested.connect(self.open_walk_in)
        self.desk.undo_requested.connect(self.undo_last)
        self.walk_in_action.triggered.connect(self.open_walk_in)
        self.undo_action.triggered.connect(self.undo_last)
        self.scanner_action.triggered.connect(self.open_scanner_test)
        self.sync_action.triggered.connect(self.open_sync)
        self.conflicts_action.triggered.connect(self.open_conflicts)
        self.pin_reset_action.triggered.connect(self.reset_pin_lockout)
        self.sync_state.clicked.connect(self.open_sync)
        self.sync.state.connect(self.sync_state.show_state)
        self.sync.synced.connect(self.on_synced)
        self.sync.imported.connect(self.on_bundles_imported)
        self.quit_action.triggered.connect(self.close)
        self.about_action.triggered.connect(self.open_about)
        self.list_combo.currentIndexChanged.connect(self._list_changed)
        self.mode_group.buttonToggled.connect(self._mode_changed)
        self.language_combo.currentIndexChanged.connect(self._language_chosen)
        self.sound_button.toggled.connect(self._sound_toggled)
        self.camera_button.toggled.connect(self.show_camera)

    # -- context -----------------------------------------------------------------------------

    def _now(self) -> datetime:
        return self.clock()

    @property
    def current_list(self) -> CheckinList | None:
        list_id = self.list_combo.currentData()
        return next((cl for cl in self.lists if cl.id == list_id), None)

    def _list_changed(self, _index: int) -> None:
        self._pending_numbers = None
        self.desk.result.show_idle()
        self.last_result = None
        self.refresh_numbers()
        self._update_title()

    def _mode_changed(self, _button: QToolButton, _checked: bool) -> None:
        self.exit_mode = self.exit_button.isChecked()
        self.desk.set_exit_mode(self.exit_mode)
        self.desk.result.show_idle()  # an answer given in the other mode is not this one's
        self._update_title()

    def set_exit_mode(self, exit_mode: bool) -> None:
        (self.exit_button if exit_mode else self.entry_button).setChecked(True)

    def _language_chosen(self, index: int) -> None:
        language = self.language_combo.itemData(index)
        self.translations.switch(language)
        self.settings.setValue("language", language)

    def show_camera(self, on: bool) -> None:
        """Show the camera panel and start it (created on first use: Qt Multimedia is only
        loaded on desks that use a camera)."""
        if on and self.camera_view is None:
            from kiosk.ui.widgets.camera_view import CameraView

            self.camera_view = CameraView(self.desk)
            self.camera_view.setMinimumHeight(260)
            self.camera_view.decoded.connect(self.on_camera_scan)
            self.desk.add_side_widget(self.camera_view)
        if self.camera_view is None:
            return
        self.camera_view.setVisible(on)
        if on:
            self.camera_view.scanner.start()
        else:
            self.camera_view.scanner.stop()

    def _sound_toggled(self, muted: bool) -> None:
        if self.sounds is not None:
            self.sounds.muted = muted
        self.settings.setValue("sound/muted", muted)
        self._sound_text()

    # -- scanning and checking in ------------------------------------------------------------

    @Slot(str)
    def on_scan(self, code: str, method: Method = Method.SCANNED) -> None:
        """A code from the USB scanner or the camera: decide it on the current list.

        One answer at a time: the search, its results and the highlighted row go, so nothing
        on screen is left over from before this scan.
        """
        self._fresh_answer()
        if not self.is_started:
            self._early_scans.append((code, method))  # decided by start(), in order
            return
        checkin_list = self.current_list
        if checkin_list is None:
            self._show_problem(self.tr("No check-in list"), self.tr("This event has no lists."))
            return
        self.backend.scan(code, checkin_list.id, exit_mode=self.exit_mode, method=method)

    @Slot(str)
    def on_typed_code(self, code: str) -> None:
        self.on_scan(code, Method.TYPED)

    @Slot(str)
    def on_camera_scan(self, code: str) -> None:
        self.on_scan(code, Method.CAMERA)

    @Slot(str)
    def on_picked_code(self, code: str) -> None:
        """Check-in from a person's details: staff picked them, no ticket was read."""
        self.on_scan(code, Method.PICKED)

    def check_in_person(self, found: Found) -> None:
        self.on_scan(found.attendee.code, Method.PICKED)

    def _fresh_answer(self) -> None:
        """Clear the search, its results and selection; the cursor goes back to the search."""
        in_results = self.desk.table.hasFocus()
        self.desk.clear_search()
        if in_results or QApplication.focusWidget() is None:
            self.desk.search.setFocus()

    @Slot(object)
    def on_scanned(self, result: CheckinResult) -> None:
        self.last_result = result
        # Ctrl+Z in the search field now means "undo this check-in", until staff type again.
        self.desk.search.undo_yields = result.decision.accepted
        self._show_result(result)
        if self.sounds is not None:
            self.sounds.play(explain(result.decision, result.checkin_list, self.zone).severity)
        self.result_shown.emit(result)
        self.printing.on_checkin(result)  # the check-in is on disk; printing cannot change it
        query = self.desk.search.text().strip()
        if query:
            self.backend.search(query)
        self._count_admission(result)

    def _count_admission(self, result: CheckinResult) -> None:
        """Add a first admission to the numbers shown at once; a full count follows later."""
        decision = result.decision
        shown = self._pending_numbers or self.desk.numbers.numbers
        person = decision.attendee
        first = decision.reason is Reason.ADMITTED and decision.hint is not Hint.REENTRY
        if (
            first
            and person is not None
            and shown is not None
            and shown.list_id == result.checkin_list.id
            and not result.manual
        ):
            at = result.at.astimezone(self.zone)
            self._pending_numbers = shown.with_admission(person.category, person.country, at)
            if not self._show_numbers.isActive():
                self._show_numbers.start()  # after the result panel has been painted
        elif first:
            self._numbers_timer.start()
        self._recount_soon()

    def _apply_pending_numbers(self) -> None:
        if self._pending_numbers is not None:
            self.desk.numbers.set_numbers(self._pending_numbers)
            self._pending_numbers = None

    def _recount_soon(self) -> None:
        """A full count in the background within a while (other desks' check-ins, walk-ins)."""
        if not self._recount.isActive():
            self._recount.start()

    def _show_result(self, result: CheckinResult) -> None:
        explained = explain(result.decision, result.checkin_list, self.zone)
        self.desk.result.show_result(explained, result.decision.attendee)
        if result.decision.reason in FORCEABLE and result.decision.attendee is not None:
            self.desk.result.set_forceable(True)
        if self._meetings_for(result.scan_id) and self.last_meetings is not None:
            self.desk.result.show_meetings(desk_lines(self.last_meetings))
        self._notice_over_dialog(explained, result.decision.attendee)

    @Slot()
    def ask_force(self) -> None:
        """Admit the person just refused anyway: staff give a reason, kept in the log."""
        result = self.last_result
        if result is None or result.decision.attendee is None:
            return
        from kiosk.ui.dialogs.force import ForceDialog

        dialog = ForceDialog(result.decision, self.zone, result.checkin_list, self)
        if dialog.exec() == ForceDialog.DialogCode.Accepted:
            person = result.decision.attendee
            self.backend.force(person.code, result.checkin_list.id, dialog.reason())

    @Slot(object)
    def on_meetings_found(self, found: ScanMeetings) -> None:
        """The B2B meetings of the person just shown (they come a moment after the result)."""
        self.last_meetings = found
        if self.last_result is not None and self._meetings_for(self.last_result.scan_id):
            self.desk.result.show_meetings(desk_lines(found))

    def _meetings_for(self, scan_id: str) -> bool:
        """Whether the B2B meetings found belong beside this scan's answer: the same scan, and
        an entry — a person leaving is told goodbye, not where their (past) meetings were."""
        found = self.last_meetings
        return found is not None and found.scan_id == scan_id and not self.exit_mode

    def _notice_over_dialog(self, explained: Explained, person: Attendee | None) -> None:
        """A scan while a dialog is open: show its result above the dialog too (the panel
        behind it keeps it for when the dialog closes)."""
        modal = QApplication.activeModalWidget()
        if modal is None or modal is self:
            return
        if self.notice is None:
            self.notice = ResultNotice()
        self.notice.show_over(modal, explained, person)

    def _show_problem(self, word: str, detail: str) -> None:
        self.desk.result.show_message(Severity.REFUSED, word, detail)
        if self.sounds is not None:
            self.sounds.play(Severity.REFUSED)

    @Slot(object)
    def on_failed(self, failure: Failure) -> None:
        if failure.request == "rename":
            QMessageBox.warning(self, self.tr("Kiosk not renamed"), self._rename_problem(failure))
            return
        if failure.request == "import":
            if self._import_again(failure):
                return
            QMessageBox.warning(self, self.tr("Import failed"), failure.message)
            self.statusBar().clearMessage()
            self.result_shown.emit(failure)
            return
        if failure.request in ("search", "numbers", "details", "known"):
            self.statusBar().showMessage(failure.message, 10_000)
            return
        if failure.request == "edit":
            QMessageBox.warning(self, self.tr("Not changed"), failure.message)
            return
        if failure.kind == "nothing_to_undo":
            self.desk.result.show_message(
                Severity.ATTENTION, self.tr("Nothing to undo"), self.tr("No check-in to undo.")
            )
        elif failure.kind == "storage":
            self._show_problem(self.tr("Not saved"), failure.message)
        elif failure.kind == "no_list":
            self._show_problem(self.tr("No check-in list"), failure.message)
        elif failure.kind == "refused":
            self._show_problem(self.tr("Not recorded"), failure.message)
        else:
            self._show_problem(
                self.tr("Something went wrong"),
                self.tr("The scan was not recorded. Try again; if it repeats, restart Kiosk."),
            )
        self.result_shown.emit(failure)

    # -- this kiosk's name -------------------------------------------------------------------

    def ask_kiosk_name(self) -> None:
        """Ask for a new name of this kiosk (a copied event file names itself "Desk 1 (PC)")."""
        name, ok = QInputDialog.getText(
            self,
            self.tr("Rename this kiosk"),
            self.tr("Name of this kiosk, as staff and the other kiosks will see it:"),
            text=self.kiosk.name,
        )
        if ok and name.strip() and name.strip() != self.kiosk.name:
            self.rename_kiosk(name)

    def rename_kiosk(self, name: str) -> None:
        self.backend.rename_kiosk(name)

    @Slot(object)
    def on_kiosk_renamed(self, kiosk: Kiosk) -> None:
        self.kiosk = kiosk
        self.retranslate()
        self.statusBar().showMessage(
            self.tr("This kiosk is now called {name}.").format(name=kiosk.name), 10_000
        )

    def _rename_problem(self, failure: Failure) -> str:
        if failure.kind == "empty":
            return self.tr("A kiosk needs a name, e.g. Desk 2.")
        if failure.kind == "too_long":
            return self.tr("A kiosk name has at most 40 characters.")
        if failure.kind == "taken":
            return self.tr("Another kiosk already has this name. Choose a name of its own.")
        return failure.message

    # -- undo --------------------------------------------------------------------------------

    def confirm(self, title: str, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def undo_last(self) -> None:
        """Undo the last check-in shown, or else this kiosk's newest one; asks first, naming
        the person (organisation, code, time) once the writer has said whom it would reach."""
        result = self.last_result
        accepted = result is not None and result.decision.accepted
        if result is not None and accepted and result.decision.attendee:
            self.backend.find_undo(result.scan_id)
        else:
            self.backend.find_undo(None)

    def undo_question(self, target: UndoTarget) -> str:
        """The confirmation for an undo: who (name, organisation, code), when, and, when the
        last thing done here was another undo, that this is somebody else's check-in."""
        person = target.attendee
        who = self._person_line(person) if person else self.tr("an unknown ticket")
        at = target.at.astimezone(self.zone)
        if target.kind.value == "exit":
            question = self.tr("Undo the exit of {who}, recorded at {time}?")
        else:
            question = self.tr("Undo the check-in of {who}, made at {time}?")
        question = question.format(who=who, time=time_text(at))
        if target.bystander and target.after_undo_of is not None:
            before = target.after_undo_of
            warning = self.tr(
                "The last action here already undid the check-in of {name}. This is an earlier "
                "check-in of somebody else."
            ).format(name=f"{before.first_name} {before.last_name}".strip())
            question = f"{warning}\n\n{question}"
        return question

    def _person_line(self, person: Attendee) -> str:
        name = f"{person.first_name} {person.last_name}".strip()
        parts = [p for p in (person.organization, self.tr("code {code}").format(
            code=display(person.code).replace(" ", "\u00a0"))) if p]  # fmt: skip
        return f"{name} ({', '.join(parts)})"

    @Slot(object)
    def on_undo_found(self, target: UndoTarget | None) -> None:
        if target is None:
            self.desk.result.show_message(
                Severity.ATTENTION, self.tr("Nothing to undo"), self.tr("No check-in to undo.")
            )
            self.result_shown.emit(None)
            return
        if self.confirm(self.tr("Undo check-in"), self.undo_question(target)):
            self._undo_asked = target
            self.backend.undo(target.scan_id)

    def undo_scan(self, scan_id: str, name: str) -> None:
        question = self.tr("Undo the check-in of {name}?").format(name=name)
        if self.confirm(self.tr("Undo check-in"), question):
            self.backend.undo(scan_id)

    @Slot(object)
    def on_undone(self, result: UndoResult) -> None:
        self.last_result = None
        self.desk.search.undo_yields = False
        asked, self._undo_asked = self._undo_asked, None
        person = asked.attendee if asked and asked.scan_id == result.voided_scan_id else None
        if person is not None:
            name = f"{person.first_name} {person.last_name}".strip()
            detail = self.tr("{who}: the check-in was undone; they can be checked in again.")
            words = Explained(
                Severity.ATTENTION,
                title(Reason.VOIDED),
                detail.format(who=self._person_line(person)),
            )
            self.desk.result.show_result(words, person)
            self.statusBar().showMessage(
                self.tr("Check-in of {name} undone.").format(name=name), 15_000
            )
        else:
            self.desk.result.show_message(
                Severity.ATTENTION,
                title(Reason.VOIDED),
                self.tr("The person can be checked in again."),
            )
        if self.sounds is not None:
            self.sounds.play(Severity.ATTENTION)
        query = self.desk.search.text().strip()
        if query:
            self.backend.search(query)
        self._numbers_timer.start()
        self.result_shown.emit(result)

    # -- search, details, walk-in ------------------------------------------------------------

    def on_search_changed(self, query: str) -> None:
        if query:
            self.backend.search(query)
        else:
            self.desk.show_people([], "")

    @Slot(object)
    def on_searched(self, result: SearchResult) -> None:
        if result.query == self.desk.search.text().strip():
            self.desk.show_people(result.found, result.query, result.showing_for)

    def focus_search(self) -> None:
        self.desk.search.setFocus()
        self.desk.search.selectAll()

    def _escape(self) -> None:
        self.desk.clear_search()
        self.desk.search.setFocus()

    def open_walk_in(self) -> None:
        from kiosk.ui.dialogs.walk_in import WalkInDialog

        checkin_list = self.current_list
        if checkin_list is None:
            return
        # Another person's details are being taken: the last answer (somebody else's) goes.
        self.desk.result.show_idle()
        dialog = WalkInDialog(self, self.known.categories, self.known.countries)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        if dialog.exec():
            self.check_walk_in(dialog.person())

    def check_walk_in(self, person: NewAttendee) -> None:
        """Before creating a walk-in, look for people already registered with a similar name
        (either script, any diacritics); :meth:`on_similar` goes on."""
        self._walk_in = person
        self.backend.find_similar(person.first_name, person.last_name)

    @Slot(object)
    def on_similar(self, similar: Similar) -> None:
        from kiosk.ui.dialogs.walk_in import SimilarPeopleDialog

        person, self._walk_in = self._walk_in, None
        if person is None or (similar.first_name, similar.last_name) != (
            person.first_name, person.last_name
        ):  # fmt: skip
            return
        if not similar.found:
            self.register_walk_in(person)
            return
        dialog = SimilarPeopleDialog(person, similar.found, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda answer: self._similar_answered(dialog, person, answer))
        self.similar_dialog = dialog
        dialog.open()

    def _similar_answered(self, dialog: QDialog, person: NewAttendee, answer: int) -> None:
        from kiosk.ui.dialogs.walk_in import SimilarPeopleDialog

        self.similar_dialog = None
        assert isinstance(dialog, SimilarPeopleDialog)
        chosen = dialog.chosen()
        if answer == SimilarPeopleDialog.SAME and chosen is not None:
            self.check_in_person(chosen)  # the same person: no second registration
        elif answer == SimilarPeopleDialog.NEW:
            self.register_walk_in(person)

    def register_walk_in(self, person: NewAttendee) -> None:
        checkin_list = self.current_list
        if checkin_list is not None:
            self.backend.walk_in(person, checkin_list.id)
            self._numbers_timer.start()  # one more person expected: count again

    @Slot(object)
    def on_known(self, known: Known) -> None:
        self.known = known
        if self._scanner is not None:
            self._scanner.set_code_check(code_check(known.foreign_codes))

    def choose_import_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import registrations"),
            str(Path(self.path).parent),
            self.tr("Registrations (*.csv *.xlsx *.ods *.txt);;All files (*)"),
        )
        if chosen:
            self.import_registrations(chosen)

    def import_registrations(self, path: str, choices: ImportChoices | None = None) -> None:
        self.statusBar().showMessage(self.tr("Importing {file}…").format(file=Path(path).name))
        self._importing = (path, choices or ImportChoices())
        self.backend.import_file(path, choices)

    def _import_again(self, failure: Failure) -> bool:
        """Offer what the command line's options offer when an import was refused for a
        decision only the organizer can make; True when it is imported again."""
        if self._importing is None:
            return False
        path, choices = self._importing
        if failure.kind == "many_missing" and choices.cancel_missing is None:
            answer = self.ask_import_choice(
                self.tr("People missing from the file"),
                failure.message,
                [("cancel", self.tr("Cancel them")), ("keep", self.tr("Keep them"))],
            )
            if answer is None:
                return False
            self.import_registrations(path, replace(choices, cancel_missing=answer == "cancel"))
            return True
        if failure.kind == "bad_rows" and not choices.skip_bad_rows:
            answer = self.ask_import_choice(
                self.tr("Rows that cannot be imported"),
                failure.message,
                [("skip", self.tr("Import the others"))],
            )
            if answer is None:
                return False
            self.import_registrations(path, replace(choices, skip_bad_rows=True))
            return True
        return False

    def ask_import_choice(
        self, title: str, text: str, choices: list[tuple[str, str]]
    ) -> str | None:
        """Ask which of ``choices`` (key, button text) to take; None for "Stop". The lines after
        the first (the people or rows concerned) go to the box's details."""
        summary, _, listed = text.partition("\n")
        box = QMessageBox(QMessageBox.Icon.Question, title, summary, parent=self)
        if listed:
            box.setDetailedText("\n".join(line.strip() for line in listed.splitlines()))
        buttons = [
            (box.addButton(label, QMessageBox.ButtonRole.AcceptRole), key)
            for key, label in choices
        ]
        stop = box.addButton(self.tr("Stop, import nothing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(stop)
        box.exec()
        clicked = box.clickedButton()
        return next((key for button, key in buttons if button is clicked), None)

    @Slot(object)
    def on_imported(self, report: ImportReport) -> None:
        lines = [
            self.tr("Added: {n}").format(n=report.added),
            self.tr("Updated: {n}").format(n=report.updated),
            self.tr("Unchanged: {n}").format(n=report.unchanged),
            self.tr("Cancelled: {n}").format(n=report.cancelled),
            self.tr("Rows skipped: {n}").format(n=len(report.skipped)),
        ]
        details = [f"{s.row}: {s.detail}" for s in report.skipped[:20]] + report.warnings[:10]
        if report.sheet_reason:  # a workbook: which sheet was read, and why
            details.insert(0, report.sheet_reason)
        details += [s.detail for s in report.left_out[:20]]
        details += [f.text() for f in report.findings[:20]]
        self.import_done.emit(report)
        self._numbers_timer.start()
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Import finished"),
                          "\n".join(lines), parent=self)  # fmt: skip
        if details:
            box.setDetailedText("\n".join(details))
        box.open()

    @Slot(object)
    def on_detailed(self, details: PersonDetails | None) -> None:
        from kiosk.ui.dialogs.person import PersonDialog

        if details is None:
            return
        dialog = PersonDialog(details, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.undo_requested.connect(self.undo_scan)
        dialog.check_in_requested.connect(self.on_picked_code)
        dialog.print_requested.connect(self.print_badge)
        dialog.edit_requested.connect(self.open_edit_person)
        dialog.open()

    def open_lists(self) -> None:
        """Menu → Check-in lists: see, add, change and remove lists."""
        from kiosk.ui.dialogs.lists import ListsDialog

        dialog = ListsDialog(self.path, self)
        dialog.changed.connect(self.reload_lists)
        dialog.exec()

    @Slot()
    def reload_lists(self) -> None:
        """The lists changed: the list chooser shows them as they are now."""
        with self.open_desk() as desk:
            self.lists = desk.lists()
        current = self.list_combo.currentData()
        self.list_combo.blockSignals(True)
        self.list_combo.clear()
        for cl in self.lists:
            self.list_combo.addItem(list_text(cl, short=True), cl.id)
        index = self.list_combo.findData(current)
        self.list_combo.setCurrentIndex(index if index >= 0 else self._default_list_index())
        self.list_combo.blockSignals(False)
        if self.list_combo.currentData() != current:
            self._list_changed(self.list_combo.currentIndex())

    @Slot(object)
    def open_edit_person(self, person: Attendee) -> None:
        """Correct a person's name, organisation, category, note or attention flag."""
        from kiosk.ui.dialogs.edit_person import EditPersonDialog

        dialog = EditPersonDialog(person, self)
        if dialog.exec() == EditPersonDialog.DialogCode.Accepted:
            changes = dialog.changes()
            if changes:
                self.backend.edit_person(person.id, changes)

    @Slot(object)
    def on_person_edited(self, edited: PersonEdited) -> None:
        """A correction is on disk: refresh what shows the person, and offer a new badge when
        the words on it changed."""
        query = self.desk.search.text().strip()
        if query:
            self.backend.search(query)
        if edited.changed & ON_BADGE and self.confirm(
            self.tr("Print a new badge?"),
            self.tr("The badge of {name} shows the old details. Print a new one?").format(
                name=edited.attendee.name
            ),
        ):
            self.print_badge(edited.attendee.uid)

    def open_scanner_test(self) -> None:
        from kiosk.ui.dialogs.scanner_check import ScannerTestDialog

        if self.scanner is None:
            return
        dialog = ScannerTestDialog(self.scanner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def open_about(self) -> None:
        from kiosk.ui.dialogs.about import AboutDialog

        dialog = AboutDialog(self.path, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # -- badges ------------------------------------------------------------------------------

    def print_badge(self, attendee_uid: str) -> None:
        self.printing.request_print(attendee_uid)

    @Slot(str, object)
    def on_reprint_question(self, attendee_uid: str, previous: NeedsConfirmation) -> None:
        at = previous.previous_at.astimezone(self.zone)
        question = self.tr("A badge was printed on {day} at {time} on {kiosk}. Print another?")
        question = question.format(
            day=day_text(at.date()),
            time=time_text(at),
            kiosk=previous.previous_kiosk or wording.phrase("another_kiosk", ui_language()),
        )
        if self.confirm(self.tr("Print again"), question):
            self.printing.request_print(attendee_uid, confirmed=True)

    @Slot(object)
    def on_print_decided(self, decision: PrintDecision) -> None:
        from kiosk.app.printing import Skip

        if decision.skipped is Skip.ALREADY_PRINTED and decision.previous is not None:
            at = decision.previous.at.astimezone(self.zone)
            text = self.tr("Badge already printed at {time} on {kiosk} — reprint from Details.")
            self.statusBar().showMessage(
                text.format(time=time_text(at), kiosk=decision.previous.kiosk_name), 15_000
            )
        elif decision.skipped is Skip.STORAGE:
            self.on_print_failed(decision.message)

    @Slot(object)
    def on_print_job(self, job: PrintJob) -> None:
        from kiosk.app.printing import JobState

        if job.state is JobState.FAILED:
            self.printer_state = "problem"
            self.statusBar().showMessage(
                self.tr("Badge for {name} not printed: {message}").format(
                    name=job.attendee_name, message=fault_text(job.fault, job.message)
                )
            )
        elif job.state in (JobState.QUEUED, JobState.PRINTING):
            if self.printer_state != "problem":
                self.printer_state = "busy"
        elif job.state is JobState.DONE:
            self.printer_state = "ok"
        self._printer_text()
        if self.print_queue is not None:
            self.print_queue.update_job(job)

    @Slot(str)
    def on_print_failed(self, message: str) -> None:
        self.statusBar().showMessage(message, 15_000)

    def _printer_look(self, state: str | None) -> tuple[str, str]:
        """The printer button's words and style for a state (None: no printer set up)."""
        if state is None:
            return self.tr("No printer"), ""
        text, colour = {
            "none": (self.tr("Printer ready"), ""),
            "ok": (self.tr("Badge printed"), ""),
            "busy": (self.tr("Printing…"), ""),
            "problem": (self.tr("Printer problem"), "background: #c62828; color: #ffffff;"),
        }[state]
        return text, f"QToolButton#PrinterState {{ {colour} }}" if colour else ""

    def _printer_text(self) -> None:
        settings = self.printing.settings if self.is_started else None
        state = None if settings is None or not settings.printer_uri else self.printer_state
        if self._printer_width_language != self.translations.language:
            # As wide as its widest state in this language, so that a badge being printed
            # never makes the top bar (and the window) change size.
            widest = 0
            self.printer_button.setMinimumWidth(0)
            for each in (None, "none", "ok", "busy", "problem"):
                text, sheet = self._printer_look(each)
                self.printer_button.setText(text)
                self.printer_button.setStyleSheet(sheet)
                widest = max(widest, self.printer_button.sizeHint().width())
            self.printer_button.setMinimumWidth(widest)
            self._printer_width_language = self.translations.language
        text, sheet = self._printer_look(state)
        self.printer_button.setText(text)
        if self.printer_button.styleSheet() != sheet:
            self.printer_button.setStyleSheet(sheet)

    def open_print_queue(self) -> None:
        from kiosk.ui.dialogs.print_queue import PrintQueueDialog

        if self.print_queue is None:
            self.print_queue = PrintQueueDialog(self.zone, self)
            self.print_queue.retry_requested.connect(self.printing.retry)
            self.print_queue.cancel_requested.connect(self.printing.cancel)
            self.printing.jobs_listed.connect(self.print_queue.show_jobs)
        self.printer_state = "none" if self.printer_state == "problem" else self.printer_state
        self._printer_text()
        self.printing.list_jobs()
        self.print_queue.show()
        self.print_queue.raise_()

    def open_reports(self) -> None:
        """The Reports screen (counts, chart, exports); it counts on a thread of its own."""
        from kiosk.ui.screens.reports import ReportsScreen

        if self.reports is None:
            days = sorted({cl.day for cl in self.lists if cl.day is not None})
            self.reports = ReportsScreen(self.path, days, self.lists, self)
            self.reports.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.reports.destroyed.connect(lambda: setattr(self, "reports", None))
            self.reports.refresh()
            self.reports.show()
        else:
            self.reports.raise_()  # already open behind the desk window

    def open_meetings_board(self) -> None:
        """The B2B organiser's board; it reads again after each check-in here and each sync."""
        from kiosk.ui.dialogs.meetings_board import MeetingsBoard

        if self.meetings_board is None:
            board = MeetingsBoard(self.path, self.clock, self)
            board.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            board.destroyed.connect(lambda: setattr(self, "meetings_board", None))
            self.backend.scanned.connect(board.request_refresh)
            self.backend.meetings_found.connect(board.request_refresh)
            self.sync.imported.connect(board.request_refresh)
            self.sync.synced.connect(board.request_refresh)
            self.meetings_board = board
            board.show()
        else:
            self.meetings_board.raise_()  # already open behind the desk window

    def open_badge_settings(self) -> None:
        from kiosk.app.badging import templates
        from kiosk.app.printing import PrintPolicy
        from kiosk.ui.dialogs.badge_settings import BadgeSettingsDialog
        from kiosk.ui.print_backend import PrintSettings

        settings = self.printing.settings or PrintSettings(PrintPolicy.FIRST_ADMISSION, "", "")
        dialog = BadgeSettingsDialog(settings, templates("badge"), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.preview_requested.connect(self.printing.preview)
        dialog.find_requested.connect(self.printing.find_printers)
        dialog.test_requested.connect(self.printing.test_print)
        self.printing.previewed.connect(dialog.show_preview)
        self.printing.printers_found.connect(dialog.show_printers)
        self.printing.test_printed.connect(dialog.show_test_result)
        dialog.accepted.connect(lambda: self.printing.save_settings(dialog.chosen()))
        self.badge_settings = dialog
        dialog.destroyed.connect(lambda: setattr(self, "badge_settings", None))
        dialog.open()
        dialog.request_preview()

    def open_badges_pdf(self) -> None:
        """Badges for everyone or a list as a PDF of sheets, drawn beside the desk."""
        from kiosk.app.badging import templates
        from kiosk.ui.dialogs.badges_pdf import BadgesPdfDialog

        if self.badges_pdf is None:
            dialog = BadgesPdfDialog(
                self.path, self.lists, templates("sheet"), self,
                current_list=self.list_combo.currentData(), clock=self.clock,
            )  # fmt: skip
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.destroyed.connect(lambda: setattr(self, "badges_pdf", None))
            dialog.written.connect(
                lambda done: self.statusBar().showMessage(
                    self.tr("Badges PDF written: {path}").format(path=done.path), 15_000
                )
            )
            self.badges_pdf = dialog
        self.badges_pdf.show()
        self.badges_pdf.raise_()

    # -- sync --------------------------------------------------------------------------------

    def open_sync(self) -> None:
        from kiosk.app.sync import SyncService
        from kiosk.ui.dialogs.sync import SyncDialog

        if self.sync_dialog is None:
            service = SyncService.open(self.path)
            try:
                hub = service.hub()
            finally:
                service.close()
            dialog = SyncDialog(
                str(Path(self.path).parent),
                self,
                hub=hub.dsn if hub else "",
                confirm_admin=self.confirm_admin_pin,
                from_environment=bool(hub and hub.from_environment),
            )
            dialog.test_requested.connect(self.sync.test_hub)
            dialog.save_requested.connect(self.sync.save_hub)
            self.sync.probed.connect(dialog.show_probe)
            self.sync.hub_saved.connect(dialog.show_hub_saved)
            dialog.export_requested.connect(self.sync.export)
            dialog.import_requested.connect(self.sync.import_bundles)
            dialog.sync_requested.connect(self.sync.sync_now)
            self.sync.progress.connect(dialog.show_progress)
            self.sync.exported.connect(dialog.show_exported)
            self.sync.imported.connect(dialog.show_imported)
            self.sync.synced.connect(dialog.show_synced)
            self.sync.failed.connect(dialog.show_failure)
            self.sync_dialog = dialog
        self.sync_dialog.show()

    def confirm_admin_pin(self, parent: QWidget) -> bool:
        """Ask for this kiosk's admin PIN (the one that leaves kiosk mode) before a settings
        change; True at once when no PIN was ever set."""
        from kiosk.ui.selfservice.pin import PinDialog

        with self.open_desk() as desk:
            pin = desk.admin_pin()
            if not pin.is_set():
                return True
            dialog = PinDialog(pin, "enter", parent, purpose="settings")
            return dialog.exec() == QDialog.DialogCode.Accepted

    def reset_pin_lockout(self) -> None:
        """End the wrong-PIN wait of this computer's self-service kiosk (the PIN stays)."""
        with self.open_desk() as desk:
            done = desk.reset_pin_lockout()
        if done.failures:
            text = self.tr(
                "Wrong PINs forgotten: %n. The self-service kiosk's PIN can be tried again now.",
                "",
                done.failures,
            )
        else:
            text = self.tr("The self-service kiosk was not waiting: no wrong PINs to forget.")
        QMessageBox.information(self, self.tr("Self-service PIN"), text)

    def open_conflicts(self) -> None:
        from kiosk.ui.dialogs.conflicts import ConflictsDialog

        if self.conflicts_dialog is None:
            dialog = ConflictsDialog(self.zone, self)
            dialog.refresh_requested.connect(self.sync.list_conflicts)
            self.sync.conflicts_listed.connect(dialog.show_conflicts)
            self.conflicts_dialog = dialog
        self.sync.list_conflicts()
        self.conflicts_dialog.show()

    @Slot(object)
    def on_synced(self, result: SyncResult) -> None:
        if result.pulled or result.roster.added or result.roster.updated:
            self._numbers_timer.start()  # other desks' check-ins and walk-ins arrived
            self.backend.load_known()

    @Slot(object)
    def on_bundles_imported(self, imported: Imported) -> None:
        if imported.results:
            self._numbers_timer.start()
            self.backend.load_known()

    # -- numbers -----------------------------------------------------------------------------

    def refresh_numbers(self) -> None:
        checkin_list = self.current_list
        if checkin_list is not None and self.is_started:
            self.backend.numbers(checkin_list.id)

    @Slot(object)
    def on_counted(self, numbers: LiveNumbers) -> None:
        current = self.current_list
        if current is not None and numbers.list_id == current.id:
            self._pending_numbers = None  # a full count supersedes what was added meanwhile
            self.desk.numbers.set_numbers(numbers)

    # -- language ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.keys.retranslate()
        self.list_label.setText(self.tr("List:"))
        self.list_label.setBuddy(self.list_combo)
        self.language_combo.setAccessibleName(self.tr("Language"))
        self.entry_button.setText(self.tr("Entry"))
        self.exit_button.setText(self.tr("Exit"))
        self._kiosk_text()
        self.menu_button.setText(self.tr("Menu"))
        self.camera_button.setText(self.tr("Camera"))
        self.camera_button.setToolTip(self.tr("Scan QR codes with the camera"))
        self.walk_in_action.setText(self.tr("Register a walk-in…"))
        self.undo_action.setText(self.tr("Undo the last check-in"))
        self.scanner_action.setText(self.tr("Test the scanner…"))
        self.import_action.setText(self.tr("Import registrations…"))
        self.badges_action.setText(self.tr("Badges and printer…"))
        self.queue_action.setText(self.tr("Print queue…"))
        self.badges_pdf_action.setText(self.tr("Badges PDF for a list…"))
        self.sync_action.setText(self.tr("Sync with other kiosks…"))
        self.conflicts_action.setText(self.tr("Conflicts…"))
        self.reports_action.setText(self.tr("Reports…"))
        self.pin_reset_action.setText(self.tr("End the self-service PIN wait"))
        self.meetings_action.setText(self.tr("B2B meetings…"))
        self.lists_action.setText(self.tr("Check-in lists…"))
        self._printer_text()
        self.quit_action.setText(self.tr("Quit"))
        self.help_menu.setTitle(self.tr("Help"))
        self.about_action.setText(self.tr("About Kiosk…"))
        for index, cl in enumerate(self.lists):
            self.list_combo.setItemText(index, list_text(cl, short=True))
        self._sound_text()
        self._update_title()
        if self.last_result is not None:
            self._show_result(self.last_result)

    def _sound_text(self) -> None:
        text = self.tr("Sound off") if self.sound_button.isChecked() else self.tr("Sound on")
        if self.sounds is not None and self.sounds.problem is not None:
            text = sound_text(self.sounds.problem)
        self.sound_button.setToolTip(text)
        self.sound_button.setAccessibleName(text)

    #: Widest the kiosk's name may make its button (a copied file's kiosk is "Desk 1
    #: (LAPTOP-7)"); the whole name is in the tooltip.
    KIOSK_NAME_PIXELS = 90

    def _kiosk_text(self) -> None:
        name = self.fontMetrics().elidedText(
            self.kiosk.name, Qt.TextElideMode.ElideRight, self.KIOSK_NAME_PIXELS
        )
        self.kiosk_button.setText(self.tr("Kiosk: {name}").format(name=name))
        self.kiosk_button.setToolTip(
            self.tr("Rename this kiosk") + f"\n{self.kiosk.name}"
        )

    def _update_title(self) -> None:
        checkin_list = self.current_list
        mode = self.tr("Exit") if self.exit_mode else self.tr("Entry")
        name = list_text(checkin_list) if checkin_list else ""
        self.setWindowTitle(f"{self.event_info.name} — {name} — {mode} — Kiosk")
        self.statusBar().showMessage(
            self.tr("Event database: {path}").format(path=self.path)
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.notice is not None:
            self.notice.close()
            self.notice.deleteLater()
            self.notice = None
        if self.camera_view is not None:
            self.camera_view.scanner.stop()
        if self.reports is not None:
            self.reports.close()
        if self.meetings_board is not None:
            self.meetings_board.close()  # its reader thread ends with it
        if self.badges_pdf is not None:
            self.badges_pdf.stop()  # a run of badges ends, leaving no half-written file
        self._closed = True
        if self.is_started:
            self.backend.shutdown()
            self.printing.shutdown()
            self.sync.shutdown()
        super().closeEvent(event)

