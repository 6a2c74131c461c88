"""The on-screen keyboard of the self-service kiosk, pressed as attendees press it: a tap on a
key types into the name field, which keeps its focus and cursor."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.widgets.touch_keyboard import LAYOUT_CODES, LAYOUT_NAMES, TouchKeyboard


@dataclass
class Screen:
    window: QWidget
    field: QLineEdit
    keyboard: TouchKeyboard


@pytest.fixture
def screen(app: QApplication, qtbot: QtBot) -> Iterator[Screen]:
    window = QWidget()
    field = QLineEdit(window)
    keyboard = TouchKeyboard(window)
    keyboard.set_target(field)
    layout = QVBoxLayout(window)
    layout.addWidget(field)
    layout.addWidget(keyboard)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    field.setFocus()
    yield Screen(window, field, keyboard)
    window.close()


def tap(qtbot: QtBot, key: QPushButton) -> None:
    qtbot.mouseClick(key, Qt.MouseButton.LeftButton)


def tap_letters(qtbot: QtBot, keyboard: TouchKeyboard, captions: str) -> None:
    for caption in captions:
        tap(qtbot, keyboard.key_for(caption))


def test_bulgarian_keys_type_lowercase_cyrillic_at_the_cursor(qtbot: QtBot, screen: Screen) -> None:
    screen.keyboard.set_layout("bg")
    tap_letters(qtbot, screen.keyboard, "ИВ")
    assert screen.field.text() == "ив"


def test_bulgarian_phonetic_layout_has_all_thirty_letters_in_its_rows(screen: Screen) -> None:
    screen.keyboard.set_layout("bg")
    captions = [key.text() for key in screen.keyboard.letter_keys()]
    assert "".join(captions[:10]) == "ЯВЕРТЪУИОП"
    assert sorted(captions) == sorted("АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЬЮЯ")


def test_romanian_types_s_and_t_with_comma_below_never_cedilla(
    qtbot: QtBot, screen: Screen
) -> None:
    screen.keyboard.set_layout("ro")
    tap_letters(qtbot, screen.keyboard, "ȘȚĂÂÎ")
    assert screen.field.text() == "\u0219\u021b\u0103\u00e2\u00ee"
    assert "\u015f" not in screen.field.text() and "\u0163" not in screen.field.text()


def test_english_types_ana(qtbot: QtBot, screen: Screen) -> None:
    screen.keyboard.set_layout("en")
    with qtbot.waitSignals([screen.keyboard.typed] * 3):
        tap_letters(qtbot, screen.keyboard, "ANA")
    assert screen.field.text() == "ana"


def test_typing_inserts_at_the_cursor_not_at_the_end(qtbot: QtBot, screen: Screen) -> None:
    screen.field.setText("ana")
    screen.field.setCursorPosition(1)
    tap_letters(qtbot, screen.keyboard, "N")
    assert screen.field.text() == "anna"
    assert screen.field.cursorPosition() == 2


def test_space_hyphen_and_apostrophe_type_name_punctuation(qtbot: QtBot, screen: Screen) -> None:
    kb = screen.keyboard
    tap_letters(qtbot, kb, "IO")
    tap(qtbot, kb.hyphen_key)
    tap_letters(qtbot, kb, "P")
    tap(qtbot, kb.space_key)
    tap_letters(qtbot, kb, "O")
    tap(qtbot, kb.apostrophe_key)
    tap_letters(qtbot, kb, "B")
    assert screen.field.text() == "io-p o'b"


def test_backspace_removes_the_character_before_the_cursor(qtbot: QtBot, screen: Screen) -> None:
    screen.field.setText("anaa")
    with qtbot.waitSignal(screen.keyboard.backspaced):
        tap(qtbot, screen.keyboard.backspace_key)
    assert screen.field.text() == "ana"


def test_clear_empties_the_field(qtbot: QtBot, screen: Screen) -> None:
    screen.field.setText("Ionescu-Popa")
    with qtbot.waitSignal(screen.keyboard.cleared):
        tap(qtbot, screen.keyboard.clear_key)
    assert screen.field.text() == ""


def test_switching_layout_changes_the_captions_and_emits_layout_changed(
    qtbot: QtBot, screen: Screen
) -> None:
    kb = screen.keyboard
    assert kb.current_layout() == "en"
    with qtbot.waitSignal(kb.layout_changed) as blocker:
        tap(qtbot, kb.layout_keys["bg"])
    assert blocker.args == ["bg"]
    assert kb.current_layout() == "bg"
    assert kb.letter_keys()[0].text() == "Я"
    assert kb.layout_keys["bg"].isChecked() and not kb.layout_keys["en"].isChecked()
    with qtbot.waitSignal(kb.layout_changed) as blocker:
        kb.set_layout("ro")
    assert blocker.args == ["ro"]
    assert [k.text() for k in kb.letter_keys()][10:12] == ["Ă", "Î"]


def test_the_layout_keys_show_each_language_in_its_own_name(screen: Screen) -> None:
    names = [screen.keyboard.layout_keys[code].text() for code in LAYOUT_CODES]
    assert names == ["Български", "Română", "English"]
    assert set(LAYOUT_NAMES) == {"bg", "ro", "en"}


def test_an_unknown_layout_is_refused(screen: Screen) -> None:
    with pytest.raises(ValueError):
        screen.keyboard.set_layout("fr")


def test_keys_never_take_the_focus_from_the_field(qtbot: QtBot, screen: Screen) -> None:
    qtbot.waitUntil(screen.field.hasFocus)
    for key in screen.keyboard.all_keys():
        assert key.focusPolicy() == Qt.FocusPolicy.NoFocus
    tap_letters(qtbot, screen.keyboard, "A")
    tap(qtbot, screen.keyboard.space_key)
    tap(qtbot, screen.keyboard.backspace_key)
    tap(qtbot, screen.keyboard.layout_keys["ro"])
    assert screen.field.hasFocus()
    assert QApplication.focusWidget() is screen.field


@pytest.mark.parametrize("code", LAYOUT_CODES)
def test_every_key_is_at_least_15_mm_wide_and_tall_at_the_screen_dpi(
    screen: Screen, code: str
) -> None:
    screen.window.resize(1366, 500)  # the smallest kiosk screen we support, landscape
    screen.keyboard.set_layout(code)
    qt_screen = screen.keyboard.screen()
    dpi = qt_screen.logicalDotsPerInch() if qt_screen is not None else 96.0
    smallest = 15.0 / 25.4 * (dpi or 96.0)
    for key in screen.keyboard.all_keys():
        assert key.isVisible()
        assert key.width() >= smallest and key.height() >= smallest, (key.text(), key.size())


def test_in_a_narrow_window_keys_narrow_to_fit_and_stay_15_mm_tall(screen: Screen) -> None:
    # 720 px: a portrait 1080 x 1920 screen at the operating system's 150 % scale factor.
    from kiosk.ui.widgets.touch_keyboard import NARROWEST_SHARE

    screen.window.resize(720, 500)
    qt_screen = screen.keyboard.screen()
    dpi = qt_screen.logicalDotsPerInch() if qt_screen is not None else 96.0
    smallest = 15.0 / 25.4 * (dpi or 96.0)
    kb = screen.keyboard
    assert kb.width() <= 720
    for key in kb.all_keys():
        assert kb.rect().contains(key.geometry()), key.text()
        assert key.height() >= smallest and key.width() >= smallest * NARROWEST_SHARE


def test_keys_are_placed_inside_the_keyboard_without_overlapping(screen: Screen) -> None:
    kb = screen.keyboard
    keys = kb.all_keys()
    for key in keys:
        assert kb.rect().contains(key.geometry())
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            assert not a.geometry().intersects(b.geometry()), (a.text(), b.text())


def test_a_read_only_or_missing_target_is_left_alone(qtbot: QtBot, screen: Screen) -> None:
    screen.field.setText("ana")
    screen.field.setReadOnly(True)
    tap_letters(qtbot, screen.keyboard, "B")
    tap(qtbot, screen.keyboard.clear_key)
    assert screen.field.text() == "ana"
    screen.keyboard.set_target(None)
    with qtbot.waitSignal(screen.keyboard.typed):
        tap_letters(qtbot, screen.keyboard, "B")


def test_high_contrast_switches_to_black_keys_and_back(screen: Screen) -> None:
    kb = screen.keyboard
    kb.set_high_contrast(True)
    assert kb.is_high_contrast() and "#000000" in kb.styleSheet()
    kb.set_high_contrast(False)
    assert not kb.is_high_contrast() and "#000000" not in kb.styleSheet()
