"""Check-in lists staff make (sessions, workshops, the B2B room, the dinner): the service the
CLI's ``kiosk lists`` and the desk's Menu → Check-in lists share."""

from __future__ import annotations

from datetime import date

from kiosk.core.model import CheckinList
from kiosk.storage import events
from kiosk.storage.database import Database
from kiosk.storage.events import ListError

__all__ = ["ListError", "add", "edit", "event_days", "get", "lists", "remove", "timezone"]


def lists(db: Database) -> list[CheckinList]:
    return events.checkin_lists(db)


def get(db: Database, list_id: int) -> CheckinList | None:
    return events.checkin_list(db, list_id)


def timezone(db: Database) -> str:
    """The event's time zone: list hours are given and shown in it."""
    return events.event_info(db).timezone


def event_days(db: Database) -> list[date]:
    """The days of the event (those its day lists are for)."""
    return sorted({cl.day for cl in events.checkin_lists(db) if cl.day is not None})


#: A new list (keyword arguments as :func:`kiosk.storage.events.add_list`); :class:`ListError`
#: says why not (no name, a name taken, closes before it opens). Defaults are pretix's: once a
#: day, re-entry after an exit, unpaid registrations refused.
add = events.add_list
#: Change a list: only the fields given; scans already made stay as decided.
edit = events.edit_list
#: Remove a list nobody was scanned on; :class:`ListError` for one with scans.
remove = events.remove_list
