"""Key events as the window system delivers them: to the window, with timestamps.

A real keyboard or wedge scanner's keys reach Qt through the window (``QWindow``), which hands
them to the focus widget; each carries the time the key was pressed (``QKeyEvent.timestamp()``,
milliseconds). These helpers send exactly that, so tests see what a desk sees: the scanner
filter, shortcuts, the focus widget and the window's own handling all take part.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QWindow
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

#: The Qt key of each character a scanner or a person types in these tests.
_KEYS = {ch: getattr(Qt.Key, f"Key_{ch.upper()}") for ch in "abcdefghijklmnopqrstuvwxyz"}
_KEYS |= {ch: getattr(Qt.Key, f"Key_{ch}") for ch in "0123456789"}
_KEYS["-"] = Qt.Key.Key_Minus
_KEYS[" "] = Qt.Key.Key_Space


def key_of(ch: str) -> Qt.Key:
    return _KEYS.get(ch.lower(), Qt.Key.Key_unknown)


@dataclass
class Keyboard:
    """Presses keys on a window; ``now_ms`` is the window system's clock (event timestamps)."""

    window: QWidget
    now_ms: int = 1_000_000

    def _target(self) -> QWindow:
        """The window the keyboard types into: the focused one (a dialog when one is open)."""
        modal = QApplication.activeModalWidget()
        widget = modal if modal is not None else self.window
        handle = widget.windowHandle()
        assert handle is not None, "the window must be shown"
        return handle

    def _event(
        self, kind: QEvent.Type, key: Qt.Key, text: str, modifiers: Qt.KeyboardModifier
    ) -> QKeyEvent:
        event = QKeyEvent(kind, key, modifiers, text)
        event.setTimestamp(self.now_ms)
        return event

    def press(
        self,
        key: Qt.Key,
        text: str = "",
        modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
        *,
        post: bool = False,
    ) -> None:
        """Press and release one key, now (``post``: queue it, as a busy GUI thread finds it)."""
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = self._event(kind, key, text, modifiers)
            if post:
                QCoreApplication.postEvent(self._target(), event)
            else:
                QApplication.sendEvent(self._target(), event)

    def type(self, text: str, gap_ms: int, *, real_time: bool = True, post: bool = False) -> None:
        """Type ``text`` with ``gap_ms`` between keys (timestamps; and real time if asked)."""
        for ch in text:
            self.now_ms += gap_ms
            if real_time:
                QTest.qWait(gap_ms)
            shift = (
                Qt.KeyboardModifier.ShiftModifier
                if ch.isupper()
                else (Qt.KeyboardModifier.NoModifier)
            )
            self.press(key_of(ch), ch, shift, post=post)

    def enter(self, gap_ms: int = 5, *, real_time: bool = True, post: bool = False) -> None:
        self.now_ms += gap_ms
        if real_time:
            QTest.qWait(gap_ms)
        self.press(Qt.Key.Key_Return, "\r", post=post)

    def key(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
            gap_ms: int = 150) -> None:  # fmt: skip
        self.now_ms += gap_ms
        QTest.qWait(20)
        self.press(key, "", modifiers)


class Blocker(QObject):
    """Holds the GUI thread when it gets to this object's queued event (a busy desk laptop:
    a badge being rendered, a sync being merged)."""

    def __init__(self, ms: int) -> None:
        super().__init__()
        self.ms = ms
        self.blocked = 0

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.User:
            time.sleep(self.ms / 1000)
            self.blocked += 1
            return True
        return super().event(event)

    def post(self) -> None:
        QCoreApplication.postEvent(self, QEvent(QEvent.Type.User))
