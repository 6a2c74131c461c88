"""Rendering: long names fit without clipping, QR codes scan, thermal output is clean 1-bit."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageFont

from kiosk.assets import font_path
from kiosk.badges import (
    BadgeData,
    BadgeError,
    BadgeTemplate,
    GlyphError,
    Rendered,
    load_badge_template,
    load_template,
    missing_glyphs,
    render,
    render_badge,
)
from kiosk.badges.fonts import raqm_available
from kiosk.badges.template import TextStyle
from kiosk.core.model import Attendee
from kiosk.storage.attendees import NewAttendee, find_by_code, insert_many
from kiosk.storage.database import Database
from tests.qr import read_qr

from .conftest import EVENT, LONG_BG, LONG_RO
from .test_templates import BADGES

THERMAL_WIDTHS = {"roll-80mm": 576, "roll-80mm-tm-t88": 512, "roll-58mm": 384, "brother-62mm": 696}
ENGINES = [ImageFont.Layout.BASIC] + ([ImageFont.Layout.RAQM] if raqm_available() else [])
ENGINE_IDS = ["basic", "raqm"][: len(ENGINES)]


@pytest.fixture(params=BADGES)
def template(request: pytest.FixtureRequest) -> BadgeTemplate:
    return load_badge_template(request.param)


def decoded(image: Image.Image) -> list[str]:
    return read_qr(image)


@pytest.mark.parametrize("engine", ENGINES, ids=ENGINE_IDS)
def test_long_names_fit_inside_their_boxes_on_every_template(
    template: BadgeTemplate, long_name: BadgeData, engine: ImageFont.Layout
) -> None:
    result = render(long_name, template, engine=engine)
    width, height = result.image.size
    texts = [p for p in result.placements if p.lines]
    assert {p.field for p in texts} >= {"first_name", "last_name", "organization", "category"}
    for p in texts:
        assert p.ink is not None
        left, top, right, bottom = p.box
        il, it, ir, ib = p.ink
        assert left <= il and ir <= right and top <= it and ib <= bottom, (p.field, p.box, p.ink)
        assert il >= 0 and it >= 0 and ir <= width and ib <= height
        assert not p.truncated, p
        assert p.size_pt >= p.min_pt - 0.5 or len(p.lines) == 2, p
        assert not p.below_min, p
        assert " ".join(p.lines).replace("- ", "-") == p.text or "·" in p.text


def test_names_are_printed_in_full_not_shortened(template: BadgeTemplate) -> None:
    result = render(LONG_BG, template)
    by_field = {p.field: p for p in result.placements}
    assert " ".join(by_field["last_name"].lines).replace("- ", "-") == "Стефанов Първанов-Христов"
    latin = next(p for p in result.placements if p.kind == "latin")
    assert latin.text == "Konstantin Stefanov Parvanov-Hristov"


def test_the_qr_code_decodes_to_the_exact_ticket_code_on_every_template(
    template: BadgeTemplate, long_name: BadgeData
) -> None:
    assert decoded(render_badge(long_name, template)) == [long_name.code]


def test_a_long_external_code_still_scans_with_smaller_modules(template: BadgeTemplate) -> None:
    code = "https://tickets.example.org/b/000123?k=ABCDEFGH"
    result = render(replace(LONG_RO, code=code), template)
    qr = next(p.qr for p in result.placements if p.qr is not None)
    assert qr.module >= 4
    assert decoded(result.image) == [code]


def test_a_code_too_long_for_the_qr_box_is_refused_not_printed_unreadable() -> None:
    with pytest.raises(BadgeError, match=r"needs a QR code of .* Use a larger QR box"):
        render_badge(replace(LONG_RO, code="X" * 400), load_badge_template("cr80"))


@pytest.mark.parametrize(("name", "width"), THERMAL_WIDTHS.items())
def test_thermal_badges_are_pure_1bit_at_exactly_the_printer_width(name: str, width: int) -> None:
    image = render_badge(LONG_BG, load_badge_template(name))
    assert image.mode == "1"
    assert image.width == width
    colours = image.convert("L").getcolors()
    assert colours is not None
    assert {value for _count, value in colours} == {0, 255}


@pytest.mark.parametrize("name", THERMAL_WIDTHS)
def test_thermal_qr_modules_are_solid_blocks_without_dither_noise(name: str) -> None:
    result = render(LONG_RO, load_badge_template(name))
    qr = next(p.qr for p in result.placements if p.qr is not None)
    pixels = result.image.convert("L").load()
    assert pixels is not None
    m, n, q = qr.module, qr.modules, qr.quiet_zone
    for row in range(-q, n + q):
        for col in range(-q, n + q):
            x0, y0 = qr.x + col * m, qr.y + row * m
            block = {pixels[x0 + dx, y0 + dy] for dx in range(m) for dy in range(m)}
            assert len(block) == 1, (row, col, block)
            if not (0 <= row < n and 0 <= col < n):
                assert block == {255}  # the quiet zone is white


def test_colour_badges_have_the_exact_page_size(template: BadgeTemplate) -> None:
    image = render_badge(LONG_RO, template)
    assert image.width == template.page.width_px
    if template.page.height_px is not None:
        assert image.height == template.page.height_px
        assert image.mode == "RGB"


def stored(db: Database, data: BadgeData) -> BadgeData:
    """``data`` as a badge gets it: the person stored (where names are cleaned), read back."""
    person = NewAttendee(
        data.code, data.first_name, data.last_name, data.organization, data.country,
        category=data.category,
    )  # fmt: skip
    with db.write() as conn:
        insert_many(conn, [person], "2026-09-01T00:00:00Z")
        found = find_by_code(conn, data.code)
    assert found is not None
    return BadgeData.from_attendee(found, data.event_name, data.language)


@pytest.mark.parametrize("engine", ENGINES, ids=ENGINE_IDS)
@pytest.mark.parametrize("name", ["roll-80mm", "a6-portrait"])
def test_legacy_cedilla_letters_print_exactly_as_comma_below(
    name: str, engine: ImageFont.Layout, db: Database
) -> None:
    template = load_badge_template(name)
    cedilla = replace(LONG_RO, first_name="Şerban-Ţuţu", last_name="Păunescu-Şelaru")
    comma = replace(LONG_RO, first_name="Șerban-Țuțu", last_name="Păunescu-Șelaru", code="X")
    a = render_badge(stored(db, cedilla), template, engine=engine).convert("RGB")
    b = render_badge(replace(stored(db, comma), code=LONG_RO.code), template, engine=engine)
    assert ImageChops.difference(a, b.convert("RGB")).getbbox() is None


def test_decomposed_input_prints_like_precomposed(db: Database) -> None:
    template = load_badge_template("roll-80mm")
    decomposed = replace(LONG_RO, first_name="S\u0326tefan", last_name="Ba\u0306la\u0306nescu")
    nfd = stored(db, decomposed)
    nfc = replace(LONG_RO, first_name="Ștefan", last_name="Bălănescu")
    for engine in ENGINES:
        a = render_badge(nfd, template, engine=engine).convert("L")
        b = render_badge(nfc, template, engine=engine).convert("L")
        assert ImageChops.difference(a, b).getbbox() is None


@pytest.mark.parametrize(
    ("first_name", "missing"),
    [("ნინო", {"ნ", "ი", "ო"}), ("王小明", {"王", "小", "明"})],
    ids=["georgian", "chinese"],
)
def test_the_glyph_check_refuses_a_script_the_font_lacks_naming_the_characters(
    first_name: str, missing: set[str]
) -> None:
    with pytest.raises(GlyphError) as info:
        render_badge(replace(LONG_RO, first_name=first_name), load_badge_template("roll-80mm"))
    assert info.value.field == "first_name"
    assert info.value.characters == missing
    message = str(info.value)
    assert "first_name" in message
    assert all(ch in message for ch in missing)
    assert "U+" in message


def test_the_fonts_cover_every_bulgarian_and_romanian_letter() -> None:
    bulgarian = "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЬЮЯабвгдежзийклмнопрстуфхцчшщъьюяЍѝ"
    romanian = "ĂÂÎȘȚăâîșțŞŢşţ„”«»–—·…"
    for bold in (False, True):
        assert missing_glyphs(bulgarian + romanian, font_path(bold)) == set()
    assert missing_glyphs("Ana ნ王", font_path()) == {"ნ", "王"}


def test_the_latin_line_appears_only_under_cyrillic_names() -> None:
    template = load_badge_template("roll-80mm")
    bg = render(LONG_BG, template)
    ro = render(LONG_RO, template)
    assert any(p.kind == "latin" for p in bg.placements)
    assert not any(p.kind == "latin" for p in ro.placements)


def test_an_empty_organisation_leaves_no_hole_on_a_roll() -> None:
    template = load_badge_template("roll-80mm")
    with_org = render_badge(LONG_RO, template)
    without = render_badge(replace(LONG_RO, organization=""), template)
    assert without.height < with_org.height
    assert decoded(without) == [LONG_RO.code]


def ribbon(result: Rendered) -> tuple[str, tuple[int, int, int]]:
    p = next(p for p in result.placements if p.kind == "ribbon")
    pixel = result.image.convert("RGB").getpixel((p.box[0] + 2, p.box[1] + 2))
    assert isinstance(pixel, tuple)
    return p.text, (pixel[0], pixel[1], pixel[2])


def test_the_ribbon_shows_the_category_label_in_three_languages_and_its_colour() -> None:
    template = load_badge_template("a6-portrait")
    assert ribbon(render(LONG_BG, template)) == ("SPEAKER · ЛЕКТОР · VORBITOR", (0xC6, 0x28, 0x28))
    label, _ = ribbon(render(replace(LONG_BG, category="Organizer"), template))
    assert label == "ORGANISER · ОРГАНИЗАТОР · ORGANIZATOR"
    label, colour = ribbon(render(replace(LONG_BG, category="jury"), template))
    assert label == "JURY"
    assert colour == (0x54, 0x6E, 0x7A)  # the default band


def test_thermal_ribbons_are_solid_for_special_categories_and_outlined_for_participants() -> None:
    template = load_badge_template("roll-80mm")
    _, speaker = ribbon(render(LONG_BG, template))
    _, participant = ribbon(render(replace(LONG_BG, category="participant"), template))
    assert speaker == (0, 0, 0)
    assert participant == (0, 0, 0)  # the outline's corner
    p = next(p for p in render(LONG_RO, template).placements if p.kind == "ribbon")
    inside = render_badge(LONG_RO, template).convert("L").getpixel((p.box[0] + 12, p.box[1] + 12))
    assert inside == 255


def test_badge_data_comes_from_an_attendee() -> None:
    attendee = Attendee(
        id=1,
        code="7KX4M2PT9",
        first_name="Мария",
        last_name="Иванова",
        organization="ЕКИП ООД",
        country="България",
        category="press",
    )
    data = BadgeData.from_attendee(attendee, EVENT, language="bg")
    assert data == BadgeData(
        "Мария", "Иванова", "ЕКИП ООД", "България", "press", "7KX4M2PT9", EVENT, "bg"
    )
    assert data.value("full_name") == "Мария Иванова"


def test_a_logo_is_scaled_into_its_box(tmp_path: Path) -> None:
    Image.new("RGB", (400, 100), (200, 0, 0)).save(tmp_path / "logo.png")
    (tmp_path / "t.toml").write_text(
        '[page]\nsize = "CR80"\ndpi = 300\norientation = "landscape"\n'
        '[[elements]]\ntype = "image"\npath = "logo.png"\nbox_mm = [10, 5, 40, 20]\n'
        '[[elements]]\ntype = "image"\npath = "absent.png"\noptional = true\n'
        "box_mm = [10, 30, 40, 20]\n",
        encoding="utf-8",
    )
    template = load_template(tmp_path / "t.toml")
    assert isinstance(template, BadgeTemplate)
    image = render_badge(LONG_RO, template)
    red = [
        (x, y)
        for x in range(image.width)
        for y in range(0, image.height, 4)
        if image.getpixel((x, y)) == (200, 0, 0)
    ]
    xs = [x for x, _ in red]
    assert min(xs) == round(10 * 300 / 25.4) and max(xs) == round(50 * 300 / 25.4) - 1


def test_auto_fit_prefers_one_line_and_splits_only_when_it_gains_a_lot() -> None:
    from kiosk.badges.fonts import default_engine
    from kiosk.badges.render import _Measurer, fit_text

    style = TextStyle(weight="bold", max_pt=40, min_pt=12, max_lines=2)
    measurer = _Measurer(font_path(True), default_engine(), "ro")
    short = fit_text("Ana", style, 500, 200, 203, measurer)
    assert short.lines == ("Ana",) and short.size == round(40 * 203 / 72)
    long = fit_text("Ana-Maria Constantinescu-Popovici", style, 500, 200, 203, measurer)
    assert long.lines == ("Ana-Maria", "Constantinescu-Popovici")
    tiny = fit_text("Constantinescu-Popovici " * 6, style, 200, 40, 203, measurer)
    assert tiny.truncated and tiny.lines[-1].endswith("…")


@pytest.mark.parametrize("engine", ENGINES, ids=ENGINE_IDS)
@pytest.mark.parametrize(
    ("mode", "paper", "ink"), [("RGB", (11, 60, 93), (255, 255, 255)), ("L", 255, 0)]
)
def test_text_from_the_glyph_cache_is_what_pillow_draws_pixel_for_pixel(
    engine: ImageFont.Layout,
    mode: str,
    paper: int | tuple[int, int, int],
    ink: int | tuple[int, int, int],
) -> None:
    """Lines printed on every badge (the event's name, labels) are rasterised once and reused:
    the result is exactly ImageDraw.text's, the first time and every time after."""
    from PIL import ImageDraw

    from kiosk.badges.fonts import load_font
    from kiosk.badges.render import _Measurer

    line, size, xy = "Ștefan-Alexandru · Лектор", 97, (13, 120)
    measurer = _Measurer(font_path(True), engine, "ro")
    expected = Image.new(mode, (1400, 160), paper)
    ImageDraw.Draw(expected).text(
        xy, line, font=load_font(font_path(True), size, engine), fill=ink, anchor="ls",
        language=measurer.language,
    )  # fmt: skip
    for _first_then_cached in range(2):
        drawn = Image.new(mode, expected.size, paper)
        measurer.draw(ImageDraw.Draw(drawn), xy, line, size, ink)
        assert drawn.tobytes() == expected.tobytes()
