"""A dialog that shows staff a table: an intro above, Close and the dialog's own actions below."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.widgets.parts import read_only_table


class TableDialog(QDialog):
    """An intro label, a read-only table of ``columns`` columns and a Close button box holding
    ``actions`` action buttons (texts are the subclass's, set in :meth:`retranslate`, which runs
    again whenever the language changes)."""

    def __init__(self, columns: int, actions: int, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = read_only_table(columns, self)
        self.action_buttons = [QPushButton(self) for _ in range(actions)]
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        for button in self.action_buttons:
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)

    def retranslate(self) -> None:
        """Set the intro, the headers and the action buttons' texts: each dialog sets its own
        (the accessibility test finds any control left without a name)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
