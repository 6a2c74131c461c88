"""Acting on one person at the desk: correcting their details, a note and an attention flag,
blocking one lost ticket.

Every change is logged (``attendee_edit``: who, where, when, old and new value) and travels to
the other kiosks with the roster (bundles and the hub), like an import's changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from kiosk.core.model import Attendee
from kiosk.core.text import clean
from kiosk.core.timeutil import to_utc_iso
from kiosk.storage import attendees, edits, events
from kiosk.storage.database import Database
from kiosk.storage.events import Kiosk

#: What the desk may change, and the longest text each takes.
EDITABLE: dict[str, int] = {
    "first_name": 100,
    "last_name": 100,
    "organization": 200,
    "category": 50,
    "note": 500,
}
#: Flags the desk may set (stored as 0/1).
FLAGS = ("attention", "blocked")
#: Changes after which a printed badge is out of date.
ON_BADGE = frozenset({"first_name", "last_name", "organization", "category"})


class PersonError(ValueError):
    """A change that cannot be made; the message says why."""


def edit_person(
    db: Database,
    attendee_id: int,
    changes: Mapping[str, object],
    *,
    kiosk: Kiosk,
    operator: str = "",
) -> tuple[Attendee, frozenset[str]]:
    """Apply ``changes`` (fields of :data:`EDITABLE` as text, :data:`FLAGS` as bools) and log
    them. Returns the person as now stored and the fields that actually changed."""
    unknown = set(changes) - set(EDITABLE) - set(FLAGS)
    if unknown:
        raise PersonError(f"These details cannot be changed at the desk: {sorted(unknown)}.")
    wanted: dict[str, object] = {}
    for column, value in changes.items():
        if column in FLAGS:
            wanted[column] = int(bool(value))
            continue
        text = clean(str(value))
        if len(text) > EDITABLE[column]:
            raise PersonError(
                f"The {column.replace('_', ' ')} has at most {EDITABLE[column]} characters."
            )
        wanted[column] = text
    with db.write() as conn:
        before = edits.current_values(conn, attendee_id, tuple(wanted) or ("note",))
        if before is None:
            raise PersonError(f"There is no attendee {attendee_id}.")
        uid = str(before["uid"])
        if "first_name" in wanted or "last_name" in wanted:
            first = wanted.get("first_name", before.get("first_name"))
            last = wanted.get("last_name", before.get("last_name"))
            if not first and not last:
                raise PersonError("A person needs a first or a last name.")
        changed = {c: v for c, v in wanted.items() if before[c] != v}
        if changed:
            edits.apply(
                conn, attendee_id, uid, changed, before, now=to_utc_iso(datetime.now(UTC)),
                kiosk_id=kiosk.id, operator=operator,
            )  # fmt: skip
    person = attendees.get(db, attendee_id)
    assert person is not None
    return person, frozenset(changed)


def set_blocked(
    db: Database, code: str, blocked: bool, *, kiosk: Kiosk | None = None, operator: str = ""
) -> Attendee:
    """Block (or unblock) the ticket ``code`` names: every credential of that person is then
    refused as ``revoked`` on every kiosk that has synchronised since (pretix's blocked
    secrets, for one lost ticket without a new revocation list)."""
    with db.read() as conn:
        person = attendees.find_by_code(conn, code.strip())
    if person is None:
        raise PersonError(f"No ticket has the code '{code.strip()}'.")
    kiosk = kiosk or events.local_kiosk(db)
    updated, _ = edit_person(db, person.id, {"blocked": blocked}, kiosk=kiosk, operator=operator)
    return updated
