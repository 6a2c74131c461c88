"""The colours a page of badges can hold, known from the template before anything is drawn.

A badge is flat colours (white, bands, ribbons, the QR code's black) and anti-aliased text whose
edge pixels lie between the text's colour and the colour under it. The template names all of
them, so the palette of a page is known in advance: every flat colour exactly, and for every
(ink, paper) pair the template can put together, evenly spaced blends between the two — more
blends for pairs further apart, a ramp of greys for grey text on grey or white paper. Mapping a
drawn page to a known palette is a table look-up in Pillow (``Image.quantize(palette=…)``), about
seven times cheaper than choosing a palette for each page (median-cut or octree), and the result
is the same to the eye: flat colours are exact and the largest step between two blends stays
below what anti-aliasing at print resolution shows.

Templates with pictures (logos) can hold any colour: they get no palette here, and their pages
are reduced one by one (:mod:`kiosk.badges.pdfpages`).
"""

from __future__ import annotations

import math

from PIL import Image

from kiosk.badges.template import (
    BadgeTemplate,
    Box,
    ImageElement,
    LatinElement,
    RectElement,
    RibbonElement,
    TextElement,
)

_SIZE = 256
Rgb = tuple[int, int, int]
_WHITE: Rgb = (255, 255, 255)
_BLACK: Rgb = (0, 0, 0)
#: Largest allowed distance (RGB, Euclidean) between neighbouring blends of one pair. An
#: octree palette of a badge page misses drawn colours by up to about this much.
_MAX_STEP = 40.0


def _rgb(value: str) -> Rgb:
    return int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16)


def _grey(colour: Rgb) -> bool:
    return colour[0] == colour[1] == colour[2]


def _x_overlap(a: Box, b: Box) -> bool:
    return a.x < b.right and b.x < a.right


def _y_overlap(a: Box, b: Box) -> bool:
    return a.y < b.bottom and b.y < a.bottom


def _moves(el: TextElement | LatinElement) -> bool:
    """Whether the text can end up above or below its box (see ``render``'s two passes)."""
    return not el.pinned


def colours(template: BadgeTemplate) -> tuple[set[Rgb], set[tuple[Rgb, Rgb]]] | None:
    """The template's flat colours and its (ink, paper) pairs; None when a picture makes the
    colours unknowable. Papers under a text are white and every fill drawn before it that
    its box can meet (for text that moves up or down, any fill above or below it)."""
    if template.page.thermal:
        return {_WHITE, _BLACK}, set()
    flats: set[Rgb] = {_WHITE, _BLACK}
    pairs: set[tuple[Rgb, Rgb]] = set()
    fills: list[tuple[Box, Rgb]] = []  # drawn so far
    for el in template.elements:
        if isinstance(el, ImageElement):
            return None
        if isinstance(el, RectElement):
            fills.append((el.box, _rgb(el.fill)))
            flats.add(fills[-1][1])
        elif isinstance(el, RibbonElement):
            for style in (el.default, *el.categories.values()):
                fill, ink = _rgb(style.fill), _rgb(style.text_color)
                flats.update((fill, ink))
                pairs.add((ink, fill))
                fills.append((el.box, fill))
        elif isinstance(el, TextElement | LatinElement):
            ink = _rgb(el.style.color)
            flats.add(ink)
            papers = {_WHITE}
            if isinstance(el, TextElement) and el.background is not None:
                papers.add(_rgb(el.background))
            papers.update(
                fill
                for box, fill in fills
                if _x_overlap(box, el.box) and (_moves(el) or _y_overlap(box, el.box))
            )
            pairs.update((ink, paper) for paper in papers if paper != ink)
            if isinstance(el, TextElement) and el.background is not None:
                fills.append((el.box, _rgb(el.background)))
                flats.add(fills[-1][1])
    return flats, pairs


def _distance(a: Rgb, b: Rgb) -> float:
    return math.dist(a, b)


def _blend(a: Rgb, b: Rgb, t: float) -> Rgb:
    r, g, bl = (round(x + (y - x) * t) for x, y in zip(a, b, strict=True))
    return r, g, bl


def sheet_palette(template: BadgeTemplate) -> Image.Image | None:
    """A 1×1 ``"P"`` image carrying the palette for pages of ``template`` (for
    ``Image.quantize(palette=…)``), or None when its colours cannot be known in advance or need
    more than 256 entries to stay within :data:`_MAX_STEP`."""
    found = colours(template)
    if found is None:
        return None
    flats, pairs = found
    if len(flats) > _SIZE:
        return None
    # Grey ink on grey or white paper only ever gives greys: one ramp serves all such pairs.
    grey_pairs = {p for p in pairs if _grey(p[0]) and _grey(p[1])}
    colour_pairs = sorted(pairs - grey_pairs)
    spans = [_distance(ink, paper) for ink, paper in colour_pairs]
    grey_span = 0.0
    if grey_pairs:
        low = min(min(ink[0], paper[0]) for ink, paper in grey_pairs)
        high = max(max(ink[0], paper[0]) for ink, paper in grey_pairs)
        grey_span = (high - low) * math.sqrt(3)
    room = _SIZE - len(flats)
    total = sum(spans) + grey_span
    # Steps per pair in proportion to its span: the same largest gap between blends everywhere.
    step = max(total / room, 1.0) if room > 0 else math.inf
    while True:
        counts = [max(0, math.ceil(span / step) - 1) for span in spans]
        grey_count = max(0, math.ceil(grey_span / step) - 1) if grey_pairs else 0
        if len(flats) + sum(counts) + grey_count <= _SIZE:
            break
        step *= 1.05
    if step > _MAX_STEP:
        return None
    entries: list[Rgb] = sorted(flats)
    seen = set(entries)

    def add(colour: Rgb) -> None:
        if colour not in seen:
            seen.add(colour)
            entries.append(colour)

    for (ink, paper), count in zip(colour_pairs, counts, strict=True):
        for k in range(1, count + 1):
            add(_blend(paper, ink, k / (count + 1)))
    if grey_pairs:
        for k in range(1, grey_count + 1):
            level = round(low + (high - low) * k / (grey_count + 1))
            add((level, level, level))
    palette = Image.new("P", (1, 1))
    palette.putpalette([channel for colour in entries for channel in colour])
    return palette
