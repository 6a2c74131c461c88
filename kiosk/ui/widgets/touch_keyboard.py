"""An on-screen keyboard for the self-service kiosk, where attendees type their name to find
themselves on a touchscreen (Qt Virtual Keyboard is GPL-only, so the kiosk draws its own).

Three layouts: Bulgarian (Cyrillic), Romanian and English, plus Space, Backspace, Clear, a
hyphen and an apostrophe (Ionescu-Popa, O'Brien). Letters are shown in capitals and typed in
lower case: the name search does not care about case.

Keys type straight into a target ``QLineEdit`` with ``insert()``, ``backspace()`` and
``clear()``, never with synthetic key events, so the scanner's key filter never sees them. Keys
never take the keyboard focus, so the target keeps its cursor. Every key is at least 15 mm on
the widget's screen.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QScreen,
    QShowEvent,
)
from PySide6.QtWidgets import QButtonGroup, QLineEdit, QPushButton, QSizePolicy, QWidget

#: Smallest key side, in millimetres (touch-target guidance for public touchscreens).
KEY_MM = 15.0
#: Assumed when the screen does not say (Qt's own default logical DPI).
FALLBACK_DPI = 96.0
#: In a window too narrow for 15 mm keys side by side, keys narrow to fit, down to this share
#: of 15 mm (their height stays 15 mm). That window is what a portrait 1080 x 1920 screen
#: gives at the operating system's 150 % scale factor: 720 px of 1.5 screen pixels each, where
#: a key of 0.65 x 57 px is still about 15 mm wide on the glass.
NARROWEST_SHARE = 0.65

#: Bulgarian *phonetic* layout (the traditional one, also what BDS 5237:2006 calls phonetic),
#: not the BDS typewriter layout. Each Cyrillic letter sits on the key of the Latin letter that
#: sounds like it (В on W, Р on R, Т on T, Д on D ...), so a Romanian or English attendee who
#: has never seen a Bulgarian keyboard still finds the letters, and most Bulgarians type on it
#: every day. The four letters with no Latin partner (Ш Щ Ч Ю) end the first two rows, where
#: the phonetic layout keeps them next to the letters ([ ] and the key beside Enter).
BULGARIAN = ("ЯВЕРТЪУИОПШЩ", "АСДФГХЙКЛЧЮ", "ЗЬЦЖБНМ")
#: Romanian: QWERTY with the diacritics where the Romanian standard layout (SR 13392) has them.
#: Ș and Ț are the comma-below letters (U+0218, U+021A), never the cedilla look-alikes.
ROMANIAN = ("QWERTYUIOPĂÎ", "ASDFGHJKLȘȚÂ", "ZXCVBNM")
ENGLISH = ("QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM")

LETTERS: dict[str, tuple[str, str, str]] = {"bg": BULGARIAN, "ro": ROMANIAN, "en": ENGLISH}
#: Each layout named in its own language (never translated: people look for their own).
LAYOUT_NAMES: dict[str, str] = {"bg": "Български", "ro": "Română", "en": "English"}
LAYOUT_CODES: tuple[str, ...] = tuple(LETTERS)

HYPHEN = "-"
APOSTROPHE = "'"

# Widths in key units (a letter key is 1 unit wide).
_BACKSPACE_UNITS = 1.5
_PUNCTUATION_UNITS = 1.0
_LAYOUT_UNITS = 2.25
_CLEAR_UNITS = 1.75
_ROWS = 4


def _row_units(layout: tuple[str, str, str]) -> list[tuple[float, int]]:
    """(units, keys) of the first three rows of a layout."""
    first, second, third = layout
    return [
        (len(first) + _BACKSPACE_UNITS, len(first) + 1),
        (float(len(second)), len(second)),
        (len(third) + 2 * _PUNCTUATION_UNITS, len(third) + 2),
    ]


#: The widest row of any layout, so the keyboard keeps its size when the layout changes.
_WIDEST_UNITS = max(units for layout in LETTERS.values() for units, _ in _row_units(layout))
_WIDEST_KEYS = max(keys for layout in LETTERS.values() for _, keys in _row_units(layout))


def min_key_px(screen: QScreen | None) -> int:
    """15 mm in pixels at the screen's logical DPI (96 dpi when unknown): 57 px at 96 dpi."""
    dpi = screen.logicalDotsPerInch() if screen is not None else 0.0
    if dpi <= 0:
        dpi = FALLBACK_DPI
    return math.ceil(KEY_MM / 25.4 * dpi)


