"""The durable print queue and per-kiosk settings.

A badge to print is a row in ``print_job``: queued, claimed by one worker (``printing``), then
``done``, ``failed`` or ``cancelled``. Every state change is one write transaction, so a job
survives a crash or a restart in the state it was last committed in. Marking a job done also
appends a ``badge_printed`` event to the scan log, in the same transaction: the log (which is
merged between kiosks) is where "was a badge printed for this person, when and where" is read.

A job is *due* when ``next_attempt_at`` is set and has passed. It is set on queued jobs and on
failed jobs that will be tried again after a back-off; a job that failed ``max_attempts`` times
has none and waits for staff to retry or cancel it.

Printing itself (a physical side effect) happens between ``claim_next`` and ``mark_done``. A
process killed in between leaves the job ``printing``; :func:`recover_interrupted` puts it back
in the queue at the next start. The badge may then come out twice (the printer may have
finished before the kill), but the job is never lost and its ``badge_printed`` event is
written exactly once.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from kiosk.core.model import ScanKind
from kiosk.core.reasons import Reason
from kiosk.core.timeutil import from_utc_iso, to_utc_iso
from kiosk.storage import scanlog
from kiosk.storage.database import Database

#: Attempts (automatic) before a failed job waits for staff.
MAX_ATTEMPTS = 5
BACKOFF_FIRST = timedelta(seconds=5)
BACKOFF_MAX = timedelta(minutes=5)

#: The scan-log reason of a ``badge_printed`` event. The log has no code of its own for it and
#: the core reasons are stable; ``admitted`` is stored as outcome ``accepted``, so the event is
#: not counted among refused scans, and every admission count reads ``effective_scan``, which
#: keeps entries and exits only.
BADGE_PRINTED_REASON = Reason.ADMITTED


class JobState(StrEnum):
    QUEUED = "queued"
    PRINTING = "printing"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


#: Jobs not finished: waiting, being printed, or failed and needing a retry or cancel.
OPEN_STATES = frozenset({JobState.QUEUED, JobState.PRINTING, JobState.FAILED})


class JobStateError(Exception):
    """The job is not in a state that allows the change; ``str()`` says why."""


@dataclass(frozen=True, slots=True)
class NewPrintJob:
    kiosk_id: str
    attendee_uid: str
    list_id: int  # the list the badge_printed event is logged on
    template: str
    printer_uri: str
    scan_id: str | None = None  # the admission that caused the job; None for staff prints
    reprint: bool = False  # a badge had already been printed for this person


@dataclass(frozen=True, slots=True)
class PrintJob:
    id: int
    job_uid: str
    kiosk_id: str
    kiosk_name: str
    attendee_uid: str
    attendee_name: str  # first and last name, or "" when the person is not in this database
    scan_id: str | None
    list_id: int
    template: str
    printer_uri: str
    state: JobState
    attempts: int
    fault: str | None  # a kiosk.printing Fault code, for failed jobs
    message: str  # what went wrong, in staff words
    created_at: datetime
    updated_at: datetime
    next_attempt_at: datetime | None
    reprint: bool

    @property
    def will_retry(self) -> bool:
        """Failed, but it will be tried again by itself at ``next_attempt_at``."""
        return self.state is JobState.FAILED and self.next_attempt_at is not None

    @property
    def open(self) -> bool:
        return self.state in OPEN_STATES


@dataclass(frozen=True, slots=True)
class BadgePrinted:
    """The newest badge_printed event of a person, from any kiosk whose log is merged here."""

    at: datetime
    kiosk_id: str
    kiosk_name: str
    scan_id: str


def backoff(attempts: int) -> timedelta:
    """Wait before the next automatic attempt: 5 s, 10 s, 20 s … at most 5 min."""
    if attempts < 1:
        return BACKOFF_FIRST
    # Cap the exponent first: 2**60 seconds does not fit a timedelta.
    return min(BACKOFF_FIRST * (1 << min(attempts - 1, 16)), BACKOFF_MAX)


_SELECT = (
    "SELECT j.*, k.name AS kiosk_name, "
    "trim(coalesce(a.first_name, '') || ' ' || coalesce(a.last_name, '')) AS attendee_name "
    "FROM print_job j LEFT JOIN kiosk k ON k.id = j.kiosk_id "
    "LEFT JOIN attendee a ON a.uid = j.attendee_uid "
)


def _job(row: sqlite3.Row) -> PrintJob:
    return PrintJob(
        id=row["id"],
        job_uid=row["job_uid"],
        kiosk_id=row["kiosk_id"],
        kiosk_name=row["kiosk_name"] or "",
        attendee_uid=row["attendee_uid"],
        attendee_name=row["attendee_name"] or "",
        scan_id=row["scan_id"],
        list_id=row["list_id"],
        template=row["template"],
        printer_uri=row["printer_uri"],
        state=JobState(row["state"]),
        attempts=row["attempts"],
        fault=row["fault"],
        message=row["message"],
        created_at=from_utc_iso(row["created_at"]),
        updated_at=from_utc_iso(row["updated_at"]),
        next_attempt_at=from_utc_iso(row["next_attempt_at"]) if row["next_attempt_at"] else None,
        reprint=bool(row["reprint"]),
    )


def _get(conn: sqlite3.Connection, job_id: int) -> PrintJob | None:
    cur = conn.cursor()
    cur.row_factory = sqlite3.Row
    row = cur.execute(_SELECT + "WHERE j.id = ?", (job_id,)).fetchone()
    return _job(row) if row else None


def _require(conn: sqlite3.Connection, job_id: int) -> PrintJob:
    job = _get(conn, job_id)
    if job is None:
        raise JobStateError(f"There is no print job {job_id}.")
    return job


def get(db: Database, job_id: int) -> PrintJob | None:
    return _get(db.conn, job_id)


def enqueue(db: Database, new: NewPrintJob, now: datetime) -> PrintJob:
    """Queue a badge, due at once."""
    stamp = to_utc_iso(now)
    with db.write() as conn:
        cur = conn.execute(
            "INSERT INTO print_job (job_uid, kiosk_id, attendee_uid, scan_id, list_id, template, "
            "printer_uri, state, attempts, message, created_at, updated_at, next_attempt_at, "
            "reprint) VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', 0, '', ?, ?, ?, ?)",
            (
                str(uuid.uuid4()),
                new.kiosk_id,
                new.attendee_uid,
                new.scan_id,
                new.list_id,
                new.template,
                new.printer_uri,
                stamp,
                stamp,
                stamp,
                int(new.reprint),
            ),
        )
        assert cur.lastrowid is not None
        return _require(conn, cur.lastrowid)


def claim_next(db: Database, kiosk_id: str, now: datetime) -> PrintJob | None:
    """Take this kiosk's next due job: it becomes ``printing`` with one more attempt.

    One write transaction, so two workers never take the same job.
    """
    with db.write() as conn:
        row = conn.execute(
            "SELECT id FROM print_job WHERE kiosk_id = ? AND next_attempt_at IS NOT NULL "
            "AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT 1",
            (kiosk_id, to_utc_iso(now)),
        ).fetchone()
        if row is None:
            return None
        conn.execute(
            "UPDATE print_job SET state = 'printing', attempts = attempts + 1, "
            "next_attempt_at = NULL, updated_at = ? WHERE id = ?",
            (to_utc_iso(now), row[0]),
        )
        return _require(conn, row[0])


def mark_done(db: Database, job_id: int, now: datetime, *, operator: str = "") -> PrintJob:
    """The badge came out: the job is done and a ``badge_printed`` event joins the scan log,
    both in one transaction (so the event is written once, or not at all)."""
    with db.write() as conn:
        job = _require(conn, job_id)
        if job.state is not JobState.PRINTING:
            raise JobStateError(
                f"Print job {job_id} is {job.state}; only a job being printed can be done."
            )
        conn.execute(
            "UPDATE print_job SET state = 'done', fault = NULL, message = '', "
            "next_attempt_at = NULL, updated_at = ? WHERE id = ?",
            (to_utc_iso(now), job_id),
        )
        scanlog.append(
            conn,
            scanlog.NewScan(
                kiosk_id=job.kiosk_id,
                at=now,
                list_id=job.list_id,
                kind=ScanKind.BADGE_PRINTED,
                reason=BADGE_PRINTED_REASON,
                attendee_uid=job.attendee_uid,
                ref_scan_id=job.scan_id,
                operator=operator,
            ),
        )
        return _require(conn, job_id)


def mark_failed(
    db: Database,
    job_id: int,
    now: datetime,
    fault: str,
    message: str,
    *,
    max_attempts: int = MAX_ATTEMPTS,
) -> PrintJob:
    """The print did not happen: ``failed`` with the fault and message; tried again by itself
    after :func:`backoff` until ``max_attempts`` attempts, then it waits for staff."""
    with db.write() as conn:
        job = _require(conn, job_id)
        if job.state is not JobState.PRINTING:
            raise JobStateError(
                f"Print job {job_id} is {job.state}; only a job being printed can fail."
            )
        retry_at = to_utc_iso(now + backoff(job.attempts)) if job.attempts < max_attempts else None
        conn.execute(
            "UPDATE print_job SET state = 'failed', fault = ?, message = ?, next_attempt_at = ?, "
            "updated_at = ? WHERE id = ?",
            (fault, message, retry_at, to_utc_iso(now), job_id),
        )
        return _require(conn, job_id)


def retry(db: Database, job_id: int, now: datetime) -> PrintJob:
    """Staff asked to try again: queued and due now, with a fresh allowance of attempts."""
    with db.write() as conn:
        job = _require(conn, job_id)
        if job.state not in (JobState.QUEUED, JobState.FAILED, JobState.CANCELLED):
            raise JobStateError(
                f"Print job {job_id} is {job.state}; only a queued, failed or cancelled job "
                "can be tried again."
            )
        conn.execute(
            "UPDATE print_job SET state = 'queued', attempts = 0, fault = NULL, message = '', "
            "next_attempt_at = ?, updated_at = ? WHERE id = ?",
            (to_utc_iso(now), to_utc_iso(now), job_id),
        )
        return _require(conn, job_id)


def cancel(db: Database, job_id: int, now: datetime) -> PrintJob:
    """Staff do not want this badge: it is never printed (unless retried)."""
    with db.write() as conn:
        job = _require(conn, job_id)
        if job.state not in (JobState.QUEUED, JobState.FAILED):
            raise JobStateError(
                f"Print job {job_id} is {job.state}; only a queued or failed job can be cancelled."
            )
        conn.execute(
            "UPDATE print_job SET state = 'cancelled', next_attempt_at = NULL, updated_at = ? "
            "WHERE id = ?",
            (to_utc_iso(now), job_id),
        )
        return _require(conn, job_id)


def recover_interrupted(
    db: Database, kiosk_id: str, now: datetime, *, max_attempts: int = MAX_ATTEMPTS
) -> list[PrintJob]:
    """At start-up: this kiosk's jobs left ``printing`` by a crash go back to the queue, due now.

    The interrupted attempt stays counted, so a job that kills the process every time stops
    after ``max_attempts`` (``failed``, waiting for staff) instead of looping.
    Only this kiosk's jobs: another kiosk sharing the file may be printing its own right now.
    """
    stamp = to_utc_iso(now)
    interrupted = "The print was interrupted (Kiosk was closed or crashed)"
    with db.write() as conn:
        ids = [
            r[0]
            for r in conn.execute(
                "SELECT id FROM print_job WHERE kiosk_id = ? AND state = 'printing' ORDER BY id",
                (kiosk_id,),
            )
        ]
        conn.execute(
            "UPDATE print_job SET state = 'queued', next_attempt_at = ?, updated_at = ?, "
            "message = ? WHERE kiosk_id = ? AND state = 'printing' AND attempts < ?",
            (stamp, stamp, interrupted + "; printing it again.", kiosk_id, max_attempts),
        )
        conn.execute(
            "UPDATE print_job SET state = 'failed', fault = 'failed', next_attempt_at = NULL, "
            "updated_at = ?, message = ? WHERE kiosk_id = ? AND state = 'printing'",
            (
                stamp,
                f"{interrupted} {max_attempts} times; check the badge and the printer, "
                "then retry or cancel it.",
                kiosk_id,
            ),
        )
        return [_require(conn, i) for i in ids]


def list_jobs(
    db: Database,
    *,
    kiosk_id: str | None = None,
    attendee_uid: str | None = None,
    states: Iterable[JobState] | None = None,
    limit: int = 200,
) -> list[PrintJob]:
    """Jobs, newest first, with the person's name and the kiosk's name."""
    where: list[str] = []
    params: list[object] = []
    if kiosk_id is not None:
        where.append("j.kiosk_id = ?")
        params.append(kiosk_id)
    if attendee_uid is not None:
        where.append("j.attendee_uid = ?")
        params.append(attendee_uid)
    if states is not None:
        wanted = [JobState(s).value for s in states]
        if not wanted:
            return []
        where.append(f"j.state IN ({','.join('?' * len(wanted))})")
        params.extend(wanted)
    sql = _SELECT + (f"WHERE {' AND '.join(where)} " if where else "")
    sql += "ORDER BY j.created_at DESC, j.id DESC LIMIT ?"
    params.append(limit)
    return [_job(r) for r in db.query(sql, params)]


def open_job_for(db: Database, kiosk_id: str, attendee_uid: str) -> PrintJob | None:
    """This kiosk's newest queued or printing job for a person (a badge already on its way)."""
    jobs = list_jobs(
        db,
        kiosk_id=kiosk_id,
        attendee_uid=attendee_uid,
        states=(JobState.QUEUED, JobState.PRINTING),
        limit=1,
    )
    return jobs[0] if jobs else None


