"""Is Qt Multimedia (camera, sounds) usable on this computer, and if not, which system library
is missing?

On Linux, PySide6's QtMultimedia module links against PulseAudio's ``libpulse.so.0``: without
the ``libpulse0`` package its import fails with the loader's message. The desk and the kiosk
then show a clear, translated state ("The camera needs libpulse0 — see the README") instead of
an error, and run on without camera and sounds.
"""

from __future__ import annotations

import ctypes
import logging
import re
import sys
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QImage

from kiosk.ui.camera_state import CameraState

log = logging.getLogger(__name__)

#: Shared libraries Qt Multimedia loads, and the Debian/Ubuntu package of each (README, the
#: "Qt Multimedia" package line).
PACKAGES = {
    "libpulse.so.0": "libpulse0",
    "libpulse-mainloop-glib.so.0": "libpulse-mainloop-glib0",
    "libasound.so.2": "libasound2",
    "libpipewire-0.3.so.0": "libpipewire-0.3-0",
    "libva.so.2": "libva2",
    "libva-drm.so.2": "libva-drm2",
    "libva-x11.so.2": "libva-x11-2",
}
_LIBRARY = re.compile(r"(lib[\w+.-]+?\.so(?:\.\d+)*)")


@dataclass(frozen=True, slots=True)
class Missing:
    """Why Qt Multimedia does not load."""

    library: str  # "libpulse.so.0", or "" when the message names none
    package: str  # "libpulse0", or "" when not known
    detail: str  # the loader's message (English, for the log and staff)


def missing_from(message: str) -> Missing:
    """What an ImportError's message says is missing."""
    found = _LIBRARY.search(message)
    library = found.group(1) if found else ""
    return Missing(library, PACKAGES.get(library, ""), message)


#: What PySide6's QtMultimedia needs that a bare Linux system may lack, tried before Qt
#: Multimedia is imported (importing it makes its FFmpeg backend print warnings of its own).
_LINUX_NEEDS = ("libpulse.so.0",)


@lru_cache(maxsize=1)
def missing() -> Missing | None:
    """``None`` when Qt Multimedia's system libraries load; else what is missing (asked once
    per process, by loading the library as Qt Multimedia would, without importing it)."""
    if not sys.platform.startswith("linux"):
        return None  # the Windows and macOS wheels bring what Qt Multimedia needs
    for library in _LINUX_NEEDS:
        try:
            ctypes.CDLL(library)
        except OSError as exc:
            found = missing_from(str(exc))
            found = Missing(library, PACKAGES[library], found.detail)
            log.warning("no camera and no sounds: %s does not load (%s)", library, exc)
            return found
    return None


def import_failed(exc: ImportError) -> Missing:
    """What an import of Qt Multimedia that failed anyway says is missing."""
    log.warning("no camera and no sounds: Qt Multimedia does not load (%s)", exc)
    return missing_from(str(exc))


def camera_text(problem: Missing) -> str:
    """The camera's state in the window's language."""
    if problem.package:
        return QCoreApplication.translate(
            "Multimedia", "The camera needs {package} — see the README."
        ).format(package=problem.package)
    return QCoreApplication.translate(
        "Multimedia", "The camera needs Qt Multimedia's system libraries — see the README."
    )


def sound_text(problem: Missing) -> str:
    """The sounds' state in the window's language."""
    if problem.package:
        return QCoreApplication.translate(
            "Multimedia", "Sounds need {package} — see the README."
        ).format(package=problem.package)
    return QCoreApplication.translate(
        "Multimedia", "Sounds need Qt Multimedia's system libraries — see the README."
    )


class UnavailableScanner(QObject):
    """Stands in for :class:`kiosk.ui.camera.CameraScanner` when Qt Multimedia does not load:
    the same signals and methods, always in state ``unavailable``."""

    decoded = Signal(str)
    state_changed = Signal(str)
    cameras_changed = Signal()
    preview = Signal(QImage)

    def __init__(self, problem: Missing, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.problem = problem

    @property
    def state(self) -> CameraState:
        return CameraState.UNAVAILABLE

    @property
    def error_text(self) -> str:
        return self.problem.detail

    def available_cameras(self) -> list[tuple[str, str]]:
        return []

    def current_camera(self) -> str | None:
        return None

    def set_camera(self, device_id: str) -> bool:
        return False

    def start(self) -> None:
        """Nothing to start: the state says why."""

    def stop(self) -> None:
        """Nothing to stop."""
