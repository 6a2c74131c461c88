"""A two-day event with a known story, for the attendance reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from kiosk.app.checkin import CheckinService
from kiosk.storage import events
from kiosk.storage.database import Database
from tests.conftest import DAY2, TZ, Clock, People


@dataclass
class Story:
    people: People


@pytest.fixture
def story(db: Database, people: People, clock: Clock) -> Story:
    """Day 1: Ana at Desk 1 at 09:14, Ivan at Desk 2 at 09:54; refused: Ana again, an unknown
    code, the cancelled Ion. Day 2: Ana at 09:05, Ivan entered by hand for 08:30, Maria admitted
    and undone."""
    desk1 = CheckinService(db, clock=clock)
    desk2 = CheckinService(db, events.local_kiosk(db, "Desk 2"), clock=clock)
    assert desk1.scan(people.ana).decision.admitted
    clock.advance(minutes=40)
    assert desk2.scan(people.ivan).decision.admitted
    assert not desk1.scan(people.ana).decision.admitted
    assert not desk1.scan("ZZZZ-NOPE").decision.admitted
    assert not desk1.scan(people.cancelled).decision.admitted
    clock.now = datetime(2026, 9, 29, 9, 5, tzinfo=ZoneInfo(TZ))
    assert desk1.scan(people.ana).decision.admitted
    at = datetime(2026, 9, 29, 8, 30, tzinfo=ZoneInfo(TZ))
    assert desk2.scan(people.ivan, at=at).decision.admitted
    assert desk1.scan(people.day2_only).decision.admitted
    desk1.undo()
    assert at.date() == DAY2
    return Story(people)
