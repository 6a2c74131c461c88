"""The welcome screen: three language buttons and two ways in (speech, larger text and high
contrast are in the access bar below every screen)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.ui.i18n import LANGUAGES
from kiosk.ui.selfservice.common import big_button


class WelcomeScreen(QWidget):
    language_chosen = Signal(str)
    scan_chosen = Signal()
    find_chosen = Signal()

    def __init__(self, event_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.event_label = QLabel(event_name, self)
        self.event_label.setObjectName("Small")
        self.event_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel(self)
        self.title.setObjectName("Title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.languages = {code: big_button(self) for code in LANGUAGES}
        for code, button in self.languages.items():
            button.setText(LANGUAGES[code])
            button.setCheckable(True)
            button.setProperty("lang", code)  # spoken in its own language
            button.clicked.connect(lambda _c=False, c=code: self.language_chosen.emit(c))
        self.scan_button = big_button(self, primary=True)
        self.find_button = big_button(self)
        self.scan_button.clicked.connect(self.scan_chosen)
        self.find_button.clicked.connect(self.find_chosen)

        languages = QHBoxLayout()
        languages.setSpacing(18)
        languages.addStretch(1)
        for button in self.languages.values():
            languages.addWidget(button)
        languages.addStretch(1)
        ways = QVBoxLayout()
        ways.setSpacing(24)
        ways.addWidget(self.scan_button)
        ways.addWidget(self.find_button)
        # Room between the parts comes from the stretches: fixed gaps small enough that at
        # 150 % text on a 1366 x 768 screen both ways in are on the screen without scrolling.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 24, 60, 16)
        layout.setSpacing(16)
        layout.addWidget(self.event_label)
        layout.addWidget(self.title)
        layout.addLayout(languages)
        layout.addStretch(1)
        layout.addLayout(ways)
        layout.addStretch(2)
        self.retranslate()

    def mark_language(self, code: str) -> None:
        for language, button in self.languages.items():
            button.setChecked(language == code)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Welcome! Check in here"))
        self.scan_button.setText(self.tr("Scan your QR code"))
        self.find_button.setText(self.tr("Find me by name"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
