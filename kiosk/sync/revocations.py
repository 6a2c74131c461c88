"""Revocation lists through the hub: each sync leaves the newest signed list at the hub and
takes it from there.

The hub keeps one document per event, the signed list exactly as the organizer's key made it.
A kiosk pushes the list it holds when the hub's is older (or absent), and takes the hub's when
it is newer than its own, after the same checks as a file import (``kiosk keys
import-revocations``): signed by a key this kiosk trusts, for this event, a serial above the one
held. An older list never replaces a newer one, at the hub or at a kiosk. A list that fails the
checks is left alone and said why; the sync goes on.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg

from kiosk.storage import keys
from kiosk.storage.database import Database

log = logging.getLogger(__name__)

#: The hub migration that adds the table (appended to hub.HUB_MIGRATIONS).
HUB_MIGRATION = """
    CREATE TABLE hub_revocation (
        event_uid text PRIMARY KEY,
        serial bigint NOT NULL,
        document text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
    );
"""


@dataclass(frozen=True, slots=True)
class RevocationSync:
    """What one sync did with revocation lists."""

    pushed: int = 0  # serial of the list this kiosk left at the hub (0: none)
    taken: int = 0  # serial of the list taken from the hub (0: none)
    refused: str = ""  # why the hub's newer list was not taken ('' if it was, or none)


def sync_revocations(
    conn: psycopg.Connection[Any], db: Database, event_uid: str
) -> RevocationSync:
    """Push the list held here if the hub's is older; take the hub's if it is newer."""
    held = keys.held_revocations(db.conn)
    pushed = 0
    if held is not None:
        (document,) = db.conn.execute(
            "SELECT document FROM revocation_list WHERE id = 1"
        ).fetchone()
        with conn.transaction():
            done = conn.execute(
                "INSERT INTO hub_revocation AS r (event_uid, serial, document) "
                "VALUES (%s, %s, %s) ON CONFLICT (event_uid) DO UPDATE SET "
                "serial = excluded.serial, document = excluded.document, updated_at = now() "
                "WHERE excluded.serial > r.serial",
                (event_uid, held.serial, document),
            )
            pushed = held.serial if done.rowcount else 0
    row = conn.execute(
        "SELECT serial, document FROM hub_revocation WHERE event_uid = %s", (event_uid,)
    ).fetchone()
    if row is None or (held is not None and int(row[0]) <= held.serial):
        return RevocationSync(pushed)
    serial, document = int(row[0]), str(row[1])
    label = Path(f"the hub's revocation list {serial}")
    trusted = [k.raw for k in keys.trusted_keys(db.conn)]
    if not trusted:
        why = (
            f"{label} was not taken: this kiosk holds no public key to check it with — add one "
            "with 'kiosk keys add-public'."
        )
        log.warning(why)
        return RevocationSync(pushed, refused=why)
    from kiosk.tickets import signing  # only kiosks that meet a list load cryptography

    try:
        rl = signing.read_revocations(label, document.encode("utf-8"), trusted, event_uid)
    except signing.SigningError as exc:
        log.warning("%s", exc)
        return RevocationSync(pushed, refused=str(exc))
    try:
        keys.replace_revocations(db, rl.serial, rl.issued_at, rl.key_id, document, rl.revoked)
    except keys.StaleRevocations as exc:  # the signed serial is not above the one held
        log.warning("%s: %s", label, exc)
        return RevocationSync(pushed, refused=f"{label}: {exc}")
    return RevocationSync(pushed, taken=rl.serial)
