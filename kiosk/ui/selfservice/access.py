"""What makes the kiosk usable without sight, with low vision or with more time: a bar that is
always on screen (speech, larger text, high contrast), the "Do you need more time?" prompt,
and the text of a screen as it is spoken.

Keys (a keyboard or a numeric keypad next to the screen): **F1** or keypad **\\*** turns speech
on and off, **F2** or keypad **/** says the screen again, **F4** or keypad **-** pauses and goes
on, **F3** or keypad **+** makes the text larger (again: back to normal size). Tab or the arrow
keys move between buttons, Enter or Space presses the one that has the frame.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.app.speech import Part
from kiosk.ui.a11y import sentence
from kiosk.ui.selfservice.common import big_button
from kiosk.ui.widgets.icons import speech_icon
from kiosk.ui.widgets.touch_keyboard import TouchKeyboard

#: Text sizes the "A+" button steps through (1.0 is the normal size).
TEXT_SCALES = (1.0, 1.25, 1.5)
#: Seconds the "more time?" prompt waits before the kiosk starts over (WCAG 2.2.1 asks for
#: at least 20 seconds to answer such a warning).
PROMPT_SECONDS = 20


def screen_parts(screen: QWidget) -> list[Part]:
    """What a screen says aloud: its visible texts in reading order (top to bottom, left to
    right; a text field by what was typed in it), then the people listed, then its buttons.
    The same strings that are drawn, so what is heard is what is shown. A widget with a
    ``lang`` property (the language buttons) is spoken in that language. The touch keyboard's
    keys are left out."""
    labels: list[tuple[int, int, str, str]] = []
    buttons: list[tuple[int, int, str, str]] = []
    items: list[str] = []
    for widget in screen.findChildren(QWidget):
        if not widget.isVisible() or _inside_keyboard(widget, screen):
            continue
        where = widget.mapTo(screen, widget.rect().topLeft())
        language = str(widget.property("lang") or "")
        if isinstance(widget, QLabel) and widget.text().strip():
            labels.append((where.y(), where.x(), language, widget.text()))
        elif isinstance(widget, QLineEdit) and widget.echoMode() == QLineEdit.EchoMode.Normal:
            # What was typed, so a person who cannot see it hears it; else the placeholder.
            shown = widget.text().strip() or widget.placeholderText()
            if shown:
                labels.append((where.y(), where.x(), language, shown))
        elif isinstance(widget, QAbstractButton):
            words = widget.text().strip() or widget.accessibleName()
            if words:
                buttons.append((where.y(), where.x(), language, words))
        elif isinstance(widget, QListWidget):
            items += [widget.item(i).text() for i in range(widget.count())]
    parts = [(language, text) for _y, _x, language, text in sorted(labels)]
    parts += [("", item.replace("\n", ", ")) for item in items]
    parts += [(language, text) for _y, _x, language, text in sorted(buttons)]
    return [(language, sentence(text)) for language, text in parts if sentence(text)]


def screen_text(screen: QWidget) -> str:
    """The words of :func:`screen_parts`, as one text."""
    return " ".join(text for _language, text in screen_parts(screen))


def _inside_keyboard(widget: QWidget, screen: QWidget) -> bool:
    parent: QWidget | None = widget
    while parent is not None and parent is not screen:
        if isinstance(parent, TouchKeyboard):
            return True
        parent = parent.parentWidget()
    return False


class AccessBar(QFrame):
    """Always visible at the bottom of the kiosk: Speak, A+ and High contrast."""

    speech_toggled = Signal(bool)
    larger_text = Signal()
    contrast_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AccessBar")
        self.speak = big_button(self)
        self.speak.setObjectName("Speak")
        self.speak.setCheckable(True)
        self.speak.setIconSize(QSize(40, 40))
        self.speak.toggled.connect(self.speech_toggled)
        self.larger = big_button(self)
        self.larger.setObjectName("Larger")
        self.larger.setMinimumWidth(self.larger.minimumHeight())
        self.larger.clicked.connect(self.larger_text)
        self.contrast = big_button(self)
        self.contrast.setCheckable(True)
        self.contrast.toggled.connect(self.contrast_toggled)
        self.keys = QLabel(self)
        self.keys.setObjectName("Small")
        self.keys.setWordWrap(True)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(24, 6, 24, 8)
        self.grid.setHorizontalSpacing(18)
        self.grid.setVerticalSpacing(6)
        self.grid.addWidget(self.speak, 0, 0)
        self.grid.addWidget(self.larger, 0, 1)
        self.grid.addWidget(self.contrast, 0, 3)
        self.grid.setColumnStretch(2, 1)
        self.narrow = True
        self._arrange(narrow=False)
        self.set_look(high_contrast=False)
        self.retranslate()

    #: Below this width the headphones sentence would wrap into a tall column that takes the
    #: screens' room: it goes under the buttons instead.
    SENTENCE_PX = 360

    def _arrange(self, *, narrow: bool) -> None:
        if narrow == self.narrow:
            return
        self.narrow = narrow
        self.grid.removeWidget(self.keys)
        if narrow:
            self.grid.addWidget(self.keys, 1, 0, 1, 4)
        else:
            self.grid.addWidget(self.keys, 0, 2)

    def resizeEvent(self, event: QResizeEvent) -> None:
        buttons = sum(b.sizeHint().width() for b in (self.speak, self.larger, self.contrast))
        margins = self.grid.contentsMargins()
        room = event.size().width() - buttons - 3 * 18 - margins.left() - margins.right()
        self._arrange(narrow=room < self.SENTENCE_PX)
        super().resizeEvent(event)

    def set_look(self, *, high_contrast: bool) -> None:
        # The checked button is dark (light theme) or white (high contrast): ink to match.
        off, on = ("#ffffff", "#000000") if high_contrast else ("#1b2631", "#ffffff")
        self.speak.setIcon(speech_icon(off_colour=off, on_colour=on))

    def set_available(self, available: bool) -> None:
        self.speak.setEnabled(available)
        self.retranslate()

    def retranslate(self) -> None:
        if not self.speak.isEnabled():
            self.speak.setText(self.tr("No speech"))
            self.speak.setToolTip(self.tr("This kiosk has no voice installed — ask the staff."))
        else:
            self.speak.setText(self.tr("Speak"))
            self.speak.setToolTip(self.tr("Read the screen aloud (F1 or * on the keypad)"))
        self.speak.setAccessibleName(self.speak.text())
        self.larger.setText(self.tr("A+"))
        self.larger.setAccessibleName(self.tr("Larger text"))
        self.larger.setToolTip(self.tr("Larger text (F3 or + on the keypad)"))
        self.contrast.setText(self.tr("High contrast"))
        self.keys.setText(
            self.tr("Headphones: plug them in, then touch Speak or press * on the keypad.")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class MoreTimePrompt(QFrame):
    """Covers the screen before the kiosk starts over: "Do you need more time?" with a big
    button (Enter, Space, or any touch or key answers it too)."""

    extended = Signal()
    expired = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MoreTime")
        self.setAutoFillBackground(True)
        self.remaining = 0
        self.question = QLabel(self)
        self.question.setObjectName("Title")
        self.countdown = QLabel(self)
        self.countdown.setObjectName("Lead")
        for label in (self.question, self.countdown):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
        self.more = big_button(self, primary=True)
        self.more.setObjectName("Primary")
        self.more.clicked.connect(self.extended)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 60, 60, 60)
        layout.setSpacing(30)
        layout.addStretch(1)
        layout.addWidget(self.question)
        layout.addWidget(self.countdown)
        layout.addWidget(self.more, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.hide()
        self.retranslate()

    def ask(self, seconds: int = PROMPT_SECONDS) -> None:
        self.remaining = seconds
        self.retranslate()
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        self.more.setFocus(Qt.FocusReason.OtherFocusReason)
        self.timer.start()

    def dismiss(self) -> None:
        self.timer.stop()
        self.hide()

    def _tick(self) -> None:
        self.remaining -= 1
        if self.remaining <= 0:
            self.dismiss()
            self.expired.emit()
        else:
            self.countdown.setText(self._countdown_text())

    def _countdown_text(self) -> str:
        return self.tr("The screen starts over in %n seconds.", "", self.remaining)

    def retranslate(self) -> None:
        self.question.setText(self.tr("Do you need more time?"))
        self.countdown.setText(self._countdown_text())
        self.more.setText(self.tr("Yes, more time"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
