"""Odd scanner bursts (control characters, right-to-left text, emoji, very long codes): the
filter turns each into one scan and never fails."""

from __future__ import annotations

import random

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from kiosk.core import signed
from kiosk.ui.scanner import ScannerFilter
from tests.ui.test_scanner import (  # noqa: F401 - fixtures
    Desk,
    FakeClock,
    Scans,
    clock,
    desk,
    enter,
    scanner,
    scans,
)

PRINTABLE = (
    "שלוםمرحبا"  # right-to-left
    "😀🇧🇬👩\ufe0f"  # emoji, flags, variation selectors
    "ЖщЪѝ„“ăîșț0123456789ABCXYZ"
)
#: Keys a person's keyboard sends (Backspace, Escape…) and invisible format characters.
CONTROLS = "\x01\x07\x08\x1b\x1d\x7f\u0085\u200b\u200d\u202e\u2066\ufeff"


def bursts(alphabet: str, count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(4, 60))) for _ in range(count)]


def send(widget: QWidget, text: str, clock: FakeClock) -> None:
    """Key events carrying each character, 3 ms apart (QTest.keyClick aborts on controls)."""
    for ch in text:
        clock.advance(3)
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def test_odd_printable_bursts_each_become_one_scan_and_leave_the_field_empty(
    desk: Desk, scanner: ScannerFilter, scans: Scans, clock: FakeClock
) -> None:
    sent = ["0" * 450, "9" * signed.MIN_LENGTH, *bursts(PRINTABLE, 40, 1)]
    for text in sent:
        send(desk.search, text, clock)
        enter(desk.search, clock)
    assert len(scans.codes) == len(sent)
    assert all(code for code in scans.codes)
    assert scans.codes[:2] == sent[:2]  # digits pass through untouched, whatever their length
    assert desk.search.text() == ""


def test_bursts_broken_by_control_keys_never_yield_a_scan_with_a_control_character(
    desk: Desk, scanner: ScannerFilter, scans: Scans, clock: FakeClock
) -> None:
    # A control key in a burst is how a person's Backspace looks: the filter hands the keys so
    # far to the field. What it does report as scans holds printable characters only.
    for text in bursts(PRINTABLE + CONTROLS, 60, 2):
        send(desk.search, text, clock)
        enter(desk.search, clock)
        desk.search.clear()
    assert all(code.isprintable() for code in scans.codes)
