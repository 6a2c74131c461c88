"""The built-in badge templates are named in the window's language (a data label, like
categories and countries): "A4 sheet of 10 CR80 badges…" read in English in the Bulgarian and
Romanian desk. An organiser's own template keeps the title its file gives."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.app.printing import PrintPolicy
from kiosk.badges.template import builtin_dir, list_templates
from kiosk.core.model import CheckinList
from kiosk.ui.dialogs.badge_settings import BadgeSettingsDialog
from kiosk.ui.dialogs.badges_pdf import BadgesPdfDialog
from kiosk.ui.i18n import Translations
from kiosk.ui.print_backend import PrintSettings
from kiosk.ui.texts import BUILTIN_TEMPLATE_TITLES

#: English words of the built-in titles that a translation would not keep.
ENGLISH = re.compile(
    r"\b(sheet|badges?|roll|thermal|label|insert|for|dots|colour|endless|landscape)\b", re.I
)


def shipped_titles() -> dict[str, str]:
    """name -> title, read from the template files exactly as they ship."""
    found = {}
    for path in sorted(builtin_dir().glob("*.toml")):
        if path.name.startswith("_"):
            continue
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
        found[str(doc.get("name", path.stem))] = str(doc.get("title"))
    return found


def test_every_built_in_template_is_in_the_label_table_with_its_files_title() -> None:
    assert shipped_titles() == BUILTIN_TEMPLATE_TITLES


@pytest.fixture(params=["bg", "ro"])
def language(request: pytest.FixtureRequest, translations: Translations) -> Iterator[str]:
    assert translations.switch(request.param)
    yield request.param
    translations.switch("en")


def items(combo: object) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]  # type: ignore[attr-defined]


def test_the_badge_settings_name_each_built_in_template_in_the_window_language(
    qtbot: QtBot, language: str
) -> None:
    settings = PrintSettings(PrintPolicy.FIRST_ADMISSION, "memory://", "roll-80mm")
    dialog = BadgeSettingsDialog(settings, list_templates())
    qtbot.addWidget(dialog)
    shown = items(dialog.template)
    assert len(shown) == sum(1 for t in list_templates() if t.kind == "badge")
    for text in shown:
        assert not ENGLISH.search(text), (language, text)
        assert text not in BUILTIN_TEMPLATE_TITLES.values()
    if language == "bg":
        assert (
            "Термична ролка 80 mm (Epson TM-T20, TM-m30, Star TSP100…): 576 точки при 203 dpi"
            in shown
        )


def test_the_badge_sheet_dialog_names_each_built_in_sheet_in_the_window_language(
    qtbot: QtBot, tmp_path: Path, language: str
) -> None:
    sheets = [t for t in list_templates() if t.kind == "sheet"]
    assert {t.name for t in sheets} == {"a4-sheet", "letter-sheet"}
    day = CheckinList(1, "Day 1")
    dialog = BadgesPdfDialog(str(tmp_path / "event.db"), [day], sheets)
    qtbot.addWidget(dialog)
    for index, text in enumerate(items(dialog.sheet)):
        assert not ENGLISH.search(text), (language, text)
        assert (
            dialog.sheet.itemData(index, Qt.ItemDataRole.ToolTipRole) == text
        )  # the tooltip: the whole title
    if language == "ro":
        assert items(dialog.sheet)[0].startswith("Coală A4 cu 10 ecusoane CR80")


def test_an_organisers_own_template_keeps_its_title_as_written(
    qtbot: QtBot, tmp_path: Path, language: str
) -> None:
    # The organiser copied roll-80mm and gave it a title of their own, in their own words.
    own = (builtin_dir() / "roll-80mm.toml").read_text(encoding="utf-8")
    title = BUILTIN_TEMPLATE_TITLES["roll-80mm"]
    folder = tmp_path / "templates"
    folder.mkdir()
    palette = builtin_dir() / "_categories.toml"  # the ribbon colours it refers to
    (folder / palette.name).write_text(palette.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "our-roll.toml").write_text(
        own.replace('name = "roll-80mm"', 'name = "our-roll"').replace(
            title, "Ролка за конференцията"
        ),
        encoding="utf-8",
    )
    settings = PrintSettings(PrintPolicy.FIRST_ADMISSION, "memory://", "our-roll")
    dialog = BadgeSettingsDialog(settings, list_templates(folder))
    qtbot.addWidget(dialog)
    assert dialog.template.currentText().startswith("Ролка за конференцията — 72 mm")
