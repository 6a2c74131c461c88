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

from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from kiosk.core.timeutil import to_utc_iso
from kiosk.reports.files import register_digest
from kiosk.reports.summary import build_report
from kiosk.storage import reports as report_store
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
    return PurgePlan(*report_store.personal_data_left(db))


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
    removed = report_store.purge_personal(db, counts, to_utc_iso(datetime.now(UTC)))
    return PurgeSummary(removed["people"], removed["online_sessions"], removed["search_terms"],
                        counts)  # fmt: skip


def last_purge(db: Database) -> dict[str, Any] | None:
    """The counts and removals of the latest purge, if there was one."""
    return report_store.last_purge(db)
