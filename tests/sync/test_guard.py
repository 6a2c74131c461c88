"""The hub asked live: a ticket cannot be used at two kiosks within seconds."""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator

import pytest

from kiosk.app.checkin import CheckinService
from kiosk.core.reasons import Reason
from kiosk.sync.guard import HubGuard
from kiosk.sync.hub import HubSession
from tests.sync.conftest import Fleet, Station


def _guarded(station: Station, fleet: Fleet, dsn: str, schema: str) -> HubGuard:
    guard = HubGuard(dsn, station.service.event.uid, station.service.kiosk.id, schema=schema)
    assert guard.warm().result(timeout=10) is None
    station.service = CheckinService(station.db, clock=fleet.clock, remote=guard)
    return guard


def test_a_ticket_admitted_at_one_kiosk_is_refused_at_the_next_within_seconds(
    fleet: Fleet, pg_server: str, hub_schema: str
) -> None:
    a, b = fleet.add("a"), fleet.add("b")
    for station in (a, b):  # the kiosks have met the hub once (names are known there)
        HubSession(station.db, pg_server, schema=hub_schema).sync()
    guard_a = _guarded(a, fleet, pg_server, hub_schema)
    guard_b = _guarded(b, fleet, pg_server, hub_schema)
    try:
        first = a.service.scan(fleet.codes[0])
        assert first.decision.reason is Reason.ADMITTED and first.remote_checked is True
        assert guard_a.drain(timeout=10)
        second = b.service.scan(fleet.codes[0])
        assert second.remote_checked is True
        assert second.decision.reason is Reason.ALREADY_CHECKED_IN
        previous = second.decision.previous
        assert previous is not None
        assert (previous.kiosk_id, previous.scan_id) == (a.service.kiosk.id, first.scan_id)
        assert previous.kiosk_name == a.service.kiosk.name
        # Someone else, not admitted anywhere, passes at b.
        assert b.service.scan(fleet.codes[1]).decision.reason is Reason.ADMITTED
    finally:
        guard_a.close()
        guard_b.close()


def test_an_undone_admission_elsewhere_does_not_block(
    fleet: Fleet, pg_server: str, hub_schema: str
) -> None:
    a, b = fleet.add("a"), fleet.add("b")
    guard_a = _guarded(a, fleet, pg_server, hub_schema)
    guard_b = _guarded(b, fleet, pg_server, hub_schema)
    try:
        a.service.scan(fleet.codes[0])
        a.service.undo()
        HubSession(a.db, pg_server, schema=hub_schema).sync()
        assert b.service.scan(fleet.codes[0]).decision.reason is Reason.ADMITTED
    finally:
        guard_a.close()
        guard_b.close()


@pytest.fixture
def silent_hub() -> Iterator[int]:
    """A hub address that accepts connections and never answers (a hung server)."""
    server = socket.create_server(("127.0.0.1", 0))
    yield server.getsockname()[1]
    server.close()


def test_when_the_hub_does_not_answer_in_time_the_kiosk_decides_alone_and_logs_it(
    fleet: Fleet, silent_hub: int, caplog: pytest.LogCaptureFixture
) -> None:
    a = fleet.add("a")
    dsn = f"postgresql://postgres@127.0.0.1:{silent_hub}/test?sslmode=disable&gssencmode=disable"
    guard = HubGuard(dsn, a.service.event.uid, a.service.kiosk.id, connect_timeout=30)
    a.service = CheckinService(a.db, clock=fleet.clock, remote=guard)
    try:
        with caplog.at_level(logging.WARNING, logger="kiosk.sync.guard"):
            result = a.service.scan(fleet.codes[0])
        assert result.decision.reason is Reason.ADMITTED
        assert result.remote_checked is False
        assert any("decided by this kiosk alone" in r.getMessage() for r in caplog.records)
        assert a.count() == 1  # on disk, as always
    finally:
        guard.close()
