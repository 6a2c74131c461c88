"""Read a registration file (CSV in any of the usual encodings and delimiters, .xlsx or .ods)
into a :class:`Table` of header texts and raw cell strings.

This layer only reads: it finds the header row, keeps every cell exactly as written (so an import
report can quote the source), and refuses anything it cannot read with an
:class:`~kiosk.importing.errors.ImportFileError` naming the file and what to do. Interpreting the
columns is :mod:`kiosk.importing.mapping`'s job.

Row numbers are the row numbers a spreadsheet program shows for the file (the header is row 1
unless title rows precede it); for CSV a quoted cell spanning several lines still counts as one
row, as in Excel.
"""

from __future__ import annotations

import csv
import io
import os
import re
import warnings
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from kiosk.core.gcpause import paused_gc
from kiosk.importing.detect import (
    HEADER_SEARCH_ROWS,
    SAMPLE_CHARS,
    detect_delimiter,
    detect_encoding,
    excel_sep_line,
    find_header_row,
    sniff_container,
)
from kiosk.importing.errors import ImportFileError
from kiosk.importing.presets import clean_text

_XLSX_EXTENSIONS = frozenset({".xlsx", ".xlsm", ".xltx", ".xltm"})
_RESAVE = "open it in Excel or LibreOffice and save it as .xlsx or CSV (UTF-8), then import again"
#: A record spanning more lines than this almost surely swallowed rows through a stray quote.
_RUNAWAY_LINES = 200


class Rows(Protocol):
    """A table's data rows: a list, or a :class:`RowStream` that reads the file afresh on each
    pass."""

    def __iter__(self) -> Iterator[tuple[int, list[str]]]: ...

    def __len__(self) -> int: ...


@dataclass(frozen=True)
class Table:
    """A registration file as read: header texts and raw cell strings, nothing interpreted.

    ``rows`` gives ``(row number, cells)`` for every data row below the header, in file order.
    Cells are the original strings (not cleaned); rows with nothing but whitespace are
    dropped. If some rows have values to the right of the last named column, ``headers`` is
    extended with empty names so that nothing is silently lost. From :func:`read_table` rows
    are a list, each padded or truncated to ``len(headers)``; from :func:`open_table` they are
    a :class:`RowStream`, each row padded at least to the width known when the pass began, and
    ``headers`` reaches its full width after the first full pass.
    """

    path: str
    format: str  # "csv" or "xlsx"
    encoding: str | None  # e.g. "utf-8-sig", "utf-8", "utf-16", "cp1251", "cp1250"; None for xlsx
    delimiter: str | None  # ",", ";", "\t"; None for xlsx
    headers: list[str]  # cleaned header texts
    rows: Rows
    sheet: str | None = None
    header_row: int = 1
    #: Why this sheet of a workbook was read (for the import report); "" for CSV.
    sheet_reason: str = ""
    #: Numeric cells a spreadsheet stored beyond exact precision, (row, column index) -> value;
    #: a streamed table fills it as its rows are read.
    numbers: dict[tuple[int, int], float] = field(default_factory=dict)


class RowStream:
    """The data rows of a file, read from the file again on every pass (memory: one row).

    ``records`` gives every record of the sheet as ``(row number, cells)``, title rows and the
    header included; the rows after ``header_row`` that are not blank are the data rows. A
    complete pass counts them and widens ``headers`` (in place) to the widest row's last value.
    """

    def __init__(
        self,
        records: Callable[[], Iterator[tuple[int, list[str]]]],
        header_row: int,
        headers: list[str],
    ) -> None:
        self._records = records
        self._header_row = header_row
        self._headers = headers
        self.width = len(headers)
        self._count: int | None = None

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        header_row, width = self._header_row, self.width
        known = width
        count = 0
        for record in self._records():
            number, cells = record
            if number <= header_row:
                continue
            # A letter or digit first is printable and not a space: the row is not blank.
            if not (cells and cells[0][:1].isalnum()) and _is_blank_row(cells):
                continue
            size = len(cells)
            if size > width:
                # Values right of the last named column (often an unquoted delimiter inside a
                # name shifting the row): widen the table rather than drop them silently.
                last = size
                while last > width and not cells[last - 1].strip():
                    last -= 1
                width = last
            if size < known:
                cells.extend([""] * (known - size))
            count += 1
            yield record
        self._count = count
        self.width = width
        if width > len(self._headers):
            self._headers.extend([""] * (width - len(self._headers)))

    def __len__(self) -> int:
        if self._count is None:
            for _ in self:
                pass
        assert self._count is not None
        return self._count


