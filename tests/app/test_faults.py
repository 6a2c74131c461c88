"""A full disk and a read-only database: a clear message, never a false "admitted", and the
database still whole afterwards."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from kiosk.app.checkin import CheckinService
from kiosk.core.reasons import Reason
from kiosk.core.signed import TicketData
from kiosk.storage import events, keys
from kiosk.storage.database import Database
from kiosk.storage.errors import StorageError
from kiosk.tickets import signing
from kiosk.tickets.signing import TicketSigner
from tests.conftest import Clock, People


@contextmanager
def file_size_limit(limit: int) -> Iterator[None]:
    """Writes beyond ``limit`` bytes into any file fail (EFBIG), as on a full disk; the signal
    that would kill the process is ignored, as SQLite expects."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


@contextmanager
def full_disk(db: Database) -> Iterator[None]:
    db.checkpoint()  # the write-ahead log is empty: the next commit must grow it
    with file_size_limit(4096):
        yield


def scans(db: Database) -> int:
    return int(db.conn.execute("SELECT count(*) FROM scan").fetchone()[0])


def test_when_the_disk_is_full_a_scan_is_not_admitted_and_the_error_says_what_to_do(
    db: Database, people: People, clock: Clock
) -> None:
    desk = CheckinService(db, clock=clock)
    desk.scan(people.ivan)
    before = scans(db)
    with full_disk(db), pytest.raises(StorageError) as error:
        desk.scan(people.ana)
    assert str(db.path) in str(error.value) and " — " in str(error.value)
    assert scans(db) == before and db.integrity_ok()
    # Space again: the same person is admitted, once.
    assert desk.scan(people.ana).decision.reason is Reason.ADMITTED
    assert scans(db) == before + 1


def test_a_database_that_cannot_grow_says_the_disk_is_full(
    db: Database, people: People, clock: Clock
) -> None:
    desk = CheckinService(db, clock=clock)
    (pages,) = db.conn.execute("PRAGMA page_count").fetchone()
    db.conn.execute(f"PRAGMA max_page_count = {pages}")
    codes = [people.ana, people.ivan, people.day2_only, people.cancelled]
    with pytest.raises(StorageError, match="the disk is full") as error:
        for n in range(5000):  # scans until a new page is needed
            before = scans(db)
            result = desk.scan(codes[n % len(codes)])
            assert scans(db) == before + 1 and result.scan_id
    assert "free some space" in str(error.value)
    assert db.integrity_ok()


def test_a_read_only_database_refuses_to_record_a_scan(
    db: Database, people: People, clock: Clock
) -> None:
    desk = CheckinService(db, clock=clock)
    db.conn.execute("PRAGMA query_only = ON")
    try:
        with pytest.raises(StorageError, match="read-only"):
            desk.scan(people.ana)
    finally:
        db.conn.execute("PRAGMA query_only = OFF")
    assert scans(db) == 0


@contextmanager
def read_only_storage(folder: Path) -> Iterator[None]:
    """The folder and its files become unwritable: by permissions, or for root (whom
    permissions do not stop) with the immutable attribute."""
    paths = [*folder.iterdir(), folder]
    if os.geteuid() != 0:
        modes = {p: p.stat().st_mode for p in paths}
        for p in paths:
            p.chmod(0o555 if p.is_dir() else 0o444)
        try:
            yield
        finally:
            for p, mode in modes.items():
                p.chmod(mode)
        return
    made = subprocess.run(["chattr", "+i", *map(str, paths)], capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"cannot make files read-only as root here: {made.stderr.decode()}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", *map(str, paths)], check=True)


def test_a_database_on_read_only_storage_is_refused_with_a_clear_message(
    db_path: Path, db: Database, people: People, clock: Clock
) -> None:
    db.close()  # the write-ahead log is folded in: only the database file is left
    with read_only_storage(db_path.parent), pytest.raises(StorageError) as error:
        CheckinService(Database(db_path), clock=clock).scan(people.ana)
    message = str(error.value)
    assert str(db_path) in message and ("writable" in message or "read-only" in message)
    reopened = Database(db_path)
    assert reopened.conn.execute("SELECT count(*) FROM scan").fetchone()[0] == 0
    reopened.close()


def test_when_the_disk_is_full_a_signed_ticket_adds_nobody(
    db: Database, people: People, clock: Clock
) -> None:
    key = signing.new_private_key()
    raw, uid = signing.public_raw(key), events.event_info(db).uid
    keys.add_keys(db, [keys.TrustedKey(raw, signing.key_id_of(raw), uid, "", "", "now")])
    data = TicketData(str(uuid.uuid4()), "M2XR7H3K9", "Анастасия", "Вълканова")
    code = TicketSigner(key, uid).sign(data)
    desk = CheckinService(db, clock=clock)
    (people_before,) = db.conn.execute("SELECT count(*) FROM attendee").fetchone()
    with full_disk(db), pytest.raises(StorageError):
        desk.scan(code)
    assert db.conn.execute("SELECT count(*) FROM attendee").fetchone()[0] == people_before
    assert scans(db) == 0
    assert desk.scan(code).decision.reason is Reason.ADMITTED
