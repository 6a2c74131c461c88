"""Looking at a window as assistive technology does: which controls can be operated, what a
screen reader calls them, and which colours they are drawn with.

The contrast formula is WCAG 2.1's (success criterion 1.4.3, "relative luminance" and
"contrast ratio" in its glossary): L = 0.2126 R + 0.7152 G + 0.0722 B on linearised sRGB, and
(L1 + 0.05) / (L2 + 0.05).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

from kiosk.ui.a11y import accessible_name

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractItemView,
    QAbstractSpinBox,
    QAbstractSlider,
    QTextEdit,
    QPlainTextEdit,
    QTabBar,
)


def interactive_controls(root: QWidget) -> list[QWidget]:
    """The visible controls a person can operate, in ``root`` and its children. Scroll bars
    are left out (Qt names them itself, and every one has a keyboard equivalent in its view);
    so are parts Qt builds inside another control (a combo box's own line edit, a spin box's)."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, QScrollBar):
            continue
        if not widget.isVisibleTo(root.window()) or not widget.isVisible():
            continue
        parent = widget.parentWidget()
        if isinstance(widget, QLineEdit) and isinstance(parent, (QComboBox, QAbstractSpinBox)):
            continue
        if type(widget).__name__ in ("QScrollBar", "QLineEditIconButton"):
            continue
        found.append(widget)
    return found


def describe(widget: QWidget) -> str:
    return f"{type(widget).__name__} {widget.objectName()!r} in {type(widget.window()).__name__}"


def unnamed(root: QWidget) -> list[str]:
    return [describe(w) for w in interactive_controls(root) if not accessible_name(w)]


def luminance(colour: str) -> float:
    colour = colour.lstrip("#")
    if len(colour) == 3:
        colour = "".join(c * 2 for c in colour)
    channels = [int(colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    a, b = sorted((luminance(first), luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)