def read_table(path: str | os.PathLike[str], sheet: str | None = None) -> Table:
    """Read a CSV, .xlsx or .ods registration file whole (rows as a list; see
    :func:`open_table` for the streamed form an import uses)."""
    with open_table(path, sheet) as table, paused_gc():
        rows = list(iter(table.rows))  # iter: no len(), which would cost a pass
        width = len(table.headers)
        for _, cells in rows:
            if len(cells) != width:
                if len(cells) < width:
                    cells.extend([""] * (width - len(cells)))
                else:
                    del cells[width:]
        return replace(table, rows=rows)


@contextmanager
def open_table(path: str | os.PathLike[str], sheet: str | None = None) -> Iterator[Table]:
    """Open a CSV, .xlsx or .ods registration file for reading its rows as a stream.

    In a workbook, ``sheet`` names the sheet to read; without it the sheet holding the tickets is
    chosen (see :func:`_choose_sheet`) and :attr:`Table.sheet_reason` says why.

    The format is decided by content, not only by the extension: an .xlsx renamed to .csv is read
    as a workbook, while an old .xls, a web page saved as "xls", a PDF or an
    ".xlsx" that is not a workbook each get a clear :class:`ImportFileError`, as do empty files,
    unreadable files and text in an unknown encoding. Errors further down the file (a broken
    quote, a damaged sheet) are raised by the pass that reaches them.
    """
    name = os.fspath(path)
    head = _read_head(name)
    container = sniff_container(head)
    extension = Path(name).suffix.lower()
    if container == "zip":
        data = _read_bytes(name)
        if _is_opendocument(data):
            with _read_ods(name, data, sheet) as table:
                yield table
            return
        with _read_xlsx(name, data, sheet) as table:
            yield table
        return
    if container == "ole2":
        raise ImportFileError(
            name,
            # The message reads "…: … in the old .xls format — save as .xlsx or CSV: …".
            "the file cannot be read: it is an Excel 97–2003 workbook in the old .xls format",
            "save as .xlsx or CSV: open it in Excel or LibreOffice and use File → Save As",
        )
    if container == "html":
        raise ImportFileError(
            name,
            "the file is a web page (HTML) with a spreadsheet name, not a real spreadsheet",
            _RESAVE,
        )
    if container == "xml_spreadsheet":
        raise ImportFileError(
            name, "the file is in the Excel 2003 XML format, which cannot be read", _RESAVE
        )
    if container == "pdf":
        raise ImportFileError(
            name,
            "the file is a PDF document, not a spreadsheet",
            "export the registrations from the registration system as CSV or Excel",
        )
    if extension in _XLSX_EXTENSIONS:
        raise ImportFileError(
            name,
            "this is not a valid Excel file (an .xlsx workbook is a ZIP package; this file is not)",
            "it may be damaged or another kind of file renamed to .xlsx; " + _RESAVE,
        )
    if extension == ".ods":
        raise ImportFileError(name, "this is not a valid OpenDocument spreadsheet", _RESAVE)
    if sheet is not None:
        raise ImportFileError(
            name,
            f"a sheet ('{sheet}') was asked for, but this is a CSV file, which has no sheets",
            "leave out --sheet for CSV files",
            reason="unknown_sheet",
        )
    yield _read_csv(name)


