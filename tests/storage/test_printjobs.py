"""The print queue in the database: durable, claimed once, backed off, recovered after a crash."""

from __future__ import annotations

import sqlite3
import threading
from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.core.timeutil import to_utc_iso
from kiosk.storage import attendees, events, printjobs
from kiosk.storage.database import Database
from kiosk.storage.printjobs import JobState, JobStateError, NewPrintJob
from tests.conftest import NINE_FOURTEEN, People

NOW = NINE_FOURTEEN
URI = "escpos+tcp://10.0.0.5:9100"


def uid_of(db: Database, code: str) -> str:
    with db.write() as conn:
        person = attendees.find_by_code(conn, code)
    assert person is not None
    return person.uid


def new_job(kiosk_id: str, attendee_uid: str, scan_id: str | None = None) -> NewPrintJob:
    return NewPrintJob(kiosk_id, attendee_uid, 1, "default", URI, scan_id=scan_id)


def scans(db: Database) -> list[tuple[str, str, str, str | None]]:
    return [
        (r["kind"], r["outcome"], r["reason"], r["ref_scan_id"])
        for r in db.query("SELECT * FROM scan ORDER BY hlc")
    ]


def test_an_enqueued_job_is_due_at_once_and_still_queued_after_a_reopen(
    db: Database, db_path: Path, people: People
) -> None:
    desk = events.local_kiosk(db)
    job = printjobs.enqueue(db, new_job(desk.id, uid_of(db, people.ana), scan_id="s-1"), NOW)
    assert (job.state, job.attempts, job.next_attempt_at) == (JobState.QUEUED, 0, NOW)
    assert job.attendee_name == "Ana Ștefănescu" and job.kiosk_name == "Desk 1"
    db.close()
    with Database(db_path) as again:
        (found,) = printjobs.list_jobs(again)
        assert found == job


def test_claiming_takes_the_oldest_due_job_marks_it_printing_and_counts_the_attempt(
    db: Database, people: People
) -> None:
    desk = events.local_kiosk(db)
    first = printjobs.enqueue(db, new_job(desk.id, uid_of(db, people.ana)), NOW)
    printjobs.enqueue(db, new_job(desk.id, uid_of(db, people.ivan)), NOW + timedelta(seconds=1))
    claimed = printjobs.claim_next(db, desk.id, NOW + timedelta(seconds=2))
    assert claimed is not None and claimed.id == first.id
    assert (claimed.state, claimed.attempts, claimed.next_attempt_at) == (
        JobState.PRINTING,
        1,
        None,
    )


def test_a_job_not_yet_due_is_not_claimed(db: Database, people: People) -> None:
    desk = events.local_kiosk(db)
    printjobs.enqueue(db, new_job(desk.id, uid_of(db, people.ana)), NOW)
    assert printjobs.claim_next(db, desk.id, NOW - timedelta(seconds=1)) is None


def test_concurrent_workers_never_claim_the_same_job(
    db: Database, db_path: Path, people: People
) -> None:
    desk = events.local_kiosk(db)
    ana = uid_of(db, people.ana)
    ids = {printjobs.enqueue(db, new_job(desk.id, ana), NOW).id for _ in range(40)}
    claimed: list[int] = []
    lock = threading.Lock()

    def worker() -> None:
        with Database(db_path) as own:
            while (job := printjobs.claim_next(own, desk.id, NOW)) is not None:
                with lock:
                    claimed.append(job.id)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(claimed) == sorted(ids)


def test_back_off_starts_at_5_seconds_doubles_and_stops_growing_at_5_minutes() -> None:
    waits = [printjobs.backoff(n).total_seconds() for n in range(1, 10)]
    assert waits == [5, 10, 20, 40, 80, 160, 300, 300, 300]
    assert printjobs.backoff(10_000) == timedelta(minutes=5)


