"""Attendee categories as people read them: known keys get a translated label (the UI's and
the reports' tables cover exactly :data:`CATEGORIES`); anything else is shown capitalised."""

from __future__ import annotations

from datetime import date

from kiosk.core.text import clean

#: Categories with a label in every language, by their stored key.
CATEGORIES = (
    "participant", "speaker", "organiser", "press", "staff", "sponsor", "guest", "vip",
    "exhibitor", "partner", "b2b", "volunteer", "student",
)  # fmt: skip
#: Other spellings of a known key.
_SAME = {"organizer": "organiser", "media": "press", "b2b meetings": "b2b"}


def category_key(value: str) -> str | None:
    """The known category ``value`` stands for ("Speaker ", "ORGANIZER"), or ``None``."""
    key = clean(value).strip().lower()
    key = _SAME.get(key, key)
    return key if key in CATEGORIES else None


def fallback_label(value: str) -> str:
    """An unknown category as a label: its first letter capitalised ("vendor" → "Vendor");
    values that already have capitals ("NGO", "eTwinning") are kept."""
    text = clean(value).strip()
    if not text or text != text.lower():
        return text
    return text[0].upper() + text[1:]


def day_list_name(day: date) -> str:
    """The name of the check-in list made for one day ("Day 2026-09-28"): stored in English,
    shown in the reader's language wherever a list is named."""
    return f"Day {day.isoformat()}"
