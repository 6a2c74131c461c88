"""ESC/POS printers (network, USB, serial, device file, Windows spooler) through python-escpos.

python-escpos 3.1 is used for two things only (see docs/design.md, "Decisions"):

* encoding: ``Dummy`` + ``image(impl="bitImageRaster", center=False)`` + ``cut()``. We render the
  badge ourselves, check its width, pad it to the full media width and threshold it to 1 bit, so
  its ``center=True`` black-bar bug, the ``graphics`` >64 KB corruption and its dithering never
  apply. Text mode is never used.
* transport: ``Network``/``Usb``/``Serial``/``File``/``Win32Raw`` opened per job with timeouts and
  fed the encoded bytes with ``_raw()`` in chunks.

Status is asked with ``DLE EOT 1/2/4`` and decoded here: python-escpos' ``paper_status()`` says
"plenty of paper" on an empty read and ``is_online()`` raises on silence. Silence is UNKNOWN.

Before each job the printer is asked for its status (``status=no`` in the URI turns that off). If
it answers, a paper-out/cover-open printer is refused before anything is sent, and after the job
it is asked once more: the answer proves the printer received every byte (a dropped link becomes
DISCONNECTED, a stall TIMEOUT). A printer that never answers is not asked again by this object.
"""

from __future__ import annotations

import errno
import logging
import socket
import time
from typing import Any

from PIL import Image

from kiosk.printing.base import Fault, Media, PrinterError, PrinterStatus, Readiness
from kiosk.printing.media import AddressedPrinter
from kiosk.printing.uri import Kind, PrinterAddress, format_uri, parse_uri

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 10.0  # seconds for connecting and for each chunk of a job
DEFAULT_BAUD = 9600  # the factory setting of most serial printers; 115200 is 12x faster
PREFLIGHT_TIMEOUT = 1.0  # how long a job waits for the status answer before sending anyway
CHUNK = 16 * 1024
FRAGMENT_HEIGHT = 800  # rows per GS v 0 command; Epson allows up to 4095

DLE_EOT = b"\x10\x04"
ASK_PRINTER, ASK_OFFLINE_CAUSE, ASK_PAPER = 1, 2, 4
THRESHOLD = 128


# --- status bytes --------------------------------------------------------------------------------


def _is_status_byte(value: int) -> bool:
    """Epson status bytes have bit 1 and bit 4 set, bits 0 and 7 clear."""
    return value & 0x93 == 0x12


def decode_status(
    printer: int | None, cause: int | None = None, paper: int | None = None
) -> PrinterStatus:
    """Readiness from the answers to DLE EOT 1 (printer), 2 (offline cause) and 4 (paper sensor).

    DLE EOT 1: bit 3 = offline. DLE EOT 2: bit 2 = cover open, bit 5 = stopped by paper end,
    bit 6 = error. DLE EOT 4: bits 2/3 = paper near end, bits 5/6 = paper out.
    A missing or malformed answer is UNKNOWN, never READY.
    """
    if printer is None:
        return PrinterStatus(Readiness.UNKNOWN, "no answer to the status request")
    answers = {"printer": printer, "offline cause": cause, "paper": paper}
    raw = ", ".join(f"{k} 0x{v:02x}" for k, v in answers.items() if v is not None)
    for label, value in answers.items():
        if value is not None and not _is_status_byte(value):
            return PrinterStatus(Readiness.UNKNOWN, f"unexpected {label} status byte ({raw})")
    if paper is not None and paper & 0x60:
        return PrinterStatus(Readiness.PAPER_OUT, f"paper out ({raw})")
    if printer & 0x08:
        why = []
        if cause is not None:
            if cause & 0x04:
                why.append("cover open")
            if cause & 0x20:
                return PrinterStatus(Readiness.PAPER_OUT, f"paper out ({raw})")
            if cause & 0x40:
                why.append("error")
            if cause & 0x08:
                why.append("paper being fed by the button")
        return PrinterStatus(
            Readiness.OFFLINE, f"offline: {', '.join(why) or 'no cause given'} ({raw})"
        )
    if paper is None:
        return PrinterStatus(Readiness.UNKNOWN, f"online, paper sensor did not answer ({raw})")
    if paper & 0x0C:
        return PrinterStatus(Readiness.PAPER_LOW, f"paper near end ({raw})")
    return PrinterStatus(Readiness.READY, f"online, paper present ({raw})")


# --- encoding ------------------------------------------------------------------------------------


