"""The print queue: every badge job of this kiosk, what became of it, retry and cancel."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QTableWidgetItem, QWidget

from kiosk.app.printing import JobState, PrintJob
from kiosk.ui.a11y import name_table
from kiosk.ui.dialogs.table_dialog import TableDialog
from kiosk.ui.texts import fault_text, time_text


class PrintQueueDialog(TableDialog):
    retry_requested = Signal(int)
    cancel_requested = Signal(int)
    refresh_requested = Signal()

    def __init__(self, zone: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(5, 2, parent)
        self.zone = zone
        self.jobs: list[PrintJob] = []
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.retry, self.cancel = self.action_buttons
        self.retry.clicked.connect(self._retry)
        self.cancel.clicked.connect(self._cancel)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.resize(960, 500)
        self.retranslate()
        self._update_buttons()

    def selected(self) -> PrintJob | None:
        rows = self.table.selectionModel().selectedRows()
        return self.jobs[rows[0].row()] if rows else None

    def _retry(self) -> None:
        job = self.selected()
        if job is not None:
            self.retry_requested.emit(job.id)

    def _cancel(self) -> None:
        job = self.selected()
        if job is not None:
            self.cancel_requested.emit(job.id)

    def _update_buttons(self) -> None:
        job = self.selected()
        self.retry.setEnabled(job is not None and job.state is JobState.FAILED)
        self.cancel.setEnabled(job is not None and job.state in (JobState.QUEUED, JobState.FAILED))

    def state_text(self, job: PrintJob) -> str:
        if job.state is JobState.FAILED and job.will_retry:
            return self.tr("Failed — retrying by itself")
        return {
            JobState.QUEUED: self.tr("Waiting"),
            JobState.PRINTING: self.tr("Printing"),
            JobState.DONE: self.tr("Printed"),
            JobState.FAILED: self.tr("Failed"),
            JobState.CANCELLED: self.tr("Cancelled"),
        }[job.state]

    def show_jobs(self, jobs: list[PrintJob]) -> None:
        chosen = self.selected()
        self.jobs = jobs
        self.table.setRowCount(len(jobs))
        for row, job in enumerate(jobs):
            local = job.created_at.astimezone(self.zone)
            cells = (
                time_text(local),
                job.attendee_name or job.attendee_uid,
                self.state_text(job),
                str(job.attempts),
                fault_text(job.fault, job.message) if job.fault else job.message,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2 and job.state is JobState.FAILED:
                    item.setForeground(QColor("#c62828"))
                if column == 4:
                    item.setToolTip(f"{job.printer_uri}\n{job.message}")
                self.table.setItem(row, column, item)
            if chosen is not None and job.id == chosen.id:
                self.table.selectRow(row)
        self.table.resizeRowsToContents()
        self._update_buttons()

    def update_job(self, job: PrintJob) -> None:
        ids = [j.id for j in self.jobs]
        jobs = list(self.jobs)
        if job.id in ids:
            jobs[ids.index(job.id)] = job
        else:
            jobs.insert(0, job)
        self.show_jobs(jobs)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Print queue"))
        name_table(self.table, self.tr("Badges to print"))
        self.intro.setText(
            self.tr(
                "Badges of this kiosk, newest first. A failed badge is tried again by itself a "
                "few times; fix the printer, then Retry."
            )
        )
        headers = [self.tr("Time"), self.tr("Name"), self.tr("State"), self.tr("Tries")]
        self.table.setHorizontalHeaderLabels([*headers, self.tr("Message")])
        self.retry.setText(self.tr("Retry"))
        self.cancel.setText(self.tr("Cancel badge"))
        if self.jobs:
            self.show_jobs(self.jobs)
