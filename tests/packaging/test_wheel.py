"""``python -m build`` gives an sdist and a wheel (built from that sdist, so the sdist is
complete) that carry the assets, the translations and the right entry points and dependencies;
the wheel installed into a fresh virtual environment passes ``kiosk self-test``.

The fresh environment gets the wheel only (``--no-deps``); its dependencies are borrowed from
the test environment through a path entry, so the test needs no network. Dependency metadata is
checked separately against pyproject.toml.
"""

from __future__ import annotations

import json
import os
import site
import subprocess
import sys
import tarfile
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

from kiosk import __version__

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return out


def wheel_of(dist: Path) -> Path:
    (wheel,) = dist.glob("kiosk_checkin-*.whl")
    return wheel


def test_sdist_carries_the_assets_the_recipes_and_the_tests(dist: Path) -> None:
    (sdist,) = dist.glob("kiosk_checkin-*.tar.gz")
    with tarfile.open(sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    for needed in (
        "kiosk/assets/fonts/NotoSans-Regular.ttf",
        "kiosk/assets/badges/roll-80mm.toml",
        "kiosk/assets/icons/kiosk.svg",
        "kiosk/ui/translations/kiosk_ro.qm",
        "pyproject.toml",
        "packaging/kiosk.spec",
        "tests/conftest.py",
    ):
        assert needed in names, needed
    assert not any(n.endswith((".db", ".pyc")) for n in names)
    assert "setup.py" not in names  # pyproject.toml says it all: assets are package data


def test_wheel_carries_assets_inside_the_package_and_the_translations(dist: Path) -> None:
    with zipfile.ZipFile(wheel_of(dist)) as wheel:
        names = set(wheel.namelist())
    for needed in (
        "kiosk/assets/fonts/NotoSans-Regular.ttf",
        "kiosk/assets/fonts/NotoSans-Bold.ttf",
        "kiosk/assets/fonts/OFL.txt",
        "kiosk/assets/badges/_categories.toml",
        "kiosk/assets/badges/roll-80mm.toml",
        "kiosk/assets/icons/kiosk.svg",
        "kiosk/assets/icons/kiosk-256.png",
        "kiosk/ui/translations/kiosk_bg.qm",
        "kiosk/ui/translations/kiosk_ro.qm",
        "kiosk/ui/translations/kiosk_en.qm",
        "kiosk/ui/translations/qtbase_ro.qm",
        "kiosk/py.typed",
    ):
        assert needed in names, needed
    assert not any(n.startswith(("tests/", "assets/", "packaging/")) for n in names)


def test_wheel_metadata_has_the_entry_points_and_the_dependencies_of_pyproject(
    dist: Path,
) -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    with zipfile.ZipFile(wheel_of(dist)) as wheel:
        info = f"kiosk_checkin-{__version__}.dist-info"
        entry_points = wheel.read(f"{info}/entry_points.txt").decode()
        metadata = wheel.read(f"{info}/METADATA").decode()
    assert "[console_scripts]\nkiosk = kiosk.cli:run" in entry_points
    assert "[gui_scripts]\nkiosk-gui = kiosk.ui.app:main" in entry_points
    requires = [
        line.removeprefix("Requires-Dist: ")
        for line in metadata.splitlines()
        if line.startswith("Requires-Dist: ") and "extra ==" not in line
    ]

    def name(requirement: str) -> str:
        return requirement.split(";")[0].split("[")[0].split(">")[0].split("<")[0].strip().lower()

    assert sorted(map(name, requires)) == sorted(map(name, project["dependencies"]))
    # Essentials and Addons only: the PySide6 meta-package would pull in WebEngine (278 MB).
    assert "pyside6" not in map(name, requires)
    assert f"Requires-Python: {project['requires-python']}" in metadata


def test_installed_wheel_passes_the_self_test_outside_the_checkout(
    dist: Path, tmp_path: Path
) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / "python"
    # pip of the test environment installs into the new one (no network, no deps).
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
         "--no-deps", "--no-index", str(wheel_of(dist))],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    # The dependencies, borrowed from the test environment (appended after the wheel's own).
    Path(purelib, "borrowed-deps.pth").write_text(
        "\n".join(site.getsitepackages()) + "\n", encoding="utf-8"
    )
    home = tmp_path / "home"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "PYTHONPATH": "",
    }
    version = subprocess.run(
        [str(bin_dir / "kiosk"), "--version"], env=env, cwd=tmp_path,
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert version.returncode == 0 and __version__ in version.stdout
    result = subprocess.run(
        [str(bin_dir / "kiosk"), "self-test", "--json"], env=env, cwd=tmp_path,
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    report = json.loads(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
    assert report["passed"] is True
    assert report["kind"] == "installed package"
    assets = next(c for c in report["checks"] if c["code"] == "assets")["detail"]
    assert assets.startswith(str(Path(purelib) / "kiosk" / "assets"))
    gui_help = subprocess.run(
        [str(bin_dir / "kiosk-gui"), "--help"], env=env, cwd=tmp_path,
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert gui_help.returncode == 0 and "--kiosk" in gui_help.stdout
