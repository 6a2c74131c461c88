"""Discovery lists what might be a printer and never crashes; open_printer picks the adapter."""

from __future__ import annotations

import glob
from pathlib import Path
from types import SimpleNamespace

import pytest

from kiosk.printing import discover as disc
from kiosk.printing.base import Fault, Printer, PrinterError
from kiosk.printing.escpos import EscposPrinter
from kiosk.printing.outputs import MemoryPrinter, PdfOutput, PngFolder
from kiosk.printing.system import SystemPrinter
from kiosk.printing.uri import parse_uri


def test_discovery_never_crashes_and_every_uri_it_finds_parses() -> None:
    for found in disc.discover():
        assert parse_uri(found.uri).kind.value in found.uri


def test_without_libusb_usb_printers_are_just_not_listed(monkeypatch: pytest.MonkeyPatch) -> None:
    import usb.core

    def no_backend(**_: object) -> object:
        raise usb.core.NoBackendError("No backend available")

    monkeypatch.setattr(usb.core, "find", no_backend)
    assert disc._usb() == []


def test_usb_devices_of_escpos_vendors_are_listed(monkeypatch: pytest.MonkeyPatch) -> None:
    import usb.core

    devices = [
        SimpleNamespace(idVendor=0x04B8, idProduct=0x0E15),  # Epson
        SimpleNamespace(idVendor=0x046D, idProduct=0xC077),  # a mouse
    ]
    monkeypatch.setattr(usb.core, "find", lambda **_: iter(devices))
    found = disc._usb()
    assert [f.uri for f in found] == ["escpos+usb://04b8:0e15"]
    assert "Epson" in found[0].description


def test_usb_serial_ports_are_listed_and_bare_builtin_ports_are_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from serial.tools import list_ports

    ports = [
        SimpleNamespace(
            device="/dev/ttyS0", description="n/a", manufacturer=None, product=None, vid=None
        ),
        SimpleNamespace(
            device="/dev/ttyUSB0",
            description="FT232R USB UART",
            manufacturer="FTDI",
            product=None,
            vid=0x0403,
        ),
    ]
    monkeypatch.setattr(list_ports, "comports", lambda: ports)
    assert [f.uri for f in disc._serial()] == ["escpos+serial:///dev/ttyUSB0"]


def test_usb_printer_device_files_are_listed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(glob, "glob", lambda pattern: ["/dev/usb/lp0"])
    assert [f.uri for f in disc._device_files()] == ["escpos+file:///dev/usb/lp0"]


def test_one_failing_source_does_not_hide_the_others(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> list[disc.FoundPrinter]:
        raise RuntimeError("CUPS went away")

    monkeypatch.setattr(disc, "_system", broken)
    monkeypatch.setattr(glob, "glob", lambda pattern: ["/dev/usb/lp1"])
    assert "escpos+file:///dev/usb/lp1" in [f.uri for f in disc.discover()]


@pytest.mark.parametrize(
    ("uri", "cls"),
    [
        ("escpos+tcp://192.168.1.50?profile=TM-T20II", EscposPrinter),
        ("escpos+usb://04b8:0e15?profile=TM-T20II", EscposPrinter),
        ("system://default", SystemPrinter),
        ("pdf:///tmp/kiosk-test.pdf", PdfOutput),
        ("png:///tmp/kiosk-test", PngFolder),
        ("memory://", MemoryPrinter),
    ],
)
def test_open_printer_picks_the_adapter_for_the_scheme(uri: str, cls: type, tmp_path: Path) -> None:
    printer = disc.open_printer(uri)
    assert isinstance(printer, cls)
    assert isinstance(printer, Printer)
    assert parse_uri(printer.uri) == parse_uri(uri)


def test_open_printer_rejects_a_bad_address() -> None:
    with pytest.raises(PrinterError) as caught:
        disc.open_printer("lpt1")
    assert caught.value.kind is Fault.BAD_ADDRESS
