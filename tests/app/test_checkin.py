"""The check-in service: decisions written to the scan log, undo, exits, manual scans."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kiosk.app.checkin import CheckinService, NoListError, UndoError
from kiosk.core.model import ScanKind
from kiosk.core.reasons import Hint, Reason, accepted
from kiosk.storage import events, scanlog
from kiosk.storage.database import Database
from tests.conftest import Clock, People


def service(db: Database, clock: Clock, kiosk: str = "Desk 1") -> CheckinService:
    return CheckinService(db, events.local_kiosk(db, kiosk), clock=clock)


def log(db: Database) -> list[tuple[str, str, str]]:
    return [
        tuple(r) for r in db.conn.execute("SELECT kind, outcome, reason FROM scan ORDER BY hlc")
    ]


def test_first_scan_is_admitted_and_logged(db: Database, people: People, clock: Clock) -> None:
    result = service(db, clock).scan(people.ana)
    assert result.decision.reason is Reason.ADMITTED
    assert (
        result.checkin_list.day is not None and result.checkin_list.day.isoformat() == "2026-09-28"
    )
    assert log(db) == [("entry", "accepted", "admitted")]


def test_second_scan_same_day_is_refused_with_first_time_and_kiosk(
    db: Database, people: People, clock: Clock
) -> None:
    service(db, clock, "Desk 2").scan(people.ana)
    clock.advance(minutes=20)
    again = service(db, clock, "Desk 1").scan(people.ana)
    assert again.decision.reason is Reason.ALREADY_CHECKED_IN
    assert again.decision.previous is not None
    assert again.decision.previous.kiosk_name == "Desk 2"
    assert again.decision.previous.at == datetime(2026, 9, 28, 6, 14, tzinfo=UTC)
    assert log(db)[-1] == ("entry", "refused", "already_checked_in")


def test_the_next_day_the_same_person_is_admitted_on_that_days_list(
    db: Database, people: People, clock: Clock
) -> None:
    service(db, clock).scan(people.ivan)
    clock.advance(days=1)
    result = service(db, clock).scan(people.ivan)
    assert result.decision.reason is Reason.ADMITTED
    assert (
        result.checkin_list.day is not None and result.checkin_list.day.isoformat() == "2026-09-29"
    )


def test_refused_scans_are_logged_too(db: Database, people: People, clock: Clock) -> None:
    s = service(db, clock)
    assert s.scan(people.cancelled).decision.reason is Reason.CANCELLED
    assert s.scan(people.day2_only).decision.reason is Reason.NOT_ON_LIST
    assert s.scan("NOT-A-CODE").decision.reason is Reason.UNKNOWN_CODE
    assert [r[2] for r in log(db)] == ["cancelled", "not_on_list", "unknown_code"]


def test_a_mistyped_check_character_is_unknown_with_a_hint(
    db: Database, people: People, clock: Clock
) -> None:
    wrong = people.ana[:-1] + ("0" if people.ana[-1] != "0" else "1")
    d = service(db, clock).scan(wrong.lower()).decision  # typed by a person
    assert d.reason is Reason.UNKNOWN_CODE and d.hint is Hint.CHECK_CHARACTER
    # The same text as a scanner sends it (capitals) is a scan to repeat.
    d = service(db, clock).scan(wrong).decision
    assert d.reason is Reason.UNKNOWN_CODE and d.hint is Hint.PARTIAL_SCAN
    d = service(db, clock).scan(people.ana[2:]).decision
    assert d.reason is Reason.UNKNOWN_CODE and d.hint is Hint.PARTIAL_SCAN


def test_codes_are_matched_case_insensitively_and_with_look_alikes(
    db: Database, people: People, clock: Clock
) -> None:
    typed = people.ana.lower().replace("0", "o").replace("1", "l")
    assert service(db, clock).scan(f"  {typed}\n").decision.attendee is not None


def test_undo_voids_the_last_checkin_and_the_person_can_be_admitted_again(
    db: Database, people: People, clock: Clock
) -> None:
    s = service(db, clock)
    first = s.scan(people.ana)
    undone = s.undo()
    assert undone.voided_scan_id == first.scan_id
    assert s.scan(people.ana).decision.reason is Reason.ADMITTED
    assert [r[0] for r in log(db)] == ["entry", "void", "entry"]


def test_undo_twice_of_the_same_scan_is_refused(db: Database, people: People, clock: Clock) -> None:
    s = service(db, clock)
    first = s.scan(people.ana)
    s.undo(first.scan_id)
    with pytest.raises(UndoError):
        s.undo(first.scan_id)


def test_undo_with_nothing_to_undo_is_refused(db: Database, people: People, clock: Clock) -> None:
    s = service(db, clock)
    s.scan("UNKNOWN")
    with pytest.raises(UndoError):
        s.undo()


def test_a_scan_at_a_past_time_is_flagged_manual(
    db: Database, people: People, clock: Clock
) -> None:
    clock.advance(days=1)
    past = datetime(2026, 9, 28, 7, 30, tzinfo=UTC)
    result = service(db, clock).scan(people.ivan, at=past)
    assert result.manual and result.decision.admitted
    assert (
        result.checkin_list.day is not None and result.checkin_list.day.isoformat() == "2026-09-28"
    )
    assert db.conn.execute("SELECT manual, at FROM scan").fetchone() == (
        1,
        "2026-09-28T07:30:00.000000Z",
    )


def test_exit_is_recorded(db: Database, people: People, clock: Clock) -> None:
    s = service(db, clock)
    s.scan(people.ana)
    assert s.scan(people.ana, kind=ScanKind.EXIT).decision.reason is Reason.EXIT_RECORDED


def test_no_list_for_today_is_an_error_that_lists_the_lists(db: Database, people: People) -> None:
    s = service(db, Clock(datetime(2026, 10, 5, 9, tzinfo=UTC)))
    with pytest.raises(NoListError, match="Day 2026-09-28"):
        s.scan(people.ana)


def test_each_kiosk_numbers_its_scans_without_gaps(
    db: Database, people: People, clock: Clock
) -> None:
    one, two = service(db, clock, "Desk 1"), service(db, clock, "Desk 2")
    for code in (people.ana, people.ivan, "X", people.ana):
        one.scan(code)
        two.scan(code)
    rows = db.conn.execute("SELECT kiosk_id, kiosk_seq FROM scan ORDER BY hlc").fetchall()
    for kiosk in (one.kiosk.id, two.kiosk.id):
        assert [seq for k, seq in rows if k == kiosk] == [1, 2, 3, 4]


def test_hybrid_clock_values_increase_even_when_the_wall_clock_stands_still(
    db: Database, people: People, clock: Clock
) -> None:
    s = service(db, clock)
    for code in (people.ana, people.ivan, people.ana):
        s.scan(code)
    values = [r[0] for r in db.conn.execute("SELECT hlc FROM scan ORDER BY kiosk_seq")]
    assert values == sorted(values) and len(set(values)) == 3


def test_a_scan_is_later_on_the_clock_than_every_scan_before_it_from_any_kiosk(
    db: Database, people: People, clock: Clock
) -> None:
    one, two = service(db, clock, "Desk 1"), service(db, clock, "Desk 2")
    seen: list[str] = []
    for desk, code in [(one, people.ana), (two, people.ivan), (two, "X"), (one, people.ana)]:
        desk.scan(code)
        newest = scanlog.highest_hlc(db.conn)
        assert newest is not None
        seen.append(newest)
    assert seen == sorted(seen) and len(set(seen)) == 4


def test_a_huge_or_hostile_scan_is_refused_not_crashed(
    db: Database, people: People, clock: Clock
) -> None:
    s = service(db, clock)
    for raw in ("", "\x00\x1b[2J", "x" * 100_000, "‮evil", "🎫" * 50, "' OR 1=1 --"):
        assert s.scan(raw).decision.reason is Reason.UNKNOWN_CODE


def test_the_log_marks_accepted_exactly_the_scans_the_rule_accepts(
    db: Database, people: People, clock: Clock
) -> None:
    s = service(db, clock)
    results = [s.scan(code) for code in (people.ana, people.ana, people.cancelled, "NOPE")]
    s.undo(results[0].scan_id)
    rows = db.conn.execute("SELECT reason, outcome FROM scan ORDER BY hlc").fetchall()
    assert [r for r, _ in rows] == [
        "admitted", "already_checked_in", "cancelled", "unknown_code", "voided",
    ]  # fmt: skip
    assert all((outcome == "accepted") is accepted(Reason(r)) for r, outcome in rows)
