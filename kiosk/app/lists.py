"""Check-in lists staff make (sessions, workshops, the B2B room, the dinner): the service the
CLI's ``kiosk lists`` and the desk's Menu → Check-in lists share."""

from __future__ import annotations

from datetime import date, datetime

from kiosk.core.model import CheckinList, Policy
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


def add(
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
    """A new list; :class:`ListError` says why not (no name, a name taken, closes before it
    opens). Defaults are pretix's: once a day, re-entry after an exit, unpaid refused."""
    return events.add_list(
        db, name, day=day, policy=policy, tracks_presence=tracks_presence, opens_at=opens_at,
        closes_at=closes_at, categories=categories, allow_reentry=allow_reentry,
        admit_pending=admit_pending,
    )  # fmt: skip


def edit(db: Database, list_id: int, **changes: object) -> CheckinList:
    return events.edit_list(db, list_id, **changes)


def remove(db: Database, list_id: int) -> CheckinList:
    """Remove a list nobody was scanned on; :class:`ListError` for one with scans."""
    return events.remove_list(db, list_id)
