"""Corrections made to one attendee at a desk: applied, and logged field by field."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from kiosk.storage import attendees


@dataclass(frozen=True, slots=True)
class Edit:
    at: str
    kiosk_id: str
    attendee_uid: str
    field: str
    old: str
    new: str
    operator: str


def current_values(conn: sqlite3.Connection, attendee_id: int, columns: tuple[str, ...]) -> dict[
    str, object
] | None:
    """The stored values of ``columns`` of one attendee (None if there is no such attendee)."""
    cur = conn.cursor()
    cur.row_factory = sqlite3.Row
    row = cur.execute(
        f"SELECT uid, {', '.join(columns)} FROM attendee WHERE id = ?", (attendee_id,)
    ).fetchone()
    return dict(row) if row is not None else None


def apply(
    conn: sqlite3.Connection,
    attendee_id: int,
    uid: str,
    changes: dict[str, object],
    before: dict[str, object],
    *,
    now: str,
    kiosk_id: str,
    operator: str,
) -> None:
    """Change the attendee (reindexed for search; the new ``updated_at`` makes the change
    travel with the roster) and log each changed field, in the caller's transaction."""
    attendees.update(conn, attendee_id, changes, now)
    if "blocked" in changes:  # a block travels by its own time (see replica.merge_roster)
        conn.execute("UPDATE attendee SET blocked_at = ? WHERE id = ?", (now, attendee_id))
    conn.executemany(
        "INSERT INTO attendee_edit (at, kiosk_id, attendee_uid, field, old, new, operator) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (now, kiosk_id, uid, column, str(before[column]), str(value), operator)
            for column, value in changes.items()
        ],
    )


def history(conn: sqlite3.Connection, attendee_uid: str) -> list[Edit]:
    """The corrections of one person, oldest first."""
    return [
        Edit(*row)
        for row in conn.execute(
            "SELECT at, kiosk_id, attendee_uid, field, old, new, operator FROM attendee_edit "
            "WHERE attendee_uid = ? ORDER BY id",
            (attendee_uid,),
        )
    ]
