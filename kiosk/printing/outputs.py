"""Printers that are files or memory: PDF, numbered PNGs, and an in-memory printer for tests.

``pdf:///path/badges.pdf`` appends every badge as a page to that one PDF (the file is replaced
atomically each time, so a crash never leaves half a PDF). ``pdf:///path/folder`` (an existing
folder, or a path ending in ``/``) writes one numbered PDF per print instead: ``badge-0001.pdf``.
``png:///path/folder`` writes ``badge-0001.png``, ``badge-0002.png``… Pages and PNGs carry the
image's dpi (the media dpi), so a badge prints at its physical size.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable
from pathlib import Path

from PIL import Image

from kiosk.printing.base import Fault, Media, PrinterError, PrinterStatus, Readiness
from kiosk.printing.media import PREVIEW_MEDIA, AddressedPrinter
from kiosk.printing.uri import Kind, PrinterAddress, format_uri, parse_uri

_NUMBERED = re.compile(r"badge-(\d+)\.(png|pdf)$")


def _address(address: PrinterAddress | str, kind: Kind) -> PrinterAddress:
    parsed = parse_uri(address) if isinstance(address, str) else address
    if parsed.kind is not kind:
        raise PrinterError(
            Fault.BAD_ADDRESS, f"{format_uri(parsed)} is not a {kind.value}:// address"
        )
    return parsed


def _write_atomically(
    target: Path, write: Callable[[Path], None], *, start_from: Path | None = None
) -> None:
    """Write to a temporary file beside ``target`` and rename it over ``target``."""
    handle, temp_name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    os.close(handle)
    temp = Path(temp_name)
    try:
        if start_from is not None:
            shutil.copyfile(start_from, temp)
        write(temp)
        with open(temp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)


def _next_number(folder: Path, suffix: str) -> int:
    numbers = [
        int(m.group(1))
        for p in folder.iterdir()
        if (m := _NUMBERED.match(p.name)) and m.group(2) == suffix
    ]
    return max(numbers, default=0) + 1


def _file_error(exc: OSError, where: Path, uri: str) -> PrinterError:
    if isinstance(exc, PermissionError):
        return PrinterError(
            Fault.PERMISSION,
            f"Kiosk may not write to {where} — choose another folder",
            printer=uri,
        )
    if isinstance(exc, FileNotFoundError):
        return PrinterError(
            Fault.NOT_FOUND,
            f"The folder for {where} does not exist — create it or choose another",
            printer=uri,
        )
    return PrinterError(Fault.FAILED, f"Could not write {where}: {exc}", printer=uri)


def _prepared(image: Image.Image, media: Media) -> Image.Image:
    if image.mode in {"1", "L", "RGB"}:
        return image
    return image.convert("RGB")


class _FileOutput(AddressedPrinter, ABC):
    kind: Kind

    def __init__(self, address: PrinterAddress | str) -> None:
        super().__init__(_address(address, self.kind))
        self._path = Path(self._address.path)
        self._lock = threading.Lock()
        self.written: list[Path] = []  # files written by this object, in order

    @property
    def path(self) -> Path:
        return self._path

    def status(self, timeout: float = 2.0) -> PrinterStatus:
        folder = self._folder()
        if folder.is_dir() and os.access(folder, os.W_OK):
            return PrinterStatus(Readiness.READY, f"writing to {self._path}")
        return PrinterStatus(Readiness.UNREACHABLE, f"cannot write to {folder}")

    def _folder(self) -> Path:
        return self._path if self._is_folder() else self._path.parent

    def _is_folder(self) -> bool:
        return True

    def close(self) -> None:  # nothing stays open between prints
        """Every file is complete when print_image returns."""

    def print_image(self, image: Image.Image, *, copies: int = 1) -> None:
        if copies < 1:
            return
        target = self._path
        try:
            with self._lock:
                self._write(_prepared(image, self._media), copies)
        except PrinterError:
            raise
        except OSError as exc:
            raise _file_error(exc, target, self._uri) from exc
        except Exception as exc:
            raise PrinterError(
                Fault.FAILED, f"Could not write {target}: {exc}", printer=self._uri
            ) from exc

    @abstractmethod
    def _write(self, image: Image.Image, copies: int) -> None:
        """Write ``copies`` of ``image`` to the output (atomically)."""


class PngFolder(_FileOutput):
    """``png:///folder``: each copy of each badge becomes ``badge-NNNN.png`` (with its dpi)."""

    kind = Kind.PNG

    def _write(self, image: Image.Image, copies: int) -> None:
        folder = self._path
        folder.mkdir(parents=True, exist_ok=True)
        dpi = (self._media.dpi, self._media.dpi)
        for _ in range(copies):
            target = folder / f"badge-{_next_number(folder, 'png'):04d}.png"
            _write_atomically(target, lambda temp: image.save(temp, format="PNG", dpi=dpi))
            self.written.append(target)


class PdfOutput(_FileOutput):
    """``pdf:///file.pdf`` appends pages to one PDF; ``pdf:///folder/`` writes one PDF per print."""

    kind = Kind.PDF

    def _is_folder(self) -> bool:
        return self._path.is_dir() or self._address.path.endswith(("/", "\\"))

    def _write(self, image: Image.Image, copies: int) -> None:
        pages = [image] * copies
        resolution = float(self._media.dpi)

        def save(temp: Path, *, append: bool = False) -> None:
            pages[0].save(
                temp,
                format="PDF",
                resolution=resolution,
                save_all=True,
                append=append,
                append_images=pages[1:],
            )

        if self._is_folder():
            folder = self._path
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / f"badge-{_next_number(folder, 'pdf'):04d}.pdf"
            _write_atomically(target, save)
        elif self._path.exists():
            target = self._path
            _write_atomically(target, lambda temp: save(temp, append=True), start_from=target)
        else:
            target = self._path
            target.parent.mkdir(parents=True, exist_ok=True)
            _write_atomically(target, save)
        self.written.append(target)


class MemoryPrinter(AddressedPrinter):
    """``memory://``: keeps every printed image; ``fail_with`` makes the next prints fail."""

    def __init__(
        self,
        address: PrinterAddress | str = "memory://",
        *,
        media: Media | None = None,
        fail_with: Fault | None = None,
        message: str = "",
        readiness: Readiness = Readiness.READY,
    ) -> None:
        parsed = _address(address, Kind.MEMORY)
        # The address's own media where it names one (None), else what a preview shows.
        named = parsed.width or parsed.profile or parsed.media
        super().__init__(parsed, media or (None if named else PREVIEW_MEDIA))
        self.images: list[Image.Image] = []
        self.fail_with = fail_with
        self.message = message
        self.readiness = readiness
        self.closed = False

    def fail(self, kind: Fault | None, message: str = "") -> None:
        """Make the following prints raise ``PrinterError(kind)`` (None: print again)."""
        self.fail_with = kind
        self.message = message

    def print_image(self, image: Image.Image, *, copies: int = 1) -> None:
        if self.fail_with is not None:
            raise PrinterError(
                self.fail_with,
                self.message or f"memory printer told to fail: {self.fail_with}",
                printer=self._uri,
            )
        if image.width > self._media.width_px:
            raise PrinterError(
                Fault.UNSUPPORTED,
                f"The badge is {image.width} dots wide but this printer prints "
                f"{self._media.width_px} dots",
                printer=self._uri,
            )
        self.images.extend(image.copy() for _ in range(copies))

    def status(self, timeout: float = 2.0) -> PrinterStatus:
        return PrinterStatus(self.readiness, "memory printer")

    def close(self) -> None:
        self.closed = True
