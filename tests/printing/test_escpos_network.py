"""A network ESC/POS printer, against a fake printer on 127.0.0.1 with faults on demand."""

from __future__ import annotations

import time

import pytest
from PIL import Image, ImageChops

from kiosk.printing.base import Fault, PrinterError, Readiness
from kiosk.printing.escpos import EscposPrinter
from tests.printing.fake_printer import READY, FakeEscposPrinter, closed_port
from tests.printing.raster import decode, printed_image

PAPER_OUT = READY | 0x60
NEAR_END = READY | 0x0C
OFFLINE = READY | 0x08
COVER_OPEN = READY | 0x04


def printer_for(fake: FakeEscposPrinter, **options: str) -> EscposPrinter:
    extra = "".join(f"&{k}={v}" for k, v in options.items())
    return EscposPrinter(fake.uri + extra)


def wait_for(condition: object, seconds: float = 2.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return
        time.sleep(0.01)


def test_a_badge_arrives_byte_for_byte_after_the_status_check(
    fake_printer: FakeEscposPrinter, badge: Image.Image
) -> None:
    printer = printer_for(fake_printer)
    printer.print_image(badge)
    wait_for(lambda: len(fake_printer.job_bytes()) >= len(printer.encode(badge)))
    assert fake_printer.job_bytes() == printer.encode(badge)
    asked = [c.args for c in decode(bytes(fake_printer.received)) if c.name == "DLE EOT"]
    assert asked == [b"\x01", b"\x04", b"\x01", b"\x04"]  # before and after the job
    printed = printed_image(fake_printer.job_bytes())
    assert ImageChops.difference(printed.convert("L"), badge.convert("L")).getbbox() is None


def test_each_job_uses_its_own_connection(
    fake_printer: FakeEscposPrinter, badge: Image.Image
) -> None:
    printer = printer_for(fake_printer)
    printer.print_image(badge)
    printer.print_image(badge, copies=2)
    assert fake_printer.connections == 2
    wait_for(lambda: len(fake_printer.job_bytes()) >= 3 * len(printer.encode(badge)) - 4)
    cuts = [c for c in decode(fake_printer.job_bytes()) if c.name == "GS V"]
    assert len(cuts) == 3


def test_status_reports_ready_paper_low_paper_out_and_offline(
    fake_printer: FakeEscposPrinter,
) -> None:
    printer = printer_for(fake_printer)
    assert printer.status(timeout=2).readiness is Readiness.READY
    fake_printer.status[4] = NEAR_END
    assert printer.status(timeout=2).readiness is Readiness.PAPER_LOW
    fake_printer.status[4] = PAPER_OUT
    assert printer.status(timeout=2).readiness is Readiness.PAPER_OUT
    fake_printer.status.update({1: OFFLINE, 2: COVER_OPEN, 4: READY})
    offline = printer.status(timeout=2)
    assert offline.readiness is Readiness.OFFLINE
    assert "cover open" in offline.detail


def test_paper_out_refuses_the_job_before_any_raster_is_sent(
    fake_printer: FakeEscposPrinter, badge: Image.Image
) -> None:
    fake_printer.status[4] = PAPER_OUT
    with pytest.raises(PrinterError) as caught:
        printer_for(fake_printer).print_image(badge)
    assert caught.value.kind is Fault.PAPER_OUT
    assert "out of paper" in str(caught.value)
    assert b"\x1dv0" not in bytes(fake_printer.received)


def test_an_open_cover_refuses_the_job(fake_printer: FakeEscposPrinter, badge: Image.Image) -> None:
    fake_printer.status.update({1: OFFLINE, 2: COVER_OPEN})
    with pytest.raises(PrinterError) as caught:
        printer_for(fake_printer).print_image(badge)
    assert caught.value.kind is Fault.COVER_OPEN


def test_paper_near_end_still_prints(fake_printer: FakeEscposPrinter, badge: Image.Image) -> None:
    fake_printer.status[4] = NEAR_END
    printer_for(fake_printer).print_image(badge)
    wait_for(lambda: b"\x1dV\x00" in fake_printer.job_bytes())
    assert b"\x1dV\x00" in fake_printer.job_bytes()


def test_a_silent_printer_is_unknown_within_the_timeout_never_ready() -> None:
    fake = FakeEscposPrinter(silent=True)
    try:
        start = time.monotonic()
        status = printer_for(fake).status(timeout=0.5)
        elapsed = time.monotonic() - start
    finally:
        fake.close()
    assert status.readiness is Readiness.UNKNOWN
    assert 0.4 <= elapsed < 1.5


def test_a_silent_printer_still_prints_and_is_not_asked_again(badge: Image.Image) -> None:
    fake = FakeEscposPrinter(silent=True)
    try:
        printer = printer_for(fake)
        printer.print_image(badge)
        start = time.monotonic()
        printer.print_image(badge)
        second = time.monotonic() - start
        wait_for(lambda: fake.job_bytes().count(b"\x1dV\x00") == 2)
        asked = [c for c in decode(bytes(fake.received)) if c.name == "DLE EOT"]
    finally:
        fake.close()
    assert len(asked) == 1  # the first job asked once, heard nothing, and stopped asking
    assert second < 0.5


def test_status_no_never_asks(fake_printer: FakeEscposPrinter, badge: Image.Image) -> None:
    printer = printer_for(fake_printer, status="no")
    printer.print_image(badge)
    assert printer.status().readiness is Readiness.UNKNOWN
    wait_for(lambda: b"\x1dV\x00" in bytes(fake_printer.received))
    assert b"\x10\x04" not in bytes(fake_printer.received)


def test_a_closed_port_is_unreachable_with_advice() -> None:
    port = closed_port()
    printer = EscposPrinter(f"escpos+tcp://127.0.0.1:{port}?profile=TM-T20II&timeout=2")
    status = printer.status(timeout=1)
    assert status.readiness is Readiness.UNREACHABLE
    with pytest.raises(PrinterError) as caught:
        printer.print_image(Image.new("1", (576, 100), 1))
    assert caught.value.kind is Fault.UNREACHABLE
    assert str(caught.value) == (
        f"Printer at 127.0.0.1:{port} not reachable — check power and network cable, then Retry"
    )
    assert caught.value.printer == printer.uri


def test_an_unknown_host_name_is_unreachable() -> None:
    printer = EscposPrinter("escpos+tcp://no-such-printer.invalid?profile=TM-T20II&timeout=2")
    with pytest.raises(PrinterError) as caught:
        printer.print_image(Image.new("1", (576, 100), 1))
    assert caught.value.kind is Fault.UNREACHABLE
    assert "no-such-printer.invalid" in str(caught.value)


def test_a_connection_dropped_mid_job_is_disconnected(badge: Image.Image) -> None:
    fake = FakeEscposPrinter(drop_after=2000)
    try:
        with pytest.raises(PrinterError) as caught:
            printer_for(fake, timeout="2").print_image(badge)
    finally:
        fake.close()
    assert caught.value.kind is Fault.DISCONNECTED
    assert "lost during the job" in str(caught.value)


def test_a_printer_that_stops_taking_data_times_out(badge: Image.Image) -> None:
    fake = FakeEscposPrinter(stall_after=6)  # answers the first status check, then stalls
    try:
        start = time.monotonic()
        with pytest.raises(PrinterError) as caught:
            printer_for(fake, timeout="0.5").print_image(badge)
        elapsed = time.monotonic() - start
    finally:
        fake.close()
    assert caught.value.kind is Fault.TIMEOUT
    assert "check whether the badge printed" in str(caught.value)
    assert elapsed < 3


def test_paper_running_out_during_the_job_is_reported(badge: Image.Image) -> None:
    fake = FakeEscposPrinter()
    try:
        printer = printer_for(fake)
        original = fake._answer

        def run_out_after_the_raster(client: object, data: bytes) -> bytes:
            if b"\x1dV" in bytes(fake.received):
                fake.status[4] = PAPER_OUT
            return original(client, data)  # type: ignore[arg-type]

        fake._answer = run_out_after_the_raster  # type: ignore[method-assign]
        with pytest.raises(PrinterError) as caught:
            printer.print_image(badge)
    finally:
        fake.close()
    assert caught.value.kind is Fault.PAPER_OUT
    assert "print this badge again" in str(caught.value)
