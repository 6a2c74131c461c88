"""Turning an attendee into a badge image: the composition of templates and rendering that the
print queue, the command line and the desk share."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from PIL import Image

from kiosk.badges.render import BadgeData, render_badge
from kiosk.badges.template import BadgeTemplate, load_badge_template
from kiosk.core.model import Attendee


@lru_cache(maxsize=16)
def badge_template(name: str) -> BadgeTemplate:
    """A badge template by built-in name or path, loaded once (raises TemplateError)."""
    return load_badge_template(name)


def badge_renderer(event_name: str) -> Callable[[Attendee, str], Image.Image]:
    """``render(attendee, template name)`` for the print queue."""

    def render(attendee: Attendee, template: str) -> Image.Image:
        return render_badge(BadgeData.from_attendee(attendee, event_name), badge_template(template))

    return render
