"""SQL lives in kiosk/storage only (issue 20): the packages and modules listed here hold no SQL
statement and call no ``execute`` — they ask storage. Checked on the source, so it cannot rot;
a package joins the list when its queries have moved to storage."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "kiosk"

#: Free of SQL: whole packages, and the app modules of printing, badges, slips and tickets.
CLEAN = (
    "badges",
    "printing",
    "tickets",
    "app/printing.py",
    "app/badging.py",
    "app/slips.py",
    "app/tickets.py",
)

SQL = re.compile(
    r"\b(SELECT\s.+\sFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+TABLE)\b",
    re.IGNORECASE | re.DOTALL,
)


def sources() -> list[Path]:
    found: list[Path] = []
    for entry in CLEAN:
        path = ROOT / entry
        found.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    return found


def sql_in(path: Path) -> list[str]:
    """The SQL-looking string constants and ``execute``/``executemany`` calls of a module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if SQL.search(node.value):
                found.append(f"line {node.lineno}: {node.value[:60]!r}")
        elif isinstance(node, ast.Attribute) and node.attr in ("execute", "executemany", "query"):
            found.append(f"line {node.lineno}: .{node.attr}(")
    return found


@pytest.mark.parametrize("path", sources(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_sql_outside_storage(path: Path) -> None:
    assert sql_in(path) == []


def test_the_check_finds_a_query(tmp_path: Path) -> None:
    module = tmp_path / "module.py"
    module.write_text(
        'def names(db):\n    return db.conn.execute("SELECT name FROM attendee").fetchall()\n',
        encoding="utf-8",
    )
    assert len(sql_in(module)) == 2  # the statement and the call
