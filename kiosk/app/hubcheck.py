"""The hub's live "admitted elsewhere?" check, for every check-in path (desk, kiosk, CLI).

Where a hub is configured ($KIOSK_HUB_DSN, or the hub this kiosk last synced with), a check-in
service asks it for the person's scans at other kiosks before deciding (300 ms at most; see
:mod:`kiosk.sync.guard`) and announces each scan once it is on disk.
"""

from __future__ import annotations

import os

from kiosk.app.checkin import CheckinService
from kiosk.storage import replica

#: How long a scan waits for the hub's answer (kiosk.sync.guard.DEFAULT_DEADLINE).
GUARD_DEADLINE = 0.3


def attach_hub_guard(service: CheckinService) -> bool:
    """Let ``service`` ask the configured hub before each scan; False when there is no hub.
    Cheap to call before every scan: a hub configured during the day is used from the next
    scan on."""
    if service.remote is not None:
        return True
    # Read without the sync package: a kiosk with no hub never loads psycopg for a check-in.
    if not (os.environ.get("KIOSK_HUB_DSN", "").strip() or replica.get_state(
        service.db.conn, "hub", "dsn"
    )):
        return False
    from kiosk.sync.guard import HubGuard
    from kiosk.sync.hub import remembered_hub

    hub = remembered_hub(service.db)
    if hub is None:
        return False
    guard = HubGuard(
        hub[0], service.event.uid, service.kiosk.id, schema=hub[1], deadline=GUARD_DEADLINE
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
