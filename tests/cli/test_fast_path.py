"""``kiosk checkin`` and ``kiosk search`` answer without click, and say exactly what click says.

A plain check-in or search is read by :mod:`kiosk.cli.fast` (issue "Fast on a venue laptop":
click and the whole command line cost a one-shot check-in as much as starting Python). The
reference for every answer here is click itself, not text written by us: each command line is
run twice on the same pristine event file — once as the ``kiosk`` command runs it
(:func:`kiosk.cli.run`) and once straight through click (:func:`kiosk.cli.main.main`) — and the
two must print the same lines on stdout and stderr and end with the same exit status. Scan ids
(random UUIDs) are the only text set aside. A command line that is not plain must reach click
(the probe reports whether click was loaded).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from kiosk.cli import fast
from kiosk.cli import main as cli_main

#: As the ``kiosk`` script runs (kiosk.cli.run); reports to $PROBE_OUT whether click was loaded.
AS_KIOSK = """
import json, os, sys
from kiosk.cli import run
sys.argv = ["kiosk", *json.loads(sys.argv[1])]
try:
    run()
finally:
    with open(os.environ["PROBE_OUT"], "w") as out:
        json.dump("click" in sys.modules, out)
"""

#: Straight through click, as the ``kiosk`` command ran before it had a fast path.
THROUGH_CLICK = """
import json, sys
from kiosk.cli.main import main
sys.argv = ["kiosk", *json.loads(sys.argv[1])]
main()
"""

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
#: A scan time to the microsecond, as a scan made "now" records it (the two runs' differ).
NOW = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+[+-]\d\d:\d\d")
#: A scan time given with --at: a minute ago (a scan may not be in the future), the same for
#: both runs.
AT = (datetime.now(UTC) - timedelta(minutes=1)).strftime("%Y-%m-%dT%H:%M+00:00")


@dataclass(frozen=True)
class Answer:
    status: int
    stdout: str
    stderr: str
    used_click: bool | None = None


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo event (120 people, B2B meetings, the morning's first check-ins made)."""
    db = tmp_path_factory.mktemp("pristine") / "event.db"
    result = CliRunner().invoke(
        cli_main.cli, ["--db", str(db), "demo", "--attendees", "120"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="module")
def codes(pristine: Path) -> dict[str, str]:
    """Ticket codes of the demo: one not checked in yet, one already in, one cancelled, and
    one of a person with B2B meetings."""
    result = CliRunner().invoke(
        cli_main.cli, ["--db", str(pristine), "search", "a", "--json", "--limit", "500"]
    )
    found = json.loads(result.output)
    new = next(p for p in found if not p["checked_in_today"] and p["status"] == "active")
    inside = next(p for p in found if p["checked_in_today"])
    cancelled = next(p for p in found if p["status"] == "cancelled")
    return {"new": new["code"], "inside": inside["code"], "cancelled": cancelled["code"]}


def run(
    script: str, args: list[str], event: Path, pristine: Path, env: dict[str, str] | None = None
) -> Answer:
    """One process on a fresh copy of the pristine event file (at the same path each time, so
    that the kiosk is the same one)."""
    shutil.copyfile(pristine, event)
    for suffix in ("-wal", "-shm"):
        Path(f"{event}{suffix}").unlink(missing_ok=True)
    probe = event.with_suffix(".probe")
    probe.unlink(missing_ok=True)
    done = subprocess.run(
        [sys.executable, "-c", script, json.dumps(args)],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "PROBE_OUT": str(probe), **(env or {})},
    )  # fmt: skip
    used = json.loads(probe.read_text()) if probe.exists() else None
    stdout = NOW.sub("<time>", UUID.sub("<uuid>", done.stdout))
    return Answer(done.returncode, stdout, done.stderr, used)


