"""System printers through Qt: the drawing path proven on a PDF-mode QPrinter, offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from kiosk.printing.base import Fault, Media, PrinterError, Readiness
from kiosk.printing.system import SystemPrinter, draw_badges
from tests.printing.conftest import qr_badge

MM = 72 / 25.4


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_a_badge_is_drawn_on_an_a6_page(qapp: QApplication, tmp_path: Path) -> None:
    target = tmp_path / "a6.pdf"
    badge = qr_badge(width=1240, height=1748).convert("L")  # A6 at 300 dpi
    draw_badges(pdf_printer(target), badge, Media(1240, 300, False, 1748), page="A6")
    reader = PdfReader(target)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((105 * MM, 148 * MM), abs=1)
    images = reader.pages[0].images
    assert len(images) == 1
    assert images[0].image is not None
    assert images[0].image.size == (1240, 1748)


def test_a_cr80_card_page_is_landscape_and_copies_are_pages(
    qapp: QApplication, tmp_path: Path
) -> None:
    target = tmp_path / "cr80.pdf"
    card = Image.new("1", (1011, 638), 1)
    draw_badges(pdf_printer(target), card, Media(1011, 300, False, 638), page="CR80", copies=2)
    reader = PdfReader(target)
    assert len(reader.pages) == 2
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((85.6 * MM, 54 * MM), abs=1)


def test_a_62_mm_label_page_is_custom_sized(qapp: QApplication, tmp_path: Path) -> None:
    target = tmp_path / "label.pdf"
    draw_badges(
        pdf_printer(target), Image.new("L", (732, 1181), 255), Media(732, 300, False), page="62X100"
    )
    box = PdfReader(target).pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((62 * MM, 100 * MM), abs=1)


def test_a_missing_printer_is_not_found_and_unreachable(qapp: QApplication) -> None:
    printer = SystemPrinter("system://Kiosk_No_Such_Printer?media=A6")
    assert (printer.media.width_px, printer.media.dpi, printer.media.thermal) == (1240, 300, False)
    with pytest.raises(PrinterError) as caught:
        printer.print_image(Image.new("1", (100, 100), 1))
    assert caught.value.kind is Fault.NOT_FOUND
    assert "No printer named 'Kiosk_No_Such_Printer'" in str(caught.value)
    assert caught.value.printer == printer.uri
    assert printer.status().readiness is Readiness.UNREACHABLE
