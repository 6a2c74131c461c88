"""Rendering one badge: a PIL image at the printer's exact pixel width.

People's details arrive clean from storage (NFC, comma-below ș ț: ``kiosk.core.text.clean`` is
applied once, where they are stored); a template's own texts and labels are cleaned here, so both
layout engines print the same letters. Every text is checked against the font's cmap
*before* anything is drawn: a name the font cannot show raises :class:`GlyphError` rather than
printing boxes. Text is auto-fitted: the largest size that fits its box on one line, else split
into two lines at a space or hyphen, never clipped (measured ink, checked with ``textbbox``).
Thermal templates are drawn in grey and thresholded to 1 bit (no dithering, ever), and the QR
code is drawn at whole dots per module with its quiet zone, error correction M.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import qrcode
from PIL import Image, ImageDraw, ImageFont, ImageOps
from qrcode.constants import ERROR_CORRECT_M

from kiosk.badges.fonts import default_engine, describe, load_font, missing_glyphs, weight_path
from kiosk.badges.template import (
    BadgeTemplate,
    Box,
    Element,
    ImageElement,
    LatinElement,
    QrElement,
    RectElement,
    RibbonElement,
    TextElement,
    TextStyle,
)
from kiosk.core.model import Attendee
from kiosk.core.text import clean, has_cyrillic, transliterate

_ROMANIAN = re.compile("[ăâîșțĂÂÎȘȚ]")
#: Below the template's smallest size we shrink only to keep every letter on the badge.
_FLOOR_PT = 5.0
_LINE_PITCH = 1.2  # baseline-to-baseline distance of two-line text, in font sizes


class BadgeError(Exception):
    """A badge that cannot be rendered; the message says why and what to do."""


class GlyphError(BadgeError):
    """Some text contains characters the badge font cannot draw."""

    def __init__(self, problems: dict[str, frozenset[str]], texts: dict[str, str]) -> None:
        self.problems = problems
        parts = [
            f"{name} {texts[name]!r} has characters the badge font cannot print: {describe(chars)}"
            for name, chars in problems.items()
        ]
        super().__init__(
            "; ".join(parts)
            + ". Correct the data or write the name in Latin or Cyrillic letters before printing."
        )

    @property
    def field(self) -> str:
        """The first field with missing characters."""
        return next(iter(self.problems))

    @property
    def characters(self) -> frozenset[str]:
        out: frozenset[str] = frozenset()
        for chars in self.problems.values():
            out |= chars
        return out


@dataclass(frozen=True, slots=True)
class BadgeData:
    """What a badge shows about one person."""

    first_name: str
    last_name: str
    organization: str = ""
    country: str = ""
    category: str = ""
    code: str = ""
    event_name: str = ""
    language: str = ""  # en / bg / ro: the person's language, for bilingual labels

    @classmethod
    def from_attendee(cls, attendee: Attendee, event_name: str, language: str = "") -> BadgeData:
        return cls(
            first_name=attendee.first_name,
            last_name=attendee.last_name,
            organization=attendee.organization,
            country=attendee.country,
            category=attendee.category,
            code=attendee.code,
            event_name=event_name,
            language=language,
        )

    def value(self, field: str) -> str:
        """A field as printed. People's details come from storage, where they were cleaned once
        (NFC, comma-below ș ț, single spaces: kiosk.core.text.clean), so they print as they are."""
        if field == "full_name":
            return " ".join(p for p in (self.first_name, self.last_name) if p)
        value: str = getattr(self, field)
        return value


@dataclass(frozen=True, slots=True)
class QrPlacement:
    x: int  # top-left of the first module (inside the quiet zone)
    y: int
    module: int  # dots per module
    modules: int  # modules per side, quiet zone excluded
    quiet_zone: int  # modules


@dataclass(frozen=True, slots=True)
class Placement:
    """Where one element ended up, for tests and previews."""

    index: int  # 1-based, as elements[n] in the template messages
    kind: str
    field: str | None
    box: tuple[int, int, int, int]  # pixels: left, top, right, bottom (exclusive)
    text: str = ""
    lines: tuple[str, ...] = ()
    size_px: int = 0
    size_pt: float = 0.0
    min_pt: float = 0.0
    ink: tuple[int, int, int, int] | None = None  # measured with ImageDraw.textbbox
    below_min: bool = False
    truncated: bool = False
    qr: QrPlacement | None = None


@dataclass(frozen=True, slots=True)
class Rendered:
    image: Image.Image
    placements: tuple[Placement, ...]
    template: BadgeTemplate


# --------------------------------------------------------------------------------------------
# Public entry points
# --------------------------------------------------------------------------------------------


def render_badge(
    data: BadgeData, template: BadgeTemplate, *, engine: ImageFont.Layout | None = None
) -> Image.Image:
    """The badge as an image: ``template.page.width_px`` wide (and the page height for fixed
    media); mode ``"1"`` for thermal templates, ``"RGB"`` otherwise."""
    return render(data, template, engine=engine).image


def render(
    data: BadgeData, template: BadgeTemplate, *, engine: ImageFont.Layout | None = None
) -> Rendered:
    """Like :func:`render_badge`, also telling where each element went and at what size."""
    engine = default_engine() if engine is None else engine
    page = template.page
    elements = template.elements
    texts = _texts(data, template)
    _check_glyphs(template, texts)

    ppm = page.px_per_mm
    top_mm, left_mm = page.margins[0], page.margins[3]

    def to_px(b: Box, shift: float) -> tuple[int, int, int, int]:
        return (
            round((left_mm + b.x) * ppm),
            round((top_mm + b.y - shift) * ppm),
            round((left_mm + b.right) * ppm),
            round((top_mm + b.bottom - shift) * ppm),
        )

    # Pass 1: fit the texts, and find how much room collapsed and shrunk boxes give back (mm).
    fits: dict[int, _Fit] = {}
    used: dict[int, int] = {}
    given_back = [0.0] * len(elements)
    for i, el in enumerate(elements):
        if _collapsed(el, texts[i]):
            given_back[i] = el.box.h
        elif isinstance(el, TextElement | LatinElement) and texts[i]:
            left, top, right, bottom = to_px(el.box, 0.0)
            measurer = _measurer(el.style, texts[i], engine)
            fit = fit_text(texts[i], el.style, right - left, bottom - top, page.dpi, measurer)
            fits[i] = fit
            if el.shrink:
                block_h = measurer.block(fit.lines, fit.size)[1]
                used[i] = min(bottom - top, math.ceil(block_h) + 2)
                given_back[i] = (bottom - top - used[i]) / ppm
    shifts = [
        0.0
        if el.pinned
        else sum(
            given_back[j]
            for j, other in enumerate(elements)
            if j != i and not other.pinned and other.box.bottom <= el.box.y + 0.01
        )
        for i, el in enumerate(elements)
    ]
    if page.height_px is not None:
        # On fixed media the room given back is shared above and below the flowing elements,
        # so a short name sits centred in its area instead of leaving a hole at the bottom.
        flowing = [
            i
            for i, el in enumerate(elements)
            if not el.pinned
            and (_shrinks(el) or (el.collapse and given_back[i] > 0) or shifts[i] > 0)
        ]
        spare = sum(given_back[i] for i in flowing)
        for i in flowing:
            shifts[i] -= spare / 2
        height = page.height_px
    else:
        bottoms = [
            el.box.bottom - shifts[i] - (given_back[i] if i in used else 0.0)
            for i, el in enumerate(elements)
            if not _collapsed(el, texts[i])
        ]
        height = round((top_mm + max(bottoms, default=10.0) + page.margins[2]) * ppm)

    # Pass 2: draw, in template order.
    mode = "L" if page.thermal else "RGB"
    image = Image.new(mode, (page.width_px, height), _color("#FFFFFF", page.thermal))
    draw = ImageDraw.Draw(image)
    placements: list[Placement] = []
    for i, el in enumerate(elements):
        if _collapsed(el, texts[i]):
            continue
        box = to_px(el.box, shifts[i])
        if i in used:
            box = (box[0], box[1], box[2], box[1] + used[i])
        placements.append(
            _draw(image, draw, i, el, box, texts[i], data, template, engine, fits.get(i))
        )
    if page.thermal:
        image = image.point(lambda v: 255 if v > 127 else 0, mode="1")
    return Rendered(image=image, placements=tuple(placements), template=template)


def _shrinks(el: Element) -> bool:
    return isinstance(el, TextElement | LatinElement) and el.shrink


def _measurer(style: TextStyle, text: str, engine: ImageFont.Layout) -> _Measurer:
    return _Measurer(weight_path(style.weight), engine, _language(text))


def text_of(element: Element, data: BadgeData) -> str:
    """The text an element shows for this person ('' when it shows none)."""
    if isinstance(element, TextElement):
        if element.field is not None:
            value = data.value(element.field)
        else:
            assert element.text is not None
            value = clean(element.text.render(element.languages, data.language, element.separator))
        return value.upper() if element.style.uppercase else value
    if isinstance(element, LatinElement):
        source = data.value(element.source)
        value = transliterate(source) if has_cyrillic(source) else ""
        return value.upper() if element.style.uppercase else value
    if isinstance(element, RibbonElement):
        return _ribbon_label(element, data)
    if isinstance(element, QrElement):
        return data.value("code")
    return ""


# --------------------------------------------------------------------------------------------
# Preparation
# --------------------------------------------------------------------------------------------


def _texts(data: BadgeData, template: BadgeTemplate) -> list[str]:
    return [text_of(el, data) for el in template.elements]


def _ribbon_label(element: RibbonElement, data: BadgeData) -> str:
    category = data.value("category")
    _key, style = element.style_for(category)
    if style.labels is not None:
        label = style.labels.render(element.languages, data.language, element.separator)
    else:
        label = category[:1].upper() + category[1:]
    label = clean(label)
    return label.upper() if element.style.uppercase else label


def _field_label(el: Element) -> str:
    if isinstance(el, TextElement):
        return el.field or "text"
    if isinstance(el, LatinElement):
        return f"latin line of {el.source}"
    if isinstance(el, RibbonElement):
        return "category"
    return el.kind


def _check_glyphs(template: BadgeTemplate, texts: Sequence[str]) -> None:
    problems: dict[str, frozenset[str]] = {}
    shown: dict[str, str] = {}
    for el, text in zip(template.elements, texts, strict=True):
        if not text or not isinstance(el, TextElement | LatinElement | RibbonElement):
            continue
        missing = missing_glyphs(text, weight_path(el.style.weight))
        if missing:
            name = _field_label(el)
            problems[name] = problems.get(name, frozenset()) | frozenset(missing)
            shown[name] = text
    if problems:
        raise GlyphError(problems, shown)


def _collapsed(el: Element, text: str) -> bool:
    if not el.collapse:
        return False
    if isinstance(el, ImageElement):
        return not el.path.is_file()
    if isinstance(el, RectElement):
        return False
    return not text


def _color(value: str, thermal: bool) -> int | tuple[int, int, int]:
    r, g, b = int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16)
    if thermal:  # black or white only, so thresholding never eats a light colour's edges
        return 0 if (299 * r + 587 * g + 114 * b) / 1000 < 160 else 255
    return (r, g, b)


# --------------------------------------------------------------------------------------------
# Drawing
# --------------------------------------------------------------------------------------------


def _draw(
    image: Image.Image,
    draw: ImageDraw.ImageDraw,
    index: int,
    el: Element,
    box: tuple[int, int, int, int],
    text: str,
    data: BadgeData,
    template: BadgeTemplate,
    engine: ImageFont.Layout,
    fit: _Fit | None = None,
) -> Placement:
    thermal = template.page.thermal
    dpi = template.page.dpi
    if isinstance(el, RectElement):
        draw.rectangle((box[0], box[1], box[2] - 1, box[3] - 1), fill=_color(el.fill, thermal))
        return Placement(index + 1, el.kind, None, box)
    if isinstance(el, QrElement):
        return _draw_qr(image, draw, index, el, box, text, template)
    if isinstance(el, ImageElement):
        _draw_image(image, el, box, thermal)
        return Placement(index + 1, el.kind, None, box)
    if isinstance(el, RibbonElement):
        _key, style = el.style_for(data.value("category"))
        text_box = box
        if thermal:
            fill, ink = (0, 255) if style.thermal == "solid" else (255, 0)
            draw.rectangle((box[0], box[1], box[2] - 1, box[3] - 1), fill=fill)
            if style.thermal == "outline":
                line = max(2, round(0.5 * dpi / 25.4))
                draw.rectangle((box[0], box[1], box[2] - 1, box[3] - 1), outline=0, width=line)
            color: int | tuple[int, int, int] = ink
        else:
            draw.rectangle(
                (box[0], box[1], box[2] - 1, box[3] - 1), fill=_color(style.fill, thermal)
            )
            color = _color(style.text_color, thermal)
        h = box[3] - box[1]
        pad_x = max(round(0.35 * h), round(1.5 * dpi / 25.4))
        pad_y = max(1, round(0.14 * h))
        text_box = (box[0] + pad_x, box[1] + pad_y, box[2] - pad_x, box[3] - pad_y)
        return _draw_text(
            draw, index, el, "category", text_box, box, text, el.style, color, dpi, engine
        )
    if isinstance(el, TextElement):
        if el.background is not None:
            draw.rectangle(
                (box[0], box[1], box[2] - 1, box[3] - 1), fill=_color(el.background, thermal)
            )
        color = _color(el.style.color, thermal)
        return _draw_text(
            draw, index, el, el.field, box, box, text, el.style, color, dpi, engine, fit
        )
    color = _color(el.style.color, thermal)
    return _draw_text(
        draw, index, el, f"latin:{el.source}", box, box, text, el.style, color, dpi, engine, fit
    )


def _language(text: str) -> str | None:
    if has_cyrillic(text):
        return "bg"
    if _ROMANIAN.search(text):
        return "ro"
    return None


@dataclass(frozen=True, slots=True)
class _Fit:
    lines: tuple[str, ...]
    size: int
    below_min: bool = False
    truncated: bool = False


class _Measurer:
    def __init__(self, font_file: Path, engine: ImageFont.Layout, language: str | None) -> None:
        self.font_file = font_file
        self.engine = engine
        self.language = language if engine == ImageFont.Layout.RAQM else None

    def bbox(self, line: str, size: int) -> tuple[float, float, float, float]:
        """The ink box of ``line`` relative to its baseline origin (what ``textbbox`` adds the
        position to); cached, since event names, labels and countries repeat on every badge."""
        return _bbox(str(self.font_file), size, self.engine, self.language, line)

    def draw(
        self,
        draw: ImageDraw.ImageDraw,
        xy: tuple[int, int],
        line: str,
        size: int,
        color: int | tuple[int, int, int],
    ) -> None:
        """``draw.text(xy, line, fill=color, anchor="ls", …)``, pixel for pixel, with the
        rendered glyphs of lines that repeat (event name, labels, countries) reused from
        :func:`_mask` instead of being rasterised again for every badge."""
        mask, (dx, dy) = _mask(
            str(self.font_file), size, self.engine, self.language, line, draw.fontmode
        )
        draw.draw.draw_bitmap((xy[0] + dx, xy[1] + dy), mask, draw.draw.draw_ink(color))

    def block(self, lines: Sequence[str], size: int) -> tuple[float, float, float, list[float]]:
        """Ink width, ink height, top of the first line, and each line's baseline offset."""
        boxes = [self.bbox(line, size) for line in lines]
        baselines = [0.0]
        for prev, cur in itertools.pairwise(boxes):
            need = prev[3] - cur[1] + 0.06 * size
            baselines.append(baselines[-1] + max(round(_LINE_PITCH * size), need))
        width = max(b[2] - b[0] for b in boxes)
        top = boxes[0][1]
        bottom = baselines[-1] + boxes[-1][3]
        return width, bottom - top, top, baselines

    def fits(self, lines: Sequence[str], size: int, w: int, h: int) -> bool:
        width, height, _top, _b = self.block(lines, size)
        return width <= w and height <= h

    def largest(self, lines: Sequence[str], lo: int, hi: int, w: int, h: int) -> int | None:
        """The largest size in [lo, hi] at which ``lines`` fit w × h, or None.

        Ink grows almost linearly with the size, so one measurement at ``hi`` predicts the
        answer to a pixel or two; the prediction is then checked and corrected step by step.
        """
        if lo > hi:
            return None
        width, height, _top, _b = self.block(lines, hi)
        if width <= w and height <= h:
            return hi
        guess = int(hi * min(w / max(width, 1.0), h / max(height, 1.0)))
        guess = min(max(guess, lo), hi - 1)
        if self.fits(lines, guess, w, h):
            while guess + 1 < hi and self.fits(lines, guess + 1, w, h):
                guess += 1
            return guess
        while guess > lo:
            guess -= 1
            if self.fits(lines, guess, w, h):
                return guess
        return None


