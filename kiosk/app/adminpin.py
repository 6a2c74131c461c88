"""The admin PIN: what staff type to leave the self-service kiosk mode.

Only a salted scrypt hash is stored, never the PIN, in the kiosk's setting ``admin.pin`` as
``scrypt$n$r$p$salt_hex$hash_hex`` (the cost is stored with the hash, so a PIN set with other
parameters still opens after the defaults change). Each kiosk has its own PIN and counters.

Guessing is slowed down, and the slow-down survives a restart: the consecutive failures and the
time of the last one are settings too (``admin.pin_failures``, ``admin.pin_last_failure``).
The first :data:`FREE_ATTEMPTS` failures cost nothing; after that each attempt waits
:func:`delay` (5 s, 10 s, 20 s … at most 3 min) from the last failure. An attempt during the
wait is refused without looking at the PIN and changes nothing. A right PIN resets the count.
Three minutes slow a guesser to about 500 tries a day (a 6-digit PIN has a million), while a
member of staff who mistyped is never locked out for long; and whoever can open the event file
can end the wait at once (:func:`reset_lockout`: ``kiosk pin reset``, or the desk window on the
same computer).

An allowed attempt is recorded as a failure *before* the PIN is hashed, in one write
transaction with the check of the wait, and the record is undone when the PIN is right. So
attempts are serialised between processes sharing the file, and killing the program while it
hashes cannot be used to try a PIN for free.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import re
import secrets
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta

from kiosk.app.checkin import Clock, utc_now
from kiosk.core.timeutil import from_utc_iso, to_utc_iso
from kiosk.storage import events, printjobs, settings
from kiosk.storage.database import Database
from kiosk.storage.events import Kiosk

KEY_HASH = "admin.pin"
KEY_FAILURES = "admin.pin_failures"
KEY_LAST_FAILURE = "admin.pin_last_failure"

MIN_LENGTH = 4
MAX_LENGTH = 12
#: Consecutive failures allowed before attempts have to wait.
FREE_ATTEMPTS = 3
DELAY_FIRST = timedelta(seconds=5)
DELAY_MAX = timedelta(minutes=3)

#: scrypt defaults: 128 · n · r = 16 MiB of memory, about 50 ms on a desk laptop.
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SCRYPT_MAXMEM = 64 * 1024 * 1024
SALT_BYTES = 16
HASH_BYTES = 32

_DIGITS = re.compile(r"[0-9]+")  # ASCII only: str.isdigit() also accepts "٣" and "²"


class PinError(ValueError):
    """The PIN cannot be used (too short, not digits, too easy to guess) or none is set;
    ``str()`` says why in staff words."""


@dataclass(frozen=True, slots=True)
class PinResult:
    ok: bool
    #: Seconds before the next attempt is allowed; 0 when one is allowed now.
    wait_seconds: float
    #: Consecutive failures so far (0 after a right PIN).
    failures: int


def delay(failures: int) -> timedelta:
    """The wait, from the last failure, before the next attempt after ``failures`` failures."""
    if failures < FREE_ATTEMPTS:
        return timedelta(0)
    # Cap the exponent first: 2**60 seconds does not fit a timedelta.
    return min(DELAY_FIRST * (1 << min(failures - FREE_ATTEMPTS, 16)), DELAY_MAX)


def validate_pin(pin: str) -> None:
    """Raise :class:`PinError` unless ``pin`` is 4–12 digits and not a simple pattern."""
    if not _DIGITS.fullmatch(pin):
        raise PinError("The admin PIN must be digits only (0–9), with no spaces or letters.")
    if not MIN_LENGTH <= len(pin) <= MAX_LENGTH:
        raise PinError(
            f"The admin PIN must have {MIN_LENGTH} to {MAX_LENGTH} digits; this one has {len(pin)}."
        )
    if len(set(pin)) == 1:
        raise PinError(
            "This admin PIN is too easy to guess: all its digits are the same. "
            "Choose digits that do not follow a pattern."
        )
    steps = {(int(b) - int(a)) % 10 for a, b in itertools.pairwise(pin)}
    if len(steps) == 1:
        raise PinError(
            "This admin PIN is too easy to guess: its digits follow a simple sequence "
            "(like 1234, 9876 or 2468). Choose digits that do not follow a pattern."
        )


class AdminPin:
    """The admin PIN of one kiosk. ``n``, ``r``, ``p`` are the scrypt cost of new PINs."""

    def __init__(
        self,
        db: Database,
        kiosk: Kiosk,
        clock: Clock = utc_now,
        *,
        n: int = SCRYPT_N,
        r: int = SCRYPT_R,
        p: int = SCRYPT_P,
    ) -> None:
        _check_cost(n, r, p)
        self.db = db
        self.kiosk = kiosk
        self.clock = clock
        self.n, self.r, self.p = n, r, p

    @staticmethod
    def validate(pin: str) -> None:
        """Raise :class:`PinError` if ``pin`` would be refused by :meth:`set_pin` (so a dialog
        can say so before asking for the PIN a second time)."""
        validate_pin(pin)

    def is_set(self) -> bool:
        return printjobs.get_setting(self.db, self.kiosk.id, KEY_HASH) is not None

    def set_pin(self, pin: str) -> None:
        """Store a new PIN (its hash) and start the failure count afresh.

        For someone already allowed in (or the organiser): a lockout does not stop it.
        """
        validate_pin(pin)
        salt = secrets.token_bytes(SALT_BYTES)
        digest = _scrypt(pin, salt, self.n, self.r, self.p)
        stored = f"scrypt${self.n}${self.r}${self.p}${salt.hex()}${digest.hex()}"
        with self.db.write() as conn:
            _put(conn, self.kiosk.id, KEY_HASH, stored)
            _put(conn, self.kiosk.id, KEY_FAILURES, None)
            _put(conn, self.kiosk.id, KEY_LAST_FAILURE, None)

    def check(self, pin: str) -> PinResult:
        """Is ``pin`` the admin PIN? Refused without looking while a wait is running.

        Raises :class:`PinError` when no PIN is set (the caller decides what that means).
        """
        now = self.clock()
        with self.db.write() as conn:
            stored = _get(conn, self.kiosk.id, KEY_HASH)
            if stored is None:
                raise PinError(f"No admin PIN is set for {self.kiosk.name}.")
            failures, last = _counters(conn, self.kiosk.id)
            wait = _remaining(failures, last, now)
            if wait > 0:
                return PinResult(False, wait, failures)
            # Count this attempt as failed before hashing; undone below when the PIN is right.
            failures += 1
            _put(conn, self.kiosk.id, KEY_FAILURES, str(failures))
            _put(conn, self.kiosk.id, KEY_LAST_FAILURE, to_utc_iso(now))
        if _matches(pin, stored):
            with self.db.write() as conn:
                _put(conn, self.kiosk.id, KEY_FAILURES, None)
                _put(conn, self.kiosk.id, KEY_LAST_FAILURE, None)
            return PinResult(True, 0.0, 0)
        return PinResult(False, delay(failures).total_seconds(), failures)

    def failures(self) -> int:
        with self.db.read() as conn:
            return _counters(conn, self.kiosk.id)[0]

    def wait_seconds(self) -> float:
        """Seconds before the next attempt is allowed (0 now): for a countdown on screen."""
        with self.db.read() as conn:
            failures, last = _counters(conn, self.kiosk.id)
        return _remaining(failures, last, self.clock())

    def unlock(self) -> int:
        """End the wait: forget the failures, keep the PIN. Returns the failures there were."""
        with self.db.write() as conn:
            failures, _last = _counters(conn, self.kiosk.id)
            _put(conn, self.kiosk.id, KEY_FAILURES, None)
            _put(conn, self.kiosk.id, KEY_LAST_FAILURE, None)
        return failures

    def clear(self) -> None:
        """Forget the PIN and the failures (the organiser's reset)."""
        with self.db.write() as conn:
            for key in (KEY_HASH, KEY_FAILURES, KEY_LAST_FAILURE):
                _put(conn, self.kiosk.id, key, None)


@dataclass(frozen=True, slots=True)
class Unlocked:
    """What :func:`reset_lockout` did for this computer's kiosk."""

    kiosk: str
    failures: int  # wrong PINs forgotten
    was_waiting: float  # seconds the kiosk still had to wait
    forgot_pin: bool  # the PIN itself was removed: staff choose a new one on next use
    pin_set: bool  # a PIN is (still) set


def reset_lockout(db: Database, *, forget_pin: bool = False, clock: Clock = utc_now) -> Unlocked:
    """The organiser's override, for whoever can open the event file on this computer: end the
    wrong-PIN wait of this computer's kiosk (and with ``forget_pin``, remove the PIN so staff
    choose a new one)."""
    pin = AdminPin(db, events.local_kiosk(db), clock)
    waiting = pin.wait_seconds()
    failures = pin.unlock()
    had_pin = pin.is_set()
    if forget_pin:
        pin.clear()
    return Unlocked(pin.kiosk.name, failures, waiting, forget_pin and had_pin, pin.is_set())


def _check_cost(n: int, r: int, p: int) -> None:
    if n < 2 or n & (n - 1):
        raise ValueError(f"scrypt n must be a power of 2 above 1, not {n}")
    if r < 1 or p < 1:
        raise ValueError(f"scrypt r and p must be at least 1, not r={r}, p={p}")
    if 128 * n * r > SCRYPT_MAXMEM // 2:
        raise ValueError(f"scrypt n={n}, r={r} needs more than {SCRYPT_MAXMEM // 2} bytes")


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=SCRYPT_MAXMEM, dklen=HASH_BYTES
    )


