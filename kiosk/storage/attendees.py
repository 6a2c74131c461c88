"""Attendees: lookup by ticket code, writes that keep the search index in step, details."""

from __future__ import annotations

import json
import sqlite3
import uuid
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from kiosk.core import codes
from kiosk.core.model import Attendee, AttendeeStatus, Registration
from kiosk.core.text import clean, index_tokens, sort_key, words
from kiosk.storage.database import Database

# Search fields, in ranking order: a match on the name beats one on the organisation.
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


def _terms(values: dict[str, str]) -> set[tuple[str, int]]:
    """The (word, field) pairs under which a person is found."""
    name = f"{values.get('first_name', '')} {values.get('last_name', '')}"
    terms = {(t, FIELD_NAME) for t in index_tokens([name])}
    terms |= {(t, FIELD_ORG) for t in index_tokens([values.get("organization", "")])}
    terms |= {(t, FIELD_EMAIL) for t in words(values.get("email", ""))}
    return terms


def _add_postings(conn: sqlite3.Connection, postings: dict[tuple[str, int], list[int]]) -> None:
    if not postings:
        return
    if conn.execute("SELECT 1 FROM search_term LIMIT 1").fetchone() is None:
        # Bulk load into an empty index: sorted, so the B-tree is appended to.
        conn.executemany(
            "INSERT INTO search_term (term, field, ids) VALUES (?, ?, ?)",
            ((t, f, array("i", ids).tobytes()) for (t, f), ids in sorted(postings.items())),
        )
        return
    for (term, field_no), ids in postings.items():
        row = conn.execute(
            "SELECT ids FROM search_term WHERE term = ? AND field = ?", (term, field_no)
        ).fetchone()
        merged = array("i")
        if row is not None:
            merged.frombytes(row[0])
        merged.extend(ids)
        conn.execute(
            "INSERT OR REPLACE INTO search_term (term, field, ids) VALUES (?, ?, ?)",
            (term, field_no, merged.tobytes()),
        )


def _remove_postings(
    conn: sqlite3.Connection, attendee_id: int, terms: set[tuple[str, int]]
) -> None:
    for term, field_no in terms:
        row = conn.execute(
            "SELECT ids FROM search_term WHERE term = ? AND field = ?", (term, field_no)
        ).fetchone()
        if row is None:
            continue
        ids = array("i")
        ids.frombytes(row[0])
        kept = array("i", (i for i in ids if i != attendee_id))
        if kept:
            conn.execute(
                "UPDATE search_term SET ids = ? WHERE term = ? AND field = ?",
                (kept.tobytes(), term, field_no),
            )
        else:
            conn.execute("DELETE FROM search_term WHERE term = ? AND field = ?", (term, field_no))


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

    @classmethod
    def from_registration(
        cls, reg: Registration, code: str, *, origin: str = "import", source: str = ""
    ) -> NewAttendee:
        """The attendee to insert for a row read from a registration file."""
        return cls(
            code=code,
            **{c: getattr(reg, c) for c in DETAIL_COLUMNS},
            external_id=reg.external_id,
            status=AttendeeStatus.CANCELLED if reg.cancelled else AttendeeStatus.ACTIVE,
            days=reg.days,
            origin=origin,
            source=source,
            raw=reg.raw,
        )


_INSERT_COLUMNS = (
    "id",
    "uid",
    "code",
    "code_upper",
    "external_id",
    *DETAIL_COLUMNS,
    "status",
    "days",
    "origin",
    "source",
    "raw",
    "sort_key",
    "created_at",
    "updated_at",
)


def days_json(days: Iterable[date]) -> str:
    listed = sorted(d.isoformat() for d in days)
    return json.dumps(listed) if listed else "[]"


def insert_many(conn: sqlite3.Connection, people: Sequence[NewAttendee], now: str) -> list[int]:
    """Insert attendees inside the caller's transaction and index them for search."""
    ids: list[int] = []
    postings: dict[tuple[str, int], list[int]] = {}
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
        for term in _terms(values):
            postings.setdefault(term, []).append(attendee_id)
        ids.append(attendee_id)
    conn.executemany(
        f"INSERT INTO attendee ({', '.join(_INSERT_COLUMNS)}) "
        f"VALUES ({', '.join('?' * len(_INSERT_COLUMNS))})",
        rows,
    )
    _add_postings(conn, postings)
    return ids


def update(
    conn: sqlite3.Connection, attendee_id: int, changes: dict[str, object], now: str
) -> None:
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
    cur = conn.cursor()
    cur.row_factory = sqlite3.Row
    before = cur.execute("SELECT * FROM attendee WHERE id = ?", (attendee_id,)).fetchone()
    old_terms = _terms({c: before[c] for c in DETAIL_COLUMNS})
    assignments = ", ".join(f"{column} = ?" for column in sets)
    conn.execute(f"UPDATE attendee SET {assignments} WHERE id = ?", (*sets.values(), attendee_id))
    row = cur.execute("SELECT * FROM attendee WHERE id = ?", (attendee_id,)).fetchone()
    values = {c: row[c] for c in DETAIL_COLUMNS}
    conn.execute(
        "UPDATE attendee SET sort_key = ? WHERE id = ?",
        (sort_key(f"{values['last_name']} {values['first_name']}"), attendee_id),
    )
    new_terms = _terms(values)
    _remove_postings(conn, attendee_id, old_terms - new_terms)
    _add_postings(conn, {t: [attendee_id] for t in new_terms - old_terms})
