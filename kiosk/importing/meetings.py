"""Reading a B2B meeting schedule: the b2match meetings export, or any file with one meeting a row.

Supported layout (see the README, "B2B meetings"): one row per meeting, a header row, columns
found by their titles, case, accents and punctuation ignored:

- when: ``Date`` (or ``Meeting date``, ``Day``), ``Start time`` (``Start``, ``Time``, ``From``,
  or a ``Time slot`` such as ``10:30 - 11:00``), ``End time`` (``End``, ``To``, ``Until``);
  a start cell that holds a date and time needs no date column;
- where: ``Table`` (``Table number``, ``Location``, ``Meeting location``, ``Booth``, ``Room``,
  ``Meeting point``);
- ``Status`` (``Meeting status``): Accepted / Scheduled / Confirmed count as planned; Pending;
  Canceled / Cancelled; Declined / Rejected;
- ``Meeting ID`` (``ID``) when present keeps a meeting the same meeting when it is rescheduled;
- the two sides, each a prefix — ``Host`` / ``Requester`` / ``Sender`` / ``Booker`` /
  ``Participant 1`` for the first, ``Guest`` / ``Receiver`` / ``Recipient`` / ``Requestee`` /
  ``Participant 2`` for the second — followed by ``First name``, ``Last name`` or ``Name``,
  ``Organisation`` (``Organization``, ``Organisation name``, ``Company``), ``E-mail`` and
  ``Country``: ``Host first name``, ``Guest organisation``, ``Participant 2 e-mail``…

b2match's help pages name a meeting's host (who sent the request) and guest, its status
(pending, accepted, canceled), its time slot on a matchmaking session's date and its table or
booth; its participant data are first name, last name, organisation name, e-mail and country.
b2match does not publish its export's exact titles: any other titles are given with
``--mapping FILE`` (TOML or JSON, field = "header"; the fields are :data:`FIELDS`).

Nothing here touches the database: rows become :class:`MeetingLine` or :class:`Problem`.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date, time

from kiosk.core.meetings import MeetingStatus, Side, parse_date, parse_status, parse_time
from kiosk.core.text import clean, fold
from kiosk.importing import mapfile
from kiosk.importing.errors import ImportFileError
from kiosk.importing.readers import Table, read_table

SIDE_FIELDS = ("first_name", "last_name", "name", "organization", "email", "country")
FIELDS: tuple[str, ...] = (
    "id",
    "date",
    "start",
    "end",
    "location",
    "status",
    *(f"a_{f}" for f in SIDE_FIELDS),
    *(f"b_{f}" for f in SIDE_FIELDS),
)

_PLAIN: dict[str, tuple[str, ...]] = {
    "id": ("meeting id", "id", "meeting no", "meeting number", "meeting"),
    "date": ("date", "meeting date", "day", "session date", "matchmaking session"),
    "start": (
        "start time",
        "start",
        "time",
        "from",
        "time slot",
        "timeslot",
        "slot",
        "starts at",
        "begin",
    ),
    "end": ("end time", "end", "to", "until", "ends at", "finish"),
    "location": (
        "table",
        "table number",
        "table no",
        "location",
        "meeting location",
        "booth",
        "room",
        "meeting point",
        "place",
    ),
    "status": ("status", "meeting status", "state"),
}
_SIDE_PREFIXES: dict[str, tuple[str, ...]] = {
    "a": (
        "host",
        "requester",
        "sender",
        "booker",
        "participant 1",
        "participant a",
        "inviter",
        "organizer",
    ),
    "b": (
        "guest",
        "receiver",
        "recipient",
        "requestee",
        "participant 2",
        "participant b",
        "invitee",
        "partner",
    ),
}
_SIDE_SUFFIXES: dict[str, tuple[str, ...]] = {
    "first_name": ("first name", "firstname", "given name"),
    "last_name": ("last name", "lastname", "surname", "family name"),
    "name": ("name", "full name", "participant", "person", ""),
    "organization": (
        "organisation",
        "organization",
        "organisation name",
        "organization name",
        "company",
        "company name",
        "org",
    ),
    "email": ("email", "e mail", "email address", "mail"),
    "country": ("country",),
}


def _words(header: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", fold(header)))


def _side_field(key: str) -> str | None:
    for side, prefixes in _SIDE_PREFIXES.items():
        for prefix in prefixes:
            if key == prefix or key.startswith(prefix + " "):
                rest = key[len(prefix) :].strip()
                for fld, suffixes in _SIDE_SUFFIXES.items():
                    if rest in suffixes:
                        return f"{side}_{fld}"
    return None


def detect_columns(
    headers: list[str], override: dict[str, str] | None = None, path: str = ""
) -> dict[str, int]:
    """field -> column index, from the header titles; ``override`` (field -> header text,
    '' for "do not use") wins."""
    columns: dict[str, int] = {}
    for index, header in enumerate(headers):
        key = _words(header)
        if not key:
            continue
        fld = next((f for f, names in _PLAIN.items() if key in names), None) or _side_field(key)
        if fld is not None and fld not in columns:
            columns[fld] = index
    for fld, header in (override or {}).items():
        columns.pop(fld, None)
        if header:
            wanted = _words(header)
            found = next((i for i, h in enumerate(headers) if _words(h) == wanted), None)
            if found is None:
                raise ImportFileError(
                    path,
                    f"the mapping names the column '{header}' for {fld}, but the file has no "
                    "such column",
                    "the file's columns are: " + ", ".join(f"'{h}'" for h in headers if h),
                )
            columns[fld] = found
    return columns


def load_mapping(path: str | os.PathLike[str]) -> dict[str, str]:
    """A mapping file (:func:`kiosk.importing.mapfile.read`): field → header, the fields being
    :data:`FIELDS`."""
    canonical = mapfile.plain_field(FIELDS)
    return mapfile.read(path, canonical, FIELDS, example='a_email = "Host e-mail"')


@dataclass(frozen=True, slots=True)
class Problem:
    """A row left out, with a stable reason code and words for people."""

    row: int
    reason: str
    detail: str


@dataclass(frozen=True, slots=True)
class MeetingLine:
    """One meeting as the file states it."""

    row: int
    external_id: str
    day: date
    start: time
    end: time | None
    location: str
    status: MeetingStatus
    a: Side
    b: Side


@dataclass
class Schedule:
    table: Table
    columns: dict[str, int]
    lines: list[MeetingLine] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


#: Longest text kept from one cell (a name, an organisation, a table): longer is no schedule.
MAX_CELL = 300
#: Most meetings one file may hold (a large brokerage event has a few thousand).
MAX_MEETINGS = 50_000

_RANGE = re.compile(r"^\s*(.+?)\s*[-–—]\s*(\d{1,2}[:.h]\d{2}.*)$")


def _side(cells: list[str], columns: dict[str, int], side: str) -> Side:
    def cell(fld: str) -> str:
        index = columns.get(f"{side}_{fld}")
        return clean(cells[index]) if index is not None and index < len(cells) else ""

    name = cell("name") or " ".join(p for p in (cell("first_name"), cell("last_name")) if p)
    return Side(
        name=name,
        organization=cell("organization"),
        email=cell("email").lower(),
        country=cell("country"),
    )


def read_schedule(path: str | os.PathLike[str], override: dict[str, str] | None = None) -> Schedule:
    """Read a meeting schedule; every row becomes a meeting line or a problem."""
    table = read_table(path)
    columns = detect_columns(table.headers, override, table.path)
    missing = [f for f in ("start",) if f not in columns]
    sides = [s for s in "ab" if not any(f"{s}_{f}" in columns for f in SIDE_FIELDS)]
    if missing or sides:
        need = (["a start time (Start time / Time slot)"] if missing else []) + [
            f"the {'first' if s == 'a' else 'second'} participant (e.g. "
            f"'{'Host' if s == 'a' else 'Guest'} e-mail')"
            for s in sides
        ]
        raise ImportFileError(
            table.path,
            "this is not a meeting schedule: no column for " + " and ".join(need),
            "give the columns with --mapping (fields: " + ", ".join(FIELDS) + "); the file's "
            "columns are: " + ", ".join(f"'{h}'" for h in table.headers if h),
        )
    if len(table.rows) > MAX_MEETINGS:
        raise ImportFileError(
            table.path,
            f"the file has {len(table.rows):,} rows, more than a meeting schedule can have "
            f"({MAX_MEETINGS:,})",
            "check that this is the meetings export, not another list",
        )
    schedule = Schedule(table, columns)
    for row, cells in table.rows:
        line = _line(row, cells, columns)
        if isinstance(line, Problem):
            schedule.problems.append(line)
        else:
            schedule.lines.append(line)
    return schedule


def _line(row: int, cells: list[str], columns: dict[str, int]) -> MeetingLine | Problem:
    def cell(fld: str) -> str:
        index = columns.get(fld)
        return clean(cells[index]) if index is not None and index < len(cells) else ""

    for fld, index in columns.items():
        if index < len(cells) and len(cells[index]) > MAX_CELL:
            return Problem(
                row,
                "too_long",
                f"the {fld} cell has {len(cells[index]):,} characters (at most {MAX_CELL})",
            )
    start_text, end_text = cell("start"), cell("end")
    ranged = _RANGE.match(start_text)
    if ranged and not re.match(r"^\d{4}-\d{2}-\d{2}$", start_text):
        start_text, end_text = ranged.group(1), end_text or ranged.group(2)
    day_text = cell("date") or (
        start_text if re.match(r"^\d{4}-\d{2}-\d{2}[ T]", start_text) else ""
    )
    if not day_text:
        return Problem(row, "missing_date", "no date for the meeting")
    day = parse_date(day_text)
    if day is None:
        return Problem(
            row, "bad_date", f"'{day_text}' is not a date (write 2026-09-28 or 28.09.2026)"
        )
    start = parse_time(start_text.replace("T", " "))
    if start is None:
        return Problem(row, "bad_time", f"'{start_text}' is not a start time (write 10:30)")
    end = parse_time(end_text.replace("T", " ")) if end_text else None
    if end_text and end is None:
        return Problem(row, "bad_time", f"'{end_text}' is not an end time (write 11:00)")
    if end is not None and end <= start:
        return Problem(
            row,
            "end_before_start",
            f"the meeting ends ({end:%H:%M}) before it starts ({start:%H:%M})",
        )
    status_text = cell("status")
    status = parse_status(status_text)
    if status is None:
        return Problem(
            row,
            "unknown_status",
            f"'{status_text}' is not a meeting status Kiosk knows (Accepted, "
            "Scheduled, Pending, Canceled, Declined)",
        )
    a, b = _side(cells, columns, "a"), _side(cells, columns, "b")
    for label, side in (("first", a), ("second", b)):
        if not (side.name or side.email or side.organization):
            return Problem(row, "missing_side", f"the {label} participant is empty")
    return MeetingLine(row, cell("id"), day, start, end, cell("location"), status, a, b)
