"""Badge printing for the desk, off the GUI thread.

A print thread with its own database connection runs the durable print queue
(:class:`kiosk.app.printing.PrintService`): it queues a badge after each admission as the kiosk's
policy says, prints due jobs, retries failed ones on their back-off, and reports every job
change as a signal. A printer that is off or out of paper never touches a check-in.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image
from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from kiosk.app import open_desk
from kiosk.app.checkin import CheckinResult, Clock, utc_now
from kiosk.app.failures import environment_message
from kiosk.app.printing import (
    NeedsConfirmation,
    PrinterError,
    PrintPolicy,
    PrintRequestError,
    PrintService,
    SlipPolicy,
    find_printers,
)

if TYPE_CHECKING:
    from kiosk.app.badging import Cancel
    from kiosk.app.door import Desk

log = logging.getLogger(__name__)

#: How often due retries are looked for.
RETRY_POLL_MS = 5000
#: SQLite page cache of the print thread's and the badge runs' connections (KiB): they read a
#: few rows at a time, beside the desk's own threads.
PRINT_CACHE_KIB = 2_048


@dataclass(frozen=True, slots=True)
class PrintSettings:
    policy: PrintPolicy
    printer_uri: str
    template: str
    #: Print the person's B2B meeting slip of the day after the badge.
    meeting_slip: bool = True


@dataclass(frozen=True, slots=True)
class Preview:
    serial: int
    template: str
    image: Image.Image | None
    problem: str  # why there is no image ("" when there is one)


class _PrintWorker(QObject):
    decided = Signal(object)  # PrintDecision
    job_changed = Signal(object)  # PrintJob
    jobs_listed = Signal(object)  # list[PrintJob]
    confirm_needed = Signal(str, object)  # attendee uid, NeedsConfirmation
    settings_loaded = Signal(object)  # PrintSettings
    previewed = Signal(object)  # Preview
    printers_found = Signal(object)  # list[FoundPrinter]
    test_printed = Signal(str, str)  # uri, problem ("" when it printed)
    failed = Signal(str)  # a message for staff

    def __init__(self, path: str, clock: Clock) -> None:
        super().__init__()
        self.path = path
        self.clock = clock
        self.desk: Desk | None = None
        self.service: PrintService | None = None
        self.timer: QTimer | None = None
        self.announced: PrintSettings | None = None  # the settings last sent to the window

    def _open(self) -> PrintService:
        if self.service is None:
            self.desk = open_desk(
                self.path, clock=self.clock, hub_guard=False, cache_kib=PRINT_CACHE_KIB
            )
            self.service = self.desk.printing
            for job in self.service.recover_interrupted():
                self.job_changed.emit(job)
            self.timer = QTimer(self)
            self.timer.setInterval(RETRY_POLL_MS)
            self.timer.timeout.connect(self.process)
            self.timer.start()
        return self.service

    def _opened(self) -> Desk:
        """The print thread's door to the event file (opened with the queue)."""
        self._open()
        assert self.desk is not None
        return self.desk

    def _guard(self, what: str, exc: Exception) -> None:
        log.exception("printing: %s failed", what)
        self.failed.emit(f"{what}: {exc}")

    def _refresh_settings(self, service: PrintService) -> None:
        """Tell the window the settings when they differ from what it last heard: another
        program on this computer (the desk window, the CLI) may change the printer while this
        one runs."""
        now = PrintSettings(
            service.policy(),
            service.printer_uri() or "",
            service.template(),
            service.slip_policy() is SlipPolicy.WITH_BADGE,
        )
        if now != self.announced:
            self.announced = now
            self.settings_loaded.emit(now)

    @Slot()
    def start(self) -> None:
        try:
            self._refresh_settings(self._open())
            self.process()
        except Exception as exc:
            self._guard("starting the print queue", exc)

    @Slot(object)
    def on_checkin(self, result: CheckinResult) -> None:
        try:
            service = self._open()
            self._refresh_settings(service)
            decision = service.on_checkin(result)
        except Exception as exc:
            self._guard("queueing a badge", exc)
            return
        self.decided.emit(decision)
        if decision.queued and decision.job is not None:
            self.job_changed.emit(decision.job)
            self.process()

    @Slot()
    def process(self) -> None:
        try:
            service = self._open()
            self._refresh_settings(service)
            while True:
                job = service.process_one()
                if job is None:
                    break
                self.job_changed.emit(job)
        except Exception as exc:
            self._guard("printing", exc)

    @Slot(str, bool)
    def request_print(self, attendee_uid: str, confirmed: bool) -> None:
        try:
            answer = self._open().request_print(attendee_uid, reprint_confirmed=confirmed)
        except PrintRequestError as exc:
            self.failed.emit(str(exc))
            return
        except Exception as exc:
            self._guard("queueing a badge", exc)
            return
        if isinstance(answer, NeedsConfirmation):
            self.confirm_needed.emit(attendee_uid, answer)
            return
        self.job_changed.emit(answer)
        self.process()

    @Slot(int)
    def retry(self, job_id: int) -> None:
        try:
            self.job_changed.emit(self._open().retry(job_id))
        except Exception as exc:
            self._guard("retrying", exc)
            return
        self.process()

    @Slot(int)
    def cancel(self, job_id: int) -> None:
        try:
            self.job_changed.emit(self._open().cancel(job_id))
        except Exception as exc:
            self._guard("cancelling", exc)

    @Slot()
    def list_jobs(self) -> None:
        try:
            self.jobs_listed.emit(self._open().jobs(200))
        except Exception as exc:
            self._guard("listing print jobs", exc)

    @Slot(object)
    def save_settings(self, settings: PrintSettings) -> None:
        try:
            service = self._open()
            service.set_policy(settings.policy)
            service.set_printer_uri(settings.printer_uri or None)
            service.set_template(settings.template)
            service.set_slip_policy(
                SlipPolicy.WITH_BADGE if settings.meeting_slip else SlipPolicy.NEVER
            )
            self.announced = settings
            self.settings_loaded.emit(settings)
        except Exception as exc:
            self._guard("saving the printer settings", exc)

    @Slot(int, str)
    def preview(self, serial: int, template: str) -> None:
        """A real attendee's badge (the longest name, to show auto-fit) in ``template``."""
        try:
            image = self._opened().badges.preview(template)
            if image is None:
                self.previewed.emit(Preview(serial, template, None, "no attendees yet"))
                return
            self.previewed.emit(Preview(serial, template, image, ""))
        except Exception as exc:
            self.previewed.emit(Preview(serial, template, None, str(exc)))

    @Slot()
    def find_printers(self) -> None:
        try:
            self.printers_found.emit(find_printers())
        except Exception as exc:
            self._guard("looking for printers", exc)

    @Slot(str)
    def test_print(self, uri: str) -> None:
        try:
            self._opened().badges.test_page(uri)
        except PrinterError as exc:
            self.test_printed.emit(uri, str(exc))
            return
        except Exception as exc:
            self.test_printed.emit(uri, f"{type(exc).__name__}: {exc}")
            return
        self.test_printed.emit(uri, "")

    @Slot()
    def close(self) -> None:
        if self.timer is not None:
            self.timer.stop()
        if self.desk is not None:
            self.desk.close()
            self.desk = None
            self.service = None


