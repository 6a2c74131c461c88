"""``kiosk meetings``: the B2B schedule — import, list, held marks, unmatched sides, slips."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from kiosk.app.meetings import FILTERS, Meeting, MeetingError
from kiosk.app.slips import SLIP_PAPERS, SlipMaker, slip_setting
from kiosk.cli.options import Command, State, output_file_option, print_json
from kiosk.core.meetings import MarkSource

if TYPE_CHECKING:
    pass


class MeetingFailure(click.ClickException):
    """A meeting command that cannot be done: exit status 1 (nothing to do / refused)."""

    exit_code = 1


def _board_line(m: Meeting) -> str:
    def side(p: Any) -> str:
        mark = "✓" if p.arrived else ("?" if p.attendee_uid is None else "·")
        org = f" ({p.organization})" if p.organization else ""
        return f"{mark} {p.name}{org}"

    end = f"–{m.end:%H:%M}" if m.end else ""
    state = m.status.value if m.status.value != "planned" else m.outcome.value.replace("_", "-")
    return (
        f"{m.uid[:8]}  {m.day}  {m.start:%H:%M}{end:6}  {m.location[:12]:12}  {state:9}  "
        f"{side(m.a)}  ↔  {side(m.b)}"
    )


@click.group("meetings")
def meetings() -> None:
    """B2B meetings: import the schedule (b2match or a generic file), see who is here,
    mark meetings held, print a person's meeting slip.

    \b
    import FILE        the schedule (CSV/XLSX); re-importing is safe
    resolve            the sides nobody matched; resolve ID a|b ATTENDEE_ID settles one
    list               every meeting with both sides' arrival (--day, --show, --json)
    held ID            mark a meeting held (--undo takes the mark back)
    slip CODE -o F     a person's meetings of the day as a PDF or PNG slip
    auto-slip on|off   print the slip after each badge (on by default)
    """


@meetings.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--mapping",
    "mapping_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="TOML or JSON file naming the column of each field (see the README).",
)
@click.option(
    "--source",
    default="b2match",
    show_default=True,
    help="Label of this schedule; meetings of the same label missing from the file are cancelled.",
)
@click.option("--keep-missing", is_flag=True, help="Do not cancel meetings missing from the file.")
@click.option("--dry-run", is_flag=True, help="Show what would change without changing anything.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_obj
def import_cmd(
    state: State,
    file: Path,
    mapping_file: Path | None,
    source: str,
    keep_missing: bool,
    dry_run: bool,
    as_json: bool,
) -> None:
    """Import the meeting schedule from a CSV or XLSX file (re-importing is safe)."""
    with state.desk() as desk:
        report = desk.import_meetings(
            file,
            mapping_file=mapping_file,
            source=source,
            dry_run=dry_run,
            keep_missing=keep_missing,
        )
    if as_json:
        print_json(report.as_json())
        return
    what = "Would import" if dry_run else "Imported"
    click.echo(f"{what} {report.file}: {report.format.upper()}, {report.rows} rows.")
    click.echo("  Columns: " + ", ".join(f"{f} ← '{h}'" for f, h in report.columns.items()))
    click.echo(
        f"  added {report.added}, updated {report.updated}, unchanged "
        f"{report.unchanged}, cancelled as missing {report.withdrawn}, skipped "
        f"{len(report.skipped)}"
    )
    if report.statuses:
        click.echo("  Status: " + ", ".join(f"{k} {v}" for k, v in sorted(report.statuses.items())))
    if report.matched_by:
        click.echo(
            "  Sides matched by: "
            + ", ".join(f"{k} {v}" for k, v in sorted(report.matched_by.items()))
        )
    for p in report.skipped:
        click.echo(f"  skipped row {p.row}: {p.detail} [{p.reason}]")
    for u in report.unmatched:
        who = ", ".join(x for x in (u.name, u.organization, u.email) if x)
        click.echo(
            f"  row {u.row}: side {u.side} ({who}) matches "
            f"{'several people' if u.reason == 'ambiguous' else 'nobody registered'}"
            f" [{u.reason}] — meeting {u.meeting[:8]}"
        )
    if report.unmatched:
        click.echo(
            "  Resolve with: kiosk meetings resolve MEETING a|b ATTENDEE_ID "
            "(kiosk search NAME shows ids)"
        )
    for note in report.notes:
        click.echo(f"  note: {note}")
    if dry_run:
        click.echo("  Dry run: nothing was changed.")


@meetings.command("list")
@click.option(
    "--day", type=click.DateTime(formats=["%Y-%m-%d"]), help="Only this day (YYYY-MM-DD)."
)
@click.option(
    "--show",
    type=click.Choice(FILTERS),
    default="all",
    show_default=True,
    help="both / one / none: planned meetings with both, one or neither side "
    "here; held; not_planned: cancelled, declined, pending.",
)
@click.option(
    "--search",
    "text",
    default="",
    help="Only meetings naming these words (a name, an organisation or the table, in any script).",
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@click.pass_obj
def list_cmd(state: State, day: datetime | None, show: str, text: str, as_json: bool) -> None:
    """Every meeting with both sides' arrival: ✓ here, · not yet, ? not matched."""
    with state.desk() as desk:
        board = desk.meetings.board(day.date() if day else None)
    board = [m for m in board if m.matches(show, text)]
    if as_json:
        print_json([m.as_json() for m in board])
        return
    if not board:
        click.echo("No meetings" + (f" on {day.date()}." if day else " (kiosk meetings import)."))
        return
    for m in board:
        click.echo(_board_line(m))


