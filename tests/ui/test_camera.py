"""Camera QR scanning: frames pushed through QVideoFrameInput, offscreen, no camera needed."""



from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import ClassVar

import pytest

from tests.ui.multimedia import SKIP_REASON

if SKIP_REASON is not None:  # before Qt Multimedia is imported: a skip, not a collection error
    pytest.skip(SKIP_REASON, allow_module_level=True)

import qrcode
import shiboken6
from PIL import Image
from PySide6.QtCore import QEvent, QObject, QSize, QTranslator
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtMultimedia import (
    QCameraDevice,
    QMediaDevices,
    QVideoFrame,
    QVideoFrameFormat,
    QVideoFrameInput,
)
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.tickets.images import qr_image
from kiosk.ui import camera
from kiosk.ui.camera import CameraScanner, CameraState, format_preference, gray_image
from kiosk.ui.widgets.camera_view import CameraView

PixelFormat = QVideoFrameFormat.PixelFormat
WIDTH, HEIGHT = 1280, 720


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def qr_picture(text: str) -> Image.Image:
    """A 720p grayscale picture of a desk with a QR code on it."""
    code = qrcode.make(text, box_size=8, border=4).get_image().convert("L")
    picture = Image.new("L", (WIDTH, HEIGHT), 235)
    picture.paste(code, (420, 90))
    return picture


def blank_picture() -> Image.Image:
    return Image.new("L", (WIDTH, HEIGHT), 235)


def rgb_frame(picture: Image.Image) -> QVideoFrame:
    """QImage (RGB32) -> QVideoFrame, as a test would get a screenshot into the pipeline."""
    gray = QImage(
        picture.tobytes(), picture.width, picture.height, picture.width,
        QImage.Format.Format_Grayscale8,
    ).copy()  # fmt: skip
    image = QImage(picture.width, picture.height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.drawImage(0, 0, gray)
    painter.end()
    return QVideoFrame(image)


def plane(frame: QVideoFrame, index: int) -> memoryview:
    """Plane ``index`` of a frame mapped for writing."""
    bits = frame.bits(index)
    assert isinstance(bits, memoryview)
    return bits


def nv12_frame(picture: Image.Image) -> QVideoFrame:
    """A frame as most cameras deliver it: luma plane + interleaved chroma."""
    size = QSize(picture.width, picture.height)
    frame = QVideoFrame(QVideoFrameFormat(size, PixelFormat.Format_NV12))
    assert frame.map(QVideoFrame.MapMode.WriteOnly)
    luma, stride, width = plane(frame, 0), frame.bytesPerLine(0), picture.width
    rows = picture.tobytes()
    for y in range(picture.height):
        luma[y * stride : y * stride + width] = rows[y * width : (y + 1) * width]
    chroma = plane(frame, 1)
    chroma[:] = b"\x80" * len(chroma)
    frame.unmap()
    return frame


@pytest.fixture
def clock() -> FakeClock:  # overrides the datetime clock of tests/conftest.py
    return FakeClock()


@pytest.fixture
def source(qtbot: QtBot) -> QVideoFrameInput:
    return QVideoFrameInput()


@pytest.fixture
def scanner(qtbot: QtBot, source: QVideoFrameInput, clock: FakeClock) -> Iterator[CameraScanner]:
    scanner = CameraScanner(source=source, clock=clock)
    scanner.start()
    yield scanner
    scanner.stop()


def push(
    qtbot: QtBot, scanner: CameraScanner, source: QVideoFrameInput, frame: QVideoFrame
) -> None:
    """Send one frame and wait until the worker has been through it."""
    with qtbot.waitSignal(scanner.frame_processed, timeout=5000):
        assert source.sendVideoFrame(frame)


def decoded_texts(
    qtbot: QtBot, scanner: CameraScanner, source: QVideoFrameInput, frame: QVideoFrame
) -> list[str]:
    found: list[str] = []
    scanner.decoded.connect(found.append)
    try:
        push(qtbot, scanner, source, frame)
    finally:
        scanner.decoded.disconnect(found.append)
    return found


# -- decoding ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["EVT25-000777", "Иван Иванов · Ștefănescu"], ids=["ascii", "cyrillic-romanian"]
)
def test_a_qr_code_in_an_rgb_frame_is_decoded_to_its_exact_text(
    qtbot: QtBot, scanner: CameraScanner, source: QVideoFrameInput, text: str
) -> None:
    with qtbot.waitSignal(scanner.decoded, timeout=5000) as signal:
        assert source.sendVideoFrame(rgb_frame(qr_picture(text)))
    assert signal.args == [text]


