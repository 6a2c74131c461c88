"""Sync at event scale: 10 kiosks × 10,000 events through the hub, a 100,000-event bundle.

Not run in CI. Usage::

    .venv/bin/python -m bench.sync [--dsn postgresql://postgres@127.0.0.1:5432/test]
        [--kiosks 10] [--events 10000] [--people 100000] [--bundle-events 100000] [--out DIR]

Every kiosk is a copy of one prepared event file (100,000 people), as organisers make them. Each
kiosk's own scan log is filled with synthetic scans (through ``replica.merge_scans``, fast; the
rows look like real admissions and refusals). Figures, against the issue's targets:

* **hub, first sync round** — every kiosk in turn pushes its 10,000 events and pulls what the
  hub has so far; then a second round in which everyone pulls the rest. *Full sync per kiosk*
  is the worst single kiosk's sync (push + pull of up to 90,000 events): target < 3 s. The
  fleet total (both rounds, all kiosks one after another) is shown too.
* **no-op re-sync** — a third round with nothing new: worst kiosk, target < 0.5 s.
* **bundle import** — one kiosk's 100,000-event bundle imported by another: target < 2 s
  (export time shown too).
* **baseline, in the same run** — the floor of moving the same scans through PostgreSQL: every
  kiosk in turn reads its scans from its file and ``COPY``s them into a bare table (one
  transaction), then reads back every other kiosk's rows; the fleet's hub syncs (first two
  rounds) are reported as a ratio to it. The hub also carries the roster, which the baseline
  does not.

The hub lives in a schema of its own (dropped afterwards). Results are printed and written as
JSON to ``--out`` (default ``bench/out/``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

from kiosk.core import codes
from kiosk.core.timeutil import to_utc_iso
from kiosk.storage import attendees, events, replica
from kiosk.storage.database import Database
from kiosk.storage.scanlog import new_scan_id
from kiosk.sync.bundle import export_bundle, import_bundle
from kiosk.sync.hub import HubSession

DAY = date(2026, 9, 28)
SCAN_COLUMNS = (
    "scan_id, kiosk_id, kiosk_seq, at, hlc, list_id, attendee_uid, raw_code, kind, ref_scan_id, "
    "outcome, reason, hint, manual, operator"
)


def prepare(path: Path, people: int) -> list[str]:
    """The prepared event file; returns the attendee uids."""
    taken: set[str] = set()
    rows = []
    for n in range(people):
        code = codes.generate(taken)
        taken.add(code)
        rows.append(attendees.NewAttendee(code, f"Име{n}", f"Фамилия{n}", "Клъстер", "BG"))
    with Database(path, create=True) as db:
        events.create_event(db, "Bench Conference", [DAY], "Europe/Sofia")
        with db.write() as conn:
            attendees.insert_many(conn, rows, "2026-09-01T00:00:00.000000Z")
        return [r[0] for r in db.conn.execute("SELECT uid FROM attendee")]


def fill(db: Database, uids: list[str], count: int, rng: random.Random) -> None:
    """``count`` scans in this kiosk's own log, as if scanned through the day."""
    me = events.local_kiosk(db)
    start = datetime(2026, 9, 28, 6, 0, tzinfo=UTC)
    base_ms = int(start.timestamp() * 1000)
    rows = []
    for seq in range(1, count + 1):
        at = start + timedelta(milliseconds=seq * 500 + rng.randrange(500))
        admitted = rng.random() < 0.9
        rows.append(
            (new_scan_id(), me.id, seq, to_utc_iso(at),
             f"{base_ms + seq * 500:013d}.00000.{me.id[:8]}", 1, rng.choice(uids),
             "CODE", "entry", None, "accepted" if admitted else "refused",
             "admitted" if admitted else "already_checked_in", None, 0, "", "scanned", "")
        )  # fmt: skip
    with db.write() as conn:
        replica.merge_scans(conn, rows)


def copy_baseline(dsn: str, schema: str, dbs: list[Database]) -> float:
    """Seconds for the floor of the fleet's syncs: each kiosk COPYs its scans into a bare table
    and reads back everyone else's (see the module's docstring)."""
    table = sql.Identifier(schema, "bare_scan")
    with psycopg.connect(dsn) as conn:
        conn.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(schema)))
        conn.execute(sql.SQL(
            "CREATE TABLE {} (scan_id text PRIMARY KEY, kiosk_id text, kiosk_seq bigint, at text,"
            " hlc text, list_id bigint, attendee_uid text, raw_code text, kind text,"
            " ref_scan_id text, outcome text, reason text, hint text, manual int, operator text)"
        ).format(table))  # fmt: skip
        conn.commit()
        started = time.perf_counter()
        for db in dbs:
            me = events.local_kiosk(db).id
            rows = db.conn.execute(f"SELECT {SCAN_COLUMNS} FROM scan WHERE kiosk_id = ?", (me,))
            into = sql.SQL("COPY {} FROM STDIN").format(table)
            with conn.cursor() as cur, cur.copy(into) as copy:
                for row in rows:
                    copy.write_row(row)
            conn.commit()
            with conn.cursor() as cur:
                cur.execute(sql.SQL("SELECT * FROM {} WHERE kiosk_id <> %s").format(table), (me,))
                cur.fetchall()
            conn.commit()
        return time.perf_counter() - started


