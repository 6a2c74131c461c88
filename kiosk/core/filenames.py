"""File names made from data (ticket codes, names, template names) that stay inside their folder.

A code imported from a registration file can say anything: ``../../tmp/x``, ``2026/0001``,
``C:\\x``, a NUL byte, a thousand characters, or ``CON`` (a device on Windows: writing
``CON.png`` there opens the console, not a file). :func:`safe_part` turns such a value into one
harmless piece of a file name, and :func:`inside` refuses any name that would still leave its
folder, as a last check before anything is written.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

#: Longest piece made from data, in characters; a whole name stays far below the 255 bytes
#: every common file system allows, whatever else the caller adds around it.
MAX_PART = 64

#: Names Windows reserves for devices, with or without an extension, in any case
#: (including the superscript-digit forms Windows also treats as devices).
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", "conin$", "conout$"}
    | {f"{d}{n}" for d in ("com", "lpt") for n in (*"123456789", "¹", "²", "³")}
)
#: Anything but letters, digits, '.', '_' and '-' (ASCII only: every file system, every
#: mail client and every zip tool takes these).
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class UnsafeFileName(ValueError):
    """A file name that would leave its folder (a check that must never fail for names made
    with :func:`safe_part`)."""


def safe_part(value: str, *, fallback: str = "file", limit: int = MAX_PART) -> str:
    """One piece of a file name made from ``value``: ASCII letters, digits, ``.``, ``_`` and
    ``-`` only (diacritics dropped, anything else one ``_``), no leading dot or dash, at most
    ``limit`` characters, never a Windows device name; ``fallback`` when nothing is left."""
    text = unicodedata.normalize("NFKD", value)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _UNSAFE.sub("_", text)
    text = text.lstrip(".-_")[:limit].rstrip(". ")
    if not text:
        return fallback
    if text.split(".", 1)[0].casefold() in _RESERVED:
        text = f"_{text}"[:limit]
    return text


def inside(folder: Path, name: str) -> Path:
    """``folder / name``, or :class:`UnsafeFileName` if that is not a file directly inside
    ``folder`` (a separator, ``..``, an absolute path, a NUL byte, a device name)."""
    if (
        not name
        or name in (".", "..")
        or any(c in name for c in "/\\\x00:")
        or Path(name).is_absolute()
        or name.split(".", 1)[0].casefold() in _RESERVED
        or len(name.encode("utf-8")) > 255
    ):
        raise UnsafeFileName(f"'{name[:80]}' is not a safe file name inside {folder}.")
    return folder / name
