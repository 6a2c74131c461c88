"""A one-shot command loads only what it uses.

``kiosk checkin`` runs once per scan in scripts and at paper-sheet catch-up; the desk laptop is
old and busy. Its process must not import the spreadsheet writer, the PostgreSQL driver, the
cryptography library, Qt, the imaging libraries or the import, report, badge, printing and sync
code (issue "Fast on a venue laptop"). Commands of the other ``kiosk.cli`` modules are loaded when
one of them runs, from the table in ``kiosk.cli.main``. ``kiosk --version`` loads not even click,
and the desk window is painted before the sync, printing and imaging code is loaded.
"""

from __future__ import annotations

import importlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kiosk import __version__
from kiosk.cli import main as cli_main
from kiosk.cli import version_text

HEAVY = (
    "openpyxl",
    "psycopg",
    "cryptography",
    "PySide6",
    "PIL",
    "qrcode",
    "fpdf",
    "escpos",
    "zxingcpp",
    "sqlite_utils",
    "kiosk.importing",  # the registration and meeting-schedule readers
    "kiosk.reports",
    "kiosk.badges",
    "kiosk.printing",
    "kiosk.tickets",
    "kiosk.sync",
    "kiosk.ui",
)

#: Runs the command line as the ``kiosk`` script does (:func:`kiosk.cli.run`), then names every
#: module loaded.
PROBE = """
import json, sys
from kiosk.cli import run
sys.argv = ["kiosk", *json.loads(sys.argv[1])]
try:
    run()
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def run_probe(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(list(args))],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip


def modules_loaded_by(*args: str) -> set[str]:
    return set(json.loads(run_probe(*args).stderr.strip().splitlines()[-1]))


def heavy_in(loaded: set[str]) -> list[str]:
    return sorted(
        name for name in loaded if any(name == h or name.startswith(h + ".") for h in HEAVY)
    )


def a_code(db: Path) -> str:
    result = CliRunner().invoke(cli_main.cli, ["--db", str(db), "search", "a", "--json"])
    found: list[dict[str, str]] = json.loads(result.output)
    return found[0]["code"]


def test_checkin_loads_none_of_the_heavy_libraries(demo: Path) -> None:
    loaded = modules_loaded_by("--db", str(demo), "checkin", a_code(demo), "--json")
    assert "kiosk.app.checkin" in loaded  # the probe really ran a check-in
    assert heavy_in(loaded) == []
    assert "kiosk.app.meetings" in loaded  # the demo has B2B meetings: they are shown


@pytest.mark.parametrize("command", [["checkin", "{code}", "--json"], ["search", "ivan"]])
def test_a_plain_checkin_or_search_does_not_load_click(demo: Path, command: list[str]) -> None:
    """Click and the whole command line cost as much as starting Python (kiosk.cli.fast)."""
    code = a_code(demo)
    loaded = modules_loaded_by("--db", str(demo), *(a.format(code=code) for a in command))
    assert "kiosk.app.door" in loaded  # the probe really opened the event
    assert not {"click", "kiosk.cli.main", "kiosk.cli.options"} & loaded


def test_checkin_at_an_event_without_meetings_does_not_load_the_meetings_service(
    demo: Path,
) -> None:
    code = a_code(demo)
    with sqlite3.connect(demo) as conn:
        conn.execute("DELETE FROM meeting_mark")
        conn.execute("DELETE FROM meeting")
    loaded = modules_loaded_by("--db", str(demo), "checkin", code, "--json")
    assert "kiosk.app.checkin" in loaded
    assert not {"kiosk.app.meetings", "kiosk.cli.meetings", "kiosk.core.meetings"} & loaded


def test_checkin_of_someone_with_meetings_does_not_load_the_country_table(demo: Path) -> None:
    """The meetings a check-in shows need no country pair (the report's and the board's): the
    country table, about 13 ms to load, stays out of a one-shot check-in."""
    with sqlite3.connect(demo) as conn:
        code = conn.execute(
            "SELECT a.code FROM attendee a JOIN meeting m ON m.a_uid = a.uid "
            "WHERE a.status = 'active' LIMIT 1"
        ).fetchone()[0]
    done = run_probe("--db", str(demo), "checkin", code, "--json")
    loaded = set(json.loads(done.stderr.strip().splitlines()[-1]))
    assert "kiosk.app.meetings" in loaded  # the probe really read the person's meetings
    assert "kiosk.core.countries" not in loaded


def test_checkin_of_someone_without_meetings_does_not_load_the_meetings_service(
    demo: Path,
) -> None:
    """At an event with B2B meetings most people have none: their check-in shows none, and
    loads no meetings code (one indexed question to the file instead)."""
    with sqlite3.connect(demo) as conn:
        code = conn.execute(
            "SELECT code FROM attendee WHERE status = 'active' AND uid NOT IN "
            "(SELECT a_uid FROM meeting WHERE a_uid IS NOT NULL UNION "
            "SELECT b_uid FROM meeting WHERE b_uid IS NOT NULL) LIMIT 1"
        ).fetchone()[0]
    done = run_probe("--db", str(demo), "checkin", code, "--json")
    loaded = set(json.loads(done.stderr.strip().splitlines()[-1]))
    assert "kiosk.app.checkin" in loaded
    assert not {"kiosk.app.meetings", "kiosk.core.meetings"} & loaded
    assert json.loads(done.stdout)["meetings"] == []


def test_version_is_answered_before_the_command_line_is_loaded() -> None:
    """``kiosk --version`` alone: no click, no command module, not even the storage."""
    done = run_probe("--version")
    loaded = set(json.loads(done.stderr.strip().splitlines()[-1]))
    assert not {"click", "kiosk.cli.main", "kiosk.storage", "sqlite3"} & loaded
    assert done.stdout == version_text() + "\n"
    assert done.stdout.startswith(f"kiosk {__version__} (")


def test_version_after_other_options_says_the_same() -> None:
    result = CliRunner().invoke(cli_main.cli, ["--db", "x.db", "--version"])
    assert result.exit_code == 0
    assert result.output == version_text() + "\n"


@pytest.mark.parametrize("args", [["--version"], ["search", "ivan"], ["lists"]])
def test_other_one_shot_commands_stay_light_too(demo: Path, args: list[str]) -> None:
    loaded = modules_loaded_by("--db", str(demo), *args)
    assert heavy_in(loaded) == []


def test_the_lazy_table_names_exactly_the_commands_each_module_registers() -> None:
    registered: dict[str, str] = {}
    for module_name in sorted(set(cli_main.LAZY_COMMANDS.values())):
        module = importlib.import_module(f"kiosk.cli.{module_name}")
        group = click.Group()
        module.register(group, cli_main.pass_state)
        for command in group.commands:
            registered[command] = module_name
    assert registered == cli_main.LAZY_COMMANDS
    own = {
        name
        for name, command in cli_main.cli.commands.items()
        if command.callback is not None and command.callback.__module__ == cli_main.__name__
    }
    assert not set(registered) & own  # no name defined twice


def test_every_command_is_listed_and_runs_its_help() -> None:
    runner = CliRunner()
    listed = runner.invoke(cli_main.cli, ["--help"])
    assert listed.exit_code == 0
    for name in cli_main.LAZY_COMMANDS:
        assert f"  {name}" in listed.output
        shown = runner.invoke(cli_main.cli, [name, "--help"])
        assert shown.exit_code == 0, (name, shown.output)


def test_every_command_module_is_in_the_lazy_table() -> None:
    """A new ``kiosk.cli`` module with commands must be named in the table, or its commands
    would never be found."""
    folder = Path(cli_main.__file__).parent
    with_commands = {
        path.stem for path in folder.glob("*.py") if "\ndef register(" in path.read_text("utf-8")
    }
    assert with_commands == set(cli_main.LAZY_COMMANDS.values())


@pytest.mark.parametrize(
    "where",
    [
        ["--db", "{db}", "search", "a", "--json"],
        ["search", "a", "--db", "{db}", "--json"],
        ["search", "a", "--json", "--db={db}"],
    ],
)
def test_db_is_accepted_before_or_after_the_command_name(demo: Path, where: list[str]) -> None:
    args = [a.replace("{db}", str(demo)) for a in where]
    result = CliRunner().invoke(cli_main.cli, args, env={"KIOSK_DB": ""})
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)


def test_an_argument_after_the_double_dash_is_left_alone() -> None:
    assert cli_main.hoist_db_option(["search", "--", "--db", "x"]) == ["search", "--", "--db", "x"]
    assert cli_main.hoist_db_option(["checkin", "C", "--db", "e.db"]) == [
        "--db", "e.db", "checkin", "C",
    ]  # fmt: skip


#: Opens the desk window as ``kiosk gui`` does and names every module loaded when the window is
#: first painted.
DESK_PROBE = """
import json, os, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject
from kiosk.ui.app import DeskApp, qt_application

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(json.dumps(sorted(sys.modules)), flush=True)
            os._exit(0)
        return False

