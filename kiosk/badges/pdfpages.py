"""A PDF written one page at a time: each page one image, memory independent of the page count.

Pillow's PDF writer holds its pages in memory or, appending, re-reads the file it is
growing; a 1,000-badge run took gigabytes. This writer streams instead: each page's image
object goes to the file as soon as the page is drawn, and only the byte offsets of the objects
(a few numbers per page) stay in memory until the cross-reference table is written at the end.

Pages are stored losslessly where they can be and without visible loss otherwise, always
Flate-compressed, which keeps text and QR modules crisp where JPEG blurs them into its 8×8
blocks — and the files are several times smaller than JPEG at a print quality setting:

* a ``"P"`` page as it is, with its palette: :func:`~kiosk.badges.sheets.sheet_pages` maps each
  page to the colours its template can produce (:mod:`kiosk.badges.palette`), which costs a
  table look-up instead of choosing a palette for every page;
* an ``"L"`` or ``"1"`` page (a thermal badge) as grey or 1-bit samples;
* an ``"RGB"`` page of at most 256 colours as an indexed image with exactly its own colours; one
  with more (anti-aliased text on coloured bands, a logo) quantised to the 256 colours that
  represent it best, without dithering, so edges stay sharp.
"""

from __future__ import annotations

import zlib
from types import TracebackType
from typing import BinaryIO

from PIL import Image

_MAX_COLOURS = 256
#: zlib's level. An A4 page of ten CR80 badges (palette indices) at levels 1 / 3 / 4 / 6: 21 / 25 /
#: 56 / 75 ms and 279 / 232 / 208 / 177 KB; 3 is the last before the time doubles.
_LEVEL = 3


class PdfPages:
    """Writes a PDF to ``fh`` page by page.

    Use as a context manager, call :meth:`add` once per page, and the document is completed
    (page tree, catalogue, cross-reference table) when the block ends without an exception.
    """

    def __init__(self, fh: BinaryIO, *, title: str = "") -> None:
        self._fh = fh
        self._title = title
        self._offsets: dict[int, int] = {}
        self._pages: list[int] = []
        self._next = 3  # 1: catalogue, 2: page tree; written at the end
        self._write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")

    @property
    def pages(self) -> int:
        return len(self._pages)

    def add(self, image: Image.Image, dpi: float) -> None:
        """Append ``image`` as one page whose size is the image's at ``dpi``.

        An ``"RGB"`` page is reduced to its palette here (see the module's description); a
        ``"P"`` page — :func:`~kiosk.badges.sheets.sheet_pages` draws them with the palette its
        template needs — an ``"L"`` or a ``"1"`` page is written as it is, without that cost.
        """
        width_pt = image.width * 72.0 / dpi
        height_pt = image.height * 72.0 / dpi
        colour_space, bits, pixels = _encoded(image)
        image_id = self._object(
            b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /BitsPerComponent %d "
            b"/ColorSpace %s /Filter /FlateDecode /Length %d >>"
            % (image.width, image.height, bits, colour_space, len(pixels)),
            pixels,
        )
        content = b"q %.4f 0 0 %.4f 0 0 cm /Im Do Q" % (width_pt, height_pt)
        content_id = self._object(b"<< /Length %d >>" % len(content), content)
        page_id = self._object(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.4f %.4f] "
            b"/Resources << /XObject << /Im %d 0 R >> >> /Contents %d 0 R >>"
            % (width_pt, height_pt, image_id, content_id)
        )
        self._pages.append(page_id)

    def close(self) -> None:
        """Write the page tree, the catalogue, the document information and the trailer."""
        kids = b" ".join(b"%d 0 R" % page for page in self._pages)
        self._object(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(self._pages)), at=2)
        self._object(b"<< /Type /Catalog /Pages 2 0 R >>", at=1)
        info = self._object(b"<< /Title %s /Producer (Kiosk) >>" % _pdf_string(self._title))
        xref = self._fh.tell()
        count = self._next
        self._write(b"xref\n0 %d\n0000000000 65535 f \n" % count)
        for number in range(1, count):
            self._write(b"%010d 00000 n \n" % self._offsets[number])
        self._write(
            b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (count, info, xref)
        )

    def __enter__(self) -> PdfPages:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if kind is None:
            self.close()

    def _object(self, head: bytes, stream: bytes | None = None, *, at: int | None = None) -> int:
        number = at if at is not None else self._take_number()
        self._offsets[number] = self._fh.tell()
        self._write(b"%d 0 obj\n%s\n" % (number, head))
        if stream is not None:
            self._write(b"stream\n")
            self._write(stream)
            self._write(b"\nendstream\n")
        self._write(b"endobj\n")
        return number

    def _take_number(self) -> int:
        number = self._next
        self._next += 1
        return number

    def _write(self, data: bytes) -> None:
        self._fh.write(data)


def _encoded(image: Image.Image) -> tuple[bytes, int, bytes]:
    """The page's PDF colour space, bits per component and Flate-compressed samples."""
    if image.mode == "1":
        # One bit per pixel, rows padded to whole bytes, 1 = white: as PIL packs them.
        return b"/DeviceGray", 1, zlib.compress(image.tobytes(), _LEVEL)
    if image.mode == "L":
        return b"/DeviceGray", 8, zlib.compress(image.tobytes(), _LEVEL)
    indexed = image if image.mode == "P" else _indexed(image)
    used = (indexed.getpalette("RGB") or [])[: 3 * _MAX_COLOURS]
    palette = bytes(used) + bytes(3 * _MAX_COLOURS - len(used))
    space = b"[/Indexed /DeviceRGB %d <%s>]" % (_MAX_COLOURS - 1, palette.hex().encode("ascii"))
    return space, 8, zlib.compress(indexed.tobytes(), _LEVEL)


def _indexed(image: Image.Image) -> Image.Image:
    """The page reduced to at most 256 colours: exactly its own when it has no more."""
    rgb = image if image.mode == "RGB" else image.convert("RGB")
    if rgb.getcolors(_MAX_COLOURS) is not None:
        # MAXCOVERAGE keeps every colour of an image that has no more than the palette holds.
        return rgb.quantize(colors=_MAX_COLOURS, method=Image.Quantize.MAXCOVERAGE)
    return rgb.quantize(
        colors=_MAX_COLOURS, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
    )


def _pdf_string(text: str) -> bytes:
    """A PDF text string: UTF-16BE with a byte-order mark, so any script survives."""
    return b"<feff" + text.encode("utf-16-be").hex().encode("ascii") + b">"
