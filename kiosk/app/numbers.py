"""The numbers a desk and the command line show: the live count of one check-in list (checked
in, expected, by category, country and arrival time) and the event's totals per list.

The counting itself lives in :mod:`kiosk.reports` (it reads the log the way the reports do);
this is the door the front ends reach it through (:meth:`kiosk.app.door.Desk.numbers`,
:meth:`kiosk.app.door.Desk.stats`).
"""

from __future__ import annotations

from kiosk.reports.counts import ListCount, Stats, stats
from kiosk.reports.live import LiveNumbers, Share, live_numbers

__all__ = ["ListCount", "LiveNumbers", "Share", "Stats", "live_numbers", "stats"]
