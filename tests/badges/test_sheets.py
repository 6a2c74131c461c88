"""Pre-printing: badges on A4/Letter sheets and a multi-page PDF written atomically."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest
from PIL import Image, ImageChops

from kiosk.badges import (
    BadgeData,
    BadgeError,
    SheetTemplate,
    load_sheet_template,
    render_badge,
    sheet_pages,
    write_pdf,
)
from kiosk.badges.template import Box, ImageElement
from tests.qr import read_qr

from .conftest import LONG_BG, LONG_RO


def people(n: int) -> list[BadgeData]:
    return [replace(LONG_BG if i % 2 else LONG_RO, code=f"TEST{i:05d}") for i in range(n)]


@pytest.mark.parametrize(("name", "per_page"), [("a4-sheet", 10), ("letter-sheet", 6)])
def test_sheet_pages_hold_the_expected_number_of_badges(name: str, per_page: int) -> None:
    sheet = load_sheet_template(name)
    datas = people(per_page + 3)
    pages = list(sheet_pages(datas, sheet))
    assert len(pages) == 2
    found = [sorted(read_qr(p)) for p in pages]
    assert found == [
        sorted(d.code for d in datas[:per_page]),
        sorted(d.code for d in datas[per_page:]),
    ]


def test_sheet_pages_are_the_paper_size_at_the_sheet_dpi() -> None:
    a4 = next(sheet_pages(people(1), load_sheet_template("a4-sheet")))
    assert a4.size == (2480, 3508)
    letter = next(sheet_pages(people(1), load_sheet_template("letter-sheet")))
    assert letter.size == (2550, 3300)


def test_crop_marks_sit_in_the_margins_outside_every_badge() -> None:
    sheet = load_sheet_template("a4-sheet")
    page = next(sheet_pages(people(10), sheet)).convert("L")
    ppm = sheet.dpi / 25.4
    x = round(sheet.margin_left_mm * ppm)
    mark_y = round((sheet.margin_top_mm - 4) * ppm)
    assert page.getpixel((x, mark_y)) == 0  # the mark above the first cut line
    assert page.getpixel((x + 40, mark_y)) == 255  # and nothing else there


def test_no_badges_give_no_pages() -> None:
    assert list(sheet_pages([], load_sheet_template("a4-sheet"))) == []


def test_the_pdf_has_one_page_per_sheet_and_pypdf_reads_it(tmp_path: Path) -> None:
    sheet = load_sheet_template("a4-sheet")
    seen: list[int] = []
    target = tmp_path / "badges.pdf"
    count = write_pdf(sheet_pages(people(25), sheet), target, sheet.dpi, progress=seen.append)
    assert count == 3
    assert seen[-1] == 3
    reader = pypdf.PdfReader(target)
    assert len(reader.pages) == 3
    box = reader.pages[0].mediabox
    assert float(box.width) == pytest.approx(595.3, abs=0.5)  # A4 in points
    assert float(box.height) == pytest.approx(841.9, abs=0.5)
    assert [p.name for p in tmp_path.iterdir()] == ["badges.pdf"]


def test_a_long_run_is_written_in_batches_and_stays_one_valid_pdf(tmp_path: Path) -> None:
    pages = (Image.new("RGB", (300, 400), (i * 10, 0, 0)) for i in range(20))
    seen: list[int] = []
    assert write_pdf(pages, tmp_path / "many.pdf", 100, progress=seen.append) == 20
    assert seen == sorted(seen) and seen[-1] == 20 and len(seen) > 1
    assert len(pypdf.PdfReader(tmp_path / "many.pdf").pages) == 20


def test_a_failure_mid_run_leaves_neither_a_partial_pdf_nor_a_temporary_file(
    tmp_path: Path,
) -> None:
    target = tmp_path / "badges.pdf"
    target.write_bytes(b"%PDF- the previous good file")

    def pages() -> Iterator[Image.Image]:
        yield from [Image.new("RGB", (100, 100), "white")] * 9
        raise RuntimeError("printer data went away")

    with pytest.raises(RuntimeError):
        write_pdf(pages(), target, 100)
    assert target.read_bytes() == b"%PDF- the previous good file"
    assert [p.name for p in tmp_path.iterdir()] == ["badges.pdf"]


def test_an_empty_run_is_refused_rather_than_written_as_a_broken_pdf(tmp_path: Path) -> None:
    with pytest.raises(BadgeError, match="no badges"):
        write_pdf([], tmp_path / "empty.pdf", 300)
    assert list(tmp_path.iterdir()) == []


def _images_in(path: Path) -> list[Image.Image]:
    """The page images as pypdf (a reader we did not write) decodes them from the file."""
    return [page.images[0].image for page in pypdf.PdfReader(path).pages]


def test_a_page_of_few_colours_comes_back_from_the_pdf_pixel_for_pixel(tmp_path: Path) -> None:
    page = Image.new("RGB", (600, 400), "white")
    for i, colour in enumerate([(11, 60, 93), (200, 30, 45), (0, 0, 0), (255, 196, 0)]):
        page.paste(colour, (20 + 140 * i, 40, 140 + 140 * i, 360))
    write_pdf([page], tmp_path / "flat.pdf", 150)
    (back,) = _images_in(tmp_path / "flat.pdf")
    assert back.convert("RGB").tobytes() == page.tobytes()


def _drawn(datas: list[BadgeData], sheet: SheetTemplate) -> Image.Image:
    """The page as drawn before it is reduced to a palette: each badge as ``render_badge``
    draws it, in RGB, at its cell."""
    ppm = sheet.dpi / 25.4
    page = Image.new("RGB", (round(sheet.width_mm * ppm), round(sheet.height_mm * ppm)), "white")
    for n, data in enumerate(datas):
        x, y = sheet.cell_origin_mm(*divmod(n, sheet.columns))
        page.paste(render_badge(data, sheet.cell).convert("RGB"), (round(x * ppm), round(y * ppm)))
    return page


def test_badge_pages_keep_their_text_and_qr_codes_sharp(tmp_path: Path) -> None:
    sheet = replace(load_sheet_template("a4-sheet"), crop_marks=False)  # badges only
    datas = people(10)
    (page,) = sheet_pages(datas, sheet)
    write_pdf([page], tmp_path / "badges.pdf", sheet.dpi)
    (back,) = _images_in(tmp_path / "badges.pdf")
    back = back.convert("RGB")
    assert back.size == page.size
    drawn = _drawn(datas, sheet)
    # Anti-aliased text has more colours than a palette holds: the nearest of the template's
    # blends is used, never a dither pattern, so no pixel moves far from what was drawn …
    diff = ImageChops.difference(drawn, back)
    grey = diff.convert("L").histogram()
    assert sum(i * n for i, n in enumerate(grey)) / sum(grey) < 0.25
    assert max(high for _low, high in diff.getextrema()) <= 16
    # … flat colours (bands, ribbons, white, the QR code's black) come back exactly …
    ppm = sheet.dpi / 25.4
    x, y = sheet.cell_origin_mm(0, 0)
    header = (round((x + 1) * ppm), round((y + 0.5) * ppm))
    ribbon = (round((x + 1) * ppm), round((y + 52) * ppm))
    assert back.getpixel(header) == drawn.getpixel(header) == (0x0B, 0x3C, 0x5D)
    assert back.getpixel(ribbon) == drawn.getpixel(ribbon) == (0x15, 0x65, 0xC0)  # participant
    # … and every badge's QR code still reads from the page as the PDF holds it.
    assert sorted(read_qr(back)) == sorted(f"TEST{i:05d}" for i in range(10))


def test_sheet_pages_carry_the_palette_of_their_template() -> None:
    """Pages are drawn once in RGB and mapped to the colours the template can produce, so the
    PDF writer stores them without choosing a palette for every page."""
    (page,) = sheet_pages(people(3), load_sheet_template("a4-sheet"))
    assert page.mode == "P"
    assert (page.getcolors(256) or []) != []


def test_a_template_with_a_picture_gets_rgb_pages_that_are_still_written(tmp_path: Path) -> None:
    """A logo can hold any colour: its pages are not mapped to a palette made in advance; the
    writer reduces each page to the colours that represent it best."""
    logo = tmp_path / "logo.png"
    gradient = Image.linear_gradient("L").resize((64, 64))
    Image.merge("RGB", (gradient, gradient.rotate(90), gradient.rotate(180))).save(logo)
    sheet = load_sheet_template("a4-sheet")
    picture = ImageElement(box=Box(70.0, 40.0, 12.0, 6.0), path=logo)
    sheet = replace(sheet, cell=replace(sheet.cell, elements=(*sheet.cell.elements, picture)))
    (page,) = sheet_pages(people(2), sheet)
    assert page.mode == "RGB"
    write_pdf([page], tmp_path / "logo.pdf", sheet.dpi)
    (back,) = _images_in(tmp_path / "logo.pdf")
    assert sorted(read_qr(back.convert("RGB"))) == ["TEST00000", "TEST00001"]


def test_badge_pages_are_rendered_by_poppler_as_drawn(tmp_path: Path) -> None:
    """pdftoppm (poppler, what most Linux print dialogs use) renders the page we wrote."""
    import shutil
    import subprocess

    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed (Debian package poppler-utils)")
    sheet = load_sheet_template("a4-sheet")
    (page,) = sheet_pages(people(10), sheet)
    write_pdf([page], tmp_path / "badges.pdf", sheet.dpi)
    subprocess.run(
        ["pdftoppm", "-r", str(sheet.dpi), "-png", str(tmp_path / "badges.pdf"),
         str(tmp_path / "page")],
        check=True, timeout=60,
    )  # fmt: skip
    (rendered,) = sorted(tmp_path.glob("page*.png"))
    with Image.open(rendered) as shown:
        assert abs(shown.width - page.width) <= 1 and abs(shown.height - page.height) <= 1
        assert sorted(read_qr(shown)) == sorted(f"TEST{i:05d}" for i in range(10))


def test_pages_are_written_as_they_come_and_not_kept(tmp_path: Path) -> None:
    """Memory does not grow with the number of badges: a page is let go once it is written."""
    import gc
    import weakref

    alive: list[weakref.ref[Image.Image]] = []

    def pages() -> Iterator[Image.Image]:
        for i in range(12):
            gc.collect()
            # Every page but the one being written has been released by the writer.
            assert sum(ref() is not None for ref in alive) <= 1
            page = Image.new("RGB", (400, 300), (i * 20, 10, 10))
            alive.append(weakref.ref(page))
            yield page

    assert write_pdf(pages(), tmp_path / "long.pdf", 100) == 12
    assert len(pypdf.PdfReader(tmp_path / "long.pdf").pages) == 12


@pytest.mark.parametrize("mode", ["L", "1"])
def test_grey_and_one_bit_pages_are_stored_as_they_are(tmp_path: Path, mode: str) -> None:
    """A thermal badge (1 bit) or a grey page needs no palette: the PDF holds its own pixels."""
    page = Image.linear_gradient("L").resize((300, 200)).convert(mode)
    write_pdf([page], tmp_path / "grey.pdf", 203)
    (back,) = _images_in(tmp_path / "grey.pdf")
    assert back.convert("L").tobytes() == page.convert("L").tobytes()


def test_a_palette_page_is_stored_with_its_own_palette(tmp_path: Path) -> None:
    page = Image.linear_gradient("L").resize((256, 40)).convert("RGB")
    indexed = page.quantize(256, method=Image.Quantize.MAXCOVERAGE)
    write_pdf([indexed], tmp_path / "p.pdf", 100)
    (back,) = _images_in(tmp_path / "p.pdf")
    assert back.convert("RGB").tobytes() == indexed.convert("RGB").tobytes()


def test_the_title_survives_in_any_script(tmp_path: Path) -> None:
    target = tmp_path / "Баджове-Ștefănești.pdf"
    write_pdf([Image.new("RGB", (100, 100), "white")], target, 100)
    assert pypdf.PdfReader(target).metadata.title == "Баджове-Ștefănești"
