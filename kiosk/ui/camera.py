"""Camera QR scanning for desks without a USB scanner.

``CameraScanner`` wires a camera (or, in tests, a ``QVideoFrameInput``) into a
``QMediaCaptureSession`` whose ``QVideoSink`` hands frames to a ``FrameDecoder`` in a worker
thread. Only one frame is in the worker at a time; while it is busy, newer frames replace the one
waiting, so the worker always gets the latest picture and a slow decode never builds a queue.

The decoder turns a frame into 8-bit grayscale (the Y plane of YUV frames as is, RGB frames
through ``QImage``), wraps it as a PIL ``L`` image and asks zxing-cpp for QR codes only. A code
seen again within ``repeat_window`` seconds of its last sighting is not reported again, so a
badge held in front of the camera checks in once.

No camera is a normal state (``no_camera``): the desk keeps the USB scanner and the name search.
"""

from __future__ import annotations

import logging
import sys
import time
import weakref
from collections.abc import Callable, Sequence

import zxingcpp
from PIL import Image
from PySide6.QtCore import QObject, QSize, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import (
    QCamera,
    QCameraDevice,
    QCameraFormat,
    QMediaCaptureSession,
    QMediaDevices,
    QVideoFrame,
    QVideoFrameFormat,
    QVideoFrameInput,
    QVideoSink,
)

from kiosk.ui.camera_state import CameraState

log = logging.getLogger(__name__)

__all__ = ["CameraScanner", "CameraState", "FrameDecoder"]

PixelFormat = QVideoFrameFormat.PixelFormat

# Largest capture size we ask for: QR codes on a badge need no more, and decoding stays ~1 ms.
MAX_SIZE = QSize(1280, 720)
# Formats whose plane 0 is the 8-bit luma plane: grayscale for free.
Y_PLANE_FORMATS = frozenset(
    {
        PixelFormat.Format_NV12,
        PixelFormat.Format_NV21,
        PixelFormat.Format_YUV420P,
        PixelFormat.Format_YV12,
        PixelFormat.Format_YUV422P,
        PixelFormat.Format_IMC1,
        PixelFormat.Format_IMC2,
        PixelFormat.Format_IMC3,
        PixelFormat.Format_IMC4,
        PixelFormat.Format_Y8,
    }
)
# Packed 4:2:2 formats: luma is every other byte (first byte of a pair for YUYV, second for UYVY).
PACKED_LUMA_CHANNEL = {PixelFormat.Format_YUYV: 0, PixelFormat.Format_UYVY: 1}
YUV_FORMATS = Y_PLANE_FORMATS | PACKED_LUMA_CHANNEL.keys()


# ---------------------------------------------------------------------------------------------
# Frame → grayscale → codes (runs in the worker thread; plain functions, easy to test)


def _rgb_rawmodes() -> dict[QImage.Format, str]:
    """PIL raw modes reading the colour bytes of these QImage formats (alpha ignored)."""
    little = sys.byteorder == "little"
    word = "BGRX" if little else "XRGB"  # a 32-bit 0xAARRGGBB word, as it lies in memory
    return {
        QImage.Format.Format_RGB32: word,
        QImage.Format.Format_ARGB32: word,
        QImage.Format.Format_ARGB32_Premultiplied: word,
        QImage.Format.Format_RGBX8888: "RGBX",
        QImage.Format.Format_RGBA8888: "RGBX",
        QImage.Format.Format_RGBA8888_Premultiplied: "RGBX",
        QImage.Format.Format_RGB888: "RGB",
        QImage.Format.Format_BGR888: "BGR",
    }


RGB_RAWMODES = _rgb_rawmodes()


