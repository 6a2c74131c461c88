"""Menu → Check-in lists: the lists of the event, and new ones for sessions, workshops, the B2B
room or the dinner (a day, opening hours, categories, who is inside, how often, re-entry, unpaid
registrations). The same service as ``kiosk lists``; lists reach the other kiosks with the next
sync."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk.app import open_desk
from kiosk.app.door import Desk, ListError
from kiosk.core.model import CheckinList, Policy
from kiosk.ui.a11y import name_table
from kiosk.ui.texts import category_text, day_text, list_text
from kiosk.ui.widgets.parts import save_cancel_buttons


class ListEditor(QDialog):
    """One list's settings; :meth:`values` gives them as keyword arguments."""

    def __init__(
        self, days: list[date], zone: ZoneInfo, current: CheckinList | None, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ListEditor")
        self.zone = zone
        self._days = days
        self.setWindowTitle(self.tr("Check-in list"))
        self.name = QLineEdit(current.name if current else "", self)
        self.name.setObjectName("ListName")
        self.name.setPlaceholderText(self.tr("e.g. Workshop A, B2B room, Gala dinner"))
        self.day = QComboBox(self)
        self.day.addItem(self.tr("Every day"), None)
        for d in days:
            self.day.addItem(day_text(d), d)
        if current is not None and current.day is not None:
            found = self.day.findData(current.day)
            self.day.setCurrentIndex(max(0, found))
        self.hours = QCheckBox(self.tr("Open only from"), self)
        self.opens, self.closes = QTimeEdit(self), QTimeEdit(self)
        for edit, value, default in (
            (self.opens, current.opens_at if current else None, QTime(9, 0)),
            (self.closes, current.closes_at if current else None, QTime(18, 0)),
        ):
            edit.setDisplayFormat("HH:mm")
            local = value.astimezone(zone) if value else None
            edit.setTime(QTime(local.hour, local.minute) if local else default)
        self.hours.setChecked(bool(current and (current.opens_at or current.closes_at)))
        # Named for a screen reader: the words around them are not their labels.
        self.opens.setAccessibleName(self.tr("Opens at"))
        self.closes.setAccessibleName(self.tr("Closes at"))
        self.categories = QLineEdit(", ".join(sorted(current.categories)) if current else "", self)
        self.categories.setPlaceholderText(self.tr("everyone (or e.g. speaker, vip)"))
        self.presence = QCheckBox(self.tr("Track who is inside (entries and exits)"), self)
        self.presence.setChecked(bool(current and current.tracks_presence))
        self.multiple = QCheckBox(self.tr("Admit at every scan (coffee, sessions)"), self)
        self.multiple.setChecked(bool(current and current.policy is Policy.MULTIPLE))
        self.reentry = QCheckBox(self.tr("Entry again after an exit"), self)
        self.reentry.setChecked(current.allow_reentry if current else True)
        self.unpaid = QCheckBox(self.tr("Admit registrations not paid yet"), self)
        self.unpaid.setChecked(bool(current and current.admit_pending))
        hours = QHBoxLayout()
        hours.addWidget(self.hours)
        hours.addWidget(self.opens)
        hours.addWidget(QLabel(self.tr("to"), self))
        hours.addWidget(self.closes)
        hours.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Day"), self.day)
        form.addRow(self.tr("Hours"), hours)
        form.addRow(self.tr("Only categories"), self.categories)
        for box in (self.presence, self.multiple, self.reentry, self.unpaid):
            form.addRow("", box)
        buttons, self.save = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> dict[str, object]:
        day = self.day.currentData()
        opens = closes = None
        if self.hours.isChecked():
            # Hours of the day: a list of every day is open at these hours each day (they are
            # kept on the event's first day; the date does not matter).
            on = day if isinstance(day, date) else min(self._days, default=date.today())
            opens = self._at(on, self.opens.time())
            closes = self._at(on, self.closes.time())
        categories = frozenset(c.strip() for c in self.categories.text().split(",") if c.strip())
        return {
            "name": self.name.text(),
            "day": day if isinstance(day, date) else None,
            "opens_at": opens,
            "closes_at": closes,
            "categories": categories,
            "tracks_presence": self.presence.isChecked(),
            "policy": Policy.MULTIPLE if self.multiple.isChecked() else Policy.ONCE_PER_DAY,
            "allow_reentry": self.reentry.isChecked(),
            "admit_pending": self.unpaid.isChecked(),
        }

    def _at(self, day: date, clock: QTime) -> datetime:
        return datetime.combine(day, time(clock.hour(), clock.minute()), self.zone)


class ListsDialog(QDialog):
    """The event's lists with Add, Change and Remove."""

    changed = Signal()  # a list was added, changed or removed: the desk reloads its lists

    def __init__(self, path: str | Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ListsDialog")
        self.path = str(path)
        self.setWindowTitle(self.tr("Check-in lists"))
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("ListsTable")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setHorizontalHeaderLabels([self.tr("List"), self.tr("When"), self.tr("Rules")])
        name_table(self.table, self.tr("Check-in lists"))
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.edit_button = QPushButton(self.tr("Change…"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.remove_button.clicked.connect(self.remove)
        note = QLabel(
            self.tr(
                "New lists reach the other kiosks with the next sync. A list with scans cannot "
                "be removed: its scans are evidence."
            ),
            self,
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        with self._desk() as desk:
            self.zone = ZoneInfo(desk.timezone)
            self.days = desk.event_days()
        self.lists: list[CheckinList] = []
        self.reload()
        self.resize(760, 420)

    def _desk(self) -> Desk:
        return open_desk(self.path, hub_guard=False)

    def reload(self) -> None:
        with self._desk() as desk:
            self.lists = desk.lists()
        self.table.setRowCount(len(self.lists))
        for row, cl in enumerate(self.lists):
            for column, text in enumerate((list_text(cl), self._when(cl), self._rules(cl))):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def _when(self, cl: CheckinList) -> str:
        when = day_text(cl.day) if cl.day else self.tr("Every day")
        if cl.opens_at or cl.closes_at:
            opens = f"{cl.opens_at.astimezone(self.zone):%H:%M}" if cl.opens_at else "…"
            closes = f"{cl.closes_at.astimezone(self.zone):%H:%M}" if cl.closes_at else "…"
            when += f", {opens}–{closes}"
        return when

    def _rules(self, cl: CheckinList) -> str:
        rules = [
            self.tr("every scan") if cl.policy is Policy.MULTIPLE else self.tr("once a day")
            if cl.policy is Policy.ONCE_PER_DAY else self.tr("once"),
        ]  # fmt: skip
        if cl.categories:
            rules.append(", ".join(category_text(c) for c in sorted(cl.categories)))
        if cl.tracks_presence:
            rules.append(self.tr("who is inside"))
        rules.append(self.tr("re-entry") if cl.allow_reentry else self.tr("no re-entry"))
        if cl.admit_pending:
            rules.append(self.tr("unpaid admitted"))
        return "; ".join(rules)

    def selected(self) -> CheckinList | None:
        rows = self.table.selectionModel().selectedRows()
        return self.lists[rows[0].row()] if rows else None

    def add(self) -> None:
        self._edit(None)

    def edit(self) -> None:
        current = self.selected()
        if current is not None:
            self._edit(current)

    def _edit(self, current: CheckinList | None) -> None:
        editor = ListEditor(self.days, self.zone, current, self)
        while editor.exec() == QDialog.DialogCode.Accepted:
            try:
                with self._desk() as desk:
                    if current is None:
                        desk.add_list(**editor.values())  # type: ignore[arg-type]
                    else:
                        desk.edit_list(current.id, **editor.values())
            except ListError as exc:
                QMessageBox.warning(self, self.tr("List not saved"), str(exc))
                continue
            self.reload()
            self.changed.emit()
            return

    def remove(self) -> None:
        current = self.selected()
        if current is None:
            return
        try:
            with self._desk() as desk:
                desk.remove_list(current.id)
        except ListError as exc:
            QMessageBox.warning(self, self.tr("List not removed"), str(exc))
            return
        self.reload()
        self.changed.emit()
