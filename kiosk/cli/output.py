"""Turning service results into terminal text and JSON objects."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.app.checkin import CheckinResult
from kiosk.core import plurals
from kiosk.core.model import Attendee, Decision
from kiosk.core.text import has_cyrillic, transliterate


def attendee_json(person: Attendee) -> dict[str, Any]:
    return {
        "id": person.id,
        "uid": person.uid,
        "name": person.name,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "organization": person.organization,
        "country": person.country,
        "category": person.category,
        "email": person.email,
        "code": person.code,
        "status": person.status.value,
        "pending": person.pending,
        "blocked": person.blocked,
        "note": person.note,
        "attention": person.attention,
    }


def checkin_json(result: CheckinResult, tz: str) -> dict[str, Any]:
    d = result.decision
    zone = ZoneInfo(tz)
    return {
        "status": d.reason.value,
        "admitted": d.admitted,
        "accepted": d.accepted,
        "hint": d.hint.value if d.hint else None,
        "overridden": d.overridden.value if d.overridden else None,
        "method": result.method.value,
        "note": result.note,
        "attendee": attendee_json(d.attendee) if d.attendee else None,
        "previous": (
            {"at": d.previous.at.astimezone(zone).isoformat(), "kiosk": d.previous.kiosk_name}
            if d.previous
            else None
        ),
        "scan_id": result.scan_id,
        "at": result.at.astimezone(zone).isoformat(),
        "list": {
            "id": result.checkin_list.id,
            "name": result.checkin_list.name,
            "day": result.checkin_list.day.isoformat() if result.checkin_list.day else None,
        },
        "kiosk": result.kiosk.name,
        "manual": result.manual,
    }


def display_name(person: Attendee) -> str:
    """The name, with its Latin transliteration after a Cyrillic one."""
    if has_cyrillic(person.name):
        return f"{person.name} ({transliterate(person.name)})"
    return person.name


def decision_lines(d: Decision, tz: str, now: datetime) -> list[str]:
    from kiosk.core.wording import hint_text, phrase, reason_name  # not for --json

    mark = "✔ " if d.admitted else ("• " if d.accepted else "✘ ")
    lines = [mark + reason_name(d.reason).upper()]
    if d.previous is not None:
        first = d.previous.at.astimezone(ZoneInfo(tz))
        day = (
            "today"
            if first.date() == now.astimezone(ZoneInfo(tz)).date()
            else f"on {first:%Y-%m-%d}"
        )
        lines[0] += f" {day} at {first:%H:%M} on {d.previous.kiosk_name or phrase('another_kiosk')}"
    if d.hint is not None:
        lines.append(f"  {hint_text(d.hint)}")
    if d.overridden is not None:
        lines.append(f"  (overriding: {reason_name(d.overridden).lower()})")
    if d.attendee is not None:
        person = d.attendee
        lines.append(f"  {display_name(person)}")
        details = ", ".join(p for p in (person.organization, person.country, person.category) if p)
        if details:
            lines.append(f"  {details}")
        if person.attention or person.note:
            flag = "⚠ ATTENTION" if person.attention else "Note"
            lines.append(f"  {flag}: {person.note}" if person.note else f"  {flag}")
    return lines


def counted(count: int, noun: str) -> str:
    """"1 session", "2 sessions": an English count with its noun (the CLI speaks English; the
    plural rule is kiosk.core.plurals')."""
    return plurals.counted(count, {"one": f"{{count}} {noun}", "other": f"{{count}} {noun}s"}, "en")
