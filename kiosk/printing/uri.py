"""Printer addresses: one line of text that says where and how to print.

Valid forms (options after ``?``, joined with ``&``)::

    escpos+tcp://192.168.1.50:9100?profile=TM-T20II     network printer, raw port (default 9100)
    escpos+usb://04b8:0e15?profile=TM-T20II&in_ep=0x82&out_ep=0x01   USB vendor:product, hex
    escpos+serial:///dev/ttyUSB0?baud=115200&profile=TM-T20II       serial port (or //COM3)
    escpos+file:///dev/usb/lp0?profile=TM-T20II         device file (write only: no status)
    escpos+win32://Printer Name?profile=TM-T20II        Windows spooler, RAW job
    system://Printer_Name?media=A6                      any OS printer; also system://default
    pdf:///path/out.pdf                                 pages appended to one PDF
    pdf:///path/folder/                                 one numbered PDF per print
    png:///path/dir                                     numbered PNG files
    memory://                                           kept in memory (tests)

Options: ``profile`` (python-escpos printer profile: gives width and dpi), ``width`` (dots;
overrides the profile), ``dpi``, ``cut=yes|no``, ``timeout`` (seconds), ``status=yes|no`` (ask an
ESC/POS printer for its paper/online status; ``no`` for printers that answer wrongly), ``baud``
(serial), ``in_ep``/``out_ep`` (USB endpoints), ``media`` (page for system/PDF/PNG: A4, A5, A6,
Letter, CR80, 62x100, 4x3in, 4x6in). Names and paths may be percent-encoded (``%20``, ``%3F``).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from urllib.parse import quote, unquote

from kiosk.printing.base import Fault, PrinterError


class Kind(StrEnum):
    """What carries the badge, named by the URI scheme."""

    TCP = "escpos+tcp"
    USB = "escpos+usb"
    SERIAL = "escpos+serial"
    FILE = "escpos+file"
    WIN32 = "escpos+win32"
    SYSTEM = "system"
    PDF = "pdf"
    PNG = "png"
    MEMORY = "memory"

    @property
    def escpos(self) -> bool:
        return self.value.startswith("escpos+")


EXAMPLES = (
    "escpos+tcp://192.168.1.50:9100?profile=TM-T20II",
    "escpos+usb://04b8:0e15?profile=TM-T20II",
    "escpos+serial:///dev/ttyUSB0?baud=115200&profile=TM-T20II",
    "escpos+file:///dev/usb/lp0?profile=TM-T20II",
    "escpos+win32://Receipt Printer?profile=TM-T20II",
    "system://default?media=A6",
    "pdf:///home/desk/badges.pdf",
    "png:///home/desk/badges",
    "memory://",
)

DEFAULT_PORT = 9100

# Page sizes in millimetres (width, height) for system printers and PDF/PNG outputs.
PAGES: dict[str, tuple[float, float]] = {
    "A4": (210.0, 297.0),
    "A5": (148.0, 210.0),
    "A6": (105.0, 148.0),
    "LETTER": (215.9, 279.4),
    "CR80": (85.6, 54.0),  # ID-1 card, landscape
    "62X100": (62.0, 100.0),  # Brother DK-11202 / 62 mm endless cut at 100 mm
    "4X3IN": (101.6, 76.2),  # badge insert (Avery 5392 style), Zebra 4x3
    "4X6IN": (101.6, 152.4),
}
PAGE_ALIASES = {"62MM": "62X100", "US-LETTER": "LETTER"}

_OPTIONS: dict[Kind, frozenset[str]] = {
    Kind.TCP: frozenset({"profile", "width", "dpi", "cut", "timeout", "status"}),
    Kind.USB: frozenset({"profile", "width", "dpi", "cut", "timeout", "status", "in_ep", "out_ep"}),
    Kind.SERIAL: frozenset({"profile", "width", "dpi", "cut", "timeout", "status", "baud"}),
    Kind.FILE: frozenset({"profile", "width", "dpi", "cut"}),
    Kind.WIN32: frozenset({"profile", "width", "dpi", "cut"}),
    Kind.SYSTEM: frozenset({"media", "dpi"}),
    Kind.PDF: frozenset({"profile", "media", "width", "dpi"}),
    Kind.PNG: frozenset({"profile", "media", "width", "dpi"}),
    Kind.MEMORY: frozenset({"profile", "media", "width", "dpi"}),
}

_HEX4 = re.compile(r"[0-9a-fA-F]{4}")


@dataclass(frozen=True, slots=True)
class PrinterAddress:
    """A parsed printer URI: :func:`parse_uri` builds it, :func:`format_uri` writes it back."""

    kind: Kind
    host: str = ""  # TCP
    port: int = DEFAULT_PORT  # TCP
    vendor_id: int = 0  # USB
    product_id: int = 0  # USB
    path: str = ""  # serial port, device file, PDF file or PNG folder
    name: str = ""  # system / Windows spooler printer name ("default" = the OS default)
    profile: str | None = None
    width: int | None = None  # dots; overrides the profile
    dpi: int | None = None
    cut: bool = True
    timeout: float | None = None  # seconds
    status: bool = True  # ask the printer for its status (DLE EOT)
    baud: int | None = None
    in_ep: int | None = None
    out_ep: int | None = None
    media: str | None = None  # key of PAGES

    @property
    def where(self) -> str:
        """The device part, in words staff recognise (``192.168.1.50:9100``, ``/dev/usb/lp0``)."""
        match self.kind:
            case Kind.TCP:
                return f"{self.host}:{self.port}"
            case Kind.USB:
                return f"USB {self.vendor_id:04x}:{self.product_id:04x}"
            case Kind.SYSTEM | Kind.WIN32:
                return f"'{self.name}'"
            case Kind.MEMORY:
                return "memory"
            case _:
                return self.path


def _bad(uri: str, problem: str) -> PrinterError:
    return PrinterError(
        Fault.BAD_ADDRESS,
        f"Printer address '{uri}' is not valid: {problem}. Valid addresses look like "
        + "; ".join(EXAMPLES[:6])
        + ".",
        printer=uri,
    )


@cache
def known_profiles() -> tuple[str, ...]:
    """The python-escpos printer profiles (escpos-printer-db bundled with python-escpos)."""
    from escpos.capabilities import CAPABILITIES

    return tuple(sorted(CAPABILITIES["profiles"]))


def _int(uri: str, key: str, text: str, *, low: int, high: int) -> int:
    try:
        value = int(text, 0) if key in {"in_ep", "out_ep"} else int(text)
    except ValueError:
        raise _bad(uri, f"{key}={text!r} is not a whole number") from None
    if not low <= value <= high:
        raise _bad(uri, f"{key}={value} is out of range ({low}–{high})")
    return value


def _yes_no(uri: str, key: str, text: str) -> bool:
    low = text.lower()
    if low in {"yes", "true", "1", "on"}:
        return True
    if low in {"no", "false", "0", "off"}:
        return False
    raise _bad(uri, f"{key}={text!r} must be yes or no")


def _page(uri: str, text: str) -> str:
    key = text.upper()
    key = PAGE_ALIASES.get(key, key)
    if key not in PAGES:
        raise _bad(uri, f"unknown media {text!r} (known: {', '.join(sorted(PAGES))})")
    return key


def _profile(uri: str, text: str) -> str:
    names = known_profiles()
    if text in names:
        return text
    by_lower = {n.lower(): n for n in names}
    if text.lower() in by_lower:
        return by_lower[text.lower()]
    near = difflib.get_close_matches(text, names, n=3, cutoff=0.5)
    hint = f"did you mean {' or '.join(near)}? " if near else ""
    raise _bad(uri, f"unknown printer profile {text!r} ({hint}known: {', '.join(names)})")


def parse_uri(uri: str) -> PrinterAddress:
    """Parse a printer URI; raise ``PrinterError(Fault.BAD_ADDRESS)`` that says what is wrong."""
    text = uri.strip()
    if "://" not in text:
        raise _bad(uri, "it does not start with a type such as escpos+tcp:// or system://")
    scheme, rest = text.split("://", 1)
    try:
        kind = Kind(scheme.lower())
    except ValueError:
        known = ", ".join(k.value + "://" for k in Kind)
        raise _bad(uri, f"unknown type {scheme + '://'!r} (known: {known})") from None
    target, _, query = rest.partition("?")
    fields: dict[str, object] = {}

    # Options
    allowed = _OPTIONS[kind]
    for item in filter(None, query.split("&")):
        key, eq, raw = item.partition("=")
        key = key.strip().lower()
        value = unquote(raw).strip()
        if not eq or not value:
            raise _bad(uri, f"option {key!r} has no value (write {key}=…)")
        if key not in allowed:
            hint = ", ".join(sorted(allowed))
            raise _bad(uri, f"unknown option {key!r} for {kind.value}:// (known: {hint})")
        if key in fields:
            raise _bad(uri, f"option {key!r} is given twice")
        match key:
            case "profile":
                fields[key] = _profile(uri, value)
            case "width":
                fields[key] = _int(uri, key, value, low=8, high=10_000)
            case "dpi":
                fields[key] = _int(uri, key, value, low=50, high=2400)
            case "baud":
                fields[key] = _int(uri, key, value, low=300, high=4_000_000)
            case "in_ep" | "out_ep":
                fields[key] = _int(uri, key, value, low=0, high=0xFF)
            case "cut" | "status":
                fields[key] = _yes_no(uri, key, value)
            case "timeout":
                try:
                    seconds = float(value)
                except ValueError:
                    raise _bad(uri, f"timeout={value!r} is not a number of seconds") from None
                if not 0 < seconds <= 3600:
                    raise _bad(uri, f"timeout={value} must be between 0 and 3600 seconds")
                fields[key] = seconds
            case "media":
                fields[key] = _page(uri, value)

    # Target
    match kind:
        case Kind.TCP:
            host, port = _host_port(uri, target)
            fields.update(host=host, port=port)
        case Kind.USB:
            ids = target.strip("/")
            vendor, colon, product = ids.partition(":")
            if not (colon and _HEX4.fullmatch(vendor) and _HEX4.fullmatch(product)):
                raise _bad(
                    uri,
                    "a USB printer is vendor:product as two 4-digit hex numbers "
                    "(see lsusb), e.g. escpos+usb://04b8:0e15",
                )
            fields.update(vendor_id=int(vendor, 16), product_id=int(product, 16))
        case Kind.SERIAL | Kind.FILE | Kind.PDF | Kind.PNG:
            path = unquote(target)
            if re.fullmatch(r"/[A-Za-z]:[/\\].*", path):  # pdf:///C:/badges.pdf
                path = path[1:]
            if not path or path == "/":
                where = {
                    Kind.SERIAL: "a serial port, e.g. escpos+serial:///dev/ttyUSB0 or "
                    "escpos+serial://COM3",
                    Kind.FILE: "a device file, e.g. escpos+file:///dev/usb/lp0",
                    Kind.PDF: "a file, e.g. pdf:///home/desk/badges.pdf",
                    Kind.PNG: "a folder, e.g. png:///home/desk/badges",
                }[kind]
                raise _bad(uri, f"it names no path: give {where}")
            fields["path"] = path
        case Kind.WIN32 | Kind.SYSTEM:
            name = unquote(target).strip()
            if not name:
                example = (
                    "system://default or system://Office_Printer"
                    if kind is Kind.SYSTEM
                    else "escpos+win32://Receipt Printer"
                )
                raise _bad(uri, f"it names no printer: give its name, e.g. {example}")
            fields["name"] = name
        case Kind.MEMORY:
            if target.strip("/"):
                raise _bad(uri, "memory:// takes no name")
    return PrinterAddress(kind=kind, **fields)  # type: ignore[arg-type]


def _host_port(uri: str, target: str) -> tuple[str, int]:
    target = target.rstrip("/")
    if not target:
        raise _bad(uri, "it names no host: give the printer's IP address, e.g. 192.168.1.50")
    if target.startswith("["):  # [fe80::1]:9100
        host, _, tail = target[1:].partition("]")
        port_text = tail[1:] if tail.startswith(":") else ""
        if tail and not tail.startswith(":"):
            raise _bad(uri, f"cannot read the host {target!r}")
    else:
        host, _, port_text = target.partition(":")
    if not host or "/" in host or " " in host:
        raise _bad(uri, f"cannot read the host {host!r}")
    if not port_text:
        return host, DEFAULT_PORT
    return host, _int(uri, "port", port_text, low=1, high=65535)


def format_uri(address: PrinterAddress) -> str:
    """The canonical text of an address; ``parse_uri(format_uri(a)) == a``."""
    kind = address.kind
    match kind:
        case Kind.TCP:
            host = f"[{address.host}]" if ":" in address.host else address.host
            target = f"{host}:{address.port}"
        case Kind.USB:
            target = f"{address.vendor_id:04x}:{address.product_id:04x}"
        case Kind.SERIAL | Kind.FILE | Kind.PDF | Kind.PNG:
            path = address.path
            drive = re.match(r"[A-Za-z]:[/\\]", path)
            target = ("/" if drive else "") + quote(path, safe="/:")
        case Kind.WIN32 | Kind.SYSTEM:
            target = quote(address.name, safe=" _-.()")
        case Kind.MEMORY:
            target = ""
    options: list[str] = []
    if address.profile is not None:
        options.append(f"profile={address.profile}")
    if address.media is not None:
        options.append(f"media={address.media}")
    if address.width is not None:
        options.append(f"width={address.width}")
    if address.dpi is not None:
        options.append(f"dpi={address.dpi}")
    if not address.cut:
        options.append("cut=no")
    if not address.status:
        options.append("status=no")
    if address.timeout is not None:
        options.append(f"timeout={address.timeout:g}")
    if address.baud is not None:
        options.append(f"baud={address.baud}")
    if address.in_ep is not None:
        options.append(f"in_ep=0x{address.in_ep:02x}")
    if address.out_ep is not None:
        options.append(f"out_ep=0x{address.out_ep:02x}")
    query = ("?" + "&".join(options)) if options else ""
    return f"{kind.value}://{target}{query}"
