"""The check-in rules through the service every front end uses (issue 19, points 1, 4, 5, 7, 8).

Revocation holds whatever credential names the ticket; exits, re-entries and forced admissions
are logged as decided; the clock and the scanner's prefixes cannot fool the desk.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.app import keys as key_service
from kiosk.app.checkin import CheckinService, ScanRequestError
from kiosk.app.people import edit_person, set_blocked
from kiosk.core import codes
from kiosk.core.model import Method, ScanKind
from kiosk.core.reasons import Hint, Reason
from kiosk.reports.attendance import attendance_register
from kiosk.storage import attendees, events
from kiosk.storage.database import Database
from tests.app.test_signed_checkin import (
    hold_revocations,
    late_registration,
    ticket,
    trust,
)
from tests.conftest import DAY1, Clock, People


@pytest.fixture
def key(db: Database) -> Ed25519PrivateKey:
    from kiosk.tickets import signing

    private = signing.new_private_key()
    trust(db, private)
    return private


def logged(db: Database) -> list[tuple[str, str, str | None, str, str]]:
    return db.conn.execute(
        "SELECT kind, reason, hint, method, note FROM scan ORDER BY hlc"
    ).fetchall()


# -- 1. revocation by every credential ------------------------------------------------------


def test_a_revoked_ticket_is_refused_by_its_plain_code_too(
    db: Database, people: People, clock: Clock, key: Ed25519PrivateKey, tmp_path: Path
) -> None:
    """Issue 19 defect 1: after 'keys revoke' and 'keys import-revocations' the signed QR said
    revoked but the plain code printed on the same ticket said admitted."""
    ivan = attendees.find_by_code(db.conn, people.ivan)
    assert ivan is not None
    hold_revocations(db, key, 1, {ivan.uid}, tmp_path)
    desk = CheckinService(db, clock=clock)
    signed_qr = ticket(db, key, key_service.ticket_data(ivan))
    assert desk.scan(signed_qr).decision.reason is Reason.REVOKED
    assert desk.scan(people.ivan).decision.reason is Reason.REVOKED
    # typed in lower case, as a person would: still the same ticket
    assert desk.scan(people.ivan.lower()).decision.reason is Reason.REVOKED
    # picked from the search list at the desk, or by name at the self-service kiosk
    assert desk.scan(people.ivan, method=Method.PICKED).decision.reason is Reason.REVOKED
    assert desk.scan(people.ivan, method=Method.SELF_PICK).decision.reason is Reason.REVOKED


def test_a_late_registrant_admitted_by_signature_and_revoked_later_is_refused_by_plain_code(
    db: Database, people: People, clock: Clock, key: Ed25519PrivateKey, tmp_path: Path
) -> None:
    data = late_registration()
    desk = CheckinService(db, clock=clock)
    assert desk.scan(ticket(db, key, data)).decision.reason is Reason.ADMITTED
    hold_revocations(db, key, 1, {data.uid}, tmp_path)
    clock.advance(days=1)  # day 2
    assert desk.scan(data.code).decision.reason is Reason.REVOKED


def test_a_blocked_ticket_is_refused_as_revoked_and_cannot_be_forced(
    db: Database, people: People, clock: Clock, key: Ed25519PrivateKey
) -> None:
    """pretix's blocked secrets ('kiosk keys block CODE'), libpretixsync testSimpleBlocked /
    testSignedAndBlocked: one lost ticket, no key needed; refused by every credential."""
    desk = CheckinService(db, clock=clock)
    ana = attendees.find_by_code(db.conn, people.ana)
    assert ana is not None
    signed_qr = ticket(db, key, key_service.ticket_data(ana))
    set_blocked(db, people.ana, True, kiosk=desk.kiosk, operator="Elena")
    refused = desk.scan(people.ana)
    assert refused.decision.reason is Reason.REVOKED and refused.decision.hint is Hint.BLOCKED
    for credential, method in (
        (signed_qr, Method.SCANNED),
        (people.ana.lower(), Method.TYPED),
        (people.ana, Method.PICKED),  # search + Enter at the desk
        (people.ana, Method.SELF_PICK),  # a name picked at the self-service kiosk
    ):
        answer = desk.scan(credential, method=method).decision
        assert (answer.reason, answer.hint) == (Reason.REVOKED, Hint.BLOCKED), method
    forced = desk.scan(people.ana, force=True, reason="says she lost it")
    assert forced.decision.reason is Reason.REVOKED
    set_blocked(db, people.ana, False, kiosk=desk.kiosk)
    assert desk.scan(people.ana).decision.reason is Reason.ADMITTED
    edits = db.conn.execute("SELECT field, old, new, operator FROM attendee_edit").fetchall()
    assert edits == [("blocked", "0", "1", "Elena"), ("blocked", "1", "0", "")]


# -- 4. and 5. exits, re-entry, time order ----------------------------------------------------


def test_entry_after_exit_on_the_default_day_list_is_admitted(
    db: Database, people: People, clock: Clock
) -> None:
    """Issue 19 defect 4 (pretix test_single_entry_after_exit)."""
    desk = CheckinService(db, clock=clock)
    desk.scan(people.ana)
    clock.advance(minutes=30)
    desk.scan(people.ana, kind=ScanKind.EXIT)
    clock.advance(minutes=30)
    back = desk.scan(people.ana).decision
    assert back.reason is Reason.ADMITTED and back.hint is Hint.REENTRY


def test_exit_without_entry_is_recorded_but_not_admitted_and_not_in_the_register(
    db: Database, people: People, clock: Clock
) -> None:
    """Issue 19 defect 4 / issue 17 point 5: it answered admitted: true."""
    result = CheckinService(db, clock=clock).scan(people.ana, kind=ScanKind.EXIT)
    assert result.decision.reason is Reason.EXIT_RECORDED
    assert result.decision.hint is Hint.NO_ENTRY and not result.decision.admitted
    assert attendance_register(db, DAY1) == []


def test_a_late_entry_from_another_kiosk_does_not_refuse_the_later_reentry(
    db: Database, people: People, clock: Clock, tmp_path: Path
) -> None:
    """Issue 19 defect 5: the exit stamped 09:55 was decided before the entry stamped 09:50
    (made at Desk 2, synchronised later) was known; the re-entry at 10:00 must be admitted."""
    hall = events.add_list(db, "Hall", day=DAY1, tracks_presence=True)
    desk1 = CheckinService(db, events.local_kiosk(db, "Desk 1"), clock=clock)
    desk2 = CheckinService(db, events.local_kiosk(db, "Desk 2"), clock=clock)
    start = clock.now
    clock.now = start + timedelta(minutes=41)  # 09:55
    out = desk1.scan(people.ana, list_id=hall.id, kind=ScanKind.EXIT)
    assert out.decision.reason is Reason.EXIT_RECORDED  # not "not inside": kept
    clock.now = start + timedelta(minutes=36)  # 09:50, arriving late
    assert desk2.scan(people.ana, list_id=hall.id).decision.reason is Reason.ADMITTED
    clock.now = start + timedelta(minutes=46)  # 10:00
    again = desk1.scan(people.ana, list_id=hall.id).decision
    assert again.reason is Reason.ADMITTED and again.hint is Hint.REENTRY
    # and a second exit on a presence list is accepted (pretix test_multi_exit)
    clock.advance(minutes=5)
    desk1.scan(people.ana, list_id=hall.id, kind=ScanKind.EXIT)
    clock.advance(minutes=1)
    second = desk1.scan(people.ana, list_id=hall.id, kind=ScanKind.EXIT).decision
    assert second.reason is Reason.EXIT_RECORDED


# -- 7. forced admission ------------------------------------------------------------------------


def test_registered_for_day_two_came_on_day_one_is_forced_in_once_with_a_reason(
    db: Database, people: People, clock: Clock
) -> None:
    desk = CheckinService(db, clock=clock)
    assert desk.scan(people.day2_only).decision.reason is Reason.NOT_ON_LIST
    forced = desk.scan(people.day2_only, force=True, reason="  came a day early,\nOK by Elena ")
    assert forced.decision.reason is Reason.ADMITTED and forced.decision.hint is Hint.FORCED
    assert forced.decision.overridden is Reason.NOT_ON_LIST
    assert forced.method is Method.FORCED and forced.note == "came a day early, OK by Elena"
    clock.advance(minutes=10)
    assert desk.scan(people.day2_only).decision.reason is Reason.ALREADY_CHECKED_IN
    assert logged(db)[1] == ("entry", "admitted", "forced", "forced", forced.note)
    register = attendance_register(db, DAY1)
    assert [r.last_name for r in register] == ["Петрова"]  # once, no second person


def test_a_forced_admission_needs_a_reason_and_a_self_service_kiosk_never_forces(
    db: Database, people: People, clock: Clock
) -> None:
    with pytest.raises(ScanRequestError, match="reason"):
        CheckinService(db, clock=clock).scan(people.day2_only, force=True, reason="  ")
    kiosk = CheckinService(db, clock=clock, self_service=True)
    with pytest.raises(ScanRequestError, match="self-service"):
        kiosk.scan(people.day2_only, force=True, reason="please")
    assert logged(db) == []


# -- 8. the clock, scanner prefixes, hints -------------------------------------------------------


def test_a_scan_time_in_the_future_is_refused_and_nothing_is_written(
    db: Database, people: People, clock: Clock
) -> None:
    desk = CheckinService(db, clock=clock)
    with pytest.raises(ScanRequestError, match="future"):
        desk.scan(people.ana, at=clock.now + timedelta(days=365))
    with pytest.raises(ScanRequestError):
        desk.scan(people.ana, at=clock.now + timedelta(minutes=6))
    assert logged(db) == []
    late = desk.scan(people.ana, at=clock.now + timedelta(minutes=2))  # two clocks' drift
    assert late.decision.reason is Reason.ADMITTED and late.method is Method.BACKDATED


@pytest.mark.parametrize(
    ("prefix", "source"),
    [
        ("\\000001", "libpretixsync AsyncCheckProviderTest.testEciClean"),
        ("\\000026", "ECI 000026 (UTF-8), ISO/IEC 15424"),
        ("]Q1", "AIM symbology identifier of a QR code, ISO/IEC 15424"),
        ("]Q2\\000026", "AIM identifier followed by an ECI escape"),
        ("]C0", "AIM identifier of Code 128"),
    ],
)
def test_scanner_prefixes_are_stripped(
    db: Database, people: People, clock: Clock, prefix: str, source: str
) -> None:
    result = CheckinService(db, clock=clock).scan(prefix + people.ana)
    assert result.decision.reason is Reason.ADMITTED, source


def test_a_code_with_letters_never_in_our_codes_gets_a_hint(
    db: Database, people: People, clock: Clock
) -> None:
    # An AZERTY keyboard types Q for A and Z for W; U is a misread V.
    code = codes.generate()
    typo = code[:3] + "U" + code[4:]
    result = CheckinService(db, clock=clock).scan(typo)
    assert result.decision.reason is Reason.UNKNOWN_CODE
    assert result.decision.hint is Hint.NOT_OUR_LETTERS


# -- issue 17 point 10: how each check-in was made ---------------------------------------------


def test_the_log_tells_a_scan_from_a_pick_a_walk_in_and_a_backdated_entry(
    db: Database, people: People, clock: Clock
) -> None:
    desk = CheckinService(db, clock=clock)
    desk.scan(people.ana)  # USB scanner (the default)
    desk.scan(people.ivan, at=clock.now - timedelta(hours=1))  # from a paper sheet
    desk.walk_in(attendees.NewAttendee("", "Elena", "Dobreva"))
    clock.advance(days=1)
    desk.scan(people.day2_only, method=Method.PICKED)
    kiosk = CheckinService(db, events.local_kiosk(db, "Kiosk 1"), clock=clock, self_service=True)
    kiosk.scan(people.ana, method=Method.SELF_PICK)
    methods = [m for (_k, _r, _h, m, _n) in logged(db)]
    assert methods == ["scanned", "backdated", "walk_in", "picked", "self_pick"]


# -- issue 17 point 11: note, attention, corrections --------------------------------------------


def test_a_note_and_attention_flag_come_with_the_decision_and_edits_are_logged(
    db: Database, people: People, clock: Clock
) -> None:
    desk = CheckinService(db, clock=clock)
    ana = attendees.find_by_code(db.conn, people.ana)
    assert ana is not None
    person, changed = edit_person(
        db, ana.id,
        {"note": "Wheelchair: seat in row 1", "attention": True, "last_name": "Ștefănescu-Pop"},
        kiosk=desk.kiosk, operator="desk",
    )  # fmt: skip
    assert changed == {"note", "attention", "last_name"}
    assert person.last_name == "Ștefănescu-Pop"
    d = desk.scan(people.ana).decision
    assert d.attendee is not None and d.attendee.attention
    assert d.attendee.note == "Wheelchair: seat in row 1"
    fields = [r[0] for r in db.conn.execute("SELECT field FROM attendee_edit ORDER BY id")]
    assert sorted(fields) == ["attention", "last_name", "note"]


# -- the funder's register: forced admissions once, and how each day's people came in ------------


def test_the_register_counts_a_forced_person_once_and_says_how_each_was_checked_in(
    db: Database, people: People, clock: Clock
) -> None:
    from kiosk.reports.register import Scope, read_register
    from kiosk.reports.summary import build_report

    desk = CheckinService(db, clock=clock)
    desk.scan(people.ana)
    desk.scan(people.ivan, method=Method.PICKED)
    desk.scan(people.day2_only, force=True, reason="came a day early")
    clock.advance(minutes=20)
    desk.scan(people.day2_only, force=True, reason="asked twice by mistake")  # already in
    entries = read_register(db, Scope(day=DAY1)).entries
    assert sorted((e.person.last_name, e.method) for e in entries) == [
        ("Ștefănescu", "scanned"), ("Иванов", "picked"), ("Петрова", "forced"),
    ]  # fmt: skip
    section = next(s for s in build_report(db, Scope(day=DAY1)).sections if s.key == "by_method")
    assert section.header == (
        "Day", "scanned (scanner)", "picked from search by staff", "admitted by staff decision",
    )  # fmt: skip
    assert section.rows == [("2026-09-28", 1, 1, 1)]


def test_a_persons_history_says_how_each_check_in_was_made(
    db: Database, people: People, clock: Clock
) -> None:
    from kiosk.app.lookup import person_details

    desk = CheckinService(db, clock=clock)
    desk.scan(people.day2_only, force=True, reason="came a day early")
    person = attendees.find_by_code(db.conn, people.day2_only)
    assert person is not None
    details = person_details(db, person.id, desk.event.timezone)
    assert details is not None
    assert [(s.method, s.note) for s in details.scans] == [("forced", "came a day early")]


# -- a scanner typing through a Bulgarian or Romanian keyboard layout ----------------------------


def test_a_code_typed_through_another_keyboard_layout_finds_its_ticket(
    db: Database, people: People, clock: Clock
) -> None:
    """A USB scanner presses the keys of a US keyboard; the computer's layout turns them into
    other letters (the layout tables of kiosk.core.keyboard are xkeyboard-config's
    symbols/bg and symbols/ro). The desk window reads the keys; 'kiosk checkin' and every other
    front end get the text, and must still find the ticket — also a revoked one."""
    from kiosk.core import keyboard

    desk = CheckinService(db, clock=clock)
    ana = attendees.find_by_code(db.conn, people.ana)
    assert ana is not None
    typed = {keyboard.from_us(people.ana, name) for name in keyboard.LAYOUTS} - {people.ana}
    # BDS and phonetic at least (the two phonetic layouts may type a given code alike)
    assert {keyboard.from_us(people.ana, n) for n in ("bg", "bg(phonetic)")} <= typed
    answers = [desk.scan(text).decision for text in sorted(typed)]
    assert [a.attendee.uid if a.attendee else None for a in answers] == [ana.uid] * len(typed)
    assert sorted(a.reason for a in answers)[0] is Reason.ADMITTED
    raw = {r[0] for r in db.conn.execute("SELECT raw_code FROM scan")}
    assert raw == typed  # the log keeps what arrived
    set_blocked(db, people.ana, True, kiosk=desk.kiosk)
    assert all(desk.scan(text).decision.reason is Reason.REVOKED for text in typed)
    # Cyrillic that no layout explains as someone's code stays an unknown code.
    assert desk.scan("Иванова").decision.reason is Reason.UNKNOWN_CODE