def to_one_bit(image: Image.Image) -> Image.Image:
    """Mode "1" by a fixed threshold (never dithering); transparent areas become white."""
    if image.mode == "1":
        return image
    if image.mode in {"RGBA", "LA", "PA"} or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, rgba)
    gray = image.convert("L")
    return gray.point(lambda v: 255 if v >= THRESHOLD else 0, mode="1")


def fit_to_media(
    image: Image.Image, media: Media, *, printer: str = "", profile: str | None = None
) -> Image.Image:
    """The 1-bit image padded with white to the media width, centred. Refuses wider images."""
    if image.width > media.width_px:
        model = f"{profile} " if profile else ""
        raise PrinterError(
            Fault.UNSUPPORTED,
            f"The badge is {image.width} dots wide but this {model}printer prints "
            f"{media.width_px} dots at {media.dpi} dpi — choose a badge template for "
            f"{media.width_px} dots ({media.width_px / media.dpi * 25.4:.0f} mm at "
            f"{media.dpi} dpi)",
            printer=printer,
        )
    if image.width == 0 or image.height == 0:
        raise PrinterError(Fault.UNSUPPORTED, "The badge image is empty", printer=printer)
    bw = to_one_bit(image)
    if bw.width < media.width_px:
        left = (media.width_px - bw.width) // 2
        padded = Image.new("1", (media.width_px, bw.height), 1)
        padded.paste(bw, (left, 0))
        bw = padded
    return bw


class _WidthOverride:
    """A python-escpos profile whose media width is replaced (``width=`` in the URI)."""

    def __init__(self, profile: Any, width_px: int) -> None:
        self._profile = profile
        data = dict(profile.profile_data)
        media = dict(data.get("media", {}))
        media["width"] = {**media.get("width", {}), "pixels": width_px}
        data["media"] = media
        self.profile_data = data

    def __getattr__(self, name: str) -> Any:
        return getattr(self._profile, name)


_INVERTED = bytes(255 - b for b in range(256))


def raster_commands(bw: Image.Image, fragment_height: int = FRAGMENT_HEIGHT) -> bytes:
    """``GS v 0`` commands for a 1-bit image, byte for byte what python-escpos'
    ``image(impl="bitImageRaster", center=False, fragment_height=…)`` sends, in a fraction of
    its time (it converts the image four times per fragment): a set bit is a black dot, rows are
    padded with white to whole bytes, images taller than ``fragment_height`` go in fragments."""
    if bw.mode != "1":
        raise ValueError("raster_commands needs a 1-bit image")
    width_bytes = (bw.width + 7) >> 3
    data = bw.tobytes().translate(_INVERTED)  # PIL: set bit = white; ESC/POS: set bit = black
    spare = bw.width % 8
    if spare:
        keep = (0xFF << (8 - spare)) & 0xFF  # the padding bits stay white
        rows = bytearray(data)
        for end in range(width_bytes - 1, len(rows), width_bytes):
            rows[end] &= keep
        data = bytes(rows)
    out = bytearray()
    for top in range(0, bw.height, fragment_height):
        height = min(fragment_height, bw.height - top)
        out += b"\x1dv0\x00" + width_bytes.to_bytes(2, "little") + height.to_bytes(2, "little")
        out += data[top * width_bytes : (top + height) * width_bytes]
    return bytes(out)


def encode_job(
    image: Image.Image,
    media: Media,
    *,
    profile: str | None = None,
    cut: bool = True,
    copies: int = 1,
    printer: str = "",
) -> bytes:
    """ESC/POS bytes for ``copies`` badges: ESC @, then per copy GS v 0 raster(s) and a cut."""
    from escpos.printer import Dummy

    bw = fit_to_media(image, media, printer=printer, profile=profile)
    dummy = Dummy(profile=profile)
    # The image is already exactly media.width_px; let python-escpos' own check agree with it
    # (and never print its "width Unknown" message to stdout).
    dummy.profile = _WidthOverride(dummy.profile, media.width_px)
    dummy.hw("INIT")
    raster = raster_commands(bw)
    for _ in range(copies):
        dummy._raw(raster)
        if cut:
            dummy.cut()
    data: bytes = dummy.output
    return data


# --- errors --------------------------------------------------------------------------------------


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def _advice(address: PrinterAddress) -> str:
    match address.kind:
        case Kind.TCP:
            return "check power and network cable, then Retry"
        case Kind.USB | Kind.FILE:
            return "check it is switched on and the USB cable is plugged in, then Retry"
        case Kind.SERIAL:
            return "check it is switched on and the serial cable is plugged in, then Retry"
        case _:
            return "check it is switched on, then Retry"


