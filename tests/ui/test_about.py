"""About Kiosk: opened from the Help menu, it names the version and the per-user folders (the
ones platformdirs gives, which the tests point into .pytest_cache), in each language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk import __version__
from kiosk.app import paths
from kiosk.ui.dialogs.about import ROWS, AboutDialog
from kiosk.ui.i18n import Translations
from kiosk.ui.mainwindow import MainWindow


class FileManager(QObject):
    """Stands in for the desktop's file manager (the edge of the machine)."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[Path] = []

    @Slot(QUrl)
    def show(self, url: QUrl) -> None:
        self.shown.append(Path(url.toLocalFile()))


def test_help_menu_opens_about_with_version_and_the_open_database(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert window.about_action in window.help_menu.actions()
    window.about_action.trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert __version__ in dialog.version.text()
    assert dialog.row_paths["database"].text() == window.path
    dialog.close()


def test_about_shows_the_per_user_data_log_and_settings_folders(
    app: QApplication, qtbot: QtBot, translations: Translations
) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    expected = paths.user_folders()
    for key, _is_file in ROWS:
        assert Path(dialog.row_paths[key].text()) == expected[key]
    # The tests point platformdirs at .pytest_cache/home (tests/conftest.py).
    assert ".pytest_cache" in dialog.row_paths["logs"].text()
    assert expected["settings"].name == "Kiosk.ini"
    assert expected["settings"].parent == paths.config_dir()


def test_open_folder_creates_a_missing_folder_and_shows_it(
    app: QApplication, qtbot: QtBot, translations: Translations, tmp_path: Path
) -> None:
    dialog = AboutDialog(tmp_path / "fresh" / "event.db")
    qtbot.addWidget(dialog)
    manager = FileManager()
    QDesktopServices.setUrlHandler("file", manager, "show")
    try:
        dialog.open_buttons["database"].click()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert manager.shown == [tmp_path / "fresh"]
    assert (tmp_path / "fresh").is_dir()


def test_about_speaks_bulgarian_and_romanian(
    app: QApplication, qtbot: QtBot, translations: Translations
) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    english = dialog.windowTitle()
    for language in ("bg", "ro"):
        translations.switch(language)
        assert dialog.windowTitle() == QCoreApplication.translate("AboutDialog", "About Kiosk")
        assert dialog.windowTitle() != english
        assert __version__ in dialog.version.text()
    translations.switch("en")
    assert dialog.windowTitle() == english
