"""The built-in demo event: a two-day Bulgarian–Romanian cluster conference, today and tomorrow."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.app.checkin import CheckinService, Clock
from kiosk.core import codes
from kiosk.core.model import AttendeeStatus, ScanKind
from kiosk.core.timeutil import to_utc_iso
from kiosk.demo_data import demo_registrations
from kiosk.storage import attendees as attendee_store
from kiosk.storage import events
from kiosk.storage.attendees import NewAttendee
from kiosk.storage.database import Database
from kiosk.storage.errors import StorageError

DEMO_NAME = "BG-RO Cluster Conference 2026 (demo)"
DEMO_TZ = "Europe/Sofia"
DEMO_VENUE = "Ruse, Bulgaria — Riverside Conference Centre"
DEMO_KIOSKS = ("Desk 1", "Desk 2", "Self-service 1")


@dataclass(frozen=True, slots=True)
class DemoSummary:
    name: str
    timezone: str
    days: tuple[date, date]
    registered: int
    cancelled: int
    checked_in: int
    example_code: str  # someone active, covering today, not yet checked in
    kiosk: str


def fixed_clock(moment: datetime) -> Clock:
    return lambda: moment


def _remove_old_demo(path: Path) -> None:
    if not path.exists():
        return
    try:
        with Database(path) as old:
            is_demo = events.event_info(old).demo
    except StorageError:
        is_demo = False
    if not is_demo:
        raise StorageError(
            f"Database {path}: the file exists and is not a demo event — choose another "
            "path with --db; Kiosk will not overwrite it."
        )
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def create_demo(
    path: Path, *, attendees: int = 300, seed: int = 2026, now: datetime | None = None
) -> DemoSummary:
    """Write a fresh demo event at ``path`` (replacing an earlier demo there, nothing else)."""
    now = now or datetime.now(UTC)
    tz = ZoneInfo(DEMO_TZ)
    today = now.astimezone(tz).date()
    days = (today, today + timedelta(days=1))
    _remove_old_demo(path)
    rng = random.Random(seed)
    with Database(path, create=True) as db:
        events.create_event(
            db,
            DEMO_NAME,
            list(days),
            DEMO_TZ,
            venue=DEMO_VENUE,
            kiosk_name=DEMO_KIOSKS[0],
            demo=True,
        )
        kiosks = [events.local_kiosk(db, name) for name in DEMO_KIOSKS]
        people = demo_registrations(attendees, seed=seed, days=days)
        taken: set[str] = set()
        new = []
        for reg in people:
            code = codes.generate(taken)
            taken.add(code)
            new.append(NewAttendee.from_registration(reg, code, origin="demo", source="demo"))
        with db.write() as conn:
            attendee_store.insert_many(conn, new, to_utc_iso(now))
        # The morning so far: about a third of today's people arrived, spread over the time
        # before now (from 08:00 when it is later than that), at three kiosks.
        rows = db.query("SELECT code, status, days FROM attendee ORDER BY id")
        eligible = [
            r["code"]
            for r in rows
            if r["status"] == "active" and (r["days"] == "[]" or today.isoformat() in r["days"])
        ]
        rng.shuffle(eligible)
        arrived = eligible[: len(eligible) // 3]
        opening = datetime.combine(today, time(8, 0), tz)
        start = (
            opening
            if now.astimezone(tz) > opening + timedelta(minutes=30)
            else (max(datetime.combine(today, time(0), tz), now - timedelta(hours=1)))
        )
        span = max((now - start).total_seconds() - 60, 1.0)
        moments = sorted(start + timedelta(seconds=rng.random() * span) for _ in arrived)
        for code, moment in zip(arrived, moments, strict=True):
            kiosk = rng.choice(kiosks)
            CheckinService(db, kiosk, clock=fixed_clock(moment)).scan(code)
            if rng.random() < 0.03:  # a second scan of the same badge: refused, as at a real desk
                later = min(moment + timedelta(minutes=rng.randint(1, 40)), now)
                CheckinService(db, rng.choice(kiosks), clock=fixed_clock(later)).scan(code)
        for bad in ("HELLO", codes.generate()):  # a misread and a code of nobody
            CheckinService(db, kiosks[1], clock=fixed_clock(start)).scan(bad, kind=ScanKind.ENTRY)
        example = eligible[len(eligible) // 3]
        registered = attendee_store.count(db, AttendeeStatus.ACTIVE)
        cancelled = attendee_store.count(db, AttendeeStatus.CANCELLED)
        db.checkpoint()
    return DemoSummary(
        DEMO_NAME, DEMO_TZ, days, registered, cancelled, len(arrived), example, DEMO_KIOSKS[0]
    )
