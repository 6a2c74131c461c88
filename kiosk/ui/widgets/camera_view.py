"""The camera panel: live preview, a status line that always says what to do, start/stop.

The preview paints the grayscale pictures the decoder has just read (no second conversion of
each frame, and no GPU needed: ``QVideoWidget`` warns on machines without one). It is mirrored
by default, so the badge moves on screen the way it moves in front of the camera.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui import multimedia
from kiosk.ui.camera_state import CameraState
from kiosk.ui.multimedia import UnavailableScanner

if TYPE_CHECKING:
    from kiosk.ui.camera import CameraScanner

log = logging.getLogger(__name__)


class CameraPreview(QWidget):
    """Draws the latest picture, scaled to fit and (by default) mirrored; dark when empty.

    ``status`` lies over it: in the middle while there is no picture, along the bottom over one.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mirrored = True
        self.image = QImage()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(160, 90))
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.status = QLabel(self)
        self.status.setObjectName("CameraStatus")
        self.status.setWordWrap(True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setStyleSheet(
            "QLabel#CameraStatus { color: #ffffff; background: rgba(0, 0, 0, 160);"
            " font-size: 15pt; padding: 10px; border-radius: 6px; }"
        )
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(12, 12, 12, 12)
        self._layout.addWidget(self.status)
        self._place_status()

    def _place_status(self) -> None:
        where = (
            Qt.AlignmentFlag.AlignVCenter if self.image.isNull() else Qt.AlignmentFlag.AlignBottom
        )
        self._layout.setAlignment(self.status, where)

    def sizeHint(self) -> QSize:
        return QSize(480, 270)

    @Slot(QImage)
    def show_image(self, image: QImage) -> None:
        was_empty = self.image.isNull()
        self.image = image
        if was_empty != image.isNull():
            self._place_status()
        self.update()

    def clear(self) -> None:
        self.show_image(QImage())

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#202020"))
        if not self.image.isNull():
            size = self.image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
            x = (self.width() - size.width()) / 2
            y = (self.height() - size.height()) / 2
            target = QRectF(x, y, size.width(), size.height())
            if self.mirrored:
                p.translate(self.width(), 0)
                p.scale(-1, 1)
            p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            p.drawImage(target, self.image)
        p.end()


class CameraView(QWidget):
    """Camera preview with status line, camera picker (when there are several) and a toggle."""

    decoded = Signal(str)  # forwarded from the scanner

    def __init__(
        self,
        parent: QWidget | None = None,
        scanner: CameraScanner | UnavailableScanner | None = None,
    ) -> None:
        super().__init__(parent)
        if scanner is None:
            problem = multimedia.missing()
            if problem is None:
                try:
                    from kiosk.ui.camera import CameraScanner
                except ImportError as exc:
                    problem = multimedia.import_failed(exc)
                else:
                    scanner = CameraScanner(self)
            if problem is not None:
                scanner = UnavailableScanner(problem, self)
        assert scanner is not None
        self.scanner: CameraScanner | UnavailableScanner = scanner
        if self.scanner.parent() is None:
            self.scanner.setParent(self)

        self.preview = CameraPreview(self)
        self.status = self.preview.status
        self.picker = QComboBox(self)
        self.picker.setObjectName("CameraPicker")
        self.toggle = QPushButton(self)
        self.toggle.setObjectName("CameraToggle")
        self.toggle.setCheckable(True)

        controls = QHBoxLayout()
        controls.addWidget(self.picker, 1)
        controls.addWidget(self.toggle)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addLayout(controls)

        self.scanner.decoded.connect(self.decoded)
        self.scanner.state_changed.connect(self._on_state)
        self.scanner.cameras_changed.connect(self._fill_picker)
        self.scanner.preview.connect(self.preview.show_image)
        self.toggle.toggled.connect(self._on_toggle)
        self.picker.activated.connect(self._on_pick)

        self._fill_picker()
        self.retranslate()

    # -- texts ---------------------------------------------------------------------------------

    def status_text(self) -> str:
        state = self.scanner.state
        if state is CameraState.NO_CAMERA:
            return self.tr("No camera found — use the USB scanner or search by name")
        if state is CameraState.STARTING:
            return self.tr("Starting camera…")
        if state is CameraState.ACTIVE:
            return self.tr("Point the QR code at the camera")
        if isinstance(self.scanner, UnavailableScanner):
            return multimedia.camera_text(self.scanner.problem)
        if state is CameraState.ERROR:
            return self.tr("The camera does not work: %1").replace("%1", self.scanner.error_text)
        return self.tr("The camera is off")

    def retranslate(self) -> None:
        self.status.setText(self.status_text())
        on = self.scanner.state in (CameraState.STARTING, CameraState.ACTIVE)
        self.toggle.setText(self.tr("Stop camera") if on else self.tr("Start camera"))
        self.picker.setToolTip(self.tr("Camera"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- slots ---------------------------------------------------------------------------------

    @Slot(str)
    def _on_state(self, state: str) -> None:
        try:
            running = state in (CameraState.STARTING, CameraState.ACTIVE)
            if self.toggle.isChecked() != running:
                self.toggle.blockSignals(True)
                self.toggle.setChecked(running)
                self.toggle.blockSignals(False)
            self.toggle.setEnabled(state not in (CameraState.NO_CAMERA, CameraState.UNAVAILABLE))
            if not running:
                self.preview.clear()
            self.retranslate()
        except Exception:
            log.exception("Could not show the camera state")

    @Slot(bool)
    def _on_toggle(self, on: bool) -> None:
        try:
            if on:
                self.scanner.start()
            else:
                self.scanner.stop()
        except Exception:
            log.exception("Could not switch the camera")

    @Slot(int)
    def _on_pick(self, index: int) -> None:
        try:
            device_id = self.picker.itemData(index)
            if isinstance(device_id, str) and not self.scanner.set_camera(device_id):
                self._fill_picker()  # it went away meanwhile
        except Exception:
            log.exception("Could not switch to another camera")

    @Slot()
    def _fill_picker(self) -> None:
        try:
            cameras = self.scanner.available_cameras()
            current = self.scanner.current_camera()
            self.picker.clear()
            for device_id, description in cameras:
                self.picker.addItem(description, device_id)
            index = self.picker.findData(current) if current is not None else -1
            self.picker.setCurrentIndex(max(index, 0) if cameras else -1)
            self.picker.setVisible(len(cameras) > 1)
            self.toggle.setEnabled(
                self.scanner.state not in (CameraState.NO_CAMERA, CameraState.UNAVAILABLE)
            )
        except Exception:
            log.exception("Could not list the cameras")
