"""Speech for the self-service kiosk: which offline voice speaks each language, and how.

Measured on Debian 12 (see the README's accessibility section): **espeak-ng** has Bulgarian,
Romanian and English voices in its standard package, works with no network and no daemon,
and writes a WAV file, so the kiosk (and a test) can hold the very sound that is played. Qt
TextToSpeech is the fallback: on Linux it needs speech-dispatcher (which itself speaks through
espeak-ng) and cannot render to a file there; on Windows it uses the voices Windows has, which
for Bulgarian and Romanian exist only when their language pack's speech voice is installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from kiosk.core.text import has_cyrillic, transliterate

#: A piece of what is said: (its language, or "" for the utterance's own; the text).
Part = tuple[str, str]

#: espeak-ng voice per UI language.
VOICES = {"bg": "bg", "ro": "ro", "en": "en-gb"}
#: Words per minute: a little slower than espeak-ng's 175, for people who listen carefully.
WORDS_PER_MINUTE = 155
#: A prompt is short; anything slower than this is a stuck engine.
RENDER_TIMEOUT_S = 20.0


def espeak_ng() -> str | None:
    """The espeak-ng program, on PATH or where its Windows installer puts it."""
    found = shutil.which("espeak-ng")
    if found:
        return found
    for base in (os.environ.get("PROGRAMFILES"), os.environ.get("PROGRAMFILES(X86)")):
        if base:
            candidate = Path(base) / "eSpeak NG" / "espeak-ng.exe"
            if candidate.exists():
                return str(candidate)
    return None


def render_command(program: str, language: str, wav: Path) -> list[str]:
    """espeak-ng reading UTF-8 SSML (:func:`ssml`) on standard input and writing ``wav``."""
    voice = VOICES.get(language, VOICES["en"])
    return [program, "-v", voice, "-s", str(WORDS_PER_MINUTE), "-b", "1", "-m",
            "-w", str(wav), "--stdin"]  # fmt: skip


def ssml(parts: Sequence[Part] | str, language: str) -> str:
    """What espeak-ng reads: the text, with each piece in another language (the language
    buttons: "Български", "Română", "English") in that language's voice — a Romanian voice
    spells Cyrillic out letter by letter."""
    if isinstance(parts, str):
        parts = [("", parts)]
    said = []
    for part_language, text in parts:
        voice = part_language or language
        if voice != "bg" and has_cyrillic(text):
            # A Bulgarian name on a Romanian or English screen: read as the Transliteration
            # Act writes it in Latin letters, not spelled out letter by letter.
            text = transliterate(text)
        words = escape(text)
        if part_language and part_language != language and part_language in VOICES:
            said.append(f'<s xml:lang="{part_language}">{words}</s>')
        elif words:
            said.append(words)
    return "<speak>" + " ".join(said) + "</speak>"


class SpeechUnavailable(RuntimeError):
    """No offline voice on this computer (espeak-ng missing, or it failed)."""


def render(text: Sequence[Part] | str, language: str, wav: Path) -> Path:
    """Speak ``text`` in ``language`` into the WAV file ``wav`` (synchronously)."""
    program = espeak_ng()
    if program is None:
        raise SpeechUnavailable("espeak-ng is not installed (Debian: apt install espeak-ng)")
    wav.parent.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run(
            render_command(program, language, wav),
            input=ssml(text, language).encode("utf-8"),
            capture_output=True,
            timeout=RENDER_TIMEOUT_S,
            check=True,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise SpeechUnavailable(f"espeak-ng could not speak: {exc}") from exc
    return wav