def _matches(pin: str, stored: str) -> bool:
    """Does ``pin`` hash to ``stored``? A damaged record matches nothing."""
    try:
        scheme, n, r, p, salt_hex, hash_hex = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = bytes.fromhex(hash_hex)
        # maxmem bounds the work a tampered record can ask for (ValueError past it).
        actual = _scrypt(pin, bytes.fromhex(salt_hex), int(n), int(r), int(p))
    except (ValueError, OverflowError):
        return False
    return hmac.compare_digest(actual, expected)


def _remaining(failures: int, last: datetime | None, now: datetime) -> float:
    """Seconds left of the wait; never more than the full delay (a clock set back cannot lock
    the kiosk for longer)."""
    wait = delay(failures)
    if last is None or not wait:
        return 0.0
    return max(0.0, min(wait, last + wait - now).total_seconds())


def _counters(conn: sqlite3.Connection, kiosk_id: str) -> tuple[int, datetime | None]:
    """Consecutive failures and the time of the last one; unreadable values count as none."""
    try:
        failures = max(0, int(_get(conn, kiosk_id, KEY_FAILURES) or 0))
    except ValueError:
        failures = 0
    text = _get(conn, kiosk_id, KEY_LAST_FAILURE)
    try:
        last = from_utc_iso(text) if text else None
    except ValueError:
        last = None
    return failures, last


# Settings read and written on a connection, so that several go in one transaction
# (printjobs.set_setting opens a transaction of its own). Same table, same rows.
_get = settings.get
_put = settings.put
