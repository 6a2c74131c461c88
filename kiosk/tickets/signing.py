"""Ed25519 keys of an event: signing tickets and revocation lists, and checking them offline.

The private key stays with the organizer, in a file encrypted with a passphrase (scrypt and
AES-256-GCM) and readable by its owner only. Kiosks hold only
public keys, several at once when the organizer rotates keys. The byte layout of a ticket is in
:mod:`kiosk.core.signed`; this module adds the cryptography.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from kiosk.core import codes, signed
from kiosk.core.signed import SignedTicket, TicketData

PUBLIC_FORMAT = "kiosk-public-keys"
REVOCATION_FORMAT = "kiosk-revocations"
_REVOCATION_TAG = b"kiosk-revocations\x00"
#: Shortest passphrase accepted for a new key: the key file may be copied around on USB sticks.
MIN_PASSPHRASE = 10
#: Largest key or revocation file read (a revocation list of 100,000 people is about 4 MB).
MAX_FILE = 32 * 1024 * 1024


class SigningError(Exception):
    """A key file, passphrase or revocation list problem; ``str()`` says what to do."""


def key_id_of(raw_public: bytes) -> int:
    """The two-byte id a ticket names its key by (several keys may share one: all are tried)."""
    return int.from_bytes(hashlib.sha256(raw_public).digest()[:2], "big")


def key_id_text(key_id: int) -> str:
    return f"{key_id:04x}"


@dataclass(frozen=True, slots=True)
class PublicKey:
    """A public key of an event, as exported by the organizer and held by kiosks."""

    raw: bytes  # the 32 bytes of the Ed25519 public key
    event_uid: str
    event_name: str = ""
    created_at: str = ""

    @property
    def key_id(self) -> int:
        return key_id_of(self.raw)


# -- the private key --------------------------------------------------------------------------


def new_private_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def public_raw(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


#: scrypt cost for the key file: 128 · n · r = 128 MiB of memory and about half a second, once
#: per command that signs. The organizer's passphrase is all that protects the key file.
KEY_SCRYPT_N = 2**17
KEY_SCRYPT_R = 8
KEY_SCRYPT_P = 1
_KEY_FORMAT = "kiosk-signing-key"


def _derive(passphrase: bytes, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        passphrase, salt=salt, n=n, r=r, p=p, maxmem=2 * 128 * n * r + (1 << 20), dklen=32
    )


def private_key_document(key: Ed25519PrivateKey, passphrase: bytes) -> bytes:
    """The key file: the 32-byte private key encrypted with AES-256-GCM under a key derived from
    the passphrase with scrypt (PKCS #8 PEM as ``cryptography`` writes it uses PBKDF2 with only
    2,048 rounds, too cheap to guess against), the public key bound in as associated data."""
    raw = key.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )
    public = public_raw(key)
    salt, nonce = os.urandom(16), os.urandom(12)
    secret = _derive(passphrase, salt, KEY_SCRYPT_N, KEY_SCRYPT_R, KEY_SCRYPT_P)
    sealed = AESGCM(secret).encrypt(nonce, raw, public)
    document = {
        "format": _KEY_FORMAT,
        "version": 1,
        "note": "Kiosk event signing key (private). Keep it off the kiosks; never share it.",
        "key_id": key_id_text(key_id_of(public)),
        "public_key": base64.b64encode(public).decode("ascii"),
        "kdf": {
            "name": "scrypt",
            "n": KEY_SCRYPT_N,
            "r": KEY_SCRYPT_R,
            "p": KEY_SCRYPT_P,
            "salt": base64.b64encode(salt).decode("ascii"),
        },
        "cipher": "AES-256-GCM",
        "nonce": base64.b64encode(nonce).decode("ascii"),
        "ciphertext": base64.b64encode(sealed).decode("ascii"),
    }
    return (json.dumps(document, indent=1) + "\n").encode("ascii")


def write_private_key(path: Path, key: Ed25519PrivateKey, passphrase: bytes) -> None:
    """Write ``key`` encrypted with ``passphrase`` to a new file only its owner can read.

    Never overwrites: losing the old key would make every ticket signed with it unverifiable
    once kiosks drop its public key, and overwriting is how that happens by accident.
    """
    if len(passphrase) < MIN_PASSPHRASE:
        raise SigningError(
            f"the passphrase must have at least {MIN_PASSPHRASE} characters — choose a longer one."
        )
    data = private_key_document(key, passphrase)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # O_EXCL: fail rather than replace an existing key; 0o600: owner only, from the start
        # (never a moment with wider permissions).
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError as exc:
        raise SigningError(
            f"{path} already exists — it may be the event's key; choose another file name."
        ) from exc
    except OSError as exc:
        raise SigningError(f"Cannot write {path}: {exc.strerror or exc}.") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        path.unlink(missing_ok=True)
        raise SigningError(f"Cannot write {path}: {exc.strerror or exc}.") from exc


def read_private_key(path: Path, passphrase: bytes) -> Ed25519PrivateKey:
    """The private key in ``path``; SigningError for a wrong passphrase or a wrong file."""
    not_a_key = SigningError(f"{path}: not a Kiosk signing key made by 'kiosk keys init'.")
    try:
        document = json.loads(_read(path, 64 * 1024).decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise not_a_key from None
    if not isinstance(document, dict) or document.get("format") != _KEY_FORMAT:
        raise not_a_key
    try:
        kdf = document["kdf"]
        n, r, p = int(kdf["n"]), int(kdf["r"]), int(kdf["p"])
        if kdf["name"] != "scrypt" or n > 2**20 or r > 32 or p > 16:
            raise ValueError("unknown or too costly key derivation")
        salt = base64.b64decode(kdf["salt"], validate=True)
        nonce = base64.b64decode(document["nonce"], validate=True)
        sealed = base64.b64decode(document["ciphertext"], validate=True)
        public = base64.b64decode(document["public_key"], validate=True)
    except (KeyError, TypeError, ValueError, binascii.Error):
        raise SigningError(f"{path}: the key file is damaged.") from None
    try:
        raw = AESGCM(_derive(passphrase, salt, n, r, p)).decrypt(nonce, sealed, public)
    except (InvalidTag, ValueError):
        raise SigningError(
            f"{path}: cannot open the key — the passphrase is wrong (or the file was altered)."
        ) from None
    key = Ed25519PrivateKey.from_private_bytes(raw)
    if public_raw(key) != public:
        raise SigningError(f"{path}: the key file is damaged.")
    return key


def _read(path: Path, limit: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            raise SigningError(f"{path}: {size} bytes is far too large for this kind of file.")
        return path.read_bytes()
    except OSError as exc:
        raise SigningError(f"Cannot read {path}: {exc.strerror or exc}.") from exc


# -- public key files -------------------------------------------------------------------------


def public_keys_document(keys: Iterable[PublicKey]) -> bytes:
    """The file ``kiosk keys export-public`` writes: JSON a person can read."""
    document = {
        "format": PUBLIC_FORMAT,
        "version": 1,
        "keys": [
            {
                "key_id": key_id_text(k.key_id),
                "public_key": base64.b64encode(k.raw).decode("ascii"),
                "event_uid": k.event_uid,
                "event_name": k.event_name,
                "created_at": k.created_at,
            }
            for k in keys
        ],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def read_public_keys(path: Path) -> list[PublicKey]:
    """The keys in a file written by :func:`public_keys_document`; SigningError naming the file
    and what is wrong otherwise."""
    document = _json(path, _read(path, 1024 * 1024), PUBLIC_FORMAT)
    entries = document.get("keys")
    if not isinstance(entries, list) or not entries:
        raise SigningError(f"{path}: the file lists no keys.")
    keys: list[PublicKey] = []
    for number, entry in enumerate(entries, start=1):
        try:
            raw = base64.b64decode(str(entry["public_key"]), validate=True)
            Ed25519PublicKey.from_public_bytes(raw)
            event_uid = str(entry["event_uid"])
            if not event_uid:
                raise ValueError("no event")
        except (KeyError, TypeError, ValueError, binascii.Error) as exc:
            raise SigningError(
                f"{path}: key {number} is damaged — export the keys again with "
                "'kiosk keys export-public'."
            ) from exc
        name, created = str(entry.get("event_name", "")), str(entry.get("created_at", ""))
        keys.append(PublicKey(raw, event_uid, name, created))
    return keys


def _json(path: Path, data: bytes, expected: str) -> dict[str, Any]:
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise SigningError(f"{path}: not a Kiosk key or revocation file (not JSON text).") from exc
    if not isinstance(document, dict) or document.get("format") != expected:
        what = "public key file" if expected == PUBLIC_FORMAT else "revocation list"
        raise SigningError(f"{path}: not a Kiosk {what}.")
    if document.get("version") != 1:
        raise SigningError(f"{path}: made by a newer Kiosk — update Kiosk on this machine.")
    return document


# -- tickets ----------------------------------------------------------------------------------


class TicketSigner:
    """Issues signed codes for one event with one private key."""

    def __init__(self, key: Ed25519PrivateKey, event_uid: str) -> None:
        self.key = key
        self.event_uid = event_uid
        self.key_id = key_id_of(public_raw(key))

    def sign(self, data: TicketData) -> str:
        """The digits of a signed code for ``data``, at most :data:`codes.MAX_SCAN_LENGTH` long
        (what a kiosk reads): very long names are cut further until it fits. ValueError if it
        cannot be encoded or cannot fit (a very long code, or many days)."""
        for limit in (signed.MAX_NAME, 40, 32, 24, 16):
            body = signed.ticket_body(data, self.key_id, name_limit=limit)
            if signed.encoded_length(body) <= codes.MAX_SCAN_LENGTH:
                signature = self.key.sign(signed.signed_message(body, self.event_uid))
                return signed.encode(body, signature)
        raise ValueError(
            f"the signed code would be longer than {codes.MAX_SCAN_LENGTH} digits, the most a "
            "kiosk reads (a very long ticket code or category, or many days)"
        )


class Verifier:
    """Checks signed codes against the public keys a kiosk holds, for its own event."""

    def __init__(self, keys: Iterable[bytes], event_uid: str) -> None:
        self.event_uid = event_uid
        self._keys: dict[int, list[Ed25519PublicKey]] = {}
        for raw in keys:
            self._keys.setdefault(key_id_of(raw), []).append(
                Ed25519PublicKey.from_public_bytes(raw)
            )

    @property
    def empty(self) -> bool:
        return not self._keys

    def knows(self, key_id: int) -> bool:
        return key_id in self._keys

    def verify(self, ticket: SignedTicket) -> bool:
        """True if a key this kiosk holds signed ``ticket`` for this event."""
        message = ticket.message(self.event_uid)
        for key in self._keys.get(ticket.key_id, ()):
            try:
                key.verify(ticket.signature, message)
            except InvalidSignature:
                continue
            return True
        return False


# -- revocation lists -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RevocationList:
    """The attendees whose signed tickets are no longer valid; a higher serial replaces a lower."""

    event_uid: str
    serial: int
    issued_at: str
    revoked: frozenset[str]  # attendee uids
    key_id: int = 0


def _revocation_body(rl: RevocationList) -> dict[str, Any]:
    return {
        "format": REVOCATION_FORMAT,
        "version": 1,
        "event_uid": rl.event_uid,
        "serial": rl.serial,
        "issued_at": rl.issued_at,
        "key_id": key_id_text(rl.key_id),
        "revoked": sorted(rl.revoked),
    }


def _canonical(body: dict[str, Any]) -> bytes:
    return _REVOCATION_TAG + json.dumps(
        body, sort_keys=True, separators=(",", ":"), ensure_ascii=True
    ).encode("ascii")


def sign_revocations(key: Ed25519PrivateKey, rl: RevocationList) -> bytes:
    """The revocation list file: its fields and a signature over them."""
    body = _revocation_body(RevocationList(
        rl.event_uid, rl.serial, rl.issued_at, rl.revoked, key_id_of(public_raw(key))
    ))  # fmt: skip
    signature = key.sign(_canonical(body))
    document = body | {"signature": base64.b64encode(signature).decode("ascii")}
    return (json.dumps(document, indent=1) + "\n").encode("utf-8")


def read_revocations(
    path: Path, data: bytes, keys: Iterable[bytes], event_uid: str
) -> RevocationList:
    """The list in ``data`` (read from ``path``) if a key in ``keys`` signed it for
    ``event_uid``; SigningError otherwise."""
    document = _json(path, data, REVOCATION_FORMAT)
    try:
        signature = base64.b64decode(str(document.pop("signature")), validate=True)
        revoked = document["revoked"]
        if not isinstance(revoked, list) or not all(isinstance(u, str) for u in revoked):
            raise ValueError("revoked is not a list of ids")
        serial = document["serial"]
        if not isinstance(serial, int) or isinstance(serial, bool) or serial < 1:
            raise ValueError("bad serial")
        rl = RevocationList(
            str(document["event_uid"]),
            serial,
            str(document["issued_at"]),
            frozenset(revoked),
            int(str(document["key_id"]), 16),
        )
    except (KeyError, TypeError, ValueError, binascii.Error) as exc:
        raise SigningError(f"{path}: the revocation list is damaged ({exc}).") from exc
    if rl.event_uid != event_uid:
        raise SigningError(f"{path}: this revocation list is for another event.")
    message = _canonical(document)
    for raw in keys:
        try:
            Ed25519PublicKey.from_public_bytes(raw).verify(signature, message)
        except InvalidSignature:
            continue
        return rl
    raise SigningError(
        f"{path}: the signature does not match any key this kiosk holds — the file was altered "
        "or signed with a key not added here ('kiosk keys add-public')."
    )
