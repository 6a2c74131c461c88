"""Bulgarian, Romanian and English ship complete: every string of the window is translated, the
compiled catalogues match their sources, and Qt's own buttons speak Romanian too."""

from __future__ import annotations

import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from kiosk.core.reasons import Hint, Reason
from kiosk.ui import texts
from kiosk.ui.i18n import Translations

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "kiosk" / "ui" / "translations"
sys.path.insert(0, str(ROOT / "packaging"))
import translations as catalogue  # noqa: E402


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(path)
    found = {}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def test_the_catalogues_hold_exactly_the_strings_of_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "kiosk_bg.ts"
    catalogue.update([fresh])
    assert set(messages(fresh)) == set(messages(FOLDER / "kiosk_bg.ts")), (
        "run: python packaging/translations.py update, translate, then release"
    )


@pytest.mark.parametrize("language", ["bg", "ro"])
def test_every_string_has_a_finished_translation(language: str) -> None:
    unfinished = []
    for (context, source), message in messages(FOLDER / f"kiosk_{language}.ts").items():
        translation = message.find("translation")
        forms = [] if translation is None else list(translation.iter("numerusform"))
        texts_ = (
            [f.text for f in forms]
            if forms
            else [translation.text if translation is not None else None]
        )
        if (
            translation is None
            or translation.get("type") in ("unfinished", "vanished", "obsolete")
            or not all(texts_)
        ):
            unfinished.append(f"{context}: {source}")
    assert unfinished == []


@pytest.mark.parametrize("name", ["kiosk_bg", "kiosk_ro", "kiosk_en", "qtbase_ro"])
def test_the_shipped_qm_files_are_compiled_from_the_committed_sources(
    name: str, tmp_path: Path
) -> None:
    source = tmp_path / f"{name}.ts"
    shutil.copy(FOLDER / f"{name}.ts", source)
    compiled = tmp_path / f"{name}.qm"
    import subprocess

    subprocess.run(
        [catalogue.tool("pyside6-lrelease"), str(source), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    assert compiled.read_bytes() == (FOLDER / f"{name}.qm").read_bytes(), (
        "run: python packaging/translations.py release"
    )


@pytest.mark.parametrize("language", ["bg", "ro"])
def test_every_reason_and_hint_reads_differently_from_english(
    app: QApplication, translations: Translations, language: str
) -> None:
    english = {r: texts.title(r) for r in Reason} | {h: texts.hint_text(h) for h in Hint}
    translations.switch(language)
    local = {r: texts.title(r) for r in Reason} | {h: texts.hint_text(h) for h in Hint}
    same = [str(k) for k in english if english[k] == local[k]]
    assert same == []


def test_romanian_standard_buttons_are_romanian(
    app: QApplication, translations: Translations
) -> None:
    translations.switch("ro")
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel is not None and cancel.text() == "Anulare"


def test_english_plurals_read_naturally(app: QApplication, translations: Translations) -> None:
    from kiosk.ui.screens.desk import DeskScreen

    screen = DeskScreen()
    screen._hint("pop", 1)
    one = screen.hint.text()
    screen._hint("pop", 3)
    assert (one, screen.hint.text()) == ("1 person found", "3 people found")


@pytest.mark.parametrize("language", ["en", "bg", "ro"])
def test_every_printer_fault_has_staff_words_in_each_language(
    app: QApplication, translations: Translations, language: str
) -> None:
    from kiosk.printing.base import Fault

    translations.switch(language)
    words = {fault: texts.fault_text(fault.value, "FALLBACK") for fault in Fault}
    assert "FALLBACK" not in words.values()
    assert len(set(words.values())) == len(Fault)
