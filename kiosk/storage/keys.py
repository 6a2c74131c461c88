"""The signing keys a kiosk trusts and the revocation list it holds (signed tickets)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from kiosk.core.timeutil import to_utc_iso
from kiosk.storage.database import Database


@dataclass(frozen=True, slots=True)
class TrustedKey:
    raw: bytes  # Ed25519 public key, 32 bytes
    key_id: int
    event_uid: str
    event_name: str
    created_at: str
    added_at: str


@dataclass(frozen=True, slots=True)
class HeldRevocations:
    serial: int
    issued_at: str
    count: int


def trusted_keys(conn: sqlite3.Connection) -> list[TrustedKey]:
    rows = conn.execute(
        "SELECT public_key, key_id, event_uid, event_name, created_at, added_at "
        "FROM signing_key ORDER BY added_at, key_id"
    ).fetchall()
    return [TrustedKey(bytes(r[0]), r[1], r[2], r[3], r[4], r[5]) for r in rows]


def add_keys(db: Database, keys: Iterable[TrustedKey]) -> int:
    """Trust ``keys`` (those already trusted are skipped); returns how many were new."""
    added = 0
    with db.write() as conn:
        for k in keys:
            cur = conn.execute(
                "INSERT OR IGNORE INTO signing_key "
                "(public_key, key_id, event_uid, event_name, created_at, added_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (k.raw, k.key_id, k.event_uid, k.event_name, k.created_at, k.added_at),
            )
            added += cur.rowcount
    return added


def remove_keys(db: Database, key_id: int) -> int:
    """Stop trusting every key with ``key_id``; returns how many were removed."""
    with db.write() as conn:
        return conn.execute("DELETE FROM signing_key WHERE key_id = ?", (key_id,)).rowcount


def held_revocations(conn: sqlite3.Connection) -> HeldRevocations | None:
    row = conn.execute("SELECT serial, issued_at FROM revocation_list WHERE id = 1").fetchone()
    if row is None:
        return None
    (count,) = conn.execute("SELECT count(*) FROM revoked_ticket").fetchone()
    return HeldRevocations(row[0], row[1], count)


def held_revocation_document(conn: sqlite3.Connection) -> str | None:
    """The signed revocation list held, exactly as the organizer's key made it."""
    row = conn.execute("SELECT document FROM revocation_list WHERE id = 1").fetchone()
    return None if row is None else str(row[0])


def revoked_uids(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT attendee_uid FROM revoked_ticket")}


class StaleRevocations(Exception):
    """The list offered is not newer than the one held."""


def replace_revocations(
    db: Database, serial: int, issued_at: str, key_id: int, document: str, uids: Iterable[str]
) -> None:
    """Make this the list held, in one transaction; StaleRevocations if it is not newer."""
    now = to_utc_iso(datetime.now(UTC))
    with db.write() as conn:
        held = conn.execute("SELECT serial FROM revocation_list WHERE id = 1").fetchone()
        if held is not None and held[0] >= serial:
            raise StaleRevocations(
                f"this kiosk already has revocation list {held[0]}; list {serial} is not newer."
            )
        conn.execute("DELETE FROM revoked_ticket")
        conn.executemany(
            "INSERT OR IGNORE INTO revoked_ticket (attendee_uid) VALUES (?)",
            ((u,) for u in uids),
        )
        conn.execute(
            "INSERT OR REPLACE INTO revocation_list "
            "(id, serial, issued_at, key_id, document, imported_at) VALUES (1, ?, ?, ?, ?, ?)",
            (serial, issued_at, key_id, document, now),
        )


def is_revoked(conn: sqlite3.Connection, attendee_uid: str) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM revoked_ticket WHERE attendee_uid = ?", (attendee_uid,)
        ).fetchone()
        is not None
    )


def public_keys(conn: sqlite3.Connection) -> frozenset[bytes]:
    """The raw public keys trusted (read on every signed scan: a step of the check-in)."""
    return frozenset(bytes(r[0]) for r in conn.execute("SELECT public_key FROM signing_key"))
