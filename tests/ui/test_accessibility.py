"""Accessibility of the desk and the self-service kiosk, checked as assistive technology sees
them: names of controls (WCAG 2.1 SC 4.1.2 "Name, Role, Value"), results announced without a
focus change (SC 4.1.3 "Status Messages"), time that can be extended (SC 2.2.1 "Timing
Adjustable": a warning with at least 20 seconds to answer by a simple action), operation by
keyboard alone (SC 2.1.1), and speech at a self-service terminal (European Accessibility Act,
Directive (EU) 2019/882, Annex I: text-to-speech output and personal headsets).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent, QAccessibleInterface
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from kiosk.core.selfservice import Outcome
from kiosk.storage.database import Database
from kiosk.ui import a11y
from kiosk.ui.i18n import Translations
from kiosk.ui.mainwindow import MainWindow
from kiosk.ui.selfservice.access import PROMPT_SECONDS, screen_text
from kiosk.ui.selfservice.window import SelfServiceWindow
from kiosk.ui.sounds import Sounds
from kiosk.ui.speech import Speaker
from tests.conftest import Clock, People
from tests.ui.a11y_tools import unnamed

LANGUAGES = ("en", "bg", "ro")


def tree(interface: QAccessibleInterface, depth: int = 0) -> Iterator[QAccessibleInterface]:
    """Every accessible object under ``interface``, as a screen reader walks them."""
    yield interface
    if depth > 40:
        return
    for i in range(interface.childCount()):
        child = interface.child(i)
        if child is not None and child.isValid():
            yield from tree(child, depth + 1)


def accessible_texts(window: QWidget) -> list[tuple[str, str]]:
    root = QAccessible.queryAccessibleInterface(window)
    assert root is not None
    return [
        (node.text(QAccessible.Text.Name), node.text(QAccessible.Text.Description))
        for node in tree(root)
    ]


@pytest.fixture
def events(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, str]]:
    """The accessibility events sent: (type, announcement message or '')."""
    sent: list[tuple[int, str]] = []

    def record(event: QAccessibleEvent) -> None:
        message = event.message() if hasattr(event, "message") else ""
        sent.append((int(event.type().value), message))

    monkeypatch.setattr(a11y, "_send", record)
    return sent


ALERT = int(QAccessible.Event.Alert.value)


def announced(events: list[tuple[int, str]]) -> list[str]:
    return [message for _kind, message in events if message]


# -- names ---------------------------------------------------------------------------------------


DIALOG_BASES = {"QDialog", "QMessageBox", "QInputDialog", "QProgressDialog", "QWizard"}


def dialog_classes() -> set[str]:
    """Every dialog class written in kiosk/ui (read from the source, so a dialog added
    tomorrow is on this list without anyone remembering to add it). A class other dialogs are
    built on (TableDialog) is opened through them, so only the dialogs built on nothing else of
    kiosk/ui are listed."""
    import ast

    import kiosk.ui

    bases: dict[str, set[str]] = {}
    for path in Path(kiosk.ui.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = {b.id for b in node.bases if isinstance(b, ast.Name)} | {
                    b.attr for b in node.bases if isinstance(b, ast.Attribute)
                }
    found: set[str] = set()
    grew = True
    while grew:
        grew = False
        for name, parents in bases.items():
            if name not in found and parents & (DIALOG_BASES | found):
                found.add(name)
                grew = True
    return found - {parent for name in found for parent in bases[name]}


class Modal:
    """Opens dialogs that wait for an answer (``exec()``, QInputDialog, QMessageBox's static
    functions): while each is up, what a screen reader would find unnamed in it is noted, then
    it is closed as a person cancelling would."""

    def __init__(self) -> None:
        self.missing: list[str] = []
        self.kinds: set[str] = set()

    def __call__(self, open_it: Callable[[], object]) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QDialog

        seen: list[QWidget] = []

        def look(tries: int = 100) -> None:
            modal = QApplication.activeModalWidget()
            if modal is None:
                if tries:
                    QTimer.singleShot(20, lambda: look(tries - 1))
                return
            seen.append(modal)
            self.kinds.add(type(modal).__name__)
            self.missing.extend(unnamed(modal))
            if isinstance(modal, QDialog):
                modal.done(0)

        QTimer.singleShot(0, look)
        open_it()
        assert seen, f"{open_it} showed no dialog"


def open_every_desk_dialog(
    qtbot: QtBot, window: MainWindow, people: People, modal: Modal
) -> list[QWidget]:
    """Open each dialog of the desk as staff do (the scanner test's filter is removed again
    before this returns, so it cannot swallow later tests' keys). Dialogs that wait for an
    answer go through ``modal``."""
    from kiosk.storage.attendees import NewAttendee
    from kiosk.ui.dialogs.about import AboutDialog
    from kiosk.ui.dialogs.badge_settings import BadgeSettingsDialog
    from kiosk.ui.dialogs.badges_pdf import BadgesPdfDialog
    from kiosk.ui.dialogs.edit_person import EditPersonDialog
    from kiosk.ui.dialogs.force import ForceDialog
    from kiosk.ui.dialogs.lists import ListsDialog
    from kiosk.ui.dialogs.person import PersonDialog
    from kiosk.ui.dialogs.scanner_check import ScannerTestDialog
    from kiosk.ui.dialogs.walk_in import SimilarPeopleDialog, WalkInDialog
    from kiosk.ui.scanner import ScannerFilter

    window.open_print_queue()
    window.open_badge_settings()
    window.open_badges_pdf()
    window.open_sync()
    window.open_conflicts()
    window.open_about()
    window.open_reports()
    window.open_meetings_board()
    window.keys.show_help()
    scanner = ScannerFilter(QApplication.instance())  # type: ignore[arg-type]
    window.scanner = scanner
    try:
        window.open_scanner_test()
    finally:
        scanner.uninstall()
    walk_in = WalkInDialog(window, ["participant", "speaker"], ["Bulgaria", "Romania"])
    walk_in.show()
    window.desk.search.setText("stef")
    qtbot.waitUntil(lambda: window.desk.model.rowCount() == 1, timeout=5000)
    found = window.desk.model.people[0]
    with qtbot.waitSignal(window.backend.detailed, timeout=5000):
        window.desk.details.click()
    # The dialogs the window runs modally (exec), shown here as they are built there.
    lists = ListsDialog(window.path, window)
    for dialog in (
        lists,
        EditPersonDialog(found.attendee, window),
        SimilarPeopleDialog(
            NewAttendee(code="", first_name="Ana", last_name="Stefanescu"), [found], window
        ),
    ):
        dialog.show()
    # ... and those that wait for an answer, opened the way staff open them.
    modal(lists.add)  # a new check-in list
    modal(window.ask_kiosk_name)
    modal(lambda: window.confirm("Undo?", "Undo the check-in of Ana Ștefănescu?"))
    modal(
        lambda: window.ask_import_choice(
            "Import",
            "2 rows have no ticket code.\nrow 4\nrow 9",
            [("skip", "Import the others")],
        )
    )
    modal(window.reset_pin_lockout)
    with window.open_desk() as desk:
        desk.admin_pin().set_pin("4871")
    modal(lambda: window.confirm_admin_pin(window))  # the PIN before a settings change
    with qtbot.waitSignal(window.result_shown, timeout=5000):
        window.on_scan(people.cancelled)
    result = window.last_result
    assert result is not None
    ForceDialog(result.decision, window.zone, result.checkin_list, window).show()
    opened = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]
    kinds = {type(w) for w in opened}
    for kind in (
        AboutDialog,
        BadgeSettingsDialog,
        BadgesPdfDialog,
        PersonDialog,
        ScannerTestDialog,
        WalkInDialog,
    ):
        assert kind in kinds
    modal.kinds |= {type(w).__name__ for w in opened}
    return opened


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen: print queue
def test_every_visible_control_of_the_desk_and_its_dialogs_has_a_name(
    qtbot: QtBot, window: MainWindow, people: People, language: str
) -> None:
    window.translations.switch(language)
    modal = Modal()
    dialogs = open_every_desk_dialog(qtbot, window, people, modal)
    missing = unnamed(window) + modal.missing
    for dialog in dialogs:
        missing += unnamed(dialog)
    window.translations.switch("en")
    assert missing == []
    # Every dialog class of kiosk/ui was among them (found in the source, not listed here).
    assert dialog_classes() - modal.kinds == set()
    assert {"QMessageBox", "QInputDialog"} <= modal.kinds


def test_the_list_of_dialogs_is_read_from_the_source() -> None:
    classes = dialog_classes()
    assert {"ListEditor", "PinDialog", "ForceDialog", "MeetingsBoard", "ReportsScreen"} <= classes
    assert "MainWindow" not in classes


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_control_of_the_first_run_screen_has_a_name(
    qtbot: QtBot, translations: Translations, language: str, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QMainWindow

    from kiosk.ui.screens.first_run import FirstRunScreen

    translations.switch(language)
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(FirstRunScreen(str(tmp_path / "event.db"), window))
    window.show()
    missing = unnamed(window)
    translations.switch("en")
    assert missing == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_visible_control_of_every_kiosk_screen_has_a_name(
    qtbot: QtBot, kiosk: SelfServiceWindow, people: People, language: str
) -> None:
    from kiosk.ui.selfservice.pin import PinDialog

    kiosk.welcome.languages[language].click()
    missing = unnamed(kiosk)
    kiosk.welcome.scan_button.click()
    missing += unnamed(kiosk)
    kiosk.scan_screen.back_button.click()
    kiosk.welcome.languages[language].click()
    kiosk.welcome.find_button.click()
    kiosk.find_screen.field.setText("stefanescu")
    qtbot.waitUntil(lambda: kiosk.find_screen.results.count() == 1, timeout=5000)
    missing += unnamed(kiosk)
    kiosk.find_screen.results.itemClicked.emit(kiosk.find_screen.results.item(0))
    missing += unnamed(kiosk)
    kiosk.idle.timeout.emit()
    assert kiosk.more_time.isVisible()
    missing += unnamed(kiosk)
    with qtbot.waitSignal(kiosk.outcome_shown, timeout=5000):
        kiosk.on_scan(people.ivan)
    missing += unnamed(kiosk)
    for mode in ("set", "enter"):  # staff choose the PIN; staff leave with it
        pad = PinDialog(kiosk.pin, mode, kiosk)
        qtbot.addWidget(pad)
        pad.show()
        missing += unnamed(pad)
        pad.close()
    kiosk.translations.switch("en")
    assert missing == []


@pytest.mark.parametrize("size", [(1366, 768), (1080, 1920)], ids=["landscape", "portrait"])
def test_the_speak_switch_is_large_and_on_every_screen(
    qtbot: QtBot, kiosk: SelfServiceWindow, size: tuple[int, int]
) -> None:
    from kiosk.ui.selfservice.common import min_target_px

    kiosk.resize(*size)
    kiosk.set_text_scale(1.5)
    side = min_target_px(kiosk)
    speak = kiosk.access.speak

    def seen() -> bool:
        qtbot.wait(20)
        from PySide6.QtCore import QPoint, QRect

        where = QRect(speak.mapTo(kiosk, QPoint(0, 0)), speak.size())
        return (
            speak.isVisible()
            and kiosk.rect().contains(where)  # on the screen, not scrolled away
            and kiosk.childAt(where.center()) is speak  # nothing drawn over it
            and min(speak.width(), speak.height()) >= side
        )

    shown = {"welcome": seen()}
    kiosk.welcome.scan_button.click()
    shown["scan"] = seen()
    kiosk.idle.timeout.emit()
    shown["more time"] = seen()
    kiosk.extend_time()
    kiosk.scan_screen.back_button.click()
    kiosk.welcome.find_button.click()
    shown["find"] = seen()
    kiosk.find_screen.field.setText("Stefanescu")
    qtbot.waitUntil(lambda: kiosk.find_screen.results.count() == 1, timeout=5000)
    kiosk.find_screen.results.itemClicked.emit(kiosk.find_screen.results.item(0))
    shown["confirm"] = seen()
    with qtbot.waitSignal(kiosk.outcome_shown, timeout=5000):
        kiosk.confirm.yes.click()
    shown["result"] = seen()
    assert all(shown.values()), shown


def test_the_kiosk_status_sign_is_not_colour_alone(kiosk: SelfServiceWindow) -> None:
    assert kiosk.status_dot.text() == "✓"
    assert a11y.accessible_name(kiosk.status_dot) == "Kiosk working"
    kiosk._problem("badge not printed: paper out")
    assert kiosk.status_dot.text() == "!"
    assert a11y.accessible_name(kiosk.status_dot) == (
        "Kiosk problem: badge not printed: paper out"
    )


# -- announcements -------------------------------------------------------------------------------


def test_a_desk_scan_puts_the_result_word_into_the_accessible_tree_and_alerts(
    qtbot: QtBot, window: MainWindow, people: People, events: list[tuple[int, str]]
) -> None:
    window.desk.search.setFocus()
    with qtbot.waitSignal(window.result_shown, timeout=5000):
        window.on_scan(people.ana)
    texts = accessible_texts(window)
    assert any(name == "Welcome" and "Ana Ștefănescu" in description for name, description in texts)
    assert ALERT in [kind for kind, _message in events]
    assert any(m.startswith("Welcome. Checked in for") for m in announced(events))
    with qtbot.waitSignal(window.result_shown, timeout=5000):
        window.on_scan(people.ana)
    assert ("Already checked in", window.desk.result.accessibleDescription()) in accessible_texts(
        window
    )
    assert announced(events)[-1].startswith("Already checked in. Already checked in today at")


def test_a_refusal_on_the_desk_is_announced_in_the_window_language(
    qtbot: QtBot, window: MainWindow, people: People, events: list[tuple[int, str]]
) -> None:
    window.translations.switch("bg")
    with qtbot.waitSignal(window.result_shown, timeout=5000):
        window.on_scan(people.cancelled)
    said = announced(events)[-1]
    window.translations.switch("en")
    assert said.startswith("Регистрацията е анулирана. ")


def test_a_kiosk_result_is_announced_and_the_focus_moves_to_done(
    qtbot: QtBot, kiosk: SelfServiceWindow, people: People, events: list[tuple[int, str]]
) -> None:
    kiosk.activateWindow()
    with qtbot.waitSignal(kiosk.outcome_shown, timeout=5000):
        kiosk.on_scan(people.ivan)
    assert kiosk.result.accessibleName() == kiosk.result.title.text() == "Welcome, Иван!"
    assert ("Welcome, Иван!", kiosk.result.detail.text()) in accessible_texts(kiosk)
    assert ALERT in [kind for kind, _message in events]
    assert announced(events)[-1] == f"Welcome, Иван! {kiosk.result.detail.text()}"
    assert kiosk.result.ok.hasFocus()
    assert a11y.accessible_name(kiosk.result.icon) == "Success"


def test_after_the_reset_the_accessible_tree_holds_nothing_of_the_person(
    qtbot: QtBot, kiosk: SelfServiceWindow, people: People
) -> None:
    with qtbot.waitSignal(kiosk.outcome_shown, timeout=5000):
        kiosk.on_scan(people.ivan)
    with qtbot.waitSignal(kiosk.reset_done, timeout=5000):
        kiosk.result.ok.click()
    everything = " ".join(f"{n} {d}" for n, d in accessible_texts(kiosk))
    assert "Ivan" not in everything


# -- more time -----------------------------------------------------------------------------------


def test_before_the_reset_the_kiosk_asks_for_more_time_and_enter_extends_it(
    qtbot: QtBot, kiosk: SelfServiceWindow
) -> None:
    kiosk.activateWindow()
    kiosk.welcome.find_button.click()
    QTest.keyClicks(kiosk.find_screen.field, "Ana")
    kiosk.idle.timeout.emit()  # 30 s without a touch or a key
    prompt = kiosk.more_time
    assert prompt.isVisible() and prompt.question.text() == "Do you need more time?"
    assert prompt.remaining >= 20 == PROMPT_SECONDS
    assert prompt.more.hasFocus() and prompt.more.text() == "Yes, more time"
    QTest.keyClick(prompt.more, Qt.Key.Key_Return)
    assert not prompt.isVisible()
    assert kiosk.stack.currentWidget() is kiosk.find_screen
    assert kiosk.find_screen.field.text() == "Ana"  # nothing was lost
    assert kiosk.idle.isActive() and kiosk.idle.remainingTime() > 25_000


def test_a_touch_anywhere_also_answers_more_time(qtbot: QtBot, kiosk: SelfServiceWindow) -> None:
    kiosk.welcome.scan_button.click()
    kiosk.idle.timeout.emit()
    assert kiosk.more_time.isVisible()
    QTest.mouseClick(kiosk.more_time.question, Qt.MouseButton.LeftButton)
    assert not kiosk.more_time.isVisible()
    assert kiosk.stack.currentWidget() is kiosk.scan_screen


def test_without_an_answer_the_kiosk_starts_over(qtbot: QtBot, kiosk: SelfServiceWindow) -> None:
    kiosk.welcome.find_button.click()
    kiosk.idle.timeout.emit()
    kiosk.more_time.remaining = 1
    with qtbot.waitSignal(kiosk.reset_done, timeout=3000):
        pass  # the countdown's next tick
    assert kiosk.stack.currentWidget() is kiosk.welcome
    assert not kiosk.more_time.isVisible()


def test_the_idle_time_is_configurable(
    qtbot: QtBot,
    db: Database,
    db_path: Path,
    people: People,
    clock: Clock,
    translations: Translations,
    tmp_path: Path,
) -> None:
    win = SelfServiceWindow(db_path, translations, None, clock, camera=False, idle_seconds=75)
    qtbot.addWidget(win)
    win.show()
    win.welcome.find_button.click()
    assert win.idle.interval() == 75_000
    win.leave()


# -- speech --------------------------------------------------------------------------------------


class Played:
    """Stands in for the audio output: what would have been played."""

    def __init__(self) -> None:
        self.files: list[Path] = []

    def __call__(self, owner: QObject, wav: Path) -> None:
        self.files.append(wav)


@pytest.fixture
def speaking_kiosk(
    qtbot: QtBot,
    db: Database,
    db_path: Path,
    people: People,
    clock: Clock,
    translations: Translations,
    tmp_path: Path,
) -> Iterator[tuple[SelfServiceWindow, Speaker]]:
    sounds = Sounds(tmp_path / "sounds")
    sounds.muted = True
    speaker = Speaker(tmp_path / "speech", play=Played())
    if not speaker.available():
        pytest.skip("no offline voice on this computer (install espeak-ng)")
    win = SelfServiceWindow(db_path, translations, sounds, clock, camera=False, speaker=speaker)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    yield win, speaker
    speaker.stop()
    win.leave()


def test_f1_or_the_keypad_star_turns_speech_on_and_says_the_screen_as_shown(
    qtbot: QtBot, speaking_kiosk: tuple[SelfServiceWindow, Speaker]
) -> None:
    kiosk, speaker = speaking_kiosk
    keypad = Qt.KeyboardModifier.KeypadModifier
    QTest.keyClick(kiosk.welcome.scan_button, Qt.Key.Key_Asterisk, keypad)
    assert speaker.enabled and kiosk.access.speak.isChecked()
    language, text = speaker.spoken[-1]
    assert language == "en"
    assert text == screen_text(kiosk.welcome)
    assert text.startswith("BG-RO Cluster Conference. Welcome! Check in here. ")
    assert "Scan your QR code" in text and "Find me by name" in text
    kiosk.welcome.languages["ro"].click()
    assert speaker.spoken[-1] == ("ro", screen_text(kiosk.welcome))
    assert "Scanați codul QR" in speaker.spoken[-1][1]
    QTest.keyClick(kiosk.welcome.scan_button, Qt.Key.Key_F1)
    assert not speaker.enabled
    kiosk.translations.switch("en")


def test_a_spoken_result_is_the_shown_result(
    qtbot: QtBot, speaking_kiosk: tuple[SelfServiceWindow, Speaker], people: People
) -> None:
    kiosk, speaker = speaking_kiosk
    kiosk.access.speak.click()
    with qtbot.waitSignal(kiosk.outcome_shown, timeout=5000) as shown:
        kiosk.on_scan(people.ivan)
    assert shown.args[0] == Outcome.WELCOME_DESK
    words = f"{kiosk.result.title.text()} {kiosk.result.detail.text()} Done."
    assert speaker.spoken[-1] == ("en", words)
    played: Played = speaker._play  # type: ignore[assignment]
    qtbot.waitUntil(lambda: len(played.files) >= 1, timeout=10_000)
    assert played.files[-1].stat().st_size > 10_000  # a real WAV, not an empty file


def test_the_more_time_question_is_spoken_when_speech_is_on(
    qtbot: QtBot, speaking_kiosk: tuple[SelfServiceWindow, Speaker]
) -> None:
    kiosk, speaker = speaking_kiosk
    kiosk.welcome.find_button.click()
    kiosk.access.speak.click()
    kiosk.idle.timeout.emit()
    _language, text = speaker.spoken[-1]
    assert text.startswith("Do you need more time? The screen starts over in 20 seconds.")
    assert text.endswith("Yes, more time.")


def test_speech_is_off_again_for_the_next_person(
    qtbot: QtBot, speaking_kiosk: tuple[SelfServiceWindow, Speaker]
) -> None:
    kiosk, speaker = speaking_kiosk
    kiosk.access.speak.click()
    kiosk.access.larger.click()
    kiosk.access.contrast.click()
    kiosk.welcome.find_button.click()
    with qtbot.waitSignal(kiosk.reset_done, timeout=3000):
        kiosk.find_screen.back_button.click()
    assert not speaker.enabled and not kiosk.access.speak.isChecked()
    assert kiosk.text_scale == 1.0 and not kiosk.high_contrast


def test_a_headset_plugged_in_turns_speech_on(
    qtbot: QtBot, speaking_kiosk: tuple[SelfServiceWindow, Speaker]
) -> None:
    kiosk, speaker = speaking_kiosk
    speaker.headset_connected.emit()
    assert speaker.enabled and kiosk.access.speak.isChecked()


# -- keyboard and keypad at the kiosk ------------------------------------------------------------


def test_the_whole_kiosk_path_with_a_keyboard_alone(
    qtbot: QtBot, kiosk: SelfServiceWindow, people: People
) -> None:
    kiosk.activateWindow()
    qtbot.waitUntil(lambda: kiosk.welcome.scan_button.hasFocus(), timeout=2000)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)  # to "Find me by name"
    assert kiosk.welcome.find_button.hasFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert kiosk.stack.currentWidget() is kiosk.find_screen
    assert kiosk.find_screen.field.hasFocus()
    QTest.keyClicks(kiosk.find_screen.field, "stefanescu")
    qtbot.waitUntil(lambda: kiosk.find_screen.results.count() == 1, timeout=5000)
    QTest.keyClick(kiosk.find_screen.field, Qt.Key.Key_Down)  # into the list
    assert kiosk.find_screen.results.hasFocus()
    QTest.keyClick(kiosk.find_screen.results, Qt.Key.Key_Return)
    assert kiosk.stack.currentWidget() is kiosk.confirm
    assert kiosk.confirm.yes.hasFocus()
    with qtbot.waitSignal(kiosk.outcome_shown, timeout=5000):
        QTest.keyClick(kiosk.confirm.yes, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert kiosk.result.ok.hasFocus()
    with qtbot.waitSignal(kiosk.reset_done, timeout=3000):
        QTest.keyClick(kiosk.result.ok, Qt.Key.Key_Return)


def test_the_touch_keyboard_does_not_repeat_a_held_key(kiosk: SelfServiceWindow) -> None:
    # EN 301 549 5.7: key repeat on a self-service terminal is adjustable or off; it is off.
    keys = kiosk.find_screen.keyboard.findChildren(QAbstractButton)
    assert keys and not any(key.autoRepeat() for key in keys)


def test_the_numeric_keypad_moves_and_presses(qtbot: QtBot, kiosk: SelfServiceWindow) -> None:
    kiosk.activateWindow()
    qtbot.waitUntil(lambda: kiosk.welcome.scan_button.hasFocus(), timeout=2000)
    keypad = Qt.KeyboardModifier.KeypadModifier
    QTest.keyClick(kiosk.welcome.scan_button, Qt.Key.Key_2, keypad)  # keypad 2: down
    assert kiosk.welcome.find_button.hasFocus()
    QTest.keyClick(kiosk.welcome.find_button, Qt.Key.Key_8, keypad)  # keypad 8: up
    assert kiosk.welcome.scan_button.hasFocus()
    QTest.keyClick(kiosk.welcome.scan_button, Qt.Key.Key_5, keypad)  # keypad 5: press
    assert kiosk.stack.currentWidget() is kiosk.scan_screen
    assert QApplication.focusWidget() is None  # a scanner's Enter presses nothing here
    QTest.keyClick(kiosk, Qt.Key.Key_Tab)
    assert kiosk.scan_screen.back_button.hasFocus()
    QTest.keyClick(QApplication.focusWidget() or kiosk, Qt.Key.Key_Plus, keypad)  # larger text
    assert kiosk.text_scale == 1.25


# -- keyboard at the desk ------------------------------------------------------------------------


def test_every_control_of_the_desk_is_reached_by_tab_or_a_listed_shortcut(
    qtbot: QtBot, window: MainWindow
) -> None:
    from PySide6.QtWidgets import QHeaderView

    from kiosk.ui.desk_keys import KEYS
    from tests.ui.a11y_tools import interactive_controls

    start = window.desk.search
    chain: set[int] = set()
    widget: QWidget | None = start
    for _ in range(500):  # Tab from the search field until it comes back
        assert widget is not None
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            chain.add(id(widget))
        widget = widget.nextInFocusChain()
        if widget is start:
            break
    by_key = {id(window.keys.target(key)) for key in KEYS}
    unreachable = [
        f"{type(w).__name__} {a11y.accessible_name(w)!r}"
        for w in interactive_controls(window)
        if w.window() is window
        and id(w) not in chain
        and id(w) not in by_key
        and not (isinstance(w, QHeaderView) and not w.sectionsClickable())
        and w.parentWidget() is not window.desk.search  # Qt's clear button: Esc does it
    ]
    assert unreachable == []


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")  # offscreen popups
def test_the_shortcut_table_has_one_key_each_and_each_works(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QAction, QKeySequence, QShortcut

    from kiosk.ui.desk_keys import KEYS

    taken = [a.shortcut().toString() for a in window.findChildren(QAction)]
    taken += [s.key().toString() for s in window.findChildren(QShortcut)]
    taken = [keys for keys in taken if keys]
    assert len(taken) == len(set(taken)), "two commands on one key: neither would work"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    opened: list[str] = []
    monkeypatch.setattr(window, "open_print_queue", lambda: opened.append("queue"))
    monkeypatch.setattr(window, "open_sync", lambda: opened.append("sync"))
    monkeypatch.setattr(window, "open_reports", lambda: opened.append("reports"))
    monkeypatch.setattr(window, "ask_kiosk_name", lambda: opened.append("kiosk"))
    for name in ("printer_button", "sync_state", "kiosk_button"):
        getattr(window, name).clicked.disconnect()
    window.printer_button.clicked.connect(window.open_print_queue)
    window.sync_state.clicked.connect(window.open_sync)
    window.kiosk_button.clicked.connect(window.ask_kiosk_name)
    window.reports_action.triggered.disconnect()
    window.reports_action.triggered.connect(window.open_reports)

    def press(keys: str) -> None:
        QTest.keySequence(window.desk.search, QKeySequence(keys))

    press("F8")
    assert window.exit_mode
    press("F7")
    assert not window.exit_mode
    press("Ctrl+P")
    press("Ctrl+Shift+S")
    press("Ctrl+K")
    press("Ctrl+R")
    assert opened == ["queue", "sync", "kiosk", "reports"]
    press("Ctrl+L")
    assert window.list_combo.view().isVisible()
    window.list_combo.hidePopup()
    press("Ctrl+Shift+L")
    assert window.language_combo.view().isVisible()
    window.language_combo.hidePopup()
    muted = window.sound_button.isChecked()
    press("Ctrl+M")
    assert window.sound_button.isChecked() is not muted
    press("F10")
    assert window.menu.isVisible() and window.menu.activeAction() is not None
    window.menu.hide()
    assert {key.keys for key in KEYS} >= {"Ctrl+L", "F7", "F8", "Ctrl+P", "Ctrl+I", "Ctrl+R"}
    assert window.list_combo.accessibleDescription() == "Choose the check-in list (Ctrl+L)"


def test_high_contrast_is_chosen_in_the_menu_remembered_and_used_by_the_kiosk(
    qtbot: QtBot, window: MainWindow, app: QApplication
) -> None:
    from PySide6.QtCore import QSettings

    from kiosk.ui import style

    action = window.keys.high_contrast_action
    try:
        action.trigger()
        assert "#ContextBar { background: #000000; }" in app.styleSheet()
        assert QSettings().value(style.HIGH_CONTRAST_KEY, False, bool) is True
    finally:
        action.setChecked(False)
    assert "#ContextBar { background: #000000; }" not in app.styleSheet()
    assert QSettings().value(style.HIGH_CONTRAST_KEY, True, bool) is False


# -- larger text ---------------------------------------------------------------------------------


def clipped(root: QWidget) -> list[str]:
    """Visible words that do not fit their label or button (a screen that scrolls is fine:
    what matters is that no widget is squeezed below what its text needs)."""
    from PySide6.QtWidgets import QLabel, QPushButton

    from kiosk.ui.widgets.touch_keyboard import TouchKeyboard

    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or widget.parentWidget() is None:
            continue
        if any(isinstance(p, TouchKeyboard) for p in _ancestors(widget)):
            continue
        if isinstance(widget, QLabel) and widget.text() and not widget.pixmap():
            need = (
                widget.heightForWidth(widget.width())
                if widget.wordWrap()
                else widget.sizeHint().height()
            )
            wide = widget.wordWrap() or widget.sizeHint().width() <= widget.width() + 1
            if widget.height() + 1 < need or not wide:
                found.append(f"label {widget.text()!r}: {widget.size().toTuple()} < {need}")
        elif isinstance(widget, QPushButton) and widget.text():
            hint = widget.sizeHint()
            if widget.height() + 1 < hint.height() or widget.width() + 1 < hint.width():
                found.append(f"button {widget.text()!r}: {widget.size().toTuple()} < {hint}")
    return found


def _ancestors(widget: QWidget) -> Iterator[QWidget]:
    parent = widget.parentWidget()
    while parent is not None:
        yield parent
        parent = parent.parentWidget()


@pytest.mark.parametrize("size", [(1366, 768), (1080, 1920)], ids=["landscape", "portrait"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_larger_text_is_never_cut_off(
    qtbot: QtBot, kiosk: SelfServiceWindow, people: People, language: str, size: tuple[int, int]
) -> None:
    kiosk.resize(*size)
    kiosk.welcome.languages[language].click()
    kiosk.access.larger.click()
    kiosk.access.larger.click()  # "A+" twice: 150 %
    assert kiosk.text_scale == 1.5
    qtbot.wait(50)
    problems = [f"welcome: {p}" for p in clipped(kiosk)]
    kiosk.welcome.find_button.click()
    kiosk.find_screen.field.setText("Иванов")
    qtbot.waitUntil(lambda: kiosk.find_screen.results.count() == 1, timeout=5000)
    qtbot.wait(50)
    problems += [f"find: {p}" for p in clipped(kiosk)]
    assert kiosk.find_screen.results.height() >= kiosk.find_screen.results.sizeHintForRow(0)
    kiosk.find_screen.results.itemClicked.emit(kiosk.find_screen.results.item(0))
    qtbot.wait(50)
    problems += [f"confirm: {p}" for p in clipped(kiosk)]
    kiosk.idle.timeout.emit()
    qtbot.wait(50)
    problems += [f"more time: {p}" for p in clipped(kiosk)]
    with qtbot.waitSignal(kiosk.outcome_shown, timeout=5000):
        kiosk.confirm.yes.click()
    qtbot.wait(50)
    problems += [f"result: {p}" for p in clipped(kiosk)]
    kiosk.translations.switch("en")
    assert problems == []


@pytest.mark.parametrize("theme", ["normal", "high contrast"])
@pytest.mark.parametrize("size", [(1366, 768), (1080, 1920)], ids=["landscape", "portrait"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_at_150_percent_every_screen_fits_without_scrolling(
    qtbot: QtBot,
    kiosk: SelfServiceWindow,
    people: People,
    language: str,
    size: tuple[int, int],
    theme: str,
) -> None:
    # WCAG 2.1 SC 1.4.4 (text resized to 200 % without loss of content or function) and
    # EN 301 549 5.1.4 at a terminal: a person who needed larger text should not have to find
    # a scroll bar to reach "Find me by name", a name, or "Done". 1366 x 768 is the smallest
    # screen we support; portrait is the usual kiosk stand.
    def scroll() -> int:
        qtbot.wait(50)
        return kiosk.screens_area.verticalScrollBar().maximum()

    kiosk.resize(*size)
    kiosk.welcome.languages[language].click()
    kiosk.set_high_contrast(theme == "high contrast")
    kiosk.set_text_scale(1.5)
    scrolls = {"welcome": scroll()}
    kiosk.welcome.find_button.click()
    scrolls["find: empty"] = scroll()
    short_hint = kiosk.find_screen.hint.text()
    kiosk.find_screen.field.setText("Nobodyhere")  # nobody: the long privacy hint
    qtbot.waitUntil(lambda: kiosk.find_screen.hint.text() != short_hint, timeout=5000)
    scrolls["find: nobody"] = scroll()
    kiosk.find_screen.field.setText("Stefanescu")
    qtbot.waitUntil(lambda: kiosk.find_screen.results.count() == 1, timeout=5000)
    scrolls["find"] = scroll()
    kiosk.find_screen.results.itemClicked.emit(kiosk.find_screen.results.item(0))
    scrolls["confirm"] = scroll()
    with qtbot.waitSignal(kiosk.outcome_shown, timeout=5000):
        kiosk.confirm.yes.click()
    scrolls["result"] = scroll()
    kiosk.translations.switch("en")
    assert set(scrolls.values()) == {0}, scrolls


@pytest.mark.parametrize("language", LANGUAGES)
def test_at_150_percent_a_day_of_meetings_scrolls_in_its_box_under_the_answer(
    qtbot: QtBot, kiosk: SelfServiceWindow, people: People, language: str
) -> None:
    from PySide6.QtCore import QPoint, QRect

    kiosk.resize(1366, 768)
    kiosk.welcome.languages[language].click()
    kiosk.set_text_scale(1.5)
    with qtbot.waitSignal(kiosk.outcome_shown, timeout=5000):
        kiosk.on_scan(people.ivan)
    day = [f"{9 + hour}:00 Table {hour} — Firma {hour} SRL (Iași)" for hour in range(8)]
    kiosk.result.show_meetings(day)
    qtbot.wait(100)
    viewport = kiosk.screens_area.viewport()

    def on_screen(widget: QWidget) -> bool:
        return viewport.rect().contains(QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size()))

    names = ("title", "detail", "meetings_title", "ok")
    shown = {name: on_screen(getattr(kiosk.result, name)) for name in names}
    box = kiosk.result.meetings_box
    kiosk.translations.switch("en")
    assert all(shown.values()), shown
    assert kiosk.screens_area.verticalScrollBar().maximum() == 0
    assert box.verticalScrollBar().maximum() > 0  # the rest of the day, a finger-drag away


def beyond_the_right_edge(window: QWidget) -> list[str]:
    """Visible widgets that reach past the window's right edge (the kiosk never scrolls
    sideways, so anything there is cut off)."""
    right = window.width()
    return [
        f"{type(w).__name__} {a11y.accessible_name(w)!r}: ends at {edge} > {right}"
        for w in window.findChildren(QWidget)
        if w.isVisible()
        and w.isWindow() is False
        and (edge := w.mapTo(window, w.rect().topRight()).x() + 1) > right
        and not isinstance(w, QScrollArea)  # the viewport's own children are checked
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_system_scale_factor_at_150_percent_cuts_nothing_off(
    qtbot: QtBot, kiosk: SelfServiceWindow, language: str
) -> None:
    # A portrait 1080 x 1920 screen with the operating system's scale factor at 150 %
    # (Windows display scaling, QT_SCALE_FACTOR=1.5) gives the window 720 x 1280 of its own
    # pixels; 15 mm keys side by side need 952. The keys narrow to fit and stay 15 mm tall.
    from kiosk.ui.widgets.touch_keyboard import NARROWEST_SHARE, min_key_px

    kiosk.resize(720, 1280)
    kiosk.welcome.languages[language].click()
    qtbot.wait(50)
    cut = [f"welcome: {p}" for p in beyond_the_right_edge(kiosk)]
    kiosk.welcome.find_button.click()
    kiosk.find_screen.field.setText("Stefanescu")
    qtbot.waitUntil(lambda: kiosk.find_screen.results.count() == 1, timeout=5000)
    qtbot.wait(50)
    cut += [f"find: {p}" for p in beyond_the_right_edge(kiosk)]
    scroll = kiosk.screens_area.verticalScrollBar().maximum()
    side = min_key_px(kiosk.screen())
    keys = [k for k in kiosk.find_screen.keyboard.all_keys() if k.isVisible()]
    words_cut = [k.text() for k in keys if k.fontMetrics().horizontalAdvance(k.text()) > k.width()]
    kiosk.translations.switch("en")
    assert cut == [] and scroll == 0 and words_cut == []
    assert all(k.height() >= side and k.width() >= side * NARROWEST_SHARE for k in keys)
    assert kiosk.access.narrow  # the headphones sentence under the buttons, not a column


def test_the_clipping_check_can_fail(qtbot: QtBot, kiosk: SelfServiceWindow) -> None:
    kiosk.set_text_scale(1.5)
    kiosk.welcome.find_button.setFixedHeight(30)  # as a squeezed layout would leave it
    qtbot.wait(50)
    assert any("button" in p for p in clipped(kiosk))


def test_the_idle_time_is_read_from_this_computers_settings(tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from kiosk.ui.app import IDLE_KEY, idle_seconds

    settings = QSettings(str(tmp_path / "Kiosk.ini"), QSettings.Format.IniFormat)
    assert idle_seconds(settings) == 30  # nothing set: the default
    settings.setValue(IDLE_KEY, 90)
    assert idle_seconds(settings) == 90
    settings.setValue(IDLE_KEY, 2)
    assert idle_seconds(settings) == 10  # never so short that nobody can answer
    settings.setValue(IDLE_KEY, "soon")
    assert idle_seconds(settings) == 30


def test_the_command_line_refuses_an_idle_time_nobody_could_answer() -> None:
    from click.testing import CliRunner

    from kiosk.cli.main import cli

    result = CliRunner().invoke(cli, ["gui", "--kiosk", "--idle-seconds", "3"])
    assert result.exit_code == 2 and "--idle-seconds" in result.output


def test_the_find_screen_says_what_was_typed_and_who_was_found(
    qtbot: QtBot, speaking_kiosk: tuple[SelfServiceWindow, Speaker]
) -> None:
    kiosk, speaker = speaking_kiosk
    kiosk.welcome.find_button.click()
    kiosk.access.speak.click()
    assert "Your last name" in speaker.spoken[-1][1]  # the empty field's placeholder
    QTest.keyClicks(kiosk.find_screen.field, "ivanov")
    qtbot.waitUntil(lambda: "Иван Иванов" in speaker.spoken[-1][1], timeout=5000)
    text = speaker.spoken[-1][1]
    assert text.index("ivanov") < text.index("Иван Иванов")


def test_f4_or_keypad_minus_pauses_the_voice_and_goes_on(
    qtbot: QtBot, speaking_kiosk: tuple[SelfServiceWindow, Speaker]
) -> None:
    from enum import Enum

    class State(Enum):
        StoppedState = 0
        PlayingState = 1
        PausedState = 2

    class Player(QObject):
        """A stand-in for QMediaPlayer: only the calls the speaker makes."""

        state = State.PlayingState

        def playbackState(self) -> State:
            return self.state

        def pause(self) -> None:
            self.state = State.PausedState

        def play(self) -> None:
            self.state = State.PlayingState

    kiosk, speaker = speaking_kiosk
    player = Player()
    speaker._play = lambda owner, wav: player  # type: ignore[assignment]
    kiosk.access.speak.click()
    qtbot.waitUntil(lambda: speaker._playing is player, timeout=10_000)
    QTest.keyClick(kiosk.welcome.scan_button, Qt.Key.Key_F4)
    assert player.state is State.PausedState
    keypad = Qt.KeyboardModifier.KeypadModifier
    QTest.keyClick(kiosk.welcome.scan_button, Qt.Key.Key_Minus, keypad)
    assert player.state is State.PlayingState


def test_the_shortcut_descriptions_speak_the_window_language(window: MainWindow) -> None:
    window.translations.switch("bg")
    described = window.list_combo.accessibleDescription()
    window.translations.switch("en")
    assert described == "Избор на списък за вход (Ctrl+L)"
