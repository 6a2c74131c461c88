"""Read models of the reports beside the register (``kiosk.reports``): the counts of ``kiosk
stats``, the conflict report, what the merged log covers, the digests of written files and the
purge of personal data after the event.

Reads take the :class:`Database` and go through :meth:`Database.query` (errors in the staff's
words); writes run in a ``db.write()`` transaction of their own (see ``storage/register.py``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from kiosk.storage import meetings as meeting_store
from kiosk.storage import replica
from kiosk.storage.database import Database

# --- kiosk stats --------------------------------------------------------------------------------


def status_counts(db: Database) -> dict[str, int]:
    """Registrations per status (active, cancelled)."""
    return {r[0]: int(r[1]) for r in db.query("SELECT status, count(*) FROM attendee GROUP BY 1")}


def admitted_per_list(db: Database) -> dict[int, int]:
    """List id -> people admitted on it (admissions that were not undone)."""
    return {
        r[0]: int(r[1])
        for r in db.query(
            "SELECT list_id, count(DISTINCT attendee_uid) FROM effective_scan "
            "WHERE kind = 'entry' GROUP BY list_id"
        )
    }


def refused_per_list(db: Database) -> dict[int, int]:
    """List id -> refused scan attempts on it."""
    return {
        r[0]: int(r[1])
        for r in db.query(
            "SELECT list_id, count(*) FROM scan WHERE outcome = 'refused' GROUP BY list_id"
        )
    }


def every_list(db: Database) -> list[tuple[int, str, str | None, str]]:
    """(id, name, day, policy) of every check-in list this database has held, by day."""
    return [
        (r[0], r[1], r[2], r[3])
        for r in db.query("SELECT id, name, day, policy FROM checkin_list ORDER BY day, id")
    ]


_GROUPABLE = frozenset({"category", "country"})


def active_by(db: Database, column: str) -> dict[str, int]:
    """Active registrations per ``column`` (category or country), largest group first."""
    if column not in _GROUPABLE:
        raise ValueError(f"cannot group registrations by {column!r}")
    return {
        str(r[0] or ""): int(r[1])
        for r in db.query(
            f"SELECT {column}, count(*) FROM attendee WHERE status = 'active' "
            f"GROUP BY {column} ORDER BY count(*) DESC, {column}"
        )
    }


# --- conflicts ----------------------------------------------------------------------------------

ConflictScanRow = tuple[str, int, str, str, str, str, str, str, int, str, str, int, int, str]


def conflict_scans(db: Database) -> Sequence[ConflictScanRow]:
    """(uid, list id, kind, scan id, kiosk id, kiosk name, at, hlc, manual, list name, policy,
    tracks presence, allows re-entry, method) of every entry and exit that counts, of people
    with more than one entry on a list that does not admit any number of times; by person, list
    and scan time (the hybrid clock breaks ties), as the check-in rule orders them."""
    return db.query(  # type: ignore[return-value]  # rows unpack as these tuples
        "SELECT s.attendee_uid, s.list_id, s.kind, s.scan_id, s.kiosk_id, "
        "coalesce(k.name, ''), s.at, s.hlc, s.manual, l.name, l.policy, l.tracks_presence, "
        "l.allow_reentry, s.method "
        "FROM effective_scan s JOIN checkin_list l ON l.id = s.list_id "
        "LEFT JOIN kiosk k ON k.id = s.kiosk_id "
        "WHERE s.attendee_uid IS NOT NULL AND l.policy != 'multiple' "
        "AND s.attendee_uid IN (SELECT attendee_uid FROM effective_scan WHERE kind = 'entry' "
        "GROUP BY attendee_uid, list_id HAVING count(*) > 1) "
        "ORDER BY s.attendee_uid, s.list_id, s.at, s.hlc"
    )


def names_of(db: Database, uids: Sequence[str]) -> dict[str, tuple[str, str, str]]:
    """uid -> (first name and last name, code, organisation) of the people asked for."""
    found: dict[str, tuple[str, str, str]] = {}
    for start in range(0, len(uids), 500):
        chunk = list(uids[start : start + 500])
        for uid, name, code, organization in db.query(
            "SELECT uid, trim(first_name || ' ' || last_name), code, organization FROM attendee "
            f"WHERE uid IN ({','.join('?' * len(chunk))})",
            chunk,
        ):
            found[uid] = (name, code, organization)
    return found


# --- coverage of the merged log -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class KioskHeld:
    """What this log holds of one kiosk's scans."""

    kiosk_id: str
    name: str
    scans: int
    last_seq: int
    last_at: str | None  # UTC text of its latest scan
    gaps: tuple[tuple[int, int], ...]


