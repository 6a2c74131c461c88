"""Online attendance sessions (imported Zoom, Teams and Google Meet reports): the SQL of
``kiosk.importing.online`` and the register's online part."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from kiosk.storage.database import Database


@dataclass(frozen=True, slots=True)
class Registrant:
    uid: str
    code: str
    first_name: str
    last_name: str
    email: str


@dataclass(frozen=True, slots=True)
class StoredSession:
    """One session to store (times as UTC ISO text)."""

    day: str
    platform: str
    meeting: str
    name: str
    email: str
    joined_at: str
    left_at: str | None
    seconds: int
    attendee_uid: str | None
    matched_by: str  # '', 'email', 'name', 'organizer', 'host'
    ignored: bool


@dataclass(frozen=True, slots=True)
class Pending:
    name: str
    email: str
    sessions: int
    seconds: int


def active_registrants(db: Database) -> Iterator[Registrant]:
    for uid, code, first, last, email in db.conn.execute(
        "SELECT uid, code, first_name, last_name, email FROM attendee WHERE status = 'active'"
    ):
        yield Registrant(uid, code, first, last, email or "")


def earlier_decisions(db: Database) -> dict[tuple[str, str], tuple[str | None, str, bool]]:
    """The organizer's earlier answers for a participant's name and e-mail (linked, added or
    ignored with ``kiosk online resolve``)."""
    found: dict[tuple[str, str], tuple[str | None, str, bool]] = {}
    for name, email, uid, how, ignored in db.conn.execute(
        "SELECT name, email, attendee_uid, matched_by, ignored FROM online_session "
        "WHERE matched_by = 'organizer' OR (ignored = 1 AND matched_by != 'host')"
    ):
        found[(name, email)] = (uid, how, bool(ignored))
    return found


def insert_sessions(
    conn: sqlite3.Connection, sessions: Sequence[StoredSession], file_sha256: str, now: str
) -> int:
    """Store sessions inside the caller's transaction; one already stored (same day, platform,
    name, e-mail and join time) is left as it is. Returns how many were new."""
    added = 0
    for s in sessions:
        cur = conn.execute(
            "INSERT OR IGNORE INTO online_session (day, platform, meeting, name, email, "
            "joined_at, left_at, seconds, attendee_uid, matched_by, ignored, file_sha256, "
            "imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                s.day,
                s.platform,
                s.meeting,
                s.name,
                s.email,
                s.joined_at,
                s.left_at,
                s.seconds,
                s.attendee_uid,
                s.matched_by,
                int(s.ignored),
                file_sha256,
                now,
            ),
        )
        added += cur.rowcount
    return added


def pending(db: Database, day: str) -> list[Pending]:
    """Participants of ``day`` not matched to a registrant, not ignored and not hosts."""
    return [
        Pending(name, email, n, seconds)
        for name, email, n, seconds in db.conn.execute(
            "SELECT name, email, count(*), sum(seconds) FROM online_session "
            "WHERE day = ? AND attendee_uid IS NULL AND ignored = 0 GROUP BY name, email "
            "ORDER BY name, email",
            (day,),
        )
    ]


def pending_emails(db: Database, day: str, name: str, email: str | None) -> list[str]:
    where, params = _pending_where(day, name, email)
    return [
        r[0]
        for r in db.conn.execute(f"SELECT DISTINCT email FROM online_session WHERE {where}", params)
    ]


def _pending_where(day: str, name: str, email: str | None) -> tuple[str, list[object]]:
    where = "day = ? AND name = ? AND attendee_uid IS NULL AND ignored = 0"
    params: list[object] = [day, name]
    if email is not None:
        where += " AND email = ?"
        params.append(email)
    return where, params


def ignore_pending(conn: sqlite3.Connection, day: str, name: str, email: str | None) -> None:
    where, params = _pending_where(day, name, email)
    conn.execute(f"UPDATE online_session SET ignored = 1 WHERE {where}", params)


def link_pending(
    conn: sqlite3.Connection, day: str, name: str, email: str | None, uid: str
) -> None:
    where, params = _pending_where(day, name, email)
    conn.execute(
        f"UPDATE online_session SET attendee_uid = ?, matched_by = 'organizer' WHERE {where}",
        [uid, *params],
    )


def matched_sessions(db: Database) -> Iterator[tuple[str, str, str, str | None, int, str]]:
    """(attendee uid, day, joined at, left at, seconds, platform) of every counted session."""
    yield from db.conn.execute(
        "SELECT attendee_uid, day, joined_at, left_at, seconds, platform FROM online_session "
        "WHERE attendee_uid IS NOT NULL AND ignored = 0"
    )


def days(db: Database) -> list[str]:
    return [r[0] for r in db.conn.execute("SELECT DISTINCT day FROM online_session")]
