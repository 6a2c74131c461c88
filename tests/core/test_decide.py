"""decide(): the check-in rule, as a specification."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from kiosk.core.decide import decide
from kiosk.core.model import (
    Attendee,
    AttendeeStatus,
    CheckinList,
    Policy,
    Scan,
    ScanKind,
    ScanRequest,
)
from kiosk.core.reasons import Hint, Reason

TZ = "Europe/Sofia"
DAY1 = date(2026, 9, 28)
DAY2 = date(2026, 9, 29)
MORNING = datetime(2026, 9, 28, 6, 14, tzinfo=UTC)  # 09:14 in Sofia
ANA = Attendee(id=1, uid="u-ana", code="ANA1", first_name="Ana", last_name="Ștefănescu")
DAY1_LIST = CheckinList(id=1, name="Day 1", day=DAY1)
_seq = iter(range(1, 10**9))


def scan(
    kind: ScanKind = ScanKind.ENTRY,
    reason: Reason = Reason.ADMITTED,
    at: datetime = MORNING,
    kiosk: str = "Desk 2",
    ref: str | None = None,
    list_id: int = 1,
) -> Scan:
    n = next(_seq)
    return Scan(f"s{n}", f"k-{kiosk}", at, kind, reason, list_id, ref_scan_id=ref, kiosk_name=kiosk)


def request(
    *history: Scan,
    attendee: Attendee | None = ANA,
    lst: CheckinList = DAY1_LIST,
    now: datetime = MORNING + timedelta(hours=1),
    kind: ScanKind = ScanKind.ENTRY,
) -> ScanRequest:
    return ScanRequest(lst, now, TZ, kind, attendee, tuple(history))


def test_first_scan_of_a_registered_person_is_admitted() -> None:
    d = decide(request())
    assert d.reason is Reason.ADMITTED and d.admitted and d.attendee == ANA


def test_second_scan_same_day_is_refused_with_first_time_and_kiosk() -> None:
    first = scan(kiosk="Desk 2")
    d = decide(request(first))
    assert d.reason is Reason.ALREADY_CHECKED_IN
    assert not d.admitted
    assert d.previous is not None
    assert (d.previous.at, d.previous.kiosk_name, d.previous.scan_id) == (
        MORNING,
        "Desk 2",
        first.scan_id,
    )


def test_previous_names_the_earliest_admission_whatever_the_history_order() -> None:
    early = scan(at=MORNING, kiosk="Desk 1")
    late = scan(at=MORNING + timedelta(minutes=5), kiosk="Desk 3")
    d = decide(request(late, early))
    assert d.previous is not None and d.previous.kiosk_name == "Desk 1"


def test_unknown_code_is_refused_with_the_hint_given() -> None:
    d = decide(ScanRequest(DAY1_LIST, MORNING, TZ, unknown_hint=Hint.CHECK_CHARACTER))
    assert d.reason is Reason.UNKNOWN_CODE and d.hint is Hint.CHECK_CHARACTER and d.attendee is None


def test_cancelled_registration_is_refused_even_on_first_scan() -> None:
    cancelled = Attendee(2, "X", "Ion", "Popescu", status=AttendeeStatus.CANCELLED)
    assert decide(request(attendee=cancelled)).reason is Reason.CANCELLED


def test_a_day_list_refuses_scans_on_another_day() -> None:
    next_day = MORNING + timedelta(days=1)
    d = decide(request(now=next_day))
    assert d.reason is Reason.NOT_ON_LIST and d.hint is Hint.OUTSIDE_WINDOW


def test_a_ticket_for_day_two_only_is_not_on_the_day_one_list() -> None:
    day2_only = Attendee(3, "C", "Иван", "Иванов", days=frozenset({DAY2}))
    d = decide(request(attendee=day2_only))
    assert d.reason is Reason.NOT_ON_LIST and d.hint is Hint.DAY_NOT_COVERED


def test_a_list_outside_its_time_window_refuses() -> None:
    session = CheckinList(
        2,
        "B2B session",
        opens_at=MORNING + timedelta(hours=2),
        closes_at=MORNING + timedelta(hours=4),
    )
    assert decide(request(lst=session, now=MORNING)).hint is Hint.OUTSIDE_WINDOW
    assert decide(request(lst=session, now=MORNING + timedelta(hours=3))).reason is Reason.ADMITTED
    assert (
        decide(request(lst=session, now=MORNING + timedelta(hours=4))).hint is Hint.OUTSIDE_WINDOW
    )


def test_a_list_for_some_categories_refuses_the_others() -> None:
    speakers = CheckinList(3, "Speakers' lounge", categories=frozenset({"speaker"}))
    d = decide(request(lst=speakers))
    assert d.reason is Reason.NOT_ON_LIST and d.hint is Hint.CATEGORY_NOT_ALLOWED


def test_undone_checkin_lets_the_person_be_admitted_again() -> None:
    first = scan()
    void = scan(ScanKind.VOID, Reason.VOIDED, ref=first.scan_id)
    assert decide(request(first, void)).reason is Reason.ADMITTED


def test_refused_scans_in_history_do_not_count_as_admissions() -> None:
    refused = scan(reason=Reason.NOT_ON_LIST)
    assert decide(request(refused)).reason is Reason.ADMITTED


def test_once_per_day_on_a_multi_day_list_admits_again_the_next_day() -> None:
    conference = CheckinList(4, "Whole conference", policy=Policy.ONCE_PER_DAY)
    yesterday = scan(at=MORNING)
    assert decide(request(yesterday, lst=conference, now=MORNING + timedelta(days=1))).admitted
    assert not decide(request(yesterday, lst=conference, now=MORNING + timedelta(hours=3))).admitted


def test_once_policy_refuses_on_a_later_day_too() -> None:
    once = CheckinList(5, "Welcome pack", policy=Policy.ONCE)
    d = decide(request(scan(at=MORNING), lst=once, now=MORNING + timedelta(days=1)))
    assert d.reason is Reason.ALREADY_CHECKED_IN


def test_multiple_policy_admits_every_time() -> None:
    many = CheckinList(6, "Coffee", policy=Policy.MULTIPLE)
    assert decide(request(scan(), scan(), lst=many)).reason is Reason.ADMITTED


def test_exit_is_recorded_on_a_list_without_presence_tracking() -> None:
    assert decide(request(kind=ScanKind.EXIT)).reason is Reason.EXIT_RECORDED


def test_exit_without_entry_is_recorded_but_not_admitted_where_the_list_tracks_presence() -> None:
    # The entry may still be on its way from another kiosk: the exit is kept, not refused.
    hall = CheckinList(7, "Hall", day=DAY1, tracks_presence=True)
    d = decide(request(lst=hall, kind=ScanKind.EXIT))
    assert d.reason is Reason.EXIT_RECORDED and d.hint is Hint.NO_ENTRY
    assert d.accepted and not d.admitted


def test_exit_after_entry_is_recorded_and_reentry_is_admitted_with_a_hint() -> None:
    hall = CheckinList(7, "Hall", day=DAY1, tracks_presence=True)
    entry = scan(list_id=7)
    assert decide(request(entry, lst=hall, kind=ScanKind.EXIT)).reason is Reason.EXIT_RECORDED
    out = scan(ScanKind.EXIT, Reason.EXIT_RECORDED, at=MORNING + timedelta(minutes=30), list_id=7)
    again = decide(request(entry, out, lst=hall))
    assert again.reason is Reason.ADMITTED and again.hint is Hint.REENTRY
    assert decide(request(entry, lst=hall)).reason is Reason.ALREADY_CHECKED_IN


# Properties ------------------------------------------------------------------------------------

kinds = st.sampled_from([ScanKind.ENTRY, ScanKind.EXIT])
reasons = st.sampled_from(list(Reason))
offsets = st.integers(min_value=0, max_value=3 * 24 * 60)


@st.composite
def histories(draw: st.DrawFn) -> list[Scan]:
    items: list[Scan] = []
    for _ in range(draw(st.integers(0, 8))):
        if items and draw(st.booleans()):
            target = draw(st.sampled_from(items))
            items.append(scan(ScanKind.VOID, Reason.VOIDED, ref=target.scan_id))
        else:
            at = MORNING + timedelta(minutes=draw(offsets))
            items.append(scan(draw(kinds), draw(reasons), at=at))
    return items


@given(histories(), st.permutations(range(8)), kinds)
def test_the_order_of_the_history_does_not_change_the_decision(
    history: list[Scan], order: list[int], kind: ScanKind
) -> None:
    shuffled = [history[i] for i in order if i < len(history)]
    assert decide(request(*history, kind=kind)) == decide(request(*shuffled, kind=kind))


@given(histories())
def test_an_admission_on_a_once_per_day_list_is_refused_right_after(history: list[Scan]) -> None:
    no_reentry = CheckinList(1, "Day 1", day=DAY1, allow_reentry=False)
    d = decide(request(*history, lst=no_reentry))
    if d.reason is Reason.ADMITTED:
        now = MORNING + timedelta(hours=1)
        again = decide(
            request(*history, scan(at=now), lst=no_reentry, now=now + timedelta(seconds=1))
        )
        assert again.reason is Reason.ALREADY_CHECKED_IN


@given(histories(), kinds)
def test_decide_always_answers_with_a_known_reason(history: list[Scan], kind: ScanKind) -> None:
    d = decide(request(*history, kind=kind))
    assert d.reason in set(Reason) and d.accepted == (
        d.reason in {Reason.ADMITTED, Reason.EXIT_RECORDED}
    )
    assert d.admitted == (d.accepted and d.hint is not Hint.NO_ENTRY)
