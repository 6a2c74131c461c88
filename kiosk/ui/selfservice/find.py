"""Find me by name: an on-screen keyboard; people appear only once their whole last name is
typed, at most five, names only (the privacy rule of :mod:`kiosk.core.selfservice`).

On a low screen (a 1366 x 768 landscape kiosk) the keyboard and the list cannot both be whole:
the list would show one name and a half. Once people are found and their names do not all fit,
the keyboard folds away and a "Show the keyboard" button appears beside Back, so every name found
is on screen to be touched; the button, a tap on the field or a key typed brings it back."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.app.lookup import Found
from kiosk.core.selfservice import MAX_SHOWN, MIN_LETTERS
from kiosk.ui.selfservice.common import big_button, min_target_px
from kiosk.ui.widgets.touch_keyboard import TouchKeyboard


class FindScreen(QWidget):
    query_changed = Signal(str)  # at least MIN_LETTERS letters; answered by show_people
    chosen = Signal(object)  # Found
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.people: list[Found] = []
        self.heading = QLabel(self)
        self.heading.setObjectName("Lead")
        self.field = QLineEdit(self)
        self.field.setObjectName("KioskSearch")
        self.hint = QLabel(self)
        self.hint.setObjectName("Small")
        self.hint.setWordWrap(True)  # the privacy hint is a sentence or two: never wider
        self.results = QListWidget(self)
        # Reachable with Tab or Down from the field; Enter takes the highlighted person.
        self.results.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.results.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.results.setWordWrap(True)
        self.results.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.keyboard = TouchKeyboard(self)
        self.keyboard.set_target(self.field)
        self.back_button = big_button(self)
        self.back_button.clicked.connect(self.back)
        self.keyboard_button = big_button(self)
        self.keyboard_button.clicked.connect(self._unfold)
        self.keyboard_button.hide()
        self.results.itemClicked.connect(self._clicked)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self._search)
        self.field.textChanged.connect(self._typed)
        self.field.installEventFilter(self)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.heading, 1)
        top.addWidget(self.keyboard_button)  # beside Back: the list keeps the height
        # Tight margins: at 150 % text on a 1366 x 768 screen the keyboard and one whole name
        # still fit under the field without scrolling.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.field)
        layout.addWidget(self.hint)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.keyboard)
        self.retranslate()

    def start(self, language: str) -> None:
        self.forget()
        self.keyboard.set_layout(language)
        self.field.setFocus()

    def forget(self) -> None:
        """Nothing of the previous person stays: text, list and hint go."""
        self._debounce.stop()
        self.field.clear()
        self.people = []
        self.results.clear()
        self._unfold()
        self._hint()

    def _typed(self, _text: str) -> None:
        self._unfold()
        self._debounce.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.MouseButtonPress:
            self._unfold()  # a tap on the field: the person wants to type again
        return super().eventFilter(watched, event)

    def _unfold(self) -> None:
        if self.keyboard_button.isHidden():
            return
        self.keyboard_button.hide()
        self.keyboard.show()
        self.field.setFocus()

    def _fold_if_needed(self) -> None:
        """Fold the keyboard when the names found do not all fit in the list as it is."""
        if not self.people or not self.keyboard_button.isHidden():
            return
        frame = 2 * self.results.frameWidth()
        needed = frame + sum(
            self.results.sizeHintForRow(row) for row in range(self.results.count())
        )
        if needed > self.results.height():
            self.keyboard.hide()
            self.keyboard_button.show()

    def _search(self) -> None:
        query = self.field.text().strip()
        letters = sum(ch.isalnum() for ch in query)
        if letters < MIN_LETTERS:
            self.people = []
            self.results.clear()
            self._hint()
            return
        self.query_changed.emit(query)

    def show_people(self, query: str, people: list[Found]) -> None:
        if query != self.field.text().strip():
            return  # an answer to an older query
        self.people = people[:MAX_SHOWN]
        self.results.clear()
        side = min_target_px(self)
        for found in self.people:
            person = found.attendee
            # The name only: the organisation is shown after this one name is tapped.
            item = QListWidgetItem(person.name, self.results)
            # Room for the line plus the item padding of the style sheet (18 px above, below).
            height = self.results.fontMetrics().lineSpacing() + 48
            item.setSizeHint(QSize(100, max(side, height)))
        self._hint()
        self._fold_if_needed()

    def _clicked(self, item: QListWidgetItem) -> None:
        row = self.results.row(item)
        if 0 <= row < len(self.people):
            self.chosen.emit(self.people[row])

    def _hint(self) -> None:
        query = self.field.text().strip()
        if sum(ch.isalnum() for ch in query) < MIN_LETTERS:
            self.hint.setText(self.tr("Type your last name in full."))
        elif not self.people:
            self.hint.setText(
                self.tr(
                    "Type your whole last name, as on your registration. For your privacy, "
                    "names appear only then. Not found? Ask at the registration desk."
                )
            )
        else:
            self.hint.setText(self.tr("Touch your name."))

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Find me by name"))
        self.back_button.setText(self.tr("Back"))
        self.keyboard_button.setText(self.tr("Show the keyboard"))
        self.field.setPlaceholderText(self.tr("Your last name"))
        self.field.setAccessibleName(self.tr("Your last name"))
        self.results.setAccessibleName(self.tr("People found"))
        self._hint()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
