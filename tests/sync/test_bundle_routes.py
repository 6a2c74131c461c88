"""Bundles carry everything the file holds that the other side may lack.

A file records scans under more than one kiosk identity (``kiosk checkin --kiosk "Desk A"``, a
second desk name on the same laptop) and holds the scans merged from other kiosks. A USB stick
goes where people carry it — desk → desk → organizer, never back — so a bundle must relay all of
it; merging is a set union by scan id, so nothing is counted twice.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.app.checkin import CheckinService
from kiosk.reports.counts import stats
from kiosk.storage import events, replica
from kiosk.storage.database import Database
from kiosk.sync.bundle import export_bundle, import_bundle
from tests.conftest import Clock
from tests.sync.conftest import Fleet, prepare_event

FILES = 4
PEOPLE = 10


def _log(db: Database) -> list[tuple[object, ...]]:
    return sorted(tuple(r) for r in replica.scan_rows(db.conn))


def test_two_files_that_exchange_bundles_twice_hold_the_same_scans(
    fleet: Fleet, tmp_path: Path
) -> None:
    a, b = fleet.add("a"), fleet.add("b")
    desk_a = CheckinService(a.db, events.local_kiosk(a.db, "Desk A"), clock=fleet.clock)
    for code in fleet.codes[:5]:
        a.scan(code)
    for code in fleet.codes[5:9]:
        desk_a.scan(code)  # recorded in a's file under a second kiosk name
    for code in fleet.codes[9:12]:
        b.scan(code)
    for round_ in range(2):
        to_b, _ = export_bundle(a.db, tmp_path / f"ab{round_}")
        import_bundle(b.db, to_b)
        to_a, _ = export_bundle(b.db, tmp_path / f"ba{round_}")
        import_bundle(a.db, to_a)
    assert a.count() == b.count() == 12
    assert _log(a.db) == _log(b.db)
    assert stats(a.db) == stats(b.db)


def test_a_stick_passed_desk_to_desk_to_the_organizer_relays_every_desks_scans(
    fleet: Fleet, tmp_path: Path
) -> None:
    desk1, desk2, organizer = fleet.add("desk1"), fleet.add("desk2"), fleet.add("organizer")
    desk1.scan(fleet.codes[0])
    desk1.scan(fleet.codes[1])
    import_bundle(desk2.db, export_bundle(desk1.db, tmp_path / "stick1")[0])
    desk2.scan(fleet.codes[2])
    result = import_bundle(organizer.db, export_bundle(desk2.db, tmp_path / "stick2")[0])
    assert organizer.count() == 3 and result.added == 3
    assert {k.kiosk_id: k.gaps for k in result.kiosks} == {
        desk1.service.kiosk.id: [],
        desk2.service.kiosk.id: [],
    }


def test_only_this_kiosk_still_limits_a_bundle_to_the_computers_own_scans(
    fleet: Fleet, tmp_path: Path
) -> None:
    a, b = fleet.add("a"), fleet.add("b")
    b.scan(fleet.codes[0])
    import_bundle(a.db, export_bundle(b.db, tmp_path / "b")[0])
    a.scan(fleet.codes[1])
    _, manifest = export_bundle(a.db, tmp_path / "own", everything=False)
    assert [k.id for k in manifest.kiosks] == [a.service.kiosk.id]


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    path = tmp_path_factory.mktemp("routes") / "event.db"
    return path, prepare_event(path, PEOPLE)


# (file, identity 0 = the computer's own / 1 = "Desk A", person) or a stick carried (from, to).
scan = st.tuples(st.just("scan"), st.integers(0, FILES - 1), st.integers(0, 1),
                 st.integers(0, PEOPLE - 1))  # fmt: skip
carry = st.tuples(st.just("carry"), st.integers(0, FILES - 1), st.integers(0, FILES - 1),
                  st.just(0))  # fmt: skip
plans = st.lists(st.one_of(scan, scan, carry), max_size=30)
#: A final route along which everything can reach everyone only by being relayed: a stick
#: from one end of a line of files to the other and back.
LINE = [(0, 1), (1, 2), (2, 3), (3, 2), (2, 1), (1, 0)]


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(plan=plans, line=st.permutations(range(FILES)))
def test_any_route_of_sticks_between_four_files_converges_to_one_log(
    prepared: tuple[Path, list[str]], plan: list[tuple[str, int, int, int]], line: list[int]
) -> None:
    master, codes = prepared
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        dbs: list[Database] = []
        for k in range(FILES):
            shutil.copy(master, root / f"f{k}.db")
            dbs.append(Database(root / f"f{k}.db"))
        try:
            clock = Clock()
            desks = [
                (CheckinService(db, clock=clock),
                 CheckinService(db, events.local_kiosk(db, f"Desk A {k}"), clock=clock))
                for k, db in enumerate(dbs)
            ]  # fmt: skip
            made = 0
            sticks = 0

            def carry_stick(source: int, target: int) -> None:
                nonlocal sticks
                sticks += 1
                path, _ = export_bundle(dbs[source], root / f"stick{sticks}")
                import_bundle(dbs[target], path)

            for op, first, second, person in plan:
                if op == "scan":
                    desks[first][second].scan(codes[person])
                    clock.advance(seconds=7)
                    made += 1
                elif first != second:
                    carry_stick(first, second)
            for source, target in LINE:
                carry_stick(line[source], line[target])
            logs = [_log(db) for db in dbs]
            assert all(log == logs[0] for log in logs)
            assert len(logs[0]) == made  # nothing lost, nothing doubled
            counts = [stats(db) for db in dbs]
            assert all(c == counts[0] for c in counts)
            for db in dbs:
                for kiosk_id in replica.kiosk_ranges(db.conn):
                    assert replica.gaps(db.conn, kiosk_id) == []
        finally:
            for db in dbs:
                db.close()
