"""The check-in rule against pretix's own cases.

Each test names the case it mirrors: pretix ``src/tests/base/test_checkin.py`` (server side,
``perform_checkin``) or libpretixsync ``AsyncCheckProviderTest`` (the offline scanner app). Where
Kiosk's words differ, pretix ``already_redeemed`` is our ``already_checked_in``, ``unpaid`` is
``unpaid``, a check-in list's ``allow_entry_after_exit`` is ``allow_reentry``,
``include_pending`` is ``admit_pending``, ``allow_multiple_entries`` is policy ``multiple``, and
pretix's BLOCKED and REVOKED results are our ``revoked`` (hint ``blocked`` for a blocked one).

pretix ``src/tests/base/test_checkin.py`` (read at commit 06f0c9f4), case by case:

=========================================== =================================================
pretix case                                  Kiosk
=========================================== =================================================
test_checkin_valid                           mirrored (test_checkin_valid)
test_checkin_canceled_order / _position      mirrored; Kiosk refuses it even when forced
test_checkin_invalid_product                 mirrored with a category list
test_checkin_invalid_subevent                mirrored with a day the registration lacks
test_checkin_all_subevents                   mirrored (a registration of every day)
test_unpaid, test_unpaid_ignore_without_…    mirrored (test_unpaid)
test_unpaid_include_pending_ignore           mirrored (test_unpaid_include_pending)
test_unpaid_force                            mirrored
test_required_question_* / test_question_*   differs: Kiosk asks no questions at check-in
test_single_entry                            mirrored
test_single_entry_repeat_nonce,              differs in form: a scan has one id; the same
test_multi_entry_repeat_nonce                scan arriving twice (bundle, hub) is merged once
                                             (tests/sync/test_bundle_routes.py)
test_multi_entry                             mirrored (policy ``multiple``)
test_single_entry_forced_reentry             mirrored, with a force that found nothing to
                                             override logged as an ordinary check-in
test_exit_does_not_invalidate                mirrored
test_multi_exit                              mirrored on a presence list
test_single_entry_after_exit_ordered_by_date mirrored
test_single_entry_after_exit                 mirrored (the default, as in pretix)
test_single_entry_after_exit_forbidden       mirrored (``--no-reentry``)
test_rules_simple                            mirrored: an exit is never held at the door
test_rules_product / _variation              as test_checkin_invalid_product (categories)
test_rules_time_isafter_* / _isbefore_*      mirrored by a list's opening hours (``--opens``,
                                             ``--closes``): test_rules_time_window
test_rules_scan_number, _minutes_since_*,    differ: Kiosk has no rule language; a list
_today, _days, _isoweekday, _reasoning_*     admits once a day, once, or any number of times
test_position_queries                        in spirit: tests/app/test_checkin_lists.py
                                             (a check-in is five statements)
test_auto_checkout_*, _dst                   differ: no timed "exit all"; on a once-a-day
                                             list nobody is inside the next morning
                                             (test_auto_checkout_the_next_day)
=========================================== =================================================

libpretixsync ``AsyncCheckProviderTest`` (the offline scanner): testSimpleSuccess (the
attention flag comes with the decision), testEciClean (tests/app/test_rules_paths.py),
testSimpleInvalid, testSimpleCanceled, testSimpleUnpaid, testSimpleUnpaidAllowed,
testSimpleUnpaidIgnoreWithoutIncludePending, testSimpleBlocked, testSignedAndRevoked,
testSimpleValidFrom / testSimpleValidUntil (a list's hours), testInvalidProduct,
testSimpleRedeemed(Locally), testSimpleRedeemedOnOtherList, testAllowMultiEntry,
testAllowMultiExit, testAllowSingleEntryAfterExit, testSingleEntryAfterExitForbidden and
testRulesSimple are mirrored below; the add-on, approval and question cases have no Kiosk
counterpart.
"""

from __future__ import annotations

from dataclasses import replace
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
EMILY = Attendee(id=2, uid="u-emily", code="EMI1", first_name="Emily", last_name="Scott",
                 attention=True, pending=True)  # fmt: skip
