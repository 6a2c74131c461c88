"""Finding the bundled assets (fonts, badge templates, icons) the same way everywhere.

- source checkout (and editable install): ``assets/`` beside the ``kiosk`` package;
- installed wheel: ``kiosk/assets/`` inside the package (setup.py copies it there);
- frozen bundle (PyInstaller): ``kiosk/assets/`` inside the bundle (packaging/kiosk.spec puts
  it there; the frozen modules' ``__file__`` points into the bundle, so the same rule holds).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

#: Icon sizes rendered from assets/icons/kiosk.svg by packaging/icons.py.
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


@cache
def assets_dir() -> Path:
    """The ``assets`` folder: inside the package when installed or frozen, else beside it."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "assets", here.parent / "assets"):
        if (candidate / "fonts").is_dir():
            return candidate
    raise FileNotFoundError(
        f"Kiosk's assets folder is missing (looked in {here / 'assets'} and "
        f"{here.parent / 'assets'}); reinstall Kiosk"
    )


def installation_kind() -> str:
    """How this copy of Kiosk runs: ``frozen bundle``, ``installed package`` or ``source
    checkout`` (an editable install counts as a checkout: it reads the checkout's files)."""
    if getattr(sys, "frozen", False):
        return "frozen bundle"
    here = Path(__file__).resolve().parent
    if (here / "assets" / "fonts").is_dir():
        return "installed package"
    return "source checkout"


def font_path(bold: bool = False) -> Path:
    return assets_dir() / "fonts" / ("NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf")


def icon_path(size: int | None = None) -> Path:
    """The application icon: the SVG, or the PNG rendered at ``size`` pixels."""
    folder = assets_dir() / "icons"
    return folder / ("kiosk.svg" if size is None else f"kiosk-{size}.png")
