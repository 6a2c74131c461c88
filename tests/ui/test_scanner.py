"""The desk catches a wedge scanner wherever the focus is, and leaves a person's typing alone."""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.core import codes, keyboard, signed
from kiosk.ui.scanner import ScanInput, ScannerConfig, ScannerFilter

CODE = "7K2M9XBR" + codes.check_character("7K2M9XBR")


class FakeClock:
    """perf_counter the test moves by hand (the gap timer still runs on real time)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, ms: float) -> None:
        self.now += ms / 1000


@dataclass
class Desk:
    window: QWidget
    search: QLineEdit
    other: QLineEdit
    button: QPushButton
    returns: list[str] = field(default_factory=list)


@dataclass
class Scans:
    codes: list[str] = field(default_factory=list)
    details: list[ScanInput] = field(default_factory=list)


@pytest.fixture
def desk(qtbot: QtBot) -> Desk:
    window = QWidget()
    search, other, button = QLineEdit(), QLineEdit(), QPushButton("Check in")
    column = QVBoxLayout(window)
    for widget in (search, other, button):
        column.addWidget(widget)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    focus(qtbot, search)
    result = Desk(window, search, other, button)
    search.returnPressed.connect(lambda: result.returns.append(search.text()))
    return result


def focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


@pytest.fixture
def clock() -> FakeClock:  # overrides the datetime clock of tests/conftest.py
    return FakeClock()


def make_scanner(
    config: ScannerConfig | None = None,
    *,
    clock: Callable[[], float] = time.perf_counter,
    platform: str | None = None,
) -> ScannerFilter:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return ScannerFilter(app, config, clock=clock, platform=platform)


@pytest.fixture
def scans() -> Scans:
    return Scans()


def listen(scanner: ScannerFilter, scans: Scans) -> ScannerFilter:
    scanner.scanned.connect(scans.codes.append)
    scanner.scan_details.connect(scans.details.append)
    return scanner


@pytest.fixture
def scanner(clock: FakeClock, scans: Scans) -> Iterator[ScannerFilter]:
    """The default scanner, on the fake clock, reporting into ``scans``."""
    f = listen(make_scanner(clock=clock), scans)
    yield f
    f.uninstall()
    f.deleteLater()


def type_text(
    widget: QWidget, text: str, clock: FakeClock | None = None, gap_ms: float = 3
) -> None:
    """Key clicks as a wedge scanner (or a person, with a longer gap) sends them."""
    for ch in text:
        if clock is not None:
            clock.advance(gap_ms)
        if ch.isascii():
            QTest.keyClick(widget, ch)
        else:  # qtbot.keyClicks aborts the process on non-ASCII text
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                widget,
                Qt.Key.Key_unknown,
                ch,
                Qt.KeyboardModifier.NoModifier,
            )


def enter(widget: QWidget, clock: FakeClock | None = None, gap_ms: float = 3) -> None:
    if clock is not None:
        clock.advance(gap_ms)
    QTest.keyClick(widget, Qt.Key.Key_Return)


def send_physical(widget: QWidget, us_text: str, layout: str, clock: FakeClock) -> None:
    """What Qt's xcb backend delivers for a US scanner on ``layout``: text and X keycode."""
    typed = keyboard.from_us(us_text, layout)
    for us_char, ch in zip(us_text, typed, strict=True):
        clock.advance(3)
        code = keyboard.native_scan_code(us_char, "xcb")
        assert code is not None
        shift = (
            Qt.KeyboardModifier.ShiftModifier
            if us_char in keyboard.US_KEYS_SHIFTED and us_char != " "
            else Qt.KeyboardModifier.NoModifier
        )
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown.value, shift, code, 0, 0, ch)
            QCoreApplication.sendEvent(widget, event)


# --- timing mode ---------------------------------------------------------------------------------


