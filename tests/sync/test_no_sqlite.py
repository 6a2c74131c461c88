"""The sync package sends no statement to the event file (issue 20, "one door"): what it reads
and merges there goes through kiosk/storage (storage/replica.py, the one merge bundles and the
hub share), and its PostgreSQL statements are kiosk/storage/hub.py's (docs/design.md, "The hub
protocol lives in kiosk/sync, its statements in kiosk/storage")."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "kiosk" / "sync"
_RAW_CALLS = {"execute", "executemany", "executescript", "query"}


def _write_blocks(scope: ast.AST) -> set[str]:
    """The names ``with ….write() as NAME`` binds in one function (or the module's own
    statements)."""
    names: set[str] = set()
    for node in ast.walk(scope):
        if isinstance(node, ast.With):
            for item in node.items:
                call, name = item.context_expr, item.optional_vars
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Attribute)
                    and call.func.attr == "write"
                    and isinstance(name, ast.Name)
                ):
                    names.add(name.id)
    return names


def sqlite_statements(source: str) -> list[str]:
    """Calls that send SQL to the event file: on a ``Database``'s ``conn``, on ``Database``
    itself (``query``), or on the connection a ``with db.write() as …`` block hands out in the
    same function; and transaction control written by hand."""
    tree = ast.parse(source)
    top = ast.Module(
        body=[n for n in tree.body if not isinstance(n, (ast.FunctionDef, ast.ClassDef))],
        type_ignores=[],
    )
    scopes = [top, *(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef))]
    found: set[str] = set()
    for scope in scopes:
        local = _write_blocks(scope) | {"db"}
        for node in ast.walk(scope):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                receiver = node.func.value
                on_file = (
                    isinstance(receiver, ast.Attribute) and receiver.attr in ("conn", "db")
                ) or (isinstance(receiver, ast.Name) and receiver.id in local)
                if node.func.attr in _RAW_CALLS and on_file:
                    found.add(ast.unparse(node)[:70])
            elif isinstance(node, ast.Constant) and node.value in ("BEGIN", "COMMIT", "ROLLBACK"):
                found.add(str(node.value))
    return sorted(found)


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_sync_sends_no_statement_to_the_event_file(path: Path) -> None:
    assert sqlite_statements(path.read_text(encoding="utf-8")) == []


def test_the_check_finds_each_way_of_reaching_the_file() -> None:
    assert sqlite_statements('row = self.db.conn.execute("SELECT 1").fetchone()') != []
    assert sqlite_statements('rows = db.query("SELECT at FROM scan")') != []
    assert sqlite_statements('with db.write() as local:\n    local.execute("DELETE FROM x")') != []
    assert sqlite_statements('conn.execute("BEGIN")') == ["BEGIN"]
    # The hub's statements, on a psycopg connection, are the protocol: not counted.
    assert sqlite_statements('conn.execute("SELECT 1 FROM hub_scan")') == []
