"""Merging another kiosk's scans into a log: what is new, present, or clashes, and what it costs."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest

from kiosk.core.model import ScanKind
from kiosk.core.reasons import Reason
from kiosk.storage import replica, scanlog
from tests.sync.conftest import Fleet, Station


def _scan_many(station: Station, n: int, uid: str) -> None:
    """``n`` scans in the station's log (one transaction; refused scans are scans too)."""
    with station.db.write() as conn:
        for _ in range(n):
            scanlog.append(
                conn,
                scanlog.NewScan(
                    kiosk_id=station.service.kiosk.id,
                    at=datetime(2026, 9, 28, 8, 0, tzinfo=UTC),
                    list_id=1,
                    kind=ScanKind.ENTRY,
                    reason=Reason.ALREADY_CHECKED_IN,
                    attendee_uid=uid,
                ),
            )


def _vm_steps(conn: sqlite3.Connection, rows: list[replica.ScanRow]) -> int:
    """SQLite virtual-machine steps (in units of 100) the merge of ``rows`` takes, rolled back."""
    steps = [0]

    def count() -> int:
        steps[0] += 1
        return 0

    conn.execute("BEGIN IMMEDIATE")
    conn.set_progress_handler(count, 100)
    try:
        replica.merge_scans(conn, rows)
    finally:
        conn.set_progress_handler(None, 0)
        conn.execute("ROLLBACK")
    return steps[0]


def test_new_scans_are_added_and_scans_already_held_are_counted_present(fleet: Fleet) -> None:
    a, b = fleet.add("a"), fleet.add("b")
    for code in fleet.codes[:4]:
        a.scan(code)
    rows = replica.scan_rows(a.db.conn)
    with b.db.write() as conn:
        first = replica.merge_scans(conn, rows[:2])
    with b.db.write() as conn:
        again = replica.merge_scans(conn, rows)
    kiosk = a.service.kiosk.id
    assert (first.added, first.present, first.clashes) == ({kiosk: 2}, {}, [])
    assert (again.added, again.present, again.clashes) == ({kiosk: 2}, {kiosk: 2}, [])
    assert b.count() == 4


def test_a_scan_sent_twice_in_one_batch_is_added_once(fleet: Fleet) -> None:
    a, b = fleet.add("a"), fleet.add("b")
    a.scan(fleet.codes[0])
    (row,) = replica.scan_rows(a.db.conn)
    with b.db.write() as conn:
        merged = replica.merge_scans(conn, [row, row])
    assert (merged.total_added, merged.clashes) == (1, [])
    assert b.count() == 1


def test_a_scan_whose_slot_holds_another_scan_is_refused_as_a_clash(fleet: Fleet) -> None:
    a, b = fleet.add("a"), fleet.add("b")
    a.scan(fleet.codes[0])
    (row,) = replica.scan_rows(a.db.conn)
    forged = ("another-scan-id", *row[1:])  # same kiosk and sequence number
    with b.db.write() as conn:
        replica.merge_scans(conn, [row])
    with b.db.write() as conn:
        merged = replica.merge_scans(conn, [forged])
    assert (merged.total_added, merged.clashes) == (0, ["another-scan-id"])


# With none of kiosk a's scans here each key is looked up; with one of its two already here
# (a bundle imported twice) a's scans are read whole. Both ways find the id held elsewhere.
@pytest.mark.parametrize("already_here", [0, 1], ids=["looked_up", "read_whole"])
def test_a_scan_id_held_under_another_kiosk_is_a_clash_and_the_rest_still_merge(
    fleet: Fleet, already_here: int
) -> None:
    a, b = fleet.add("a"), fleet.add("b")
    a.scan(fleet.codes[0])
    a.scan(fleet.codes[1])
    first, second = replica.scan_rows(a.db.conn)
    with b.db.write() as conn:
        replica.merge_scans(conn, [first][:already_here])
    b.scan(fleet.codes[2])
    (own,) = replica.scan_rows(b.db.conn, b.service.kiosk.id)
    # A row claiming b's own scan id for kiosk a, at a free sequence number.
    claimed = (own[0], first[1], 99, *first[3:])
    with b.db.write() as conn:
        merged = replica.merge_scans(conn, [first, claimed, second])
    kiosk = a.service.kiosk.id
    assert merged.clashes == [own[0]]
    assert merged.added == {kiosk: 2 - already_here}
    assert merged.present == ({kiosk: 1} if already_here else {})
    assert b.count() == 3


def test_a_small_merge_costs_the_same_however_long_the_log_is(fleet: Fleet) -> None:
    # A hub pull brings a few dozen scans every half minute into a log that grows all day; it
    # runs inside a write transaction that the desk's check-ins wait for.
    a, b = fleet.add("a"), fleet.add("b")
    uid = a.db.conn.execute("SELECT uid FROM attendee LIMIT 1").fetchone()[0]
    _scan_many(a, 2_020, uid)
    rows = replica.scan_rows(a.db.conn)
    with b.db.write() as conn:
        replica.merge_scans(conn, rows[:2_000])
    short = _vm_steps(b.db.conn, rows[2_000:])
    _scan_many(a, 18_000, uid)
    rows = replica.scan_rows(a.db.conn)
    with b.db.write() as conn:
        replica.merge_scans(conn, rows[:20_000])
    long = _vm_steps(b.db.conn, rows[20_000:])
    assert len(rows) == 20_020
    assert long < short * 1.5, (short, long)
