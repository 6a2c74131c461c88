"""The B2B meeting slip: a person's meetings of the day for a roll or a page, written as a PDF or
PNG or printed after the badge (kept apart from kiosk.app.meetings, so a check-in loads no
imaging code)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from PIL import Image

from kiosk.app.checkin import Clock, utc_now
from kiosk.app.meetings import MeetingError, MeetingsService
from kiosk.badges.slip import PAPERS, SlipData, SlipMeeting, render_slip
from kiosk.core.model import Attendee
from kiosk.core.text import fold
from kiosk.reports.export import write_atomic
from kiosk.storage import attendees, events
from kiosk.storage.database import Database

SLIP_PAPERS = tuple(PAPERS)


def slip_language(language: str) -> str:
    """The slip's language for a registration's language field ('bg', 'Română', 'EN'…)."""
    key = fold(language)[:2]
    return {"bu": "bg", "bg": "bg", "ro": "ro"}.get(key, "en")


class SlipMaker:
    """A person's meetings of a day as a slip, for a paper or a printer's media."""

    def __init__(self, db: Database, clock: Clock = utc_now) -> None:
        self.db = db
        self.service = MeetingsService(db, clock=clock)

    def person(self, code: str) -> Attendee:
        with self.db.read() as conn:
            found = attendees.find_by_code(conn, code)
        if found is None:
            raise MeetingError("unknown_code", f"No registration has the code '{code}'.")
        return found

    def data(self, person: Attendee, day: date, language: str | None = None) -> SlipData:
        record = attendees.record(self.db, person.id)
        meetings = self.service.for_person(person.uid, day)
        return SlipData(
            event_name=self.service.event.name,
            person=person.name,
            day=day,
            meetings=tuple(
                SlipMeeting(
                    m.start,
                    m.end,
                    m.location,
                    m.partner_of(person.uid).name,
                    m.partner_of(person.uid).organization,
                    m.partner_of(person.uid).country,
                )
                for m in meetings
            ),
            language=language or slip_language(record.language if record else ""),
        )

    def images(self, data: SlipData, paper: str) -> tuple[list[Image.Image], int]:
        """The slip's images on a named paper (roll-80mm, roll-58mm, A6, A4) and their dpi."""
        width, height, dpi = PAPERS[paper]
        return render_slip(data, width, dpi, page_height_px=height, thermal=height is None), dpi

    def write(self, data: SlipData, paper: str, path: Path) -> Path:
        """Write the slip as a PDF (one page per page of paper) or a PNG (the first page)."""
        images, dpi = self.images(data, paper)
        buffer = io.BytesIO()
        if path.suffix.lower() == ".pdf":
            pages = [i.convert("L") for i in images]
            pages[0].save(buffer, "PDF", resolution=dpi, save_all=True, append_images=pages[1:])
        elif path.suffix.lower() == ".png":
            images[0].save(buffer, "PNG", dpi=(dpi, dpi))
        else:
            raise MeetingError("bad_format", f"{path.name}: write the slip as .pdf or .png.")
        write_atomic(path, buffer.getvalue())
        return path

    def for_printer(
        self,
        person: Attendee,
        day: date,
        width_px: int,
        dpi: int,
        height_px: int | None,
        thermal: bool,
    ) -> list[Image.Image]:
        """The slip at a printer's media; no images when the person has no meetings that day."""
        data = self.data(person, day)
        if not data.meetings:
            return []
        return render_slip(data, width_px, dpi, page_height_px=height_px, thermal=thermal)


def slip_setting(db: Database, kiosk_name: str | None = None, on: bool | None = None) -> bool:
    """Whether this kiosk (or the named one) prints meeting slips after badges; ``on`` sets it."""
    from kiosk.app.printing import SlipPolicy, print_service

    service = print_service(db, events.local_kiosk(db, kiosk_name))
    if on is not None:
        service.set_slip_policy(SlipPolicy.WITH_BADGE if on else SlipPolicy.NEVER)
    return service.slip_policy() is SlipPolicy.WITH_BADGE