def gray_image(frame: QVideoFrame) -> Image.Image | None:
    """An 8-bit grayscale copy (PIL ``L``) of ``frame``, or None if it has no picture.

    YUV frames give their luma plane as is (no conversion, row padding dropped). 32-bit RGB frames
    are converted by PIL (about 4x faster than ``QImage.convertToFormat``). Other formats go
    through ``QImage``; only exotic ones use ``QVideoFrame.toImage()``, which wants a GPU and
    warns once when it has none.
    """
    if not frame.isValid():
        return None
    pixel_format = frame.pixelFormat()
    size = (frame.width(), frame.height())
    if size[0] <= 0 or size[1] <= 0:
        return None
    image_format = QVideoFrameFormat.imageFormatFromPixelFormat(pixel_format)
    mappable = (
        pixel_format in Y_PLANE_FORMATS
        or pixel_format in PACKED_LUMA_CHANNEL
        or image_format != QImage.Format.Format_Invalid
    )
    if not mappable:
        image = frame.toImage()
        return None if image.isNull() else pil_gray(image)
    if not frame.map(QVideoFrame.MapMode.ReadOnly):
        return None
    try:
        stride, plane = frame.bytesPerLine(0), frame.bits(0)
        if pixel_format in Y_PLANE_FORMATS:
            return Image.frombytes("L", size, plane, "raw", "L", stride, 1)
        if pixel_format in PACKED_LUMA_CHANNEL:  # Y U Y V or U Y V Y: luma is every other byte
            pairs = Image.frombytes("LA", size, plane, "raw", "LA", stride, 1)
            return pairs.getchannel(PACKED_LUMA_CHANNEL[pixel_format])
        rawmode = RGB_RAWMODES.get(image_format)
        if rawmode is not None:
            return Image.frombytes("RGB", size, plane, "raw", rawmode, stride, 1).convert("L")
        wrapped = QImage(plane, size[0], size[1], stride, image_format)
        return pil_gray(wrapped.convertToFormat(QImage.Format.Format_Grayscale8))
    finally:
        frame.unmap()


def pil_gray(image: QImage) -> Image.Image:
    """A PIL ``L`` copy of a QImage (row padding dropped)."""
    if image.format() != QImage.Format.Format_Grayscale8:
        image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    size = (image.width(), image.height())
    return Image.frombytes("L", size, image.constBits(), "raw", "L", image.bytesPerLine(), 1)


def qimage_gray(image: Image.Image) -> QImage:
    """A ``Format_Grayscale8`` QImage copy of a PIL ``L`` image (for the preview)."""
    width, height = image.size
    return QImage(image.tobytes(), width, height, width, QImage.Format.Format_Grayscale8).copy()


def read_qr_codes(image: Image.Image) -> list[str]:
    """The texts of the QR codes in ``image`` (a PIL ``L`` image), in zxing-cpp's order."""
    # Always name the formats: QR only is several times faster than every barcode kind. (Made
    # per call: a module-level BarcodeFormats makes nanobind report a "leak" at exit.)
    formats = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    results = zxingcpp.read_barcodes(image, formats=formats)
    texts = [str(result.text) for result in results if result.valid and result.text]
    del results
    return texts


class FrameDecoder(QObject):
    """Decodes one frame at a time; lives in the scanner's worker thread."""

    # run number (echoed), texts found (possibly empty), grayscale picture, seconds spent
    processed = Signal(int, list, QImage, float)

    @Slot(QVideoFrame, int)
    def decode(self, frame: QVideoFrame, run: int) -> None:
        started = time.perf_counter()
        texts: list[str] = []
        gray = QImage()
        try:
            image = gray_image(frame)
            if image is not None:
                texts = read_qr_codes(image)
                gray = qimage_gray(image)
        except Exception:
            log.exception("Could not decode a camera frame")
        self.processed.emit(run, texts, gray, time.perf_counter() - started)


# ---------------------------------------------------------------------------------------------
# Choosing a capture format


