"""Event keys, signed codes and revocation lists, with the real cryptography package."""

from __future__ import annotations

import base64
import json
import stat
import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from kiosk.core import codes, signed
from kiosk.core.signed import TicketData
from kiosk.tickets import signing
from kiosk.tickets.signing import RevocationList, SigningError, TicketSigner, Verifier

PASSPHRASE = b"correct horse battery"
EVENT = "9b0d7f0e-6a57-4a61-9a36-0d3f0c0c0c01"


def person() -> TicketData:
    return TicketData(str(uuid.uuid4()), "K7M2XR9PD", "Ана", "Иванова", "speaker",
                      frozenset({date(2026, 9, 28)}))  # fmt: skip


def test_the_private_key_file_is_encrypted_and_readable_by_its_owner_only(tmp_path: Path) -> None:
    key = signing.new_private_key()
    path = tmp_path / "event.key"
    signing.write_private_key(path, key, PASSPHRASE)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    stored = path.read_bytes()
    raw = key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    assert raw not in stored and base64.b64encode(raw) not in stored
    again = signing.read_private_key(path, PASSPHRASE)
    assert signing.public_raw(again) == signing.public_raw(key)


def test_an_existing_key_file_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "event.key"
    signing.write_private_key(path, signing.new_private_key(), PASSPHRASE)
    before = path.read_bytes()
    with pytest.raises(SigningError, match="already exists"):
        signing.write_private_key(path, signing.new_private_key(), PASSPHRASE)
    assert path.read_bytes() == before


def test_a_short_passphrase_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SigningError, match="at least"):
        signing.write_private_key(tmp_path / "k", signing.new_private_key(), b"short")
    assert not (tmp_path / "k").exists()


def test_a_wrong_passphrase_or_a_wrong_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "event.key"
    signing.write_private_key(path, signing.new_private_key(), PASSPHRASE)
    with pytest.raises(SigningError, match="passphrase is wrong"):
        signing.read_private_key(path, b"not the passphrase")
    other = tmp_path / "notes.txt"
    other.write_text("hello")
    with pytest.raises(SigningError, match=str(other)):
        signing.read_private_key(other, PASSPHRASE)


def test_an_altered_key_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "event.key"
    signing.write_private_key(path, signing.new_private_key(), PASSPHRASE)
    document = json.loads(path.read_text())
    document["public_key"] = base64.b64encode(bytes(32)).decode()
    path.write_text(json.dumps(document))
    with pytest.raises(SigningError, match="passphrase is wrong"):
        signing.read_private_key(path, PASSPHRASE)


def test_a_code_verifies_with_the_key_that_signed_it_for_this_event_only() -> None:
    key, stranger = signing.new_private_key(), signing.new_private_key()
    code = TicketSigner(key, EVENT).sign(person())
    ticket = signed.decode(code)
    assert Verifier([signing.public_raw(key)], EVENT).verify(ticket)
    assert not Verifier([signing.public_raw(key)], "another-event").verify(ticket)
    assert not Verifier([signing.public_raw(stranger)], EVENT).verify(ticket)
    assert not Verifier([], EVENT).verify(ticket)


def test_an_altered_field_breaks_the_signature() -> None:
    key = signing.new_private_key()
    ticket = signed.decode(TicketSigner(key, EVENT).sign(person()))
    forged_data = TicketData(ticket.data.uid, ticket.data.code, "Мошеник", "", "vip")
    forged = signed.decode(
        signed.encode(signed.ticket_body(forged_data, ticket.key_id), ticket.signature)
    )
    assert not Verifier([signing.public_raw(key)], EVENT).verify(forged)


def test_several_keys_are_valid_at_once_for_rotation() -> None:
    old, new = signing.new_private_key(), signing.new_private_key()
    verifier = Verifier([signing.public_raw(old), signing.public_raw(new)], EVENT)
    for key in (old, new):
        assert verifier.verify(signed.decode(TicketSigner(key, EVENT).sign(person())))


def test_public_key_files_round_trip_and_damage_is_named(tmp_path: Path) -> None:
    key = signing.new_private_key()
    pub = signing.PublicKey(signing.public_raw(key), EVENT, "Конференция", "2026-09-01")
    path = tmp_path / "keys.json"
    path.write_bytes(signing.public_keys_document([pub]))
    assert signing.read_public_keys(path) == [pub]
    document = json.loads(path.read_text())
    document["keys"][0]["public_key"] = "not base64!"
    path.write_text(json.dumps(document))
    with pytest.raises(SigningError, match="key 1 is damaged"):
        signing.read_public_keys(path)
    path.write_bytes(b"\x89PNG\r\n\x1a\n")
    with pytest.raises(SigningError, match="not JSON"):
        signing.read_public_keys(path)


def test_a_revocation_list_is_accepted_only_as_signed(tmp_path: Path) -> None:
    key = signing.new_private_key()
    rl = RevocationList(EVENT, 3, "2026-09-28T08:00:00Z", frozenset({"u1", "u2"}))
    document = signing.sign_revocations(key, rl)
    raw = [signing.public_raw(key)]
    read = signing.read_revocations(tmp_path / "r.json", document, raw, EVENT)
    assert (read.serial, read.revoked) == (3, frozenset({"u1", "u2"}))
    tampered = json.loads(document)
    tampered["revoked"] = ["u1"]
    with pytest.raises(SigningError, match="signature does not match"):
        signing.read_revocations(tmp_path / "r.json", json.dumps(tampered).encode(), raw, EVENT)
    with pytest.raises(SigningError, match="another event"):
        signing.read_revocations(tmp_path / "r.json", document, raw, "other-event")
    stranger = [signing.public_raw(signing.new_private_key())]
    with pytest.raises(SigningError, match="signature does not match"):
        signing.read_revocations(tmp_path / "r.json", document, stranger, EVENT)



def test_a_ticket_with_very_long_names_is_shortened_to_what_a_kiosk_reads() -> None:
    data = TicketData(str(uuid.uuid4()), "EB-1234567890123456789", "Щ" * 200, "Ж" * 200,
                      "x" * 40, frozenset(date(2026, 9, d) for d in range(20, 30)))  # fmt: skip
    text = TicketSigner(signing.new_private_key(), EVENT).sign(data)
    assert len(text) <= codes.MAX_SCAN_LENGTH
    back = signed.decode(text).data
    assert back.first_name and data.first_name.startswith(back.first_name)
    assert (back.code, back.days) == (data.code, data.days)


def test_a_ticket_that_cannot_fit_is_refused_with_a_reason() -> None:
    days = frozenset(date(2026, 1, 1) + timedelta(days=d) for d in range(200))
    data = TicketData(str(uuid.uuid4()), "C" * signed.MAX_CODE, "Ана", "Иванова", days=days)
    with pytest.raises(ValueError, match="longer than"):
        TicketSigner(signing.new_private_key(), EVENT).sign(data)
