"""The scanner test dialog shows what the scanner sent, how Kiosk read it and what to do."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from kiosk.core import codes, keyboard
from kiosk.ui.dialogs.scanner_check import ScannerTestDialog, Verdict, code_point, verdict_for
from kiosk.ui.scanner import ScanInput, ScannerConfig, ScannerFilter

CODE = "7K2M9XBR" + codes.check_character("7K2M9XBR")


class FakeClock:
    def __init__(self) -> None:
        self.now = 50.0

    def __call__(self) -> float:
        self.now += 0.004  # every key 4 ms after the previous one: a scanner
        return self.now


@pytest.fixture
def scanner() -> Iterator[ScannerFilter]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    f = ScannerFilter(app, clock=FakeClock())
    yield f
    f.uninstall()
    f.deleteLater()


@pytest.fixture
def dialog(qtbot: QtBot, scanner: ScannerFilter) -> ScannerTestDialog:
    d = ScannerTestDialog(scanner)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    d.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is d)
    return d


def scan(dialog: ScannerTestDialog, text: str) -> None:
    target = QApplication.focusWidget() or dialog
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, target, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )
    QTest.keyClick(target, Qt.Key.Key_Return)


def scan_input(**changes: object) -> ScanInput:
    values: dict[str, object] = {
        "code": CODE,
        "raw_text": CODE,
        "layout": None,
        "mapped": False,
        "keys": 9,
        "duration_ms": 36.0,
        "via": "timing",
        "max_gap_ms": 4.0,
    }
    values.update(changes)
    return ScanInput(**values)  # type: ignore[arg-type]


def test_the_dialog_waits_for_a_scan_at_first(dialog: ScannerTestDialog) -> None:
    assert dialog.verdict is Verdict.WAITING
    assert dialog.last_scan is None
    assert dialog.chars_table.rowCount() == 0


def test_a_scan_on_a_bulgarian_layout_shows_raw_and_decoded_text_and_the_layout_verdict(
    dialog: ScannerTestDialog,
) -> None:
    typed = keyboard.from_us(CODE, "bg")
    scan(dialog, typed)
    assert dialog.last_scan is not None
    assert dialog.raw_label.text() == typed
    assert dialog.code_label.text() == CODE
    assert dialog.verdict is Verdict.TRANSLATED
    assert dialog.last_scan.layout == "bg"
    assert dialog.layout_title("bg") in dialog.verdict_label.text()
    assert dialog.layout_title("bg") in dialog.layout_label.text()
    table = dialog.chars_table
    assert table.rowCount() == len(typed)
    rows = [tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())]
    assert rows[1] == ("Н", "U+041D CYRILLIC CAPITAL LETTER EN", "K")
    assert [r[0] for r in rows] == list(typed)
    assert "".join(r[2] for r in rows) == CODE


def test_a_test_scan_checks_nobody_in(
    qtbot: QtBot, dialog: ScannerTestDialog, scanner: ScannerFilter
) -> None:
    checked_in: list[str] = []
    scanner.scanned.connect(checked_in.append)
    scan(dialog, CODE)
    assert dialog.code_label.text() == CODE
    assert checked_in == []
    dialog.close()
    assert not scanner.is_test_mode()
    QTest.keyClick(dialog, Qt.Key.Key_A)  # the filter is back to normal: nothing breaks


def test_a_plain_fast_scan_is_fine(dialog: ScannerTestDialog) -> None:
    scan(dialog, CODE)
    assert dialog.verdict is Verdict.OK
    assert dialog.last_scan is not None
    assert (dialog.last_scan.via, dialog.last_scan.mapped, dialog.last_scan.keys) == (
        "timing",
        False,
        9,
    )
    assert dialog.raw_label.text() == dialog.code_label.text() == CODE


def test_the_verdicts(dialog: ScannerTestDialog) -> None:
    config = ScannerConfig()
    assert verdict_for(scan_input(), config) is Verdict.OK
    assert verdict_for(scan_input(raw_text="7Н2П9ЙФИИ", mapped=True, layout="bg"), config) is (
        Verdict.TRANSLATED
    )
    assert verdict_for(scan_input(raw_text="ü", code="ü"), config) is Verdict.UNREADABLE
    slow = scan_input(via="prefix", max_gap_ms=90.0, duration_ms=720.0)
    assert verdict_for(slow, config) is Verdict.SLOW
    assert verdict_for(scan_input(via="prefix"), config) is Verdict.OK
    # A slow scanner without a prefix key, caught because a complete code came before Enter.
    typed = scan_input(via="typed", max_gap_ms=90.0, duration_ms=810.0)
    assert verdict_for(typed, config) is Verdict.SLOW


def test_a_slow_scanner_caught_by_its_complete_code_is_advised_to_send_the_prefix_key(
    dialog: ScannerTestDialog,
) -> None:
    dialog.show_scan(scan_input(via="typed", max_gap_ms=90.0, duration_ms=810.0))
    assert dialog.verdict is Verdict.SLOW
    assert dialog.via_label.text() == "a complete ticket code before Enter"
    assert "complete ticket code" in dialog.verdict_label.text()
    assert "F9" in dialog.verdict_label.text()


@pytest.mark.parametrize(
    "scan_",
    [
        scan_input(),
        scan_input(via="prefix", max_gap_ms=90.0, duration_ms=720.0),
        scan_input(raw_text="ü", code="ü"),
        scan_input(raw_text="ЕЖТ25-ЗЯ7Ъ", code="EVT25-ZQ7Y", mapped=True, layout=None),
    ],
    ids=["ok", "slow", "unreadable", "unnamed-layout"],
)
def test_every_verdict_has_its_own_advice(dialog: ScannerTestDialog, scan_: ScanInput) -> None:
    waiting = dialog.verdict_label.text()
    dialog.show_scan(scan_)
    assert dialog.verdict_label.text() not in ("", waiting)
    assert dialog.speed_label.text()
    assert dialog.via_label.text()
    assert dialog.layout_label.text()


def test_a_language_change_resets_every_string(dialog: ScannerTestDialog) -> None:
    dialog.show_scan(scan_input(raw_text="7Н2П9ЙФИИ", mapped=True, layout="bg"))
    labels = dialog.findChildren(QLabel)
    before = {label: label.text() for label in labels}
    title = dialog.windowTitle()
    for label in labels:
        label.setText("stale")
    dialog.chars_table.setHorizontalHeaderLabels(["stale"] * 3)
    dialog.setWindowTitle("stale")
    QCoreApplication.sendEvent(dialog, QEvent(QEvent.Type.LanguageChange))
    assert {label: label.text() for label in labels} == before
    assert dialog.windowTitle() == title == dialog.tr("Test scanner")
    headers = [dialog.chars_table.horizontalHeaderItem(c).text() for c in range(3)]
    assert "stale" not in headers


def test_code_points_are_named() -> None:
    assert code_point("Е") == "U+0415 CYRILLIC CAPITAL LETTER IE"
    assert code_point("7") == "U+0037 DIGIT SEVEN"