def format_preference(
    width: int, height: int, pixel_format: PixelFormat, max_fps: float
) -> tuple[int, ...]:
    """Sort key for camera formats (higher is better).

    Prefer sizes that fit in ``MAX_SIZE``, then at least 15 fps, then the biggest picture,
    then YUV (grayscale for free), then the frame rate. Oversized formats come last, smallest first.
    """
    fits = width <= MAX_SIZE.width() and height <= MAX_SIZE.height()
    area = width * height
    return (
        int(fits),
        int(max_fps >= 15),
        area if fits else -area,
        int(pixel_format in YUV_FORMATS),
        round(max_fps),
    )


def choose_format(formats: Sequence[QCameraFormat]) -> QCameraFormat | None:
    """The capture format to ask for, or None to leave the camera's default."""
    usable = [f for f in formats if not f.isNull()]
    if not usable:
        return None
    return max(
        usable,
        key=lambda f: format_preference(
            f.resolution().width(), f.resolution().height(), f.pixelFormat(), f.maxFrameRate()
        ),
    )


def camera_id(device: QCameraDevice) -> str:
    return bytes(device.id().data()).decode("utf-8", "replace")


# ---------------------------------------------------------------------------------------------


def _stop_thread(thread: QThread) -> None:
    """Quit and join a worker thread; safe to call twice, and from a finalizer."""
    try:
        if thread.isRunning():
            thread.quit()
            thread.wait()
    except RuntimeError:  # the C++ object is already gone
        pass


