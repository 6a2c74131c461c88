"""The kiosk's voice: speaks what a screen shows, in the attendee's language, offline.

espeak-ng renders the text to a WAV file on a separate process (the window never waits), and
Qt Multimedia plays it on the computer's *current* default audio output, chosen again for every
utterance, so a headset plugged in while the kiosk runs is used from the next sentence on. When
a new audio output appears (a headset was connected), ``headset_connected`` fires and the kiosk
turns speech on by itself: the person who needs it does not have to find the switch.
Without espeak-ng, Qt TextToSpeech speaks if it has a voice for the language; without either,
:meth:`Speaker.available` is False and the kiosk says so on the speech button.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QByteArray, QLocale, QObject, QProcess, QUrl, Signal

from kiosk.app.speech import Part, espeak_ng, render_command, ssml

log = logging.getLogger(__name__)


def play_on_default_output(owner: QObject, wav: Path) -> QObject | None:
    """Play ``wav`` on the default audio output of this moment (a player that can pause);
    None without Qt Multimedia."""
    try:
        from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer
    except ImportError as exc:  # Qt Multimedia missing its system libraries (libpulse0)
        log.warning("no speech output: %s", exc)
        return None
    player = QMediaPlayer(owner)
    output = QAudioOutput(QMediaDevices.defaultAudioOutput(), player)
    output.setVolume(1.0)
    player.setAudioOutput(output)
    player.setSource(QUrl.fromLocalFile(str(wav)))
    player.play()
    return player


class Speaker(QObject):
    """Speaks texts while it is on; remembers the last few for staff and tests."""

    enabled_changed = Signal(bool)
    headset_connected = Signal()

    def __init__(
        self,
        folder: Path,
        parent: QObject | None = None,
        *,
        play: Callable[[QObject, Path], QObject | None] = play_on_default_output,
    ) -> None:
        super().__init__(parent)
        self.folder = folder
        self.enabled = False
        self.spoken: list[tuple[str, str]] = []  # (language, text), newest last
        self._play = play
        self._process: QProcess | None = None
        self._playing: QObject | None = None
        self._turn = 0
        self._qt_voice: QObject | None = None
        self._outputs: set[bytes] = set()
        self._devices: QObject | None = None

    # -- engines -----------------------------------------------------------------------------

    @staticmethod
    def engine() -> str:
        """"espeak-ng", "qt" or "" (no offline voice)."""
        if espeak_ng():
            return "espeak-ng"
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError:
            return ""
        return "qt" if [e for e in QTextToSpeech.availableEngines() if e != "mock"] else ""

    def available(self) -> bool:
        return bool(self.engine())

    # -- on and off --------------------------------------------------------------------------

    def set_enabled(self, on: bool) -> None:
        if on == self.enabled:
            return
        self.enabled = on
        if not on:
            self.stop()
        self.enabled_changed.emit(on)

    def watch_outputs(self) -> None:
        """Notice headsets plugged in while the kiosk runs (call once, on a real kiosk)."""
        try:
            from PySide6.QtMultimedia import QMediaDevices
        except ImportError:
            return
        devices = QMediaDevices(self)
        self._devices = devices
        self._outputs = {bytes(d.id().data()) for d in QMediaDevices.audioOutputs()}
        devices.audioOutputsChanged.connect(self._outputs_changed)

    def _outputs_changed(self) -> None:
        from PySide6.QtMultimedia import QMediaDevices

        now = {bytes(d.id().data()) for d in QMediaDevices.audioOutputs()}
        appeared = now - self._outputs
        self._outputs = now
        if appeared:
            self.headset_connected.emit()

    # -- speaking ----------------------------------------------------------------------------

    def speak(self, parts: Sequence[Part] | str, language: str) -> None:
        """Say ``parts`` (a text, or pieces with their own language) now, cutting off whatever
        was being said. Nothing while off."""
        if isinstance(parts, str):
            parts = [("", parts)]
        text = " ".join(" ".join(words.split()) for _language, words in parts if words.strip())
        if not self.enabled or not text:
            return
        self.spoken.append((language, text))
        del self.spoken[:-20]
        self.stop()
        program = espeak_ng()
        if program is None:
            self._say_with_qt(text, language)
            return
        self._turn = (self._turn + 1) % 2  # two files: one playing, one being written
        wav = self.folder / f"speech-{self._turn}.wav"
        self.folder.mkdir(parents=True, exist_ok=True)
        process = QProcess(self)
        command = render_command(program, language, wav)
        process.finished.connect(lambda code, _status, p=process: self._rendered(p, code, wav))
        process.errorOccurred.connect(lambda _error, p=process: self._failed(p))
        self._process = process
        process.start(command[0], command[1:])
        process.write(QByteArray(ssml(parts, language).encode("utf-8")))
        process.closeWriteChannel()

    def _rendered(self, process: QProcess, code: int, wav: Path) -> None:
        if process is not self._process:
            return  # superseded by a newer sentence
        self._process = None
        process.deleteLater()
        if code != 0 or not wav.exists():
            log.warning("espeak-ng could not speak (exit %s)", code)
            return
        self._playing = self._play(self, wav)

    def _failed(self, process: QProcess) -> None:
        if process is self._process:
            log.warning("espeak-ng could not start: %s", process.errorString())
            self._process = None

    def _say_with_qt(self, text: str, language: str) -> None:
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError:
            log.warning("no offline voice: install espeak-ng")
            return
        voice = self._qt_voice
        if not isinstance(voice, QTextToSpeech):
            voice = QTextToSpeech(self)
            self._qt_voice = voice
        locales = [loc for loc in voice.availableLocales() if loc.name()[:2] == language]
        if not locales:
            log.warning("no %s voice in Qt TextToSpeech: install espeak-ng", language)
            return
        voice.setLocale(locales[0] if locales else QLocale(language))
        voice.say(text)

    def pause_or_resume(self) -> bool:
        """Pause the sentence being said, or go on with a paused one. False if nothing is
        being said (or the output cannot pause)."""
        playing = self._playing
        if playing is None:
            return False
        pause = getattr(playing, "pause", None)
        play = getattr(playing, "play", None)
        state = getattr(playing, "playbackState", None)
        if not (callable(pause) and callable(play) and callable(state)):
            return False
        now = getattr(state(), "name", "")  # QMediaPlayer.PlaybackState
        if now == "PlayingState":
            pause()
        elif now == "PausedState":
            play()
        else:
            return False
        return True

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            process.kill()
            process.waitForFinished(1000)
            process.deleteLater()
        playing, self._playing = self._playing, None
        if playing is not None:
            stop = getattr(playing, "stop", None)
            if callable(stop):
                stop()
            playing.deleteLater()
        voice = self._qt_voice
        if voice is not None:
            voice.stop()  # type: ignore[attr-defined]
