"""The import reads files and decides; only kiosk.storage speaks SQL (issue 20): no module of
kiosk/importing imports sqlite3 or holds an SQL statement."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "kiosk" / "importing"
SQL = re.compile(
    r"\b(SELECT\s.+\sFROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|"
    r"CREATE\s+(TABLE|INDEX)|PRAGMA\s)",
    re.DOTALL,  # the project writes SQL keywords in capitals; prose is not matched
)


def test_the_pattern_finds_a_statement() -> None:
    assert SQL.search("SELECT id FROM attendee WHERE code = ?")
    assert SQL.search("UPDATE attendee SET status = 'cancelled' WHERE id = ?")
    assert not SQL.search("select the sheet from the workbook")


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_no_sql_in_the_import(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            assert all(a.name != "sqlite3" for a in node.names), f"{path.name} imports sqlite3"
        elif isinstance(node, ast.ImportFrom):
            assert node.module != "sqlite3", f"{path.name} imports from sqlite3"
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            found = SQL.search(node.value)
            assert found is None, f"{path.name} line {node.lineno}: {found.group(0)!r}"
