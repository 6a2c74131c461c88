"""The Reports screen's work, off the GUI thread: building a report (a full read of the log,
about a second at 100,000 people) and writing its files, on a thread with its own connection.

Signals:
    built(object): a :class:`Built` for the last report asked for.
    progress(int, int): rows of a file written so far, of all (every thousand rows or so).
    exported(object): the list of :class:`~kiosk.app.reports.WrittenFile` just written.
    failed(str): what went wrong, in the service's words (file, folder, what to do).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from kiosk.app.reports import (
    ExportError,
    Report,
    ReportService,
    Scope,
    StorageError,
    WrittenFile,
    close_reports,
    open_reports,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Built:
    serial: int
    report: Report
    chart_png: bytes


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """``kind``: csv, xlsx, pdf, png, sheet-registered or sheet-attended."""

    kind: str
    path: Path
    scope: Scope
    delimiter: str = ","
    reference: str = ""
    day: date | None = None
    language: str = "en"  # of the file's words (the screen's language)


class _Worker(QObject):
    built = Signal(object)
    progress = Signal(int, int)
    exported = Signal(object)
    failed = Signal(str)

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path
        self.reports: ReportService | None = None
        self.report: Report | None = None

    def _open(self) -> ReportService:
        if self.reports is None:
            self.reports = open_reports(self.path)
        return self.reports

    @Slot(int, object, str)
    def build(self, serial: int, scope: Scope, language: str) -> None:
        try:
            reports = self._open()
            report = reports.build(scope, language)
            png = reports.chart(report)
        except StorageError as exc:
            self.failed.emit(str(exc))
            return
        except Exception as exc:  # a bug: logged, and told without a traceback
            log.exception("building the report failed")
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.report = report
        self.built.emit(Built(serial, report, png))

    @Slot(object)
    def export(self, request: ExportRequest) -> None:
        try:
            reports = self._open()
            report = self.report
            if (
                report is None
                or report.register.scope != request.scope
                or report.language != request.language
            ):
                report = reports.build(request.scope, request.language)
            if request.kind in ("csv", "xlsx", "pdf", "png"):
                files = reports.write(
                    report, request.kind, request.path, delimiter=request.delimiter,
                    progress=self.progress.emit,
                )  # fmt: skip
            else:
                day = request.day or report.register.days[0]
                attended = request.kind == "sheet-attended"
                files = [
                    reports.sign_in_sheet(
                        report,
                        day,
                        request.path,
                        attended=attended,
                        reference=request.reference,
                        progress=self.progress.emit,
                    )
                ]
        except (ExportError, StorageError) as exc:
            self.failed.emit(str(exc))
            return
        except Exception as exc:
            log.exception("writing the report failed")
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.exported.emit(files)

    @Slot()
    def close(self) -> None:
        if self.reports is not None:
            close_reports(self.reports)
            self.reports = None


class ReportBackend(QObject):
    """Builds reports and writes files on a thread of its own; answers with signals."""

    built = Signal(object)  # Built
    progress = Signal(int, int)  # rows written, of all
    exported = Signal(object)  # list[WrittenFile]
    failed = Signal(str)

    _build = Signal(int, object, str)
    _export = Signal(object)
    _close = Signal()

    def __init__(self, path: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._serial = 0
        self._thread = QThread(self)
        self._thread.setObjectName("reports")
        self._worker = _Worker(path)
        self._worker.moveToThread(self._thread)
        self._thread.finished.connect(self._worker.deleteLater)
        self._build.connect(self._worker.build)
        self._export.connect(self._worker.export)
        self._close.connect(self._worker.close)
        self._worker.built.connect(self._on_built)
        self._worker.progress.connect(self.progress)
        self._worker.exported.connect(self.exported)
        self._worker.failed.connect(self.failed)
        self._thread.start()

    def build(self, scope: Scope, language: str = "en") -> int:
        """Build the report of ``scope`` with its words in ``language`` (en, bg, ro)."""
        self._serial += 1
        self._build.emit(self._serial, scope, language)
        return self._serial

    def export(self, request: ExportRequest) -> None:
        self._export.emit(request)

    @Slot(object)
    def _on_built(self, built: Built) -> None:
        if built.serial == self._serial:  # an older scope's answer arriving late is dropped
            self.built.emit(built)

    def shutdown(self) -> None:
        self._close.emit()
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait()


__all__ = ["Built", "ExportRequest", "ReportBackend", "WrittenFile"]
