"""Whether this machine can run the tests that need Qt Multimedia (camera, sounds), and if not,
the reason pytest shows when it skips them.

Qt Multimedia needs libpulse0 to load at all; with it but without the PipeWire and VA-API
libraries its FFmpeg backend prints warnings, and Qt warnings fail our tests. Both are the
README's "Qt Multimedia" package line, which a machine with only the first line lacks.
"""

from __future__ import annotations

import ctypes.util

from kiosk.ui import multimedia

#: Libraries whose absence makes Qt Multimedia warn (library name for find_library → package).
WARNS_WITHOUT = {
    "pipewire-0.3": "libpipewire-0.3-0",
    "va": "libva2",
    "va-drm": "libva-drm2",
    "va-x11": "libva-x11-2",
}


def skip_reason() -> str | None:
    """``None`` when the multimedia tests can run here; else why not, naming the packages."""
    problem = multimedia.missing()
    if problem is not None:
        what = problem.package or problem.library or "a system library"
        return (
            f"Qt Multimedia does not load without {what} (README, the Qt Multimedia package "
            f"line): {problem.detail}"
        )
    absent = [pkg for name, pkg in WARNS_WITHOUT.items() if ctypes.util.find_library(name) is None]
    if absent:
        return (
            f"Qt Multimedia warns without {', '.join(absent)} (README, the Qt Multimedia "
            "package line), and Qt warnings fail the tests"
        )
    try:
        import PySide6.QtMultimedia  # noqa: F401
    except ImportError as exc:
        return f"Qt Multimedia does not load (README, the Qt Multimedia package line): {exc}"
    return None


SKIP_REASON = skip_reason()