def _read_head(path: str) -> bytes:
    """The first bytes of the file (what it is), with the errors of :func:`_read_bytes`."""
    return _read_file(path, lambda: _first_bytes(path))


def _first_bytes(path: str) -> bytes:
    with open(path, "rb") as stream:
        return stream.read(4096)


def _read_bytes(path: str) -> bytes:
    return _read_file(path, lambda: Path(path).read_bytes())


def _read_file(path: str, read: Callable[[], bytes]) -> bytes:
    try:
        return read()
    except FileNotFoundError:
        raise ImportFileError(
            path, "the file does not exist", "check the file name and folder"
        ) from None
    except IsADirectoryError:
        raise ImportFileError(
            path, "this is a folder, not a file", "choose the exported file inside it"
        ) from None
    except PermissionError:
        raise ImportFileError(
            path,
            "the file cannot be opened (permission denied)",
            "close it in Excel or any other program that has it open, or copy it somewhere "
            "you can read, then import again",
        ) from None
    except OSError as exc:
        raise ImportFileError(
            path,
            f"the file cannot be read ({exc.strerror or exc})",
            "copy it to this computer's disk and import the copy",
        ) from None


# ---------------------------------------------------------------------------------------------
# CSV


def _read_csv(path: str) -> Table:
    facts = detect_encoding(path, partial(_open_binary, path))
    if facts.blank:
        raise _empty(path)
    encoding = facts.encoding
    with _text_stream(path, encoding) as stream:
        head = stream.read(SAMPLE_CHARS + 256)
    first_row = 1
    delimiter = excel_sep_line(head)
    if delimiter is not None:
        # Excel's "sep=;" line is an instruction, not data; it still counts as row 1.
        first_row = 2
    else:
        delimiter = detect_delimiter(head)

    def records() -> Iterator[tuple[int, list[str]]]:
        return _csv_records(path, encoding, delimiter, first_row, facts.quotes)

    return _build_table(path, "csv", encoding, delimiter, None, records)


def _open_binary(path: str) -> BinaryIO:
    return open(path, "rb")


def _text_stream(path: str, encoding: str) -> io.TextIOWrapper:
    # newline="": line ends reach the csv module as written (it handles quoted line breaks).
    return io.TextIOWrapper(open(path, "rb"), encoding=encoding, newline="")


def _csv_records(
    path: str, encoding: str, delimiter: str, first_row: int, quotes: int
) -> Iterator[tuple[int, list[str]]]:
    """The file's records, numbered from ``first_row``, read as a stream."""
    number = first_row - 1
    last: list[str] = []
    with _text_stream(path, encoding) as stream:
        if first_row == 2:
            stream.readline()  # the "sep=;" line
        reader = csv.reader(stream, delimiter=delimiter)
        line = 0
        try:
            for cells in reader:
                number += 1
                spanned = reader.line_num - line
                line = reader.line_num
                if spanned > _RUNAWAY_LINES and any(
                    c.count("\n") > _RUNAWAY_LINES for c in cells
                ):
                    # A record spanning so many lines that a quote must be open.
                    raise _runaway_quote(path, number)
                last = cells
                yield number, cells
        except csv.Error as exc:
            # Only "field larger than field limit" is raised in practice: a stray quote that
            # swallowed the rest of the file into one cell, or (no quote at all) one huge value.
            todo = (
                'a quote (") in this row is probably never closed; fix or remove it'
                if quotes
                else "one value in this row is over 100,000 characters long: this is not a "
                "registration list, or something was pasted into a cell by mistake; shorten it"
            )
            raise ImportFileError(
                path, f"the file cannot be read as CSV ({exc})", todo, row=number + 1
            ) from None
    # The csv module silently accepts a quote left open at the end of the file and returns the
    # rest of the file as one cell. The symptom is a last row with a line break in a cell; the
    # proof is an odd number of quote characters (closed quotes and "" escapes come in pairs).
    if any("\n" in c or "\r" in c for c in last) and quotes % 2 == 1:
        raise _runaway_quote(path, number)


