"""Online attendance: Zoom, Microsoft Teams and Google Meet participant reports, matched to
registrants.

Layouts read (the format is recognised from the content; columns are found by header, so extra
or reordered columns do not matter; ``tests/importing/README`` says where each layout comes
from):

* Zoom meeting "Participants" export, with meeting data (a meeting block, a blank line, the
  participant block) or without it (the participant block only): one row per join/leave session.
* Zoom 2023+ flat export "with meeting data": one header row holding the meeting's columns
  (Topic, Meeting ID, User Name, User Email, …) and then the participant's (Name (Original
  Name), User Email, Join Time, …); the participant's columns are those after its name column.
* Zoom webinar attendee report: sections "Host Details", "Panelist Details", "Attendee Details"
  (and "Other Attended"), each with its own header; registrants who did not attend
  (``Attended = No``) are counted apart, not stored.
* Teams attendance list of 2020 (``Full Name / User Action / Timestamp``, UTF-16, tab): join
  and leave events, paired into sessions; a session still open when the list was downloaded
  lasts until the last event in the file.
* Teams attendance report of 2021 (``Meeting Summary`` block, then ``Full Name / Join Time /
  Leave Time / Duration / Email / Role``) and of 2022+ (sections "1. Summary", "2. Participants",
  "3. In-Meeting Activities"; the per-join section wins).
* Google Meet attendance report saved as CSV (name or first/last name, e-mail, duration, the
  time joined and exited). A report whose times carry no date takes it from the file name Meet
  gives it ("YYYY-MM-DD HH-MM Meeting name.csv").

Times without an offset are read in the event's time zone. Day and month order is chosen once
per file: the order in which every time of the file reads; if both do, the one that puts the
joins on the imported day.

**The day is checked**: a report whose join times fall on another day than ``--day`` is refused
(name the right day, or ``force_day`` to store it anyway).

**Matching**: by e-mail, then by name — order-free, transliteration and diacritics folded away
("Petar Stoyanov" is "Петър Стоянов", "Ioan Stefanescu" is "Ioan Ștefănescu"), then by a looser
cross-script key that also evens out Romanian names written in Cyrillic ("Стефания Йонеску" is
"Ștefania Ionescu", see :func:`kiosk.core.identity.name_key`). A name two registrants share
matches nobody.

**Hosts** (Zoom host and co-hosts, webinar host and panelists, Teams organizers and
co-organizers): a host who matches a registrant is counted like any participant (a speaker who
registered did attend) and listed as such; a host who matches no registrant (the organizer's
own account) is listed, stored as a host and never counted — there is nothing to resolve.
Everyone else nobody matched is listed for the organizer to resolve (``kiosk online``).

Re-importing a report adds nothing: each session is keyed by day, platform, name, e-mail and join
time. The import is one transaction, and the result is plain data (``as_dict`` for JSON).
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.core import codes
from kiosk.core.identity import name_key
from kiosk.core.text import clean, fold
from kiosk.core.timeutil import to_utc_iso
from kiosk.importing.detect import decode_text
from kiosk.importing.errors import ImportFileError
from kiosk.storage import attendees
from kiosk.storage import online as store
from kiosk.storage.attendees import NewAttendee
from kiosk.storage.database import Database
from kiosk.storage.events import event_info

#: A participant report is a few hundred kilobytes; anything this large is not one.
MAX_REPORT_BYTES = 50 * 1024 * 1024
#: Names, e-mails and times are short; a longer cell is a broken or crafted file.
MAX_CELL_CHARS = 10_000
PLATFORM_NAMES = {"zoom": "Zoom", "teams": "Teams", "meet": "Google Meet"}
HOST_ROLES = frozenset({"host", "co-host", "panelist", "organizer", "co-organizer"})
HOST_RULE = (
    "hosts, co-hosts, panelists and organizers count like any participant when they are "
    "registered; a host account that matches no registrant is listed and not counted"
)


class OnlineReportError(ImportFileError):
    """A report that cannot be imported as it is; :attr:`reason` is a stable code for scripts
    (``unreadable``, ``too_large``, ``not_a_report``, ``no_join_times``, ``bad_row``,
    ``no_participants``, ``wrong_day``)."""

    def __init__(
        self, path: str | Path, reason: str, problem: str, advice: str, *, row: int | None = None
    ) -> None:
        super().__init__(path, problem, advice, row=row)
        self.reason = reason

    def __reduce__(self) -> tuple[object, tuple[str, str, str, str, int | None]]:  # type: ignore[override]
        return (_rebuild, (self.path, self.reason, self.problem, self.advice, self.row))


def _rebuild(
    path: str, reason: str, problem: str, advice: str, row: int | None
) -> OnlineReportError:
    return OnlineReportError(path, reason, problem, advice, row=row)


@dataclass(frozen=True, slots=True)
class OnlineJoin:
    """One join/leave session of one participant, as the report gives it."""

    row: int
    name: str
    email: str
    joined: datetime  # aware
    left: datetime | None
    seconds: int
    role: str = ""  # "" for a participant; "host", "co-host", "panelist", "organizer"…

    @property
    def host(self) -> bool:
        return self.role in HOST_ROLES


@dataclass(frozen=True, slots=True)
class OnlineReport:
    platform: str  # "zoom", "teams" or "meet"
    layout: str  # e.g. "zoom-webinar", "teams-2020"
    meeting: str
    joins: list[OnlineJoin]
    absent: int = 0  # webinar registrants the report lists as not attended


# ---------------------------------------------------------------------------------------------
# Times and durations

_MDY = (
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y %H:%M",
    "%m/%d/%y, %I:%M:%S %p",
    "%m/%d/%y, %H:%M:%S",
    "%m/%d/%Y, %I:%M:%S %p",
    "%m/%d/%Y, %H:%M:%S",
    "%m/%d/%y %I:%M %p",
    "%m/%d/%y %H:%M",
)
_DMY = (
    "%d/%m/%Y %I:%M:%S %p",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%y, %I:%M:%S %p",
    "%d/%m/%y, %H:%M:%S",
    "%d/%m/%Y, %H:%M:%S",
    "%d/%m/%Y, %I:%M:%S %p",
    "%d/%m/%y %H:%M",
)
_FIXED = (
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y, %H:%M:%S",
    "%d.%m.%y, %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%Y-%m-%d, %H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%b %d, %Y %H:%M:%S",
    "%b %d, %Y %I:%M:%S %p",
    "%b %d, %Y %I:%M %p",
    "%b %d, %Y, %I:%M:%S %p",  # Meet's "First Seen": "Sep 29, 2026, 9:55:02 AM"
    "%b %d, %Y, %I:%M %p",
    "%b %d, %Y, %H:%M:%S",
    "%b %d, %Y %H:%M",
    "%d %b %Y %H:%M:%S",
)
_CLOCK = ("%I:%M:%S %p", "%I:%M %p", "%H:%M:%S", "%H:%M")


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u202f", " ").replace("\u00a0", " ")).strip()


def _try(text: str, formats: Iterable[str]) -> datetime | None:
    for fmt in formats:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None


class _Times:
    """Report times of one file, read with one day/month order for the whole file."""

    def __init__(self, texts: Iterable[str], zone: ZoneInfo, day: date, file_day: date | None):
        self.zone = zone
        self.file_day = file_day
        ambiguous = [t for t in (_normal(t) for t in texts) if t and self._fixed(t) is None]
        mdy = all(_try(t, _MDY) for t in ambiguous)
        dmy = all(_try(t, _DMY) for t in ambiguous)
        if mdy and dmy:
            on_day = {
                order: sum(1 for t in ambiguous if (v := _try(t, fmts)) and v.date() == day)
                for order, fmts in (("mdy", _MDY), ("dmy", _DMY))
            }
            dmy = on_day["dmy"] > on_day["mdy"]
            mdy = not dmy
        self.order = _MDY if mdy or not dmy else _DMY

    def _fixed(self, text: str) -> datetime | None:
        try:
            value = datetime.fromisoformat(text)
            return value if value.tzinfo else value.replace(tzinfo=self.zone)
        except ValueError:
            pass
        found = _try(text, _FIXED)
        if found is None and self.file_day is not None:
            clock = _try(text, _CLOCK)
            if clock is not None:
                found = datetime.combine(self.file_day, clock.time())
        return found.replace(tzinfo=self.zone) if found is not None else None

    def read(self, text: str) -> datetime | None:
        text = _normal(text)
        if not text or text == "--":
            return None
        found = self._fixed(text)
        if found is not None:
            return found
        value = _try(text, self.order)
        return value.replace(tzinfo=self.zone) if value is not None else None


def parse_report_time(text: str, zone: ZoneInfo, day: date) -> datetime | None:
    """One report time on its own; when day and month could be swapped, the reading on ``day``
    wins."""
    return _Times([text], zone, day, None).read(text)


_UNITS = {
    "h": 3600,
    "hr": 3600,
    "hrs": 3600,
    "hour": 3600,
    "hours": 3600,
    "m": 60,
    "min": 60,
    "mins": 60,
    "minute": 60,
    "minutes": 60,
    "s": 1,
    "sec": 1,
    "secs": 1,
    "second": 1,
    "seconds": 1,
}


def _duration(text: str) -> int | None:
    """Seconds of a duration: Teams "1h 2m 3s", Meet "1 hr 5 min", a clock "01:02:03"."""
    text = _normal(text).lower()
    if not text:
        return None
    if re.fullmatch(r"\d+:\d{2}:\d{2}", text):
        h, m, s = (int(p) for p in text.split(":"))
        return h * 3600 + m * 60 + s
    parts = re.findall(r"(\d+)\s*([a-z]+)", text)
    whole = re.fullmatch(r"(?:\d+\s*[a-z]+\s*)+", text)
    if parts and whole and all(unit in _UNITS for _, unit in parts):
        return sum(int(n) * _UNITS[unit] for n, unit in parts)
    return None


# ---------------------------------------------------------------------------------------------
# Reading


@dataclass(frozen=True, slots=True)
class _Raw:
    """A participant row before its times are read."""

    row: int
    name: str
    email: str
    joined: str
    left: str
    seconds: int | None  # from a duration column, if the layout has one
    role: str = ""


def _columns(header: Sequence[str]) -> list[str]:
    return [_normal(h).lower() for h in header]


def _column(header: Sequence[str], *names: str, start: int = 0) -> int | None:
    lowered = _columns(header)
    for name in names:
        for i in range(start, len(lowered)):
            h = lowered[i]
            if h == name or h.startswith(name + " ("):
                return i
    return None


def _cell(row: Sequence[str], index: int | None) -> str:
    return clean(row[index]) if index is not None and index < len(row) else ""


def _blank(row: Sequence[str]) -> bool:
    return not any(c.strip() for c in row)


def read_online_report(
    path: Path, day: date, timezone: str, data: bytes | None = None
) -> OnlineReport:
    """Read a Zoom, Teams or Google Meet participant report (recognised from its content)."""
    if data is None:
        data = _read_bytes(path)
    try:
        text, _encoding = decode_text(data, str(path))
    except ImportFileError as exc:
        reason = "bad_encoding"
        raise OnlineReportError(path, reason, exc.problem, exc.advice, row=exc.row) from None
    text = text.lstrip("\ufeff")
    head = text[:20000]
    delimiter = "\t" if head.count("\t") > head.count(",") else ","
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise OnlineReportError(
            path, "not_a_report", f"the file is not readable as CSV ({exc})",
            "import the report as the platform exported it",
        ) from None  # fmt: skip
    for number, row in enumerate(rows, start=1):
        if any(len(cell) > MAX_CELL_CHARS for cell in row):
            raise OnlineReportError(
                path, "too_large", f"a cell holds more than {MAX_CELL_CHARS:,} characters",
                "a participant report has short cells: import the report as exported",
                row=number,
            )  # fmt: skip
    zone = ZoneInfo(timezone)
    lowered = [_columns(r) for r in rows]
    firsts = [r[0] if r else "" for r in lowered]
    if any(_columns(r)[:3] == ["full name", "user action", "timestamp"] for r in rows[:5]):
        return _read_teams_2020(path, rows, zone, day)
    if any(re.fullmatch(r"(?:\d+\.\s*)?(?:meeting )?summary", f) for f in firsts[:3]) or any(
        re.fullmatch(r"\d+\.\s*(participants|in-meeting activities)", f) for f in firsts
    ):
        return _read_teams(path, rows, zone, day)
    if any(f in _WEBINAR_SECTIONS for f in firsts) or (firsts and firsts[0] == "attendee report"):
        return _read_zoom_webinar(path, rows, zone, day)
    for i, cells in enumerate(lowered[:50]):
        if "join time" in cells and any(c.startswith("name (original name)") for c in cells):
            if "topic" in cells:
                return _read_zoom_flat(path, rows, i, zone, day)
            return _read_zoom(path, rows, i, zone, day)
        if "join time" in cells and cells and cells[0] in ("name", "participant", "user name"):
            return _read_zoom(path, rows, i, zone, day)
    for i, cells in enumerate(lowered[:50]):
        if _meet_header(cells):
            return _read_meet(path, rows, i, zone, day)
    raise _unrecognised(path)


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_REPORT_BYTES:
            raise OnlineReportError(
                path,
                "too_large",
                f"the file is {size // (1024 * 1024)} MB; a participant report is far smaller",
                "check that this is the report exported from Zoom, Teams or Google Meet",
            )
        return path.read_bytes()
    except OSError as exc:
        raise OnlineReportError(
            path,
            "unreadable",
            f"cannot read the file ({exc.strerror or exc})",
            "check the path and try again",
        ) from exc


def _unrecognised(path: Path) -> OnlineReportError:
    return OnlineReportError(
        path,
        "not_a_report",
        "this is not a participant report Kiosk knows (no name and join-time columns found)",
        "export the participant report from Zoom (Reports > Usage > Participants, or the "
        "webinar's attendee report), the attendance report from Teams, or the attendance "
        "report Google Meet sends (saved as CSV), and import that file unchanged",
    )


def _bad_row(path: Path, number: int, platform: str) -> OnlineReportError:
    return OnlineReportError(
        path,
        "bad_row",
        "a participant row without a name or a readable join time",
        f"import the report as {platform} exported it",
        row=number,
    )


def _finish(
    path: Path,
    raws: list[_Raw],
    zone: ZoneInfo,
    day: date,
    platform: str,
    *,
    file_day: date | None = None,
) -> list[OnlineJoin]:
    times = _Times([t for r in raws for t in (r.joined, r.left)], zone, day, file_day)
    joins: list[OnlineJoin] = []
    for raw in raws:
        joined = times.read(raw.joined)
        if not raw.name or joined is None:
            raise _bad_row(path, raw.row, PLATFORM_NAMES[platform])
        left = times.read(raw.left)
        seconds = raw.seconds
        if seconds is None:
            seconds = int((left - joined).total_seconds()) if left else 0
        joins.append(
            OnlineJoin(
                raw.row, raw.name, raw.email.lower(), joined, left, max(seconds, 0), raw.role
            )
        )
    return joins


def _minutes(text: str) -> int | None:
    text = text.strip()
    return int(text) * 60 if text.isdigit() else None


def _zoom_raw(
    number: int, row: Sequence[str], header: Sequence[str], first: int, host_email: str
) -> _Raw:
    """A participant row; its columns are searched in ``header`` from column ``first`` on."""
    name_at = _column(
        header, "name (original name)", "name", "participant", "user name", start=first
    )
    email = _cell(row, _column(header, "user email", "email", start=first)).lower()
    left = _cell(row, _column(header, "leave time", start=first))
    minutes = _minutes(_cell(row, _column(header, "duration (minutes)", "duration", start=first)))
    return _Raw(
        number,
        _cell(row, name_at),
        email,
        _cell(row, _column(header, "join time", start=first)),
        left,
        None if left else minutes,
        "host" if host_email and email == host_email else "",
    )


def _read_zoom(
    path: Path, rows: list[list[str]], start: int, zone: ZoneInfo, day: date
) -> OnlineReport:
    meeting, host_email = "", ""
    for i, row in enumerate(rows[:start]):
        cells = _columns(row)
        if "topic" in cells and i + 1 < len(rows):
            meeting = _cell(rows[i + 1], cells.index("topic"))
            host_email = _cell(rows[i + 1], _column(row, "user email", "host email")).lower()
    layout = "zoom-meeting" if meeting else "zoom-participants"
    raws = [
        _zoom_raw(number, row, rows[start], 0, host_email)
        for number, row in enumerate(rows[start + 1 :], start=start + 2)
        if not _blank(row)
    ]
    return OnlineReport("zoom", layout, meeting, _finish(path, raws, zone, day, "zoom"))


def _read_zoom_flat(
    path: Path, rows: list[list[str]], start: int, zone: ZoneInfo, day: date
) -> OnlineReport:
    """One header row: the meeting's columns first (its host in the first User Email), then the
    participant's, from "Name (Original Name)" on."""
    header = rows[start]
    first = next(i for i, c in enumerate(_columns(header)) if c.startswith("name (original name)"))
    topic_at = _column(header, "topic")
    host_at = _column(header[:first], "user email", "host email")
    raws: list[_Raw] = []
    meeting = ""
    for number, row in enumerate(rows[start + 1 :], start=start + 2):
        if _blank(row):
            continue
        meeting = meeting or _cell(row, topic_at)
        raws.append(_zoom_raw(number, row, header, first, _cell(row, host_at).lower()))
    return OnlineReport(
        "zoom", "zoom-meeting-flat", meeting, _finish(path, raws, zone, day, "zoom")
    )


