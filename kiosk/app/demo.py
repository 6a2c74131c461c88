"""The built-in demo event: a two-day Bulgarian–Romanian cluster conference, today and tomorrow."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.app.checkin import CheckinService, Clock
from kiosk.app.meetings import MeetingsService, meeting_uid
from kiosk.core import codes
from kiosk.core.meetings import MarkSource, MatchedBy, MeetingStatus, Outcome
from kiosk.core.model import AttendeeStatus, ScanKind
from kiosk.core.timeutil import to_utc_iso
from kiosk.demo_data import demo_registrations
from kiosk.storage import attendees as attendee_store
from kiosk.storage import events, lookup
from kiosk.storage import meetings as meeting_store
from kiosk.storage.attendees import NewAttendee
from kiosk.storage.database import Database
from kiosk.storage.errors import StorageError
from kiosk.storage.meetings import MeetingRow

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


#: The demo's check-ins fall in this part of its first day (the README says "the morning").
MORNING = (time(8, 0), time(12, 0))


def demo_morning(today: date, now: datetime, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """When the demo's check-ins happen: 08:00 to noon of ``today``, ending at ``now`` when it
    is already past 08:30 and not yet noon."""
    start = datetime.combine(today, MORNING[0], tz)
    noon = datetime.combine(today, MORNING[1], tz)
    if start + timedelta(minutes=30) < now < noon:
        return start, now
    return start, noon


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
        # The morning: about a third of today's people arrived between 08:00 and noon at three
        # kiosks — up to now when the demo is made in the morning, the whole morning when it is
        # made later (or before 08:30, the usual morning of a conference: a demo, not a record).
        eligible = lookup.active_codes_on(db, today)
        rng.shuffle(eligible)
        arrived = eligible[: len(eligible) // 3]
        start, end = demo_morning(today, now, tz)
        span = max((end - start).total_seconds() - 60, 1.0)
        moments = sorted(start + timedelta(seconds=rng.random() * span) for _ in arrived)
        for code, moment in zip(arrived, moments, strict=True):
            kiosk = rng.choice(kiosks)
            CheckinService(db, kiosk, clock=fixed_clock(moment)).scan(code)
            if rng.random() < 0.03:  # a second scan of the same badge: refused, as at a real desk
                later = min(moment + timedelta(minutes=rng.randint(1, 40)), end)
                CheckinService(db, rng.choice(kiosks), clock=fixed_clock(later)).scan(code)
        for bad in ("HELLO", codes.generate()):  # a misread and a code of nobody
            CheckinService(db, kiosks[1], clock=fixed_clock(start)).scan(bad, kind=ScanKind.ENTRY)
        example = eligible[len(eligible) // 3]
        add_demo_meetings(db, days, now, random.Random(seed + 22), example)
        registered = attendee_store.count(db, AttendeeStatus.ACTIVE)
        cancelled = attendee_store.count(db, AttendeeStatus.CANCELLED)
        db.checkpoint()
    return DemoSummary(
        DEMO_NAME, DEMO_TZ, days, registered, cancelled, len(arrived), example, DEMO_KIOSKS[0]
    )


#: Meeting slots of the demo's matchmaking sessions (30 minutes each), morning and afternoon.
DEMO_SLOTS = tuple(
    time(h, m) for h in (10, 11, 12, 14, 15, 16) for m in (0, 30) if (h, m) != (16, 30)
)
DEMO_TABLES = 6
DEMO_MEETINGS_PER_DAY = 60


def add_demo_meetings(
    db: Database, days: tuple[date, date], now: datetime, rng: random.Random, example: str
) -> int:
    """About 120 B2B meetings over the two days between the demo's Bulgarian and Romanian firms
    (mostly BG–RO, a few BG–BG and RO–RO; a few cancelled or declined), and the held marks a
    table host would have made for this morning's meetings where both people came."""
    event = events.event_info(db)
    rows = meeting_store.firm_people(db, ("Bulgaria", "Romania"), ("b2b", "participant"))
    firms: dict[str, list[Any]] = {"Bulgaria": [], "Romania": []}
    seen_orgs: set[str] = set()
    for r in rows:
        if r["organization"] and r["organization"] not in seen_orgs:
            seen_orgs.add(r["organization"])
            firms[r["country"]].append(r)
    for country in firms:  # the person the demo shows first has meetings to see
        firms[country].sort(key=lambda r: r["code"] != example)
        firms[country] = firms[country][:45]
    if not firms["Bulgaria"] or not firms["Romania"]:
        return 0
    stamp = to_utc_iso(now)
    meetings: list[MeetingRow] = []
    for day in days:
        busy: set[tuple[str, time]] = set()
        count = 0
        for slot in DEMO_SLOTS:
            for table in range(1, DEMO_TABLES + 1):
                if count >= DEMO_MEETINGS_PER_DAY:
                    break
                roll = rng.random()
                pair = (
                    ("Bulgaria", "Romania")
                    if roll < 0.85
                    else ("Bulgaria", "Bulgaria")
                    if roll < 0.93
                    else ("Romania", "Romania")
                )
                for _ in range(20):
                    a = rng.choice(firms[pair[0]])
                    b = rng.choice(firms[pair[1]])
                    if (
                        a["uid"] != b["uid"]
                        and (a["uid"], slot) not in busy
                        and (b["uid"], slot) not in busy
                    ):
                        break
                else:
                    continue
                busy.update({(a["uid"], slot), (b["uid"], slot)})
                status = rng.choices(
                    (MeetingStatus.PLANNED, MeetingStatus.CANCELLED, MeetingStatus.DECLINED),
                    (92, 5, 3),
                )[0]
                end = (datetime.combine(day, slot) + timedelta(minutes=30)).time()
                key = f"{day}|{slot:%H:%M}|{table}"
                meetings.append(
                    MeetingRow(
                        uid=meeting_uid(event.uid, "demo", key),
                        day=day.isoformat(),
                        start=f"{slot:%H:%M}",
                        end=f"{end:%H:%M}",
                        location=f"Table {table}",
                        status=status.value,
                        a_uid=a["uid"],
                        a_name=f"{a['first_name']} {a['last_name']}",
                        a_org=a["organization"],
                        a_email=a["email"],
                        a_country=a["country"],
                        a_matched_by=MatchedBy.EMAIL,
                        b_uid=b["uid"],
                        b_name=f"{b['first_name']} {b['last_name']}",
                        b_org=b["organization"],
                        b_email=b["email"],
                        b_country=b["country"],
                        b_matched_by=MatchedBy.EMAIL,
                        source="demo",
                        source_row=len(meetings) + 2,
                        updated_at=stamp,
                    )
                )
                count += 1
    with db.write() as conn:
        meeting_store.write(conn, meetings)
    # This morning's table hosts marked most meetings held where both people had come.
    service = MeetingsService(db, clock=lambda: now)
    local_now = now.astimezone(ZoneInfo(event.timezone)).replace(tzinfo=None)
    for m in service.board(days[0]):
        ended = m.end is not None and datetime.combine(m.day, m.end) <= local_now
        if ended and m.outcome is Outcome.POSSIBLE and rng.random() < 0.75:
            service.mark(m.uid, source=MarkSource.BOARD, operator="demo")
    return len(meetings)
