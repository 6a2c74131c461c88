"""B2B meetings and their held marks through the hub (bundles carry them in their body).

Meetings travel last-writer-wins, like the roster: the version with the later ``updated_at``
(then the larger digest) is kept at the hub and at every kiosk, so an import of a newer schedule
or an organiser's resolution reaches every kiosk. Held marks are never changed once made, so
they travel as a set union keyed by ``mark_id``: no mark is ever lost, and every kiosk decides
"held" from the same newest mark (kiosk.core.meetings.is_held).

A schedule is small (a few hundred to a few thousand meetings), so each sync sends what this
kiosk holds and takes what the hub holds, both whole; the hub's conflict rules make a repeated
send change nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from kiosk.storage import meetings as store
from kiosk.storage.database import Database

#: The hub migration that adds the tables (appended to hub.HUB_MIGRATIONS).
HUB_MIGRATION = """
    CREATE TABLE hub_meeting (
        event_uid text NOT NULL,
        uid text NOT NULL,
        updated_at text NOT NULL,
        digest text NOT NULL,
        row_json jsonb NOT NULL,
        PRIMARY KEY (event_uid, uid)
    );
    CREATE TABLE hub_meeting_mark (
        event_uid text NOT NULL,
        mark_id text NOT NULL,
        row_json jsonb NOT NULL,
        PRIMARY KEY (event_uid, mark_id)
    );
"""


@dataclass(frozen=True, slots=True)
class MeetingSync:
    """What one sync did with meetings: rows new or newer at the hub, and here."""

    pushed: int = 0
    pulled: int = 0
    marks_pushed: int = 0
    marks_pulled: int = 0


def sync_meetings(conn: psycopg.Connection[Any], db: Database, event_uid: str) -> MeetingSync:
    """Send this kiosk's meetings and marks to the hub, then merge the hub's here."""
    meetings = store.meeting_rows(db.conn)
    marks = store.mark_rows(db.conn)
    with conn.transaction(), conn.cursor() as cur:
        # One pipelined round of statements each (psycopg's executemany), not one per row.
        cur.executemany(
            "INSERT INTO hub_meeting AS m (event_uid, uid, updated_at, digest, row_json) "
            "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (event_uid, uid) DO UPDATE SET "
            "updated_at = excluded.updated_at, digest = excluded.digest, "
            "row_json = excluded.row_json "
            "WHERE (excluded.updated_at, excluded.digest) > (m.updated_at, m.digest)",
            [(event_uid, row[0], row[-1], store.digest(row), Jsonb(row)) for row in meetings],
        )
        pushed = max(cur.rowcount, 0) if meetings else 0
        cur.executemany(
            "INSERT INTO hub_meeting_mark (event_uid, mark_id, row_json) "
            "VALUES (%s, %s, %s) ON CONFLICT (event_uid, mark_id) DO NOTHING",
            [(event_uid, row[0], Jsonb(row)) for row in marks],
        )
        marks_pushed = max(cur.rowcount, 0) if marks else 0
    hub_meetings = [
        r[0]
        for r in conn.execute(
            "SELECT row_json FROM hub_meeting WHERE event_uid = %s", (event_uid,)
        ).fetchall()
    ]
    hub_marks = [
        r[0]
        for r in conn.execute(
            "SELECT row_json FROM hub_meeting_mark WHERE event_uid = %s", (event_uid,)
        ).fetchall()
    ]
    with db.write() as local:
        pulled = store.merge_meetings(local, hub_meetings)
        marks_pulled = store.merge_marks(local, hub_marks)
    return MeetingSync(pushed, pulled, marks_pushed, marks_pulled)
