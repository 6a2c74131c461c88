"""The answer for the attendee: welcome and take your badge, or a friendly word to go to the
registration desk. Never a technical message, never another person's data."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from kiosk.app.checkin import CheckinResult
from kiosk.core.selfservice import Outcome, attendee_outcome
from kiosk.core.wording import attendee_words
from kiosk.ui import style
from kiosk.ui.a11y import announce
from kiosk.ui.meeting_texts import kiosk_title
from kiosk.ui.selfservice.common import big_button
from kiosk.ui.texts import Severity, ui_language
from kiosk.ui.widgets.result_panel import StatusIcon

# How each outcome looks (its icon and colour).
_SEVERITY = {
    Outcome.WELCOME_BADGE: Severity.OK,
    Outcome.WELCOME_DESK: Severity.OK,
    Outcome.BADGE_FAILED: Severity.ATTENTION,
    Outcome.ALREADY: Severity.ATTENTION,
    Outcome.NOT_FOUND: Severity.REFUSED,
    Outcome.NOT_TODAY: Severity.REFUSED,
    Outcome.SEE_DESK: Severity.REFUSED,
}


class ResultScreen(QWidget):
    done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outcome = ""
        self.first_name = ""
        self.icon_colours = style.KIOSK_ICON  # set by the window for its theme
        self.icon = StatusIcon(self)
        self.icon.setFixedSize(160, 160)
        self.title = QLabel(self)
        self.title.setObjectName("Title")
        self.detail = QLabel(self)
        self.detail.setObjectName("Lead")
        # "Your meetings today", after the welcome: the attendee's own B2B schedule.
        self.meetings_title = QLabel(self)
        self.meetings_title.setObjectName("Lead")
        self.meetings = QLabel(self)
        self.meetings.setObjectName("Small")
        self.meeting_lines: list[str] = []
        for label in (self.title, self.detail, self.meetings_title, self.meetings):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
        # A long day of meetings scrolls in its own box (a finger drags it), so the answer above
        # and "Done" below stay on the screen at 150 % text.
        self.meetings_box = QScrollArea(self)
        self.meetings_box.setObjectName("MeetingsBox")
        self.meetings_box.setFrameShape(QFrame.Shape.NoFrame)
        self.meetings_box.setWidgetResizable(True)
        self.meetings_box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.meetings_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.meetings_box.setWidget(self.meetings)
        QScroller.grabGesture(
            self.meetings_box.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )
        self.ok = big_button(self, primary=True)
        self.ok.clicked.connect(self.done)
        self.show_meetings([])
        icon_row = QHBoxLayout()
        icon_row.addStretch(1)
        icon_row.addWidget(self.icon)
        icon_row.addStretch(1)
        # Room between the parts comes from the stretches: fixed gaps small enough that at
        # 150 % text on a 1366 x 768 screen the answer and "Done" fit without scrolling.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 20, 60, 16)
        layout.setSpacing(12)
        layout.addStretch(1)
        layout.addLayout(icon_row)
        layout.addWidget(self.title)
        layout.addWidget(self.detail)
        layout.addWidget(self.meetings_title)
        layout.addWidget(self.meetings_box)
        layout.addStretch(2)
        layout.addWidget(self.ok, 0, Qt.AlignmentFlag.AlignHCenter)
        self.retranslate()

    @staticmethod
    def outcome_for(result: CheckinResult | None, badge_queued: bool) -> str:
        reason = result.decision.reason if result is not None else None
        return attendee_outcome(reason, badge_queued)

    def show_outcome(self, outcome: str, first_name: str = "") -> None:
        self.outcome = outcome
        self.first_name = first_name
        self.retranslate()

    def forget(self) -> None:
        self.outcome = ""
        self.first_name = ""
        self.title.clear()
        self.detail.clear()
        self.show_meetings([])
        self.icon.set_state(None, self.icon_colours["ok"])
        # What a screen reader was told goes too: nothing of the person stays.
        self.setAccessibleName("")
        self.setAccessibleDescription("")

    def show_meetings(self, lines: list[str]) -> None:
        """The attendee's meetings of the day under the welcome (none: nothing shown)."""
        self.meeting_lines = list(lines)
        self.meetings_title.setVisible(bool(lines))
        self.meetings_box.setVisible(bool(lines))
        self.meetings.setVisible(bool(lines))
        self.meetings_title.setText(kiosk_title() if lines else "")
        self.meetings.setText("\n".join(lines))
        # Room for the first meeting at least; the rest scrolls when the screen is short.
        line = self.meetings.fontMetrics().lineSpacing()
        self.meetings_box.setMinimumHeight(min(line + 4, self.meetings.sizeHint().height()))

    def words(self) -> tuple[Severity, str, str]:
        """The icon, title and line for the outcome shown, in the window's language (the
        words: kiosk.core.wording.ATTENDEE)."""
        if self.outcome not in _SEVERITY:
            return Severity.OK, "", ""
        outcome = Outcome(self.outcome)
        title, line = attendee_words(outcome, self.first_name, ui_language())
        return _SEVERITY[outcome], title, line

    def retranslate(self) -> None:
        self.ok.setText(self.tr("Done"))
        if self.meeting_lines:
            self.meetings_title.setText(kiosk_title())
        if not self.outcome:
            return
        severity, title, detail = self.words()
        self.icon.set_state(severity, self.icon_colours[severity.value])
        self.title.setText(title)
        self.detail.setText(detail)
        announce(self, title, detail)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
