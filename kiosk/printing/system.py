"""Printers the operating system knows (CUPS, Windows spooler, macOS) through Qt, without a dialog.

``system://Office_Printer?media=A6&dpi=300`` or ``system://default``. The badge is drawn at its
physical size (pixels / dpi) on the configured page: A4, A5, A6, Letter, CR80 (85.6 × 54 mm),
62x100 (62 mm labels), 4x3in, 4x6in, with no margins (``setFullPage``). The driver does the rest.

Qt needs an application object before a ``QPrinter`` can exist. :func:`ensure_gui_application`
reuses the running one (the desk UI's ``QApplication``) or creates a ``QGuiApplication`` — on
Linux without a display it sets ``QT_QPA_PLATFORM=offscreen`` first, which is enough to print.
Create the UI's ``QApplication`` *before* the first system print if the process has a UI.
Like all Qt painting, printing must run on the thread that owns the application.
"""

from __future__ import annotations

import os
import sys

from PIL import Image
from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from kiosk.printing.base import Fault, Media, PrinterError, PrinterStatus, Readiness
from kiosk.printing.media import AddressedPrinter
from kiosk.printing.uri import PAGES, Kind, PrinterAddress, format_uri, parse_uri

_app: QCoreApplication | None = None  # the application we created, kept alive


def ensure_gui_application() -> QCoreApplication:
    """The running Qt application, or a new QGuiApplication (offscreen when there is no display)."""
    global _app
    app = QCoreApplication.instance()
    if app is None:
        if (
            sys.platform.startswith("linux")
            and not os.environ.get("DISPLAY")
            and not os.environ.get("WAYLAND_DISPLAY")
        ):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = _app = QGuiApplication(["kiosk"])
    elif not isinstance(app, QGuiApplication):
        raise PrinterError(
            Fault.UNSUPPORTED,
            "System printing needs a Qt GUI application, but this process created a console one",
        )
    return app


def page_size(media_name: str) -> QPageSize:
    """The Qt page size for a PAGES key (standard ids where Qt has them, else custom mm)."""
    standard = {
        "A4": QPageSize.PageSizeId.A4,
        "A5": QPageSize.PageSizeId.A5,
        "A6": QPageSize.PageSizeId.A6,
        "LETTER": QPageSize.PageSizeId.Letter,
    }
    if media_name in standard:
        return QPageSize(standard[media_name])
    width, height = PAGES[media_name]
    return QPageSize(
        QSizeF(width, height),
        QPageSize.Unit.Millimeter,
        media_name,
        QPageSize.SizeMatchPolicy.ExactMatch,
    )


def to_qimage(image: Image.Image) -> QImage:
    """A QImage that owns a copy of the pixels (1-bit and gray become Grayscale8)."""
    if image.mode in {"1", "L"}:
        gray = image.convert("L")
        data = gray.tobytes()
        return QImage(
            data, gray.width, gray.height, gray.width, QImage.Format.Format_Grayscale8
        ).copy()
    rgb = image.convert("RGB")
    data = rgb.tobytes()
    return QImage(data, rgb.width, rgb.height, rgb.width * 3, QImage.Format.Format_RGB888).copy()


