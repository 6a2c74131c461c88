"""B2B meetings: importing the schedule, each person's meetings at check-in, the organiser's
board, held marks and the funder's counts. The CLI, the desk and the kiosk share this door."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from kiosk.app.checkin import CheckinResult, utc_now
from kiosk.core import meetings as rules
from kiosk.core.meetings import (
    Counts,
    MarkKind,
    MarkSource,
    MatchedBy,
    MeetingStatus,
    Outcome,
    Presence,
    Side,
)
from kiosk.core.model import Attendee, AttendeeStatus
from kiosk.core.reasons import Reason
from kiosk.core.text import fold, word_variants
from kiosk.core.timeutil import from_utc_iso, to_utc_iso
from kiosk.storage import events, scanlog
from kiosk.storage import meetings as store
from kiosk.storage.database import Database
from kiosk.storage.meetings import MeetingRow

if TYPE_CHECKING:
    from kiosk.importing.meetings import Problem

Clock = Callable[[], datetime]

__all__ = [
    "FILTERS",
    "Database",
    "ImportReport",
    "Meeting",
    "MeetingError",
    "MeetingsService",
    "Person",
    "ScanMeetings",
    "import_meetings",
]


class MeetingError(Exception):
    """A meeting command cannot be done (unknown id, ambiguous id, unknown person…)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


# ---------------------------------------------------------------------------------------------
# Import


@dataclass(frozen=True, slots=True)
class Unmatched:
    """A side of a meeting that is nobody registered (yet): resolve it with ``meetings resolve``."""

    row: int
    meeting: str  # meeting uid
    side: str  # "a" or "b"
    name: str
    organization: str
    email: str
    reason: str  # "no_match" or "ambiguous"

    def as_json(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "meeting": self.meeting,
            "side": self.side,
            "name": self.name,
            "organization": self.organization,
            "email": self.email,
            "reason": self.reason,
        }


@dataclass
class ImportReport:
    file: str
    format: str
    rows: int
    columns: dict[str, str]
    source: str
    dry_run: bool
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    withdrawn: int = 0  # earlier meetings of this source the file no longer has: cancelled
    statuses: Counter[str] = field(default_factory=Counter)
    matched_by: Counter[str] = field(default_factory=Counter)
    skipped: list[Problem] = field(default_factory=list)
    unmatched: list[Unmatched] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "format": self.format,
            "rows": self.rows,
            "columns": self.columns,
            "source": self.source,
            "dry_run": self.dry_run,
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "withdrawn": self.withdrawn,
            "statuses": dict(self.statuses),
            "matched_by": dict(self.matched_by),
            "skipped": [
                {"row": p.row, "reason": p.reason, "detail": p.detail} for p in self.skipped
            ],
            "unmatched": [u.as_json() for u in self.unmatched],
            "notes": self.notes,
        }


