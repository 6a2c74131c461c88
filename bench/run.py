"""Kiosk at conference scale: import, check-in and search, measured against bare SQLite.

Not run in CI. Usage::

    .venv/bin/python -m bench.run [--attendees 100000] [--scans 2000] [--queries Q ...] [--out DIR]

Everything happens in a temporary directory (``--tmp`` chooses where; put it on the disk the
kiosk will use, since commits are fsynced). The machine is noisy, so each figure is shown next
to a bare baseline measured in the same run and as a ratio to it:

* **import** — ``import_file`` of a UTF-8 CSV of N demo registrations into a fresh event vs
  ``sqlite_utils`` ``insert_all`` of the same rows into a fresh file (WAL, synchronous=FULL),
  three rounds in rotating order (medians compared).
  sqlite-utils commits every batch of 100 rows, so a second baseline does the same insert in one
  transaction (the stricter comparison).
* **check-in** — ``CheckinService.scan`` of distinct codes on the N-person event vs two bare
  ``BEGIN IMMEDIATE; INSERT …; COMMIT`` baselines with the same pragmas: a scan-like row into a
  fresh one-table file, and the very row a check-in writes appended to the scan log of a copy
  of the event file (same schema and size: what a check-in costs without its lookup, decision
  and clock). The three alternate in one loop, in rotating order, so noise hits all of them.
* **search** — p50/p99 of ``search(db, q, limit=50)`` for realistic queries.

Results are printed as a table and written as JSON to ``--out`` (default ``bench/out/``).
"""

from __future__ import annotations

import argparse
import csv
import importlib.metadata
import json
import math
import os
import platform
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import sqlite_utils

from kiosk.app.checkin import CheckinService
from kiosk.core import codes
from kiosk.core.model import Registration
from kiosk.core.timeutil import to_utc_iso
from kiosk.demo_data import demo_registrations
from kiosk.importing.service import import_file
from kiosk.storage import events
from kiosk.storage.attendees import NewAttendee, insert_many
from kiosk.storage.database import Database
from kiosk.storage.search import search

EVENT_TZ = "Europe/Sofia"
SEED = 2026

#: CSV header -> Registration field, in file order.
CSV_COLUMNS: tuple[tuple[str, str], ...] = (
    ("First name", "first_name"),
    ("Last name", "last_name"),
    ("Organisation", "organization"),
    ("Country", "country"),
    ("Email", "email"),
    ("Phone", "phone"),
    ("Category", "category"),
    ("ID", "external_id"),
)

#: Queries people type at the desk; a code prefix and an e-mail fragment taken from the data
#: are added to these unless --queries is given.
DEFAULT_QUERIES: tuple[str, ...] = (
    "ivanov",
    "Иванов",
    "stefanescu",
    "ștef",
    "iv",
    "a",
    "ana pop",
    "клъстер",
    "dunarea de jos",
)

TARGET_IMPORT_RATIO = 2.0
IMPORT_ROUNDS = 3
#: A check-in against the same row appended to the event log (the bare one-table insert is
#: reported, no longer a target), and absolute times at low load.
TARGET_CHECKIN_RATIO = 1.7
TARGET_CHECKIN_P50_US = 500
TARGET_CHECKIN_P99_US = 2000
TARGET_SEARCH_P99_MS = 20.0
CHECKIN_WARMUP = 20
SEARCH_WARMUP = 1


# ------------------------------------------------------------------------------------------------
# Statistics and environment
# ------------------------------------------------------------------------------------------------


def percentile(sorted_ns: Sequence[int], pct: float) -> int:
    """Nearest-rank percentile of an ascending sequence."""
    if not sorted_ns:
        raise ValueError("no samples")
    rank = max(1, math.ceil(pct / 100 * len(sorted_ns)))
    return sorted_ns[rank - 1]


@dataclass(frozen=True, slots=True)
class Latency:
    n: int
    p50_us: float
    p99_us: float
    max_us: float

    @classmethod
    def of(cls, samples_ns: Sequence[int]) -> Latency:
        ordered = sorted(samples_ns)
        return cls(
            n=len(ordered),
            p50_us=percentile(ordered, 50) / 1000,
            p99_us=percentile(ordered, 99) / 1000,
            max_us=ordered[-1] / 1000,
        )


