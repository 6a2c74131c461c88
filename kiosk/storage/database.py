"""Opening the event database: pragmas for durability, migrations, explicit write transactions."""

from __future__ import annotations

import os
import sqlite3
import sys
import threading
import weakref
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kiosk.core.environment import explain_os_error
from kiosk.storage.errors import NotAnEventDatabase, StorageError, environment_error, explain
from kiosk.storage.schema import MIGRATIONS, SCHEMA_VERSION


class WriteTurn:
    """Whose turn it is to write one database file, among this process's threads: first come,
    first served, handed from one writer straight to the next.

    SQLite makes a writer that finds the file locked poll for it, sleeping up to 100 ms between
    tries. A thread that writes often (the desk checking people in, a sync merging slices,
    the print queue) could take the lock again before a waiting thread's next try, time after
    time, until the waiter's busy timeout ran out and its write failed ("database is locked").
    Threads of this process queue here instead and SQLite's busy timeout is left to arbitrate
    between processes. The turn is re-entrant for its holder, so a nested write on the same
    file fails as it did before (SQLite refuses it) instead of waiting for itself.
    """

    def __init__(self) -> None:
        self._mutex = threading.Lock()
        self._owner: int | None = None
        self._depth = 0
        self._queue: deque[tuple[int, threading.Lock]] = deque()

    @property
    def waiting(self) -> int:
        """How many threads are queued for the turn."""
        return len(self._queue)

    def acquire(self, timeout: float) -> bool:
        """Wait for the turn (at most ``timeout`` seconds); False when it did not come."""
        me = threading.get_ident()
        with self._mutex:
            if self._owner is None or self._owner == me:
                self._owner = me
                self._depth += 1
                return True
            gate = threading.Lock()
            gate.acquire()
            self._queue.append((me, gate))
        if gate.acquire(timeout=timeout):
            return True  # handed over by release()
        with self._mutex:
            try:
                self._queue.remove((me, gate))
            except ValueError:
                return True  # handed over just as the wait timed out
            return False

    def release(self) -> None:
        with self._mutex:
            self._depth -= 1
            if self._depth:
                return
            if self._queue:
                self._owner, gate = self._queue.popleft()
                self._depth = 1
                gate.release()
            else:
                self._owner = None


# Held only by the Database objects using them: a file's turn goes when its last connection does.
_turns: weakref.WeakValueDictionary[str, WriteTurn] = weakref.WeakValueDictionary()
_turns_lock = threading.Lock()


def write_turn(key: str) -> WriteTurn:
    """The turn of one database file (its real path) in this process."""
    with _turns_lock:
        turn = _turns.get(key)
        if turn is None:
            turn = _turns[key] = WriteTurn()
        return turn


