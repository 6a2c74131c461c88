"""Online attendance: Zoom and Microsoft Teams participant reports, matched to registrants.

* Zoom "Participants" export: UTF-8 CSV, comma; optionally a meeting block (header + one row)
  and a blank line before the participant block; one row per join/leave session.
* Teams attendance report (2022+ layout): UTF-16 with BOM, tab-separated, sections
  "1. Summary", "2. Participants", "3. In-Meeting Activities"; durations like "1h 2m 3s",
  times like "9/29/26, 9:50:00 AM" (the locale decides the order of day and month).

Columns are found by header, so extra or reordered columns do not matter. Times without an
offset are read in the event's time zone; of the date orders that parse, the one that puts the
sessions on the imported day wins. People are matched by e-mail, then by name with
transliteration and diacritics folded away ("Petar Stoyanov" is "Петър Стоянов", "Ioan Stefanescu"
is "Ioan Ștefănescu"); the rest are listed for the organizer to resolve. Re-importing a report
adds nothing: each session is keyed by day, platform, name, e-mail and join time.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.core import codes
from kiosk.core.text import clean, fold
from kiosk.core.timeutil import to_utc_iso
from kiosk.importing.detect import decode_text
from kiosk.importing.errors import ImportFileError
from kiosk.storage import attendees
from kiosk.storage.attendees import NewAttendee
from kiosk.storage.database import Database
from kiosk.storage.events import event_info


@dataclass(frozen=True, slots=True)
class OnlineJoin:
    """One join/leave session of one participant, as the report gives it."""

    row: int
    name: str
    email: str
    joined: datetime  # aware
    left: datetime | None
    seconds: int
    host: bool = False  # the meeting's organizer/host: not an attendee


@dataclass(frozen=True, slots=True)
class OnlineReport:
    platform: str  # "zoom" or "teams"
    meeting: str
    joins: list[OnlineJoin]


# ---------------------------------------------------------------------------------------------
# Reading


_TIME_FORMATS = (
    "%m/%d/%Y %I:%M:%S %p",
    "%d/%m/%Y %I:%M:%S %p",
    "%m/%d/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M:%S",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y %H:%M",
    "%d/%m/%Y %H:%M",
    "%m/%d/%y, %I:%M:%S %p",
    "%d/%m/%y, %I:%M:%S %p",
    "%m/%d/%y, %H:%M:%S",
    "%d/%m/%y, %H:%M:%S",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y, %H:%M:%S",
    "%d.%m.%y, %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%Y-%m-%d, %H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
)


def parse_report_time(text: str, zone: ZoneInfo, day: date) -> datetime | None:
    """A report time; when day and month could be swapped, the reading on ``day`` wins."""
    text = text.strip().replace("\u202f", " ")
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text)
        return value if value.tzinfo else value.replace(tzinfo=zone)
    except ValueError:
        pass
    found: list[datetime] = []
    for fmt in _TIME_FORMATS:
        try:
            found.append(datetime.strptime(text, fmt).replace(tzinfo=zone))
        except ValueError:
            continue
    if not found:
        return None
    for value in found:
        if value.date() == day:
            return value
    return found[0]


_DURATION = re.compile(r"^\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s)?\s*$")


def _duration(text: str) -> int | None:
    """Seconds of a Teams duration ("1h 2m 3s", "39m 37s") or a clock "01:02:03"."""
    text = text.strip()
    if not text:
        return None
    if re.fullmatch(r"\d+:\d{2}:\d{2}", text):
        h, m, s = (int(p) for p in text.split(":"))
        return h * 3600 + m * 60 + s
    match = _DURATION.match(text)
    if match and any(match.groups()):
        h, m, s = (int(g or 0) for g in match.groups())
        return h * 3600 + m * 60 + s
    return None


def _column(header: list[str], *names: str) -> int | None:
    lowered = [h.strip().lower() for h in header]
    for name in names:
        for i, h in enumerate(lowered):
            if h == name or h.startswith(name + " ("):
                return i
    return None


def _cell(row: list[str], index: int | None) -> str:
    return clean(row[index]) if index is not None and index < len(row) else ""


def read_online_report(path: Path, day: date, timezone: str) -> OnlineReport:
    """Read a Zoom or Teams participant report (the format is recognised from its content)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(
            path, f"cannot read the file ({exc.strerror or exc})", "check the path and try again"
        ) from exc
    text, _encoding = decode_text(data, str(path))
    text = text.lstrip("\ufeff")
    delimiter = "\t" if text.count("\t") > text.count(",") else ","
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    zone = ZoneInfo(timezone)
    if any(r and r[0].strip().lower() in ("2. participants", "participants") for r in rows) or (
        rows and rows[0] and rows[0][0].strip().lower() in ("1. summary", "meeting summary")
    ):
        return _read_teams(path, rows, zone, day)
    return _read_zoom(path, rows, zone, day)


