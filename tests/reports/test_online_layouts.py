"""Online attendance in every layout the platforms write (issue 18, defect 10 and "Online
reports"): Zoom's flat export and webinar attendee report, Teams' 2020 attendance list and 2021
summary, Google Meet's attendance report; the day checked against the join times; hosts and
organizers by a stated rule; Romanian names written in Cyrillic; ``--json`` on every path.

Where each sample's layout comes from is in tests/importing/README ("Online attendance
reports"); the people are invented and match tests/conftest.py.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from kiosk.cli.main import cli
from kiosk.core.identity import name_key
from kiosk.importing.online import (
    HOST_RULE,
    OnlineReportError,
    import_online,
    read_online_report,
)
from kiosk.reports.register import Modality, Scope, read_register
from kiosk.storage import attendees
from kiosk.storage.attendees import NewAttendee
from kiosk.storage.database import Database
from tests.conftest import DAY1, DAY2, TZ
from tests.reports.conftest import Story

SAMPLES = Path(__file__).parent / "samples"
ZOOM_FLAT = SAMPLES / "zoom_flat_with_meeting_data_day1.csv"
ZOOM_WEBINAR = SAMPLES / "zoom_webinar_attendee_day1.csv"
TEAMS_2020 = SAMPLES / "teams_2020_attendance_list_day2.csv"
TEAMS_2021 = SAMPLES / "teams_2021_meeting_summary_day2.csv"
TEAMS_2022 = SAMPLES / "teams_attendance_day2.csv"
MEET = SAMPLES / "2026-09-29 09-55 BG-RO Cluster Conference Day 2.csv"
MEET_FIRST_SEEN = SAMPLES / "meet_attendance_first_seen_day2.csv"
ZOOM_WEBINAR_2020 = SAMPLES / "zoom_webinar_attendee_2020_day1.csv"


@pytest.fixture
def stefania(db: Database, story: Story) -> str:
    """A Romanian registrant whom the platforms show in Cyrillic as "Стефания Йонеску"."""
    with db.write() as conn:
        attendees.insert_many(
            conn,
            [NewAttendee("STEF-0001", "Ștefania", "Ionescu", "UGAL", "Romania")],
            "2026-09-01T00:00:00.000000Z",
        )
    return "STEF-0001"


def _register(db: Database, day: date) -> dict[str, tuple[Modality, int]]:
    return {
        f"{e.person.first_name} {e.person.last_name}": (e.modality, e.online_minutes)
        for e in read_register(db, Scope(day=day)).entries
    }


def test_romanian_names_written_in_cyrillic_meet_their_romanian_spelling() -> None:
    # Romanian orthography (ce/ci, che/chi, ge/gi, ghe/ghi, ș, ț, ă) against the usual Bulgarian
    # Cyrillic spelling of the same sounds.
    pairs = [
        ("Стефания Йонеску", "Ștefania Ionescu"),
        ("Джорджеску", "Georgescu"),
        ("Чаушеску", "Ceaușescu"),
        ("Щефънеску", "Ștefănescu"),
        ("Цуркану", "Țurcanu"),
        ("Кирияк", "Chiriac"),
    ]
    for cyrillic, latin in pairs:
        assert name_key(cyrillic) == name_key(latin), (cyrillic, latin)
    assert name_key("Ionescu") != name_key("Ionașcu")  # near misses stay apart
    assert name_key("Petrov") != name_key("Petrova")


def test_zoom_flat_export_with_meeting_data_is_read_from_the_participant_columns() -> None:
    report = read_online_report(ZOOM_FLAT, DAY1, TZ)
    assert (report.platform, report.layout) == ("zoom", "zoom-meeting-flat")
    assert report.meeting == "BG-RO Cluster Conference - Day 1 (online)"
    # The second "User Email" and "Duration (Minutes)" are the participant's, not the host's.
    assert [(j.name, j.email, j.role) for j in report.joins] == [
        ("Ana Stefanescu", "ana@ugal.ro", "host"),
        ("Стефания Йонеску", "", ""),
        ("Ivanov, Ivan", "ivan@abv.bg", ""),
        ("Galaxy S21", "", ""),
    ]
    # 28/09/2026 can only be day-first: the whole file is read that way.
    assert report.joins[1].joined.isoformat() == "2026-09-28T10:02:00+03:00"
    assert report.joins[1].seconds == 2 * 3600 + 28 * 60


def test_zoom_flat_import_counts_a_registered_host_and_matches_cyrillic_romanian(
    db: Database, stefania: str
) -> None:
    result = import_online(db, ZOOM_FLAT, DAY1)
    assert result.matched == {"email": 2, "name": 1}
    assert [(h.name, h.role, h.counted) for h in result.hosts] == [("Ana Stefanescu", "host", True)]
    assert [u.name for u in result.unmatched] == ["Galaxy S21"]
    day1 = _register(db, DAY1)
    assert day1["Ștefania Ionescu"] == (Modality.ONLINE, 148)
    assert day1["Ana Ștefănescu"][0] is Modality.BOTH  # in person too (the story)


def test_zoom_webinar_attendee_report_reads_each_section_with_its_role(
    db: Database, stefania: str
) -> None:
    report = read_online_report(ZOOM_WEBINAR, DAY1, TZ)
    assert (report.platform, report.layout, report.absent) == ("zoom", "zoom-webinar", 1)
    assert report.meeting == "BG-RO Cluster Conference - Day 1 webinar"
    assert [(j.name, j.role) for j in report.joins] == [
        ("Conference Host", "host"),
        ("Ana Ștefănescu", "panelist"),
        ("Иван Иванов", ""),
        ("Стефания Йонеску", ""),
    ]
    assert report.joins[0].joined.isoformat() == "2026-09-28T09:45:02+03:00"
    result = import_online(db, ZOOM_WEBINAR, DAY1)
    # The host account matches no registrant: listed, not counted, nothing to resolve.
    assert [(h.name, h.role, h.counted) for h in result.hosts] == [
        ("Conference Host", "host", False),
        ("Ana Ștefănescu", "panelist", True),
    ]
    assert result.unmatched == [] and result.absent == 1
    assert result.matched == {"email": 2, "name": 1}
    assert "Ion Popescu" not in _register(db, DAY1)  # registered for the webinar, did not come


def test_zoom_webinar_report_of_2020_names_attendees_by_first_and_last_name() -> None:
    # The 2020 layout: "User Name" without "(Original Name)", attendees with only "First Name"
    # and "Last Name", and a last section titled "Other Details" (it was a bad row).
    report = read_online_report(ZOOM_WEBINAR_2020, DAY1, TZ)
    assert (report.layout, report.meeting, report.absent) == (
        "zoom-webinar",
        "BG-RO Cluster Conference",
        1,
    )
    assert [(j.name, j.email, j.role) for j in report.joins] == [
        ("Conference Host", "host@cluster.example", "host"),
        ("Ana Ștefănescu", "ana@ugal.ro", "panelist"),
        ("Ivan Ivanov", "ivan@abv.bg", ""),
    ]
    assert report.joins[2].joined.isoformat() == "2026-09-28T09:07:39+03:00"


def test_teams_2020_attendance_list_pairs_joins_and_leaves(db: Database, stefania: str) -> None:
    assert TEAMS_2020.read_bytes()[:2] == b"\xff\xfe"  # UTF-16 LE with BOM, as Teams wrote it
    report = read_online_report(TEAMS_2020, DAY2, TZ)
    assert (report.platform, report.layout) == ("teams", "teams-2020")
    assert [(j.name, j.left is not None, j.seconds) for j in report.joins] == [
        # "Joined before": in the meeting when the list was taken, never left: until the last
        # event of the list (11:42:05).
        ("Мария Петрова", False, 3600 + 52 * 60 + 5),
        ("Ana Ștefănescu (Guest)", True, 3600 + 13 * 60 + 15),
        ("Стефания Йонеску", True, 3600),
        ("Ana Ștefănescu (Guest)", False, 0),
    ]
    result = import_online(db, TEAMS_2020, DAY2)
    assert result.matched == {"name": 3} and result.unmatched == []


def test_teams_2021_summary_layout_counts_the_registered_organizer(
    db: Database, story: Story
) -> None:
    report = read_online_report(TEAMS_2021, DAY2, TZ)
    assert (report.platform, report.layout) == ("teams", "teams-2021")
    assert report.meeting == "BG-RO Cluster Conference - Day 2 (online)"
    result = import_online(db, TEAMS_2021, DAY2)
    # Issue 18: a registered person with the Teams "Organizer" role was neither counted nor
    # listed. Now: counted (by name, across scripts) and listed as the organizer.
    assert [(h.name, h.role, h.counted) for h in result.hosts] == [
        ("Мария Петрова", "organizer", True),
        ("Conference Desk", "co-organizer", False),
    ]
    assert result.unmatched == []
    day2 = _register(db, DAY2)
    assert day2["Мария Петрова"] == (Modality.ONLINE, 195)  # her desk admission was undone


def test_google_meet_attendance_report_takes_its_date_from_the_file_name(
    db: Database, story: Story
) -> None:
    report = read_online_report(MEET, DAY2, TZ)
    assert (report.platform, report.layout) == ("meet", "meet-attendance")
    assert report.meeting == "BG-RO Cluster Conference Day 2"
    assert [(j.name, j.seconds) for j in report.joins] == [
        ("Ana Ștefănescu", 65 * 60),
        ("Ivan Ivanov", 45 * 60),
        ("Meeting Room 3", 2 * 3600),
    ]
    assert report.joins[0].joined.isoformat() == "2026-09-29T10:02:00+03:00"
    result = import_online(db, MEET, DAY2)
    assert result.matched == {"email": 1, "name": 1}
    assert [u.name for u in result.unmatched] == ["Meeting Room 3"]
    assert _register(db, DAY2)["Иван Иванов"][0] is Modality.BOTH


def test_google_meet_report_without_e_mails_is_read_from_first_seen_and_time_in_call(
    db: Database, story: Story
) -> None:
    # Meet's newer report: "*"-marked lines (meeting code, created on), then Full Name /
    # First Seen / Time in Call, and no e-mail column (it was refused as "not a report").
    report = read_online_report(MEET_FIRST_SEEN, DAY2, TZ)
    assert (report.platform, report.layout, report.meeting) == (
        "meet",
        "meet-attendance",
        "abc-defg-hij",
    )
    assert [(j.name, j.email, j.seconds) for j in report.joins] == [
        ("Ana Ștefănescu", "", 65 * 60),
        ("Ivan Ivanov", "", 45 * 60),
        ("Meeting Room 3", "", 2 * 3600),
    ]
    assert report.joins[0].joined.isoformat() == "2026-09-29T10:02:00+03:00"
    with pytest.raises(OnlineReportError) as caught:
        import_online(db, MEET_FIRST_SEEN, DAY1)
    assert caught.value.reason == "wrong_day"
    result = import_online(db, MEET_FIRST_SEEN, DAY2)
    assert sum(result.matched.values()) == 2
    assert [u.name for u in result.unmatched] == ["Meeting Room 3"]
    assert _register(db, DAY2)["Иван Иванов"][0] is Modality.BOTH


@pytest.mark.parametrize(
    ("first_seen", "time_in_call"),
    [("10:02 AM", "1 hr 5 min"), ("Sep 29, 2026, 10:02:00 AM", "65 min")],
)
def test_google_meet_clock_times_take_their_day_from_the_created_on_line(
    tmp_path: Path, first_seen: str, time_in_call: str
) -> None:
    path = tmp_path / "meet.csv"
    path.write_text(
        "Meeting code,abc-defg-hij\nCreated at,2026-09-29 09:55:00\n\n"
        f'Full Name,First Seen,Time in Call\nAna Ștefănescu,"{first_seen}",{time_in_call}\n',
        encoding="utf-8",
    )
    joined = read_online_report(path, DAY2, TZ).joins[0]
    assert (joined.joined.isoformat(), joined.seconds) == ("2026-09-29T10:02:00+03:00", 3900)


def test_a_meet_report_without_join_times_is_refused_with_what_to_export(
    tmp_path: Path,
) -> None:
    path = tmp_path / "meet.csv"
    path.write_text("Full name,Email,Duration\nAna Popa,ana@x.ro,45 min\n", encoding="utf-8")
    with pytest.raises(OnlineReportError) as caught:
        read_online_report(path, DAY2, TZ)
    assert caught.value.reason == "no_join_times"
    assert "Time joined" in str(caught.value)


def test_a_report_from_another_day_is_refused_unless_forced(db: Database, story: Story) -> None:
    # Issue 18: join times all on 29 September were stored under --day 2026-09-28 silently.
    with pytest.raises(OnlineReportError) as caught:
        import_online(db, TEAMS_2022, DAY1)
    assert caught.value.reason == "wrong_day"
    assert "2026-09-29" in str(caught.value) and "--day 2026-09-29" in str(caught.value)
    assert db.conn.execute("SELECT count(*) FROM online_session").fetchone()[0] == 0
    forced = import_online(db, TEAMS_2022, DAY1, force_day=True)
    assert forced.forced_day and forced.other_days == [DAY2] and forced.added == 5


def test_a_bad_row_refuses_the_whole_report_and_stores_nothing(
    db: Database, story: Story, tmp_path: Path
) -> None:
    text = (SAMPLES / "zoom_participants_day1.csv").read_text(encoding="utf-8")
    broken = tmp_path / "broken.csv"
    broken.write_text(text.replace("09/28/2026 10:20:00 AM", "soon"), encoding="utf-8")
    with pytest.raises(OnlineReportError) as caught:
        import_online(db, broken, DAY1)
    assert caught.value.reason == "bad_row" and caught.value.row == 9
    assert db.conn.execute("SELECT count(*) FROM online_session").fetchone()[0] == 0


def _cli(db_path: Path, *args: str) -> tuple[int, dict[str, object]]:
    result = CliRunner().invoke(cli, ["--db", str(db_path), *args], catch_exceptions=False)
    return result.exit_code, json.loads(result.stdout)


def test_json_works_on_every_path(db: Database, db_path: Path, story: Story) -> None:
    # Issue 18: 'import-online FILE --day D --json' crashed after committing (a Counter).
    code, first = _cli(db_path, "import-online", str(TEAMS_2021), "--day", "2026-09-29", "--json")
    assert code == 0 and first["ok"] is True and first["layout"] == "teams-2021"
    assert first["added"] == 3 and first["matched"] == {"email": 1, "name": 1, "organizer": 0}
    assert first["hosts"][0] == {
        "name": "Мария Петрова",
        "email": "maria.petrova@tpp-ruse.example",
        "role": "organizer",
        "counted": True,
        "code": story.people.day2_only,
    }
    assert first["host_rule"] == HOST_RULE
    code, again = _cli(db_path, "import-online", str(TEAMS_2021), "--day", "2026-09-29", "--json")
    assert code == 0 and (again["added"], again["already"]) == (0, 3)
    code, wrong = _cli(db_path, "import-online", str(TEAMS_2022), "--day", "2026-09-28", "--json")
    assert code == 2 and wrong["ok"] is False and wrong["reason"] == "wrong_day"
    code, other = _cli(db_path, "import-online", str(SAMPLES / "README.md"), "--day",
                       "2026-09-29", "--json")  # fmt: skip
    assert code == 2 and other["reason"] == "not_a_report"
    code, missing = _cli(db_path, "import-online", "nowhere.csv", "--day", "2026-09-29", "--json")
    assert code == 2 and missing["reason"] == "unreadable"
    code, not_a_day = _cli(db_path, "import-online", str(TEAMS_2021), "--day", "2026-10-01",
                           "--json")  # fmt: skip
    assert code == 2 and not_a_day["reason"] == "not_an_event_day"


def test_an_oversized_cell_or_a_binary_file_is_refused_by_name_also_in_json(
    db: Database, db_path: Path, story: Story, tmp_path: Path
) -> None:
    huge = tmp_path / "huge.csv"
    huge.write_text(
        "Name (Original Name),User Email,Join Time,Leave Time\n"
        f"{'A' * 20_000} B,,09/28/2026 10:00:00 AM,09/28/2026 11:00:00 AM\n",
        encoding="utf-8",
    )
    with pytest.raises(OnlineReportError) as caught:
        import_online(db, huge, DAY1)
    assert (caught.value.reason, caught.value.row) == ("too_large", 2)
    picture = tmp_path / "screenshot.csv"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    code, answer = _cli(db_path, "import-online", str(picture), "--day", "2026-09-28", "--json")
    assert code == 2 and answer["ok"] is False
    assert answer["reason"] in ("bad_encoding", "not_a_report")
    assert db.conn.execute("SELECT count(*) FROM online_session").fetchone()[0] == 0
