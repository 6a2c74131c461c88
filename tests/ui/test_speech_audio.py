"""Every kiosk screen, spoken in Bulgarian, Romanian and English, is real speech of a sensible
length: the words are taken from the screens as they are shown (``screen_text``), rendered
with the same espeak-ng command the kiosk runs, and the WAV is measured here with the standard
library (not with the kiosk's code): not silent, and 8–25 characters a second, which is how
espeak-ng reads these languages at 155 words a minute (measured: bg 12.2, ro 10.6, en 10.9).
A voice that does not know the language spells the letters out and falls below that — the
last test shows it does (which is why a Bulgarian name on a Romanian or English screen is
read in its Latin spelling, and each language button in its own voice).
"""

from __future__ import annotations

import array
import sys
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.app.speech import espeak_ng, render, render_command
from kiosk.core.selfservice import Outcome
from kiosk.ui.selfservice.access import screen_parts, screen_text
from kiosk.ui.selfservice.window import SelfServiceWindow
from tests.conftest import People

pytestmark = pytest.mark.skipif(
    espeak_ng() is None,
    reason="espeak-ng is not installed (Debian: apt install espeak-ng): no offline voice",
)

SLOWEST, FASTEST = 8.0, 25.0  # characters a second


def measure(wav: Path) -> tuple[float, float, float]:
    """(seconds, RMS, peak) of a 16-bit mono WAV, amplitudes as fractions of full scale."""
    with wave.open(str(wav), "rb") as audio:
        assert audio.getsampwidth() == 2 and audio.getnchannels() == 1
        rate = audio.getframerate()
        samples = array.array("h", audio.readframes(audio.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()
    if not samples:
        return 0.0, 0.0, 0.0
    rms = (sum(s * s for s in samples) / len(samples)) ** 0.5 / 32768
    peak = max(abs(s) for s in samples) / 32768
    return len(samples) / rate, rms, peak


def screens(
    kiosk: SelfServiceWindow, people: People, qtbot: QtBot, language: str
) -> Iterator[tuple[str, QWidget]]:
    """(name, screen) for every screen and result of the kiosk, as it is shown now."""
    kiosk.welcome.languages[language].click()
    yield "welcome", kiosk.welcome
    kiosk.welcome.scan_button.click()
    yield "scan", kiosk.scan_screen
    kiosk.idle.timeout.emit()
    yield "more time", kiosk.more_time
    kiosk.extend_time()
    kiosk.scan_screen.back_button.click()  # back to the start, in the kiosk's own language
    kiosk.welcome.languages[language].click()
    kiosk.welcome.find_button.click()
    yield "find", kiosk.find_screen
    kiosk.find_screen.field.setText("ivanov")
    qtbot.waitUntil(lambda: kiosk.find_screen.results.count() == 1, timeout=5000)
    yield "find: one name", kiosk.find_screen
    kiosk.find_screen.results.itemClicked.emit(kiosk.find_screen.results.item(0))
    yield "confirm", kiosk.confirm
    with qtbot.waitSignal(kiosk.outcome_shown, timeout=5000):
        kiosk.on_scan(people.ivan)
    for outcome in (Outcome.WELCOME_BADGE, Outcome.ALREADY, Outcome.NOT_FOUND, Outcome.SEE_DESK):
        kiosk.result.show_outcome(outcome, "Иван")
        yield outcome, kiosk.result


@pytest.mark.parametrize("language", ["bg", "ro", "en"])
def test_every_screen_is_spoken_audibly_at_a_sensible_length(
    qtbot: QtBot, kiosk: SelfServiceWindow, people: People, language: str, tmp_path: Path
) -> None:
    spoken = 0
    for name, screen in screens(kiosk, people, qtbot, language):
        words = screen_text(screen)
        assert words, f"{name}: nothing to say"
        wav = render(screen_parts(screen), language, tmp_path / f"{language}-{spoken}.wav")
        seconds, rms, peak = measure(wav)
        rate = len(words) / seconds if seconds else float("inf")
        assert rms > 0.02 and peak > 0.2, f"{name} ({language}) is silent: {words!r}"
        assert SLOWEST <= rate <= FASTEST, f"{name} ({language}): {rate:.1f} chars/s, {words!r}"
        spoken += 1
    kiosk.translations.switch("en")
    assert spoken == 10


def test_the_check_catches_a_voice_that_does_not_know_the_language(tmp_path: Path) -> None:
    import subprocess

    words = "Добре дошли! Регистрирайте се тук. Сканирайте своя QR код. Намерете ме по име."
    program = espeak_ng()
    assert program is not None
    wav = tmp_path / "wrong.wav"
    command = render_command(program, "en", wav)  # an English voice for Bulgarian text, as is
    subprocess.run(command, input=words.encode(), check=True, capture_output=True)
    seconds, _rms, _peak = measure(wav)
    assert len(words) / seconds < SLOWEST
    right = render(words, "bg", tmp_path / "right.wav")
    assert SLOWEST <= len(words) / measure(right)[0] <= FASTEST
