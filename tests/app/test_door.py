"""The one door (issue 20): a :class:`kiosk.app.door.Desk`, opened with
``kiosk.app.open_desk(path, kiosk)``, is how the command line, the desk window and the
self-service kiosk check people in, undo, search, count and change lists and people."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.app import open_desk
from kiosk.app.checkin import ScanRequestError, UndoError
from kiosk.app.people import PersonError
from kiosk.core.model import Method, ScanKind
from kiosk.core.reasons import Reason
from kiosk.storage.attendees import NewAttendee
from kiosk.storage.database import Database
from kiosk.storage.errors import NotAnEventDatabase
from tests.conftest import DAY1, Clock, People


@pytest.fixture
def path(db: Database, people: People) -> Path:
    db.close()
    return Path(db.path)


def test_a_desk_checks_in_refuses_the_second_scan_and_undoes(
    path: Path, people: People, clock: Clock
) -> None:
    with open_desk(path, clock=clock) as desk:
        first = desk.scan(people.ana, method=Method.TYPED)
        again = desk.scan(people.ana)
        assert first.decision.reason is Reason.ADMITTED
        assert again.decision.reason is Reason.ALREADY_CHECKED_IN
        assert first.remote_checked is None  # no hub configured: nothing was asked
        target = desk.undo_target()
        assert target is not None and target.scan_id == first.scan_id
        assert target.attendee is not None and target.attendee.code == people.ana
        undone = desk.undo()
        assert undone.voided_scan_id == first.scan_id
        with pytest.raises(UndoError):
            desk.undo(first.scan_id)
        assert desk.scan(people.ana).decision.reason is Reason.ADMITTED


def test_a_desk_opened_as_a_named_kiosk_records_its_scans_under_that_name(
    path: Path, people: People, clock: Clock
) -> None:
    with open_desk(path, "Desk 2", clock=clock) as desk:
        result = desk.scan(people.ivan)
        assert desk.kiosk.name == "Desk 2" and result.kiosk == desk.kiosk
        assert desk.undo_target(code=people.ivan) is not None
        renamed = desk.rename_kiosk("Entrance")
        assert renamed.id == result.kiosk.id and desk.kiosk.name == "Entrance"


def test_a_self_service_desk_never_forces_an_admission(
    path: Path, people: People, clock: Clock
) -> None:
    with open_desk(path, clock=clock, self_service=True) as desk, pytest.raises(
        ScanRequestError
    ):
        desk.scan(people.day2_only, force=True, reason="came a day early")


def test_search_details_and_numbers_answer_through_the_desk(
    path: Path, people: People, clock: Clock
) -> None:
    with open_desk(path, clock=clock) as desk:
        desk.scan(people.ana)
        found = desk.search("stefanescu")
        assert [f.attendee.code for f in found] == [people.ana]
        assert found[0].checked_in_today is not None
        details = desk.details(found[0].attendee.id)
        assert details is not None and details.undoable is not None
        day_list = desk.resolve_list(None)
        assert day_list.day == DAY1
        numbers = desk.numbers(day_list.id)
        assert numbers.admitted == 1
        assert desk.stats().registered == 3  # active registrations (the cancelled one apart)
        assert desk.search_any_layout("сэьх").showing_for == "ivan"  # BDS keys of "ivan"


def test_walk_ins_people_and_lists_go_through_the_desk(
    path: Path, people: People, clock: Clock
) -> None:
    with open_desk(path, clock=clock) as desk:
        result = desk.walk_in(NewAttendee("", "Elena", "Marin", "ADR Sud-Muntenia", "Romania"))
        assert result.decision.reason is Reason.ADMITTED
        assert result.decision.attendee is not None
        assert [f.attendee.last_name for f in desk.similar_people("Elena", "Marin")] == ["Marin"]
        person, changed = desk.edit_person(result.decision.attendee.id, {"note": "vegetarian"})
        assert person.note == "vegetarian" and changed == {"note"}
        with pytest.raises(PersonError):
            desk.edit_person(person.id, {"email": "x@example.org"})
        blocked = desk.set_blocked(people.ivan, True)
        assert desk.scan(blocked.code).decision.reason is Reason.REVOKED
        workshop = desk.add_list("Workshop A", day=DAY1)
        assert desk.checkin_list(workshop.id) == workshop
        assert workshop in desk.lists() and DAY1 in desk.event_days()
        exit_scan = desk.scan(people.ana, list_id=workshop.id, kind=ScanKind.EXIT)
        assert exit_scan.checkin_list == workshop
        assert desk.edit_list(workshop.id, name="Workshop B").name == "Workshop B"


def test_a_missing_file_is_told_as_such_and_opens_nothing(tmp_path: Path) -> None:
    with pytest.raises(NotAnEventDatabase, match="no such file"):
        open_desk(tmp_path / "nowhere.db")
    assert not (tmp_path / "nowhere.db").exists()


PROBE = """
import json, sys
from kiosk.app import open_desk
with open_desk(sys.argv[1]) as desk:
    desk.scan(sys.argv[2], list_id=desk.lists()[0].id)
    desk.search("a")
print(json.dumps(sorted(sys.modules)))
"""

HEAVY = ("kiosk.reports", "kiosk.importing", "kiosk.printing", "kiosk.sync", "kiosk.tickets",
         "kiosk.badges", "PySide6", "PIL", "openpyxl", "psycopg", "cryptography")  # fmt: skip


def test_checking_in_through_the_desk_loads_no_heavy_service(path: Path, people: People) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(path), people.ana],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    loaded = json.loads(done.stdout)
    assert "kiosk.app.checkin" in loaded
    assert [m for m in loaded if m.split(".")[0] in HEAVY or m.startswith(HEAVY)] == []
