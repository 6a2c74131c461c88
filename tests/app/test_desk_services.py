"""The desk's services beyond a check-in (kiosk.app.desk): whom an undo reaches, the codes a
scanner may type, similar names before a walk-in, and search across keyboard layouts."""

from __future__ import annotations

from kiosk.app.checkin import CheckinService
from kiosk.app.desk import (
    code_check,
    foreign_codes,
    layout_alternatives,
    search_any_layout,
    similar_people,
    typed_code,
    undo_target,
)
from kiosk.storage.attendees import NewAttendee, insert_many
from kiosk.storage.database import Database
from tests.conftest import Clock, People

NOW = "2026-09-01T00:00:00.000000Z"


def add(db: Database, *people: NewAttendee) -> None:
    with db.write() as conn:
        insert_many(conn, list(people), NOW)


def test_layout_alternatives_follow_the_physical_keys_of_the_bulgarian_layouts() -> None:
    # xkeyboard-config symbols/bg: the keys of "ivan" type "сэьх" on BDS; a code typed on the
    # phonetic layout keeps its digits; Latin typed while Cyrillic was meant maps back too.
    assert layout_alternatives("сэьх")[0] == "ivan"
    assert "A8154G443" in layout_alternatives("А8154Г443")
    assert "попесцу" in layout_alternatives("popescu")
    assert "ivan" not in layout_alternatives("ivan")


def test_search_answers_for_the_other_layout_only_when_the_text_finds_nobody(
    db: Database, people: People, clock: Clock
) -> None:
    add(db, NewAttendee("EB-1", "Ivan", "Dimitrov", "", ""))
    typed = search_any_layout(db, "сэьх", clock=clock)
    assert typed.showing_for == "ivan"
    assert "Dimitrov" in {f.attendee.last_name for f in typed.found}
    direct = search_any_layout(db, "ivan", clock=clock)
    assert direct.showing_for is None and direct.found


def test_imported_codes_count_as_complete_codes_exactly(db: Database, people: People) -> None:
    add(db, NewAttendee("EB-0042917", "Elena", "Marin", "", ""))
    foreign = foreign_codes(db)
    assert foreign == {"EB-0042917"}  # our own codes are recognised by their check character
    check = code_check(foreign)
    assert check("popescuEB-0042917") == "EB-0042917"
    assert check("EB-004291") is None
    assert check(people.ana) == people.ana
    assert typed_code(" eb-0042917 ", foreign) == "eb-0042917".strip()
    assert typed_code(people.ana.lower(), foreign) == people.ana
    assert typed_code("popescu", foreign) is None


def test_similar_names_meet_across_scripts_and_diacritics(
    db: Database, people: People, clock: Clock
) -> None:
    # Romanian orthography: Popescu; a Bulgarian desk writes it Попеску (Streamlined: popesku).
    add(
        db,
        NewAttendee("R1", "Maria", "Popescu", "CCI Constanța", ""),
        NewAttendee("R2", "Constantin", "Popescu", "ADR Sud", ""),
    )
    found = similar_people(db, "Мария", "Попеску", clock=clock)
    assert [(f.attendee.first_name, f.attendee.last_name) for f in found] == [
        ("Maria", "Popescu")
    ]
    # Diacritics left out: Ana Stefanescu is Ana Ștefănescu.
    assert [f.attendee.code for f in similar_people(db, "Ana", "Stefanescu", clock=clock)] == [
        people.ana
    ]
    # A cancelled registration is never offered (Ion Popescu in the fixture).
    assert similar_people(db, "Ion", "Popescu", clock=clock) == []
    assert similar_people(db, "Radu", "Vlădescu", clock=clock) == []


def test_undo_target_names_the_person_and_flags_a_bystander_after_an_undo(
    db: Database, people: People, clock: Clock
) -> None:
    service = CheckinService(db, clock=clock)
    service.scan(people.ivan)
    clock.advance(minutes=1)
    ana = service.scan(people.ana)
    first = undo_target(db, service.kiosk.id)
    assert first is not None and first.scan_id == ana.scan_id
    assert first.attendee is not None and first.attendee.code == people.ana
    assert not first.bystander
    service.undo(first.scan_id)
    second = undo_target(db, service.kiosk.id)
    assert second is not None and second.attendee is not None
    assert second.attendee.code == people.ivan
    assert second.bystander
    assert second.after_undo_of is not None and second.after_undo_of.code == people.ana
    # By code: that ticket's newest check-in, whoever was last.
    by_code = undo_target(db, service.kiosk.id, code=people.ivan.lower())
    assert by_code is not None and by_code.scan_id == second.scan_id and not by_code.bystander
    assert undo_target(db, service.kiosk.id, code="NOBODY") is None
