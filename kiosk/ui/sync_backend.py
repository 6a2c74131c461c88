"""The desk's sync work, off the GUI thread: bundle export and import, hub syncs (on request
and every half minute in the background when a hub is configured), the conflict list — all
through :class:`kiosk.app.sync.SyncService`, on this thread's own connection.

Signals carry plain values from kiosk.app.sync; the window never waits.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from kiosk.app.sync import (
    AddressError,
    BundleError,
    HubUnavailable,
    ImportResult,
    Manifest,
    StorageError,
    SyncService,
)

if TYPE_CHECKING:
    from kiosk.app.sync import Conflict, SyncStatus

log = logging.getLogger(__name__)

#: Seconds between background syncs while a hub is configured.
BACKGROUND_INTERVAL_S = 30
#: How long "Test connection" waits for a hub that does not answer.
PROBE_TIMEOUT_S = 5.0


@dataclass(frozen=True, slots=True)
class SyncState:
    """What the corner of the desk shows."""

    hub: str  # host/database of the configured hub; '' when there is none
    status: SyncStatus | None
    reachable: bool | None  # None: not tried since the desk started


@dataclass(frozen=True, slots=True)
class Exported:
    path: Path
    manifest: Manifest


@dataclass(slots=True)
class Imported:
    results: list[ImportResult] = field(default_factory=list)
    refused: list[BundleError] = field(default_factory=list)


class _SyncAnswers(QObject):
    """What the sync worker answers; the window's :class:`SyncBackend` relays the same signals."""

    progress = Signal(int, int)
    exported = Signal(object)  # Exported
    imported = Signal(object)  # Imported
    synced = Signal(object)  # SyncResult
    state = Signal(object)  # SyncState
    conflicts_listed = Signal(object)  # list[Conflict]
    probed = Signal(object)  # kiosk.app.sync.Probe
    hub_saved = Signal(str)  # the address kept (without its password)
    failed = Signal(str, str)  # request, message ('' for sync: no hub configured)

    ANSWERS = ("progress", "exported", "imported", "synced", "state",
               "conflicts_listed", "probed", "hub_saved", "failed")  # fmt: skip


class _SyncWorker(_SyncAnswers):
    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path
        self.service: SyncService | None = None
        self.reachable: bool | None = None

    def _open(self) -> SyncService:
        if self.service is None:
            self.service = SyncService.open(self.path)
        return self.service

    def _step(self, done: int, total: int) -> None:
        self.progress.emit(done, total)

    @Slot(str)
    def export(self, folder: str) -> None:
        try:
            path, manifest = self._open().export_bundle(Path(folder), progress=self._step)
        except (BundleError, StorageError) as exc:
            self.failed.emit("export", str(exc))
            return
        self.exported.emit(Exported(path, manifest))
        self.report_state()

    @Slot(object)
    def import_(self, targets: list[str]) -> None:
        files = SyncService.bundle_files(Path(t) for t in targets)
        self.progress.emit(0, len(files))
        try:
            done = self._open().import_bundles(files, progress=self._step)
        except StorageError as exc:
            self.failed.emit("import", str(exc))
            return
        self.imported.emit(Imported(done.results, done.refused))

    @Slot(bool)
    def sync(self, quiet: bool) -> None:
        """Sync with the configured hub (quiet: a background sync, failures only change the
        corner)."""
        try:
            service = self._open()
            if service.hub() is None:
                if not quiet:
                    self.failed.emit("sync", "")
                return
            result = service.sync_with_hub(timeout=3)
        except HubUnavailable as exc:
            self.reachable = False
            if not quiet:
                self.failed.emit("sync", str(exc))
            self.report_state()
            return
        except StorageError as exc:
            self.failed.emit("sync", str(exc))
            return
        self.reachable = True
        self.synced.emit(result)
        self.report_state()

    @Slot()
    def report_state(self) -> None:
        try:
            service = self._open()
            hub = service.hub()
            if hub is None:
                self.state.emit(SyncState("", None, None))
                return
            status = service.status()
        except StorageError as exc:
            log.warning("sync state unavailable: %s", exc)
            return
        self.state.emit(SyncState(service.hub_place(hub), status, self.reachable))

    @Slot(str)
    def probe_hub(self, dsn: str) -> None:
        """Try ``dsn`` (a few seconds at most when nothing answers)."""
        self.probed.emit(SyncService.probe(dsn, timeout=PROBE_TIMEOUT_S))

    @Slot(str)
    def save_hub(self, dsn: str) -> None:
        """Remember ``dsn`` (without its password) as this kiosk's hub; the next background
        sync uses it."""
        try:
            kept = self._open().remember_hub(dsn)
        except (AddressError, StorageError) as exc:
            self.failed.emit("hub", str(exc))
            return
        self.reachable = None
        self.hub_saved.emit(kept)
        self.report_state()

    @Slot()
    def list_conflicts(self) -> None:
        try:
            found: list[Conflict] = self._open().conflicts()
        except StorageError as exc:
            self.failed.emit("conflicts", str(exc))
            return
        self.conflicts_listed.emit(found)

    @Slot()
    def close(self) -> None:
        if self.service is not None:
            self.service.close()
            self.service = None


class SyncBackend(_SyncAnswers):
    """The window's handle on the sync worker."""

    _export = Signal(str)
    _import = Signal(object)
    _sync = Signal(bool)
    _state = Signal()
    _conflicts = Signal()
    _probe = Signal(str)
    _save_hub = Signal(str)
    _close = Signal()

    def __init__(self, path: str, parent: QObject | None = None, *, background: bool = True):
        super().__init__(parent)
        self._thread = QThread(self)
        self._thread.setObjectName("desk-sync")
        self._worker = _SyncWorker(path)
        self._worker.moveToThread(self._thread)
        self._thread.finished.connect(self._worker.deleteLater)
        self._export.connect(self._worker.export)
        self._import.connect(self._worker.import_)
        self._sync.connect(self._worker.sync)
        self._state.connect(self._worker.report_state)
        self._conflicts.connect(self._worker.list_conflicts)
        self._probe.connect(self._worker.probe_hub)
        self._save_hub.connect(self._worker.save_hub)
        self._close.connect(self._worker.close)
        for name in _SyncAnswers.ANSWERS:
            getattr(self._worker, name).connect(getattr(self, name))
        self._thread.start()
        self.timer = QTimer(self)
        self.timer.setInterval(BACKGROUND_INTERVAL_S * 1000)
        self.timer.timeout.connect(lambda: self._sync.emit(True))
        if background:
            self.timer.start()
            self._sync.emit(True)
        else:
            self._state.emit()

    def export(self, folder: str) -> None:
        self._export.emit(folder)

    def import_bundles(self, targets: list[str]) -> None:
        self._import.emit(targets)

    def sync_now(self) -> None:
        self._sync.emit(False)

    def list_conflicts(self) -> None:
        self._conflicts.emit()

    def test_hub(self, dsn: str) -> None:
        """Try a hub address on the sync thread; the answer comes as ``probed``."""
        self._probe.emit(dsn)

    def save_hub(self, dsn: str) -> None:
        """Remember a hub address on the sync thread; ``hub_saved`` or ``failed('hub', …)``."""
        self._save_hub.emit(dsn)

    def shutdown(self) -> None:
        self.timer.stop()
        self._close.emit()
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait()
