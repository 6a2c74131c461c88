"""A long day at the desk: 50,000 scans through the real desk window, printing and hub sync.

Not run in CI (tests/bench/test_soak_short.py runs a short version). Usage::

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.soak [--scans 50000]
        [--dsn postgresql://postgres@127.0.0.1:5432/test] [--no-peer] [--out DIR]

What runs, all real except the printer (a fake ESC/POS printer on a local socket that answers
status questions and counts the badges it receives, keeping no bytes):

* the desk window (offscreen) with the application-wide scanner filter; each scan is typed as
  a scanner types it (fast key events into the focused search field, as bench/ui_latency.py
  does) and timed from Enter to the result panel's paint;
* auto-printing on each first admission (the desk's print thread and durable queue);
* the desk's own hub work: the 300 ms "admitted elsewhere?" question and announcement on each
  scan, and the background sync (every ``--sync-interval`` seconds instead of 30, so that a
  shorter run sees as many syncs as a long one);
* a second kiosk (another process, a copy of the event file) scanning other people at a few
  scans a second and syncing with the same hub (``--no-peer`` to leave it out).

Measured: crashes (the process survives and the desk answers every scan), RSS after warm-up
and at the end (target: growth < 50 MB), Enter→result latency p50/p99 over the first and the
last 2,000 scans after warm-up (target: the same within noise), badges printed against jobs
queued, and the hub's rows against the desk's rows once everything is synced. The hub lives
in a schema of its own, dropped afterwards.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gc
import json
import os
import random
import select
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from array import array
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import psycopg
from psycopg import sql

DEFAULT_DSN = os.environ.get("KIOSK_TEST_PG_DSN", "postgresql://postgres@127.0.0.1:5432/test")
WARMUP = 300
WINDOW = 2000  # scans measured at the start and at the end
RSS_TARGET_MB = 50.0


def python_objects() -> int:
    import gc

    return len(gc.get_objects())


def trimmed_rss_mb() -> float:
    """RSS after a full collection and after the C allocator returned its free memory to the
    system (glibc's malloc_trim): what is really still held, not merely not yet given back."""
    import ctypes
    import gc

    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to trim
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    return rss_mb()


def sqlite_mb() -> float:
    """Memory SQLite holds in this process (page caches of every connection, statements,
    schema): sqlite3_memory_used() of the library the sqlite3 module is linked to; 0 where that
    library cannot be found (a statically linked SQLite)."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("sqlite3")
    if not name:
        return 0.0
    try:
        lib = ctypes.CDLL(name)
    except OSError:
        return 0.0
    lib.sqlite3_memory_used.restype = ctypes.c_int64
    return float(lib.sqlite3_memory_used()) / 2**20


def _mallinfo() -> dict[str, int]:
    """glibc's mallinfo2 (summed over every arena), empty where there is no glibc."""
    import ctypes

    names = ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
             "fordblks", "keepcost")  # fmt: skip

    class MallInfo2(ctypes.Structure):
        _fields_ = [(f, ctypes.c_size_t) for f in names]

    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallinfo2.restype = MallInfo2
    except (OSError, AttributeError):
        return {}
    info = libc.mallinfo2()
    return {f: int(getattr(info, f)) for f in names}


def malloc_in_use_mb() -> float:
    """Bytes the C allocator has handed out and not had back (uordblks + hblkhd), which, unlike
    RSS, does not count free memory not yet returned to the system."""
    info = _mallinfo()
    return (info.get("uordblks", 0) + info.get("hblkhd", 0)) / 2**20


_CONTAINERS = (list, dict, set, frozenset, tuple, bytearray)


def container_sizes() -> dict[int, tuple[type, int]]:
    """The length of every container the garbage collector tracks, and of the containers
    those hold directly (a dict of strings is not tracked itself): id -> (type, length)."""
    sizes: dict[int, tuple[type, int]] = {}
    for obj in gc.get_objects():
        if isinstance(obj, _CONTAINERS):
            sizes[id(obj)] = (type(obj), len(obj))
        for inner in gc.get_referents(obj):
            if isinstance(inner, (list, dict, set)) and not gc.is_tracked(inner):
                sizes[id(inner)] = (type(inner), len(inner))
    return sizes