# A badge measures a dozen or two (line, size) pairs; 1,024 keep the lines that repeat on every
# badge (event name, labels, countries) and a preview's lines for its print. More only held a
# long tail of names alive all day (see kiosk.core.text.WORD_CACHE).
@lru_cache(maxsize=1024)
def _bbox(
    font_file: str, size: int, engine: ImageFont.Layout, language: str | None, line: str
) -> tuple[float, float, float, float]:
    font = load_font(Path(font_file), size, engine)
    box = font.getbbox(line, anchor="ls", language=language)
    return float(box[0]), float(box[1]), float(box[2]), float(box[3])


# What ImageDraw.text does, in two halves: FreeType renders the line into a mask (about 60 µs a
# character), then the mask is blended onto the badge in the ink colour. The mask depends only on
# the font, size, language and text (the position is a whole pixel, so there is no sub-pixel
# start), so lines printed on every badge are rendered once. 128 masks of a few tens of KB each:
# the repeating lines stay, names pass through.
@lru_cache(maxsize=128)
def _mask(
    font_file: str,
    size: int,
    engine: ImageFont.Layout,
    language: str | None,
    line: str,
    mode: str,
) -> tuple[object, tuple[int, int]]:
    font = load_font(Path(font_file), size, engine)
    return font.getmask2(line, mode, anchor="ls", language=language)


