"""The report's B2B section (issue 22): meetings planned, held, possible and no-show by country
pair (BG–RO, BG–BG, RO–RO, other) and by day, in every format and language of the report.

The schedule is b2match-style (host/guest, time slot, table, Accepted/Canceled; see
tests/app/test_meetings.py for the help pages it follows)."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import openpyxl

from kiosk.app.checkin import CheckinService
from kiosk.app.meetings import MeetingsService, import_meetings
from kiosk.reports.files import write_csv, write_pdf, write_xlsx
from kiosk.reports.register import Scope
from kiosk.reports.summary import build_report
from kiosk.storage.database import Database
from tests.conftest import DAY1, DAY2, Clock, People

SCHEDULE = (
    "Date,Start time,End time,Table,Status,Host name,Host country,Guest name,Guest e-mail,"
    "Guest country\n"
    "2026-09-28,10:30,11:00,T1,Accepted,Ivan Ivanov,Bulgaria,,ana@ugal.ro,Romania\n"
    "2026-09-28,11:00,11:30,T2,Accepted,Ivan Ivanov,Bulgaria,Maria Petrova,,Bulgaria\n"
    "2026-09-28,11:30,12:00,T3,Canceled,Ivan Ivanov,Bulgaria,Ana Stefanescu,,Romania\n"
    "2026-09-29,10:00,10:30,T1,Accepted,Ana Stefanescu,Romania,Maria Petrova,,Bulgaria\n"
    "2026-09-29,10:30,11:00,T2,Accepted,Ana Stefanescu,Romania,Hans Weber,,Germany\n"
)


def _event(db: Database, people: People, tmp_path: Path) -> Clock:
    path = tmp_path / "b2match.csv"
    path.write_text(SCHEDULE, encoding="utf-8")
    import_meetings(db, path)
    clock = Clock(datetime(2026, 9, 28, 7, 0, tzinfo=UTC))
    for code in (people.ivan, people.ana):
        CheckinService(db, clock=clock).scan(code)
    service = MeetingsService(db, clock=clock)
    [first] = [m for m in service.board(DAY1) if m.location == "T1"]
    service.mark(first.uid)
    return clock


def test_counts_by_pair_and_by_day_once_the_days_are_over(
    db: Database, people: People, tmp_path: Path
) -> None:
    _event(db, people, tmp_path)
    report = build_report(db)  # the event is long over: open meetings are no-shows
    by_pair = report.section("b2b_by_pair")
    assert by_pair.header == (
        "Country pair", "Planned", "Held (marked)", "Possible (both here)", "No-show",
        "Not over yet",
    )  # fmt: skip
    assert by_pair.rows == [
        ("BG–RO", 2, 1, 0, 1, 0),  # the cancelled meeting is not counted
        ("BG–BG", 1, 0, 0, 1, 0),  # Мария Петрова is registered for day 2 only
        ("RO–RO", 0, 0, 0, 0, 0),
        ("Other", 1, 0, 0, 1, 0),  # Germany
        ("Total", 4, 1, 0, 3, 0),
    ]
    assert report.section("b2b_by_day").rows == [
        ("2026-09-28", 2, 1, 0, 1, 0),
        ("2026-09-29", 2, 0, 0, 2, 0),
        ("Total", 4, 1, 0, 3, 0),
    ]
    day2 = build_report(db, Scope(day=DAY2))
    assert day2.section("b2b_by_day").rows == [("2026-09-29", 2, 0, 0, 2, 0)]


def test_possible_is_reported_apart_from_held(db: Database, people: People, tmp_path: Path) -> None:
    clock = _event(db, people, tmp_path)
    counts = MeetingsService(db, clock=clock).counts([DAY1])
    assert counts[(DAY1, "BG–RO")].held == 1 and counts[(DAY1, "BG–RO")].possible == 0
    service = MeetingsService(db, clock=clock)
    [held] = [m for m in service.board(DAY1) if m.held]
    service.mark(held.uid, held=False)  # taken back: both were there, so it is "possible"
    counts = MeetingsService(db, clock=clock).counts([DAY1])
    assert counts[(DAY1, "BG–RO")].held == 0 and counts[(DAY1, "BG–RO")].possible == 1


def test_an_event_without_meetings_has_no_b2b_section(db: Database, people: People) -> None:
    keys = [s.key for s in build_report(db).sections]
    assert "b2b_by_pair" not in keys and "b2b_by_day" not in keys


def test_every_format_and_language_carries_the_section(
    db: Database, people: People, tmp_path: Path
) -> None:
    _event(db, people, tmp_path)
    bg = build_report(db, language="bg")
    [_, summary] = write_csv(bg, tmp_path / "r.csv", ";")
    text = summary.path.read_text(encoding="utf-8-sig")
    assert "Бизнес срещи по двойка държави" in text and "BG–RO;2;1;0;1;0" in text
    ro = build_report(db, language="ro")
    [xlsx] = write_xlsx(ro, tmp_path / "r.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.path.read_bytes())).worksheets[0]
    values = [c for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert "Întâlniri B2B pe perechi de țări" in values and "Întâlniri B2B pe zile" in values
    [pdf] = write_pdf(build_report(db), tmp_path / "r.pdf")
    assert pdf.path.read_bytes().startswith(b"%PDF") and len(pdf.sha256) == 64
    assert Path(f"{pdf.path}.sha256").exists()
    if shutil.which("pdftotext"):  # poppler-utils: read by a real PDF reader
        words = subprocess.run(["pdftotext", str(pdf.path), "-"], capture_output=True, text=True)
        assert "B2B meetings by country pair" in words.stdout


def test_each_planned_meeting_is_listed_with_what_became_of_it(
    db: Database, people: People, tmp_path: Path
) -> None:
    _event(db, people, tmp_path)
    rows = build_report(db, Scope(day=DAY1)).section("b2b_meetings").rows
    # the cancelled 11:30 meeting is not listed
    assert rows == [
        ("Иван Иванов (Клъстер Мехатроника, BG)",
         "Ana Ștefănescu (Universitatea „Dunărea de Jos”, RO)",
         "2026-09-28 10:30", "T1", "held (marked)"),
        ("Иван Иванов (Клъстер Мехатроника, BG)", "Мария Петрова (ТПП Русе, BG)",
         "2026-09-28 11:00", "T2", "no-show"),
    ]  # fmt: skip


def test_names_from_a_schedule_cannot_become_spreadsheet_formulas(
    db: Database, people: People, tmp_path: Path
) -> None:
    path = tmp_path / "evil.csv"
    path.write_text(
        "Date,Start time,Table,Host name,Host organisation,Guest name\n"
        '2026-09-28,10:00,"=HYPERLINK(""http://x"")",Ivan Ivanov,"@SUM(1+1)",=1+2 Popov\n',
        encoding="utf-8",
    )
    import_meetings(db, path)
    [xlsx] = write_xlsx(build_report(db), tmp_path / "r.xlsx")
    sheet = openpyxl.load_workbook(xlsx.path).worksheets[0]
    cells = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    suspicious = [c for c in cells if "HYPERLINK" in c.value or "SUM(1+1)" in c.value
                  or "=1+2" in c.value]  # fmt: skip
    assert suspicious and all(c.data_type == "s" for c in suspicious)
    assert all(not c.value.startswith(("=", "@", "+", "-")) for c in suspicious)
    import csv

    written = write_csv(build_report(db), tmp_path / "r.csv", ";")
    texts = [f.path.read_text(encoding="utf-8-sig") for f in written]
    csv_cells = [c for t in texts for row in csv.reader(io.StringIO(t), delimiter=";") for c in row]
    found = [c for c in csv_cells if "HYPERLINK" in c or "SUM(1+1)" in c or "=1+2" in c]
    assert found and all(not c.startswith(("=", "@", "+", "-")) for c in found)


def test_a_purge_removes_the_meetings_names_and_keeps_their_counts(
    db: Database, people: People, tmp_path: Path
) -> None:
    from kiosk.reports.purge import last_purge, purge
    from kiosk.storage import meetings as store

    _event(db, people, tmp_path)
    before = build_report(db).section("b2b_by_pair").rows
    summary = purge(db)
    assert all(
        not (r.a_name or r.a_org or r.a_email or r.b_name or r.b_org or r.b_email)
        for r in store.all_meetings(db)
    )
    assert build_report(db).section("b2b_by_pair").rows == before  # countries and marks stay
    kept = last_purge(db)
    assert kept is not None and "b2b_meetings" not in kept["counts"]["sections"]
    assert kept["counts"]["sections"]["b2b_by_pair"]["rows"] == [list(r) for r in before]
    assert summary.kept_counts["sections"].keys() >= {"b2b_by_pair", "b2b_by_day"}
    assert "Ana" not in str(kept) and "ugal" not in str(kept)
