"""Registrations not paid yet follow each list's rule, and a file's desk notes reach the desk
(issue 19 "pending/unpaid", issue 17 point 11), from pretix's own order data export
(tests/importing/platforms, written by make_files.py from the pretix wheel's catalogues)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.app.checkin import CheckinService
from kiosk.core.reasons import Reason
from kiosk.importing.service import import_file
from kiosk.storage import attendees, events
from kiosk.storage.database import Database
from tests.conftest import DAY1, Clock

FILES = Path(__file__).parent / "platforms"


@pytest.mark.parametrize("language", ["en", "ro", "de"])
def test_a_pretix_pending_order_is_imported_unpaid_and_refused_unless_the_list_admits_it(
    db: Database, clock: Clock, language: str
) -> None:
    import_file(db, FILES / f"pretix_order_data_{language}.xlsx")
    flags = dict(db.conn.execute("SELECT external_id, pending FROM attendee").fetchall())
    # pretix's "pending" (Order.STATUS_PENDING, shown "pending" / "în așteptare" / "ausstehend")
    assert flags["DEF34-1"] == 1 and flags["ABC12-1"] == 0 and flags["ABC12-2"] == 0
    (code,) = db.conn.execute("SELECT code FROM attendee WHERE external_id = 'DEF34-1'").fetchone()
    desk = CheckinService(db, clock=clock)
    assert desk.scan(code).decision.reason is Reason.UNPAID  # pretix test_unpaid
    door = events.add_list(db, "Pay at the door", day=DAY1, admit_pending=True)
    assert desk.scan(code, list_id=door.id).decision.reason is Reason.ADMITTED
    person = attendees.find_by_code(db.conn, code)
    assert person is not None and person.pending


def test_a_note_and_attention_column_reach_the_desk(
    db: Database, clock: Clock, tmp_path: Path
) -> None:
    source = tmp_path / "registrations.csv"
    source.write_text(
        "First name,Last name,Email,Status,Note,Requires special attention\n"
        "Elena,Dobreva,elena@example.bg,paid,Wheelchair — seat in row 1,Yes\n"
        "Ion,Pop,ion@example.ro,unpaid,,No\n",
        encoding="utf-8",
    )
    import_file(db, source)
    rows = {
        r[0]: r[1:]
        for r in db.conn.execute("SELECT last_name, note, attention, pending FROM attendee")
    }
    assert rows == {"Dobreva": ("Wheelchair — seat in row 1", 1, 0), "Pop": ("", 0, 1)}
    (code,) = db.conn.execute("SELECT code FROM attendee WHERE last_name = 'Dobreva'").fetchone()
    decision = CheckinService(db, clock=clock).scan(code).decision
    assert decision.attendee is not None and decision.attendee.attention
    assert decision.attendee.note == "Wheelchair — seat in row 1"