def _unrecognised(path: Path) -> ImportFileError:
    return ImportFileError(
        path,
        "this is not a Zoom participants report or a Teams attendance report (no 'Name' and "
        "'Join Time' columns found)",
        "export the participant report from Zoom (Reports > Usage > Participants) or the "
        "attendance report from Teams, and import that file unchanged",
    )


def _read_zoom(path: Path, rows: list[list[str]], zone: ZoneInfo, day: date) -> OnlineReport:
    meeting, host_email = "", ""
    start = None
    for i, row in enumerate(rows):
        cells = [c.strip().lower() for c in row]
        if "topic" in cells and i + 1 < len(rows):
            meeting = _cell(rows[i + 1], cells.index("topic"))
            email_at = _column(row, "user email", "host email")
            host_email = _cell(rows[i + 1], email_at).lower()
        if (
            cells
            and cells[0].startswith(("name (original name)", "name", "participant"))
            and (_column(row, "join time") is not None)
        ):
            start = i
            break
    if start is None:
        raise _unrecognised(path)
    header = rows[start]
    name_at = _column(header, "name (original name)", "name", "participant")
    email_at = _column(header, "user email", "email")
    join_at = _column(header, "join time")
    leave_at = _column(header, "leave time")
    minutes_at = _column(header, "duration (minutes)", "duration")
    joins: list[OnlineJoin] = []
    for number, row in enumerate(rows[start + 1 :], start=start + 2):
        if not any(c.strip() for c in row):
            continue
        name = _cell(row, name_at)
        joined = parse_report_time(_cell(row, join_at), zone, day)
        if not name or joined is None:
            raise ImportFileError(
                path,
                "a participant row without a name or a readable join time",
                "import the report as Zoom exported it",
                row=number,
            )
        left = parse_report_time(_cell(row, leave_at), zone, day)
        seconds = int((left - joined).total_seconds()) if left else 0
        if not left:
            minutes = _cell(row, minutes_at)
            seconds = int(minutes) * 60 if minutes.isdigit() else 0
        email = _cell(row, email_at).lower()
        joins.append(
            OnlineJoin(
                number,
                name,
                email,
                joined,
                left,
                max(seconds, 0),
                bool(email) and email == host_email,
            )
        )
    return OnlineReport("zoom", meeting, joins)