_SEPARATORS = re.compile(r" [·|/] | [—–] ")
#: How much wider a break may make the widest line and still be chosen: separators between
#: labels or parts of a name ("University — Faculty") read best, hyphens inside words least.
_BREAK_WEIGHT = {"separator": 0.8, "space": 1.0, "hyphen": 1.08}
#: Keep one line unless two lines allow a font this much larger (a name cut at its hyphen,
#: "Ștefan-" / "Alexandru", reads worse than one at a slightly smaller size).
_PREFER_ONE_LINE = {"separator": 1.3, "space": 1.25, "hyphen": 1.5}


def _splits(text: str) -> list[tuple[str, str, float]]:
    """Where ``text`` may break into two lines, each with its weight (see _BREAK_WEIGHT)."""
    out: list[tuple[str, str, float]] = []
    taken: set[int] = set()
    for m in _SEPARATORS.finditer(text):
        mark = m.group().strip()
        keep = mark if mark in "—–" else ""  # a dash stays at the end of the first line
        first, second = f"{text[: m.start()]} {keep}".strip(), text[m.end() :].strip()
        taken.update(range(m.start(), m.end()))
        if first and second:
            out.append((first, second, _BREAK_WEIGHT["separator"]))
    for m in re.finditer(r" |(?<=\w)-(?=\w)", text):
        if m.start() in taken:
            continue
        if m.group() == " ":
            first, second, kind = text[: m.start()], text[m.end() :], "space"
        else:  # keep the hyphen at the end of the first line
            first, second, kind = text[: m.end()], text[m.end() :], "hyphen"
        if first.strip() and second.strip():
            out.append((first.strip(), second.strip(), _BREAK_WEIGHT[kind]))
    return out


