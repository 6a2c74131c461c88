"""The layers stay as docs/design.md draws them: checked on the source, so it cannot rot."""

from __future__ import annotations

import ast
import re
import sys
from functools import cache
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent / "kiosk"

# What each layer may import from the project (besides itself).
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "storage": {"core"},
    "importing": {"core", "storage"},
    "tickets": {"core", "assets", "reports"},
    "badges": {"core", "assets"},
    "printing": {"core", "assets", "badges"},
    "reports": {"core", "storage", "assets"},
    "sync": {"core", "storage", "reports", "tickets"},  # tickets: checking revocation lists
    "app": {
        "assets",
        "core",
        "storage",
        "importing",
        "reports",
        "tickets",
        "demo_data",
        "badges",
        "printing",
        "sync",
    },
    # ui and cli: see test_the_front_ends_go_through_the_door (grimp, with a shrinking allowlist).
}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def modules(layer: str) -> list[Path]:
    return sorted((ROOT / layer).rglob("*.py"))


@pytest.mark.parametrize("path", modules("core"), ids=lambda p: p.name)
def test_core_imports_only_the_standard_library(path: Path) -> None:
    for name in imports_of(path):
        top = name.split(".")[0]
        assert top in sys.stdlib_module_names or name.startswith("kiosk.core"), (
            f"{path.name} imports {name}"
        )


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_each_layer_imports_only_the_layers_below_it(layer: str) -> None:
    for path in modules(layer):
        for name in imports_of(path):
            parts = name.split(".")
            if parts[0] != "kiosk" or len(parts) < 2:
                continue
            assert parts[1] in ALLOWED[layer] | {layer}, f"{path.relative_to(ROOT)} imports {name}"


def test_only_the_ui_imports_qt_widgets() -> None:
    for path in ROOT.rglob("*.py"):
        if "ui" in path.relative_to(ROOT).parts:
            continue
        for name in imports_of(path):
            assert not name.startswith("PySide6.QtWidgets"), (
                f"{path.relative_to(ROOT)} imports {name}"
            )
            if "printing" not in path.relative_to(ROOT).parts:
                assert not name.startswith("PySide6"), f"{path.relative_to(ROOT)} imports {name}"


# ---------------------------------------------------------------------------------------------
# The one door (issue 20): the front ends import only kiosk.app, kiosk.core, kiosk.assets and
# themselves; the command line also the windows' launcher, kiosk.ui.app ('kiosk gui', and the
# Qt half of 'kiosk self-test' through it), and no other module of kiosk.ui.
# grimp reads every import, those inside functions and under TYPE_CHECKING too.

#: What each front end may import from the project besides itself.
FRONT_END_MAY_IMPORT: dict[str, tuple[str, ...]] = {
    "ui": ("kiosk.app", "kiosk.core", "kiosk.assets"),
    "cli": ("kiosk.app", "kiosk.core", "kiosk.assets", "kiosk.ui.app"),
}

#: The bypasses that remain, (importer, imported) without the "kiosk." prefix, each with who
#: removes it. Empty since the session that opened the door (issue 20); it may only shrink: a
#: new bypass fails the test, and so does an entry whose import is gone.
BYPASSES: dict[tuple[str, str], str] = {}


@cache
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("kiosk", cache_dir=None)


def bypasses() -> set[tuple[str, str]]:
    found = set()
    for front_end, allowed in FRONT_END_MAY_IMPORT.items():
        own = f"kiosk.{front_end}"
        for importer in graph().find_descendants(own) | {own}:
            for imported in graph().find_modules_directly_imported_by(importer):
                if imported == "kiosk" or imported == own or imported.startswith(own + "."):
                    continue
                if any(imported == a or imported.startswith(a + ".") for a in allowed):
                    continue
                found.add((importer.removeprefix("kiosk."), imported.removeprefix("kiosk.")))
    return found


def test_the_front_ends_go_through_the_door() -> None:
    new = sorted(bypasses() - set(BYPASSES))
    assert new == [], "ui/cli must reach storage and the feature packages through kiosk.app"


def test_the_list_of_remaining_bypasses_only_shrinks() -> None:
    gone = sorted(set(BYPASSES) - bypasses())
    assert gone == [], "these bypasses are gone: remove them from BYPASSES"


def test_grimp_sees_imports_inside_functions() -> None:
    # kiosk.cli.main imports the windows only inside 'kiosk gui' (a check-in never loads Qt):
    # the graph must still have the edge, or the door test would be blind to lazy imports.
    assert "kiosk.ui.app" in graph().find_modules_directly_imported_by("kiosk.cli.main")


# ---------------------------------------------------------------------------------------------
# SQL only in kiosk/storage (issue 20), with one calling convention (docs/design.md, "Calling
# storage"): outside storage no module holds an SQL statement or calls execute/query itself.

