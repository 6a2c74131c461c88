"""A label that always shows its whole text in the width it gets: one line at its own size if
that fits, else a smaller font, else two lines, and only for a very long text more lines (the
label then asks for the height, through height-for-width) — never an ellipsis.

The desk's top bar must fit a 1366-pixel laptop screen in every language, and the event name
must still be read in full (the README promises it is always shown).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

#: Font sizes tried, as a share of the label's own, largest first.
SCALES = (1.0, 0.9, 0.8, 0.7, 0.62)
MAX_LINES = 2


def wrap(text: str, metrics: QFontMetrics, width: int) -> list[str]:
    """``text`` broken at spaces into lines no wider than ``width`` where words allow."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and metrics.horizontalAdvance(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


class FittedLabel(QLabel):
    def __init__(self, text: str, parent: QWidget | None = None, *, minimum: int = 120) -> None:
        super().__init__(text, parent)
        self._minimum = minimum
        self.setToolTip(text)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)
        self.updateGeometry()

    def _font(self, scale: float) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, self.font().pointSizeF() * scale))
        return font

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        font, lines = self.fitted(width, None)
        margins = self.contentsMargins()
        needed = max(len(lines), MAX_LINES) * QFontMetrics(font).lineSpacing()
        return max(needed, self._two_lines()) + margins.top() + margins.bottom()

    def _two_lines(self) -> int:
        return MAX_LINES * QFontMetrics(self._font(SCALES[-1])).lineSpacing()

    def minimumSizeHint(self) -> QSize:
        width = min(super().minimumSizeHint().width(), self._minimum)
        return QSize(width, self._two_lines())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), self._two_lines()))

    def fitted(
        self, width: int | None = None, height: int | None = None
    ) -> tuple[QFont, list[str]]:
        """The font and the lines the text is drawn in (for the tests, too): the largest font
        that fits in two lines within ``width`` (default: the label's) and two lines' height;
        past the smallest font, as many lines as it takes."""
        rect = self.contentsRect()
        width = rect.width() if width is None else width
        height = max(rect.height(), self._two_lines()) if height is None else height
        text = " ".join(self.text().split())
        for scale in SCALES:
            font = self._font(scale)
            metrics = QFontMetrics(font)
            if metrics.horizontalAdvance(text) <= width:
                return font, [text]
            lines = wrap(text, metrics, width)
            fits = all(metrics.horizontalAdvance(line) <= width for line in lines)
            if fits and len(lines) <= MAX_LINES and len(lines) * metrics.lineSpacing() <= height:
                return font, lines
        font = self._font(SCALES[-1])
        return font, wrap(text, QFontMetrics(font), width)

    def paintEvent(self, event: QPaintEvent) -> None:
        font, lines = self.fitted()
        metrics = QFontMetrics(font)
        rect = self.contentsRect()
        total = len(lines) * metrics.lineSpacing()
        top = rect.top() + max(0, (rect.height() - total) // 2)
        painter = QPainter(self)
        painter.setFont(font)
        for i, line in enumerate(lines):
            line_rect = QRect(rect.left(), top + i * metrics.lineSpacing(), rect.width(),
                              metrics.lineSpacing())  # fmt: skip
            self.style().drawItemText(
                painter,
                line_rect,
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                self.palette(),
                self.isEnabled(),
                line,
                QPalette.ColorRole.WindowText,
            )
        painter.end()
