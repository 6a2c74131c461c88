"""Online attendance from Zoom and Teams reports: matching, idempotent re-import, resolving,
and its place in the register and the counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.importing.errors import ImportFileError
from kiosk.importing.online import (
    ResolveError,
    import_online,
    name_keys,
    read_online_report,
    resolve,
    unmatched,
)
from kiosk.reports.register import Modality, Scope, read_register
from kiosk.reports.summary import build_report
from kiosk.storage.database import Database
from tests.conftest import DAY1, DAY2, TZ
from tests.reports.conftest import Story

SAMPLES = Path(__file__).parent / "samples"
ZOOM = SAMPLES / "zoom_participants_day1.csv"
TEAMS = SAMPLES / "teams_attendance_day2.csv"


def test_zoom_report_is_read_session_by_session_with_the_host_marked() -> None:
    report = read_online_report(ZOOM, DAY1, TZ)
    assert report.platform == "zoom"
    assert report.meeting == "BG-RO Cluster Conference - Day 1 (online)"
    assert [(j.name, j.host) for j in report.joins] == [
        ("Conference Host", True),
        ("Ana Stefanescu", False),
        ("Ana Stefanescu", False),
        ("Иван Иванов (Ivan Ivanov)", False),
        ("iPhone de Mihai", False),
    ]
    ana = report.joins[1]
    assert ana.joined.isoformat() == "2026-09-28T09:58:11+03:00"  # event time zone
    assert ana.seconds == 2 * 3600 + 31 * 60 + 54
    assert ana.email == "ana@ugal.ro"  # e-mails compared in lower case


def test_teams_report_in_utf16_sections_gives_each_join_with_its_duration() -> None:
    assert TEAMS.read_bytes()[:2] == b"\xff\xfe"
    report = read_online_report(TEAMS, DAY2, TZ)
    assert report.platform == "teams"
    assert report.meeting == "BG-RO Cluster Conference - Day 2 (online)"
    # Section 3 (one row per join) wins over the per-person summary of section 2.
    assert [(j.name, j.seconds, j.host) for j in report.joins] == [
        ("Conference Host", 3 * 3600 + 15 * 60 + 12, True),
        ("Maria Petrova (Guest)", 3600 + 13 * 60 + 15, False),
        ("Maria Petrova (Guest)", 3600 + 16 * 60 + 55, False),
        ("Ana Ștefănescu", 39 * 60 + 37, False),
        ("Ioana Dumitrescu", 15 * 60, False),
    ]
    assert report.joins[1].joined.isoformat() == "2026-09-29T10:01:45+03:00"


def test_names_match_across_scripts_diacritics_order_and_guest_tags() -> None:
    assert name_keys("Ioan Ștefănescu (Guest)") == name_keys("Stefanescu Ioan")
    assert name_keys("Мария Петрова") == name_keys("Maria Petrova (Guest)")
    assert name_keys("Иван Иванов (Ivan Ivanov)") == ["ivan ivanov", "ivan ivanov"]
    assert name_keys("iPhone") == []  # one word: too weak to match anyone


def test_zoom_import_matches_by_email_then_name_and_lists_the_rest(
    db: Database, story: Story
) -> None:
    result = import_online(db, ZOOM, DAY1)
    assert (result.sessions, result.added, result.already) == (5, 5, 0)
    hosts = [(h.name, h.role, h.counted) for h in result.hosts]
    assert hosts == [("Conference Host", "host", False)]
    assert dict(result.matched) == {"email": 1, "name": 1}
    assert [(u.name, u.sessions, u.minutes) for u in result.unmatched] == [
        ("iPhone de Mihai", 1, 21)
    ]
    day1 = read_register(db, Scope(day=DAY1)).entries
    assert [(e.person.last_name, e.modality) for e in day1] == [
        ("Иванов", Modality.BOTH),
        ("Ștefănescu", Modality.BOTH),
    ]
    assert day1[1].online_minutes == round((2 * 3600 + 31 * 60 + 54 + 2 * 3600 + 26 * 60 + 39) / 60)


def test_reimporting_the_same_report_changes_nothing(db: Database, story: Story) -> None:
    import_online(db, TEAMS, DAY2)
    before = db.conn.execute("SELECT count(*) FROM online_session").fetchone()[0]
    again = import_online(db, TEAMS, DAY2)
    assert (again.added, again.already) == (0, 5)
    assert db.conn.execute("SELECT count(*) FROM online_session").fetchone()[0] == before


def test_online_attendance_counts_separately_and_in_the_totals(db: Database, story: Story) -> None:
    import_online(db, TEAMS, DAY2)
    rows = build_report(db).section("by_day").rows
    # Day 2: Ana in person and online, Ivan in person, Maria online only (her desk check-in
    # was undone): nobody missing any more.
    assert rows[1] == ("2026-09-29", 3, 2, 2, 3, 0)
    assert rows[2] == ("Unique over the event", 3, 2, 2, 3, 0)
    day2 = read_register(db, Scope(day=DAY2)).entries
    maria = [e for e in day2 if e.person.first_name == "Мария"]
    assert [(m.modality, m.kiosk, m.online_minutes) for m in maria] == [
        (Modality.ONLINE, "Teams", round((4395 + 4615) / 60))
    ]


def test_unmatched_participant_can_be_added_as_online_only_attendee(
    db: Database, story: Story
) -> None:
    import_online(db, TEAMS, DAY2)
    assert [u.name for u in unmatched(db, DAY2)] == ["Ioana Dumitrescu"]
    code = resolve(db, DAY2, "Ioana Dumitrescu", add=True, country="Romania")
    assert code
    assert unmatched(db, DAY2) == []
    entries = read_register(db, Scope(day=DAY2)).entries
    ioana = next(e for e in entries if e.person.code == code)
    assert (ioana.person.first_name, ioana.person.last_name) == ("Ioana", "Dumitrescu")
    assert ioana.modality is Modality.ONLINE
    assert build_report(db).section("by_day").rows[1] == ("2026-09-29", 4, 2, 3, 4, 0)


def test_ignored_and_linked_answers_survive_a_reimport(db: Database, story: Story) -> None:
    import_online(db, ZOOM, DAY1)
    resolve(db, DAY1, "iPhone de Mihai", ignore=True)
    assert unmatched(db, DAY1) == []
    assert import_online(db, ZOOM, DAY1).unmatched == []
    with pytest.raises(ResolveError):
        resolve(db, DAY1, "Nobody Here", ignore=True)


def test_a_file_that_is_no_meeting_report_is_refused_with_the_file_name(tmp_path: Path) -> None:
    other = tmp_path / "registrations.csv"
    other.write_text("First name,Last name,Email\nAna,Pop,a@b.ro\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        read_online_report(other, DAY1, TZ)
    assert caught.value.path == str(other)
    assert "registrations.csv" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09/28/2026 09:58:11 AM", "2026-09-28T09:58:11+03:00"),  # Zoom, US
        ("9/28/26, 1:35:40 PM", "2026-09-28T13:35:40+03:00"),  # Teams, en-US
        ("28/09/2026 13:35:40", "2026-09-28T13:35:40+03:00"),  # day first
        ("28.09.2026, 13:35:40", "2026-09-28T13:35:40+03:00"),  # Teams, bg/ro/de
        ("2026-09-28 13:35:40", "2026-09-28T13:35:40+03:00"),
    ],
)
def test_report_times_in_the_usual_locales_are_read_on_the_imported_day(
    text: str, expected: str
) -> None:
    from zoneinfo import ZoneInfo

    from kiosk.importing.online import parse_report_time

    value = parse_report_time(text, ZoneInfo(TZ), DAY1)
    assert value is not None and value.isoformat() == expected


def test_an_ambiguous_date_is_read_as_the_imported_day() -> None:
    from zoneinfo import ZoneInfo

    from kiosk.importing.online import parse_report_time

    # 09/10: 10 September (month first) or 9 October (day first): the import day decides.
    day = parse_report_time("09/10/2026 10:00:00", ZoneInfo(TZ), DAY1.replace(month=10, day=9))
    assert day is not None and day.date().isoformat() == "2026-10-09"


def test_a_name_two_registrants_share_is_left_for_the_organizer(
    db: Database, story: Story, tmp_path: Path
) -> None:
    from kiosk.storage import attendees
    from kiosk.storage.attendees import NewAttendee

    with db.write() as conn:  # a second Иван Иванов, from another organisation
        attendees.insert_many(
            conn, [NewAttendee("IVAN00002", "Иван", "Иванов", "ТПП Видин")], "2026-09-01T00:00Z"
        )
    result = import_online(db, ZOOM, DAY1)
    assert dict(result.matched) == {"email": 1}
    assert "Иван Иванов (Ivan Ivanov)" in [u.name for u in result.unmatched]
    resolve(db, DAY1, "Иван Иванов (Ivan Ivanov)", attendee_code="IVAN00002")
    day1 = read_register(db, Scope(day=DAY1)).entries
    ivans = {e.person.code: e.modality for e in day1 if e.person.last_name == "Иванов"}
    assert ivans == {story.people.ivan: Modality.IN_PERSON, "IVAN00002": Modality.ONLINE}