class TouchKey(QPushButton):
    """One key: never takes the focus, says what it types."""

    key_clicked = Signal(str)

    def __init__(self, value: str, role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value = value
        self.setProperty("role", role)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAutoDefault(False)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.clicked.connect(self._emit_value)

    def set_value(self, value: str) -> None:
        self.value = value

    def _emit_value(self) -> None:
        self.key_clicked.emit(self.value)


class BackspaceKey(TouchKey):
    """Backspace with a drawn arrow-and-cross glyph (no font needed). It does not repeat while
    held: a self-service terminal's key repeat must be adjustable or off (EN 301 549 5.7), and
    the Clear key empties the field at once."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", "action", parent)
        self.ink = QColor("#1b2631")
        self.pressed_ink = QColor("#ffffff")

    def set_ink(self, ink: str, pressed_ink: str) -> None:
        self.ink = QColor(ink)
        self.pressed_ink = QColor(pressed_ink)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        h = min(self.height(), self.width()) * 0.36
        w = h * 1.45
        x = (self.width() - w) / 2
        y = (self.height() - h) / 2
        pen = QPen(self.pressed_ink if self.isDown() else self.ink, max(2.0, h / 9))
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        outline = QPainterPath(QPointF(x, y + h / 2))
        outline.lineTo(QPointF(x + h * 0.45, y))
        outline.lineTo(QPointF(x + w, y))
        outline.lineTo(QPointF(x + w, y + h))
        outline.lineTo(QPointF(x + h * 0.45, y + h))
        outline.closeSubpath()
        p.drawPath(outline)
        cx, cy, r = x + h * 0.45 + (w - h * 0.45) / 2, y + h / 2, h * 0.2
        p.drawLine(QPointF(cx - r, cy - r), QPointF(cx + r, cy + r))
        p.drawLine(QPointF(cx + r, cy - r), QPointF(cx - r, cy + r))
        p.end()


_NORMAL = {
    "panel": "#d9dee3",
    "key": "#ffffff",
    "key_text": "#1b2631",
    "key_edge": "#5f6f7a",
    "action": "#b9c4cc",
    "action_edge": "#4a5862",
    "pressed": "#1565c0",
    "pressed_text": "#ffffff",
    "pressed_edge": "#0d47a1",
    "current": "#1565c0",
    "current_text": "#ffffff",
}

_SHEET = """
#TouchKeyboard {{ background: {panel}; border-radius: 14px; }}
#TouchKeyboard QPushButton {{ background: {key}; color: {key_text}; border: none;
    border-bottom: 3px solid {key_edge}; border-radius: 10px; padding: 0;
    font-size: {letter_px}px; font-weight: 600; }}
#TouchKeyboard QPushButton[role="action"], #TouchKeyboard QPushButton[role="layout"] {{
    background: {action}; border-bottom-color: {action_edge}; font-size: {action_px}px; }}
#TouchKeyboard QPushButton[role="layout"]:checked {{ background: {current};
    color: {current_text}; border-bottom-color: {pressed_edge}; font-weight: 700; }}
#TouchKeyboard QPushButton[role="symbol"] {{ background: {action};
    border-bottom-color: {action_edge}; font-weight: 700; }}
#TouchKeyboard QPushButton:pressed, #TouchKeyboard QPushButton[role="action"]:pressed,
#TouchKeyboard QPushButton[role="layout"]:pressed,
#TouchKeyboard QPushButton[role="symbol"]:pressed {{ background: {pressed};
    color: {pressed_text}; border-bottom-color: {pressed_edge}; }}
