"""Walk-in registration at the desk: the person is created and checked in together."""

from __future__ import annotations

import pytest

from kiosk.app.checkin import CheckinService
from kiosk.core import codes
from kiosk.core.reasons import Reason
from kiosk.storage import attendees
from kiosk.storage.attendees import NewAttendee
from kiosk.storage.database import Database
from tests.conftest import DAY1, Clock, People


def test_a_walk_in_is_registered_for_today_and_admitted(
    db: Database, people: People, clock: Clock
) -> None:
    result = CheckinService(db, clock=clock).walk_in(
        NewAttendee("", "Elena", "Munteanu", "Port Constanța", "Romania", category="participant")
    )
    assert result.decision.reason is Reason.ADMITTED
    person = result.decision.attendee
    assert person is not None
    assert codes.is_valid(person.code)
    assert person.days == frozenset({DAY1})
    record = attendees.record(db, person.id)
    assert record is not None and record.origin == "walk_in"


def test_scanning_the_walk_ins_new_code_says_already_checked_in(
    db: Database, people: People, clock: Clock
) -> None:
    service = CheckinService(db, clock=clock)
    first = service.walk_in(NewAttendee("", "Elena", "Munteanu"))
    assert first.decision.attendee is not None
    again = service.scan(first.decision.attendee.code)
    assert again.decision.reason is Reason.ALREADY_CHECKED_IN


def test_a_walk_in_that_fails_leaves_no_attendee_behind(
    db: Database, people: People, clock: Clock
) -> None:
    before = attendees.count(db)
    with pytest.raises(Exception, match="UNIQUE"):
        # The code is taken: the insert fails and nothing of the walk-in is kept.
        CheckinService(db, clock=clock).walk_in(NewAttendee(people.ana, "Elena", "Munteanu"))
    assert attendees.count(db) == before
