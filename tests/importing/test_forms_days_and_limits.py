"""Bilingual Google Forms, day answers, suspicious data and limits (issue 18, defects 5, 6, 9
and 11)."""

from __future__ import annotations

import csv
import io
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from kiosk.cli.main import cli
from kiosk.importing.checks import CELL_LIMIT, CODE_LIMIT
from kiosk.importing.errors import ImportFileError
from kiosk.importing.service import import_file
from kiosk.storage.database import Database
from tests.conftest import DAY1, DAY2

# A Google Forms response sheet downloaded as CSV (Google's help, "View & manage form
# responses": the first column is the submission time named in the form owner's language, then
# one column per question, titled with the question; checkbox answers are joined with ", ").
# The questions are written bilingually, as the cluster's organisers write them.
FORM_HEADER = [
    "Клеймо за време",
    "Име и фамилия / Nume și prenume",
    "Имейл / E-mail",
    "Организация / Organizație",
    "Кои дни ще присъствате? / În ce zile veți participa?",
]
DAY1_ANSWER = "28 септември / 28 septembrie"
DAY2_ANSWER = "29 септември / 29 septembrie"
BOTH = "Двата дни / Ambele zile"


def form(path: Path, answers: list[tuple[str, str, str, str]]) -> Path:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(FORM_HEADER)
    for n, answer in enumerate(answers):
        writer.writerow([f"15.07.2026 10:{n:02d}:00", *answer])
    path.write_bytes(out.getvalue().encode("utf-8"))
    return path


ANSWERS = [
    ("Ștefania Ionescu", "stefania@firma.ro", "Firma SRL", DAY1_ANSWER),
    ("Иван Петров", "ivan@klaster.bg", "Клъстер ООД", f"{DAY1_ANSWER}, {DAY2_ANSWER}"),
    ("Mădălina Țurcanu", "madalina@ugal.ro", "UGAL", BOTH),
    ("Георги Димитров", "georgi@mail.bg", "", DAY2_ANSWER),
]


def test_bilingual_form_headers_map_by_their_most_specific_phrase(
    db: Database, tmp_path: Path
) -> None:
    report = import_file(db, form(tmp_path / "form.csv", ANSWERS))
    assert report.preset == "google_forms"
    assert report.columns["full_name"] == "Име и фамилия / Nume și prenume"
    assert "first_name" not in report.columns
    assert report.columns["days"] == FORM_HEADER[4]
    names = db.conn.execute("SELECT first_name, last_name FROM attendee ORDER BY id").fetchall()
    assert [tuple(n) for n in names][:2] == [("Ștefania", "Ionescu"), ("Иван", "Петров")]


def test_day_answers_with_month_names_and_both_days_are_understood(
    db: Database, tmp_path: Path
) -> None:
    report = import_file(db, form(tmp_path / "form.csv", ANSWERS))
    assert (report.added, report.skipped) == (4, [])
    days = [r[0] for r in db.conn.execute("SELECT days FROM attendee ORDER BY id")]
    assert days == [
        f'["{DAY1}"]',
        f'["{DAY1}", "{DAY2}"]',
        "[]",  # every day
        f'["{DAY2}"]',
    ]


def test_day_answers_naming_the_month_once_after_the_last_day_are_understood(
    db: Database, tmp_path: Path
) -> None:
    # How a form's own answer options often read: "28 и 29 септември / 28 și 29 septembrie".
    answers = [
        ("Ștefania Ionescu", "stefania@firma.ro", "", "28 и 29 септември / 28 și 29 septembrie"),
        ("Иван Петров", "ivan@klaster.bg", "", "28–29.09.2026"),
    ]
    report = import_file(db, form(tmp_path / "form.csv", answers))
    assert (report.added, report.skipped) == (2, [])
    days = [r[0] for r in db.conn.execute("SELECT days FROM attendee ORDER BY id")]
    assert days == [f'["{DAY1}", "{DAY2}"]'] * 2


