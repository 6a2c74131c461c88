"""Report files opened with real readers: csv, openpyxl, pypdf, Pillow; digests beside them."""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

import openpyxl
from PIL import Image
from pypdf import PdfReader

from kiosk.reports.chart import chart_size
from kiosk.reports.files import (
    register_digest,
    write_chart,
    write_csv,
    write_pdf,
    write_sign_in_sheet,
    write_xlsx,
)
from kiosk.reports.register import COLUMNS, Scope
from kiosk.reports.summary import build_report
from kiosk.storage import attendees
from kiosk.storage.attendees import NewAttendee
from kiosk.storage.database import Database
from tests.conftest import DAY1, DAY2
from tests.reports.conftest import Story


def read_csv(path: Path, delimiter: str = ",") -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read UTF-8
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter))


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_csv_register_has_the_exact_rows(db: Database, story: Story, tmp_path: Path) -> None:
    p = story.people
    out = tmp_path / "day1.csv"
    write_csv(build_report(db, Scope(day=DAY1)), out, ";")
    assert read_csv(out, ";") == [
        list(COLUMNS),
        ["1", "2026-09-28", "Иванов", "Иван", "Клъстер Мехатроника", "Bulgaria", "participant",
         "in person", "2026-09-28 09:54:00", "", "Desk 2", "", "scanned (scanner)", "", "",
         p.ivan],
        ["2", "2026-09-28", "Ștefănescu", "Ana", "Universitatea „Dunărea de Jos”", "Romania",
         "speaker", "in person", "2026-09-28 09:14:00", "", "Desk 1", "", "scanned (scanner)", "",
         "", p.ana],
    ]  # fmt: skip


def test_csv_summary_lists_every_section_with_its_header(
    db: Database, story: Story, tmp_path: Path
) -> None:
    write_csv(build_report(db), tmp_path / "event.csv")
    rows = read_csv(tmp_path / "event-summary.csv")
    assert rows[:5] == [
        ["Attendance by day"],
        ["Day", "Registered", "Attended in person", "Attended online", "Attended either",
         "No-shows"],
        ["2026-09-28", "2", "2", "0", "2", "0"],
        ["2026-09-29", "3", "2", "0", "2", "1"],
        ["Unique over the event", "3", "2", "0", "2", "1"],
    ]  # fmt: skip
    titles = [r[0] for r, before in zip(rows[1:], rows, strict=False) if before == [] and r]
    assert titles == [
        "How people were checked in (first admission of the day)",
        "In person by check-in list",
        "By country",
        "By category",
        "By organisation",
        "Refused scans by reason",
        "Admitted more than once (duplicates and conflicts)",
    ]


def test_every_file_has_its_sha256_beside_it(db: Database, story: Story, tmp_path: Path) -> None:
    report = build_report(db)
    written = [
        *write_csv(report, tmp_path / "r.csv"),
        *write_xlsx(report, tmp_path / "r.xlsx"),
        *write_pdf(report, tmp_path / "r.pdf"),
        write_chart(report, tmp_path / "r.png"),
    ]
    for f in written:
        digest = hashlib.sha256(f.path.read_bytes()).hexdigest()
        assert f.sha256 == digest
        sidecar = f.path.with_name(f.path.name + ".sha256").read_text(encoding="ascii")
        assert sidecar == f"{digest}  {f.path.name}\n"  # the format sha256sum -c reads
    # A changed file no longer matches.
    target = tmp_path / "r.csv"
    target.write_bytes(target.read_bytes().replace(b"Desk 2", b"Desk 3"))
    assert hashlib.sha256(target.read_bytes()).hexdigest() != written[0].sha256


def test_register_digest_is_the_digest_of_the_comma_csv(
    db: Database, story: Story, tmp_path: Path
) -> None:
    report = build_report(db, Scope(day=DAY1))
    [register, _summary] = write_csv(report, tmp_path / "r.csv", ",")
    assert register.content_sha256 == register.sha256 == register_digest(report.register.entries)


def test_xlsx_has_a_summary_sheet_with_chart_and_a_sheet_per_day(
    db: Database, story: Story, tmp_path: Path
) -> None:
    write_xlsx(build_report(db), tmp_path / "r.xlsx")
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    assert book.sheetnames == ["Summary", "2026-09-28", "2026-09-29"]
    summary = book["Summary"]
    values = [[c.value for c in row][:6] for row in summary.iter_rows()]
    assert ["2026-09-29", 3, 2, 0, 2, 1] in values
    assert len(summary._images) == 1  # the arrivals chart
    day2 = [[c.value for c in row] for row in book["2026-09-29"].iter_rows(min_row=2)]
    assert day2[0] == list(COLUMNS)
    assert [(r[2], r[3], r[11]) for r in day2[1:]] == [
        ("Иванов", "Иван", "yes"),  # entered by hand with a time: flagged manual
        ("Ștefănescu", "Ana", None),
    ]