class Database:
    """One connection to an event database file.

    Durability: WAL with ``synchronous=FULL`` (every commit is fsynced, so a check-in reported as
    admitted survives a power cut) and explicit ``BEGIN IMMEDIATE`` transactions, so two processes
    (the desk window and a sync) never deadlock on a lock upgrade.
    """

    #: Page cache of a connection that imports, checks people in or searches: a 100,000-person
    #: event's indexes fit, so imports do not thrash and searches do not reread pages.
    CACHE_KIB = 65_536
    #: How long a write waits for the file (for this process's other writers, then for other
    #: programs') before it fails.
    BUSY_TIMEOUT_S = 5.0
    #: For the desk's side connections (printing, sync, reports): they read a little at a time,
    #: and every connection's cache grows towards the size of the file over a long day (the
    #: soak run measured the caches as most of the desk's memory growth).
    SIDE_CACHE_KIB = 2_048

    def __init__(
        self, path: str | Path, *, create: bool = False, cache_kib: int = CACHE_KIB
    ) -> None:
        self.path = str(path)
        # Each in-memory database is its own; a file is shared by every connection to it.
        self._turn = (
            WriteTurn() if self.path == ":memory:" else write_turn(os.path.realpath(self.path))
        )
        try:
            missing = self.path != ":memory:" and not Path(self.path).exists()
            if create and self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # a folder this user may not enter, a read-only home…
            where = "" if exc.filename in (None, "", self.path) else f"{self.path}: "
            raise StorageError(f"Database {where}{explain_os_error(exc, self.path)}") from exc
        if missing and not create:
            raise NotAnEventDatabase(
                f"Database {self.path}: no such file — create an event first with "
                f"'kiosk --db {self.path} init' or try 'kiosk demo'."
            )
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.conn.execute(f"PRAGMA busy_timeout = {round(self.BUSY_TIMEOUT_S * 1000)}")
            mode = self.conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            self.conn.execute("PRAGMA synchronous = FULL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            # Page cache, allocated as used (see CACHE_KIB).
            self.conn.execute(f"PRAGMA cache_size = -{int(cache_kib)}")
            if sys.platform == "darwin":
                # macOS fsync() does not flush the drive cache; F_FULLFSYNC does.
                self.conn.execute("PRAGMA fullfsync = ON")
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.Error as exc:
            raise explain(self.path, exc) from exc
        if self.path != ":memory:" and str(mode).lower() != "wal":
            raise StorageError(
                f"Database {self.path}: the file system does not support the write-ahead log "
                f"(journal mode is {mode}) — keep the database on a local disk, not a share."
            )
        if version > SCHEMA_VERSION:
            raise StorageError(
                f"Database {self.path}: made by a newer Kiosk (schema {version}, this one knows "
                f"{SCHEMA_VERSION}) — update Kiosk on this machine."
            )
        if version < SCHEMA_VERSION:
            self._migrate(version, create)
        self._update_search_index()

    def _update_search_index(self) -> None:
        """Index the attendees again if the file's search index is older than this Kiosk's
        (once, on the first opening after an update); a file that cannot be written keeps
        its index."""
        from kiosk.storage import attendees  # imports this module

        try:
            if not attendees.search_index_outdated(self.conn):
                return
            with self.write() as conn:
                if attendees.search_index_outdated(conn):
                    attendees.rebuild_search_index(conn)
        except sqlite3.OperationalError as exc:
            if environment_error(self.path, exc) is None:
                raise

    def _migrate(self, version: int, create: bool) -> None:
        if version == 0 and not create:
            tables = self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if tables:
                raise NotAnEventDatabase(
                    f"Database {self.path}: this file belongs to another program — choose a Kiosk "
                    "event database or a new file name."
                )
            raise NotAnEventDatabase(
                f"Database {self.path}: the file is empty — create an event with "
                f"'kiosk --db {self.path} init'."
            )
        try:
            with self.write() as conn:
                for number, sql in enumerate(MIGRATIONS[version:], start=version + 1):
                    for statement in _split_sql(sql):
                        conn.execute(statement)
                    conn.execute(f"PRAGMA user_version = {number}")
        except sqlite3.Error as exc:
            raise explain(self.path, exc) from exc

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: ``BEGIN IMMEDIATE`` … ``COMMIT``; rolled back on any exception.

        When the block ends normally the data is on disk (the commit was fsynced). Writers of
        this process take turns in the order they came (see :class:`WriteTurn`).
        """
        if not self._turn.acquire(self.BUSY_TIMEOUT_S):
            raise StorageError(
                f"Database {self.path}: another part of Kiosk has been writing to it for "
                f"{self.BUSY_TIMEOUT_S:.0f} s — wait until it has finished (a large import or "
                "sync), then retry."
            )
        try:
            try:
                self.conn.execute("BEGIN IMMEDIATE")  # other programs: SQLite's busy timeout
            except sqlite3.Error as exc:
                raise explain(self.path, exc) from exc
            try:
                yield self.conn
            except sqlite3.OperationalError as exc:
                # Disk full, read-only medium, I/O error, lock timeout: the environment.
                self._rollback()
                raise explain(self.path, exc) from exc
            except BaseException:
                self._rollback()
                raise
            try:
                self.conn.execute("COMMIT")
            except sqlite3.Error as exc:
                self._rollback()
                raise explain(self.path, exc) from exc
        finally:
            self._turn.release()

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """The connection, for read steps outside a write turn (``with db.read() as conn:``):
        an sqlite3 error in the block becomes a :class:`StorageError` that names the file and
        says what to do, as in :meth:`write` and :meth:`query`. No transaction, no turn: each
        statement reads the file as it is; several reads that must agree use :meth:`write`
        (or ``replica.snapshot``)."""
        try:
            yield self.conn
        except sqlite3.Error as exc:
            raise explain(self.path, exc) from exc

    @property
    def writers_waiting(self) -> int:
        """This process's threads waiting for their turn to write this file."""
        return self._turn.waiting

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def query(self, sql: str, params: Any = ()) -> list[sqlite3.Row]:
        """Run a read query and return rows addressable by column name."""
        try:
            cur = self.conn.execute(sql, params)
        except sqlite3.Error as exc:
            raise explain(self.path, exc) from exc
        cur.row_factory = sqlite3.Row
        return cur.fetchall()

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the main file (call when idle or before copying)."""
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def integrity_ok(self) -> bool:
        return bool(self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@contextmanager
def indexes_rebuilt_after(conn: sqlite3.Connection, table: str, *, bulk: bool) -> Iterator[None]:
    """For a bulk load (``bulk``), drop ``table``'s secondary indexes and create them again
    afterwards, in the caller's transaction: building an index from all rows at once is several
    times cheaper than updating it row by row, the usual bulk-load practice."""
    indexes = []
    if bulk:
        indexes = conn.execute(
            "SELECT name, sql FROM sqlite_master "
            "WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
            (table,),
        ).fetchall()
    for name, _sql in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    yield
    for _name, sql in indexes:
        conn.execute(sql)


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements (triggers contain ';' inside BEGIN … END)."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--"):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
