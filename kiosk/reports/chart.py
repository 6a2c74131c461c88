"""The arrivals chart: first in-person arrivals per 15 minutes, one bar panel per day, as PNG.

Drawn with Pillow and the bundled Noto Sans (no plotting library): the chart is simple, and the
same picture goes into the PNG file, the XLSX summary sheet and the PDF report.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from datetime import date, datetime, time

from PIL import Image, ImageDraw, ImageFont

from kiosk.assets import font_path

WIDTH = 1200
PANEL_HEIGHT = 300
TITLE_HEIGHT = 70

_INK = (33, 37, 41)
_GRID = (222, 226, 230)
_BAR = (25, 113, 194)
_MUTED = (108, 117, 125)


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path(bold)), size)


def chart_size(days: int) -> tuple[int, int]:
    """The pixel size of a chart with ``days`` panels."""
    return WIDTH, TITLE_HEIGHT + PANEL_HEIGHT * max(days, 1) + 30


def _nice_step(top: int) -> int:
    """A round gridline step giving about five lines up to ``top``."""
    raw = max(top / 5, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * magnitude >= raw:
            return int(factor * magnitude)
    return int(10 * magnitude)


@dataclass(frozen=True, slots=True)
class ChartText:
    """The chart's words, so the desk app can draw it in its own language."""

    day_total: str = "{day} — {total} first arrivals"
    no_arrivals: str = "No arrivals"
    note: str = "First in-person arrival per person and day, per 15 minutes, event time zone"


def arrivals_png(
    title: str, arrivals: dict[date, list[tuple[datetime, int]]], text: ChartText | None = None
) -> bytes:
    """A PNG of the arrivals per 15 minutes, one panel per day, on a common time-of-day axis."""
    text = text or ChartText()
    days = sorted(arrivals)
    width, height = chart_size(len(days))
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    draw.text((24, 18), title, font=_font(26, bold=True), fill=_INK)

    slots = [t for series in arrivals.values() for t, _ in series]
    if slots:
        first = min(t.hour * 60 + t.minute for t in slots)
        last = max(t.hour * 60 + t.minute for t in slots) + 15
        first = first - first % 60
        last = last + (-last) % 60
    else:
        first, last = 8 * 60, 18 * 60
    span = max(last - first, 60)
    top = max((n for series in arrivals.values() for _, n in series), default=0)
    step = _nice_step(max(top, 1))
    ceiling = step * math.ceil(max(top, 1) / step)

    small, label_font = _font(15), _font(18, bold=True)
    left, right = 80, width - 30
    for index, day in enumerate(days or [None]):
        y0 = TITLE_HEIGHT + index * PANEL_HEIGHT
        plot_top, plot_bottom = y0 + 40, y0 + PANEL_HEIGHT - 45
        series = arrivals.get(day, []) if day else []
        total = sum(n for _, n in series)
        heading = (
            text.day_total.format(day=day.isoformat(), total=total) if day else text.no_arrivals
        )
        draw.text((left, y0 + 6), heading, font=label_font, fill=_INK)
        for value in range(0, ceiling + 1, step):
            y = plot_bottom - (plot_bottom - plot_top) * value / ceiling
            draw.line([(left, y), (right, y)], fill=_GRID, width=1)
            number = str(value)
            x = left - 10 - draw.textlength(number, font=small)
            draw.text((x, y - 9), number, font=small, fill=_MUTED)
        for minute in range(first, last + 1, 60):
            x = left + (right - left) * (minute - first) / span
            draw.line([(x, plot_bottom), (x, plot_bottom + 6)], fill=_INK, width=1)
            hour = time(minute // 60 % 24, 0).strftime("%H:%M")
            draw.text(
                (x - draw.textlength(hour, font=small) / 2, plot_bottom + 10),
                hour,
                font=small,
                fill=_MUTED,
            )
        bar = (right - left) * 15 / span
        for slot, count in series:
            if not count:
                continue
            minute = slot.hour * 60 + slot.minute
            x = left + (right - left) * (minute - first) / span
            y = plot_bottom - (plot_bottom - plot_top) * count / ceiling
            draw.rectangle([(x + 1, y), (x + bar - 1, plot_bottom)], fill=_BAR)
        draw.line([(left, plot_bottom), (right, plot_bottom)], fill=_INK, width=2)
    draw.text(
        (24, height - 28),
        text.note,
        font=small,
        fill=_MUTED,
    )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
