"""Search: any part of name, organisation, e-mail or code; script and diacritics do not matter."""

from __future__ import annotations

from kiosk.storage.database import Database
from kiosk.storage.search import search
from tests.conftest import People


def names(db: Database, query: str) -> list[str]:
    return [h.attendee.name for h in search(db, query)]


def test_latin_query_finds_a_cyrillic_name(db: Database, people: People) -> None:
    assert names(db, "ivanov") == ["Иван Иванов"]


def test_cyrillic_query_finds_a_latin_name(db: Database, people: People) -> None:
    assert names(db, "Ана") == ["Ana Ștefănescu"]


def test_query_without_diacritics_finds_romanian_name(db: Database, people: People) -> None:
    assert names(db, "stefanescu") == ["Ana Ștefănescu"]
    assert names(db, "STEF") == ["Ana Ștefănescu"]


def test_cedilla_query_finds_comma_below_name(db: Database, people: People) -> None:
    assert names(db, "ştef") == ["Ana Ștefănescu"]


def test_organisation_email_and_code_are_searchable(db: Database, people: People) -> None:
    assert names(db, "klaster") == ["Иван Иванов"]  # Клъстер
    assert names(db, "dunarea") == ["Ana Ștefănescu"]
    assert names(db, "ugal") == ["Ana Ștefănescu"]
    assert names(db, people.ivan[:5].lower()) == ["Иван Иванов"]


def test_every_word_must_match(db: Database, people: People) -> None:
    assert names(db, "ana stef") == ["Ana Ștefănescu"]
    assert names(db, "ana ivanov") == []


def test_a_name_match_ranks_above_an_organisation_match(db: Database, people: People) -> None:
    from kiosk.storage import attendees
    from kiosk.storage.attendees import NewAttendee

    with db.write() as conn:
        attendees.insert_many(
            conn,
            [NewAttendee("PETROV-ORG", "Elena", "Dimova", "Petrov & Sons")],
            "2026-09-01T00:00:00.000000Z",
        )
    assert names(db, "petrov") == ["Мария Петрова", "Elena Dimova"]


def test_cancelled_people_are_found_too(db: Database, people: People) -> None:
    assert names(db, "popescu") == ["Ion Popescu"]


def test_an_empty_or_punctuation_query_finds_nobody(db: Database, people: People) -> None:
    assert names(db, "") == [] and names(db, " -- ") == []


def test_an_update_reindexes_the_person(db: Database, people: People) -> None:
    from kiosk.storage import attendees

    person = search(db, "ivanov")[0].attendee
    with db.write() as conn:
        attendees.update(conn, person.id, {"last_name": "Георгиев"}, "2026-09-02T00:00:00.000000Z")
    assert names(db, "ivanov") == [] and names(db, "georgiev") == ["Иван Георгиев"]
