"""Live counts: registrations and unique people admitted per check-in list."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from kiosk.storage import reports as report_store
from kiosk.storage.database import Database


@dataclass(frozen=True, slots=True)
class ListCount:
    id: int
    name: str
    day: str | None
    policy: str
    admitted: int  # unique people with an admission that was not undone
    refused: int  # refused scan attempts


@dataclass(frozen=True, slots=True)
class Stats:
    registered: int  # active registrations (cancelled ones not included)
    cancelled: int
    lists: list[ListCount]
    by_category: dict[str, int]
    by_country: dict[str, int]

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def stats(db: Database) -> Stats:
    status = report_store.status_counts(db)
    admitted = report_store.admitted_per_list(db)
    refused = report_store.refused_per_list(db)
    lists = [
        ListCount(list_id, name, day, policy, admitted.get(list_id, 0), refused.get(list_id, 0))
        for list_id, name, day, policy in report_store.every_list(db)
    ]
    return Stats(
        registered=status.get("active", 0),
        cancelled=status.get("cancelled", 0),
        lists=lists,
        by_category=report_store.active_by(db, "category"),
        by_country=report_store.active_by(db, "country"),
    )
