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
from typing import TYPE_CHECKING, Any

import psycopg

from kiosk.storage import hub, keys
from kiosk.storage.database import Database

if TYPE_CHECKING:
    from kiosk.tickets.signing import RevocationList

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RevocationSync:
    """What one sync did with revocation lists."""

    pushed: int = 0  # serial of the list this kiosk left at the hub (0: none)
    taken: int = 0  # serial of the list taken from the hub (0: none)
    refused: str = ""  # why the hub's newer list was not taken ('' if it was, or none)


def sync_revocations(conn: psycopg.Connection[Any], db: Database, event_uid: str) -> RevocationSync:
    """Push the list held here if the hub's is older; take the hub's if it is newer.

    "Older" and "newer" are judged by the serial the organizer's key signed, not by the hub's
    serial column: the hub is storage anyone with its password can write. A document there that
    does not verify (forged, altered, another event's) is replaced by a genuine list this kiosk
    holds, so that it cannot block the organizer's newer lists from reaching the kiosks.
    """
    with db.read() as here:
        held = keys.held_revocations(here)
        trusted = [k.raw for k in keys.trusted_keys(here)]
    pushed = 0
    with conn.transaction():
        row = hub.revocation_for_update(conn, event_uid)
        at_hub, why = _verify(row, trusted, event_uid)
        hub_serial = at_hub.serial if at_hub is not None else 0
        # What may be overwritten whatever its serial column says: a document the keys held
        # here prove is not the organizer's.
        replaceable = str(row[1]) if row is not None and at_hub is None and trusted else ""
        if held is not None and held.serial > hub_serial:
            with db.read() as here:
                document = keys.held_revocation_document(here) or ""
            # Replaces an older list, or one that did not verify here (matched by its text, so
            # a genuine newer list another kiosk left meanwhile is never overwritten).
            done = hub.offer_revocation(conn, event_uid, held.serial, document, replaceable)
            pushed = held.serial if done else 0
            if pushed and replaceable:
                log.warning("%s It was replaced by this kiosk's list %d.", why, held.serial)
    if at_hub is None:
        return RevocationSync(pushed, refused="" if pushed or row is None else why)
    if held is not None and at_hub.serial <= held.serial:
        return RevocationSync(pushed)
    document = str(row[1]) if row is not None else ""
    label = _label(at_hub.serial)
    try:
        keys.replace_revocations(
            db, at_hub.serial, at_hub.issued_at, at_hub.key_id, document, at_hub.revoked
        )
    except keys.StaleRevocations as exc:  # the signed serial is not above the one held
        log.warning("%s: %s", label, exc)
        return RevocationSync(pushed, refused=f"{label}: {exc}")
    return RevocationSync(pushed, taken=at_hub.serial)


def _label(serial: int) -> Path:
    return Path(f"the hub's revocation list {serial}")


def _verify(
    row: tuple[Any, ...] | None, trusted: list[bytes], event_uid: str
) -> tuple[RevocationList | None, str]:
    """The hub's list if it verifies here (with its signed serial), else None and why not."""
    if row is None:
        return None, ""
    serial, document = int(row[0]), str(row[1])
    label = _label(serial)
    if not trusted:
        why = (
            f"{label} was not taken: this kiosk holds no public key to check it with — add one "
            "with 'kiosk keys add-public'."
        )
        log.warning(why)
        return None, why
    from kiosk.tickets import signing  # only kiosks that meet a list load cryptography

    try:
        rl = signing.read_revocations(label, document.encode("utf-8"), trusted, event_uid)
    except signing.SigningError as exc:
        log.warning("%s", exc)
        return None, str(exc)
    if rl.serial != serial:
        why = f"{label}: its signed serial is {rl.serial} — the hub's record was altered."
        log.warning(why)
        return None, why
    return rl, ""
