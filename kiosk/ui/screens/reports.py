"""The Reports screen: counts of a day, a list or the whole event, the arrivals chart, and the
exports (register CSV/Excel/PDF, chart PNG, sign-in sheets), each written with its SHA-256.

The report is built on the report backend's thread; the screen shows "Counting…" meanwhile and
stays responsive. The report is built in the window's language (Bulgarian, Romanian, English):
section and column titles come from the reports layer's own catalogue (through kiosk.app),
the same words the exported files carry.

Signals:
    export_written(object): the list of WrittenFile of an export that finished.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, Qt, Signal, Slot
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.app.reports import Scope, Section
from kiosk.core.model import CheckinList
from kiosk.ui.a11y import name_table
from kiosk.ui.i18n import LANGUAGES
from kiosk.ui.report_backend import Built, ExportRequest, ReportBackend
from kiosk.ui.texts import day_text, list_text


class ReportsScreen(QDialog):
    """Counts and exports; one instance per desk window, opened from its menu."""

    export_written = Signal(object)

    def __init__(
        self, path: str, event_days: list[date], lists: list[CheckinList], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reports")
        self.days = event_days
        self.lists = lists
        self.built: Built | None = None
        self.backend = ReportBackend(path, self)

        self.scope_label = QLabel(self)
        self.scope_combo = QComboBox(self)
        self.refresh_button = QPushButton(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        # Counting a large event and writing its workbook take seconds: a bar says it goes on
        # (moving while counting, filling while the workbook's rows are written).
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.progress.hide()
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.section_combo = QComboBox(self)
        self.table = QTableWidget(0, 0, self)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.chart = QLabel(self)
        self.chart.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        chart_area = QScrollArea(self)
        chart_area.setWidgetResizable(True)
        chart_area.setWidget(self.chart)
        self.reference_label = QLabel(self)
        self.reference = QLineEdit(self)
        self.csv_button = QPushButton(self)
        self.xlsx_button = QPushButton(self)
        self.pdf_button = QPushButton(self)
        self.png_button = QPushButton(self)
        self.sheet_button = QPushButton(self)
        self.sheet_menu = QMenu(self)
        self.sheet_registered = self.sheet_menu.addAction("")
        self.sheet_attended = self.sheet_menu.addAction("")
        self.sheet_button.setMenu(self.sheet_menu)

        top = QHBoxLayout()
        top.addWidget(self.scope_label)
        top.addWidget(self.scope_combo, 1)
        top.addWidget(self.refresh_button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.section_combo)
        left_layout.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(chart_area)
        splitter.setSizes([720, 500])
        reference_row = QHBoxLayout()
        reference_row.addWidget(self.reference_label)
        reference_row.addWidget(self.reference, 1)
        buttons = QHBoxLayout()
        for button in (self.csv_button, self.xlsx_button, self.pdf_button, self.png_button):
            buttons.addWidget(button)
        buttons.addWidget(self.sheet_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(splitter, 1)
        layout.addLayout(reference_row)
        layout.addLayout(buttons)
        self._connect_signals()
        self.retranslate()
        self.resize(1240, 720)

    def _connect_signals(self) -> None:
        self.scope_combo.currentIndexChanged.connect(self._on_scope_changed)
        self.refresh_button.clicked.connect(self.refresh)
        self.section_combo.currentIndexChanged.connect(self._show_section)
        self.csv_button.clicked.connect(lambda: self._export("csv"))
        self.xlsx_button.clicked.connect(lambda: self._export("xlsx"))
        self.pdf_button.clicked.connect(lambda: self._export("pdf"))
        self.png_button.clicked.connect(lambda: self._export("png"))
        self.sheet_registered.triggered.connect(lambda: self._export("sheet-registered"))
        self.sheet_attended.triggered.connect(lambda: self._export("sheet-attended"))
        self.backend.built.connect(self._on_built)
        self.backend.progress.connect(self._on_progress)
        self.backend.exported.connect(self._on_exported)
        self.backend.failed.connect(self._on_failed)

    # -- scope and counts --------------------------------------------------------------------

    def scopes(self) -> list[Scope]:
        """The whole event, each day, then each list that is not simply a day's list."""
        found = [Scope()] + [Scope(day=d) for d in self.days]
        found += [
            Scope(list_id=cl.id)
            for cl in self.lists
            if not (cl.day is not None and cl.name == f"Day {cl.day.isoformat()}")
        ]
        return found

    def current_scope(self) -> Scope:
        scope = self.scope_combo.currentData()
        return scope if isinstance(scope, Scope) else Scope()

    def _scope_text(self, scope: Scope) -> str:
        if scope.list_id is not None:
            found = next((cl for cl in self.lists if cl.id == scope.list_id), None)
            return self.tr("List: {name}").format(name=list_text(found) if found else "?")
        if scope.day is not None:
            return self.tr("Day: {day}").format(day=day_text(scope.day))
        return self.tr("Whole event")

    @Slot()
    def refresh(self) -> None:
        """Count again (in the background) for the scope chosen."""
        self._set_busy(True)
        self.status.setText(self.tr("Counting…"))
        self.backend.build(self.current_scope(), self.language())

    def language(self) -> str:
        """The window's language (the reports' words follow it)."""
        name = QLocale().name().split("_")[0]
        return name if name in LANGUAGES else "en"

    def _on_scope_changed(self, _index: int) -> None:
        self.refresh()

    def _set_busy(self, busy: bool) -> None:
        self.progress.setRange(0, 0)  # moving until rows are counted
        self.progress.setVisible(busy)
        for button in (
            self.csv_button,
            self.xlsx_button,
            self.pdf_button,
            self.png_button,
            self.refresh_button,
        ):
            button.setEnabled(not busy)
        self.sheet_button.setEnabled(not busy and self._sheet_day() is not None)

    def _sheet_day(self) -> date | None:
        scope = self.current_scope()
        if scope.day is not None:
            return scope.day
        return self.days[0] if len(self.days) == 1 else None

    @Slot(object)
    def _on_built(self, built: Built) -> None:
        self.built = built
        report = built.report
        people = len({e.person.uid for e in report.register.entries})
        self.status.setText(
            self.tr("{scope}: %n register row(s)", "", len(report.register.entries)).format(
                scope=self._scope_text(report.register.scope)
            )
            + self.tr(", %n person(s) attended.", "", people)
        )
        chosen = self.section_combo.currentData()
        self.section_combo.blockSignals(True)
        self.section_combo.clear()
        for section in report.sections:
            self.section_combo.addItem(section.title, section.key)
        index = self.section_combo.findData(chosen)
        self.section_combo.setCurrentIndex(max(index, 0))
        self.section_combo.blockSignals(False)
        self._show_section()
        pixmap = QPixmap()
        pixmap.loadFromData(built.chart_png, "PNG")
        self.chart.setPixmap(pixmap.scaledToWidth(480, Qt.TransformationMode.SmoothTransformation))
        self._set_busy(False)

    def current_section(self) -> Section | None:
        if self.built is None:
            return None
        key = self.section_combo.currentData()
        return next((s for s in self.built.report.sections if s.key == key), None)

    def _show_section(self) -> None:
        section = self.current_section()
        if section is None:
            self.table.setRowCount(0)
            return
        self.table.setColumnCount(len(section.header))
        self.table.setHorizontalHeaderLabels(list(section.header))
        self.table.setRowCount(len(section.rows))
        for r, row in enumerate(section.rows):
            for c, value in enumerate(row):
                text = self._cell_text(value)
                item = QTableWidgetItem(text)
                if isinstance(value, int):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)

    def _cell_text(self, value: object) -> str:
        return "" if value is None else str(value)

    # -- exports -----------------------------------------------------------------------------

    def _export(self, kind: str) -> None:
        scope = self.current_scope()
        suffix = {"csv": ".csv", "xlsx": ".xlsx", "png": ".png"}.get(kind, ".pdf")
        name = f"attendance-{scope.label()}{suffix}"
        if kind.startswith("sheet"):
            day = self._sheet_day()
            if day is None:
                return
            name = (
                f"sign-in-{day.isoformat()}{'-attended' if kind.endswith('attended') else ''}.pdf"
            )
        filters = {
            ".csv": self.tr("CSV files (*.csv)"),
            ".xlsx": self.tr("Excel workbooks (*.xlsx)"),
            ".png": self.tr("PNG images (*.png)"),
            ".pdf": self.tr("PDF files (*.pdf)"),
        }
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report"), str(Path.home() / name), filters[suffix]
        )
        if chosen:
            self.start_export(kind, Path(chosen))

    def start_export(self, kind: str, path: Path) -> None:
        """Write ``kind`` (csv, xlsx, pdf, png, sheet-registered, sheet-attended) to ``path``
        in the background."""
        self._set_busy(True)
        self.status.setText(self.tr("Writing {file}…").format(file=path.name))
        self.backend.export(
            ExportRequest(
                kind,
                path,
                self.current_scope(),
                delimiter=";",
                reference=self.reference.text().strip(),
                day=self._sheet_day(),
                language=self.language(),
            )
        )

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    @Slot(object)
    def _on_exported(self, files: list[object]) -> None:
        lines = [
            self.tr("Wrote {file} — SHA-256 {digest} (also in {file}.sha256)").format(
                file=getattr(f, "path", Path()).name, digest=getattr(f, "sha256", "")
            )
            for f in files
        ]
        self.status.setText("\n".join(lines))
        self._set_busy(False)
        self.export_written.emit(files)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.status.setText(self.tr("Could not finish: {message}").format(message=message))
        self._set_busy(False)

    # -- language ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Reports"))
        name_table(self.table, self.tr("Report table"))
        self.reference_label.setBuddy(self.reference)
        self.scope_label.setBuddy(self.scope_combo)
        self.section_combo.setAccessibleName(self.tr("Section of the report"))
        self.scope_label.setText(self.tr("Report of:"))
        self.refresh_button.setText(self.tr("Count again"))
        self.reference_label.setText(self.tr("Funding or project line on sign-in sheets:"))
        self.reference.setPlaceholderText(self.tr("e.g. programme, project code, co-funded by…"))
        self.csv_button.setText(self.tr("Register as CSV…"))
        self.xlsx_button.setText(self.tr("Excel workbook…"))
        self.pdf_button.setText(self.tr("PDF report…"))
        self.png_button.setText(self.tr("Arrivals chart…"))
        self.sheet_button.setText(self.tr("Sign-in sheet"))
        self.sheet_registered.setText(self.tr("Everyone registered (to sign at the desk)…"))
        self.sheet_attended.setText(self.tr("Those who attended…"))
        current = self.current_scope() if self.scope_combo.count() else Scope()
        self.scope_combo.blockSignals(True)
        self.scope_combo.clear()
        for scope in self.scopes():
            self.scope_combo.addItem(self._scope_text(scope), scope)
        index = next((i for i, s in enumerate(self.scopes()) if s == current), 0)
        self.scope_combo.setCurrentIndex(index)
        self.scope_combo.blockSignals(False)
        if self.built is not None:
            if self.built.report.language != self.language():
                self.refresh()  # count again, with the words in the new language
            else:
                self._on_built(self.built)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def done(self, result: int) -> None:
        self.backend.shutdown()
        super().done(result)