def _read_teams(path: Path, rows: list[list[str]], zone: ZoneInfo, day: date) -> OnlineReport:
    meeting = ""
    sections: dict[str, tuple[int, list[str], list[tuple[int, list[str]]]]] = {}
    current: str | None = None
    expect_header = False
    for number, row in enumerate(rows, start=1):
        first = row[0].strip() if row else ""
        if not any(c.strip() for c in row):
            current = None
            continue
        heading = re.fullmatch(r"(?:\d+\.\s*)?(summary|participants|in-meeting activities)", first,
                               re.IGNORECASE)  # fmt: skip
        if heading and len([c for c in row if c.strip()]) == 1:
            current = heading.group(1).lower()
            expect_header = current != "summary"
            continue
        if current == "summary":
            if first.lower() in ("meeting title", "title") and len(row) > 1:
                meeting = clean(row[1])
            continue
        if current is None:
            continue
        if expect_header:
            sections[current] = (number, row, [])
            expect_header = False
            continue
        sections[current][2].append((number, row))
    part = sections.get("in-meeting activities") or sections.get("participants")
    if part is None:
        raise _unrecognised(path)
    _, header, body = part
    name_at = _column(header, "name", "full name")
    join_at = _column(header, "join time", "first join")
    leave_at = _column(header, "leave time", "last leave")
    duration_at = _column(header, "duration", "in-meeting duration")
    email_at = _column(header, "email", "participant id (upn)")
    role_at = _column(header, "role")
    if name_at is None or join_at is None:
        raise _unrecognised(path)
    joins: list[OnlineJoin] = []
    for number, row in body:
        name = _cell(row, name_at)
        joined = parse_report_time(_cell(row, join_at), zone, day)
        if not name or joined is None:
            raise ImportFileError(
                path,
                "a participant row without a name or a readable join time",
                "import the report as Teams downloaded it",
                row=number,
            )
        left = parse_report_time(_cell(row, leave_at), zone, day)
        seconds = _duration(_cell(row, duration_at))
        if seconds is None:
            seconds = int((left - joined).total_seconds()) if left else 0
        role = _cell(row, role_at).lower()
        joins.append(
            OnlineJoin(
                number,
                name,
                _cell(row, email_at).lower(),
                joined,
                left,
                max(seconds, 0),
                role in ("organizer", "organiser", "co-organizer", "presenter (organizer)"),
            )
        )
    return OnlineReport("teams", meeting, joins)


# ---------------------------------------------------------------------------------------------
# Matching and storing

_TAGS = re.compile(r"\s*\((?:guest|external|extern|unverified|invité|gast|oaspete|гост)\)\s*$",
                   re.IGNORECASE)  # fmt: skip
_PARENS = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$")


def name_keys(name: str) -> list[str]:
    """Folded, order-free keys of a participant's display name: "Ioan Ștefănescu (Guest)" ->
    ["ioan stefanescu"]; Zoom's "Петър Стоянов (Petar Stoyanov)" gives both spellings."""
    name = _TAGS.sub("", clean(name))
    spellings = [name]
    match = _PARENS.match(name)
    if match:
        spellings = [match.group(1), match.group(2)]
    keys = []
    for spelling in spellings:
        words = sorted(re.findall(r"[0-9a-z]+", fold(spelling)))
        if len(words) >= 2:
            keys.append(" ".join(words))
    return keys


@dataclass(frozen=True, slots=True)
class Unmatched:
    name: str
    email: str
    sessions: int
    minutes: int


@dataclass
class OnlineImportResult:
    platform: str
    meeting: str
    day: date
    sessions: int = 0  # in the file
    added: int = 0  # new sessions stored
    already: int = 0  # stored by an earlier import of the same report
    matched: Counter[str] = field(default_factory=Counter)  # people by how they were matched
    hosts: int = 0  # host/organizer sessions, kept but not counted
    unmatched: list[Unmatched] = field(default_factory=list)


def _registrant_index(db: Database) -> tuple[dict[str, str], dict[str, str | None]]:
    by_email: dict[str, str] = {}
    by_name: dict[str, str | None] = {}
    for uid, first, last, email in db.conn.execute(
        "SELECT uid, first_name, last_name, email FROM attendee WHERE status = 'active'"
    ):
        if email:
            by_email.setdefault(email.lower(), uid)
        for key in name_keys(f"{first} {last}"):
            # Two registrants with one name: a name alone cannot tell them apart.
            by_name[key] = None if key in by_name and by_name[key] != uid else uid
    return by_email, by_name


