"""Walk-in registration: a short validated form; the window first looks for people already
registered with a similar name (:class:`SimilarPeopleDialog`), then creates and checks in the
person."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.app.door import NewAttendee
from kiosk.app.lookup import Found
from kiosk.core.codes import display
from kiosk.core.text import clean
from kiosk.ui.a11y import label_fields
from kiosk.ui.texts import category_text, country_text, time_text

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


class WalkInDialog(QDialog):
    def __init__(self, parent: QWidget | None, categories: list[str], countries: list[str]) -> None:
        super().__init__(parent)
        self.first = QLineEdit(self)
        self.last = QLineEdit(self)
        self.organization = QLineEdit(self)
        self.country = QComboBox(self)
        self.country.setEditable(True)
        self.country.addItems(countries)
        self.country.setCurrentText("")
        self.email = QLineEdit(self)
        self.category = QComboBox(self)
        for category in categories or ["participant"]:
            self.category.addItem(category_text(category), category)
        self.problem = QLabel(self)
        self.problem.setObjectName("Problem")
        self.problem.setStyleSheet("color: #c62828; font-weight: 600;")
        self.problem.setWordWrap(True)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setSpacing(8)
        self.labels = [QLabel(self) for _ in range(6)]
        for label, field in zip(
            self.labels,
            (self.first, self.last, self.organization, self.country, self.email, self.category),
            strict=True,
        ):
            self.form.addRow(label, field)
        label_fields(self.form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(12)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.retranslate()
        self.problem.hide()

    def problems(self) -> list[str]:
        found = []
        if not clean(self.first.text()) and not clean(self.last.text()):
            found.append(self.tr("Enter the person's first or last name."))
        email = clean(self.email.text())
        if email and not _EMAIL.fullmatch(email):
            found.append(self.tr("The e-mail address does not look right (name@example.org)."))
        return found

    def accept(self) -> None:
        problems = self.problems()
        if problems:
            self.problem.setText("\n".join(problems))
            self.problem.show()
            no_name = not clean(self.first.text() + self.last.text())
            (self.first if no_name else self.email).setFocus()
            return
        super().accept()

    def person(self) -> NewAttendee:
        return NewAttendee(
            code="",
            first_name=clean(self.first.text()),
            last_name=clean(self.last.text()),
            organization=clean(self.organization.text()),
            country=clean(self.country.currentText()),
            email=clean(self.email.text()),
            category=str(self.category.currentData() or clean(self.category.currentText())),
            origin="walk_in",
        )

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Register a walk-in"))
        self.intro.setText(
            self.tr("The person is added to the event and checked in on the current list.")
        )
        names = (
            self.tr("First name"),
            self.tr("Last name"),
            self.tr("Organisation"),
            self.tr("Country"),
            self.tr("E-mail"),
            self.tr("Category"),
        )
        for label, text in zip(self.labels, names, strict=True):
            label.setText(text)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("Register and check in"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class SimilarPeopleDialog(QDialog):
    """ "Is the walk-in one of these people?" — before a second Maria Popescu is created.

    Lists the registered people with a similar name (found by the event's search: either
    script, any diacritics) with organisation, country, code and today's status. Staff pick one
    ("This is the same person": checked in as that person) or register a new person.
    """

    SAME = 2
    NEW = 3

    def __init__(self, person: NewAttendee, found: list[Found], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.person = person
        self.found = found
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setObjectName("SimilarIntro")
        self.people = QListWidget(self)
        self.people.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.people.setMinimumHeight(160)
        self.people.setWordWrap(True)  # long organisations wrap instead of scrolling sideways
        self.people.setAccessibleName(self.tr("Registered people with a similar name"))
        self.people.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.same = QPushButton(self)
        self.same.setObjectName("Primary")
        self.new = QPushButton(self)
        self.cancel = QPushButton(self)
        self.buttons = QDialogButtonBox(self)
        self.buttons.addButton(self.same, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.new, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.same.clicked.connect(lambda: self.done(self.SAME))
        self.new.clicked.connect(lambda: self.done(self.NEW))
        self.cancel.clicked.connect(self.reject)
        self.people.itemDoubleClicked.connect(lambda _item: self.done(self.SAME))
        self.people.currentRowChanged.connect(lambda row: self.same.setEnabled(row >= 0))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(12)
        layout.addWidget(self.intro)
        layout.addWidget(self.people, 1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(760)
        self.retranslate()
        # Nobody is chosen for staff: an Enter pressed once too often (the form's Enter, a key
        # bounce) must not check in the first Maria Popescu of the list. "Same person" waits
        # until a person is chosen; until then Enter does nothing.
        # (Set through the view, so that the list does not choose its first row by itself
        # when it gets the keyboard focus.)
        self.people.setCurrentIndex(QModelIndex())
        self.same.setEnabled(False)
        self.same.setDefault(True)

    def chosen(self) -> Found | None:
        row = self.people.currentRow()
        return self.found[row] if 0 <= row < len(self.found) else None

    def _line(self, found: Found) -> str:
        person = found.attendee
        name = f"{person.first_name} {person.last_name}".strip()
        facts = [person.organization, country_text(person.country), self.tr("code {code}").format(
            code=display(person.code))]  # fmt: skip
        if found.checked_in_today:
            from datetime import datetime

            at = datetime.fromisoformat(found.checked_in_today["at"])
            facts.append(self.tr("checked in at {time}").format(time=time_text(at)))
        return f"{name} — " + " · ".join(f for f in facts if f)

    def retranslate(self) -> None:
        name = f"{self.person.first_name} {self.person.last_name}".strip()
        self.setWindowTitle(self.tr("Already registered?"))
        self.intro.setText(
            self.tr(
                "%n registered people have a name like “{name}”. Is the walk-in one of them?",
                "",
                len(self.found),
            ).format(name=name)
        )
        self.same.setText(self.tr("This is the same person — check in"))
        self.new.setText(self.tr("A different person — register new"))
        self.cancel.setText(self.tr("Cancel"))
        current = self.people.currentRow()
        self.people.clear()
        for found in self.found:
            QListWidgetItem(self._line(found), self.people)
        if current >= 0:
            self.people.setCurrentRow(current)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
