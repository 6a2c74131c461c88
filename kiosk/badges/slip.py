"""The meeting slip: a person's B2B meetings of the day, for a thermal roll (58/80 mm) or a page
(A6/A4). Names are drawn as on badges: a Cyrillic name with its Latin spelling on a line below.

Drawn in black on white (1-bit for thermal printers), with the bundled fonts, so it prints the
same on every machine. The words of the slip are in the attendee's language (en, bg, ro).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from PIL import Image, ImageDraw, ImageFont

from kiosk.badges.fonts import default_engine, load_font, weight_path
from kiosk.core.countries import country_name
from kiosk.core.meetings import with_word
from kiosk.core.plurals import counted
from kiosk.core.text import has_cyrillic, transliterate

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Your B2B meetings",
        "none": "No B2B meetings on this day.",
        "with": "with",
    },
    "bg": {
        "title": "Вашите B2B срещи",
        "none": "Нямате B2B срещи в този ден.",
        "with": "с",
    },
    "ro": {
        "title": "Întâlnirile dvs. B2B",
        "none": "Nicio întâlnire B2B în această zi.",
        "with": "cu",
    },
}

#: "2 meetings" under the list, in each language's plural forms (kiosk.core.plurals).
MEETINGS_COUNTED: dict[str, dict[str, str]] = {
    "en": {"one": "{count} meeting", "other": "{count} meetings"},
    "bg": {"one": "{count} среща", "other": "{count} срещи"},
    "ro": {"one": "{count} întâlnire", "few": "{count} întâlniri", "other": "{count} de întâlniri"},
}

#: The clear border of a slip on a page (A6, A4), in millimetres.
PAGE_MARGIN_MM = 8

#: Paper the slip is made for: (width in dots, height in dots or None for a roll, dpi).
PAPERS: dict[str, tuple[int, int | None, int]] = {
    "roll-80mm": (576, None, 203),  # 72 mm printable on an 80 mm roll
    "roll-58mm": (384, None, 203),  # 48 mm printable on a 58 mm roll
    "A6": (1240, 1748, 300),  # 105 × 148 mm
    "A4": (2480, 3508, 300),  # 210 × 297 mm
}


@dataclass(frozen=True, slots=True)
class SlipMeeting:
    start: time
    end: time | None
    location: str
    partner: str
    organization: str
    country: str


@dataclass(frozen=True, slots=True)
class SlipData:
    event_name: str
    person: str
    day: date
    meetings: tuple[SlipMeeting, ...]
    language: str = "en"


def slip_lines(data: SlipData) -> list[tuple[str, str]]:
    """What the slip says, line by line, before wrapping: (text, style), the style one of
    small, body, strong, title, or rule (a line across). A Cyrillic name is followed by its
    Latin spelling, as on badges."""
    words = WORDS.get(data.language, WORDS["en"])
    lines: list[tuple[str, str]] = []

    def name(text: str, style: str, prefix: str = "") -> None:
        lines.append((f"{prefix} {text}".strip(), style))
        if has_cyrillic(text):
            lines.append((transliterate(text), "small"))

    lines.append((data.event_name, "small"))
    lines.append((words["title"], "title"))
    lines.append((f"{data.day:%d.%m.%Y}", "strong"))
    name(data.person, "strong")
    lines.append(("", "rule"))
    if not data.meetings:
        lines.append((words["none"], "body"))
    for m in data.meetings:
        when = f"{m.start:%H:%M}–{m.end:%H:%M}" if m.end else f"{m.start:%H:%M}"
        lines.append((f"{when}   {m.location}".strip(), "strong"))
        name(m.partner, "body", with_word(data.language, m.partner) or words["with"])
        country = country_name(m.country, data.language) if m.country else ""
        facts = " · ".join(x for x in (m.organization, country) if x)
        if facts:
            lines.append((facts, "small"))
        lines.append(("", "rule"))
    if data.meetings:
        language = data.language if data.language in MEETINGS_COUNTED else "en"
        lines.append((counted(len(data.meetings), MEETINGS_COUNTED[language], language), "small"))
    return lines


def _px(pt: float, dpi: int) -> int:
    return max(8, round(pt / 72 * dpi))


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Lines of at most ``width`` pixels: broken between words, and inside a word too long."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if font.getlength(trial) <= width:
            current = trial
            continue
        if current:
            lines.append(current)
        current = word
        while len(current) > 1 and font.getlength(current) > width:
            cut = len(current) - 1
            while cut > 1 and font.getlength(current[:cut]) > width:
                cut -= 1
            lines.append(current[:cut])
            current = current[cut:]
    if current:
        lines.append(current)
    return lines


_Item = tuple[str, "ImageFont.FreeTypeFont | None"]  # a wrapped line and its font; None: a rule


class SlipLayout:
    """The slip's lines wrapped to a width and laid out on pages (one page on a roll)."""

    def __init__(self, data: SlipData, width_px: int, dpi: int, page_height_px: int | None) -> None:
        engine = default_engine()
        regular, bold = weight_path("regular"), weight_path("bold")
        scale = 1.0 if width_px / dpi * 25.4 < 60 else 1.15
        small = load_font(regular, _px(8 * scale, dpi), engine)
        body = load_font(regular, _px(10 * scale, dpi), engine)
        strong = load_font(bold, _px(10.5 * scale, dpi), engine)
        title = load_font(bold, _px(12 * scale, dpi), engine)
        self.dpi = dpi
        # A roll prints to 3 mm of its printable width; an office or card printer leaves its
        # own unprintable border (about 4–5 mm on most), so a page keeps 8 mm clear.
        self.margin = round((3 if page_height_px is None else PAGE_MARGIN_MM) / 25.4 * dpi)
        self.gap = round(1.2 / 25.4 * dpi)
        inner = width_px - 2 * self.margin
        fonts = {"small": small, "body": body, "strong": strong, "title": title}
        items: list[_Item] = []
        for text, style in slip_lines(data):
            if style == "rule":
                items.append(("", None))
            else:
                items.extend((line, fonts[style]) for line in _wrap(text, fonts[style], inner))
        # A meeting's lines stay on one page: the lines up to each rule form a block, and a
        # block that does not fit on what is left of a page starts the next one (a block taller
        # than a whole page is broken between lines).
        blocks: list[list[_Item]] = [[]]
        for item in items:
            blocks[-1].append(item)
            if item[1] is None:
                blocks.append([])
        margin = self.margin
        room = (page_height_px - 2 * margin) if page_height_px is not None else None
        self.pages: list[list[_Item]] = [[]]
        used = 0
        for block in blocks:
            tall = sum(self.height(i) for i in block)
            if room is not None and self.pages[-1] and used + tall > room and tall <= room:
                self.pages.append([])
                used = 0
            for item in block:
                h = self.height(item)
                if room is not None and used + h > room and self.pages[-1]:
                    if item[1] is None:
                        continue  # a rule that does not fit: the page break separates enough
                    self.pages.append([])
                    used = 0
                self.pages[-1].append(item)
                used += h

    def height(self, item: _Item) -> int:
        _, font = item
        if font is None:
            return self.gap * 2 + max(1, self.dpi // 100)
        ascent, descent = font.getmetrics()
        return ascent + descent + self.gap // 2


def render_slip(
    data: SlipData,
    width_px: int,
    dpi: int,
    *,
    page_height_px: int | None = None,
    thermal: bool = True,
) -> list[Image.Image]:
    """The slip as images: one long image for a roll, one or more pages of ``page_height_px``."""
    layout = SlipLayout(data, width_px, dpi, page_height_px)
    margin, gap, dpi = layout.margin, layout.gap, layout.dpi
    images = []
    for page in layout.pages:
        total = page_height_px or margin * 2 + sum(layout.height(i) for i in page)
        image = Image.new("L", (width_px, total), 255)
        draw = ImageDraw.Draw(image)
        y = margin
        for text, font in page:
            if font is None:
                y += gap
                draw.line((margin, y, width_px - margin, y), fill=0, width=max(1, dpi // 100))
                y += gap + max(1, dpi // 100)
                continue
            draw.text((margin, y), text, font=font, fill=0)
            ascent, descent = font.getmetrics()
            y += ascent + descent + gap // 2
        images.append(image.convert("1", dither=Image.Dither.NONE) if thermal else image)
    return images
