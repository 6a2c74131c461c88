"""Read a registration file (CSV in any of the usual encodings and delimiters, or .xlsx) into a
:class:`Table` of header texts and raw cell strings.

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
import warnings
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from itertools import islice
from pathlib import Path
from typing import Any

from kiosk.core.gcpause import paused_gc
from kiosk.importing.detect import (
    HEADER_SEARCH_ROWS,
    decode_text,
    detect_delimiter,
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


@dataclass(frozen=True)
class Table:
    """A registration file as read: header texts and raw cell strings, nothing interpreted.

    ``rows`` holds ``(row number, cells)`` for every data row below the header, in file order.
    Cells are the original strings (not cleaned), padded or truncated to ``len(headers)``; rows
    with nothing but whitespace are dropped. If some rows have values to the right of the last
    named column, ``headers`` is extended with empty names so that nothing is silently lost.
    """

    path: str
    format: str  # "csv" or "xlsx"
    encoding: str | None  # e.g. "utf-8-sig", "utf-8", "utf-16", "cp1251", "cp1250"; None for xlsx
    delimiter: str | None  # ",", ";", "\t"; None for xlsx
    headers: list[str]  # cleaned header texts
    rows: list[tuple[int, list[str]]]
    sheet: str | None = None
    header_row: int = 1




def read_table(path: str | os.PathLike[str]) -> Table:
    """Read a CSV or .xlsx registration file.

    The format is decided by content, not only by the extension: an .xlsx renamed to .csv is read
    as a workbook, while an old .xls, a web page saved as "xls", a PDF, an OpenDocument file or an
    ".xlsx" that is not a workbook each get a clear :class:`ImportFileError`, as do empty files,
    unreadable files and text in an unknown encoding.
    """
    name = os.fspath(path)
    data = _read_bytes(name)
    container = sniff_container(data[:4096])
    extension = Path(name).suffix.lower()
    if container == "zip":
        return _read_xlsx(name, data)
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
    return _read_csv(name, data)


def _read_bytes(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
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


def _read_csv(path: str, data: bytes) -> Table:
    text, encoding = decode_text(data, path)
    if not text.strip():
        raise _empty(path)
    first_row = 1
    delimiter = excel_sep_line(text)
    if delimiter is not None:
        # Excel's "sep=;" line is an instruction, not data; it still counts as row 1.
        text = text[text.index("\n") + 1 :]
        first_row = 2
    else:
        delimiter = detect_delimiter(text)
    with paused_gc():
        records = _csv_records(path, text, delimiter, first_row)
        return _build_table(path, "csv", encoding, delimiter, None, records)


def _csv_records(
    path: str, text: str, delimiter: str, first_row: int
) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = list(reader)  # all in C: the per-row Python work comes later, once
    except csv.Error as exc:
        # Only "field larger than field limit" is raised in practice: a stray quote that
        # swallowed the rest of the file into one cell, or (no quote at all) one huge value.
        todo = (
            'a quote (") in this row is probably never closed; fix or remove it'
            if '"' in text
            else "one value in this row is over 100,000 characters long: this is not a "
            "registration list, or something was pasted into a cell by mistake; shorten it"
        )
        raise ImportFileError(
            path,
            f"the file cannot be read as CSV ({exc})",
            todo,
            row=first_row + _count_records(text, delimiter),
        ) from None
    if reader.line_num - len(rows) > _RUNAWAY_LINES:
        # Some rows span several lines; find one spanning so many that a quote must be open.
        for number, cells in enumerate(rows, start=first_row):
            if any(c.count("\n") > _RUNAWAY_LINES for c in cells):
                raise _runaway_quote(path, number)
    if rows and _unclosed_final_quote(text, rows[-1]):
        raise _runaway_quote(path, first_row + len(rows) - 1)
    return list(enumerate(rows, start=first_row))


def _count_records(text: str, delimiter: str) -> int:
    """How many records parse before the csv module gives up (for the error's row number)."""
    count = 0
    try:
        for _ in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            count += 1
    except csv.Error:
        pass
    return count


def _unclosed_final_quote(text: str, last: list[str]) -> bool:
    # The csv module silently accepts a quote left open at the end of the file and returns the
    # rest of the file as one cell. The symptom is a last row with a line break in a cell; the
    # proof is an odd number of quote characters (closed quotes and "" escapes come in pairs).
    return any("\n" in c or "\r" in c for c in last) and text.count('"') % 2 == 1


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
    records: Iterable[tuple[int, list[str]]],
) -> Table:
    iterator = iter(records)
    head: list[tuple[int, list[str]]] = []
    for record in iterator:
        if not _is_blank_row(record[1]):
            head.append(record)
            if len(head) >= HEADER_SEARCH_ROWS:
                break
    if not head:
        raise _empty(path)
    index, _sure = find_header_row([cells for _, cells in head])
    header_row, header_cells = head[index]
    headers = [clean_text(h) for h in header_cells]
    while headers and not headers[-1]:
        headers.pop()
    width = len(headers)

    rows: list[tuple[int, list[str]]] = []
    append = rows.append
    for record in _chain(head[index + 1 :], iterator):
        cells = record[1]
        # A letter or digit first is printable and not a space: the row is not blank.
        if not (cells and cells[0][:1].isalnum()) and _is_blank_row(cells):
            continue
        if len(cells) > width:
            # Values right of the last named column (often an unquoted delimiter inside a
            # name shifting the row): widen the table rather than drop them silently.
            last = len(cells)
            while last > width and not cells[last - 1].strip():
                last -= 1
            width = last
        append(record)

    if width > len(headers):
        headers.extend([""] * (width - len(headers)))
    for _, cells in rows:
        if len(cells) != width:
            if len(cells) < width:
                cells.extend([""] * (width - len(cells)))
            else:
                del cells[width:]
    return Table(
        path=path,
        format=fmt,
        encoding=encoding,
        delimiter=delimiter,
        headers=headers,
        rows=rows,
        sheet=sheet,
        header_row=header_row,
    )


