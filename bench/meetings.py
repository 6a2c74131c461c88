"""B2B meetings at the desk: what a person's meetings cost after each check-in, and the board.

Run: ``.venv/bin/python -m bench.meetings [--attendees N] [--meetings M] [--scans S]`` (not part
of the tests). One run on a real database file (fsync on every commit): a demo event of N people
with M meetings spread over its two days (half the people have some); then S check-ins, each
followed by what the desk's writer thread does after it (``MeetingsService.after_scan``: the
B2B room rule and the person's meetings of the day with their partners' arrival). The figure
that matters is the ratio of that work to the check-in itself, in the same run; and the board's
full read of a day, which the organiser's window repeats every few seconds.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

from kiosk.app.checkin import CheckinService
from kiosk.app.demo import create_demo
from kiosk.app.meetings import MeetingsService, meeting_uid
from kiosk.core.meetings import MatchedBy
from kiosk.storage import events
from kiosk.storage import meetings as store
from kiosk.storage.database import Database
from kiosk.storage.meetings import MeetingRow

NOW = datetime(2026, 9, 28, 8, 0, tzinfo=UTC)  # 11:00 in Sofia


def _quantile(samples: Sequence[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def _schedule(db: Database, meetings: int, rng: random.Random) -> None:
    """``meetings`` more meetings between random active people (on top of the demo's)."""
    event = events.event_info(db)
    days = sorted({cl.day for cl in events.checkin_lists(db) if cl.day is not None})
    people = store.firm_people(db, ("Bulgaria", "Romania"), ("b2b", "participant"))
    rows = []
    for n in range(meetings):
        a, b = rng.sample(people, 2)
        start = clock_time(9 + n % 8, 30 * (n % 2))
        rows.append(
            MeetingRow(
                meeting_uid(event.uid, "bench", str(n)),
                days[n % len(days)].isoformat(),
                f"{start:%H:%M}",
                "",
                f"Table {n % 40 + 1}",
                "planned",
                a["uid"],
                "",
                "",
                "",
                a["country"],
                MatchedBy.EMAIL,
                b["uid"],
                "",
                "",
                "",
                b["country"],
                MatchedBy.EMAIL,
                "bench",
                n,
                "x",
            )
        )
    with db.write() as conn:
        store.write(conn, rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--attendees", type=int, default=3000)
    parser.add_argument("--meetings", type=int, default=2000)
    parser.add_argument("--scans", type=int, default=400)
    args = parser.parse_args(argv)
    rng = random.Random(22)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        create_demo(path, attendees=args.attendees, now=NOW)
        with Database(path) as db:
            _schedule(db, args.meetings, rng)
            moment = [NOW]
            checkin = CheckinService(db, clock=lambda: moment[0])
            meetings = MeetingsService(db, clock=lambda: moment[0])
            codes = [
                r["code"]
                for r in store.firm_people(db, ("Bulgaria", "Romania"), ("b2b", "participant"))
            ]
            rng.shuffle(codes)
            scan_s, after_s, shown = [], [], 0
            for code in codes[: args.scans]:
                moment[0] += timedelta(seconds=2)
                started = time.perf_counter()
                result = checkin.scan(code)
                middle = time.perf_counter()
                found = meetings.after_scan(result)
                ended = time.perf_counter()
                scan_s.append(middle - started)
                after_s.append(ended - middle)
                shown += bool(found and found.meetings)
            day = meetings.today()
            board_s = []
            for _ in range(10):
                started = time.perf_counter()
                board = meetings.board(day)
                board_s.append(time.perf_counter() - started)
            total = store.counts(db)[0]
    print(
        f"{args.attendees} people, {total} meetings, {args.scans} check-ins "
        f"({shown} of them with meetings that day)"
    )
    def line(label: str, samples: list[float]) -> str:
        p50, p99 = _quantile(samples, 0.5), _quantile(samples, 0.99)
        return f"{label:18} p50 {p50:7.3f} ms  p99 {p99:7.3f} ms"

    ratio = statistics.median(after_s) / statistics.median(scan_s)
    print(line("check-in", scan_s))
    print(line("meetings after it", after_s) + f"  ratio of medians {ratio:.3f}")
    board_ms = statistics.median(board_s) * 1000
    print(f"board of the day   {len(board)} meetings, median {board_ms:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