_WEBINAR_SECTIONS = {
    "host details": "host",
    "panelist details": "panelist",
    "attendee details": "",
    "other attended": "",
    "other details": "",  # the title in reports of 2020
}


def _read_zoom_webinar(
    path: Path, rows: list[list[str]], zone: ZoneInfo, day: date
) -> OnlineReport:
    meeting = ""
    role: str | None = None
    header: list[str] | None = None
    raws: list[_Raw] = []
    absent = 0
    for number, row in enumerate(rows, start=1):
        cells = _columns(row)
        first = cells[0] if cells else ""
        if "topic" in cells and number < len(rows) and not meeting:
            meeting = _cell(rows[number], cells.index("topic"))
            continue
        if first in _WEBINAR_SECTIONS and len([c for c in cells if c]) == 1:
            role, header = _WEBINAR_SECTIONS[first], None
            continue
        if role is None or _blank(row):
            continue
        if header is None:
            header = row
            continue
        attended = _cell(row, _column(header, "attended")).lower()
        join_text = _cell(row, _column(header, "join time"))
        if attended == "no" or join_text in ("", "--"):
            absent += attended == "no"
            continue
        left = _cell(row, _column(header, "leave time"))
        seconds = _minutes(_cell(row, _column(header, "time in session (minutes)")))
        # Attendee Details of 2020 reports have only "First Name" and "Last Name".
        name = _cell(row, _column(header, "user name (original name)", "user name", "name")) or (
            f"{_cell(row, _column(header, 'first name'))} "
            f"{_cell(row, _column(header, 'last name'))}".strip()
        )
        raws.append(
            _Raw(
                number,
                name,
                _cell(row, _column(header, "email")),
                join_text,
                left,
                None if left else seconds,
                role,
            )
        )
    if header is None and not raws:
        raise _unrecognised(path)
    joins = _finish(path, raws, zone, day, "zoom")
    return OnlineReport("zoom", "zoom-webinar", meeting, joins, absent)