def _permission_advice(address: PrinterAddress) -> str:
    match address.kind:
        case Kind.USB:
            v, p = address.vendor_id, address.product_id
            return (
                f'add a udev rule such as SUBSYSTEM=="usb", ATTR{{idVendor}}=="{v:04x}", '
                f'ATTR{{idProduct}}=="{p:04x}", MODE="0660", GROUP="lp" and add this user '
                "to the lp group (or run Kiosk as a user who may use the printer)"
            )
        case Kind.SERIAL:
            return (
                "add this user to the dialout group (sudo usermod -aG dialout USER), "
                "then log in again"
            )
        case _:
            return "add this user to the lp group (sudo usermod -aG lp USER), then log in again"


def classify(exc: BaseException, address: PrinterAddress, *, connected: bool) -> PrinterError:
    """A PrinterError for anything a transport raised. ``connected``: the link had been opened."""
    uri = format_uri(address)
    where = address.where
    chain = _chain(exc)
    names = {type(e).__name__ for e in chain}
    text = "; ".join(str(e).replace("\n", " ") for e in chain if str(e))

    def err(kind: Fault, message: str) -> PrinterError:
        return PrinterError(kind, message, printer=uri)

    if isinstance(exc, PrinterError):
        return exc
    if "NoBackendError" in names:
        return err(
            Fault.NOT_FOUND,
            f"USB printing needs libusb, which is not installed on this computer ({text}) — "
            "install libusb-1.0 (on Windows: a WinUSB driver via Zadig), or connect the printer "
            "through the system spooler, serial or network instead",
        )
    if address.kind is Kind.WIN32 and "RuntimeError" in names:
        return err(
            Fault.UNSUPPORTED,
            "escpos+win32:// printers work only on Windows with pywin32 installed — "
            "use system://, escpos+usb:// or escpos+tcp:// here",
        )
    os_errors = [e for e in chain if isinstance(e, OSError)]
    code = next((e.errno for e in os_errors if e.errno is not None), None)
    if (
        "USBTimeoutError" in names
        or "SerialTimeoutException" in names
        or any(isinstance(e, TimeoutError | socket.timeout) for e in chain)
    ):
        if not connected:
            return err(
                Fault.UNREACHABLE,
                f"Printer at {where} not reachable (no answer in time) — {_advice(address)}",
            )
        return err(
            Fault.TIMEOUT,
            f"Printer at {where} stopped taking data — check paper and cover; check whether the "
            "badge printed, then Retry",
        )
    if code in {errno.EACCES, errno.EPERM} or any(isinstance(e, PermissionError) for e in chain):
        return err(
            Fault.PERMISSION,
            f"This computer refused access to the printer at {where} — "
            + _permission_advice(address),
        )
    if connected and (
        any(
            isinstance(e, BrokenPipeError | ConnectionResetError | ConnectionAbortedError)
            for e in chain
        )
        or code in {errno.ENODEV, errno.EIO, errno.EPIPE, errno.ENXIO, errno.ESHUTDOWN}
        or "SerialException" in names
    ):
        return err(
            Fault.DISCONNECTED,
            f"The connection to the printer at {where} was lost during the job — "
            f"{_advice(address)} (check whether the badge printed)",
        )
    if code == errno.EBUSY:
        return err(
            Fault.FAILED,
            f"The printer at {where} is in use by another program — close it, then Retry",
        )
    if not connected:
        if address.kind is Kind.TCP:
            if any(isinstance(e, socket.gaierror) for e in chain):
                return err(
                    Fault.UNREACHABLE,
                    f"Printer at {where} not reachable: the name {address.host!r} is unknown — "
                    "use the printer's IP address",
                )
            if os_errors or "DeviceNotFoundError" in names:
                return err(
                    Fault.UNREACHABLE, f"Printer at {where} not reachable — {_advice(address)}"
                )
        if "DeviceNotFoundError" in names or code in {errno.ENOENT, errno.ENODEV, errno.ENXIO}:
            what = {
                Kind.USB: f"No USB printer {address.vendor_id:04x}:{address.product_id:04x} found",
                Kind.SERIAL: f"No serial port {address.path}",
                Kind.FILE: f"No printer device at {address.path}",
                Kind.WIN32: f"No Windows printer named {address.name!r}",
            }.get(address.kind, f"No printer at {where}")
            return err(Fault.NOT_FOUND, f"{what} — {_advice(address)}")
    return err(Fault.FAILED, f"Printing to {where} failed: {text or type(exc).__name__}")


# --- transport -----------------------------------------------------------------------------------


