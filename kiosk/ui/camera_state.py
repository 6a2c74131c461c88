"""What the camera scanner is doing. Kept apart from :mod:`kiosk.ui.camera` so the screens can
name the states on a computer where Qt Multimedia does not load."""

from __future__ import annotations

from enum import StrEnum


class CameraState(StrEnum):
    """What the scanner is doing; the values are stable strings for ``state_changed``."""

    NO_CAMERA = "no_camera"  # this computer has no camera (a normal state)
    STOPPED = "stopped"  # a camera (or frame source) is there, scanning is off
    STARTING = "starting"  # asked to start, no picture yet
    ACTIVE = "active"  # pictures are arriving and being decoded
    ERROR = "error"  # see ``error_text``
    #: Qt Multimedia does not load: a system library is missing (kiosk.ui.multimedia says
    #: which). Like no camera, a normal, clearly shown state.
    UNAVAILABLE = "unavailable"