def both(
    args: list[str], tmp_path: Path, pristine: Path, env: dict[str, str] | None = None
) -> tuple[Answer, Answer]:
    event = tmp_path / "event.db"
    line = [a.replace("{db}", str(event)) for a in args]
    kiosk = run(AS_KIOSK, line, event, pristine, env)
    click = run(THROUGH_CLICK, line, event, pristine, env)
    assert (kiosk.status, kiosk.stdout, kiosk.stderr) == (click.status, click.stdout, click.stderr)
    return kiosk, click


PLAIN = {
    "admitted, JSON": (["--db", "{db}", "checkin", "{new}", "--json", "--at", AT], 0),
    "admitted, text": (["--db", "{db}", "checkin", "{new}", f"--at={AT}"], 0),
    "admitted now": (["--db", "{db}", "checkin", "{new}", "--json"], 0),
    "already in": (["checkin", "{inside}", "--db", "{db}"], 1),
    "already in, JSON": (["checkin", "--json", "{inside}", "--db={db}"], 1),
    "cancelled": (["--db", "{db}", "checkin", "{cancelled}", "--json"], 1),
    "unknown code": (["--db", "{db}", "checkin", "NO-SUCH-CODE"], 1),
    "unknown code, JSON": (["--db", "{db}", "checkin", "NOSUCHCODE", "--json"], 1),
    "every option": (
        [
            "--db",
            "{db}",
            "checkin",
            "{inside}",
            "--list",
            "1",
            "--kiosk",
            "Desk 2",
            "--at",
            AT,
            "--operator",
            "Ana",
            "--force",
            "--reason",
            "badge lost",
            "--how",
            "scanned",
            "--json",
        ],
        0,
    ),
    "exit with no entry on the list": (
        ["--db", "{db}", "checkin", "{inside}", "--exit", "--at", AT],
        1,
    ),
    "forced exit": (["--db", "{db}", "checkin", "{inside}", "--exit", "--force"], 2),
    "no such list": (["--db", "{db}", "checkin", "{new}", "--list", "99999"], 2),
    "no database": (["--db", "{db}.missing", "checkin", "{new}", "--json"], 2),
    "search, text": (["--db", "{db}", "search", "ivanov"], 0),
    "search, Cyrillic": (["--db", "{db}", "search", "Иван", "--limit", "3"], 0),
    "search, JSON": (["search", "stefanescu", "--json", "--db", "{db}", "--limit=5"], 0),
    "search, nobody": (["--db", "{db}", "search", "zzzzqqq"], 0),
    "search, no database": (["--db", "{db}.missing", "search", "ana"], 2),
}


@pytest.mark.parametrize("case", list(PLAIN))
def test_a_plain_command_line_runs_without_click_and_says_what_click_says(
    case: str, tmp_path: Path, pristine: Path, codes: dict[str, str]
) -> None:
    args, status = PLAIN[case]
    line = [a.format(db="{db}", **codes) for a in args]
    kiosk, _ = both(line, tmp_path, pristine)
    assert kiosk.status == status, kiosk
    assert kiosk.used_click is False
    assert kiosk.stdout or kiosk.stderr


def test_the_database_from_the_environment(
    tmp_path: Path, pristine: Path, codes: dict[str, str]
) -> None:
    event = tmp_path / "event.db"
    kiosk, _ = both(["checkin", codes["new"]], tmp_path, pristine, {"KIOSK_DB": str(event)})
    assert kiosk.status == 0 and kiosk.used_click is False


def test_a_file_that_is_no_event_database(tmp_path: Path, codes: dict[str, str]) -> None:
    """The environment error's one clear line (exit status 2), as click's path ends it."""
    junk = tmp_path / "junk"
    junk.write_bytes(b"registrations.xlsx, not an event" * 100)
    kiosk, _ = both(["--db", "{db}", "checkin", codes["new"]], tmp_path, junk)
    assert kiosk.status == 2 and kiosk.stderr.startswith("Error: ")
    assert kiosk.used_click is False


