"""Three distinct sounds: admitted (rising two-tone), attention (one mid tone), refused (low
double buzz). The WAV files are synthesised once into the cache folder (nothing binary in the
repository) and played with Qt Multimedia; a machine without audio just stays quiet."""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

from PySide6.QtCore import QObject, QUrl

from kiosk.ui import multimedia
from kiosk.ui.multimedia import Missing
from kiosk.ui.texts import Severity

RATE = 22050
#: (frequency Hz, seconds) notes; 0 Hz is a pause.
TUNES: dict[Severity, list[tuple[float, float]]] = {
    Severity.OK: [(880.0, 0.09), (1318.5, 0.14)],
    Severity.ATTENTION: [(660.0, 0.22)],
    Severity.EXIT: [(1318.5, 0.09), (880.0, 0.14)],  # the admission tune, falling
    Severity.REFUSED: [(196.0, 0.16), (0.0, 0.06), (196.0, 0.22)],
}


def write_tune(path: Path, notes: list[tuple[float, float]]) -> None:
    frames = bytearray()
    for frequency, seconds in notes:
        count = int(RATE * seconds)
        for i in range(count):
            # A short fade in and out keeps the tone from clicking.
            envelope = min(1.0, i / 200, (count - i) / 400)
            square_ish = math.sin(2 * math.pi * frequency * i / RATE)
            sample = 0.0 if frequency == 0 else 0.45 * envelope * square_ish
            frames += struct.pack("<h", int(sample * 32767))
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    with wave.open(str(temporary), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))
    temporary.replace(path)


class Sounds(QObject):
    """Plays the sound of a severity unless muted."""

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.muted = False
        self._effects: dict[Severity, object] = {}
        self.played: list[Severity] = []
        #: Why there are no sounds on this computer (a missing system library), or None.
        self.problem: Missing | None = multimedia.missing()

    def _effect(self, severity: Severity) -> object | None:
        if severity not in self._effects:
            if self.problem is not None:  # Qt Multimedia missing its system libraries
                return None
            try:
                from PySide6.QtMultimedia import QSoundEffect
            except ImportError as exc:
                self.problem = multimedia.import_failed(exc)
                return None

            path = self.folder / f"{severity.value}.wav"
            if not path.exists():
                write_tune(path, TUNES[severity])
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.setVolume(0.8)
            self._effects[severity] = effect
        return self._effects[severity]

    def play(self, severity: Severity) -> None:
        self.played.append(severity)
        del self.played[:-20]
        if self.muted:
            return
        effect = self._effect(severity)
        if effect is not None:
            effect.play()  # type: ignore[attr-defined]