_TEAMS_HEADING = re.compile(
    r"(?:\d+\.\s*)?(meeting summary|summary|participants|in-meeting activities)", re.IGNORECASE
)


def _read_teams(path: Path, rows: list[list[str]], zone: ZoneInfo, day: date) -> OnlineReport:
    meeting = ""
    sections: dict[str, tuple[list[str], list[tuple[int, list[str]]]]] = {}
    current: str | None = None
    expect_header = False
    for number, row in enumerate(rows, start=1):
        first = row[0].strip() if row else ""
        if _blank(row):
            current = None
            continue
        heading = _TEAMS_HEADING.fullmatch(first)
        if heading and len([c for c in row if c.strip()]) == 1:
            current = heading.group(1).lower().removeprefix("meeting ")
            expect_header = current != "summary"
            continue
        if current == "summary":
            if first.lower() in ("meeting title", "title") and len(row) > 1:
                meeting = clean(row[1])
            continue
        if current is None:
            cells = _columns(row)
            if any(c in ("name", "full name") for c in cells) and "join time" in cells:
                # 2021: the participants' header follows the summary block with no heading.
                current, expect_header = "participants", True
            else:
                continue
        if expect_header:
            sections[current] = (row, [])
            expect_header = False
            continue
        sections[current][1].append((number, row))
    part = sections.get("in-meeting activities") or sections.get("participants")
    if part is None:
        raise _unrecognised(path)
    header, body = part
    layout = (
        "teams-2022"
        if "in-meeting activities" in sections
        or any(_columns(header)[i] == "first join" for i in range(len(header)))
        else "teams-2021"
    )
    name_at = _column(header, "name", "full name")
    join_at = _column(header, "join time", "first join")
    leave_at = _column(header, "leave time", "last leave")
    duration_at = _column(header, "duration", "in-meeting duration")
    email_at = _column(header, "email", "participant id (upn)")
    role_at = _column(header, "role")
    if name_at is None or join_at is None:
        raise _unrecognised(path)
    raws = [
        _Raw(
            number,
            _cell(row, name_at),
            _cell(row, email_at),
            _cell(row, join_at),
            _cell(row, leave_at),
            _duration(_cell(row, duration_at)),
            _teams_role(_cell(row, role_at)),
        )
        for number, row in body
    ]
    return OnlineReport("teams", layout, meeting, _finish(path, raws, zone, day, "teams"))


