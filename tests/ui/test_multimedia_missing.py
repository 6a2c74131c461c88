"""Without Qt Multimedia's system library (libpulse0) the desk and the kiosk show a clear,
translated state instead of an error, and the tests that need Qt Multimedia skip with that
reason instead of failing collection.

The missing library is made real for the dynamic loader: an empty ``libpulse.so.0`` first on
``LD_LIBRARY_PATH`` makes importing PySide6.QtMultimedia fail exactly as on a machine without
the package (``ImportError: …/libpulse.so.0: …``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.ui.multimedia import missing_from
from tests.conftest import People

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="LD_LIBRARY_PATH and libpulse are Linux's"
)


def without_libpulse(tmp_path: Path) -> dict[str, str]:
    broken = tmp_path / "broken-libs"
    broken.mkdir()
    (broken / "libpulse.so.0").write_bytes(b"")
    env = {**os.environ, "LD_LIBRARY_PATH": str(broken), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTEST_ADDOPTS", None)
    return env


def test_the_loader_message_names_the_debian_package() -> None:
    # glibc's message for a library that is not installed at all.
    message = "libpulse.so.0: cannot open shared object file: No such file or directory"
    found = missing_from(message)
    assert (found.library, found.package) == ("libpulse.so.0", "libpulse0")
    assert missing_from("some other failure").package == ""


def test_desk_camera_sounds_and_kiosk_say_what_is_missing_in_every_language(
    tmp_path: Path, db_path: Path, people: People
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.multimedia_child", str(db_path), str(tmp_path / "s")],
        cwd=ROOT,
        env=without_libpulse(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    assert shown["state"] == "unavailable" and shown["toggle_enabled"] is False
    assert shown["camera_en"] == "The camera needs libpulse0 — see the README."
    assert shown["camera_bg"] == "Камерата изисква libpulse0 — вижте README."
    assert shown["camera_ro"] == "Camera are nevoie de libpulse0 — consultați README."
    assert shown["sound_problem"] == "libpulse0"
    assert shown["kiosk_camera"] == shown["camera_en"]
    assert shown["desk_camera"] == shown["camera_en"]
    assert shown["desk_sound_tooltip"] == "Sounds need libpulse0 — see the README."
    assert "Traceback" not in done.stderr and "went wrong" not in done.stdout


def test_the_multimedia_tests_skip_with_the_reason_instead_of_failing_collection(
    tmp_path: Path,
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/ui/test_camera.py", "tests/ui/test_sounds.py",
         "-q", "-rs", "-p", "no:cacheprovider"],
        cwd=ROOT,
        env=without_libpulse(tmp_path),
        capture_output=True,
        text=True,
        timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "skipped" in done.stdout and "error" not in done.stdout.lower()
    assert "Qt Multimedia does not load without libpulse0" in done.stdout
