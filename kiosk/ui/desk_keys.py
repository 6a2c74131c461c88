"""The desk by keyboard: one shortcut for every control of the top bar and the status bar.

The top bar's controls take no keyboard focus on purpose: a scanner's Enter must never land on
the list or the language box. Each has a shortcut instead, listed here once (the table is what
the Help → Keyboard shortcuts text, the controls' accessible descriptions and a test read).
The menu (F10) holds the rest; its actions show their own shortcuts. Already in the window:
Ctrl+F search, F2 walk-in, Ctrl+Z undo, Esc clear, Ctrl+Q quit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QPoint, QSettings
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QMessageBox,
    QToolButton,
    QWidget,
)

from kiosk.ui import style

if TYPE_CHECKING:
    from kiosk.ui.mainwindow import MainWindow


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate reads
    """Marks ``text`` for the catalogues of ``context``; translated where it is shown."""
    return text


@dataclass(frozen=True)
class DeskKey:
    target: str  # the MainWindow attribute: a control of the bars, or a QAction of the menu
    keys: str  # portable key sequence text ("Ctrl+L")
    words: str  # what it does (English; marked for translation, shown through :meth:`what`)

    def what(self) -> str:
        """What it does, in the current language."""
        return QCoreApplication.translate("DeskKeys", self.words)


KEYS: tuple[DeskKey, ...] = (
    DeskKey("list_combo", "Ctrl+L", QT_TRANSLATE_NOOP("DeskKeys", "Choose the check-in list")),
    DeskKey("entry_button", "F7", QT_TRANSLATE_NOOP("DeskKeys", "Entry mode")),
    DeskKey("exit_button", "F8", QT_TRANSLATE_NOOP("DeskKeys", "Exit mode")),
    DeskKey("kiosk_button", "Ctrl+K", QT_TRANSLATE_NOOP("DeskKeys", "Rename this kiosk")),
    DeskKey("printer_button", "Ctrl+P", QT_TRANSLATE_NOOP("DeskKeys", "Print queue")),
    DeskKey("camera_button", "Ctrl+Shift+C", QT_TRANSLATE_NOOP("DeskKeys", "Camera on or off")),
    DeskKey("language_combo", "Ctrl+Shift+L", QT_TRANSLATE_NOOP("DeskKeys", "Language")),
    DeskKey("sound_button", "Ctrl+M", QT_TRANSLATE_NOOP("DeskKeys", "Sound on or off")),
    DeskKey("menu_button", "F10", QT_TRANSLATE_NOOP("DeskKeys", "Menu")),
    DeskKey("sync_state", "Ctrl+Shift+S", QT_TRANSLATE_NOOP("DeskKeys", "Sync with other kiosks")),
    DeskKey("import_action", "Ctrl+I", QT_TRANSLATE_NOOP("DeskKeys", "Import registrations")),
    DeskKey("reports_action", "Ctrl+R", QT_TRANSLATE_NOOP("DeskKeys", "Reports")),
    DeskKey("badges_action", "Ctrl+B", QT_TRANSLATE_NOOP("DeskKeys", "Badges and printer")),
    DeskKey("high_contrast_action", "Ctrl+Shift+H", QT_TRANSLATE_NOOP("DeskKeys", "High contrast")),
)
#: Shortcuts the window had before this table (documented with it).
EXISTING: tuple[tuple[str, str], ...] = (
    ("Ctrl+F", QT_TRANSLATE_NOOP("DeskKeys", "Search")),
    ("F2", QT_TRANSLATE_NOOP("DeskKeys", "Register a walk-in")),
    ("Ctrl+Z", QT_TRANSLATE_NOOP("DeskKeys", "Undo the last check-in")),
    ("Esc", QT_TRANSLATE_NOOP("DeskKeys", "Clear the search")),
    ("Ctrl+Q", QT_TRANSLATE_NOOP("DeskKeys", "Quit")),
)


class DeskKeys(QObject):
    """Installs the table's shortcuts on a desk window, and the High contrast menu item."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.settings = QSettings()
        action = QAction(window)
        action.setCheckable(True)
        action.setChecked(bool(self.settings.value(style.HIGH_CONTRAST_KEY, False, bool)))
        action.toggled.connect(self.set_high_contrast)
        self.high_contrast_action = action
        window.menu.insertAction(window.help_menu.menuAction(), action)
        window.addAction(action)
        self.help_action = QAction(window)
        self.help_action.triggered.connect(self.show_help)
        window.help_menu.insertAction(window.help_menu.actions()[0], self.help_action)
        self.shortcuts: dict[str, QShortcut] = {}
        for key in KEYS:
            target = self.target(key)
            if isinstance(target, QAction):
                target.setShortcut(QKeySequence(key.keys))
            else:
                shortcut = QShortcut(QKeySequence(key.keys), window)
                shortcut.activated.connect(lambda k=key: self.activate(k))
                self.shortcuts[key.target] = shortcut

    def target(self, key: DeskKey) -> QObject:
        found = getattr(self, key.target, None) or getattr(self.window, key.target)
        assert isinstance(found, QObject)
        return found

    def activate(self, key: DeskKey) -> None:
        """What pressing the control would do, from the keyboard."""
        target = self.target(key)
        if isinstance(target, QComboBox):
            target.showPopup()  # arrows choose, Enter takes, Esc leaves it as it was
        elif isinstance(target, QToolButton) and target.menu() is not None:
            menu = target.menu()
            assert menu is not None
            menu.popup(target.mapToGlobal(QPoint(0, target.height())))
            actions = [a for a in menu.actions() if a.isEnabled() and not a.isSeparator()]
            if actions:
                menu.setActiveAction(actions[0])
        elif isinstance(target, QAbstractButton):
            target.click()

    def set_high_contrast(self, on: bool) -> None:
        self.settings.setValue(style.HIGH_CONTRAST_KEY, on)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            style.set_high_contrast(app, on)

    def show_help(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("DeskKeys", "Keyboard shortcuts"),
            shortcut_help(),
            parent=self.window,
        )
        box.open()

    def retranslate(self) -> None:
        self.high_contrast_action.setText(QCoreApplication.translate("DeskKeys", "High contrast"))
        self.help_action.setText(QCoreApplication.translate("DeskKeys", "Keyboard shortcuts…"))
        for key in KEYS:
            target = self.target(key)
            if isinstance(target, QWidget):
                shortcut = QKeySequence(key.keys).toString(QKeySequence.SequenceFormat.NativeText)
                target.setAccessibleDescription(
                    QCoreApplication.translate("DeskKeys", "{what} ({keys})").format(
                        what=key.what(), keys=shortcut
                    )
                )
                if isinstance(target, QComboBox):
                    target.view().setAccessibleName(key.what())  # its drop-down list
                elif isinstance(target, QAbstractButton) and not target.text():
                    # The sync corner shows words only once there is a sync state to tell.
                    target.setAccessibleName(key.what())


def shortcut_help() -> str:
    """Every desk shortcut, one a line, in the current language (Help → Keyboard shortcuts)."""
    lines = [f"{keys}\t{QCoreApplication.translate('DeskKeys', what)}" for keys, what in EXISTING]
    lines += [f"{key.keys}\t{key.what()}" for key in KEYS]
    return "\n".join(lines)