def _teams_role(text: str) -> str:
    role = text.strip().lower()
    if role in ("organizer", "organiser", "presenter (organizer)"):
        return "organizer"
    if role in ("co-organizer", "co-organiser"):
        return "co-organizer"
    return role if role in ("presenter", "attendee") else ""


def _read_teams_2020(path: Path, rows: list[list[str]], zone: ZoneInfo, day: date) -> OnlineReport:
    """Join and leave events, one per row; each join is paired with the person's next leave."""
    start = next(i for i, r in enumerate(rows) if _columns(r)[:1] == ["full name"])
    events = [(n, r) for n, r in enumerate(rows[start + 1 :], start=start + 2) if not _blank(r)]
    times = _Times([_cell(r, 2) for _, r in events], zone, day, None)
    parsed: list[tuple[int, str, str, datetime]] = []
    for number, row in events:
        name, action, when = _cell(row, 0), _cell(row, 1).lower(), times.read(_cell(row, 2))
        if not name or when is None or not action.startswith(("joined", "left")):
            raise _bad_row(path, number, "Teams")
        parsed.append((number, name, "left" if action.startswith("left") else "joined", when))
    end = max((when for *_, when in parsed), default=None)
    open_: dict[str, tuple[int, datetime]] = {}
    joins: list[OnlineJoin] = []
    for number, name, action, when in sorted(parsed, key=lambda p: (p[3], p[0])):
        if action == "joined":
            open_.setdefault(name, (number, when))
        elif name in open_:
            first_row, joined = open_.pop(name)
            seconds = int((when - joined).total_seconds())
            joins.append(OnlineJoin(first_row, name, "", joined, when, seconds))
    for name, (first_row, joined) in open_.items():
        seconds = int((end - joined).total_seconds()) if end else 0
        joins.append(OnlineJoin(first_row, name, "", joined, None, seconds))
    joins.sort(key=lambda j: j.row)
    return OnlineReport("teams", "teams-2020", "", joins)


