"""Run something once a window's first frame is on screen (the desk's start-up: show first,
load the rest after it is painted)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterFirstPaint(QObject):
    """Calls ``then`` once the first frame of ``window`` has been painted.

    The window's own paint event comes first in a frame, its children are painted right after
    it in the same pass: a call queued from that event runs when the whole frame is on screen
    (a zero timer started at ``show()`` would run before the frame). Owned by the window.
    """

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._then = then
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
        return False
