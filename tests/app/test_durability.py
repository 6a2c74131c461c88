"""The kill test: a check-in shown as admitted is on disk before it is shown.

A child process (``checkin_child.py``) scans every attendee's code with the real Database and
CheckinService and prints each result only after ``scan()`` has returned. The parent kills it
with SIGKILL at a random moment, over and over, and after every kill reopens the database and
checks that every result the child printed is in the scan log, that the file is intact, and that
the once-per-day policy held across the crashes.
"""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.core import codes
from kiosk.core.timeutil import to_utc_iso
from kiosk.storage import events
from kiosk.storage.attendees import NewAttendee, insert_many
from kiosk.storage.database import Database

CHILD = Path(__file__).with_name("checkin_child.py")
REPO_ROOT = Path(__file__).resolve().parents[2]
ATTENDEES = 3000
ROUNDS = 24
DRAIN_MS = (20, 400)
READY_TIMEOUT_S = 30.0
EXPECTED_REASONS = {"admitted", "already_checked_in"}


@dataclass(frozen=True, slots=True)
class Ack:
    """One complete line the child printed: a scan it reported as done."""

    scan_id: str
    reason: str
    code: str


@dataclass(slots=True)
class Round:
    number: int
    drain_ms: int
    returncode: int
    done: bool  # the child got through the whole list before the kill
    acks: list[Ack]
    partial_line: bool
    integrity: str = ""
    lost: list[Ack] = field(default_factory=list)  # printed, but not in the scan log
    mismatched: list[str] = field(default_factory=list)  # in the log, but not as printed
    unexpected: list[Ack] = field(default_factory=list)  # neither admitted nor already in
    twice_admitted: list[tuple[str, int, int]] = field(default_factory=list)
    admitted_again: list[Ack] = field(default_factory=list)  # admitted after an earlier ack
    refused_unadmitted: list[Ack] = field(default_factory=list)  # "already in" but never in

    @property
    def killed_mid_burst(self) -> bool:
        return self.returncode == -signal.SIGKILL and not self.done and bool(self.acks)

    @property
    def admitted(self) -> list[Ack]:
        return [a for a in self.acks if a.reason == "admitted"]


@dataclass(slots=True)
class Campaign:
    seed: int
    rounds: list[Round]

    def describe(self) -> str:
        acks = sum(len(r.admitted) for r in self.rounds)
        lost = sum(len(r.lost) for r in self.rounds)
        mid = sum(r.killed_mid_burst for r in self.rounds)
        return (
            f"seed {self.seed}: {len(self.rounds)} rounds, {mid} killed mid-burst, "
            f"{acks} acknowledged admissions, {sum(len(r.acks) for r in self.rounds)} "
            f"acknowledged scans, lost {lost}"
        )


def make_event(path: Path) -> None:
    """An event in UTC with lists for yesterday, today and tomorrow (so midnight during the run
    is harmless) and ATTENDEES people with our codes."""
    today = datetime.now(UTC).date()
    days = [today - timedelta(days=1), today, today + timedelta(days=1)]
    taken: set[str] = set()
    people = []
    for n in range(ATTENDEES):
        code = codes.generate(taken)
        taken.add(code)
        people.append(NewAttendee(code=code, first_name=f"Person {n}", last_name="Durability"))
    with Database(path, create=True) as db:
        events.create_event(db, "Kill test", days, "UTC")
        with db.write() as conn:
            insert_many(conn, people, to_utc_iso(datetime.now(UTC)))


def _read_some(fd: int, buffer: bytearray, timeout: float) -> bool:
    """Append what the pipe has within ``timeout`` seconds; False at end of file."""
    readable, _, _ = select.select([fd], [], [], max(timeout, 0.0))
    if not readable:
        return True
    chunk = os.read(fd, 65536)
    if not chunk:
        return False
    buffer += chunk
    return True


