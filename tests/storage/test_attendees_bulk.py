"""Inserting many attendees at once: the fast path must store and index exactly what the
one-by-one path does."""

from __future__ import annotations

import re
from dataclasses import replace

from kiosk.core import codes
from kiosk.storage import attendees
from kiosk.storage.attendees import DETAIL_COLUMNS, NewAttendee, insert_many, new_uid
from kiosk.storage.database import Database
from kiosk.storage.search import search

NOW = "2026-09-27T10:00:00Z"


def _index_names(db: Database) -> set[str]:
    rows = db.query(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'attendee' "
        "AND sql IS NOT NULL"
    )
    return {r["name"] for r in rows}


def _crowd(count: int) -> list[NewAttendee]:
    taken: set[str] = set()
    people = []
    for i in range(count):
        code = codes.generate(taken)
        taken.add(code)
        people.append(
            NewAttendee(
                code,
                ["Ana", "Иван", "Ștefan"][i % 3],
                f"Family{i}",
                ["Клъстер Мехатроника", "CCI Constanța", ""][i % 3],
                "Romania",
                f"p{i}@example.org",
                phone=" +40 21 ",
                category="participant",
            )
        )
    return people


def test_first_bulk_import_keeps_every_secondary_index(db: Database) -> None:
    before = _index_names(db)
    with db.write() as conn:
        insert_many(conn, _crowd(attendees._BULK_ROWS + 10), NOW)
    assert _index_names(db) == before
    assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_bulk_and_single_inserts_store_the_same_cleaned_fields(db: Database) -> None:
    crowd = _crowd(attendees._BULK_ROWS + 1)
    with db.write() as conn:
        insert_many(conn, crowd, NOW)
        (single_id,) = insert_many(conn, [replace(crowd[0], code="X1")], NOW)
    bulk_row = db.query("SELECT * FROM attendee WHERE id = 1")[0]
    single_row = db.query("SELECT * FROM attendee WHERE id = ?", (single_id,))[0]
    for column in (*DETAIL_COLUMNS, "sort_key", "days", "raw", "status"):
        assert bulk_row[column] == single_row[column], column
    assert bulk_row["phone"] == "+40 21"


def test_people_sharing_a_name_word_are_each_found_once(db: Database) -> None:
    with db.write() as conn:
        insert_many(conn, _crowd(attendees._BULK_ROWS + 3), NOW)
        # First and last name share a word: the posting must still list the person once.
        insert_many(conn, [NewAttendee("SAME1", "Ivan", "Ivan")], NOW)
    hits = search(db, "ivan", limit=10_000)
    ids = [h.attendee.id for h in hits]
    assert len(ids) == len(set(ids))
    assert sum(1 for h in hits if h.attendee.code == "SAME1") == 1
    assert len(search(db, "mehatronika", limit=10_000)) == (attendees._BULK_ROWS + 3 + 2) // 3


def test_generated_uids_are_version_4_uuids_and_distinct() -> None:
    uids = {new_uid() for _ in range(2000)}
    assert len(uids) == 2000
    pattern = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
    assert all(pattern.fullmatch(u) for u in uids)
