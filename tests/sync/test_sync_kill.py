"""Kill tests of a sync in progress: ``kiosk sync import``, ``kiosk sync hub`` and
``kiosk sync export`` are SIGKILLed at random moments, over and over.

After every kill: the database opens and passes its integrity check; a bundle's scans are
either all merged or none (the merge is one transaction), a pull's are merged in whole slices of
``MERGE_SLICE`` (each one transaction with its cursor, so that the desk's check-ins never wait
long for the write lock), a push is at the hub whole or not at all; no scan is anywhere twice;
and running the same command again completes the sync. An export killed mid-write leaves no
file that looks like a bundle unless it is one.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from kiosk.core.timeutil import to_utc_iso
from kiosk.storage import events, replica
from kiosk.storage.database import Database
from kiosk.storage.scanlog import new_scan_id
from kiosk.sync import bundle
from kiosk.sync.bundle import export_bundle, import_bundle, read_bundle
from kiosk.sync.hub import MERGE_SLICE, HubSession
from tests.sync.conftest import prepare_event

REPO_ROOT = Path(__file__).resolve().parents[2]
SCANS = 12_000  # per kiosk: enough that a merge or a push takes a good fraction of a second
ROUNDS = 8


def fill(db: Database, count: int, rng: random.Random) -> str:
    """``count`` synthetic scans in this kiosk's own log (fast: one merge); returns its id."""
    me = events.local_kiosk(db)
    uids = [r[0] for r in db.conn.execute("SELECT uid FROM attendee")]
    start = datetime(2026, 9, 28, 6, 0, tzinfo=UTC)
    base_ms = int(start.timestamp() * 1000)
    rows = [
        (new_scan_id(), me.id, seq, to_utc_iso(start + timedelta(milliseconds=seq * 500)),
         f"{base_ms + seq * 500:013d}.00000.{me.id[:8]}", 1, rng.choice(uids), "CODE", "entry",
         None, "accepted", "admitted", None, 0, "", "", "")
        for seq in range(1, count + 1)
    ]  # fmt: skip
    with db.write() as conn:
        replica.merge_scans(conn, rows)
    return me.id


def kiosk_cli(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-c", "from kiosk.cli.main import main; main()", "--db", str(db),
            "sync", *args]  # fmt: skip


@dataclass
class Killed:
    returncode: int
    seconds: float