def run_child(db_path: Path, number: int, drain_ms: int) -> Round:
    """Start the child, wait for READY, read its output for ``drain_ms``, SIGKILL it."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO_ROOT), env.get("PYTHONPATH")) if p)
    env["PYTHONUNBUFFERED"] = "1"
    command = [sys.executable, "-u", str(CHILD), str(db_path)]
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0, env=env
    ) as proc:
        assert proc.stdout is not None
        fd = proc.stdout.fileno()
        buffer = bytearray()
        ready_by = time.monotonic() + READY_TIMEOUT_S
        alive = True
        while b"\n" not in buffer and alive and time.monotonic() < ready_by:
            alive = _read_some(fd, buffer, ready_by - time.monotonic())
        first, newline, rest = bytes(buffer).partition(b"\n")
        if first != b"READY" or not newline:
            proc.kill()
            _, err = proc.communicate(timeout=30)
            pytest.fail(
                f"round {number}: the child did not print READY (got {first!r}); "
                f"stderr:\n{err.decode(errors='replace')}"
            )
        buffer = bytearray(rest)
        kill_at = time.monotonic() + drain_ms / 1000
        while alive and (remaining := kill_at - time.monotonic()) > 0:
            alive = _read_some(fd, buffer, remaining)
        proc.send_signal(signal.SIGKILL)
        tail, err = proc.communicate(timeout=30)
        buffer += tail
        returncode = proc.returncode
    if returncode not in (0, -signal.SIGKILL):
        pytest.fail(
            f"round {number}: the child failed with code {returncode}; "
            f"stderr:\n{err.decode(errors='replace')}"
        )
    text = buffer.decode("utf-8", errors="replace")
    *complete, last = text.split("\n")  # after the last newline: a partial line, or ""
    done = "DONE" in complete
    acks = []
    for line in complete:
        if line == "DONE":
            continue
        scan_id, reason, code = line.split(" ")
        acks.append(Ack(scan_id, reason, code))
    return Round(number, drain_ms, returncode, done, acks, partial_line=bool(last))


def verify(db_path: Path, current: Round, admitted_before: dict[tuple[str, int], str]) -> None:
    """Reopen the database after a kill and record everything that does not hold.

    ``admitted_before`` maps (code, list id) to the scan id of its acknowledged admission in an
    earlier round; this round's acknowledged admissions are added to it.
    """
    with Database(db_path) as db:
        current.integrity = str(db.conn.execute("PRAGMA integrity_check").fetchone()[0])
        for ack in current.acks:
            rows = db.query(
                "SELECT s.reason, s.kind, s.list_id, a.code FROM scan s "
                "LEFT JOIN attendee a ON a.uid = s.attendee_uid WHERE s.scan_id = ?",
                (ack.scan_id,),
            )
            if not rows:
                current.lost.append(ack)
                continue
            row = rows[0]
            if (row["reason"], row["kind"], row["code"]) != (ack.reason, "entry", ack.code):
                current.mismatched.append(
                    f"{ack} is logged as {row['kind']} {row['reason']} of {row['code']}"
                )
            if ack.reason not in EXPECTED_REASONS:
                current.unexpected.append(ack)
            key = (ack.code, int(row["list_id"]))
            if ack.reason == "admitted":
                if key in admitted_before:
                    current.admitted_again.append(ack)
                admitted_before.setdefault(key, ack.scan_id)
            elif ack.reason == "already_checked_in":
                earlier = db.query(
                    "SELECT 1 FROM scan s JOIN attendee a ON a.uid = s.attendee_uid "
                    "WHERE a.code = ? AND s.list_id = ? AND s.kind = 'entry' "
                    "AND s.reason = 'admitted'",
                    key,
                )
                if not earlier:
                    current.refused_unadmitted.append(ack)
        current.twice_admitted = [
            (str(r[0]), int(r[1]), int(r[2]))
            for r in db.conn.execute(
                "SELECT attendee_uid, list_id, count(*) FROM scan "
                "WHERE kind = 'entry' AND reason = 'admitted' "
                "GROUP BY attendee_uid, list_id HAVING count(*) > 1"
            )
        ]


@pytest.fixture(scope="module")
def campaign(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Campaign]:
    """Create the event, then kill the scanning child ROUNDS times, verifying after each."""
    seed = int(os.environ.get("KIOSK_KILL_SEED", random.SystemRandom().randrange(2**32)))
    rng = random.Random(seed)
    db_path = tmp_path_factory.mktemp("durability") / "event.db"
    make_event(db_path)
    rounds: list[Round] = []
    admitted_before: dict[tuple[str, int], str] = {}
    for number in range(1, ROUNDS + 1):
        current = run_child(db_path, number, rng.randint(*DRAIN_MS))
        verify(db_path, current, admitted_before)
        rounds.append(current)
    result = Campaign(seed, rounds)
    print(f"\nkill test: {result.describe()}")
    yield result


def test_every_acknowledged_checkin_survives_repeated_sigkill(campaign: Campaign) -> None:
    acknowledged = sum(len(r.admitted) for r in campaign.rounds)
    assert acknowledged > 0, campaign.describe()
    lost = [(r.number, a) for r in campaign.rounds for a in r.lost]
    assert lost == [], campaign.describe()
    mismatched = [(r.number, m) for r in campaign.rounds for m in r.mismatched]
    assert mismatched == [], campaign.describe()


def test_the_database_passes_its_integrity_check_after_every_kill(campaign: Campaign) -> None:
    assert [(r.number, r.integrity) for r in campaign.rounds if r.integrity != "ok"] == []


def test_no_one_is_admitted_twice_on_a_days_list_across_crashes(campaign: Campaign) -> None:
    assert [(r.number, r.twice_admitted) for r in campaign.rounds if r.twice_admitted] == []
    again = [(r.number, a) for r in campaign.rounds for a in r.admitted_again]
    assert again == [], campaign.describe()


def test_rescans_after_a_crash_come_back_already_checked_in(campaign: Campaign) -> None:
    unexpected = [(r.number, a) for r in campaign.rounds for a in r.unexpected]
    assert unexpected == [], campaign.describe()
    refused = [(r.number, a) for r in campaign.rounds for a in r.refused_unadmitted]
    assert refused == [], campaign.describe()
    rescans = sum(a.reason == "already_checked_in" for r in campaign.rounds for a in r.acks)
    assert rescans > 0, f"no round re-scanned anyone: {campaign.describe()}"


def test_the_child_was_killed_mid_burst_in_several_rounds(campaign: Campaign) -> None:
    assert len(campaign.rounds) >= 20
    assert sum(r.killed_mid_burst for r in campaign.rounds) >= 2, campaign.describe()