DEFAULT = CheckinList(id=1, name="Default", day=DAY)


class Desk:
    """One person's scans on one list, decided and logged in turn (like perform_checkin)."""

    def __init__(self, lst: CheckinList = DEFAULT, person: Attendee = PETER) -> None:
        self.lst, self.person, self.log = lst, person, list[Scan]()

    def scan(
        self, kind: ScanKind = ScanKind.ENTRY, at: datetime = NOW, *, force: bool = False
    ) -> Decision:
        req = ScanRequest(self.lst, at, TZ, kind, self.person, tuple(self.log), force=force)
        d = decide(req)
        self.log.append(Scan(f"s{len(self.log) + 1:04}", "k1", at, kind, d.reason, self.lst.id))
        return d

    def exit(self, at: datetime = NOW) -> Decision:
        return self.scan(ScanKind.EXIT, at)

    @property
    def accepted(self) -> int:
        return sum(1 for s in self.log if s.accepted)


def test_checkin_valid() -> None:
    """pretix test_checkin_valid; libpretixsync testSimpleSuccess (with the attention flag)."""
    desk = Desk(person=replace(PETER, attention=True, note="Speaker gift"))
    d = desk.scan()
    assert d.reason is Reason.ADMITTED and desk.accepted == 1
    assert d.attendee is not None and d.attendee.attention and d.attendee.note == "Speaker gift"


def test_simple_invalid() -> None:
    """libpretixsync testSimpleInvalid: a code nobody holds."""
    req = ScanRequest(DEFAULT, NOW, TZ, ScanKind.ENTRY, None)
    assert decide(req).reason is Reason.UNKNOWN_CODE


def test_checkin_invalid_product() -> None:
    """pretix test_checkin_invalid_product, test_rules_product; libpretixsync
    testInvalidProduct: a list for some kinds of ticket refuses the others, and admits once
    the kind is added."""
    speakers = CheckinList(8, "Speakers' lunch", day=DAY, categories=frozenset({"speaker"}))
    refused = Desk(speakers).scan()
    assert refused.reason is Reason.NOT_ON_LIST and refused.hint is Hint.CATEGORY_NOT_ALLOWED
    both = replace(speakers, categories=frozenset({"speaker", ""}))
    assert Desk(both).scan().reason is Reason.ADMITTED


def test_checkin_invalid_subevent_and_all_subevents() -> None:
    """pretix test_checkin_invalid_subevent / test_checkin_all_subevents: a registration for
    another day is not on today's list; one for every day is on each day's list."""
    other_day = replace(PETER, days=frozenset({DAY + timedelta(days=1)}))
    refused = Desk(person=other_day).scan()
    assert refused.reason is Reason.NOT_ON_LIST and refused.hint is Hint.DAY_NOT_COVERED
    assert Desk(person=replace(PETER, days=frozenset())).scan().reason is Reason.ADMITTED
    anyday = CheckinList(9, "Coffee", policy=Policy.MULTIPLE)  # a list of no day
    assert Desk(anyday, other_day).scan().reason is Reason.NOT_ON_LIST


def test_rules_time_window() -> None:
    """pretix test_rules_time_isafter_custom_time / test_rules_time_isbefore_with_tolerance,
    libpretixsync testSimpleValidFrom / testSimpleValidUntil: a list open 10:00–12:00 (event
    time) refuses a scan at 09:55 and at 12:00, admits one at 10:05."""
    berlin = datetime(2020, 1, 1, 9, 0, tzinfo=UTC)  # 10:00 in Berlin
    workshop = CheckinList(
        10, "Workshop", day=DAY, opens_at=berlin, closes_at=berlin + timedelta(hours=2)
    )
    early = Desk(workshop).scan(at=berlin - timedelta(minutes=5))
    assert early.reason is Reason.NOT_ON_LIST and early.hint is Hint.OUTSIDE_WINDOW
    assert Desk(workshop).scan(at=berlin + timedelta(hours=2)).hint is Hint.OUTSIDE_WINDOW
    assert Desk(workshop).scan(at=berlin + timedelta(minutes=5)).reason is Reason.ADMITTED