def kiosks_held(db: Database) -> list[KioskHeld]:
    """Every kiosk known here or with scans here, with its scans held and missing stretches."""
    ranges = replica.kiosk_ranges(db.conn)
    last_at = {r[0]: r[1] for r in db.query("SELECT kiosk_id, max(at) FROM scan GROUP BY 1")}
    names = dict(replica.kiosks(db.conn))
    found = []
    for kiosk_id in set(names) | set(ranges):
        held = ranges.get(kiosk_id)
        found.append(
            KioskHeld(
                kiosk_id,
                names.get(kiosk_id, ""),
                held.count if held else 0,
                held.last_seq if held else 0,
                last_at.get(kiosk_id),
                tuple(replica.gaps(db.conn, kiosk_id)) if held else (),
            )
        )
    return found


# --- digests of written files -------------------------------------------------------------------


def record_exports(db: Database, rows: Iterable[tuple[str, str, str, str, str, str]]) -> None:
    """Keep (at, kind, scope, file, sha256, content sha256) of written files; they survive a
    purge."""
    with db.write() as conn:
        conn.executemany(
            "INSERT INTO export_record (at, kind, scope, file, sha256, content_sha256) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            list(rows),
        )


# --- purge --------------------------------------------------------------------------------------


def personal_data_left(db: Database) -> tuple[int, int, int]:
    """(registrations with personal data, online participants with a name or e-mail, print
    jobs) that a purge would remove."""
    people = db.query("SELECT count(*) FROM attendee WHERE code NOT LIKE 'PURGED-%'")[0][0]
    online = db.query(
        "SELECT count(DISTINCT name || email) FROM online_session WHERE email != '' "
        "OR name NOT LIKE 'purged-%'"
    )[0][0]
    jobs = db.query("SELECT count(*) FROM print_job")[0][0]
    return int(people), int(online), int(jobs)


def purge_personal(db: Database, kept: dict[str, Any], now: str) -> dict[str, int]:
    """Remove personal data in one transaction, keep ``kept`` (the anonymous counts) in
    ``purge_record``, then overwrite the deleted text on disk and compact the file. Returns how
    many rows of each kind were emptied."""
    db.conn.execute("PRAGMA secure_delete = ON")
    with db.write() as conn:
        people = conn.execute(
            "UPDATE attendee SET first_name = '', last_name = '', organization = '', email = '', "
            "phone = '', external_id = NULL, raw = '{}', sort_key = '', language = '', "
            "code = 'PURGED-' || id, code_upper = 'PURGED-' || id "
            "WHERE code NOT LIKE 'PURGED-%'"
        ).rowcount
        online = conn.execute(
            "UPDATE online_session SET name = 'purged-' || id, email = '', meeting = '' "
            "WHERE name NOT LIKE 'purged-%' OR email != ''"
        ).rowcount
        terms = conn.execute("DELETE FROM search_term").rowcount
        meetings = meeting_store.purge_personal(conn)
        # Skipped-row details and warnings of past imports can quote names and e-mails.
        conn.execute(
            "UPDATE import_run SET summary = json_remove(summary, '$.skipped', '$.warnings') "
            "WHERE json_valid(summary)"
        )
        removed = {
            "people": people,
            "online_sessions": online,
            "search_terms": terms,
            "meetings": meetings,
        }
        conn.execute(
            "INSERT INTO purge_record (at, counts, removed) VALUES (?, ?, ?)",
            (now, json.dumps(kept, ensure_ascii=False, default=str), json.dumps(removed)),
        )
    db.checkpoint()
    db.conn.execute("VACUUM")
    return removed


def last_purge(db: Database) -> dict[str, Any] | None:
    """The counts and removals of the latest purge, if there was one."""
    rows = db.query("SELECT at, counts, removed FROM purge_record ORDER BY id DESC LIMIT 1")
    if not rows:
        return None
    at, counts, removed = rows[0]
    return {"at": at, "counts": json.loads(counts), "removed": json.loads(removed)}
