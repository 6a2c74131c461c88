"""Sync: export this kiosk's bundle, import other kiosks' bundles, sync with the hub now."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.sync.hub import SyncResult
from kiosk.ui.sync_backend import Exported, Imported


class SyncDialog(QDialog):
    """Signals: export_requested(folder), import_requested(paths), sync_requested()."""

    export_requested = Signal(str)
    import_requested = Signal(object)
    sync_requested = Signal()

    def __init__(self, start_folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start_folder = start_folder
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.export_button = QPushButton(self)
        self.import_button = QPushButton(self)
        self.import_folder_button = QPushButton(self)
        self.sync_button = QPushButton(self)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.report = QPlainTextEdit(self)
        self.report.setReadOnly(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for button in (self.export_button, self.import_button, self.import_folder_button,
                       self.sync_button):  # fmt: skip
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.buttons)
        self.export_button.clicked.connect(self._choose_export)
        self.import_button.clicked.connect(self._choose_files)
        self.import_folder_button.clicked.connect(self._choose_folder)
        self.sync_button.clicked.connect(self._sync)
        self.resize(760, 460)
        self.retranslate()

    # -- requests ----------------------------------------------------------------------------

    def _busy(self, busy: bool) -> None:
        for button in (self.export_button, self.import_button, self.import_folder_button,
                       self.sync_button):  # fmt: skip
            button.setEnabled(not busy)
        self.progress.setVisible(busy or self.progress.value() > 0)
        if busy:
            self.progress.setRange(0, 0)  # until the first step is reported

    def _choose_export(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Write the bundle to (a USB stick or a shared folder)"),
            self.start_folder,
        )  # fmt: skip
        if folder:
            self.export_to(folder)

    def export_to(self, folder: str) -> None:
        self._busy(True)
        self.export_requested.emit(folder)

    def _choose_files(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Import bundles from other kiosks"), self.start_folder,
            self.tr("Kiosk bundles (*.kbundle)"),
        )  # fmt: skip
        if files:
            self.import_from(files)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Import every bundle in a folder"), self.start_folder
        )
        if folder:
            self.import_from([folder])

    def import_from(self, paths: list[str]) -> None:
        self._busy(True)
        self.import_requested.emit(paths)

    def _sync(self) -> None:
        self._busy(True)
        self.sync_requested.emit()

    # -- answers -----------------------------------------------------------------------------

    def show_progress(self, done: int, total: int) -> None:
        self.progress.setVisible(True)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _say(self, lines: list[str]) -> None:
        self.report.setPlainText("\n".join(lines))

    def show_exported(self, done: Exported) -> None:
        self._busy(False)
        self._say([
            self.tr("Written: {file}").format(file=done.path),
            self.tr("%n scans", "", done.manifest.scans) + " · "
            + self.tr("%n attendees", "", done.manifest.roster),
            self.tr("The file is complete: the stick can be removed."),
        ])  # fmt: skip

    def show_imported(self, done: Imported) -> None:
        self._busy(False)
        lines: list[str] = []
        for r in done.results:
            lines.append(
                self.tr("{file} (from {kiosk}):").format(file=r.path.name,
                                                         kiosk=r.manifest.kiosk_name)
            )  # fmt: skip
            for k in r.kiosks:
                line = "  " + self.tr("{kiosk}: %n new", "", k.added).format(kiosk=k.kiosk_name)
                line += ", " + self.tr("%n already here", "", k.present)
                if k.gaps:
                    missing = sum(b - a + 1 for a, b in k.gaps)
                    line += " — " + self.tr("%n scans of this kiosk still missing", "", missing)
                lines.append(line)
            lines.append("  " + self.tr("Attendees: %n new", "", r.roster.added) + ", "
                         + self.tr("%n changed", "", r.roster.updated))  # fmt: skip
            if r.roster.clashes or r.clashes:
                lines.append(
                    "  "
                    + self.tr(
                        "%n records not merged (see the command line report)",
                        "",
                        len(r.roster.clashes) + len(r.clashes),
                    )
                )
        for e in done.refused:
            lines.append(self.tr("Refused, nothing merged: {message}").format(message=str(e)))
        if not done.results and not done.refused:
            lines.append(self.tr("No bundle files (*.kbundle) were found there."))
        self._say(lines)

    def show_synced(self, result: SyncResult) -> None:
        self._busy(False)
        self._say([
            self.tr("Synced with the hub."),
            self.tr("Sent: %n new scans", "", result.pushed),
            self.tr("Received: %n scans from other kiosks", "", result.pulled),
            self.tr("Attendees received: %n new", "", result.roster.added) + ", "
            + self.tr("%n changed", "", result.roster.updated),
        ])  # fmt: skip

    def show_failure(self, request: str, message: str) -> None:
        self._busy(False)
        if request == "sync" and not message:
            message = self.tr(
                "No hub is configured. Sync once from the command line: "
                "kiosk sync hub --dsn postgresql://…"
            )
        self._say([message])

    # -- language ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sync with other kiosks"))
        self.intro.setText(self.tr(
            "Without a network, carry bundles on a USB stick: export here, import on the other "
            "kiosks, and import theirs here. Importing a bundle twice changes nothing. With a "
            "hub, kiosks sync by themselves every half minute."
        ))  # fmt: skip
        self.export_button.setText(self.tr("Export bundle…"))
        self.import_button.setText(self.tr("Import bundles…"))
        self.import_folder_button.setText(self.tr("Import a folder…"))
        self.sync_button.setText(self.tr("Sync with the hub now"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
