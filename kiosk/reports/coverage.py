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
from kiosk.storage import replica
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
    conn = db.conn
    zone = ZoneInfo(event_info(db).timezone)
    ranges = replica.kiosk_ranges(conn)
    last_at = dict(conn.execute("SELECT kiosk_id, max(at) FROM scan GROUP BY kiosk_id").fetchall())
    names = dict(replica.kiosks(conn))
    found = []
    for kiosk_id in sorted(set(names) | set(ranges), key=lambda k: (names.get(k, ""), k)):
        held = ranges.get(kiosk_id)
        at = last_at.get(kiosk_id)
        found.append(
            KioskCoverage(
                kiosk_id,
                names.get(kiosk_id, ""),
                held.count if held else 0,
                held.last_seq if held else 0,
                from_utc_iso(at).astimezone(zone) if at else None,
                tuple(replica.gaps(conn, kiosk_id)) if held else (),
            )
        )
    found.sort(key=lambda k: (k.scans == 0, k.name, k.kiosk_id))
    return found