class _Matcher:
    """Finds the attendee a meeting side names: the organiser's earlier resolution, then the
    e-mail, then the name in any script (through the search index), then the organisation
    when exactly one registered person works there."""

    def __init__(self, db: Database, aliases: dict[str, str]) -> None:
        self.db = db
        self.aliases = aliases
        self.by_email: dict[str, list[str]] = {}
        self.by_org: dict[str, list[str]] = {}
        self.active: set[str] = set()
        for uid, email, _first, _last, org, status in store.matching_candidates(db):
            if status != AttendeeStatus.ACTIVE:
                continue
            self.active.add(uid)
            if email:
                self.by_email.setdefault(email.strip().lower(), []).append(uid)
            if org:
                self.by_org.setdefault(" ".join(rules.name_words(org)), []).append(uid)
        self._names: dict[str, tuple[str | None, str]] = {}

    def match(self, side: Side) -> tuple[str | None, str]:
        """(attendee uid, how) or (None, "no_match" / "ambiguous")."""
        alias = self.aliases.get(side.key())
        if alias is not None:
            return alias, MatchedBy.ORGANIZER
        if side.email:
            found = self.by_email.get(side.email)
            if found and len(found) == 1:
                return found[0], MatchedBy.EMAIL
        ambiguous = False
        if side.name:
            uid, how = self._by_name(side)
            if uid is not None:
                return uid, how
            ambiguous = how == "ambiguous"
        org = " ".join(rules.name_words(side.organization))
        if org and not ambiguous:
            # The firm, when exactly one registered person works there (the import report
            # names every side matched this way, so the organiser can check it).
            found = self.by_org.get(org, [])
            if len(found) == 1:
                return found[0], MatchedBy.ORGANIZATION
            ambiguous = ambiguous or len(found) > 1
        return None, "ambiguous" if ambiguous else "no_match"

    def _by_name(self, side: Side) -> tuple[str | None, str]:
        key = side.name + "\x00" + side.organization
        if key not in self._names:
            self._names[key] = self._find_name(side)
        return self._names[key]

    def _find_name(self, side: Side) -> tuple[str | None, str]:
        from kiosk.storage.search import search  # importing a schedule only (issue 21)

        hits = [h.attendee for h in search(self.db, side.name, limit=50)]
        same = [p for p in hits if p.uid in self.active and _same_person_name(side.name, p)]
        if len(same) == 1:
            return same[0].uid, MatchedBy.NAME
        if len(same) > 1:
            org = " ".join(rules.name_words(side.organization))
            at_org = [p for p in same if org and " ".join(rules.name_words(p.organization)) == org]
            if len(at_org) == 1:
                return at_org[0].uid, MatchedBy.NAME
            return None, "ambiguous"
        return None, "no_match"


def _same_person_name(written: str, person: Attendee) -> bool:
    registered = [word_variants(w) for w in (person.first_name + " " + person.last_name).split()]
    return rules.same_name(written, [v for v in registered if v])


def _resolutions(db: Database) -> dict[str, str]:
    """Who each side the organiser settled by hand is (side key -> attendee uid): this kiosk's
    own resolutions, and those that came with meetings from other kiosks (bundles and the hub
    carry the meetings, whose sides say they were settled by the organiser). So a re-import
    at any kiosk keeps a side settled anywhere, and matches new meetings naming it the same
    way, instead of undoing the resolution everywhere at the next sync."""
    found: dict[str, str] = {}
    for r in store.all_meetings(db):
        for uid, how, values in (
            (r.a_uid, r.a_matched_by, (r.a_name, r.a_org, r.a_email, r.a_country)),
            (r.b_uid, r.b_matched_by, (r.b_name, r.b_org, r.b_email, r.b_country)),
        ):
            if uid and how == MatchedBy.ORGANIZER:
                found.setdefault(Side(*values).key(), uid)
    with db.read() as conn:
        found.update(store.aliases(conn))  # this kiosk's own word is the newest it knows
    return found


def meeting_uid(event_uid: str, source: str, line_key: str) -> str:
    import hashlib  # here: a check-in showing the day's meetings never needs it (issue 21)

    digest = hashlib.sha256(f"{event_uid}\x00{source}\x00{line_key}".encode()).hexdigest()
    return digest[:16]