def last_badge_printed(db: Database, attendee_uid: str) -> BadgePrinted | None:
    """When and where this person's newest badge was printed (read from the scan log, so
    badges printed on other kiosks count once their logs are merged)."""
    rows = db.query(
        "SELECT s.scan_id, s.at, s.kiosk_id, k.name AS kiosk_name FROM scan s "
        "LEFT JOIN kiosk k ON k.id = s.kiosk_id "
        "WHERE s.attendee_uid = ? AND s.kind = 'badge_printed' ORDER BY s.at DESC, s.hlc DESC "
        "LIMIT 1",
        (attendee_uid,),
    )
    if not rows:
        return None
    r = rows[0]
    return BadgePrinted(from_utc_iso(r["at"]), r["kiosk_id"], r["kiosk_name"] or "", r["scan_id"])


def admitted_other_than(db: Database, attendee_uid: str, scan_id: str) -> bool:
    """Has this person an admission (not undone) other than ``scan_id``, on any list?"""
    rows = db.query(
        "SELECT 1 FROM effective_scan WHERE attendee_uid = ? AND kind = 'entry' "
        "AND scan_id != ? LIMIT 1",
        (attendee_uid, scan_id),
    )
    return bool(rows)


def last_admission_list(db: Database, attendee_uid: str) -> int | None:
    """The list of this person's newest admission that is not undone, if any."""
    rows = db.query(
        "SELECT list_id FROM effective_scan WHERE attendee_uid = ? AND kind = 'entry' "
        "ORDER BY at DESC LIMIT 1",
        (attendee_uid,),
    )
    return int(rows[0][0]) if rows else None


# Settings: one value per kiosk and key.


def get_setting(db: Database, kiosk_id: str, key: str) -> str | None:
    row = db.conn.execute(
        "SELECT value FROM kiosk_setting WHERE kiosk_id = ? AND key = ?", (kiosk_id, key)
    ).fetchone()
    return None if row is None else str(row[0])


def set_setting(db: Database, kiosk_id: str, key: str, value: str | None) -> None:
    """Store a setting; ``None`` removes it (back to the default)."""
    with db.write() as conn:
        if value is None:
            conn.execute(
                "DELETE FROM kiosk_setting WHERE kiosk_id = ? AND key = ?", (kiosk_id, key)
            )
        else:
            conn.execute(
                "INSERT INTO kiosk_setting (kiosk_id, key, value) VALUES (?, ?, ?) "
                "ON CONFLICT (kiosk_id, key) DO UPDATE SET value = excluded.value",
                (kiosk_id, key, value),
            )


def settings(db: Database, kiosk_id: str) -> dict[str, str]:
    return {
        str(k): str(v)
        for k, v in db.conn.execute(
            "SELECT key, value FROM kiosk_setting WHERE kiosk_id = ? ORDER BY key", (kiosk_id,)
        )
    }