app = qt_application(["kiosk-gui"])
desk = DeskApp(app, Path(sys.argv[1]), "en")
watcher = FirstPaint()
app.installEventFilter(watcher)
desk.start()
app.exec()
"""

#: Not needed to show the desk window: the sync (psycopg), badge, printing, ticket, report, import
#: and meetings code is loaded after its first paint, or when first used.
DESK_LATER = (
    "openpyxl",
    "psycopg",
    "cryptography",
    "PIL",
    "qrcode",
    "fpdf",
    "escpos",
    "zxingcpp",
    "kiosk.badges",
    "kiosk.printing",
    "kiosk.tickets",
    "kiosk.sync",
    "kiosk.reports",
    "kiosk.importing.service",
    "kiosk.app.meetings",
    "kiosk.ui.sync_backend",
    "kiosk.ui.print_backend",
)


def test_the_desk_window_is_painted_before_the_heavy_libraries_are_loaded(demo: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", DESK_PROBE, str(demo)],
        capture_output=True, text=True, timeout=120, check=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )  # fmt: skip
    loaded = set(json.loads(done.stdout.strip().splitlines()[-1]))
    assert "kiosk.ui.mainwindow" in loaded  # the probe really painted the desk window
    assert (
        sorted(
            name
            for name in loaded
            if any(name == h or name.startswith(h + ".") for h in DESK_LATER)
        )
        == []
    )


#: Starts the desk as ``kiosk gui`` does (a window first, the event after it is painted) and
#: names the modules loaded when that first window is painted, then when the desk window is.
WINDOW_FIRST_PROBE = """
import json, os, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject
from kiosk.ui.app import DeskApp, qt_application