class PrintBackend(QObject):
    """The window's handle on the print thread."""

    decided = Signal(object)
    job_changed = Signal(object)
    jobs_listed = Signal(object)
    confirm_needed = Signal(str, object)
    settings_loaded = Signal(object)
    previewed = Signal(object)
    printers_found = Signal(object)
    test_printed = Signal(str, str)
    failed = Signal(str)

    _start = Signal()
    _on_checkin = Signal(object)
    _process = Signal()
    _request = Signal(str, bool)
    _retry = Signal(int)
    _cancel = Signal(int)
    _list = Signal()
    _save = Signal(object)
    _preview = Signal(int, str)
    _find = Signal()
    _test = Signal(str)
    _close = Signal()

    def __init__(
        self, path: str, parent: QObject | None = None, clock: Clock | None = None
    ) -> None:
        super().__init__(parent)
        self.settings: PrintSettings | None = None
        self._serial = 0
        self._thread = QThread(self)
        self._thread.setObjectName("desk-printing")
        self._worker = _PrintWorker(path, clock or utc_now)
        self._worker.moveToThread(self._thread)
        self._thread.finished.connect(self._worker.deleteLater)
        worker = self._worker
        self._start.connect(worker.start)
        self._on_checkin.connect(worker.on_checkin)
        self._process.connect(worker.process)
        self._request.connect(worker.request_print)
        self._retry.connect(worker.retry)
        self._cancel.connect(worker.cancel)
        self._list.connect(worker.list_jobs)
        self._save.connect(worker.save_settings)
        self._preview.connect(worker.preview)
        self._find.connect(worker.find_printers)
        self._test.connect(worker.test_print)
        self._close.connect(worker.close)
        worker.decided.connect(self.decided)
        worker.job_changed.connect(self.job_changed)
        worker.jobs_listed.connect(self.jobs_listed)
        worker.confirm_needed.connect(self.confirm_needed)
        worker.previewed.connect(self.previewed)
        worker.printers_found.connect(self.printers_found)
        worker.test_printed.connect(self.test_printed)
        worker.failed.connect(self.failed)
        self._worker.settings_loaded.connect(self._on_settings)
        self._thread.start()
        self._start.emit()

    @Slot(object)
    def _on_settings(self, settings: PrintSettings) -> None:
        self.settings = settings
        self.settings_loaded.emit(settings)

    def on_checkin(self, result: CheckinResult) -> None:
        self._on_checkin.emit(result)

    def poll(self) -> None:
        """Print what is due and re-read the settings now, as the regular poll does."""
        self._process.emit()

    def request_print(self, attendee_uid: str, *, confirmed: bool = False) -> None:
        self._request.emit(attendee_uid, confirmed)

    def retry(self, job_id: int) -> None:
        self._retry.emit(job_id)

    def cancel(self, job_id: int) -> None:
        self._cancel.emit(job_id)

    def list_jobs(self) -> None:
        self._list.emit()

    def save_settings(self, settings: PrintSettings) -> None:
        self._save.emit(settings)

    def preview(self, template: str) -> int:
        self._serial += 1
        self._preview.emit(self._serial, template)
        return self._serial

    def find_printers(self) -> None:
        self._find.emit()

    def test_print(self, uri: str) -> None:
        self._test.emit(uri)

    def shutdown(self) -> None:
        if self._thread.isRunning():
            self._close.emit()
            self._thread.quit()
            self._thread.wait()