def timed(action: Any) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--dsn", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument("--kiosks", type=int, default=10)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--bundle-events", type=int, default=100_000)
    parser.add_argument("--out", type=Path, default=Path("bench/out"))
    parser.add_argument("--tmp", type=Path, default=None)
    args = parser.parse_args(argv)
    rng = random.Random(2026)
    schema = f"kiosk_bench_{uuid.uuid4().hex[:8]}"
    results: dict[str, Any] = {
        "machine": platform.platform(),
        "python": platform.python_version(),
        "kiosks": args.kiosks,
        "events_per_kiosk": args.events,
        "people": args.people,
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }
    with tempfile.TemporaryDirectory(dir=args.tmp) as folder:
        root = Path(folder)
        uids = prepare(root / "prepared.db", args.people)
        dbs = []
        for k in range(args.kiosks):
            shutil.copy(root / "prepared.db", root / f"k{k}.db")
            db = Database(root / f"k{k}.db")
            fill(db, uids, args.events, rng)
            dbs.append(db)
        try:
            rounds: list[list[float]] = []
            for _ in range(3):
                rounds.append([timed(HubSession(db, args.dsn, schema=schema).sync) for db in dbs])
            total = args.kiosks * args.events
            held = {db.conn.execute("SELECT count(*) FROM scan").fetchone()[0] for db in dbs}
            assert held == {total}, f"kiosks hold {held} scans, expected {total}"
            full = [a + b for a, b in zip(rounds[0], rounds[1], strict=True)]
            baseline = copy_baseline(args.dsn, schema, dbs)
            fleet = sum(rounds[0]) + sum(rounds[1])
            results["hub"] = {
                "first_round_s": [round(t, 3) for t in rounds[0]],
                "second_round_s": [round(t, 3) for t in rounds[1]],
                "full_sync_worst_kiosk_s": round(max(max(rounds[0]), max(rounds[1])), 3),
                "full_sync_worst_kiosk_both_rounds_s": round(max(full), 3),
                "fleet_total_s": round(fleet, 3),
                "baseline_copy_and_read_back_s": round(baseline, 3),
                "fleet_ratio_to_baseline": round(fleet / baseline, 2),
                "noop_resync_s": [round(t, 3) for t in rounds[2]],
                "noop_resync_worst_s": round(max(rounds[2]), 3),
                "targets": {"full_sync_s": 3.0, "noop_resync_s": 0.5},
            }
        finally:
            for db in dbs:
                db.close()
            with psycopg.connect(args.dsn, autocommit=True) as conn:
                conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(
                    sql.Identifier(schema)))  # fmt: skip

        shutil.copy(root / "prepared.db", root / "big.db")
        shutil.copy(root / "prepared.db", root / "importer.db")
        with Database(root / "big.db") as big, Database(root / "importer.db") as importer:
            events.local_kiosk(importer)
            fill(big, uids, args.bundle_events, rng)
            exported: list[Path] = []
            export_s = timed(lambda: exported.append(export_bundle(big, root / "stick")[0]))
            import_s = timed(lambda: import_bundle(importer, exported[0]))
            again_s = timed(lambda: import_bundle(importer, exported[0]))
            results["bundle"] = {
                "events": args.bundle_events,
                "bytes": exported[0].stat().st_size,
                "export_s": round(export_s, 3),
                "import_s": round(import_s, 3),
                "reimport_noop_s": round(again_s, 3),
                "target_import_s": 2.0,
            }
    results["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    hub = results["hub"]
    bundle = results["bundle"]
    print(f"hub, {args.kiosks} kiosks × {args.events} events, {args.people} people "
          f"({platform.python_version()}; load average {results['load_average_at_start'][0]} "
          f"at the start, {results['load_average_at_end'][0]} at the end on "
          f"{os.cpu_count()} CPUs):")  # fmt: skip
    print(f"  worst single sync          {hub['full_sync_worst_kiosk_s']:.3f} s (target < 3 s)")
    print(f"  worst kiosk, both rounds   {hub['full_sync_worst_kiosk_both_rounds_s']:.3f} s")
    print(f"  fleet, all syncs in turn   {hub['fleet_total_s']:.3f} s — ×"
          f"{hub['fleet_ratio_to_baseline']} the COPY-and-read-back floor "
          f"({hub['baseline_copy_and_read_back_s']:.3f} s)")  # fmt: skip
    print(f"  no-op re-sync, worst       {hub['noop_resync_worst_s']:.3f} s (target < 0.5 s)")
    print(f"bundle, {bundle['events']} events, {bundle['bytes'] // 1024} KB:")
    print(f"  export {bundle['export_s']:.3f} s, import {bundle['import_s']:.3f} s (target < 2 s),"
          f" re-import {bundle['reimport_noop_s']:.3f} s")  # fmt: skip
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "sync.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
