"""Per-kiosk settings (``kiosk_setting``) read and written as steps of a caller's transaction,
so that several change together (the admin PIN's hash and its failure counters)."""

from __future__ import annotations

import sqlite3


def get(conn: sqlite3.Connection, kiosk_id: str, key: str) -> str | None:
    row = conn.execute(
        "SELECT value FROM kiosk_setting WHERE kiosk_id = ? AND key = ?", (kiosk_id, key)
    ).fetchone()
    return None if row is None else str(row[0])


def put(conn: sqlite3.Connection, kiosk_id: str, key: str, value: str | None) -> None:
    """Set ``key`` to ``value``; None removes it."""
    if value is None:
        conn.execute("DELETE FROM kiosk_setting WHERE kiosk_id = ? AND key = ?", (kiosk_id, key))
    else:
        conn.execute(
            "INSERT INTO kiosk_setting (kiosk_id, key, value) VALUES (?, ?, ?) "
            "ON CONFLICT (kiosk_id, key) DO UPDATE SET value = excluded.value",
            (kiosk_id, key, value),
        )
