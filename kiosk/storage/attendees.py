"""Attendees: lookup by ticket code, writes that keep the search index in step, details."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from kiosk.core import codes
from kiosk.core.model import Attendee, AttendeeStatus
from kiosk.core.text import clean, index_tokens, sort_key, words
from kiosk.storage.database import Database

# Search token fields, in ranking order: a match on the name beats one on the organisation.
FIELD_NAME, FIELD_ORG, FIELD_EMAIL, FIELD_CODE = 0, 1, 2, 3

#: Columns a caller may set on an attendee (besides code and status).
DETAIL_COLUMNS = (
    "first_name",
    "last_name",
    "organization",
    "country",
    "email",
    "phone",
    "category",
    "language",
)


@dataclass(frozen=True, slots=True)
class AttendeeRecord:
    """Everything stored about one attendee, for details screens and exports."""

    attendee: Attendee
    external_id: str
    language: str
    origin: str
    raw: dict[str, str]
    created_at: str
    updated_at: str


def from_row(row: sqlite3.Row) -> Attendee:
    return Attendee(
        id=row["id"],
        uid=row["uid"],
        code=row["code"],
        first_name=row["first_name"],
        last_name=row["last_name"],
        organization=row["organization"],
        country=row["country"],
        category=row["category"],
        email=row["email"],
        phone=row["phone"],
        status=AttendeeStatus(row["status"]),
        days=frozenset(date.fromisoformat(d) for d in json.loads(row["days"])),
    )


def find_by_code(conn: sqlite3.Connection, scanned: str) -> Attendee | None:
    """The attendee a scanned code belongs to: exact match, then case-insensitive, then our
    code format with the usual confusions (O/0, I/L/1) forgiven."""
    cur = conn.cursor()
    cur.row_factory = sqlite3.Row
    row = cur.execute("SELECT * FROM attendee WHERE code = ?", (scanned,)).fetchone()
    if row is None:
        row = cur.execute(
            "SELECT * FROM attendee WHERE code_upper = ? ORDER BY id LIMIT 1", (scanned.upper(),)
        ).fetchone()
    if row is None:
        ours = codes.canonical(scanned)
        if ours is not None and ours != scanned.upper():
            row = cur.execute("SELECT * FROM attendee WHERE code = ?", (ours,)).fetchone()
    return from_row(row) if row is not None else None


def get(db: Database, attendee_id: int) -> Attendee | None:
    rows = db.query("SELECT * FROM attendee WHERE id = ?", (attendee_id,))
    return from_row(rows[0]) if rows else None


def by_uid(db: Database, uid: str) -> Attendee | None:
    rows = db.query("SELECT * FROM attendee WHERE uid = ?", (uid,))
    return from_row(rows[0]) if rows else None


def record(db: Database, attendee_id: int) -> AttendeeRecord | None:
    rows = db.query("SELECT * FROM attendee WHERE id = ?", (attendee_id,))
    if not rows:
        return None
    r = rows[0]
    return AttendeeRecord(
        from_row(r),
        r["external_id"] or "",
        r["language"],
        r["origin"],
        json.loads(r["raw"]),
        r["created_at"],
        r["updated_at"],
    )


def all_codes(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT code FROM attendee")}


def count(db: Database, status: AttendeeStatus | None = None) -> int:
    if status is None:
        return int(db.query("SELECT count(*) FROM attendee")[0][0])
    return int(db.query("SELECT count(*) FROM attendee WHERE status = ?", (status.value,))[0][0])


def _token_rows(attendee_id: int, values: dict[str, str]) -> Iterable[tuple[str, int, int]]:
    name = f"{values.get('first_name', '')} {values.get('last_name', '')}"
    for token in index_tokens([name]):
        yield token, attendee_id, FIELD_NAME
    for token in index_tokens([values.get("organization", "")]):
        yield token, attendee_id, FIELD_ORG
    for token in words(values.get("email", "")):
        yield token, attendee_id, FIELD_EMAIL
    code = values.get("code", "")
    if code:
        yield code.lower(), attendee_id, FIELD_CODE


@dataclass(frozen=True, slots=True)
class NewAttendee:
    """An attendee to insert; text fields are cleaned on the way in."""

    code: str
    first_name: str
    last_name: str
    organization: str = ""
    country: str = ""
    email: str = ""
    phone: str = ""
    category: str = ""
    language: str = ""
    external_id: str = ""
    status: AttendeeStatus = AttendeeStatus.ACTIVE
    days: frozenset[date] = frozenset()
    origin: str = "import"
    source: str = ""
    raw: dict[str, str] = field(default_factory=dict)
    uid: str = ""


_INSERT_COLUMNS = ("id", "uid", "code", "code_upper", "external_id", *DETAIL_COLUMNS, "status",
                   "days", "origin", "source", "raw", "sort_key", "created_at", "updated_at")  # fmt: skip


def days_json(days: Iterable[date]) -> str:
    return json.dumps(sorted(d.isoformat() for d in days))


def insert_many(conn: sqlite3.Connection, people: Sequence[NewAttendee], now: str) -> list[int]:
    """Insert attendees inside the caller's transaction and index them for search."""
    ids: list[int] = []
    tokens: list[tuple[str, int, int]] = []
    start = conn.execute("SELECT coalesce(max(id), 0) FROM attendee").fetchone()[0]
    rows = []
    for offset, p in enumerate(people, start=1):
        values = {c: clean(getattr(p, c)) for c in DETAIL_COLUMNS}
        attendee_id = start + offset
        rows.append(
            (
                attendee_id,
                p.uid or str(uuid.uuid4()),
                p.code,
                p.code.upper(),
                p.external_id or None,
                *(values[c] for c in DETAIL_COLUMNS),
                p.status.value,
                days_json(p.days),
                p.origin,
                p.source,
                json.dumps(p.raw, ensure_ascii=False),
                sort_key(f"{values['last_name']} {values['first_name']}"),
                now,
                now,
            )
        )
        tokens.extend(_token_rows(attendee_id, values | {"code": p.code}))
        ids.append(attendee_id)
    conn.executemany(
        f"INSERT INTO attendee ({', '.join(_INSERT_COLUMNS)}) "
        f"VALUES ({', '.join('?' * len(_INSERT_COLUMNS))})",
        rows,
    )
    # Sorted, the index B-tree is appended to rather than split at random: several times faster.
    tokens.sort()
    conn.executemany(
        "INSERT OR IGNORE INTO search_token (token, attendee_id, field) VALUES (?, ?, ?)", tokens
    )
    return ids


