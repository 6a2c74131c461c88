"""SQL lives in kiosk/storage only (issue 20, "one door"): the reports package builds its tables
from storage's read models and writes no statement of its own, and nothing in it reaches for
the raw connection."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2] / "kiosk"

#: Packages that hold no SQL; the others are moved here as their statements go to storage.
CLEAN = ("reports",)

_STATEMENT = re.compile(
    r"\b(SELECT\b.+\bFROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|"
    r"CREATE\s+(TABLE|INDEX|VIEW|TRIGGER)|PRAGMA)\b",
    re.DOTALL,  # the project writes SQL in capitals; prose says "select … from"
)
_RAW_CALLS = {"execute", "executemany", "executescript", "query"}


def sql_in(source: str) -> list[str]:
    """The SQL statements and raw database calls in ``source``, as found."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if _STATEMENT.search(node.value):
                found.append(node.value.strip()[:60])
        elif isinstance(node, ast.JoinedStr):
            text = "".join(
                v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(
                    v.value, str)
            )  # fmt: skip
            if _STATEMENT.search(text):
                found.append(text.strip()[:60])
        elif isinstance(node, ast.Attribute) and (node.attr in _RAW_CALLS or node.attr == "conn"):
            found.append(f".{node.attr}")
    return found


@pytest.mark.parametrize(
    "path",
    [p for package in CLEAN for p in sorted((ROOT / package).rglob("*.py"))],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_the_package_holds_no_sql(path: Path) -> None:
    assert sql_in(path.read_text(encoding="utf-8")) == []


def test_the_check_finds_a_statement_and_a_raw_call() -> None:
    assert sorted(sql_in('rows = db.query("SELECT at FROM scan WHERE x = ?", (1,))')) == [
        ".query",
        "SELECT at FROM scan WHERE x = ?",
    ]
    assert sql_in('db.conn.execute(f"UPDATE attendee SET code = {x}")') != []
    assert sql_in('text = "Select the day from the list"') == []