def _runaway_quote(path: str, row: int) -> ImportFileError:
    return ImportFileError(
        path,
        'a quote (") opened in this row is never closed, so the rows after it were read as '
        "one cell",
        "remove the stray quote or close it, then import again",
        row=row,
    )


def _empty(path: str) -> ImportFileError:
    return ImportFileError(
        path,
        "the file is empty",
        "export the registrations again; the export may have failed or been cut short",
    )


# ---------------------------------------------------------------------------------------------
# Building the table (shared by CSV and XLSX)


def _is_blank_row(cells: list[str]) -> bool:
    """True when every cell would clean to an empty string (spaces, control characters only)."""
    stripped = "".join(cells).strip()
    # A printable first character survives clean(); only rows of invisible characters (zero-width
    # spaces, control characters) need the full treatment.
    return not stripped or (not stripped[0].isprintable() and not clean_text(stripped))


def _build_table(
    path: str,
    fmt: str,
    encoding: str | None,
    delimiter: str | None,
    sheet: str | None,
    records: Callable[[], Iterator[tuple[int, list[str]]]],
) -> Table:
    """A streamed table: the header row found among the first records, the data rows after it
    read by a :class:`RowStream`."""
    head: list[tuple[int, list[str]]] = []
    iterator = records()
    try:
        for record in iterator:
            if not _is_blank_row(record[1]):
                head.append(record)
                if len(head) >= HEADER_SEARCH_ROWS:
                    break
    finally:
        close = getattr(iterator, "close", None)
        if close is not None:
            close()
    if not head:
        raise _empty(path)
    index, _sure = find_header_row([cells for _, cells in head])
    header_row, header_cells = head[index]
    headers = [clean_text(h) for h in header_cells]
    while headers and not headers[-1]:
        headers.pop()
    return Table(
        path=path,
        format=fmt,
        encoding=encoding,
        delimiter=delimiter,
        headers=headers,
        rows=RowStream(records, header_row, headers),
        sheet=sheet,
        header_row=header_row,
    )


# ---------------------------------------------------------------------------------------------
# XLSX


@contextmanager
def _read_xlsx(path: str, data: bytes, wanted: str | None) -> Iterator[Table]:
    _check_workbook_package(path, data)
    check_package_text(path, data)
    # Imported lazily: openpyxl is only needed for workbooks and takes a while to import.
    import openpyxl

    # openpyxl warns about harmless things (unsupported extensions, missing default styles);
    # they mean nothing to an organizer, and the test suite treats warnings as errors.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:
            # openpyxl raises anything from KeyError to XML syntax errors for a damaged
            # package; all of them mean the same thing to the user.
            raise ImportFileError(
                path,
                f"this is not a valid Excel file (it is damaged: {type(exc).__name__})",
                _RESAVE,
            ) from None
    try:
        sheets = [
            _Sheet(str(s.title), s.sheet_state == "visible", _openpyxl_rows(s))
            for s in workbook.worksheets
        ]
        yield _read_workbook(path, "xlsx", sheets, wanted)
    finally:
        workbook.close()


