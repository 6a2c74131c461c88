"""The database file: durability settings, append-only log, clear errors."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.app.checkin import CheckinService
from kiosk.core.reasons import Reason
from kiosk.storage.database import Database
from kiosk.storage.errors import NotAnEventDatabase, StorageError
from kiosk.storage.schema import MIGRATIONS, SCHEMA_VERSION
from tests.conftest import Clock, People


def test_database_runs_in_wal_with_full_sync(db: Database) -> None:
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_the_scan_log_refuses_updates_and_deletes(
    db: Database, people: People, clock: Clock
) -> None:
    CheckinService(db, clock=clock).scan(people.ana)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.conn.execute("UPDATE scan SET reason = 'admitted'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.conn.execute("DELETE FROM scan")


def test_a_failed_write_leaves_nothing_behind(db: Database, people: People) -> None:
    with pytest.raises(RuntimeError), db.write() as conn:
        conn.execute("UPDATE attendee SET first_name = 'X'")
        raise RuntimeError("boom")
    assert "X" not in {r[0] for r in db.conn.execute("SELECT first_name FROM attendee")}


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(NotAnEventDatabase, match="init"):
        Database(tmp_path / "nope.db")


def test_another_programs_file_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE x (y)")
    conn.close()
    with pytest.raises(NotAnEventDatabase, match="another program"):
        Database(other)


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StorageError, match="not a Kiosk database"):
        Database(junk)


def test_a_database_from_a_newer_kiosk_is_refused(db_path: Path, db: Database) -> None:
    db.conn.execute("PRAGMA user_version = 999")
    with pytest.raises(StorageError, match="newer Kiosk"):
        Database(db_path)


def test_a_read_only_database_gives_a_clear_message_and_no_admission(
    db: Database, people: People, clock: Clock
) -> None:
    service = CheckinService(db, clock=clock)
    db.conn.execute("PRAGMA query_only = ON")  # what a read-only file or medium reports
    with pytest.raises(StorageError, match="read-only"):
        service.scan(people.ana)
    db.conn.execute("PRAGMA query_only = OFF")
    assert db.conn.execute("SELECT count(*) FROM scan").fetchone()[0] == 0


def test_a_full_disk_gives_a_clear_message_and_no_admission(
    db: Database, people: People, clock: Clock
) -> None:
    service = CheckinService(db, clock=clock)
    pages = db.conn.execute("PRAGMA page_count").fetchone()[0]
    db.conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite then reports "disk is full"
    with pytest.raises(StorageError, match="disk is full"):
        for code in [people.ana, people.ivan] * 200:
            service.scan(code + "")
            service.scan("PADDING-" + "x" * 400)


def test_an_event_file_from_before_the_keyed_scan_log_keeps_every_scan_when_upgraded(
    tmp_path: Path,
) -> None:
    """Schema 6 rebuilt the scan log keyed by (kiosk_id, kiosk_seq); a file written by the
    previous version opens with every scan, void and clock value intact, and goes on from
    there."""
    path = tmp_path / "v5.db"
    raw = sqlite3.connect(path)
    for sql in MIGRATIONS[:5]:
        raw.executescript(sql)
    raw.executescript(
        """
        PRAGMA user_version = 5;
        INSERT INTO event (id, uid, name, timezone, created_at)
            VALUES (1, 'ev', 'Old event', 'Europe/Sofia', '2026-09-01T00:00:00Z');
        INSERT INTO checkin_list (id, name, day, policy) VALUES (1, 'Day 1', NULL, 'once');
        INSERT INTO kiosk (id, name, local) VALUES ('k-1', 'Desk 1', 1);
        INSERT INTO attendee (uid, code, code_upper, first_name, created_at, updated_at)
            VALUES ('a-1', 'CODE1', 'CODE1', 'Ана', '2026-09-01T00:00:00Z', '2026-09-01T00:00:00Z');
        INSERT INTO scan (scan_id, kiosk_id, kiosk_seq, at, hlc, list_id, attendee_uid, kind,
                          ref_scan_id, outcome, reason)
        VALUES
            ('s-1', 'k-1', 1, '2026-09-28T07:00:00.000000Z', '1790578800000.00000.k-1', 1,
             'a-1', 'entry', NULL, 'accepted', 'admitted'),
            ('s-2', 'k-1', 2, '2026-09-28T07:01:00.000000Z', '1790578860000.00000.k-1', 1,
             'a-1', 'void', 's-1', 'accepted', 'voided'),
            ('s-3', 'k-1', 3, '2026-09-28T07:02:00.000000Z', '1790578920000.00000.k-1', 1,
             NULL, 'entry', NULL, 'refused', 'unknown_code');
        """
    )
    raw.commit()
    before = raw.execute("SELECT * FROM scan ORDER BY kiosk_seq").fetchall()
    raw.close()

    with Database(path) as db:
        assert db.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        columns = (
            "scan_id, kiosk_id, kiosk_seq, at, hlc, list_id, attendee_uid, raw_code, kind, "
            "ref_scan_id, outcome, reason, hint, manual, operator"
        )
        after = db.conn.execute(f"SELECT {columns} FROM scan ORDER BY kiosk_seq").fetchall()
        assert [tuple(r) for r in after] == [tuple(r) for r in before]
        assert db.conn.execute("SELECT count(*) FROM effective_scan").fetchone()[0] == 0
        with pytest.raises(sqlite3.IntegrityError):
            db.conn.execute(
                "INSERT INTO scan (scan_id, kiosk_id, kiosk_seq, at, hlc, list_id, kind, "
                "outcome, reason) VALUES ('s-9', 'k-1', 3, 'x', 'x', 1, 'entry', 'refused', "
                "'unknown_code')"
            )
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            db.conn.execute("DELETE FROM scan")
        result = CheckinService(db).scan("CODE1", list_id=1)
        assert result.decision.reason is Reason.ADMITTED
        seq, hlc = db.conn.execute(
            "SELECT kiosk_seq, hlc FROM scan WHERE scan_id = ?", (result.scan_id,)
        ).fetchone()
        assert seq == 4 and hlc > "1790578920000.00000.k-1"


def _wait_for(condition: Callable[[], bool], seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.001)


def test_a_job_writing_in_slices_lets_a_waiting_write_in_before_its_next_slice(
    db_path: Path, db: Database
) -> None:
    sync, desk = Database(db_path), Database(db_path)
    desk_in = threading.Event()

    def check_in() -> None:
        with desk.write():
            desk_in.set()

    waiting = threading.Thread(target=check_in)
    try:
        with sync.write():  # a slice
            waiting.start()
            _wait_for(lambda: sync.writers_waiting == 1)  # the desk waits for its turn
            time.sleep(0.15)
            assert not desk_in.is_set()
        with sync.write():  # the next slice, right away
            assert desk_in.is_set()
    finally:
        waiting.join(10.0)  # never close a connection another thread is using
        sync.close()
        desk.close()


def test_a_thread_writing_back_to_back_does_not_starve_another_writer(
    db_path: Path, db: Database
) -> None:
    # SQLite alone makes the waiter poll, sleeping up to 100 ms between tries; a thread that
    # takes the lock again at once after every commit would win every time until the waiter's
    # busy timeout ran out ("database is locked").
    busy, other = Database(db_path), Database(db_path)
    stop = threading.Event()
    started = threading.Event()

    def hammer() -> None:
        while not stop.is_set():
            with busy.write() as conn:
                started.set()
                conn.execute("UPDATE event SET name = name")
                time.sleep(0.002)

    worker = threading.Thread(target=hammer)
    worker.start()
    try:
        started.wait(10)
        time.sleep(0.05)
        began = time.monotonic()
        with other.write() as conn:
            conn.execute("UPDATE event SET name = name")
        waited = time.monotonic() - began
    finally:
        stop.set()
        worker.join(10)
        busy.close()
        other.close()
    assert waited < 0.5


def test_writers_of_one_file_take_turns_in_the_order_they_came(db_path: Path, db: Database) -> None:
    holder = Database(db_path)
    order: list[int] = []
    writers = [Database(db_path) for _ in range(4)]

    def write(number: int) -> None:
        with writers[number].write():
            order.append(number)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    try:
        with holder.write():
            for number, thread in enumerate(threads):
                thread.start()
                _wait_for(lambda n=number: holder.writers_waiting == n + 1)  # type: ignore[misc]
    finally:
        for thread in threads:
            thread.join(10)
        for writer in writers:
            writer.close()
        holder.close()
    assert order == [0, 1, 2, 3]


def test_a_writer_that_never_gets_its_turn_gives_a_clear_message_and_leaves_the_queue(
    db_path: Path, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Database, "BUSY_TIMEOUT_S", 0.2)
    other = Database(db_path)
    failure: list[StorageError] = []

    def write() -> None:
        try:
            with other.write():
                pass
        except StorageError as exc:
            failure.append(exc)

    thread = threading.Thread(target=write)
    try:
        with db.write():
            thread.start()
            thread.join(10)
            assert db.writers_waiting == 0
        assert failure and "another part of Kiosk" in str(failure[0])
        with other.write() as conn:  # the turn is free again
            conn.execute("UPDATE event SET name = name")
    finally:
        other.close()


def test_a_nested_write_on_the_same_file_fails_at_once_instead_of_waiting_for_itself(
    db: Database,
) -> None:
    began = time.monotonic()
    with pytest.raises(StorageError), db.write(), db.write():
        pass
    assert time.monotonic() - began < 1.0
    with db.write() as conn:  # and the file can be written afterwards
        conn.execute("UPDATE event SET name = name")


def test_a_read_step_outside_a_write_turn_words_its_error_for_staff(
    db_path: Path, db: Database
) -> None:
    """docs/design.md, "Calling storage": a read step gets its connection from ``db.read()``,
    which names the file in a StorageError as ``write()`` and ``query()`` do."""
    with pytest.raises(StorageError, match=str(db_path.name)), db.read() as conn:
        conn.execute("SELECT * FROM no_such_table")


def test_the_door_words_a_damaged_files_error_for_staff_on_a_read(
    db_path: Path, db: Database
) -> None:
    """A table gone from the file (another program, a damaged copy): the door's reads of the
    event's keys say which file, instead of letting sqlite3's error through."""
    from kiosk.app import open_desk

    with open_desk(db_path) as desk:
        other = sqlite3.connect(db_path)
        other.execute("DROP TABLE signing_key")
        other.commit()
        other.close()
        with pytest.raises(StorageError, match=f"Database {db_path}"):
            desk.keys.trusted()
