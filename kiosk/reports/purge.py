"""Removing personal data after the event, keeping the anonymous counts and the digests.

What goes: names, organisations, e-mails, phones, external ids, the source rows of imports,
ticket codes (replaced by a neutral ``PURGED-n``), the search index, the skipped-row details of
past imports, and the names and e-mails of online participants. What stays: country and category
of each (now anonymous) registration, the scan log (append-only; it holds random ids, times,
kiosks and reason codes), the counts of the whole event and the register digest of each day as
they were just before (in ``purge_record``), and every export digest (``export_record``).
Deleted text is overwritten on disk (``secure_delete``) and the file is compacted (``VACUUM``).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from kiosk.core.timeutil import to_utc_iso
from kiosk.reports.files import register_digest
from kiosk.reports.summary import build_report
from kiosk.storage import meetings as meeting_store
from kiosk.storage.database import Database


@dataclass(frozen=True, slots=True)
class PurgePlan:
    """What a purge would remove (shown before asking to confirm)."""

    people: int
    online_participants: int
    print_jobs: int


@dataclass(frozen=True, slots=True)
class PurgeSummary:
    people: int  # registrations whose personal data was removed
    online_sessions: int
    search_terms: int
    kept_counts: dict[str, Any]

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def plan(db: Database) -> PurgePlan:
    one = db.conn.execute
    return PurgePlan(
        people=one("SELECT count(*) FROM attendee WHERE code NOT LIKE 'PURGED-%'").fetchone()[0],
        online_participants=one(
            "SELECT count(DISTINCT name || email) FROM online_session WHERE email != '' "
            "OR name NOT LIKE 'purged-%'"
        ).fetchone()[0],
        print_jobs=one("SELECT count(*) FROM print_job").fetchone()[0],
    )


#: Report sections that list people by name: not kept with the anonymous counts.
PERSONAL_SECTIONS = frozenset({"b2b_meetings"})


def kept_counts(db: Database) -> dict[str, Any]:
    """The anonymous counts of the whole event and each day's register digest."""
    report = build_report(db)
    return {
        "sections": {
            s.key: {"title": s.title, "header": list(s.header), "rows": s.rows}
            for s in report.sections
            if s.key not in PERSONAL_SECTIONS
        },
        "arrivals": {
            day.isoformat(): [(t.strftime("%H:%M"), n) for t, n in series]
            for day, series in report.arrivals.items()
        },
        "register_sha256": {
            day.isoformat(): register_digest(report.entries_of(day)) for day in report.register.days
        },
    }


def purge(db: Database) -> PurgeSummary:
    """Remove personal data in one transaction, then overwrite and compact the file."""
    counts = kept_counts(db)
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
            (
                to_utc_iso(datetime.now(UTC)),
                json.dumps(counts, ensure_ascii=False, default=str),
                json.dumps(removed),
            ),
        )
    db.checkpoint()
    db.conn.execute("VACUUM")
    return PurgeSummary(people, online, terms, counts)


def last_purge(db: Database) -> dict[str, Any] | None:
    """The counts and removals of the latest purge, if there was one."""
    row = db.conn.execute(
        "SELECT at, counts, removed FROM purge_record ORDER BY id DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    return {"at": row[0], "counts": json.loads(row[1]), "removed": json.loads(row[2])}
