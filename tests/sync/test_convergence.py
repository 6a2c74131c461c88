"""Property: kiosks that scan at random and swap bundles in any order, repeatedly and partly,
all end with the same log and the same counts — nothing lost, nothing counted twice."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.app.checkin import CheckinService, UndoError
from kiosk.reports.counts import stats
from kiosk.storage import replica
from kiosk.storage.database import Database
from kiosk.sync.bundle import export_bundle, import_bundle
from tests.conftest import Clock
from tests.sync.conftest import prepare_event

PEOPLE = 8


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    path = tmp_path_factory.mktemp("prepared") / "event.db"
    return path, prepare_event(path, PEOPLE)


scan = st.tuples(st.just("scan"), st.integers(0, 3), st.integers(0, PEOPLE - 1))
export = st.tuples(st.just("export"), st.integers(0, 3), st.booleans())
import_ = st.tuples(st.just("import"), st.integers(0, 3), st.integers(0, 50))
undo = st.tuples(st.just("undo"), st.integers(0, 3), st.just(0))
steps = st.lists(st.one_of(scan, scan, export, import_, import_, undo), max_size=40)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(kiosks=st.integers(2, 4), plan=steps, final_order=st.randoms(use_true_random=False))
def test_any_exchange_order_converges_to_one_log_and_one_count(
    prepared: tuple[Path, list[str]], kiosks: int, plan: list[tuple[str, int, object]],
    final_order: object,
) -> None:  # fmt: skip
    master, codes = prepared
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        dbs: list[Database] = []
        for k in range(kiosks):
            shutil.copy(master, root / f"k{k}.db")
            dbs.append(Database(root / f"k{k}.db"))
        services = [CheckinService(db, clock=Clock()) for db in dbs]
        bundles: list[Path] = []
        made = 0
        try:
            for op, who, arg in plan:
                k = who % kiosks
                if op == "scan":
                    services[k].scan(codes[int(str(arg))])
                    made += 1
                elif op == "undo":
                    try:
                        services[k].undo()
                        made += 1
                    except UndoError:
                        pass
                elif op == "export":
                    out = root / f"b{len(bundles)}"
                    bundles.append(export_bundle(dbs[k], out, everything=bool(arg))[0])
                elif bundles:
                    import_bundle(dbs[k], bundles[int(str(arg)) % len(bundles)])
            # Finally everyone shares everything, in a random order, some twice.
            final = [export_bundle(db, root / f"final{k}")[0] for k, db in enumerate(dbs)]
            for k, db in enumerate(dbs):
                order = final + final[: k + 1]
                final_order.shuffle(order)  # type: ignore[attr-defined]
                for path in order:
                    import_bundle(db, path)
            logs = [sorted(replica.scan_rows(db.conn)) for db in dbs]
            assert all(log == logs[0] for log in logs)
            assert len(logs[0]) == made  # nothing lost, nothing doubled
            assert len({row[0] for row in logs[0]}) == made
            counts = [stats(db) for db in dbs]
            assert all(c == counts[0] for c in counts)
            admitted = {
                r[0] for r in dbs[0].conn.execute(
                    "SELECT DISTINCT attendee_uid FROM effective_scan WHERE kind = 'entry'"
                )
            }  # fmt: skip
            assert sum(c.admitted for c in counts[0].lists) == len(admitted)
            for db in dbs:
                for kiosk_id in replica.kiosk_ranges(db.conn):
                    assert replica.gaps(db.conn, kiosk_id) == []
        finally:
            for db in dbs:
                db.close()


hub_sync = st.tuples(st.just("hub"), st.integers(0, 3), st.just(0))
mixed_steps = st.lists(st.one_of(scan, scan, export, import_, hub_sync, undo), max_size=30)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(kiosks=st.integers(2, 4), plan=mixed_steps)
def test_bundles_and_the_hub_mixed_in_any_order_converge_too(
    prepared: tuple[Path, list[str]], pg_server: str, kiosks: int,
    plan: list[tuple[str, int, object]],
) -> None:  # fmt: skip
    import uuid

    import psycopg

    from kiosk.sync.hub import HubSession

    master, codes = prepared
    schema = f"kiosk_test_prop_{uuid.uuid4().hex[:10]}"
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        dbs: list[Database] = []
        for k in range(kiosks):
            shutil.copy(master, root / f"k{k}.db")
            dbs.append(Database(root / f"k{k}.db"))
        services = [CheckinService(db, clock=Clock()) for db in dbs]
        bundles: list[Path] = []
        made = 0
        try:
            for op, who, arg in plan:
                k = who % kiosks
                if op == "scan":
                    services[k].scan(codes[int(str(arg))])
                    made += 1
                elif op == "undo":
                    try:
                        services[k].undo()
                        made += 1
                    except UndoError:
                        pass
                elif op == "hub":
                    HubSession(dbs[k], pg_server, schema=schema).sync()
                elif op == "export":
                    out = root / f"b{len(bundles)}"
                    bundles.append(export_bundle(dbs[k], out, everything=bool(arg))[0])
                elif bundles:
                    import_bundle(dbs[k], bundles[int(str(arg)) % len(bundles)])
            for _round in range(2):  # everyone meets the hub, twice
                for db in dbs:
                    HubSession(db, pg_server, schema=schema).sync()
            logs = [sorted(replica.scan_rows(db.conn)) for db in dbs]
            assert all(log == logs[0] for log in logs)
            assert len(logs[0]) == made == len({row[0] for row in logs[0]})
            counts = [stats(db) for db in dbs]
            assert all(c == counts[0] for c in counts)
        finally:
            for db in dbs:
                db.close()
            with psycopg.connect(pg_server, autocommit=True) as conn:
                conn.execute(
                    psycopg.sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(
                        psycopg.sql.Identifier(schema)
                    )
                )