@meetings.command("held")
@click.argument("meeting_id")
@click.option("--undo", is_flag=True, help="Take back a mistaken held mark.")
@click.option("--operator", default="", help="Who marks it (kept with the mark).")
@click.option("--json", "as_json", is_flag=True, help="Print the meeting as JSON.")
@click.pass_obj
def held_cmd(state: State, meeting_id: str, undo: bool, operator: str, as_json: bool) -> None:
    """Mark the meeting MEETING_ID (its first characters will do) held."""
    with state.desk() as desk:
        try:
            meeting = desk.meetings.mark(
                meeting_id, held=not undo, source=MarkSource.COMMAND, operator=operator
            )
        except MeetingError as exc:
            raise MeetingFailure(f"{exc} [{exc.reason}]") from exc
    if as_json:
        print_json(meeting.as_json())
        return
    click.echo(("Held: " if meeting.held else "Not held: ") + _board_line(meeting))


@meetings.command("resolve")
@click.argument("meeting_id", required=False)
@click.argument("side", required=False, type=click.Choice(["a", "b"]))
@click.argument("attendee_id", required=False, type=int)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def resolve_cmd(
    state: State,
    meeting_id: str | None,
    side: str | None,
    attendee_id: int | None,
    as_json: bool,
) -> None:
    """Without arguments: the meeting sides nobody registered matches. With MEETING_ID
    SIDE ATTENDEE_ID: that side is that attendee (and so is every side written the same
    way, now and at re-imports)."""
    with state.desk() as desk:
        service = desk.meetings
        if meeting_id is None:
            open_sides = service.unresolved()
            if as_json:
                print_json([u.as_json() for u in open_sides])
            elif not open_sides:
                click.echo("Every meeting side is matched to a registered person.")
            for u in [] if as_json else open_sides:
                who = ", ".join(x for x in (u.name, u.organization, u.email) if x)
                click.echo(f"{u.meeting[:8]} {u.side}  row {u.row}  {u.day} {u.start}  {who}")
            return
        if side is None or attendee_id is None:
            raise click.UsageError("give MEETING_ID, the side (a or b) and the ATTENDEE_ID.")
        try:
            changed = service.resolve(meeting_id, side, attendee_id)
        except MeetingError as exc:
            raise MeetingFailure(f"{exc} [{exc.reason}]") from exc
    if as_json:
        print_json({"resolved": changed})
    else:
        click.echo(f"Resolved {changed} meeting side(s).")


@meetings.command("slip")
@click.argument("code")
@output_file_option("File to write: .pdf or .png.")
@click.option(
    "--day",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The day (default: today in the event's time zone).",
)
@click.option(
    "--paper",
    type=click.Choice(SLIP_PAPERS),
    default="roll-80mm",
    show_default=True,
    help="Thermal roll or page size.",
)
@click.option(
    "--language",
    type=click.Choice(["en", "bg", "ro"]),
    help="Words of the slip (default: the attendee's language).",
)
@click.pass_obj
def slip_cmd(
    state: State,
    code: str,
    output: Path,
    day: datetime | None,
    paper: str,
    language: str | None,
) -> None:
    """The B2B meeting slip of the person with ticket CODE: time, table, partner (a Cyrillic
    name with its Latin spelling), organisation and country."""
    with state.desk() as desk:
        maker = SlipMaker(desk.db)
        try:
            person = maker.person(code)
            data = maker.data(person, day.date() if day else maker.service.today(), language)
            maker.write(data, paper, output)
        except MeetingError as exc:
            raise MeetingFailure(f"{exc} [{exc.reason}]") from exc
    click.echo(
        f"Wrote {output} ({len(data.meetings)} meetings of {person.name} on {data.day}, {paper})."
    )


@meetings.command("auto-slip")
@click.argument("setting", required=False, type=click.Choice(["on", "off"]))
@click.option("--kiosk", "kiosk_name", help="The kiosk whose setting it is (default: this one).")
@click.pass_obj
def auto_slip_cmd(state: State, setting: str | None, kiosk_name: str | None) -> None:
    """Whether each printed badge is followed by the person's meeting slip (on by default;
    only people with meetings that day get one). Without ON/OFF: show the setting."""
    with state.desk() as desk:
        on = slip_setting(desk.db, kiosk_name, None if setting is None else setting == "on")
    click.echo(f"Meeting slips after badges: {'on' if on else 'off'}.")


def register(cli: click.Group, _pass_state: Callable[[Command], Command]) -> None:
    """Add ``meetings`` to ``cli`` (the lazy loader of :mod:`kiosk.cli.main` calls this)."""
    cli.add_command(meetings)
