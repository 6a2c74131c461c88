"""Scan your QR code: at the USB scanner or in front of the camera (with a frame to aim at)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.ui.selfservice.common import big_button
from kiosk.ui.widgets.camera_view import CameraView


class ScanScreen(QWidget):
    code_read = Signal(str)
    back = Signal()

    def __init__(self, parent: QWidget | None = None, *, camera: bool = True) -> None:
        super().__init__(parent)
        self.heading = QLabel(self)
        self.heading.setObjectName("Title")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading.setWordWrap(True)
        self.lead = QLabel(self)
        self.lead.setObjectName("Lead")
        self.lead.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lead.setWordWrap(True)
        self.frame = QFrame(self)
        self.frame.setObjectName("AimFrame")
        self.frame.setStyleSheet("#AimFrame { border: 6px dashed #1565c0; border-radius: 18px; }")
        self.camera: CameraView | None = CameraView(self.frame) if camera else None
        inner = QVBoxLayout(self.frame)
        inner.setContentsMargins(18, 18, 18, 18)
        if self.camera is not None:
            inner.addWidget(self.camera)
            self.camera.decoded.connect(self.code_read)
        self.back_button = big_button(self)
        self.back_button.clicked.connect(self.back)
        bottom = QHBoxLayout()
        bottom.addWidget(self.back_button)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 60, 60, 40)
        layout.setSpacing(24)
        layout.addWidget(self.heading)
        layout.addWidget(self.lead)
        layout.addWidget(self.frame, 1)
        layout.addLayout(bottom)
        self.frame.setVisible(self.camera is not None)
        self.retranslate()

    def start(self) -> None:
        if self.camera is not None:
            self.camera.scanner.start()

    def stop(self) -> None:
        if self.camera is not None:
            self.camera.scanner.stop()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Scan your QR code"))
        self.lead.setText(
            self.tr("Hold the code from your e-mail or phone under the scanner, or in the frame.")
        )
        self.back_button.setText(self.tr("Back"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
