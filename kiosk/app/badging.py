"""Badges as pictures and files: the composition of templates and rendering that the print
queue, the command line and the desk share — one person's badge, a preview, a printer's test
page, and pre-printed badges for everyone (or everyone expected on a list) as one PDF of sheets,
with progress and cancelling."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from PIL import Image

from kiosk.app.checkin import Clock, utc_now
from kiosk.badges.render import BadgeData, BadgeError, render_badge
from kiosk.badges.sheets import sheet_pages, write_pdf
from kiosk.badges.template import (
    BadgeTemplate,
    SheetTemplate,
    TemplateError,
    TemplateInfo,
    list_templates,
    load_badge_template,
    load_sheet_template,
)
from kiosk.core.decide import coverage_hint, expected_on
from kiosk.core.model import Attendee, AttendeeStatus, CheckinList
from kiosk.core.timeutil import local_day
from kiosk.printing.base import Media
from kiosk.storage import attendees, events, roster
from kiosk.storage.database import Database

#: The orders badges can be pre-printed in (sheets are cut and sorted into boxes by this).
BADGE_ORDERS = ("last-name", "organization", "country", "code")
DEFAULT_ORDER = "last-name"
DEFAULT_SHEET = "a4-sheet"

#: ``progress(done, total)``: badges drawn so far, of how many.
Progress = Callable[[int, int], None]


@lru_cache(maxsize=16)
def badge_template(name: str) -> BadgeTemplate:
    """A badge template by built-in name or path, loaded once (raises TemplateError)."""
    return load_badge_template(name)


def sheet_template(name: str) -> SheetTemplate:
    """A sheet template (badges on A4 or Letter) by built-in name or path (raises
    TemplateError)."""
    return load_sheet_template(name)


def templates(kind: str | None = None) -> list[TemplateInfo]:
    """The built-in templates (only ``"badge"`` or ``"sheet"`` ones when ``kind`` says)."""
    return [t for t in list_templates() if kind is None or t.kind == kind]


def badge_renderer(event_name: str) -> Callable[[Attendee, str], Image.Image]:
    """``render(attendee, template name)`` for the print queue."""

    def render(attendee: Attendee, template: str) -> Image.Image:
        return render_badge(BadgeData.from_attendee(attendee, event_name), badge_template(template))

    return render


def person_by_code(db: Database, code: str) -> Attendee | None:
    """The attendee a ticket code belongs to (as a scanner or a person types it)."""
    with db.read() as conn:
        return attendees.find_by_code(conn, code.strip())


def preview_badge(db: Database, template: str) -> Image.Image | None:
    """The badge of the attendee with the longest name in ``template`` (to see how long names
    fit), or None when the event has nobody yet; raises TemplateError or BadgeError."""
    person = roster.longest_name(db)
    if person is None:
        return None
    return render_badge(
        BadgeData.from_attendee(person, events.event_info(db).name), badge_template(template)
    )


def print_test_page(db: Database | None, uri: str) -> Media:
    """Print a test page with every character of the event's names on the printer at ``uri``
    (raises PrinterError); returns the printer's media, to tell staff what it prints on."""
    from kiosk.app.printing import open_printer
    from kiosk.printing.testpage import test_page

    names = roster.name_lines(db) if db is not None else []
    printer = open_printer(uri)
    try:
        media = printer.media
        printer.print_image(test_page(media.width_px, media.dpi, names, uri=uri))
    finally:
        printer.close()
    return media


class BadgeFileError(ValueError):
    """A badge file that cannot be written as asked; the message says what to do."""


def write_badge(db: Database, person: Attendee, template: str, output: Path) -> Path:
    """Draw one person's badge into a PNG or PDF file (nothing is printed or logged). The file
    appears only complete."""
    suffix = output.suffix.lower()
    if suffix not in (".png", ".pdf"):
        raise BadgeFileError(f"{output}: write a .png or a .pdf file.")
    chosen = badge_template(template)
    image = render_badge(BadgeData.from_attendee(person, events.event_info(db).name), chosen)
    dpi = chosen.page.dpi
    if suffix == ".pdf":
        write_pdf([image.convert("RGB")], output, dpi)
    else:
        temporary = output.with_name(output.name + ".part")
        image.save(temporary, format="PNG", dpi=(dpi, dpi))
        temporary.replace(output)
    return output


# --- pre-printing -----------------------------------------------------------------------------


class BatchCancelled(Exception):
    """Staff cancelled a run of badges; nothing was written."""


class Cancel:
    """A cancel button for a run of badges that another thread may press."""

    def __init__(self) -> None:
        self._pressed = threading.Event()

    def press(self) -> None:
        self._pressed.set()

    @property
    def pressed(self) -> bool:
        return self._pressed.is_set()


@dataclass(frozen=True, slots=True)
class BadgesWritten:
    path: Path
    badges: int
    pages: int


