"""The test page: exactly the printer's width, 1-bit, every letter of the names, a readable QR."""

from __future__ import annotations

import pytest

from kiosk.printing import testpage
from kiosk.printing.base import Media
from kiosk.printing.escpos import encode_job
from tests.printing.raster import printed_image
from tests.qr import read_qr

NAMES = ["Ștefan Țurcanu", "Ana-Maria Ştefănescu", "Иван Петров", "Ѝво Ѐлин", "Zoë Ångström"]


def test_distinct_characters_are_the_nfc_letters_of_the_names_without_spaces() -> None:
    chars = testpage.distinct_characters(["Ana Ana", "S\u0326tefan"])  # S + combining comma
    assert chars == "".join(sorted(set("AnaȘtefan")))
    assert " " not in chars


@pytest.mark.parametrize(("width", "dpi"), [(576, 203), (512, 180), (384, 203)])
def test_the_test_page_fits_the_printer_and_its_qr_decodes(width: int, dpi: int) -> None:
    page = testpage.test_page(width, dpi, NAMES, uri="escpos+tcp://10.0.0.9", profile="TM-T20II")
    assert page.mode == "1"
    assert page.width == width
    # Both edge marks are there: a printer that clips the width loses one of them.
    for x in (0, width - 1):
        assert page.crop((x, 0, x + 1, page.height)).getextrema()[0] == 0
    assert read_qr(page) == [testpage.TEST_QR_TEXT]


def test_the_test_page_survives_the_escpos_round_trip() -> None:
    page = testpage.test_page(576, 203, NAMES)
    printed = printed_image(encode_job(page, Media(576, 203, True), profile="TM-T20II"))
    assert printed.size == page.size
    assert printed.tobytes() == page.tobytes()
