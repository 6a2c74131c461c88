"""The answer for the attendee: welcome and take your badge, or a friendly word to go to the
registration desk. Never a technical message, never another person's data."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.app.checkin import CheckinResult
from kiosk.core.reasons import Reason
from kiosk.ui import style
from kiosk.ui.a11y import announce
from kiosk.ui.meeting_texts import kiosk_title
from kiosk.ui.selfservice.common import big_button
from kiosk.ui.texts import Severity
from kiosk.ui.widgets.result_panel import StatusIcon


class Outcome:
    """What the attendee is told (stable codes; the words come from :meth:`ResultScreen.words`)."""

    WELCOME_BADGE = "welcome_badge"  # admitted, a badge is printing
    WELCOME_DESK = "welcome_desk"  # admitted, collect the badge at the desk (no printer)
    BADGE_FAILED = "badge_failed"  # admitted, but the badge did not print
    ALREADY = "already"  # already checked in today: no reprint without staff
    NOT_FOUND = "not_found"
    NOT_TODAY = "not_today"
    SEE_DESK = "see_desk"  # cancelled, or anything else staff must look at


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
        self.ok = big_button(self, primary=True)
        self.ok.clicked.connect(self.done)
        self.show_meetings([])
        icon_row = QHBoxLayout()
        icon_row.addStretch(1)
        icon_row.addWidget(self.icon)
        icon_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 60, 60, 60)
        layout.setSpacing(30)
        layout.addStretch(1)
        layout.addLayout(icon_row)
        layout.addWidget(self.title)
        layout.addWidget(self.detail)
        layout.addWidget(self.meetings_title)
        layout.addWidget(self.meetings)
        layout.addStretch(2)
        layout.addWidget(self.ok, 0, Qt.AlignmentFlag.AlignHCenter)
        self.retranslate()

    @staticmethod
    def outcome_for(result: CheckinResult | None, badge_queued: bool) -> str:
        if result is None:
            return Outcome.SEE_DESK
        reason = result.decision.reason
        if reason is Reason.ADMITTED:
            return Outcome.WELCOME_BADGE if badge_queued else Outcome.WELCOME_DESK
        return {
            Reason.ALREADY_CHECKED_IN: Outcome.ALREADY,
            Reason.UNKNOWN_CODE: Outcome.NOT_FOUND,
            Reason.NOT_ON_LIST: Outcome.NOT_TODAY,
        }.get(reason, Outcome.SEE_DESK)

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
        self.meetings.setVisible(bool(lines))
        self.meetings_title.setText(kiosk_title() if lines else "")
        self.meetings.setText("\n".join(lines))

    def words(self) -> tuple[Severity, str, str]:
        name = self.first_name
        welcome = self.tr("Welcome, {name}!").format(name=name) if name else self.tr("Welcome!")
        return {
            Outcome.WELCOME_BADGE: (
                Severity.OK, welcome, self.tr("Your badge is printing — please take it.")
            ),
            Outcome.WELCOME_DESK: (
                Severity.OK, welcome, self.tr("Please collect your badge at the registration desk.")
            ),
            Outcome.BADGE_FAILED: (
                Severity.ATTENTION,
                welcome,
                self.tr("You are checked in. Please collect your badge at the registration desk."),
            ),
            Outcome.ALREADY: (
                Severity.ATTENTION,
                self.tr("You are already checked in today."),
                self.tr("If you need your badge again, please ask at the registration desk."),
            ),
            Outcome.NOT_FOUND: (
                Severity.REFUSED,
                self.tr("We could not find this code."),
                self.tr("Please go to the registration desk — we will help you there."),
            ),
            Outcome.NOT_TODAY: (
                Severity.REFUSED,
                self.tr("Your registration is not for today."),
                self.tr("Please go to the registration desk — we will help you there."),
            ),
            Outcome.SEE_DESK: (
                Severity.REFUSED,
                self.tr("We could not check you in here."),
                self.tr("Please go to the registration desk — we will help you there."),
            ),
        }.get(self.outcome, (Severity.OK, "", ""))  # fmt: skip

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