def _check_workbook_package(path: str, data: bytes) -> None:
    """Tell a real .xlsx from other ZIP-based files before handing it to openpyxl."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = package.namelist()
            content_types = (
                package.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
            )
    except (RuntimeError, NotImplementedError):  # encrypted or an unsupported compression
        raise ImportFileError(
            path,
            "this is not a valid Excel file (it is encrypted or compressed in an unsupported way)",
            "remove the password protection and " + _RESAVE,
        ) from None
    except Exception:
        # BadZipFile, a CRC error, zlib.error, struct.error, EOFError…: a damaged package, which
        # is all the user needs to know.
        raise ImportFileError(
            path,
            "this is not a valid Excel file (the ZIP package is damaged or incomplete)",
            _RESAVE,
        ) from None
    if b"spreadsheetml" in content_types:
        return
    if "word/document.xml" in names:
        raise ImportFileError(
            path, "the file is a Word document, not a spreadsheet", "choose the .xlsx or .csv file"
        )
    inner = [n for n in names if n.lower().endswith((".csv", ".xlsx"))]
    if inner:
        listed = ", ".join(inner[:3])
        raise ImportFileError(
            path,
            f"this is not a valid Excel file: it is a ZIP archive containing {listed}",
            "unpack the archive and import the file inside",
        )
    raise ImportFileError(
        path,
        "this is not a valid Excel file (it is a ZIP archive, not an .xlsx workbook)",
        "choose the registrations export itself, or " + _RESAVE,
    )


@dataclass
class _Sheet:
    """One sheet of a workbook, whichever library reads it."""

    title: str
    visible: bool
    #: A fresh iterator over ``(row number, raw values)`` each call.
    rows: Callable[[], Iterator[tuple[int, Sequence[object]]]]


#: Sheet titles that hold one row per ticket (pretix's "Order positions" in en/ro/de, as its
#: catalogues translate it) or per person; a sheet so named wins over others with a header.
_TICKET_SHEETS = frozenset(
    {"order positions", "pozitii de comanda", "bestellzeilen", "attendees", "participants",
     "registrations", "tickets", "check in list", "участници", "регистрации", "participanti",
     "inscrieri"}
)  # fmt: skip
#: Sheet titles that hold orders or fees, not tickets (pretix's "Orders", "Order fees").
_ORDER_SHEETS = frozenset(
    {"orders", "order fees", "comenzi", "tarife comanda", "bestellungen", "gebuhren"}
)


def _read_workbook(path: str, fmt: str, sheets: list[_Sheet], wanted: str | None) -> Table:
    """Read the sheet named ``wanted``, or the one that holds the tickets (see
    :func:`_choose_sheet`)."""
    if wanted is not None:
        for sheet in sheets:
            if sheet.title == wanted or sheet.title.casefold() == wanted.casefold():
                return _table_from_sheet(path, fmt, sheet, f"sheet '{sheet.title}' as asked")
        names = ", ".join(f"'{s.title}'" for s in sheets)
        raise ImportFileError(
            path,
            f"the workbook has no sheet '{wanted}' (its sheets: {names})",
            "give one of these names to --sheet",
            reason="unknown_sheet",
        )
    sheet, reason = _choose_sheet(path, sheets)
    return _table_from_sheet(path, fmt, sheet, reason)


def _choose_sheet(path: str, sheets: list[_Sheet]) -> tuple[_Sheet, str]:
    """The sheet that holds the tickets, and why it was chosen.

    Among the sheets with a recognisable header row (hidden sheets, which usually hold lookup
    lists, only if no visible one has one), the best is the one with a ticket-code column (pretix's
    "Order positions" has "Ticket secret", its "Orders" sheet has none), then one whose title says
    it lists tickets or people, then one not titled as orders or fees, then the one with most
    recognised columns; ties go to the first sheet. Without any header row, the first sheet with
    data is read.
    """
    from kiosk.importing.presets import detect_preset, header_key, match_header

    ordered = [s for s in sheets if s.visible] + [s for s in sheets if not s.visible]
    scored: list[tuple[tuple[int, int, int, int, int], _Sheet, str]] = []
    fallback: _Sheet | None = None
    for position, sheet in enumerate(ordered):
        try:
            head = list(islice(_nonblank(_text_records(sheet, {})), HEADER_SEARCH_ROWS))
        except ImportFileError:
            raise
        except Exception:
            raise _damaged_sheet(path, sheet.title) from None
        if not head:
            continue
        index, sure = find_header_row([cells for _, cells in head])
        if not sure:
            fallback = fallback or sheet
            continue
        keys = [header_key(h) for h in head[index][1]]
        preset = detect_preset({k for k in keys if k})
        fields: dict[str, str] = {}
        for key, header in zip(keys, head[index][1], strict=True):
            hit = match_header(key, preset) if key else None
            if hit is not None:
                fields.setdefault(hit[0], clean_text(header))
        title = header_key(sheet.title)
        rank = (
            int("code" in fields),
            int(title in _TICKET_SHEETS),
            int(title not in _ORDER_SHEETS),
            len(fields),
            -position,
        )
        why = (
            f"it has a ticket code column ('{fields['code']}')"
            if "code" in fields
            else "its title says it lists tickets or people"
            if title in _TICKET_SHEETS
            else "it has the most recognised columns"
        )
        scored.append((rank, sheet, why))
    if not scored:
        if fallback is None:
            raise ImportFileError(
                path,
                "the workbook has no data (every sheet is empty)",
                "check that you exported the registrations, not an empty template",
            )
        return fallback, f"sheet '{fallback.title}': the first sheet with data"
    scored.sort(key=lambda item: item[0], reverse=True)
    _, best, why = scored[0]
    if len(sheets) == 1:
        return best, f"sheet '{best.title}', the only sheet"
    others = ", ".join(f"'{s.title}'" for _, s, _w in scored[1:])
    tail = f"; not {others} (use --sheet NAME to read another)" if others else ""
    return best, f"sheet '{best.title}' because {why}{tail}"


def _table_from_sheet(path: str, fmt: str, sheet: _Sheet, reason: str) -> Table:
    numbers: dict[tuple[int, int], float] = {}

    def records() -> Iterator[tuple[int, list[str]]]:
        try:
            yield from _text_records(sheet, numbers)
        except ImportFileError:
            raise
        except GeneratorExit:
            raise
        except Exception:
            # Read-only sheets are parsed lazily, so damage may only show up here.
            raise _damaged_sheet(path, sheet.title) from None

    table = _build_table(path, fmt, None, None, sheet.title, records)
    return replace(table, sheet_reason=reason, numbers=numbers)


def _damaged_sheet(path: str, title: str) -> ImportFileError:
    return ImportFileError(
        path,
        f"this is not a valid spreadsheet (sheet '{title}' is damaged and cannot be read)",
        _RESAVE,
    )


def _nonblank(records: Iterator[tuple[int, list[str]]]) -> Iterator[tuple[int, list[str]]]:
    return (r for r in records if not _is_blank_row(r[1]))


def _openpyxl_rows(sheet: Any) -> Callable[[], Iterator[tuple[int, Sequence[object]]]]:
    def rows() -> Iterator[tuple[int, Sequence[object]]]:
        # Worksheet dimensions written by some tools are wrong (e.g. "A1:A1" for a full sheet)
        # and read-only mode trusts them, cutting columns off; forget them, read what is there.
        sheet.reset_dimensions()
        # Explicit min_row/min_col: without them rows are numbered from the stated origin.
        values = sheet.iter_rows(min_row=1, min_col=1, values_only=True)
        return enumerate(values, start=1)

    return rows


def _text_records(
    sheet: _Sheet, numbers: dict[tuple[int, int], float]
) -> Iterator[tuple[int, list[str]]]:
    """The sheet's rows as cell texts; floats beyond exact precision are noted in ``numbers``."""
    for number, values in sheet.rows():
        cells = []
        for index, value in enumerate(values):
            if isinstance(value, float) and abs(value) >= _EXACT_FLOAT:
                numbers[(number, index)] = value
            cells.append(_cell_text(value))
        yield number, cells