def ratio(value: float, baseline: float) -> float:
    return value / baseline if baseline > 0 else math.inf


def verdict(ok: bool) -> str:
    return "ok" if ok else "OVER TARGET"


def filesystem_of(path: Path) -> str:
    """The file system type holding ``path`` (Linux; "unknown" elsewhere)."""
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8").splitlines()
    except OSError:
        return "unknown"
    target = str(path.resolve())
    best, fstype = "", "unknown"
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) > len(best):
            best, fstype = mount_point, parts[2]
    return fstype


def package_version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def machine_info(work: Path) -> dict[str, Any]:
    return {
        "python": sys.version.split()[0],
        "python_implementation": platform.python_implementation(),
        "sqlite": sqlite3.sqlite_version,
        "sqlite_utils": package_version("sqlite-utils"),
        "kiosk": package_version("kiosk-checkin"),
        "cpu_count": os.cpu_count(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "work_dir_filesystem": filesystem_of(work),
    }


def set_durable_pragmas(conn: sqlite3.Connection) -> None:
    """The pragmas kiosk.storage.database.Database uses for durability."""
    conn.execute("PRAGMA busy_timeout = 5000")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise RuntimeError(f"journal mode is {mode}, not WAL")
    conn.execute("PRAGMA synchronous = FULL")
    if sys.platform == "darwin":
        conn.execute("PRAGMA fullfsync = ON")


# ------------------------------------------------------------------------------------------------
# Import
# ------------------------------------------------------------------------------------------------


def write_csv(registrations: Sequence[Registration], path: Path) -> list[dict[str, str]]:
    """Write the registrations as typed (their ``raw`` values); return the rows written."""
    rows = [
        {header: reg.raw.get(name, "") for header, name in CSV_COLUMNS} for reg in registrations
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=[header for header, _ in CSV_COLUMNS])
        writer.writeheader()
        writer.writerows(rows)
    return rows


def new_event(path: Path, day: date) -> None:
    with Database(path, create=True) as db:
        events.create_event(db, "Benchmark conference", [day], EVENT_TZ, kiosk_name="Desk 1")


def bare_insert_all(path: Path, rows: list[dict[str, str]], *, one_transaction: bool) -> int:
    """Nanoseconds for sqlite-utils ``insert_all`` of ``rows`` into a fresh file."""
    bare = sqlite_utils.Database(path)
    try:
        set_durable_pragmas(bare.conn)
        start = time.perf_counter_ns()
        if one_transaction:
            with bare.atomic():
                bare.table("attendee").insert_all(rows)
        else:
            bare.table("attendee").insert_all(rows)
        elapsed = time.perf_counter_ns() - start
    finally:
        bare.close()
    return elapsed


def fill_without_import(path: Path, registrations: Sequence[Registration]) -> None:
    """Build the event directly, without the importer (quicker set-up for benchmarks that
    measure something else: bench.soak, bench.ui_latency)."""
    taken: set[str] = set()
    people = []
    for reg in registrations:
        code = codes.generate(taken)
        taken.add(code)
        people.append(NewAttendee.from_registration(reg, code))
    with Database(path) as db, db.write() as conn:
        insert_many(conn, people, to_utc_iso(datetime.now(UTC)))


def bench_import(
    work: Path, registrations: Sequence[Registration], day: date, rounds: int = IMPORT_ROUNDS
) -> tuple[dict[str, Any], Path]:
    """Import vs the two bare baselines, ``rounds`` times in rotating order (each into a fresh
    file), so that neither always follows the other's fsyncs; medians are compared."""
    csv_path = work / "registrations.csv"
    rows = write_csv(registrations, csv_path)
    empty = work / "empty-event.db"
    new_event(empty, day)
    result: dict[str, Any] = {
        "rows": len(rows),
        "csv_bytes": csv_path.stat().st_size,
        "target_ratio": TARGET_IMPORT_RATIO,
        "rounds": rounds,
    }
    times: dict[str, list[int]] = {"bare": [], "bare_1tx": [], "import": []}
    event_path = work / "event.db"

    def bare(n: int) -> None:
        times["bare"].append(bare_insert_all(work / f"bare-import-{n}.db", rows,
                                             one_transaction=False))  # fmt: skip

    def bare_1tx(n: int) -> None:
        times["bare_1tx"].append(bare_insert_all(work / f"bare-import-1tx-{n}.db", rows,
                                                 one_transaction=True))  # fmt: skip

    def kiosk_import(n: int) -> None:
        target = work / f"event-{n}.db"
        shutil.copy(empty, target)
        with Database(target) as db:
            start = time.perf_counter_ns()
            report = import_file(db, csv_path)
            times["import"].append(time.perf_counter_ns() - start)
        result["columns"] = dict(report.columns)
        result["added"] = report.added
        result["skipped"] = len(report.skipped)
        result["warnings"] = list(report.warnings)

    arms = (bare, kiosk_import, bare_1tx)
    for n in range(rounds):
        for k in range(len(arms)):
            arms[(n + k) % len(arms)](n)
    last = work / f"event-{rounds - 1}.db"
    for leftover in work.glob("bare-import*"):
        leftover.unlink()
    shutil.move(last, event_path)

    def median_s(ns: list[int]) -> float:
        return statistics.median(ns) / 1e9

    result["bare_insert_all_s"] = median_s(times["bare"])
    result["bare_insert_all_one_tx_s"] = median_s(times["bare_1tx"])
    result["all_s"] = {k: [round(v / 1e9, 3) for v in vs] for k, vs in times.items()}
    result["import_file_s"] = median_s(times["import"])
    result["ratio"] = ratio(result["import_file_s"], result["bare_insert_all_s"])
    result["ratio_one_tx"] = ratio(result["import_file_s"], result["bare_insert_all_one_tx_s"])
    with Database(event_path) as db:
        db.checkpoint()
    return result, event_path


# ------------------------------------------------------------------------------------------------
# Check-in
# ------------------------------------------------------------------------------------------------

_BARE_SCAN_TABLE = """
CREATE TABLE t (
    scan_id TEXT PRIMARY KEY,
    kiosk_id TEXT NOT NULL,
    kiosk_seq INTEGER NOT NULL,
    at TEXT NOT NULL,
    hlc TEXT NOT NULL,
    list_id INTEGER NOT NULL,
    attendee_uid TEXT,
    raw_code TEXT NOT NULL,
    kind TEXT NOT NULL,
    outcome TEXT NOT NULL,
    reason TEXT NOT NULL,
    manual INTEGER NOT NULL
)
"""
_BARE_SCAN_INSERT = "INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"


_LOG_INSERT = (
    "INSERT INTO scan (scan_id, kiosk_id, kiosk_seq, at, hlc, list_id, attendee_uid, raw_code, "
    "kind, ref_scan_id, outcome, reason, hint, manual, operator, method, note) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _bare_commit(
    conn: sqlite3.Connection, insert: str, rows: Sequence[tuple[Any, ...]]
) -> Callable[[int], int]:
    """A baseline arm: row ``i`` in its own BEGIN IMMEDIATE … COMMIT, timed in nanoseconds."""

    def arm(i: int) -> int:
        start = time.perf_counter_ns()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(insert, rows[i])
        conn.execute("COMMIT")
        return time.perf_counter_ns() - start

    return arm


def bench_checkin(work: Path, event_path: Path, scans: int, rng: random.Random) -> dict[str, Any]:
    with Database(event_path) as db:
        all_codes = [r[0] for r in db.conn.execute(
            "SELECT code FROM attendee WHERE status = 'active' ORDER BY id")]  # fmt: skip
        uid_of = dict(db.conn.execute("SELECT code, uid FROM attendee"))
        total = min(scans + CHECKIN_WARMUP, len(all_codes))
        sample = rng.sample(all_codes, total)
        service = CheckinService(db)
        kiosk_id = service.kiosk.id
        list_id = service.resolve_list(None).id
        at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        bare_rows = [
            (str(uuid.uuid4()), kiosk_id, seq, at, f"{seq:016d}-{kiosk_id[:8]}", 1,
             str(uuid.uuid4()), code, "entry", "accepted", "admitted", 0)
            for seq, code in enumerate(sample, start=1)
        ]  # fmt: skip
        # The second baseline: the same row a check-in writes, appended with nothing else to the
        # scan log of a copy of the same event file (same schema, indexes, size and pragmas).
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        log_path = work / "bare-log.db"
        shutil.copy(event_path, log_path)
        log_rows = [
            (str(uuid.uuid4()), "bare-log-kiosk", seq, at, f"{seq:016d}-bare-log", list_id,
             uid_of[code], code, "entry", None, "accepted", "admitted", None, 0, "", "scanned", "")
            for seq, code in enumerate(sample, start=1)
        ]  # fmt: skip
        bare = sqlite3.connect(work / "bare-scan.db", isolation_level=None)
        log = sqlite3.connect(log_path, isolation_level=None)
        try:
            set_durable_pragmas(bare)
            bare.execute(_BARE_SCAN_TABLE)
            set_durable_pragmas(log)
            log.execute(f"PRAGMA cache_size = -{Database.CACHE_KIB}")
            log.execute("PRAGMA foreign_keys = ON")

            reasons: Counter[str] = Counter()

            def scan_a(i: int) -> int:
                start = time.perf_counter_ns()
                outcome = service.scan(sample[i])
                elapsed = time.perf_counter_ns() - start
                reasons[str(outcome.decision.reason)] += 1
                return elapsed

            insert_b = _bare_commit(bare, _BARE_SCAN_INSERT, bare_rows)
            append_c = _bare_commit(log, _LOG_INSERT, log_rows)

            arms: tuple[Callable[[int], int], ...] = (scan_a, insert_b, append_c)
            times: dict[Callable[[int], int], list[int]] = {arm: [] for arm in arms}
            for i in range(total):
                # Rotate which goes first so that none always follows another's fsync.
                for k in range(3):
                    arm = arms[(i + k) % 3]
                    elapsed = arm(i)
                    if i >= CHECKIN_WARMUP:
                        times[arm].append(elapsed)
        finally:
            bare.close()
            log.close()
    kiosk = Latency.of(times[scan_a])
    base = Latency.of(times[insert_b])
    own = Latency.of(times[append_c])
    return {
        "attendees": len(all_codes),
        "scans": kiosk.n,
        "warmup": min(CHECKIN_WARMUP, total),
        "reasons": dict(reasons),
        "scan": asdict(kiosk),
        "bare_commit": asdict(base),
        "bare_log_append": asdict(own),
        "ratio_p50": ratio(kiosk.p50_us, base.p50_us),
        "ratio_p99": ratio(kiosk.p99_us, base.p99_us),
        "ratio_max": ratio(kiosk.max_us, base.max_us),
        "log_ratio_p50": ratio(kiosk.p50_us, own.p50_us),
        "log_ratio_p99": ratio(kiosk.p99_us, own.p99_us),
        "log_ratio_max": ratio(kiosk.max_us, own.max_us),
        "target_ratio": TARGET_CHECKIN_RATIO,
    }


# ------------------------------------------------------------------------------------------------
# Search
# ------------------------------------------------------------------------------------------------


def data_queries(event_path: Path, rng: random.Random) -> list[str]:
    """A code prefix and an e-mail fragment of people actually in the event."""
    with Database(event_path) as db:
        count = int(db.query("SELECT count(*) FROM attendee")[0][0])
        if count == 0:
            return []
        row = db.query(
            "SELECT code, email FROM attendee WHERE id >= ? AND email != '' ORDER BY id LIMIT 1",
            (rng.randint(1, count),),
        ) or db.query("SELECT code, email FROM attendee ORDER BY id LIMIT 1")
    code, email = str(row[0]["code"]), str(row[0]["email"])
    queries = [code[:4]]
    if email:
        queries.append(email.split("@")[0][:10])
    return queries


def bench_search(event_path: Path, queries: Sequence[str], reps: int) -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = []
    with Database(event_path) as db:
        for query in queries:
            hits = 0
            for _ in range(SEARCH_WARMUP):
                hits = len(search(db, query, limit=50))
            samples: list[int] = []
            for _ in range(reps):
                start = time.perf_counter_ns()
                found = search(db, query, limit=50)
                samples.append(time.perf_counter_ns() - start)
                hits = len(found)
            latency = Latency.of(samples)
            results.append(
                {
                    "query": query,
                    "hits": hits,
                    "reps": reps,
                    "p50_ms": latency.p50_us / 1000,
                    "p99_ms": latency.p99_us / 1000,
                    "max_ms": latency.max_us / 1000,
                    "target_p99_ms": TARGET_SEARCH_P99_MS,
                }
            )
    return results


# ------------------------------------------------------------------------------------------------
# Report
# ------------------------------------------------------------------------------------------------


def print_report(result: dict[str, Any]) -> None:
    machine = result["machine"]
    config = result["config"]
    print()
    print(
        f"Kiosk benchmark — {config['attendees']:,} attendees, {config['scans']:,} scans, "
        f"{config['search_reps']} reps/query"
    )
    print(
        f"python {machine['python']}, SQLite {machine['sqlite']}, sqlite-utils "
        f"{machine['sqlite_utils']}, {machine['cpu_count']} CPUs, {machine['platform']}, "
        f"work dir on {machine['work_dir_filesystem']}"
    )

    imp = result["import"]
    print()
    print(f"IMPORT  ({imp['rows']:,} rows, CSV {imp['csv_bytes'] / 1e6:.1f} MB; median of "
          f"{imp['rounds']} rounds in rotating order)")  # fmt: skip
    print(f"  {'bare insert_all (sqlite-utils, commit per 100 rows)':<52} "
          f"{imp['bare_insert_all_s']:8.2f} s")  # fmt: skip
    print(f"  {'bare insert_all, one transaction':<52} "
          f"{imp['bare_insert_all_one_tx_s']:8.2f} s")  # fmt: skip
    if "import_file_s" in imp:
        print(f"  {'import_file':<52} {imp['import_file_s']:8.2f} s   "
              f"added {imp['added']:,}, skipped {imp['skipped']:,}")  # fmt: skip
        ok = imp["ratio"] <= TARGET_IMPORT_RATIO
        print(f"  ratio vs insert_all                {imp['ratio']:6.2f}x   target ≤ "
              f"{TARGET_IMPORT_RATIO}x  {verdict(ok)}")  # fmt: skip
        print(f"  ratio vs insert_all one tx         {imp['ratio_one_tx']:6.2f}x")
    else:
        print(f"  import_file: {imp.get('error', 'not run')}")

    chk = result["checkin"]
    scan, bare = chk["scan"], chk["bare_commit"]
    print()
    print(f"CHECK-IN  ({chk['scans']:,} distinct codes on {chk['attendees']:,} attendees, "
          f"A/B interleaved, {chk['warmup']} warm-up pairs dropped)")  # fmt: skip
    print(f"  {'':<40} {'p50 µs':>10} {'p99 µs':>10} {'max µs':>10}")
    print(f"  {'CheckinService.scan':<40} {scan['p50_us']:10.0f} {scan['p99_us']:10.0f} "
          f"{scan['max_us']:10.0f}")  # fmt: skip
    print(f"  {'bare BEGIN IMMEDIATE/INSERT/COMMIT':<40} {bare['p50_us']:10.0f} "
          f"{bare['p99_us']:10.0f} {bare['max_us']:10.0f}")  # fmt: skip
    print(f"  {'ratio':<40} {chk['ratio_p50']:9.2f}x {chk['ratio_p99']:9.2f}x "
          f"{chk['ratio_max']:9.2f}x")  # fmt: skip
    own = chk["bare_log_append"]
    print(f"  {'same row appended to the event log':<40} {own['p50_us']:10.0f} "
          f"{own['p99_us']:10.0f} {own['max_us']:10.0f}")  # fmt: skip
    print(f"  {'ratio':<40} {chk['log_ratio_p50']:9.2f}x {chk['log_ratio_p99']:9.2f}x "
          f"{chk['log_ratio_max']:9.2f}x")  # fmt: skip
    ok = max(chk["log_ratio_p50"], chk["log_ratio_p99"]) <= TARGET_CHECKIN_RATIO
    print(f"  target p50 and p99 ≤ {TARGET_CHECKIN_RATIO}x the bare append to the event log: "
          f"{verdict(ok)}")  # fmt: skip
    ok = scan["p50_us"] < TARGET_CHECKIN_P50_US and scan["p99_us"] < TARGET_CHECKIN_P99_US
    print(f"  target p50 < {TARGET_CHECKIN_P50_US} µs and p99 < {TARGET_CHECKIN_P99_US} µs "
          f"at low load: {verdict(ok)}")  # fmt: skip
    print("  decisions: " + ", ".join(f"{k} {v:,}" for k, v in sorted(chk["reasons"].items())))

    print()
    print(f"SEARCH  (search(db, q, limit=50), {config['search_reps']} reps after "
          f"{SEARCH_WARMUP} warm-up)")  # fmt: skip
    print(f"  {'query':<22} {'hits':>5} {'p50 ms':>9} {'p99 ms':>9} {'max ms':>9}")
    for row in result["search"]:
        flag = "" if row["p99_ms"] < TARGET_SEARCH_P99_MS else "  OVER TARGET"
        print(f"  {row['query']!r:<22} {row['hits']:>5} {row['p50_ms']:9.2f} "
              f"{row['p99_ms']:9.2f} {row['max_ms']:9.2f}{flag}")  # fmt: skip
    worst = max((row["p99_ms"] for row in result["search"]), default=0.0)
    print(f"  worst p99 {worst:.2f} ms, target < {TARGET_SEARCH_P99_MS:.0f} ms: "
          f"{verdict(worst < TARGET_SEARCH_P99_MS)}")  # fmt: skip
    print()
    print(f"setup {result['setup_s']:.1f} s, total {result['elapsed_s']:.1f} s")


# ------------------------------------------------------------------------------------------------
# Main
# ------------------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n")[0])
    parser.add_argument("--attendees", type=int, default=100_000, help="event size (100000)")
    parser.add_argument("--scans", type=int, default=2000, help="distinct codes scanned (2000)")
    parser.add_argument(
        "--queries", nargs="+", metavar="Q", help="search queries (default: a realistic set)"
    )
    parser.add_argument("--reps", type=int, default=100, help="repetitions per query (100)")
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parent / "out",
        help="directory for the JSON result (bench/out/)",
    )  # fmt: skip
    parser.add_argument("--tmp", type=Path, default=None, help="where to make the temp dir")
    parser.add_argument("--seed", type=int, default=SEED, help="data and sampling seed")
    args = parser.parse_args(argv)
    if args.attendees < 1 or args.scans < 1 or args.reps < 1:
        parser.error("--attendees, --scans and --reps must be positive")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    started_at = datetime.now(UTC).isoformat(timespec="seconds")
    started = time.perf_counter_ns()
    rng = random.Random(args.seed)
    today = datetime.now(ZoneInfo(EVENT_TZ)).date()
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-", dir=args.tmp) as tmp:
        work = Path(tmp)
        registrations = demo_registrations(args.attendees, seed=args.seed)
        setup_s = (time.perf_counter_ns() - started) / 1e9
        print(f"generated {len(registrations):,} registrations in {setup_s:.1f} s; importing …",
              flush=True)  # fmt: skip
        import_result, event_path = bench_import(work, registrations, today)
        print("checking in …", flush=True)
        checkin_result = bench_checkin(work, event_path, args.scans, rng)
        queries = list(args.queries) if args.queries else [
            *DEFAULT_QUERIES, *data_queries(event_path, rng)]  # fmt: skip
        print("searching …", flush=True)
        search_result = bench_search(event_path, queries, args.reps)
        machine = machine_info(work)
    result: dict[str, Any] = {
        "started_at": started_at,
        "machine": machine,
        "config": {
            "attendees": args.attendees,
            "scans": args.scans,
            "search_reps": args.reps,
            "seed": args.seed,
            "event_timezone": EVENT_TZ,
        },
        "import": import_result,
        "checkin": checkin_result,
        "search": search_result,
        "setup_s": setup_s,
        "elapsed_s": (time.perf_counter_ns() - started) / 1e9,
    }
    print_report(result)
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    out_file = args.out / f"bench-{args.attendees}-{stamp}.json"
    out_file.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out_file}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
