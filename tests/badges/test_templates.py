"""Templates: the built-ins load, and a broken file says where and what to write instead."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.badges import (
    BadgeTemplate,
    SheetTemplate,
    TemplateError,
    list_templates,
    load_badge_template,
    load_sheet_template,
    load_template,
)
from kiosk.badges.template import builtin_dir

BADGES = [
    "roll-80mm",
    "roll-80mm-tm-t88",
    "roll-58mm",
    "brother-62mm",
    "a6-portrait",
    "insert-4x3in",
    "cr80",
]
SHEETS = ["a4-sheet", "letter-sheet"]


def test_every_builtin_template_is_listed_with_its_media() -> None:
    infos = {i.name: i for i in list_templates()}
    assert set(infos) == set(BADGES + SHEETS)
    assert infos["roll-80mm"].media == "72 mm × continuous, 576 dots at 203 dpi, thermal 1-bit"
    assert infos["a4-sheet"].kind == "sheet"
    assert all(i.title and i.path.is_file() for i in infos.values())


@pytest.mark.parametrize(
    ("name", "width_px", "height_px", "dpi", "thermal"),
    [
        ("roll-80mm", 576, None, 203, True),
        ("roll-80mm-tm-t88", 512, None, 180, True),
        ("roll-58mm", 384, None, 203, True),
        ("brother-62mm", 696, None, 300, True),
        ("a6-portrait", 1240, 1748, 300, False),
        ("insert-4x3in", 1200, 900, 300, False),
        ("cr80", 1011, 638, 300, False),
    ],
)
def test_builtin_badge_templates_have_the_printer_pixel_geometry(
    name: str, width_px: int, height_px: int | None, dpi: int, thermal: bool
) -> None:
    page = load_badge_template(name).page
    assert (page.width_px, page.height_px, page.dpi, page.thermal) == (
        width_px,
        height_px,
        dpi,
        thermal,
    )


def test_landscape_templates_are_wider_than_tall() -> None:
    page = load_badge_template("insert-4x3in").page
    assert page.orientation == "landscape"
    assert page.width_px > (page.height_px or 0)


def test_sheets_name_their_grid_and_cell() -> None:
    a4 = load_sheet_template("a4-sheet")
    assert (a4.columns, a4.rows, a4.cell.name, a4.crop_marks) == (2, 5, "cr80", True)
    letter = load_sheet_template("letter-sheet")
    assert (letter.columns, letter.rows, letter.cell.name) == (2, 3, "insert-4x3in")
    assert letter.margin_top_mm == pytest.approx(25.4)


def test_a_template_loads_by_name_or_by_path() -> None:
    by_name = load_template("cr80")
    by_path = load_template(builtin_dir() / "cr80.toml")
    assert isinstance(by_name, BadgeTemplate)
    assert by_name == by_path


def test_an_unknown_template_name_suggests_the_closest_one() -> None:
    with pytest.raises(TemplateError, match="Did you mean 'roll-80mm'"):
        load_template("roll-80")


def test_a_sheet_is_refused_where_a_badge_template_is_needed() -> None:
    with pytest.raises(TemplateError, match="is a sheet template"):
        load_badge_template("a4-sheet")
    assert isinstance(load_template("a4-sheet"), SheetTemplate)


GOOD_PAGE = """
name = "t"
[page]
width_mm = 72
height_mm = "auto"
dpi = 203
width_px = 576
thermal = true
"""


def write(tmp_path: Path, text: str, name: str = "broken.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("elements", "where", "says"),
    [
        (
            '[[elements]]\ntype = "text"\nfield = "organisation"\nbox_mm = [0, 0, 60, 10]',
            "elements[1] (text 'organisation'), field 'field'",
            "did you mean 'organization'?",
        ),
        (
            '[[elements]]\ntype = "text"\nfield = "last_name"\nbox_mm = [0, 0, 60, 10]\n'
            "size_pt = [10, 20]",
            "elements[1] (text 'last_name'), field 'size_pt'",
            "write [largest, smallest]",
        ),
        (
            '[[elements]]\ntype = "text"\nfield = "last_name"\nbox_mm = [0, 0, 60, 10]\n'
            'allign = "left"',
            "elements[1] (text 'last_name'), field 'allign'",
            "did you mean 'align'?",
        ),
        (
            '[[elements]]\ntype = "text"\nfield = "last_name"\nbox_mm = [0, 0, 80, 10]',
            "elements[1] (text), field 'box_mm'",
            "make x + width ≤ 72.1",
        ),
        (
            '[[elements]]\ntype = "qr"\nbox_mm = [0, 0, 40, 40]\nquiet_zone = 2',
            "elements[1] (qr), field 'quiet_zone'",
            "write quiet_zone = 4",
        ),
        (
            '[[elements]]\ntype = "qr"\nbox_mm = [0, 0, 40, 40]\nmin_module_dots = 2\n'
            "module_dots = 3",
            "elements[1] (qr), field 'min_module_dots'",
            "write min_module_dots = 4 or more",
        ),
        (
            '[[elements]]\ntype = "qr"\nbox_mm = [0, 0, 10, 10]',
            "elements[1] (qr), field 'box_mm'",
            "too small for a QR code",
        ),
        (
            '[[elements]]\ntype = "image"\nbox_mm = [0, 0, 10, 10]\npath = "logo.png"',
            "elements[1] (image), field 'path'",
            "relative to the template file",
        ),
        (
            '[[elements]]\ntype = "rect"\nbox_mm = [0, 0, 10, 10]\nfill = "navy"',
            "elements[1] (rect), field 'fill'",
            "#RRGGBB",
        ),
        (
            '[[elements]]\ntype = "banner"\nbox_mm = [0, 0, 10, 10]',
            "elements[1], field 'type'",
            "must be one of 'text', 'latin', 'qr', 'image', 'ribbon', 'rect'",
        ),
        (
            '[[elements]]\ntype = "ribbon"\nbox_mm = [0, 0, 60, 10]\n'
            '[elements.categories.speaker]\nlabels = {bg = "Лектор"}',
            "elements[1] (ribbon), elements[1].categories.speaker, field 'labels'",
            "needs an English text",
        ),
        (
            '[[elements]]\ntype = "qr"\nbox_mm = [0, 0, 40, 40]\n'
            '[[elements]]\ntype = "text"\nfield = "code"\nbox_mm = [0, 35, 60, 6]',
            "elements[1] (qr), field 'box_mm'",
            "overlaps elements[2] (text)",
        ),
    ],
    ids=[
        "misspelt-field",
        "sizes-reversed",
        "unknown-key",
        "box-too-wide",
        "quiet-zone-too-small",
        "thermal-module-too-small",
        "qr-box-too-small",
        "missing-logo",
        "colour-name",
        "unknown-type",
        "label-without-english",
        "qr-overlaps-text",
    ],
)
def test_invalid_templates_name_the_file_the_element_and_the_field(
    tmp_path: Path, elements: str, where: str, says: str
) -> None:
    path = write(tmp_path, GOOD_PAGE + elements)
    with pytest.raises(TemplateError) as info:
        load_template(path)
    message = str(info.value)
    assert message.startswith(str(path))
    assert where in message
    assert says in message


def test_a_toml_syntax_error_names_the_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, 'name = "x"\n[page\n')
    with pytest.raises(TemplateError, match=r"broken\.toml: is not valid TOML.*line 2"):
        load_template(path)


def test_a_page_field_error_says_what_to_write(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD_PAGE.replace('height_mm = "auto"', 'height_mm = "long"'))
    with pytest.raises(TemplateError, match=r"page, field 'height_mm': must be a number"):
        load_template(path)


def test_a_template_without_elements_is_refused(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match=r"elements: missing: add at least one"):
        load_template(write(tmp_path, GOOD_PAGE))


def test_a_sheet_cell_must_have_a_fixed_height(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'kind = "sheet"\n[sheet]\npage = "A4"\ndpi = 203\nrows = 2\ncolumns = 1\n'
        'cell = "roll-80mm"\n',
    )
    with pytest.raises(TemplateError, match=r"sheet, field 'cell': 'roll-80mm' is a continuous"):
        load_template(path)


def test_a_sheet_grid_that_does_not_fit_the_page_is_refused(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'kind = "sheet"\n[sheet]\npage = "A4"\ndpi = 300\nrows = 6\ncolumns = 2\n'
        'cell = "cr80"\ngutter_mm = [6, 2]\n',
    )
    with pytest.raises(TemplateError, match=r"field 'rows': 2×6 cells .* use fewer rows"):
        load_template(path)
