"""Names are cleaned once, where people are stored (kiosk.storage.attendees, with
kiosk.core.text.clean): a name typed with legacy ş ţ, decomposed accents, stray spaces and a
line break comes out the same whether it arrived by an import, a walk-in at the desk or an
edit, and a badge prints it as stored."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from kiosk.app.checkin import CheckinService
from kiosk.app.people import edit_person
from kiosk.badges.render import BadgeData
from kiosk.core.model import Attendee
from kiosk.importing.service import import_file
from kiosk.storage import attendees, events
from kiosk.storage.attendees import NewAttendee
from kiosk.storage.database import Database
from tests.conftest import Clock

#: As old exports and hurried typing write them: cedilla ş ţ, "ă" as a + combining breve,
#: spaces around and doubled, a line break (Alt+Enter in a spreadsheet cell).
FIRST = "  Ştefan\u00a0 Ţiprian "
LAST = unicodedata.normalize("NFD", "Bălănescu") + "\nIonescu"
ORGANIZATION = " Universitatea  „Dunărea de Jos” "
#: What every path stores and prints.
CLEAN_FIRST, CLEAN_LAST = "Ștefan Țiprian", "Bălănescu Ionescu"
CLEAN_ORGANIZATION = "Universitatea „Dunărea de Jos”"


def as_stored(db: Database, person: Attendee) -> tuple[str, str, str]:
    found = attendees.find_by_code(db.conn, person.code)
    assert found is not None
    return found.first_name, found.last_name, found.organization


def printed(person: Attendee) -> tuple[str, str]:
    data = BadgeData.from_attendee(person, "Event")
    return data.value("full_name"), data.value("organization")


def expected_everywhere(db: Database, person: Attendee) -> None:
    assert as_stored(db, person) == (CLEAN_FIRST, CLEAN_LAST, CLEAN_ORGANIZATION)
    assert printed(person) == (f"{CLEAN_FIRST} {CLEAN_LAST}", CLEAN_ORGANIZATION)


def test_an_imported_name_is_stored_and_printed_clean(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "registrations.csv"
    cells = [FIRST, LAST, ORGANIZATION, "ana@example.ro"]
    row = ",".join('"' + c.replace('"', '""') + '"' for c in cells)
    path.write_text(f"First name,Last name,Organisation,Email\n{row}\n", encoding="utf-8")
    assert import_file(db, path).added == 1
    [person] = [p for p in all_people(db) if p.email == "ana@example.ro"]
    expected_everywhere(db, person)


def test_a_walk_in_is_stored_and_printed_clean(db: Database, clock: Clock) -> None:
    desk = CheckinService(db, events.local_kiosk(db, "Desk 1"), clock=clock)
    result = desk.walk_in(NewAttendee("", FIRST, LAST, ORGANIZATION))
    assert result.decision.attendee is not None
    expected_everywhere(db, result.decision.attendee)


def test_an_edited_name_is_stored_and_printed_clean(db: Database, clock: Clock) -> None:
    desk = CheckinService(db, events.local_kiosk(db, "Desk 1"), clock=clock)
    person = desk.walk_in(NewAttendee("", "Ana", "Pop")).decision.attendee
    assert person is not None
    edited, _ = edit_person(
        db, person.id, {"first_name": FIRST, "last_name": LAST, "organization": ORGANIZATION},
        kiosk=desk.kiosk,
    )  # fmt: skip
    expected_everywhere(db, edited)


def test_storage_cleans_an_update_whoever_calls_it(db: Database, clock: Clock) -> None:
    desk = CheckinService(db, events.local_kiosk(db, "Desk 1"), clock=clock)
    person = desk.walk_in(NewAttendee("", "Ana", "Pop")).decision.attendee
    assert person is not None
    with db.write() as conn:
        attendees.update(
            conn, person.id, {"first_name": FIRST, "last_name": LAST,
                              "organization": ORGANIZATION}, "2026-09-28T07:00:00Z",
        )  # fmt: skip
    found = attendees.find_by_code(db.conn, person.code)
    assert found is not None
    expected_everywhere(db, found)


def all_people(db: Database) -> list[Attendee]:
    codes = [r[0] for r in db.conn.execute("SELECT code FROM attendee")]
    found = [attendees.find_by_code(db.conn, c) for c in codes]
    return [p for p in found if p is not None]
