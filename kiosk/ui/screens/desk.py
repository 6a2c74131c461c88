"""The desk screen: the result panel, search as you type, and the live numbers.

Scans arrive from the application-wide scanner filter (or the camera) through the main window;
this screen shows results and lets staff find and check in people by name with one key.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.app.lookup import Found
from kiosk.core.model import AttendeeStatus
from kiosk.core.text import has_cyrillic, transliterate
from kiosk.ui.a11y import name_table
from kiosk.ui.texts import category_text, country_text, time_text
from kiosk.ui.widgets.numbers_panel import NumbersPanel
from kiosk.ui.widgets.result_panel import ResultPanel

_Index = QModelIndex | QPersistentModelIndex


class PeopleModel(QAbstractTableModel):
    """Search results: name, organisation, country, category, today's status."""

    COLUMNS = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.people: list[Found] = []

    def set_people(self, people: list[Found]) -> None:
        self.beginResetModel()
        self.people = people
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.people)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Name"),
            self.tr("Organisation"),
            self.tr("Country"),
            self.tr("Category"),
            self.tr("Today"),
        )[section]

    def status_text(self, found: Found) -> str:
        if found.attendee.status is AttendeeStatus.CANCELLED:
            return self.tr("Cancelled")
        if found.checked_in_today:
            at = datetime.fromisoformat(found.checked_in_today["at"])
            return self.tr("In since {time} ({kiosk})").format(
                time=time_text(at), kiosk=found.checked_in_today["kiosk"]
            )
        return self.tr("Not yet")

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        found = self.people[index.row()]
        person = found.attendee
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                name = f"{person.first_name} {person.last_name}".strip()
                return f"{name}  ({transliterate(name)})" if has_cyrillic(name) else name
            if column == 1:
                return person.organization
            if column == 2:
                return country_text(person.country)
            if column == 3:
                return category_text(person.category)
            return self.status_text(found)
        if role == Qt.ItemDataRole.ForegroundRole and column == 4:
            if person.status is AttendeeStatus.CANCELLED:
                return QColor("#c62828")
            return QColor("#1e7d32") if found.checked_in_today else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{person.email}\n{person.code}".strip()
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMNS - 1)
        if self.people:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.people) - 1, 4))


class SearchField(QLineEdit):
    """The search box; Down moves into the results, Enter checks in the highlighted person.

    Ctrl+Z undoes the text typed, except right after a check-in (:attr:`undo_yields`): then it
    is the window's "undo the last check-in", which staff mean, from wherever the cursor is.
    """

    down = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.undo_yields = False

    def event(self, event: QEvent) -> bool:
        if (
            self.undo_yields
            and event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Undo)
        ):
            event.ignore()  # not ours: the window's shortcut takes it
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            return
        super().keyPressEvent(event)


