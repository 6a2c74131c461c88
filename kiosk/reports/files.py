"""Report files: the register and summary as CSV, the workbook, and the SHA-256 digest written
beside every file (``NAME.sha256``, in the format ``sha256sum -c`` checks) and recorded in the
database, so a changed file can be recognised later, also after personal data was purged.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from kiosk.core.timeutil import to_utc_iso
from kiosk.reports.attendance import RegisterRow, attendance_rows
from kiosk.reports.attendance import columns as columns_of_attendance
from kiosk.reports.chart import ChartText, arrivals_png
from kiosk.reports.export import (
    DEFAULT_DELIMITER,
    CsvTable,
    Progress,
    XlsxBook,
    column_widths,
    to_csv,
    to_xlsx,
    write_atomic,
)
from kiosk.reports.register import Person, RegisterEntry, columns, register_rows
from kiosk.reports.summary import Report
from kiosk.reports.texts import PARTNER, Texts, count_of, texts
from kiosk.storage import reports as report_store
from kiosk.storage.database import Database


@dataclass(frozen=True, slots=True)
class WrittenFile:
    path: Path
    sha256: str  # of the file's bytes
    content_sha256: str = ""  # of the canonical register CSV the file shows (PDF footers)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def digest_path(path: Path) -> Path:
    return path.with_name(path.name + ".sha256")


def write_with_digest(path: Path, data: bytes, content_sha256: str = "") -> WrittenFile:
    """Write ``data`` atomically and its digest beside it."""
    digest = sha256_hex(data)
    write_atomic(path, data)
    # UTF-8: organizers name files in Bulgarian and Romanian (sha256sum -c reads it as is).
    write_atomic(digest_path(path), f"{digest}  {path.name}\n".encode())
    return WrittenFile(path, digest, content_sha256)


def record_exports(db: Database, kind: str, scope: str, files: list[WrittenFile]) -> None:
    """Keep the digests in the database (they survive ``kiosk purge``)."""
    now = to_utc_iso(datetime.now(UTC))
    report_store.record_exports(
        db, [(now, kind, scope, str(f.path), f.sha256, f.content_sha256) for f in files]
    )


def register_csv(
    entries: list[RegisterEntry],
    delimiter: str = ",",
    t: Texts | None = None,
    progress: Progress | None = None,
) -> bytes:
    """The register as CSV (UTF-8 with BOM), its words in the language of ``t`` (English)."""
    t = t or texts()
    return to_csv(columns(t), register_rows(entries, t), delimiter, progress)


def register_digest(entries: list[RegisterEntry]) -> str:
    """The digest of a register's content: SHA-256 of its comma-separated English CSV, so anyone
    can check a printed or PDF register (in any language) against a CSV export of the same day
    ('kiosk report --language en --delimiter , -o day.csv' writes that file; its .sha256 is
    this digest)."""
    return sha256_hex(register_csv(entries, ","))


def summary_csv(report: Report, delimiter: str = ",") -> bytes:
    """Every summary section, one after another: a title row, the header, the rows, a blank."""
    table = CsvTable(delimiter)
    for section in report.sections:
        table.row([section.title])
        table.row(section.header)
        table.rows(section.rows)
        table.blank()
    return table.data()


def write_csv(
    report: Report, path: Path, delimiter: str = ",", progress: Progress | None = None
) -> list[WrittenFile]:
    """``path``: the register; ``<name>-summary.csv`` beside it: the counts."""
    register = register_csv(report.register.entries, delimiter, report.t, progress)
    summary_path = path.with_name(f"{path.stem}-summary{path.suffix or '.csv'}")
    return [
        write_with_digest(path, register, register_digest(report.register.entries)),
        write_with_digest(summary_path, summary_csv(report, delimiter)),
    ]


def report_title(report: Report) -> str:
    t = report.t
    scope = report.register.scope
    what = t("scope.event") if scope.day is None else scope.day.isoformat()
    if scope.list_id is not None:
        what = t("scope.list", list=scope.list_id)
    return t("title.report", event=report.register.event.name, what=what)


def chart_text(t: Texts) -> ChartText:
    return ChartText(
        day_total=t("chart.day_total", day="{day}", total="{total}"),
        no_arrivals=t("chart.no_arrivals"),
        note=t("chart.note"),
    )


def report_chart(report: Report) -> bytes:
    return arrivals_png(report_title(report), report.arrivals, chart_text(report.t))


def write_chart(report: Report, path: Path) -> WrittenFile:
    return write_with_digest(path, report_chart(report))


def workbook(report: Report, progress: Progress | None = None) -> bytes:
    """A summary sheet (counts, refused scans, the arrivals chart) and a register sheet per day.

    Streamed by the one writer (:class:`~kiosk.reports.export.XlsxBook`): every text cell is
    formula-neutralised and stays text. ``progress(done, total)`` is told the register rows
    written, every few thousand.
    """
    t = report.t
    book = XlsxBook()
    summary = book.sheet(t("sheet.summary"))
    event = report.register.event
    summary.widths([34, 16, 16, 16, 16, 16])
    summary.image(report_chart(report), "H2", 0.5)
    summary.title(report_title(report))
    if event.venue:
        summary.row([t("book.venue", venue=event.venue)])
    written = datetime.now(UTC).astimezone().strftime("%Y-%m-%d %H:%M")
    summary.row([t("book.written", time=written)])
    header = columns(t)
    for section in report.sections:
        summary.blank()
        summary.title(section.title, 12)
        summary.header(section.header)
        for row in section.rows:
            summary.row(row)
    total = len(report.register.entries)
    done = 0
    for day in report.register.days:
        entries = report.entries_of(day)
        rows = register_rows(entries, t)
        ws = book.sheet(day.isoformat())
        ws.widths(column_widths(header, rows))
        ws.freeze(2)
        ws.title(t("book.register", event=event.name, day=day.isoformat(),
                   people=count_of(t, "people", len(entries))))  # fmt: skip
        ws.table(header, rows, progress=progress, done=done, total=total)
        done += len(rows)
    if progress is not None:
        progress(total, total)
    return book.data()


def write_xlsx(
    report: Report, path: Path, progress: Progress | None = None
) -> list[WrittenFile]:
    data = workbook(report, progress)
    return [write_with_digest(path, data, register_digest(report.register.entries))]


def write_pdf(
    report: Report, path: Path, progress: Progress | None = None
) -> list[WrittenFile]:
    """The report as PDF; ``progress(done, total)`` is told the register rows laid out."""
    from kiosk.reports.pdf import report_pdf

    content = register_digest(report.register.entries)
    pdf = report_pdf(report, report_title(report), content, report_chart(report), progress)
    return [write_with_digest(path, pdf, content)]


def write_attendance(
    rows: Sequence[RegisterRow],
    day: date,
    path: Path,
    *,
    event_name: str,
    fmt: str = "csv",
    delimiter: str = DEFAULT_DELIMITER,
    t: Texts | None = None,
    progress: Progress | None = None,
) -> WrittenFile:
    """The attendance list of a day as CSV or a one-sheet workbook (``fmt``), written like every
    report file: atomically, with its digest beside it."""
    t = t or texts()
    header = columns_of_attendance(t)
    table = attendance_rows(rows, t)
    if fmt == "csv":
        data = to_csv(header, table, delimiter, progress)
    else:
        title = t("att.title", event=event_name, day=day.isoformat(), count=len(rows))
        data = to_xlsx(header, table, title=title, sheet=day.isoformat(), progress=progress)
    return write_with_digest(path, data)


def sheet_people(report: Report, day: date, *, attended: bool) -> list[Person]:
    """Who a sign-in sheet lists: those who attended ``day``, or everyone registered for it."""
    if attended:
        return [e.person for e in report.entries_of(day)]
    return [p for p in report.register.people.values() if p.registered_for(day)]


def write_sign_in_sheet(
    report: Report,
    day: date,
    path: Path,
    *,
    attended: bool,
    reference: str = "",
    bilingual: bool = True,
    progress: Progress | None = None,
) -> WrittenFile:
    """The sign-in sheet in the report's language; a Bulgarian or Romanian one (``bilingual``)
    also names every heading in the event's other language ("Име / Nume")."""
    from kiosk.reports.pdf import sign_in_sheet

    second = PARTNER.get(report.language) if bilingual else None
    sheet = sign_in_sheet(
        report.register.event,
        day,
        sheet_people(report, day, attended=attended),
        attended=attended,
        reference=reference,
        language=report.language,
        second_language=second,
        progress=progress,
    )
    return write_with_digest(path, sheet.pdf, sheet.content_sha256)
