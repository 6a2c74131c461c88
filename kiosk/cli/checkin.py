"""``kiosk checkin``: what the command does once its command line is read, without click, so
that the fast path (:mod:`kiosk.cli.fast`) and the click command (:mod:`kiosk.cli.main`) run
the very same code."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, NoReturn

from kiosk.app import open_desk
from kiosk.cli.output import checkin_json, decision_lines
from kiosk.cli.terminal import EXIT_OK, EXIT_REFUSED, BadValue, echo, fail, print_json
from kiosk.core.model import Method, ScanKind
from kiosk.core.timeutil import parse_local


def checkin(
    db_path: Path,
    code: str,
    *,
    list_id: int | None = None,
    kiosk_name: str | None = None,
    is_exit: bool = False,
    at_text: str | None = None,
    operator: str = "",
    force: bool = False,
    force_reason: str = "",
    method: str = Method.TYPED.value,
    as_json: bool = False,
) -> NoReturn:
    """Check in the person with ticket ``code`` and print the decision; exit status 0 admitted,
    1 refused. A ``--at`` that is no date-time raises :class:`BadValue`."""
    if force and is_exit:
        fail("--force is for entries; an exit is always recorded.")
    with open_desk(db_path, kiosk_name) as desk:  # with a hub configured, the scan asks it first
        tz = desk.timezone
        at = None
        if at_text is not None:
            try:
                at = parse_local(at_text, tz)
            except ValueError as exc:
                raise BadValue(f"'{at_text}' is not an ISO date-time", "--at") from exc
        result = desk.scan(
            code,
            list_id=list_id,
            kind=ScanKind.EXIT if is_exit else ScanKind.ENTRY,
            at=at,
            operator=operator,
            method=Method(method),
            force=force,
            reason=force_reason,
        )
        today_meetings: list[dict[str, Any]] = []
        person = result.decision.attendee
        # Most people of an event with B2B meetings have none: no meetings service for them.
        if person is not None and desk.has_meetings(person.uid):
            from kiosk.cli.checkin_meetings import checkin_meetings

            today_meetings = checkin_meetings(desk, result)
    if as_json:
        print_json(checkin_json(result, tz) | {"meetings": today_meetings})
    else:
        for line in decision_lines(result.decision, tz, result.at):
            echo(line)
        extra = " (manual)" if result.manual else ""
        echo(f"  {result.checkin_list.name} · {result.kiosk.name}{extra}")
        if today_meetings:
            from kiosk.cli.checkin_meetings import meeting_lines

            for line in meeting_lines(today_meetings):
                echo("  " + line)
        if result.note:
            echo(f"  forced: {result.note}")
        if result.remote_checked is False:
            echo("  (the hub did not answer in time: decided by this kiosk alone)")
    sys.exit(EXIT_OK if result.decision.admitted else EXIT_REFUSED)
