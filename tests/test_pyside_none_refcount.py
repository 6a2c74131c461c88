"""PySide6 6.12.0 on CPython <= 3.11 drops a reference to None on every call that returns nothing
and aborts the process after about 5,000 such calls. Guard the pin and the behaviour."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version

CHILD = r"""
import sys
from PySide6.QtCore import QObject
obj = QObject()
before = sys.getrefcount(None)
for _ in range(20_000):
    obj.setObjectName("kiosk")  # returns None
after = sys.getrefcount(None)
print(before - after)
"""


def test_pyside6_is_below_6_12_on_python_before_3_12() -> None:
    if sys.version_info < (3, 12):
        major, minor = (int(p) for p in version("PySide6-Essentials").split(".")[:2])
        assert (major, minor) < (6, 12)


def test_twenty_thousand_void_qt_calls_neither_abort_nor_leak_none() -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert abs(int(done.stdout.strip())) < 1000
