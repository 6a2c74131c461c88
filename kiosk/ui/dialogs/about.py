"""About Kiosk (Help menu): the version, how it is installed, and the folders where this
computer keeps event data, logs and settings, each with a button that opens it."""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk import __version__
from kiosk.app.paths import user_folders
from kiosk.assets import icon_path, installation_kind

# The rows of the folder table, in order: key of user_folders(), and whether it is a file.
ROWS = (("data", False), ("database", True), ("logs", False), ("settings", True))


class AboutDialog(QDialog):
    """Shows where things are; ``database`` is the event database this window has open."""

    def __init__(self, database: str | Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folders = user_folders()
        if database is not None:
            self.folders["database"] = Path(database)
        self.opened: list[Path] = []  # what the open buttons asked the desktop to show

        icon = QLabel(self)
        icon.setPixmap(
            QPixmap(str(icon_path(128))).scaled(
                96,
                96,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        self.title = QLabel("Kiosk", self)
        self.title.setStyleSheet("font-size: 22pt; font-weight: 700; color: #263238;")
        self.version = QLabel(self)
        self.version.setStyleSheet("font-size: 12pt;")
        self.tagline = QLabel(self)
        self.tagline.setWordWrap(True)
        self.tagline.setObjectName("Muted")
        heading = QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.version)
        heading.addWidget(self.tagline)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addSpacing(12)
        top.addLayout(heading, 1)

        self.folders_title = QLabel(self)
        self.folders_title.setStyleSheet("font-weight: 600; margin-top: 10px;")
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.row_labels: dict[str, QLabel] = {}
        self.row_paths: dict[str, QLabel] = {}
        self.open_buttons: dict[str, QPushButton] = {}
        for row, (key, is_file) in enumerate(ROWS):
            label = QLabel(self)
            path = QLabel(str(self.folders[key]), self)
            path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            path.setWordWrap(True)
            button = QPushButton(self)
            button.clicked.connect(
                lambda _=False, k=key, f=is_file: self.open_folder(
                    self.folders[k].parent if f else self.folders[k]
                )
            )
            grid.addWidget(label, row, 0)
            grid.addWidget(path, row, 1)
            grid.addWidget(button, row, 2)
            self.row_labels[key], self.row_paths[key], self.open_buttons[key] = label, path, button

        self.details = QLabel(self)
        self.details.setObjectName("Muted")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.folders_title)
        layout.addLayout(grid)
        layout.addSpacing(8)
        layout.addWidget(self.details)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(640)
        self.retranslate()

    def open_folder(self, folder: Path) -> None:
        """Show a folder in the file manager (created first, so a fresh desk has it too)."""
        folder.mkdir(parents=True, exist_ok=True)
        self.opened.append(folder)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def kind_text(self) -> str:
        return {
            "frozen bundle": self.tr("installed program"),
            "installed package": self.tr("Python package"),
            "source checkout": self.tr("source code (developer copy)"),
        }.get(installation_kind(), installation_kind())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("About Kiosk"))
        self.version.setText(
            self.tr("Version {version} ({kind})").format(version=__version__, kind=self.kind_text())
        )
        self.tagline.setText(
            self.tr(
                "Offline check-in and badge printing for the registration desk of a conference."
            )
        )
        self.folders_title.setText(self.tr("Where this computer keeps Kiosk's files"))
        names = {
            "data": self.tr("Event data:"),
            "database": self.tr("Event database:"),
            "logs": self.tr("Logs:"),
            "settings": self.tr("Settings:"),
        }
        for key, label in self.row_labels.items():
            label.setText(names[key])
            self.open_buttons[key].setText(self.tr("Open folder"))
        self.details.setText(
            self.tr(
                "Python {python} · Qt {qt} · {system}. Free software under the GNU General "
                "Public License, version 3 or later. Fonts: Noto Sans (SIL Open Font License)."
            ).format(
                python=platform.python_version(),
                qt=qVersion(),
                system=f"{platform.system()} {platform.release()}",
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
