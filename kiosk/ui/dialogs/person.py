"""One person's details and scan history, with check-in and undo."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.app.lookup import LoggedScan, PersonDetails
from kiosk.core.model import AttendeeStatus, CheckinList
from kiosk.core.reasons import Reason
from kiosk.core.text import has_cyrillic, transliterate
from kiosk.ui.a11y import name_table
from kiosk.ui.texts import (
    category_text,
    country_text,
    day_text,
    history_text,
    list_text,
    method_text,
    time_text,
)


class PersonDialog(QDialog):
    undo_requested = Signal(str, str)  # scan id, name
    check_in_requested = Signal(str)  # code
    print_requested = Signal(str)  # attendee uid
    edit_requested = Signal(object)  # Attendee

    def __init__(self, details: PersonDetails, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details = details
        person = details.record.attendee
        self.full_name = f"{person.first_name} {person.last_name}".strip()
        self.name = QLabel(self)
        self.name.setStyleSheet("font-size: 18pt; font-weight: 700;")
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form = QFormLayout()
        self.form_labels: list[QLabel] = []
        self.form_values: list[QLabel] = []
        for _ in range(9):
            label, value = QLabel(self), QLabel(self)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(label, value)
            self.form_labels.append(label)
            self.form_values.append(value)
        self.history_title = QLabel(self)
        self.history_title.setStyleSheet("font-weight: 600;")
        self.history = QTableWidget(0, 4, self)
        self.history.verticalHeader().setVisible(False)
        self.history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.history.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.history.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.history.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.check_in = QPushButton(self)
        self.undo = QPushButton(self)
        self.print_badge = QPushButton(self)
        self.edit = QPushButton(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.addButton(self.edit, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.check_in, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.undo, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.print_badge, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.check_in.clicked.connect(self._check_in)
        self.undo.clicked.connect(self._undo)
        self.print_badge.clicked.connect(self._print)
        self.edit.clicked.connect(self._edit)
        self.check_in.setEnabled(person.status is AttendeeStatus.ACTIVE)
        self.undo.setEnabled(details.undoable is not None)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(10)
        layout.addWidget(self.name)
        layout.addLayout(self.form)
        layout.addWidget(self.history_title)
        layout.addWidget(self.history, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 560)
        self.retranslate()

    def _check_in(self) -> None:
        self.check_in_requested.emit(self.details.record.attendee.code)
        self.accept()

    def _edit(self) -> None:
        self.edit_requested.emit(self.details.record.attendee)
        self.accept()

    def _print(self) -> None:
        self.print_requested.emit(self.details.record.attendee.uid)
        self.accept()

    def _undo(self) -> None:
        scan = self.details.undoable
        if scan is not None:
            self.undo_requested.emit(scan.scan_id, self.full_name)
            self.accept()

    def _scan_text(self, scan: LoggedScan) -> str:
        known = {r.value for r in Reason}
        if scan.kind == "badge_printed":
            text = self.tr("Badge printed")
        else:
            text = history_text(Reason(scan.reason)) if scan.reason in known else scan.reason
        if scan.voided:
            text += " — " + self.tr("undone")
        how = method_text(scan.method) if scan.kind == "entry" else ""
        if how:
            text += " — " + how
        elif scan.manual:
            text += " — " + self.tr("entered by hand")
        if scan.note:
            text += f" ({scan.note})"
        return text

    def retranslate(self) -> None:
        person = self.details.record.attendee
        self.setWindowTitle(self.tr("Attendee details"))
        name_table(self.history, self.tr("Scan history"))
        latin = f"\n{transliterate(self.full_name)}" if has_cyrillic(self.full_name) else ""
        self.name.setText(self.full_name + latin)
        status = (
            self.tr("Cancelled")
            if person.status is AttendeeStatus.CANCELLED
            else self.tr("Active")
        )
        days = ", ".join(day_text(d) for d in sorted(person.days)) or self.tr("All days")
        rows = (
            (self.tr("Organisation"), person.organization),
            (self.tr("Country"), country_text(person.country)),
            (self.tr("Category"), category_text(person.category)),
            (self.tr("E-mail"), person.email),
            (self.tr("Phone"), person.phone),
            (self.tr("Ticket code"), person.code),
            (self.tr("Registration"), status),
            (self.tr("Days"), days),
            (self.tr("Note"), ("⚠ " if person.attention else "") + person.note),
        )
        for (label, value), label_widget, value_widget in zip(
            rows, self.form_labels, self.form_values, strict=True
        ):
            label_widget.setText(label)
            value_widget.setText(value or "—")
        self.history_title.setText(self.tr("Scans"))
        self.history.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("List"), self.tr("Result"), self.tr("Kiosk")]
        )
        self.history.setRowCount(len(self.details.scans))
        for row, scan in enumerate(self.details.scans):
            when = f"{day_text(scan.at.date())} {time_text(scan.at)}"
            listed = list_text(CheckinList(0, scan.list_name, scan.list_day))
            for column, text in enumerate((when, listed, self._scan_text(scan), scan.kiosk)):
                self.history.setItem(row, column, QTableWidgetItem(text))
        self.check_in.setText(self.tr("Check in"))
        self.undo.setText(self.tr("Undo check-in"))
        self.print_badge.setText(self.tr("Print badge"))
        self.edit.setText(self.tr("Correct…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
