"""The palette of badge pages, known from the template before any badge is drawn."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from kiosk.badges import (
    BadgeData,
    load_badge_template,
    load_sheet_template,
    render_badge,
    sheet_pages,
)
from kiosk.badges.palette import colours, sheet_palette
from kiosk.badges.template import Box, ImageElement, RibbonElement

from .conftest import LONG_BG, LONG_RO
from .test_templates import BADGES

COLOUR = [name for name in BADGES if not load_badge_template(name).page.thermal]
THERMAL = [name for name in BADGES if load_badge_template(name).page.thermal]


def _mapped(image: Image.Image, palette: Image.Image) -> Image.Image:
    return image.quantize(palette=palette, dither=Image.Dither.NONE).convert("RGB")


@pytest.mark.parametrize("name", COLOUR)
def test_every_flat_colour_of_a_template_is_kept_exactly(name: str) -> None:
    template = load_badge_template(name)
    palette = sheet_palette(template)
    assert palette is not None
    assert len(palette.getpalette() or []) <= 3 * 256
    found = colours(template)
    assert found is not None
    flats = sorted(found[0])
    strip = Image.new("RGB", (len(flats), 1))
    strip.putdata(flats)
    assert _mapped(strip, palette).tobytes() == strip.tobytes()


@pytest.mark.parametrize("name", COLOUR)
def test_badges_of_every_category_look_as_drawn_once_mapped(name: str) -> None:
    """Anti-aliased white text on each ribbon colour, dark text on white: every pixel lands
    on a blend of its own pair, close to what was drawn."""
    template = load_badge_template(name)
    palette = sheet_palette(template)
    assert palette is not None
    ribbon = next(el for el in template.elements if isinstance(el, RibbonElement))
    for category in (*ribbon.categories, "unlisted category"):
        for person in (LONG_BG, LONG_RO):
            drawn = render_badge(replace(person, category=category), template).convert("RGB")
            diff = ImageChops.difference(drawn, _mapped(drawn, palette))
            grey = diff.convert("L").histogram()
            assert sum(i * n for i, n in enumerate(grey)) / sum(grey) < 0.25, category
            assert max(high for _low, high in diff.getextrema()) <= 16, category


@pytest.mark.parametrize("name", THERMAL)
def test_thermal_badges_need_only_black_and_white(name: str) -> None:
    assert colours(load_badge_template(name)) == ({(0, 0, 0), (255, 255, 255)}, set())


def test_white_text_on_a_header_band_is_a_pair_and_dark_names_are_not_paired_with_ribbons() -> None:
    found = colours(load_badge_template("a6-portrait"))
    assert found is not None
    _flats, pairs = found
    assert ((255, 255, 255), (0x0B, 0x3C, 0x5D)) in pairs  # event name on the header band
    assert ((255, 255, 255), (0xC6, 0x28, 0x28)) in pairs  # speaker label on its ribbon
    assert ((0x11, 0x11, 0x11), (0xC6, 0x28, 0x28)) not in pairs  # ribbons are drawn last


def test_a_template_with_a_picture_has_no_palette_in_advance(tmp_path: Path) -> None:
    template = load_badge_template("cr80")
    logo = ImageElement(box=Box(1.0, 1.0, 5.0, 5.0), path=tmp_path / "logo.png")
    with_logo = replace(template, elements=(*template.elements, logo))
    assert colours(with_logo) is None
    assert sheet_palette(with_logo) is None


@pytest.mark.parametrize("categories", [84, 300], ids=["too-many-pairs", "too-many-fills"])
def test_too_many_colours_for_256_entries_give_no_palette(categories: int) -> None:
    """A template whose colours cannot all get close blends is reduced page by page instead."""
    template = load_badge_template("cr80")
    ribbon = next(el for el in template.elements if isinstance(el, RibbonElement))
    styles = {
        f"c{i}": replace(
            ribbon.default, fill=f"#{i % 256:02X}{255 - i // 2:02X}{(i * 7) % 256:02X}"
        )
        for i in range(categories)
    }
    crowded = replace(
        template,
        elements=tuple(
            replace(el, categories=styles) if isinstance(el, RibbonElement) else el
            for el in template.elements
        ),
    )
    assert sheet_palette(crowded) is None
    sheet = replace(load_sheet_template("a4-sheet"), cell=crowded)
    (page,) = sheet_pages([BadgeData("Ana", "Pop", category="c3", code="X1")], sheet)
    assert page.mode == "RGB"