FOR_CLICK = {
    "bad --at": (["--db", "{db}", "checkin", "{new}", "--at", "yesterday"], 2),
    "help": (["--db", "{db}", "checkin", "--help"], 0),
    "short help": (["search", "-h"], 0),
    "no code": (["--db", "{db}", "checkin"], 2),
    "two codes": (["--db", "{db}", "checkin", "{new}", "{inside}"], 2),
    "unknown option": (["--db", "{db}", "checkin", "{new}", "--bogus"], 2),
    "value for a flag": (["--db", "{db}", "checkin", "{new}", "--json=yes"], 2),
    "no value": (["--db", "{db}", "checkin", "{new}", "--list"], 2),
    "list not a number": (["--db", "{db}", "checkin", "{new}", "--list", "one"], 2),
    "unknown --how": (["--db", "{db}", "checkin", "{new}", "--how", "scanner"], 2),
    "limit not a number": (["--db", "{db}", "search", "ana", "--limit", "x"], 2),
    "negative limit": (["--db", "{db}", "search", "ana", "--limit", "-1"], 0),
    "double dash": (["--db", "{db}", "search", "--", "-ana"], 0),
    "folder as --db": (["--db", "{folder}", "checkin", "{new}"], 2),
    "two --db": (["--db", "{db}", "search", "ana", "--db", "{db}"], 0),
    "version after --db": (["--db", "{db}", "--version"], 0),
    "another command": (["--db", "{db}", "stats"], 0),
}


@pytest.mark.parametrize("case", list(FOR_CLICK))
def test_any_other_command_line_is_answered_by_click(
    case: str, tmp_path: Path, pristine: Path, codes: dict[str, str]
) -> None:
    args, status = FOR_CLICK[case]
    line = [a.format(db="{db}", folder=str(tmp_path), **codes) for a in args]
    kiosk, _ = both(line, tmp_path, pristine)
    assert kiosk.status == status, kiosk
    assert kiosk.used_click is True


def test_the_fast_path_reads_exactly_the_options_of_the_click_commands() -> None:
    """A new option on ``kiosk checkin`` or ``kiosk search`` must be taught to the fast path
    (or it would send every line with it to click, slowly but correctly)."""
    for name, (values, flags) in fast.COMMANDS.items():
        command = cli_main.cli.commands[name]
        options = [p for p in command.params if p.param_type_name == "option"]
        clicks_values = {
            o: p.name for p in options if not getattr(p, "is_flag", False) for o in p.opts
        }
        clicks_flags = {o: p.name for p in options if getattr(p, "is_flag", False) for o in p.opts}
        clicks_flags = {o: n for o, n in clicks_flags.items() if o not in ("-h", "--help")}
        assert {o: k for o, (k, _) in values.items()} == clicks_values, name
        assert flags == clicks_flags, name


#: As AS_KIOSK and THROUGH_CLICK, with a bug planted in the search (an unexpected exception).
BUG = """
import kiosk.cli.search
def broken(*args, **kwargs):
    raise RuntimeError("planted bug")
kiosk.cli.search.search = broken
"""


def test_a_bug_ends_both_paths_alike_with_its_log_file(tmp_path: Path, pristine: Path) -> None:
    """Exit status 3 and the log file named, never a traceback (kiosk.cli.terminal.failed)."""
    event = tmp_path / "event.db"
    line = ["--db", str(event), "search", "ana"]
    kiosk = run(BUG + AS_KIOSK, line, event, pristine)
    click = run(BUG + THROUGH_CLICK, line, event, pristine)
    assert (kiosk.status, kiosk.stdout, kiosk.stderr) == (click.status, click.stdout, click.stderr)
    assert kiosk.status == 3 and kiosk.used_click is False
    assert "a bug in Kiosk" in kiosk.stderr and "Traceback" not in kiosk.stderr
    log = Path(kiosk.stderr.split("Details were written to ")[1].split("; please")[0])
    assert log.read_text(encoding="utf-8").count("RuntimeError: planted bug") >= 2  # both runs
