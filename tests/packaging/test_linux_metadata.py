"""The Linux desktop entry and AppStream metainfo: named after the application id the app
announces to the compositor, pointing at programs and icons that exist, valid for the
freedesktop validators when they are installed (desktop-file-utils, appstream)."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

from kiosk.assets import ICON_SIZES, icon_path
from kiosk.ui.app import APP_ID

LINUX = Path(__file__).resolve().parents[2] / "packaging" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"


def desktop_entry() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment, method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser


def test_desktop_entry_starts_the_window_and_offers_the_self_service_kiosk() -> None:
    entry = desktop_entry()
    main = entry["Desktop Entry"]
    assert main["Exec"] == "kiosk-gui" and main["Icon"] == APP_ID
    assert main["StartupWMClass"] == "kiosk-gui"
    assert {"Name[bg]", "Name[ro]"} <= set(entry["Desktop Action self-service"])
    assert entry["Desktop Action self-service"]["Exec"] == "kiosk-gui --kiosk"
    assert {"Comment[bg]", "Comment[ro]"} <= set(main)


def test_metainfo_names_the_desktop_entry_and_the_programs() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == DESKTOP.name  # type: ignore[union-attr]
    assert {b.text for b in root.iter("binary")} == {"kiosk", "kiosk-gui"}
    assert root.findtext("project_license") == "GPL-3.0-or-later"


def test_icon_set_has_every_size_as_a_square_png_and_the_svg() -> None:
    assert icon_path().read_text(encoding="utf-8").lstrip().startswith("<?xml")
    for size in ICON_SIZES:
        with Image.open(icon_path(size)) as image:
            assert image.size == (size, size) and image.mode == "RGBA"
            # transparent corners (rounded square), opaque centre
            assert image.getpixel((0, 0))[3] == 0  # type: ignore[index]
            assert image.getpixel((size // 2, size // 2))[3] == 255  # type: ignore[index]
    with Image.open(icon_path().with_name("kiosk.ico")) as ico:
        assert (256, 256) in ico.info["sizes"] and (16, 16) in ico.info["sizes"]


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="no desktop-file-utils")
def test_desktop_entry_is_valid() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and result.stdout == "", result.stdout


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="no appstream")
def test_metainfo_is_valid() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
