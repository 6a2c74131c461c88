"""The B2B organiser's board: every meeting of a day with both sides' arrival, filterable, with
"Held" and "Not held" buttons. It reads again as people check in here, as other kiosks' scans
arrive by sync, and every few seconds (another program may write the same file).

The board never touches the event file on the GUI thread: a reader thread of its own, with its
own connection, reads the day's meetings and writes the held marks, and answers with queued
signals; the window only shows the newest answer. A slow disk or a long write by the desk's
writer thread therefore never freezes the desk window while the board is open.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.app.checkin import Clock, utc_now
from kiosk.app.meetings import (
    FILTERS,
    Database,
    Meeting,
    MeetingError,
    MeetingsService,
    Person,
)
from kiosk.core.meetings import MarkSource, MeetingStatus, Outcome, Presence
from kiosk.ui import style
from kiosk.ui.a11y import name_clear_button, name_table
from kiosk.ui.meeting_texts import country_label, when_text

# Seconds between re-reads while the board is open.
REFRESH_SECONDS = 10
# How long a check-in or a sync waits before the board reads again (bursts make one read).
REFRESH_DELAY_MS = 500

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class BoardRead:
    """One answer of the board's reader: the days with meetings, the event's today, the day
    read (None: no meetings at all) and that day's meetings."""

    serial: int
    days: tuple[date, ...]
    today: date
    day: date | None
    meetings: tuple[Meeting, ...]


class _BoardReader(QObject):
    """The board's database work, on its own thread with its own connection."""

    read = Signal(object)  # BoardRead
    marked = Signal(str, bool)  # meeting uid, held
    failed = Signal(str, str)  # request (read, mark), message

    def __init__(self, path: str, clock: Clock) -> None:
        super().__init__()
        self.path = path
        self.clock = clock
        self.db: Database | None = None
        self.service: MeetingsService | None = None

    def _open(self) -> MeetingsService:
        if self.service is None:
            self.db = Database(self.path, cache_kib=Database.SIDE_CACHE_KIB)
            self.service = MeetingsService(self.db, clock=self.clock)
        return self.service

    @Slot(int, object)
    def load(self, serial: int, wanted: object) -> None:
        try:
            service = self._open()
            days = tuple(service.days())
            today = service.today()
            day = wanted if isinstance(wanted, date) and wanted in days else None
            if day is None and days:
                day = today if today in days else days[0]
            meetings = tuple(service.board(day)) if day is not None else ()
        except Exception as exc:
            log.exception("reading the B2B board failed")
            self.failed.emit("read", f"{type(exc).__name__}: {exc}")
            return
        self.read.emit(BoardRead(serial, days, today, day, meetings))

    @Slot(str, bool)
    def mark(self, uid: str, held: bool) -> None:
        try:
            self._open().mark(uid, held=held, source=MarkSource.BOARD, operator="board")
        except MeetingError as exc:
            self.failed.emit("mark", str(exc))
            return
        except Exception as exc:
            log.exception("marking a B2B meeting failed")
            self.failed.emit("mark", f"{type(exc).__name__}: {exc}")
            return
        self.marked.emit(uid, held)

    @Slot()
    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None
            self.service = None


def day_label(day: date) -> str:
    """A meeting day as the desk's list chooser writes it ("Mon, 28 September", "пн, 28
    септември"), in the window's language."""
    return QLocale().toString(QDate(day.year, day.month, day.day), "ddd, d MMMM")


