"""Render the application icon from its source, kiosk/assets/icons/kiosk.svg, into every size the
platforms ask for; the results are committed, so building a package needs no SVG renderer.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/icons.py

Writes kiosk/assets/icons/kiosk-<N>.png (16…512 px, for the Linux hicolor theme and the window),
kiosk.ico (Windows: the .exe, the installer, the Start-menu entry) and kiosk.icns (macOS).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "kiosk" / "assets" / "icons"
SOURCE = ICONS / "kiosk.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"{SOURCE} is not a valid SVG", file=sys.stderr)
        return 2
    written: list[Path] = []
    for size in SIZES:
        path = ICONS / f"kiosk-{size}.png"
        if not render(renderer, size).save(str(path), "PNG"):
            print(f"could not write {path}", file=sys.stderr)
            return 2
        written.append(path)
    largest = Image.open(ICONS / "kiosk-512.png")
    # Each ICO/ICNS size from its own rendering, so small sizes stay crisp.
    frames = [Image.open(ICONS / f"kiosk-{s}.png") for s in ICO_SIZES]
    frames[-1].save(
        ICONS / "kiosk.ico", sizes=[(s, s) for s in ICO_SIZES], append_images=frames[:-1]
    )
    largest.save(ICONS / "kiosk.icns")
    written += [ICONS / "kiosk.ico", ICONS / "kiosk.icns"]
    for path in written:
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