_MEET_NAME = ("full name", "name", "participant name", "participant", "display name")
_MEET_JOIN = ("time joined", "joined at", "first seen", "joined", "join time")
_MEET_LEAVE = ("time exited", "exited at", "last seen", "left at", "leave time")


def _meet_header(cells: list[str]) -> bool:
    has_name = any(c in _MEET_NAME for c in cells) or {"first name", "last name"} <= set(cells)
    meetish = {
        "time joined",
        "time exited",
        "first seen",
        "last seen",
        "time in call",
        "duration",
        "joined at",
        "exited at",
    }
    # Meet's newer report has no e-mail column ("Full Name, First Seen, Time in Call"): a name
    # with Meet's own join or time-in-call titles is enough.
    own = {"time joined", "first seen", "time in call"}
    return has_name and (
        bool(own & set(cells))
        or (len(meetish & set(cells)) >= 1 and ("email" in cells or "participant email" in cells))
    )


def _read_meet(
    path: Path, rows: list[list[str]], start: int, zone: ZoneInfo, day: date
) -> OnlineReport:
    header = rows[start]
    join_at = _column(header, *_MEET_JOIN)
    if join_at is None:
        raise OnlineReportError(
            path,
            "no_join_times",
            "this Google Meet report has no join times, so the day it covers cannot be checked",
            "download the attendance report Meet sends to the organizer after the meeting "
            "(it has 'Time joined' and 'Time exited'), as CSV, and import that file",
        )
    name_at = _column(header, *_MEET_NAME)
    first_at, last_at = _column(header, "first name"), _column(header, "last name")
    email_at = _column(header, "email", "participant email")
    leave_at = _column(header, *_MEET_LEAVE)
    duration_at = _column(header, "duration", "time in call")
    named = re.match(r"(\d{4}-\d{2}-\d{2})[ _]\d{2}[-.]\d{2}", path.name)
    file_day = date.fromisoformat(named.group(1)) if named else None
    # The newer report starts with lines such as "*,Meeting code: abc-defg-hij" and
    # "*,Created on 2026-09-29 09:52:10": the day of clock-only times, and the meeting.
    code = ""
    for row in rows[:start]:
        line = " ".join(c.strip() for c in row if c.strip() not in ("", "*"))
        created = re.match(r"(?i)created (?:on|at)\b\W*(\d{4}-\d{2}-\d{2})", line)
        if created and file_day is None:
            file_day = date.fromisoformat(created.group(1))
        coded = re.match(r"(?i)meeting code\W+(\S+)", line)
        if coded:
            code = coded.group(1)
    raws = []
    for number, row in enumerate(rows[start + 1 :], start=start + 2):
        if _blank(row):
            continue
        name = _cell(row, name_at) or f"{_cell(row, first_at)} {_cell(row, last_at)}".strip()
        raws.append(
            _Raw(
                number,
                name,
                _cell(row, email_at),
                _cell(row, join_at),
                _cell(row, leave_at),
                _duration(_cell(row, duration_at)),
            )
        )
    meeting = (path.stem[17:].strip() if named else "") or code
    joins = _finish(path, raws, zone, day, "meet", file_day=file_day)
    return OnlineReport("meet", "meet-attendance", meeting, joins)


