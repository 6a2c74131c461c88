"""Helpers that write registration files the way the tools organizers use write them."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from pathlib import Path

import openpyxl
import pytest

WriteCsv = Callable[..., Path]
WriteXlsx = Callable[..., Path]


def csv_text(rows: Sequence[Sequence[str]], delimiter: str = ",") -> str:
    """Rows as CSV text (Excel's dialect: CRLF, quotes only where needed)."""
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


@pytest.fixture
def write_csv(tmp_path: Path) -> WriteCsv:
    """``write_csv(rows_or_text, encoding="utf-8", delimiter=",", name="registrations.csv")``."""

    def write(
        content: Sequence[Sequence[str]] | str | bytes,
        *,
        encoding: str = "utf-8",
        delimiter: str = ",",
        name: str = "registrations.csv",
    ) -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
            return path
        text = content if isinstance(content, str) else csv_text(content, delimiter)
        path.write_bytes(text.encode(encoding))
        return path

    return write


@pytest.fixture
def write_xlsx(tmp_path: Path) -> WriteXlsx:
    """``write_xlsx({"Sheet": rows, ...}, name="registrations.xlsx", hidden=())``; rows may hold
    any cell values openpyxl accepts (numbers, dates, None)."""

    def write(
        sheets: dict[str, Sequence[Sequence[object]]],
        *,
        name: str = "registrations.xlsx",
        hidden: Sequence[str] = (),
    ) -> Path:
        workbook = openpyxl.Workbook()
        workbook.remove(workbook.active)
        for title, rows in sheets.items():
            sheet = workbook.create_sheet(title)
            for row in rows:
                sheet.append(list(row))
            if title in hidden:
                sheet.sheet_state = "hidden"
        path = tmp_path / name
        workbook.save(path)
        return path

    return write