def test_a_qr_code_in_an_nv12_frame_is_read_from_the_luma_plane(
    qtbot: QtBot, scanner: CameraScanner, source: QVideoFrameInput
) -> None:
    frame = nv12_frame(qr_picture("EVT25-004242"))
    assert decoded_texts(qtbot, scanner, source, frame) == ["EVT25-004242"]


# A signed ticket's QR code one row of whose modules also reads as the ITF barcode "5674" to a
# decoder asked for every kind of barcode (zxing-cpp 3.1; CI found it in a test).
ITF_LOOKALIKE = (
    "8096400120791298376778163808465220863383480058618546833238911538245311211473603548135114"
    "2191392545830843539563094034090601451134909004312521579266282887107091937950372771748561"
    "09769011439668292853216359579505837179615600930888630514954508875583062135432728094448143"
)


def test_a_ticket_whose_qr_modules_look_like_a_1d_barcode_is_read_as_its_one_code(
    qtbot: QtBot, scanner: CameraScanner, source: QVideoFrameInput
) -> None:
    ticket = qr_image(ITF_LOOKALIKE).convert("L")
    assert camera.read_qr_codes(ticket) == [ITF_LOOKALIKE]
    picture = blank_picture()
    picture.paste(ticket.resize((600, 600)), (340, 60))
    assert decoded_texts(qtbot, scanner, source, rgb_frame(picture)) == [ITF_LOOKALIKE]


def test_a_frame_without_a_code_yields_nothing(
    qtbot: QtBot, scanner: CameraScanner, source: QVideoFrameInput
) -> None:
    assert decoded_texts(qtbot, scanner, source, rgb_frame(blank_picture())) == []
    assert decoded_texts(qtbot, scanner, source, nv12_frame(blank_picture())) == []


def test_the_first_picture_makes_the_scanner_active(
    qtbot: QtBot, source: QVideoFrameInput, clock: FakeClock
) -> None:
    scanner = CameraScanner(source=source, clock=clock)
    states: list[str] = []
    scanner.state_changed.connect(states.append)
    scanner.start()
    assert scanner.state == "starting"
    push(qtbot, scanner, source, rgb_frame(blank_picture()))
    scanner.stop()
    assert states == ["starting", "active", "stopped"]


def test_a_frame_sent_while_stopped_is_not_decoded(
    qtbot: QtBot, source: QVideoFrameInput, clock: FakeClock
) -> None:
    scanner = CameraScanner(source=source, clock=clock)
    with qtbot.assertNotEmitted(scanner.frame_processed, wait=200):
        source.sendVideoFrame(rgb_frame(qr_picture("EVT25-000001")))
    assert scanner.state == "stopped"


# -- repeats -----------------------------------------------------------------------------------


def test_the_same_code_seen_again_within_the_window_yields_one_decoded(
    qtbot: QtBot, scanner: CameraScanner, source: QVideoFrameInput, clock: FakeClock
) -> None:
    picture = qr_picture("EVT25-000777")  # a new frame each time: the sink skips a repeat
    assert decoded_texts(qtbot, scanner, source, rgb_frame(picture)) == ["EVT25-000777"]
    clock.now += 2.9
    assert decoded_texts(qtbot, scanner, source, rgb_frame(picture)) == []


def test_the_same_code_seen_again_after_the_window_yields_again(
    qtbot: QtBot, scanner: CameraScanner, source: QVideoFrameInput, clock: FakeClock
) -> None:
    picture = qr_picture("EVT25-000777")  # a new frame each time: the sink skips a repeat
    assert decoded_texts(qtbot, scanner, source, rgb_frame(picture)) == ["EVT25-000777"]
    clock.now += 3.0
    assert decoded_texts(qtbot, scanner, source, rgb_frame(picture)) == ["EVT25-000777"]


