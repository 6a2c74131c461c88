"""The three sounds are real, distinct WAV files, written once into the cache folder."""

from __future__ import annotations

import wave
from pathlib import Path

from kiosk.ui.sounds import RATE, TUNES, write_tune
from kiosk.ui.texts import Severity


def test_each_severity_has_its_own_tune_written_as_a_playable_wav(tmp_path: Path) -> None:
    contents = set()
    for severity in Severity:
        path = tmp_path / f"{severity.value}.wav"
        write_tune(path, TUNES[severity])
        with wave.open(str(path)) as wav:
            assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, RATE)
            seconds = wav.getnframes() / RATE
            assert 0.15 < seconds < 0.6  # short enough not to slow the queue
            contents.add(wav.readframes(wav.getnframes()))
    assert len(contents) == len(Severity)


def test_refused_sounds_lower_than_admitted() -> None:
    lowest = {s: min(f for f, _ in TUNES[s] if f) for s in Severity}
    assert lowest[Severity.REFUSED] < lowest[Severity.ATTENTION] < lowest[Severity.OK]