def lru_caches() -> list[tuple[str, int, int | None]]:
    """Every functools cache alive, biggest first: (function, entries, bound)."""
    found = []
    for obj in gc.get_objects():
        if isinstance(obj, functools._lru_cache_wrapper):
            info = obj.cache_info()
            if info.currsize:
                where = getattr(obj, "__module__", "")
                name = f"{where}.{getattr(obj, '__qualname__', repr(obj))}"
                found.append((name, info.currsize, info.maxsize))
    return sorted(found, key=lambda f: -f[1])


def grown_containers(before: dict[int, tuple[type, int]], top: int = 15) -> list[str]:
    """The containers (alive since ``before``) that grew the most, with what holds them."""
    now = container_sizes()
    grown = sorted(
        ((size - before[key][1], key) for key, (kind, size) in now.items()
         if key in before and before[key][0] is kind and size > before[key][1]),
        reverse=True,
    )[:top]  # fmt: skip
    wanted = {key for _, key in grown}
    found: dict[int, Any] = {}
    for obj in gc.get_objects():
        if id(obj) in wanted:
            found[id(obj)] = obj
        for inner in gc.get_referents(obj):
            if id(inner) in wanted:
                found.setdefault(id(inner), inner)
    lines = []
    for delta, key in grown:
        obj = found.get(key)
        if obj is None:
            continue
        sample = repr(next(iter(obj), None))[:80] if len(obj) else ""
        holders = ", ".join(
            sorted({type(h).__qualname__ for h in gc.get_referrers(obj)} - {"frame", "list"})
        )[:120]
        lines.append(f"+{delta:,} {type(obj).__name__} of {len(obj):,} (e.g. {sample}) "
                     f"held by {holders}")  # fmt: skip
    return lines


def malloc_held_mb() -> float:
    """Bytes the C allocator holds from the system (arena + hblkhd), handed out or free inside
    it: held minus in use is its fragmentation."""
    info = _mallinfo()
    return (info.get("arena", 0) + info.get("hblkhd", 0)) / 2**20


def python_arenas_mb() -> float:
    """Memory Python's small-object allocator holds in its arenas (the "Total" of
    sys._debugmallocstats, which writes to the C stderr): used blocks, free blocks and
    overhead; 0 where it cannot be read."""
    debug = getattr(sys, "_debugmallocstats", None)
    if debug is None:
        return 0.0
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile() as sink:
        os.dup2(sink.fileno(), 2)
        try:
            debug()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        sink.seek(0)
        text = sink.read().decode("ascii", "replace")
    for line in text.splitlines():
        if line.startswith("Total") and "=" in line:
            return int(line.split("=")[1].strip().replace(",", "")) / 2**20
    return 0.0


def rss_parts_mb() -> tuple[float, float, float]:
    """RSS split as the kernel counts it: anonymous memory (the heap, Python's arenas, thread
    stacks), pages of mapped files (libraries, fonts: given back under pressure) and shared
    memory (SQLite's WAL index)."""
    parts = {"RssAnon:": 0.0, "RssFile:": 0.0, "RssShmem:": 0.0}
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            key = line.split(" ", 1)[0].split("\t", 1)[0]
            if key in parts:
                parts[key] = int(line.split()[1]) / 1024
    return parts["RssAnon:"], parts["RssFile:"], parts["RssShmem:"]


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class CountingPrinter:
    """A fake ESC/POS network printer: answers DLE EOT n with "ready", counts cuts (one per
    badge) and raster bytes, and keeps nothing else."""

    def __init__(self) -> None:
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.2)
        self.port: int = self._server.getsockname()[1]
        self.badges = 0
        self.connections = 0
        self.raster_bytes = 0
        self._stop = threading.Event()
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def uri(self) -> str:
        return f"escpos+tcp://127.0.0.1:{self.port}?profile=TM-T20II"

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        client.settimeout(0.2)
        pending = b""
        with client:
            while not self._stop.is_set():
                try:
                    chunk = client.recv(65536)
                except TimeoutError:
                    continue
                except OSError:
                    return
                if not chunk:
                    return
                pending = self._parse(client, pending + chunk)

    def _parse(self, client: socket.socket, data: bytes) -> bytes:
        i = 0
        while i < len(data):
            if data[i] == 0x1D and data[i + 1 : i + 3] == b"v0":
                if len(data) < i + 8:
                    return data[i:]
                xl, xh, yl, yh = data[i + 4 : i + 8]
                size = 8 + (xl + xh * 256) * (yl + yh * 256)
                if len(data) < i + size:
                    return data[i:]
                with self._lock:
                    self.raster_bytes += size
                i += size
            elif data[i] == 0x1D and data[i + 1 : i + 2] == b"V":
                with self._lock:
                    self.badges += 1
                i += 2
            elif data[i] == 0x10:
                if len(data) < i + 3:
                    return data[i:]
                if data[i + 1] == 0x04:
                    client.sendall(b"\x12")
                i += 3
            else:
                i += 1
        return b""

    def close(self) -> None:
        self._stop.set()
        self._server.close()