def import_meetings(
    db: Database,
    path: str | os.PathLike[str],
    *,
    mapping_file: str | os.PathLike[str] | None = None,
    source: str = "b2match",
    dry_run: bool = False,
    keep_missing: bool = False,
    clock: Clock = utc_now,
) -> ImportReport:
    """Import a meeting schedule in one transaction (nothing is written on a dry run).

    Re-importing the same file changes nothing; meetings of the same ``source`` that the file
    no longer holds are cancelled unless ``keep_missing``; a side nobody matches is stored
    unmatched and listed with its row, to be resolved with :meth:`MeetingsService.resolve`.
    """
    # The schedule reader (spreadsheets, mappings) only when a schedule is imported: a check-in
    # asks this module for the person's meetings and must not load it.
    from kiosk.importing.meetings import FIELDS, Problem, load_mapping, read_schedule

    override = load_mapping(mapping_file) if mapping_file else None
    schedule = read_schedule(path, override)
    table = schedule.table
    event = events.event_info(db)
    now = to_utc_iso(clock())
    report = ImportReport(
        file=Path(path).name,
        format=table.format,
        rows=len(table.rows),
        columns={
            f: table.headers[i]
            for f, i in sorted(schedule.columns.items(), key=lambda kv: FIELDS.index(kv[0]))
        },
        source=source,
        dry_run=dry_run,
        skipped=list(schedule.problems),
    )
    matcher = _Matcher(db, _resolutions(db))
    event_days = {cl.day for cl in events.checkin_lists(db) if cl.day is not None}
    rows: dict[str, MeetingRow] = {}
    first_row: dict[str, int] = {}
    outside: set[date] = set()
    by_firm: list[tuple[int, str, Side, str]] = []
    for line in schedule.lines:
        if line.external_id:
            key = "id:" + fold(line.external_id)
        else:
            sides = sorted((line.a.key(), line.b.key()))
            key = "|".join(
                (line.day.isoformat(), f"{line.start:%H:%M}", fold(line.location), *sides)
            )
        uid = meeting_uid(event.uid, source, key)
        if uid in rows:
            report.skipped.append(
                Problem(line.row, "duplicate", f"the same meeting as row {first_row[uid]}")
            )
            continue
        a_uid, a_how = matcher.match(line.a)
        b_uid, b_how = matcher.match(line.b)
        if a_uid is not None and a_uid == b_uid:
            report.skipped.append(
                Problem(
                    line.row,
                    "same_person",
                    f"both sides are the same registered person ({line.a.name or line.a.email})",
                )
            )
            continue
        for side, uid_found, how, who in (("a", a_uid, a_how, line.a), ("b", b_uid, b_how, line.b)):
            if uid_found is None:
                report.unmatched.append(
                    Unmatched(line.row, uid, side, who.name, who.organization, who.email, how)
                )
            else:
                report.matched_by[how] += 1
                if how == MatchedBy.ORGANIZATION:
                    by_firm.append((line.row, side, who, uid_found))
        if event_days and line.day not in event_days:
            outside.add(line.day)
        report.statuses[line.status.value] += 1
        first_row[uid] = line.row
        rows[uid] = MeetingRow(
            uid=uid,
            day=line.day.isoformat(),
            start=f"{line.start:%H:%M}",
            end=f"{line.end:%H:%M}" if line.end else "",
            location=line.location,
            status=line.status.value,
            a_uid=a_uid,
            a_name=line.a.name,
            a_org=line.a.organization,
            a_email=line.a.email,
            a_country=line.a.country,
            a_matched_by=a_how if a_uid else "",
            b_uid=b_uid,
            b_name=line.b.name,
            b_org=line.b.organization,
            b_email=line.b.email,
            b_country=line.b.country,
            b_matched_by=b_how if b_uid else "",
            source=source,
            source_row=line.row,
            updated_at=now,
        )
    report.skipped.sort(key=lambda p: p.row)
    firm_people = store.people(db, {u for *_, u in by_firm})
    for number, side, who, person_uid in by_firm:
        person = firm_people.get(person_uid)
        report.notes.append(
            f"row {number}: side {side} ({who.name or who.email or who.organization}) matched by "
            f"organisation only, to {person.name if person else person_uid} — check it, or "
            "resolve it with 'kiosk meetings resolve'"
        )
    for day in sorted(outside):
        report.notes.append(
            f"{day.isoformat()} is not a day of the event (its check-in lists): "
            "the meetings on it are kept but no check-in day shows them"
        )
    with db.write() as conn:
        before = store.by_source(conn, source)
        changed: list[MeetingRow] = []
        for uid, row in rows.items():
            old = before.get(uid)
            if old is None:
                report.added += 1
                changed.append(row)
            elif old.same_content(row):
                report.unchanged += 1
            else:
                report.updated += 1
                changed.append(row)
        gone = [
            u
            for u, r in before.items()
            if u not in rows and r.status in (MeetingStatus.PLANNED, MeetingStatus.PENDING)
        ]
        if not keep_missing:
            report.withdrawn = len(gone)
        # Compared and written under one write lock: nobody changes the schedule in between.
        if not dry_run:
            store.write(conn, changed)
            if gone and not keep_missing:
                store.set_status(conn, gone, MeetingStatus.CANCELLED, now)
    if report.withdrawn:
        report.notes.append(
            f"{report.withdrawn} earlier meeting(s) of source '{source}' are not "
            "in this file: "
            + ("they would be marked cancelled" if dry_run else "marked cancelled")
            + " (use --keep-missing to keep them)"
        )
    return report


