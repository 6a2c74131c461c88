"""Offline bundles: export this kiosk's log, import others' — set union, any order, twice."""

from __future__ import annotations

import os
from pathlib import Path

from kiosk.reports.counts import stats
from kiosk.storage import events, replica
from kiosk.storage.attendees import NewAttendee
from kiosk.sync import bundle
from kiosk.sync.bundle import export_bundle, import_bundle
from tests.sync.conftest import Fleet


def test_bundle_carries_the_kiosks_scans_with_a_manifest_of_ranges_counts_and_digest(
    fleet: Fleet, tmp_path: Path
) -> None:
    a = fleet.add("a")
    for code in fleet.codes[:4]:
        a.scan(code)
    path, manifest = export_bundle(a.db, tmp_path / "stick")
    assert path.exists() and path.suffix == bundle.SUFFIX
    assert [(k.id, k.count, k.first_seq, k.last_seq) for k in manifest.kiosks] == [
        (a.service.kiosk.id, 4, 1, 4)
    ]
    assert manifest.roster == 30
    read = bundle.read_bundle(path, manifest.event_uid)
    assert len(read.scans) == 4
    # No temporary file is left next to it.
    assert os.listdir(tmp_path / "stick") == [path.name]


def test_import_adds_other_kiosks_scans_and_a_second_import_changes_nothing(
    fleet: Fleet, tmp_path: Path
) -> None:
    a, b = fleet.add("a"), fleet.add("b")
    for code in fleet.codes[:4]:
        a.scan(code)
    b.scan(fleet.codes[10])
    path, _ = export_bundle(a.db, tmp_path / "stick")
    first = import_bundle(b.db, path)
    assert [(k.added, k.present, k.gaps) for k in first.kiosks] == [(4, 0, [])]
    before = replica.scan_rows(b.db.conn)
    second = import_bundle(b.db, path)
    assert [(k.added, k.present) for k in second.kiosks] == [(0, 4)]
    assert replica.scan_rows(b.db.conn) == before
    assert stats(b.db).lists[0].admitted == 5


def test_a_walk_in_registered_at_one_desk_travels_in_its_bundle(
    fleet: Fleet, tmp_path: Path
) -> None:
    a, b = fleet.add("a"), fleet.add("b")
    result = a.service.walk_in(NewAttendee("", "Ștefan", "Țăran", "Primăria Iași"))
    path, _ = export_bundle(a.db, tmp_path / "stick")
    imported = import_bundle(b.db, path)
    assert imported.roster.added == 1
    person = result.decision.attendee
    assert person is not None
    found = b.db.query("SELECT first_name, last_name, origin FROM attendee WHERE code = ?",
                       (person.code,))  # fmt: skip
    assert tuple(found[0]) == ("Ștefan", "Țăran", "walk_in")
    # And the person is now known at desk b: a scan there is a duplicate, refused.
    assert b.scan(person.code) == "already_checked_in"


def test_a_cancellation_travels_and_the_later_change_wins_in_any_order(
    fleet: Fleet, tmp_path: Path
) -> None:
    a, b = fleet.add("a"), fleet.add("b")
    code = fleet.codes[0]
    (pid,) = a.db.query("SELECT id FROM attendee WHERE code = ?", (code,))[0]
    from kiosk.storage import attendees

    with a.db.write() as conn:
        attendees.update(conn, pid, {"status": "cancelled"}, "2026-09-27T10:00:00.000000Z")
    with b.db.write() as conn:
        attendees.update(conn, pid, {"organization": "Нов клъстер"}, "2026-09-27T11:00:00.000000Z")
    pa, _ = export_bundle(a.db, tmp_path / "a")
    pb, _ = export_bundle(b.db, tmp_path / "b")
    import_bundle(a.db, pb)
    import_bundle(b.db, pa)
    query = "SELECT status, organization, updated_at FROM attendee WHERE code = ?"
    assert tuple(a.db.query(query, (code,))[0]) == tuple(b.db.query(query, (code,))[0])
    # b's change is later: it wins as a whole row, on both.
    assert a.db.query(query, (code,))[0]["organization"] == "Нов клъстер"


def test_import_reports_gaps_in_a_kiosks_sequence(fleet: Fleet, tmp_path: Path) -> None:
    a, b, c = fleet.add("a"), fleet.add("b"), fleet.add("c")
    a.scan(fleet.codes[0])
    early, _ = export_bundle(a.db, tmp_path / "early")
    for code in fleet.codes[1:4]:
        a.scan(code)
    full, _ = export_bundle(a.db, tmp_path / "full")
    # c relays everything it knows, but it only ever saw a's first bundle.
    import_bundle(c.db, early)
    a.scan(fleet.codes[4])
    with c.db.write() as conn:  # c learns only a's fifth scan (e.g. from the hub)
        replica.merge_scans(conn, replica.scan_rows(a.db.conn, a.service.kiosk.id, after_seq=4))
    relay, _ = export_bundle(c.db, tmp_path / "relay", everything=True)
    result = import_bundle(b.db, relay)
    mine = next(k for k in result.kiosks if k.kiosk_id == a.service.kiosk.id)
    assert (mine.added, mine.gaps) == (2, [(2, 4)])
    healed = import_bundle(b.db, full)
    assert next(k for k in healed.kiosks if k.kiosk_id == a.service.kiosk.id).gaps == []


def test_merged_scans_move_the_clock_so_the_next_local_scan_sorts_after_them(
    fleet: Fleet, tmp_path: Path
) -> None:
    a, b = fleet.add("a"), fleet.add("b")
    a.scan(fleet.codes[0])
    # a's clock runs far ahead (a laptop with a wrong date): its scans carry a future HLC.
    rows = replica.scan_rows(a.db.conn)
    future = list(rows[0])
    future[0], future[2] = "00000000-0000-4000-8000-000000000001", 2
    future[4] = "9999999999999.00007.abcdefgh"
    with b.db.write() as conn:
        replica.merge_scans(conn, [tuple(future)])
    b.scan(fleet.codes[1])
    newest = b.db.conn.execute(
        "SELECT hlc FROM scan WHERE kiosk_id = ?", (b.service.kiosk.id,)
    ).fetchone()[0]
    assert newest > "9999999999999.00007"


def test_a_kiosks_new_name_reaches_the_others_but_a_relayed_old_name_never_wins(
    fleet: Fleet, tmp_path: Path
) -> None:
    a, b, c = fleet.add("a"), fleet.add("b"), fleet.add("c")
    a.scan(fleet.codes[0])
    old_from_a, _ = export_bundle(a.db, tmp_path / "old")
    import_bundle(c.db, old_from_a)  # c now knows a by its first name and can relay it
    relayed_by_c, _ = export_bundle(c.db, tmp_path / "relay", everything=True)
    a.service.kiosk = events.rename_kiosk(a.db, a.service.kiosk, "Desk at the entrance")
    new_from_a, _ = export_bundle(a.db, tmp_path / "new")
    for path in (new_from_a, relayed_by_c, new_from_a, relayed_by_c):
        import_bundle(b.db, path)
        assert events.kiosk_names(b.db)[a.service.kiosk.id] == "Desk at the entrance"
