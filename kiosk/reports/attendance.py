"""The per-day attendance register: one row per person admitted on a day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from kiosk.core import signed
from kiosk.core.timeutil import from_utc_iso, to_utc_iso
from kiosk.storage.database import Database
from kiosk.storage.events import event_info


@dataclass(frozen=True, slots=True)
class RegisterRow:
    first_checkin: datetime  # local time of the first admission that day
    last_name: str
    first_name: str
    organization: str
    country: str
    category: str
    kiosk: str
    manual: bool
    code: str
    #: Not in the kiosk's list: added and admitted on the strength of a signed ticket.
    admitted_by_signature: bool = False
    #: How the first admission was made (kiosk.core.model.Method; '' when not recorded).
    method: str = ""


COLUMNS = (
    "No.",
    "Date",
    "First check-in",
    "Last name",
    "First name",
    "Organisation",
    "Country",
    "Category",
    "Kiosk",
    "Manual",
    "Admitted by signature",
    "How checked in",
)


def attendance_register(
    db: Database, day: date, *, list_id: int | None = None, order: str = "name"
) -> list[RegisterRow]:
    """Everyone admitted on ``day`` (event time zone), with their first admission that day.

    Undone check-ins do not count. ``order`` is "name" (last name, first name) or "time".
    """
    tz = ZoneInfo(event_info(db).timezone)
    start = datetime.combine(day, time(0), tz)
    end = datetime.combine(day + timedelta(days=1), time(0), tz)
    params: list[object] = [to_utc_iso(start), to_utc_iso(end)]
    list_filter = ""
    if list_id is not None:
        list_filter = "AND s.list_id = ?"
        params.append(list_id)
    order_by = "a.sort_key, a.id" if order == "name" else "f.at, a.sort_key"
    rows = db.query(
        f"""
        SELECT f.at, f.manual, f.method, k.name AS kiosk_name, a.first_name, a.last_name,
               a.organization, a.country, a.category, a.code, a.origin
        FROM (
            SELECT s.*, row_number() OVER (PARTITION BY s.attendee_uid ORDER BY s.at, s.hlc) AS n
            FROM effective_scan s
            WHERE s.kind = 'entry' AND s.at >= ? AND s.at < ? {list_filter}
        ) f
        JOIN attendee a ON a.uid = f.attendee_uid
        LEFT JOIN kiosk k ON k.id = f.kiosk_id
        WHERE f.n = 1
        ORDER BY {order_by}
        """,
        params,
    )
    return [
        RegisterRow(
            first_checkin=from_utc_iso(r["at"]).astimezone(tz),
            last_name=r["last_name"],
            first_name=r["first_name"],
            organization=r["organization"],
            country=r["country"],
            category=r["category"],
            kiosk=r["kiosk_name"] or "",
            manual=bool(r["manual"]),
            code=r["code"],
            admitted_by_signature=r["origin"] == signed.ORIGIN,
            method=r["method"],
        )
        for r in rows
    ]
