"""The check-in rule against pretix's own cases.

Each test names the case it mirrors: pretix ``src/tests/base/test_checkin.py`` (server side,
``perform_checkin``) or libpretixsync ``AsyncCheckProviderTest`` (the offline scanner app). Where
Kiosk's words differ, pretix ``already_redeemed`` is our ``already_checked_in``, ``unpaid`` is
``unpaid``, a check-in list's ``allow_entry_after_exit`` is ``allow_reentry``,
``include_pending`` is ``admit_pending``, ``allow_multiple_entries`` is policy ``multiple``, and
pretix's BLOCKED and REVOKED results are our ``revoked`` (hint ``blocked`` for a blocked one).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from kiosk.core.decide import decide
from kiosk.core.model import (
    Attendee,
    AttendeeStatus,
    CheckinList,
    Decision,
    Policy,
    Scan,
    ScanKind,
    ScanRequest,
)
from kiosk.core.reasons import Hint, Reason

TZ = "Europe/Berlin"  # pretix's test event
DAY = date(2020, 1, 1)
NOW = datetime(2020, 1, 1, 10, 0, tzinfo=UTC)
PETER = Attendee(id=1, uid="u-peter", code="FOO1", first_name="Peter", last_name="")
DEFAULT = CheckinList(id=1, name="Default", day=DAY)


class Desk:
    """One person's scans on one list, decided and logged in turn (like perform_checkin)."""

    def __init__(self, lst: CheckinList = DEFAULT, person: Attendee = PETER) -> None:
        self.lst, self.person, self.log = lst, person, list[Scan]()

    def scan(
        self, kind: ScanKind = ScanKind.ENTRY, at: datetime = NOW, *, force: bool = False
    ) -> Decision:
        req = ScanRequest(
            self.lst, at, TZ, kind, self.person, tuple(self.log), force=force
        )
        d = decide(req)
        self.log.append(
            Scan(f"s{len(self.log) + 1:04}", "k1", at, kind, d.reason, self.lst.id)
        )
        return d

    def exit(self, at: datetime = NOW) -> Decision:
        return self.scan(ScanKind.EXIT, at)

    @property
    def accepted(self) -> int:
        return sum(1 for s in self.log if s.accepted)


def test_checkin_valid() -> None:
    """pretix test_checkin_valid."""
    desk = Desk()
    assert desk.scan().reason is Reason.ADMITTED and desk.accepted == 1


def test_single_entry() -> None:
    """pretix test_single_entry: the second entry is refused, one check-in stays."""
    desk = Desk()
    desk.scan()
    assert desk.scan(at=NOW + timedelta(minutes=1)).reason is Reason.ALREADY_CHECKED_IN
    assert desk.accepted == 1


def test_multi_entry() -> None:
    """pretix test_multi_entry (allow_multiple_entries)."""
    desk = Desk(CheckinList(2, "Coffee", policy=Policy.MULTIPLE))
    desk.scan()
    assert desk.scan(at=NOW + timedelta(minutes=1)).reason is Reason.ADMITTED
    assert desk.accepted == 2


def test_single_entry_after_exit() -> None:
    """pretix test_single_entry_after_exit: entry, exit, entry — all three accepted on the
    default list (libpretixsync testAllowSingleEntryAfterExit: a fourth entry is USED)."""
    desk = Desk()
    assert desk.scan(at=NOW).reason is Reason.ADMITTED
    assert desk.exit(NOW + timedelta(minutes=1)).reason is Reason.EXIT_RECORDED
    again = desk.scan(at=NOW + timedelta(minutes=2))
    assert again.reason is Reason.ADMITTED and again.hint is Hint.REENTRY
    assert desk.scan(at=NOW + timedelta(minutes=3)).reason is Reason.ALREADY_CHECKED_IN
    assert desk.accepted == 3


def test_single_entry_after_exit_forbidden() -> None:
    """pretix test_single_entry_after_exit_forbidden (allow_entry_after_exit = False);
    libpretixsync testSingleEntryAfterExitForbidden."""
    desk = Desk(CheckinList(3, "No re-entry", day=DAY, allow_reentry=False))
    desk.scan(at=NOW)
    desk.exit(NOW + timedelta(minutes=1))
    assert desk.scan(at=NOW + timedelta(minutes=2)).reason is Reason.ALREADY_CHECKED_IN
    assert desk.accepted == 2


def test_exit_does_not_invalidate() -> None:
    """pretix test_exit_does_not_invalidate: an exit first, then an entry, then an exit — all
    accepted; the first exit is recorded without counting the person as admitted."""
    desk = Desk()
    first = desk.exit(NOW)
    assert first.reason is Reason.EXIT_RECORDED and first.hint is Hint.NO_ENTRY
    assert first.accepted and not first.admitted
    assert desk.scan(at=NOW + timedelta(minutes=1)).reason is Reason.ADMITTED
    last = desk.exit(NOW + timedelta(minutes=2))
    assert last.reason is Reason.EXIT_RECORDED and last.admitted
    assert desk.accepted == 3


