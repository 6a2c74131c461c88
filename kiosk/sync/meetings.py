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

from kiosk.storage import hub
from kiosk.storage import meetings as store
from kiosk.storage.database import Database


@dataclass(frozen=True, slots=True)
class MeetingSync:
    """What one sync did with meetings: rows new or newer at the hub, and here."""

    pushed: int = 0
    pulled: int = 0
    marks_pushed: int = 0
    marks_pulled: int = 0


def sync_meetings(conn: psycopg.Connection[Any], db: Database, event_uid: str) -> MeetingSync:
    """Send this kiosk's meetings and marks to the hub, then merge the hub's here."""
    with db.read() as here:
        meetings, marks = store.meeting_rows(here), store.mark_rows(here)
    pushed, marks_pushed = hub.push_meetings(conn, event_uid, meetings, marks)
    hub_meetings = hub.meeting_rows(conn, event_uid)
    hub_marks = hub.mark_rows(conn, event_uid)
    with db.write() as local:
        pulled = store.merge_meetings(local, hub_meetings)
        marks_pulled = store.merge_marks(local, hub_marks)
    return MeetingSync(pushed, pulled, marks_pushed, marks_pulled)