def draw_badges(
    printer: QPrinter, image: Image.Image, media: Media, *, page: str, copies: int = 1
) -> None:
    """Draw ``copies`` pages, each with the image at its physical size, centred on ``page``.

    ``printer`` is set up here (page size, no margins); it may be a real printer or a PDF file.
    Raises PrinterError(FAILED) when the driver refuses.
    """
    ensure_gui_application()
    layout = QPageLayout(
        page_size(page),
        QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0),
        QPageLayout.Unit.Millimeter,
    )
    printer.setFullPage(True)
    if not printer.setPageLayout(layout):
        raise PrinterError(
            Fault.UNSUPPORTED,
            f"The printer {_name(printer)!r} does not accept {page} pages",
        )
    picture = to_qimage(image)
    resolution = printer.resolution()
    scale = resolution / media.dpi
    paper = printer.pageLayout().fullRectPixels(resolution)
    width, height = image.width * scale, image.height * scale
    target = QRectF(
        paper.x() + max(0.0, (paper.width() - width) / 2),
        paper.y() + max(0.0, (paper.height() - height) / 2),
        width,
        height,
    )
    painter = QPainter()
    if not painter.begin(printer):
        raise PrinterError(
            Fault.FAILED,
            f"The print job could not start on {_name(printer)!r} — "
            "check the printer in the system settings, then Retry",
        )
    try:
        # 1-bit badges stay sharp; photos and colour are smoothed.
        painter.setRenderHint(
            QPainter.RenderHint.SmoothPixmapTransform, not media.thermal and image.mode != "1"
        )
        for copy in range(copies):
            if copy and not printer.newPage():
                raise PrinterError(Fault.FAILED, "The printer refused a new page")
            painter.drawImage(target, picture)
    finally:
        painter.end()
    if printer.printerState() in {QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted}:
        raise PrinterError(Fault.FAILED, f"The printer {printer.printerName()!r} reported an error")


def _name(printer: QPrinter) -> str:
    return printer.printerName() or printer.outputFileName()


def _info(name: str) -> QPrinterInfo:
    if name.lower() == "default":
        return QPrinterInfo.defaultPrinter()
    return QPrinterInfo.printerInfo(name)


class SystemPrinter(AddressedPrinter):
    """A printer of the operating system, by name (``system://default`` for the default one)."""

    def __init__(self, address: PrinterAddress | str) -> None:
        parsed = parse_uri(address) if isinstance(address, str) else address
        if parsed.kind is not Kind.SYSTEM:
            raise PrinterError(
                Fault.BAD_ADDRESS, f"{format_uri(parsed)} is not a system:// address"
            )
        super().__init__(parsed)
        self._page = parsed.media or "A6"

    def _not_found(self) -> PrinterError:
        name = self._address.name
        known = QPrinterInfo.availablePrinterNames()
        listing = (
            f" (this computer has: {', '.join(known)})" if known else " (this computer has none)"
        )
        what = (
            "No default printer is set"
            if name.lower() == "default"
            else f"No printer named {name!r}"
        )
        return PrinterError(
            Fault.NOT_FOUND,
            f"{what}{listing} — check the name in the system's printer settings",
            printer=self._uri,
        )

    def print_image(self, image: Image.Image, *, copies: int = 1) -> None:
        if copies < 1:
            return
        try:
            ensure_gui_application()
            info = _info(self._address.name)
            if info.isNull():
                raise self._not_found()
            printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
            printer.setDocName("Kiosk badge")
            printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
            draw_badges(printer, image, self._media, page=self._page, copies=copies)
        except PrinterError as exc:
            exc.printer = exc.printer or self._uri
            raise
        except Exception as exc:
            raise PrinterError(
                Fault.FAILED, f"Printing to {self._address.name!r} failed: {exc}", printer=self._uri
            ) from exc

    def status(self, timeout: float = 2.0) -> PrinterStatus:
        try:
            info = _info(self._address.name)
            if info.isNull():
                return PrinterStatus(Readiness.UNREACHABLE, str(self._not_found()))
            state = info.state()
        except Exception as exc:
            return PrinterStatus(Readiness.UNKNOWN, f"could not ask the system: {exc}")
        name = info.printerName()
        if state in {QPrinter.PrinterState.Idle, QPrinter.PrinterState.Active}:
            return PrinterStatus(Readiness.READY, f"system printer {name!r}: {state.name}")
        if state is QPrinter.PrinterState.Error:
            return PrinterStatus(Readiness.OFFLINE, f"system printer {name!r} reports an error")
        # Aborted: the last job was cancelled; that says nothing about the printer now.
        return PrinterStatus(Readiness.UNKNOWN, f"system printer {name!r}: {state.name}")

    def close(self) -> None:
        """Every job is handed to the spooler when print_image returns."""
