"""Desk start-up: from starting the process to the desk window's first paint, against a bare
PySide6 window measured in the same run.

Not run in CI. Usage::

    .venv/bin/python -m bench.desk_startup [--rounds 7] [--attendees 2000]

Arms, in rotating order, each a fresh process under ``QT_QPA_PLATFORM=offscreen``: a bare
``QApplication`` + ``QMainWindow`` with one label (the reference), and the desk window opened on a
demo event (``kiosk.ui.app.DeskApp``, as ``kiosk gui`` does). Each child prints when its window has
been painted for the first time; the parent reads that line, so the figure is what a person
waits for. Also the child's CPU time to that moment. Target (issue "Fast on a venue laptop"):
the desk ≤ 2× the bare window. The ``kiosk`` package is byte-compiled first, as installing it
does (see bench/startup.py).
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COMMON = """
import resource, sys, time
from PySide6.QtCore import QEvent, QObject

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            usage = resource.getrusage(resource.RUSAGE_SELF)
            print(f"painted {usage.ru_utime + usage.ru_stime:.4f}", flush=True)
            sys.exit(0)
        return False
"""

BARE = COMMON + """
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QLabel("Kiosk"))
window.resize(1366, 768)
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
app.exec()
"""

DESK = COMMON + """
from pathlib import Path
from kiosk.ui.app import DeskApp, qt_application
app = qt_application(["kiosk-gui"])
desk = DeskApp(app, Path(sys.argv[1]), "en")
desk.start()
# On the window, as for the bare one (an application-wide Python filter would make PySide set
# up every Qt type for Python, see kiosk.ui.scanner.ScannerFilter.install). The window is
# painted by the event loop, after this line; its own paint event comes first in a frame.
watcher = FirstPaint()
desk.window.installEventFilter(watcher)
app.exec()
"""


def first_paint(code: str, *args: str) -> tuple[float, float]:
    """(wall seconds to the first paint, the child's CPU seconds by then)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True, env=env)  # fmt: skip
    assert child.stdout is not None
    line = child.stdout.readline()
    wall = time.perf_counter() - start
    child.kill()
    child.wait()
    if not line.startswith("painted"):
        raise SystemExit(f"the window was never painted: {line!r}")
    return wall, float(line.split()[1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Desk start-up benchmark")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--attendees", type=int, default=2000)
    args = parser.parse_args(argv)
    compileall.compile_dir(Path(__file__).resolve().parents[1] / "kiosk", quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "event.db")
        subprocess.run([sys.executable, "-m", "kiosk.cli.main", "--db", db, "demo",
                        "--attendees", str(args.attendees)],
                       check=True, capture_output=True)  # fmt: skip
        arms = {"bare PySide6 window": (BARE,), "desk window": (DESK, db)}
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in arms}
        names = list(arms)
        for r in range(args.rounds):
            for name in names[r % 2 :] + names[: r % 2]:
                runs[name].append(first_paint(*arms[name]))
    ref_wall = statistics.median(w for w, _ in runs[names[0]])
    ref_cpu = statistics.median(c for _, c in runs[names[0]])
    for name in names:
        wall = statistics.median(w for w, _ in runs[name])
        cpu = statistics.median(c for _, c in runs[name])
        print(f"{name:<22} first paint {wall * 1000:6.0f} ms ×{wall / ref_wall:4.1f}   "
              f"CPU {cpu * 1000:6.0f} ms ×{cpu / ref_cpu:4.1f}")  # fmt: skip


if __name__ == "__main__":
    main()
