"""What Kiosk sends to an ESC/POS printer, checked byte by byte with our own GS v 0 decoder."""

from __future__ import annotations

import pytest
from PIL import Image, ImageChops

from kiosk.printing.base import Fault, Media, PrinterError
from kiosk.printing.escpos import EscposPrinter, encode_job, fit_to_media, to_one_bit
from tests.printing.conftest import QR_TEXT, qr_badge
from tests.printing.raster import decode, printed_image
from tests.qr import read_qr

T20 = Media(width_px=576, dpi=203, thermal=True)


def same_pixels(a: Image.Image, b: Image.Image) -> bool:
    return (
        a.size == b.size and ImageChops.difference(a.convert("L"), b.convert("L")).getbbox() is None
    )


def test_a_job_starts_with_esc_at_then_one_raster_then_feed_and_cut(badge: Image.Image) -> None:
    data = encode_job(badge, T20, profile="TM-T20II")
    assert data.startswith(b"\x1b@")
    assert [c.name for c in decode(data)] == ["ESC @", "GS v 0", "ESC d", "GS V"]
    assert data.endswith(b"\x1bd\x06\x1dV\x00")


def test_the_raster_header_carries_width_in_bytes_and_height(badge: Image.Image) -> None:
    data = encode_job(badge, T20, profile="TM-T20II")
    start = data.index(b"\x1dv0")
    m, xl, xh, yl, yh = data[start + 3 : start + 8]
    assert m == 0  # normal density
    assert xl + 256 * xh == 576 // 8
    assert yl + 256 * yh == badge.height
    assert len(data) == 2 + 8 + 72 * badge.height + 3 + 3


def test_the_printed_raster_is_pixel_identical_and_its_qr_decodes(badge: Image.Image) -> None:
    printed = printed_image(encode_job(badge, T20, profile="TM-T20II"))
    assert same_pixels(printed, badge)
    assert read_qr(printed) == [QR_TEXT]


def test_a_tall_badge_is_sent_in_fragments_with_no_black_bar() -> None:
    tall = qr_badge(width=576, height=2000)
    data = encode_job(tall, T20, profile="TM-T20II")
    rasters = [c.raster for c in decode(data) if c.raster]
    assert len(rasters) == 3 and all(r.height <= 800 for r in rasters)
    assert same_pixels(printed_image(data), tall)


def test_a_narrower_badge_is_centred_by_white_padding_not_by_center_true() -> None:
    narrow = qr_badge(width=384, height=1200)  # taller than a fragment: the center=True bug case
    printed = printed_image(encode_job(narrow, T20, profile="TM-T20II"))
    assert printed.size == (576, 1200)
    assert same_pixels(printed.crop((96, 0, 480, 1200)), narrow)
    margins = [printed.crop((0, 0, 96, 1200)), printed.crop((480, 0, 576, 1200))]
    assert all(m.convert("L").getextrema() == (255, 255) for m in margins)


def test_gray_is_thresholded_at_128_never_dithered() -> None:
    gray = Image.new("L", (576, 40), 127)
    gray.paste(128, (288, 0, 576, 40))
    one_bit = to_one_bit(gray)
    assert one_bit.crop((0, 0, 288, 40)).getextrema() == (0, 0)
    assert one_bit.crop((288, 0, 576, 40)).getextrema() == (255, 255)
    printed = printed_image(encode_job(gray, T20, profile="TM-T20II"))
    assert same_pixels(printed, one_bit)


def test_transparent_areas_print_white() -> None:
    rgba = Image.new("RGBA", (576, 10), (0, 0, 0, 0))
    assert to_one_bit(rgba).getextrema() == (255, 255)


def test_copies_repeat_raster_and_cut_after_a_single_reset(badge: Image.Image) -> None:
    names = [c.name for c in decode(encode_job(badge, T20, profile="TM-T20II", copies=2))]
    assert names == ["ESC @", "GS v 0", "ESC d", "GS V", "GS v 0", "ESC d", "GS V"]


def test_cut_no_sends_no_cut(badge: Image.Image) -> None:
    data = encode_job(badge, T20, profile="TM-T20II", cut=False)
    assert [c.name for c in decode(data)] == ["ESC @", "GS v 0"]


def test_a_profile_that_cannot_cut_only_feeds(badge: Image.Image) -> None:
    narrow = qr_badge(width=384)
    data = encode_job(narrow, Media(384, 203, True), profile="POS-5890")
    assert [c.name for c in decode(data)] == ["ESC @", "GS v 0", "ESC d"]


def test_a_576_dot_badge_on_a_tm_t88v_is_refused_naming_the_template_that_fits() -> None:
    printer = EscposPrinter("escpos+tcp://127.0.0.1:9?profile=TM-T88V")
    assert (printer.media.width_px, printer.media.dpi) == (512, 180)
    with pytest.raises(PrinterError) as caught:
        printer.encode(qr_badge(width=576))
    assert caught.value.kind is Fault.UNSUPPORTED
    assert "576 dots wide" in str(caught.value)
    assert "TM-T88V printer prints 512 dots at 180 dpi" in str(caught.value)
    assert "choose a badge template for 512 dots" in str(caught.value)


def test_print_image_refuses_a_too_wide_badge_before_connecting() -> None:
    # Port 9 on loopback is closed: if it tried to connect it would say UNREACHABLE.
    printer = EscposPrinter("escpos+tcp://127.0.0.1:9?profile=TM-T88V")
    with pytest.raises(PrinterError) as caught:
        printer.print_image(qr_badge(width=576))
    assert caught.value.kind is Fault.UNSUPPORTED


def test_a_width_override_beats_the_profile(badge: Image.Image) -> None:
    printer = EscposPrinter("escpos+tcp://127.0.0.1:9?profile=TM-T88V&width=576&dpi=203")
    assert same_pixels(printed_image(printer.encode(badge)), badge)


def test_the_media_comes_from_the_profile() -> None:
    def media(uri: str) -> tuple[int, int, bool]:
        m = EscposPrinter(uri).media
        return m.width_px, m.dpi, m.thermal

    assert media("escpos+tcp://h?profile=TM-T20II") == (576, 203, True)
    assert media("escpos+tcp://h?profile=TM-T88IV") == (512, 180, True)
    assert media("escpos+tcp://h?profile=POS-5890") == (384, 203, True)
    assert media("escpos+tcp://h?width=640&dpi=203") == (640, 203, True)


def test_a_printer_whose_width_is_unknown_is_a_bad_address() -> None:
    for uri in ("escpos+tcp://10.0.0.9", "escpos+tcp://10.0.0.9?profile=default"):
        with pytest.raises(PrinterError) as caught:
            EscposPrinter(uri)
        assert caught.value.kind is Fault.BAD_ADDRESS
        assert "?profile=TM-T20II" in str(caught.value)


def test_encoding_writes_nothing_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    # python-escpos prints a warning to stdout for profiles without a width; we never let it.
    encode_job(qr_badge(width=576), T20, profile=None)
    assert capsys.readouterr().out == ""


def test_an_empty_image_is_refused() -> None:
    with pytest.raises(PrinterError) as caught:
        fit_to_media(Image.new("1", (0, 0)), T20)
    assert caught.value.kind is Fault.UNSUPPORTED
