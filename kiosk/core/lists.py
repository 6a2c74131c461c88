"""Which check-in list is today's: one rule for the command line, the desk, the self-service
kiosk and printing.

**Today's list** is the list dated today (in the event's time zone). When several lists carry
today's date (the day list and a workshop of that day), the one made first (lowest id) is
today's: ``kiosk init`` makes the day lists first, so it is the day list. A list without a day
(a room, a dinner, the B2B area: open on every day) is never chosen by itself: staff choose it
(``--list``, the desk's list menu), because picking one of several such lists would admit people
to a room nobody asked for.

**No list for today** (the set-up day before the event, a day after it, a day the event skips)
is answered the same way by everyone who checks people in: nobody is checked in on another day's
list by surprise. The command line refuses and names the lists (choose one with ``--list``); the
self-service kiosk sends the attendee to the desk. Staff screens still need a list to *show*
(:func:`list_to_show`): the next day to come (the set-up day shows the first day, so staff can
test their scanner and see the refusals), else the last day that has passed, else the first list
made; a scan on it is refused by the decision rule (``not_on_list``, ``outside_window``) because
its day is not today. A badge printed by staff is logged on that same list.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from kiosk.core.model import CheckinList


def list_for(lists: Iterable[CheckinList], day: date) -> CheckinList | None:
    """Today's list: the list dated ``day`` (the first made, when several are); ``None`` when no
    list is dated ``day``. Lists without a day are never chosen (staff choose them)."""
    dated = [cl for cl in lists if cl.day == day]
    return min(dated, key=lambda cl: cl.id) if dated else None


def list_to_show(lists: Iterable[CheckinList], day: date) -> CheckinList | None:
    """The list a staff screen shows on ``day``: today's (:func:`list_for`); else the next day's
    to come; else the last day's that has passed; else the first list made; ``None`` only when
    there is no list at all. Scans on a list of another day are refused, never admitted."""
    every = list(lists)
    today = list_for(every, day)
    if today is not None:
        return today
    upcoming = [cl.day for cl in every if cl.day is not None and cl.day > day]
    if upcoming:
        return list_for(every, min(upcoming))
    past = [cl.day for cl in every if cl.day is not None]
    if past:
        return list_for(every, max(past))
    return min(every, key=lambda cl: cl.id) if every else None
