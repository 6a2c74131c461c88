"""Icons drawn with QPainter, so they need no icon theme and no emoji font on a bare system."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap, QPolygonF

_SIDE = 64  # drawn large, scaled down by QIcon to the button's icon size


def _speaker(colour: str, muted: bool) -> QPixmap:
    pixmap = QPixmap(_SIDE, _SIDE)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    ink = QColor(colour)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(ink)
    body = QPolygonF([QPointF(8, 24), QPointF(20, 24), QPointF(34, 10), QPointF(34, 54),
                      QPointF(20, 40), QPointF(8, 40)])  # fmt: skip
    p.drawPolygon(body)
    pen = QPen(ink, 5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    if muted:
        p.drawLine(QPointF(42, 22), QPointF(58, 42))
        p.drawLine(QPointF(58, 22), QPointF(42, 42))
    else:
        for radius in (10.0, 20.0):
            box = QRectF(32 - radius, 32 - radius, 2 * radius, 2 * radius)
            p.drawArc(box, -45 * 16, 90 * 16)
    p.end()
    return pixmap


def speaker_icon(on_colour: str, off_colour: str) -> QIcon:
    """A checkable sound button's icon: a crossed-out speaker when checked (muted), a speaker
    with sound waves when not, each in its own colour (the button's text colour per state)."""
    icon = QIcon()
    icon.addPixmap(_speaker(off_colour, False), QIcon.Mode.Normal, QIcon.State.Off)
    icon.addPixmap(_speaker(on_colour, True), QIcon.Mode.Normal, QIcon.State.On)
    return icon


def speech_icon(off_colour: str, on_colour: str) -> QIcon:
    """The kiosk's Speak toggle: a crossed-out speaker while speech is off, a speaker with sound
    waves while it is on (checked)."""
    icon = QIcon()
    icon.addPixmap(_speaker(off_colour, True), QIcon.Mode.Normal, QIcon.State.Off)
    icon.addPixmap(_speaker(on_colour, False), QIcon.Mode.Normal, QIcon.State.On)
    return icon
