"""``kiosk meetings`` and the meetings in ``kiosk checkin --json`` (issue 22), on the demo event.

The schedule is laid out as b2match's help pages describe a meeting (host and guest, time slot,
table, Pending/Accepted/Canceled); see tests/app/test_meetings.py for the pages.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from kiosk.cli.main import cli


def run(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    return result.exit_code, result.output


def _two_firms(db: Path) -> list[tuple[str, str, str, str, str]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT code, first_name, last_name, organization, email FROM attendee "
            "WHERE status = 'active' AND days = '[]' AND country IN ('Bulgaria', 'Romania') "
            "ORDER BY id LIMIT 2"
        ).fetchall()


def test_import_list_checkin_held(demo: Path, tmp_path: Path) -> None:
    day = json.loads(run(demo, "lists", "--json")[1])[0]["day"]
    (a_code, a_first, a_last, a_org, _), (_, b_first, b_last, b_org, b_mail) = _two_firms(
        demo
    )
    path = tmp_path / "b2match.csv"
    path.write_text(
        "Date;Time slot;Table;Status;Host name;Host organisation;Guest name;Guest e-mail\n"
        f"{day};10:30 - 11:00;Table 12;Accepted;{a_first} {a_last};{a_org};;{b_mail}\n"
        f"{day};11:30 - 12:00;Table 2;Canceled;{a_first} {a_last};{a_org};;{b_mail}\n",
        encoding="utf-8",
    )
    code, out = run(demo, "meetings", "import", str(path), "--json")
    assert code == 0, out
    report = json.loads(out)
    assert (report["added"], report["unmatched"]) == (2, [])
    code, out = run(demo, "meetings", "list", "--json", "--day", day)
    board = json.loads(out)
    assert len(board) >= 2
    mine = [m for m in board if m["location"] in ("Table 12", "Table 2")]
    assert {m["status"] for m in mine} == {"planned", "cancelled"}
    for m in mine:
        assert set(m) >= {"id", "start", "end", "location", "status", "a", "b"}
        assert set(m["a"]) >= {"attendee_id", "name", "arrived"}
    code, out = run(demo, "checkin", a_code, "--json", "--list", "1")
    result = json.loads(out)
    meetings = [m for m in result["meetings"] if m["location"] == "Table 12"]
    assert meetings == [
        {
            "id": meetings[0]["id"],
            "start": "10:30",
            "end": "11:00",
            "location": "Table 12",
            "status": "planned",
            "held": False,
            "partner": {
                "name": f"{b_first} {b_last}",
                "organization": b_org,
                "country": meetings[0]["partner"]["country"],
                "arrived": meetings[0]["partner"]["arrived"],
            },
        }
    ]
    assert "Table 2" not in {m["location"] for m in result["meetings"]}  # cancelled
    meeting_id = meetings[0]["id"]
    code, out = run(demo, "meetings", "held", meeting_id[:8], "--json")
    assert code == 0 and json.loads(out)["held"] is True
    code, out = run(demo, "meetings", "list", "--show", "held", "--search", "table 12", "--json")
    assert [m["id"] for m in json.loads(out)] == [meeting_id]
    code, out = run(demo, "meetings", "list", "--show", "not_planned", "--json")
    assert "cancelled" in {m["status"] for m in json.loads(out)}
    assert {m["status"] for m in json.loads(out)} <= {"cancelled", "declined", "pending"}
    code, out = run(demo, "meetings", "held", "nosuchid")
    assert code == 1 and "unknown_meeting" in out
    code, out = run(demo, "meetings", "import", str(path))
    assert "added 0, updated 0, unchanged 2" in out


def test_a_file_that_is_no_schedule_is_refused_with_the_columns_it_has(
    demo: Path, tmp_path: Path
) -> None:
    path = tmp_path / "people.csv"
    path.write_text("First name,Last name,Email\nAna,Pop,a@b.ro\n", encoding="utf-8")
    code, out = run(demo, "meetings", "import", str(path))
    assert code == 2
    assert "not a meeting schedule" in out and "'First name'" in out and "--mapping" in out


def test_a_mapping_file_names_other_columns(demo: Path, tmp_path: Path) -> None:
    (_, a_first, a_last, _, _), (_, b_first, b_last, _, _) = _two_firms(demo)
    day = json.loads(run(demo, "lists", "--json")[1])[0]["day"]
    path = tmp_path / "own.csv"
    path.write_text(
        "Ziua,Ora,Masa,Firma A,Firma B\n"
        f"{day},09:00,M1,{a_first} {a_last},{b_first} {b_last}\n",
        encoding="utf-8",
    )
    mapping = tmp_path / "map.toml"
    mapping.write_text(
        'date = "Ziua"\nstart = "Ora"\nlocation = "Masa"\na_name = "Firma A"\n'
        'b_name = "Firma B"\n',
        encoding="utf-8",
    )
    code, out = run(demo, "meetings", "import", str(path), "--mapping", str(mapping), "--json")
    assert code == 0, out
    assert json.loads(out)["added"] == 1
