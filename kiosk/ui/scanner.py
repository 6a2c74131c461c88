"""Catch a USB barcode scanner ("keyboard wedge") wherever the keyboard focus is.

A wedge scanner types the code as very fast key presses followed by Enter. :class:`ScannerFilter`
is an application-wide event filter that tells such a burst from a person typing and turns it into
one :attr:`ScannerFilter.scanned` signal, leaving no scanned character in any text field and
firing no shortcut.

Two ways to recognise a scan, both on by default:

* **Prefix key.** A scanner programmed to send a prefix key (F9 by default) before the data is
  recognised whatever its speed (slow Bluetooth scanners). Everything up to the suffix key is the
  code; if the suffix never comes, the capture ends after ``prefix_timeout_ms``.
* **Timing.** Printable keys are held back, not delivered. If the next key comes within
  ``max_gap_ms`` they accumulate; a suffix key (Enter, Return or Tab) after at least
  ``min_length`` such fast keys makes a scan. When a gap is longer, the held keys were a person
  typing: they are replayed to the widget they were meant for, about ``max_gap_ms`` late.

Gaps are measured on the key events' own timestamps (``QKeyEvent.timestamp()``, set by the
window system when the key was pressed), not on when the GUI thread gets to them: a laptop busy
printing may hold the GUI thread for a fifth of a second in the middle of a burst, and the keys
queued meanwhile still belong to the same scan. Synthesised events without a timestamp fall back
to the clock. When the gap timer fires, the filter first lets the event loop deliver what is
already queued (twice) before it gives the held keys back as typing.

* **A complete code always wins.** Whatever the speed, the printable keys typed since the last
  other key (arrows, Backspace, a click elsewhere) are remembered. If they end with a complete
  ticket code (:func:`kiosk.core.codes.code_at_end`: one of our codes with its check character,
  or an imported code the window says exists) when Enter comes, Enter is a scan of that code:
  it is swallowed, so it cannot act on a selected row or a dialog's default button, and the
  code's characters are taken back out of the text field they reached. A slow Bluetooth scanner
  (90 ms a key) typing while staff had a search result selected thus checks in the scanned
  person, never the selected one.

Each character is decoded from the text of its key event. A character outside the expected
alphabet means the desk has a keyboard layout other than the scanner's US: it is mapped back by
the key's physical position (the native scan code, on X11, Wayland and Windows), or else through
the layout tables of :mod:`kiosk.core.keyboard`.

Install one filter per application::

    scanner = ScannerFilter(app)
    scanner.scanned.connect(window.on_scan)  # a QueuedConnection if the slot opens a modal dialog

The signals are emitted from inside the event filter, after its own state is reset.
"""

from __future__ import annotations

import logging
import string
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Literal

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from kiosk.core import codes, keyboard

log = logging.getLogger(__name__)

#: Characters a scan may contain as typed; any other character is mapped back by key.
DEFAULT_ALPHABET = string.ascii_letters + string.digits + "-"

_MODIFIER_KEYS = frozenset(
    key.value
    for key in (
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_Super_L,
        Qt.Key.Key_Super_R,
        Qt.Key.Key_Hyper_L,
        Qt.Key.Key_Hyper_R,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
        Qt.Key.Key_ScrollLock,
    )
)
# Keys pressed with these are commands, never scanned data.
_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
_KEY_EVENTS = frozenset(
    (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride)
)

Via = Literal["timing", "prefix", "typed"]
#: Keys that end a code typed at any speed (Tab stays a person's, except in a fast burst).
_ENTER_KEYS = frozenset((Qt.Key.Key_Return.value, Qt.Key.Key_Enter.value))


