"""The kiosk command line, as an organizer and a script use it."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import click
import openpyxl
import pytest
from click.testing import CliRunner, Result

from kiosk.cli.main import cli

TODAY = datetime.now(UTC).date()
TOMORROW = TODAY + timedelta(days=1)


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)


@pytest.fixture
def event(tmp_path: Path) -> Path:
    db = tmp_path / "event.db"
    result = run(
        db,
        "init",
        "--name",
        "BG-RO Cluster Conference",
        "--day",
        str(TODAY),
        "--day",
        str(TOMORROW),
        "--timezone",
        "UTC",
    )
    assert result.exit_code == 0, result.output
    return db


def first_day(db: Path) -> str:
    return str(json.loads(run(db, "lists", "--json").output)[0]["day"])


def code_of(db: Path, query: str) -> str:
    found = json.loads(run(db, "search", query, "--json").output)
    return str(found[0]["code"])


def not_yet_checked_in(db: Path) -> str:
    for person in json.loads(run(db, "search", "a", "--json", "--limit", "200").output):
        if person["status"] == "active" and not person["checked_in_today"]:
            return str(person["code"])
    raise AssertionError("everyone is checked in")


def test_init_creates_one_list_per_day(event: Path) -> None:
    lists = json.loads(run(event, "lists", "--json").output)
    assert [entry["day"] for entry in lists] == [str(TODAY), str(TOMORROW)]
    assert {entry["policy"] for entry in lists} == {"once_per_day"}


def test_init_refuses_to_overwrite_an_existing_event(event: Path) -> None:
    result = run(event, "init", "--name", "Again", "--day", str(TODAY))
    assert result.exit_code == 2 and "already exists" in result.output


def test_init_rejects_an_unknown_time_zone(tmp_path: Path) -> None:
    result = run(
        tmp_path / "x.db", "init", "--name", "X", "--day", str(TODAY), "--timezone", "Mars/Olympus"
    )
    assert result.exit_code == 2


def test_demo_has_people_from_both_countries_and_checkins_already_made(demo: Path) -> None:
    stats = json.loads(run(demo, "stats", "--json").output)
    assert stats["registered"] > 100 and stats["cancelled"] > 0
    assert stats["by_country"]["Bulgaria"] > 0 and stats["by_country"]["Romania"] > 0
    today_list = stats["lists"][0]
    assert (
        today_list["admitted"] > 0
        and today_list["day"] == json.loads(run(demo, "lists", "--json").output)[0]["day"]
    )


def test_checkin_json_reports_admitted_then_already_checked_in_with_time_and_kiosk(
    demo: Path,
) -> None:
    code = not_yet_checked_in(demo)
    first = run(demo, "checkin", code, "--kiosk", "Desk 2", "--json")
    assert first.exit_code == 0
    body = json.loads(first.output)
    assert body["status"] == "admitted" and body["admitted"] is True
    assert set(body["attendee"]) >= {"id", "name", "organization", "country", "category"}
    second = run(demo, "checkin", code, "--json")
    assert second.exit_code == 1
    again = json.loads(second.output)
    assert again["status"] == "already_checked_in" and again["admitted"] is False
    assert again["previous"]["kiosk"] == "Desk 2" and again["previous"]["at"] == body["at"]


def test_unknown_code_exits_1_with_reason(demo: Path) -> None:
    result = run(demo, "checkin", "NOBODY-123", "--json")
    assert result.exit_code == 1 and json.loads(result.output)["status"] == "unknown_code"


def test_undo_lets_the_person_check_in_again(demo: Path) -> None:
    code = not_yet_checked_in(demo)
    assert run(demo, "checkin", code).exit_code == 0
    undo = run(demo, "undo", "--yes", "--json")
    assert undo.exit_code == 0 and json.loads(undo.output)["attendee"]["code"] == code
    assert run(demo, "checkin", code).exit_code == 0


def test_exit_and_manual_checkin_at_a_past_time(event: Path, tmp_path: Path) -> None:
    csv_file = tmp_path / "reg.csv"
    csv_file.write_text("Name,Email\nAna Ștefănescu,ana@example.ro\n", encoding="utf-8")
    assert run(event, "import", str(csv_file)).exit_code == 0
    code = code_of(event, "ana")
    at = f"{TODAY}T00:00"  # already past whenever the test runs (a later hour is not at 00:30)
    result = json.loads(run(event, "checkin", code, "--at", at, "--json").output)
    assert result["manual"] is True and result["at"].startswith(at)
    out = json.loads(run(event, "checkin", code, "--exit", "--json").output)
    assert out["status"] == "exit_recorded"


def test_search_json_finds_cyrillic_by_latin_with_the_documented_fields(demo: Path) -> None:
    found = json.loads(run(demo, "search", "ivanov", "--json").output)
    assert found and all(
        "Иванов" in p["name"] or "Иванова" in p["name"] or "ivanov" in p["email"] for p in found
    )
    assert set(found[0]) >= {"id", "name", "organization", "country", "category", "code", "status"}


def test_export_attendance_csv_opens_with_bom_and_semicolons(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "day1.csv"
    result = run(demo, "export", "attendance", "--day", first_day(demo), "-o", str(out))
    assert result.exit_code == 0, result.output
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][:4] == ["No.", "Date", "First check-in", "Last name"]
    stats = json.loads(run(demo, "stats", "--json").output)
    assert len(rows) - 1 == stats["lists"][0]["admitted"] > 0


def test_export_attendance_xlsx_is_read_back_by_openpyxl(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "day1.xlsx"
    assert (
        run(demo, "export", "attendance", "--day", first_day(demo), "-o", str(out)).exit_code == 0
    )
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    assert sheet["A2"].value == "No." and isinstance(sheet["C3"].value, datetime)
    stats = json.loads(run(demo, "stats", "--json").output)
    assert sheet.max_row - 2 == stats["lists"][0]["admitted"] > 0


def test_exported_cells_cannot_run_formulas(event: Path, tmp_path: Path) -> None:
    hostile = tmp_path / "reg.csv"
    hostile.write_text(
        'First name,Last name,Organisation\n=HYPERLINK("http://x"),Evil,+SUM(A1)\n',
        encoding="utf-8",
    )
    assert run(event, "import", str(hostile)).exit_code == 0
    code = code_of(event, "evil")
    assert run(event, "checkin", code).exit_code == 0
    xlsx, csv_out = tmp_path / "a.xlsx", tmp_path / "a.csv"
    run(event, "export", "attendance", "--day", str(TODAY), "-o", str(xlsx))
    run(event, "export", "attendance", "--day", str(TODAY), "-o", str(csv_out), "--delimiter", ",")
    sheet = openpyxl.load_workbook(xlsx).active
    assert sheet is not None
    assert sheet["E3"].value == '\'=HYPERLINK("http://x")' and sheet["E3"].data_type == "s"
    assert sheet["F3"].value == "'+SUM(A1)"
    assert "'=HYPERLINK" in csv_out.read_text(encoding="utf-8-sig")


def test_tickets_writes_a_png_per_person_and_a_mail_merge_list(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "tickets"
    assert run(demo, "tickets", "-o", str(out)).exit_code == 0
    merge = list(
        csv.DictReader(
            (out / "mail-merge.csv").read_text(encoding="utf-8-sig").splitlines(), delimiter=";"
        )
    )
    stats = json.loads(run(demo, "stats", "--json").output)
    assert len(merge) == stats["registered"] == len(list(out.glob("ticket-*.png")))
    first = merge[0]
    assert set(first) >= {"name", "email", "code", "file"} and (out / first["file"]).is_file()
    assert first["code"] in first["file"]


def test_a_missing_database_is_a_clear_error_not_a_traceback(tmp_path: Path) -> None:
    result = run(tmp_path / "none.db", "stats")
    assert result.exit_code == 2 and "init" in result.output and "Traceback" not in result.output


def test_every_command_and_option_has_help() -> None:
    def walk(command: click.Command, path: str) -> None:
        assert command.help, f"{path} has no help"
        for param in command.params:
            if isinstance(param, click.Option) and param.name not in {"help", "version"}:
                assert param.help, f"{path} {param.opts} has no help"
        if isinstance(command, click.Group):
            for name, sub in command.commands.items():
                walk(sub, f"{path} {name}")

    walk(cli, "kiosk")


def test_the_installed_command_exits_2_without_traceback_on_bad_input(tmp_path: Path) -> None:
    kiosk = Path(sys.executable).parent / "kiosk"
    env = os.environ | {"KIOSK_DB": str(tmp_path / "x.db")}
    done = subprocess.run(
        [str(kiosk), "checkin", "ABC"], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr and "init" in done.stderr


def test_kiosk_help_mentions_every_command_family() -> None:
    """'kiosk --help' names every top-level command, so nothing is only found by accident."""
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    overview = result.output.split("Options:")[0]
    words = set(overview.replace(",", " ").replace("(", " ").replace(")", " ").split())
    missing = [name for name in cli.commands if name not in words]
    assert missing == []


def test_undo_without_a_code_names_whom_it_would_undo_and_needs_yes(demo: Path) -> None:
    # Issue 17: "kiosk undo" must never void somebody's check-in unseen.
    code = not_yet_checked_in(demo)
    assert run(demo, "checkin", code).exit_code == 0
    asked = run(demo, "undo")
    assert asked.exit_code == 1
    assert asked.output.startswith("Would undo: the check-in of ")
    assert f"code {code}" in asked.output and "--yes" in asked.output
    assert run(demo, "checkin", code).exit_code == 1  # still checked in: nothing changed
    done = run(demo, "undo", "--yes", "--json")
    assert done.exit_code == 0
    body = json.loads(done.output)
    assert body["status"] == "voided" and body["attendee"]["code"] == code


def test_undo_twice_says_the_second_one_is_somebody_elses_check_in(demo: Path) -> None:
    first = not_yet_checked_in(demo)
    assert run(demo, "checkin", first).exit_code == 0
    second = not_yet_checked_in(demo)
    assert run(demo, "checkin", second).exit_code == 0
    assert run(demo, "undo", "--yes").exit_code == 0  # the second person's, the newest
    again = run(demo, "undo")
    assert again.exit_code == 1
    assert f"code {first}" in again.output
    assert "Note: the last action at this kiosk undid the check-in of" in again.output
    assert "somebody else" in again.output
    body = json.loads(run(demo, "undo", "--json").output)
    assert body["status"] == "confirm" and body["bystander"] is True
    assert body["after_undo_of"]["code"] == second


def test_undo_code_undoes_that_tickets_newest_check_in(demo: Path) -> None:
    mine = not_yet_checked_in(demo)
    assert run(demo, "checkin", mine).exit_code == 0
    other = not_yet_checked_in(demo)
    assert run(demo, "checkin", other).exit_code == 0
    result = run(demo, "undo", mine)
    assert result.exit_code == 0 and result.output.startswith("Undone: the check-in of ")
    assert f"code {mine}" in result.output
    assert run(demo, "checkin", other).exit_code == 1  # the bystander is still checked in
    assert run(demo, "checkin", mine).exit_code == 0
    missing = run(demo, "undo", "NOBODY-123")
    assert missing.exit_code == 1 and "No check-in of ticket or scan 'NOBODY-123'" in missing.output