# ---------------------------------------------------------------------------------------------
# The second kiosk (a child process: python -m bench.soak --peer EVENT_DB DSN SCHEMA)


def run_peer(path: Path, dsn: str, schema: str, rate: float, sync_every: float) -> int:
    """Scan random people at ``rate`` scans a second and sync every ``sync_every`` seconds,
    until a line arrives on stdin; then sync once more and print a JSON summary."""
    from kiosk.app.checkin import CheckinService
    from kiosk.storage.database import Database
    from kiosk.sync.hub import HubError, HubSession

    rng = random.Random(11)
    scans = syncs = failed_syncs = 0
    with Database(path) as db:
        service = CheckinService(db)
        everyone = [r[0] for r in db.conn.execute("SELECT code FROM attendee")]
        session = HubSession(db, dsn, schema=schema, timeout=3)
        print("READY", flush=True)
        last_sync = time.monotonic()
        while not select.select([sys.stdin], [], [], 1 / rate)[0]:
            service.scan(rng.choice(everyone))
            scans += 1
            if time.monotonic() - last_sync > sync_every:
                try:
                    session.sync()
                    syncs += 1
                except HubError:
                    failed_syncs += 1
                last_sync = time.monotonic()
        session.sync()
        rows = int(db.conn.execute("SELECT count(*) FROM scan").fetchone()[0])
    print(json.dumps({"scans": scans, "syncs": syncs + 1, "failed_syncs": failed_syncs,
                      "rows": rows}), flush=True)  # fmt: skip
    return 0


# ---------------------------------------------------------------------------------------------
# The desk


def prepare(work: Path, attendees: int, dsn: str, schema: str, printer_uri: str) -> Path:
    """The event (today, in UTC), its people, the hub and the printer configured."""
    from bench.run import fill_without_import
    from kiosk.app.printing import POLICY_KEY, PRINTER_KEY, PrintPolicy
    from kiosk.demo_data import demo_registrations
    from kiosk.storage import events, printjobs, replica
    from kiosk.storage.database import Database
    from kiosk.sync.hub import HUB_TARGET

    path = work / "desk.db"
    today = datetime.now(UTC).date()
    with Database(path, create=True) as db:
        events.create_event(db, "Soak conference", [today], "UTC", kiosk_name="Desk 1")
    fill_without_import(path, demo_registrations(attendees, seed=5, days=[today]))
    with Database(path) as db:
        kiosk = events.local_kiosk(db)
        printjobs.set_setting(db, kiosk.id, PRINTER_KEY, printer_uri)
        printjobs.set_setting(db, kiosk.id, POLICY_KEY, PrintPolicy.FIRST_ADMISSION.value)
        with db.write() as conn:
            replica.set_state(conn, HUB_TARGET, "dsn", dsn)
            replica.set_state(conn, HUB_TARGET, "schema", schema)
    return path


def scan_plan(codes: Sequence[str], scans: int, rng: random.Random) -> list[str]:
    """50 % first scans, 30 % repeats (already checked in), 20 % unknown codes."""
    fresh = iter(rng.sample(list(codes), min(len(codes), scans)))
    plan: list[str] = []
    for i in range(scans):
        kind = i % 20
        if kind < 10 or len(plan) < 10:
            plan.append(next(fresh))
        elif kind < 16:
            plan.append(rng.choice(plan))
        else:
            plan.append("ZZ" + rng.choice(plan)[2:])
    return plan