def fit_text(
    text: str,
    style: TextStyle,
    width: int,
    height: int,
    dpi: int,
    measurer: _Measurer,
) -> _Fit:
    """The lines and pixel size for ``text`` in a ``width`` × ``height`` box (pixels)."""
    px_per_pt = dpi / 72
    max_px = max(1, round(style.max_pt * px_per_pt))
    min_px = max(1, round(style.min_pt * px_per_pt)) if style.autofit else max_px
    w, h = width - 2, height - 2  # a pixel of slack for rounding the position on each side

    def best_split() -> tuple[str, str, float] | None:
        candidates = _splits(text)
        if not candidates:
            return None
        ref = max(min_px, 12)

        def width(line: str) -> float:
            left, _t, right, _b = measurer.bbox(line, ref)
            return right - left

        first, second, weight = min(candidates, key=lambda c: max(width(c[0]), width(c[1])) * c[2])
        kind = next(k for k, v in _BREAK_WEIGHT.items() if v == weight)
        return first, second, _PREFER_ONE_LINE[kind]

    floor_px = max(1, round(_FLOOR_PT * px_per_pt))
    split: tuple[str, str] | None = None
    prefer_one = 1.0
    searched = style.max_lines < 2  # the split is looked for only when one line falls short
    for lo, hi, below in ((min_px, max_px, False), (floor_px, min_px - 1, True)):
        one = measurer.largest([text], lo, hi, w, h)
        if one == hi:
            return _Fit((text,), one, below)
        if not searched:
            searched = True
            best = best_split()
            split, prefer_one = (best[:2], best[2]) if best else (None, 1.0)
        two = measurer.largest(split, lo, hi, w, h) if split else None
        if two is not None and split is not None and (one is None or two > one * prefer_one):
            return _Fit(split, two, below)
        if one is not None:
            return _Fit((text,), one, below)
    return _truncate(text, style, w, h, max(1, round(_FLOOR_PT * px_per_pt)), measurer)


