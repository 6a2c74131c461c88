"""A kiosk identity does not travel inside a copied event file."""

from __future__ import annotations

import shutil
from pathlib import Path

from kiosk.storage import events, replica
from kiosk.storage.database import Database
from tests.sync.conftest import Fleet


def test_two_copies_of_one_prepared_file_get_distinct_kiosk_ids(fleet: Fleet) -> None:
    a, b = fleet.add("a"), fleet.add("b")
    assert a.service.kiosk.id != b.service.kiosk.id
    # Neither copy writes under the organiser's original identity.
    with Database(fleet.master) as master:
        original = events.local_kiosk(master)
    assert original.id not in (a.service.kiosk.id, b.service.kiosk.id)


def test_copies_write_non_colliding_scan_logs_that_merge_completely(fleet: Fleet) -> None:
    a, b = fleet.add("a"), fleet.add("b")
    for code in fleet.codes[:5]:
        a.scan(code)
    for code in fleet.codes[5:10]:
        b.scan(code)
    with b.db.write() as conn:
        merged = replica.merge_scans(conn, replica.scan_rows(a.db.conn))
    assert merged.clashes == []
    assert merged.total_added == 5
    assert b.count() == 10


def test_the_copied_identity_is_kept_as_a_remote_kiosk_and_the_new_name_says_where(
    fleet: Fleet,
) -> None:
    a = fleet.add("a")
    rows = a.db.query("SELECT name, local FROM kiosk ORDER BY local")
    assert (rows[0]["name"], rows[0]["local"]) == ("Desk 1", 0)
    assert rows[1]["local"] == 1 and rows[1]["name"].startswith("Desk 1 (")


def test_the_identity_stays_the_same_when_the_file_is_reopened_where_it_lives(
    fleet: Fleet,
) -> None:
    a = fleet.add("a")
    first = a.service.kiosk
    a.db.close()
    with Database(fleet.folder / "a.db") as again:
        assert events.local_kiosk(again) == first


def test_a_copy_made_after_scanning_starts_its_own_sequence(tmp_path: Path, fleet: Fleet) -> None:
    a = fleet.add("a")
    for code in fleet.codes[:3]:
        a.scan(code)
    a.db.checkpoint()
    shutil.copy(tmp_path / "a.db", tmp_path / "laptop2.db")
    with Database(tmp_path / "laptop2.db") as copy:
        me = events.local_kiosk(copy)
        assert me.id != a.service.kiosk.id
        ranges = replica.kiosk_ranges(copy.conn)
    assert me.id not in ranges  # starts at sequence 1 under its own id
    assert ranges[a.service.kiosk.id].count == 3
