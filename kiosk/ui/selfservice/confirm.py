"""“Is this you?” — the chosen person's name and organisation, nothing else."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.app.lookup import Found
from kiosk.core.text import has_cyrillic, transliterate
from kiosk.ui.selfservice.common import big_button


class ConfirmScreen(QWidget):
    confirmed = Signal(object)  # Found
    declined = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.found: Found | None = None
        self.question = QLabel(self)
        self.question.setObjectName("Lead")
        self.name = QLabel(self)
        self.name.setObjectName("Title")
        self.name.setWordWrap(True)
        self.latin = QLabel(self)
        self.latin.setObjectName("Lead")
        self.organization = QLabel(self)
        self.organization.setObjectName("Lead")
        self.organization.setWordWrap(True)
        for label in (self.question, self.name, self.latin, self.organization):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.yes = big_button(self, primary=True)
        self.no = big_button(self)
        self.yes.clicked.connect(self._yes)
        self.no.clicked.connect(self.declined)
        buttons = QHBoxLayout()
        buttons.setSpacing(30)
        buttons.addWidget(self.no)
        buttons.addWidget(self.yes)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 80, 60, 60)
        layout.setSpacing(20)
        layout.addWidget(self.question)
        layout.addStretch(1)
        layout.addWidget(self.name)
        layout.addWidget(self.latin)
        layout.addWidget(self.organization)
        layout.addStretch(2)
        layout.addLayout(buttons)
        self.retranslate()

    def ask(self, found: Found) -> None:
        self.found = found
        person = found.attendee
        full = f"{person.first_name} {person.last_name}".strip()
        self.name.setText(full)
        self.latin.setText(transliterate(full) if has_cyrillic(full) else "")
        self.latin.setVisible(bool(self.latin.text()))
        self.organization.setText(person.organization)

    def forget(self) -> None:
        self.found = None
        for label in (self.name, self.latin, self.organization):
            label.clear()

    def _yes(self) -> None:
        if self.found is not None:
            self.confirmed.emit(self.found)

    def retranslate(self) -> None:
        self.question.setText(self.tr("Is this you?"))
        self.yes.setText(self.tr("Yes, check me in"))
        self.no.setText(self.tr("No, go back"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
