"""The event's signing keys and revocation lists, as the organizer and the kiosks handle them."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.core.model import Attendee
from kiosk.core.signed import TicketData
from kiosk.core.timeutil import to_utc_iso
from kiosk.reports.export import write_atomic
from kiosk.storage import attendees, events, keys
from kiosk.storage.database import Database
from kiosk.storage.keys import HeldRevocations, TrustedKey
from kiosk.tickets import signing
from kiosk.tickets.signing import MIN_PASSPHRASE, SigningError, key_id_text

__all__ = [
    "MIN_PASSPHRASE",
    "HeldRevocations",
    "Keys",
    "NewKey",
    "Revocations",
    "SigningError",
    "TrustedKey",
    "key_id_text",
]


def _now() -> str:
    return to_utc_iso(datetime.now(UTC))


@dataclass(frozen=True, slots=True)
class NewKey:
    path: Path
    key_id: str


def init_keys(db: Database, path: Path, passphrase: bytes) -> NewKey:
    """Make a key pair for the event: the private key to ``path`` (encrypted), the public key
    trusted by this database."""
    info = events.event_info(db)
    key = signing.new_private_key()
    signing.write_private_key(path, key, passphrase)
    raw = signing.public_raw(key)
    now = _now()
    keys.add_keys(db, [keys.TrustedKey(raw, signing.key_id_of(raw), info.uid, info.name, now, now)])
    return NewKey(path, signing.key_id_text(signing.key_id_of(raw)))


def public_keys_file(db: Database) -> tuple[bytes, int]:
    """The public key file for kiosks (every key this database trusts) and how many keys."""
    with db.read() as conn:
        held = keys.trusted_keys(conn)
    if not held:
        raise SigningError(
            f"Database {db.path}: the event has no signing key yet — run 'kiosk keys init'."
        )
    document = signing.public_keys_document(
        signing.PublicKey(k.raw, k.event_uid, k.event_name, k.created_at) for k in held
    )
    return document, len(held)


def add_public(db: Database, path: Path) -> tuple[int, int]:
    """Trust the keys in ``path``; returns (new, already trusted)."""
    info = events.event_info(db)
    found = signing.read_public_keys(path)
    for key in found:
        if key.event_uid != info.uid:
            raise SigningError(
                f"{path}: key {signing.key_id_text(key.key_id)} belongs to the event "
                f"'{key.event_name}', but this database holds '{info.name}' (another event id) "
                "— set this kiosk up from a copy of the organizer's event database."
            )
    now = _now()
    added = keys.add_keys(
        db,
        (
            keys.TrustedKey(k.raw, k.key_id, k.event_uid, k.event_name, k.created_at, now)
            for k in found
        ),
    )
    return added, len(found) - added


def remove_key(db: Database, key_id: str) -> int:
    try:
        number = int(key_id, 16)
    except ValueError as exc:
        raise SigningError(f"'{key_id}' is not a key id (four hexadecimal digits).") from exc
    removed = keys.remove_keys(db, number)
    if not removed:
        raise SigningError(f"This database trusts no key {key_id} ('kiosk keys list').")
    return removed


def _check_key_belongs(db: Database, key: Ed25519PrivateKey, key_path: Path) -> None:
    raw = signing.public_raw(key)
    with db.read() as conn:
        trusted = keys.trusted_keys(conn)
    if all(k.raw != raw for k in trusted):
        raise SigningError(
            f"{key_path}: this key is not one of this event's keys — use the key made by "
            "'kiosk keys init' on this event's database."
        )


def ticket_signer(db: Database, key_path: Path, passphrase: bytes) -> signing.TicketSigner:
    """A signer for this event's tickets with the private key in ``key_path``."""
    key = signing.read_private_key(key_path, passphrase)
    _check_key_belongs(db, key, key_path)
    return signing.TicketSigner(key, events.event_info(db).uid)


def ticket_data(person: Attendee) -> TicketData:
    return TicketData(
        uid=person.uid,
        code=person.code,
        first_name=person.first_name,
        last_name=person.last_name,
        category=person.category,
        days=person.days,
    )


