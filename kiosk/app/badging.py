"""Turning an attendee into a badge image: the composition of templates and rendering that the
print queue, the command line and the desk share."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from PIL import Image

from kiosk.badges.render import BadgeData, render_badge
from kiosk.badges.template import BadgeTemplate, load_badge_template
from kiosk.core.model import Attendee
from kiosk.printing.base import Media
from kiosk.printing.discover import open_printer
from kiosk.printing.testpage import test_page
from kiosk.storage.database import Database


@lru_cache(maxsize=16)
def badge_template(name: str) -> BadgeTemplate:
    """A badge template by built-in name or path, loaded once (raises TemplateError)."""
    return load_badge_template(name)


def badge_renderer(event_name: str) -> Callable[[Attendee, str], Image.Image]:
    """``render(attendee, template name)`` for the print queue."""

    def render(attendee: Attendee, template: str) -> Image.Image:
        return render_badge(BadgeData.from_attendee(attendee, event_name), badge_template(template))

    return render


def print_test_page(db: Database | None, uri: str) -> Media:
    """Print a test page with every character of the event's names on the printer at ``uri``
    (raises PrinterError); returns the printer's media, to tell staff what it prints on."""
    names: list[str] = []
    if db is not None:
        names = [
            " ".join(r)
            for r in db.conn.execute("SELECT first_name, last_name, organization FROM attendee")
        ]
    printer = open_printer(uri)
    try:
        media = printer.media
        printer.print_image(test_page(media.width_px, media.dpi, names, uri=uri))
    finally:
        printer.close()
    return media
