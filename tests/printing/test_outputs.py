"""PDF, PNG and memory printers: files appear whole or not at all, and read back as printed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageChops
from pypdf import PdfReader

from kiosk.printing.base import Fault, Printer, PrinterError, Readiness
from kiosk.printing.outputs import MemoryPrinter, PdfOutput, PngFolder
from tests.printing.conftest import qr_badge


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_png_folder_writes_numbered_pngs_with_their_dpi(tmp_path: Path, badge: Image.Image) -> None:
    out = PngFolder(f"png://{tmp_path}/badges?profile=TM-T20II")
    out.print_image(badge)
    out.print_image(badge, copies=2)
    folder = tmp_path / "badges"
    assert sorted(p.name for p in folder.iterdir()) == [
        "badge-0001.png",
        "badge-0002.png",
        "badge-0003.png",
    ]
    with Image.open(folder / "badge-0003.png") as png:
        assert png.info["dpi"] == pytest.approx((203, 203), abs=0.01)  # stored per metre
        assert ImageChops.difference(png.convert("L"), badge.convert("L")).getbbox() is None


def test_png_numbering_continues_after_existing_files(tmp_path: Path, badge: Image.Image) -> None:
    badge.save(tmp_path / "badge-0041.png")
    PngFolder(f"png://{tmp_path}").print_image(badge)
    assert (tmp_path / "badge-0042.png").exists()


def test_a_pdf_file_gets_one_page_per_badge_at_the_badge_size(
    tmp_path: Path, badge: Image.Image
) -> None:
    target = tmp_path / "badges.pdf"
    out = PdfOutput(f"pdf://{target}?profile=TM-T20II")
    out.print_image(badge)
    out.print_image(badge, copies=2)
    reader = PdfReader(target)
    assert len(reader.pages) == 3
    box = reader.pages[2].mediabox
    assert float(box.width) == pytest.approx(576 / 203 * 72, abs=0.5)  # 72 mm roll
    assert float(box.height) == pytest.approx(500 / 203 * 72, abs=0.5)
    assert leftovers(tmp_path) == []


def test_a_pdf_folder_gets_one_numbered_pdf_per_print(tmp_path: Path, badge: Image.Image) -> None:
    out = PdfOutput(f"pdf://{tmp_path}/")
    out.print_image(badge, copies=2)
    out.print_image(badge)
    assert [len(PdfReader(tmp_path / n).pages) for n in ("badge-0001.pdf", "badge-0002.pdf")] == [
        2,
        1,
    ]


def test_a_failed_write_leaves_the_previous_pdf_whole(
    tmp_path: Path, badge: Image.Image, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "badges.pdf"
    out = PdfOutput(f"pdf://{target}")
    out.print_image(badge)
    before = target.read_bytes()

    def disk_full(self: Image.Image, fp: object, *args: object, **kwargs: object) -> None:
        Path(str(fp)).write_bytes(b"%PDF-1.4 half a file")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Image.Image, "save", disk_full)
    with pytest.raises(PrinterError) as caught:
        out.print_image(badge)
    assert caught.value.kind is Fault.FAILED
    assert "No space left" in str(caught.value)
    assert target.read_bytes() == before
    assert leftovers(tmp_path) == []


def test_an_unwritable_place_is_a_printer_error(tmp_path: Path, badge: Image.Image) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(PrinterError):
        PngFolder(f"png://{blocker}/badges").print_image(badge)


def test_file_outputs_are_ready_when_their_folder_is_writable(tmp_path: Path) -> None:
    assert PdfOutput(f"pdf://{tmp_path}/x.pdf").status().readiness is Readiness.READY
    assert PngFolder(f"png://{tmp_path}").status().readiness is Readiness.READY
    assert PngFolder(f"png://{tmp_path}/missing").status().readiness is Readiness.UNREACHABLE


def test_outputs_take_media_from_a_page_size(tmp_path: Path) -> None:
    media = PdfOutput(f"pdf://{tmp_path}/a6.pdf?media=A6&dpi=300").media
    assert (media.width_px, media.height_px, media.dpi, media.thermal) == (1240, 1748, 300, False)


def test_the_memory_printer_keeps_images_and_fails_when_told(badge: Image.Image) -> None:
    printer = MemoryPrinter()
    assert isinstance(printer, Printer)
    printer.print_image(badge, copies=2)
    assert len(printer.images) == 2
    printer.fail(Fault.PAPER_OUT, "out of paper")
    with pytest.raises(PrinterError) as caught:
        printer.print_image(badge)
    assert (caught.value.kind, str(caught.value)) == (Fault.PAPER_OUT, "out of paper")
    printer.fail(None)
    printer.print_image(badge)
    assert len(printer.images) == 3


def test_the_memory_printer_refuses_badges_wider_than_its_media() -> None:
    printer = MemoryPrinter("memory://?profile=TM-T88V")
    with pytest.raises(PrinterError) as caught:
        printer.print_image(qr_badge(width=576))
    assert caught.value.kind is Fault.UNSUPPORTED
