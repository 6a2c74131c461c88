"""Signed tickets at the desk: people the kiosk never heard of, forgeries and revocations."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import date
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kiosk.app import keys as key_service
from kiosk.app.checkin import CheckinService
from kiosk.core import codes, signed
from kiosk.core.reasons import Hint, Reason
from kiosk.core.signed import TicketData
from kiosk.reports.attendance import attendance_register
from kiosk.storage import attendees, events, keys
from kiosk.storage.database import Database
from kiosk.storage.errors import StorageError
from kiosk.tickets import signing
from kiosk.tickets.signing import RevocationList, TicketSigner
from tests.conftest import DAY1, DAY2, Clock, People


@pytest.fixture
def key(db: Database) -> Ed25519PrivateKey:
    """The event's key, trusted by the test database (as 'kiosk keys add-public' does)."""
    private = signing.new_private_key()
    trust(db, private)
    return private


def trust(db: Database, private: Ed25519PrivateKey) -> None:
    raw = signing.public_raw(private)
    uid = events.event_info(db).uid
    keys.add_keys(db, [keys.TrustedKey(raw, signing.key_id_of(raw), uid, "", "", "now")])


def late_registration(days: frozenset[date] = frozenset()) -> TicketData:
    code = codes.generate()
    return TicketData(str(uuid.uuid4()), code, "Анастасия", "Константинова", "press", days)


def ticket(db: Database, key: Ed25519PrivateKey, data: TicketData) -> str:
    return TicketSigner(key, events.event_info(db).uid).sign(data)


def counts(db: Database) -> tuple[int, int]:
    (people,) = db.conn.execute("SELECT count(*) FROM attendee").fetchone()
    (scans,) = db.conn.execute("SELECT count(*) FROM scan").fetchone()
    return people, scans


def service(db: Database, clock: Clock) -> CheckinService:
    return CheckinService(db, clock=clock)


def test_an_unknown_person_with_a_valid_signed_ticket_is_admitted_and_added_to_the_roster(
    db: Database, people: People, clock: Clock, key: Ed25519PrivateKey
) -> None:
    data = late_registration(frozenset({DAY1, DAY2}))
    before = counts(db)
    result = service(db, clock).scan(ticket(db, key, data))
    assert result.decision.reason is Reason.ADMITTED
    assert result.decision.hint is Hint.SIGNED_TICKET
    person = result.decision.attendee
    assert person is not None and person.uid == data.uid
    assert (person.first_name, person.last_name, person.category) == (
        "Анастасия", "Константинова", "press",
    )  # fmt: skip
    assert person.days == {DAY1, DAY2}
    record = attendees.record(db, person.id)
    assert record is not None and record.origin == signed.ORIGIN
    assert counts(db) == (before[0] + 1, before[1] + 1)
    logged = db.conn.execute("SELECT attendee_uid, reason, hint FROM scan").fetchall()
    assert logged == [(data.uid, "admitted", "signed_ticket")]


def test_the_attendee_is_added_only_if_the_scan_is_written_too(
    db: Database, people: People, clock: Clock, key: Ed25519PrivateKey
) -> None:
    code = ticket(db, key, late_registration())
    before = counts(db)
    db.conn.execute(
        "CREATE TEMP TRIGGER fail_scan BEFORE INSERT ON scan "
        "BEGIN SELECT RAISE(FAIL, 'disk I/O error'); END"
    )
    with pytest.raises((StorageError, sqlite3.Error)):
        service(db, clock).scan(code)
    db.conn.execute("DROP TRIGGER fail_scan")
    assert counts(db) == before


def test_the_same_signed_ticket_twice_is_already_checked_in(
    db: Database, people: People, clock: Clock, key: Ed25519PrivateKey
) -> None:
    code = ticket(db, key, late_registration())
    desk = service(db, clock)
    desk.scan(code)
    clock.advance(minutes=5)
    again = desk.scan(code)
    assert again.decision.reason is Reason.ALREADY_CHECKED_IN
    assert again.decision.hint is None
    assert counts(db)[0] == 5  # four in the roster, one added once


