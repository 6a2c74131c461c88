"""Reports through the one door: the attendance register and its counts, the files written from
them (each with its SHA-256 digest beside it and in the database), sign-in sheets, the conflict
report, what a merged log covers, online attendance and the purge after the event.

The command line (``kiosk report``, ``export attendance``, ``sign-in-sheet``, ``import-online``,
``online``, ``purge``) and the desk's Reports screen and conflict list use this one
:class:`ReportService`, reached as ``desk.reports`` (:class:`kiosk.app.door.Desk`) or built on a
connection of its own for a worker thread. The front ends import the values they show from here
(``Report``, ``Scope``, ``WrittenFile``…), never from ``kiosk.reports`` or ``kiosk.storage``.

Spreadsheets, PDF and images are made by libraries this module loads only when a report is asked
for: ``kiosk checkin`` never imports it (tests/cli/test_startup.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kiosk.importing.errors import ImportFileError
from kiosk.importing.online import (
    PLATFORM_NAMES,
    OnlineImportResult,
    OnlineReportError,
    ResolveError,
    Unmatched,
)
from kiosk.reports import files
from kiosk.reports.attendance import attendance_register
from kiosk.reports.conflicts import Conflict, conflicts
from kiosk.reports.coverage import KioskCoverage, coverage
from kiosk.reports.export import DEFAULT_DELIMITER, ExportError, Progress
from kiosk.reports.files import WrittenFile
from kiosk.reports.purge import PurgePlan, PurgeSummary
from kiosk.reports.register import Scope, event_days
from kiosk.reports.summary import Report, Section, build_report
from kiosk.reports.texts import DEFAULT_LANGUAGE, LANGUAGES, texts
from kiosk.storage import events
from kiosk.storage.database import Database
from kiosk.storage.errors import StorageError
from kiosk.storage.events import EventInfo

__all__ = [
    "DEFAULT_DELIMITER",
    "LANGUAGES",
    "PLATFORM_NAMES",
    "Conflict",
    "ExportError",
    "HubSynced",
    "ImportFileError",
    "KioskCoverage",
    "OnlineImportResult",
    "OnlineReportError",
    "Progress",
    "PurgePlan",
    "PurgeSummary",
    "Report",
    "ReportHubError",
    "ReportService",
    "ResolveError",
    "Scope",
    "ScopeError",
    "Section",
    "StorageError",
    "Unmatched",
    "WrittenFile",
]

#: The files a report can be written as (``kiosk report --format``, the desk's buttons).
REPORT_FORMATS = ("csv", "xlsx", "pdf", "png")


class ScopeError(ValueError):
    """A day or a check-in list the event does not have; ``option`` names the command-line
    option it came from, the message says which ones exist."""

    def __init__(self, message: str, option: str) -> None:
        super().__init__(message)
        self.option = option


class ReportHubError(Exception):
    """The hub a report over every kiosk needs could not be reached (or none is known); the
    message says that no report was written and what to do."""


@dataclass(frozen=True, slots=True)
class HubSynced:
    """A sync with the hub before a report: scans received and sent, and what the merged log
    covers now."""

    pulled: int
    pushed: int
    covered: list[KioskCoverage]


class ReportService:
    """The reports of one event file, on one connection (one thread at a time)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- what a report can cover ---------------------------------------------------------------

    def event(self) -> EventInfo:
        return events.event_info(self.db)

    def days(self) -> list[date]:
        """The event's days: those of its check-in lists and any other day with attendance."""
        return event_days(self.db)

    def check_day(self, day: date) -> None:
        """:class:`ScopeError` unless ``day`` is a day of the event."""
        days = self.days()
        if day not in days:
            known = ", ".join(d.isoformat() for d in days) or "none"
            raise ScopeError(
                f"{day.isoformat()} is not a day of the event (its days: {known}).", "--day"
            )

    def scope(self, day: date | None = None, list_id: int | None = None) -> Scope:
        """A day, a list, both or (neither) the whole event — checked against the event."""
        if day is not None:
            self.check_day(day)
        if list_id is not None and events.checkin_list(self.db, list_id) is None:
            known = ", ".join(f"{cl.id} ({cl.name})" for cl in events.checkin_lists(self.db))
            raise ScopeError(
                f"there is no check-in list {list_id} — the lists are: {known}.", "--list"
            )
        return Scope(day=day, list_id=list_id)

    # -- the report and its files --------------------------------------------------------------

    def build(self, scope: Scope | None = None, language: str = DEFAULT_LANGUAGE) -> Report:
        """Everything a report of ``scope`` shows, its words in ``language`` (en, bg, ro)."""
        return build_report(self.db, scope, language)

    def chart(self, report: Report) -> bytes:
        """The arrivals chart of ``report`` as PNG, titled with the event's name."""
        from kiosk.reports.chart import arrivals_png

        return arrivals_png(
            report.register.event.name, report.arrivals, files.chart_text(report.t)
        )

    def write(
        self,
        report: Report,
        fmt: str,
        path: Path,
        *,
        delimiter: str = DEFAULT_DELIMITER,
        chart: Path | None = None,
        progress: Progress | None = None,
    ) -> list[WrittenFile]:
        """Write ``report`` as ``fmt`` (csv: the register and NAME-summary.csv; xlsx; pdf; png:
        the arrivals chart) to ``path``, and the chart to ``chart`` when given. Every file gets
        its digest beside it and in the database. ``progress(done, total)`` hears of the
        register rows written."""
        if fmt == "csv":
            written = files.write_csv(report, path, delimiter, progress)
        elif fmt == "xlsx":
            written = files.write_xlsx(report, path, progress)
        elif fmt == "pdf":
            written = files.write_pdf(report, path, progress)
        elif fmt == "png":
            written = [files.write_chart(report, path)]
        else:
            raise ValueError(f"unknown report format {fmt!r}: use one of {REPORT_FORMATS}")
        if chart is not None:
            written.append(files.write_chart(report, chart))
        files.record_exports(self.db, f"report-{fmt}", report.register.scope.label(), written)
        return written

    def sign_in_sheet(
        self,
        report: Report,
        day: date,
        path: Path,
        *,
        attended: bool,
        reference: str = "",
        bilingual: bool = True,
        progress: Progress | None = None,
    ) -> WrittenFile:
        """The A4 sheet for signatures of ``day`` in the report's language: everyone registered
        for the day, or (``attended``) those who came. ``progress(done, total)``: rows laid
        out."""
        written = files.write_sign_in_sheet(
            report, day, path, attended=attended, reference=reference, bilingual=bilingual,
            progress=progress,
        )  # fmt: skip
        kind = "sign-in-attended" if attended else "sign-in-registered"
        files.record_exports(self.db, kind, Scope(day=day).label(), [written])
        return written

    def export_attendance(
        self,
        day: date,
        path: Path,
        *,
        fmt: str = "csv",
        list_id: int | None = None,
        order: str = "name",
        delimiter: str = DEFAULT_DELIMITER,
        language: str = DEFAULT_LANGUAGE,
        progress: Progress | None = None,
    ) -> tuple[int, WrittenFile]:
        """The attendance list of ``day`` (``kiosk export attendance``): everyone admitted in
        person, with their first check-in, ordered by ``order`` (name or time). Written like
        every report file, with its digest; returns (people, the file)."""
        self.scope(list_id=list_id)  # a list that does not exist is named; any day is read
        scope = Scope(day=day, list_id=list_id)
        rows = attendance_register(self.db, day, list_id=list_id, order=order)
        written = files.write_attendance(
            rows, day, path, event_name=self.event().name, fmt=fmt, delimiter=delimiter,
            t=texts(language), progress=progress,
        )  # fmt: skip
        files.record_exports(self.db, f"attendance-{fmt}", scope.label(), [written])
        return len(rows), written

    # -- several kiosks ------------------------------------------------------------------------

    def conflicts(self) -> list[Conflict]:
        """People admitted more than once where a list admits once (after merging kiosks)."""
        return conflicts(self.db)

    def coverage(self) -> list[KioskCoverage]:
        """The kiosks whose scans this file holds, each one's last scan and missing scans."""
        return coverage(self.db)

    def sync_with_hub(self, dsn: str, schema: str | None = None) -> HubSynced:
        """Sync with the hub before a report over every kiosk (``dsn`` '': the hub this kiosk
        last synced with, or $KIOSK_HUB_DSN). :class:`ReportHubError` when it cannot be
        reached: a report silently missing other kiosks' check-ins is worse than none."""
        from kiosk.app.sync import HubUnavailable, NoHub, SyncService

        try:
            result = SyncService(self.db).sync_with_hub(dsn, schema)
        except NoHub as exc:
            raise ReportHubError(
                "--hub was given without an address and this kiosk has not synced with a hub "
                "before — give it: --hub postgresql://HOST/DATABASE (or set KIOSK_HUB_DSN). "
                "No report was written."
            ) from exc
        except HubUnavailable as exc:
            raise ReportHubError(
                f"{exc}\nNo report was written: without the hub it would miss the other "
                "kiosks' check-ins. Check the network and the address, or leave out --hub to "
                "report only what this database holds."
            ) from exc
        return HubSynced(result.pulled, result.pushed, self.coverage())

    # -- online attendance ---------------------------------------------------------------------

    def import_online(
        self, path: Path, day: date, *, force_day: bool = False
    ) -> OnlineImportResult:
        """Import a Zoom, Teams or Google Meet attendance report for ``day`` (a day of the
        event, else :class:`OnlineReportError` with reason ``not_an_event_day``)."""
        from kiosk.importing.online import import_online

        days = self.days()
        if day not in days:
            known = ", ".join(d.isoformat() for d in days) or "none"
            raise OnlineReportError(
                path, "not_an_event_day",
                f"{day.isoformat()} is not a day of the event (its days: {known})",
                "give one of the event's days with --day",
            )  # fmt: skip
        return import_online(self.db, path, day, force_day=force_day)

    def unmatched_online(self, day: date) -> list[Unmatched]:
        """Online participants of ``day`` still to resolve."""
        from kiosk.importing.online import unmatched

        return unmatched(self.db, day)

    def resolve_online(
        self,
        day: date,
        name: str,
        *,
        email: str | None = None,
        attendee_code: str | None = None,
        add: bool = False,
        ignore: bool = False,
        category: str = "participant",
        country: str = "",
        organization: str = "",
    ) -> str | None:
        """Link, add or ignore an unmatched online participant (:class:`ResolveError` when
        the participant or the registrant does not exist). Returns the code linked or added,
        None when ignored."""
        from kiosk.importing.online import resolve

        return resolve(
            self.db, day, name, email=email, attendee_code=attendee_code, add=add,
            ignore=ignore, category=category, country=country, organization=organization,
        )  # fmt: skip

    # -- after the event -----------------------------------------------------------------------

    def purge_plan(self) -> PurgePlan:
        """What a purge would remove (to show before asking)."""
        from kiosk.reports.purge import plan

        return plan(self.db)

    def purge(self) -> PurgeSummary:
        """Remove the personal data, keeping the anonymous counts and every digest."""
        from kiosk.reports.purge import purge

        return purge(self.db)


def open_reports(path: str | Path) -> ReportService:
    """A report service on a connection of its own (small page cache), for a worker thread
    that counts and writes files while the desk goes on checking people in. Close it with
    :meth:`close_reports`."""
    return ReportService(Database(path, cache_kib=Database.SIDE_CACHE_KIB))


def close_reports(service: ReportService) -> None:
    service.db.close()
