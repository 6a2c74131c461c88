"""The event record, its check-in lists and the kiosks known to this database."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from kiosk.core import labels
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
    import uuid  # here: opening an event file (kiosk checkin) never needs it

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
    return labels.day_list_name(day)


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
        allow_reentry=bool(row["allow_reentry"]),
        admit_pending=bool(row["admit_pending"]),
    )


def checkin_lists(db: Database) -> list[CheckinList]:
    return [
        _list_from_row(r)
        for r in db.query("SELECT * FROM checkin_list WHERE removed = 0 ORDER BY day, id")
    ]


def checkin_list(db: Database, list_id: int) -> CheckinList | None:
    rows = db.query("SELECT * FROM checkin_list WHERE id = ? AND removed = 0", (list_id,))
    return _list_from_row(rows[0]) if rows else None


#: Changes whenever a check-in list is added, changed or removed (here or by a sync): the
#: number of lists, the newest change and the highest id (a removed list stays, marked).
LISTS_STAMP = "SELECT count(*) AS n, max(updated_at) AS changed, max(id) AS top FROM checkin_list"


def lists_stamp(conn: sqlite3.Connection) -> tuple[object, ...]:
    """The lists' stamp now (:data:`LISTS_STAMP`); a check-in reads it inside its own
    transaction instead (:func:`kiosk.storage.scanlog.person_and_history`)."""
    return tuple(conn.execute(LISTS_STAMP).fetchone())


class ListError(ValueError):
    """A list that cannot be made, changed or removed as asked; the message says why."""


#: The columns of a check-in list as they travel between kiosks (bundles, the hub), in order.
LIST_COLUMNS: tuple[str, ...] = (
    "id", "name", "day", "policy", "tracks_presence", "opens_at", "closes_at", "categories",
    "allow_reentry", "admit_pending", "updated_at", "removed",
)  # fmt: skip
_LIST_SELECT = ", ".join(LIST_COLUMNS)
#: Lists made with ``kiosk lists add`` get a random id in this range, so that lists made at
#: two kiosks before they synchronise do not take the same id (the day lists of ``init`` are
#: numbered from 1 in every copy of the event file).
_NEW_LIST_IDS = (10_000, 99_999)


def _now_text() -> str:
    return to_utc_iso(datetime.now(UTC))


def _list_values(
    name: str,
    day: date | None,
    policy: Policy,
    tracks_presence: bool,
    opens_at: datetime | None,
    closes_at: datetime | None,
    categories: frozenset[str],
    allow_reentry: bool,
    admit_pending: bool,
) -> dict[str, object]:
    text = clean(name)
    if not text:
        raise ListError("A list needs a name, e.g. 'Workshop A' or 'Gala dinner'.")
    if len(text) > 80:
        raise ListError(f"A list name has at most 80 characters: '{text[:50]}…' has {len(text)}.")
    if opens_at is not None and closes_at is not None and closes_at <= opens_at:
        raise ListError(
            f"The list would close ({closes_at.isoformat(timespec='minutes')}) before it opens "
            f"({opens_at.isoformat(timespec='minutes')})."
        )
    return {
        "name": text,
        "day": day.isoformat() if day else None,
        "policy": policy.value,
        "tracks_presence": int(tracks_presence),
        "opens_at": to_utc_iso(opens_at) if opens_at else None,
        "closes_at": to_utc_iso(closes_at) if closes_at else None,
        "categories": json.dumps(sorted(c for c in (clean(c) for c in categories) if c)),
        "allow_reentry": int(allow_reentry),
        "admit_pending": int(admit_pending),
    }


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
    allow_reentry: bool = True,
    admit_pending: bool = False,
) -> CheckinList:
    """Add a check-in list (a session, an area, or a list with a time window)."""
    values = _list_values(
        name, day, policy, tracks_presence, opens_at, closes_at, categories, allow_reentry,
        admit_pending,
    )  # fmt: skip
    with db.write() as conn:
        taken = conn.execute(
            "SELECT 1 FROM checkin_list WHERE name = ? AND removed = 0", (values["name"],)
        ).fetchone()
        if taken:
            raise ListError(f"There is already a list called '{values['name']}'.")
        import secrets  # only when a list is made: not every process that opens the file

        while True:
            list_id = secrets.randbelow(_NEW_LIST_IDS[1] - _NEW_LIST_IDS[0]) + _NEW_LIST_IDS[0]
            clash = conn.execute("SELECT 1 FROM checkin_list WHERE id = ?", (list_id,)).fetchone()
            if clash is None:
                break
        values |= {"id": list_id, "updated_at": _now_text(), "removed": 0}
        marks = ", ".join("?" * len(values))
        conn.execute(
            f"INSERT INTO checkin_list ({', '.join(values)}) VALUES ({marks})",
            tuple(values.values()),
        )
    found = checkin_list(db, list_id)
    assert found is not None
    return found


def edit_list(db: Database, list_id: int, **changes: object) -> CheckinList:
    """Change a list: any of :func:`add_list`'s keyword arguments, and ``name``. Scans already
    made on it stay as they were decided."""
    current = checkin_list(db, list_id)
    if current is None:
        raise ListError(f"There is no check-in list {list_id}.")
    unknown = set(changes) - {
        "name", "day", "policy", "tracks_presence", "opens_at", "closes_at", "categories",
        "allow_reentry", "admit_pending",
    }  # fmt: skip
    if unknown:
        raise TypeError(f"edit_list: unknown fields {sorted(unknown)}")
    merged = {
        "name": current.name, "day": current.day, "policy": current.policy,
        "tracks_presence": current.tracks_presence, "opens_at": current.opens_at,
        "closes_at": current.closes_at, "categories": current.categories,
        "allow_reentry": current.allow_reentry, "admit_pending": current.admit_pending,
    } | changes  # fmt: skip
    values = _list_values(**merged)  # type: ignore[arg-type]
    with db.write() as conn:
        taken = conn.execute(
            "SELECT 1 FROM checkin_list WHERE name = ? AND removed = 0 AND id != ?",
            (values["name"], list_id),
        ).fetchone()
        if taken:
            raise ListError(f"There is already a list called '{values['name']}'.")
        values["updated_at"] = _now_text()
        conn.execute(
            f"UPDATE checkin_list SET {', '.join(f'{c} = ?' for c in values)} WHERE id = ?",
            (*values.values(), list_id),
        )
    found = checkin_list(db, list_id)
    assert found is not None
    return found


def remove_list(db: Database, list_id: int) -> CheckinList:
    """Remove a list nobody was scanned on (a list with scans keeps its evidence)."""
    with db.write() as conn:
        cur = conn.cursor()
        cur.row_factory = sqlite3.Row
        row = cur.execute(
            "SELECT * FROM checkin_list WHERE id = ? AND removed = 0", (list_id,)
        ).fetchone()
        if row is None:
            raise ListError(f"There is no check-in list {list_id}.")
        (scans,) = conn.execute(
            "SELECT count(*) FROM scan WHERE list_id = ?", (list_id,)
        ).fetchone()
        if scans:
            raise ListError(
                f"List {list_id} ({row['name']}) has {scans} scans and is kept as evidence; "
                "change it with 'kiosk lists edit' instead."
            )
        conn.execute(
            "UPDATE checkin_list SET removed = 1, updated_at = ? WHERE id = ?",
            (_now_text(), list_id),
        )
    return _list_from_row(row)


def list_rows(conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    """Every list (removed ones too, so the removal travels) in :data:`LIST_COLUMNS` order."""
    return conn.execute(f"SELECT {_LIST_SELECT} FROM checkin_list ORDER BY id").fetchall()


def valid_list_row(row: object) -> bool:
    if not isinstance(row, list | tuple) or len(row) != len(LIST_COLUMNS):
        return False
    (list_id, name, day, policy, presence, opens, closes, categories, reentry, pending,
     updated_at, removed) = row  # fmt: skip
    try:
        json.loads(categories) if isinstance(categories, str) else None
        if day is not None:
            date.fromisoformat(day)
        for t in (opens, closes):
            if t is not None:
                from_utc_iso(t)
    except (TypeError, ValueError):
        return False
    return (
        isinstance(list_id, int) and list_id > 0 and isinstance(name, str) and bool(name)
        and policy in {p.value for p in Policy} and isinstance(categories, str)
        and isinstance(updated_at, str)
        and all(v in (0, 1) for v in (presence, reentry, pending, removed))
    )  # fmt: skip


def merge_lists(conn: sqlite3.Connection, rows: Iterable[Sequence[object]]) -> int:
    """Merge lists from elsewhere inside the caller's transaction, last change wins
    (``updated_at``); returns how many were added or changed here."""
    changed = 0
    placeholders = ", ".join("?" * len(LIST_COLUMNS))
    for row in rows:
        cur = conn.execute(
            f"INSERT INTO checkin_list ({_LIST_SELECT}) VALUES ({placeholders}) "
            "ON CONFLICT (id) DO UPDATE SET "
            + ", ".join(f"{c} = excluded.{c}" for c in LIST_COLUMNS[1:])
            + " WHERE excluded.updated_at > checkin_list.updated_at",
            tuple(row),
        )
        changed += cur.rowcount
    return changed


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
    import uuid

    kiosk = Kiosk(str(uuid.uuid4()), name)
    with db.write() as conn:
        conn.execute(
            "INSERT INTO kiosk (id, name, local, home) VALUES (?, ?, 1, ?)",
            (kiosk.id, kiosk.name, home),
        )
    return kiosk


def local_kiosks(db: Database) -> list[Kiosk]:
    """This computer's kiosks for this file, by name."""
    rows = db.query("SELECT id, name FROM kiosk WHERE local = 1 ORDER BY name")
    return [Kiosk(r["id"], r["name"]) for r in rows]


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
            f"A kiosk name has at most {MAX_KIOSK_NAME} characters: '{new[:50]}' has {len(new)}.",
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
                "taken", f"Another kiosk is already called '{new}': choose a name of its own."
            )
        conn.execute("UPDATE kiosk SET name = ? WHERE id = ?", (new, kiosk.id))
    return Kiosk(kiosk.id, new)


def kiosk_names(db: Database) -> dict[str, str]:
    return {r["id"]: r["name"] for r in db.query("SELECT id, name FROM kiosk")}


def has_meetings(conn: sqlite3.Connection, attendee_uid: str | None = None) -> bool:
    """True once the event has any B2B meeting (most events have none); with
    ``attendee_uid``, any meeting of that person (on either side, any day)."""
    if attendee_uid is None:
        return conn.execute("SELECT 1 FROM meeting LIMIT 1").fetchone() is not None
    found = conn.execute(
        "SELECT 1 FROM meeting WHERE a_uid = ? UNION ALL SELECT 1 FROM meeting WHERE b_uid = ? "
        "LIMIT 1",
        (attendee_uid, attendee_uid),
    ).fetchone()
    return found is not None
