"""Test scanner: scan any code and see exactly what the scanner sent and how Kiosk read it.

While the dialog is visible the scanner filter is in test mode, so a test scan checks nobody in.
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtGui import QFontDatabase, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.keyboard import is_plain_ascii
from kiosk.ui.a11y import name_table
from kiosk.ui.scanner import ScanInput, ScannerConfig, ScannerFilter


class Verdict(StrEnum):
    """What a test scan says about the scanner set-up; the values are stable strings."""

    WAITING = "waiting"  # nothing scanned yet
    OK = "ok"  # arrived as sent, recognised
    TRANSLATED = "translated"  # the keyboard layout is not US; Kiosk mapped the keys back
    SLOW = "slow"  # recognised by the prefix key only: too slow for timing mode
    UNREADABLE = "unreadable"  # characters no known layout explains


def verdict_for(scan: ScanInput, config: ScannerConfig) -> Verdict:
    """The verdict on one test scan under ``config``."""
    if scan.mapped:
        return Verdict.TRANSLATED
    if not is_plain_ascii(scan.raw_text):
        return Verdict.UNREADABLE
    if scan.via == "typed" or (
        scan.via == "prefix" and scan.keys > 1 and scan.max_gap_ms > config.max_gap_ms
    ):
        return Verdict.SLOW
    return Verdict.OK


_SEVERITY_STYLE = {
    Verdict.WAITING: "background: #eceff1; color: #37474f; border: 1px solid #cfd8dc;",
    Verdict.OK: "background: #e8f5e9; color: #1b5e20; border: 1px solid #66bb6a;",
    Verdict.TRANSLATED: "background: #fff8e1; color: #4e3b00; border: 1px solid #f2a900;",
    Verdict.SLOW: "background: #fff8e1; color: #4e3b00; border: 1px solid #f2a900;",
    Verdict.UNREADABLE: "background: #ffebee; color: #b71c1c; border: 1px solid #e57373;",
}


def code_point(ch: str) -> str:
    """``U+0415 CYRILLIC CAPITAL LETTER IE``."""
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X} {name}".rstrip()


class ScannerTestDialog(QDialog):
    """Shows each test scan: raw characters, decoded code, speed, layout and a verdict."""

    def __init__(self, scanner: ScannerFilter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scanner = scanner
        self.last_scan: ScanInput | None = None
        self.verdict = Verdict.WAITING
        self._was_test_mode = False

        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSize(max(mono.pointSize(), 12))

        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setObjectName("Muted")

        self.raw_label = QLabel(self)
        self.code_label = QLabel(self)
        for label in (self.raw_label, self.code_label):
            label.setFont(mono)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setStyleSheet("font-weight: 700;")
        self.speed_label = QLabel(self)
        self.via_label = QLabel(self)
        self.layout_label = QLabel(self)
        for label in (self.speed_label, self.via_label, self.layout_label):
            label.setWordWrap(True)
        self.row_labels = [QLabel(self) for _ in range(5)]
        self.form = QFormLayout()
        self.form.setHorizontalSpacing(16)
        self.form.setVerticalSpacing(8)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        for row_label, value in zip(
            self.row_labels,
            (self.raw_label, self.code_label, self.speed_label, self.via_label, self.layout_label),
            strict=True,
        ):
            row_label.setStyleSheet("font-weight: 600;")
            self.form.addRow(row_label, value)

        self.chars_table = QTableWidget(0, 3, self)
        self.chars_table.setFont(mono)
        self.chars_table.verticalHeader().setVisible(False)
        self.chars_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.chars_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.chars_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.chars_table.setAlternatingRowColors(True)
        header = self.chars_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.chars_table.setMinimumHeight(180)

        self.verdict_label = QLabel(self)
        self.verdict_label.setWordWrap(True)
        self.verdict_label.setMargin(12)
        self.verdict_label.setTextFormat(Qt.TextFormat.PlainText)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self.buttons.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.chars_table, 1)
        layout.addWidget(self.verdict_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(620)

        scanner.scan_details.connect(self.show_scan)
        self.retranslate()

    # --- scans ---------------------------------------------------------------------------------

    @Slot(object)
    def show_scan(self, scan: object) -> None:
        if not isinstance(scan, ScanInput) or not self.isVisible():
            return  # a closed dialog kept alive does not listen
        self.last_scan = scan
        self.verdict = verdict_for(scan, self.scanner.config)
        self._render()

    def showEvent(self, event: QShowEvent) -> None:
        self._was_test_mode = self.scanner.is_test_mode()
        self.scanner.set_test_mode(True)
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.scanner.set_test_mode(self._was_test_mode)
        super().hideEvent(event)

    # --- texts ---------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Set every text in the current language (also the result of the last scan)."""
        self.setWindowTitle(self.tr("Test scanner"))
        name_table(self.chars_table, self.tr("Characters received"))
        self.heading.setText(self.tr("Scan any code with the scanner"))
        self.intro.setText(
            self.tr(
                "Scan a badge, a ticket or any barcode. This window shows exactly what the "
                "scanner sent and how Kiosk read it. Nobody is checked in while it is open."
            )
        )
        for row_label, text in zip(
            self.row_labels,
            (
                self.tr("Scanner sent:"),
                self.tr("Kiosk read:"),
                self.tr("Speed:"),
                self.tr("Recognised by:"),
                self.tr("Keyboard layout:"),
            ),
            strict=True,
        ):
            row_label.setText(text)
        self.chars_table.setHorizontalHeaderLabels(
            [self.tr("Sent"), self.tr("Code point"), self.tr("Read as")]
        )
        self._render()

    def layout_title(self, name: str | None) -> str:
        """The name of a keyboard layout of :mod:`kiosk.core.keyboard`, for people."""
        titles = {
            "us": self.tr("English (US)"),
            "bg": self.tr("Bulgarian"),
            "bg(phonetic)": self.tr("Bulgarian (traditional phonetic)"),
            "bg(bas_phonetic)": self.tr("Bulgarian (new phonetic)"),
            "ro": self.tr("Romanian (programmers)"),
            "ro(std)": self.tr("Romanian (standard)"),
            "ro(winkeys)": self.tr("Romanian (legacy)"),
        }
        if name is None:
            return self.tr("not US (not one Kiosk knows by name)")
        return titles.get(name, name)

    def _prefix_name(self) -> str:
        key = self.scanner.config.prefix_key
        if key is None:
            key = Qt.Key.Key_F9.value
        return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)

    def _render(self) -> None:
        scan = self.last_scan
        self.verdict_label.setText(self._verdict_text())
        self.verdict_label.setStyleSheet(_SEVERITY_STYLE[self.verdict] + "border-radius: 6px;")
        if scan is None:
            for label in (
                self.raw_label,
                self.code_label,
                self.speed_label,
                self.via_label,
                self.layout_label,
            ):
                label.setText("—")
            self.chars_table.setRowCount(0)
            return
        self.raw_label.setText(scan.raw_text)
        self.code_label.setText(scan.code)
        limit = self.scanner.config.max_gap_ms
        speed = self.tr("%n key(s) in {duration} ms, longest gap {gap} ms", "", scan.keys).format(
            duration=round(scan.duration_ms), gap=round(scan.max_gap_ms)
        )
        if scan.max_gap_ms <= limit:
            speed += " — " + self.tr("fast enough to be recognised by its speed")
        else:
            speed += " — " + self.tr(
                "too slow to be recognised by its speed (limit {limit} ms)"
            ).format(limit=round(limit))
        self.speed_label.setText(speed)
        if scan.via == "prefix":
            self.via_label.setText(self.tr("the prefix key {key}").format(key=self._prefix_name()))
        elif scan.via == "typed":
            self.via_label.setText(self.tr("a complete ticket code before Enter"))
        else:
            self.via_label.setText(self.tr("its speed"))
        if scan.mapped:
            how = (
                self.tr("keys translated by their position")
                if scan.physical
                else self.tr("keys translated with the layout's table")
            )
            self.layout_label.setText(f"{self.layout_title(scan.layout)} — {how}")
        elif is_plain_ascii(scan.raw_text):
            self.layout_label.setText(self.tr("no translation needed"))
        else:
            self.layout_label.setText(self.tr("unknown: Kiosk could not translate the keys"))
        self._fill_table(scan)

    def _fill_table(self, scan: ScanInput) -> None:
        raw, code = scan.raw_text, scan.code
        self.chars_table.setRowCount(len(raw))
        for row, ch in enumerate(raw):
            read_as = code[row] if len(code) == len(raw) else ""
            cells = (ch, code_point(ch), read_as)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column != 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if column == 2 and read_as != ch:
                    item.setForeground(Qt.GlobalColor.darkBlue)
                self.chars_table.setItem(row, column, item)

    def _verdict_text(self) -> str:
        scan = self.last_scan
        prefix = self._prefix_name()
        if scan is None:
            return self.tr("Waiting for a scan…")
        if self.verdict is Verdict.TRANSLATED:
            return self.tr(
                "Your keyboard layout is {layout}; Kiosk translated the keys and read the code "
                "correctly. For best results set the scanner to send the prefix key {key}, or "
                "switch this computer's keyboard to English (US) while scanning."
            ).format(layout=self.layout_title(scan.layout), key=prefix)
        if self.verdict is Verdict.UNREADABLE:
            return self.tr(
                "The scanner sent characters that Kiosk cannot translate. Set the scanner's "
                "keyboard language to US (see its manual), or switch this computer's keyboard "
                "to English (US), and scan again."
            )
        if self.verdict is Verdict.SLOW and scan.via == "typed":
            return self.tr(
                "The scanner types too slowly to be recognised by its speed; Kiosk recognised "
                "the complete ticket code when Enter came. Set the scanner to send the prefix "
                "key {key}, so that codes imported from other platforms are caught as well."
            ).format(key=prefix)
        if self.verdict is Verdict.SLOW:
            return self.tr(
                "The scanner works, thanks to the prefix key {key}. It types too slowly to be "
                "recognised by its speed alone, so keep the prefix key switched on."
            ).format(key=prefix)
        if scan.via == "prefix":
            return self.tr(
                "The scanner works: it sends the prefix key {key} and the code arrives exactly "
                "as printed."
            ).format(key=prefix)
        return self.tr(
            "The scanner works: Kiosk recognises it by its speed and the code arrives exactly "
            "as printed. Setting the scanner to send the prefix key {key} makes it even more "
            "reliable."
        ).format(key=prefix)
