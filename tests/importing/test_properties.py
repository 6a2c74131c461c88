"""Properties that hold for any input: text survives a CSV round trip, and no file content makes
the reader fail with anything but ImportFileError."""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kiosk.core.text import clean
from kiosk.importing.errors import ImportFileError
from kiosk.importing.mapping import detect_mapping, parse_registrations
from kiosk.importing.presets import clean_text
from kiosk.importing.readers import Table, read_table

HEADERS = ["Name", "Email", "Notes"]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read_bytes(data: bytes, name: str) -> Table:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        return read_table(path)


def expected_rows(rows: list[list[str]]) -> list[list[str]]:
    """Rows as read_table returns them after cleaning: rows that clean to nothing are dropped."""
    return [[clean(c) for c in row] for row in rows if any(clean(c) for c in row)]


@SETTINGS
@given(
    rows=st.lists(st.lists(st.text(), min_size=3, max_size=3), max_size=15),
    delimiter=st.sampled_from([",", ";", "\t"]),
    bom=st.booleans(),
)
@example(rows=[["a\nb", "c", "d"]], delimiter=",", bom=False)
@example(rows=[['"', "\r", "\x00"]], delimiter=";", bom=True)
def test_text_cells_survive_a_utf8_csv_round_trip(
    rows: list[list[str]], delimiter: str, bom: bool
) -> None:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows([HEADERS, *rows])
    data = out.getvalue().encode("utf-8-sig" if bom else "utf-8")

    table = read_bytes(data, "random.csv")

    assert table.headers == HEADERS
    assert table.delimiter == delimiter
    assert [[clean(c) for c in cells] for _, cells in table.rows] == expected_rows(rows)


@SETTINGS
@given(rows=st.lists(st.lists(st.text(), min_size=3, max_size=3), min_size=1, max_size=10))
def test_parsing_cleans_every_value_like_clean(rows: list[list[str]]) -> None:
    table = Table(
        path="t.csv",
        format="csv",
        encoding="utf-8",
        delimiter=",",
        headers=["Name", "Company", "Country"],
        rows=[(n, list(r)) for n, r in enumerate(rows, start=2)],
    )
    parsed = parse_registrations(table, detect_mapping(table))

    by_row = {r.row: r for r in parsed.registrations}
    for number, cells in table.rows:
        if number in by_row:
            reg = by_row[number]
            assert (reg.organization, reg.country) == (clean_text(cells[1]), clean_text(cells[2]))
            assert reg.raw == dict(zip(table.headers, cells, strict=True))
            # Splitting a full name moves words between first and last name, never loses any.
            words = f"{reg.first_name} {reg.last_name}".split()
            assert sorted(words) == sorted(clean_text(cells[0]).replace(",", " ").split())
        else:
            assert not clean_text(cells[0])
    assert len(parsed.registrations) + len(parsed.skipped) == len(rows)


MAGIC = [
    b"",
    b"PK\x03\x04",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    codecs.BOM_UTF8,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
    b"<html><table>",
    b'<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">',
    b"%PDF-1.4",
    b"sep=;\n",
    b"Name,Email\r\n",
    "Име;Фамилия\r\n".encode("cp1251"),
]


@SETTINGS
@given(
    prefix=st.sampled_from(MAGIC),
    body=st.binary(max_size=2000),
    name=st.sampled_from(["f.csv", "f.xlsx", "f.xls", "f.txt", "f"]),
)
def test_any_bytes_give_a_table_or_an_import_error(prefix: bytes, body: bytes, name: str) -> None:
    try:
        table = read_bytes(prefix + body, name)
    except ImportFileError as error:
        assert name in str(error)
        return
    assert all(len(cells) == len(table.headers) for _, cells in table.rows)
    try:
        mapping = detect_mapping(table)
    except ImportFileError:
        return
    parse_registrations(table, mapping)


@SETTINGS
@given(text=st.text(max_size=300), name=st.sampled_from(["f.csv", "f.xlsx"]))
def test_any_text_in_any_encoding_gives_a_table_or_an_import_error(text: str, name: str) -> None:
    for encoding in ("utf-8", "utf-16", "utf-16-le", "cp1251", "cp1250"):
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            continue
        with contextlib.suppress(ImportFileError):
            read_bytes(data, name)
