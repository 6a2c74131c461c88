"""``kiosk``: the command line for organizers and for scripts.

Exit status: 0 success (for ``checkin``: admitted), 1 refused or nothing to do, 2 a usage or
environment error (bad file, missing database, disk full…), 3 an internal error (a bug: the
details go to the log file named in the message). ``kiosk checkin`` and ``kiosk search`` usually
run without this module (:mod:`kiosk.cli.fast`); their work is in :mod:`kiosk.cli.checkin` and
:mod:`kiosk.cli.search`, which both paths call.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import click

from kiosk.app import open_desk, paths
from kiosk.app.checkin import UndoError
from kiosk.cli import checkin as checkin_command
from kiosk.cli import search as search_command
from kiosk.cli import version_text
from kiosk.cli.options import print_json
from kiosk.cli.output import attendee_json, decision_lines, display_name
from kiosk.cli.terminal import (
    EXIT_BUG,
    EXIT_ERROR,
    EXIT_OK,
    EXIT_REFUSED,
    BadValue,
    failed,
)
from kiosk.cli.terminal import fail as _fail
from kiosk.core.model import CheckinList, Method, Policy, ScanKind
from kiosk.core.timeutil import local_day, machine_timezone

if TYPE_CHECKING:
    from kiosk.app.desk import UndoTarget
    from kiosk.app.door import Desk

__all__ = ["EXIT_BUG", "EXIT_ERROR", "EXIT_OK", "EXIT_REFUSED", "cli", "main"]

#: Commands defined in other modules, which are imported only when one of their commands runs
#: (so that ``kiosk checkin`` does not load Pillow, openpyxl, psycopg or cryptography): command
#: name → module under ``kiosk.cli`` whose ``register(cli, pass_state)`` defines it.
#: ``tests/cli/test_startup.py`` checks this table against what each module registers.
LAZY_COMMANDS: dict[str, str] = {
    "badge": "printing",
    "badges": "printing",
    "templates": "printing",
    "printers": "printing",
    "print": "printing",
    "print-test": "printing",
    "print-queue": "printing",
    "keys": "keys",
    "sync": "sync",
    "conflicts": "sync",
    "report": "reports",
    "sign-in-sheet": "reports",
    "import-online": "reports",
    "online": "reports",
    "purge": "reports",
    "export": "reports",
    "self-test": "selftest",
    "meetings": "meetings",
    "pin": "pin",
    "tickets": "tickets",
}


def hoist_db_option(args: list[str]) -> list[str]:
    """``--db FILE`` (or ``--db=FILE``) may stand anywhere on the line, also after the command
    name, as people type it (``kiosk checkin CODE --db event.db``): move it to the front, where
    the group's option is read. Nothing after ``--`` is touched."""
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest.extend(args[i:])
            break
        if arg == "--db" and i + 1 < len(args):
            front.extend(args[i : i + 2])
            i += 2
            continue
        if arg.startswith("--db="):
            front.append(arg)
        else:
            rest.append(arg)
        i += 1
    return front + rest