@dataclass(frozen=True, slots=True)
class ScannerConfig:
    """How the desk recognises its scanner."""

    #: Recognise fast bursts ending in a suffix key.
    timing: bool = True
    #: The Qt key (``Qt.Key.Key_F9.value``) the scanner sends before the data; None for none.
    prefix_key: int | None = Qt.Key.Key_F9.value
    #: The longest gap between two keys of one scan, in milliseconds.
    max_gap_ms: float = 50.0
    #: The fewest characters a timing-mode scan has.
    min_length: int = 4
    #: Keys that end a scan.
    suffix_keys: frozenset[int] = frozenset(
        {Qt.Key.Key_Return.value, Qt.Key.Key_Enter.value, Qt.Key.Key_Tab.value}
    )
    #: How long a prefix capture waits for the next key before it ends, in milliseconds.
    prefix_timeout_ms: int = 500
    #: Characters kept as typed; others are mapped back by physical key or layout table.
    alphabet: str = DEFAULT_ALPHABET
    #: Map every key by its physical position when the platform reports it (for layouts such as
    #: QWERTZ that move letters of the alphabet itself).
    physical_first: bool = False
    #: The longest gap between two keys of a code typed at any speed (a slow scanner, a person
    #: typing a code), in milliseconds: the keys before a longer pause are not part of it.
    typed_gap_ms: float = 2000.0
    #: Tells a right decoding from a wrong one when several layouts explain the text.
    accept: Callable[[str], bool] | None = field(default=codes.is_valid, compare=False)

    def __post_init__(self) -> None:
        if not self.timing and self.prefix_key is None:
            raise ValueError("the scanner needs timing mode, a prefix key or both")
        if self.max_gap_ms <= 0 or self.prefix_timeout_ms <= 0 or self.min_length < 1:
            raise ValueError("gaps, timeouts and the minimum length must be positive")


@dataclass(frozen=True, slots=True)
class ScanInput:
    """One scan as received: what the scanner sent and how it was decoded."""

    code: str  # the decoded code
    raw_text: str  # the characters the key events carried
    layout: str | None  # the keyboard layout that explains raw_text (kiosk.core.keyboard name)
    mapped: bool  # code differs from raw_text
    keys: int  # character keys in the scan
    duration_ms: float  # from the first character key to the suffix key
    via: Via
    max_gap_ms: float = 0.0  # the longest gap between two keys of the scan (suffix included)
    physical: bool = False  # some key was decoded by its physical position


@dataclass(slots=True)
class _HeldKey:
    """A key event kept back: its arguments (a QKeyEvent dies when the filter returns)."""

    target: QWidget
    type: QEvent.Type
    key: int
    modifiers: Qt.KeyboardModifier
    scan_code: int
    virtual_key: int
    native_modifiers: int
    text: str
    auto_repeat: bool
    count: int
    at: float  # seconds: the event's timestamp, else the clock

    @classmethod
    def of(cls, target: QWidget, event: QKeyEvent, at: float) -> _HeldKey:
        return cls(
            target,
            event.type(),
            event.key(),
            event.modifiers(),
            event.nativeScanCode(),
            event.nativeVirtualKey(),
            event.nativeModifiers(),
            event.text(),
            event.isAutoRepeat(),
            event.count(),
            at,
        )

    @property
    def is_char(self) -> bool:
        return self.type == QEvent.Type.KeyPress

    @property
    def shifted(self) -> bool:
        return bool(self.modifiers & Qt.KeyboardModifier.ShiftModifier)

    def event(self) -> QKeyEvent:
        return QKeyEvent(
            self.type,
            self.key,
            self.modifiers,
            self.scan_code,
            self.virtual_key,
            self.native_modifiers,
            self.text,
            self.auto_repeat,
            self.count,
        )


