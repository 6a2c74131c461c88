"""Python's cyclic garbage collector, run on the GUI thread only.

CPython collects reference cycles on whichever thread happens to allocate when a threshold is
passed. In the desk that is often a worker thread (the print queue, a sync, a report). If the
garbage holds a Qt widget (a dialog closed minutes ago, kept alive by a cycle through one of its
Python slots), the widget's destructor then runs on that worker thread; ``~QWidget`` closes its
window and waits for the GUI thread, which may itself be waiting for that worker to finish, and
the window hangs for good (seen: the print thread collecting an old window while the kiosk
window was closing). The usual cure for PyQt and PySide programs (pyqtgraph's
``GarbageCollector`` does the same): switch automatic collection off and collect from a timer on
the GUI thread, generation by generation, with the thresholds CPython would have used.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GuiThreadCollector(QObject):
    """Collects garbage from a timer on the thread that owns it (the GUI thread)."""

    def __init__(self, parent: QObject, interval_ms: int = 500) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    def check(self) -> None:
        """Collect the generations whose allocation counts passed their thresholds."""
        first, second, third = gc.get_count()
        if first > self.thresholds[0]:
            generation = 0
            if second > self.thresholds[1]:
                generation = 2 if third > self.thresholds[2] else 1
            gc.collect(generation)


def collect_on_gui_thread(app: QObject) -> GuiThreadCollector:
    """The application's collector, made once."""
    found = app.findChild(GuiThreadCollector)
    return found if isinstance(found, GuiThreadCollector) else GuiThreadCollector(app)