class MeetingsBoard(QDialog):
    changed = Signal()  # a mark was written
    loaded = Signal()  # a read is on the screen

    _load = Signal(int, object)  # serial, day (None: today's, else the first)
    _mark_request = Signal(str, bool)
    _close = Signal()

    def __init__(
        self, path: str | Path, clock: Clock = utc_now, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MeetingsBoard")
        self._serial = 0
        self._closed = False
        self.thread_ = QThread(self)
        self.thread_.setObjectName("meetings-board-reader")
        self.reader = _BoardReader(str(path), clock)
        self.reader.moveToThread(self.thread_)
        self.thread_.finished.connect(self.reader.deleteLater)
        self._load.connect(self.reader.load)
        self._mark_request.connect(self.reader.mark)
        self._close.connect(self.reader.close)
        self.reader.read.connect(self._on_read)
        self.reader.marked.connect(self._on_marked)
        self.reader.failed.connect(self._on_failed)
        self.thread_.start()
        self.meetings: list[Meeting] = []
        self.shown: list[Meeting] = []
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.day_label = QLabel(self)
        self.day = QComboBox(self)
        # "Mon, 28 September" in the window's language, never cut to "2026-09-"
        self.day.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.filter_label = QLabel(self)
        self.filter = QComboBox(self)
        for _ in FILTERS:
            self.filter.addItem("")
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.table = QTableWidget(0, 6, self)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)  # two lines each: name, then organisation
        header = self.table.horizontalHeader()
        for column in (0, 1, 4, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.held = QPushButton(self)
        self.not_held = QPushButton(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.addButton(self.held, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.not_held, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.held.clicked.connect(lambda: self._mark(True))
        self.not_held.clicked.connect(lambda: self._mark(False))
        self.day.currentIndexChanged.connect(self.refresh)
        self.filter.currentIndexChanged.connect(self._fill)
        self.search.textChanged.connect(self._fill)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        bar = QHBoxLayout()
        bar.addWidget(self.day_label)
        bar.addWidget(self.day)
        bar.addSpacing(12)
        bar.addWidget(self.filter_label)
        bar.addWidget(self.filter)
        bar.addSpacing(12)
        bar.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(1100, 640)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_SECONDS * 1000)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        # Check-ins and syncs ask for a re-read; a burst of scans makes one read, not one each.
        self.soon = QTimer(self)
        self.soon.setSingleShot(True)
        self.soon.setInterval(REFRESH_DELAY_MS)
        self.soon.timeout.connect(self.refresh)
        self.retranslate()
        self.refresh()

    # -- data --------------------------------------------------------------------------------

    def _fill_days(self, days: tuple[date, ...], shown: date | None) -> None:
        """The day chooser: the days with meetings, ``shown`` selected (only when they changed,
        so a re-read never moves what the organiser chose)."""
        if [self.day.itemData(i) for i in range(self.day.count())] == list(days):
            index = days.index(shown) if shown in days else -1
            if index != self.day.currentIndex():
                self.day.blockSignals(True)
                self.day.setCurrentIndex(index)
                self.day.blockSignals(False)
            return
        self.day.blockSignals(True)
        self.day.clear()
        for d in days:
            self.day.addItem(day_label(d), d)
        self.day.setCurrentIndex(days.index(shown) if shown in days else -1)
        self.day.blockSignals(False)

    def current_day(self) -> date | None:
        value = self.day.currentData()
        return value if isinstance(value, date) else None

    def request_refresh(self, *_: object) -> None:
        """Read again shortly (after check-ins here and syncs with other kiosks)."""
        if self.isVisible() and not self.soon.isActive():
            self.soon.start()

    def refresh(self) -> None:
        """Ask the reader thread for the day's meetings again (after a check-in, a sync, a mark
        or on the timer); the answer arrives on :meth:`_on_read` (``loaded``)."""
        if self._closed:
            return
        self._serial += 1
        self._load.emit(self._serial, self.current_day())

    @Slot(object)
    def _on_read(self, answer: BoardRead) -> None:
        if self._closed or answer.serial != self._serial:
            return  # an older read arriving after a newer request: the newer one follows
        self._fill_days(answer.days, answer.day)
        self.meetings = list(answer.meetings)
        self._fill()
        self.loaded.emit()

    @Slot(str, bool)
    def _on_marked(self, uid: str, held: bool) -> None:
        self.changed.emit()
        self.refresh()

    @Slot(str, str)
    def _on_failed(self, request: str, message: str) -> None:
        if self._closed:
            return
        if request == "mark":
            QMessageBox.warning(self, self.tr("Not marked"), message)
        else:
            self.summary.setText(self.tr("The meetings could not be read: {0}").format(message))

    def _matches(self, m: Meeting) -> bool:
        return m.matches(FILTERS[max(self.filter.currentIndex(), 0)], self.search.text())

    def _fill(self) -> None:
        selected = self.selected()
        self.shown = [m for m in self.meetings if self._matches(m)]
        self.table.setRowCount(len(self.shown))
        for row, m in enumerate(self.shown):
            state, colour = self._state(m)
            values = [
                when_text(m),
                m.location,
                self._side(m.a),
                self._side(m.b),
                self._presence_text(m),
                state,
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column >= 4 and colour:
                    item.setBackground(QBrush(QColor(style.STATUS[colour][0])))
                    item.setForeground(QBrush(QColor(style.STATUS[colour][1])))
                self.table.setItem(row, column, item)
            if selected is not None and m.uid == selected.uid:
                self.table.selectRow(row)
        self.table.resizeRowsToContents()
        self._summary()
        self._update_buttons()

    def _side(self, p: Person) -> str:
        mark = "✓ " if p.arrived else ""
        org = f"\n{p.organization}" if p.organization else ""
        country = f" · {country_label(p.country)}" if p.country else ""
        unmatched = "" if p.attendee_uid else "  " + self.tr("(not registered)")
        return f"{mark}{p.name}{unmatched}{org}{country}"

    def _presence_text(self, m: Meeting) -> str:
        return {
            Presence.BOTH: self.tr("Both here"),
            Presence.ONE: self.tr("One missing"),
            Presence.NONE: self.tr("None here"),
        }[m.presence]

    def _state(self, m: Meeting) -> tuple[str, str]:
        """(words, colour key of style.STATUS or '')."""
        if m.status is not MeetingStatus.PLANNED:
            return {
                MeetingStatus.PENDING: self.tr("Pending"),
                MeetingStatus.CANCELLED: self.tr("Cancelled"),
                MeetingStatus.DECLINED: self.tr("Declined"),
            }[m.status], "idle"
        return {
            Outcome.HELD: (self.tr("Held"), "ok"),
            Outcome.POSSIBLE: (self.tr("Possible (both here)"), "attention"),
            Outcome.NO_SHOW: (self.tr("No-show"), "refused"),
            Outcome.OPEN: (self.tr("Planned"), ""),
        }[m.outcome]

    def _summary(self) -> None:
        planned = [m for m in self.meetings if m.status is MeetingStatus.PLANNED]
        both = sum(m.presence is Presence.BOTH for m in planned)
        held = sum(m.held for m in planned)
        missing = sum(m.presence is not Presence.BOTH and not m.held for m in planned)
        self.summary.setText(
            self.tr(
                "{planned} planned · {held} held · {both} with both here · {missing} "
                "waiting for someone"
            ).format(planned=len(planned), held=held, both=both, missing=missing)
        )

    def selected(self) -> Meeting | None:
        rows = self.table.selectionModel().selectedRows()
        return self.shown[rows[0].row()] if rows and rows[0].row() < len(self.shown) else None

    def _update_buttons(self) -> None:
        m = self.selected()
        planned = m is not None and m.status is MeetingStatus.PLANNED
        self.held.setEnabled(planned and m is not None and not m.held)
        self.not_held.setEnabled(m is not None and m.held)

    def _mark(self, held: bool) -> None:
        m = self.selected()
        if m is None:
            return
        self.held.setEnabled(False)  # until the mark is on disk and read back
        self.not_held.setEnabled(False)
        self._mark_request.emit(m.uid, held)

    # -- language and life -------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("B2B meetings"))
        self.day_label.setText(self.tr("Day:"))
        self.filter_label.setText(self.tr("Show:"))
        texts = [
            self.tr("All meetings"),
            self.tr("Both here"),
            self.tr("One missing"),
            self.tr("None here"),
            self.tr("Held"),
            self.tr("Cancelled, declined, pending"),
        ]
        for index, text in enumerate(texts):
            self.filter.setItemText(index, text)
        for index in range(self.day.count()):
            self.day.setItemText(index, day_label(self.day.itemData(index)))
        self.search.setPlaceholderText(self.tr("Name, organisation or table"))
        self.search.setAccessibleName(self.tr("Name, organisation or table"))
        name_clear_button(self.search)
        self.day_label.setBuddy(self.day)
        self.filter_label.setBuddy(self.filter)
        name_table(self.table, self.tr("B2B meetings"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Table"),
                self.tr("Participant"),
                self.tr("Partner"),
                self.tr("Here"),
                self.tr("State"),
            ]
        )
        self.held.setText(self.tr("Held"))
        self.not_held.setText(self.tr("Not held"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def done(self, result: int) -> None:
        self._stop()
        super().done(result)

    def _stop(self) -> None:
        """Stop the timers, close the reader's connection and end its thread (it finishes the
        read under way first)."""
        if self._closed:
            return
        self._closed = True
        self.timer.stop()
        self.soon.stop()
        self._close.emit()
        self.thread_.quit()
        self.thread_.wait()