def test_a_scanner_burst_while_the_search_field_has_focus_is_a_scan_and_leaves_the_field_empty(
    desk: Desk, scanner: ScannerFilter, scans: Scans, clock: FakeClock
) -> None:
    typed: list[str] = []
    desk.search.textEdited.connect(typed.append)
    type_text(desk.search, "EVT25-000123", clock)
    enter(desk.search, clock)
    assert scans.codes == ["EVT25-000123"]
    assert desk.search.text() == ""
    assert typed == []
    assert desk.returns == []  # returnPressed did not fire


def test_a_scan_is_reported_with_its_keys_duration_and_mode(
    desk: Desk, scanner: ScannerFilter, scans: Scans, clock: FakeClock
) -> None:
    type_text(desk.search, CODE, clock, gap_ms=5)
    enter(desk.search, clock, gap_ms=5)
    (details,) = scans.details
    assert details == ScanInput(
        code=CODE,
        raw_text=CODE,
        layout=None,
        mapped=False,
        keys=9,
        duration_ms=pytest.approx(45.0),  # type: ignore[arg-type]
        via="timing",
        max_gap_ms=pytest.approx(5.0),  # type: ignore[arg-type]
        physical=False,
    )


def test_a_person_typing_slowly_is_not_a_scan_and_the_text_reaches_the_field(
    qtbot: QtBot, desk: Desk, scans: Scans
) -> None:
    # Real time: the gap timer hands each held key back to the field.
    scanner = make_scanner()
    listen(scanner, scans)
    try:
        for ch in "Мария":
            type_text(desk.search, ch)
            qtbot.wait(80)
        enter(desk.search)
    finally:
        scanner.uninstall()
    assert desk.search.text() == "Мария"
    assert desk.returns == ["Мария"]
    assert scans.codes == []


def test_a_person_typing_reaches_the_field_in_order_a_gap_late(
    qtbot: QtBot, desk: Desk, scanner: ScannerFilter, scans: Scans, clock: FakeClock
) -> None:
    type_text(desk.search, "Ștefănescu", clock, gap_ms=120)
    # Each key waits until the next one shows the gap was a person's; the last one waits for
    # the timer.
    assert desk.search.text() == "Ștefănesc"
    qtbot.waitUntil(lambda: desk.search.text() == "Ștefănescu", timeout=1000)
    assert scans.codes == []


def test_a_persons_enter_reaches_the_field(
    qtbot: QtBot, desk: Desk, scanner: ScannerFilter, scans: Scans, clock: FakeClock
) -> None:
    type_text(desk.search, "Ana", clock, gap_ms=150)
    enter(desk.search, clock, gap_ms=150)
    assert desk.returns == ["Ana"]
    assert scans.codes == []


def test_a_fast_burst_shorter_than_the_minimum_is_typing(
    desk: Desk, scanner: ScannerFilter, scans: Scans, clock: FakeClock
) -> None:
    type_text(desk.search, "abc", clock)
    enter(desk.search, clock)
    assert desk.search.text() == "abc"
    assert desk.returns == ["abc"]
    assert scans.codes == []


def test_an_enter_after_a_pause_is_a_persons_even_after_a_fast_burst(
    desk: Desk, scanner: ScannerFilter, scans: Scans, clock: FakeClock
) -> None:
    type_text(desk.search, "EVT25", clock)
    enter(desk.search, clock, gap_ms=200)
    assert desk.returns == ["EVT25"]
    assert scans.codes == []


def test_tab_ends_a_scan_and_does_not_move_the_focus(
    desk: Desk, scanner: ScannerFilter, scans: Scans, clock: FakeClock
) -> None:
    type_text(desk.search, CODE, clock)
    clock.advance(3)
    QTest.keyClick(desk.search, Qt.Key.Key_Tab)
    assert scans.codes == [CODE]
    assert QApplication.focusWidget() is desk.search