def test_formula_injection_is_neutralised_in_csv_and_xlsx(
    db: Database, story: Story, tmp_path: Path, clock: object
) -> None:
    from kiosk.app.checkin import CheckinService

    evil = '=HYPERLINK("http://x","y")'
    with db.write() as conn:
        attendees.insert_many(
            conn, [NewAttendee("EVIL00001", "+Eve", "@Mallory", evil, "-1")], "2026-09-01T00:00Z"
        )
    CheckinService(db, clock=clock).scan("EVIL00001")  # type: ignore[arg-type]
    report = build_report(db, Scope(day=DAY2))
    write_csv(report, tmp_path / "r.csv")
    write_xlsx(report, tmp_path / "r.xlsx")
    row = next(r for r in read_csv(tmp_path / "r.csv") if r[-1] == "EVIL00001")
    assert row[2:6] == ["'@Mallory", "'+Eve", "'" + evil, "'-1"]
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx")["2026-09-29"]
    cells = next(r for r in sheet.iter_rows() if r[-1].value == "EVIL00001")
    assert [c.value for c in cells[2:6]] == ["'@Mallory", "'+Eve", "'" + evil, "'-1"]
    assert all(c.data_type == "s" for c in cells[2:6])


def test_pdf_report_text_keeps_cyrillic_and_romanian_names(
    db: Database, story: Story, tmp_path: Path
) -> None:
    [written] = write_pdf(build_report(db), tmp_path / "r.pdf")
    text = pdf_text(tmp_path / "r.pdf")
    assert "Иванов Иван" in text
    assert "Ștefănescu Ana" in text
    assert "Universitatea „Dunărea de Jos”" in text
    assert "Attendance by day" in text and "Refused scans by reason" in text
    assert written.content_sha256 in text.replace("\n", "")
    # How each check-in was made is a column of the PDF register too (issue 17, point 10).
    assert "How checked in" in text and "scanned (scanner)" in text


def test_pdf_report_tells_its_progress_to_the_last_register_row(
    db: Database, story: Story, tmp_path: Path
) -> None:
    """Laying out a large register takes minutes: the CLI and the desk show how far it is."""
    report = build_report(db)
    heard: list[tuple[int, int]] = []
    write_pdf(report, tmp_path / "r.pdf", lambda done, total: heard.append((done, total)))
    rows = len(report.register.entries)
    assert rows > 0 and heard[-1] == (rows, rows)


def test_sign_in_sheet_prefilled_lists_everyone_registered_by_last_name(
    db: Database, story: Story, tmp_path: Path
) -> None:
    report = build_report(db, Scope(day=DAY2))
    written = write_sign_in_sheet(
        report, DAY2, tmp_path / "s.pdf", attended=False, reference="Interreg VI-A ROBG-123"
    )
    reader = PdfReader(tmp_path / "s.pdf")
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (210, 297)
    text = pdf_text(tmp_path / "s.pdf")
    order = [text.index(n) for n in ("Иванов Иван", "Петрова Мария", "Ștefănescu Ana")]
    assert order == sorted(order)
    assert "Popescu" not in text  # cancelled
    for expected in (
        "No.",
        "Name",
        "Organisation",
        "Country",
        "Signature",
        "Interreg VI-A ROBG-123",
        "Total registered: 3",
        "Page 1 of 1",
        "Tuesday, 29 September 2026",
    ):
        assert expected in text
    assert written.content_sha256 in text.replace("\n", "")


def test_sign_in_sheet_of_attendees_lists_only_those_who_came(
    db: Database, story: Story, tmp_path: Path
) -> None:
    report = build_report(db, Scope(day=DAY2))
    write_sign_in_sheet(report, DAY2, tmp_path / "s.pdf", attended=True)
    text = pdf_text(tmp_path / "s.pdf")
    assert "Петрова" not in text  # admitted, then undone
    assert "Total attended: 2" in text


def test_long_sign_in_sheet_has_numbered_pages_and_fonts_embedded(
    db: Database, tmp_path: Path
) -> None:
    with db.write() as conn:
        attendees.insert_many(
            conn,
            [NewAttendee(f"P{n:08d}", "Ștefan", f"Țăranu {n:03d}", "Asociația „Țara”") for n in
             range(80)],
            "2026-09-01T00:00Z",
        )  # fmt: skip
    write_sign_in_sheet(build_report(db, Scope(day=DAY1)), DAY1, tmp_path / "s.pdf", attended=False)
    reader = PdfReader(tmp_path / "s.pdf")
    pages = len(reader.pages)
    assert pages >= 3
    assert f"Page {pages} of {pages}" in reader.pages[-1].extract_text()
    assert "Total registered: 80" in reader.pages[-1].extract_text()
    # Every page repeats the column header.
    assert all("Signature" in page.extract_text() for page in reader.pages)
    fonts = reader.pages[0]["/Resources"]["/Font"]
    for ref in fonts.values():
        descriptor = ref.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert "/FontFile2" in descriptor.get_object()  # the TrueType font is embedded


def test_chart_png_has_one_panel_per_day(db: Database, story: Story, tmp_path: Path) -> None:
    write_chart(build_report(db), tmp_path / "c.png")
    with Image.open(tmp_path / "c.png") as image:
        assert image.format == "PNG"
        assert image.size == chart_size(2)
    write_chart(build_report(db, Scope(day=DAY2)), tmp_path / "d.png")
    with Image.open(tmp_path / "d.png") as image:
        assert image.size == chart_size(1)