# ---------------------------------------------------------------------------------------------
# Matching and storing

_TAGS = re.compile(
    r"\s*\((?:guest|external|extern|ext|unverified|invité|gast|oaspete|гост|host|co-host|"
    r"panelist|organizer|organiser)\)\s*$",
    re.IGNORECASE,
)
_PARENS = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$")


def _spellings(name: str) -> list[str]:
    name = clean(name)
    while True:
        stripped = _TAGS.sub("", name)
        if stripped == name:
            break
        name = stripped
    match = _PARENS.match(name)
    return [match.group(1), match.group(2)] if match else [name]


def name_keys(name: str) -> list[str]:
    """Folded, order-free keys of a participant's display name: "Ioan Ștefănescu (Guest)" ->
    ["ioan stefanescu"]; Zoom's "Петър Стоянов (Petar Stoyanov)" gives both spellings."""
    keys = []
    for spelling in _spellings(name):
        words = sorted(re.findall(r"[0-9a-z]+", fold(spelling)))
        if len(words) >= 2:
            keys.append(" ".join(words))
    return keys


def loose_keys(name: str) -> list[str]:
    """Order-free cross-script keys (:func:`kiosk.core.identity.name_key`) of each spelling."""
    keys = []
    for spelling in _spellings(name):
        key = name_key(spelling)
        if key.count(" ") >= 1:
            keys.append(key)
    return keys


