"""Fixtures for the printing tests: badge-like images and the fake network printer."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import qrcode
from PIL import Image, ImageDraw

from tests.printing.fake_printer import FakeEscposPrinter

QR_TEXT = "https://kiosk.example/c/K7Q-2M4X-9PLD"


def qr_badge(width: int = 576, height: int = 500, text: str = QR_TEXT) -> Image.Image:
    """A 1-bit badge: a frame, a black ribbon and a QR (7 dots per module) in the middle."""
    badge = Image.new("1", (width, height), 1)
    draw = ImageDraw.Draw(badge)
    draw.rectangle((0, 0, width - 1, height - 1), outline=0, width=3)
    draw.rectangle((0, height - 60, width - 1, height - 1), fill=0)
    code = qrcode.make(text, box_size=7, border=4).get_image().convert("1")
    badge.paste(code, ((width - code.width) // 2, 20))
    return badge


@pytest.fixture
def badge() -> Image.Image:
    return qr_badge()


@pytest.fixture
def fake_printer() -> Iterator[FakeEscposPrinter]:
    printer = FakeEscposPrinter()
    yield printer
    printer.close()
