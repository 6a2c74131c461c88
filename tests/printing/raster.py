"""A small ESC/POS decoder for the tests: just the commands Kiosk sends, written from the spec.

It turns a byte stream back into commands and rebuilds every ``GS v 0`` raster as a 1-bit image
(bit set = black dot), so a test can compare what would be printed with what was meant.
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image

ESC, GS, DLE = 0x1B, 0x1D, 0x10


@dataclass(frozen=True)
class Raster:
    mode: int  # m: 0 normal, 1 double width, 2 double height, 3 both
    width_bytes: int  # xL + xH * 256
    height: int  # yL + yH * 256
    data: bytes

    def image(self) -> Image.Image:
        width = self.width_bytes * 8
        im = Image.new("1", (width, self.height), 1)
        pixels = im.load()
        assert pixels is not None
        for y in range(self.height):
            row = self.data[y * self.width_bytes : (y + 1) * self.width_bytes]
            for xb, byte in enumerate(row):
                if not byte:
                    continue
                for bit in range(8):
                    if byte & (0x80 >> bit):
                        pixels[xb * 8 + bit, y] = 0
        return im


@dataclass(frozen=True)
class Command:
    name: str  # "ESC @", "ESC d", "GS V", "GS v 0", "DLE EOT"
    args: bytes = b""
    raster: Raster | None = None


def decode(stream: bytes) -> list[Command]:
    """Split ``stream`` into commands; any byte that is not one of Kind's commands fails."""
    out: list[Command] = []
    i = 0
    while i < len(stream):
        b = stream[i]
        if b == ESC and stream[i + 1 : i + 2] == b"@":
            out.append(Command("ESC @"))
            i += 2
        elif b == ESC and stream[i + 1 : i + 2] == b"d":
            out.append(Command("ESC d", stream[i + 2 : i + 3]))
            i += 3
        elif b == DLE and stream[i + 1 : i + 2] == b"\x04":
            out.append(Command("DLE EOT", stream[i + 2 : i + 3]))
            i += 3
        elif b == GS and stream[i + 1 : i + 3] == b"v0":
            m, xl, xh, yl, yh = stream[i + 3 : i + 8]
            width_bytes, height = xl + xh * 256, yl + yh * 256
            end = i + 8 + width_bytes * height
            assert end <= len(stream), f"raster at {i} is cut short"
            raster = Raster(m, width_bytes, height, stream[i + 8 : end])
            out.append(Command("GS v 0", stream[i + 3 : i + 8], raster))
            i = end
        elif b == GS and stream[i + 1 : i + 2] == b"V":
            m = stream[i + 2]
            size = 4 if m in (65, 66) else 3
            out.append(Command("GS V", stream[i + 2 : i + size]))
            i += size
        else:
            raise AssertionError(f"unexpected byte 0x{b:02x} at {i}: {stream[i : i + 8]!r}")
    return out


def printed_image(stream: bytes) -> Image.Image:
    """All rasters of the stream stacked top to bottom, as the paper would show them."""
    rasters = [c.raster for c in decode(stream) if c.raster is not None]
    assert rasters, "no GS v 0 raster in the stream"
    width = max(r.width_bytes for r in rasters) * 8
    page = Image.new("1", (width, sum(r.height for r in rasters)), 1)
    y = 0
    for r in rasters:
        page.paste(r.image(), (0, y))
        y += r.height
    return page
