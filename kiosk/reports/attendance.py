"""The per-day attendance list of ``kiosk export attendance``: one row per person admitted in
person on a day, with their first check-in. Read from the register (``read_register``), so both
exports of a day show the same admissions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from kiosk.reports.export import Cell
from kiosk.reports.register import Scope, method_label, read_register
from kiosk.reports.texts import Texts, category_label, country_label, texts
from kiosk.storage.database import Database


@dataclass(frozen=True, slots=True)
class RegisterRow:
    first_checkin: datetime  # local time of the first admission that day
    last_name: str
    first_name: str
    organization: str
    country: str
    category: str
    kiosk: str
    manual: bool
    code: str
    #: Not in the kiosk's list: added and admitted on the strength of a signed ticket.
    admitted_by_signature: bool = False
    #: How the first admission was made (kiosk.core.model.Method; '' when not recorded).
    method: str = ""


_COLUMN_KEYS = (
    "reg.no",
    "reg.date",
    "att.first_checkin",
    "reg.last_name",
    "reg.first_name",
    "reg.organisation",
    "reg.country",
    "reg.category",
    "reg.kiosk",
    "reg.manual",
    "att.signature",
    "reg.method",
)


def columns(t: Texts) -> tuple[str, ...]:
    """The list's column titles in the language of ``t``."""
    return tuple(t(k) for k in _COLUMN_KEYS)


#: The column titles in English.
COLUMNS = columns(texts())


def attendance_register(
    db: Database, day: date, *, list_id: int | None = None, order: str = "name"
) -> list[RegisterRow]:
    """Everyone admitted on ``day`` (event time zone), with their first admission that day.

    Undone check-ins do not count. ``order`` is "name" (last name, first name) or "time".
    """
    register = read_register(db, Scope(day=day, list_id=list_id))
    rows = [
        RegisterRow(
            first_checkin=e.first_arrival,
            last_name=e.person.last_name,
            first_name=e.person.first_name,
            organization=e.person.organization,
            country=e.person.country,
            category=e.person.category,
            kiosk=e.kiosk,
            manual=e.manual,
            code=e.person.code,
            admitted_by_signature=e.person.signed,
            method=e.method,
        )
        for e in register.entries
        if e.in_person and e.day == day and e.first_arrival is not None
    ]
    if order == "time":
        rows.sort(key=lambda r: r.first_checkin)  # stable: register order within a second
    return rows


def attendance_rows(rows: Sequence[RegisterRow], t: Texts) -> list[tuple[Cell, ...]]:
    """The list as table rows in :func:`columns` order, its words in the language of ``t``."""
    yes = t("value.yes")
    return [
        (
            n,
            r.first_checkin.date().isoformat(),
            r.first_checkin.replace(microsecond=0),
            r.last_name,
            r.first_name,
            r.organization,
            country_label(t, r.country),
            category_label(t, r.category) if r.category else "",
            r.kiosk,
            yes if r.manual else "",
            yes if r.admitted_by_signature else "",
            method_label(t, r.method),
        )
        for n, r in enumerate(rows, start=1)
    ]
