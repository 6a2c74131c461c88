"""``kiosk search``: what the command does once its command line is read, without click, so
that the fast path (:mod:`kiosk.cli.fast`) and the click command (:mod:`kiosk.cli.main`) run
the very same code."""

from __future__ import annotations

from pathlib import Path

from kiosk.app import open_desk
from kiosk.cli.output import attendee_json, display_name
from kiosk.cli.terminal import echo, print_json


def search(db_path: Path, query: str, *, limit: int = 20, as_json: bool = False) -> None:
    """Print the people ``query`` finds (at most ``limit``), or a JSON array."""
    with open_desk(db_path) as desk:
        found = desk.search(query, limit=limit)
    if as_json:
        print_json(
            [attendee_json(f.attendee) | {"checked_in_today": f.checked_in_today} for f in found]
        )
        return
    if not found:
        echo("No one found.")
    for f in found:
        p = f.attendee
        mark = "✔" if f.checked_in_today else ("✘" if p.status.value == "cancelled" else " ")
        when = f" (checked in {f.checked_in_today['at'][11:16]})" if f.checked_in_today else ""
        status = " [cancelled]" if p.status.value == "cancelled" else ""
        echo(f"{mark} {p.code:<12} {display_name(p)} — {p.organization}{status}{when}")
