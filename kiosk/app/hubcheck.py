"""The hub a kiosk syncs with, and its live "admitted elsewhere?" check on every check-in path
(desk, self-service kiosk, CLI) — the light half of :mod:`kiosk.app.sync`.

Where a hub is configured ($KIOSK_HUB_DSN, or the hub this kiosk last synced with), a check-in
service asks it for the person's scans at other kiosks before deciding (300 ms at most; see
:mod:`kiosk.sync.guard`) and announces each scan once it is on disk.

This module imports neither psycopg nor the sync package: a kiosk with no hub reads one row of
its own file to learn so, and ``kiosk checkin`` stays fast (issue 21). The driver is loaded
when a hub is there to be asked.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from kiosk.app.checkin import CheckinService
from kiosk.storage import syncstate
from kiosk.storage.database import Database

#: How long a scan waits for the hub's answer (kiosk.sync.guard.DEFAULT_DEADLINE).
GUARD_DEADLINE = 0.3
#: The environment variable that names the hub; it takes precedence over a saved address.
HUB_ENV = "KIOSK_HUB_DSN"
#: The PostgreSQL schema of the hub's tables when none is named.
DEFAULT_SCHEMA = syncstate.DEFAULT_HUB_SCHEMA


@dataclass(frozen=True, slots=True)
class Hub:
    """The hub to sync with: its address (as given; a saved one holds no password), the schema
    of its tables, and whether $KIOSK_HUB_DSN named it (then the desk cannot change it)."""

    dsn: str
    schema: str = DEFAULT_SCHEMA
    from_environment: bool = False


def environment_hub() -> str:
    """The hub address set in $KIOSK_HUB_DSN ('' when none)."""
    return os.environ.get(HUB_ENV, "").strip()


def remembered_hub(db: Database) -> Hub | None:
    """The hub this kiosk syncs with: $KIOSK_HUB_DSN (with the saved schema), else the one it
    last synced with or was given in the desk's Sync dialog; None when there is none."""
    with db.read() as conn:
        saved = syncstate.saved_hub(conn)
    schema = saved[1] if saved else DEFAULT_SCHEMA
    given = environment_hub()
    if given:
        return Hub(given, schema, from_environment=True)
    return Hub(saved[0], schema) if saved else None


def attach_hub_guard(service: CheckinService) -> bool:
    """Let ``service`` ask the configured hub before each scan; False when there is no hub.
    Cheap to call before every scan: a hub configured during the day is used from the next
    scan on."""
    if service.remote is not None:
        return True
    hub = remembered_hub(service.db)
    if hub is None:
        return False
    from kiosk.sync.guard import HubGuard  # loads psycopg: only where there is a hub

    guard = HubGuard(
        hub.dsn, service.event.uid, service.kiosk.id, schema=hub.schema, deadline=GUARD_DEADLINE
    )
    guard.warm()
    service.remote = guard
    return True


def detach_hub_guard(service: CheckinService | None, *, drain: float = 0.0) -> None:
    """Stop asking the hub; first wait up to ``drain`` seconds for announcements to go out."""
    if service is None or service.remote is None:
        return
    from kiosk.sync.guard import HubGuard

    if isinstance(service.remote, HubGuard):
        if drain:
            service.remote.drain(drain)
        service.remote.close()
        service.remote = None
