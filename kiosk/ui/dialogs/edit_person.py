"""Correct a person at the desk: name, organisation, category, the note shown at check-in and
the attention flag. The change is logged (who, where, old and new value) and reaches the other
kiosks with the next sync; when the badge's words changed, the desk offers a new badge."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk.app.people import EDITABLE
from kiosk.core.model import Attendee
from kiosk.ui.widgets.parts import save_cancel_buttons


class EditPersonDialog(QDialog):
    """The fields as stored; :meth:`changes` gives what was changed."""

    def __init__(self, person: Attendee, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EditPersonDialog")
        self.person = person
        self.setWindowTitle(self.tr("Correct {name}").format(name=person.name))
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        labels = {
            "first_name": self.tr("First name"),
            "last_name": self.tr("Last name"),
            "organization": self.tr("Organisation"),
            "category": self.tr("Category"),
            "note": self.tr("Note shown at check-in"),
        }
        for column, label in labels.items():
            field = QLineEdit(str(getattr(person, column)), self)
            field.setObjectName(f"edit_{column}")
            field.setMaxLength(EDITABLE[column])
            field.setAccessibleName(label)
            form.addRow(label, field)
            self.fields[column] = field
        self.attention = QCheckBox(self.tr("Needs attention at check-in"), self)
        self.attention.setChecked(person.attention)
        form.addRow("", self.attention)
        hint = QLabel(
            self.tr("Changes are logged and reach the other kiosks with the next sync."), self
        )
        hint.setWordWrap(True)
        buttons, self.save = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def changes(self) -> dict[str, object]:
        found: dict[str, object] = {
            column: field.text()
            for column, field in self.fields.items()
            if field.text() != getattr(self.person, column)
        }
        if self.attention.isChecked() != self.person.attention:
            found["attention"] = self.attention.isChecked()
        return found