def on_list(person: Attendee, lst: CheckinList, today: date, *, cancelled_too: bool) -> bool:
    """Whether ``person`` gets a badge for ``lst``: expected on it by the check-in rule
    (:func:`kiosk.core.decide.expected_on` — their days and the list's categories). A list
    without a day takes people on any day they come (``today`` stands for "any day" for
    people registered for every day). With ``cancelled_too``, cancelled registrations that
    the list would otherwise take are kept."""
    days = [lst.day] if lst.day is not None else sorted(person.days) or [today]
    if cancelled_too and person.status is AttendeeStatus.CANCELLED:
        return any(coverage_hint(person, lst, day) is None for day in days)
    return any(expected_on(person, lst, day) for day in days)


@dataclass(frozen=True, slots=True)
class BadgeBatch:
    """The people to pre-print badges for, in order, and the event name on the badges."""

    event_name: str
    people: list[Attendee]


def badge_batch(
    db: Database,
    *,
    list_id: int | None = None,
    order: str = DEFAULT_ORDER,
    include_cancelled: bool = False,
    clock: Clock = utc_now,
) -> BadgeBatch:
    """Who gets a pre-printed badge: everyone active (also the cancelled with
    ``include_cancelled``), or only those expected on the check-in list ``list_id``, in one of
    :data:`BADGE_ORDERS`. Raises BadgeFileError for a list or order that does not exist."""
    if order not in BADGE_ORDERS:
        raise BadgeFileError(
            f"Badges cannot be sorted by {order!r}: use {', '.join(BADGE_ORDERS)}."
        )
    info = events.event_info(db)
    people = roster.people(db, order=order, include_cancelled=include_cancelled)
    if list_id is not None:
        chosen = events.checkin_list(db, list_id)
        if chosen is None:
            raise BadgeFileError(f"There is no check-in list {list_id}.")
        today = local_day(clock(), info.timezone)
        people = [p for p in people if on_list(p, chosen, today, cancelled_too=include_cancelled)]
    return BadgeBatch(info.name, people)


def write_badges_pdf(
    batch: BadgeBatch,
    output: Path,
    *,
    template: str = DEFAULT_SHEET,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> BadgesWritten:
    """Pre-print the batch's badges on sheets (A4 or Letter) as one PDF for an office printer.

    ``progress(done, total)`` hears after each sheet how many badges are drawn. When ``cancel``
    is pressed the run stops at the next badge and raises :class:`BatchCancelled`: the PDF is
    written only complete, so nothing (not even part of a file) is left behind. Raises
    TemplateError for a template that is not a sheet, BadgeError when there is nobody."""
    sheet = sheet_template(template)
    if not batch.people:
        raise BadgeError("Nobody to print: the event has no such attendees.")
    total = len(batch.people)

    def datas() -> Iterator[BadgeData]:
        for person in batch.people:
            if cancel is not None and cancel.pressed:
                raise BatchCancelled
            yield BadgeData.from_attendee(person, batch.event_name)

    def step(pages: int) -> None:
        if cancel is not None and cancel.pressed:
            raise BatchCancelled
        if progress is not None:
            progress(min(total, pages * sheet.per_page), total)

    if progress is not None:
        progress(0, total)
    pages = write_pdf(sheet_pages(datas(), sheet), output, sheet.dpi, progress=step)
    return BadgesWritten(output, total, pages)


class Badges:
    """The event's badges as pictures and files, on one thread's connection: what the desk's
    dialogs and the command line ask of :mod:`kiosk.app.badging`."""

    def __init__(self, db: Database, clock: Clock = utc_now) -> None:
        self.db = db
        self.clock = clock

    def person(self, code: str) -> Attendee | None:
        return person_by_code(self.db, code)

    def preview(self, template: str) -> Image.Image | None:
        return preview_badge(self.db, template)

    def write(self, person: Attendee, template: str, output: Path) -> Path:
        return write_badge(self.db, person, template, output)

    def test_page(self, uri: str) -> Media:
        return print_test_page(self.db, uri)

    def batch(
        self,
        *,
        list_id: int | None = None,
        order: str = DEFAULT_ORDER,
        include_cancelled: bool = False,
    ) -> BadgeBatch:
        return badge_batch(
            self.db,
            list_id=list_id,
            order=order,
            include_cancelled=include_cancelled,
            clock=self.clock,
        )


__all__ = [
    "BADGE_ORDERS",
    "BadgeBatch",
    "BadgeError",
    "BadgeFileError",
    "Badges",
    "BadgesWritten",
    "BatchCancelled",
    "Cancel",
    "Media",
    "TemplateError",
    "TemplateInfo",
    "badge_batch",
    "badge_renderer",
    "badge_template",
    "on_list",
    "person_by_code",
    "preview_badge",
    "print_test_page",
    "sheet_template",
    "templates",
    "write_badge",
    "write_badges_pdf",
]
