"""Other ESC/POS links (device file, USB, serial, Windows spooler) and how their faults read."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from escpos.exceptions import DeviceNotFoundError
from PIL import Image

from kiosk.printing.base import Fault, PrinterError, Readiness
from kiosk.printing.escpos import EscposPrinter, classify, decode_status
from kiosk.printing.uri import parse_uri

BLANK = Image.new("1", (576, 40), 1)


def test_a_device_file_receives_exactly_the_job_and_has_no_status(tmp_path: Path) -> None:
    target = tmp_path / "lp0"
    printer = EscposPrinter(f"escpos+file://{target}?profile=TM-T20II")
    printer.print_image(BLANK)
    assert target.read_bytes() == printer.encode(BLANK)  # no status questions on a write-only file
    assert printer.status().readiness is Readiness.UNKNOWN


def test_a_missing_device_file_is_not_found(tmp_path: Path) -> None:
    printer = EscposPrinter(f"escpos+file://{tmp_path}/nope/lp0?profile=TM-T20II")
    with pytest.raises(PrinterError) as caught:
        printer.print_image(BLANK)
    assert caught.value.kind is Fault.NOT_FOUND
    assert f"No printer device at {tmp_path}/nope/lp0" in str(caught.value)


def test_a_missing_serial_port_is_not_found_and_unreachable() -> None:
    printer = EscposPrinter("escpos+serial:///dev/ttyKIOSK-none?profile=TM-T20II&baud=115200")
    with pytest.raises(PrinterError) as caught:
        printer.print_image(BLANK)
    assert caught.value.kind is Fault.NOT_FOUND
    assert "No serial port /dev/ttyKIOSK-none" in str(caught.value)
    assert printer.status(timeout=0.5).readiness is Readiness.UNREACHABLE


def test_a_usb_printer_that_is_not_there_is_not_found_whether_or_not_libusb_exists() -> None:
    printer = EscposPrinter("escpos+usb://04b8:0e15?profile=TM-T20II&timeout=1")
    with pytest.raises(PrinterError) as caught:
        printer.print_image(BLANK)
    assert caught.value.kind is Fault.NOT_FOUND
    assert printer.status(timeout=0.5).readiness is Readiness.UNREACHABLE


def test_the_windows_spooler_link_is_unsupported_elsewhere() -> None:
    import sys

    if sys.platform == "win32":
        pytest.skip("Windows has the spooler")
    printer = EscposPrinter("escpos+win32://Receipt Printer?profile=TM-T20II")
    with pytest.raises(PrinterError) as caught:
        printer.print_image(BLANK)
    assert caught.value.kind is Fault.UNSUPPORTED
    assert printer.status().readiness is Readiness.UNKNOWN


def wrapped(inner: BaseException) -> DeviceNotFoundError:
    """What python-escpos' open() raises: its own error, with the OS error as context."""
    try:
        try:
            raise inner
        except BaseException as exc:
            raise DeviceNotFoundError(f"Could not open: {exc}") from None
    except DeviceNotFoundError as outer:
        outer.__context__ = inner
        return outer


USB = parse_uri("escpos+usb://04b8:0e15?profile=TM-T20II")
FILE = parse_uri("escpos+file:///dev/usb/lp0?profile=TM-T20II")
SERIAL = parse_uri("escpos+serial:///dev/ttyUSB0?profile=TM-T20II")
TCP = parse_uri("escpos+tcp://192.168.1.50?profile=TM-T20II")


@pytest.mark.parametrize(
    ("address", "error", "connected", "kind", "says"),
    [
        (
            TCP,
            ConnectionRefusedError(errno.ECONNREFUSED, "refused"),
            False,
            Fault.UNREACHABLE,
            "Printer at 192.168.1.50:9100 not reachable — check power and network cable, "
            "then Retry",
        ),
        (
            TCP,
            OSError(errno.EHOSTUNREACH, "No route to host"),
            False,
            Fault.UNREACHABLE,
            "not reachable",
        ),
        (TCP, TimeoutError("timed out"), False, Fault.UNREACHABLE, "no answer in time"),
        (TCP, TimeoutError("timed out"), True, Fault.TIMEOUT, "stopped taking data"),
        (
            TCP,
            BrokenPipeError(errno.EPIPE, "Broken pipe"),
            True,
            Fault.DISCONNECTED,
            "lost during the job",
        ),
        (
            TCP,
            ConnectionResetError(errno.ECONNRESET, "reset"),
            True,
            Fault.DISCONNECTED,
            "lost during the job",
        ),
        (
            USB,
            wrapped(AssertionError("Device not found")),
            False,
            Fault.NOT_FOUND,
            "No USB printer 04b8:0e15 found",
        ),
        (
            USB,
            wrapped(OSError(errno.EACCES, "Access denied (insufficient permissions)")),
            False,
            Fault.PERMISSION,
            "udev rule",
        ),
        (
            USB,
            OSError(errno.ENODEV, "No such device (it may have been disconnected)"),
            True,
            Fault.DISCONNECTED,
            "lost during the job",
        ),
        (
            FILE,
            wrapped(FileNotFoundError(errno.ENOENT, "No such file")),
            False,
            Fault.NOT_FOUND,
            "No printer device at /dev/usb/lp0",
        ),
        (
            FILE,
            wrapped(PermissionError(errno.EACCES, "Permission denied")),
            False,
            Fault.PERMISSION,
            "lp group",
        ),
        (
            SERIAL,
            wrapped(OSError(errno.EACCES, "could not open port")),
            False,
            Fault.PERMISSION,
            "dialout group",
        ),
        (
            SERIAL,
            wrapped(OSError(errno.EBUSY, "busy")),
            False,
            Fault.FAILED,
            "in use by another program",
        ),
        (TCP, ValueError("something odd"), True, Fault.FAILED, "something odd"),
    ],
)
def test_transport_errors_become_printer_errors_with_advice(
    address: object, error: BaseException, connected: bool, kind: Fault, says: str
) -> None:
    result = classify(error, address, connected=connected)  # type: ignore[arg-type]
    assert result.kind is kind
    assert says in str(result)


def test_a_missing_libusb_is_not_found_with_what_to_install() -> None:
    import usb.core

    result = classify(usb.core.NoBackendError("No backend available"), USB, connected=False)
    assert result.kind is Fault.NOT_FOUND
    assert "libusb" in str(result)


@pytest.mark.parametrize(
    ("printer", "cause", "paper", "readiness"),
    [
        (0x12, None, 0x12, Readiness.READY),
        (0x12, None, 0x1E, Readiness.PAPER_LOW),
        (0x12, None, 0x72, Readiness.PAPER_OUT),
        (0x12, None, 0x32, Readiness.PAPER_OUT),  # bit 5 alone
        (0x1A, 0x32, 0x12, Readiness.PAPER_OUT),  # offline because the paper ended
        (0x1A, 0x16, 0x12, Readiness.OFFLINE),  # cover open
        (0x1A, None, 0x12, Readiness.OFFLINE),
        (None, None, None, Readiness.UNKNOWN),  # no answer
        (0x12, None, None, Readiness.UNKNOWN),  # paper sensor silent
        (0x00, None, 0x12, Readiness.UNKNOWN),  # not a status byte (fixed bits wrong)
        (0x12, None, 0xFF, Readiness.UNKNOWN),
    ],
)
def test_status_bytes_decode_to_readiness_and_silence_is_never_ready(
    printer: int | None, cause: int | None, paper: int | None, readiness: Readiness
) -> None:
    assert decode_status(printer, cause, paper).readiness is readiness
