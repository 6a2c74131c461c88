"""QR tickets to mail: who gets one, and the folder of ticket images with its mail-merge CSV."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.core.model import Attendee
from kiosk.storage import events, roster
from kiosk.storage.database import Database
from kiosk.tickets.images import TicketFiles
from kiosk.tickets.images import write_tickets as write_ticket_images


@dataclass(frozen=True, slots=True)
class TicketBatch:
    """The people to write tickets for, and the event name printed on them."""

    event_name: str
    people: list[Attendee]


def ticket_batch(db: Database, *, include_cancelled: bool = False) -> TicketBatch:
    """Everyone active (also the cancelled with ``include_cancelled``), in registration order."""
    return TicketBatch(
        events.event_info(db).name,
        roster.people(db, order="id", include_cancelled=include_cancelled),
    )


def write_tickets(
    batch: TicketBatch,
    folder: Path,
    *,
    qr_text: Callable[[Attendee], str] | None = None,
    delimiter: str = ",",
    progress: Callable[[int, int], None] | None = None,
) -> TicketFiles:
    """One PNG per person plus ``mail-merge.csv`` in ``folder``; ``qr_text`` gives what each
    QR says instead of the ticket code (signed codes)."""
    return write_ticket_images(
        batch.people,
        folder,
        batch.event_name,
        progress=progress,
        qr_text=qr_text,
        delimiter=delimiter,
    )


__all__ = ["TicketBatch", "TicketFiles", "ticket_batch", "write_tickets"]