def _truncate(text: str, style: TextStyle, w: int, h: int, size: int, measurer: _Measurer) -> _Fit:
    """The text at the floor size, cut at the end with an ellipsis: better than lost letters."""
    words = text.split(" ")
    lines: list[str] = []
    if style.max_lines >= 2 and measurer.fits(["Ag", "Ag"], size, w, h):
        first = ""
        while words and measurer.fits([f"{first} {words[0]}".strip()], size, w, h):
            first = f"{first} {words.pop(0)}".strip()
        if first:
            lines.append(first)
    rest = " ".join(words)
    while rest and not measurer.fits([*lines, rest + "…"], size, w, h):
        rest = rest[:-1].rstrip()
    lines.append(rest + "…" if rest else "…")
    return _Fit(tuple(lines), size, True, True)


def _draw_text(
    draw: ImageDraw.ImageDraw,
    index: int,
    el: Element,
    field: str | None,
    box: tuple[int, int, int, int],
    outer: tuple[int, int, int, int],
    text: str,
    style: TextStyle,
    color: int | tuple[int, int, int],
    dpi: int,
    engine: ImageFont.Layout,
    fit: _Fit | None = None,
) -> Placement:
    base = Placement(index + 1, el.kind, field, outer, text=text, min_pt=style.min_pt)
    if not text:
        return base
    measurer = _measurer(style, text, engine)
    left, top, right, bottom = box
    if fit is None:
        fit = fit_text(text, style, right - left, bottom - top, dpi, measurer)
    _w, block_h, first_top, baselines = measurer.block(fit.lines, fit.size)
    shrunk = isinstance(el, TextElement | LatinElement) and el.shrink
    if style.valign == "top" or shrunk:
        y0 = top + 1 - first_top
    elif style.valign == "bottom":
        y0 = bottom - 1 - (block_h + first_top)
    else:
        y0 = top + (bottom - top - block_h) / 2 - first_top
    ink: list[tuple[float, float, float, float]] = []
    for line, offset in zip(fit.lines, baselines, strict=True):
        ink_left, _t, ink_right, _b = measurer.bbox(line, fit.size)
        if style.align == "left":
            x = left + 1 - ink_left
        elif style.align == "right":
            x = right - 1 - ink_right
        else:
            x = (left + right) / 2 - (ink_left + ink_right) / 2
        xy = (round(x), round(y0 + offset))
        measurer.draw(draw, xy, line, fit.size, color)
        # == draw.textbbox(xy, line, …): the same font.getbbox, shifted by xy (cached here)
        ink.append((xy[0] + ink_left, xy[1] + _t, xy[0] + ink_right, xy[1] + _b))
    union = (
        round(min(b[0] for b in ink)),
        round(min(b[1] for b in ink)),
        round(max(b[2] for b in ink)),
        round(max(b[3] for b in ink)),
    )
    return Placement(
        index + 1,
        el.kind,
        field,
        outer,
        text=text,
        lines=fit.lines,
        size_px=fit.size,
        size_pt=fit.size * 72 / dpi,
        min_pt=style.min_pt,
        ink=union,
        below_min=fit.below_min,
        truncated=fit.truncated,
    )