class _Link:
    """One open python-escpos transport: send bytes with a deadline, ask DLE EOT questions."""

    def __init__(self, address: PrinterAddress, timeout: float) -> None:
        self.address = address
        self.timeout = timeout
        self.device: Any = None
        self._escpos: Any = _transport(address, timeout)
        if address.kind is Kind.TCP:
            # Connect ourselves: python-escpos' Network.open() leaks the socket when the connect
            # fails (a ResourceWarning) and only knows IPv4.
            sock = socket.create_connection((address.host, address.port), timeout=timeout)
            self._escpos.device = sock
        else:
            self._escpos.open()
        self.device = self._escpos.device
        if self.device is None:  # python-escpos asserts are gone under ``python -O``
            raise PrinterError(
                Fault.NOT_FOUND,
                f"No printer at {address.where} — {_advice(address)}",
                printer=format_uri(address),
            )

    @property
    def can_read(self) -> bool:
        return self.address.kind in {Kind.TCP, Kind.USB, Kind.SERIAL}

    def send(self, data: bytes) -> None:
        kind = self.address.kind
        for start in range(0, len(data), CHUNK):
            chunk = data[start : start + CHUNK]
            if kind is Kind.TCP:
                self.device.settimeout(self.timeout)
            elif kind is Kind.SERIAL:
                baud = self.address.baud or DEFAULT_BAUD
                self.device.write_timeout = self.timeout + len(chunk) * 10 / baud
            self._escpos._raw(chunk)

    def ask(self, n: int, deadline: float) -> int | None:
        """Send DLE EOT n; the answer byte, or None when nothing came before ``deadline``."""
        if not self.can_read:
            return None
        self._escpos._raw(DLE_EOT + bytes((n,)))
        while (left := deadline - time.monotonic()) > 0:
            reply = self._read(left)
            if reply is None:
                return None
            if reply:
                return reply[-1]
        return None

    def _read(self, seconds: float) -> bytes | None:
        kind = self.address.kind
        if kind is Kind.TCP:
            self.device.settimeout(seconds)
            try:
                data: bytes = self.device.recv(16)
            except TimeoutError:
                return None
            if not data:
                raise ConnectionResetError("the printer closed the connection")
            return data
        if kind is Kind.SERIAL:
            self.device.timeout = seconds
            return bytes(self.device.read(1)) or None
        import usb.core

        try:
            return bytes(
                self.device.read(self.address.in_ep or 0x82, 16, max(1, int(seconds * 1000)))
            )
        except usb.core.USBTimeoutError:
            return None

    def drain(self) -> None:
        """Read what the printer sent unasked, so closing the socket does not reset the link."""
        if self.address.kind is not Kind.TCP:
            return
        try:
            self.device.setblocking(False)
            while self.device.recv(256):
                pass
        except OSError:
            pass

    def close(self) -> None:
        try:
            self._escpos.close()
        except Exception as exc:  # closing must never hide the job's own outcome
            log.debug("closing %s: %s", self.address.where, exc)


def _transport(address: PrinterAddress, timeout: float) -> Any:
    from escpos import printer as p

    match address.kind:
        case Kind.TCP:
            return p.Network(address.host, port=address.port, timeout=timeout)
        case Kind.USB:
            return p.Usb(
                address.vendor_id,
                address.product_id,
                timeout=max(1, int(timeout * 1000)),  # 0 would mean "wait forever"
                in_ep=address.in_ep if address.in_ep is not None else 0x82,
                out_ep=address.out_ep if address.out_ep is not None else 0x01,
            )
        case Kind.SERIAL:
            return p.Serial(address.path, baudrate=address.baud or DEFAULT_BAUD, timeout=timeout)
        case Kind.FILE:
            return p.File(address.path)
        case Kind.WIN32:
            return p.Win32Raw(address.name)
    raise PrinterError(Fault.BAD_ADDRESS, f"{address.kind.value}:// is not an ESC/POS printer")


# --- the printer ---------------------------------------------------------------------------------