class CameraScanner(QObject):
    """Reads QR codes from the camera in a worker thread.

    ``source`` replaces the camera with a ``QVideoFrameInput`` (tests, demos). ``devices`` lists
    the cameras (default ``QMediaDevices.videoInputs``); ``clock`` is a monotonic clock in seconds.
    """

    decoded = Signal(str)  # a code, not seen within the last ``repeat_window`` seconds
    state_changed = Signal(str)  # a CameraState value
    cameras_changed = Signal()  # a camera was plugged in or out: see available_cameras()
    preview = Signal(QImage)  # the latest decoded frame, grayscale
    frame_processed = Signal(float)  # a frame went through the decoder; seconds it took
    _to_worker = Signal(QVideoFrame, int)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        source: QVideoFrameInput | None = None,
        devices: Callable[[], Sequence[QCameraDevice]] | None = None,
        clock: Callable[[], float] = time.monotonic,
        repeat_window: float = 3.0,
        start_timeout_ms: int = 10_000,
    ) -> None:
        super().__init__(parent)
        self.repeat_window = repeat_window
        self._clock = clock
        self._source = source
        self._devices = devices if devices is not None else QMediaDevices.videoInputs
        self._state = CameraState.STOPPED
        self._error_text = ""
        self._wanted = False  # start() was called and stop() was not
        self._selected_id: str | None = None
        self._camera: QCamera | None = None
        self._busy = False
        self._run = 0  # bumped on each start, so a frame from before a stop is ignored
        self._pending: QVideoFrame | None = None
        self._last_seen: dict[str, float] = {}

        self._session = QMediaCaptureSession(self)
        self._sink = QVideoSink(self)
        self._session.setVideoSink(self._sink)
        self._sink.videoFrameChanged.connect(self._on_frame)
        if source is not None:
            self._session.setVideoFrameInput(source)

        self._start_timer = QTimer(self)
        self._start_timer.setSingleShot(True)
        self._start_timer.setInterval(start_timeout_ms)
        self._start_timer.timeout.connect(self._on_start_timeout)

        # No parent: a parent deleting a running QThread aborts the program. The finalizer below
        # joins it instead.
        self._thread = QThread()
        self._thread.setObjectName("camera-decoder")
        self._decoder = FrameDecoder()
        self._decoder.moveToThread(self._thread)
        self._to_worker.connect(self._decoder.decode, Qt.ConnectionType.QueuedConnection)
        self._decoder.processed.connect(self._on_processed, Qt.ConnectionType.QueuedConnection)
        # However this object goes (Python GC, a parent deleting it, interpreter exit), the worker
        # is joined before the QThread can be destroyed while running.
        self._finalizer = weakref.finalize(self, _stop_thread, self._thread)
        self.destroyed.connect(self._finalizer)

        if source is None:
            self._media_devices = QMediaDevices(self)
            self._media_devices.videoInputsChanged.connect(self._on_inputs_changed)
            if not self._devices():
                self._state = CameraState.NO_CAMERA

    # -- public API ----------------------------------------------------------------------------

    @property
    def state(self) -> CameraState:
        return self._state

    @property
    def error_text(self) -> str:
        """Why the state is ``error`` (English, from Qt or this module); empty otherwise."""
        return self._error_text

    @property
    def worker_thread(self) -> QThread:
        return self._thread

    def available_cameras(self) -> list[tuple[str, str]]:
        """(id, description) of each camera, the system default first."""
        if self._source is not None:
            return []
        return [(camera_id(d), d.description()) for d in self._ordered_devices()]

    def current_camera(self) -> str | None:
        """Id of the camera in use or chosen, or None."""
        if self._camera is not None:
            return camera_id(self._camera.cameraDevice())
        return self._selected_id

    def set_camera(self, device_id: str) -> bool:
        """Use the camera with this id (restarting if running); False if there is no such camera."""
        if not any(camera_id(d) == device_id for d in self._ordered_devices()):
            return False
        self._selected_id = device_id
        if self._camera is not None and camera_id(self._camera.cameraDevice()) != device_id:
            self._drop_camera()
            if self._wanted:
                self._start_camera()
        return True

    @Slot()
    def start(self) -> None:
        try:
            self._wanted = True
            if self._state in (CameraState.STARTING, CameraState.ACTIVE):
                return
            self._last_seen.clear()
            if self._source is not None:
                self._start_worker()
                self._set_state(CameraState.STARTING)
                self._start_timer.start()
            else:
                self._start_camera()
        except Exception as exc:
            log.exception("Could not start the camera")
            self._fail(str(exc))

    @Slot()
    def stop(self) -> None:
        """Stop the camera and join the worker thread."""
        try:
            self._wanted = False
            self._start_timer.stop()
            self._drop_camera()
            self._pending = None
            _stop_thread(self._thread)
            self._busy = False
            no_camera = self._source is None and not self._devices()
            self._set_state(CameraState.NO_CAMERA if no_camera else CameraState.STOPPED)
        except Exception:
            log.exception("Could not stop the camera cleanly")

    # -- internals -----------------------------------------------------------------------------

    def _ordered_devices(self) -> list[QCameraDevice]:
        devices = list(self._devices())
        default = QMediaDevices.defaultVideoInput()
        devices.sort(key=lambda d: d != default)
        return devices

    def _start_worker(self) -> None:
        if not self._thread.isRunning():
            self._run += 1
            self._busy = False
            self._pending = None
            self._thread.start()

    def _start_camera(self) -> None:
        devices = self._ordered_devices()
        if not devices:
            self._set_state(CameraState.NO_CAMERA)
            return
        device = next((d for d in devices if camera_id(d) == self._selected_id), devices[0])
        camera = QCamera(device, self)
        fmt = choose_format(device.videoFormats())
        if fmt is not None:
            camera.setCameraFormat(fmt)
            log.info(
                "Camera %s: %dx%d %s up to %.0f fps",
                device.description(),
                fmt.resolution().width(),
                fmt.resolution().height(),
                fmt.pixelFormat().name,
                fmt.maxFrameRate(),
            )
        camera.errorOccurred.connect(self._on_camera_error)
        camera.activeChanged.connect(self._on_camera_active)
        self._camera = camera
        if camera.error() != QCamera.Error.NoError:  # e.g. unplugged since it was listed
            self._fail(camera.errorString())
            return
        self._session.setCamera(camera)
        self._start_worker()
        self._set_state(CameraState.STARTING)
        self._start_timer.start()
        camera.start()

    def _drop_camera(self) -> None:
        camera, self._camera = self._camera, None
        if camera is None:
            return
        camera.errorOccurred.disconnect(self._on_camera_error)
        camera.activeChanged.disconnect(self._on_camera_active)
        camera.stop()
        self._session.setCamera(None)  # type: ignore[arg-type]  # stubs miss the None
        camera.deleteLater()

    def _set_state(self, state: CameraState, error_text: str = "") -> None:
        self._error_text = error_text
        if state != self._state:
            self._state = state
            self.state_changed.emit(state.value)

    def _fail(self, text: str) -> None:
        self._start_timer.stop()
        self._drop_camera()
        self._pending = None
        _stop_thread(self._thread)
        self._set_state(CameraState.ERROR, text or "The camera failed")

    def _scanning(self) -> bool:
        return self._wanted and self._state in (CameraState.STARTING, CameraState.ACTIVE)

    @Slot(QVideoFrame)
    def _on_frame(self, frame: QVideoFrame) -> None:
        try:
            if not self._scanning() or not self._thread.isRunning():
                return
            if self._state is CameraState.STARTING and frame.isValid():
                self._start_timer.stop()
                self._set_state(CameraState.ACTIVE)
            if self._busy:
                self._pending = frame  # latest wins: replaces any older frame still waiting
                return
            self._busy = True
            self._to_worker.emit(frame, self._run)
        except Exception:
            log.exception("Could not pass a camera frame on")

    @Slot(int, list, QImage, float)
    def _on_processed(self, run: int, texts: list[str], gray: QImage, seconds: float) -> None:
        try:
            if run != self._run:
                return  # decoded before the last stop()
            self._busy = False
            if not self._scanning():
                return
            pending, self._pending = self._pending, None
            if pending is not None:
                self._busy = True
                self._to_worker.emit(pending, self._run)
            if not gray.isNull():
                self.preview.emit(gray)
            self.frame_processed.emit(seconds)
            for text in texts:
                if self._is_new(text):
                    self.decoded.emit(text)
        except Exception:
            log.exception("Could not handle a decoded camera frame")

    def _is_new(self, text: str) -> bool:
        """Record a sighting; True unless the same text was seen within the window."""
        now = self._clock()
        last = self._last_seen.get(text)
        self._last_seen[text] = now
        if len(self._last_seen) > 64:
            cutoff = now - self.repeat_window
            self._last_seen = {t: s for t, s in self._last_seen.items() if s >= cutoff}
        return last is None or now - last >= self.repeat_window

    @Slot(QCamera.Error, str)
    def _on_camera_error(self, error: QCamera.Error, text: str) -> None:
        try:
            if error != QCamera.Error.NoError:
                log.warning("Camera error %s: %s", error.name, text)
                self._fail(text)
        except Exception:
            log.exception("Could not handle a camera error")

    @Slot(bool)
    def _on_camera_active(self, active: bool) -> None:
        try:
            if not active and self._scanning():
                self._fail("The camera stopped")
        except Exception:
            log.exception("Could not handle a camera state change")

    @Slot()
    def _on_start_timeout(self) -> None:
        try:
            if self._state is CameraState.STARTING:
                self._fail("The camera sends no picture")
        except Exception:
            log.exception("Could not handle the camera start timeout")

    @Slot()
    def _on_inputs_changed(self) -> None:
        """A camera was plugged in or out."""
        try:
            ids = {camera_id(d) for d in self._devices()}
            if self._camera is not None and camera_id(self._camera.cameraDevice()) not in ids:
                self._drop_camera()
            if not ids:
                self._start_timer.stop()
                self._set_state(CameraState.NO_CAMERA)
            elif self._wanted and self._camera is None:
                self._start_camera()
            elif self._state is CameraState.NO_CAMERA:
                self._set_state(CameraState.STOPPED)
            self.cameras_changed.emit()
        except Exception:
            log.exception("Could not follow a camera change")
