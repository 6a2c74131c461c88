"""What a kiosk remembers about syncing, in its own file's ``sync_state`` table: cursors per
target, and the hub it syncs with. Apart from :mod:`kiosk.storage.replica` so that a check-in,
which asks whether a hub is configured, does not load the merging code (issue 21, start-up)."""

from __future__ import annotations

import sqlite3


def get_state(conn: sqlite3.Connection, target: str, key: str, default: str = "") -> str:
    row = conn.execute(
        "SELECT value FROM sync_state WHERE target = ? AND key = ?", (target, key)
    ).fetchone()
    return str(row[0]) if row else default


def set_state(conn: sqlite3.Connection, target: str, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO sync_state (target, key, value) VALUES (?, ?, ?) "
        "ON CONFLICT (target, key) DO UPDATE SET value = excluded.value",
        (target, key, value),
    )


#: Where the hub this kiosk syncs with is remembered in sync_state (its address without the
#: password, and the PostgreSQL schema of its tables).
HUB_TARGET = "hub"
#: The hub's schema when none is named.
DEFAULT_HUB_SCHEMA = "kiosk_hub"


def saved_hub(conn: sqlite3.Connection) -> tuple[str, str] | None:
    """The hub address and schema this kiosk last synced with or was given, or None."""
    dsn = get_state(conn, HUB_TARGET, "dsn")
    if not dsn:
        return None
    return dsn, get_state(conn, HUB_TARGET, "schema", DEFAULT_HUB_SCHEMA) or DEFAULT_HUB_SCHEMA


def save_hub(conn: sqlite3.Connection, dsn: str, schema: str) -> None:
    """Remember the hub (``dsn`` must hold no password: the file travels between laptops)."""
    set_state(conn, HUB_TARGET, "dsn", dsn)
    set_state(conn, HUB_TARGET, "schema", schema or DEFAULT_HUB_SCHEMA)
