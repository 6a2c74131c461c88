"""Hostile registration files through the whole import: a clear message naming the file, or a
clean import; never a crash and never a half-written database."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.cli.main import cli
from kiosk.importing.errors import ImportFileError
from kiosk.importing.mapping import load_mapping_file
from kiosk.importing.service import import_file
from kiosk.storage.database import Database

FUZZ = settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
ROWS = [
    ["First name", "Last name", "Email", "Company"],
    ["Ана", "Иванова", "ana@example.bg", "Клъстер"],
    ["Ion", "Ștefănescu", "ion@example.ro", "CCI Constanța"],
]


def xlsx_bytes(rows: list[list[str]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


GOOD_XLSX = xlsx_bytes(ROWS)


def snapshot(db: Database) -> list[object]:
    return [
        db.conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
        for table in ("attendee", "search_term", "import_run", "scan")
    ]


def import_or_refuse(db: Database, path: Path) -> None:
    """Import ``path``; if it is refused, the message names it and nothing changed."""
    before = snapshot(db)
    try:
        import_file(db, path)
    except ImportFileError as error:
        assert path.name in str(error)
        assert snapshot(db) == before


@FUZZ
@given(
    flips=st.lists(st.tuples(st.integers(0, len(GOOD_XLSX) - 1), st.integers(1, 255)), max_size=8),
    cut=st.one_of(st.none(), st.integers(0, len(GOOD_XLSX))),
)
def test_a_damaged_workbook_is_refused_by_name_or_imported_whole(
    db: Database, tmp_path: Path, flips: list[tuple[int, int]], cut: int | None
) -> None:
    data = bytearray(GOOD_XLSX)
    for position, xor in flips:
        data[position] ^= xor
    path = tmp_path / "registrations.xlsx"
    path.write_bytes(bytes(data[:cut]))
    import_or_refuse(db, path)


@FUZZ
@given(data=st.binary(max_size=3000), name=st.sampled_from(["r.csv", "r.xlsx", "r.txt"]))
def test_random_bytes_are_refused_by_name_or_imported_whole(
    db: Database, tmp_path: Path, data: bytes, name: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    import_or_refuse(db, path)


@FUZZ
@given(
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1251", "cp1250"]),
    rows=st.lists(st.lists(st.text(max_size=15), min_size=4, max_size=4), max_size=6),
)
def test_any_text_in_any_encoding_is_refused_by_name_or_imported_whole(
    db: Database, tmp_path: Path, encoding: str, rows: list[list[str]]
) -> None:
    out = io.StringIO()
    csv.writer(out).writerows([ROWS[0], *rows])
    try:
        data = out.getvalue().encode(encoding)
    except UnicodeEncodeError:
        return
    path = tmp_path / "r.csv"
    path.write_bytes(data)
    import_or_refuse(db, path)


def test_a_one_megabyte_value_is_refused_with_file_and_row(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    path.write_text(f"First name,Last name\nAna,{'X' * 1_000_000}\n", encoding="utf-8")
    before = snapshot(db)
    with pytest.raises(ImportFileError) as error:
        import_file(db, path)
    assert error.value.row == 2 and "huge.csv" in str(error.value)
    assert "quote" not in str(error.value)  # there is none: the advice is about the long value
    assert snapshot(db) == before


def test_a_one_megabyte_line_of_stray_cells_gives_a_short_note(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "wide.csv"
    path.write_text("First name,Last name\n" + "Ana,Popa," * 120_000 + "\n", encoding="utf-8")
    report = import_file(db, path)
    assert report.added == 1
    assert all(len(w) < 1000 for w in report.warnings)


@pytest.mark.parametrize("suffix", [".toml", ".json"])
def test_a_mapping_file_nested_thousands_deep_is_refused_by_name(
    db: Database, tmp_path: Path, suffix: str
) -> None:
    source = tmp_path / "r.csv"
    source.write_text("First name,Last name\nAna,Popa\n", encoding="utf-8")
    mapping = tmp_path / f"mapping{suffix}"
    body = "[" * 50_000 + "]" * 50_000
    mapping.write_text(f"a = {body}" if suffix == ".toml" else body, encoding="utf-8")
    with pytest.raises(ImportFileError, match=f"mapping{suffix}"):
        import_file(db, source, mapping_file=mapping)


HOSTILE = ['=HYPERLINK("http://evil.example";"click")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)"]


def test_formulas_in_registrations_stay_inert_in_every_file_kiosk_writes(tmp_path: Path) -> None:
    db = tmp_path / "event.db"

    def run(*args: str) -> str:
        result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    run("init", "--name", "X", "--day", "2026-09-28", "--timezone", "UTC")
    source = tmp_path / "hostile.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["First name", "Last name", "Email", "Company"])
        for n, text in enumerate(HOSTILE):
            writer.writerow([text, text, f"p{n}@example.ro", text])
    run("import", str(source))
    stored = Database(db)
    codes = [r[0] for r in stored.conn.execute("SELECT code FROM attendee")]
    names = {r[0] for r in stored.conn.execute("SELECT first_name FROM attendee")}
    stored.close()
    assert names == set(HOSTILE)  # stored as given: the data is not altered
    for code in codes:
        run("checkin", code, "--at", "2026-09-28T09:00")
    run("export", "attendance", "--day", "2026-09-28", "-o", str(tmp_path / "a.csv"))
    run("export", "attendance", "--day", "2026-09-28", "-o", str(tmp_path / "a.xlsx"))
    run("tickets", "-o", str(tmp_path / "tickets"))
    cells: list[str] = []
    for path, delimiter in ((tmp_path / "a.csv", ";"), (tmp_path / "tickets/mail-merge.csv", ";")):
        with path.open(encoding="utf-8-sig") as handle:
            cells += [c for row in csv.reader(handle, delimiter=delimiter) for c in row]
    book = openpyxl.load_workbook(tmp_path / "a.xlsx")
    sheet = book.active
    assert sheet is not None
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f"
            if isinstance(cell.value, str):
                cells.append(cell.value)
    assert any(c.startswith("'=HYPERLINK") for c in cells)
    assert not [c for c in cells if c[:1] in ("=", "+", "@") or (c[:1] == "-" and c != "-")]


@FUZZ
@given(
    data=st.one_of(
        st.binary(max_size=500),
        st.text(max_size=300).map(str.encode),
        st.recursive(
            st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=10)),
            lambda inner: st.lists(inner, max_size=4)
            | st.dictionaries(st.text(max_size=12), inner, max_size=4),
            max_leaves=20,
        ).map(lambda v: json.dumps(v).encode()),
    ),
    suffix=st.sampled_from([".toml", ".json", ".txt"]),
)
def test_any_mapping_file_is_a_mapping_or_refused_by_name(
    tmp_path: Path, data: bytes, suffix: str
) -> None:
    path = tmp_path / f"mapping{suffix}"
    path.write_bytes(data)
    try:
        mapping = load_mapping_file(path)
    except ImportFileError as error:
        assert path.name in str(error)
        return
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in mapping.items())