class EscposPrinter(AddressedPrinter):
    """An ESC/POS printer: every job opens the link, sends the raster and a cut, and closes it."""

    def __init__(self, address: PrinterAddress | str) -> None:
        parsed = parse_uri(address) if isinstance(address, str) else address
        if not parsed.kind.escpos:
            raise PrinterError(
                Fault.BAD_ADDRESS,
                f"{format_uri(parsed)} is not an ESC/POS printer address",
            )
        super().__init__(parsed)
        self._answers: bool | None = None  # does it answer DLE EOT? None = not known yet

    @property
    def address(self) -> PrinterAddress:
        return self._address

    @property
    def timeout(self) -> float:
        return self._address.timeout or DEFAULT_TIMEOUT

    def encode(self, image: Image.Image, *, copies: int = 1) -> bytes:
        """The bytes a job sends (without the status questions). Raises UNSUPPORTED."""
        return encode_job(
            image,
            self._media,
            profile=self._address.profile,
            cut=self._address.cut,
            copies=copies,
            printer=self._uri,
        )

    def print_image(self, image: Image.Image, *, copies: int = 1) -> None:
        if copies < 1:
            return
        try:
            data = self.encode(image, copies=copies)
        except PrinterError:
            raise
        except Exception as exc:
            raise PrinterError(
                Fault.FAILED,
                f"The badge could not be prepared for printing: {exc}",
                printer=self._uri,
            ) from exc
        connected = False
        link: _Link | None = None
        try:
            link = _Link(self._address, self.timeout)
            connected = True
            checked = self._preflight(link)
            link.send(data)
            if checked:
                self._confirm(link)
            link.drain()
        except PrinterError:
            raise
        except Exception as exc:
            raise classify(exc, self._address, connected=connected) from exc
        finally:
            if link is not None:
                link.close()

    def _preflight(self, link: _Link) -> bool:
        """Refuse a job the printer cannot print. True when the printer answered."""
        if not (self._address.status and link.can_read) or self._answers is False:
            return False
        status = _ask_all(link, time.monotonic() + min(PREFLIGHT_TIMEOUT, self.timeout))
        if status is None:
            self._answers = False
            log.info("%s does not answer status requests; not asking again", self._uri)
            return False
        self._answers = True
        self._raise_for(status, before=True)
        return True

    def _confirm(self, link: _Link) -> None:
        status = _ask_all(link, time.monotonic() + self.timeout)
        if status is None:
            raise PrinterError(
                Fault.TIMEOUT,
                f"Printer at {self._address.where} stopped answering after the badge was sent — "
                "check paper and cover; check whether the badge printed, then Retry",
                printer=self._uri,
            )
        self._raise_for(status, before=False)

    def _raise_for(self, status: PrinterStatus, *, before: bool) -> None:
        where = self._address.where
        again = "then Retry" if before else "then print this badge again"
        if status.readiness is Readiness.PAPER_OUT:
            raise PrinterError(
                Fault.PAPER_OUT,
                f"Printer at {where} is out of paper — load a new roll and close the cover, "
                + again,
                printer=self._uri,
            )
        if status.readiness is Readiness.OFFLINE:
            if "cover open" in status.detail:
                raise PrinterError(
                    Fault.COVER_OPEN,
                    f"Printer at {where} has its cover open — close it, {again}",
                    printer=self._uri,
                )
            raise PrinterError(
                Fault.OFFLINE,
                f"Printer at {where} is offline ({status.detail}) — check its lights, {again}",
                printer=self._uri,
            )

    def status(self, timeout: float = 2.0) -> PrinterStatus:
        if not self._address.status:
            return PrinterStatus(Readiness.UNKNOWN, "status requests are turned off (status=no)")
        if self._address.kind in {Kind.FILE, Kind.WIN32}:
            return PrinterStatus(
                Readiness.UNKNOWN, f"{self._address.kind.value}:// printers cannot report status"
            )
        deadline = time.monotonic() + timeout
        link: _Link | None = None
        try:
            link = _Link(self._address, timeout)
            result = _ask_all(link, deadline)
            link.drain()
        except PrinterError as exc:
            return _status_of_error(exc)
        except Exception as exc:
            return _status_of_error(classify(exc, self._address, connected=link is not None))
        finally:
            if link is not None:
                link.close()
        if result is None:
            return PrinterStatus(Readiness.UNKNOWN, f"no answer within {timeout:g} s")
        self._answers = True
        return result

    def close(self) -> None:
        """Nothing stays open between jobs."""


def _ask_all(link: _Link, deadline: float) -> PrinterStatus | None:
    """Ask DLE EOT 1, 2 (when offline) and 4; None when the printer did not answer at all."""
    printer = link.ask(ASK_PRINTER, deadline)
    if printer is None:
        return None
    cause = link.ask(ASK_OFFLINE_CAUSE, deadline) if printer & 0x08 else None
    paper = link.ask(ASK_PAPER, deadline)
    return decode_status(printer, cause, paper)


def _status_of_error(exc: PrinterError) -> PrinterStatus:
    if exc.kind in {Fault.UNREACHABLE, Fault.NOT_FOUND}:
        return PrinterStatus(Readiness.UNREACHABLE, str(exc))
    if exc.kind is Fault.DISCONNECTED:
        return PrinterStatus(Readiness.UNREACHABLE, str(exc))
    return PrinterStatus(Readiness.UNKNOWN, str(exc))
