"""Search: the shortcuts that keep common words fast never change who is found or their order.

Queries mixing a rare word with a common one ("de", "a") are answered from the rare word's
people; these tests pin down that the answer is the same as if every word were looked at in full.
"""

from __future__ import annotations

import pytest

from kiosk.core import codes
from kiosk.storage import attendees
from kiosk.storage import search as search_module
from kiosk.storage.attendees import NewAttendee
from kiosk.storage.database import Database
from kiosk.storage.search import search

NOW = "2026-09-01T00:00:00.000000Z"


def add(db: Database, *people: tuple[str, str, str, str]) -> None:
    """Add people given as (first name, last name, organisation, e-mail)."""
    taken: set[str] = set()
    rows = []
    for first, last, org, email in people:
        code = codes.generate(taken)
        taken.add(code)
        rows.append(NewAttendee(code, first, last, org, "Romania", email))
    with db.write() as conn:
        attendees.insert_many(conn, rows, NOW)


def names(db: Database, query: str, limit: int = 50) -> list[str]:
    return [h.attendee.name for h in search(db, query, limit)]


def many_with_de(count: int) -> list[tuple[str, str, str, str]]:
    orgs = ["Universidad de Madrid", "Institut de Physique", "Banco de Portugal"]
    return [
        (f"Person{i:03d}", f"Surname{i:03d}", orgs[i % len(orgs)], f"p{i}@example.org")
        for i in range(count)
    ]


def test_common_short_word_does_not_change_who_is_found(db: Database) -> None:
    add(db, *many_with_de(60), ("Ana", "Ștefănescu", "Universitatea „Dunărea de Jos”", ""))
    assert names(db, "dunarea de jos") == ["Ana Ștefănescu"]
    assert names(db, "de jos dunarea") == ["Ana Ștefănescu"]
    assert names(db, "de madrid jos") == []


def test_a_common_word_alone_returns_at_most_limit_people(db: Database) -> None:
    add(db, *many_with_de(60))
    assert len(search(db, "de", limit=7)) == 7
    assert len(search(db, "de")) == 50


def test_a_name_match_on_the_common_word_still_ranks_first(db: Database) -> None:
    add(
        db,
        *many_with_de(60),
        ("Ana", "Ștefănescu", "Universitatea „Dunărea de Jos”", ""),
        ("Denisa", "Zamfir", "Universitatea „Dunărea de Jos”", ""),
        ("Ion", "Dragomir", "Universitatea „Dunărea de Jos”", "de@ugal.ro"),
    )
    # "de" is a prefix of Denisa's name: a name match beats the organisation match all three
    # share; Ana and Ion tie and are then alphabetical by last name.
    assert names(db, "dunarea de jos") == ["Denisa Zamfir", "Ion Dragomir", "Ana Ștefănescu"]
    assert names(db, "de", limit=1) == ["Denisa Zamfir"]


def test_the_rarer_word_decides_who_is_considered_whatever_its_length(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Few ids are read for the word people are looked up by; it must be the rarest word, not
    # the longest, or the one person matching both would be cut off.
    monkeypatch.setattr(search_module, "CANDIDATE_LIMIT", 5)
    crowd = [(f"P{i:02d}", f"S{i:02d}", "Universitatea Politehnica", "") for i in range(20)]
    add(db, *crowd, ("Ana", "Ștefănescu", "Universitatii Dunarea de Jos", ""))
    assert names(db, "univ jos") == ["Ana Ștefănescu"]


def test_a_short_prefix_shows_name_matches_before_others_even_when_capped(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Organisations "Aaa…" sort before the first name "Ana", but a name match is better: the
    # cap on a one-letter query drops the weakest matches, never the best ones.
    monkeypatch.setattr(search_module, "CANDIDATE_LIMIT", 5)
    crowd = [(f"P{i:02d}", f"S{i:02d}", "Aaa Holding", "") for i in range(20)]
    add(db, *crowd, ("Ana", "Ștefănescu", "", ""))
    assert names(db, "a", limit=1) == ["Ana Ștefănescu"]
    assert search(db, "a", limit=1)[0].score == 1  # prefix of a name


def test_scores_add_up_over_words_as_before(db: Database) -> None:
    add(
        db,
        ("Ana", "Pop", "Banco de Portugal", "ana.pop@example.org"),
        ("Anastasia", "Popa", "Universidad de Madrid", ""),
        ("Maria", "Ionescu", "Ana Pop SRL", ""),
    )
    hits = search(db, "ana pop")
    # Whole name words; prefixes of name words; whole organisation words (each organisation
    # word scores 4: after a name's exact and loose, whole and prefix matches).
    assert [(h.attendee.name, h.score) for h in hits] == [
        ("Ana Pop", 0),
        ("Anastasia Popa", 2),
        ("Maria Ionescu", 8),
    ]
