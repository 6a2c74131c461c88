"""The person's B2B meetings of the day in ``kiosk checkin``'s answer, apart from the
``kiosk meetings`` commands so that a check-in does not load their slip printing."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.app.checkin import CheckinResult
    from kiosk.app.door import Desk


def checkin_meetings(desk: Desk, result: CheckinResult) -> list[dict[str, Any]]:
    """The checked-in person's meetings on the list's day, for ``kiosk checkin`` (after a
    "B2B room" admission, the meetings both badges now mark held are marked first)."""
    person = result.decision.attendee
    if person is None:
        return []
    service = desk.meetings
    service.after_checkin(result)
    return [m.for_person_json(person.uid) for m in service.for_checkin(result)]


def meeting_lines(found: list[dict[str, Any]]) -> list[str]:
    """Terminal lines for a person's meetings of the day."""
    lines = []
    for m in found:
        p = m["partner"]
        org = f" ({p['organization']})" if p["organization"] else ""
        here = "here" if p["arrived"] else "not here yet"
        table = f", {m['location']}" if m["location"] else ""
        lines.append(f"B2B {m['start']}{table}: {p['name']}{org} — {here}")
    return lines