def run_and_kill(command: list[str], after: float | None) -> Killed:
    """Run ``command``; SIGKILL it ``after`` seconds (None: let it finish)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO_ROOT), env.get("PYTHONPATH")) if p)
    started = time.monotonic()
    with subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
    ) as proc:
        try:
            _, err = proc.communicate(timeout=after if after is not None else 120)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            _, err = proc.communicate(timeout=30)
    if proc.returncode not in (0, -signal.SIGKILL):
        pytest.fail(f"{command[4:]} failed ({proc.returncode}): {err.decode(errors='replace')}")
    return Killed(proc.returncode, time.monotonic() - started)


def integrity(db: Database) -> str:
    return str(db.conn.execute("PRAGMA integrity_check").fetchone()[0])


def count_of(db: Database, kiosk_id: str) -> int:
    return int(db.conn.execute("SELECT count(*) FROM scan WHERE kiosk_id = ?",
                               (kiosk_id,)).fetchone()[0])  # fmt: skip


def hub_counts(dsn: str, schema: str) -> dict[str, tuple[int, int]]:
    with psycopg.connect(dsn) as conn:
        rows = conn.execute(
            sql.SQL("SELECT kiosk_id, count(*), count(DISTINCT scan_id) FROM {}.hub_scan "
                    "GROUP BY kiosk_id").format(sql.Identifier(schema))
        ).fetchall()  # fmt: skip
    return {str(k): (int(n), int(d)) for k, n, d in rows}


def drop_schema(dsn: str, schema: str) -> None:
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))


@dataclass
class Kiosks:
    folder: Path
    a: Path  # SCANS scans of its own
    b: Path  # nothing yet
    c: Path  # SCANS scans of its own
    a_id: str
    c_id: str
    bundle: Path  # a's bundle
    rng: random.Random

    def copy_of(self, source: Path, name: str) -> Path:
        target = self.folder / name
        shutil.copy(source, target)
        return target


@pytest.fixture(scope="module")
def kiosks(tmp_path_factory: pytest.TempPathFactory) -> Kiosks:
    seed = int(os.environ.get("KIOSK_KILL_SEED", random.SystemRandom().randrange(2**32)))
    print(f"\nsync kill test seed {seed}")
    rng = random.Random(seed)
    folder = tmp_path_factory.mktemp("sync-kill")
    master = folder / "prepared.db"
    prepare_event(master, 300)
    paths = {}
    for name in ("a", "b", "c"):
        paths[name] = folder / f"{name}.db"
        shutil.copy(master, paths[name])
    with Database(paths["a"]) as a:
        a_id = fill(a, SCANS, rng)
        made, _ = export_bundle(a, folder / "stick")
    with Database(paths["c"]) as c:
        c_id = fill(c, SCANS, rng)
    for path in paths.values():  # as a closed kiosk leaves it: no -wal beside the copy
        with Database(path) as db:
            db.checkpoint()
    return Kiosks(folder, paths["a"], paths["b"], paths["c"], a_id, c_id, made, rng)


def test_a_bundle_import_killed_anywhere_merges_all_or_nothing_and_a_rerun_completes(
    kiosks: Kiosks,
) -> None:
    whole = run_and_kill(kiosk_cli(kiosks.copy_of(kiosks.b, "calibrate.db"), "import",
                                   str(kiosks.bundle)), None)  # fmt: skip
    seen: list[int] = []
    for number in range(ROUNDS):
        target = kiosks.copy_of(kiosks.b, f"import-{number}.db")
        after = kiosks.rng.uniform(0.05, whole.seconds)
        killed = run_and_kill(kiosk_cli(target, "import", str(kiosks.bundle)), after)
        with Database(target) as db:
            assert integrity(db) == "ok", f"round {number}, killed after {after:.2f} s"
            found = count_of(db, kiosks.a_id)
            assert found in (0, SCANS), f"round {number}: half a bundle ({found} scans) merged"
            seen.append(found if killed.returncode else -1)
            again = import_bundle(db, kiosks.bundle)  # the rerun
            assert again.added == SCANS - found
            assert count_of(db, kiosks.a_id) == SCANS
            assert integrity(db) == "ok"
    assert 0 in seen, f"no kill landed before the merge committed: {seen}"


def test_a_hub_sync_killed_anywhere_leaves_both_sides_whole_and_a_rerun_completes(
    kiosks: Kiosks, pg_server: str
) -> None:
    """Kiosk a pushes SCANS scans and pulls c's SCANS scans, killed at random moments."""
    durations: list[float] = []
    outcomes: list[tuple[int, int]] = []
    for number in range(ROUNDS + 1):
        schema = f"kiosk_kill_{os.getpid()}_{number}"
        try:
            with Database(kiosks.copy_of(kiosks.c, f"c-{number}.db")) as c:
                HubSession(c, pg_server, schema=schema).sync()  # the hub already holds c's log
            target = kiosks.copy_of(kiosks.a, f"hub-{number}.db")
            command = kiosk_cli(target, "hub", "--dsn", pg_server, "--schema", schema)
            if number == 0:  # calibration: how long a whole sync takes here
                durations.append(run_and_kill(command, None).seconds)
                continue
            run_and_kill(command, kiosks.rng.uniform(0.05, durations[0]))
            with Database(target) as db:
                assert integrity(db) == "ok", f"round {number}"
                pulled = count_of(db, kiosks.c_id)
                assert pulled % MERGE_SLICE == 0, f"round {number}: half a slice ({pulled})"
                assert count_of(db, kiosks.a_id) == SCANS
            hub = hub_counts(pg_server, schema)
            pushed = hub.get(kiosks.a_id, (0, 0))
            assert pushed in ((0, 0), (SCANS, SCANS)), f"round {number}: hub holds {pushed}"
            assert hub[kiosks.c_id] == (SCANS, SCANS)
            outcomes.append((pushed[0], pulled))
            run_and_kill(command, None)  # the rerun
            with Database(target) as db:
                assert (count_of(db, kiosks.a_id), count_of(db, kiosks.c_id)) == (SCANS, SCANS)
                assert integrity(db) == "ok"
                status = HubSession(db, pg_server, schema=schema).status()
                assert status.queued == 0
            assert hub_counts(pg_server, schema) == {
                kiosks.a_id: (SCANS, SCANS), kiosks.c_id: (SCANS, SCANS)}  # fmt: skip
        finally:
            drop_schema(pg_server, schema)
    assert (0, 0) in outcomes, f"no kill landed before the push committed: {outcomes}"


def test_an_export_killed_mid_write_leaves_no_file_that_looks_complete(kiosks: Kiosks) -> None:
    out = kiosks.folder / "exports"
    whole = run_and_kill(kiosk_cli(kiosks.a, "export", "-o", str(out)), None)
    (complete,) = bundle.bundle_files(out)
    complete.unlink()
    with Database(kiosks.a) as db:
        event_uid = events.event_info(db).uid
    unfinished = 0
    for number in range(ROUNDS):
        folder = out / str(number)
        run_and_kill(kiosk_cli(kiosks.a, "export", "-o", str(folder)),
                     kiosks.rng.uniform(0.05, whole.seconds))  # fmt: skip
        names = sorted(p.name for p in folder.iterdir()) if folder.exists() else []
        unfinished += not any(n.endswith(bundle.SUFFIX) for n in names)
        for path in bundle.bundle_files(folder) if folder.exists() else []:
            # Whatever carries the bundle name is a whole, verifiable bundle.
            assert read_bundle(path, event_uid).manifest.scans == SCANS
        for name in names:
            assert name.endswith(bundle.SUFFIX) or (
                name.startswith(".") and name.endswith(bundle.SUFFIX + ".part")
            ), name
    assert unfinished > 0, "no kill landed before the bundle was complete"
    # A rerun into a folder a killed export left its temporary file in completes the export.
    folder = out / str(ROUNDS - 1)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f".{complete.name}.part").write_bytes(b"KIOSK-BUNDLE 1 half")
    run_and_kill(kiosk_cli(kiosks.a, "export", "-o", str(folder)), None)
    (path,) = bundle.bundle_files(folder)
    assert read_bundle(path, event_uid).manifest.scans == SCANS
