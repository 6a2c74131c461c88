"""Garbage with Qt widgets in it is collected on the GUI thread, never on a worker thread (a
widget destroyed there waits for the GUI thread, which may be waiting for that worker: the
kiosk window hung on closing while the print thread collected an old window)."""

from __future__ import annotations

import gc
import threading
from typing import ClassVar

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.collector import GuiThreadCollector


class Cycle(QWidget):
    """A widget kept alive only by a reference cycle through itself."""

    destroyed_on: ClassVar[list[str]] = []

    def __init__(self) -> None:
        super().__init__()
        self.me = self
        self.destroyed.connect(lambda: Cycle.destroyed_on.append(threading.current_thread().name))


def test_the_application_collects_only_from_its_own_timer(app: QApplication) -> None:
    assert not gc.isenabled()
    assert isinstance(app.findChild(GuiThreadCollector), GuiThreadCollector)


def test_a_widget_in_a_cycle_is_destroyed_on_the_gui_thread(
    app: QApplication, qtbot: QtBot
) -> None:
    Cycle.destroyed_on.clear()
    Cycle()
    allocations: list[list[int]] = []

    def busy_worker() -> None:  # allocates far past every threshold, as a print thread does
        for _ in range(200_000):
            allocations.append([0])
        allocations.clear()

    worker = threading.Thread(target=busy_worker, name="worker")
    worker.start()
    worker.join()
    assert Cycle.destroyed_on == []  # the worker's allocations collected nothing
    # The GUI thread goes on allocating, as a running window does (the worker's lists are
    # freed again, so its count alone need not pass the threshold; and objects an earlier test
    # left are freed while events are processed, which lowers the count again): the timer
    # collects.
    kept: list[list[list[int]]] = []

    def allocating_until_destroyed() -> bool:
        kept.append([[0] for _ in range(100)])
        return Cycle.destroyed_on != []

    qtbot.waitUntil(allocating_until_destroyed, timeout=5000)
    assert Cycle.destroyed_on == [threading.main_thread().name]