def test_a_signed_ticket_of_someone_in_the_roster_checks_in_that_attendee(
    db: Database, people: People, clock: Clock, key: Ed25519PrivateKey
) -> None:
    ana = attendees.find_by_code(db.conn, people.ana)
    assert ana is not None
    code = ticket(db, key, key_service.ticket_data(ana))
    result = service(db, clock).scan(code)
    assert result.decision.reason is Reason.ADMITTED and result.decision.hint is None
    assert result.decision.attendee is not None and result.decision.attendee.id == ana.id
    assert counts(db)[0] == 4
    # ... and the short code on the same ticket finds that check-in.
    assert service(db, clock).scan(people.ana).decision.reason is Reason.ALREADY_CHECKED_IN


def test_a_signed_ticket_of_a_cancelled_roster_entry_is_refused_as_cancelled(
    db: Database, people: People, clock: Clock, key: Ed25519PrivateKey
) -> None:
    ion = attendees.find_by_code(db.conn, people.cancelled)
    assert ion is not None
    result = service(db, clock).scan(ticket(db, key, key_service.ticket_data(ion)))
    assert result.decision.reason is Reason.CANCELLED


def test_a_signed_ticket_for_another_day_is_refused_but_the_person_is_known(
    db: Database, people: People, clock: Clock, key: Ed25519PrivateKey
) -> None:
    result = service(db, clock).scan(ticket(db, key, late_registration(frozenset({DAY2}))))
    assert result.decision.reason is Reason.NOT_ON_LIST
    assert result.decision.hint is Hint.DAY_NOT_COVERED


def refused_only(db: Database, before: tuple[int, int], reason: Reason) -> None:
    assert counts(db) == (before[0], before[1] + 1)
    row = db.conn.execute("SELECT outcome, reason FROM scan ORDER BY kiosk_seq DESC").fetchone()
    assert tuple(row) == ("refused", reason.value)


def test_a_ticket_signed_by_a_key_the_kiosk_does_not_hold_is_invalid_signature(
    db: Database, people: People, clock: Clock, key: Ed25519PrivateKey
) -> None:
    forged = ticket(db, signing.new_private_key(), late_registration())
    before = counts(db)
    result = service(db, clock).scan(forged)
    assert result.decision.reason is Reason.INVALID_SIGNATURE
    assert result.decision.attendee is None
    refused_only(db, before, Reason.INVALID_SIGNATURE)


def test_an_altered_signed_ticket_is_invalid_signature(
    db: Database, people: People, clock: Clock, key: Ed25519PrivateKey
) -> None:
    code = ticket(db, key, late_registration())
    original = signed.decode(code)
    promoted = TicketData(original.data.uid, original.data.code, "Анастасия", "Константинова",
                          "vip")  # fmt: skip
    altered = signed.encode(signed.ticket_body(promoted, original.key_id), original.signature)
    flipped = code[:100] + str((int(code[100]) + 1) % 10) + code[101:]
    desk = service(db, clock)
    for bad in (altered, flipped):
        before = counts(db)
        assert desk.scan(bad).decision.reason is Reason.INVALID_SIGNATURE
        refused_only(db, before, Reason.INVALID_SIGNATURE)


def test_a_ticket_of_another_event_is_invalid_signature_even_with_the_same_key(
    db: Database, people: People, clock: Clock, key: Ed25519PrivateKey
) -> None:
    other_event = TicketSigner(key, str(uuid.uuid4())).sign(late_registration())
    assert service(db, clock).scan(other_event).decision.reason is Reason.INVALID_SIGNATURE


def test_a_kiosk_without_keys_refuses_signed_tickets(
    db: Database, people: People, clock: Clock
) -> None:
    code = ticket(db, signing.new_private_key(), late_registration())
    assert service(db, clock).scan(code).decision.reason is Reason.INVALID_SIGNATURE


def test_keys_added_and_removed_while_the_desk_runs_take_effect_at_once(
    db: Database, people: People, clock: Clock
) -> None:
    desk = service(db, clock)
    old, new = signing.new_private_key(), signing.new_private_key()
    trust(db, old)
    assert desk.scan(ticket(db, old, late_registration())).decision.reason is Reason.ADMITTED
    trust(db, new)  # rotation: both valid
    assert desk.scan(ticket(db, new, late_registration())).decision.reason is Reason.ADMITTED
    assert desk.scan(ticket(db, old, late_registration())).decision.reason is Reason.ADMITTED
    keys.remove_keys(db, signing.key_id_of(signing.public_raw(old)))
    retired = desk.scan(ticket(db, old, late_registration()))
    assert retired.decision.reason is Reason.INVALID_SIGNATURE


