"""Attendance reports at conference scale: register and counts of a 100,000-person, two-day
event, against a bare SQLite baseline measured in the same run.

Not run in CI. Usage::

    .venv/bin/python -m bench.reports [--attendees 100000] [--out DIR]

The event: N demo registrations over two days (most for both days), about 85 % admitted on day
one and 80 % on day two at three kiosks between 08:00 and 11:00, 1 % of admissions undone, 3 %
refused scans, and 5 % of people online on day two (a Teams-like report already matched).
The log is written with bulk inserts (the check-in path is measured by ``bench.run``).

* **register + counts** — ``build_report`` of the whole event (register of both days, counts by
  day, list, country, category and organisation, refused scans, arrivals): target < 5 s.
* **one day** — ``build_report`` with ``Scope(day=…)``.
* **workbook** — the XLSX of the whole event (a sheet per day, summary, chart), for scale.
* **baseline** — one bare query reading the same log: first accepted, not-undone entry per
  person and UTC day (``GROUP BY``), the floor of any register.

Results are printed and written as JSON to ``--out`` (default ``bench/out/``).
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.core import codes
from kiosk.core.timeutil import to_utc_iso
from kiosk.demo_data import demo_registrations
from kiosk.reports.files import workbook
from kiosk.reports.register import Scope
from kiosk.reports.summary import build_report
from kiosk.storage import events
from kiosk.storage.attendees import NewAttendee, insert_many
from kiosk.storage.database import Database
from kiosk.storage.scanlog import new_scan_id

TZ = "Europe/Sofia"
DAYS = (date(2026, 9, 28), date(2026, 9, 29))
BASELINE = """
    SELECT attendee_uid, substr(at, 1, 10), min(at) FROM scan s
    WHERE outcome = 'accepted' AND kind = 'entry'
      AND NOT EXISTS (SELECT 1 FROM scan v WHERE v.ref_scan_id = s.scan_id AND v.kind = 'void')
    GROUP BY 1, 2
"""


def build_event(path: Path, attendees: int, seed: int = 2026) -> dict[str, int]:
    db = Database(path, create=True)
    events.create_event(db, "Benchmark conference", list(DAYS), TZ)
    kiosks = [events.local_kiosk(db, f"Desk {n}") for n in (1, 2, 3)]
    registrations = demo_registrations(attendees, seed=seed, days=DAYS)
    taken: set[str] = set()
    people = []
    for reg in registrations:
        code = codes.generate(taken)
        taken.add(code)
        people.append(NewAttendee.from_registration(reg, code))
    with db.write() as conn:
        insert_many(conn, people, to_utc_iso(datetime.now(UTC)))
    uids = [r[0] for r in db.conn.execute("SELECT uid FROM attendee WHERE status = 'active'")]
    rng = random.Random(seed)
    zone = ZoneInfo(TZ)
    seq = {k.id: 0 for k in kiosks}
    rows: list[tuple[Any, ...]] = []

    def add(kiosk_id: str, at: datetime, list_id: int, uid: str | None, kind: str,
            outcome: str, reason: str, ref: str | None = None) -> str:  # fmt: skip
        seq[kiosk_id] += 1
        scan_id = new_scan_id()
        text = to_utc_iso(at)
        rows.append((scan_id, kiosk_id, seq[kiosk_id], text, text, list_id, uid, "", kind, ref,
                     outcome, reason, 0))  # fmt: skip
        return scan_id

    for list_id, (day, share) in enumerate(zip(DAYS, (0.85, 0.80), strict=True), start=1):
        opening = datetime(day.year, day.month, day.day, 8, 0, tzinfo=zone)
        for uid in uids:
            if rng.random() > share:
                continue
            kiosk = rng.choice(kiosks).id
            at = opening + timedelta(seconds=rng.triangular(0, 3 * 3600, 3600))
            scan_id = add(kiosk, at, list_id, uid, "entry", "accepted", "admitted")
            if rng.random() < 0.01:
                add(kiosk, at + timedelta(seconds=20), list_id, None, "void", "accepted",
                    "voided", scan_id)  # fmt: skip
            elif rng.random() < 0.03:
                add(kiosk, at + timedelta(seconds=40), list_id, uid, "entry", "refused",
                    "already_checked_in")  # fmt: skip
    online = []
    for uid in rng.sample(uids, len(uids) // 20):
        joined = datetime(2026, 9, 29, 9, 30, tzinfo=zone) + timedelta(minutes=rng.randint(0, 90))
        online.append(("2026-09-29", "teams", "Day 2", f"p{uid}", "", to_utc_iso(joined),
                       to_utc_iso(joined + timedelta(hours=2)), 7200, uid, "email", 0, "x",
                       to_utc_iso(joined)))  # fmt: skip
    with db.write() as conn:
        conn.executemany(
            "INSERT INTO scan (scan_id, kiosk_id, kiosk_seq, at, hlc, list_id, attendee_uid, "
            "raw_code, kind, ref_scan_id, outcome, reason, manual) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        conn.executemany(
            "INSERT INTO online_session (day, platform, meeting, name, email, joined_at, "
            "left_at, seconds, attendee_uid, matched_by, ignored, file_sha256, imported_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            online,
        )
    db.close()
    return {"attendees": len(people), "scans": len(rows), "online_sessions": len(online)}


def _best_of(runs: int, action: Any) -> tuple[float, Any]:
    best, value = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        value = action()
        best = min(best, time.perf_counter() - start)
    return best, value


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Attendance report benchmark")
    parser.add_argument("--attendees", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3, help="Best of this many runs.")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        shape = build_event(path, args.attendees)
        with Database(path) as db:
            baseline, _ = _best_of(args.runs, lambda: db.conn.execute(BASELINE).fetchall())
            whole, report = _best_of(args.runs, lambda: build_report(db))
            day, _ = _best_of(args.runs, lambda: build_report(db, Scope(day=DAYS[1])))
            book, data = _best_of(1, lambda: workbook(report))
    result = {
        "machine": platform.platform(),
        "python": platform.python_version(),
        **shape,
        "register_rows": len(report.register.entries),
        "report_s": round(whole, 2),
        "one_day_s": round(day, 2),
        "baseline_s": round(baseline, 2),
        "ratio": round(whole / baseline, 1),
        "xlsx_s": round(book, 2),
        "xlsx_mb": round(len(data) / 1e6, 1),
        "target_s": 5,
    }
    print(
        f"{shape['attendees']:,} people, {shape['scans']:,} scans, {shape['online_sessions']:,} "
        f"online sessions → {result['register_rows']:,} register rows"
    )
    print(
        f"register + counts, whole event: {result['report_s']} s (target < 5 s); one day "
        f"{result['one_day_s']} s; bare GROUP BY baseline {result['baseline_s']} s → "
        f"×{result['ratio']}"
    )
    print(f"XLSX of the whole event: {result['xlsx_s']} s, {result['xlsx_mb']} MB")
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "reports.json").write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