# ---------------------------------------------------------------------------------------------
# Reading meetings


@dataclass(frozen=True, slots=True)
class Person:
    """One side of a meeting as screens show it: the registered person when matched."""

    attendee_uid: str | None
    attendee_id: int | None
    name: str
    organization: str
    country: str
    arrived: bool
    code: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "attendee_id": self.attendee_id,
            "attendee_uid": self.attendee_uid,
            "name": self.name,
            "organization": self.organization,
            "country": self.country,
            "arrived": self.arrived,
        }


#: The board's filters: every meeting; planned ones with both / one / neither side here; held;
#: cancelled, declined and pending ones.
FILTERS = ("all", "both", "one", "none", "held", "not_planned")


@dataclass(frozen=True, slots=True)
class Meeting:
    uid: str
    day: date
    start: time
    end: time | None
    location: str
    status: MeetingStatus
    a: Person
    b: Person
    held: bool
    outcome: Outcome

    @property
    def pair(self) -> str:
        """The report's country pair (BG–RO, BG–BG, RO–RO, other), worked out when asked: a
        check-in reading a person's meetings never needs it."""
        return rules.country_pair(self.a.country, self.b.country)

    @property
    def presence(self) -> Presence:
        return rules.presence(self.a.arrived, self.b.arrived)

    def matches(self, show: str = "all", text: str = "") -> bool:
        """Whether the board shows this meeting under a filter (one of :data:`FILTERS`) and a
        search text (every word in a name, an organisation or the table, any script)."""
        if show == "not_planned":
            if self.status is MeetingStatus.PLANNED:
                return False
        elif show != "all" and self.status is not MeetingStatus.PLANNED:
            return False
        if show in ("both", "one", "none") and self.presence is not Presence(show):
            return False
        if show == "held" and not self.held:
            return False
        words = fold(text).split()
        if words:
            haystack = fold(" ".join((self.location, self.a.name, self.a.organization,
                                      self.b.name, self.b.organization)))  # fmt: skip
            return all(w in haystack for w in words)
        return True

    def partner_of(self, attendee_uid: str) -> Person:
        return self.b if self.a.attendee_uid == attendee_uid else self.a

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.uid,
            "day": self.day.isoformat(),
            "start": f"{self.start:%H:%M}",
            "end": f"{self.end:%H:%M}" if self.end else None,
            "location": self.location,
            "status": self.status.value,
            "held": self.held,
            "outcome": self.outcome.value,
            "presence": self.presence.value,
            "pair": self.pair,
            "a": self.a.as_json(),
            "b": self.b.as_json(),
        }

    def for_person_json(self, attendee_uid: str) -> dict[str, Any]:
        partner = self.partner_of(attendee_uid)
        return {
            "id": self.uid,
            "start": f"{self.start:%H:%M}",
            "end": f"{self.end:%H:%M}" if self.end else None,
            "location": self.location,
            "status": self.status.value,
            "held": self.held,
            "partner": {
                "name": partner.name,
                "organization": partner.organization,
                "country": partner.country,
                "arrived": partner.arrived,
            },
        }


