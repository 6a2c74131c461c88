"""Signed tickets at the desk: who a signed code belongs to, or why it is refused.

Only scans that look signed (long, all digits) and match no ticket code reach this module, so
ordinary scans never pay for it. Everything happens inside the scan's write transaction: a
person admitted by signature is added to the roster in the same commit as their scan.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from kiosk.core import signed
from kiosk.core.decide import decide
from kiosk.core.model import Attendee, CheckinList, Decision, ScanKind, ScanRequest
from kiosk.core.reasons import Hint, Reason
from kiosk.core.timeutil import to_utc_iso
from kiosk.storage import attendees, keys, lookup, scanlog

if TYPE_CHECKING:
    from kiosk.tickets.signing import Verifier


@dataclass(frozen=True, slots=True)
class SignedResolution:
    """The person a signed code belongs to, or the reason it is refused."""

    person: Attendee | None
    refusal: Reason | None = None
    #: True when this scan added the person to the roster (admitted by signature).
    created: bool = False


class SignedTickets:
    """Checks signed codes against the keys and revocation list in the database."""

    def __init__(self, event_uid: str) -> None:
        self.event_uid = event_uid
        self._verifier: Verifier | None = None
        self._key_set: frozenset[bytes] = frozenset()

    def _current_verifier(self, conn: sqlite3.Connection) -> Verifier:
        # Keys are added and removed by the CLI while the desk runs: read the (tiny) table on
        # every signed scan, and rebuild the verifier only when it changed.
        raw = keys.public_keys(conn)
        if self._verifier is None or raw != self._key_set:
            # Imported here: only kiosks that see signed tickets load the cryptography package.
            from kiosk.tickets.signing import Verifier

            self._verifier = Verifier(raw, self.event_uid)
            self._key_set = raw
        return self._verifier

    def decide(
        self,
        conn: sqlite3.Connection,
        code: str,
        checkin_list: CheckinList,
        kind: ScanKind,
        when: datetime,
        event_tz: str,
        *,
        force: bool = False,
    ) -> tuple[Decision, Attendee | None]:
        """Decide a signed scan in the caller's write transaction (the caller logs it). An
        unknown holder of a valid ticket is added to the roster and admitted by signature
        (hint ``signed_ticket``)."""
        found = self.resolve(conn, code, to_utc_iso(when))
        person = found.person
        if found.refusal is not None:
            return Decision(found.refusal, person), person
        assert person is not None
        decision = decide(
            ScanRequest(
                checkin_list=checkin_list,
                now=when,
                event_tz=event_tz,
                kind=kind,
                attendee=person,
                history=scanlog.history(conn, person.uid, checkin_list.id),
                force=force,
            )
        )
        if found.created and decision.reason is Reason.ADMITTED:
            decision = replace(decision, hint=Hint.SIGNED_TICKET)
        return decision, person

    def resolve(self, conn: sqlite3.Connection, text: str, now: str) -> SignedResolution:
        """Verify ``text`` and find (or, if valid and unknown, add) its holder."""
        try:
            ticket = signed.decode(text)
        except signed.TicketFormatError:
            return SignedResolution(None, Reason.INVALID_SIGNATURE)
        if not self._current_verifier(conn).verify(ticket):
            return SignedResolution(None, Reason.INVALID_SIGNATURE)
        data = ticket.data
        person = lookup.attendee_by_uid(conn, data.uid) or lookup.attendee_by_exact_code(
            conn, data.code
        )
        if keys.is_revoked(conn, data.uid) or (
            person is not None and person.uid != data.uid and keys.is_revoked(conn, person.uid)
        ):
            return SignedResolution(person, Reason.REVOKED)
        if person is not None:
            return SignedResolution(person)
        new = attendees.NewAttendee(
            code=data.code,
            first_name=data.first_name,
            last_name=data.last_name,
            category=data.category,
            days=data.days,
            origin=signed.ORIGIN,
            uid=data.uid,
        )
        attendees.insert_many(conn, [new], now)
        created = lookup.attendee_by_uid(conn, data.uid)
        assert created is not None
        return SignedResolution(created, created=True)