def _target_uid(db: Database, target: str) -> str:
    with db.read() as conn:
        person = attendees.find_by_code(conn, target.strip())
    if person is not None:
        return person.uid
    try:
        return str(uuid.UUID(target.strip()))
    except ValueError:
        raise SigningError(
            f"'{target}' is neither a ticket code nor an attendee id of this event."
        ) from None


@dataclass(frozen=True, slots=True)
class Revocations:
    serial: int
    count: int
    document: bytes


def revoke(db: Database, key_path: Path, passphrase: bytes, targets: Iterable[str]) -> Revocations:
    """A new signed revocation list: the one held plus ``targets`` (codes or attendee ids),
    with the next serial; it is also made the list this database holds."""
    key = signing.read_private_key(key_path, passphrase)
    _check_key_belongs(db, key, key_path)
    info = events.event_info(db)
    with db.read() as conn:
        uids = keys.revoked_uids(conn)
        held = keys.held_revocations(conn)
    uids |= {_target_uid(db, t) for t in targets}
    serial = (held.serial if held else 0) + 1
    rl = signing.RevocationList(info.uid, serial, _now(), frozenset(uids))
    document = signing.sign_revocations(key, rl)
    keys.replace_revocations(
        db, serial, rl.issued_at, signing.key_id_of(signing.public_raw(key)),
        document.decode("utf-8"), uids,
    )  # fmt: skip
    return Revocations(serial, len(uids), document)


def import_revocations(db: Database, path: Path) -> Revocations:
    """Hold the list in ``path`` if a trusted key signed it for this event and it is newer."""
    try:
        data = path.read_bytes() if path.stat().st_size <= signing.MAX_FILE else b""
    except OSError as exc:
        raise SigningError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    if not data:
        raise SigningError(f"{path}: empty or far too large for a revocation list.")
    with db.read() as conn:
        trusted = [k.raw for k in keys.trusted_keys(conn)]
    if not trusted:
        raise SigningError(
            f"{path}: this kiosk holds no public key to check the list with — add one first "
            "with 'kiosk keys add-public'."
        )
    rl = signing.read_revocations(path, data, trusted, events.event_info(db).uid)
    try:
        keys.replace_revocations(
            db, rl.serial, rl.issued_at, rl.key_id, data.decode("utf-8"), rl.revoked
        )
    except keys.StaleRevocations as exc:
        raise SigningError(f"{path}: {exc}") from exc
    return Revocations(rl.serial, len(rl.revoked), data)


class Keys:
    """The event's keys and revocation lists as one database sees them (:attr:`Desk.keys`):
    the functions above, bound to the database, and the files they write."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def init(self, path: Path, passphrase: bytes) -> NewKey:
        return init_keys(self.db, path, passphrase)

    def export_public(self, path: Path) -> int:
        """Write the public key file for kiosks to ``path``; how many keys it holds."""
        document, count = public_keys_file(self.db)
        write_atomic(path, document)
        return count

    def add_public(self, path: Path) -> tuple[int, int]:
        return add_public(self.db, path)

    def remove(self, key_id: str) -> int:
        return remove_key(self.db, key_id)

    def trusted(self) -> list[TrustedKey]:
        """The public keys this database trusts, oldest first."""
        with self.db.read() as conn:
            return keys.trusted_keys(conn)

    def revocations(self) -> HeldRevocations | None:
        """The revocation list held (None when there is none)."""
        with self.db.read() as conn:
            return keys.held_revocations(conn)

    def revoke(
        self, key_path: Path, passphrase: bytes, targets: Iterable[str], output: Path
    ) -> Revocations:
        """:func:`revoke`, the new list written to ``output``."""
        made = revoke(self.db, key_path, passphrase, targets)
        write_atomic(output, made.document)
        return made

    def import_revocations(self, path: Path) -> Revocations:
        return import_revocations(self.db, path)

    def signer(self, key_path: Path, passphrase: bytes) -> Callable[[Attendee], str]:
        """What the QR of a person's signed ticket says, signed with the key in ``key_path``
        (:class:`ValueError` for a ticket that cannot be signed)."""
        signer = ticket_signer(self.db, key_path, passphrase)
        return lambda person: signer.sign(ticket_data(person))