"""

_HIGH_CONTRAST_SHEET = """
#TouchKeyboard {{ background: #000000; }}
#TouchKeyboard QPushButton {{ background: #000000; color: #ffffff; border: 3px solid #ffffff;
    border-radius: 10px; padding: 0; font-size: {letter_px}px; font-weight: 700; }}
#TouchKeyboard QPushButton[role="action"], #TouchKeyboard QPushButton[role="layout"] {{
    font-size: {action_px}px; }}
#TouchKeyboard QPushButton[role="layout"]:checked {{ color: #ffff00; border: 5px solid #ffff00; }}
#TouchKeyboard QPushButton:pressed, #TouchKeyboard QPushButton[role="action"]:pressed,
#TouchKeyboard QPushButton[role="layout"]:pressed {{ background: #ffff00; color: #000000;
    border-color: #ffff00; }}
"""


class TouchKeyboard(QWidget):
    """Bulgarian, Romanian and English keys that type into one ``QLineEdit``.

    ``typed(text)`` follows every character key (also without a target: a screen can use it to
    restart its idle timer), ``backspaced()`` and ``cleared()`` follow those keys, and
    ``layout_changed(code)`` follows a change of layout ("bg", "ro" or "en").
    """

    typed = Signal(str)
    backspaced = Signal()
    cleared = Signal()
    layout_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None, layout: str = "en") -> None:
        super().__init__(parent)
        if layout not in LETTERS:
            raise ValueError(f"unknown keyboard layout {layout!r}; expected one of {LAYOUT_CODES}")
        self.setObjectName("TouchKeyboard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._code = layout
        self._target: QLineEdit | None = None
        self._high_contrast = False
        self._sheet_key: tuple[bool, int, int] | None = None
        self._watched_window: object | None = None

        self.letter_rows: list[list[TouchKey]] = []
        for row in range(3):
            size = max(len(layout_rows[row]) for layout_rows in LETTERS.values())
            keys = [TouchKey("", "letter", self) for _ in range(size)]
            for key in keys:
                key.key_clicked.connect(self.type_text)
            self.letter_rows.append(keys)

        self.backspace_key = BackspaceKey(self)
        self.backspace_key.clicked.connect(self.backspace)
        self.hyphen_key = TouchKey(HYPHEN, "symbol", self)
        self.hyphen_key.setText(HYPHEN)
        self.apostrophe_key = TouchKey(APOSTROPHE, "symbol", self)
        self.apostrophe_key.setText(APOSTROPHE)
        for key in (self.hyphen_key, self.apostrophe_key):
            key.key_clicked.connect(self.type_text)
        self.space_key = TouchKey(" ", "action", self)
        self.space_key.key_clicked.connect(self.type_text)
        self.clear_key = TouchKey("", "action", self)
        self.clear_key.clicked.connect(self.clear_target)

        self.layout_keys: dict[str, TouchKey] = {}
        self._layout_group = QButtonGroup(self)
        self._layout_group.setExclusive(True)
        for code in LAYOUT_CODES:
            key = TouchKey(code, "layout", self)
            key.setText(LAYOUT_NAMES[code])
            key.setAccessibleName(LAYOUT_NAMES[code])
            key.setCheckable(True)
            key.key_clicked.connect(self.set_layout)
            self._layout_group.addButton(key)
            self.layout_keys[code] = key

        self._show_layout()
        self._restyle()
        self.retranslate()

    # -- public API --------------------------------------------------------------------------

    def set_target(self, line_edit: QLineEdit | None) -> None:
        """Type into ``line_edit`` from now on (``None``: type nowhere)."""
        if self._target is not None:
            self._target.destroyed.disconnect(self._forget_target)
        self._target = line_edit
        if line_edit is not None:
            line_edit.destroyed.connect(self._forget_target)

    def target(self) -> QLineEdit | None:
        return self._target

    def set_layout(self, code: str) -> None:
        """Show the "bg", "ro" or "en" letters."""
        if code not in LETTERS:
            raise ValueError(f"unknown keyboard layout {code!r}; expected one of {LAYOUT_CODES}")
        if code == self._code:
            self.layout_keys[code].setChecked(True)
            return
        self._code = code
        self._show_layout()
        self._place()
        self.layout_changed.emit(code)

    def current_layout(self) -> str:
        return self._code

    def set_high_contrast(self, on: bool) -> None:
        """Black keys with white letters and yellow pressed keys, for low vision."""
        self._high_contrast = on
        self.backspace_key.set_ink(
            "#ffffff" if on else _NORMAL["key_text"], "#000000" if on else _NORMAL["pressed_text"]
        )
        self._restyle()

    def is_high_contrast(self) -> bool:
        return self._high_contrast

    def letter_keys(self) -> list[TouchKey]:
        """The letter keys of the current layout, row by row."""
        return [key for row in self.letter_rows for key in row if key.value]

    def all_keys(self) -> list[TouchKey]:
        """Every key the current layout shows."""
        return [
            *self.letter_keys(),
            self.backspace_key,
            self.hyphen_key,
            self.apostrophe_key,
            *self.layout_keys.values(),
            self.space_key,
            self.clear_key,
        ]

    def key_for(self, caption: str) -> TouchKey:
        """The letter key showing ``caption`` in the current layout."""
        for key in self.letter_keys():
            if key.text() == caption:
                return key
        raise KeyError(f"no key {caption!r} in the {self._code!r} layout")

    def min_key_px(self) -> int:
        """The smallest key side in pixels on this widget's screen (15 mm)."""
        return min_key_px(self.screen())

    # -- typing ------------------------------------------------------------------------------

    def type_text(self, text: str) -> None:
        """Insert ``text`` at the target's cursor (replacing its selection)."""
        target = self._writable_target()
        if target is not None:
            target.insert(text)
        self.typed.emit(text)

    def backspace(self) -> None:
        target = self._writable_target()
        if target is not None:
            target.backspace()
        self.backspaced.emit()

    def clear_target(self) -> None:
        target = self._writable_target()
        if target is not None:
            target.clear()
        self.cleared.emit()

    def _writable_target(self) -> QLineEdit | None:
        target = self._target
        if target is None or target.isReadOnly() or not target.isEnabled():
            return None
        return target

    def _forget_target(self) -> None:
        self._target = None

    # -- texts -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.space_key.setText(self.tr("Space"))
        self.space_key.setAccessibleName(self.tr("Space"))
        self.clear_key.setText(self.tr("Clear"))
        self.clear_key.setAccessibleName(self.tr("Clear"))
        self.backspace_key.setAccessibleName(self.tr("Backspace"))
        self.hyphen_key.setAccessibleName(self.tr("Hyphen"))
        self.apostrophe_key.setAccessibleName(self.tr("Apostrophe"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_layout(self) -> None:
        for keys, letters in zip(self.letter_rows, LETTERS[self._code], strict=True):
            for i, key in enumerate(keys):
                letter = letters[i] if i < len(letters) else ""
                key.set_value(letter.lower())
                key.setText(letter)
                key.setAccessibleName(letter)
                key.setVisible(bool(letter))
        self.layout_keys[self._code].setChecked(True)

    # -- size and look -----------------------------------------------------------------------

    def _gap(self, side: int) -> int:
        return max(4, round(side * 0.12))

    def _margin(self, side: int) -> int:
        return max(6, round(side * 0.15))

    def _natural_size(self, unit: float, height: float) -> QSize:
        side = self.min_key_px()
        gap, margin = self._gap(side), self._margin(side)
        width = _WIDEST_UNITS * unit + (_WIDEST_KEYS - 1) * gap + 2 * margin
        return QSize(math.ceil(width), math.ceil(_ROWS * height + (_ROWS - 1) * gap + 2 * margin))

    def minimumSizeHint(self) -> QSize:
        side = self.min_key_px()
        return self._natural_size(self._narrowest(side), side)

    @staticmethod
    def _narrowest(side: int) -> int:
        return math.ceil(side * NARROWEST_SHARE)

    def sizeHint(self) -> QSize:
        side = self.min_key_px()
        return self._natural_size(side * 1.15, side * 1.15)

    def _restyle(self) -> None:
        side = self.min_key_px()
        letter_px = round(side * 0.46)
        action_px = round(side * 0.3)
        sheet_key = (self._high_contrast, letter_px, action_px)
        if sheet_key == self._sheet_key:
            return
        self._sheet_key = sheet_key
        sheet = _HIGH_CONTRAST_SHEET if self._high_contrast else _SHEET
        self.setStyleSheet(sheet.format(letter_px=letter_px, action_px=action_px, **_NORMAL))
        for key in (*(k for row in self.letter_rows for k in row), *self.all_keys()):
            key.setMinimumSize(self._narrowest(side), side)
        self.updateGeometry()

    def _place(self) -> None:
        """Lay the keys out in key units: rows centred, the bottom row as wide as the widest."""
        side = self.min_key_px()
        gap, margin = self._gap(side), self._margin(side)
        room = self.rect().adjusted(margin, margin, -margin, -margin)
        height = max(float(side), (room.height() - (_ROWS - 1) * gap) / _ROWS)
        unit = (room.width() - (_WIDEST_KEYS - 1) * gap) / _WIDEST_UNITS
        unit = max(float(self._narrowest(side)), min(unit, height * 1.3))
        height = max(float(side), min(height, unit * 1.15))  # never below 15 mm tall
        full_width = _WIDEST_UNITS * unit + (_WIDEST_KEYS - 1) * gap
        total_height = _ROWS * height + (_ROWS - 1) * gap
        left = room.left() + max(0.0, (room.width() - full_width) / 2)
        top = room.top() + max(0.0, (room.height() - total_height) / 2)

        first, second, third = ([k for k in row if k.value] for row in self.letter_rows)
        rows: list[list[tuple[TouchKey, float]]] = [
            [(k, 1.0) for k in first] + [(self.backspace_key, _BACKSPACE_UNITS)],
            [(k, 1.0) for k in second],
            [(k, 1.0) for k in third]
            + [(self.hyphen_key, _PUNCTUATION_UNITS), (self.apostrophe_key, _PUNCTUATION_UNITS)],
        ]
        def fitting(key: TouchKey, units: float) -> float:
            """Units enough for the key's word (narrow keys: "Șterge tot" still whole); the
            space bar gives up the room."""
            word = key.fontMetrics().horizontalAdvance(key.text()) + 2 * margin
            return max(units, word / unit)

        layout_units = {
            code: fitting(self.layout_keys[code], _LAYOUT_UNITS) for code in LAYOUT_CODES
        }
        clear_units = fitting(self.clear_key, _CLEAR_UNITS)
        fixed = sum(layout_units.values()) + clear_units
        bottom_keys = len(LAYOUT_CODES) + 2
        space_width = full_width - fixed * unit - (bottom_keys - 1) * gap
        bottom: list[tuple[TouchKey, float]] = [
            *((self.layout_keys[code], layout_units[code]) for code in LAYOUT_CODES),
            (self.space_key, space_width / unit),
            (self.clear_key, clear_units),
        ]
        rows.append(bottom)

        y = top
        for row in rows:
            row_width = sum(units for _, units in row) * unit + (len(row) - 1) * gap
            x = left + (full_width - row_width) / 2
            for key, units in row:
                width = units * unit
                key.setGeometry(QRect(round(x), round(y), round(width), round(height)))
                x += width + gap
            y += height + gap

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        handle = self.window().windowHandle()
        if handle is not None and self._watched_window is not handle:
            self._watched_window = handle
            handle.screenChanged.connect(self._screen_changed)
        self._screen_changed()

    def _screen_changed(self) -> None:
        """Another screen may have another DPI: keys stay 15 mm."""
        self._restyle()
        self._place()
