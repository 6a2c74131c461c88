"""The B2B organiser's board: every meeting of a day with both sides' arrival, filterable, with
"Held" and "Not held" buttons. It reads again as people check in here, as other kiosks' scans
arrive by sync, and every few seconds (another program may write the same file)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QTimer, Signal
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


class MeetingsBoard(QDialog):
    changed = Signal()  # a mark was written

    def __init__(
        self, path: str | Path, clock: Clock = utc_now, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MeetingsBoard")
        self.db = Database(path, cache_kib=Database.SIDE_CACHE_KIB)
        self.service = MeetingsService(self.db, clock=clock)
        self.meetings: list[Meeting] = []
        self.shown: list[Meeting] = []
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.day_label = QLabel(self)
        self.day = QComboBox(self)
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
        self._fill_days()
        self.retranslate()
        self.refresh()

    # -- data --------------------------------------------------------------------------------

    def _fill_days(self) -> None:
        days = self.service.days()
        self.day.blockSignals(True)
        self.day.clear()
        for d in days:
            self.day.addItem(d.isoformat(), d)
        today = self.service.today()
        index = days.index(today) if today in days else 0
        self.day.setCurrentIndex(index if days else -1)
        self.day.blockSignals(False)

    def current_day(self) -> date | None:
        value = self.day.currentData()
        return value if isinstance(value, date) else None

    def request_refresh(self, *_: object) -> None:
        """Read again shortly (after check-ins here and syncs with other kiosks)."""
        if self.isVisible() and not self.soon.isActive():
            self.soon.start()

    def refresh(self) -> None:
        """Read the day's meetings again (after a check-in, a sync, or on the timer)."""
        if self.day.count() == 0:
            self._fill_days()
        day = self.current_day()
        self.meetings = self.service.board(day) if day is not None else []
        self._fill()

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
        try:
            self.service.mark(m.uid, held=held, source=MarkSource.BOARD, operator="board")
        except MeetingError as exc:
            QMessageBox.warning(self, self.tr("Not marked"), str(exc))
            return
        self.changed.emit()
        self.refresh()

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
        self.timer.stop()
        self.soon.stop()
        self.db.close()
        super().done(result)
