"""The live numbers a desk shows for one check-in list."""

from __future__ import annotations

from datetime import datetime

from kiosk.app.checkin import CheckinService
from kiosk.reports.live import live_numbers
from kiosk.storage.database import Database
from tests.conftest import DAY1, DAY2, TZ, Clock, People


def test_admitted_counts_unique_people_and_expected_counts_valid_registrations(
    db: Database, people: People, clock: Clock
) -> None:
    service = CheckinService(db, clock=clock)
    service.scan(people.ana)
    service.scan(people.ana)  # refused: counted once
    service.scan(people.ivan)
    numbers = live_numbers(db, 1, TZ)
    # Four registered: one cancelled, one only for day two.
    assert (numbers.admitted, numbers.expected) == (2, 2)
    by_category = {s.label: (s.admitted, s.expected) for s in numbers.by_category}
    assert by_category == {"speaker": (1, 1), "participant": (1, 1)}


def test_an_undone_checkin_is_not_counted(db: Database, people: People, clock: Clock) -> None:
    service = CheckinService(db, clock=clock)
    service.scan(people.ana)
    service.undo()
    assert live_numbers(db, 1, TZ).admitted == 0


def test_arrivals_are_counted_per_quarter_hour_with_empty_quarters_kept(
    db: Database, people: People, clock: Clock
) -> None:
    service = CheckinService(db, clock=clock)
    service.scan(people.ana)  # 09:14 local
    clock.advance(minutes=40)  # 09:54
    service.scan(people.ivan)
    arrivals = live_numbers(db, 1, TZ).arrivals
    assert [(a.strftime("%H:%M"), n) for a, n in arrivals] == [
        ("09:00", 1),
        ("09:15", 0),
        ("09:30", 0),
        ("09:45", 1),
    ]
    assert all(isinstance(a, datetime) and a.tzinfo is not None for a, _ in arrivals)


def test_adding_one_admission_matches_a_full_recount(
    db: Database, people: People, clock: Clock
) -> None:
    from zoneinfo import ZoneInfo

    service = CheckinService(db, clock=clock)
    service.scan(people.ana)
    before = live_numbers(db, 1, TZ)
    clock.advance(minutes=50)
    result = service.scan(people.ivan)
    person = result.decision.attendee
    assert person is not None
    added = before.with_admission(
        person.category, person.country, result.at.astimezone(ZoneInfo(TZ))
    )
    assert added == live_numbers(db, 1, TZ)


def test_an_admission_of_a_new_category_adds_its_row(
    db: Database, people: People, clock: Clock
) -> None:
    from zoneinfo import ZoneInfo

    numbers = live_numbers(db, 1, TZ)
    added = numbers.with_admission("press", "Moldova", clock().astimezone(ZoneInfo(TZ)))
    assert ("press", 1, 0) in [(s.label, s.admitted, s.expected) for s in added.by_category]
    assert added.admitted == numbers.admitted + 1


def test_a_category_list_expects_only_its_categories(db: Database, people: People) -> None:
    """The desk's "checked in / expected" follows the check-in rule (kiosk.core.decide
    .expected_on): a list for speakers does not expect the participants registered that day.
    The count read the stored days only and said 2 here."""
    from kiosk.storage import events

    lounge = events.add_list(db, "Speakers' lounge", day=DAY1, categories=frozenset({"speaker"}))
    numbers = live_numbers(db, lounge.id, TZ)
    assert numbers.expected == 1
    assert [(s.label, s.expected) for s in numbers.by_category] == [("speaker", 1)]


def test_a_list_of_every_day_expects_those_registered_for_today(
    db: Database, people: People
) -> None:
    """A list without a day of its own expects, on a day, the registrations covering that day
    in the categories it takes: on day one not the day-two-only registrant, on day two yes."""
    from kiosk.storage import events

    every_day = events.add_list(db, "Cloakroom")
    assert live_numbers(db, every_day.id, TZ, today=DAY1).expected == 2  # Ana, Иван
    assert live_numbers(db, every_day.id, TZ, today=DAY2).expected == 3  # and Мария
    no_speakers = events.add_list(db, "Participants' lunch", categories=frozenset({"participant"}))
    assert live_numbers(db, no_speakers.id, TZ, today=DAY2).expected == 1  # Иван


def test_the_desk_counts_a_list_of_every_day_for_the_day_of_its_clock(
    db: Database, people: People, clock: Clock
) -> None:
    from kiosk.app import open_desk
    from kiosk.storage import events

    every_day = events.add_list(db, "Cloakroom")
    with open_desk(db.path, clock=clock, hub_guard=False) as desk:
        assert desk.numbers(every_day.id).expected == 2  # day one: not the day-two registrant
        clock.advance(days=1)
        assert desk.numbers(every_day.id).expected == 3