def qr_matrix(code: str) -> list[list[bool]]:
    """The QR modules for ``code`` (error correction M, smallest version), no quiet zone."""
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=1, border=0)
    qr.add_data(code)
    qr.make(fit=True)
    return [[bool(v) for v in row] for row in qr.get_matrix()]


def _draw_qr(
    image: Image.Image,
    draw: ImageDraw.ImageDraw,
    index: int,
    el: QrElement,
    box: tuple[int, int, int, int],
    code: str,
    template: BadgeTemplate,
) -> Placement:
    if not code:
        return Placement(index + 1, el.kind, "code", box)
    matrix = qr_matrix(code)
    n = len(matrix)
    side_modules = n + 2 * el.quiet_zone
    avail = min(box[2] - box[0], box[3] - box[1])
    module = min(el.module_dots, avail // side_modules)
    if module < el.min_module_dots:
        need_mm = side_modules * el.min_module_dots / template.page.px_per_mm
        raise BadgeError(
            f"The ticket code {code!r} needs a QR code of {n} modules: at least {need_mm:.1f} mm "
            f"square at {el.min_module_dots} dots per module, but template "
            f"{template.name!r} (elements[{index + 1}]) leaves "
            f"{avail / template.page.px_per_mm:.1f} mm. Use a larger QR box or shorter codes."
        )
    side = side_modules * module
    if el.align == "left":
        x0 = box[0]
    elif el.align == "right":
        x0 = box[2] - side
    else:
        x0 = box[0] + (box[2] - box[0] - side) // 2
    y0 = box[1] + (box[3] - box[1] - side) // 2
    white = _color("#FFFFFF", template.page.thermal)
    draw.rectangle((x0, y0, x0 + side - 1, y0 + side - 1), fill=white)
    modules = Image.new("L", (n, n), 255)
    modules.putdata([0 if v else 255 for row in matrix for v in row])
    scaled = modules.resize((n * module, n * module), Image.Resampling.NEAREST)
    qx, qy = x0 + el.quiet_zone * module, y0 + el.quiet_zone * module
    image.paste(scaled.convert(image.mode), (qx, qy))
    return Placement(
        index + 1,
        el.kind,
        "code",
        box,
        text=code,
        qr=QrPlacement(qx, qy, module, n, el.quiet_zone),
    )


def _draw_image(
    image: Image.Image, el: ImageElement, box: tuple[int, int, int, int], thermal: bool
) -> None:
    if not el.path.is_file():
        if el.optional:
            return
        raise BadgeError(f"The badge image {el.path} is missing; put it back or edit the template")
    with Image.open(el.path) as src:
        picture = ImageOps.exif_transpose(src).convert("RGBA")
    bw, bh = box[2] - box[0], box[3] - box[1]
    scale = min(bw / picture.width, bh / picture.height)
    size = (max(1, round(picture.width * scale)), max(1, round(picture.height * scale)))
    picture = picture.resize(size, Image.Resampling.LANCZOS)
    flat = Image.new("RGBA", size, (255, 255, 255, 255))
    flat.alpha_composite(picture)
    tile = flat.convert("L" if thermal else "RGB")
    if el.align == "left":
        x = box[0]
    elif el.align == "right":
        x = box[2] - size[0]
    else:
        x = box[0] + (bw - size[0]) // 2
    image.paste(tile, (x, box[1] + (bh - size[1]) // 2))
