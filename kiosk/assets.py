"""Finding the bundled assets (fonts, templates) from a source checkout or an installed package."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def assets_dir() -> Path:
    """The ``assets`` folder: beside the package in a checkout, or inside it when installed."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "assets", here.parent / "assets"):
        if (candidate / "fonts").is_dir():
            return candidate
    raise FileNotFoundError(f"Kiosk's assets folder is missing (looked beside {here})")


def font_path(bold: bool = False) -> Path:
    return assets_dir() / "fonts" / ("NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf")