def _earlier_decisions(db: Database) -> dict[tuple[str, str], tuple[str | None, str, int]]:
    """The organizer's earlier answers for a name and e-mail (resolved or ignored)."""
    found: dict[tuple[str, str], tuple[str | None, str, int]] = {}
    for name, email, uid, how, ignored in db.conn.execute(
        "SELECT name, email, attendee_uid, matched_by, ignored FROM online_session "
        "WHERE matched_by = 'organizer' OR ignored = 1"
    ):
        found[(name, email)] = (uid, how, ignored)
    return found


def import_online(db: Database, path: Path, day: date) -> OnlineImportResult:
    """Import a participant report for ``day`` in one transaction; safe to repeat."""
    info = event_info(db)
    report = read_online_report(path, day, info.timezone)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    by_email, by_name = _registrant_index(db)
    decided = _earlier_decisions(db)
    result = OnlineImportResult(report.platform, report.meeting, day, len(report.joins))
    now = to_utc_iso(datetime.now(UTC))
    people: dict[str, str] = {}
    pending: dict[tuple[str, str], list[OnlineJoin]] = {}
    with db.write() as conn:
        for join in report.joins:
            uid: str | None = None
            how = ""
            ignored = int(join.host)
            earlier = decided.get((join.name, join.email))
            if join.host:
                result.hosts += 1
            elif earlier is not None:
                uid, how, ignored = earlier
            elif join.email and join.email in by_email:
                uid, how = by_email[join.email], "email"
            else:
                for key in name_keys(join.name):
                    if by_name.get(key):
                        uid, how = by_name[key], "name"
                        break
            if uid is not None:
                people.setdefault(uid, how)
            elif not ignored:
                pending.setdefault((join.name, join.email), []).append(join)
            cur = conn.execute(
                "INSERT OR IGNORE INTO online_session (day, platform, meeting, name, email, "
                "joined_at, left_at, seconds, attendee_uid, matched_by, ignored, file_sha256, "
                "imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
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
                    digest,
                    now,
                ),
            )
            if cur.rowcount:
                result.added += 1
            else:
                result.already += 1
    result.matched = Counter(people.values())
    result.unmatched = [
        Unmatched(name, email, len(js), round(sum(j.seconds for j in js) / 60))
        for (name, email), js in sorted(pending.items())
    ]
    return result


def unmatched(db: Database, day: date) -> list[Unmatched]:
    """Participants of ``day`` not yet matched to a registrant nor ignored."""
    return [
        Unmatched(name, email, n, round(seconds / 60))
        for name, email, n, seconds in db.conn.execute(
            "SELECT name, email, count(*), sum(seconds) FROM online_session "
            "WHERE day = ? AND attendee_uid IS NULL AND ignored = 0 GROUP BY name, email "
            "ORDER BY name, email",
            (day.isoformat(),),
        )
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
    where = "day = ? AND name = ? AND attendee_uid IS NULL AND ignored = 0"
    params: list[object] = [day.isoformat(), clean(name)]
    if email is not None:
        where += " AND email = ?"
        params.append(email.lower())
    rows = db.conn.execute(f"SELECT DISTINCT email FROM online_session WHERE {where}", params)
    emails = [r[0] for r in rows]
    if not emails:
        raise ResolveError(
            f"no unmatched online participant '{name}' on {day.isoformat()} — see "
            f"'kiosk online --day {day.isoformat()}' for the names to resolve"
        )
    with db.write() as conn:
        if ignore:
            conn.execute(f"UPDATE online_session SET ignored = 1 WHERE {where}", params)
            return None
        if attendee_code is not None:
            person = attendees.find_by_code(conn, attendee_code)
            if person is None:
                raise ResolveError(
                    f"no registrant has the code {attendee_code} — find it with 'kiosk search'"
                )
            uid, code = person.uid, person.code
        else:
            parts = clean(name)
            parts = _TAGS.sub("", parts)
            match = _PARENS.match(parts)
            if match:
                parts = match.group(1)
            first, _, last = parts.rpartition(" ")
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
        conn.execute(
            f"UPDATE online_session SET attendee_uid = ?, matched_by = 'organizer' WHERE {where}",
            [uid, *params],
        )
    return code
