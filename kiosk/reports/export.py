"""The one writer of every CSV and XLSX file Kiosk makes (registers, reports, the attendance
export, the mail-merge list of the ticket folder), and atomic file replacement.

Every cell that comes from data passes :func:`neutralise` here, so a name such as
``=HYPERLINK(…)`` can never become a formula in a spreadsheet, whichever export wrote it;
``tests/reports/test_formula_safety.py`` runs every export over hostile data and checks that no
other module writes CSV or XLSX itself.

XLSX files are streamed with XlsxWriter in its constant-memory mode: rows go to a temporary file
as they are written, nothing is kept per cell, and strings are never read as formulas, numbers or
links. 100,000 register rows take a few seconds (``bench/reports.py``).
"""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

Cell = str | int | float | date | datetime | None
Progress = Callable[[int, int], None]

#: What ``--delimiter`` accepts on every CSV export, and the character each one writes.
DELIMITERS: dict[str, str] = {",": ",", ";": ";", "tab": "\t"}
DEFAULT_DELIMITER = ","

# OWASP "CSV injection": a cell starting with = + - @ (or tab, CR, LF) may be read as a formula;
# the full-width forms are read as formulas by spreadsheets in East Asian locales.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# Characters a worksheet name cannot hold (XML 1.0 control characters).
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")


class ExportError(Exception):
    """The file could not be written; the message says where and what to do."""


def delimiter_char(name: str) -> str:
    """The character of a ``--delimiter`` choice ("," ";" or "tab"); a bare character too."""
    if name in DELIMITERS:
        return DELIMITERS[name]
    if name in DELIMITERS.values():
        return name
    raise ValueError(f"unknown delimiter {name!r}: use one of {', '.join(DELIMITERS)}")


_RISKY_FIRST = frozenset("".join(_FORMULA_STARTS) + " ")


