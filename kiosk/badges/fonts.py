"""The badge fonts: loading (cached), the layout engine, and which characters a font can draw.

Glyph coverage is read from the font's own ``cmap`` table (parsed here with :mod:`struct`),
because asking Pillow to draw or measure a missing character silently gives the ``.notdef`` box,
whose size looks like any other glyph's.
"""

from __future__ import annotations

import struct
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

from PIL import ImageFont, features

from kiosk.assets import font_path

_UNICODE_SUBTABLES = {(0, 3), (0, 4), (0, 6), (3, 1), (3, 10)}


def raqm_available() -> bool:
    """True when Pillow can shape text with libraqm (needs FriBiDi on the system)."""
    return bool(features.check("raqm"))


def default_engine() -> ImageFont.Layout:
    """RAQM when available (it honours language hints and is faster here), else BASIC."""
    return ImageFont.Layout.RAQM if raqm_available() else ImageFont.Layout.BASIC


@cache
def weight_path(weight: str) -> Path:
    """The bundled font file for a template weight (``regular`` or ``bold``); cached, since
    every text of every badge asks (and finding the assets folder checks the disk)."""
    return font_path(bold=weight == "bold")


@lru_cache(maxsize=64)
def load_font(path: Path, size_px: int, engine: ImageFont.Layout) -> ImageFont.FreeTypeFont:
    """A font at a pixel size; cached, since loading costs ~0.2 ms and badges reuse sizes.

    Each FreeType face keeps its own glyph cache: a few dozen (the sizes a template's fields
    settle on) serve a whole day of badges; hundreds made a desk's memory grow all day.
    """
    return ImageFont.truetype(str(path), size_px, layout_engine=engine)


@cache
def covered_codepoints(path: Path) -> frozenset[int]:
    """Every code point the font maps to a real glyph (its Unicode ``cmap`` subtables)."""
    data = path.read_bytes()
    base = 0
    if data[:4] == b"ttcf":  # a collection: use the first font
        (base,) = struct.unpack_from(">I", data, 12)
    (num_tables,) = struct.unpack_from(">H", data, base + 4)
    cmap_offset = None
    for i in range(num_tables):
        tag, _checksum, offset, _length = struct.unpack_from(">4sIII", data, base + 12 + 16 * i)
        if tag == b"cmap":
            cmap_offset = offset
            break
    if cmap_offset is None:
        raise ValueError(f"{path.name} has no cmap table: it is not a usable font")
    _version, count = struct.unpack_from(">HH", data, cmap_offset)
    found: set[int] = set()
    seen_offsets: set[int] = set()
    for i in range(count):
        platform, encoding, sub = struct.unpack_from(">HHI", data, cmap_offset + 4 + 8 * i)
        if (platform, encoding) not in _UNICODE_SUBTABLES or sub in seen_offsets:
            continue
        seen_offsets.add(sub)
        start = cmap_offset + sub
        (fmt,) = struct.unpack_from(">H", data, start)
        if fmt == 4:
            found.update(_format4(data, start))
        elif fmt == 12:
            found.update(_format12(data, start))
    return frozenset(found)


def _format4(data: bytes, start: int) -> set[int]:
    (seg_x2,) = struct.unpack_from(">H", data, start + 6)
    segs = seg_x2 // 2
    ends = struct.unpack_from(f">{segs}H", data, start + 14)
    starts = struct.unpack_from(f">{segs}H", data, start + 16 + seg_x2)
    deltas = struct.unpack_from(f">{segs}h", data, start + 16 + 2 * seg_x2)
    range_pos = start + 16 + 3 * seg_x2
    ranges = struct.unpack_from(f">{segs}H", data, range_pos)
    out: set[int] = set()
    for k in range(segs):
        for code in range(starts[k], ends[k] + 1):
            if code == 0xFFFF:
                continue
            if ranges[k] == 0:
                glyph = (code + deltas[k]) & 0xFFFF
            else:
                at = range_pos + 2 * k + ranges[k] + 2 * (code - starts[k])
                (glyph,) = struct.unpack_from(">H", data, at)
                if glyph:
                    glyph = (glyph + deltas[k]) & 0xFFFF
            if glyph:
                out.add(code)
    return out


def _format12(data: bytes, start: int) -> set[int]:
    (groups,) = struct.unpack_from(">I", data, start + 12)
    out: set[int] = set()
    for g in range(groups):
        first, last, glyph = struct.unpack_from(">III", data, start + 16 + 12 * g)
        out.update(range(first + (1 if glyph == 0 else 0), last + 1))
    return out


def missing_glyphs(text: str, font_file: Path) -> set[str]:
    """The characters of ``text`` the font cannot draw (control and format characters ignored)."""
    covered = covered_codepoints(Path(font_file))
    return {
        ch for ch in text if ord(ch) not in covered and unicodedata.category(ch) not in ("Cc", "Cf")
    }


def describe(chars: set[str] | frozenset[str]) -> str:
    """``'ნ' (U+10DC GEORGIAN LETTER NAR), …`` in code point order, for messages."""
    return ", ".join(
        f"'{c}' (U+{ord(c):04X} {unicodedata.name(c, 'unnamed character')})" for c in sorted(chars)
    )
