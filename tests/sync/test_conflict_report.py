"""The duplicate/conflict report as a section of every report file, and the register's mark on
a person whose admission had a conflict: files opened with csv, openpyxl and pypdf."""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from kiosk.reports.files import write_csv, write_pdf, write_xlsx
from kiosk.reports.register import COLUMNS, Scope
from kiosk.reports.summary import Report, build_report
from kiosk.storage import replica
from tests.conftest import DAY1, DAY2
from tests.sync.conftest import Fleet, Station


def _merge(into: Station, source: Station) -> None:
    with into.db.write() as conn:
        replica.merge_kiosks(conn, replica.kiosks(source.db.conn))
        replica.merge_scans(conn, replica.scan_rows(source.db.conn))


@pytest.fixture
def merged(fleet: Fleet) -> Iterator[tuple[Station, Station]]:
    """Kiosks a and b both admitted person 0 on day one (a first); b alone admitted person 1."""
    a, b = fleet.add("a"), fleet.add("b")
    with a.db.write() as conn:
        conn.execute("UPDATE kiosk SET name = 'Desk A' WHERE id = ?", (a.service.kiosk.id,))
    with b.db.write() as conn:
        conn.execute("UPDATE kiosk SET name = 'Desk B' WHERE id = ?", (b.service.kiosk.id,))
    a.scan(fleet.codes[0])
    fleet.clock.advance(minutes=3)
    time.sleep(0.005)  # a first by the hybrid logical clock too (the machine's clock)
    b.scan(fleet.codes[0])
    b.scan(fleet.codes[1])
    _merge(a, b)
    yield a, b


def _csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def _section_rows(rows: list[list[str]], title: str) -> list[list[str]]:
    start = rows.index([title]) + 1
    end = next((i for i in range(start, len(rows)) if not rows[i]), len(rows))
    return rows[start:end]


def test_report_has_a_conflicts_section_with_the_admission_that_counts_first(
    merged: tuple[Station, Station], fleet: Fleet
) -> None:
    a, _b = merged
    report = build_report(a.db)
    section = report.section("conflicts")
    assert section.header == ("Name", "Code", "List", "Day", "Kiosk", "Time", "Counts")
    assert [(r[0], r[1], r[3], r[4], r[6]) for r in section.rows] == [
        ("Име0 Фамилия0", fleet.codes[0], DAY1.isoformat(), "Desk A", "yes"),
        ("Име0 Фамилия0", fleet.codes[0], DAY1.isoformat(), "Desk B", "no (duplicate)"),
    ]


def test_a_report_of_another_day_has_an_empty_conflicts_section(
    merged: tuple[Station, Station],
) -> None:
    a, _b = merged
    assert build_report(a.db, Scope(day=DAY2)).section("conflicts").rows == []
    assert len(build_report(a.db, Scope(day=DAY1)).section("conflicts").rows) == 2


def test_csv_summary_has_the_conflicts_and_the_register_marks_the_person(
    merged: tuple[Station, Station], fleet: Fleet, tmp_path: Path
) -> None:
    a, _b = merged
    write_csv(build_report(a.db, Scope(day=DAY1)), tmp_path / "day1.csv")
    summary = _csv(tmp_path / "day1-summary.csv")
    rows = _section_rows(summary, "Admitted more than once (duplicates and conflicts)")
    assert rows[0] == ["Name", "Code", "List", "Day", "Kiosk", "Time", "Counts"]
    assert [(r[4], r[6]) for r in rows[1:]] == [("Desk A", "yes"), ("Desk B", "no (duplicate)")]
    register = _csv(tmp_path / "day1.csv")
    assert register[0] == list(COLUMNS)
    conflict = COLUMNS.index("Conflict")
    marks = {r[COLUMNS.index("Code")]: r[conflict] for r in register[1:]}
    assert marks == {fleet.codes[0]: "yes", fleet.codes[1]: ""}


def test_xlsx_summary_sheet_has_the_conflicts_and_the_day_sheet_marks_the_person(
    merged: tuple[Station, Station], fleet: Fleet, tmp_path: Path
) -> None:
    a, _b = merged
    write_xlsx(build_report(a.db), tmp_path / "event.xlsx")
    book = openpyxl.load_workbook(tmp_path / "event.xlsx")
    values = [[c for c in row] for row in book["Summary"].iter_rows(values_only=True)]
    start = next(
        i
        for i, r in enumerate(values)
        if r[0] == "Admitted more than once (duplicates and conflicts)"
    )
    assert tuple(values[start + 1][:7]) == (
        "Name",
        "Code",
        "List",
        "Day",
        "Kiosk",
        "Time",
        "Counts",
    )
    assert [(r[4], r[6]) for r in values[start + 2 : start + 4]] == [
        ("Desk A", "yes"),
        ("Desk B", "no (duplicate)"),
    ]
    day = [row for row in book[DAY1.isoformat()].iter_rows(min_row=2, values_only=True)]
    conflict = day[0].index("Conflict")
    code = day[0].index("Code")
    assert {r[code]: r[conflict] for r in day[1:]} == {fleet.codes[0]: "yes", fleet.codes[1]: None}


def test_pdf_report_shows_the_conflicts_section_and_the_register_column(
    merged: tuple[Station, Station], tmp_path: Path
) -> None:
    a, _b = merged
    report: Report = build_report(a.db, Scope(day=DAY1))
    write_pdf(report, tmp_path / "day1.pdf")
    text = "\n".join(p.extract_text() for p in PdfReader(tmp_path / "day1.pdf").pages)
    assert "Admitted more than once (duplicates and conflicts)" in text
    assert "no (duplicate)" in text and "Desk B" in text
    register_page = text[text.index("Attendance register") :]
    assert "Conflict" in register_page


def test_no_conflicts_leaves_an_empty_section_and_no_marks(fleet: Fleet) -> None:
    a = fleet.add("a")
    a.scan(fleet.codes[0])
    report = build_report(a.db)
    assert report.section("conflicts").rows == []
    assert [e.conflict for e in report.register.entries] == [False]


def test_a_pdf_without_conflicts_says_so_instead_of_an_empty_table(
    fleet: Fleet, tmp_path: Path
) -> None:
    a = fleet.add("a")
    a.scan(fleet.codes[0])
    write_pdf(build_report(a.db, language="bg"), tmp_path / "r.pdf")
    text = "\n".join(p.extract_text() for p in PdfReader(tmp_path / "r.pdf").pages)
    section = text[text.index("Допуснати повече от веднъж") :]
    assert "Зачита се\nНяма." in section