def test_a_failed_job_keeps_the_fault_and_message_and_is_due_again_after_the_back_off(
    db: Database, people: People
) -> None:
    desk = events.local_kiosk(db)
    job = printjobs.enqueue(db, new_job(desk.id, uid_of(db, people.ana)), NOW)
    printjobs.claim_next(db, desk.id, NOW)
    failed = printjobs.mark_failed(db, job.id, NOW, "paper_out", "Load a new roll.")
    assert (failed.state, failed.fault, failed.message) == (
        JobState.FAILED,
        "paper_out",
        "Load a new roll.",
    )
    assert failed.will_retry and failed.next_attempt_at == NOW + timedelta(seconds=5)
    assert printjobs.claim_next(db, desk.id, NOW + timedelta(seconds=4)) is None
    again = printjobs.claim_next(db, desk.id, NOW + timedelta(seconds=5))
    assert again is not None and (again.id, again.attempts) == (job.id, 2)


def test_after_the_last_attempt_a_failed_job_waits_for_staff(db: Database, people: People) -> None:
    desk = events.local_kiosk(db)
    job = printjobs.enqueue(db, new_job(desk.id, uid_of(db, people.ana)), NOW)
    now = NOW
    for attempt in range(1, 4):
        claimed = printjobs.claim_next(db, desk.id, now)
        assert claimed is not None and claimed.attempts == attempt
        failed = printjobs.mark_failed(db, job.id, now, "offline", "Off", max_attempts=3)
        now += timedelta(minutes=10)
    assert failed.state is JobState.FAILED and not failed.will_retry
    assert printjobs.claim_next(db, desk.id, now + timedelta(days=1)) is None
    retried = printjobs.retry(db, job.id, now)
    assert (retried.state, retried.attempts, retried.fault, retried.message) == (
        JobState.QUEUED,
        0,
        None,
        "",
    )
    assert printjobs.claim_next(db, desk.id, now) is not None


def test_done_appends_one_badge_printed_event_to_the_log_in_the_same_transaction(
    db: Database, people: People
) -> None:
    desk = events.local_kiosk(db)
    job = printjobs.enqueue(db, new_job(desk.id, uid_of(db, people.ana), scan_id="s-1"), NOW)
    printjobs.claim_next(db, desk.id, NOW)
    done = printjobs.mark_done(db, job.id, NOW + timedelta(seconds=3))
    assert done.state is JobState.DONE
    assert scans(db) == [("badge_printed", "accepted", "admitted", "s-1")]
    with pytest.raises(JobStateError, match="is done"):
        printjobs.mark_done(db, job.id, NOW + timedelta(seconds=4))
    assert len(scans(db)) == 1
    printed = printjobs.last_badge_printed(db, uid_of(db, people.ana))
    assert printed is not None
    assert (printed.at, printed.kiosk_name) == (NOW + timedelta(seconds=3), "Desk 1")


def test_only_queued_or_failed_jobs_can_be_cancelled_and_a_cancelled_job_is_never_due(
    db: Database, people: People
) -> None:
    desk = events.local_kiosk(db)
    ana = uid_of(db, people.ana)
    job = printjobs.enqueue(db, new_job(desk.id, ana), NOW)
    cancelled = printjobs.cancel(db, job.id, NOW)
    assert cancelled.state is JobState.CANCELLED and cancelled.next_attempt_at is None
    assert printjobs.claim_next(db, desk.id, NOW + timedelta(days=1)) is None
    other = printjobs.enqueue(db, new_job(desk.id, ana), NOW)
    printjobs.claim_next(db, desk.id, NOW)
    with pytest.raises(JobStateError, match="is printing"):
        printjobs.cancel(db, other.id, NOW)
    printjobs.mark_done(db, other.id, NOW)
    with pytest.raises(JobStateError, match="is done"):
        printjobs.cancel(db, other.id, NOW)
    with pytest.raises(JobStateError, match="no print job 999"):
        printjobs.cancel(db, 999, NOW)


