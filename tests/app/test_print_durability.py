"""The print-queue kill test: a badge acknowledged as queued survives SIGKILL, a job
interrupted while printing is recovered at the next start, and no badge is recorded twice.

A child process (``print_child.py``) runs a kiosk's print worker over the real database; the
parent kills it at random moments, over and over, and checks the queue after every kill.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.core import codes
from kiosk.core.timeutil import to_utc_iso
from kiosk.storage import events
from kiosk.storage.attendees import NewAttendee, insert_many
from kiosk.storage.database import Database
from tests.app.test_durability import REPO_ROOT, _read_some

CHILD = Path(__file__).with_name("print_child.py")
ROUNDS = 12
DRAIN_MS = (30, 400)
ATTENDEES = 600


def make_event(path: Path) -> None:
    people = [
        NewAttendee(code=c, first_name=f"Person {n}", last_name="Badge")
        for n, c in enumerate(codes.generate_many(ATTENDEES))
    ]
    with Database(path, create=True) as db:
        events.create_event(db, "Print kill test", [datetime.now(UTC).date()], "UTC")
        with db.write() as conn:
            insert_many(conn, people, to_utc_iso(datetime.now(UTC)))


@dataclass(slots=True)
class Round:
    number: int
    queued: dict[str, str] = field(default_factory=dict)  # job_uid -> attendee uid
    done: set[int] = field(default_factory=set)
    recovered: set[int] = field(default_factory=set)
    claimed: set[int] = field(default_factory=set)
    finished: bool = False
    problems: list[str] = field(default_factory=list)
    printing_at_kill: int = 0


def run_child(db_path: Path, number: int, drain_ms: int, *args: str) -> Round:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO_ROOT), env.get("PYTHONPATH")) if p)
    with subprocess.Popen(
        [sys.executable, "-u", str(CHILD), str(db_path), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        bufsize=0,
        env=env,
    ) as proc:
        assert proc.stdout is not None
        fd, buffer, alive = proc.stdout.fileno(), bytearray(), True
        ready_by = time.monotonic() + 30
        while b"READY\n" not in buffer and alive and time.monotonic() < ready_by:
            alive = _read_some(fd, buffer, ready_by - time.monotonic())
        kill_at = time.monotonic() + drain_ms / 1000
        while alive and (remaining := kill_at - time.monotonic()) > 0:
            alive = _read_some(fd, buffer, remaining)
        proc.send_signal(signal.SIGKILL)
        tail, err = proc.communicate(timeout=30)
        buffer += tail
    if proc.returncode not in (0, -signal.SIGKILL) or b"READY\n" not in buffer:
        pytest.fail(f"round {number}: child failed: {err.decode(errors='replace')}")
    result = Round(number)
    *lines, _partial = buffer.decode().split("\n")
    for line in lines:
        kind, *rest = line.split(" ")
        if kind == "Q":
            result.queued[rest[0]] = rest[1]
        elif kind == "C":
            result.claimed.add(int(rest[0]))
        elif kind == "D":
            result.done.add(int(rest[0]))
        elif kind == "R":
            result.recovered.add(int(rest[0]))
        elif kind == "DONE":
            result.finished = True
    return result


def check(db_path: Path, current: Round) -> None:
    with Database(db_path) as db:
        if db.conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            current.problems.append("integrity check failed")
        jobs = {
            r[0]: (r[1], r[2], r[3])
            for r in db.conn.execute("SELECT job_uid, id, state, attendee_uid FROM print_job")
        }
        for job_uid, attendee in current.queued.items():
            if job_uid not in jobs or jobs[job_uid][2] != attendee:
                current.problems.append(f"queued job {job_uid} is not in the queue")
        states = {job_id: state for job_id, state, _ in jobs.values()}
        for job_id in current.done:
            if states.get(job_id) != "done":
                current.problems.append(f"job {job_id} acknowledged done is {states.get(job_id)}")
        current.printing_at_kill = sum(s == "printing" for s in states.values())
        if current.printing_at_kill > 1:
            current.problems.append(f"{current.printing_at_kill} jobs printing at once")
        # Every done job has exactly one badge_printed event; no other job has one.
        printed = dict(
            db.conn.execute(
                "SELECT attendee_uid, count(*) FROM scan WHERE kind = 'badge_printed' "
                "GROUP BY attendee_uid"
            ).fetchall()
        )
        for _job_id, state, attendee in jobs.values():
            expected = 1 if state == "done" else 0
            if printed.get(attendee, 0) != expected:
                current.problems.append(
                    f"{attendee}: {printed.get(attendee, 0)} badge_printed events for a {state} job"
                )


@dataclass(slots=True)
class Campaign:
    seed: int
    rounds: list[Round]
    final: Round


@pytest.fixture(scope="module")
def campaign(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Campaign]:
    seed = int(os.environ.get("KIOSK_KILL_SEED", random.SystemRandom().randrange(2**32)))
    rng = random.Random(seed)
    db_path = tmp_path_factory.mktemp("print-durability") / "event.db"
    make_event(db_path)
    rounds = []
    for number in range(1, ROUNDS + 1):
        current = run_child(db_path, number, rng.randint(*DRAIN_MS))
        check(db_path, current)
        rounds.append(current)
    # A last start without a kill: what was queued or interrupted gets printed, once.
    final = run_child(db_path, ROUNDS + 1, 600_000, "--drain")
    check(db_path, final)
    yield Campaign(seed, rounds, final)


def test_every_acknowledged_print_job_survives_repeated_sigkill(campaign: Campaign) -> None:
    assert sum(len(r.queued) for r in campaign.rounds) > 0, campaign.seed
    problems = [(r.number, p) for r in [*campaign.rounds, campaign.final] for p in r.problems]
    assert problems == [], f"seed {campaign.seed}"


def test_a_job_interrupted_while_printing_is_recovered_and_printed_once(
    campaign: Campaign, tmp_path: Path
) -> None:
    interrupted = sum(r.printing_at_kill for r in campaign.rounds)
    recovered = sum(len(r.recovered) for r in [*campaign.rounds[1:], campaign.final])
    assert interrupted > 0, f"seed {campaign.seed}: no kill landed while printing"
    assert recovered == interrupted, f"seed {campaign.seed}"
    assert campaign.final.finished and campaign.final.printing_at_kill == 0
