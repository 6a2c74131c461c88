"""Our raster encoder sends exactly the bytes python-escpos' own image() would."""

from __future__ import annotations

import random

import pytest
from escpos.printer import Dummy
from PIL import Image

from kiosk.printing.escpos import FRAGMENT_HEIGHT, raster_commands


def noise(width: int, height: int, seed: int) -> Image.Image:
    rng = random.Random(seed)
    image = Image.new("1", (width, height), 1)
    pixels = image.load()
    assert pixels is not None
    for _ in range(width * height // 3):
        pixels[rng.randrange(width), rng.randrange(height)] = 0
    return image


@pytest.mark.parametrize(
    ("width", "height"),
    [(576, 300), (512, 40), (384, FRAGMENT_HEIGHT + 123), (696, 2 * FRAGMENT_HEIGHT), (101, 57)],
)
def test_raster_bytes_equal_python_escpos_image(width: int, height: int) -> None:
    image = noise(width, height, seed=width + height)
    reference = Dummy()
    reference.image(image, impl="bitImageRaster", center=False, fragment_height=FRAGMENT_HEIGHT)
    assert raster_commands(image) == reference.output


def test_only_1_bit_images_are_encoded() -> None:
    with pytest.raises(ValueError, match="1-bit"):
        raster_commands(Image.new("L", (8, 8), 255))
