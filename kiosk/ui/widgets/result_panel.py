"""The big result panel: readable from a metre away, never colour alone.

A coloured band with a drawn icon (tick, exclamation, cross) and one word, then the person's
name in large type (with the Latin spelling under a Cyrillic name), organisation, country and
category, and the reason in plain words. It stays until the next result.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.core.model import Attendee
from kiosk.core.text import has_cyrillic, transliterate
from kiosk.ui import style
from kiosk.ui.texts import Explained, Severity, category_text


class StatusIcon(QWidget):
    """A tick, an exclamation mark or a cross in a circle, drawn (no font glyph needed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.severity: Severity | None = None
        self.colour = QColor("#ffffff")
        self.setFixedSize(QSize(88, 88))

    def set_state(self, severity: Severity | None, colour: str) -> None:
        self.severity = severity
        self.colour = QColor(colour)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.severity is None:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height()) - 8
        box = QRectF(4, 4, side, side)
        p.setPen(QPen(self.colour, 6))
        p.drawEllipse(box)
        pen = QPen(self.colour, 9, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        x, y, s = box.x(), box.y(), side
        if self.severity is Severity.OK:
            path = QPainterPath(QPointF(x + s * 0.27, y + s * 0.52))
            path.lineTo(QPointF(x + s * 0.44, y + s * 0.69))
            path.lineTo(QPointF(x + s * 0.74, y + s * 0.34))
            p.drawPath(path)
        elif self.severity is Severity.ATTENTION:
            p.drawLine(QPointF(x + s / 2, y + s * 0.24), QPointF(x + s / 2, y + s * 0.58))
            p.drawPoint(QPointF(x + s / 2, y + s * 0.76))
        else:
            p.drawLine(QPointF(x + s * 0.32, y + s * 0.32), QPointF(x + s * 0.68, y + s * 0.68))
            p.drawLine(QPointF(x + s * 0.68, y + s * 0.32), QPointF(x + s * 0.32, y + s * 0.68))
        p.end()


class ResultPanel(QFrame):
    """Shows the newest decision until the next one."""

    painted = Signal()  # after a paint that showed a new result (for the latency benchmark)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ResultPanel")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        # An explicit minimum in both directions: the layout then ignores what the labels would
        # ask for, so a long name (or a long word in Romanian) never widens the window; long
        # names wrap, and the band keeps its height from result to result.
        self.setMinimumSize(QSize(360, 250))
        self.severity: Severity | None = None
        self._fresh = False
        self.icon = StatusIcon(self)
        self.word = QLabel(self)
        self.word.setObjectName("ResultWord")
        self.detail = QLabel(self)
        self.detail.setObjectName("ResultDetail")
        self.detail.setWordWrap(True)
        self.name = QLabel(self)
        self.name.setObjectName("ResultName")
        self.name.setWordWrap(True)
        self.latin = QLabel(self)
        self.latin.setObjectName("ResultLatin")
        self.facts = QLabel(self)
        self.facts.setObjectName("ResultFacts")
        self.facts.setWordWrap(True)
        # The person's B2B meetings of the day (filled in a moment after the result).
        self.meetings = QLabel(self)
        self.meetings.setObjectName("ResultMeetings")
        self.meetings.setWordWrap(True)
        self.meetings.hide()
        for label in (self.word, self.detail, self.name, self.latin, self.facts, self.meetings):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            label.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        band = QHBoxLayout()
        band.setContentsMargins(20, 16, 20, 8)
        band.setSpacing(18)
        band.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(self.word)
        heading.addWidget(self.detail)
        band.addLayout(heading, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 12)
        layout.setSpacing(2)
        layout.addLayout(band)
        person = QVBoxLayout()
        person.setContentsMargins(126, 4, 20, 0)
        person.setSpacing(2)
        person.addWidget(self.name)
        person.addWidget(self.latin)
        person.addWidget(self.facts)
        person.addSpacing(6)
        person.addWidget(self.meetings)
        layout.addLayout(person)
        layout.addStretch(1)
        self.show_idle()

    # -- states ----------------------------------------------------------------------------

    def show_idle(self) -> None:
        """Before the first scan: say what to do."""
        self.severity = None
        self._colours("idle")
        self.icon.set_state(None, style.STATUS["idle"][1])
        self.word.setText(self.tr("Ready"))
        self.detail.setText(
            self.tr("Scan a ticket, or type a name in the search field below.")
        )
        self.name.clear()
        self.latin.clear()
        self.facts.clear()

    def show_result(self, explained: Explained, attendee: Attendee | None) -> None:
        self.severity = explained.severity
        self._colours(explained.severity.value)
        self.icon.set_state(explained.severity, style.STATUS[explained.severity.value][1])
        self.word.setText(explained.title)
        self.detail.setText(explained.detail)
        self.show_meetings([])
        if attendee is None:
            self.name.clear()
            self.latin.clear()
            self.facts.clear()
        else:
            full = f"{attendee.first_name} {attendee.last_name}".strip()
            self.name.setText(full)
            self.latin.setText(transliterate(full) if has_cyrillic(full) else "")
            self.latin.setVisible(bool(self.latin.text()))
            facts = [attendee.organization, attendee.country, category_text(attendee.category)]
            self.facts.setText("  ·  ".join(f for f in facts if f))
        self._fresh = True
        self.update()

    def show_meetings(self, lines: list[str]) -> None:
        """The person's B2B meetings of the day under the facts (none: the line is hidden)."""
        self.meetings.setText("\n".join(lines))
        self.meetings.setVisible(bool(lines))

    def show_message(self, severity: Severity, word: str, detail: str) -> None:
        """A result that is not a decision (a storage problem, an undo)."""
        self.show_result(Explained(severity, word, detail), None)

    def _colours(self, key: str) -> None:
        background, text = style.STATUS[key]
        self.setStyleSheet(
            f"#ResultPanel {{ background: {background}; border-radius: 10px; }}"
            f"#ResultPanel QLabel {{ color: {text}; background: transparent; }}"
            "#ResultWord { font-size: 34pt; font-weight: 700; }"
            "#ResultDetail { font-size: 16pt; }"
            "#ResultName { font-size: 30pt; font-weight: 700; }"
            "#ResultLatin { font-size: 16pt; }"
            "#ResultFacts { font-size: 16pt; }"
            "#ResultMeetings { font-size: 15pt; font-weight: 600; }"
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._fresh:
            self._fresh = False
            self.painted.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.severity is None:
            self.show_idle()
        super().changeEvent(event)