@dataclass(frozen=True, slots=True)
class BadgesPdfRequest:
    """What staff chose for a run of pre-printed badges."""

    output: Path
    template: str
    list_id: int | None  # None: everyone
    order: str  # one of kiosk.app.badging.BADGE_ORDERS


class BadgesPdfRun(QThread):
    """One run of pre-printed badges on a thread of its own (the print queue's thread keeps
    printing at the desk meanwhile), through :mod:`kiosk.app.badging`.

    Ends with exactly one of ``written`` (a :class:`BadgesWritten`), ``cancelled`` (nothing
    was written) or ``failed`` (a message for staff)."""

    progressed = Signal(int, int)  # badges drawn, of how many
    written = Signal(object)  # BadgesWritten
    cancelled = Signal()
    failed = Signal(str)

    def __init__(
        self,
        path: str,
        request: BadgesPdfRequest,
        parent: QObject | None = None,
        clock: Clock | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("desk-badges-pdf")
        self.path = path
        self.request = request
        self.clock = clock or utc_now
        # Badge drawing is loaded when a run is asked for, not with the desk window.
        from kiosk.app.badging import Cancel

        self._cancel: Cancel = Cancel()

    def cancel(self) -> None:
        """Stop at the next badge; the half-drawn PDF is not left behind."""
        self._cancel.press()

    def run(self) -> None:
        from kiosk.app.badging import BatchCancelled, write_badges_pdf

        request = self.request
        try:
            with open_desk(
                self.path, clock=self.clock, hub_guard=False, cache_kib=PRINT_CACHE_KIB
            ) as desk:
                batch = desk.badges.batch(list_id=request.list_id, order=request.order)
            written = write_badges_pdf(
                batch,
                request.output,
                template=request.template,
                progress=self.progressed.emit,
                cancel=self._cancel,
            )
        except BatchCancelled:
            self.cancelled.emit()
        except Exception as exc:
            log.warning("badges PDF %s not written", request.output, exc_info=True)
            # A full disk or a folder that cannot be written is said in staff words.
            self.failed.emit(environment_message(exc) or str(exc) or type(exc).__name__)
        else:
            self.written.emit(written)
