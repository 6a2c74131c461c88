"""Finding printers attached to this computer, and opening any printer from its URI."""

from __future__ import annotations

import glob
import logging
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from kiosk.printing.base import Printer
from kiosk.printing.uri import Kind, parse_uri

log = logging.getLogger(__name__)

# USB vendor ids of ESC/POS receipt printer makers (and of the chips cheap ones use).
ESCPOS_VENDORS: dict[int, str] = {
    0x04B8: "Epson",
    0x0519: "Star Micronics",
    0x1504: "Bixolon",
    0x1D90: "Citizen",
    0x0DD4: "Custom",
    0x0FE6: "ICS / Xprinter",
    0x0483: "STMicroelectronics (Xprinter and other generic)",
    0x0416: "Winbond (Xprinter and other generic)",
    0x28E9: "GD32 (generic)",
    0x154F: "SNBC",
    0x20D1: "Rongta",
    0x0525: "Netchip (generic)",
}
_PRINTER_WORDS = (
    "printer",
    "pos",
    "receipt",
    "thermal",
    "tm-",
    "tsp",
    "epson",
    "star",
    "bixolon",
    "citizen",
)


class FoundKind(StrEnum):
    SYSTEM = "system"
    USB = "usb"
    SERIAL = "serial"
    DEVICE_FILE = "device_file"


@dataclass(frozen=True, slots=True)
class FoundPrinter:
    """A printer that may be used; ``uri`` still needs ``?profile=…`` for ESC/POS ones."""

    uri: str
    description: str
    kind: FoundKind


def discover() -> list[FoundPrinter]:
    """System printers, likely ESC/POS USB devices, USB-serial ports and /dev/usb/lp* files.

    Every source is optional: a missing libusb, no CUPS or no permission just finds nothing there.
    """
    found: list[FoundPrinter] = []
    for source in (_system, _usb, _serial, _device_files):
        try:
            found.extend(source())
        except Exception as exc:  # one broken source must not hide the others
            log.info("printer discovery: %s failed: %s", source.__name__, exc)
    return found


def _system() -> list[FoundPrinter]:
    from urllib.parse import quote

    from PySide6.QtPrintSupport import QPrinterInfo

    default = QPrinterInfo.defaultPrinterName()
    result = []
    for name in QPrinterInfo.availablePrinterNames():
        info = QPrinterInfo.printerInfo(name)
        bits = [info.makeAndModel() or "system printer"]
        if info.location():
            bits.append(info.location())
        if name == default:
            bits.append("default")
        result.append(
            FoundPrinter(
                f"system://{quote(name, safe=' _-.()')}", ", ".join(bits), FoundKind.SYSTEM
            )
        )
    return result


def _usb() -> list[FoundPrinter]:
    import usb.core

    try:
        devices = list(usb.core.find(find_all=True))
    except usb.core.NoBackendError:
        log.info("printer discovery: libusb is not installed; USB printers are not listed")
        return []
    result = []
    for device in devices:
        vendor, product = int(device.idVendor), int(device.idProduct)
        printer_class = any(intf.bInterfaceClass == 7 for cfg in _configs(device) for intf in cfg)
        if vendor not in ESCPOS_VENDORS and not printer_class:
            continue
        maker = ESCPOS_VENDORS.get(vendor, "USB printer")
        result.append(
            FoundPrinter(
                f"escpos+usb://{vendor:04x}:{product:04x}",
                f"{maker} {vendor:04x}:{product:04x}"
                + (" (printer class)" if printer_class else ""),
                FoundKind.USB,
            )
        )
    return result


def _configs(device: Any) -> list[Any]:
    try:
        return list(device)
    except Exception:  # reading descriptors can need permissions
        return []


def _serial() -> list[FoundPrinter]:
    from serial.tools import list_ports

    result = []
    for port in list_ports.comports():
        text = " ".join(
            str(x) for x in (port.description, port.manufacturer, port.product) if x
        ).lower()
        known = port.vid in ESCPOS_VENDORS if port.vid is not None else False
        if not (known or any(word in text for word in _PRINTER_WORDS) or port.vid is not None):
            continue  # built-in ports without a device behind them (ttyS0)
        uri = f"escpos+serial://{port.device}"  # ///dev/ttyUSB0 on Linux, //COM3 on Windows
        maker = ESCPOS_VENDORS.get(port.vid or -1, "")
        description = " ".join(x for x in (maker, port.description or "serial port") if x)
        result.append(FoundPrinter(uri, description, FoundKind.SERIAL))
    return result


def _device_files() -> list[FoundPrinter]:
    return [
        FoundPrinter(
            f"escpos+file://{path}", f"USB printer device file {path}", FoundKind.DEVICE_FILE
        )
        for path in sorted(glob.glob("/dev/usb/lp*"))
    ]


def open_printer(uri: str) -> Printer:
    """The printer for a URI. Raises PrinterError (BAD_ADDRESS) when it cannot be understood."""
    address = parse_uri(uri)
    match address.kind:
        case Kind.SYSTEM:
            from kiosk.printing.system import SystemPrinter

            return SystemPrinter(address)
        case Kind.PDF:
            from kiosk.printing.outputs import PdfOutput

            return PdfOutput(address)
        case Kind.PNG:
            from kiosk.printing.outputs import PngFolder

            return PngFolder(address)
        case Kind.MEMORY:
            from kiosk.printing.outputs import MemoryPrinter

            return MemoryPrinter(address)
        case _:
            from kiosk.printing.escpos import EscposPrinter

            return EscposPrinter(address)
