"""The database file: durability settings, append-only log, clear errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kiosk.app.checkin import CheckinService
from kiosk.storage.database import Database
from kiosk.storage.errors import NotAnEventDatabase, StorageError
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
