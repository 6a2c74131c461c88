"""Limits and suspicious-data checks on a registration table, before anything is stored.

Limits (:func:`check_limits`) refuse the whole file with the row and column: a cell longer than
:data:`CELL_LIMIT` characters is not registration data (and made every later look-up of that
person slow), a code longer than :data:`CODE_LIMIT` characters can never be scanned from a badge,
and a code with a path separator, ``..`` or an invisible character can become a file name or
cannot be typed by a scanner.

Suspicious data (:func:`findings`) is imported but named, each with row, column and a stable
reason code, so that the organizer can fix the source (``--strict`` refuses instead):

* ``lost_precision``: a long number (a 24-digit Eventbrite barcode) that a spreadsheet stored as
  a floating-point number: beyond 2^53 its last digits are gone, so the code is corrupted;
* ``scientific_notation``: a value written as ``1.23457E+23`` (Excel's display of a long number);
* ``float_code``: a code ending in ``.0`` (a whole number saved as a decimal);
* ``replaced_letters``: ``?`` standing for letters the file's encoding cannot hold
  (``?tef?nescu``: Windows-1251 has no ș ț ă);
* ``too_long_for_badge``: a name or organisation too long to print on a badge.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain
from operator import itemgetter

from kiosk.importing.errors import ImportFileError
from kiosk.importing.presets import clean_text
from kiosk.importing.readers import Table, column_letter

#: Characters in any one cell; longer cells refuse the file.
CELL_LIMIT = 10_000
#: Characters in a ticket code; longer codes refuse the file.
CODE_LIMIT = 128
#: Longest name (first and last, with the space) and organisation a badge prints whole.
BADGE_NAME_LIMIT = 48
BADGE_ORGANIZATION_LIMIT = 80

_SCIENTIFIC = re.compile(r"[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+")
_FLOAT_CODE = re.compile(r"\d+\.0+")
# A letter, then "?", or "?" then a letter: "?tef?nescu", "Ion?scu", "Mu?at".
_REPLACED = re.compile(r"\w\?|\?\w")
_SINGLE_BYTE = ("cp", "windows", "latin", "iso")


@dataclass(frozen=True, slots=True)
class Finding:
    """Something suspicious in one cell, imported as it is."""

    row: int
    column: str
    reason: str  # lost_precision, scientific_notation, float_code, replaced_letters, ...
    detail: str

    def text(self) -> str:
        return f"Row {self.row}, column '{self.column}': {self.detail}"


def check_limits(
    table: Table, code_column: int | None, rows: Iterable[tuple[int, list[str]]] | None = None
) -> None:
    """Raise :class:`ImportFileError` (reason ``cell_too_long``, ``code_too_long`` or
    ``bad_code``) for the first cell over a limit in ``rows`` (by default the table's)."""
    headers = table.headers
    rows = table.rows if rows is None else rows
    if code_column is None and isinstance(rows, list):
        # A batch without codes to check: every cell's length measured in C at once, the rows
        # looked at only when some cell is long.
        cells_of = map(itemgetter(1), rows)
        if max(map(len, chain.from_iterable(cells_of)), default=0) <= CELL_LIMIT:
            return
    for number, cells in rows:
        # Every cell's length measured in C first; the cell is looked for only when one is long.
        if cells and max(map(len, cells)) > CELL_LIMIT:
            index = next(i for i, cell in enumerate(cells) if len(cell) > CELL_LIMIT)
            raise ImportFileError(
                table.path,
                f"a value is {len(cells[index]):,} characters long; no registration field needs "
                f"more than {CELL_LIMIT:,}",
                "something was pasted into this cell by mistake: shorten or clear it, then "
                "import again (nothing was imported)",
                row=number,
                column=_column_name(headers, index),
                reason="cell_too_long",
            )
        if code_column is None:
            continue
        code = clean_text(cells[code_column])
        if len(code) > CODE_LIMIT:
            raise ImportFileError(
                table.path,
                f"the ticket code is {len(code):,} characters long; a code over {CODE_LIMIT} "
                "characters cannot be scanned from a badge",
                "check that the right column holds the codes (or give a mapping file); nothing "
                "was imported",
                row=number,
                column=_column_name(headers, code_column),
                reason="code_too_long",
            )
        problem = code_problem(code)
        if problem:
            raise ImportFileError(
                table.path,
                f"the ticket code '{code[:40]}' {problem}",
                "codes may hold letters, digits and punctuation other than / \\ and '..'; fix "
                "the code in the source and import again (nothing was imported)",
                row=number,
                column=_column_name(headers, code_column),
                reason="bad_code",
            )


def code_problem(code: str) -> str | None:
    """Why a ticket code is not acceptable, or None."""
    if "/" in code or "\\" in code:
        return "contains a path separator (/ or \\)"
    if ".." in code:
        return "contains '..'"
    if not code.isprintable():
        return "contains an invisible or control character"
    return None


def findings(
    table: Table,
    columns: dict[str, int],
    rows: list[int],
    cells: list[list[str]],
    names: list[tuple[str, str]],
    organizations: list[str],
) -> list[Finding]:
    """Suspicious values in the rows kept (``rows``: their numbers, ``cells``: their raw cells;
    ``names``/``organizations``: the cleaned values as imported)."""
    found: list[Finding] = []
    headers = table.headers
    numbers: dict[int, list[tuple[int, float]]] = {}
    for (r, index), stored in sorted(table.numbers.items()):
        numbers.setdefault(r, []).append((index, stored))
    single_byte = (table.encoding or "").lower().startswith(_SINGLE_BYTE)
    code = columns.get("code")
    text_columns = [
        columns[f] for f in ("full_name", "first_name", "last_name", "organization")
        if f in columns
    ]  # fmt: skip
    for j in _rows_to_check(rows, cells, names, organizations, numbers, code, text_columns):
        number = rows[j]
        row_cells = cells[j]
        for index, number_value in numbers.get(number, ()):
            found.append(
                Finding(
                    number,
                    _column_name(headers, index),
                    "lost_precision",
                    f"the number {number_value:.15g} was stored by a spreadsheet as a "
                    "floating-point "
                    "number with more digits than it keeps (over 2^53): its last digits are "
                    f"lost, so '{row_cells[index]}' is not what the platform exported. Export "
                    "again and import the platform's own file (or format the column as text).",
                )
            )
        if code is not None:
            value = row_cells[code].strip()
            if _SCIENTIFIC.fullmatch(value):
                found.append(
                    Finding(
                        number,
                        _column_name(headers, code),
                        "scientific_notation",
                        f"the code '{value}' is a number in scientific notation: its digits "
                        "are lost. Import the platform's own export, not a copy saved by a "
                        "spreadsheet program.",
                    )
                )
            elif _FLOAT_CODE.fullmatch(value):
                found.append(
                    Finding(
                        number,
                        _column_name(headers, code),
                        "float_code",
                        f"the code '{value}' ends in '.0': a spreadsheet saved it as a "
                        "decimal number, so it will not match the code on the ticket.",
                    )
                )
            elif value.isdigit() and len(value) > 15 and value[15:].strip("0") == "":
                found.append(
                    Finding(
                        number,
                        _column_name(headers, code),
                        "lost_precision",
                        f"the code '{value}' ends in zeros after its 15th digit, as a "
                        "spreadsheet writes a long number it has rounded: its last digits are "
                        "probably lost.",
                    )
                )
        for index in text_columns:
            value = row_cells[index]
            if "?" in value and _REPLACED.search(value):
                how = (
                    f"the file's encoding ({table.encoding}) cannot hold letters such as ș ț ă, "
                    "and they were saved as '?'"
                    if single_byte
                    else "a '?' stands inside a word, where a letter was probably lost"
                )
                found.append(
                    Finding(
                        number,
                        _column_name(headers, index),
                        "replaced_letters",
                        f"'{value}': {how}. Export the file again as UTF-8 (or .xlsx).",
                    )
                )
        first, last = names[j]
        full = f"{first} {last}".strip()
        if len(full) > BADGE_NAME_LIMIT:
            found.append(
                Finding(
                    number,
                    _column_name(headers, _name_column(columns)),
                    "too_long_for_badge",
                    f"the name '{full[:60]}…' has {len(full)} characters; a badge prints at "
                    f"most {BADGE_NAME_LIMIT} legibly.",
                )
            )
        organization = organizations[j]
        if len(organization) > BADGE_ORGANIZATION_LIMIT:
            found.append(
                Finding(
                    number,
                    _column_name(headers, columns.get("organization")),
                    "too_long_for_badge",
                    f"the organisation '{organization[:60]}…' has {len(organization)} "
                    f"characters; a badge prints at most {BADGE_ORGANIZATION_LIMIT} legibly.",
                )
            )
    return found


def _rows_to_check(
    rows: list[int],
    cells: list[list[str]],
    names: list[tuple[str, str]],
    organizations: list[str],
    numbers: dict[int, list[tuple[int, float]]],
    code: int | None,
    text_columns: list[int],
) -> list[int]:
    """The indexes of the rows that may hold a finding (more, never fewer), found a column at a
    time: most rows of most files have none, and each row picked is checked in full."""
    picked = {j for j, number in enumerate(rows) if number in numbers} if numbers else set()
    if code is not None:
        picked.update(
            j for j, row in enumerate(cells)
            if "." in row[code] or "e" in row[code] or "E" in row[code] or len(row[code]) > 15
        )  # fmt: skip
    for index in text_columns:
        column = [row[index] for row in cells]
        if "?" in "\n".join(column):
            picked.update(j for j, value in enumerate(column) if "?" in value)
    picked.update(
        j for j, (first, last) in enumerate(names) if len(first) + len(last) >= BADGE_NAME_LIMIT
    )
    picked.update(
        j for j, organization in enumerate(organizations)
        if len(organization) > BADGE_ORGANIZATION_LIMIT
    )  # fmt: skip
    return sorted(picked)


def _name_column(columns: dict[str, int]) -> int | None:
    for fld in ("full_name", "last_name", "first_name"):
        if fld in columns:
            return columns[fld]
    return None


def _column_name(headers: list[str], index: int | None) -> str:
    if index is None:
        return ""
    header = headers[index] if index < len(headers) else ""
    return header or column_letter(index)
