"""Printer URIs: every documented form parses; every mistake says what a valid URI looks like."""

from __future__ import annotations

import pytest

from kiosk.printing.base import Fault, PrinterError
from kiosk.printing.uri import DEFAULT_PORT, Kind, PrinterAddress, format_uri, parse_uri


def test_a_network_printer_has_host_port_and_profile() -> None:
    a = parse_uri("escpos+tcp://192.168.1.50:9100?profile=TM-T20II")
    assert (a.kind, a.host, a.port, a.profile) == (Kind.TCP, "192.168.1.50", 9100, "TM-T20II")
    assert a.cut and a.status and a.timeout is None


def test_a_network_printer_without_a_port_uses_9100() -> None:
    assert parse_uri("escpos+tcp://printer.local?profile=TM-T20II").port == DEFAULT_PORT


def test_a_usb_printer_is_vendor_and_product_in_hex_with_optional_endpoints() -> None:
    a = parse_uri("escpos+usb://04b8:0e15?profile=TM-T88V&in_ep=0x81&out_ep=0x02")
    assert (a.vendor_id, a.product_id, a.in_ep, a.out_ep) == (0x04B8, 0x0E15, 0x81, 0x02)


def test_serial_file_and_output_paths_keep_their_slashes() -> None:
    assert parse_uri("escpos+serial:///dev/ttyUSB0?baud=115200&profile=TM-T20II").path == (
        "/dev/ttyUSB0"
    )
    assert parse_uri("escpos+serial://COM3?profile=TM-T20II").path == "COM3"
    assert parse_uri("escpos+file:///dev/usb/lp0?profile=TM-T20II").path == "/dev/usb/lp0"
    assert parse_uri("pdf:///tmp/out.pdf").path == "/tmp/out.pdf"
    assert parse_uri("pdf:///C:/Badges/out.pdf").path == "C:/Badges/out.pdf"
    assert parse_uri("png:///tmp/badges").path == "/tmp/badges"


def test_spooler_and_system_printers_are_named_and_may_contain_spaces() -> None:
    assert parse_uri("escpos+win32://Receipt Printer?profile=TM-T20II").name == "Receipt Printer"
    assert parse_uri("system://Office%20Laser?media=a6").name == "Office Laser"
    assert parse_uri("system://Office%20Laser?media=a6").media == "A6"
    assert parse_uri("system://default").name == "default"


def test_options_are_typed() -> None:
    a = parse_uri("escpos+tcp://10.0.0.9?profile=tm-t88v&width=500&dpi=180&cut=no&timeout=2.5")
    assert (a.profile, a.width, a.dpi, a.cut, a.timeout) == ("TM-T88V", 500, 180, False, 2.5)
    assert parse_uri("escpos+tcp://10.0.0.9?profile=TM-T20II&status=no").status is False


@pytest.mark.parametrize(
    "uri",
    [
        "escpos+tcp://192.168.1.50:9100?profile=TM-T20II",
        "escpos+tcp://[fe80::1]:9101?profile=TM-T20II&cut=no&status=no&timeout=2.5",
        "escpos+usb://04b8:0e15?profile=TM-T20II&in_ep=0x82&out_ep=0x01",
        "escpos+serial:///dev/ttyUSB0?profile=TM-T20II&baud=115200",
        "escpos+serial://COM3?width=576&dpi=203",
        "escpos+file:///dev/usb/lp0?profile=POS-5890",
        "escpos+win32://Receipt Printer?profile=TM-T20II",
        "system://Office_Laser?media=CR80&dpi=600",
        "system://default",
        "pdf:///tmp/out%20file.pdf?media=A6",
        "pdf:///C:/Badges/out.pdf",
        "png:///tmp/badges?profile=TM-T88V",
        "memory://",
    ],
)
def test_formatting_a_parsed_address_gives_it_back(uri: str) -> None:
    address = parse_uri(uri)
    assert isinstance(address, PrinterAddress)
    assert parse_uri(format_uri(address)) == address
    assert format_uri(address) == uri


@pytest.mark.parametrize(
    ("uri", "says"),
    [
        ("192.168.1.50", "does not start with a type"),
        ("escpos+bluetooth://00:11:22", "unknown type 'escpos+bluetooth://'"),
        ("escpos+tcp://?profile=TM-T20II", "names no host"),
        ("escpos+tcp://192.168.1.50:http", "port='http' is not a whole number"),
        ("escpos+tcp://192.168.1.50:70000", "port=70000 is out of range"),
        ("escpos+usb://epson", "vendor:product as two 4-digit hex numbers"),
        ("escpos+usb://4b8:e15", "vendor:product"),
        ("escpos+serial://?baud=9600", "names no path"),
        ("escpos+file://", "names no path"),
        ("system://", "names no printer"),
        ("pdf://", "names no path"),
        ("escpos+tcp://10.0.0.9?profile=TM-T20", "unknown printer profile 'TM-T20'"),
        ("escpos+tcp://10.0.0.9?profle=TM-T20II", "unknown option 'profle'"),
        ("escpos+tcp://10.0.0.9?baud=9600", "unknown option 'baud'"),
        ("escpos+tcp://10.0.0.9?cut=maybe", "cut='maybe' must be yes or no"),
        ("escpos+tcp://10.0.0.9?timeout=soon", "not a number of seconds"),
        ("escpos+tcp://10.0.0.9?timeout=0", "between 0 and 3600"),
        ("escpos+tcp://10.0.0.9?width=", "option 'width' has no value"),
        ("escpos+tcp://10.0.0.9?width=576&width=512", "given twice"),
        ("system://Laser?media=B5", "unknown media 'B5'"),
        ("memory://something", "takes no name"),
    ],
)
def test_a_bad_address_says_what_is_wrong_and_what_a_good_one_looks_like(
    uri: str, says: str
) -> None:
    with pytest.raises(PrinterError) as caught:
        parse_uri(uri)
    assert caught.value.kind is Fault.BAD_ADDRESS
    message = str(caught.value)
    assert says in message
    assert "escpos+tcp://192.168.1.50:9100?profile=TM-T20II" in message
    assert caught.value.printer == uri


def test_a_mistyped_profile_suggests_the_close_ones() -> None:
    with pytest.raises(PrinterError, match="did you mean TM-T20II"):
        parse_uri("escpos+tcp://10.0.0.9?profile=TM-T20I")
