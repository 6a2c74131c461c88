"""Naming this computer's kiosk: shown in results, reports and to the other kiosks."""

from __future__ import annotations

import pytest

from kiosk.app.checkin import CheckinService
from kiosk.core.reasons import Reason
from kiosk.storage import events
from kiosk.storage.database import Database
from tests.conftest import Clock, People


def test_a_renamed_kiosk_is_named_in_a_later_already_checked_in_answer(
    db: Database, people: People, clock: Clock
) -> None:
    kiosk = events.local_kiosk(db)
    CheckinService(db, kiosk, clock).scan(people.ana)
    renamed = events.rename_kiosk(db, kiosk, "  Desk   3 ")
    assert (renamed.id, renamed.name) == (kiosk.id, "Desk 3")
    again = CheckinService(db, renamed, clock).scan(people.ana)
    assert again.decision.reason is Reason.ALREADY_CHECKED_IN
    assert again.decision.previous is not None
    assert again.decision.previous.kiosk_name == "Desk 3"
    assert events.local_kiosk(db) == renamed
    # The log is untouched: the scan still carries the same kiosk id and sequence number.
    assert db.conn.execute("SELECT kiosk_id, kiosk_seq FROM scan").fetchall()[0] == (kiosk.id, 1)


@pytest.mark.parametrize(
    ("name", "reason"),
    [("", "empty"), ("   ", "empty"), ("x" * 41, "too_long"), ("Desk 2", "taken")],
)
def test_a_name_that_cannot_be_used_is_refused_with_a_reason_and_changes_nothing(
    db: Database, name: str, reason: str
) -> None:
    kiosk = events.local_kiosk(db)
    events.local_kiosk(db, "Desk 2")
    with pytest.raises(events.KioskNameError) as refused:
        events.rename_kiosk(db, kiosk, name)
    assert refused.value.reason == reason
    assert events.local_kiosk(db) == kiosk


def test_another_computers_kiosk_cannot_be_renamed_from_here(db: Database) -> None:
    with db.write() as conn:
        conn.execute("INSERT INTO kiosk (id, name, local) VALUES ('far', 'Desk 9', 0)")
    with pytest.raises(events.KioskNameError) as refused:
        events.rename_kiosk(db, events.Kiosk("far", "Desk 9"), "Mine now")
    assert refused.value.reason == "not_local"