seen = {}

class Painted(QObject):
    def __init__(self, label):
        super().__init__()
        self.label = label

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and self.label not in seen:
            seen[self.label] = sorted(sys.modules)
            if self.label == "desk":
                starting_closed = not first.isVisible()
                same_place = watched.pos() == first.pos()
                answer = {**seen, "closed": starting_closed, "place": same_place,
                          "desk": type(watched).__name__, "loaded": seen["desk"]}
                print(json.dumps(answer), flush=True)  # os._exit below flushes nothing
                os._exit(0)
        return False

app = qt_application(["kiosk-gui"])
desk = DeskApp(app, Path(sys.argv[1]), "en", window_first=True)
on_first, on_desk = Painted("first"), Painted("desk")
desk.on_desk_window = lambda window: window.installEventFilter(on_desk)
desk.start()
first = desk.starting
first.installEventFilter(on_first)
app.exec()
"""


def test_kiosk_gui_paints_a_window_before_it_opens_the_event(demo: Path) -> None:
    """The first window is on screen before the desk window, the door, the check-in code or
    even SQLite are loaded; the desk window then takes its place."""
    done = subprocess.run(
        [sys.executable, "-c", WINDOW_FIRST_PROBE, str(demo)],
        capture_output=True, text=True, timeout=120, check=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )  # fmt: skip
    found = json.loads(done.stdout.strip().splitlines()[-1])
    at_first = set(found["first"])
    assert "kiosk.ui.app" in at_first
    later = {"kiosk.ui.mainwindow", "kiosk.app.door", "kiosk.app.checkin", "kiosk.storage.database"}
    assert not (later | {"sqlite3"}) & at_first
    assert later <= set(found["loaded"])  # then the desk window is built on the event
    assert found["desk"] == "MainWindow"
    assert found["closed"] and found["place"]


def test_whether_a_person_has_meetings_is_asked_on_both_sides_of_a_meeting(demo: Path) -> None:
    from kiosk.app import open_desk

    with sqlite3.connect(demo) as conn:
        people = [r[0] for r in conn.execute("SELECT uid FROM attendee")]
        a_side = {r[0] for r in conn.execute("SELECT a_uid FROM meeting")}
        b_side = {r[0] for r in conn.execute("SELECT b_uid FROM meeting")}
    assert b_side - a_side  # some people are on the b side only
    with open_desk(demo) as desk:
        answers = {uid: desk.has_meetings(uid) for uid in people}
    assert answers == {uid: uid in a_side | b_side for uid in people}
