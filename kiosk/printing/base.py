"""The printer protocol every adapter implements, and the errors and status it reports.

A printer takes a finished badge image (already at the printer's pixel width and, for thermal
media, 1-bit) and prints it. It never decides anything about check-ins; a failure is reported as
a :class:`PrinterError` whose ``kind`` is a stable code and whose message says what failed and
what to do, in staff words.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, runtime_checkable

from PIL import Image


class Fault(StrEnum):
    """Stable codes for what went wrong (the UI maps them to its own words)."""

    UNREACHABLE = "unreachable"  # cannot connect: power, cable, address
    TIMEOUT = "timeout"  # connected, but no answer / stalled mid-job
    PAPER_OUT = "paper_out"
    COVER_OPEN = "cover_open"
    OFFLINE = "offline"  # the device says it is offline
    DISCONNECTED = "disconnected"  # the link dropped during the job
    BAD_ADDRESS = "bad_address"  # the printer URI cannot be understood
    NOT_FOUND = "not_found"  # no such system printer / USB device / device file
    PERMISSION = "permission"  # the OS refused access (USB, device file)
    UNSUPPORTED = "unsupported"  # e.g. an image wider than the printer's media
    FAILED = "failed"  # anything else the device or driver reported


class PrinterError(Exception):
    """A print that did not happen. ``str()`` is the message for staff."""

    def __init__(self, kind: Fault, message: str, *, printer: str = "") -> None:
        super().__init__(message)
        self.kind = kind
        self.printer = printer


class Readiness(StrEnum):
    READY = "ready"
    PAPER_LOW = "paper_low"
    PAPER_OUT = "paper_out"
    OFFLINE = "offline"
    UNREACHABLE = "unreachable"
    UNKNOWN = "unknown"  # the device cannot tell, or did not answer in time: never "fine"


@dataclass(frozen=True, slots=True)
class PrinterStatus:
    readiness: Readiness
    detail: str = ""  # what the device said, for the log and the details view


@dataclass(frozen=True, slots=True)
class Media:
    """What the printer prints on: the image is rendered to exactly this."""

    width_px: int  # printable width in dots (576 for 80 mm at 203 dpi; 512 on TM-T88)
    dpi: int
    thermal: bool  # 1-bit output, no dithering
    height_px: int | None = None  # fixed page/label height; None for continuous rolls


@runtime_checkable
class Printer(Protocol):
    """Anything that prints badge images."""

    @property
    def uri(self) -> str:
        """Where it prints, as configured (``escpos+tcp://…``, ``system://…``, ``pdf://…``)."""
        ...

    @property
    def media(self) -> Media: ...

    def print_image(self, image: Image.Image, *, copies: int = 1) -> None:
        """Print one badge image (and cut, where the device cuts). Raises PrinterError."""
        ...

    def status(self, timeout: float = 2.0) -> PrinterStatus:
        """What the device says about itself within ``timeout`` seconds; UNKNOWN otherwise."""
        ...

    def close(self) -> None: ...
