"""The attendance register and counts of a day, a list and the whole event."""

from __future__ import annotations

from datetime import date

from kiosk.reports.register import Modality, Scope, read_register
from kiosk.reports.summary import build_report, country_group
from kiosk.storage import events
from kiosk.storage.database import Database
from tests.conftest import DAY1, DAY2
from tests.reports.conftest import Story


def names(entries: list) -> list[tuple[date, str]]:  # type: ignore[type-arg]
    return [(e.day, e.person.last_name) for e in entries]


def test_register_has_one_row_per_person_per_day_sorted_by_last_name(
    db: Database, story: Story
) -> None:
    register = read_register(db)
    # Иванов folds to "ivanov", Ștefănescu to "stefanescu"; Maria's admission was undone.
    assert names(register.entries) == [
        (DAY1, "Иванов"),
        (DAY1, "Ștefănescu"),
        (DAY2, "Иванов"),
        (DAY2, "Ștefănescu"),
    ]
    assert register.days == [DAY1, DAY2]


def test_register_row_has_first_arrival_local_time_kiosk_and_manual_flag(
    db: Database, story: Story
) -> None:
    day1 = read_register(db, Scope(day=DAY1)).entries
    ivan = day1[0]
    assert (ivan.first_arrival and ivan.first_arrival.strftime("%H:%M")) == "09:54"
    assert (ivan.kiosk, ivan.manual, ivan.modality) == ("Desk 2", False, Modality.IN_PERSON)
    day2 = read_register(db, Scope(day=DAY2)).entries
    assert day2[0].manual is True
    assert day2[0].first_arrival is not None
    assert day2[0].first_arrival.strftime("%H:%M") == "08:30"


def test_last_exit_is_the_latest_exit_on_a_list_that_tracks_presence(
    db: Database, story: Story, clock: object
) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from kiosk.app.checkin import CheckinService
    from kiosk.core.model import ScanKind
    from tests.conftest import TZ

    hall = events.add_list(db, "Main hall", day=DAY1, tracks_presence=True)
    service = CheckinService(db)
    zone = ZoneInfo(TZ)
    code = story.people.ana
    service.scan(code, list_id=hall.id, at=datetime(2026, 9, 28, 10, 0, tzinfo=zone))
    service.scan(
        code, list_id=hall.id, kind=ScanKind.EXIT, at=datetime(2026, 9, 28, 12, 0, tzinfo=zone)
    )
    service.scan(code, list_id=hall.id, at=datetime(2026, 9, 28, 13, 0, tzinfo=zone))
    service.scan(
        code, list_id=hall.id, kind=ScanKind.EXIT, at=datetime(2026, 9, 28, 17, 30, tzinfo=zone)
    )
    ana = read_register(db, Scope(day=DAY1)).entries[1]
    assert ana.first_arrival is not None and ana.last_exit is not None
    # The first arrival stays the desk's 09:14, not the hall's 10:00.
    assert (ana.first_arrival.strftime("%H:%M"), ana.last_exit.strftime("%H:%M")) == (
        "09:14",
        "17:30",
    )
    assert ana.manual is False  # the first arrival was a live scan


def test_list_scope_counts_only_that_lists_admissions(db: Database, story: Story) -> None:
    hall = events.add_list(db, "Workshop", day=DAY1)
    assert read_register(db, Scope(list_id=hall.id)).entries == []
    assert names(read_register(db, Scope(list_id=1)).entries) == [
        (DAY1, "Иванов"),
        (DAY1, "Ștefănescu"),
    ]


def test_counts_by_day_with_registered_attended_and_no_shows(db: Database, story: Story) -> None:
    report = build_report(db)
    assert report.section("by_day").rows == [
        # Day 1: Ana and Ivan (Maria is registered for day two only, Ion cancelled).
        ("2026-09-28", 2, 2, 0, 2, 0),
        # Day 2: Maria's admission was undone: a no-show.
        ("2026-09-29", 3, 2, 0, 2, 1),
        ("Unique over the event", 3, 2, 0, 2, 1),
    ]


def test_counts_by_country_category_and_list(db: Database, story: Story) -> None:
    report = build_report(db)
    assert report.section("by_country").rows == [
        ("Bulgaria", 2, 1, 0, 1, 1),
        ("Romania", 1, 1, 0, 1, 0),
        ("Total", 3, 2, 0, 2, 1),
    ]
    assert report.section("by_category").rows == [
        # Most registered first, then most attended, then by name.
        ("participant", 1, 1, 0, 1, 0),
        ("speaker", 1, 1, 0, 1, 0),
        ("Not given", 1, 0, 0, 0, 1),
        ("Total", 3, 2, 0, 2, 1),
    ]
    assert report.section("by_list").rows == [
        ("Day 2026-09-28", "2026-09-28", 2, 2, 0),
        ("Day 2026-09-29", "2026-09-29", 3, 2, 1),
    ]


def test_the_per_list_table_expects_whom_the_check_in_rule_expects(
    db: Database, story: Story
) -> None:
    """A list for speakers expects the speakers registered for its day (core expected_on); a
    list of every day, over the whole event, every active registration."""
    from kiosk.storage import events

    events.add_list(db, "Speakers' lounge", day=DAY1, categories=frozenset({"speaker"}))
    events.add_list(db, "Cloakroom")
    expected = {row[0]: row[2] for row in build_report(db).section("by_list").rows}
    assert expected["Speakers' lounge"] == 1
    assert expected["Cloakroom"] == 3


def test_refused_scans_are_summarised_by_day_and_reason(db: Database, story: Story) -> None:
    assert build_report(db).section("refused").rows == [
        ("2026-09-28", "Already checked in", 1),  # sorted by reason code, shown in words
        ("2026-09-28", "Registration cancelled", 1),
        ("2026-09-28", "Code not found", 1),
        ("Total", "", 3),
    ]
    assert build_report(db, Scope(day=DAY2)).section("refused").rows == [("Total", "", 0)]


def test_arrivals_per_quarter_hour_per_day(db: Database, story: Story) -> None:
    arrivals = build_report(db).arrivals
    assert [(t.strftime("%H:%M"), n) for t, n in arrivals[DAY1]] == [
        ("09:00", 1),
        ("09:15", 0),
        ("09:30", 0),
        ("09:45", 1),
    ]
    assert [(t.strftime("%H:%M"), n) for t, n in arrivals[DAY2]] == [
        ("08:30", 1),
        ("08:45", 0),
        ("09:00", 1),
    ]


def test_country_groups_bulgaria_and_romania_in_any_spelling() -> None:
    for spelling in ("Bulgaria", "BG", "България", "bulgaria "):
        assert country_group(spelling) == "Bulgaria"
    for spelling in ("Romania", "România", "RO", "Румъния"):
        assert country_group(spelling) == "Romania"
    assert country_group("Moldova") == "Other"
    assert country_group("") == "Not given"
