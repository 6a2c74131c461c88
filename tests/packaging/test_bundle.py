"""The Linux one-folder bundle: PyInstaller builds it from packaging/kiosk.spec, and the frozen
``kiosk`` passes its self-test with QT_QPA_PLATFORM=offscreen (database, fonts, badge, QR, Qt,
translations, first-run screen), reading its assets from inside the bundle. The bundle carries
the Qt plugins the desk needs and not WebEngine, PDF or the virtual keyboard.

Takes about 20-60 s (measured 19 s on 2 shared cores); it runs in CI.
"""

from __future__ import annotations

import ctypes.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import __version__

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform != "linux", reason="the Linux bundle is built on Linux"),
]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("pyinstaller")
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"),
         str(ROOT / "packaging" / "kiosk.spec")],
        check=True, capture_output=True, timeout=900, cwd=work,
    )  # fmt: skip
    return work / "dist" / "kiosk"


def frozen_env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "VIRTUAL_ENV", "KIOSK_"))
    }
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
    )
    return env


def test_frozen_kiosk_passes_its_self_test_offscreen(bundle: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(bundle / "kiosk"), "self-test", "--json"], env=frozen_env(tmp_path),
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["passed"] is True
    assert report["kind"] == "frozen bundle"
    statuses = {c["code"]: c["status"] for c in report["checks"]}
    assert set(statuses) >= {"database", "fonts", "badge", "qr", "qt", "first-run"}
    assert {code for code, status in statuses.items() if status != "ok"} <= {"sound"}
    if ctypes.util.find_library("pulse"):  # Qt Multimedia can load: its plugin must work too
        assert statuses["sound"] == "ok", report["checks"]
    assets = next(c for c in report["checks"] if c["code"] == "assets")["detail"]
    assert assets.startswith(str(bundle / "_internal" / "kiosk" / "assets"))
    # The per-user folders, not the bundle's own folder (which may be read-only).
    assert report["folders"]["database"] == str(tmp_path / "home" / "data" / "Kiosk" / "event.db")


def test_frozen_kiosk_prints_its_version_and_the_text_report(bundle: Path, tmp_path: Path) -> None:
    env = frozen_env(tmp_path)
    version = subprocess.run(
        [str(bundle / "kiosk"), "--version"], env=env, capture_output=True, text=True, timeout=60
    )
    assert version.returncode == 0 and __version__ in version.stdout
    text = subprocess.run(
        [str(bundle / "kiosk"), "self-test"], env=env, capture_output=True, text=True,
        timeout=300,
    )  # fmt: skip
    assert text.returncode == 0
    assert "frozen bundle" in text.stdout.splitlines()[0]


def test_bundle_has_both_programs_the_needed_qt_plugins_and_no_webengine(bundle: Path) -> None:
    assert os.access(bundle / "kiosk", os.X_OK) and os.access(bundle / "kiosk-gui", os.X_OK)
    qt = bundle / "_internal" / "PySide6" / "Qt"
    plugins = {str(p.relative_to(qt / "plugins")) for p in (qt / "plugins").rglob("*.so")}
    for needed in (
        "platforms/libqoffscreen.so",
        "platforms/libqxcb.so",
        "platforms/libqwayland.so",
        "platforms/libqeglfs.so",
        "printsupport/libcupsprintersupport.so",
        "multimedia/libffmpegmediaplugin.so",
        "imageformats/libqjpeg.so",
        "imageformats/libqsvg.so",
    ):
        assert needed in plugins, needed
    everything = [p.name.lower() for p in (bundle / "_internal").rglob("*")]
    for unwanted in ("webengine", "qt6pdf", "virtualkeyboard", "qt63d", "qt6charts"):
        assert not [n for n in everything if unwanted in n], unwanted
    translations = {
        p.name for p in (bundle / "_internal" / "kiosk" / "ui" / "translations").iterdir()
    }
    assert {"kiosk_bg.qm", "kiosk_ro.qm", "kiosk_en.qm", "qtbase_ro.qm"} <= translations


def test_frozen_gui_program_knows_kiosk_mode(bundle: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(bundle / "kiosk-gui"), "--help"], env=frozen_env(tmp_path), capture_output=True,
        text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0 and "--kiosk" in result.stdout


def test_tarball_install_puts_menu_entry_icons_and_commands_in_place_and_uninstalls(
    bundle: Path, tmp_path: Path
) -> None:
    """What the tarball's install.sh does for a venue laptop user (per-user install with the
    self-service kiosk at login), and that --uninstall removes it all."""
    subprocess.run(
        [str(ROOT / "packaging" / "linux" / "assemble.sh"), str(bundle)], check=True, timeout=60
    )
    env = frozen_env(tmp_path) | {
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "home" / ".config"),
    }
    prefix = tmp_path / "home" / ".local"
    installed = subprocess.run(
        [str(bundle / "install.sh"), "--autostart-kiosk"], env=env, capture_output=True,
        text=True, timeout=300,
    )  # fmt: skip
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert "Self-test passed." in installed.stdout
    dest = prefix / "opt" / "kiosk"
    entry = (prefix / "share" / "applications" / "org.kioskcheckin.Kiosk.desktop").read_text()
    assert f"Exec={dest}/kiosk-gui\n" in entry and f"Exec={dest}/kiosk-gui --kiosk\n" in entry
    autostart = tmp_path / "home" / ".config" / "autostart" / "org.kioskcheckin.Kiosk-kiosk.desktop"
    assert f"Exec={dest}/kiosk-gui --kiosk\n" in autostart.read_text()
    for size in (16, 48, 256, 512):
        icon = prefix / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        assert (icon / "org.kioskcheckin.Kiosk.png").is_file()
    assert (prefix / "share" / "metainfo" / "org.kioskcheckin.Kiosk.metainfo.xml").is_file()
    version = subprocess.run(
        [str(prefix / "bin" / "kiosk"), "--version"], env=env, capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip
    assert __version__ in version.stdout and "frozen bundle" in version.stdout

    removed = subprocess.run(
        [str(dest / "install.sh"), "--uninstall"], env=env, capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip
    assert removed.returncode == 0
    assert not dest.exists() and not autostart.exists()
    assert not (prefix / "bin" / "kiosk").exists()
    assert not (prefix / "share" / "applications" / "org.kioskcheckin.Kiosk.desktop").exists()
