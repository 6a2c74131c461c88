"""Admit anyway: staff override a refusal (another day, the list's hours or categories, not
paid, already in) and say why. The reason is kept in the scan log; the check-in is marked
forced in every report and counted once per person and day like any other."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk.app.checkin import MAX_FORCE_REASON
from kiosk.core.model import CheckinList, Decision
from kiosk.ui.texts import explain


class ForceDialog(QDialog):
    """Asks for the reason; OK only once one is written."""

    def __init__(
        self,
        decision: Decision,
        zone: tzinfo,
        checkin_list: CheckinList,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ForceDialog")
        person = decision.attendee
        name = person.name if person is not None else ""
        self.setWindowTitle(self.tr("Admit anyway"))
        why = explain(decision, checkin_list, zone)
        self.question = QLabel(self)
        self.question.setWordWrap(True)
        self.question.setText(
            self.tr("Admit {name} although: {why}").format(
                name=name, why=" ".join(t for t in (why.title + ".", why.detail) if t)
            )
        )
        self.field = QLineEdit(self)
        self.field.setObjectName("ForceReason")
        self.field.setMaxLength(MAX_FORCE_REASON)
        self.field.setPlaceholderText(self.tr("Reason, e.g. registered for day 2, came on day 1"))
        self.field.setAccessibleName(self.tr("Reason for admitting anyway"))
        label = QLabel(self.tr("Reason (kept in the log):"), self)
        label.setBuddy(self.field)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Admit anyway"))
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.field.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(label)
        layout.addWidget(self.field)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def reason(self) -> str:
        return " ".join(self.field.text().split())
