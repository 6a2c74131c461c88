"""Conflicts: people admitted more than once where once is the rule (after merging kiosks)."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTableWidgetItem, QWidget

from kiosk.app.reports import Conflict
from kiosk.ui.a11y import name_table
from kiosk.ui.dialogs.table_dialog import TableDialog
from kiosk.ui.texts import day_text


class ConflictsDialog(TableDialog):
    """Signals: refresh_requested()."""

    refresh_requested = Signal()

    def __init__(self, zone: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(5, 1, parent)
        self.zone = zone
        self.found: list[Conflict] = []
        (self.refresh,) = self.action_buttons
        self.refresh.clicked.connect(self.refresh_requested)
        self.resize(980, 480)
        self.retranslate()

    def show_conflicts(self, found: list[Conflict]) -> None:
        self.found = found
        self.table.setRowCount(len(found))
        for row, c in enumerate(found):
            where = self.tr("At two kiosks") if c.cross_kiosk else self.tr("Twice at one kiosk")
            day = day_text(c.day) if c.day else ""
            # A day's own list is named after the day: show the day once, in the language.
            listed = day if c.day and c.list_name == f"Day {c.day.isoformat()}" else (
                f"{c.list_name} {day}".strip()
            )  # fmt: skip
            admissions = []
            for n, e in enumerate(c.entries):
                at = e.at.astimezone(self.zone)
                kiosk = e.kiosk_name or e.kiosk_id[:8]
                mark = self.tr("counts") if n == 0 else self.tr("duplicate")
                admissions.append(f"{at:%H:%M:%S} {kiosk} ({mark})")
            values = [c.name or c.attendee_uid, c.code, listed, where,
                      " · ".join(admissions)]  # fmt: skip
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeRowsToContents()
        self._intro_text()

    def _intro_text(self) -> None:
        if not self.found:
            self.intro.setText(self.tr("No conflicts: no one was admitted twice."))
            return
        self.intro.setText(
            self.tr(
                "%n people were admitted more than once. The earliest admission counts; the "
                "others are kept so staff can see whether a ticket was shared.",
                "",
                len(self.found),
            )
        )

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Conflicts"))
        name_table(self.table, self.tr("Conflicts"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Code"),
                self.tr("List"),
                self.tr("Where"),
                self.tr("Admissions"),
            ]
        )
        self.refresh.setText(self.tr("Refresh"))
        self._intro_text()
        if self.found:
            self.show_conflicts(self.found)
