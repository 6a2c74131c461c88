"""The page ``kiosk print-test`` prints: is the width right, are all the names' letters there?"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

import qrcode
from PIL import Image, ImageDraw, ImageFont

from kiosk.assets import font_path

TEST_QR_TEXT = "KIOSK TEST PAGE"


def distinct_characters(names: Iterable[str]) -> str:
    """Every distinct printable character of the names (NFC), sorted; spaces left out."""
    chars = {ch for name in names for ch in unicodedata.normalize("NFC", name) if ch.isprintable()}
    return "".join(sorted(chars - {" "}))


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for ch in text:
        if line and font.getlength(line + ch + " ") > width:
            lines.append(line.rstrip())
            line = ""
        line += ch + " "
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _qr(text: str, module: int) -> Image.Image:
    code = qrcode.QRCode(
        border=4, box_size=module, error_correction=qrcode.constants.ERROR_CORRECT_M
    )
    code.add_data(text)
    code.make(fit=True)
    matrix = code.get_matrix()
    size = len(matrix) * module
    image = Image.new("1", (size, size), 1)
    draw = ImageDraw.Draw(image)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                draw.rectangle(
                    (x * module, y * module, (x + 1) * module - 1, (y + 1) * module - 1), fill=0
                )
    return image


def test_page(
    width_px: int,
    dpi: int,
    names: list[str],
    *,
    uri: str = "",
    profile: str = "",
    qr_text: str = TEST_QR_TEXT,
) -> Image.Image:
    """A 1-bit test page exactly ``width_px`` wide for a printer of ``dpi``.

    From top to bottom: title, printer URI and profile, width and dpi in words, a ruler (a tick
    every millimetre, numbered every 10 mm, and a dot at both edges: if either edge dot is
    missing, the width is wrong), every distinct character of ``names`` in the bundled Noto Sans,
    a QR code of ``qr_text`` (4 dots per module at least), and 1-bit patterns (1-, 2- and 4-dot
    checkerboards and a solid block).
    """
    margin = max(4, width_px // 64)
    inner = width_px - 2 * margin
    mm = dpi / 25.4
    size = max(12, round(3.5 * mm))  # ~3.5 mm text
    font = ImageFont.truetype(str(font_path()), size)
    bold = ImageFont.truetype(str(font_path(bold=True)), round(size * 1.3))
    line = round(size * 1.35)

    header = ["Kiosk test page"]
    info = [
        uri or "printer: (not given)",
        f"profile: {profile}" if profile else "",
        f"{width_px} dots at {dpi} dpi = {width_px / mm:.1f} mm wide",
    ]
    info = [t for t in info if t]
    info_lines = [part for text in info for part in _wrap_words(text, font, inner)]
    chars = distinct_characters(names)
    char_lines = _wrap(chars, font, inner) if chars else ["(no names given)"]
    module = max(4, round(0.5 * mm))
    qr = _qr(qr_text, module)
    if qr.width > inner:
        qr = _qr(qr_text, max(1, inner // (qr.width // module)))
    pattern_h = round(8 * mm)
    ruler_h = round(6 * mm) + size

    height = (
        margin
        + round(line * 1.4)
        + line * len(info_lines)
        + ruler_h
        + line  # "characters:" label
        + line * len(char_lines)
        + margin
        + qr.height
        + margin
        + pattern_h
        + margin * 2
    )
    page = Image.new("1", (width_px, height), 1)
    draw = ImageDraw.Draw(page)
    y = margin
    draw.text((margin, y), header[0], font=bold, fill=0)
    y += round(line * 1.4)
    for text in info_lines:
        draw.text((margin, y), text, font=font, fill=0)
        y += line

    # Ruler: full width, ticks every mm from the left edge, numbers every 10 mm, edge dots.
    base = y + round(5 * mm)
    draw.line((0, base, width_px - 1, base), fill=0, width=2)
    tick = 0
    while (x := round(tick * mm)) < width_px:
        length = (
            round(4 * mm) if tick % 10 == 0 else round(2 * mm) if tick % 5 == 0 else round(1 * mm)
        )
        draw.line((x, base - length, x, base), fill=0)
        if tick % 10 == 0 and tick:
            label = str(tick)
            if x + font.getlength(label) / 2 < width_px:
                draw.text((x - font.getlength(label) / 2, base + 2), label, font=font, fill=0)
        tick += 1
    edge = max(2, round(0.5 * mm))
    draw.rectangle((0, base - round(5 * mm), edge - 1, base), fill=0)
    draw.rectangle((width_px - edge, base - round(5 * mm), width_px - 1, base), fill=0)
    y += ruler_h

    draw.text((margin, y), "Characters of the names:", font=font, fill=0)
    y += line
    for text in char_lines:
        draw.text((margin, y), text, font=font, fill=0)
        y += line
    y += margin

    page.paste(qr, ((width_px - qr.width) // 2, y))
    y += qr.height + margin

    # Patterns: checkerboards of 1, 2 and 4 dots, then solid black.
    block = inner // 4
    for i, cell in enumerate((1, 2, 4)):
        x0 = margin + i * block
        for yy in range(pattern_h):
            for xx in range(block - margin // 2):
                if ((xx // cell) + (yy // cell)) % 2 == 0:
                    page.putpixel((x0 + xx, y + yy), 0)
    draw.rectangle((margin + 3 * block, y, margin + 4 * block - 1, y + pattern_h - 1), fill=0)
    return page


def _wrap_words(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Wrap at spaces, or anywhere for long URIs."""
    lines: list[str] = []
    current = ""
    for ch in text:
        if current and font.getlength(current + ch) > width:
            cut = current.rfind(" ")
            if cut > 0:
                lines.append(current[:cut])
                current = current[cut + 1 :]
            else:
                lines.append(current)
                current = ""
        current += ch
    if current:
        lines.append(current)
    return lines


test_page.__test__ = False  # type: ignore[attr-defined]  # not a pytest test