def neutralise(value: str) -> str:
    """Make a text cell inert in spreadsheets: one that starts (after any spaces) with
    = + - @ (or a tab, CR or LF) gets a leading apostrophe, as OWASP recommends."""
    if value and value[0] in _RISKY_FIRST and value.lstrip(" ").startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def text_cell(value: Cell) -> str:
    """A cell as CSV text: formula-neutralised, times as ``YYYY-MM-DD HH:MM:SS``."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool | int | float):
        return str(value)
    return neutralise(value)


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


# ---------------------------------------------------------------------------------------------
# CSV


class CsvTable:
    """CSV text built row by row: UTF-8 with a byte-order mark (so Excel opens Cyrillic and
    Romanian text correctly), CRLF line ends, every cell through :func:`text_cell`."""

    def __init__(self, delimiter: str = DEFAULT_DELIMITER) -> None:
        self._buffer = io.StringIO(newline="")
        self._writer = csv.writer(
            self._buffer, delimiter=delimiter_char(delimiter), lineterminator="\r\n"
        )
        self.delimiter = delimiter_char(delimiter)

    def row(self, values: Iterable[Cell]) -> None:
        self._writer.writerow([text_cell(v) for v in values])

    def rows(self, rows: Iterable[Sequence[Cell]], progress: Progress | None = None) -> None:
        """Each of ``rows``; ``progress(done, total)`` is told every 5,000 rows (``rows`` is
        then a sequence, whose length is the total)."""
        if progress is None:
            for values in rows:
                self.row(values)
            return
        table = list(rows)
        for number, values in enumerate(table, start=1):
            self.row(values)
            if number % 5000 == 0:
                progress(number, len(table))
        progress(len(table), len(table))

    def blank(self) -> None:
        self._buffer.write("\r\n")

    def data(self) -> bytes:
        return self._buffer.getvalue().encode("utf-8-sig")


def to_csv(
    header: Sequence[str],
    rows: Iterable[Sequence[Cell]],
    delimiter: str = DEFAULT_DELIMITER,
    progress: Progress | None = None,
) -> bytes:
    """One table as CSV (header, then rows)."""
    table = CsvTable(delimiter)
    table.row(header)
    table.rows(rows, progress)
    return table.data()


# ---------------------------------------------------------------------------------------------
# XLSX


def sheet_name(text: str, taken: Iterable[str] = ()) -> str:
    """A valid, unused worksheet name: no ``[]:*?/\\``, at most 31 characters."""
    name = _SHEET_NAME_BAD.sub("_", _ILLEGAL_XML.sub("", text)).strip("'") or "Sheet"
    name = name[:31]
    used = {t.lower() for t in taken}
    number = 2
    base = name
    while name.lower() in used:
        suffix = f" ({number})"
        name = base[: 31 - len(suffix)] + suffix
        number += 1
    return name


class XlsxSheet:
    """One worksheet, written top to bottom (rows cannot be revisited: the book streams)."""

    def __init__(self, book: XlsxBook, ws: Any) -> None:
        self._book = book
        self._ws = ws
        self._row = 0

    def widths(self, widths: Sequence[float]) -> None:
        for column, width in enumerate(widths):
            self._ws.set_column(column, column, width)

    def freeze(self, rows: int) -> None:
        """Keep the first ``rows`` rows in view while scrolling."""
        self._ws.freeze_panes(rows, 0)

    def title(self, text: str, size: int = 13) -> None:
        self.row([text], bold=True, size=size)

    def header(self, names: Sequence[str]) -> None:
        self.row(names, bold=True)

    def blank(self) -> None:
        self._row += 1

    def row(self, values: Sequence[Cell], *, bold: bool = False, size: int = 11) -> None:
        # XlsxWriter writes control characters XML cannot hold as _xHHHH_ escapes.
        ws, number = self._ws, self._row
        text_format = self._book.format(bold=bold, size=size) if bold or size != 11 else None
        for column, value in enumerate(values):
            if value is None or value == "":
                continue
            if isinstance(value, str):
                ws.write_string(number, column, neutralise(value), text_format)
            elif isinstance(value, datetime):
                ws.write_datetime(number, column, value.replace(tzinfo=None), self._book.when)
            elif isinstance(value, date):
                ws.write_datetime(number, column, value, self._book.day)
            elif isinstance(value, bool):
                ws.write_boolean(number, column, value)
            else:
                ws.write_number(number, column, value, text_format)
        self._row += 1

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[Cell]],
        *,
        progress: Progress | None = None,
        done: int = 0,
        total: int = 0,
    ) -> None:
        """A bold header and ``rows`` below it, each cell typed (text stays text)."""
        self.header(header)
        total = total or len(rows)
        for number, values in enumerate(rows, start=1):
            self.row(values)
            if progress is not None and number % 5000 == 0:
                progress(done + number, total)

    def image(self, png: bytes, cell: str, scale: float = 1.0) -> None:
        self._ws.insert_image(
            cell, "chart.png", {"image_data": io.BytesIO(png), "x_scale": scale, "y_scale": scale}
        )


class XlsxBook:
    """A workbook streamed to a temporary file and returned as bytes by :meth:`data`."""

    def __init__(self) -> None:
        import xlsxwriter  # imported here: only exports need it

        self._buffer = io.BytesIO()
        self._book = xlsxwriter.Workbook(
            self._buffer,
            {
                "constant_memory": True,
                "strings_to_formulas": False,
                "strings_to_numbers": False,
                "strings_to_urls": False,
                "tmpdir": tempfile.gettempdir(),
            },
        )
        self._formats: dict[tuple[bool, int], Any] = {}
        self.when = self._book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
        self.day = self._book.add_format({"num_format": "yyyy-mm-dd"})
        self._names: list[str] = []

    def format(self, *, bold: bool = False, size: int = 11) -> Any:
        if not bold and size == 11:
            return None
        key = (bold, size)
        found = self._formats.get(key)
        if found is None:
            found = self._formats[key] = self._book.add_format({"bold": bold, "font_size": size})
        return found

    def sheet(self, name: str) -> XlsxSheet:
        name = sheet_name(name, self._names)
        self._names.append(name)
        return XlsxSheet(self, self._book.add_worksheet(name))

    def data(self) -> bytes:
        self._book.close()
        return self._buffer.getvalue()


def column_widths(header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> list[float]:
    """Widths that fit the header and the text (at most 60 characters wide), judged on the
    first 5,000 rows (a long register's widths are settled long before its end)."""
    widths = [len(h) for h in header]
    for values in rows[:5000]:
        for i, v in enumerate(values):
            if isinstance(v, str):
                if len(v) > widths[i]:
                    widths[i] = min(len(v), 60)
            elif isinstance(v, datetime) and widths[i] < 16:
                widths[i] = 16
    return [w + 2 for w in widths]


def to_xlsx(
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    *,
    title: str,
    sheet: str,
    progress: Progress | None = None,
) -> bytes:
    """A one-sheet workbook with a title line, a bold frozen header and readable widths."""
    book = XlsxBook()
    ws = book.sheet(sheet)
    ws.widths(column_widths(header, rows))
    ws.freeze(2)
    ws.title(title)
    ws.table(header, rows, progress=progress)
    return book.data()
