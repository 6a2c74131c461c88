"""Writing tables to CSV and XLSX files safely: formula-neutral cells, atomic file replacement."""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

Cell = str | int | datetime | None
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ExportError(Exception):
    """The file could not be written; the message says where and what to do."""


def neutralise(value: str) -> str:
    """Make a text cell inert in spreadsheets: a leading = + - @ (or tab/CR) gets a quote."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a reader never sees a half-written file."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise ExportError(
            f"Cannot write {path}: {exc.strerror or exc} — choose another folder or free space."
        ) from exc


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, int):
        return str(value)
    return neutralise(value)


def to_csv(header: Sequence[str], rows: Sequence[Sequence[Cell]], delimiter: str = ";") -> bytes:
    """CSV as UTF-8 with a byte-order mark, so Excel opens Cyrillic and Romanian text correctly."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_text(v) for v in row])
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(
    header: Sequence[str], rows: Sequence[Sequence[Cell]], *, title: str, sheet: str
) -> bytes:
    """A one-sheet workbook with a title line, a bold frozen header and readable widths."""
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = sheet[:31]
    ws.append([title])
    ws["A1"].font = Font(bold=True, size=13)
    fill_table(ws, header, rows, freeze=True)
    return workbook_bytes(book)


def workbook_bytes(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def fill_table(
    ws: Worksheet,
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    *,
    freeze: bool = False,
) -> None:
    """Append a bold header and ``rows`` below what ``ws`` holds: text stays text (formula
    injection neutralised), times are real date-times, columns are widened to fit."""
    ws.append(list(header))
    header_row = ws.max_row
    for cell in ws[header_row]:
        cell.font = Font(bold=True)
    widths = [len(h) for h in header]
    row_number = header_row
    for row in rows:
        values: list[object] = []
        for i, v in enumerate(row):
            if isinstance(v, datetime):
                values.append(v.replace(tzinfo=None))
                widths[i] = max(widths[i], 19)
            elif isinstance(v, str):
                values.append(neutralise(v))
                widths[i] = max(widths[i], min(len(v), 60))
            else:
                values.append(v)
        ws.append(values)
        row_number += 1  # (ws.max_row would scan every cell: quadratic over a long sheet)
        for column, value in enumerate(values, start=1):
            # openpyxl treats any text starting with "=" as a formula: text cells stay text.
            if isinstance(value, str):
                ws.cell(row=row_number, column=column).data_type = "s"
            elif isinstance(value, datetime):
                ws.cell(row=row_number, column=column).number_format = "yyyy-mm-dd hh:mm:ss"
    for i, width in enumerate(widths, start=1):
        letter = ws.cell(row=header_row, column=i).column_letter
        current = ws.column_dimensions[letter].width or 0
        ws.column_dimensions[letter].width = max(current, width + 2)
    if freeze:
        ws.freeze_panes = ws.cell(row=header_row + 1, column=1).coordinate
