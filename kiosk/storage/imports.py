"""What the registration import reads and writes besides attendee rows: the people an import
compares against (their keys first, whole rows only for the ones a batch matched), the import
record, cancelling people missing from a list, and the set-up of a bulk load.

Every function runs inside the caller's write transaction (``Database.write()``)."""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NamedTuple, TypeAlias

from kiosk.storage.attendees import DETAIL_COLUMNS
from kiosk.storage.database import Database

#: The connection of a write transaction, and a row read through it (column by name), as the
#: import sees them: it passes them back here and reads values, never writes SQL.
Connection: TypeAlias = sqlite3.Connection
StoredRow: TypeAlias = sqlite3.Row

#: Host parameters in one ``IN (…)`` list (SQLite's default limit is 32,766; kept well below).
_IN_CHUNK = 500


class PersonKeys(NamedTuple):
    """What identifies an attendee to an import, without the rest of the row."""

    id: int
    code: str
    external_id: str | None
    email: str
    status: str
    source: str


def has_people(db: Database) -> bool:
    """Whether the event has anyone yet (read outside a transaction: a hint, checked again by
    the import inside its transaction)."""
    return bool(db.query("SELECT EXISTS (SELECT 1 FROM attendee)")[0][0])


def people_keys(conn: sqlite3.Connection) -> list[PersonKeys]:
    """Every attendee's keys, in id order (status and source texts shared, not repeated)."""
    shared: dict[str, str] = {}
    intern = sys.intern
    found = []
    for row in conn.execute(
        "SELECT id, code, external_id, email, status, source FROM attendee ORDER BY id"
    ):
        status, source = row[4], row[5]
        found.append(
            PersonKeys(
                row[0],
                row[1],
                row[2],
                row[3] or "",
                shared.get(status) or shared.setdefault(status, intern(status)),
                shared.get(source) or shared.setdefault(source, intern(source)),
            )
        )
    return found


def people_by_id(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, StoredRow]:
    """The columns an import compares, for these attendees (``sqlite3.Row`` by id)."""
    cur = conn.cursor()
    cur.row_factory = sqlite3.Row
    columns = (
        "id, code, external_id, email, status, source, days, raw, pending, note, attention, "
        + ", ".join(DETAIL_COLUMNS)
    )
    found: dict[int, StoredRow] = {}
    for chunk in _chunks(ids):
        marks = ", ".join("?" * len(chunk))
        for row in cur.execute(f"SELECT {columns} FROM attendee WHERE id IN ({marks})", chunk):
            found[row["id"]] = row
    return found


def names_by_id(
    conn: sqlite3.Connection, ids: Iterable[int] | None = None
) -> Iterator[tuple[int, str, str]]:
    """``(id, first name, last name)`` of these attendees, or of everyone (``ids`` None)."""
    if ids is None:
        yield from conn.execute("SELECT id, first_name, last_name FROM attendee ORDER BY id")
        return
    for chunk in _chunks(ids):
        marks = ", ".join("?" * len(chunk))
        yield from conn.execute(
            f"SELECT id, first_name, last_name FROM attendee WHERE id IN ({marks})", chunk
        )


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    chunk: list[int] = []
    for attendee_id in ids:
        chunk.append(attendee_id)
        if len(chunk) >= _IN_CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


@contextmanager
def bulk_load(conn: sqlite3.Connection, *, cache_kib: int) -> Iterator[bool]:
    """Set up one import's batches: the connection's page cache held to ``cache_kib`` (an
    import streams, its pages need not stay), and, when the event has nobody yet, the attendee
    table's secondary indexes dropped and built again at the end from all rows at once (the
    usual bulk-load practice, several times cheaper than updating them row by row; inside the
    caller's transaction, so a failed import leaves them as they were). Yields whether the
    indexes were dropped."""
    before = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = -{int(cache_kib)}")
    try:
        empty = conn.execute("SELECT 1 FROM attendee LIMIT 1").fetchone() is None
        indexes = (
            conn.execute(
                "SELECT name, sql FROM sqlite_master "
                "WHERE type = 'index' AND tbl_name = 'attendee' AND sql IS NOT NULL"
            ).fetchall()
            if empty
            else []
        )
        for name, _sql in indexes:
            conn.execute(f'DROP INDEX "{name}"')
        yield bool(indexes)
        for _name, sql in indexes:
            conn.execute(sql)
    finally:
        conn.execute(f"PRAGMA cache_size = {int(before)}")


def set_desk_fields(
    conn: sqlite3.Connection, rows: Sequence[tuple[int, dict[str, object]]]
) -> None:
    """Set ``pending``, ``note`` and ``attention`` of just-added attendees (id, values)."""
    for attendee_id, values in rows:
        conn.execute(
            f"UPDATE attendee SET {', '.join(f'{c} = ?' for c in values)} WHERE id = ?",
            (*values.values(), attendee_id),
        )


def cancel(conn: sqlite3.Connection, ids: Sequence[int], now: str) -> None:
    """Mark these attendees cancelled (their check-ins stay)."""
    conn.executemany(
        "UPDATE attendee SET status = 'cancelled', updated_at = ? WHERE id = ?",
        [(now, i) for i in ids],
    )


def record_run(
    conn: sqlite3.Connection, at: str, file: str, sha256: str, summary: dict[str, Any]
) -> None:
    conn.execute(
        "INSERT INTO import_run (at, file, sha256, summary) VALUES (?, ?, ?, ?)",
        (at, file, sha256, json.dumps(summary, ensure_ascii=False)),
    )


def last_run_of_source(conn: sqlite3.Connection, source: str) -> dict[str, Any] | None:
    """The summary of the latest import into ``source`` (None if there was none)."""
    row = conn.execute(
        "SELECT summary FROM import_run WHERE json_extract(summary, '$.source') = ? "
        "ORDER BY id DESC LIMIT 1",
        (source,),
    ).fetchone()
    if row is None:
        return None
    summary: dict[str, Any] = json.loads(row[0])
    return summary