@dataclass(frozen=True, slots=True)
class Unmatched:
    name: str
    email: str
    sessions: int
    minutes: int


@dataclass(frozen=True, slots=True)
class Host:
    """A host, co-host, panelist or organizer of the meeting and what became of them."""

    name: str
    email: str
    role: str
    counted: bool  # matched to a registrant, so counted as attending
    code: str = ""  # the registrant's ticket code when counted


@dataclass
class OnlineImportResult:
    platform: str
    layout: str
    meeting: str
    day: date
    sessions: int = 0  # in the file
    added: int = 0  # new sessions stored
    already: int = 0  # stored by an earlier import of the same report
    matched: dict[str, int] = field(default_factory=dict)  # people by how they were matched
    hosts: list[Host] = field(default_factory=list)
    unmatched: list[Unmatched] = field(default_factory=list)
    absent: int = 0  # webinar registrants who did not attend (not stored)
    forced_day: bool = False
    other_days: list[date] = field(default_factory=list)  # join days other than ``day``

    @property
    def people(self) -> int:
        return sum(self.matched.values())

    def as_dict(self) -> dict[str, object]:
        """Plain JSON-ready data."""
        return {
            "ok": True,
            "platform": self.platform,
            "layout": self.layout,
            "meeting": self.meeting,
            "day": self.day.isoformat(),
            "sessions": self.sessions,
            "added": self.added,
            "already": self.already,
            "people_matched": self.people,
            "matched": {k: self.matched.get(k, 0) for k in ("email", "name", "organizer")},
            "hosts": [
                {
                    "name": h.name,
                    "email": h.email,
                    "role": h.role,
                    "counted": h.counted,
                    "code": h.code,
                }
                for h in self.hosts
            ],
            "host_rule": HOST_RULE,
            "unmatched": [
                {"name": u.name, "email": u.email, "sessions": u.sessions, "minutes": u.minutes}
                for u in self.unmatched
            ],
            "absent_registrants": self.absent,
            "forced_day": self.forced_day,
            "other_days": [d.isoformat() for d in self.other_days],
        }


class _Index:
    """Active registrants by e-mail, by folded name and by loose name (a key two registrants
    share points to nobody)."""

    def __init__(self, db: Database) -> None:
        self.by_email: dict[str, str] = {}
        self.by_name: dict[str, str | None] = {}
        self.by_loose: dict[str, str | None] = {}
        self.codes: dict[str, str] = {}
        for r in store.active_registrants(db):
            self.codes[r.uid] = r.code
            if r.email:
                self.by_email.setdefault(r.email.lower(), r.uid)
            full = f"{r.first_name} {r.last_name}"
            for key in name_keys(full):
                _add(self.by_name, key, r.uid)
            for key in loose_keys(full):
                _add(self.by_loose, key, r.uid)

    def find(self, join: OnlineJoin) -> tuple[str | None, str]:
        if join.email and join.email in self.by_email:
            return self.by_email[join.email], "email"
        for table, keys in ((self.by_name, name_keys), (self.by_loose, loose_keys)):
            for key in keys(join.name):
                uid = table.get(key)
                if uid:
                    return uid, "name"
        return None, ""


def _add(table: dict[str, str | None], key: str, uid: str) -> None:
    table[key] = None if key in table and table[key] != uid else uid


def _wrong_day(path: Path, day: date, found: list[date]) -> OnlineReportError:
    days = ", ".join(d.isoformat() for d in found)
    right = found[0].isoformat() if len(found) == 1 else "the day of the meeting"
    return OnlineReportError(
        path,
        "wrong_day",
        f"the join times in this report are on {days}, not on {day.isoformat()}",
        f"import it with --day {right}; if it really belongs to {day.isoformat()} (a meeting "
        "past midnight), add --force-day",
    )