def test_capital_letters_sent_with_shift_are_still_one_scan(
    desk: Desk, scanner: ScannerFilter, scans: Scans, clock: FakeClock
) -> None:
    for ch in "ABC-123":
        clock.advance(3)
        modifier = (
            Qt.KeyboardModifier.ShiftModifier if ch.isalpha() else Qt.KeyboardModifier.NoModifier
        )
        QTest.keyClick(desk.search, ch, modifier)  # also sends the Shift press and release
    enter(desk.search, clock)
    assert scans.codes == ["ABC-123"]
    assert desk.search.text() == ""


def test_backspace_delivers_the_held_keys_first(
    desk: Desk, scanner: ScannerFilter, scans: Scans, clock: FakeClock
) -> None:
    type_text(desk.search, "ab", clock)
    clock.advance(3)
    QTest.keyClick(desk.search, Qt.Key.Key_Backspace)
    assert desk.search.text() == "a"


def test_a_shortcut_with_ctrl_is_not_held(
    desk: Desk, scanner: ScannerFilter, scans: Scans, clock: FakeClock
) -> None:
    desk.search.setText("Иван")
    QTest.keyClick(desk.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert desk.search.selectedText() == "Иван"


def test_a_scan_while_a_person_edits_another_field_keeps_exactly_their_text(
    qtbot: QtBot, desk: Desk, scanner: ScannerFilter, scans: Scans, clock: FakeClock
) -> None:
    focus(qtbot, desk.other)
    type_text(desk.other, "Петров", clock, gap_ms=130)
    clock.advance(130)
    QTest.keyClick(desk.other, Qt.Key.Key_Backspace)
    clock.advance(300)
    type_text(desk.other, CODE, clock)
    enter(desk.other, clock)
    assert desk.other.text() == "Петро"
    assert scans.codes == [CODE]


def test_a_space_typed_on_a_focused_button_still_clicks_it(
    qtbot: QtBot, desk: Desk, scanner: ScannerFilter, clock: FakeClock
) -> None:
    focus(qtbot, desk.button)
    with qtbot.waitSignal(desk.button.clicked, timeout=1000):
        QTest.keyClick(desk.button, Qt.Key.Key_Space)


def test_the_window_gets_the_scan_when_nothing_has_focus(
    qtbot: QtBot, scanner: ScannerFilter, scans: Scans, clock: FakeClock
) -> None:
    window = QLabel("Scan your badge")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert QApplication.focusWidget() is None
    type_text(window, CODE, clock)
    enter(window, clock)
    assert scans.codes == [CODE]


def test_scanned_letters_do_not_fire_a_shortcut(
    qtbot: QtBot, desk: Desk, scanner: ScannerFilter, scans: Scans, clock: FakeClock
) -> None:
    fired: list[str] = []
    for letter in ("7", "K"):  # the scan's first character and a later one
        shortcut = QShortcut(QKeySequence(letter), desk.window)
        shortcut.activated.connect(lambda letter=letter: fired.append(letter))
    focus(qtbot, desk.button)  # a line edit claims plain letters itself; a button does not

    scanner.set_enabled(False)
    QTest.keyClick(desk.button, "K")
    assert fired == ["K"]  # the shortcut works

    fired.clear()
    scanner.set_enabled(True)
    type_text(desk.button, CODE, clock)
    enter(desk.button, clock)
    assert scans.codes == [CODE]
    assert fired == []


def test_a_disabled_scanner_lets_every_key_through(
    desk: Desk, scanner: ScannerFilter, scans: Scans, clock: FakeClock
) -> None:
    scanner.set_enabled(False)
    type_text(desk.search, CODE, clock)
    enter(desk.search, clock)
    assert desk.search.text() == CODE
    assert desk.returns == [CODE]
    assert scans.codes == []


def test_disabling_the_scanner_delivers_the_keys_it_holds(
    desk: Desk, scanner: ScannerFilter, clock: FakeClock
) -> None:
    type_text(desk.search, "Ana", clock)
    scanner.set_enabled(False)
    assert desk.search.text() == "Ana"


def test_in_test_mode_scans_are_reported_but_not_emitted_as_codes(
    desk: Desk, scanner: ScannerFilter, scans: Scans, clock: FakeClock
) -> None:
    scanner.set_test_mode(True)
    type_text(desk.search, CODE, clock)
    enter(desk.search, clock)
    assert scans.codes == []
    assert [d.code for d in scans.details] == [CODE]
    assert desk.search.text() == ""


def test_an_error_inside_the_filter_is_logged_and_the_key_reaches_the_field(
    desk: Desk,
    scanner: ScannerFilter,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(*_args: object) -> bool:
        raise RuntimeError("boom")

    monkeypatch.setattr(scanner, "_filter", broken)
    with caplog.at_level(logging.ERROR, logger="kiosk.ui.scanner"):
        type_text(desk.search, "x", clock)
    assert desk.search.text() == "x"
    assert "scanner filter failed" in caplog.text


# --- keyboard layouts ----------------------------------------------------------------------------


def test_a_scan_typed_through_the_bulgarian_layout_is_mapped_back_and_reports_bg(
    desk: Desk, scanner: ScannerFilter, scans: Scans, clock: FakeClock
) -> None:
    typed = keyboard.from_us(CODE, "bg")
    assert typed == "7Н2П9ЙФИИ"
    type_text(desk.search, typed, clock)
    enter(desk.search, clock)
    assert scans.codes == [CODE]
    (details,) = scans.details
    assert (details.raw_text, details.layout, details.mapped, details.physical) == (
        typed,
        "bg",
        True,
        False,
    )
    assert desk.search.text() == ""
    assert scanner.last_layout == "bg"


def test_the_research_example_typed_on_bds_is_mapped_back(
    desk: Desk, scanner: ScannerFilter, scans: Scans, clock: FakeClock
) -> None:
    type_text(desk.search, "ЕЭШ25-Юы7Щ", clock)
    enter(desk.search, clock)
    assert scans.codes == ["EVT25-ZQ7Y"]
    assert scans.details[0].layout == "bg"


def test_physical_keys_decode_a_phonetic_layout_exactly(
    desk: Desk, scans: Scans, clock: FakeClock
) -> None:
    scanner = make_scanner(clock=clock, platform="xcb")
    listen(scanner, scans)
    try:
        send_physical(desk.search, "EVT25-ZQ7Y", "bg(phonetic)", clock)
        enter(desk.search, clock)
    finally:
        scanner.uninstall()
    assert scans.codes == ["EVT25-ZQ7Y"]
    (details,) = scans.details
    assert (details.raw_text, details.layout, details.physical) == (
        "ЕЖТ25-ЗЯ7Ъ",
        "bg(phonetic)",
        True,
    )


def test_physical_first_undoes_a_qwertz_layout_that_only_moves_latin_letters(
    desk: Desk, scans: Scans, clock: FakeClock
) -> None:
    scanner = make_scanner(ScannerConfig(physical_first=True), clock=clock, platform="xcb")
    listen(scanner, scans)
    try:
        send_physical(desk.search, "EVT25-ZQ7Y", "ro(winkeys)", clock)
        enter(desk.search, clock)
    finally:
        scanner.uninstall()
    (details,) = scans.details
    assert (details.raw_text, details.code, details.layout) == (
        "EVT25+YQ7Z",
        "EVT25-ZQ7Y",
        "ro(winkeys)",
    )


def test_a_layout_seen_once_is_preferred_for_the_next_scan(
    desk: Desk, scanner: ScannerFilter, scans: Scans, clock: FakeClock
) -> None:
    # Without a check character this text reads as a BDS code first ...
    typed = keyboard.from_us("EVT25ZQ7Y", "bg(phonetic)")
    assert keyboard.to_us(typed)[1] == "bg"
    # ... but after a valid code showed the desk is phonetic, phonetic wins.
    type_text(desk.search, keyboard.from_us(CODE, "bg(phonetic)"), clock)
    enter(desk.search, clock)
    clock.advance(1000)
    type_text(desk.search, typed, clock)
    enter(desk.search, clock)
    assert scans.codes == [CODE, "EVT25ZQ7Y"]
    assert [d.layout for d in scans.details] == ["bg(phonetic)", "bg(phonetic)"]


def test_a_unicode_payload_no_layout_explains_comes_through_intact(
    desk: Desk, scanner: ScannerFilter, scans: Scans, clock: FakeClock
) -> None:
    type_text(desk.search, "Иван-Ăîșț-ü", clock)
    enter(desk.search, clock)
    assert scans.codes == ["Иван-Ăîșț-ü"]
    assert (scans.details[0].layout, scans.details[0].mapped) == (None, False)


# --- prefix mode ---------------------------------------------------------------------------------


def test_prefix_mode_catches_a_slow_scanner_and_leaves_the_field_clean(
    qtbot: QtBot, desk: Desk, scans: Scans
) -> None:
    scanner = make_scanner(ScannerConfig(timing=False))
    listen(scanner, scans)
    try:
        QTest.keyClick(desk.search, Qt.Key.Key_F9)
        for ch in "EVT25-000123":
            qtbot.wait(80)  # far slower than timing mode allows
            type_text(desk.search, ch)
        enter(desk.search)
    finally:
        scanner.uninstall()
    assert scans.codes == ["EVT25-000123"]
    assert scans.details[0].via == "prefix"
    assert scans.details[0].max_gap_ms >= 70
    assert desk.search.text() == ""
    assert desk.returns == []


def test_prefix_key_works_alongside_timing_mode(
    desk: Desk, scanner: ScannerFilter, scans: Scans, clock: FakeClock
) -> None:
    QTest.keyClick(desk.search, Qt.Key.Key_F9)
    type_text(desk.search, "AB", clock, gap_ms=200)
    enter(desk.search, clock, gap_ms=200)
    assert scans.codes == ["AB"]
    assert scans.details[0].via == "prefix"
    assert desk.search.text() == ""


def test_a_configurable_prefix_key(desk: Desk, scans: Scans, clock: FakeClock) -> None:
    config = ScannerConfig(timing=False, prefix_key=Qt.Key.Key_F12.value)
    scanner = make_scanner(config, clock=clock)
    listen(scanner, scans)
    try:
        QTest.keyClick(desk.search, Qt.Key.Key_F9)
        type_text(desk.search, "AB", clock)
        QTest.keyClick(desk.search, Qt.Key.Key_F12)
        type_text(desk.search, "CD", clock)
        enter(desk.search, clock)
    finally:
        scanner.uninstall()
    assert scans.codes == ["CD"]
    assert desk.search.text() == "AB"


def test_a_prefix_capture_without_suffix_ends_after_the_timeout(
    qtbot: QtBot, desk: Desk, scans: Scans
) -> None:
    scanner = make_scanner(ScannerConfig(timing=False, prefix_timeout_ms=100))
    listen(scanner, scans)
    try:
        QTest.keyClick(desk.search, Qt.Key.Key_F9)
        type_text(desk.search, "AB")  # too short: dropped
        qtbot.wait(200)
        QTest.keyClick(desk.search, Qt.Key.Key_F9)
        type_text(desk.search, CODE)  # long enough: a scan without suffix
        with qtbot.waitSignal(scanner.scanned, timeout=1000):
            pass
        type_text(desk.search, "x")  # and the keyboard is back to normal
    finally:
        scanner.uninstall()
    assert scans.codes == [CODE]
    assert desk.search.text() == "x"


def test_a_config_with_neither_timing_nor_prefix_is_refused() -> None:
    with pytest.raises(ValueError):
        ScannerConfig(timing=False, prefix_key=None)


# --- odd input: control characters, right-to-left text, emoji, very long codes ---------------

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