def test_an_answer_not_understood_stops_the_import_unless_rows_may_be_skipped(
    db: Database, tmp_path: Path
) -> None:
    bad = [*ANSWERS, ("Radu Stan", "radu@stan.ro", "", "30 септември / 30 septembrie")]
    path = form(tmp_path / "form.csv", bad)
    with pytest.raises(ImportFileError) as refused:
        import_file(db, path)
    assert refused.value.reason == "bad_rows"
    assert "row 6" in str(refused.value) and "[bad_day]" in str(refused.value)
    assert db.conn.execute("SELECT count(*) FROM attendee").fetchone()[0] == 0
    report = import_file(db, path, skip_bad_rows=True)
    assert report.added == 4 and [(s.row, s.reason) for s in report.skipped] == [(6, "bad_day")]


def test_cli_exit_status_is_non_zero_when_rows_would_be_skipped_unless_told(
    tmp_path: Path,
) -> None:
    db = tmp_path / "event.db"
    runner = CliRunner()
    init = ["--db", str(db), "init", "--name", "BG-RO", "--day", str(DAY1), "--day", str(DAY2)]
    assert runner.invoke(cli, init).exit_code == 0
    bad = [*ANSWERS, ("Radu Stan", "radu@stan.ro", "", "някой ден / cândva")]
    path = str(form(tmp_path / "form.csv", bad))
    refused = runner.invoke(cli, ["--db", str(db), "import", path])
    assert refused.exit_code != 0 and "row 6" in refused.output
    told = runner.invoke(cli, ["--db", str(db), "import", path, "--skip-bad-rows"])
    assert told.exit_code == 0 and "skipped 1" in told.output and "[bad_day]" in told.output


# -- single-byte encodings that lost letters ------------------------------------------------


def test_question_marks_standing_for_lost_letters_are_named_and_strict_refuses(
    db: Database, tmp_path: Path
) -> None:
    # What Excel's "CSV" writes on a Bulgarian Windows: Windows-1251 cannot hold ș ț ă, and
    # Python's encoder with errors="replace" writes "?" for them just as Windows does.
    text = "Име;Фамилия;Организация\r\nИван;Петров;Клъстер\r\nȘtefan;Ștefănescu;Țara SRL\r\n"
    path = tmp_path / "cp1251.csv"
    path.write_bytes(text.encode("cp1251", errors="replace"))
    report = import_file(db, path)
    assert report.encoding == "cp1251"
    found = [(f.row, f.column, f.reason) for f in report.findings]
    assert found == [
        (3, "Име", "replaced_letters"),
        (3, "Фамилия", "replaced_letters"),
        (3, "Организация", "replaced_letters"),
    ]
    with pytest.raises(ImportFileError) as refused:
        import_file(db, path, strict=True)
    assert refused.value.reason == "warnings_strict"


def test_a_name_too_long_for_a_badge_is_named(db: Database, tmp_path: Path) -> None:
    long_name = "Ana-Maria-Alexandra-Cristina Popescu-Ionescu-Dumitrescu-Georgescu"
    path = tmp_path / "r.csv"
    path.write_text(f"Name,E-mail\n{long_name},a@b.ro\n", encoding="utf-8")
    report = import_file(db, path)
    assert [(f.row, f.column, f.reason) for f in report.findings] == [
        (2, "Name", "too_long_for_badge")
    ]


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("1.23457E+23", "scientific_notation"),
        ("881234567011223.0", "float_code"),
        ("881234567011223000000000", "lost_precision"),
    ],
)
def test_a_code_mangled_by_a_spreadsheet_is_named(
    db: Database, tmp_path: Path, code: str, reason: str
) -> None:
    path = tmp_path / "r.csv"
    path.write_text(f"Name,Barcode\nIvan Petrov,{code}\n", encoding="utf-8")
    report = import_file(db, path)
    assert [(f.row, f.column, f.reason) for f in report.findings] == [(2, "Barcode", reason)]


# -- limits ---------------------------------------------------------------------------------