def test_a_badge_held_in_front_of_the_camera_is_reported_once(
    qtbot: QtBot, scanner: CameraScanner, source: QVideoFrameInput, clock: FakeClock
) -> None:
    picture = qr_picture("EVT25-000777")  # a new frame each time: the sink skips a repeat
    seen = []
    for _ in range(5):  # seen every 2 s for 8 s: the window runs from the last sighting
        seen += decoded_texts(qtbot, scanner, source, rgb_frame(picture))
        clock.now += 2.0
    assert seen == ["EVT25-000777"]


def test_another_code_within_the_window_is_reported(
    qtbot: QtBot, scanner: CameraScanner, source: QVideoFrameInput, clock: FakeClock
) -> None:
    assert decoded_texts(qtbot, scanner, source, rgb_frame(qr_picture("EVT25-000001"))) == [
        "EVT25-000001"
    ]
    clock.now += 0.5
    assert decoded_texts(qtbot, scanner, source, rgb_frame(qr_picture("EVT25-000002"))) == [
        "EVT25-000002"
    ]


def test_the_repeat_window_is_configurable(
    qtbot: QtBot, source: QVideoFrameInput, clock: FakeClock
) -> None:
    scanner = CameraScanner(source=source, clock=clock, repeat_window=10.0)
    scanner.start()
    picture = qr_picture("EVT25-000777")  # a new frame each time: the sink skips a repeat
    assert decoded_texts(qtbot, scanner, source, rgb_frame(picture)) == ["EVT25-000777"]
    clock.now += 9.0
    assert decoded_texts(qtbot, scanner, source, rgb_frame(picture)) == []
    scanner.stop()


# -- the worker --------------------------------------------------------------------------------


def test_while_the_worker_is_busy_only_the_latest_frame_waits(
    qtbot: QtBot, scanner: CameraScanner, source: QVideoFrameInput
) -> None:
    found: list[str] = []
    scanner.decoded.connect(found.append)
    frames = [rgb_frame(qr_picture(f"EVT25-00000{n}")) for n in (1, 2, 3)]
    # All three arrive before the GUI thread hears back from the worker: the first is decoded,
    # the second is replaced by the third while it waits.
    for frame in frames:
        assert source.sendVideoFrame(frame)
    qtbot.waitUntil(lambda: len(found) == 2, timeout=5000)
    with qtbot.assertNotEmitted(scanner.frame_processed, wait=200):
        pass
    assert found == ["EVT25-000001", "EVT25-000003"]


