"""Finding the bundled assets (fonts, badge templates, icons) the same way everywhere.

They are package data, ``kiosk/assets/`` beside this module, in a source checkout (and an
editable install), in an installed wheel, and in the frozen bundle (packaging/kiosk.spec puts
them there; the frozen modules' ``__file__`` points into the bundle, so the same rule holds).
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

#: Icon sizes rendered from assets/icons/kiosk.svg by packaging/icons.py.
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


@cache
def assets_dir() -> Path:
    """The ``kiosk/assets`` folder (raises FileNotFoundError when an install lost it)."""
    folder = Path(__file__).resolve().parent / "assets"
    if not (folder / "fonts").is_dir():
        raise FileNotFoundError(f"Kiosk's assets folder is missing ({folder}); reinstall Kiosk")
    return folder


def installation_kind() -> str:
    """How this copy of Kiosk runs: ``frozen bundle``, ``installed package`` or ``source
    checkout`` (an editable install counts as a checkout: it reads the checkout's files)."""
    if getattr(sys, "frozen", False):
        return "frozen bundle"
    checkout = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    if os.path.isfile(os.path.join(checkout, "pyproject.toml")) and os.path.isdir(
        os.path.join(checkout, "kiosk")
    ):
        return "source checkout"
    return "installed package"


def font_path(bold: bool = False) -> Path:
    return assets_dir() / "fonts" / ("NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf")


def icon_path(size: int | None = None) -> Path:
    """The application icon: the SVG, or the PNG rendered at ``size`` pixels."""
    folder = assets_dir() / "icons"
    return folder / ("kiosk.svg" if size is None else f"kiosk-{size}.png")
