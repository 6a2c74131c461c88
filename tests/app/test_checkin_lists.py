"""Which list a check-in uses, and that a change to the lists is seen by the very next scan,
whoever made it (this desk, another program on the same file, a sync), although a check-in
does not ask the file for its lists before each scan."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.app.checkin import CheckinService, NoListError
from kiosk.core.reasons import Hint, Reason
from kiosk.storage import events
from kiosk.storage.database import Database
from tests.conftest import DAY1, Clock, People


def service(db: Database, clock: Clock) -> CheckinService:
    return CheckinService(db, events.local_kiosk(db, "Desk 1"), clock=clock)


def day1_list(db: Database) -> int:
    return next(cl.id for cl in events.checkin_lists(db) if cl.day == DAY1)


def test_a_list_changed_by_another_program_is_used_at_the_next_scan(
    db: Database, people: People, clock: Clock
) -> None:
    desk = service(db, clock)
    assert desk.scan(people.ana).decision.reason is Reason.ADMITTED
    with Database(db.path) as other:  # e.g. 'kiosk lists edit' in a terminal
        events.edit_list(other, day1_list(other), categories=["speaker"])
    refused = desk.scan(people.ivan)  # a participant
    assert refused.decision.reason is Reason.NOT_ON_LIST
    assert refused.decision.hint is Hint.CATEGORY_NOT_ALLOWED
    assert refused.checkin_list.categories == {"speaker"}


def test_a_list_changed_through_the_same_connection_is_used_at_the_next_scan(
    db: Database, people: People, clock: Clock
) -> None:
    desk = service(db, clock)
    desk.scan(people.ana, list_id=day1_list(db))
    events.edit_list(db, day1_list(db), categories=["speaker"])
    refused = desk.scan(people.ivan, list_id=day1_list(db))
    assert refused.decision.hint is Hint.CATEGORY_NOT_ALLOWED


def test_a_day_list_made_elsewhere_for_a_day_without_one_is_found(
    db: Database, people: People, clock: Clock
) -> None:
    desk = service(db, clock)
    desk.scan(people.ivan)
    clock.advance(days=7)
    with pytest.raises(NoListError, match="No check-in list for 2026-10-05"):
        desk.scan(people.ana)
    with Database(db.path) as other:
        events.add_list(other, "Day 2026-10-05", day=date(2026, 10, 5))
    assert desk.scan(people.ana).checkin_list.name == "Day 2026-10-05"


def test_a_list_without_a_day_is_never_taken_for_todays(
    db: Database, people: People, clock: Clock
) -> None:
    events.add_list(db, "Dinner")
    clock.advance(days=7)
    with pytest.raises(NoListError, match="Dinner"):
        service(db, clock).scan(people.ana)


def test_a_check_in_is_five_statements_begin_read_number_append_commit(
    db: Database, people: People, clock: Clock
) -> None:
    desk = service(db, clock)
    desk.scan(people.ivan)  # the lists are read once
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        result = desk.scan(people.ana)
    finally:
        db.conn.set_trace_callback(None)
    assert result.decision.reason is Reason.ADMITTED
    assert len(statements) == 5, statements
    assert statements[0] == "BEGIN IMMEDIATE" and statements[-1] == "COMMIT"
