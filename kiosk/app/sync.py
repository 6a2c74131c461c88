"""Sync between kiosks, the one way the command line and the desk do it (issue 20): bundles on a
stick, the PostgreSQL hub (its remembered address, a sync, the state shown in the desk's
corner) and the conflicts merging brings to light. The hub's live guard on check-ins is
:mod:`kiosk.app.hubcheck`, which ``Desk.scan`` attaches; it shares the remembered hub with this
service and loads neither psycopg nor the sync package when there is no hub.

``kiosk sync …``, ``kiosk conflicts``, a report ``--hub`` and the desk's Sync dialog all come
here (``Desk.sync``); none of them builds a hub session or reads the remembered hub itself.
psycopg is imported only when a hub connection is opened or an address is read (the hub
session, :mod:`kiosk.sync.hub`, is imported inside the methods that use it): the desk's
start-up and ``kiosk checkin`` never load it (issue 21).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.app.hubcheck import (
    DEFAULT_SCHEMA,
    GUARD_DEADLINE,
    HUB_ENV,
    Hub,
    remembered_hub,
)
from kiosk.storage import events
from kiosk.storage.database import Database
from kiosk.storage.errors import StorageError
from kiosk.storage.events import Kiosk
from kiosk.sync import address
from kiosk.sync.address import AddressError, Probe, Reach
from kiosk.sync.bundle import (
    BundleError,
    ImportResult,
    Manifest,
    Problem,
    Progress,
    bundle_files,
    export_bundle,
    import_bundle,
)

if TYPE_CHECKING:  # the front ends name these types; at run time they come with the results
    from kiosk.reports.conflicts import Conflict as Conflict
    from kiosk.sync.hub import SyncResult as SyncResult
    from kiosk.sync.hub import SyncStatus as SyncStatus

__all__ = [
    "DEFAULT_SCHEMA",
    "GUARD_DEADLINE",
    "HUB_ENV",
    "AddressError",
    "BundleError",
    "BundleImports",
    "Hub",
    "HubUnavailable",
    "ImportResult",
    "Manifest",
    "NoHub",
    "Probe",
    "Problem",
    "Progress",
    "Reach",
    "StorageError",
    "SyncService",
    "check_address",
    "has_password",
    "shown_address",
]

check_address = address.check_address
has_password = address.has_password
shown_address = address.shown_address


class NoHub(Exception):
    """No hub was named and this kiosk knows none; ``str()`` says how to name one."""


class HubUnavailable(Exception):
    """The hub could not be reached or refused the work; nothing local was lost, the kiosk
    works on and the next sync catches up. ``str()`` says what happened, for staff."""


@dataclass(slots=True)
class BundleImports:
    """What importing several bundles did: each one merged, or refused whole."""

    results: list[ImportResult] = field(default_factory=list)
    refused: list[BundleError] = field(default_factory=list)


class SyncService:
    """Sync for one event file and kiosk (``Desk.sync``; the desk's sync thread builds its own
    on its own connection)."""

    def __init__(self, db: Database, kiosk: Kiosk | None = None) -> None:
        self.db = db
        self._kiosk = kiosk

    @classmethod
    def open(cls, path: str | Path) -> SyncService:
        """The sync service of the event file ``path`` on a connection of its own, with a
        small page cache (the desk's sync thread: it reads a little at a time all day);
        :class:`StorageError` when the file cannot be used. Close it with :meth:`close`."""
        return cls(Database(path, cache_kib=Database.SIDE_CACHE_KIB))

    def close(self) -> None:
        self.db.close()

    @property
    def kiosk(self) -> Kiosk:
        if self._kiosk is None:
            self._kiosk = events.local_kiosk(self.db)
        return self._kiosk

    @property
    def timezone(self) -> str:
        """The event's time zone: scan times in conflicts are shown in it."""
        return events.event_info(self.db).timezone

    # -- the hub's address ---------------------------------------------------------------------

    def hub(self) -> Hub | None:
        """The hub this kiosk syncs with ($KIOSK_HUB_DSN, else the one remembered), or None."""
        return remembered_hub(self.db)

    def hub_for(self, dsn: str | None = None, schema: str | None = None) -> Hub:
        """The hub named (``dsn``; the schema in use unless ``schema``), else the remembered
        one; :class:`NoHub` when there is neither."""
        known = self.hub()
        if dsn:
            return Hub(dsn, schema or (known.schema if known else DEFAULT_SCHEMA))
        if known is None:
            raise NoHub(
                "no hub given and none used before — name it with --dsn "
                "postgresql://HOST/DATABASE (or set KIOSK_HUB_DSN)."
            )
        return Hub(known.dsn, schema or known.schema, known.from_environment)

    def remember_hub(self, dsn: str) -> str:
        """Keep ``dsn`` (without its password) as this kiosk's hub, with the schema in use;
        returns what was kept. :class:`AddressError` when it is not a hub address."""
        known = self.hub()
        return address.remember_hub(self.db, dsn, known.schema if known else DEFAULT_SCHEMA)

    @staticmethod
    def probe(dsn: str, *, timeout: float = 5.0) -> Probe:
        """Try a hub address (``SELECT 1``) and say in plain words what happened."""
        return address.probe(dsn, timeout=timeout)

    @staticmethod
    def hub_place(hub: Hub) -> str:
        """host/database of a hub, for the desk's corner (never the password)."""
        return address.host_and_database(hub.dsn)

    # -- the hub -------------------------------------------------------------------------------

    def sync_with_hub(
        self, dsn: str | None = None, schema: str | None = None, *, timeout: float = 5.0
    ) -> SyncResult:
        """Push this kiosk's news to the hub and pull everyone else's (the hub named, else the
        remembered one). :class:`NoHub`, or :class:`HubUnavailable` when it cannot be reached."""
        from kiosk.sync.hub import HubError, HubSession

        hub = self.hub_for(dsn, schema)
        try:
            return HubSession(self.db, hub.dsn, schema=hub.schema, kiosk=self.kiosk,
                              timeout=timeout).sync()  # fmt: skip
        except HubError as exc:
            raise HubUnavailable(str(exc)) from exc

    def status(self, dsn: str | None = None, schema: str | None = None) -> SyncStatus:
        """This kiosk's state with a hub: last sync, scans the hub has not confirmed, last
        error (read from this file; nothing is sent)."""
        from kiosk.sync.hub import HubSession

        hub = self.hub_for(dsn, schema)
        return HubSession(self.db, hub.dsn, schema=hub.schema, kiosk=self.kiosk).status()

    # -- bundles -------------------------------------------------------------------------------

    def export_bundle(
        self, folder: Path, *, everything: bool = True, progress: Progress | None = None
    ) -> tuple[Path, Manifest]:
        """Write the scan log and the roster to a new bundle in ``folder`` (every kiosk's scans
        this file holds, or only this computer's); :class:`BundleError` if it cannot."""
        return export_bundle(self.db, folder, everything=everything, progress=progress)

    @staticmethod
    def bundle_files(targets: Iterable[Path]) -> list[Path]:
        """The bundles the paths name: each file, and every bundle in each folder."""
        return [f for target in targets for f in bundle_files(target)]

    def import_bundles(
        self, files: Iterable[Path], *, progress: Progress | None = None
    ) -> BundleImports:
        """Verify and merge each bundle in turn (each one whole or not at all; importing one
        twice changes nothing)."""
        files = list(files)
        done = BundleImports()
        for n, path in enumerate(files, start=1):
            try:
                done.results.append(import_bundle(self.db, path))
            except BundleError as exc:
                done.refused.append(exc)
            if progress:
                progress(n, len(files))
        return done

    # -- after merging -------------------------------------------------------------------------

    def conflicts(self) -> list[Conflict]:
        """People admitted more than once where a list admits once, after merging kiosks."""
        from kiosk.reports.conflicts import conflicts

        return conflicts(self.db)
