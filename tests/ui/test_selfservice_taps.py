"""Staff leave the self-service kiosk with five quick taps in the top-left corner, however Qt
delivers them: the second of two quick taps arrives as a double-click, not as a press."""

from __future__ import annotations

import ctypes.util
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.storage.database import Database
from kiosk.ui.selfservice import window as window_module
from kiosk.ui.selfservice.window import SelfServiceWindow
from tests.conftest import People

ROOT = Path(__file__).resolve().parents[2]
CORNER = QPoint(10, 10)


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The modes of the PIN pads the kiosk opens (none is really shown)."""
    modes: list[str] = []
    monkeypatch.setattr(window_module.PinDialog, "exec", lambda self: modes.append(self.mode) or 0)
    return modes


def test_double_clicks_count_as_taps(
    qtbot: QtBot, kiosk: SelfServiceWindow, asked: list[str]
) -> None:
    win = kiosk
    # What Qt delivers for five quick taps: press, double-click, press, double-click, press.
    QTest.mouseClick(win.welcome, Qt.MouseButton.LeftButton, pos=CORNER)
    QTest.mouseDClick(win.welcome, Qt.MouseButton.LeftButton, pos=CORNER)
    QTest.mouseClick(win.welcome, Qt.MouseButton.LeftButton, pos=CORNER)
    QTest.mouseDClick(win.welcome, Qt.MouseButton.LeftButton, pos=CORNER)
    assert asked == []  # four taps are not enough
    QTest.mouseClick(win.welcome, Qt.MouseButton.LeftButton, pos=CORNER)
    qtbot.waitUntil(lambda: asked == ["set"], timeout=2000)


def test_taps_spread_over_more_than_three_seconds_do_not_count(
    qtbot: QtBot, kiosk: SelfServiceWindow, asked: list[str]
) -> None:
    win = kiosk
    # QTest spaces single clicks ~0.5 s apart (event timestamps): 8 clicks span ~3.5 s, so no
    # five of them within 3 s… except the last five, which span 2 s.
    for _ in range(4):
        QTest.mouseClick(win.welcome, Qt.MouseButton.LeftButton, pos=CORNER)
    QTest.mouseClick(win.welcome, Qt.MouseButton.LeftButton, pos=QPoint(600, 400))  # elsewhere
    for _ in range(4):
        QTest.mouseClick(win.welcome, Qt.MouseButton.LeftButton, pos=CORNER)
    qtbot.wait(100)
    assert asked == []  # a tap elsewhere starts the count again


def _free_display() -> int:
    for number in range(140, 200):
        if (
            not Path(f"/tmp/.X11-unix/X{number}").exists()
            and not Path(f"/tmp/.X{number}-lock").exists()
        ):
            return number
    pytest.skip("no free X display number")


#: Qt's X11 platform plugin needs these (README, the "real X11 window" package line).
XCB_LIBRARIES = ("xkbcommon-x11", "xcb-cursor", "xcb-icccm", "xcb-keysyms", "xcb-shape")


def _x11_missing() -> str | None:
    missing = [name for name in ("Xvfb", "xdotool") if shutil.which(name) is None]
    missing += [f"lib{n}" for n in XCB_LIBRARIES if ctypes.util.find_library(n) is None]
    if not missing:
        return None
    return (
        f"needs {', '.join(missing)} (Debian: xvfb, xdotool and the README's real X11 window "
        "package line)"
    )


@pytest.mark.skipif(_x11_missing() is not None, reason=str(_x11_missing()))
@pytest.mark.parametrize("gap_ms", [60, 150])
def test_five_quick_real_clicks_under_x11_ask_for_the_pin(
    db: Database, db_path: Path, people: People, gap_ms: int
) -> None:
    """Real X11 clicks from xdotool, so Qt's own double-click detection is at work."""
    db.close()
    number = _free_display()
    display = f":{number}"
    xvfb = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1024x768x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    child = None
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            assert time.monotonic() < deadline, "Xvfb did not start"
            time.sleep(0.05)
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.ui.taps_child", str(db_path)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "READY"
        subprocess.run(
            ["xdotool", "mousemove", "8", "8", "click", "--repeat", "5", "--delay",
             str(gap_ms), "1"],
            env=env,
            check=True,
            timeout=10,
        )  # fmt: skip
        try:
            out, err = child.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            child.kill()
            out, err = child.communicate()
            pytest.fail(f"no PIN asked; the kiosk said: {out}\n{err}")
        assert out.strip() == "PIN set", err  # no PIN chosen yet: staff are asked to set one
    finally:
        if child is not None and child.poll() is None:
            child.kill()
            child.wait()
        xvfb.terminate()
        xvfb.wait()
