"""The check-in rules from the command line: lists staff make, forced admissions, blocked
tickets, the clock, and how each check-in was made in the JSON (issues 17 and 19)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from kiosk.cli.main import cli
from kiosk.storage import events
from kiosk.storage.attendees import NewAttendee, insert_many
from kiosk.storage.database import Database
from kiosk.sync.bundle import export_bundle, import_bundle


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)


def a_code(db: Path) -> str:
    with Database(db) as database:
        row = database.conn.execute(
            "SELECT a.code FROM attendee a WHERE a.status = 'active' AND a.days = '[]' AND NOT "
            "EXISTS (SELECT 1 FROM scan s WHERE s.attendee_uid = a.uid) ORDER BY a.id LIMIT 1"
        ).fetchone()
    return str(row[0])


def test_lists_add_edit_remove(demo: Path) -> None:
    with Database(demo) as db:
        day = events.checkin_lists(db)[0].day
    assert day is not None
    made = run(
        demo, "lists", "add", "Workshop A", "--day", day.isoformat(), "--opens", "14:00",
        "--closes", "16:00", "--category", "speaker", "--no-reentry", "--json",
    )  # fmt: skip
    assert made.exit_code == 0, made.output
    workshop = json.loads(made.output)
    assert workshop["categories"] == ["speaker"] and workshop["allow_reentry"] is False
    assert workshop["opens"].endswith("14:00:00+03:00") or "T14:00:00" in workshop["opens"]
    twice = run(demo, "lists", "add", "Workshop A")
    assert twice.exit_code == 2 and "already a list" in twice.output
    edited = run(demo, "lists", "edit", str(workshop["id"]), "--allow-reentry", "--multiple")
    assert edited.exit_code == 0 and "multiple" in edited.output
    listed = json.loads(run(demo, "lists", "--json").output)
    assert [cl["name"] for cl in listed].count("Workshop A") == 1
    dinner = json.loads(run(demo, "lists", "add", "Dinner", "--presence", "--json").output)
    code = a_code(demo)
    assert run(demo, "checkin", code, "--list", str(dinner["id"])).exit_code == 0
    kept = run(demo, "lists", "remove", str(dinner["id"]))
    assert kept.exit_code == 2 and "evidence" in kept.output
    gone = run(demo, "lists", "remove", str(workshop["id"]))
    assert gone.exit_code == 0
    assert "Workshop A" not in run(demo, "lists").output


def test_lists_made_at_one_kiosk_reach_another_with_a_bundle(demo: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    other.write_bytes(demo.read_bytes())
    made = json.loads(run(demo, "lists", "add", "B2B room", "--presence", "--json").output)
    with Database(demo) as db:
        path, _ = export_bundle(db, tmp_path / "stick")
    with Database(other) as db:
        import_bundle(db, path)
        arrived = events.checkin_list(db, made["id"])
    assert arrived is not None and arrived.name == "B2B room" and arrived.tracks_presence


def test_checkin_force_with_a_reason_and_the_json_says_how(demo: Path) -> None:
    code = a_code(demo)
    assert run(demo, "checkin", code).exit_code == 0
    again = run(demo, "checkin", code, "--json")
    assert again.exit_code == 1 and json.loads(again.output)["status"] == "already_checked_in"
    no_reason = run(demo, "checkin", code, "--force")
    assert no_reason.exit_code == 2 and "reason" in no_reason.output
    forced = run(demo, "checkin", code, "--force", "--reason", "lost wristband", "--json")
    assert forced.exit_code == 0, forced.output
    answer = json.loads(forced.output)
    assert (answer["status"], answer["hint"], answer["method"], answer["note"]) == (
        "admitted", "forced", "forced", "lost wristband",
    )  # fmt: skip
    assert answer["overridden"] == "already_checked_in"


def test_exit_without_entry_is_not_reported_as_admitted(demo: Path) -> None:
    result = run(demo, "checkin", a_code(demo), "--exit", "--json")
    answer = json.loads(result.output)
    assert (answer["status"], answer["hint"], answer["admitted"]) == (
        "exit_recorded", "no_entry", False,
    )  # fmt: skip
    assert result.exit_code == 1


def test_at_in_the_future_is_refused(demo: Path) -> None:
    result = run(demo, "checkin", a_code(demo), "--at", "2099-01-01T09:00")
    assert result.exit_code == 2 and "future" in result.output


def test_keys_block_refuses_the_ticket_as_revoked(demo: Path) -> None:
    code = a_code(demo)
    assert run(demo, "keys", "block", code).exit_code == 0
    refused = run(demo, "checkin", code, "--json")
    answer = json.loads(refused.output)
    assert refused.exit_code == 1 and answer["status"] == "revoked" and answer["hint"] == "blocked"
    assert run(demo, "keys", "block", "NO-SUCH-CODE").exit_code == 2
    assert run(demo, "keys", "unblock", code).exit_code == 0
    assert run(demo, "checkin", code).exit_code == 0


def test_list_changes_and_removals_reach_another_kiosk_with_a_bundle(
    demo: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.db"
    other.write_bytes(demo.read_bytes())
    room = json.loads(run(demo, "lists", "add", "B2B room", "--json").output)
    dinner = json.loads(run(demo, "lists", "add", "Dinner", "--json").output)
    with Database(demo) as db, Database(other) as there:
        import_bundle(there, export_bundle(db, tmp_path / "stick1")[0])
    assert run(demo, "lists", "edit", str(room["id"]), "--presence", "--category", "press",
               "--admit-unpaid").exit_code == 0  # fmt: skip
    assert run(demo, "lists", "remove", str(dinner["id"])).exit_code == 0
    with Database(demo) as db, Database(other) as there:
        import_bundle(there, export_bundle(db, tmp_path / "stick2")[0])
        arrived = events.checkin_list(there, room["id"])
        names = [cl.name for cl in events.checkin_lists(there)]
    assert arrived is not None and arrived.tracks_presence and arrived.admit_pending
    assert arrived.categories == frozenset({"press"})
    assert "Dinner" not in names and "B2B room" in names


def test_hours_on_a_list_of_every_day_hold_each_day(tmp_path: Path) -> None:
    """Lunch 12:00-14:00 every day: the issue's 'lists add NAME [--day D] [--opens HH:MM
    --closes HH:MM]' takes hours without a day (the desk dropped them, the CLI refused them)."""
    db = tmp_path / "event.db"
    assert run(db, "init", "--name", "Conf", "--day", "2026-09-28", "--day", "2026-09-29",
               "--timezone", "Europe/Sofia").exit_code == 0  # fmt: skip
    with Database(db) as database, database.write() as conn:
        insert_many(conn, [NewAttendee("K7Q4M2P9X", "Ана", "Петрова")], "2026-09-01T00:00:00Z")
    made = run(db, "lists", "add", "Lunch", "--opens", "12:00", "--closes", "14:00",
               "--multiple", "--json")  # fmt: skip
    assert made.exit_code == 0, made.output
    lunch = json.loads(made.output)
    assert lunch["day"] is None
    answers = {}
    for day in ("2026-09-28", "2026-09-29"):
        for at in ("11:59", "12:00", "13:59", "14:00"):
            answer = run(db, "checkin", "K7Q4M2P9X", "--list", str(lunch["id"]), "--at",
                         f"{day}T{at}", "--json")  # fmt: skip
            answers[day, at] = json.loads(answer.output)["status"]
    assert answers == {
        (day, at): "admitted" if at in ("12:00", "13:59") else "not_on_list"
        for day in ("2026-09-28", "2026-09-29")
        for at in ("11:59", "12:00", "13:59", "14:00")
    }
    moved = run(db, "lists", "edit", str(lunch["id"]), "--day", "2026-09-29", "--opens",
                "11:30", "--json")  # fmt: skip
    assert moved.exit_code == 0, moved.output
    kept = json.loads(moved.output)
    assert kept["opens"].startswith("2026-09-29T11:30") and kept["closes"].startswith(
        "2026-09-29T14:00"
    )
