"""What the kiosk hands espeak-ng: SSML with each piece in the right voice."""

from __future__ import annotations

from pathlib import Path

from kiosk.app.speech import VOICES, render_command, ssml


def test_language_buttons_are_spoken_in_their_own_language() -> None:
    said = ssml([("", "Bun venit!"), ("bg", "Български."), ("ro", "Română."), ("en", "English.")],
                "ro")  # fmt: skip
    assert said == (
        '<speak>Bun venit! <s xml:lang="bg">Български.</s> Română. '
        '<s xml:lang="en">English.</s></speak>'
    )


def test_a_bulgarian_name_on_a_romanian_screen_is_read_in_latin_letters() -> None:
    # Transliteration as the Bulgarian Transliteration Act writes the name (Иван Иванов).
    assert ssml("Bun venit, Иван Иванов!", "ro") == "<speak>Bun venit, Ivan Ivanov!</speak>"
    assert ssml("Добре дошли, Иван!", "bg") == "<speak>Добре дошли, Иван!</speak>"


def test_text_cannot_become_markup() -> None:
    assert ssml("<b>Ana & Co</b>", "en") == "<speak>&lt;b&gt;Ana &amp; Co&lt;/b&gt;</speak>"


def test_the_command_reads_ssml_from_standard_input_into_a_wav() -> None:
    command = render_command("espeak-ng", "bg", Path("out.wav"))
    assert command[:3] == ["espeak-ng", "-v", VOICES["bg"]]
    assert "-m" in command and command[-1] == "--stdin"
    assert command[command.index("-w") + 1] == "out.wav"