def import_online(
    db: Database, path: Path, day: date, *, force_day: bool = False
) -> OnlineImportResult:
    """Import a participant report for ``day`` in one transaction; safe to repeat.

    Everything is read, checked and matched before the transaction starts; nothing is stored
    when the report is refused.
    """
    info = event_info(db)
    zone = ZoneInfo(info.timezone)
    data = _read_bytes(path)
    report = read_online_report(path, day, info.timezone, data)
    if not report.joins:
        raise OnlineReportError(
            path,
            "no_participants",
            "the report lists no one who joined",
            "check that it is the report of the right meeting",
        )
    other = sorted({j.joined.astimezone(zone).date() for j in report.joins} - {day})
    if other and not force_day:
        raise _wrong_day(path, day, other)
    digest = hashlib.sha256(data).hexdigest()
    index = _Index(db)
    decided = store.earlier_decisions(db)
    result = OnlineImportResult(
        report.platform,
        report.layout,
        report.meeting,
        day,
        len(report.joins),
        absent=report.absent,
        forced_day=bool(other),
        other_days=other,
    )
    people: dict[str, str] = {}
    hosts: dict[tuple[str, str], Host] = {}
    pending: dict[tuple[str, str], list[OnlineJoin]] = {}
    rows: list[store.StoredSession] = []
    codes_of = index.codes
    for join in report.joins:
        key = (join.name, join.email)
        earlier = decided.get(key)
        ignored = False
        if earlier is not None:
            uid, how, ignored = earlier
        else:
            uid, how = index.find(join)
        if uid is None and not ignored and join.host:
            how, ignored = "host", True
        if uid is not None:
            people.setdefault(uid, how)
        elif not ignored:
            pending.setdefault(key, []).append(join)
        if join.host:
            hosts.setdefault(
                key,
                Host(
                    join.name, join.email, join.role, uid is not None, codes_of.get(uid or "", "")
                ),
            )
        rows.append(
            store.StoredSession(
                day.isoformat(),
                report.platform,
                report.meeting,
                join.name,
                join.email,
                to_utc_iso(join.joined),
                to_utc_iso(join.left) if join.left else None,
                join.seconds,
                uid,
                how,
                ignored,
            )
        )
    now = to_utc_iso(datetime.now(UTC))
    with db.write() as conn:
        result.added = store.insert_sessions(conn, rows, digest, now)
    result.already = len(rows) - result.added
    counts: dict[str, int] = {}
    for how in people.values():
        counts[how] = counts.get(how, 0) + 1
    result.matched = counts
    result.hosts = list(hosts.values())
    result.unmatched = [
        Unmatched(name, email, len(js), round(sum(j.seconds for j in js) / 60))
        for (name, email), js in sorted(pending.items())
    ]
    return result


def unmatched(db: Database, day: date) -> list[Unmatched]:
    """Participants of ``day`` not yet matched to a registrant nor ignored (hosts excluded)."""
    return [
        Unmatched(p.name, p.email, p.sessions, round(p.seconds / 60))
        for p in store.pending(db, day.isoformat())
    ]


class ResolveError(Exception):
    """The participant or the registrant named does not exist; the message says what to do."""


def resolve(
    db: Database,
    day: date,
    name: str,
    *,
    email: str | None = None,
    attendee_code: str | None = None,
    add: bool = False,
    ignore: bool = False,
    category: str = "participant",
    country: str = "",
    organization: str = "",
) -> str | None:
    """Settle an unmatched participant of ``day``: link to a registrant (``attendee_code``),
    add as a new online-only attendee (``add``) or ``ignore``. Returns the attendee's code."""
    if [attendee_code is not None, add, ignore].count(True) != 1:
        raise ResolveError("choose exactly one of: a registrant's code, add, or ignore")
    day_text, name = day.isoformat(), clean(name)
    email = email.lower() if email is not None else None
    emails = store.pending_emails(db, day_text, name, email)
    if not emails:
        raise ResolveError(
            f"no unmatched online participant '{name}' on {day_text} — see "
            f"'kiosk online unmatched --day {day_text}' for the names to resolve"
        )
    with db.write() as conn:
        if ignore:
            store.ignore_pending(conn, day_text, name, email)
            return None
        if attendee_code is not None:
            person = attendees.find_by_code(conn, attendee_code)
            if person is None:
                raise ResolveError(
                    f"no registrant has the code {attendee_code} — find it with 'kiosk search'"
                )
            uid, code = person.uid, person.code
        else:
            first, _, last = _spellings(name)[0].rpartition(" ")
            if not first:
                first, last = last, ""
            code = codes.generate(attendees.all_codes(conn))
            uid = attendees.new_uid()
            attendees.insert_many(
                conn,
                [
                    NewAttendee(
                        code,
                        first,
                        last,
                        organization,
                        country,
                        emails[0],
                        category=category,
                        days=frozenset({day}),
                        origin="online",
                        source="online",
                        uid=uid,
                    )
                ],
                to_utc_iso(datetime.now(UTC)),
            )
        store.link_pending(conn, day_text, name, email, uid)
    return code
