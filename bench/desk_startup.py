"""Desk start-up: from starting the process to its first window's paint and to the desk window's,
against a bare PySide6 window measured in the same run.

Not run in CI. Usage::

    .venv/bin/python -m bench.desk_startup [--rounds 7] [--attendees 2000]

Arms, in rotating order, each a fresh process under ``QT_QPA_PLATFORM=offscreen``: a bare
``QApplication`` + ``QMainWindow`` with one label (the reference), and the desk window opened on a
demo event (``kiosk.ui.app.DeskApp`` with ``window_first``, as ``kiosk gui`` does: a window at
the desk's size is painted first, then the event is opened and the desk window takes its
place). Each child prints when a window has been painted for the first time; the parent reads
those lines, so the figures are what a person waits for: the first window, and the desk window
itself. Also the child's CPU time to each moment. Target (issue "Fast on a venue laptop"): the
first window ≤ 2× the bare window. The ``kiosk`` package is byte-compiled first, as installing
it does (see bench/startup.py).
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
    def __init__(self, label="painted", last=True):
        super().__init__()
        self.label, self.last, self.done = label, last, False

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            usage = resource.getrusage(resource.RUSAGE_SELF)
            print(f"{self.label} {usage.ru_utime + usage.ru_stime:.4f}", flush=True)
            if self.last:
                sys.exit(0)
        return False
"""

BARE = (
    COMMON
    + """
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
)

DESK = (
    COMMON
    + """
from pathlib import Path
from kiosk.ui.app import DeskApp, qt_application
app = qt_application(["kiosk-gui"])
desk = DeskApp(app, Path(sys.argv[1]), "en", window_first=True)
on_desk = FirstPaint("desk")
desk.on_desk_window = lambda window: window.installEventFilter(on_desk)
desk.start()
# On the windows, as for the bare one (an application-wide Python filter would make PySide set
# up every Qt type for Python, see kiosk.ui.scanner.ScannerFilter.install). The window is
# painted by the event loop, after this line; its own paint event comes first in a frame.
watcher = FirstPaint("painted", last=False)
desk.starting.installEventFilter(watcher)
app.exec()
"""
)


def first_paint(code: str, *args: str, windows: int = 1) -> list[tuple[float, float]]:
    """(wall seconds to the paint, the child's CPU seconds by then) of each of the child's
    first ``windows`` windows, in the order they were painted."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True, env=env)  # fmt: skip
    assert child.stdout is not None
    found = []
    for _ in range(windows):
        line = child.stdout.readline()
        if not line.strip():
            raise SystemExit(f"a window was never painted: {line!r}")
        found.append((time.perf_counter() - start, float(line.split()[1])))
    child.kill()
    child.wait()
    return found


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
        names = ["bare PySide6 window", "desk: first window", "desk: desk window"]
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in names}
        for r in range(args.rounds):
            for arm in ("bare", "desk")[r % 2 :] + ("bare", "desk")[: r % 2]:
                if arm == "bare":
                    runs[names[0]] += first_paint(BARE)
                else:
                    first, desk = first_paint(DESK, db, windows=2)
                    runs[names[1]].append(first)
                    runs[names[2]].append(desk)
    ref_wall = statistics.median(w for w, _ in runs[names[0]])
    ref_cpu = statistics.median(c for _, c in runs[names[0]])
    for name in names:
        wall = statistics.median(w for w, _ in runs[name])
        cpu = statistics.median(c for _, c in runs[name])
        print(f"{name:<22} first paint {wall * 1000:6.0f} ms ×{wall / ref_wall:4.1f}   "
              f"CPU {cpu * 1000:6.0f} ms ×{cpu / ref_cpu:4.1f}")  # fmt: skip


if __name__ == "__main__":
    main()
