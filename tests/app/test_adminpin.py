"""The admin PIN that leaves kiosk mode: stored only as a salted hash, slowed down after three
wrong tries (also across a restart), separate for each kiosk."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.app.adminpin import (
    KEY_FAILURES,
    KEY_HASH,
    KEY_LAST_FAILURE,
    AdminPin,
    PinError,
    PinResult,
    delay,
)
from kiosk.storage import events, printjobs
from kiosk.storage.database import Database
from kiosk.storage.events import Kiosk
from tests.conftest import Clock

PIN = "730519"
WRONG = "730518"
FAST = 2**8  # scrypt n for the tests: the defaults take ~50 ms per hash


def admin(db: Database, clock: Clock, kiosk: Kiosk | None = None, n: int = FAST) -> AdminPin:
    return AdminPin(db, kiosk or events.local_kiosk(db), clock, n=n)


def fail(pin: AdminPin, times: int) -> PinResult:
    """``times`` wrong PINs, each as soon as it is allowed."""
    assert times > 0
    result = pin.check(WRONG)
    for _ in range(times - 1):
        pin.clock.advance(seconds=pin.wait_seconds())  # type: ignore[attr-defined]
        result = pin.check(WRONG)
    assert not result.ok
    return result


def test_no_pin_is_set_at_first_and_checking_one_says_so(db: Database, clock: Clock) -> None:
    pin = admin(db, clock)
    assert not pin.is_set()
    with pytest.raises(PinError, match="No admin PIN is set"):
        pin.check(PIN)


def test_a_right_pin_opens_and_a_wrong_one_does_not(db: Database, clock: Clock) -> None:
    pin = admin(db, clock)
    pin.set_pin(PIN)
    assert pin.is_set()
    assert pin.check(WRONG) == PinResult(ok=False, wait_seconds=0.0, failures=1)
    assert pin.check("") == PinResult(ok=False, wait_seconds=0.0, failures=2)
    assert pin.check(PIN) == PinResult(ok=True, wait_seconds=0.0, failures=0)


def test_the_pin_is_never_stored_in_clear(db: Database, db_path: Path, clock: Clock) -> None:
    secret = "730519842665"
    pin = admin(db, clock)
    pin.set_pin(secret)
    stored = printjobs.get_setting(db, pin.kiosk.id, KEY_HASH)
    assert stored is not None and stored.startswith(f"scrypt${FAST}$8$1$")
    assert all(secret not in v for v in printjobs.settings(db, pin.kiosk.id).values())
    on_disk = b"".join(p.read_bytes() for p in db_path.parent.glob(db_path.name + "*"))
    assert secret.encode() not in on_disk


def test_the_same_pin_twice_gets_different_salts_and_hashes(db: Database, clock: Clock) -> None:
    first = admin(db, clock, events.local_kiosk(db, "Desk 1"))
    second = admin(db, clock, events.local_kiosk(db, "Desk 2"))
    first.set_pin(PIN)
    second.set_pin(PIN)
    a = printjobs.get_setting(db, first.kiosk.id, KEY_HASH)
    b = printjobs.get_setting(db, second.kiosk.id, KEY_HASH)
    assert a is not None and b is not None
    assert a.split("$")[4] != b.split("$")[4]  # salt
    assert a.split("$")[5] != b.split("$")[5]  # hash
    first.set_pin(PIN)
    assert printjobs.get_setting(db, first.kiosk.id, KEY_HASH) != a


def test_the_default_cost_is_scrypt_n_16384_r_8_p_1(db: Database, clock: Clock) -> None:
    pin = AdminPin(db, events.local_kiosk(db), clock)
    pin.set_pin(PIN)
    stored = printjobs.get_setting(db, pin.kiosk.id, KEY_HASH)
    assert stored is not None
    scheme, n, r, p, salt, digest = stored.split("$")
    assert (scheme, n, r, p) == ("scrypt", "16384", "8", "1")
    assert len(bytes.fromhex(salt)) == 16 and len(bytes.fromhex(digest)) == 32
    assert pin.check(PIN).ok


def test_a_pin_stored_with_another_cost_still_opens(db: Database, clock: Clock) -> None:
    admin(db, clock, n=2**6).set_pin(PIN)
    assert admin(db, clock, n=2**10).check(PIN).ok


@pytest.mark.parametrize(
    ("weak", "message"),
    [
        ("123", "4 to 12 digits"),
        ("1234567890123", "4 to 12 digits"),
        ("12a4", "digits only"),
        (" 7305", "digits only"),
        ("٧٣٠٥", "digits only"),  # Arabic-Indic digits: not 0-9
        ("", "digits only"),
        ("0000", "all its digits are the same"),
        ("99999999", "all its digits are the same"),
        ("1234", "simple sequence"),
        ("4321", "simple sequence"),
        ("0123456789", "simple sequence"),
        ("7890", "simple sequence"),
        ("2468", "simple sequence"),
        ("1357", "simple sequence"),
    ],
)
def test_weak_pins_are_refused_with_a_message(
    db: Database, clock: Clock, weak: str, message: str
) -> None:
    pin = admin(db, clock)
    with pytest.raises(PinError, match=message):
        pin.validate(weak)
    with pytest.raises(PinError, match=message):
        pin.set_pin(weak)
    assert not pin.is_set()


@pytest.mark.parametrize("good", ["7305", "1243", "112233", "730519842665"])
def test_pins_without_a_simple_pattern_are_accepted(db: Database, clock: Clock, good: str) -> None:
    pin = admin(db, clock)
    pin.set_pin(good)
    assert pin.check(good).ok


def test_after_three_failures_the_next_attempt_must_wait(db: Database, clock: Clock) -> None:
    pin = admin(db, clock)
    pin.set_pin(PIN)
    assert fail(pin, 2).wait_seconds == 0
    assert pin.check(WRONG) == PinResult(ok=False, wait_seconds=5.0, failures=3)
    assert pin.wait_seconds() == 5.0
    clock.advance(seconds=2)
    assert pin.wait_seconds() == 3.0
    clock.advance(seconds=3)
    assert pin.wait_seconds() == 0.0
    assert pin.check(PIN).ok


def test_the_delay_grows_and_is_capped_at_3_minutes(db: Database, clock: Clock) -> None:
    pin = admin(db, clock)
    pin.set_pin(PIN)
    waits = [fail(pin, 1).wait_seconds for _ in range(3)]
    for _ in range(10):
        clock.advance(seconds=pin.wait_seconds())
        waits.append(pin.check(WRONG).wait_seconds)
    assert waits == [0, 0, 5, 10, 20, 40, 80, 160, 180, 180, 180, 180, 180]
    assert delay(10_000).total_seconds() == 180


def test_an_attempt_during_the_wait_is_refused_even_with_the_right_pin_and_does_not_extend_it(
    db: Database, clock: Clock
) -> None:
    pin = admin(db, clock)
    pin.set_pin(PIN)
    fail(pin, 4)  # the 4th waited 5 s; the next waits 10 s
    assert pin.wait_seconds() == 10.0
    clock.advance(seconds=4)
    assert pin.check(PIN) == PinResult(ok=False, wait_seconds=6.0, failures=4)
    assert pin.check(WRONG) == PinResult(ok=False, wait_seconds=6.0, failures=4)
    assert printjobs.get_setting(db, pin.kiosk.id, KEY_FAILURES) == "4"
    clock.advance(seconds=6)
    assert pin.check(PIN).ok


def test_the_lockout_survives_closing_and_reopening_the_database(
    db: Database, db_path: Path, clock: Clock
) -> None:
    kiosk = events.local_kiosk(db)
    pin = admin(db, clock, kiosk)
    pin.set_pin(PIN)
    fail(pin, 5)  # the next attempt waits 20 s from now
    db.close()
    clock.advance(seconds=19)
    with Database(db_path) as reopened:
        again = admin(reopened, clock, kiosk)
        assert again.wait_seconds() == 1.0
        assert again.check(PIN) == PinResult(ok=False, wait_seconds=1.0, failures=5)
    clock.advance(seconds=1)
    with Database(db_path) as reopened:
        assert admin(reopened, clock, kiosk).check(PIN).ok


def test_the_time_of_the_last_failure_is_stored_as_utc_iso(db: Database, clock: Clock) -> None:
    pin = admin(db, clock)
    pin.set_pin(PIN)
    fail(pin, 1)
    stamp = printjobs.get_setting(db, pin.kiosk.id, KEY_LAST_FAILURE)
    assert stamp == "2026-09-28T06:14:00.000000Z"


def test_a_correct_pin_after_the_wait_resets_the_counter(db: Database, clock: Clock) -> None:
    pin = admin(db, clock)
    pin.set_pin(PIN)
    fail(pin, 6)
    clock.advance(seconds=pin.wait_seconds())
    assert pin.check(PIN) == PinResult(ok=True, wait_seconds=0.0, failures=0)
    assert pin.failures() == 0 and pin.wait_seconds() == 0
    assert printjobs.get_setting(db, pin.kiosk.id, KEY_FAILURES) is None
    # Three fresh free tries again.
    assert fail(pin, 2) == PinResult(ok=False, wait_seconds=0.0, failures=2)
    assert pin.check(WRONG).wait_seconds == 5.0


def test_a_clock_set_back_does_not_lock_longer_than_the_delay(db: Database, clock: Clock) -> None:
    pin = admin(db, clock)
    pin.set_pin(PIN)
    fail(pin, 3)
    clock.advance(days=-1)
    assert pin.wait_seconds() == 5.0


def test_two_kiosks_in_one_database_have_separate_pins_and_counters(
    db: Database, clock: Clock
) -> None:
    desk1 = admin(db, clock, events.local_kiosk(db, "Desk 1"))
    desk2 = admin(db, clock, events.local_kiosk(db, "Desk 2"))
    desk1.set_pin(PIN)
    assert not desk2.is_set()
    desk2.set_pin("864209")
    assert not desk2.check(PIN).ok
    assert desk1.check(PIN).ok
    fail(desk1, 3)
    assert desk1.wait_seconds() == 5.0
    assert desk2.wait_seconds() == 0.0 and desk2.failures() == 1
    assert desk2.check("864209").ok
    assert desk1.failures() == 3


def test_setting_a_new_pin_starts_the_count_afresh(db: Database, clock: Clock) -> None:
    pin = admin(db, clock)
    pin.set_pin(PIN)
    fail(pin, 3)
    pin.set_pin("864209")
    assert pin.wait_seconds() == 0 and pin.failures() == 0
    assert not pin.check(PIN).ok
    assert pin.check("864209").ok


def test_clear_forgets_the_pin_and_the_failures(db: Database, clock: Clock) -> None:
    pin = admin(db, clock)
    pin.set_pin(PIN)
    fail(pin, 3)
    pin.clear()
    assert not pin.is_set() and pin.wait_seconds() == 0 and pin.failures() == 0
    assert printjobs.settings(db, pin.kiosk.id) == {}


def test_a_damaged_stored_pin_opens_nothing(db: Database, clock: Clock) -> None:
    pin = admin(db, clock)
    for damaged in ("", "scrypt$x", "bcrypt$256$8$1$00$00", f"scrypt${2**40}$8$1$00$00"):
        printjobs.set_setting(db, pin.kiosk.id, KEY_HASH, damaged)
        printjobs.set_setting(db, pin.kiosk.id, KEY_FAILURES, None)
        assert not pin.check(PIN).ok


def test_the_scrypt_cost_is_checked(db: Database, clock: Clock) -> None:
    with pytest.raises(ValueError, match="power of 2"):
        admin(db, clock, n=1000)
    with pytest.raises(ValueError, match="more than"):
        admin(db, clock, n=2**20)