def update(conn: sqlite3.Connection, attendee_id: int, changes: dict[str, object], now: str) -> None:
    """Change some columns of one attendee (inside the caller's transaction); reindex it.

    ``changes`` maps column names to stored values (``days`` as :func:`days_json` text).
    """
    if not changes:
        return
    sets = dict(changes)
    if "raw" in sets:
        sets["raw"] = json.dumps(sets["raw"], ensure_ascii=False)
    if "code" in sets:
        sets["code_upper"] = str(sets["code"]).upper()
    sets["updated_at"] = now
    assignments = ", ".join(f"{column} = ?" for column in sets)
    conn.execute(f"UPDATE attendee SET {assignments} WHERE id = ?", (*sets.values(), attendee_id))
    cur = conn.cursor()
    cur.row_factory = sqlite3.Row
    row = cur.execute("SELECT * FROM attendee WHERE id = ?", (attendee_id,)).fetchone()
    values = {c: row[c] for c in (*DETAIL_COLUMNS, "code")}
    conn.execute(
        "UPDATE attendee SET sort_key = ? WHERE id = ?",
        (sort_key(f"{values['last_name']} {values['first_name']}"), attendee_id),
    )
    conn.execute("DELETE FROM search_token WHERE attendee_id = ?", (attendee_id,))
    conn.executemany(
        "INSERT OR IGNORE INTO search_token (token, attendee_id, field) VALUES (?, ?, ?)",
        list(_token_rows(attendee_id, values)),
    )