def test_simple_redeemed_on_other_list() -> None:
    """libpretixsync testSimpleRedeemedOnOtherList: each list keeps its own admissions."""
    hall, workshop = Desk(), Desk(CheckinList(11, "Workshop", day=DAY))
    assert hall.scan().reason is Reason.ADMITTED
    assert workshop.scan().reason is Reason.ADMITTED


def test_auto_checkout_the_next_day() -> None:
    """pretix test_auto_checkout_at_correct_time has a timed "exit all"; Kiosk has none, but on
    a once-a-day presence list nobody is still inside the next morning: yesterday's entry
    neither refuses today's nor makes it a re-entry."""
    hall = CheckinList(12, "Hall", tracks_presence=True)  # every day
    desk = Desk(hall)
    desk.scan(at=NOW)
    today = desk.scan(at=NOW + timedelta(days=1))
    assert today.reason is Reason.ADMITTED and today.hint is None


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
    """pretix test_unpaid and test_unpaid_ignore_without_include_pendung (pending order, list
    without include_pending); libpretixsync
    testSimpleUnpaid and testSimpleUnpaidIgnoreWithoutIncludePending."""
    desk = Desk(person=EMILY)
    assert desk.scan().reason is Reason.UNPAID and desk.accepted == 0


def test_unpaid_include_pending() -> None:
    """pretix test_unpaid_include_pending_ignore; libpretixsync testSimpleUnpaidAllowed."""
    lst = CheckinList(6, "Pay at the door", day=DAY, admit_pending=True)
    desk = Desk(lst, EMILY)
    assert desk.scan().reason is Reason.ADMITTED


def test_unpaid_force() -> None:
    """pretix test_unpaid_force: staff may admit an unpaid registration anyway."""
    desk = Desk(person=EMILY)
    d = desk.scan(force=True)
    assert d.reason is Reason.ADMITTED and d.hint is Hint.FORCED
    assert d.overridden is Reason.UNPAID


def test_single_entry_forced_reentry() -> None:
    """pretix test_single_entry_forced_reentry: a forced first entry that needed no force is
    not marked forced; a forced entry after it is admitted and marked forced."""
    desk = Desk(CheckinList(3, "No re-entry", day=DAY, allow_reentry=False))
    first = desk.scan(force=True)
    assert first.reason is Reason.ADMITTED and first.hint is None and first.overridden is None
    d = desk.scan(at=NOW + timedelta(minutes=1), force=True)
    assert d.reason is Reason.ADMITTED and d.hint is Hint.FORCED
    assert d.overridden is Reason.ALREADY_CHECKED_IN


def test_checkin_canceled_order_even_forced() -> None:
    """pretix test_checkin_canceled_order and test_checkin_canceled_position (code
    'canceled'), libpretixsync testSimpleCanceled: a cancelled registration is not admitted,
    and in Kiosk not even by force."""
    cancelled = replace(PETER, status=AttendeeStatus.CANCELLED)
    desk = Desk(person=cancelled)
    assert desk.scan().reason is Reason.CANCELLED
    assert desk.scan(force=True).reason is Reason.CANCELLED


def test_simple_blocked() -> None:
    """libpretixsync testSimpleBlocked / testSignedAndBlocked: refused, nothing admitted."""
    blocked = replace(PETER, blocked=True)
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
    day2_only = replace(PETER, days=frozenset({DAY + timedelta(1)}))
    d = Desk(person=day2_only).scan(force=True)
    assert d.reason is Reason.ADMITTED and d.hint is Hint.FORCED
    assert d.overridden is Reason.NOT_ON_LIST


def test_unknown_code_cannot_be_forced() -> None:
    req = ScanRequest(DEFAULT, NOW, TZ, ScanKind.ENTRY, None, force=True)
    assert decide(req).reason is Reason.UNKNOWN_CODE
