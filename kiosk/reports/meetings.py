"""The B2B section of the report: meetings planned, held, possible and no-show, by country pair
and by day (the rules are kiosk.core.meetings'; this module counts)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from kiosk.core import meetings as rules
from kiosk.core.meetings import PAIRS, Counts, MeetingStatus, Outcome
from kiosk.core.timeutil import to_utc_iso
from kiosk.reports.register import Cell, Scope
from kiosk.reports.texts import Texts
from kiosk.storage import events
from kiosk.storage import meetings as store
from kiosk.storage.database import Database

Table = dict[tuple[date, str], Counts]


@dataclass(frozen=True, slots=True)
class MeetingLine:
    """One meeting as the report lists it."""

    day: date
    start: str
    location: str
    a: str
    b: str
    pair: str
    outcome: Outcome


def _side(name: str, org: str, country: str) -> str:
    extra = ", ".join(x for x in (org, rules.country_code(country) if country else "") if x)
    return f"{name} ({extra})" if extra else name


def meeting_lines(
    db: Database, days: Iterable[date] | None = None, *, today: date | None = None
) -> list[MeetingLine]:
    """Every meeting (of these days) with what became of it."""
    """(day, country pair) -> counts. A side's country is the registered person's (the file's
    when the side is not matched); a side counts as arrived when the person was admitted on the
    meeting's day (event time zone). Days before ``today`` are over: their open meetings are
    no-shows."""
    zone = ZoneInfo(events.event_info(db).timezone)
    today = today or datetime.now(UTC).astimezone(zone).date()
    wanted = {d.isoformat() for d in days} if days is not None else None
    rows = [r for r in store.all_meetings(db) if wanted is None or r.day in wanted]
    people = store.people(db, {u for r in rows for u in (r.a_uid, r.b_uid) if u})
    marks = store.marks(db, [r.uid for r in rows])
    arrived: dict[str, set[str]] = {}
    lines: list[MeetingLine] = []
    for r in rows:
        day = date.fromisoformat(r.day)
        if r.day not in arrived:
            start = datetime.combine(day, time(0), zone)
            end = datetime.combine(day + timedelta(days=1), time(0), zone)
            arrived[r.day] = store.arrived(db, to_utc_iso(start), to_utc_iso(end))
        here = arrived[r.day]
        a = people.get(r.a_uid) if r.a_uid else None
        b = people.get(r.b_uid) if r.b_uid else None
        result = rules.outcome(
            MeetingStatus(r.status),
            rules.is_held(marks.get(r.uid, ())),
            a is not None and a.uid in here,
            b is not None and b.uid in here,
            day < today,
        )
        a_country = a.country if a and a.country else r.a_country
        b_country = b.country if b and b.country else r.b_country
        lines.append(
            MeetingLine(
                day,
                r.start,
                r.location,
                _side(a.name if a else r.a_name, a.organization if a else r.a_org, a_country),
                _side(b.name if b else r.b_name, b.organization if b else r.b_org, b_country),
                rules.country_pair(a_country, b_country),
                result,
            )
        )
    return lines


def b2b_counts(
    db: Database, days: Iterable[date] | None = None, *, today: date | None = None
) -> Table:
    """(day, country pair) -> counts. A side's country is the registered person's (the file's
    when the side is not matched); a side counts as arrived when the person was admitted on the
    meeting's day (event time zone). Days before ``today`` are over: their open meetings are
    no-shows."""
    table: Table = {}
    for line in meeting_lines(db, days, today=today):
        key = (line.day, line.pair)
        table[key] = table.get(key, Counts()).add(line.outcome)
    return table


def _row(label: str, c: Counts) -> tuple[Cell, ...]:
    return (label, c.planned, c.held, c.possible, c.no_show, c.open)


def b2b_sections(
    db: Database, scope: Scope, t: Texts
) -> list[tuple[str, str, tuple[str, ...], list[tuple[Cell, ...]]]]:
    """(key, title, header, rows) of the two B2B tables, or none when the event has no
    meetings (in the scope's day)."""
    lines = meeting_lines(db, [scope.day] if scope.day is not None else None)
    table: Table = {}
    for line in lines:
        table[(line.day, line.pair)] = table.get((line.day, line.pair), Counts()).add(line.outcome)
    if not table:
        return []
    header = (
        t("col.b2b_group"),
        t("col.b2b_planned"),
        t("col.b2b_held"),
        t("col.b2b_possible"),
        t("col.b2b_no_show"),
        t("col.b2b_open"),
    )
    header_day = (t("col.day"), *header[1:])
    by_pair: dict[str, Counts] = {}
    by_day: dict[date, Counts] = {}
    for (day, pair), counts in table.items():
        by_pair[pair] = by_pair.get(pair, Counts()) + counts
        by_day[day] = by_day.get(day, Counts()) + counts
    total = sum(by_day.values(), Counts())
    pair_label = {"other": t("row.b2b_other_pair")}
    pair_rows = [_row(pair_label.get(p, p), by_pair.get(p, Counts())) for p in PAIRS]
    pair_rows.append(_row(t("row.total"), total))
    day_rows = [_row(d.isoformat(), by_day[d]) for d in sorted(by_day)]
    if len(day_rows) > 1:
        day_rows.append(_row(t("row.total"), total))
    result_text = {
        Outcome.HELD: t("value.b2b_held"),
        Outcome.POSSIBLE: t("value.b2b_possible"),
        Outcome.NO_SHOW: t("value.b2b_no_show"),
        Outcome.OPEN: t("value.b2b_open"),
    }
    # The participant first: the PDF gives the first column the most room.
    register_header = (
        t("col.b2b_participant"),
        t("col.b2b_partner"),
        t("col.b2b_when"),
        t("col.b2b_table"),
        t("col.b2b_result"),
    )
    register_rows: list[tuple[Cell, ...]] = [
        (
            line.a,
            line.b,
            f"{line.day.isoformat()} {line.start}",
            line.location,
            result_text[line.outcome],
        )
        for line in lines
        if line.outcome is not Outcome.NOT_PLANNED
    ]
    return [
        ("b2b_by_pair", t("section.b2b_by_pair"), header, pair_rows),
        ("b2b_by_day", t("section.b2b_by_day"), header_day, day_rows),
        ("b2b_meetings", t("section.b2b_meetings"), register_header, register_rows),
    ]
