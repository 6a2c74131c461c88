"""kiosk rename-kiosk: a copied event file's "Desk 1 (PC)" becomes "Desk 2"."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kiosk.cli.main import cli


def run(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    return result.exit_code, result.output


def test_renaming_the_kiosk_names_it_in_later_check_in_answers(demo: Path) -> None:
    code, out = run(demo, "rename-kiosk", "Registration A")
    assert code == 0, out
    search = json.loads(run(demo, "search", "a", "--json")[1])
    ticket = next(p["code"] for p in search if p["status"] == "active")
    assert run(demo, "checkin", ticket, "--json")[0] == 0
    again = json.loads(run(demo, "checkin", ticket, "--json")[1])
    assert again["status"] == "already_checked_in"
    assert again["previous"]["kiosk"] == "Registration A"


def test_an_unusable_name_or_an_unknown_kiosk_is_a_usage_error_naming_the_problem(
    demo: Path,
) -> None:
    code, out = run(demo, "rename-kiosk", "   ")
    assert code == 2 and "cannot be empty" in out
    code, out = run(demo, "rename-kiosk", "Desk 5", "--kiosk", "Dsek 1")
    assert code == 2 and "no kiosk called 'Dsek 1'" in out