def test_a_cell_over_the_limit_is_refused_with_row_and_column(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "r.csv"
    path.write_text(
        f"Name,Organisation\nIvan Petrov,Firm\nAna Popa,{'x' * (CELL_LIMIT + 1)}\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportFileError) as refused:
        import_file(db, path)
    assert (refused.value.reason, refused.value.row, refused.value.column) == (
        "cell_too_long",
        3,
        "Organisation",
    )
    assert db.conn.execute("SELECT count(*) FROM attendee").fetchone()[0] == 0


@pytest.mark.parametrize(
    ("code", "reason"),
    [("A" * (CODE_LIMIT + 1), "code_too_long"), ("../../etc/x", "bad_code"), ("a..b", "bad_code"),
     ("AB/12", "bad_code"), ("AB\\12", "bad_code")],
)  # fmt: skip
def test_codes_that_cannot_be_scanned_or_could_become_a_path_are_refused(
    db: Database, tmp_path: Path, code: str, reason: str
) -> None:
    path = tmp_path / "r.csv"
    path.write_text(f"Name,Ticket code\nIvan Petrov,OK1\nAna Popa,{code}\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as refused:
        import_file(db, path)
    assert (refused.value.reason, refused.value.row, refused.value.column) == (
        reason,
        3,
        "Ticket code",
    )
    assert db.conn.execute("SELECT count(*) FROM attendee").fetchone()[0] == 0


FILES = Path(__file__).parent / "platforms"


def _grow(source: Path, target: Path, member: str, old: bytes, size: int) -> Path:
    """``source`` with the text ``old`` in ``member`` grown to ``size`` characters: the file
    stays small (the text compresses to almost nothing)."""
    with zipfile.ZipFile(source) as package:
        members = {n: package.read(n) for n in package.namelist()}
    assert old in members[member]
    members[member] = members[member].replace(old, b">" + b"x" * size + b"<", 1)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in members.items():
            package.writestr(name, data)
    return target


def _openpyxl_inline(tmp_path: Path) -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in (["Name", "Organisation"], ["Ivan Petrov", "Firm"], ["Ana Popa", "small"]):
        sheet.append(row)
    workbook.save(tmp_path / "inline.xlsx")
    return tmp_path / "inline.xlsx"


@pytest.mark.parametrize(
    ("make", "member", "old", "where"),
    [
        # openpyxl (as pretix writes) stores text inline in the sheet: cell B3.
        (_openpyxl_inline, "xl/worksheets/sheet1.xml", b">small<", (3, "B")),
        # LibreOffice stores it in the shared string table: "Firma SRL" is cell S2.
        (lambda _p: FILES / "eventbrite_attendees_libreoffice.xlsx", "xl/sharedStrings.xml",
         b">Firma SRL<", (2, "S")),
        # LibreOffice's own .ods: the content.xml of the Indico export, "Firma SRL" is cell F2.
        (lambda _p: FILES / "indico_registrations_libreoffice.ods", "content.xml",
         b">Firma SRL<", (2, "F")),
        # ... and of the Eventbrite export, whose empty cells LibreOffice writes as one
        # repeated cell: "Firma SRL" is cell S2.
        (lambda _p: FILES / "eventbrite_attendees_libreoffice.ods", "content.xml",
         b">Firma SRL<", (2, "S")),
    ],
)  # fmt: skip
def test_a_huge_cell_in_a_workbook_is_refused_before_it_is_read_into_memory(
    db: Database,
    tmp_path: Path,
    make: Callable[[Path], Path],
    member: str,
    old: bytes,
    where: tuple[int, str | None],
) -> None:
    source = make(tmp_path)
    path = _grow(source, tmp_path / f"big{source.suffix}", member, old, 50_000_000)
    assert path.stat().st_size < 200_000
    tracemalloc.start()
    try:
        with pytest.raises(ImportFileError) as refused:
            import_file(db, path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (refused.value.reason, refused.value.row, refused.value.column) == (
        "cell_too_long",
        *where,
    )
    assert peak < 16 * 1024 * 1024  # a few 1 MB chunks, never the 50 MB cell