def _chain(
    first: list[tuple[int, list[str]]], rest: Iterator[tuple[int, list[str]]]
) -> Iterator[tuple[int, list[str]]]:
    yield from first
    yield from rest


# ---------------------------------------------------------------------------------------------
# XLSX


def _read_xlsx(path: str, data: bytes) -> Table:
    _check_workbook_package(path, data)
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
            return _read_workbook(path, workbook)
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
            mimetype = package.read("mimetype")[:100] if "mimetype" in names else b""
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
    if b"opendocument.spreadsheet" in mimetype:
        raise ImportFileError(
            path, "the file is an OpenDocument spreadsheet (.ods), which cannot be read", _RESAVE
        )
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


def _read_workbook(path: str, workbook: Any) -> Table:
    """The first sheet with a recognisable header row (title rows above it allowed); failing
    that, the first sheet with any data."""
    sheets: list[Any] = list(workbook.worksheets)
    # Hidden sheets usually hold lookup lists; read them only if nothing else has data.
    ordered = [s for s in sheets if s.sheet_state == "visible"]
    ordered += [s for s in sheets if s.sheet_state != "visible"]
    fallback: Any = None
    for sheet in ordered:
        try:
            head = list(islice(_nonblank(_sheet_records(sheet)), HEADER_SEARCH_ROWS))
        except Exception:
            raise _damaged_sheet(path, str(sheet.title)) from None
        if not head:
            continue
        _, sure = find_header_row([cells for _, cells in head])
        if sure:
            return _table_from_sheet(path, sheet)
        if fallback is None:
            fallback = sheet
    if fallback is None:
        raise ImportFileError(
            path,
            "the workbook has no data (every sheet is empty)",
            "check that you exported the registrations, not an empty template",
        )
    return _table_from_sheet(path, fallback)


def _table_from_sheet(path: str, sheet: Any) -> Table:
    title = str(sheet.title)
    with paused_gc():
        try:
            records = list(_sheet_records(sheet))
        except Exception:
            # Read-only sheets are parsed lazily, so damage may only show up here.
            raise _damaged_sheet(path, title) from None
        return _build_table(path, "xlsx", None, None, title, records)


def _damaged_sheet(path: str, title: str) -> ImportFileError:
    return ImportFileError(
        path,
        f"this is not a valid Excel file (sheet '{title}' is damaged and cannot be read)",
        _RESAVE,
    )


def _nonblank(records: Iterator[tuple[int, list[str]]]) -> Iterator[tuple[int, list[str]]]:
    return (r for r in records if not _is_blank_row(r[1]))


def _sheet_records(sheet: Any) -> Iterator[tuple[int, list[str]]]:
    # Worksheet dimensions written by some tools are wrong (e.g. "A1:A1" for a full sheet) and
    # read-only mode trusts them, cutting columns off; forget them and read what is there.
    sheet.reset_dimensions()
    # Explicit min_row/min_col: without them rows are numbered from the sheet's stated origin.
    rows = sheet.iter_rows(min_row=1, min_col=1, values_only=True)
    for number, values in enumerate(rows, start=1):
        yield number, [_cell_text(v) for v in values]


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