@dataclass(frozen=True, slots=True)
class ScanMeetings:
    """The meetings of the person a check-in named, on its list's day (for the screens)."""

    scan_id: str
    attendee_uid: str
    meetings: tuple[Meeting, ...]
    #: Meetings this check-in marked held (both badges scanned in the B2B room).
    marked_held: tuple[str, ...] = ()
    #: When the check-in was, in the event's time zone (naive): meetings ended by then are over.
    at: datetime | None = None

    def upcoming(self) -> list[Meeting]:
        """The meetings not over at the check-in (all of them when the time is not known)."""
        if self.at is None:
            return list(self.meetings)
        return [m for m in self.meetings if datetime.combine(m.day, m.end or m.start) > self.at]


@dataclass(frozen=True, slots=True)
class Unresolved:
    meeting: str
    day: str
    start: str
    row: int
    side: str
    name: str
    organization: str
    email: str

    def as_json(self) -> dict[str, Any]:
        return {
            "meeting": self.meeting,
            "day": self.day,
            "start": self.start,
            "row": self.row,
            "side": self.side,
            "name": self.name,
            "organization": self.organization,
            "email": self.email,
        }


class MeetingsService:
    """Meetings as the desk, the kiosk and the CLI need them; one instance per database."""

    def __init__(self, db: Database, clock: Clock = utc_now) -> None:
        self.db = db
        self.clock = clock
        self.event = events.event_info(db)
        self.zone = ZoneInfo(self.event.timezone)

    def _utc_day(self, day: date) -> tuple[str, str]:
        start = datetime.combine(day, time(0), self.zone)
        end = datetime.combine(day + timedelta(days=1), time(0), self.zone)
        return to_utc_iso(start), to_utc_iso(end)

    def today(self) -> date:
        return self.clock().astimezone(self.zone).date()

    def days(self) -> list[date]:
        return sorted({date.fromisoformat(r.day) for r in store.all_meetings(self.db)})

    def _build(self, rows: list[MeetingRow]) -> list[Meeting]:
        if not rows:
            return []
        uids = {u for r in rows for u in (r.a_uid, r.b_uid) if u}
        people = store.people(self.db, uids)
        marks = store.marks(self.db, [r.uid for r in rows])
        arrived_by_day: dict[str, set[str]] = {}
        today = self.today()
        result = []
        for r in rows:
            if r.day not in arrived_by_day:
                span = self._utc_day(date.fromisoformat(r.day))
                arrived_by_day[r.day] = (
                    store.arrived_among(self.db, list(uids), *span)
                    if len(uids) <= 200
                    else store.arrived(self.db, *span)
                )
            here = arrived_by_day[r.day]
            a = self._person(r.a_uid, r.a_name, r.a_org, r.a_country, people, here)
            b = self._person(r.b_uid, r.b_name, r.b_org, r.b_country, people, here)
            held = rules.is_held(marks.get(r.uid, ()))
            day = date.fromisoformat(r.day)
            status = MeetingStatus(r.status)
            result.append(
                Meeting(
                    uid=r.uid,
                    day=day,
                    start=time.fromisoformat(r.start),
                    end=time.fromisoformat(r.end) if r.end else None,
                    location=r.location,
                    status=status,
                    a=a,
                    b=b,
                    held=held,
                    outcome=rules.outcome(status, held, a.arrived, b.arrived, day < today),
                )
            )
        return result

    @staticmethod
    def _person(
        uid: str | None,
        name: str,
        org: str,
        country: str,
        people: dict[str, Attendee],
        here: set[str],
    ) -> Person:
        person = people.get(uid) if uid else None
        if person is None:
            return Person(None, None, name, org, country, False)
        return Person(
            uid,
            person.id,
            person.name,
            person.organization or org,
            person.country or country,
            uid in here,
            person.code,
        )

    def board(self, day: date | None = None) -> list[Meeting]:
        """Every meeting (of one day), by day, time and table, with both sides' arrival."""
        return self._build(store.all_meetings(self.db, day=day.isoformat() if day else None))

    def for_person(
        self, attendee_uid: str, day: date, *, planned_only: bool = True
    ) -> list[Meeting]:
        """One person's meetings on one day (by default only those that take place)."""
        found = self._build(store.for_attendee(self.db, attendee_uid, day.isoformat()))
        if planned_only:
            found = [m for m in found if m.status is MeetingStatus.PLANNED]
        return found

    def for_checkin(self, result: CheckinResult) -> list[Meeting]:
        """The meetings of the person a check-in names, on the check-in list's day."""
        person = result.decision.attendee
        if person is None:
            return []
        day = result.checkin_list.day or result.at.astimezone(self.zone).date()
        return self.for_person(person.uid, day)

    def find(self, meeting_id: str) -> MeetingRow:
        text = meeting_id.strip().lower()
        if len(text) < 4:
            raise MeetingError(
                "id_too_short",
                f"'{meeting_id}': give at least 4 characters of "
                "the meeting id (kiosk meetings list)",
            )
        found = store.find_by_prefix(self.db, text)
        if not found:
            raise MeetingError(
                "unknown_meeting",
                f"No meeting has the id '{meeting_id}' (kiosk meetings list shows the ids).",
            )
        if len(found) > 1:
            raise MeetingError(
                "ambiguous_meeting",
                f"Several meetings' ids start with '{meeting_id}': give more characters.",
            )
        return found[0]

    def mark(
        self,
        meeting_id: str,
        *,
        held: bool = True,
        kiosk_id: str | None = None,
        source: MarkSource = MarkSource.COMMAND,
        operator: str = "",
    ) -> Meeting:
        """Mark a meeting held (or take the mark back); returns the meeting as it is now."""
        row = self.find(meeting_id)
        if row.status != MeetingStatus.PLANNED and held:
            raise MeetingError(
                "not_planned",
                f"Meeting {row.uid} is {row.status}: only a planned meeting can be marked held.",
            )
        kiosk = kiosk_id or events.local_kiosk(self.db).id
        at = self.clock()
        with self.db.write() as conn:
            # The newest mark decides: a new mark is always after the meeting's last one, even
            # when the clock has not moved on (or another kiosk's clock ran ahead).
            last = max(store.marks(self.db, [row.uid]).get(row.uid, []), default=None)
            if last is not None and to_utc_iso(at) <= last[0]:
                at = from_utc_iso(last[0]) + timedelta(microseconds=1)
            store.add_mark(
                conn,
                scanlog.new_scan_id(),
                row.uid,
                MarkKind.HELD if held else MarkKind.NOT_HELD,
                to_utc_iso(at),
                kiosk,
                source,
                operator,
            )
        return self._build([row])[0]

    def unresolved(self) -> list[Unresolved]:
        """Every meeting side not matched to a registered person."""
        result = []
        for r in store.all_meetings(self.db):
            for side, uid, name, org, email in (
                ("a", r.a_uid, r.a_name, r.a_org, r.a_email),
                ("b", r.b_uid, r.b_name, r.b_org, r.b_email),
            ):
                if uid is None:
                    result.append(
                        Unresolved(r.uid, r.day, r.start, r.source_row, side, name, org, email)
                    )
        return result

    def resolve(self, meeting_id: str, side: str, attendee_id: int) -> int:
        """Say who one side of a meeting is; every meeting naming that side the same way is
        resolved with it, now and at the next re-import. Returns how many sides changed."""
        if side not in ("a", "b"):
            raise MeetingError("bad_side", "The side is a (first participant) or b (second).")
        row = self.find(meeting_id)
        uid = store.uid_of_id(self.db, attendee_id)
        if uid is None:
            raise MeetingError("unknown_attendee", f"No attendee has the id {attendee_id}.")
        other = row.b_uid if side == "a" else row.a_uid
        if other == uid:
            raise MeetingError(
                "same_person", "That person is already the other side of the meeting."
            )
        name, org, email, country = (
            (row.a_name, row.a_org, row.a_email, row.a_country)
            if side == "a"
            else (row.b_name, row.b_org, row.b_email, row.b_country)
        )
        key = Side(name, org, email, country).key()
        now = to_utc_iso(self.clock())
        changed = 0
        with self.db.write() as conn:
            store.set_alias(conn, key, uid, now)
            for r in store.all_meetings(self.db):
                for s in ("a", "b"):
                    values = (
                        (r.a_name, r.a_org, r.a_email, r.a_country)
                        if s == "a"
                        else (r.b_name, r.b_org, r.b_email, r.b_country)
                    )
                    mine = r.a_uid if s == "a" else r.b_uid
                    theirs = r.b_uid if s == "a" else r.a_uid
                    if (r.uid == row.uid and s == side) or (
                        Side(*values).key() == key and mine is None and theirs != uid
                    ):
                        store.resolve_side(conn, r.uid, s, uid, now)
                        changed += 1
        return changed

    def after_scan(self, result: CheckinResult) -> ScanMeetings | None:
        """What the screens show after a check-in: marks meetings held when both badges were
        scanned in the B2B room, then returns the person's meetings of the day (None when the
        scan named nobody)."""
        person = result.decision.attendee
        if person is None:
            return None
        marked = self.after_checkin(result)
        at = result.at.astimezone(self.zone).replace(tzinfo=None)
        return ScanMeetings(
            result.scan_id, person.uid, tuple(self.for_checkin(result)), tuple(marked), at
        )

    # -----------------------------------------------------------------------------------------
    # Held by scanning both badges in the B2B room

    def after_checkin(self, result: CheckinResult, kiosk_id: str | None = None) -> list[str]:
        """After an admission on a "B2B room" list: the person's meetings whose partner was
        also admitted there around the meeting's time are marked held. Returns their uids."""
        person = result.decision.attendee
        seen_here = result.decision.reason in (Reason.ADMITTED, Reason.ALREADY_CHECKED_IN)
        if not (
            seen_here and person is not None and rules.is_b2b_room(result.checkin_list.name)
        ):
            return []
        day = result.at.astimezone(self.zone).date()
        rooms = [cl.id for cl in events.checkin_lists(self.db) if rules.is_b2b_room(cl.name)]
        marked = []
        for meeting in self.for_person(person.uid, day):
            if meeting.held:
                continue
            partner = meeting.partner_of(person.uid)
            if partner.attendee_uid is None:
                continue
            begin, finish = rules.scan_window(day, meeting.start, meeting.end)
            span = (
                to_utc_iso(begin.replace(tzinfo=self.zone)),
                to_utc_iso(finish.replace(tzinfo=self.zone)),
            )
            seen = store.entries_on_lists(self.db, [person.uid, partner.attendee_uid], rooms, *span)
            if person.uid in seen and partner.attendee_uid in seen:
                self.mark(meeting.uid, kiosk_id=kiosk_id or result.kiosk.id, source=MarkSource.SCAN)
                marked.append(meeting.uid)
        return marked

    # -----------------------------------------------------------------------------------------
    # The funder's counts

    def counts(self, days: Iterable[date] | None = None) -> dict[tuple[date, str], Counts]:
        """(day, country pair) -> counts of planned meetings and what became of them."""
        # Imported here: the check-in path uses this service and must not load the reports.
        from kiosk.reports.meetings import b2b_counts

        return b2b_counts(self.db, days, today=self.today())
