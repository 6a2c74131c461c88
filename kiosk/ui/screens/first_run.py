"""First run: no event database yet. Create an event, open one, or try the demo."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from PySide6.QtCore import QDate, QEvent, QLocale, Qt, QTimeZone, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.timeutil import system_timezone
from kiosk.ui.a11y import label_fields
from kiosk.ui.texts import day_text, time_text

# Names that mean "no particular place": a machine set to one of them says nothing about the
# venue, so the screen asks for the venue's zone instead of taking it silently.
_NEUTRAL_ZONES = {"UTC", "Etc/UTC", "Etc/UCT", "UCT", "Etc/GMT", "GMT", "Universal", "Zulu"}


def detect_timezone() -> str | None:
    """This computer's IANA time zone: the operating system's files, else what Qt reads from
    the system (the registry on Windows); ``None`` when neither can tell."""
    found = system_timezone()
    if found:
        return found
    qt_id = bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")
    return qt_id if qt_id in available_timezones() else None


def _zone(name: str) -> ZoneInfo | None:
    if not name or name not in available_timezones():
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


class FirstRunScreen(QWidget):
    """Emits what the person chose; the application does it (so this screen stays a form)."""

    create_requested = Signal(str, object, int, str)  # name, first day, number of days, tz
    open_requested = Signal(str)  # path of an existing event database
    demo_requested = Signal()

    def __init__(self, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 24pt; font-weight: 700; color: #263238;")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setObjectName("Muted")

        self.create_card = QFrame(self)
        self.create_card.setObjectName("Card")
        self.create_title = QLabel(self.create_card)
        self.create_title.setObjectName("CardTitle")
        self.name = QLineEdit(self.create_card)
        self.first_day = QDateEdit(self.create_card)
        self.first_day.setCalendarPopup(True)
        self.first_day.setDate(QDate.currentDate())
        self.days = QSpinBox(self.create_card)
        self.days.setRange(1, 14)
        self.days.setValue(2)
        self.detected_timezone = detect_timezone()
        self.timezone = QLineEdit(self.detected_timezone or "", self.create_card)
        completer = QCompleter(sorted(available_timezones()), self.timezone)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.timezone.setCompleter(completer)
        self.timezone_note = QLabel(self.create_card)
        self.timezone_note.setWordWrap(True)
        self.timezone_note.setObjectName("Muted")
        self.timezone.textChanged.connect(lambda _t: self._timezone_text())
        self.create_button = QPushButton(self.create_card)
        self.create_button.setObjectName("Primary")
        self.problem = QLabel(self.create_card)
        self.problem.setStyleSheet("color: #c62828;")
        self.form = QFormLayout()
        self.form_labels = [QLabel(self.create_card) for _ in range(4)]
        for label, field in zip(
            self.form_labels, (self.name, self.first_day, self.days, self.timezone), strict=True
        ):
            self.form.addRow(label, field)
        self.form.addRow(self.timezone_note)
        label_fields(self.form)
        box = QVBoxLayout(self.create_card)
        box.setContentsMargins(18, 14, 18, 16)
        box.addWidget(self.create_title)
        box.addLayout(self.form)
        box.addWidget(self.problem)
        box.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignRight)

        self.other_card = QFrame(self)
        self.other_card.setObjectName("Card")
        self.other_title = QLabel(self.other_card)
        self.other_title.setObjectName("CardTitle")
        self.open = QPushButton(self.other_card)
        self.demo = QPushButton(self.other_card)
        self.demo_text = QLabel(self.other_card)
        self.demo_text.setWordWrap(True)
        self.demo_text.setObjectName("Muted")
        other = QVBoxLayout(self.other_card)
        other.setContentsMargins(18, 14, 18, 16)
        other.addWidget(self.other_title)
        other.addWidget(self.open)
        other.addSpacing(12)
        other.addWidget(self.demo)
        other.addWidget(self.demo_text)
        other.addStretch(1)

        cards = QHBoxLayout()
        cards.setSpacing(16)
        cards.addWidget(self.create_card, 3)
        cards.addWidget(self.other_card, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.setSpacing(14)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(cards)
        layout.addStretch(1)

        self.create_button.clicked.connect(self._create)
        self.open.clicked.connect(self._open)
        self.demo.clicked.connect(self.demo_requested)
        self.problem.hide()
        self.retranslate()

    def first_day_value(self) -> date:
        chosen = self.first_day.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def _create(self) -> None:
        name = self.name.text().strip()
        if not name:
            self.problem.setText(self.tr("Give the event a name."))
            self.problem.show()
            self.name.setFocus()
            return
        timezone = self.timezone.text().strip()
        if not timezone:
            self.problem.setText(
                self.tr("Choose the venue's time zone: days and times are counted in it.")
            )
            self.problem.show()
            self.timezone.setFocus()
            return
        self.create_requested.emit(name, self.first_day_value(), self.days.value(), timezone)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def show_bad_timezone(self, timezone: str) -> None:
        self.show_problem(
            self.tr("Unknown time zone “{tz}”. Use a name like Europe/Sofia.").format(tz=timezone)
        )

    def _open(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Open an event database"),
            str(Path(self.path).parent),
            self.tr("Kiosk event (*.db);;All files (*)"),
        )
        if chosen:
            self.open_requested.emit(chosen)

    def _timezone_text(self) -> None:
        """Say which time zone the event will use and what time it is there, so nobody ends
        up with UTC without knowing."""
        name = self.timezone.text().strip()
        zone = _zone(name)
        if not name:
            text = self.tr(
                "Kiosk cannot tell this computer's time zone: type the venue's, e.g. "
                "Europe/Sofia or Europe/Bucharest. Days and times are counted in it."
            )
        elif zone is None:
            text = self.tr("Unknown time zone “{tz}”. Use a name like Europe/Sofia.").format(
                tz=name
            )
        else:
            now = datetime.now(UTC).astimezone(zone)
            text = self.tr("It is now {time} on {day} in {tz}.").format(
                time=time_text(now), day=day_text(now.date()), tz=name
            )
            if name == self.detected_timezone and name in _NEUTRAL_ZONES:
                text += " " + self.tr(
                    "This computer is set to UTC: if the venue is elsewhere, type its time "
                    "zone (e.g. Europe/Sofia)."
                )
            elif name == self.detected_timezone:
                text += " " + self.tr(
                    "This is this computer's time zone; change it if the venue is elsewhere."
                )
        self.timezone_note.setText(text)

    def retranslate(self) -> None:
        # Dates in the chosen language: the date field and its calendar follow the window.
        locale = QLocale()
        self.first_day.setLocale(locale)
        self.first_day.calendarWidget().setLocale(locale)
        self.first_day.setDisplayFormat(locale.dateFormat(QLocale.FormatType.LongFormat))
        self._timezone_text()
        self.heading.setText(self.tr("Welcome to Kiosk"))
        self.intro.setText(
            self.tr(
                "There is no event on this computer yet ({path}). Create the event, then import "
                "the registrations from the Menu; or open the demo event to try the desk."
            ).format(path=self.path)
        )
        self.create_title.setText(self.tr("CREATE AN EVENT"))
        labels = (
            self.tr("Event name"),
            self.tr("First day"),
            self.tr("Number of days"),
            self.tr("Time zone"),
        )
        for label, text in zip(self.form_labels, labels, strict=True):
            label.setText(text)
        self.name.setPlaceholderText(self.tr("e.g. BG-RO Cluster Conference"))
        self.create_button.setText(self.tr("Create event"))
        self.other_title.setText(self.tr("OR"))
        self.open.setText(self.tr("Open an existing event…"))
        self.demo.setText(self.tr("Open the demo event"))
        last = self.first_day_value() + timedelta(days=1)
        self.demo_text.setText(
            self.tr(
                "A two-day Bulgarian–Romanian cluster conference with a few hundred invented "
                "attendees, today and {day}. Nothing real is touched."
            ).format(day=day_text(last))
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