class ScannerFilter(QObject):
    """Application-wide event filter that turns scanner bursts into :attr:`scanned` signals."""

    #: The decoded code of each scan.
    scanned = Signal(str)
    #: A :class:`ScanInput` for each scan (also in test mode), for diagnostics.
    scan_details = Signal(object)

    def __init__(
        self,
        app: QCoreApplication,
        config: ScannerConfig | None = None,
        *,
        clock: Callable[[], float] = time.perf_counter,
        platform: str | None = None,
        install: bool = True,
    ) -> None:
        super().__init__(app)
        self._app = app
        self._config = config or ScannerConfig()
        self._clock = clock
        self._platform = platform if platform is not None else QGuiApplication.platformName()
        self._enabled = True
        self._test_mode = False
        self._replaying = False
        self._held: list[_HeldKey] = []  # timing mode: presses and releases kept back
        self._typed: list[_HeldKey] = []  # printable presses since the last other key
        self._settle = 0  # gap timeouts deferred so that queued keys arrive first
        self._code_check: Callable[[str], str | None] = codes.code_at_end
        self._prefix: list[_HeldKey] | None = None  # prefix mode: the keys captured so far
        self._last_layout: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timeout)
        if install:
            self.install()

    # --- public API ----------------------------------------------------------------------------

    @property
    def config(self) -> ScannerConfig:
        return self._config

    @Slot(bool)
    def set_enabled(self, enabled: bool) -> None:
        """Turn recognition on or off; when off every key passes untouched."""
        if not enabled:
            self._reset(replay=True)
        self._enabled = enabled

    def is_test_mode(self) -> bool:
        return self._test_mode

    @Slot(bool)
    def set_test_mode(self, on: bool) -> None:
        """In test mode scans are recognised and swallowed and only :attr:`scan_details` is
        emitted, not :attr:`scanned`: the scanner test dialog uses it so a test scan checks
        nobody in."""
        self._test_mode = on

    def set_code_check(self, check: Callable[[str], str | None] | None) -> None:
        """How to find a complete ticket code at the end of typed text (None: our codes only).

        The desk passes :func:`kiosk.core.codes.code_at_end` with its imported codes, so a slow
        scanner reading an imported ticket is recognised too.
        """
        self._code_check = check or codes.code_at_end

    @property
    def last_layout(self) -> str | None:
        """The keyboard layout the last mapped scan needed; tried first for the next one."""
        return self._last_layout

    @Slot()
    def flush(self) -> None:
        """Deliver the keys held back now, as typed by a person (the gap timer does this)."""
        self._reset(replay=True)

    def install(self) -> None:
        """Start filtering the application's key events (once; again after :meth:`uninstall`).

        The desk installs it once its window has been painted: while a Python filter is
        installed PySide wraps every object an event goes to, and wrapping one of Qt's private
        classes (the gesture manager of a table view, the animation timer of the style) makes it
        set up every Qt type for Python, a tenth of a second on the desk laptop.
        """
        self._app.installEventFilter(self)

    def uninstall(self) -> None:
        """Stop filtering: deliver held keys and remove the filter from the application."""
        self._reset(replay=True)
        self._app.removeEventFilter(self)

    # --- the filter ------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of the application passes here: the class test first, it is the cheap
        # one (asking a Qt event its type makes a Python enum value).
        if not isinstance(event, QKeyEvent) or self._replaying or not self._enabled:
            return False
        if event.type() not in _KEY_EVENTS:
            return False
        try:
            target = self._focus_target(watched)
            if target is None:
                return False
            return self._filter(target, event)
        except Exception:
            log.exception("scanner filter failed; the key is passed on")
            try:
                self._reset(replay=True)
            except Exception:
                log.exception("scanner filter could not deliver the held keys")
                self._held, self._prefix = [], None
            return False

    @staticmethod
    def _focus_target(watched: QObject) -> QWidget | None:
        """``watched`` if this delivery is the one to act on, else None.

        An app-level filter sees each key several times (the QWindow, the focus widget, each
        parent while it is ignored): act only on the delivery to the focus widget of the window
        the key came to, or to that window when nothing in it has focus.

        The window's own focus widget, not the application's: under a kiosk compositor without
        a window manager (cage), or Xvfb, a closed dialog can leave no window active in Qt's
        view while the keys still come to the desk window and go to its focus widget. Asking
        the application then ignored every key, and Enter acted on a selected row.
        """
        if not isinstance(watched, QWidget):
            return None
        focus: QWidget | None = watched.window().focusWidget()  # None in PySide when none
        if focus is None:
            return watched if watched.isWindow() else None
        return watched if watched is focus else None

    def _filter(self, target: QWidget, event: QKeyEvent) -> bool:
        cfg = self._config
        kind = event.type()
        key = event.key()
        if key in _MODIFIER_KEYS:
            return False  # the Shift a scanner presses for capitals, or a person's Ctrl
        if kind == QEvent.Type.ShortcutOverride:
            return self._on_shortcut_override(event)
        if kind == QEvent.Type.KeyRelease:
            return self._on_release(target, event)
        now = self._event_time(event)
        self._settle = 0
        if key == cfg.prefix_key and not event.isAutoRepeat():
            self._reset(replay=True)
            self._typed = []
            self._prefix = []
            self._timer.start(cfg.prefix_timeout_ms)
            return True
        if self._prefix is not None:
            return self._on_prefix_press(target, event, now)
        if key in _ENTER_KEYS and self._typed_code_ends(target, now):
            return True
        pressed = self._remember_typed(target, event, now)
        if not cfg.timing:
            return False
        return self._on_timing_press(target, event, pressed)

    def _event_time(self, event: QKeyEvent) -> float:
        """When the key was pressed, in seconds: the window system's timestamp (milliseconds),
        else (a synthesised event) the clock."""
        stamp = event.timestamp()
        return stamp / 1000 if stamp > 0 else self._clock()

    def _remember_typed(self, target: QWidget, event: QKeyEvent, now: float) -> _HeldKey:
        """Keep printable presses typed one after the other into one widget; any other key
        (arrows, Backspace, Enter), a pause or another widget starts afresh."""
        pressed = _HeldKey.of(target, event, now)
        if not self._holdable(event):
            self._typed = []
            return pressed
        if self._typed:
            last = self._typed[-1]
            if last.target is not target or (now - last.at) * 1000 > self._config.typed_gap_ms:
                self._typed = []
        self._typed.append(pressed)
        return pressed

    def _typed_code_ends(self, target: QWidget, now: float) -> bool:
        """On Enter: if what was typed ends with a complete ticket code, make it a scan.

        The keys of the code still held back are dropped; those already delivered to a text
        field are taken back out of it. Returns True when Enter was a scan (and is swallowed).
        """
        typed, self._typed = self._typed, []
        if not typed or typed[-1].target is not target:
            return False
        if (now - typed[-1].at) * 1000 > self._config.typed_gap_ms:
            return False
        text, layout, physical = self._decode(typed)
        code = self._code_check(text)
        if code is None or len(text) != len(typed):
            return False
        keys = typed[len(typed) - len(code) :]
        held = {id(k) for k in self._held}
        if len(keys) < len(typed) and id(typed[-len(keys) - 1]) in held:
            return False  # one fast burst longer than the code: timing mode decides on all of it
        delivered = "".join(k.text for k in keys if id(k) not in held)
        self._reset(replay=True, keep=held.difference(id(k) for k in keys))
        self._take_back(target, delivered)
        via: Via = "timing" if not delivered else "typed"
        self._emit(keys, now, via, code, layout, physical)
        return True

    @staticmethod
    def _take_back(target: QWidget, delivered: str) -> None:
        """Remove a scanned code's characters from the end of the text field they reached."""
        if not delivered or not isinstance(target, QLineEdit):
            return
        text = target.text()
        if text.endswith(delivered):
            target.setText(text[: len(text) - len(delivered)])

    def _on_shortcut_override(self, event: QKeyEvent) -> bool:
        """Claim the keys a scan may be made of, so that they cannot fire a shortcut.

        Claimed: the prefix key and every key during a prefix capture; in timing mode every key
        that would be held back (so also a scan's first key) and, while keys are held, the
        suffix keys. A claimed key is then delivered as a key press, which this filter handles.
        """
        cfg = self._config
        key = event.key()
        claim = (
            key == cfg.prefix_key
            or self._prefix is not None
            or (cfg.timing and self._holdable(event))
            or (bool(self._held) and key in cfg.suffix_keys)
        )
        if claim:
            event.accept()
        return claim

    def _holdable(self, event: QKeyEvent) -> bool:
        text = event.text()
        return (
            len(text) == 1
            and text.isprintable()
            and not event.isAutoRepeat()
            and not (event.modifiers() & _COMMAND_MODIFIERS)
        )

    def _on_release(self, target: QWidget, event: QKeyEvent) -> bool:
        if self._prefix is not None:
            return True  # the scanner's own releases
        if self._held:
            # Keep the order press/release for the replay (a button clicks on release).
            self._held.append(_HeldKey.of(target, event, self._clock()))
            return True
        return False

    def _on_prefix_press(self, target: QWidget, event: QKeyEvent, now: float) -> bool:
        assert self._prefix is not None
        if event.key() in self._config.suffix_keys:
            self._finish(self._prefix, now, "prefix")
            return True
        text = event.text()
        if len(text) == 1 and text.isprintable():
            self._prefix.append(_HeldKey.of(target, event, now))
        self._timer.start(self._config.prefix_timeout_ms)
        return True  # everything between prefix and suffix belongs to the scanner

    def _on_timing_press(self, target: QWidget, event: QKeyEvent, pressed: _HeldKey) -> bool:
        cfg = self._config
        now = pressed.at
        chars = [k for k in self._held if k.is_char]
        gap_ms = (now - chars[-1].at) * 1000 if chars else 0.0
        if event.key() in cfg.suffix_keys:
            if len(chars) >= cfg.min_length and gap_ms <= cfg.max_gap_ms:
                self._finish(self._held, now, "timing")
                return True
            self._reset(replay=True)
            return False  # a person's Enter, after their keys
        if not self._holdable(event):
            self._reset(replay=True)
            return False  # Backspace, arrows, shortcuts: a person
        if chars and gap_ms > cfg.max_gap_ms:
            self._reset(replay=True)  # the keys so far were a person typing
        self._held.append(pressed)
        self._timer.start(round(cfg.max_gap_ms))
        return True

    @Slot()
    def _on_timeout(self) -> None:
        try:
            if self._prefix is None and self._held and self._settle < 2:
                # The GUI thread may have been busy: keys pressed in time may be queued. Let
                # the event loop deliver them (their timestamps decide) before giving up.
                self._settle += 1
                self._timer.start(0)
                return
            if self._prefix is not None:
                keys = self._prefix
                if len(keys) >= self._config.min_length:
                    log.info("scanner prefix capture ended without a suffix key; taken as a scan")
                    self._finish(keys, keys[-1].at, "prefix")
                else:
                    log.warning("scanner prefix capture timed out; %d keys dropped", len(keys))
                    self._prefix = None
            else:
                self._reset(replay=True)
        except Exception:
            log.exception("scanner timeout handling failed")
            self._held, self._prefix = [], None

    # --- state -------------------------------------------------------------------------------

    def _reset(self, *, replay: bool, keep: set[int] | None = None) -> None:
        """Forget the capture; with ``replay``, deliver timing-mode keys held back (a person's);
        with ``keep``, only the presses whose ``id`` is in it (and all releases).

        Prefix-mode keys are never replayed: they came from the scanner.
        """
        self._timer.stop()
        self._settle = 0
        held, self._held, self._prefix = self._held, [], None
        if not replay or not held:
            return
        self._replaying = True
        try:
            for key in held:
                if keep is not None and key.is_char and id(key) not in keep:
                    continue
                if shiboken6.isValid(key.target):
                    QCoreApplication.sendEvent(key.target, key.event())
        finally:
            self._replaying = False

    def _finish(self, keys: list[_HeldKey], now: float, via: Via) -> None:
        chars = [k for k in keys if k.is_char]
        self._reset(replay=False)
        self._typed = []
        if not chars:
            return
        code, layout, physical = self._decode(chars)
        self._emit(chars, now, via, code, layout, physical)

    def _emit(
        self,
        chars: list[_HeldKey],
        now: float,
        via: Via,
        code: str,
        layout: str | None,
        physical: bool,
    ) -> None:
        if layout is not None:
            self._last_layout = layout
        times = [k.at for k in chars] + [now]
        details = ScanInput(
            code=code,
            raw_text="".join(k.text for k in chars),
            layout=layout,
            mapped=code != "".join(k.text for k in chars),
            keys=len(chars),
            duration_ms=(now - chars[0].at) * 1000,
            via=via,
            max_gap_ms=max(max((b - a) * 1000 for a, b in pairwise(times)), 0.0),
            physical=physical,
        )
        log.debug("scan via %s: %d keys in %.1f ms", via, details.keys, details.duration_ms)
        self.scan_details.emit(details)
        if not self._test_mode:
            self.scanned.emit(code)

    def _decode(self, chars: list[_HeldKey]) -> tuple[str, str | None, bool]:
        """The code, the layout that explains the raw text, and whether physical keys were used."""
        cfg = self._config
        raw = "".join(k.text for k in chars)
        if not cfg.physical_first and all(c in cfg.alphabet for c in raw):
            return raw, None, False
        prefer = [self._last_layout] if self._last_layout else []
        decoded: list[str] = []
        physical = False
        for k in chars:
            if not cfg.physical_first and k.text in cfg.alphabet:
                decoded.append(k.text)
                continue
            by_key = keyboard.physical_char(k.scan_code, k.shifted, self._platform)
            if by_key is None:
                # No key position: let the layout tables decode the whole text.
                code, layout = keyboard.to_us(raw, accept=cfg.accept, prefer=prefer)
                return code, layout, False
            physical = physical or by_key != k.text
            decoded.append(by_key)
        code = "".join(decoded)
        return code, keyboard.detect_layout(raw, code, prefer=prefer), physical
