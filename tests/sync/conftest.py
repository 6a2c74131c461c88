"""Kiosks made the way organisers make them: one prepared file, copied to every laptop.

The PostgreSQL fixtures (pg_server, hub_schema) are in tests/conftest.py.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.app.checkin import CheckinService
from kiosk.core import codes
from kiosk.storage import attendees, events
from kiosk.storage.attendees import NewAttendee
from kiosk.storage.database import Database
from tests.conftest import DAY1, DAY2, TZ, Clock


@dataclass
class Station:
    """One kiosk: its own copy of the event file and its check-in service."""

    name: str
    db: Database
    service: CheckinService

    def scan(self, code: str) -> str:
        return self.service.scan(code).decision.reason.value

    def count(self, sql: str = "SELECT count(*) FROM scan") -> int:
        return int(self.db.conn.execute(sql).fetchone()[0])


@dataclass
class Fleet:
    folder: Path
    master: Path
    codes: list[str]
    clock: Clock
    stations: list[Station]

    def add(self, name: str) -> Station:
        path = self.folder / f"{name}.db"
        shutil.copy(self.master, path)
        db = Database(path)
        station = Station(name, db, CheckinService(db, clock=self.clock))
        self.stations.append(station)
        return station

    def close(self) -> None:
        for s in self.stations:
            s.db.close()


def prepare_event(path: Path, people: int) -> list[str]:
    """The organiser's prepared event file: two days, ``people`` registrations."""
    taken: set[str] = set()
    found: list[str] = []
    with Database(path, create=True) as db:
        events.create_event(db, "BG-RO Cluster Conference", [DAY1, DAY2], TZ)
        rows = []
        for n in range(people):
            code = codes.generate(taken)
            taken.add(code)
            found.append(code)
            rows.append(NewAttendee(code, f"Име{n}", f"Фамилия{n}", "Клъстер", "Bulgaria"))
        with db.write() as conn:
            attendees.insert_many(conn, rows, "2026-09-01T00:00:00.000000Z")
    return found


@pytest.fixture
def fleet(tmp_path: Path, clock: Clock) -> Iterator[Fleet]:
    master = tmp_path / "prepared.db"
    found = prepare_event(master, 30)
    f = Fleet(tmp_path, master, found, clock, [])
    yield f
    f.close()
