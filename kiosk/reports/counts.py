"""Live counts: registrations and unique people admitted per check-in list."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

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
    status = dict(
        db.conn.execute("SELECT status, count(*) FROM attendee GROUP BY status").fetchall()
    )
    admitted = dict(
        db.conn.execute(
            "SELECT list_id, count(DISTINCT attendee_uid) FROM effective_scan "
            "WHERE kind = 'entry' GROUP BY list_id"
        ).fetchall()
    )
    refused = dict(
        db.conn.execute(
            "SELECT list_id, count(*) FROM scan WHERE outcome = 'refused' GROUP BY list_id"
        ).fetchall()
    )
    lists = [
        ListCount(
            r["id"],
            r["name"],
            r["day"],
            r["policy"],
            admitted.get(r["id"], 0),
            refused.get(r["id"], 0),
        )
        for r in db.query("SELECT id, name, day, policy FROM checkin_list ORDER BY day, id")
    ]

    def grouped(column: str) -> dict[str, int]:
        rows = db.conn.execute(
            f"SELECT {column}, count(*) FROM attendee WHERE status = 'active' "
            f"GROUP BY {column} ORDER BY count(*) DESC, {column}"
        ).fetchall()
        return {str(k or ""): int(v) for k, v in rows}

    return Stats(
        registered=int(status.get("active", 0)),
        cancelled=int(status.get("cancelled", 0)),
        lists=lists,
        by_category=grouped("category"),
        by_country=grouped("country"),
    )