def test_multi_exit_on_a_presence_list() -> None:
    """pretix test_multi_exit, libpretixsync testAllowMultiExit: entry, exit, exit — three
    accepted, also where the list tracks who is inside."""
    desk = Desk(CheckinList(4, "Hall", day=DAY, tracks_presence=True))
    desk.scan(at=NOW)
    desk.exit(NOW + timedelta(minutes=1))
    second = desk.exit(NOW + timedelta(minutes=2))
    assert second.reason is Reason.EXIT_RECORDED
    assert desk.accepted == 3


def test_single_entry_after_exit_ordered_by_date() -> None:
    """pretix test_single_entry_after_exit_ordered_by_date: an exit stamped 09:55 arrives
    before the entry stamped 09:50 (another kiosk's, synchronised late); the re-entry at 10:00
    is admitted because the scans are taken in the order of their time, not of arrival."""
    desk = Desk(CheckinList(5, "Hall", day=DAY, tracks_presence=True))
    dt1, dt2 = NOW - timedelta(minutes=10), NOW - timedelta(minutes=5)
    assert desk.exit(dt2).reason is Reason.EXIT_RECORDED
    assert desk.scan(at=dt1).reason is Reason.ADMITTED
    assert desk.scan(at=NOW).reason is Reason.ADMITTED
    assert desk.accepted == 3


def test_unpaid() -> None:
    """pretix test_unpaid (pending order, list without include_pending); libpretixsync
    testSimpleUnpaid and testSimpleUnpaidIgnoreWithoutIncludePending."""
    desk = Desk(person=Attendee(2, "u-emily", "EMI1", "Emily", "Scott", pending=True))
    assert desk.scan().reason is Reason.UNPAID and desk.accepted == 0


def test_unpaid_include_pending() -> None:
    """pretix test_unpaid_include_pending_ignore; libpretixsync testSimpleUnpaidAllowed."""
    lst = CheckinList(6, "Pay at the door", day=DAY, admit_pending=True)
    desk = Desk(lst, Attendee(2, "u-emily", "EMI1", "Emily", "Scott", pending=True))
    assert desk.scan().reason is Reason.ADMITTED


def test_unpaid_force() -> None:
    """pretix test_unpaid_force: staff may admit an unpaid registration anyway."""
    desk = Desk(person=Attendee(2, "u-emily", "EMI1", "Emily", "Scott", pending=True))
    d = desk.scan(force=True)
    assert d.reason is Reason.ADMITTED and d.hint is Hint.FORCED
    assert d.overridden is Reason.UNPAID


def test_single_entry_forced_reentry() -> None:
    """pretix test_single_entry_forced_reentry: a forced entry after an entry is admitted and
    marked forced."""
    desk = Desk(CheckinList(3, "No re-entry", day=DAY, allow_reentry=False))
    desk.scan()
    d = desk.scan(at=NOW + timedelta(minutes=1), force=True)
    assert d.reason is Reason.ADMITTED and d.hint is Hint.FORCED
    assert d.overridden is Reason.ALREADY_CHECKED_IN


def test_checkin_canceled_order_even_forced() -> None:
    """pretix test_checkin_canceled_order (code 'canceled'): a cancelled registration is not
    admitted, and in Kiosk not even by force."""
    cancelled = Attendee(3, "u-x", "X1", "Ion", "Popescu", status=AttendeeStatus.CANCELLED)
    desk = Desk(person=cancelled)
    assert desk.scan().reason is Reason.CANCELLED
    assert desk.scan(force=True).reason is Reason.CANCELLED


def test_simple_blocked() -> None:
    """libpretixsync testSimpleBlocked / testSignedAndBlocked: refused, nothing admitted."""
    blocked = Attendee(4, "u-lost", "LOST1", "Lost", "Ticket", blocked=True)
    desk = Desk(person=blocked)
    d = desk.scan(force=True)
    assert d.reason is Reason.REVOKED and d.hint is Hint.BLOCKED and desk.accepted == 0


def test_signed_and_revoked() -> None:
    """libpretixsync testSignedAndRevoked: a ticket on the revocation list is refused."""
    req = ScanRequest(DEFAULT, NOW, TZ, ScanKind.ENTRY, PETER, revoked=True)
    assert decide(req).reason is Reason.REVOKED


def test_rules_simple_exit_is_valid_when_entry_is_not() -> None:
    """libpretixsync testRulesSimple / pretix test_rules_simple: where the list refuses the
    entry, the exit is still accepted (nobody is held at the door)."""
    speakers = CheckinList(7, "Speakers", day=DAY, categories=frozenset({"speaker"}))
    desk = Desk(speakers)
    assert desk.scan().reason is Reason.NOT_ON_LIST
    assert desk.exit(NOW + timedelta(minutes=1)).reason is Reason.EXIT_RECORDED


def test_forced_admission_for_another_day() -> None:
    """Kiosk's own case (issue: "registered for day 2, came on day 1"): staff force the
    entry; the refusal it overrides is kept with the decision."""
    day2_only = Attendee(5, "u-d2", "D2", "Maria", "Popescu", days=frozenset({DAY + timedelta(1)}))
    d = Desk(person=day2_only).scan(force=True)
    assert d.reason is Reason.ADMITTED and d.hint is Hint.FORCED
    assert d.overridden is Reason.NOT_ON_LIST


def test_unknown_code_cannot_be_forced() -> None:
    req = ScanRequest(DEFAULT, NOW, TZ, ScanKind.ENTRY, None, force=True)
    assert decide(req).reason is Reason.UNKNOWN_CODE