def test_jobs_left_printing_by_a_crash_are_requeued_for_that_kiosk_only(
    db: Database, people: People
) -> None:
    desk1 = events.local_kiosk(db)
    desk2 = events.local_kiosk(db, "Desk 2")
    ana = uid_of(db, people.ana)
    mine = printjobs.enqueue(db, new_job(desk1.id, ana), NOW)
    theirs = printjobs.enqueue(db, new_job(desk2.id, ana), NOW)
    printjobs.claim_next(db, desk1.id, NOW)
    printjobs.claim_next(db, desk2.id, NOW)
    later = NOW + timedelta(minutes=1)
    (recovered,) = printjobs.recover_interrupted(db, desk1.id, later)
    assert (recovered.id, recovered.state, recovered.next_attempt_at) == (
        mine.id,
        JobState.QUEUED,
        later,
    )
    assert recovered.attempts == 1 and "interrupted" in recovered.message
    other = printjobs.get(db, theirs.id)
    assert other is not None and other.state is JobState.PRINTING


def test_a_job_that_keeps_crashing_the_process_stops_after_the_last_attempt(
    db: Database, people: People
) -> None:
    desk = events.local_kiosk(db)
    job = printjobs.enqueue(db, new_job(desk.id, uid_of(db, people.ana)), NOW)
    for _ in range(2):
        assert printjobs.claim_next(db, desk.id, NOW) is not None
        printjobs.recover_interrupted(db, desk.id, NOW, max_attempts=2)
    stuck = printjobs.get(db, job.id)
    assert stuck is not None and stuck.state is JobState.FAILED and not stuck.will_retry
    assert "retry or cancel" in stuck.message


def test_jobs_are_listed_newest_first_with_the_persons_name(db: Database, people: People) -> None:
    desk = events.local_kiosk(db)
    printjobs.enqueue(db, new_job(desk.id, uid_of(db, people.ana)), NOW)
    printjobs.enqueue(db, new_job(desk.id, uid_of(db, people.ivan)), NOW + timedelta(seconds=1))
    printjobs.enqueue(db, new_job(desk.id, "no-such-person"), NOW + timedelta(seconds=2))
    names = [j.attendee_name for j in printjobs.list_jobs(db, kiosk_id=desk.id)]
    assert names == ["", "Иван Иванов", "Ana Ștefănescu"]
    assert printjobs.list_jobs(db, states=()) == []
    assert len(printjobs.list_jobs(db, states=[JobState.QUEUED], limit=2)) == 2


def test_the_due_index_is_used_to_find_the_next_job(db: Database) -> None:
    plan = " ".join(
        str(r[-1])
        for r in db.conn.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM print_job WHERE kiosk_id = ? "
            "AND next_attempt_at IS NOT NULL AND next_attempt_at <= ? "
            "ORDER BY next_attempt_at, id LIMIT 1",
            ("k", to_utc_iso(NOW)),
        )
    )
    assert "print_job_due" in plan


def test_settings_are_per_kiosk_and_none_removes_one(db: Database) -> None:
    desk1 = events.local_kiosk(db)
    desk2 = events.local_kiosk(db, "Desk 2")
    printjobs.set_setting(db, desk1.id, "print.policy", "never")
    printjobs.set_setting(db, desk1.id, "print.policy", "every_admission")
    printjobs.set_setting(db, desk2.id, "print.template", "speaker")
    assert printjobs.settings(db, desk1.id) == {"print.policy": "every_admission"}
    assert printjobs.get_setting(db, desk2.id, "print.policy") is None
    printjobs.set_setting(db, desk2.id, "print.template", None)
    assert printjobs.settings(db, desk2.id) == {}


def test_the_job_state_is_checked_by_the_database(db: Database) -> None:
    with pytest.raises(sqlite3.IntegrityError), db.write() as conn:
        conn.execute(
            "INSERT INTO print_job (job_uid, kiosk_id, attendee_uid, list_id, template, "
            "printer_uri, state, created_at, updated_at) "
            "VALUES ('u', 'k', 'a', 1, 't', 'p', 'lost', 'x', 'x')"
        )
