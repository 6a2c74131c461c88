"""The reporting commands as an organizer runs them."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner, Result
from pypdf import PdfReader

from kiosk.cli.main import cli

SAMPLES = Path(__file__).resolve().parent.parent / "reports" / "samples"


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)


def test_report_writes_register_summary_chart_and_their_digests(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "att.csv"
    result = run(demo, "report", "-o", str(out), "--delimiter", ";", "--chart",
                 str(tmp_path / "arrivals.png"))  # fmt: skip
    assert result.exit_code == 0, result.output
    for name in ("att.csv", "att-summary.csv", "arrivals.png"):
        path = tmp_path / name
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        assert (tmp_path / f"{name}.sha256").read_text() == f"{digest}  {name}\n"
        assert digest in result.output
    rows = list(csv.reader(io.StringIO(out.read_text("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["No.", "Date", "Last name"]
    assert len(rows) > 1
    with sqlite3.connect(demo) as conn:
        kept = conn.execute("SELECT kind, scope, sha256 FROM export_record").fetchall()
    assert ("report-csv", "event", hashlib.sha256(out.read_bytes()).hexdigest()) in kept


def test_report_json_gives_the_counts(demo: Path, tmp_path: Path) -> None:
    result = run(demo, "report", "-o", str(tmp_path / "r.xlsx"), "--json")
    assert result.exit_code == 0, result.output
    counts = json.loads(result.output)
    assert counts["by_day"]["header"][0] == "Day"
    assert counts["by_day"]["rows"][-1][0] == "Unique over the event"
    assert (tmp_path / "r.xlsx").exists()


def test_report_of_an_unknown_list_is_a_usage_error(demo: Path, tmp_path: Path) -> None:
    result = run(demo, "report", "--list", "99", "-o", str(tmp_path / "r.pdf"))
    assert result.exit_code == 2
    assert "no check-in list 99" in result.output
    assert not (tmp_path / "r.pdf").exists()


def test_sign_in_sheet_command_writes_a_pdf_with_the_reference_line(
    demo: Path, tmp_path: Path
) -> None:
    day = json.loads(run(demo, "lists", "--json").output)[0]["day"]
    out = tmp_path / "sheet.pdf"
    result = run(demo, "sign-in-sheet", "--day", day, "-o", str(out), "--reference",
                 "Proiect ROBG-42 — cofinanțat de Uniunea Europeană")  # fmt: skip
    assert result.exit_code == 0, result.output
    text = PdfReader(out).pages[0].extract_text()
    assert "Proiect ROBG-42 — cofinanțat de Uniunea Europeană" in text
    assert (tmp_path / "sheet.pdf.sha256").exists()


def test_import_online_then_resolve_the_unmatched(tmp_path: Path) -> None:
    db = tmp_path / "e.db"
    assert run(db, "init", "--name", "Hybrid", "--day", "2026-09-28", "--timezone",
               "Europe/Sofia").exit_code == 0  # fmt: skip
    result = run(db, "import-online", str(SAMPLES / "zoom_participants_day1.csv"), "--day",
                 "2026-09-28")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "iPhone de Mihai" in result.output
    summary = json.loads(
        run(db, "import-online", str(SAMPLES / "zoom_participants_day1.csv"), "--day",
            "2026-09-28", "--json").output
    )  # fmt: skip
    assert (summary["added"], summary["already"]) == (0, 5)
    assert len(summary["unmatched"]) == 3  # nobody is registered in this event
    result = run(db, "online", "resolve", "Ana Stefanescu", "--day", "2026-09-28", "--add")
    assert result.exit_code == 0, result.output
    assert run(db, "online", "resolve", "iPhone de Mihai", "--day", "2026-09-28",
               "--ignore").exit_code == 0  # fmt: skip
    left = run(db, "online", "unmatched", "--day", "2026-09-28").output
    assert "Ana Stefanescu" not in left and "iPhone" not in left
    assert "Иван Иванов (Ivan Ivanov)" in left
    bad = run(db, "online", "resolve", "Nobody", "--day", "2026-09-28", "--ignore")
    assert bad.exit_code == 2
    assert "no unmatched online participant 'Nobody'" in bad.output


def test_import_online_of_a_wrong_file_names_it_without_a_traceback(tmp_path: Path) -> None:
    db = tmp_path / "e.db"
    run(db, "init", "--name", "Hybrid", "--day", "2026-09-28", "--timezone", "Europe/Sofia")
    wrong = tmp_path / "people.csv"
    wrong.write_text("a,b\n1,2\n", encoding="utf-8")
    result = run(db, "import-online", str(wrong), "--day", "2026-09-28")
    assert result.exit_code == 2
    assert "people.csv" in result.output and "Traceback" not in result.output


def test_a_day_outside_the_event_is_a_usage_error(tmp_path: Path) -> None:
    db = tmp_path / "e.db"
    run(db, "init", "--name", "Hybrid", "--day", "2026-09-28", "--timezone", "Europe/Sofia")
    for args in (
        ("report", "--day", "2026-09-30", "-o", str(tmp_path / "r.csv")),
        ("sign-in-sheet", "--day", "2026-09-30", "-o", str(tmp_path / "s.pdf")),
        ("import-online", str(SAMPLES / "zoom_participants_day1.csv"), "--day", "2026-09-30"),
    ):
        result = run(db, *args)
        assert result.exit_code == 2, args
        assert "2026-09-30 is not a day of the event (its days: 2026-09-28)" in result.output
    assert list(tmp_path.glob("r*")) == [] and not (tmp_path / "s.pdf").exists()


def first_day(db: Path) -> str:
    return str(json.loads(run(db, "lists", "--json").output)[0]["day"])


def test_export_attendance_writes_its_digest_beside_the_file_and_keeps_it(
    demo: Path, tmp_path: Path
) -> None:
    """The README says every file gets a digest: the day's attendance list too, written and
    recorded like the report's files (issue 20: one writer, the same defaults)."""
    out = tmp_path / "day.csv"
    result = run(demo, "export", "attendance", "--day", first_day(demo), "-o", str(out))
    assert result.exit_code == 0, result.output
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    assert (tmp_path / "day.csv.sha256").read_text() == f"{digest}  day.csv\n"
    assert digest in result.output
    with sqlite3.connect(demo) as conn:
        kept = conn.execute("SELECT kind, scope, sha256 FROM export_record").fetchall()
    assert ("attendance-csv", first_day(demo), digest) in kept