class DeskScreen(QWidget):
    """Signals ask the window to act; the window owns the backend and the current list."""

    search_changed = Signal(str)
    check_in_requested = Signal(object)  # Found
    details_requested = Signal(int)  # attendee id
    walk_in_requested = Signal()
    undo_requested = Signal()
    scan_requested = Signal(str)  # Enter on a search text that is a ticket code: scan it
    search_started = Signal()  # staff typed into the search: the last answer is stale

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result = ResultPanel(self)
        # The ticket code a search text is, if it is one (set by the window, which knows the
        # event's imported codes).
        self.code_of: Callable[[str], str | None] = lambda _text: None
        self.showing_for: str | None = None
        self.exit_mode = False
        self.search = SearchField(self)
        self.search.setObjectName("Search")
        self.search.setClearButtonEnabled(True)
        self.model = PeopleModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(False)  # no sorting: nothing to press, nothing to reach
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.hint = QLabel(self)
        self.hint.setObjectName("Muted")
        self.check_in = QPushButton(self)
        self.check_in.setObjectName("Primary")
        self.details = QPushButton(self)
        self.walk_in = QPushButton(self)
        self.undo = QPushButton(self)
        self.numbers = NumbersPanel(self)

        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.check_in)
        buttons.addWidget(self.details)
        buttons.addStretch(1)
        buttons.addWidget(self.walk_in)
        buttons.addWidget(self.undo)

        left = QWidget(self)
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.setSpacing(10)
        left_column.addWidget(self.result, 3)
        left_column.addWidget(self.search)
        left_column.addLayout(buttons)
        left_column.addWidget(self.table, 4)
        left_column.addWidget(self.hint)

        self.side = QWidget(self)
        self.side_column = QVBoxLayout(self.side)
        self.side_column.setContentsMargins(0, 0, 0, 0)
        self.side_column.setSpacing(10)
        self.side_column.addWidget(self.numbers, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.numbers.setMinimumWidth(280)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(14, 12, 14, 8)
        outer.addWidget(splitter)
        splitter.setSizes([900, 340])

        # Search as you type, without a query per keystroke of a fast typist.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(120)
        self._debounce.timeout.connect(self._emit_search)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.textEdited.connect(self._edited)
        self.search.returnPressed.connect(self._search_entered)
        self.search.down.connect(self._focus_table)
        self.check_in.clicked.connect(self._check_in_selected)
        self.details.clicked.connect(self._details_selected)
        self.walk_in.clicked.connect(self.walk_in_requested)
        self.undo.clicked.connect(self.undo_requested)
        self.table.doubleClicked.connect(lambda _index: self._check_in_selected())
        self.table.activated.connect(lambda _index: self._check_in_selected())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.retranslate()
        self._update_buttons()

    def set_exit_mode(self, on: bool) -> None:
        """Exit mode: the panel and the check-in button say so."""
        self.exit_mode = on
        self.result.set_exit_mode(on)
        self.retranslate()

    def add_side_widget(self, widget: QWidget) -> None:
        """Put a panel (the camera) above the numbers."""
        self.side_column.insertWidget(0, widget)

    # -- search ------------------------------------------------------------------------------

    def _emit_search(self) -> None:
        self.search_changed.emit(self.search.text().strip())

    def _edited(self, text: str) -> None:
        self.search.undo_yields = False  # Ctrl+Z is the text's again
        if text.strip():
            self.search_started.emit()

    def _search_entered(self) -> None:
        """Enter in the search field: a ticket code typed there is checked in as a scan of that
        code, whatever row is highlighted; other text checks in the highlighted person."""
        code = self.code_of(self.search.text())
        if code is not None:
            self.scan_requested.emit(code)
        else:
            self._check_in_selected()

    def show_people(
        self, people: list[Found], query: str, showing_for: str | None = None
    ) -> None:
        self.model.set_people(people)
        self.showing_for = showing_for if people else None
        if people:
            self.table.selectRow(0)
        self._hint(query, len(people))
        self._update_buttons()

    def _hint(self, query: str, count: int) -> None:
        if query and count and self.showing_for:
            self.hint.setText(
                self.tr("Nothing for “{query}” — showing results for “{other}” (keyboard layout)")
                .format(query=query, other=self.showing_for)
            )
        elif not query and self.exit_mode:
            self.hint.setText(
                self.tr("Enter records the exit of the highlighted person · ↓ moves to the list")
            )
        elif not query:
            self.hint.setText(
                self.tr("Enter checks in the highlighted person · ↓ moves to the list")
            )
        elif count == 0:
            self.hint.setText(
                self.tr("Nobody matches “{query}”. Register a walk-in with F2.").format(query=query)
            )
        else:
            self.hint.setText(self.tr("%n people found", "", count))

    def selected(self) -> Found | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.people[rows[0].row()]

    def _check_in_selected(self) -> None:
        found = self.selected()
        if found is not None:
            self.check_in_requested.emit(found)

    def _details_selected(self) -> None:
        found = self.selected()
        if found is not None:
            self.details_requested.emit(found.attendee.id)

    def _focus_table(self) -> None:
        if self.model.rowCount():
            self.table.setFocus()
            if not self.table.selectionModel().selectedRows():
                self.table.selectRow(0)

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.check_in.setEnabled(chosen)
        self.details.setEnabled(chosen)

    def clear_search(self) -> None:
        self._debounce.stop()
        self.search.clear()
        self.showing_for = None
        self.table.clearSelection()
        self.model.set_people([])
        self._hint("", 0)
        self._update_buttons()

    # -- language ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.search.setPlaceholderText(
            self.tr("Search by name, organisation, e-mail or code (Ctrl+F)")
        )
        self.search.setAccessibleName(self.tr("Search attendees"))
        for clear in self.search.findChildren(QToolButton):  # Qt's own clear button
            clear.setAccessibleName(self.tr("Clear the search"))
        name_table(self.table, self.tr("People found"))
        self.check_in.setText(
            self.tr("Record exit (Enter)") if self.exit_mode else self.tr("Check in (Enter)")
        )
        self.details.setText(self.tr("Details…"))
        self.walk_in.setText(self.tr("Walk-in… (F2)"))
        self.undo.setText(self.tr("Undo last (Ctrl+Z)"))
        self.model.retranslate()
        self._hint(self.search.text().strip(), self.model.rowCount())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
