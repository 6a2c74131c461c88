"""`kiosk checkin` and the self-service kiosk ask the hub "admitted elsewhere?" as the desk does
(issue 19 point 11: the check was wired only in a Qt module)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from kiosk.app import open_desk
from kiosk.cli.main import cli
from kiosk.core.model import Method
from kiosk.core.reasons import Reason
from kiosk.sync.guard import HubGuard
from kiosk.sync.hub import HubSession
from tests.sync.conftest import Fleet


def test_the_command_line_refuses_a_ticket_admitted_at_another_kiosk_minutes_ago(
    fleet: Fleet, pg_server: str, hub_schema: str
) -> None:
    a, b = fleet.add("a"), fleet.add("b")
    for station in (a, b):  # both kiosks synced with the hub once: b remembers it
        HubSession(station.db, pg_server, schema=hub_schema).sync()
    guard = HubGuard(pg_server, a.service.event.uid, a.service.kiosk.id, schema=hub_schema)
    try:
        a.service.remote = guard
        first = a.service.scan(fleet.codes[0])
        assert first.decision.reason is Reason.ADMITTED
        assert guard.drain(timeout=10)
    finally:
        guard.close()
    # b has not synced since: only the hub knows of a's admission.
    assert b.count() == 0
    path = str(b.db.path)
    b.db.close()
    result = CliRunner().invoke(
        cli,
        ["--db", path, "checkin", fleet.codes[0], "--list", "1", "--at", "2026-09-28T10:00",
         "--json"],
        catch_exceptions=False,
    )  # fmt: skip
    answer = json.loads(result.output)
    assert answer["status"] == "already_checked_in", result.output
    assert answer["previous"]["kiosk"] == a.service.kiosk.name
    assert result.exit_code == 1
    # The self-service kiosk takes the same path (the door's check-in, hub asked first): a
    # name picked at the kiosk is refused too, though this file still holds no admission.
    with open_desk(path, clock=fleet.clock, self_service=True) as kiosk:
        picked = kiosk.scan(fleet.codes[0], list_id=1, method=Method.SELF_PICK)
    assert picked.decision.reason is Reason.ALREADY_CHECKED_IN and picked.remote_checked


def test_lists_forced_admissions_and_corrections_travel_through_the_hub(
    fleet: Fleet, pg_server: str, hub_schema: str
) -> None:
    from kiosk.app.people import edit_person
    from kiosk.core.model import Policy
    from kiosk.storage import attendees, events

    a, b = fleet.add("a"), fleet.add("b")
    workshop = events.add_list(a.db, "Workshop A", policy=Policy.MULTIPLE)
    a.service.scan(fleet.codes[1])
    fleet.clock.advance(minutes=5)
    forced = a.service.scan(fleet.codes[1], force=True, reason="no ticket on the phone")
    assert forced.decision.overridden is Reason.ALREADY_CHECKED_IN  # admitted anyway
    person = attendees.find_by_code(a.db.conn, fleet.codes[2])
    assert person is not None
    edit_person(a.db, person.id, {"note": "VIP", "attention": True}, kiosk=a.service.kiosk)
    for station in (a, b, a, b):
        HubSession(station.db, pg_server, schema=hub_schema).sync()
    arrived = events.checkin_list(b.db, workshop.id)
    assert arrived is not None and arrived.name == "Workshop A"
    row = b.db.conn.execute(
        "SELECT method, note FROM scan WHERE scan_id = ?", (forced.scan_id,)
    ).fetchone()
    assert row == ("forced", "no ticket on the phone")
    corrected = attendees.find_by_code(b.db.conn, fleet.codes[2])
    assert corrected is not None and corrected.note == "VIP" and corrected.attention
