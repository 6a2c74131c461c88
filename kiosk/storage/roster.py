"""People read for printing: everyone in an order for pre-printed badges and tickets, the
longest name (for a badge preview), and every name's characters (for a printer's test page).

Read-only; each function takes the event's :class:`Database` and reads through
:meth:`Database.query`, so a damaged file is explained to staff.
"""

from __future__ import annotations

from kiosk.core.model import Attendee
from kiosk.storage.attendees import from_row
from kiosk.storage.database import Database

#: The orders people can be put in for pre-printing (sheets are cut and sorted into boxes by
#: this): name → ORDER BY clause. The ``id`` at the end makes every order total.
ORDERS: dict[str, str] = {
    "last-name": "sort_key, id",
    "organization": "organization COLLATE NOCASE, sort_key, id",
    "country": "country COLLATE NOCASE, sort_key, id",
    "code": "code, id",
    "id": "id",
}


def people(db: Database, *, order: str = "id", include_cancelled: bool = False) -> list[Attendee]:
    """Every attendee (only active ones unless ``include_cancelled``), in one of :data:`ORDERS`
    (a ``KeyError`` for another name)."""
    where = "" if include_cancelled else "WHERE status = 'active' "
    rows = db.query(f"SELECT * FROM attendee {where}ORDER BY {ORDERS[order]}")
    return [from_row(row) for row in rows]


def longest_name(db: Database) -> Attendee | None:
    """The active attendee whose name and organisation are the longest (to show how a badge
    template fits long names), or None when there is nobody."""
    rows = db.query(
        "SELECT * FROM attendee WHERE status = 'active' "
        "ORDER BY length(first_name) + length(last_name) + length(organization) DESC, id "
        "LIMIT 1"
    )
    return from_row(rows[0]) if rows else None


def name_lines(db: Database) -> list[str]:
    """Each attendee's first name, last name and organisation as one line (every character a
    printer's test page must show)."""
    rows = db.query("SELECT first_name, last_name, organization FROM attendee ORDER BY id")
    return [" ".join(row) for row in rows]
