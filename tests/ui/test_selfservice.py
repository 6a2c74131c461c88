"""The self-service kiosk, as an attendee uses it: language, scan or find by name, confirm,
badge; locked against escape keys; forgetting each person; showing nothing of others."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QListWidget, QWidget
from pytestqt.qtbot import QtBot

from kiosk.app.adminpin import AdminPin
from kiosk.core.selfservice import Outcome
from kiosk.ui.selfservice import window as window_module
from kiosk.ui.selfservice.window import SelfServiceWindow
from tests.conftest import People


def visible_texts(root: QWidget) -> str:
    texts = [label.text() for label in root.findChildren(QLabel) if label.isVisible()]
    for widget in root.findChildren(QListWidget):
        texts += [widget.item(i).text() for i in range(widget.count())]
    return "\n".join(texts)


def find_by_name(qtbot: QtBot, kiosk: SelfServiceWindow, text: str, rows: int = 1) -> None:
    kiosk.welcome.find_button.click()
    kiosk.find_screen.field.setText(text)
    qtbot.waitUntil(lambda: kiosk.find_screen.results.count() == rows, timeout=5000)


@pytest.mark.parametrize(
    ("language", "welcome"),
    [("en", "Welcome, Ana!"), ("bg", "Добре дошли, Ana!"), ("ro", "Bun venit, Ana!")],
)
def test_the_whole_path_by_name_in_each_language(
    qtbot: QtBot, kiosk: SelfServiceWindow, language: str, welcome: str
) -> None:
    kiosk.welcome.languages[language].click()
    find_by_name(qtbot, kiosk, "stefanescu")
    item = kiosk.find_screen.results.item(0)
    kiosk.find_screen.results.itemClicked.emit(item)
    assert kiosk.stack.currentWidget() is kiosk.confirm
    assert kiosk.confirm.name.text() == "Ana Ștefănescu"
    with qtbot.waitSignal(kiosk.outcome_shown, timeout=5000) as blocker:
        kiosk.confirm.yes.click()
    assert blocker.args[0] in (Outcome.WELCOME_DESK, Outcome.WELCOME_BADGE)
    assert kiosk.result.title.text() == welcome
    kiosk.translations.switch("en")


def test_a_scanned_code_is_welcomed_and_a_second_scan_is_not_reprinted(
    qtbot: QtBot, kiosk: SelfServiceWindow, people: People
) -> None:
    with qtbot.waitSignal(kiosk.outcome_shown, timeout=5000) as first:
        kiosk.on_scan(people.ivan)
    assert first.args[0] == Outcome.WELCOME_DESK  # no printer chosen: collect at the desk
    with qtbot.waitSignal(kiosk.outcome_shown, timeout=5000) as second:
        kiosk.on_scan(people.ivan)
    assert second.args[0] == Outcome.ALREADY


def test_refusals_send_the_person_to_the_desk_without_technical_words(
    qtbot: QtBot, kiosk: SelfServiceWindow, people: People
) -> None:
    for code, outcome in (
        ("NOPE-123", Outcome.NOT_FOUND),
        (people.cancelled, Outcome.SEE_DESK),
        (people.day2_only, Outcome.NOT_TODAY),
    ):
        with qtbot.waitSignal(kiosk.outcome_shown, timeout=5000) as blocker:
            kiosk.on_scan(code)
        assert blocker.args[0] == outcome
        shown = visible_texts(kiosk).lower()
        assert "registration desk" in shown
        for word in ("error", "exception", "code not found", "unknown_code", "cancelled"):
            assert word not in shown


def test_escape_alt_f4_ctrl_q_and_close_do_nothing(qtbot: QtBot, kiosk: SelfServiceWindow) -> None:
    for key, mods in (
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    ):
        QTest.keyClick(kiosk, key, mods)
    assert kiosk.close() is False
    assert kiosk.isVisible()


def test_idle_reset_forgets_the_previous_person_everywhere(
    qtbot: QtBot, kiosk: SelfServiceWindow, people: People
) -> None:
    find_by_name(qtbot, kiosk, "stefanescu")
    kiosk.find_screen.results.itemClicked.emit(kiosk.find_screen.results.item(0))
    with qtbot.waitSignal(kiosk.outcome_shown, timeout=5000):
        kiosk.confirm.yes.click()
    assert "Ana" in visible_texts(kiosk)
    with qtbot.waitSignal(kiosk.reset_done, timeout=5000):
        kiosk.idle.timeout.emit()  # as if nobody touched the screen for a while
    assert kiosk.stack.currentWidget() is kiosk.welcome
    everything = "\n".join(label.text() for label in kiosk.findChildren(QLabel))
    assert "Ana" not in everything and "Ștefănescu" not in everything
    assert kiosk.find_screen.field.text() == "" and kiosk.find_screen.results.count() == 0


def test_search_results_show_only_names_and_the_organisation_after_a_tap(
    qtbot: QtBot, kiosk: SelfServiceWindow
) -> None:
    find_by_name(qtbot, kiosk, "ivanov")
    shown = visible_texts(kiosk)
    assert "Иван Иванов" in shown
    assert "Клъстер Мехатроника" not in shown  # not until this one name is tapped
    assert "@" not in shown  # no e-mail address of anyone
    kiosk.find_screen.results.itemClicked.emit(kiosk.find_screen.results.item(0))
    assert "Клъстер Мехатроника" in visible_texts(kiosk)


def test_a_name_prefix_shows_nobody_until_the_whole_surname_is_typed(
    qtbot: QtBot, kiosk: SelfServiceWindow
) -> None:
    kiosk.welcome.find_button.click()
    kiosk.find_screen.field.setText("iva")
    qtbot.wait(400)
    assert kiosk.find_screen.results.count() == 0
    assert "whole last name" in kiosk.find_screen.hint.text()
    kiosk.find_screen.field.setText("Popescu")  # Ion Popescu's registration is cancelled
    qtbot.wait(400)
    assert kiosk.find_screen.results.count() == 0


def test_fewer_than_three_letters_show_nobody(qtbot: QtBot, kiosk: SelfServiceWindow) -> None:
    kiosk.welcome.find_button.click()
    kiosk.find_screen.field.setText("iv")
    qtbot.wait(400)
    assert kiosk.find_screen.results.count() == 0


def test_five_taps_in_the_corner_ask_for_the_staff_pin(
    qtbot: QtBot, kiosk: SelfServiceWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(window_module.PinDialog, "exec", lambda self: asked.append(self.mode) or 0)
    for _ in range(5):
        QTest.mouseClick(kiosk.welcome, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    qtbot.waitUntil(lambda: asked == ["set"], timeout=2000)  # no PIN yet: staff choose one
    AdminPin(kiosk.admin_desk.db, kiosk.kiosk).set_pin("4871")
    for _ in range(5):
        QTest.mouseClick(kiosk.welcome, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    qtbot.waitUntil(lambda: asked == ["set", "enter"], timeout=2000)
    assert kiosk.isVisible()  # a cancelled PIN leaves the kiosk locked


def test_a_right_pin_lets_staff_leave(
    qtbot: QtBot, kiosk: SelfServiceWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    kiosk.pin.set_pin("4871")

    def enter_right_pin(dialog: window_module.PinDialog) -> int:
        for digit in "4871":
            dialog.keys[digit].click()
        dialog.ok.click()
        return int(dialog.result())

    monkeypatch.setattr(window_module.PinDialog, "exec", enter_right_pin)
    with qtbot.waitSignal(kiosk.exit_requested, timeout=2000):
        kiosk.ask_staff_pin()
    assert not kiosk.isVisible()


def test_a_ticket_scanned_while_the_pin_pad_is_open_is_not_taken_as_a_pin(
    qtbot: QtBot, kiosk: SelfServiceWindow
) -> None:
    kiosk.pin.set_pin("4871")
    pad = window_module.PinDialog(kiosk.pin, "enter", kiosk)
    qtbot.addWidget(pad)
    pad.show()
    QTest.keyClicks(pad.entry, "4871")  # the scanner types like a keyboard
    QTest.keyClick(pad.entry, Qt.Key.Key_Return)
    assert pad.entry.text() == "" and pad.result() == 0
    assert kiosk.pin.wait_seconds() == 0  # nothing was tried, so nothing counts against staff


def test_touch_targets_are_at_least_15_mm(qtbot: QtBot, kiosk: SelfServiceWindow) -> None:
    from kiosk.ui.selfservice.common import min_target_px

    side = min_target_px(kiosk)
    for button in (
        kiosk.welcome.scan_button,
        kiosk.welcome.find_button,
        *kiosk.welcome.languages.values(),
    ):
        assert button.height() >= side and button.width() >= side


def test_the_chosen_language_lasts_until_the_reset(qtbot: QtBot, kiosk: SelfServiceWindow) -> None:
    kiosk.welcome.languages["ro"].click()
    kiosk.welcome.find_button.click()
    assert kiosk.find_screen.heading.text() == "Găsiți-mă după nume"
    kiosk.idle.timeout.emit()  # nobody touched the screen: "Do you need more time?"
    with qtbot.waitSignal(kiosk.reset_done, timeout=5000):
        kiosk.more_time.expired.emit()  # ... and nobody answered
    assert kiosk.language == "en"
    assert kiosk.welcome.find_button.text() == "Find me by name"
