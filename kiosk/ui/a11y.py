"""What assistive technology is told: a result that appears is named, described and announced.

A screen reader reads what has focus; a check-in result appears without anyone moving the
focus. So every result change puts the word and the detail into the panel's accessible name and
description and sends two events: an *alert* (``QAccessible.Event.Alert``, which AT-SPI and
UI Automation pass on as an alert) and an *announcement* (``QAccessibleAnnouncementEvent``,
AT-SPI ``object:announcement``), which screen readers speak even when the panel has no focus.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

#: The last announcements (newest last): what a screen reader was asked to say.
ANNOUNCED: list[str] = []


def _send(event: QAccessibleEvent) -> None:
    QAccessible.updateAccessibility(event)


def announce(widget: QWidget, word: str, detail: str = "", *, assertive: bool = True) -> None:
    """Name and describe ``widget`` by a result, and have it spoken by a screen reader."""
    widget.setAccessibleName(word)
    widget.setAccessibleDescription(detail)
    message = sentences([word, detail])
    ANNOUNCED.append(message)
    del ANNOUNCED[:-20]
    _send(QAccessibleEvent(widget, QAccessible.Event.NameChanged))
    _send(QAccessibleEvent(widget, QAccessible.Event.DescriptionChanged))
    _send(QAccessibleEvent(widget, QAccessible.Event.Alert))
    event = QAccessibleAnnouncementEvent(widget, message)
    politeness = QAccessible.AnnouncementPoliteness
    event.setPoliteness(politeness.Assertive if assertive else politeness.Polite)
    _send(event)


def sentence(part: str) -> str:
    """One text as a sentence: spaces tidied, a full stop added unless it already ends with a
    sentence mark (no "Welcome!." for a speech engine to stumble on); "" stays ""."""
    part = " ".join(part.split())
    return part if not part or part[-1] in ".!?…:" else part + "."


def sentences(parts: list[str]) -> str:
    """Texts read one after another, each a sentence."""
    return " ".join(s for s in (sentence(p) for p in parts) if s)


def accessible_name(obj: QObject) -> str:
    """The name a screen reader would say for ``obj`` (Qt's own rules: accessibleName, else the
    text, else a buddy label)."""
    interface = QAccessible.queryAccessibleInterface(obj)
    if interface is None or not interface.isValid():
        return ""
    return interface.text(QAccessible.Text.Name).strip()


def name_table(view: QAbstractItemView, name: str) -> None:
    """Name a table or list and its column header, so a screen reader says which it is."""
    view.setAccessibleName(name)
    header = getattr(view, "horizontalHeader", None)
    if callable(header):
        header().setAccessibleName(
            QCoreApplication.translate("Accessibility", "{table}: column headers").format(
                table=name
            )
        )


def name_clear_button(field: QLineEdit) -> None:
    """Qt's own clear button of a search field, named for a screen reader."""
    for button in field.findChildren(QToolButton):
        button.setAccessibleName(QCoreApplication.translate("Accessibility", "Clear the search"))


def label_fields(form: QFormLayout) -> None:
    """Make each row's label the buddy of its field (Qt names a field after its buddy label;
    ``QFormLayout.addRow(QLabel, field)`` does not do it by itself). A field that is a layout
    gets the label as buddy of its first control."""
    for row in range(form.rowCount()):
        label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if label_item is None or field_item is None:
            continue
        label = label_item.widget()
        if not isinstance(label, QLabel):
            continue
        field = field_item.widget()
        layout = field_item.layout()
        if field is None and layout is not None:
            field = next(
                (
                    item.widget()
                    for item in (layout.itemAt(i) for i in range(layout.count()))
                    if item is not None and item.widget() is not None
                ),
                None,
            )
        if field is not None:
            label.setBuddy(field)