def wait_until(app_step: Callable[[], None], done: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not done():
        if time.monotonic() > deadline:
            return False
        app_step()
    return True


def soak(args: argparse.Namespace) -> dict[str, Any]:
    from PySide6.QtCore import QCoreApplication, QEventLoop

    from bench.run import Latency
    from bench.ui_latency import measure
    from kiosk.storage.database import Database
    from kiosk.ui import sync_backend
    from kiosk.ui.app import qt_application
    from kiosk.ui.i18n import Translations
    from kiosk.ui.mainwindow import MainWindow
    from kiosk.ui.scanner import ScannerConfig, ScannerFilter
    from kiosk.ui.sounds import Sounds

    def step() -> None:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.01)

    if args.cache_kib:
        _cap_sqlite_cache(args.cache_kib)
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="kiosk-soak-"))
    schema = f"kiosk_soak_{uuid.uuid4().hex[:8]}"
    printer = CountingPrinter()
    peer: subprocess.Popen[str] | None = None
    started = time.monotonic()
    interval = sync_backend.BACKGROUND_INTERVAL_S
    cleanup: list[Callable[[], None]] = [
        lambda: setattr(sync_backend, "BACKGROUND_INTERVAL_S", interval)
    ]
    try:
        attendees = args.attendees or max(1000, int(args.scans * 0.6))
        path = prepare(work, attendees, args.dsn, schema, printer.uri)
        _leave_out(path, print_badges=args.print_badges, hub=args.hub)
        with Database(path) as db:
            codes = [r[0] for r in db.conn.execute("SELECT code FROM attendee")]
        plan = scan_plan(codes, args.scans, rng)
        if args.peer and args.hub:
            peer_path = work / "desk2.db"
            shutil.copy(path, peer_path)  # as organisers make kiosks: a copy of one file
            peer = subprocess.Popen(
                [sys.executable, "-m", "bench.soak", "--peer", str(peer_path), args.dsn, schema,
                 str(args.peer_rate), str(args.sync_interval)],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                cwd=Path(__file__).resolve().parent.parent,
            )  # fmt: skip
            assert peer.stdout is not None
            if peer.stdout.readline().strip() != "READY":
                raise RuntimeError("the second kiosk did not start")

        app = qt_application()
        sync_backend.BACKGROUND_INTERVAL_S = args.sync_interval
        scanner = ScannerFilter(app, ScannerConfig())
        cleanup.append(scanner.uninstall)
        translations = Translations(app)
        translations.switch("en")
        sounds = Sounds(work / "sounds")
        sounds.muted = True
        window = MainWindow(path, translations, sounds)
        window.scanner = scanner
        if args.quiet_print_ui:  # diagnostic: the window no longer hears of print jobs
            window.printing.job_changed.disconnect(window.on_print_job)
            window.printing.decided.disconnect(window.on_print_decided)
        scanner.scanned.connect(window.on_scan)
        window.show()
        window.desk.search.setFocus()
        painted = [False]
        window.desk.result.painted.connect(lambda: painted.__setitem__(0, True))
        syncs = {"ok": 0, "failed": 0}
        seen = {"shown": 0, "decided": 0}
        window.result_shown.connect(lambda _r: seen.__setitem__("shown", seen["shown"] + 1))
        window.printing.decided.connect(
            lambda _d: seen.__setitem__("decided", seen["decided"] + 1)
        )
        window.sync.synced.connect(lambda _r: syncs.__setitem__("ok", syncs["ok"] + 1))
        window.sync.failed.connect(lambda *_a: syncs.__setitem__("failed", syncs["failed"] + 1))
        wait_until(step, lambda: window.printing.settings is not None, 30)

        # Nanoseconds in an array, not a list: a list would keep one int object per scan alive
        # all run, which is itself the kind of slow trickle that pins Python's memory arenas.
        samples = array("q")
        rss: list[tuple[int, float]] = []
        measure(window.desk.search, plan[:WARMUP], painted)
        rss.append((WARMUP, rss_mb()))
        objects = [(WARMUP, python_objects())]
        native = [(WARMUP, round(sqlite_mb(), 1), round(malloc_in_use_mb(), 1),
                   round(malloc_held_mb(), 1), round(python_arenas_mb(), 1))]  # fmt: skip
        kinds = [(WARMUP, *(round(m, 1) for m in rss_parts_mb()), sys.getallocatedblocks())]
        trimmed = [trimmed_rss_mb()]
        chunk = 500
        grown: list[str] = []
        sizes_before: dict[int, tuple[type, int]] | None = None
        for start in range(WARMUP, len(plan), chunk):
            if args.growth_from and start >= args.growth_from and sizes_before is None:
                gc.collect()
                sizes_before = container_sizes()
            samples.extend(measure(window.desk.search, plan[start : start + chunk], painted))
            # A desk scans at people's pace; here the print thread is let catch up after every
            # 500 scans so that badges are not left days behind (and queued signals do
            # not count as memory growth).
            wait_until(step, lambda: seen["decided"] >= seen["shown"], 600)
            done = min(start + chunk, len(plan))
            if done // 5000 > (done - chunk) // 5000 or done == len(plan):
                rss.append((done, rss_mb()))
                objects.append((done, python_objects()))
                native.append((done, round(sqlite_mb(), 1), round(malloc_in_use_mb(), 1),
                               round(malloc_held_mb(), 1), round(python_arenas_mb(), 1)))
                kinds.append((done, *(round(m, 1) for m in rss_parts_mb()),
                              sys.getallocatedblocks()))  # fmt: skip
                elapsed = time.monotonic() - started
                print(f"  {done:>6,} scans  {elapsed:6.0f} s  RSS {rss[-1][1]:6.1f} MB  "
                      f"SQLite {native[-1][1]:5.1f} MB  malloc {native[-1][2]:6.1f} MB  "
                      f"syncs {syncs['ok']} ok / {syncs['failed']} failed  "
                      f"badges {printer.badges:,}", flush=True)  # fmt: skip
        scanning_s = time.monotonic() - started
        trimmed.append(trimmed_rss_mb())
        caches = lru_caches()
        if sizes_before is not None:
            gc.collect()
            grown = grown_containers(sizes_before)
            del sizes_before

        # The end of the day: the print queue drains, the peer stops, everyone syncs.
        with Database(path) as db:

            def open_jobs() -> int:
                return int(db.conn.execute(
                    "SELECT count(*) FROM print_job WHERE state IN ('queued', 'printing')"
                ).fetchone()[0])  # fmt: skip

            wait_until(step, lambda: seen["decided"] >= seen["shown"] and open_jobs() == 0, 600)
            jobs = dict(db.conn.execute("SELECT state, count(*) FROM print_job GROUP BY state"))
            badge_events = int(
                db.conn.execute("SELECT count(*) FROM scan WHERE kind = 'badge_printed'")
                .fetchone()[0]
            )
            twice = int(
                db.conn.execute(
                    "SELECT count(*) FROM (SELECT attendee_uid FROM scan WHERE kind = "
                    "'badge_printed' GROUP BY attendee_uid HAVING count(*) > 1)"
                ).fetchone()[0]
            )
        peer_summary: dict[str, Any] = {}
        if peer is not None:
            assert peer.stdin is not None and peer.stdout is not None
            peer.stdin.write("stop\n")
            peer.stdin.flush()
            peer_summary = json.loads(peer.stdout.readline())
            peer.wait(timeout=60)
        if args.hub:
            # Twice: the first request may be answered by a background sync that was already
            # under way (and began before the last badge events were written); the second one
            # starts after it, so it carries everything.
            for _ in range(2):
                wanted = syncs["ok"] + 1
                window.sync.sync_now()
                wait_until(step, lambda: syncs["ok"] >= wanted, 300)  # noqa: B023
        with Database(path) as db:
            local = int(db.conn.execute("SELECT count(*) FROM scan").fetchone()[0])
            event_uid = db.conn.execute("SELECT uid FROM event").fetchone()[0]
        hub: Any = (-1, -1)  # no hub (--no-hub)
        if args.hub:
            with psycopg.connect(args.dsn) as conn:
                hub = conn.execute(
                    sql.SQL("SELECT count(*), count(DISTINCT scan_id) FROM {}.hub_scan "
                            "WHERE event_uid = %s").format(sql.Identifier(schema)),
                    (event_uid,),
                ).fetchone()  # fmt: skip
        assert hub is not None
        window.close()
        window.deleteLater()
        first = Latency.of(samples[:WINDOW])
        last = Latency.of(samples[-WINDOW:])
        growth = rss[-1][1] - rss[0][1]
        return {
            "scans": len(plan),
            "attendees": attendees,
            "sqlite_cache_kib": args.cache_kib or 65536,
            "seconds_scanning": round(scanning_s, 1),
            "seconds_total": round(time.monotonic() - started, 1),
            "crashed": False,
            "rss_mb": {"after_warmup": round(rss[0][1], 1), "end": round(rss[-1][1], 1),
                       "growth": round(growth, 1), "target_growth": RSS_TARGET_MB,
                       "samples": [(n, round(m, 1)) for n, m in rss],
                       "trimmed_after_warmup": round(trimmed[0], 1),
                       "trimmed_end": round(trimmed[1], 1),
                       "trimmed_growth": round(trimmed[1] - trimmed[0], 1)},
            "python_objects": objects,
            # With --growth-from: the containers that grew most from then to the end.
            "grown_containers": grown,
            # (function, entries, bound) of every functools cache, at the end of scanning.
            "lru_caches": caches,
            # (scans, MB SQLite holds, MB the C allocator has handed out, MB it holds from the
            # system, MB in Python's small-object arenas)
            "native_mb": native,
            # (scans, MB anonymous, MB of mapped files, MB shared, Python's allocated blocks)
            "rss_kinds": kinds,
            "latency_ms": {
                "start": {"p50": first.p50_us / 1000, "p99": first.p99_us / 1000, "n": first.n},
                "end": {"p50": last.p50_us / 1000, "p99": last.p99_us / 1000, "n": last.n},
            },
            "printing": {"jobs": jobs, "badge_printed_events": badge_events,
                         "badges_received_by_printer": printer.badges,
                         "printer_connections": printer.connections,
                         "attendees_with_two_badges": twice},
            "sync": {"desk_syncs_ok": syncs["ok"], "desk_syncs_failed": syncs["failed"],
                     "interval_s": args.sync_interval, "peer": peer_summary,
                     "local_rows": local, "hub_rows": int(hub[0]),
                     "hub_distinct_scan_ids": int(hub[1])},
            "ok": {
                # Both ways of looking: RSS as the OS sees it (a start-up spike at the first
                # sample can hide growth) and after gc + malloc_trim at both ends.
                "rss": growth < RSS_TARGET_MB and trimmed[1] - trimmed[0] < RSS_TARGET_MB,
                "latency": last.p99_us <= max(2 * first.p99_us, first.p99_us + 10_000),
                "printing": jobs.get("done", 0) == badge_events == printer.badges and not twice,
                "hub": not args.hub or int(hub[0]) == int(hub[1]) == local,
            },
        }
    finally:
        for undo in cleanup:
            undo()
        if peer is not None:
            if peer.poll() is None:
                peer.kill()
                peer.wait(timeout=30)
            for pipe in (peer.stdin, peer.stdout):
                if pipe is not None:
                    pipe.close()
        printer.close()
        with psycopg.connect(args.dsn, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def _leave_out(path: Path, *, print_badges: bool, hub: bool) -> None:
    """Diagnostics (``--no-print``, ``--no-hub``): run the day without printing or without a
    hub, to see which part a figure comes from."""
    from kiosk.app.printing import POLICY_KEY, PrintPolicy
    from kiosk.storage import events, printjobs
    from kiosk.storage.database import Database

    with Database(path) as db:
        if not print_badges:
            kiosk = events.local_kiosk(db)
            printjobs.set_setting(db, kiosk.id, POLICY_KEY, PrintPolicy.NEVER.value)
        if not hub:
            with db.write() as conn:
                conn.execute("DELETE FROM sync_state")


def _cap_sqlite_cache(kib: int) -> None:
    """Diagnostic (``--cache-kib``): every connection of this process gets a page cache of
    ``kib`` KiB instead of the 64 MiB the app asks for, to tell page-cache growth (bounded: the
    cache fills as the file grows, up to 64 MiB per connection) from a leak."""
    from kiosk.storage.database import Database

    original = Database.__init__

    def capped(self: Database, *a: Any, **k: Any) -> None:
        original(self, *a, **k)
        self.conn.execute(f"PRAGMA cache_size = -{int(kib)}")

    Database.__init__ = capped  # type: ignore[method-assign]


def report(result: dict[str, Any]) -> None:
    lat, mem, prn, syn = (result[k] for k in ("latency_ms", "rss_mb", "printing", "sync"))
    ok = result["ok"]
    print(f"\nSoak: {result['scans']:,} scans through the desk window, {result['attendees']:,} "
          f"attendees, {result['seconds_scanning']:.0f} s scanning "
          f"({result['seconds_total']:.0f} s in all); no crash")  # fmt: skip
    print(f"  RSS after warm-up {mem['after_warmup']:.1f} MB, at the end {mem['end']:.1f} MB: "
          f"growth {mem['growth']:+.1f} MB (target < {RSS_TARGET_MB:.0f})  "
          f"{'ok' if ok['rss'] else 'OVER'}")  # fmt: skip
    print(f"  after gc + malloc_trim: {mem['trimmed_after_warmup']:.1f} MB → "
          f"{mem['trimmed_end']:.1f} MB ({mem['trimmed_growth']:+.1f} MB); Python objects "
          f"{result['python_objects'][0][1]:,} → {result['python_objects'][-1][1]:,}")  # fmt: skip
    print("  SQLite / malloc in use / malloc held / Python arenas MB by scans: " + ", ".join(
        f"{n:,}: {q:.0f}/{m:.0f}/{h:.0f}/{p:.0f}" for n, q, m, h, p in result["native_mb"]))
    print("  RSS anonymous / file / shared MB, Python blocks, by scans: " + ", ".join(
        f"{n:,}: {a:.0f}/{f:.0f}/{h:.0f} {b:,}" for n, a, f, h, b in result["rss_kinds"]))
    print("  RSS by scans: " + ", ".join(f"{n:,}: {m:.0f}" for n, m in mem["samples"]))
    print("  functools caches (entries/bound): " + ", ".join(
        f"{name.rsplit('.', 1)[-1]} {n:,}/{bound}" for name, n, bound in result["lru_caches"][:8]))
    if result["grown_containers"]:
        print("  containers that grew most since --growth-from:")
        for line in result["grown_containers"]:
            print("    " + line)
    print(f"  Enter→result  first {lat['start']['n']:,}: p50 {lat['start']['p50']:.2f} ms "
          f"p99 {lat['start']['p99']:.2f} ms;  last {lat['end']['n']:,}: p50 "
          f"{lat['end']['p50']:.2f} ms p99 {lat['end']['p99']:.2f} ms  "
          f"{'same' if ok['latency'] else 'SLOWER'}")  # fmt: skip
    print(f"  printing: jobs {prn['jobs']}, badge_printed events {prn['badge_printed_events']:,},"
          f" badges at the printer {prn['badges_received_by_printer']:,}, twice "
          f"{prn['attendees_with_two_badges']}  "
          f"{'ok' if ok['printing'] else 'MISMATCH'}")  # fmt: skip
    if syn["hub_rows"] < 0:
        print(f"  hub: not used (--no-hub); local rows {syn['local_rows']:,}")
    else:
        print(f"  hub: {syn['desk_syncs_ok']} background/final syncs ok, "
              f"{syn['desk_syncs_failed']} failed; peer {syn['peer']}; local rows "
              f"{syn['local_rows']:,}, hub rows {syn['hub_rows']:,} "
              f"({syn['hub_distinct_scan_ids']:,} distinct)  "
              f"{'ok' if ok['hub'] else 'MISMATCH'}")  # fmt: skip


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scans", type=int, default=50_000)
    parser.add_argument("--attendees", type=int, default=0, help="default: 0.6 × scans")
    parser.add_argument("--dsn", default=DEFAULT_DSN)
    parser.add_argument("--no-peer", dest="peer", action="store_false")
    parser.add_argument("--no-print", dest="print_badges", action="store_false",
                        help="diagnostic: no badges")
    parser.add_argument("--no-hub", dest="hub", action="store_false",
                        help="diagnostic: no hub (and no second kiosk)")
    parser.add_argument("--peer-rate", type=float, default=3.0, help="scans a second")
    parser.add_argument("--sync-interval", type=int, default=10, help="seconds")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--quiet-print-ui", action="store_true",
                        help="diagnostic: do not tell the window about print jobs")
    parser.add_argument("--cache-kib", type=int, default=0,
                        help="diagnostic: cap each SQLite connection's page cache (KiB)")
    parser.add_argument("--growth-from", type=int, default=0, metavar="N",
                        help="diagnostic: report the containers that grew most from scan N on")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--peer"]:
        path, dsn, schema, rate, every = argv[1:6]
        return run_peer(Path(path), dsn, schema, float(rate), float(every))
    args = parse_args(argv)
    result = soak(args)
    report(result)
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = args.out / f"soak-{stamp}.json"
    target.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(f"  written to {target}")
    return 0 if all(result["ok"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
