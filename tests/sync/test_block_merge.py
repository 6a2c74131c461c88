"""A blocked ticket stays blocked whatever order the kiosks' rosters meet in.

A person's row travels last-writer-wins. A block (``kiosk keys block``, pretix's blocked
secrets) must not: Desk B corrects Ana's name at 10:05, not yet knowing that Desk A blocked her
lost ticket at 10:00; B's row is newer, yet the merge must keep the block and take the name.
Every credential of a blocked ticket is refused as ``revoked`` on every kiosk that has heard of
the block (issue "Check-in rules … revocation that holds").
"""

from __future__ import annotations

import time

import pytest

from kiosk.app.people import edit_person, set_blocked
from kiosk.storage import attendees, replica
from tests.sync.conftest import Fleet, Station


def exchange(source: Station, target: Station) -> None:
    """What a bundle or a hub pull does with the roster: merge the other side's rows."""
    rows = replica.roster_rows(source.db.conn)
    with target.db.write() as conn:
        replica.merge_roster(conn, rows)


def ana(station: Station, code: str) -> attendees.Attendee:
    person = attendees.find_by_code(station.db.conn, code)
    assert person is not None
    return person


@pytest.mark.parametrize("first", ["a_to_b", "b_to_a"])
def test_a_newer_correction_from_a_kiosk_that_did_not_know_keeps_the_block(
    fleet: Fleet, first: str
) -> None:
    a, b = fleet.add("desk-a"), fleet.add("desk-b")
    code = fleet.codes[0]
    set_blocked(a.db, code, True, kiosk=a.service.kiosk)
    time.sleep(0.002)  # B's correction is later in time than A's block
    edit_person(b.db, ana(b, code).id, {"last_name": "Попова"}, kiosk=b.service.kiosk)

    order = [(a, b), (b, a)] if first == "a_to_b" else [(b, a), (a, b)]
    for source, target in order + order:  # twice round: everything has travelled
        exchange(source, target)

    for station in (a, b):
        person = ana(station, code)
        assert person.blocked, station.name
        assert person.last_name == "Попова", station.name
        assert station.scan(code) == "revoked"
    assert replica.roster_rows(a.db.conn) == replica.roster_rows(b.db.conn)  # converged


def test_an_unblock_after_the_block_travels_as_usual(fleet: Fleet) -> None:
    a, b = fleet.add("desk-a"), fleet.add("desk-b")
    code = fleet.codes[1]
    set_blocked(a.db, code, True, kiosk=a.service.kiosk)
    exchange(a, b)
    time.sleep(0.002)
    set_blocked(b.db, code, False, kiosk=b.service.kiosk)
    exchange(b, a)
    assert not ana(a, code).blocked
    assert a.scan(code) == "admitted"


def test_an_older_row_carrying_a_newer_block_still_blocks(fleet: Fleet) -> None:
    a, b = fleet.add("desk-a"), fleet.add("desk-b")
    code = fleet.codes[2]
    edit_person(b.db, ana(b, code).id, {"organization": "Клъстер Русе"}, kiosk=b.service.kiosk)
    time.sleep(0.002)
    set_blocked(a.db, code, True, kiosk=a.service.kiosk)
    time.sleep(0.002)  # B corrects again: B's row is now newer than A's, its block is not
    edit_person(b.db, ana(b, code).id, {"first_name": "Ани"}, kiosk=b.service.kiosk)
    exchange(a, b)  # A's row is older than B's, but its block is newer than anything B knows
    person = ana(b, code)
    assert person.blocked and person.first_name == "Ани"
    exchange(b, a)
    assert ana(a, code).first_name == "Ани" and ana(a, code).blocked


def test_a_person_new_here_arrives_with_the_time_of_their_block(fleet: Fleet) -> None:
    """A walk-in registered and blocked at Desk A reaches Desk B, which never had them: B keeps
    A's row exactly, block time included, so a later row that had not heard of the block (or
    an older unblock) is judged by the same time at both desks."""
    a, b = fleet.add("desk-a"), fleet.add("desk-b")
    walk_in = a.service.walk_in(attendees.NewAttendee("", "Ioana", "Ștefănescu", "ADR", "RO"))
    code = walk_in.decision.attendee.code if walk_in.decision.attendee else ""
    set_blocked(a.db, code, True, kiosk=a.service.kiosk)
    exchange(a, b)
    assert ana(b, code).blocked
    assert replica.roster_rows(b.db.conn) == replica.roster_rows(a.db.conn)