_STATEMENT = re.compile(
    r"\b(SELECT\b.+\bFROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|"
    r"CREATE\s+(TEMP\s+)?(TABLE|INDEX|VIEW|TRIGGER|SCHEMA|SEQUENCE)|DROP\s+(TABLE|SCHEMA)|"
    r"ALTER\s+TABLE|COPY\s+\w+.*\b(FROM|TO)\s+STDIN|SET\s+(LOCAL\s+)?\w+\s*(=\s*\w+|TO\b)|"
    r"PRAGMA)\b",
    re.DOTALL,  # the project writes SQL in capitals; prose says "select … from"
)
#: Raw calls: the drivers' (sqlite3, psycopg) and Database.query; psycopg's sql.SQL composes one.
_RAW_CALLS = {"execute", "executemany", "executescript", "query", "SQL"}

#: Modules outside storage that still hold SQL: none since the hub's PostgreSQL statements moved
#: to kiosk/storage/hub.py (issue 20). A module that needs SQL calls a storage function.
SQL_OUTSIDE_STORAGE: dict[str, str] = {}


def sql_in(source: str) -> list[str]:
    """The SQL statements and raw execute/query calls in ``source``."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if _STATEMENT.search(node.value):
                found.append(node.value.strip()[:60])
        elif isinstance(node, ast.JoinedStr):
            text = "".join(
                v.value for v in node.values
                if isinstance(v, ast.Constant) and isinstance(v.value, str)
            )  # fmt: skip
            if _STATEMENT.search(text):
                found.append(text.strip()[:60])
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in _RAW_CALLS
        ):
            found.append(f".{node.func.attr}(…)")
    return found


def modules_with_sql() -> set[str]:
    return {
        str(path.relative_to(ROOT))
        for path in ROOT.rglob("*.py")
        if path.relative_to(ROOT).parts[0] != "storage"
        and sql_in(path.read_text(encoding="utf-8"))
    }


def test_sql_stays_in_storage() -> None:
    assert sorted(modules_with_sql() - set(SQL_OUTSIDE_STORAGE)) == []


def test_the_list_of_modules_with_sql_only_shrinks() -> None:
    gone = sorted(set(SQL_OUTSIDE_STORAGE) - modules_with_sql())
    assert gone == [], "these modules hold no SQL any more: remove them from SQL_OUTSIDE_STORAGE"


def test_the_sql_check_finds_statements_and_raw_calls_not_prose() -> None:
    assert sorted(sql_in('rows = db.query("SELECT at FROM scan WHERE x = ?", (1,))')) == [
        ".query(…)",
        "SELECT at FROM scan WHERE x = ?",
    ]
    assert sql_in('conn.execute(f"UPDATE attendee SET code = {x}")') != []
    assert sql_in('text = "Select the day from the list"') == []
    assert sql_in("attendees.find_by_code(db.conn, code)") == []  # passing a step its conn
    # The hub's PostgreSQL: psycopg's composed statements, COPY, session settings.
    assert sql_in('q = sql.SQL("SELECT {} FROM hub_scan").format(cols)') != []
    assert sql_in('cur.copy("COPY hub_stage (uid, at) FROM STDIN")') != []
    assert sql_in('text = "SET statement_timeout = 1000"') != []
    assert sql_in('text = "SET LOCAL search_path TO kiosk_hub"') != []
    assert sql_in('text = "CREATE TEMP TABLE hub_roster_known (uid text)"') != []
    assert sql_in('text = "Set the printer to the right paper"') == []


def test_the_sql_check_finds_the_hub_statements_that_were_in_sync() -> None:
    """Before issue 20 the hub's statements lived in kiosk/sync: the check finds them there
    (so an empty SQL_OUTSIDE_STORAGE means the move was made, not that the check went blind)."""
    old = Path(__file__).parent / "data" / "architecture" / "sync_hub_before_issue20.py.txt"
    found = sql_in(old.read_text(encoding="utf-8"))
    assert len(found) >= 20 and any("hub_scan" in f for f in found)


# ---------------------------------------------------------------------------------------------
# One calling convention (docs/design.md, "Calling storage"): outside kiosk/storage no module
# touches a Database's raw connection. A step gets its connection from ``with db.write() as
# conn:`` or ``with db.read() as conn:``, which word any sqlite3 error for staff.


def raw_connections_in(source: str) -> list[int]:
    """The lines of ``source`` that read an attribute named ``conn`` (``db.conn``,
    ``self.db.conn``, ``desk.db.conn``)."""
    return sorted(
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Attribute) and node.attr == "conn"
    )


def test_no_module_outside_storage_hands_a_step_the_raw_connection() -> None:
    found = {
        str(path.relative_to(ROOT)): lines
        for path in ROOT.rglob("*.py")
        if path.relative_to(ROOT).parts[0] != "storage"
        and (lines := raw_connections_in(path.read_text(encoding="utf-8")))
    }
    assert found == {}, "use 'with db.read() as conn:' (or db.write()) instead of db.conn"


def test_the_raw_connection_check_sees_db_conn_and_not_a_block_s_connection() -> None:
    assert raw_connections_in("attendees.find_by_code(self.db.conn, code)") == [1]
    assert raw_connections_in("conn = db.conn") == [1]
    assert raw_connections_in(
        "with db.read() as conn:\n    attendees.find_by_code(conn, code)"
    ) == []
