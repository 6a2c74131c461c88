"""The desk's sync work, off the GUI thread: bundle export and import, hub syncs (on request
and every half minute in the background when a hub is configured), the conflict list.

Signals carry plain values from kiosk.sync and kiosk.reports; the window never waits.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from kiosk.app import hubcheck
from kiosk.reports.conflicts import Conflict, conflicts
from kiosk.storage.database import Database
from kiosk.storage.errors import StorageError
from kiosk.sync.address import AddressError, probe, remember_hub
from kiosk.sync.bundle import (
    BundleError,
    ImportResult,
    Manifest,
    bundle_files,
    export_bundle,
    import_bundle,
)
from kiosk.sync.hub import DEFAULT_SCHEMA, HubError, HubSession, SyncStatus, remembered_hub

log = logging.getLogger(__name__)

#: How long a desk scan waits for the hub's "admitted elsewhere?" answer.
GUARD_DEADLINE = hubcheck.GUARD_DEADLINE

#: Seconds between background syncs while a hub is configured.
BACKGROUND_INTERVAL_S = 30
#: How long "Test connection" waits for a hub that does not answer.
PROBE_TIMEOUT_S = 5.0

# The hub check lives in kiosk.app (the CLI uses it too); kept under these names here.
attach_hub_guard = hubcheck.attach_hub_guard
detach_hub_guard = hubcheck.detach_hub_guard


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


class _SyncWorker(QObject):
    progress = Signal(int, int)
    exported = Signal(object)  # Exported
    imported = Signal(object)  # Imported
    synced = Signal(object)  # SyncResult
    state = Signal(object)  # SyncState
    conflicts_listed = Signal(object)  # list[Conflict]
    probed = Signal(object)  # kiosk.sync.address.Probe
    hub_saved = Signal(str)  # the address kept (without its password)
    failed = Signal(str, str)  # request, message

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path
        self.db: Database | None = None
        self.reachable: bool | None = None

    def _open(self) -> Database:
        if self.db is None:
            self.db = Database(self.path, cache_kib=Database.SIDE_CACHE_KIB)
        return self.db

    def _step(self, done: int, total: int) -> None:
        self.progress.emit(done, total)

    @Slot(str)
    def export(self, folder: str) -> None:
        try:
            path, manifest = export_bundle(self._open(), Path(folder), progress=self._step)
        except (BundleError, StorageError) as exc:
            self.failed.emit("export", str(exc))
            return
        self.exported.emit(Exported(path, manifest))
        self.report_state()

    @Slot(object)
    def import_(self, targets: list[str]) -> None:
        files = [f for t in targets for f in bundle_files(Path(t))]
        done = Imported()
        self.progress.emit(0, len(files))
        try:
            db = self._open()
            for n, path in enumerate(files, start=1):
                try:
                    done.results.append(import_bundle(db, path))
                except BundleError as exc:
                    done.refused.append(exc)
                self.progress.emit(n, len(files))
        except StorageError as exc:
            self.failed.emit("import", str(exc))
            return
        self.imported.emit(done)

    @Slot(bool)
    def sync(self, quiet: bool) -> None:
        """Sync with the configured hub (quiet: a background sync, failures only change the
        corner)."""
        try:
            db = self._open()
            hub = remembered_hub(db)
            if hub is None:
                if not quiet:
                    self.failed.emit("sync", "")
                return
            result = HubSession(db, hub[0], schema=hub[1], timeout=3).sync()
        except HubError as exc:
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
            db = self._open()
            hub = remembered_hub(db)
            if hub is None:
                self.state.emit(SyncState("", None, None))
                return
            status = HubSession(db, hub[0], schema=hub[1]).status()
        except (StorageError, HubError) as exc:
            log.warning("sync state unavailable: %s", exc)
            return
        self.state.emit(SyncState(_where(hub[0]), status, self.reachable))

    @Slot(str)
    def probe_hub(self, dsn: str) -> None:
        """Try ``dsn`` (a few seconds at most when nothing answers)."""
        self.probed.emit(probe(dsn, timeout=PROBE_TIMEOUT_S))

    @Slot(str)
    def save_hub(self, dsn: str) -> None:
        """Remember ``dsn`` (without its password) as this kiosk's hub; the next background
        sync uses it."""
        try:
            db = self._open()
            known = remembered_hub(db)  # a new address keeps the schema in use
            kept = remember_hub(db, dsn, known[1] if known else DEFAULT_SCHEMA)
        except (AddressError, StorageError) as exc:
            self.failed.emit("hub", str(exc))
            return
        self.reachable = None
        self.hub_saved.emit(kept)
        self.report_state()

    @Slot()
    def list_conflicts(self) -> None:
        try:
            found: list[Conflict] = conflicts(self._open())
        except StorageError as exc:
            self.failed.emit("conflicts", str(exc))
            return
        self.conflicts_listed.emit(found)

    @Slot()
    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None


def _where(dsn: str) -> str:
    from psycopg.conninfo import conninfo_to_dict

    info = conninfo_to_dict(dsn)
    return f"{info.get('host', 'localhost')}/{info.get('dbname', '')}"


class SyncBackend(QObject):
    """The window's handle on the sync worker."""

    progress = Signal(int, int)
    exported = Signal(object)  # Exported
    imported = Signal(object)  # Imported
    synced = Signal(object)  # SyncResult
    state = Signal(object)  # SyncState
    conflicts_listed = Signal(object)  # list[Conflict]
    probed = Signal(object)  # kiosk.sync.address.Probe
    hub_saved = Signal(str)
    failed = Signal(str, str)  # request, message ('' for sync: no hub configured)

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
        for name in ("progress", "exported", "imported", "synced", "state",
                     "conflicts_listed", "probed", "hub_saved", "failed"):  # fmt: skip
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
