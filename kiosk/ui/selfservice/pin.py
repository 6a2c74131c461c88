"""The admin PIN pad: staff leave kiosk mode with it, and choose it on first use."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRegularExpression, Qt, QTimer
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from kiosk.app.adminpin import MAX_LENGTH, AdminPin, PinError
from kiosk.ui.selfservice.common import big_button


class PinDialog(QDialog):
    """``mode`` "enter" checks the PIN; "set" asks for a new one twice. ``exec()`` is accepted
    only for a right (or newly set) PIN. ``purpose`` "leave" (leaving kiosk mode) or "settings"
    (changing a desk setting) picks the prompt. For "settings" the PIN can also be typed on the
    keyboard, Enter for OK (staff at a desk have one); at the self-service screen only the pad
    counts, since the keyboard there is the barcode scanner, and a ticket scanned while the pad
    is open must not count as a wrong PIN."""

    def __init__(
        self, pin: AdminPin, mode: str, parent: QWidget | None = None, *, purpose: str = "leave"
    ) -> None:
        super().__init__(parent)
        self.pin = pin
        self.mode = mode
        self.purpose = purpose
        self.first_entry = ""
        self.setObjectName("SelfService")
        self.setModal(True)
        self.prompt = QLabel(self)
        self.prompt.setObjectName("Lead")
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt.setWordWrap(True)
        self.entry = QLineEdit(self)
        self.entry.setEchoMode(QLineEdit.EchoMode.Password)
        self.entry.setMaxLength(MAX_LENGTH)
        if purpose == "settings":
            self.entry.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d*"), self))
            self.entry.returnPressed.connect(self._enter)
        else:
            self.entry.setReadOnly(True)
        self.entry.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel(self)
        self.message.setObjectName("Small")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        pad = QGridLayout()
        pad.setSpacing(12)
        self.keys = {}
        for i, key in enumerate("123456789"):
            self.keys[key] = big_button(self)
            pad.addWidget(self.keys[key], i // 3, i % 3)
        self.keys["0"] = big_button(self)
        pad.addWidget(self.keys["0"], 3, 1)
        for key, button in self.keys.items():
            button.setText(key)
            button.setMinimumWidth(button.minimumHeight())
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _c=False, k=key: self.entry.insert(k))
        self.delete = big_button(self)
        self.delete.setMinimumWidth(self.delete.minimumHeight())
        self.delete.clicked.connect(self.entry.backspace)
        pad.addWidget(self.delete, 3, 0)
        self.ok = big_button(self, primary=True)
        self.ok.setMinimumWidth(self.ok.minimumHeight())
        self.ok.clicked.connect(self._ok)
        pad.addWidget(self.ok, 3, 2)
        self.cancel = big_button(self)
        self.cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(30, 24, 30, 24)
        layout.setSpacing(14)
        layout.addWidget(self.prompt)
        layout.addWidget(self.entry)
        layout.addWidget(self.message)
        layout.addLayout(pad)
        layout.addWidget(self.cancel)
        self._countdown = QTimer(self)
        self._countdown.setInterval(500)
        self._countdown.timeout.connect(self._tick)
        self.retranslate()
        self._tick()

    def _tick(self) -> None:
        if self.mode != "enter":
            return
        wait = self.pin.wait_seconds()
        self.ok.setEnabled(wait <= 0)
        if wait > 0:
            self.message.setText(
                self.tr("Too many wrong PINs. Try again in {seconds} s.").format(
                    seconds=int(wait + 0.999)
                )
            )
            self._countdown.start()
        else:
            self._countdown.stop()

    def _enter(self) -> None:
        if self.ok.isEnabled():
            self._ok()

    def _ok(self) -> None:
        typed = self.entry.text()
        self.entry.clear()
        if self.mode == "enter":
            result = self.pin.check(typed)
            if result.ok:
                self.accept()
                return
            self.message.setText(self.tr("Wrong PIN."))
            self._tick()
            return
        if not self.first_entry:
            try:
                self.pin.validate(typed)
            except PinError:
                self.message.setText(
                    self.tr("Use 4 to 12 digits that do not repeat one digit or run in a sequence.")
                )
                return
            self.first_entry = typed
            self.retranslate()
            return
        if typed != self.first_entry:
            self.first_entry = ""
            self.message.setText(self.tr("The two PINs differ. Start again."))
            self.retranslate()
            return
        self.pin.set_pin(typed)
        self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Staff PIN"))
        self.entry.setAccessibleName(self.tr("Staff PIN"))
        if self.mode == "enter" and self.purpose == "settings":
            self.prompt.setText(self.tr("Staff only: enter the admin PIN to change this setting."))
        elif self.mode == "enter":
            self.prompt.setText(self.tr("Staff only: enter the PIN to leave the kiosk."))
        elif not self.first_entry:
            self.prompt.setText(
                self.tr("Choose the staff PIN (4 to 12 digits). Staff need it to leave the kiosk.")
            )
        else:
            self.prompt.setText(self.tr("Enter the same PIN again."))
        self.delete.setText("⌫")
        self.ok.setText(self.tr("OK"))
        self.cancel.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
