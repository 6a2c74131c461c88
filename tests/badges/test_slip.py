"""The B2B meeting slip (issue 22): what it says, on 58/80 mm rolls and A6/A4 pages, printed
after the badge through the print queue as ESC/POS raster, and written as PDF/PNG."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, time

import pytest
from PIL import Image

from kiosk.badges.slip import SlipData, SlipLayout, SlipMeeting, render_slip, slip_lines

DATA = SlipData(
    event_name="BG-RO Cluster Conference",
    person="Ana Ștefănescu",
    day=date(2026, 9, 28),
    meetings=(
        SlipMeeting(time(10, 30), time(11, 0), "Table 12", "Живко Цанков", "Клъстер Мехатроника",
                    "Bulgaria"),
        SlipMeeting(time(11, 30), None, "Table 3", "Ion Popescu", "Black Sea Cluster", "Romania"),
    ),
    language="ro",
)  # fmt: skip


def test_the_slip_says_time_table_partner_organisation_and_country_in_the_persons_language() -> (
    None
):
    lines = [text for text, style in slip_lines(DATA) if style != "rule"]
    assert lines == [
        "BG-RO Cluster Conference",
        "Întâlnirile dvs. B2B",
        "28.09.2026",
        "Ana Ștefănescu",
        "10:30–11:00   Table 12",
        "cu Живко Цанков",
        "Zhivko Tsankov",  # a Cyrillic name with its Latin line, as on badges
        "Клъстер Мехатроника · Bulgaria",
        "11:30   Table 3",
        "cu Ion Popescu",  # a Latin name gets no second line
        "Black Sea Cluster · România",  # the country in the slip's language
        "2 întâlniri",
    ]


@pytest.mark.parametrize(
    ("language", "count", "said"),
    [
        ("en", 1, "1 meeting"), ("en", 3, "3 meetings"),
        ("bg", 1, "1 среща"), ("bg", 3, "3 срещи"),
        ("ro", 1, "1 întâlnire"), ("ro", 3, "3 întâlniri"), ("ro", 20, "20 de întâlniri"),
    ],
)  # fmt: skip
def test_the_number_of_meetings_takes_the_plural_form_of_the_language(
    language: str, count: int, said: str
) -> None:
    many = replace(DATA, meetings=(DATA.meetings * 20)[:count], language=language)
    assert slip_lines(many)[-1] == (said, "small")


def test_a_day_without_meetings_says_so_in_bulgarian() -> None:
    empty = SlipData("Event", "Иван Иванов", date(2026, 9, 29), (), "bg")
    texts = [text for text, _ in slip_lines(empty)]
    assert "Нямате B2B срещи в този ден." in texts and "Ivan Ivanov" in texts


def test_rolls_are_one_bit_at_their_printable_width_and_pages_break() -> None:
    for width in (384, 576):  # 58 mm and 80 mm rolls at 203 dpi
        [image] = render_slip(DATA, width, 203)
        assert image.mode == "1" and image.width == width and image.height > 400
    many = replace(DATA, meetings=DATA.meetings * 12)
    pages = render_slip(many, 1240, 300, page_height_px=1748, thermal=False)  # A6 at 300 dpi
    assert len(pages) >= 2 and all(p.size == (1240, 1748) and p.mode == "L" for p in pages)


def test_a_very_long_organisation_wraps_inside_the_roll() -> None:
    long = SlipMeeting(time(9), None, "T1", "X", "Асоциация" * 12, "Bulgaria")
    data = SlipData("E", "P", date(2026, 9, 28), (long,), "bg")
    [image] = render_slip(data, 384, 203)
    assert image.width == 384
    assert isinstance(image, Image.Image)


def test_countries_are_named_in_the_slips_language() -> None:
    bulgarian = replace(DATA, language="bg")
    texts = [text for text, _ in slip_lines(bulgarian)]
    assert "Клъстер Мехатроника · България" in texts
    assert "Black Sea Cluster · Румъния" in texts
    english = [text for text, _ in slip_lines(replace(DATA, language="en"))]
    assert "Black Sea Cluster · Romania" in english


def page_texts(data: SlipData, width: int, dpi: int, height: int) -> list[list[str]]:
    """The lines on each page as render_slip lays them out ("" a rule)."""
    return [[text for text, _ in page] for page in SlipLayout(data, width, dpi, height).pages]


def test_a_meeting_is_never_split_across_two_pages() -> None:
    """On a page (A6), a meeting that does not fit on what is left of a page moves to the next
    page whole — time and table, partner, organisation — instead of leaving its organisation
    alone at the top of the next page. Tried at many page heights, so every break is met."""
    long_firm = SlipMeeting(time(12), time(12, 30), "Table 5", "Petru Ionescu",
                            "Universitatea de Științe Agronomice și Medicină Veterinară din "
                            "București", "Romania")  # fmt: skip
    data = replace(DATA, meetings=(*DATA.meetings, long_firm, *DATA.meetings))
    for page_height in range(500, 1800, 23):  # A6 at 300 dpi is 1240 × 1748
        pages = page_texts(data, 1240, 300, page_height)
        words = [t for p in pages for t in p if t]
        whole = page_texts(data, 1240, 300, 10**6)[0]  # one endless page
        assert words == [t for t in whole if t]  # all there, in order
        for page in pages[1:]:
            # a page starts with a meeting's time, or with the closing count
            assert re.match(r"\d\d:\d\d", page[0]) or page[0] == "5 întâlniri", page
        for page in pages[:-1]:
            # ends after the heading or a whole meeting (its rule, unless the rule did not fit)
            assert page[-1] == "" or re.match(r"(Black Sea|Клъстер|Universitatea|Ana)", page[-1])


def test_a_bulgarian_slip_says_sas_before_a_partner_whose_name_begins_with_s() -> None:
    simona = SlipMeeting(time(9), None, "T1", "Simona Mărgineanu", "Lotru Farm SRL", "Romania")
    data = SlipData("E", "Иван Иванов", date(2026, 9, 28), (simona, DATA.meetings[1]), "bg")
    texts = [text for text, _ in slip_lines(data)]
    assert "със Simona Mărgineanu" in texts and "с Ion Popescu" in texts


def test_on_a_page_nothing_is_printed_within_the_printers_unprintable_border() -> None:
    """Office and card printers cannot print the outer 4–5 mm of a page: on A6 at 300 dpi the
    slip's ink stays at least 5 mm (59 dots) from every edge; on a roll it uses the width."""
    [page] = render_slip(DATA, 1240, 300, page_height_px=1748, thermal=False)
    left, top, right, bottom = page.point(lambda v: 255 - v).getbbox() or (0, 0, 0, 0)
    edge = round(5 / 25.4 * 300)
    assert left >= edge and top >= edge and right <= 1240 - edge and bottom <= 1748 - edge
    [roll] = render_slip(DATA, 576, 203)
    assert roll.convert("L").point(lambda v: 255 - v).getbbox()[0] < round(4 / 25.4 * 203)