class KioskGroup(click.Group):
    """Environment failures become one clear line; bugs go to a log file. Never a traceback.

    Commands of the other ``kiosk.cli`` modules are loaded on first use (:data:`LAZY_COMMANDS`).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._loaded: set[str] = set()

    def load(self, module_name: str) -> None:
        """Import ``kiosk.cli.<module_name>`` and let it add its commands (once)."""
        if module_name not in self._loaded:
            self._loaded.add(module_name)
            module = importlib.import_module(f"kiosk.cli.{module_name}")
            module.register(self, pass_state)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in LAZY_COMMANDS:
            self.load(LAZY_COMMANDS[cmd_name])
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(self.commands) | set(LAZY_COMMANDS))

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, hoist_db_option(args))

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except BaseException as exc:
            failed(exc)  # the same ending as on the fast path (kiosk.cli.fast)


class State:
    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path

    def desk(self, kiosk_name: str | None = None) -> Desk:
        return open_desk(self.db_path, kiosk_name)


pass_state = click.make_pass_decorator(State)


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """``--version`` after other options (``kiosk --version`` alone never reaches click:
    :func:`kiosk.cli.run` answers it)."""
    if value and not ctx.resilient_parsing:
        click.echo(version_text())
        ctx.exit()


@click.group(cls=KioskGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="KIOSK_DB",
    default=None,
    help="Event database file. Default: $KIOSK_DB, else event.db in your user data folder.",
)
@click.option(
    "--version",
    is_flag=True,
    is_eager=True,
    expose_value=False,
    callback=_print_version,
    help="Show the version and exit.",
)
@click.pass_context
def cli(ctx: click.Context, db_path: Path | None) -> None:
    """Kiosk: offline check-in and badge printing for a conference registration desk.

    \b
    Set up           init, import (registrations), lists, demo, gui (the desk), self-test
    Check-in         checkin, undo, search, stats
    Badges           badge, badges, print, print-queue, print-test, printers, templates
    Tickets          tickets (QR codes to mail), keys (signed tickets, revocation lists)
    B2B meetings     meetings (import the schedule, list, held, resolve, slip)
    Reports          report (register, counts, refused scans, conflicts; in bg, ro or en;
                     --hub: over every kiosk), sign-in-sheet, export,
                     import-online and online (Zoom and Teams attendance)
    Several kiosks   sync (bundles on a USB stick, or a PostgreSQL hub), conflicts,
                     rename-kiosk (name this computer's kiosk)
    Self-service     pin reset (end the wait after wrong PINs; --forget the PIN)
    After the event  purge (removes personal data; keeps counts and file digests)

    'kiosk COMMAND --help' explains each one.
    """
    ctx.obj = State(db_path or paths.default_db_path())


# ---------------------------------------------------------------------------------------------
# Event set-up


def _valid_timezone(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str:
    name = value or machine_timezone()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise click.BadParameter(
            f"unknown time zone '{name}' (use a name like Europe/Sofia)"
        ) from exc
    return name


@cli.command()
@click.option("--name", required=True, help="Event name, as printed on reports and badges.")
@click.option(
    "--day",
    "days",
    multiple=True,
    required=True,
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="An event day (YYYY-MM-DD); repeat for each day. One check-in list is made per day.",
)
@click.option(
    "--timezone",
    callback=_valid_timezone,
    help="IANA time zone of the venue, e.g. Europe/Sofia. Default: this machine's.",
)
@click.option("--venue", default="", help="Venue, shown on reports.")
@click.option(
    "--policy",
    type=click.Choice([p.value for p in Policy]),
    default=Policy.ONCE_PER_DAY.value,
    show_default=True,
    help="How often a person may be admitted on each day's list.",
)
@click.option("--kiosk-name", default="Desk 1", show_default=True, help="Name of this kiosk.")
@pass_state
def init(
    state: State,
    name: str,
    days: tuple[datetime, ...],
    timezone: str,
    venue: str,
    policy: str,
    kiosk_name: str,
) -> None:
    """Create a new event database with one check-in list per day."""
    if state.db_path.exists() and state.db_path.stat().st_size > 0:
        _fail(
            f"{state.db_path} already exists — choose another file with --db, or move that one "
            "away if you really want to start over."
        )
    from kiosk.app.door import create_event

    with create_event(
        state.db_path,
        name,
        [d.date() for d in days],
        timezone,
        venue=venue,
        policy=Policy(policy),
        kiosk_name=kiosk_name,
    ) as desk:
        lists = desk.lists()
    click.echo(f"Created event '{name}' in {state.db_path} (time zone {timezone}).")
    for cl in lists:
        click.echo(f"  list {cl.id}: {cl.name} ({cl.policy.value})")


def _list_json(cl: CheckinList, tz: str) -> dict[str, Any]:
    zone = ZoneInfo(tz)
    return {
        "id": cl.id,
        "name": cl.name,
        "day": cl.day,
        "policy": cl.policy.value,
        "presence": cl.tracks_presence,
        "allow_reentry": cl.allow_reentry,
        "admit_pending": cl.admit_pending,
        "opens": cl.opens_at.astimezone(zone).isoformat() if cl.opens_at else None,
        "closes": cl.closes_at.astimezone(zone).isoformat() if cl.closes_at else None,
        "categories": sorted(cl.categories),
    }


def _list_line(cl: CheckinList, tz: str) -> str:
    zone = ZoneInfo(tz)
    rules = [cl.policy.value]
    if cl.day:
        rules.append(cl.day.isoformat())
    if cl.opens_at or cl.closes_at:
        opens = f"{cl.opens_at.astimezone(zone):%H:%M}" if cl.opens_at else "…"
        closes = f"{cl.closes_at.astimezone(zone):%H:%M}" if cl.closes_at else "…"
        rules.append(f"{opens}–{closes}")
    if cl.categories:
        rules.append("only " + ", ".join(sorted(cl.categories)))
    if cl.tracks_presence:
        rules.append("presence")
    rules.append("re-entry after exit" if cl.allow_reentry else "no re-entry")
    rules.append("admits unpaid" if cl.admit_pending else "refuses unpaid")
    return f"{cl.id:>5}  {cl.name}  ({'; '.join(rules)})"


@cli.group("lists", invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def lists_cmd(ctx: click.Context, as_json: bool) -> None:
    """Show the event's check-in lists and their ids; add, edit or remove lists.

    \b
    kiosk lists add "Workshop A" --day 2026-09-28 --opens 14:00 --closes 16:00
    kiosk lists add "B2B room" --presence --multiple
    kiosk lists add "Speakers' lounge" --category speaker --category vip
    kiosk lists edit 48213 --no-reentry
    kiosk lists remove 48213          (only a list nobody was scanned on)

    Defaults are pretix's: one entry per day, entry again after an exit, unpaid registrations
    refused. Lists travel to the other kiosks with bundles and the hub.
    """
    if ctx.invoked_subcommand is not None:
        return
    state = ctx.find_object(State)
    assert state is not None
    with state.desk() as desk:
        tz = desk.timezone
        lists = desk.lists()
    if as_json:
        print_json([_list_json(cl, tz) for cl in lists])
        return
    for cl in lists:
        click.echo(_list_line(cl, tz))


def _list_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options ``lists add`` and ``lists edit`` share (edit: only those given change)."""
    options = [
        click.option("--day", type=click.DateTime(formats=["%Y-%m-%d"]),
                     help="The day the list is for (YYYY-MM-DD); default: every day."),
        click.option("--all-days", is_flag=True, help="(edit) The list is for every day."),
        click.option(
            "--opens", metavar="HH:MM",
            help="Opens at (event time; on a list of every day, each day).",
        ),
        click.option(
            "--closes", metavar="HH:MM",
            help="Closes at (event time; on a list of every day, each day).",
        ),
        click.option("--category", "categories", multiple=True, metavar="C",
                     help="Admit only this category; repeat for more. Default: everyone."),
        click.option("--all-categories", is_flag=True, help="(edit) Admit every category."),
        click.option("--presence/--no-presence", default=None,
                     help="Track who is inside (entries and exits)."),
        click.option("--multiple/--once-per-day", default=None,
                     help="Admit every scan (coffee, sessions) or once a day (default)."),
        click.option("--once", is_flag=True, help="Admit once over the whole event."),
        click.option("--allow-reentry/--no-reentry", default=None,
                     help="Entry again after an exit (default: allowed, as in pretix)."),
        click.option("--admit-unpaid/--refuse-unpaid", "admit_pending", default=None,
                     help="Registrations not paid yet (pretix 'pending', Eventbrite unpaid): "
                     "admitted, or refused as 'unpaid' (default)."),
        click.option("--json", "as_json", is_flag=True, help="Print the list as JSON."),
    ]  # fmt: skip
    for option in reversed(options):
        command = option(command)
    return command


def _list_changes(desk: Desk, current: CheckinList | None, opts: dict[str, Any]) -> dict[str, Any]:
    """Keyword arguments for Desk.add_list / edit_list from the shared options."""
    tz = desk.timezone
    changes: dict[str, Any] = {}
    if opts["day"] is not None:
        changes["day"] = opts["day"].date()
    elif opts["all_days"]:
        changes["day"] = None
    # Hours are hours of the day: on a list of every day they hold each day, so any event day
    # carries them (the first when the list has none).
    day = changes.get("day", current.day if current else None) or min(
        desk.event_days(), default=None
    )
    for key in ("opens", "closes"):
        text = opts[key]
        if text is None:
            continue
        if day is None:
            raise click.BadParameter(
                "the event has no days to give hours on", param_hint=f"--{key}"
            )
        try:
            clock = datetime.strptime(text, "%H:%M").time()
        except ValueError as exc:
            raise click.BadParameter(
                f"'{text}' is not a time like 14:30", param_hint=f"--{key}"
            ) from exc
        changes[f"{key}_at"] = datetime.combine(day, clock, ZoneInfo(tz))
    if current is not None and day is not None and set(changes) & {"day", "opens_at", "closes_at"}:
        # The hours not given keep their time of day, on the same day as the ones given (so
        # that "closes before it opens" compares like with like).
        for key in ("opens_at", "closes_at"):
            kept: datetime | None = getattr(current, key)
            if key not in changes and kept is not None:
                local = kept.astimezone(ZoneInfo(tz)).time()
                changes[key] = datetime.combine(day, local, ZoneInfo(tz))
    if opts["categories"]:
        changes["categories"] = frozenset(opts["categories"])
    elif opts["all_categories"]:
        changes["categories"] = frozenset()
    if opts["presence"] is not None:
        changes["tracks_presence"] = opts["presence"]
    if opts["once"]:
        changes["policy"] = Policy.ONCE
    elif opts["multiple"] is not None:
        changes["policy"] = Policy.MULTIPLE if opts["multiple"] else Policy.ONCE_PER_DAY
    if opts["allow_reentry"] is not None:
        changes["allow_reentry"] = opts["allow_reentry"]
    if opts["admit_pending"] is not None:
        changes["admit_pending"] = opts["admit_pending"]
    return changes


def _show_list(desk: Desk, cl: CheckinList, verb: str, as_json: bool) -> None:
    tz = desk.timezone
    if as_json:
        print_json(_list_json(cl, tz))
    else:
        click.echo(f"{verb} list {_list_line(cl, tz).strip()}")


@lists_cmd.command("add")
@click.argument("name")
@_list_options
@pass_state
def lists_add(state: State, /, name: str, **opts: Any) -> None:
    """Add a check-in list NAME (a session, a workshop, the B2B room, the dinner)."""
    from kiosk.app.door import ListError

    with state.desk() as desk:
        try:
            made = desk.add_list(name, **_list_changes(desk, None, opts))
        except ListError as exc:
            _fail(str(exc))
        _show_list(desk, made, "Added", opts["as_json"])


@lists_cmd.command("edit")
@click.argument("list_id", type=int)
@click.option("--name", default=None, help="A new name.")
@_list_options
@pass_state
def lists_edit(state: State, /, list_id: int, name: str | None, **opts: Any) -> None:
    """Change list LIST_ID: only the options given change. Scans already made stay as decided."""
    from kiosk.app.door import ListError

    with state.desk() as desk:
        current = desk.checkin_list(list_id)
        if current is None:
            _fail(f"There is no check-in list {list_id}; 'kiosk lists' shows them.")
        changes = _list_changes(desk, current, opts)
        if name is not None:
            changes["name"] = name
        if not changes:
            _fail("Nothing to change: give at least one option (see 'kiosk lists edit --help').")
        try:
            edited = desk.edit_list(list_id, **changes)
        except ListError as exc:
            _fail(str(exc))
        _show_list(desk, edited, "Changed", opts["as_json"])


@lists_cmd.command("remove")
@click.argument("list_id", type=int)
@pass_state
def lists_remove(state: State, list_id: int) -> None:
    """Remove list LIST_ID — only when nobody was scanned on it (a list with scans is evidence)."""
    from kiosk.app.door import ListError

    with state.desk() as desk:
        try:
            removed = desk.remove_list(list_id)
        except ListError as exc:
            _fail(str(exc))
    click.echo(f"Removed list {removed.id} ({removed.name}).")


@cli.command("rename-kiosk")
@click.argument("name")
@click.option(
    "--kiosk", "current", default=None, metavar="NAME",
    help="Which of this computer's kiosks (default: the first).",
)  # fmt: skip
@pass_state
def rename_kiosk_cmd(state: State, name: str, current: str | None) -> None:
    """Give this computer's kiosk a NAME ("Desk 2"): shown in results, reports and conflicts.

    A laptop started from a copy of a prepared event file names itself after the original and
    the computer, e.g. "Desk 1 (LAPTOP-7)"; rename it here or from the desk's kiosk button.
    """
    from kiosk.app.door import KioskNameError

    with state.desk() as desk:
        kiosk = desk.kiosk
        if current is not None and current != kiosk.name:
            mine = desk.local_kiosks()
            chosen = [k for k in mine if k.name == current]
            if not chosen:
                names = ", ".join(f"'{k.name}'" for k in mine)
                _fail(f"This computer has no kiosk called '{current}'; its kiosks: {names}.")
            kiosk = chosen[0]
        try:
            renamed = desk.rename_kiosk(name, kiosk=kiosk)
        except KioskNameError as exc:
            _fail(str(exc))
    click.echo(f"Kiosk '{kiosk.name}' is now called '{renamed.name}'.")


# ---------------------------------------------------------------------------------------------
# Import


@cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--mapping",
    "mapping_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="TOML or JSON file naming the column for each field, overriding detection.",
)
@click.option("--dry-run", is_flag=True, help="Show what would change without changing anything.")
@click.option(
    "--source",
    default="registrations",
    show_default=True,
    help="Label of this list. Re-import the same list under the same label; give a separate "
    "list its own label (e.g. speakers).",
)
@click.option(
    "--cancel-missing",
    is_flag=True,
    help="Cancel people of this list who are missing from the file (only if the file is "
    "clearly the same list; their check-ins are kept).",
)
@click.option(
    "--keep-missing", is_flag=True, help="Keep people missing from the file, however many."
)
@click.option("--sheet", help="The workbook sheet to read (default: the one with the tickets).")
@click.option(
    "--skip-bad-rows",
    is_flag=True,
    help="Import the rows that can be read and leave out the others (listed); without it such "
    "rows stop the import.",
)
@click.option("--strict", is_flag=True, help="Refuse the file if any value looks damaged.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@pass_state
def import_cmd(
    state: State,
    file: Path,
    mapping_file: Path | None,
    dry_run: bool,
    source: str,
    cancel_missing: bool,
    keep_missing: bool,
    sheet: str | None,
    skip_bad_rows: bool,
    strict: bool,
    as_json: bool,
) -> None:
    """Import registrations from a CSV, XLSX or ODS file (re-importing is safe).

    People missing from the file are never cancelled unless --cancel-missing is given. Exit
    status 0 imported, 2 refused (nothing imported).
    """
    from kiosk.app.importing import ImportFileError

    if cancel_missing and keep_missing:
        _fail("--cancel-missing and --keep-missing contradict each other; give one.")
    with state.desk() as desk:
        try:
            report = desk.import_file(
                file,
                mapping_file=mapping_file,
                source=source,
                dry_run=dry_run,
                cancel_missing=True if cancel_missing else False if keep_missing else None,
                sheet=sheet,
                skip_bad_rows=skip_bad_rows,
                strict=strict,
            )
        except ImportFileError as exc:
            if not as_json:
                raise
            print_json(
                {
                    "refused": exc.reason,
                    "message": f"{exc.problem} — {exc.advice}",
                    "file": exc.path,
                    "row": exc.row,
                    "column": exc.column,
                    "details": list(exc.details),
                }
            )
            sys.exit(EXIT_ERROR)
    if as_json:
        print_json(report.as_json())
        return
    what = "Would import" if dry_run else "Imported"
    if report.format == "csv":
        delimiter = {"\t": "tab", ",": "comma", ";": "semicolon"}.get(report.delimiter or "", "?")
        click.echo(
            f"{what} {file.name}: CSV, encoding {report.encoding}, {delimiter}-separated, "
            f"{report.rows} rows."
        )
    else:
        kind = "OpenDocument" if report.format == "ods" else "Excel"
        click.echo(f"{what} {file.name}: {kind} {report.sheet_reason}, {report.rows} rows.")
    if report.preset:
        click.echo(f"  Recognised an export from: {report.preset}")
    click.echo("  Columns: " + ", ".join(f"{f} ← '{h}'" for f, h in report.columns.items()))
    if report.ignored_columns:
        click.echo("  Not used: " + ", ".join(f"'{h}'" for h in report.ignored_columns))
    counts = {
        "added": report.added,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "cancelled": report.cancelled,
        "reactivated": report.reactivated,
        "skipped": len(report.skipped),
        "left out": len(report.left_out),
    }
    click.echo("  " + (", ".join(f"{k} {v}" for k, v in counts.items() if v) or "nothing changed"))
    for row in [*report.skipped, *report.left_out]:
        click.echo(f"  {row.detail} [{row.reason}]")
    if report.missing:
        verb = "cancelled" if report.cancelled_missing else "not in this file, kept"
        click.echo(f"  {len(report.missing)} people of '{report.source}' {verb}:")
        for person in report.missing:
            click.echo(f"    {person.name} (code {person.code})")
    for finding in report.findings[:20]:
        click.echo(f"  warning: {finding.text()} [{finding.reason}]")
    if len(report.findings) > 20:
        click.echo(f"  warning: … and {len(report.findings) - 20} more (--json lists them all)")
    for warning in report.warnings:
        if report.missing and "are not in this file" in warning:
            continue  # listed above, person by person
        click.echo(f"  note: {warning}")
    if dry_run:
        click.echo("  Dry run: nothing was changed.")


# ---------------------------------------------------------------------------------------------
# Check-in


@cli.command()
@click.argument("code")
@click.option("--list", "list_id", type=int, help="Check-in list id (default: today's list).")
@click.option("--kiosk", "kiosk_name", help="Name of the kiosk recording the scan.")
@click.option("--exit", "is_exit", is_flag=True, help="Record an exit instead of an entry.")
@click.option(
    "--at",
    "at_text",
    help="Record the scan at this time (ISO, e.g. 2026-09-28T09:14; event time zone unless an "
    "offset is given). Such scans are flagged manual.",
)
@click.option("--operator", default="", help="Who made the scan (kept in the log).")
@click.option(
    "--force", is_flag=True,
    help="Admit anyway (another day, outside the list's hours or categories, not paid, already "
    "in): staff's decision, logged as forced. Needs --reason. Never for a cancelled, revoked "
    "or unknown ticket.",
)  # fmt: skip
@click.option("--reason", "force_reason", default="", help="Why the admission is forced.")
@click.option(
    "--how", "method", type=click.Choice([m.value for m in Method]), default=Method.TYPED.value,
    show_default=True, help="How the code was obtained (recorded in the log and the register).",
)  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print the decision as JSON.")
@pass_state
def checkin(
    state: State,
    code: str,
    list_id: int | None,
    kiosk_name: str | None,
    is_exit: bool,
    at_text: str | None,
    operator: str,
    force: bool,
    force_reason: str,
    method: str,
    as_json: bool,
) -> None:
    """Check in the person with ticket CODE. Exit status 0 admitted, 1 refused (also an exit
    with no entry before it: recorded, but nobody known to be inside left).

    Where a hub is configured, it is asked first whether the ticket was admitted at another
    kiosk (300 ms at most), as at the desk.
    """
    try:
        checkin_command.checkin(
            state.db_path,
            code,
            list_id=list_id,
            kiosk_name=kiosk_name,
            is_exit=is_exit,
            at_text=at_text,
            operator=operator,
            force=force,
            force_reason=force_reason,
            method=method,
            as_json=as_json,
        )
    except BadValue as exc:
        raise click.BadParameter(exc.message, param_hint=exc.param_hint) from exc.__cause__


@cli.command()
@click.argument("target", metavar="[CODE|SCAN_ID]", required=False)
@click.option("--kiosk", "kiosk_name", help="Undo the newest check-in of this kiosk.")
@click.option(
    "--yes",
    is_flag=True,
    help="Undo this kiosk's newest check-in without asking (needed when no CODE is given).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def undo(
    state: State, target: str | None, kiosk_name: str | None, yes: bool, as_json: bool
) -> None:
    """Undo a mistaken check-in.

    With CODE: the newest check-in of that ticket (at any kiosk). With SCAN_ID: that scan.
    Without either: this kiosk's newest check-in — the command names whom it would undo and
    does it only with --yes (exit status 1 otherwise), and it says so when that check-in is
    somebody else's than the one the last undo here reached.

    The check-in stays in the log with a void entry pointing at it; the person can be admitted
    again.
    """
    with state.desk(kiosk_name) as desk:
        tz = desk.timezone
        found: UndoTarget | None
        if target is None:
            found = desk.undo_target()
        elif desk.scan_exists(target):
            found = desk.undo_target(scan_id=target)
        else:
            found = desk.undo_target(code=target)
        if found is None:
            if target is None:
                raise UndoError(f"Kiosk {desk.kiosk.name} has no check-in to undo.")
            raise UndoError(f"No check-in of ticket or scan '{target}' to undo.")
        if target is None and not yes:
            if as_json:
                print_json({"status": "confirm", **_undo_json(found, tz)})
            else:
                for line in _undo_lines(found, tz, "Would undo"):
                    click.echo(line)
                click.echo("Nothing was changed. Run again with --yes to undo it.")
            sys.exit(EXIT_REFUSED)
        result = desk.undo(found.scan_id)
    if as_json:
        print_json(
            {
                "status": "voided",
                "voided_scan_id": result.voided_scan_id,
                "void_scan_id": result.void_scan_id,
                **_undo_json(found, tz),
            }
        )
        return
    for line in _undo_lines(found, tz, "Undone"):
        click.echo(line)


def _undo_lines(found: UndoTarget, tz: str, verb: str) -> list[str]:
    """Whom an undo reaches, as a person reads it (name, organisation, code, when, where)."""
    person = found.attendee
    who = "an unknown ticket"
    if person is not None:
        who = display_name(person)
        extra = ", ".join(p for p in (person.organization, f"code {person.code}") if p)
        who = f"{who} ({extra})"
    at = found.at.astimezone(ZoneInfo(tz)).strftime("%Y-%m-%d %H:%M")
    what = "exit" if found.kind is ScanKind.EXIT else "check-in"
    lines = [f"{verb}: the {what} of {who}, {at} on {found.list_name} at {found.kiosk_name}."]
    if found.bystander and found.after_undo_of is not None:
        lines.append(
            f"  Note: the last action at this kiosk undid the check-in of "
            f"{display_name(found.after_undo_of)}; this is an earlier check-in of somebody else."
        )
    return lines


def _undo_json(found: UndoTarget, tz: str) -> dict[str, Any]:
    return {
        "scan_id": found.scan_id,
        "kind": found.kind.value,
        "at": found.at.astimezone(ZoneInfo(tz)).isoformat(),
        "list": found.list_name,
        "kiosk": found.kiosk_name,
        "attendee": attendee_json(found.attendee) if found.attendee else None,
        "bystander": found.bystander,
        "after_undo_of": (
            attendee_json(found.after_undo_of) if found.after_undo_of is not None else None
        ),
    }


# ---------------------------------------------------------------------------------------------
# Search, stats


@cli.command()
@click.argument("query")
@click.option("--limit", default=20, show_default=True, help="Most results to show.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@pass_state
def search(state: State, query: str, limit: int, as_json: bool) -> None:
    """Find people by any part of the name, organisation, e-mail or code.

    Case, diacritics and script do not matter: 'ivanov' finds 'Иванов', 'stefanescu' finds
    'Ștefănescu'.
    """
    search_command.search(state.db_path, query, limit=limit, as_json=as_json)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_state
def stats(state: State, as_json: bool) -> None:
    """Counts: registrations, and unique people admitted per check-in list."""
    with state.desk() as desk:
        info = desk.event
        result = desk.stats()
    if as_json:
        print_json(result.as_json())
        return
    click.echo(f"{info.name}")
    click.echo(f"  registered {result.registered}, cancelled {result.cancelled}")
    for cl in result.lists:
        click.echo(f"  list {cl.id} {cl.name}: admitted {cl.admitted} (refused scans {cl.refused})")


# ---------------------------------------------------------------------------------------------
# Demo


@cli.command()
@click.option("--attendees", default=300, show_default=True, help="How many people to invent.")
@click.option(
    "--db",
    "demo_db",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the demo database (default: the global --db).",
)
@click.option(
    "--seed", default=2026, show_default=True, help="Random seed (same seed, same people)."
)
@click.option("--open", "open_window", is_flag=True, help="Open the desk window on the demo.")
@pass_state
def demo(state: State, attendees: int, demo_db: Path | None, seed: int, open_window: bool) -> None:
    """Build a realistic demo event: a two-day Bulgarian–Romanian cluster conference, today and
    tomorrow, with a few hundred people and the morning's first check-ins already made.

    An existing demo database at the same path is replaced; any other file is left alone.
    """
    from kiosk.app.demo import create_demo

    path = demo_db or state.db_path
    summary = create_demo(path, attendees=attendees, seed=seed)
    if open_window:
        click.echo(f"Demo event '{summary.name}' written to {path}; opening the desk window.")
        from kiosk.ui.app import run

        sys.exit(run(path))
    click.echo(f"Demo event '{summary.name}' written to {path}")
    click.echo(
        f"  {summary.registered} registered ({summary.cancelled} cancelled), "
        f"{summary.checked_in} checked in so far today, days {summary.days[0]} and "
        f"{summary.days[1]} ({summary.timezone})."
    )
    click.echo("")
    click.echo(
        f"A scan at {summary.kiosk}, as the desk sees it: kiosk checkin {summary.example_code}"
    )
    with open_desk(path) as desk:
        tz = desk.timezone
        result = desk.scan(summary.example_code)
        for line in decision_lines(result.decision, tz, result.at):
            click.echo("  " + line)
    click.echo("")
    click.echo("Try next:")
    db_arg = f"--db {path} "
    click.echo(f"  kiosk {db_arg}checkin {summary.example_code}     (scanned again: refused)")
    click.echo(f"  kiosk {db_arg}search ivanov")
    click.echo(f"  kiosk {db_arg}stats")
    today = local_day(result.at, tz)
    click.echo(f"  kiosk {db_arg}export attendance --day {today} -o attendance-{today}.xlsx")


@cli.command()
@click.option("--language", type=click.Choice(["bg", "ro", "en"]), help="Language of the window.")
@click.option(
    "--kiosk", "kiosk_mode", is_flag=True,
    help="Self-service touchscreen mode: full screen, locked; staff leave with the PIN.",
)  # fmt: skip
@click.option("--hide-cursor", is_flag=True, help="Hide the mouse cursor (touchscreens).")
@click.option(
    "--idle-seconds", type=click.IntRange(10, 600),
    help="Self-service: seconds without a touch before 'Do you need more time?' "
         "(default 30; remembered on this computer).",
)  # fmt: skip
@pass_state
def gui(
    state: State,
    language: str | None,
    kiosk_mode: bool,
    hide_cursor: bool,
    idle_seconds: int | None,
) -> None:
    """Open the desk window on the event database (a first-run screen if there is none yet)."""
    from kiosk.ui.app import run

    sys.exit(
        run(
            state.db_path,
            language=language,
            kiosk_mode=kiosk_mode,
            hide_cursor=hide_cursor,
            idle_seconds=idle_seconds,
        )
    )


def main() -> None:
    cli(prog_name="kiosk")


if __name__ == "__main__":  # pragma: no cover
    main()