#: Integers from here on are not all exact as floating-point numbers (IEEE 754 double).
_EXACT_FLOAT = float(2**53)


def _cell_text(value: object) -> str:
    """A cell value as the text a person sees in the spreadsheet, in a stable form.

    Whole numbers lose Excel's ".0" (phone numbers and ids are stored as numbers), dates become
    ISO dates (times are kept only when present).
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds" if value.second else "minutes")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


# ---------------------------------------------------------------------------------------------
# OpenDocument (.ods), read with python-calamine


def _is_opendocument(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            if "mimetype" not in package.namelist():
                return False
            return b"opendocument.spreadsheet" in package.read("mimetype")[:100]
    except Exception:
        return False  # a damaged package: the .xlsx path explains it


@contextmanager
def _read_ods(path: str, data: bytes, wanted: str | None) -> Iterator[Table]:
    """An OpenDocument spreadsheet (LibreOffice's own format), read with python-calamine: a
    maintained reader (Rust's calamine) that reads .ods cell types faithfully, with no Python
    XML walk over LibreOffice's repeated-cell encoding. calamine holds a sheet in its own
    (compact) memory while it is read; its rows become Python values one at a time."""
    check_package_text(path, data)
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:
        raise ImportFileError(
            path,
            f"this is not a valid OpenDocument spreadsheet (it is damaged: {type(exc).__name__})",
            _RESAVE,
        ) from None
    visible = {m.name: str(m.visible).lower().endswith("visible") for m in workbook.sheets_metadata}

    def rows_of(name: str) -> Callable[[], Iterator[tuple[int, Sequence[object]]]]:
        def rows() -> Iterator[tuple[int, Sequence[object]]]:
            sheet = workbook.get_sheet_by_name(name)
            # to_python skips leading empty rows and columns: start where the sheet starts.
            first_row, first_col = sheet.start or (0, 0)
            pad: list[object] = [None] * first_col
            for offset, values in enumerate(sheet.iter_rows()):
                yield first_row + offset + 1, pad + list(values)

        return rows

    try:
        sheets = [_Sheet(n, visible.get(n, True), rows_of(n)) for n in workbook.sheet_names]
        yield _read_workbook(path, "ods", sheets, wanted)
    finally:
        workbook.close()


# ---------------------------------------------------------------------------------------------
# Size limits inside a workbook package, checked before any XML is parsed

#: Longest cell, in characters (kiosk.importing.checks refuses longer cells with row and column).
CELL_LIMIT = 10_000
#: Bytes of XML text between two tags that can still be a cell within the limit (entities such
#: as &amp; take up to 6 bytes per character; UTF-8 up to 4).
_TEXT_RUN_LIMIT = CELL_LIMIT * 6
_CHUNK = 1 << 20
_CELL_REF = re.compile(rb'<c r="([A-Z]{1,3})(\d+)"')
_SHARED_REF = re.compile(rb'<c r="([A-Z]{1,3})(\d+)"[^>]*?t="s"[^>]*>\s*<v>(\d+)</v>')
_ODS_TABLE = re.compile(rb'<table:table table:name="([^"]*)"')
#: The start of an .ods row or cell, in document order: a cell's column is the count of the
#: cells (with their repeats) before it in its row.
_ODS_PLACE = re.compile(
    rb'<table:(table-row|(?:covered-)?table-cell)(?=[\s>/])(?:[^>]*?table:number-(?:rows|columns)'
    rb'-repeated="(\d+)")?'
)


def column_letter(index: int) -> str:
    """The spreadsheet letter of a column index: 0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def check_package_text(path: str, data: bytes) -> None:
    """Refuse a workbook with a cell over :data:`CELL_LIMIT` characters before a reader builds
    it in memory (a 200 KB file can hold a 200 MB cell). The package is decompressed in 1 MB
    chunks and only the distance between tags is measured, so memory stays bounded."""
    try:
        _check_package_text(path, data)
    except ImportFileError:
        raise
    except Exception:
        # A damaged member (bad CRC, broken deflate stream): nothing a reader could read.
        raise ImportFileError(
            path,
            "this is not a valid spreadsheet (the ZIP package is damaged or incomplete)",
            _RESAVE,
        ) from None


def _check_package_text(path: str, data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = package.namelist()
        if "content.xml" in names:
            _scan_member(path, package, "content.xml", _Locator(ods=True))
            return
        shared = "xl/sharedStrings.xml"
        if shared in names:
            found = _scan_member(path, package, shared, None)
            if found is not None:
                _refuse_shared(path, package, names, found)
        for name in names:
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                _scan_member(path, package, name, _Locator(ods=False))


class _Locator:
    """Where in the sheet a byte position of an XML member is: fed every chunk in order."""

    def __init__(self, ods: bool) -> None:
        self.ods = ods
        self.carry = b""
        self.sheet = ""
        self.row: int | None = None
        self.column: str | None = None
        self._cells = 0  # .ods: the columns taken by the cells before, in the current row

    def feed(self, chunk: bytes) -> None:
        self._advance(self.carry + chunk, len(self.carry))
        self.carry = chunk[-512:]

    def at(self, partial: bytes) -> tuple[str, int | None, str | None]:
        self._advance(self.carry + partial, len(self.carry))
        return self.sheet, self.row, self.column

    def _advance(self, text: bytes, done: int) -> None:
        # Matches ending inside ``done`` bytes (the carried end of the previous chunk) were
        # counted already; a match that began there but ends in the new chunk was not.
        if not self.ods:
            for match in _CELL_REF.finditer(text):
                if match.end() > done:
                    self.row, self.column = int(match[2]), match[1].decode()
            return
        start = 0
        for match in _ODS_TABLE.finditer(text):
            if match.end() > done:
                self.sheet = match[1].decode("utf-8", "replace")
                self.row, self._cells, self.column = 0, 0, None
                start = match.end()
        for match in _ODS_PLACE.finditer(text, start):
            if match.end() <= done:
                continue
            if match[1] == b"table-row":
                self.row = (self.row or 0) + int(match[2] or 1)
                self._cells, self.column = 0, None
            else:
                self.column = column_letter(self._cells)
                self._cells += int(match[2] or 1)


def _scan_member(
    path: str, package: zipfile.ZipFile, member: str, locator: _Locator | None
) -> int | None:
    """Scan one XML member for a text run over the limit. With a ``locator`` a long run raises
    at once with its sheet, row and column; without, the index of the shared string holding it
    (the count of ``<si`` elements before it) is returned."""
    run = 0
    strings = 0
    with package.open(member) as stream:
        while chunk := stream.read(_CHUNK):
            pieces = chunk.split(b"<")
            run += len(pieces[0])
            long_at = 0 if run > _TEXT_RUN_LIMIT else -1
            offset = len(pieces[0]) + 1
            for piece in pieces[1:]:
                if long_at >= 0:
                    break
                run = len(piece)
                if run > _TEXT_RUN_LIMIT:
                    long_at = offset
                offset += len(piece) + 1
            if long_at >= 0:
                if locator is None:
                    # The <si> holding the run is counted already: its index is one less.
                    return strings + chunk[:long_at].count(b"<si") - 1
                sheet, row, column = locator.at(chunk[:long_at])
                raise _too_long(path, sheet, row, column)
            strings += chunk.count(b"<si")
            if locator is not None:
                locator.feed(chunk)
    return None


def _refuse_shared(path: str, package: zipfile.ZipFile, names: list[str], index: int) -> None:
    wanted = str(index).encode()
    for name in names:
        if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
            continue
        carry = b""
        with package.open(name) as stream:
            while chunk := stream.read(_CHUNK):
                text = carry + chunk
                for match in _SHARED_REF.finditer(text):
                    if match[3] == wanted:
                        raise _too_long(path, "", int(match[2]), match[1].decode())
                carry = text[-512:]
    raise _too_long(path, "", None, None)


def _too_long(path: str, sheet: str, row: int | None, column: str | None) -> ImportFileError:
    where = f" (sheet '{sheet}')" if sheet else ""
    return ImportFileError(
        path,
        f"a cell{where} holds more than {CELL_LIMIT:,} characters; no registration field "
        "needs that much",
        "something was pasted into this cell by mistake: shorten or clear it, then import "
        "again (nothing was imported)",
        row=row,
        column=column,
        reason="cell_too_long",
    )
