"""The event record, its check-in lists and the kiosks known to this database."""

from __future__ import annotations

import json
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime

from kiosk.core.model import CheckinList, Policy
from kiosk.core.text import clean
from kiosk.core.timeutil import from_utc_iso, to_utc_iso
from kiosk.storage import identity
from kiosk.storage.database import Database
from kiosk.storage.errors import NotAnEventDatabase


@dataclass(frozen=True, slots=True)
class EventInfo:
    uid: str
    name: str
    timezone: str
    venue: str
    demo: bool = False


@dataclass(frozen=True, slots=True)
class Kiosk:
    id: str
    name: str


def create_event(
    db: Database,
    name: str,
    days: list[date],
    timezone: str,
    *,
    venue: str = "",
    policy: Policy = Policy.ONCE_PER_DAY,
    kiosk_name: str = "Desk 1",
    demo: bool = False,
) -> EventInfo:
    """Create the event, one check-in list per day, and this database's first kiosk."""
    now = to_utc_iso(datetime.now(UTC))
    info = EventInfo(str(uuid.uuid4()), name, timezone, venue, demo)
    with db.write() as conn:
        conn.execute(
            "INSERT INTO event (id, uid, name, timezone, venue, demo, created_at) "
            "VALUES (1, ?, ?, ?, ?, ?, ?)",
            (info.uid, name, timezone, venue, int(demo), now),
        )
        for day in sorted(set(days)):
            conn.execute(
                "INSERT INTO checkin_list (name, day, policy) VALUES (?, ?, ?)",
                (day_list_name(day), day.isoformat(), policy.value),
            )
        conn.execute(
            "INSERT INTO kiosk (id, name, local, home) VALUES (?, ?, 1, ?)",
            (str(uuid.uuid4()), kiosk_name, identity.home_of(db.path)),
        )
    return info


def day_list_name(day: date) -> str:
    return f"Day {day.isoformat()}"


def event_info(db: Database) -> EventInfo:
    rows = db.query("SELECT uid, name, timezone, venue, demo FROM event WHERE id = 1")
    if not rows:
        raise NotAnEventDatabase(
            f"Database {db.path}: no event has been created in it yet — run "
            f"'kiosk --db {db.path} init --name … --day …'."
        )
    r = rows[0]
    return EventInfo(r["uid"], r["name"], r["timezone"], r["venue"], bool(r["demo"]))


def _list_from_row(row: sqlite3.Row) -> CheckinList:
    return CheckinList(
        id=row["id"],
        name=row["name"],
        day=date.fromisoformat(row["day"]) if row["day"] else None,
        policy=Policy(row["policy"]),
        tracks_presence=bool(row["tracks_presence"]),
        opens_at=from_utc_iso(row["opens_at"]) if row["opens_at"] else None,
        closes_at=from_utc_iso(row["closes_at"]) if row["closes_at"] else None,
        categories=frozenset(json.loads(row["categories"])),
    )


def checkin_lists(db: Database) -> list[CheckinList]:
    return [_list_from_row(r) for r in db.query("SELECT * FROM checkin_list ORDER BY day, id")]


def checkin_list(db: Database, list_id: int) -> CheckinList | None:
    rows = db.query("SELECT * FROM checkin_list WHERE id = ?", (list_id,))
    return _list_from_row(rows[0]) if rows else None


def add_list(
    db: Database,
    name: str,
    *,
    day: date | None = None,
    policy: Policy = Policy.ONCE_PER_DAY,
    tracks_presence: bool = False,
    opens_at: datetime | None = None,
    closes_at: datetime | None = None,
    categories: frozenset[str] = frozenset(),
) -> CheckinList:
    """Add a check-in list (a session, an area, or a list with a time window)."""
    with db.write() as conn:
        cur = conn.execute(
            "INSERT INTO checkin_list (name, day, policy, tracks_presence, opens_at, closes_at, "
            "categories) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                name,
                day.isoformat() if day else None,
                policy.value,
                int(tracks_presence),
                to_utc_iso(opens_at) if opens_at else None,
                to_utc_iso(closes_at) if closes_at else None,
                json.dumps(sorted(categories)),
            ),
        )
        list_id = cur.lastrowid
    assert list_id is not None
    found = checkin_list(db, list_id)
    assert found is not None
    return found


