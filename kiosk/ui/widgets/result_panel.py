"""The big result panel: readable from a metre away, never colour alone.

A coloured band with a drawn icon (tick, exclamation, cross) and one word, then the person's
name in large type (with the Latin spelling under a Cyrillic name), organisation, country and
category, and the reason in plain words. It goes back to a neutral "Ready" after a few seconds
(:meth:`ResultPanel.set_ready_after`) or when staff start a new search, so that an old answer is
never read as the current one. Exit mode has its own colour, icon and words.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.model import Attendee
from kiosk.core.text import has_cyrillic, transliterate
from kiosk.ui import style
from kiosk.ui.a11y import announce
from kiosk.ui.texts import Explained, Severity, category_text, country_text


class StatusIcon(QWidget):
    """A tick, an exclamation mark, a cross, or (exit) an arrow leaving a door, drawn (no font
    glyph needed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.severity: Severity | None = None
        self.colour = QColor("#ffffff")
        self.setFixedSize(QSize(88, 88))

    def set_state(self, severity: Severity | None, colour: str) -> None:
        self.severity = severity
        self.colour = QColor(colour)
        self.setAccessibleName(self.severity_word(severity))
        self.update()

    def severity_word(self, severity: Severity | None) -> str:
        """What the drawn symbol means, for a screen reader (it has no text of its own)."""
        if severity is None:
            return self.tr("Ready")
        return {
            Severity.OK: self.tr("Success"),
            Severity.ATTENTION: self.tr("Attention"),
            Severity.REFUSED: self.tr("Refused"),
            Severity.EXIT: self.tr("Exit"),
        }[severity]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.setAccessibleName(self.severity_word(self.severity))
        super().changeEvent(event)

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
        elif self.severity is Severity.EXIT:
            # A door frame open on the right and an arrow leaving through it.
            door = QPainterPath(QPointF(x + s * 0.56, y + s * 0.28))
            door.lineTo(QPointF(x + s * 0.30, y + s * 0.28))
            door.lineTo(QPointF(x + s * 0.30, y + s * 0.72))
            door.lineTo(QPointF(x + s * 0.56, y + s * 0.72))
            p.drawPath(door)
            p.drawLine(QPointF(x + s * 0.44, y + s * 0.50), QPointF(x + s * 0.76, y + s * 0.50))
            head = QPainterPath(QPointF(x + s * 0.64, y + s * 0.38))
            head.lineTo(QPointF(x + s * 0.76, y + s * 0.50))
            head.lineTo(QPointF(x + s * 0.64, y + s * 0.62))
            p.drawPath(head)
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
    force_requested = Signal()  # staff pressed "Admit anyway…" on a refusal they may override
    # Seconds a result stays before the panel goes back to "Ready", unless set otherwise.
    READY_AFTER_S = 8.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ResultPanel")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        # An explicit minimum in both directions: the layout then ignores what the labels would
        # ask for, so a long name (or a long word in Romanian) never widens the window; long
        # names wrap, and the band keeps its height from result to result.
        self.setMinimumSize(QSize(360, 250))
        self.severity: Severity | None = None
        self.exit_mode = False
        self._fresh = False
        self._ready = QTimer(self)
        self._ready.setSingleShot(True)
        self._ready.timeout.connect(self.show_idle)
        self.set_ready_after(self.READY_AFTER_S)
        self.icon = StatusIcon(self)
        self.word = QLabel(self)
        self.word.setObjectName("ResultWord")
        self.word.setWordWrap(True)  # a long word in Bulgarian or Romanian wraps, never cut
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
        # The person's note and attention flag (VIP, wheelchair, speaker gift): set apart in
        # its own box, dark text on amber, so it is read before the badge is handed over.
        self.note = QLabel(self)
        self.note.setObjectName("ResultNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(
            "QLabel#ResultNote { background: #fff3cd; color: #3d2e00; border: 2px solid #b8860b;"
            " border-radius: 6px; padding: 6px 10px; font-weight: bold; }"
        )
        self.note.hide()
        # A refusal staff may override (another day, the list's hours or categories, not paid,
        # already in): admitted anyway with a reason, logged as forced.
        self.force_button = QPushButton(self)
        self.force_button.setObjectName("ForceButton")
        self.force_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # never taken by a scan's Enter
        self.force_button.clicked.connect(self.force_requested)
        self.force_button.hide()
        for label in (self.word, self.detail, self.name, self.latin, self.facts, self.meetings,
                      self.note):  # fmt: skip
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
        person.addWidget(self.note)
        person.addWidget(self.meetings)
        person.addWidget(self.force_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(person)
        layout.addStretch(1)
        self.show_idle()

    # -- states ----------------------------------------------------------------------------

    def set_ready_after(self, seconds: float) -> None:
        """Go back to "Ready" this many seconds after each result (0: keep results up)."""
        self._ready.setInterval(max(0, round(seconds * 1000)))
        self._ready_enabled = seconds > 0

    def set_exit_mode(self, on: bool) -> None:
        """Exit mode: the ready state says so in the exit colour."""
        self.exit_mode = on
        if self.severity is None:
            self.show_idle()

    def show_idle(self) -> None:
        """No current answer: say what to do (and whether this desk records exits)."""
        self._ready.stop()
        self.severity = None
        key = "exit_idle" if self.exit_mode else "idle"
        self._colours(key)
        self.icon.set_state(None, style.STATUS[key][1])
        if self.exit_mode:
            self.word.setText(self.tr("Exit mode"))
            self.detail.setText(self.tr("Scan the tickets of people who are leaving."))
        else:
            self.word.setText(self.tr("Ready"))
            self.detail.setText(self.tr("Scan a ticket, or type a name in the search field below."))
        self.name.clear()
        self.latin.clear()
        self.facts.clear()
        self.show_note(None)
        self.set_forceable(False)
        self.setAccessibleName(self.word.text())
        self.setAccessibleDescription(self.detail.text())

    def show_result(self, explained: Explained, attendee: Attendee | None) -> None:
        self.severity = explained.severity
        self._colours(explained.severity.value)
        self.icon.set_state(explained.severity, style.STATUS[explained.severity.value][1])
        self.word.setText(explained.title)
        self.detail.setText(explained.detail)
        self.show_meetings([])
        self.show_note(attendee)
        self.set_forceable(False)
        if attendee is None:
            self.name.clear()
            self.latin.clear()
            self.facts.clear()
        else:
            full = f"{attendee.first_name} {attendee.last_name}".strip()
            self.name.setText(full)
            self.latin.setText(transliterate(full) if has_cyrillic(full) else "")
            self.latin.setVisible(bool(self.latin.text()))
            facts = [
                attendee.organization,
                country_text(attendee.country),
                category_text(attendee.category),
            ]
            self.facts.setText("  ·  ".join(f for f in facts if f))
        # Staff who use a screen reader hear the word, the detail and the person at once,
        # wherever the focus is.
        person = ". ".join(
            t for t in (self.name.text(), self.facts.text(), self.note.text()) if t
        )
        announce(self, explained.title, " ".join(t for t in (explained.detail, person) if t))
        self._fresh = True
        if self._ready_enabled:
            self._ready.start()
        self.update()

    def show_note(self, attendee: Attendee | None) -> None:
        """The person's note and attention flag, or nothing."""
        if attendee is None or not (attendee.note or attendee.attention):
            self.note.clear()
            self.note.hide()
            return
        head = "⚠ " + self.tr("Attention") if attendee.attention else self.tr("Note")
        self.note.setText(f"{head}: {attendee.note}" if attendee.note else head)
        self.note.show()

    def set_forceable(self, on: bool) -> None:
        """Offer "Admit anyway…" for the refusal shown."""
        self.force_button.setText(self.tr("Admit anyway…"))
        self.force_button.setVisible(on)

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


class ResultNotice(QFrame):
    """A scan's result shown above a dialog that is open (a walk-in form, a confirmation): the
    desk's panel is behind the dialog, and a scan must never go without visible feedback.

    A small frameless window, on top, that does not take the keyboard focus from the dialog;
    it hides itself after :attr:`SHOWN_MS`.
    """

    SHOWN_MS = 6000

    def __init__(self) -> None:
        super().__init__(
            None,
            Qt.WindowType.Tool
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint,
        )
        self.setObjectName("ResultNotice")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.icon = StatusIcon(self)
        self.icon.setFixedSize(QSize(56, 56))
        self.word = QLabel(self)
        self.word.setObjectName("NoticeWord")
        self.name = QLabel(self)
        self.name.setObjectName("NoticeName")
        self.name.setWordWrap(True)
        text = QVBoxLayout()
        text.setSpacing(0)
        text.addWidget(self.word)
        text.addWidget(self.name)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 10, 18, 10)
        row.setSpacing(12)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text, 1)
        self.severity: Severity | None = None
        self._hide = QTimer(self)
        self._hide.setSingleShot(True)
        self._hide.setInterval(self.SHOWN_MS)
        self._hide.timeout.connect(self.hide)

    def show_over(self, dialog: QWidget, explained: Explained, attendee: Attendee | None) -> None:
        """Show ``explained`` along the top of ``dialog``, above it."""
        self.severity = explained.severity
        background, colour = style.STATUS[explained.severity.value]
        self.setStyleSheet(
            f"#ResultNotice {{ background: {background}; border: 2px solid {colour}; }}"
            f"#ResultNotice QLabel {{ color: {colour}; background: transparent; }}"
            "#NoticeWord { font-size: 20pt; font-weight: 700; }"
            "#NoticeName { font-size: 14pt; }"
        )
        self.icon.set_state(explained.severity, colour)
        self.word.setText(explained.title)
        name = f"{attendee.first_name} {attendee.last_name}".strip() if attendee else ""
        self.name.setText(name or explained.detail)
        frame = dialog.frameGeometry()
        width = max(420, min(frame.width(), 640))
        self.setFixedWidth(width)
        self.adjustSize()
        self.move(frame.center().x() - width // 2, max(0, frame.top() - self.height() // 3))
        self.show()  # a window shown last, and kept on top by its flags: above the dialog
        self._hide.start()
