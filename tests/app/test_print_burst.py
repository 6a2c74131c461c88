"""A burst of admissions with auto-print while the printer fails in the middle of it: a real
ESC/POS network printer (a fake one on a local socket) goes offline, runs out of paper, has its
cover opened and is switched off mid-job. Every check-in stands; every badge comes out exactly
once when the printer is back; no one has two badge_printed events."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest

from kiosk.app.badging import badge_renderer
from kiosk.app.checkin import CheckinService
from kiosk.app.printing import PrintPolicy, PrintService
from kiosk.core import codes
from kiosk.core.reasons import Reason
from kiosk.printing.base import Fault
from kiosk.printing.discover import open_printer
from kiosk.storage import attendees, events, printjobs
from kiosk.storage.attendees import NewAttendee
from kiosk.storage.database import Database
from kiosk.storage.printjobs import JobState
from tests.conftest import Clock
from tests.printing.fake_printer import READY, FakeEscposPrinter

PEOPLE = 40
PAPER_OUT = READY | 0x60
OFFLINE = READY | 0x08
COVER_OPEN = READY | 0x04


@dataclass
class Phase:
    """From scan ``start`` on, the printer is in this state (until the next phase)."""

    start: int
    name: str
    apply: Callable[[FakeEscposPrinter], None]


def ready(p: FakeEscposPrinter) -> None:
    p.status.update({1: READY, 2: READY, 4: READY})
    p.drop_after = None


def offline(p: FakeEscposPrinter) -> None:
    p.status.update({1: OFFLINE, 2: READY})


def paper_out(p: FakeEscposPrinter) -> None:
    p.status.update({1: READY, 4: PAPER_OUT})


def cover_open(p: FakeEscposPrinter) -> None:
    p.status.update({1: OFFLINE, 2: COVER_OPEN, 4: READY})


def switched_off_mid_job(p: FakeEscposPrinter) -> None:
    ready(p)
    p.drop_after = 3000  # after the status answers, part-way into the raster


PHASES = [
    Phase(0, "ready", ready),
    Phase(6, "offline", offline),
    Phase(12, "ready", ready),
    Phase(16, "paper out", paper_out),
    Phase(22, "cover open", cover_open),
    Phase(28, "switched off mid-job", switched_off_mid_job),
    Phase(34, "ready", ready),
]


@pytest.fixture
def printer() -> Iterator[FakeEscposPrinter]:
    fake = FakeEscposPrinter()
    yield fake
    fake.close()


@pytest.fixture
def crowd(db: Database) -> list[str]:
    found = codes.generate_many(PEOPLE)
    with db.write() as conn:
        attendees.insert_many(
            conn,
            [NewAttendee(c, f"Участник {n}", "Ștefănescu", "Clusterul Dunărea") for n, c in
             enumerate(found)],
            "2026-09-01T00:00:00.000000Z",
        )  # fmt: skip
    return found


def cuts(printer: FakeEscposPrinter) -> int:
    """Badges that came out whole: each ends with a cut (GS V)."""
    return printer.job_bytes().count(b"\x1dV")


def settle(printer: FakeEscposPrinter, expected: int) -> None:
    """The fake printer reads on its own threads: wait until it has seen ``expected`` cuts."""
    deadline = time.monotonic() + 10
    while cuts(printer) < expected and time.monotonic() < deadline:
        time.sleep(0.02)


def test_a_burst_through_printer_faults_records_every_checkin_and_prints_each_badge_once(
    db: Database, crowd: list[str], clock: Clock, printer: FakeEscposPrinter
) -> None:
    kiosk = events.local_kiosk(db)
    checkin = CheckinService(db, kiosk, clock)
    printing = PrintService(
        db, kiosk, badge_renderer(events.event_info(db).name), open_printer, clock
    )
    printing.set_printer_uri(printer.uri + "&timeout=2")
    printing.set_policy(PrintPolicy.FIRST_ADMISSION)
    faults_seen: set[str] = set()
    phase = iter(PHASES[1:])
    upcoming = next(phase)
    for n, code in enumerate(crowd):
        if upcoming is not None and n == upcoming.start:
            upcoming.apply(printer)
            upcoming = next(phase, None)
        result = checkin.scan(code)
        assert result.decision.reason is Reason.ADMITTED  # printing never decides a check-in
        assert printing.on_checkin(result).queued
        for job in printing.process_due():  # what the desk's print thread does after a scan
            if job.state is JobState.FAILED:
                assert job.fault is not None and job.will_retry
                faults_seen.add(job.fault)
        clock.advance(seconds=2)
    assert {Fault.OFFLINE, Fault.PAPER_OUT, Fault.COVER_OPEN, Fault.DISCONNECTED} <= {
        Fault(f) for f in faults_seen
    }, faults_seen
    # The printer is back: the retries come due one after another and everything prints.
    for _ in range(60):
        if not printing.pending():
            break
        clock.advance(seconds=30)
        printing.process_due()
    assert printing.pending() == []

    admitted = db.conn.execute(
        "SELECT count(*), count(DISTINCT attendee_uid) FROM scan WHERE kind = 'entry' "
        "AND reason = 'admitted'"
    ).fetchone()
    assert tuple(admitted) == (PEOPLE, PEOPLE)
    jobs = printjobs.list_jobs(db, kiosk_id=kiosk.id, limit=1000)
    assert len(jobs) == PEOPLE and {j.state for j in jobs} == {JobState.DONE}
    assert sum(j.attempts > 1 for j in jobs) >= 10  # the faults really hit the burst
    per_person = dict(
        db.conn.execute(
            "SELECT attendee_uid, count(*) FROM scan WHERE kind = 'badge_printed' "
            "GROUP BY attendee_uid"
        ).fetchall()
    )
    assert len(per_person) == PEOPLE and set(per_person.values()) == {1}
    settle(printer, PEOPLE)
    assert cuts(printer) == PEOPLE  # whole badges out of the printer: one each, none twice