def local_kiosk(db: Database, name: str | None = None) -> Kiosk:
    """This database's kiosk identity; ``name`` picks (or creates) a named one.

    Identities made for another machine or another file (the file was copied) are set aside as
    remote kiosks first, and a new identity is made here: two laptops started from copies of one
    prepared file never write scans under the same kiosk id (see kiosk.storage.identity).
    """
    home = identity.home_of(db.path)
    moved_from = _adopt_or_set_aside(db, home)
    if name is None:
        rows = db.query("SELECT id, name FROM kiosk WHERE local = 1 ORDER BY rowid LIMIT 1")
        if rows:
            return Kiosk(rows[0]["id"], rows[0]["name"])
        name = f"{moved_from} ({identity.host_label()})" if moved_from else "Desk 1"
    rows = db.query("SELECT id, name FROM kiosk WHERE local = 1 AND name = ?", (name,))
    if rows:
        return Kiosk(rows[0]["id"], rows[0]["name"])
    kiosk = Kiosk(str(uuid.uuid4()), name)
    with db.write() as conn:
        conn.execute(
            "INSERT INTO kiosk (id, name, local, home) VALUES (?, ?, 1, ?)",
            (kiosk.id, kiosk.name, home),
        )
    return kiosk


def _adopt_or_set_aside(db: Database, home: str) -> str | None:
    """Claim local identities made before homes were recorded; set aside those whose home is
    elsewhere. Returns the name of the first identity set aside (None if none was)."""
    if not home:
        return None
    rows = db.query("SELECT name, home FROM kiosk WHERE local = 1 ORDER BY rowid")
    if all(r["home"] == home for r in rows):
        return None
    foreign = [r["name"] for r in rows if r["home"] not in ("", home)]
    with db.write() as conn:
        conn.execute("UPDATE kiosk SET home = ? WHERE local = 1 AND home = ''", (home,))
        conn.execute("UPDATE kiosk SET local = 0 WHERE local = 1 AND home != ?", (home,))
    return foreign[0] if foreign else None


MAX_KIOSK_NAME = 40


class KioskNameError(ValueError):
    """A kiosk name that cannot be used; the message says why and what to do, ``reason`` is
    one of ``empty``, ``too_long``, ``taken``, ``not_local``."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def rename_kiosk(db: Database, kiosk: Kiosk, name: str) -> Kiosk:
    """Give this computer's kiosk a new name ("Desk 3", "Self-service 1").

    The name is shown in results ("already checked in at 09:14 on Desk 3"), reports and the
    conflict list, and reaches the other kiosks with the next sync. Its scans keep their kiosk
    id, so nothing in the log changes.
    """
    new = clean(name)
    if not new:
        raise KioskNameError("empty", "A kiosk name cannot be empty: write e.g. 'Desk 2'.")
    if len(new) > MAX_KIOSK_NAME:
        raise KioskNameError(
            "too_long",
            f"A kiosk name has at most {MAX_KIOSK_NAME} characters: '{new[:50]}' has {len(new)}."
        )
    with db.write() as conn:
        row = conn.execute("SELECT local FROM kiosk WHERE id = ?", (kiosk.id,)).fetchone()
        if row is None or not row[0]:
            raise KioskNameError("not_local", f"'{kiosk.name}' is not a kiosk of this computer.")
        taken = conn.execute(
            "SELECT 1 FROM kiosk WHERE name = ? AND id != ?", (new, kiosk.id)
        ).fetchone()
        if taken:
            raise KioskNameError(
                "taken",
                f"Another kiosk is already called '{new}': choose a name of its own."
            )
        conn.execute("UPDATE kiosk SET name = ? WHERE id = ?", (new, kiosk.id))
    return Kiosk(kiosk.id, new)


def kiosk_names(db: Database) -> dict[str, str]:
    return {r["id"]: r["name"] for r in db.query("SELECT id, name FROM kiosk")}