def test_export_attendance_speaks_the_report_languages(demo: Path, tmp_path: Path) -> None:
    day = first_day(demo)
    english, bulgarian = tmp_path / "en.csv", tmp_path / "bg.csv"
    assert run(demo, "export", "attendance", "--day", day, "-o", str(english)).exit_code == 0
    assert run(demo, "export", "attendance", "--day", day, "-o", str(bulgarian),
               "--language", "bg").exit_code == 0  # fmt: skip
    en_rows = list(csv.reader(io.StringIO(english.read_text("utf-8-sig")), delimiter=";"))
    bg_rows = list(csv.reader(io.StringIO(bulgarian.read_text("utf-8-sig")), delimiter=";"))
    assert en_rows[0][:4] == ["No.", "Date", "First check-in", "Last name"]
    assert bg_rows[0][:4] == ["№", "Дата", "Първи вход", "Фамилия"]
    assert len(bg_rows) == len(en_rows) > 1
    assert [r[3] for r in bg_rows[1:]] == [r[3] for r in en_rows[1:]]  # the same people


def test_export_attendance_sorted_by_time_lists_the_same_people_by_arrival(
    demo: Path, tmp_path: Path
) -> None:
    by_name, by_time = tmp_path / "name.csv", tmp_path / "time.csv"
    day = first_day(demo)
    run(demo, "export", "attendance", "--day", day, "-o", str(by_name))
    run(demo, "export", "attendance", "--day", day, "-o", str(by_time), "--sort", "time")
    name_rows = list(csv.reader(io.StringIO(by_name.read_text("utf-8-sig")), delimiter=";"))[1:]
    time_rows = list(csv.reader(io.StringIO(by_time.read_text("utf-8-sig")), delimiter=";"))[1:]
    assert sorted(r[3:5] for r in name_rows) == sorted(r[3:5] for r in time_rows)
    assert [r[2] for r in time_rows] == sorted(r[2] for r in time_rows)



def test_export_attendance_of_an_unknown_list_is_a_usage_error(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "day.csv"
    result = run(demo, "export", "attendance", "--day", first_day(demo), "--list", "99",
                 "-o", str(out))  # fmt: skip
    assert result.exit_code == 2
    assert "no check-in list 99" in result.output
    assert not out.exists()
