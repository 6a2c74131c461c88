"""Pre-printing: badges laid out on A4/Letter sheets, and multi-page PDFs written atomically."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from kiosk.badges.palette import sheet_palette
from kiosk.badges.pdfpages import PdfPages
from kiosk.badges.render import BadgeData, BadgeError, render_badge
from kiosk.badges.template import SheetTemplate

_CROP_MARK_MM = 5.0  # length of a crop mark
_CROP_GAP_MM = 1.5  # distance of a crop mark from the cut line's corner
_NO_DITHER = Image.Dither.NONE  # anti-aliased edges map to their nearest blend, never a pattern


def sheet_pages(
    datas: Iterable[BadgeData],
    sheet: SheetTemplate,
    *,
    engine: ImageFont.Layout | None = None,
) -> Iterator[Image.Image]:
    """One page per ``rows × columns`` badges (the last page may be partly empty), at the
    sheet's dpi; crop marks in the margins when the template asks for them.

    Pages are ``"P"`` images with the palette the badge template needs (each badge drawn in
    RGB, then mapped to that palette: :mod:`kiosk.badges.palette`), which :func:`write_pdf`
    stores as they are; ``"RGB"`` for templates with pictures, whose colours are not known in
    advance.
    """
    palette = sheet_palette(sheet.cell)
    it = iter(datas)
    while True:
        chunk = list(islice(it, sheet.per_page))
        if not chunk:
            return
        yield _page(chunk, sheet, engine, palette)


def _page(
    chunk: list[BadgeData],
    sheet: SheetTemplate,
    engine: ImageFont.Layout | None,
    palette: Image.Image | None,
) -> Image.Image:
    ppm = sheet.dpi / 25.4
    size = (round(sheet.width_mm * ppm), round(sheet.height_mm * ppm))
    if palette is None:
        page = Image.new("RGB", size, "white")
        ink: int | str = "black"
    else:  # palette indices throughout: no RGB page to fill, copy and map
        page = Image.new("P", size, _index(palette, (255, 255, 255)))
        page.putpalette(palette.getpalette() or [])
        ink = _index(palette, (0, 0, 0))
    for n, data in enumerate(chunk):
        row, column = divmod(n, sheet.columns)
        x, y = sheet.cell_origin_mm(row, column)
        badge = render_badge(data, sheet.cell, engine=engine)
        if badge.mode != "RGB":
            badge = badge.convert("RGB")
        if palette is not None:
            badge = badge.quantize(palette=palette, dither=_NO_DITHER)
        page.paste(badge, (round(x * ppm), round(y * ppm)))
    if sheet.crop_marks:
        _crop_marks(page, sheet, ink)
    return page


def _index(palette: Image.Image, colour: tuple[int, int, int]) -> int:
    """Where ``colour`` is in ``palette`` (every template palette holds white and black)."""
    flat = palette.getpalette() or []
    return [tuple(flat[i : i + 3]) for i in range(0, len(flat), 3)].index(colour)


def _crop_marks(page: Image.Image, sheet: SheetTemplate, ink: int | str) -> None:
    ppm = sheet.dpi / 25.4
    draw = ImageDraw.Draw(page)
    width = max(1, round(0.15 * ppm))
    gap, length = _CROP_GAP_MM, _CROP_MARK_MM
    left, top = sheet.margin_left_mm, sheet.margin_top_mm
    right = left + sheet.columns * sheet.cell_width_mm + (sheet.columns - 1) * sheet.gutter_x_mm
    bottom = top + sheet.rows * sheet.cell_height_mm + (sheet.rows - 1) * sheet.gutter_y_mm
    xs: set[float] = set()
    ys: set[float] = set()
    for c in range(sheet.columns):
        x, _ = sheet.cell_origin_mm(0, c)
        xs.update((x, x + sheet.cell_width_mm))
    for r in range(sheet.rows):
        _, y = sheet.cell_origin_mm(r, 0)
        ys.update((y, y + sheet.cell_height_mm))

    def line(x0: float, y0: float, x1: float, y1: float) -> None:
        draw.line(
            [(round(x0 * ppm), round(y0 * ppm)), (round(x1 * ppm), round(y1 * ppm))],
            fill=ink,
            width=width,
        )

    for x in sorted(xs):  # vertical marks above and below the grid
        line(x, max(0.0, top - gap - length), x, max(0.0, top - gap))
        line(x, min(sheet.height_mm, bottom + gap), x, min(sheet.height_mm, bottom + gap + length))
    for y in sorted(ys):  # horizontal marks left and right of the grid
        line(max(0.0, left - gap - length), y, max(0.0, left - gap), y)
        line(min(sheet.width_mm, right + gap), y, min(sheet.width_mm, right + gap + length), y)


def write_pdf(
    pages: Iterable[Image.Image],
    path: Path | str,
    dpi: int,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write ``pages`` as one PDF (one image per page at ``dpi``) and return the page count.

    Each page is written as soon as it is drawn (:class:`~kiosk.badges.pdfpages.PdfPages`), so
    memory does not grow with the number of badges. The file appears only when complete
    (temporary file in the same folder, fsync, ``os.replace``); ``progress`` is called with the
    number of pages written so far.
    """
    target = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            with PdfPages(fh, title=target.stem) as pdf:
                for page in pages:
                    pdf.add(page, dpi)
                    if progress is not None:
                        progress(pdf.pages)
                if pdf.pages == 0:
                    raise BadgeError("There are no badges to write: the PDF would have no pages.")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    return pdf.pages
