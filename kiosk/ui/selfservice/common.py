"""Look and helpers shared by the self-service screens: big type, big targets."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QPushButton, QWidget

from kiosk.ui.widgets.touch_keyboard import min_key_px

SHEET = """
#SelfService { background: #f4f6f8; }
#SelfService QLabel { color: #1b2631; }
#SelfService QLabel#Title { font-size: 40pt; font-weight: 700; }
#SelfService QLabel#Lead { font-size: 22pt; }
#SelfService QLabel#Small { font-size: 14pt; color: #455a64; }
#SelfService QPushButton { font-size: 22pt; padding: 14px 28px; border-radius: 12px;
    background: #ffffff; border: 2px solid #607d8b; color: #1b2631; }
#SelfService QPushButton:pressed { background: #cfd8dc; }
#SelfService QPushButton:checked { background: #263238; color: #ffffff; border-color: #263238; }
#SelfService QPushButton#Primary { background: #1565c0; color: #ffffff;
    border: 4px solid #1565c0; padding: 12px 26px; }
#SelfService QPushButton#Primary:pressed { background: #0d47a1; border-color: #0d47a1; }
#SelfService QLineEdit { font-size: 28pt; padding: 10px 14px; border: 3px solid #1565c0;
    border-radius: 10px; background: #ffffff; }
#SelfService QListWidget { font-size: 22pt; background: #ffffff; border: 2px solid #607d8b;
    border-radius: 10px; }
#SelfService QListWidget::item { padding: 18px 12px; border-bottom: 1px solid #78909c; }
#SelfService QListWidget::item:selected { background: #1565c0; color: #ffffff; }
#SelfService QPushButton:focus { border: 4px solid #0d47a1; padding: 12px 26px; }
#SelfService QPushButton#Primary:focus { border: 4px solid #102027; }
#SelfService QListWidget:focus { border: 4px solid #0d47a1; }
#SelfService #AccessBar { background: #e3e8ec; border-top: 2px solid #607d8b; }
#SelfService QScrollArea#Screens, #SelfService QScrollArea#Screens > QWidget > QWidget,
#SelfService QScrollArea#MeetingsBox, #SelfService QScrollArea#MeetingsBox > QWidget > QWidget {
    background: transparent; }
#SelfService QScrollArea#Screens QScrollBar:vertical,
#SelfService QScrollArea#MeetingsBox QScrollBar:vertical { width: 28px; background: #e3e8ec; }
#SelfService QScrollArea#Screens QScrollBar::handle:vertical,
#SelfService QScrollArea#MeetingsBox QScrollBar::handle:vertical { background: #607d8b;
    min-height: 60px; border-radius: 6px; }
#SelfService #MoreTime { background: #f4f6f8; border: 6px solid #1565c0; }
"""

HIGH_CONTRAST = """
#SelfService { background: #000000; }
#SelfService QLabel { color: #ffffff; }
#SelfService QLabel#Small { color: #ffff00; }
#SelfService QPushButton { background: #000000; color: #ffffff; border: 3px solid #ffffff;
    padding: 13px 27px; }
#SelfService QPushButton:pressed { background: #ffff00; color: #000000; }
#SelfService QPushButton:checked { background: #ffffff; color: #000000; }
#SelfService QPushButton#Primary { background: #ffff00; color: #000000;
    border: 6px solid #ffff00; padding: 10px 24px; }
#SelfService QPushButton#Primary:pressed { background: #ffffff; color: #000000;
    border-color: #ffffff; }
#SelfService QLineEdit { background: #000000; color: #ffffff; border: 3px solid #ffff00; }
#SelfService QListWidget { background: #000000; color: #ffffff; border: 3px solid #ffffff; }
#SelfService QListWidget::item:selected { background: #ffff00; color: #000000; }
#SelfService QPushButton:focus { border: 5px solid #ffff00; padding: 11px 25px; }
#SelfService QPushButton#Primary:focus { border: 6px dashed #000000; }
#SelfService QListWidget:focus { border: 5px solid #ffff00; }
#SelfService #AccessBar { background: #000000; border-top: 3px solid #ffffff; }
#SelfService #MoreTime { background: #000000; border: 6px solid #ffff00; }
#SelfService QScrollArea#Screens QScrollBar:vertical,
#SelfService QScrollArea#MeetingsBox QScrollBar:vertical { background: #000000; }
#SelfService QScrollArea#Screens QScrollBar::handle:vertical,
#SelfService QScrollArea#MeetingsBox QScrollBar::handle:vertical { background: #ffffff; }
"""

#: The access bar keeps its size whatever the text size: it must leave the screen its room.
#: (Every button keeps its box when it takes the focus: a thicker frame, less padding.)
ACCESS_BAR = """
#SelfService #AccessBar QPushButton { font-size: 18pt; font-weight: 700; padding: 6px 18px; }
#SelfService #AccessBar QPushButton:focus { padding: 4px 16px; }
#SelfService #AccessBar QLabel#Small { font-size: 12pt; }
"""
ACCESS_BAR_HIGH_CONTRAST = """
#SelfService #AccessBar QPushButton { padding: 5px 17px; }
#SelfService #AccessBar QPushButton:focus { padding: 3px 15px; }
"""

_POINTS = re.compile(r"font-size: (\d+)pt")


def kiosk_sheet(*, high_contrast: bool = False, scale: float = 1.0) -> str:
    """The kiosk's style sheet, every text size multiplied by ``scale`` (the "A+" button)
    except the access bar's."""
    sheet = SHEET + (HIGH_CONTRAST if high_contrast else "")
    scaled = _POINTS.sub(lambda m: f"font-size: {round(int(m.group(1)) * scale)}pt", sheet)
    return scaled + ACCESS_BAR + (ACCESS_BAR_HIGH_CONTRAST if high_contrast else "")


def min_target_px(widget: QWidget) -> int:
    """15 mm in pixels on the widget's screen (the touch keyboard's rule, for every button)."""
    return min_key_px(widget.screen())


def big_button(parent: QWidget, primary: bool = False) -> QPushButton:
    button = QPushButton(parent)
    if primary:
        button.setObjectName("Primary")
    side = min_target_px(parent)
    button.setMinimumSize(max(side, 3 * side), side)
    return button
