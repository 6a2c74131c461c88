"""Colours, fonts and the style sheet of the desk: calm greys, and three status colours that
are never the only signal (each comes with an icon and a word)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from kiosk.assets import font_path

log = logging.getLogger(__name__)

#: Status colours (background, text) chosen for contrast from a metre away.
STATUS = {
    "ok": ("#1e7d32", "#ffffff"),
    "attention": ("#f2a900", "#1a1a1a"),
    "refused": ("#c62828", "#ffffff"),
    "idle": ("#eceff1", "#37474f"),
    # Exit mode has a colour of its own: a person leaving must never look like one admitted.
    "exit": ("#1565c0", "#ffffff"),
    "exit_idle": ("#e3f2fd", "#0d47a1"),
}

#: The self-service result icon, drawn on the kiosk's light background (≥ 3:1 for a graphic;
#: the amber of the desk's band is too light for it) and on the black of its high-contrast theme.
KIOSK_ICON = {"ok": "#1e7d32", "attention": "#a15c00", "refused": "#c62828"}
KIOSK_ICON_HIGH_CONTRAST = {"ok": "#69f0ae", "attention": "#ffd740", "refused": "#ff8a80"}

FONT_FAMILY = "Noto Sans"

SHEET = """
QMainWindow, QDialog { background: #f7f8fa; }
#ContextBar { background: #263238; }
#ContextBar QLabel { color: #eceff1; }
#ContextBar QLabel#EventName { font-size: 15pt; font-weight: 600; color: #ffffff; }
#ContextBar QComboBox, #ContextBar QToolButton, #ContextBar QPushButton {
    font-size: 11pt; padding: 4px 10px; min-height: 28px;
}
#ContextBar QToolButton { color: #eceff1; background: transparent; border: 1px solid #78909c;
    border-radius: 4px; }
#ContextBar QToolButton:checked { background: #4fc3f7; color: #102027; font-weight: 700;
    border-color: #4fc3f7; }
#ContextBar QToolButton#ExitMode:checked { background: #1565c0; border-color: #90caf9;
    color: #ffffff; }
#ContextBar QToolButton::menu-indicator { image: none; width: 0; }
QLineEdit#Search { font-size: 14pt; padding: 8px 10px; border: 2px solid #607d8b;
    border-radius: 6px; background: #ffffff; }
QLineEdit#Search:focus { border-color: #1565c0; }
QTableView { font-size: 11pt; background: #ffffff; alternate-background-color: #f3f5f7;
    selection-background-color: #1565c0; selection-color: #ffffff; gridline-color: #e0e0e0; }
QHeaderView::section { background: #eceff1; padding: 4px 6px; border: none;
    border-bottom: 1px solid #cfd8dc; font-weight: 600; }
QPushButton { font-size: 11pt; padding: 6px 14px; min-height: 26px; }
QPushButton#Primary { background: #1565c0; color: #ffffff; border-radius: 4px; border: none; }
QPushButton#Primary:disabled { background: #90a4ae; }
#Card { background: #ffffff; border: 1px solid #dfe3e6; border-radius: 8px; }
#Card QLabel#CardTitle { font-size: 10pt; font-weight: 600; color: #546e7a; }
QLabel#BigNumber { font-size: 30pt; font-weight: 700; color: #263238; }
QLabel#Muted { color: #546e7a; }
QStatusBar { color: #455a64; }
QStatusBar QToolButton#SyncState { color: #263238; background: #ffffff; font-size: 10pt;
    border: 1px solid #607d8b; border-radius: 4px; padding: 2px 10px; margin: 2px 6px; }
"""


#: This computer's choice of the high-contrast theme (desk menu; the kiosk starts with it).
HIGH_CONTRAST_KEY = "style/high_contrast"

#: The desk's high-contrast theme: black on white, heavy black outlines, a thick blue focus
#: frame, the top bar black with white and yellow. (The result panel keeps its status colours,
#: which pass on their own.)
HIGH_CONTRAST_SHEET = """
QMainWindow, QDialog { background: #ffffff; }
QLabel, QCheckBox, QRadioButton, QGroupBox { color: #000000; }
QLabel#Muted, QStatusBar { color: #000000; }
#Card { background: #ffffff; border: 2px solid #000000; }
#Card QLabel#CardTitle { color: #000000; }
QLineEdit, QComboBox, QSpinBox, QDateEdit, QPlainTextEdit {
    background: #ffffff; color: #000000; border: 2px solid #000000; }
QLineEdit#Search { border: 3px solid #000000; }
QLineEdit:focus, QComboBox:focus, QLineEdit#Search:focus, QPushButton:focus {
    border: 3px solid #0033cc; }
QPushButton { background: #ffffff; color: #000000; border: 2px solid #000000;
    border-radius: 4px; }
QPushButton#Primary { background: #0033cc; color: #ffffff; border: 2px solid #000000; }
QPushButton:disabled { color: #595959; border-color: #595959; }
QTableView { background: #ffffff; color: #000000; alternate-background-color: #ececec;
    selection-background-color: #000000; selection-color: #ffffff; }
QHeaderView::section { background: #ffffff; color: #000000; border: none;
    border-bottom: 2px solid #000000; }
#ContextBar { background: #000000; }
#ContextBar QLabel, #ContextBar QLabel#EventName { color: #ffffff; }
#ContextBar QToolButton { color: #ffffff; border: 2px solid #ffffff; }
#ContextBar QToolButton:checked { background: #ffff00; color: #000000; border-color: #ffff00; }
#ContextBar QToolButton#ExitMode:checked { background: #00e5ff; color: #000000;
    border-color: #00e5ff; }
QStatusBar QToolButton#SyncState { color: #000000; border: 2px solid #000000; }
"""


def load_fonts() -> str:
    """Register the bundled fonts (Cyrillic and Romanian letters everywhere, also on a bare
    system) and return the family name to use."""
    for bold in (False, True):
        if QFontDatabase.addApplicationFont(str(font_path(bold))) < 0:
            log.warning("could not load the bundled font %s", font_path(bold))
    return FONT_FAMILY


def apply(app: QApplication, *, high_contrast: bool | None = None) -> None:
    """Fonts, Fusion and the style sheet; the high-contrast theme if this computer chose it."""
    family = load_fonts()
    font = QFont(family, 10)
    app.setFont(font)
    app.setStyle("Fusion")
    if high_contrast is None:
        high_contrast = bool(QSettings().value(HIGH_CONTRAST_KEY, False, bool))
    set_high_contrast(app, high_contrast)


def set_high_contrast(app: QApplication, on: bool) -> None:
    app.setStyleSheet(SHEET + (HIGH_CONTRAST_SHEET if on else ""))
