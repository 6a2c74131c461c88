"""What the registration import reads and writes besides attendee rows: the people an import
compares against, the import record, and cancelling people missing from a list."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from kiosk.storage.attendees import DETAIL_COLUMNS


def existing_people(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Every attendee with the columns an import compares (``sqlite3.Row``s)."""
    cur = conn.cursor()
    cur.row_factory = sqlite3.Row
    return cur.execute(
        "SELECT id, code, external_id, email, status, source, days, raw, pending, note, "
        "attention, "
        + ", ".join(DETAIL_COLUMNS)
        + " FROM attendee"
    ).fetchall()


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
