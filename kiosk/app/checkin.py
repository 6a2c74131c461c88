"""Checking people in and out, and undoing a mistaken check-in."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol
from zoneinfo import ZoneInfo

from kiosk.core import codes
from kiosk.core.decide import decide
from kiosk.core.lists import list_for
from kiosk.core.model import (
    Attendee,
    CheckinList,
    Decision,
    Method,
    Scan,
    ScanKind,
    ScanRequest,
)
from kiosk.core.reasons import Hint, Reason
from kiosk.core.timeutil import local_day, to_utc_iso
from kiosk.storage import attendees, events, scanlog
from kiosk.storage.database import Database
from kiosk.storage.events import EventInfo, Kiosk

if TYPE_CHECKING:
    from kiosk.app.signed_checkin import SignedTickets

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class RemoteHistory(Protocol):
    """Another authority on who was admitted: the hub, asked live (kiosk.sync.guard.HubGuard)."""

    def history(self, attendee_uid: str, list_id: int) -> tuple[Scan, ...] | None:
        """The person's scans on the list at other kiosks; None when there was no answer in
        time (the kiosk then decides alone)."""

    def announce(self, row: Sequence[Any]) -> object:
        """Pass on a scan that is on the local disk (in the background)."""


class NoListError(Exception):
    """No check-in list fits the request; the message says which exist."""


class UndoError(Exception):
    """There is nothing to undo, or the scan named cannot be undone."""


class ScanRequestError(ValueError):
    """A scan that cannot be recorded as asked (a time in the future, a forced admission
    without a reason, a forced admission at a self-service kiosk); the message says why."""


#: How far ahead of this computer's clock a scan's time may be (clocks of two laptops differ
#: by a minute or two); anything later is refused rather than recorded.
FUTURE_TOLERANCE = timedelta(minutes=5)
#: The longest reason kept for a forced admission.
MAX_FORCE_REASON = 500


@dataclass(frozen=True, slots=True)
class CheckinResult:
    """A decision that is already on disk."""

    decision: Decision
    scan_id: str
    at: datetime
    checkin_list: CheckinList
    kiosk: Kiosk
    manual: bool
    #: How the check-in was made (:class:`kiosk.core.model.Method`).
    method: Method = Method.SCANNED
    #: The reason staff gave for a forced admission ('' otherwise).
    note: str = ""
    #: With a hub asked live: True when it answered in time, False when the kiosk decided
    #: alone; None when there is no hub to ask.
    remote_checked: bool | None = None


@dataclass(frozen=True, slots=True)
class UndoResult:
    void_scan_id: str
    voided_scan_id: str
    attendee_uid: str | None


class CheckinService:
    """Decides scans and writes them to the log; one instance per kiosk and database."""

    def __init__(
        self,
        db: Database,
        kiosk: Kiosk | None = None,
        clock: Clock = utc_now,
        *,
        remote: RemoteHistory | None = None,
        self_service: bool = False,
    ) -> None:
        self.db = db
        #: A self-service kiosk: never forces an admission, whoever asks.
        self.self_service = self_service
        #: Asked before each scan is decided, when set (see :class:`RemoteHistory`).
        self.remote = remote
        self.event: EventInfo = events.event_info(db)
        self.kiosk = kiosk or events.local_kiosk(db)
        self.clock = clock
        self._list_cache: list[CheckinList] = []
        self._list_stamp: tuple[object, ...] | None = None
        # Today's list of each day asked so far (from _list_cache; emptied with it).
        self._day_lists: dict[date, CheckinList | None] = {}
        self._zone: ZoneInfo | None = None
        self._signed: SignedTickets | None = None  # made at the first signed code

    def _lists(self, refresh: bool = False) -> list[CheckinList]:
        """The event's lists, read again when their stamp (one tiny query) says they changed."""
        with self.db.read() as conn:
            stamp = events.lists_stamp(conn)
        if refresh or self._list_stamp is None or stamp != self._list_stamp:
            self._load_lists(stamp)
        return self._list_cache

    def _load_lists(self, stamp: tuple[object, ...]) -> None:
        self._list_cache = events.checkin_lists(self.db)
        self._list_stamp = stamp
        self._day_lists.clear()

    def _held_list(self, list_id: int | None, when: datetime) -> CheckinList:
        """The list for a scan from the lists this service holds, without asking the file: the
        scan's own transaction then checks that they are still current (see :meth:`scan`)."""
        if self._list_stamp is None:
            self._lists()
        found: CheckinList | None
        if list_id is None:
            zone = self._zone
            if zone is None:
                zone = self._zone = ZoneInfo(self.event.timezone)
            day = when.astimezone(zone).date()
            if day in self._day_lists:
                found = self._day_lists[day]
            else:
                found = self._day_lists[day] = list_for(self._list_cache, day)
        else:
            found = next((cl for cl in self._list_cache if cl.id == list_id), None)
        return found if found is not None else self.resolve_list(list_id, when)

    def resolve_list(self, list_id: int | None, at: datetime | None = None) -> CheckinList:
        """The list to use: the one asked for, or today's list (:func:`kiosk.core.lists.list_for`)
        for the event day ``at`` falls on; :class:`NoListError` when there is none."""
        day = local_day(at or self.clock(), self.event.timezone)
        for refresh in (False, True):
            lists = self._lists(refresh)
            found = (
                list_for(lists, day)
                if list_id is None
                else next((cl for cl in lists if cl.id == list_id), None)
            )
            if found is not None:
                return found
        if list_id is not None:
            raise NoListError(f"There is no check-in list {list_id}. {self._lists_text()}")
        raise NoListError(
            f"No check-in list for {day.isoformat()} (today in {self.event.timezone}). "
            f"{self._lists_text()} Choose one with --list."
        )

    def _lists_text(self) -> str:
        lists = self._lists()
        if not lists:
            return "The event has no check-in lists."
        return "Lists: " + ", ".join(f"{cl.id} ({cl.name})" for cl in lists) + "."

    def scan(
        self,
        raw_code: str,
        *,
        list_id: int | None = None,
        kind: ScanKind = ScanKind.ENTRY,
        at: datetime | None = None,
        operator: str = "",
        method: Method = Method.SCANNED,
        force: bool = False,
        reason: str = "",
    ) -> CheckinResult:
        """Decide one scan and append it to the log; returns only after the commit.

        ``at`` records a scan at another (earlier) time — paper sign-in sheets and corrections;
        such scans are flagged manual and recorded as back-dated; a time more than
        :data:`FUTURE_TOLERANCE` ahead is refused (:class:`ScanRequestError`). ``force`` admits
        against a refusal staff may override (see :data:`kiosk.core.decide.FORCEABLE`) and
        needs a ``reason``, kept in the log.
        """
        manual = at is not None
        now = self.clock()
        if at is not None and at > now + FUTURE_TOLERANCE:
            raise ScanRequestError(
                f"The scan time {at.isoformat(timespec='minutes')} is in the future (this "
                f"computer's clock says {now.astimezone(at.tzinfo).isoformat(timespec='minutes')}"
                "): give the time the person actually came."
            )
        note = self._force_reason(force, reason)
        when = at if at is not None else now
        checkin_list = self._held_list(list_id, when)
        if raw_code.isascii() and raw_code.isprintable():
            code = raw_code.strip()  # what clean_scan makes of it, without its per-character pass
        else:
            code = codes.clean_scan(raw_code)
        if code[:1] in codes.PREFIX_STARTS:
            code = codes.strip_prefixes(code)
        if len(code) > codes.MAX_SCAN_LENGTH:
            code = code[: codes.MAX_SCAN_LENGTH]
            lookup = ""
        elif code.isascii():
            lookup = code
        else:
            lookup = self._as_the_scanner_meant(code)
        remote_history: tuple[Scan, ...] = ()
        remote_checked: bool | None = None
        if self.remote is not None and lookup:
            # Asked before the write transaction, so the hub's deadline never holds the lock.
            with self.db.read() as conn:
                known = attendees.find_by_code(conn, lookup)
            if known is not None:
                answer = self.remote.history(known.uid, checkin_list.id)
                remote_checked = answer is not None
                remote_history = answer or ()
        how = _Scan(kind, when, manual, operator, method, force, note)
        with self.db.write() as conn:
            stamp, found = scanlog.person_and_history(conn, lookup, checkin_list.id)
            if stamp != self._list_stamp:
                # The lists changed since they were read (here, by 'kiosk lists', by a sync):
                # read them again in this transaction, so the decision uses the current list.
                self._load_lists(stamp)
                fresh = self._held_list(list_id, when)
                if fresh != checkin_list:
                    if fresh.id != checkin_list.id and remote_checked is not None:
                        remote_history, remote_checked = (), False  # asked about another list
                    checkin_list = fresh
                    stamp, found = scanlog.person_and_history(conn, lookup, checkin_list.id)
            person: Attendee | None
            if found is not None:
                person, history, revoked = found
            else:
                person = attendees.find_by_code(conn, lookup) if lookup else None
                history = scanlog.history(conn, person.uid, checkin_list.id) if person else ()
                revoked = scanlog.is_revoked(conn, person.uid) if person else False
            if person is None and _looks_signed(lookup):
                result = self._signed_scan(conn, lookup, checkin_list, how)
            else:
                result = self._decide_and_log(
                    conn, person, history, code, lookup, checkin_list, how, remote_history,
                    revoked,
                )  # fmt: skip
        if self.remote is not None:
            self._announce(result.scan_id)
            return replace(result, remote_checked=remote_checked)
        return result

    def _as_the_scanner_meant(self, code: str) -> str:
        """The code a USB scanner meant when the computer's keyboard layout changed its letters.

        A scanner types keys as a US keyboard would; a Bulgarian or Romanian layout turns them
        into other characters (``XG7F8V4JS`` arrives as ``ЙЖ7О8Э4ТЯ`` on Bulgarian BDS). The desk
        window reads the keys themselves; here (the command line, any front end that passes
        text) the text is mapped back through the layouts of :mod:`kiosk.core.keyboard`, and the
        mapping is used only when nobody holds the code as received and the mapped code names a
        person or is a signed ticket."""
        with self.db.read() as conn:
            if attendees.find_by_code(conn, code) is not None:
                return code
        from kiosk.core import keyboard  # only for text no US keyboard types

        def names_someone(text: str) -> bool:
            with self.db.read() as conn:
                found = attendees.find_by_code(conn, text) is not None
            return found or _looks_signed(text)

        mapped, layout = keyboard.to_us(code, accept=names_someone)
        return mapped if layout is not None and names_someone(mapped) else code

    def _force_reason(self, force: bool, reason: str) -> str:
        if not force:
            return ""
        if self.self_service:
            raise ScanRequestError("A self-service kiosk never forces an admission.")
        text = " ".join(reason.split())
        if not text:
            raise ScanRequestError(
                "A forced admission needs a reason (e.g. 'registered for day 2, came on day 1')."
            )
        return text[:MAX_FORCE_REASON]

    def _announce(self, scan_id: str) -> None:
        assert self.remote is not None
        from kiosk.storage import replica

        with self.db.read() as conn:
            row = replica.scan_row(conn, scan_id)
        if row is not None:
            self.remote.announce(row)

    def walk_in(
        self, person: attendees.NewAttendee, *, list_id: int | None = None, operator: str = ""
    ) -> CheckinResult:
        """Register someone at the desk and check them in, in one transaction: either both are
        on disk or neither. A code is generated when ``person`` has none."""
        when = self.clock()
        checkin_list = self.resolve_list(list_id, when)
        with self.db.write() as conn:
            code = person.code or _unused_code(conn)
            now = to_utc_iso(when)
            new = replace(person, code=code, origin="walk_in")
            if checkin_list.day is not None and not new.days:
                new = replace(new, days=frozenset({checkin_list.day}))
            (attendee_id,) = attendees.insert_many(conn, [new], now)
            found = attendees.find_by_code(conn, code)
            assert found is not None and found.id == attendee_id
            how = _Scan(ScanKind.ENTRY, when, False, operator, Method.WALK_IN)
            result = self._decide_and_log(conn, found, (), code, code, checkin_list, how)
        if self.remote is not None:
            self._announce(result.scan_id)
        return result

    def _decide_and_log(
        self,
        conn: sqlite3.Connection,
        person: Attendee | None,
        history: tuple[Scan, ...],
        code: str,
        lookup: str,
        checkin_list: CheckinList,
        how: _Scan,
        remote_history: tuple[Scan, ...] = (),
        revoked: bool = False,
    ) -> CheckinResult:
        if remote_history:
            mine = {s.scan_id for s in history}
            history += tuple(s for s in remote_history if s.scan_id not in mine)
        request = ScanRequest(
            checkin_list=checkin_list,
            now=how.when,
            event_tz=self.event.timezone,
            kind=how.kind,
            attendee=person,
            history=history,
            unknown_hint=None if person else codes.unknown_hint(lookup),
            revoked=revoked,
            force=how.force,
        )
        return self._log(conn, decide(request), person, code, checkin_list, how)

    def _log(
        self,
        conn: sqlite3.Connection,
        decision: Decision,
        person: Attendee | None,
        code: str,
        checkin_list: CheckinList,
        how: _Scan,
    ) -> CheckinResult:
        """Append a decided scan to the log (in the caller's transaction)."""
        # Forced only when a refusal was overridden: a force that found nothing to override is
        # an ordinary check-in (its note is kept), and a cancelled or revoked ticket stays
        # refused.
        if decision.hint is Hint.FORCED:
            method = Method.FORCED
        elif how.manual:
            method = Method.BACKDATED
        else:
            method = how.method
        stored = scanlog.append(
            conn,
            scanlog.NewScan(
                kiosk_id=self.kiosk.id,
                at=how.when,
                list_id=checkin_list.id,
                kind=how.kind,
                reason=decision.reason,
                attendee_uid=person.uid if person else None,
                raw_code=code,
                hint=decision.hint,
                manual=how.manual,
                operator=how.operator,
                method=method.value,
                note=how.note,
            ),
        )
        return CheckinResult(
            decision, stored.scan_id, how.when, checkin_list, self.kiosk, how.manual, method,
            how.note,
        )  # fmt: skip

    def _signed_scan(
        self, conn: sqlite3.Connection, code: str, checkin_list: CheckinList, how: _Scan
    ) -> CheckinResult:
        """A signed ticket that matched no ticket code (see :mod:`kiosk.app.signed_checkin`)."""
        if self._signed is None:
            from kiosk.app.signed_checkin import SignedTickets

            self._signed = SignedTickets(self.event.uid)
        decision, person = self._signed.decide(
            conn, code, checkin_list, how.kind, how.when, self.event.timezone, force=how.force
        )
        return self._log(conn, decision, person, code, checkin_list, how)

    def has_meetings(self, attendee_uid: str | None = None) -> bool:
        """Whether the event has B2B meetings at all (with ``attendee_uid``: that person has
        any): where there are none, a check-in never needs the meetings service (nor its
        import, in a one-shot ``kiosk checkin``)."""
        with self.db.read() as conn:
            return events.has_meetings(conn, attendee_uid)

    def last_undoable(self, attendee_uid: str | None = None) -> str | None:
        """This kiosk's newest check-in that can be undone (or one person's, from any kiosk)."""
        with self.db.read() as conn:
            return scanlog.last_undoable(conn, self.kiosk.id, attendee_uid)

    def undo(self, scan_id: str | None = None, *, operator: str = "") -> UndoResult:
        """Void a check-in (by default this kiosk's newest); the person can then be admitted again.

        Both the check-in and the void stay in the log.
        """
        with self.db.write() as conn:
            target = scan_id or scanlog.last_undoable(conn, self.kiosk.id)
            if target is None:
                raise UndoError("This kiosk has no check-in to undo.")
            found = scanlog.get(conn, target)
            if found is None:
                raise UndoError(f"There is no scan {target}.")
            original, attendee_uid = found
            if not original.accepted or original.kind not in (ScanKind.ENTRY, ScanKind.EXIT):
                raise UndoError(f"Scan {target} was not an accepted check-in; nothing to undo.")
            if scanlog.is_voided(conn, target):
                raise UndoError(f"Scan {target} has already been undone.")
            stored = scanlog.append(
                conn,
                scanlog.NewScan(
                    kiosk_id=self.kiosk.id,
                    at=self.clock(),
                    list_id=original.list_id,
                    kind=ScanKind.VOID,
                    reason=Reason.VOIDED,
                    attendee_uid=attendee_uid,
                    ref_scan_id=target,
                    operator=operator,
                ),
            )
        return UndoResult(stored.scan_id, target, attendee_uid)


@dataclass(frozen=True, slots=True)
class _Scan:
    """How one scan is being made (everything but the code and the list)."""

    kind: ScanKind
    when: datetime
    manual: bool
    operator: str
    method: Method
    force: bool = False
    note: str = ""


def _looks_signed(code: str) -> bool:
    """:func:`kiosk.core.signed.looks_signed`, the signed-ticket format imported at the first
    unknown code: a check-in of a known one never loads it (``kiosk checkin`` stays light)."""
    from kiosk.core import signed

    return signed.looks_signed(code)


def _unused_code(conn: sqlite3.Connection) -> str:
    from kiosk.storage import lookup  # a walk-in only

    while True:
        code = codes.generate()
        if not lookup.code_taken(conn, code):
            return code