def hold_revocations(db: Database, key: Ed25519PrivateKey, serial: int, uids: set[str],
                     tmp_path: Path) -> None:  # fmt: skip
    rl = RevocationList(events.event_info(db).uid, serial, f"2026-09-28T0{serial}:00:00Z",
                        frozenset(uids))  # fmt: skip
    path = tmp_path / f"revocations-{serial}.json"
    path.write_bytes(signing.sign_revocations(key, rl))
    key_service.import_revocations(db, path)


def test_a_revoked_ticket_is_refused_and_its_holder_not_added(
    db: Database, people: People, clock: Clock, key: Ed25519PrivateKey, tmp_path: Path
) -> None:
    data = late_registration()
    hold_revocations(db, key, 1, {data.uid}, tmp_path)
    before = counts(db)
    result = service(db, clock).scan(ticket(db, key, data))
    assert result.decision.reason is Reason.REVOKED
    refused_only(db, before, Reason.REVOKED)


def test_a_revoked_ticket_of_someone_in_the_roster_is_refused_too(
    db: Database, people: People, clock: Clock, key: Ed25519PrivateKey, tmp_path: Path
) -> None:
    ivan = attendees.find_by_code(db.conn, people.ivan)
    assert ivan is not None
    hold_revocations(db, key, 1, {ivan.uid}, tmp_path)
    result = service(db, clock).scan(ticket(db, key, key_service.ticket_data(ivan)))
    assert result.decision.reason is Reason.REVOKED
    assert result.decision.attendee is not None and result.decision.attendee.id == ivan.id


def test_a_newer_revocation_list_replaces_the_older_and_an_older_one_is_refused(
    db: Database, people: People, clock: Clock, key: Ed25519PrivateKey, tmp_path: Path
) -> None:
    first, second = late_registration(), late_registration()
    second = TicketData(second.uid, second.code, "Ion", "Popa")
    hold_revocations(db, key, 2, {first.uid}, tmp_path)
    hold_revocations(db, key, 3, {second.uid}, tmp_path)
    desk = service(db, clock)
    assert desk.scan(ticket(db, key, first)).decision.reason is Reason.ADMITTED
    assert desk.scan(ticket(db, key, second)).decision.reason is Reason.REVOKED
    with pytest.raises(signing.SigningError, match="not newer"):
        key_service.import_revocations(db, tmp_path / "revocations-2.json")
    held = keys.held_revocations(db.conn)
    assert held is not None and held.serial == 3


def test_the_attendance_register_flags_people_admitted_by_signature(
    db: Database, people: People, clock: Clock, key: Ed25519PrivateKey
) -> None:
    desk = service(db, clock)
    desk.scan(people.ana)
    desk.scan(ticket(db, key, late_registration()))
    rows = {r.last_name: r.admitted_by_signature for r in attendance_register(db, DAY1)}
    assert rows == {"Ștefănescu": False, "Константинова": True}


def test_ordinary_scans_never_read_the_key_table(
    db: Database, people: People, clock: Clock, key: Ed25519PrivateKey
) -> None:
    # They do consult the revocation list (a revoked ticket is refused by its plain code too),
    # inside the query that finds the person.
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        desk = service(db, clock)
        desk.scan(people.ana)
        desk.scan("NOT-A-CODE-123")
        desk.scan("9" * 150)  # long digits, but too short to be signed
    finally:
        db.conn.set_trace_callback(None)
    assert not [s for s in statements if "signing_key" in s]


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    edits=st.lists(
        st.tuples(st.sampled_from(["replace", "insert", "delete"]), st.integers(0, 10_000),
                  st.sampled_from("0123456789")),
        min_size=1,
        max_size=3,
    )
)
def test_any_edit_of_a_signed_code_is_refused_and_adds_nobody(
    db: Database, people: People, clock: Clock, key: Ed25519PrivateKey,
    edits: list[tuple[str, int, str]],
) -> None:  # fmt: skip
    original = ticket(db, key, late_registration())
    text = original
    for kind, position, digit in edits:
        at = position % (len(text) + (kind == "insert"))
        if kind == "replace":
            text = text[:at] + digit + text[at + 1 :]
        elif kind == "insert":
            text = text[:at] + digit + text[at:]
        else:
            text = text[:at] + text[at + 1 :]
    assume(text != original)
    before = counts(db)
    result = service(db, clock).scan(text)
    assert result.decision.reason in (Reason.INVALID_SIGNATURE, Reason.UNKNOWN_CODE)
    assert counts(db) == (before[0], before[1] + 1)
