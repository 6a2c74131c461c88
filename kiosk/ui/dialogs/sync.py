"""Sync: the hub's address (tested, saved behind the admin PIN), export this kiosk's bundle,
import other kiosks' bundles, sync with the hub now."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.app.sync import (
    AddressError,
    Probe,
    Reach,
    check_address,
    has_password,
    shown_address,
)
from kiosk.ui.sync_backend import PROBE_TIMEOUT_S, Exported, Imported

if TYPE_CHECKING:
    from kiosk.app.sync import SyncResult


class SyncDialog(QDialog):
    """Signals: export_requested(folder), import_requested(paths), sync_requested(),
    test_requested(address), save_requested(address).

    ``hub``: the address in use ('' if none). ``confirm_admin``: asks for the admin PIN when
    this kiosk has one and says whether the change may go ahead (the hub decides where the
    kiosk's check-ins go, so it is a setting for staff, like leaving kiosk mode).
    ``from_environment``: ``hub`` was set by $KIOSK_HUB_DSN, which a saved address cannot
    override: the field is then read-only and says so, and Test tries that address.
    """

    export_requested = Signal(str)
    import_requested = Signal(object)
    sync_requested = Signal()
    test_requested = Signal(str)
    save_requested = Signal(str)

    def __init__(
        self,
        start_folder: str,
        parent: QWidget | None = None,
        *,
        hub: str = "",
        confirm_admin: Callable[[QWidget], bool] | None = None,
        from_environment: bool = False,
    ) -> None:
        super().__init__(parent)
        self.start_folder = start_folder
        self.confirm_admin = confirm_admin
        # The address set in the environment (password and all), tried as it is.
        self.fixed_hub = hub if from_environment and hub else ""
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.hub_box = QGroupBox(self)
        self.hub_label = QLabel(self.hub_box)
        self.hub_edit = QLineEdit(self.hub_box)
        self.hub_edit.setText(shown_address(hub) if self.fixed_hub else hub)
        self.hub_edit.setClearButtonEnabled(not self.fixed_hub)
        self.hub_edit.setReadOnly(bool(self.fixed_hub))
        self.hub_label.setBuddy(self.hub_edit)
        self.test_button = QPushButton(self.hub_box)
        self.save_button = QPushButton(self.hub_box)
        self.hub_status = QLabel(self.hub_box)
        self.hub_status.setWordWrap(True)
        self.hub_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.environment_note = QLabel(self.hub_box)
        self.environment_note.setWordWrap(True)
        self.environment_note.setVisible(bool(self.fixed_hub))
        self.save_button.setEnabled(not self.fixed_hub)
        self.password_note = QLabel(self.hub_box)
        self.password_note.setWordWrap(True)
        self.password_note.setVisible(not self.fixed_hub)
        self.password_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        hub_row = QHBoxLayout()
        hub_row.addWidget(self.hub_label)
        hub_row.addWidget(self.hub_edit, 1)
        hub_row.addWidget(self.test_button)
        hub_row.addWidget(self.save_button)
        hub_layout = QVBoxLayout(self.hub_box)
        hub_layout.addLayout(hub_row)
        hub_layout.addWidget(self.environment_note)
        hub_layout.addWidget(self.hub_status)
        hub_layout.addWidget(self.password_note)
        self.test_button.clicked.connect(self.test_hub)
        self.save_button.clicked.connect(self.save_hub)
        self.hub_edit.returnPressed.connect(self.test_hub)
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
        layout.addWidget(self.hub_box)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.buttons)
        self.export_button.clicked.connect(self._choose_export)
        self.import_button.clicked.connect(self._choose_files)
        self.import_folder_button.clicked.connect(self._choose_folder)
        self.sync_button.clicked.connect(self._sync)
        self.resize(780, 560)
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

    # -- the hub's address -------------------------------------------------------------------

    def _address(self) -> str | None:
        """The address typed, or None (and the reason shown) when it cannot be one."""
        if self.fixed_hub:
            return self.fixed_hub
        text = self.hub_edit.text().strip()
        try:
            check_address(text)
        except AddressError:
            if not text:
                self.hub_status.setText(self.tr("Enter the hub's address first."))
            else:
                self.hub_status.setText(self.tr(
                    "This is not a hub address. Write it as postgresql://USER@HOST/DATABASE, "
                    "e.g. postgresql://kiosk@10.0.0.5/event."
                ))  # fmt: skip
            return None
        return text

    def test_hub(self) -> None:
        """Try the address typed, on the sync thread; :meth:`show_probe` gives the answer."""
        address = self._address()
        if address is None:
            return
        self.test_button.setEnabled(False)
        self.hub_status.setText(self.tr("Trying the hub… (at most {seconds} s)").format(
            seconds=int(PROBE_TIMEOUT_S)))  # fmt: skip
        self.test_requested.emit(address)

    def save_hub(self) -> None:
        """Remember the address typed (after the admin PIN, when this kiosk has one)."""
        if self.fixed_hub:
            return  # the environment's address wins over a saved one: nothing to save
        address = self._address()
        if address is None:
            return
        if self.confirm_admin is not None and not self.confirm_admin(self):
            self.hub_status.setText(self.tr("Not saved: the admin PIN is needed to change it."))
            return
        self.save_button.setEnabled(False)
        self.save_requested.emit(address)

    def show_probe(self, found: Probe) -> None:
        self.test_button.setEnabled(True)
        place = found.where
        texts = {
            Reach.REACHABLE: self.tr("Reachable: the hub at {where} answered."),
            Reach.WRONG_PASSWORD: self.tr(
                "Wrong password or user name: the server at {where} refused them."
            ),
            Reach.PASSWORD_NEEDED: self.tr(
                "The server at {where} asks for a password, and none is set up on this computer."
            ),
            Reach.NO_DATABASE: self.tr(
                "A server answered at {where}, but it has no such database: check the name "
                "after the last /."
            ),
            Reach.NO_SERVER: self.tr(
                "No server at this address ({where}): check the host name or IP address and "
                "the port, and that PostgreSQL runs there."
            ),
            Reach.TIMED_OUT: self.tr(
                "Timed out: nothing answered from {where} within {seconds} s (a firewall, "
                "another network, the machine asleep?)."
            ),
            Reach.BAD_ADDRESS: self.tr(
                "This is not a hub address. Write it as postgresql://USER@HOST/DATABASE, "
                "e.g. postgresql://kiosk@10.0.0.5/event."
            ),
            Reach.FAILED: self.tr("Could not connect to {where}: {detail}"),
        }
        self.hub_status.setText(
            texts[found.reach].format(
                where=place, seconds=int(PROBE_TIMEOUT_S), detail=found.detail
            )
        )
        self.hub_status.setProperty("reach", found.reach.value)

    def show_hub_saved(self, kept: str) -> None:
        self.save_button.setEnabled(True)
        text = self.tr("Saved: this kiosk syncs with {address}.").format(address=kept)
        if has_password(self.hub_edit.text()):
            text += " " + self.tr(
                "The password was not saved: put it in ~/.pgpass or PGPASSWORD (see below)."
            )
            self.hub_edit.setText(kept)
        self.hub_status.setText(text)

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
        if request == "hub":
            self.save_button.setEnabled(not self.fixed_hub)
            self.hub_status.setText(message)
            return
        self._busy(False)
        if request == "sync" and not message:
            message = self.tr(
                "No hub is configured. Enter its address above, test it and save it "
                "(or run: kiosk sync hub --dsn postgresql://…)."
            )
        self._say([message])

    # -- language ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sync with other kiosks"))
        self.report.setAccessibleName(self.tr("What happened"))
        self.intro.setText(self.tr(
            "Without a network, carry bundles on a USB stick: export here, import on the other "
            "kiosks, and import theirs here. Importing a bundle twice changes nothing. With a "
            "hub, kiosks sync by themselves every half minute."
        ))  # fmt: skip
        self.export_button.setText(self.tr("Export bundle…"))
        self.import_button.setText(self.tr("Import bundles…"))
        self.import_folder_button.setText(self.tr("Import a folder…"))
        self.sync_button.setText(self.tr("Sync with the hub now"))
        self.hub_box.setTitle(self.tr("Hub (PostgreSQL server shared by the kiosks)"))
        self.hub_label.setText(self.tr("&Address:"))
        self.hub_edit.setPlaceholderText("postgresql://kiosk@10.0.0.5/event")
        self.test_button.setText(self.tr("Test connection"))
        self.save_button.setText(self.tr("Save"))
        self.environment_note.setText(self.tr(
            "This address comes from the KIOSK_HUB_DSN environment variable Kiosk was started "
            "with, which takes precedence over a saved address. To use another hub, change or "
            "remove KIOSK_HUB_DSN and start Kiosk again."
        ))  # fmt: skip
        self.password_note.setText(self.tr(
            "The password is not saved with the address (the event file is copied between "
            "laptops). Put it in ~/.pgpass on this computer (on Windows: "
            "%APPDATA%\\postgresql\\pgpass.conf), one line HOST:PORT:DATABASE:USER:PASSWORD, "
            "or in the PGPASSWORD environment variable."
        ))  # fmt: skip

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