def test_a_failing_decode_is_logged_and_scanning_goes_on(
    qtbot: QtBot,
    scanner: CameraScanner,
    source: QVideoFrameInput,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    real = camera.read_qr_codes
    calls = 0

    def flaky(image: Image.Image) -> list[str]:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise RuntimeError("decoder exploded")
        return real(image)

    monkeypatch.setattr(camera, "read_qr_codes", flaky)
    picture = qr_picture("EVT25-000777")  # a new frame each time: the sink skips a repeat
    with caplog.at_level(logging.ERROR, logger="kiosk.ui.camera"):
        assert decoded_texts(qtbot, scanner, source, rgb_frame(picture)) == []
    assert "decoder exploded" in caplog.text
    assert decoded_texts(qtbot, scanner, source, rgb_frame(picture)) == ["EVT25-000777"]


def test_stopping_joins_the_worker_thread(
    qtbot: QtBot, source: QVideoFrameInput, clock: FakeClock
) -> None:
    scanner = CameraScanner(source=source, clock=clock)
    scanner.start()
    push(qtbot, scanner, source, rgb_frame(qr_picture("EVT25-000777")))
    assert scanner.worker_thread.isRunning()
    scanner.stop()
    assert scanner.worker_thread.isFinished()
    assert scanner.state == "stopped"


def test_the_scanner_starts_again_after_a_stop(
    qtbot: QtBot, source: QVideoFrameInput, clock: FakeClock
) -> None:
    scanner = CameraScanner(source=source, clock=clock)
    for _ in range(2):
        scanner.start()
        frame = rgb_frame(qr_picture("EVT25-000777"))
        assert decoded_texts(qtbot, scanner, source, frame) == ["EVT25-000777"]
        scanner.stop()
    assert scanner.worker_thread.isFinished()


def test_deleting_a_running_scanner_joins_its_worker_thread(
    qtbot: QtBot, source: QVideoFrameInput, clock: FakeClock
) -> None:
    parent = QObject()
    scanner = CameraScanner(parent, source=source, clock=clock)
    scanner.start()
    push(qtbot, scanner, source, rgb_frame(blank_picture()))
    thread = scanner.worker_thread
    shiboken6.delete(parent)  # deletes the scanner in C++, as a closing window would
    assert thread.isFinished()


def test_a_start_without_pictures_times_out_into_the_error_state(
    qtbot: QtBot, source: QVideoFrameInput, clock: FakeClock
) -> None:
    scanner = CameraScanner(source=source, clock=clock, start_timeout_ms=50)
    with qtbot.waitSignal(scanner.state_changed, check_params_cb=lambda s: s == "error"):
        scanner.start()
    assert scanner.error_text
    scanner.stop()
    assert scanner.worker_thread.isFinished()


def test_a_camera_that_cannot_be_opened_shows_the_error_state_with_the_reason(
    qtbot: QtBot,
) -> None:
    scanner = CameraScanner(devices=lambda: [QCameraDevice()])  # listed, but not a real camera
    with qtbot.waitSignal(scanner.state_changed, check_params_cb=lambda s: s == "error"):
        scanner.start()
    assert scanner.error_text  # Qt says "No camera detected"
    assert not scanner.worker_thread.isRunning()
    scanner.stop()
    assert scanner.state == "stopped"


# -- no camera ---------------------------------------------------------------------------------


def test_this_machine_without_a_camera_shows_the_no_camera_state(qtbot: QtBot) -> None:
    if QMediaDevices.videoInputs():
        pytest.skip("this machine has a camera")
    scanner = CameraScanner()
    assert scanner.state == "no_camera"
    assert scanner.available_cameras() == []
    scanner.start()
    assert scanner.state == "no_camera"
    scanner.stop()
    assert scanner.state == "no_camera"


def test_an_empty_camera_list_means_no_camera_and_start_is_harmless(qtbot: QtBot) -> None:
    scanner = CameraScanner(devices=list)
    states: list[str] = []
    scanner.state_changed.connect(states.append)
    assert scanner.state is CameraState.NO_CAMERA
    scanner.start()
    scanner.stop()
    assert states == []
    assert not scanner.worker_thread.isRunning()
    assert scanner.set_camera("/dev/video0") is False


# -- frames to grayscale -----------------------------------------------------------------------


def test_the_luma_plane_is_read_without_its_row_padding(qtbot: QtBot) -> None:
    width, height = 37, 5  # an odd width: rows are padded in memory
    frame = QVideoFrame(QVideoFrameFormat(QSize(width, height), PixelFormat.Format_Y8))
    assert frame.map(QVideoFrame.MapMode.WriteOnly)
    stride, bits = frame.bytesPerLine(0), plane(frame, 0)
    bits[:] = b"\x00" * len(bits)
    for y in range(height):
        bits[y * stride : y * stride + width] = bytes((x + y) % 256 for x in range(width))
    frame.unmap()
    gray = gray_image(frame)
    assert gray is not None
    assert gray.size == (width, height)
    assert gray.tobytes() == bytes((x + y) % 256 for y in range(height) for x in range(width))


@pytest.mark.parametrize(
    ("pixel_format", "luma_first"),
    [(PixelFormat.Format_YUYV, True), (PixelFormat.Format_UYVY, False)],
)
def test_packed_yuv_frames_give_their_luma_bytes(
    qtbot: QtBot, pixel_format: PixelFormat, luma_first: bool
) -> None:
    width, height = 8, 2
    frame = QVideoFrame(QVideoFrameFormat(QSize(width, height), pixel_format))
    assert frame.map(QVideoFrame.MapMode.WriteOnly)
    stride, bits = frame.bytesPerLine(0), plane(frame, 0)
    for y in range(height):
        for x in range(width):
            luma, chroma = 10 * x + y, 128
            pair = (luma, chroma) if luma_first else (chroma, luma)
            bits[y * stride + 2 * x : y * stride + 2 * x + 2] = bytes(pair)
    frame.unmap()
    gray = gray_image(frame)
    assert gray is not None
    assert gray.tobytes() == bytes(10 * x + y for y in range(height) for x in range(width))


def test_an_empty_frame_has_no_picture(qtbot: QtBot) -> None:
    assert gray_image(QVideoFrame()) is None


def test_the_camera_format_prefers_720p_yuv_at_full_frame_rate() -> None:
    options = {
        "1080p NV12 30": (1920, 1080, PixelFormat.Format_NV12, 30.0),
        "720p MJPEG 30": (1280, 720, PixelFormat.Format_Jpeg, 30.0),
        "720p YUYV 30": (1280, 720, PixelFormat.Format_YUYV, 30.0),
        "720p YUYV 10": (1280, 720, PixelFormat.Format_YUYV, 10.0),
        "480p YUYV 30": (640, 480, PixelFormat.Format_YUYV, 30.0),
    }
    ranked = sorted(options, key=lambda k: format_preference(*options[k]), reverse=True)
    assert ranked == [
        "720p YUYV 30",
        "720p MJPEG 30",
        "480p YUYV 30",
        "720p YUYV 10",
        "1080p NV12 30",
    ]


# -- the view ----------------------------------------------------------------------------------


@pytest.mark.parametrize("devices", ["this machine", "an empty list"])
def test_the_view_without_a_camera_says_to_use_the_usb_scanner(qtbot: QtBot, devices: str) -> None:
    if devices == "this machine":
        if QMediaDevices.videoInputs():
            pytest.skip("this machine has a camera")
        view = CameraView()
    else:
        view = CameraView(scanner=CameraScanner(devices=list))
    qtbot.addWidget(view)
    assert view.status.text() == "No camera found — use the USB scanner or search by name"
    assert not view.toggle.isEnabled()
    assert view.picker.isHidden()


def test_the_view_shows_each_state_and_forwards_codes(
    qtbot: QtBot, source: QVideoFrameInput, clock: FakeClock
) -> None:
    scanner = CameraScanner(source=source, clock=clock)
    view = CameraView(scanner=scanner)
    qtbot.addWidget(view)
    assert view.status.text() == "The camera is off"
    view.toggle.click()
    assert view.status.text() == "Starting camera…"
    assert view.toggle.text() == "Stop camera"
    with qtbot.waitSignal(view.decoded, timeout=5000) as signal:
        source.sendVideoFrame(rgb_frame(qr_picture("EVT25-000777")))
    assert signal.args == ["EVT25-000777"]
    assert view.status.text() == "Point the QR code at the camera"
    qtbot.waitUntil(lambda: not view.preview.image.isNull(), timeout=5000)
    assert view.preview.image.size() == QSize(WIDTH, HEIGHT)
    view.grab()  # paints the mirrored preview
    view.toggle.click()
    assert view.status.text() == "The camera is off"
    assert view.preview.image.isNull()
    assert scanner.worker_thread.isFinished()


class Romanian(QTranslator):
    WORDS: ClassVar[dict[str, str]] = {
        "Starting camera…": "Pornire cameră…",
        "Stop camera": "Oprește camera",
    }

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return self.WORDS.get(source, "") if context == "CameraView" else ""

    def isEmpty(self) -> bool:
        return False


def test_the_view_changes_language_at_runtime(
    qtbot: QtBot, source: QVideoFrameInput, clock: FakeClock
) -> None:
    view = CameraView(scanner=CameraScanner(source=source, clock=clock))
    qtbot.addWidget(view)
    view.toggle.click()
    translator = Romanian()
    app = QApplication.instance()
    assert app is not None
    app.installTranslator(translator)  # sends LanguageChange to every widget
    try:
        QApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        assert view.status.text() == "Pornire cameră…"
        assert view.toggle.text() == "Oprește camera"
    finally:
        app.removeTranslator(translator)
        view.scanner.stop()
    assert view.status.text() == "The camera is off"
