"""What a report covers: the kiosks whose scans this database holds, each one's last scan and
any stretch of its scan sequence still missing here (a bundle not imported, a hub not reached).

A report over several kiosks is only as complete as the merged log; printing this next to it
lets the organizer see that every kiosk is in and nothing is missing before handing it on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from kiosk.core.timeutil import from_utc_iso
from kiosk.storage import reports as report_store
from kiosk.storage.database import Database
from kiosk.storage.events import event_info


@dataclass(frozen=True, slots=True)
class KioskCoverage:
    kiosk_id: str
    name: str
    scans: int  # scans of this kiosk held here
    last_seq: int  # its highest sequence number held here
    last_scan: datetime | None  # event-local time of its latest scan
    gaps: tuple[tuple[int, int], ...]  # missing (first, last) sequence stretches

    @property
    def complete(self) -> bool:
        return not self.gaps


def coverage(db: Database) -> list[KioskCoverage]:
    """Every kiosk known here, those with scans first, by name."""
    zone = ZoneInfo(event_info(db).timezone)
    found = [
        KioskCoverage(
            k.kiosk_id,
            k.name,
            k.scans,
            k.last_seq,
            from_utc_iso(k.last_at).astimezone(zone) if k.last_at else None,
            k.gaps,
        )
        for k in report_store.kiosks_held(db)
    ]
    found.sort(key=lambda k: (k.scans == 0, k.name, k.kiosk_id))
    return found
