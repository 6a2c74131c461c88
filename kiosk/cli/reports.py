"""Attendance reporting commands: ``report``, ``export attendance``, ``sign-in-sheet``,
``import-online``, ``online`` and ``purge``.

Module-level click commands, added to the ``kiosk`` group by :func:`register` when one of them
is first asked for (``LAZY_COMMANDS`` in :mod:`kiosk.cli.main`). They reach the event through
the report service of :mod:`kiosk.app.reports`, never ``kiosk.reports`` or ``kiosk.storage``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from kiosk.app.reports import (
    PLATFORM_NAMES,
    ImportFileError,
    KioskCoverage,
    ReportHubError,
    ReportService,
    ResolveError,
    Scope,
    ScopeError,
    WrittenFile,
)
from kiosk.cli.options import (
    Command,
    State,
    delimiter_option,
    output_file_option,
    print_json,
    progress,
    working,
)
from kiosk.cli.output import counted

_DAY = click.DateTime(formats=["%Y-%m-%d"])


@contextmanager
def _reports(state: State) -> Iterator[ReportService]:
    """The report service of the event file, for one command: the Desk's (the one door)."""
    with state.desk() as desk:
        yield desk.reports


def _scope(reports: ReportService, day: date | None, list_id: int | None = None) -> Scope:
    """The scope asked for, or the usage error naming the days or lists there are."""
    try:
        return reports.scope(day, list_id)
    except ScopeError as exc:
        raise click.BadParameter(str(exc), param_hint=exc.option) from exc


def _email(email: str) -> str:
    return f" <{email}>" if email else ""


class HubUnavailable(click.ClickException):
    """The hub a report over all kiosks needs could not be reached: exit status 2."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(f"Error: {self.format_message()}", err=True)


def _hub_options(command: Command) -> Command:
    command = click.option(
        "--hub-schema",
        default=None,
        help="PostgreSQL schema of the hub's tables (default: the remembered one, else kiosk_hub).",
    )(command)
    return click.option(
        "--hub",
        "hub",
        is_flag=False,
        flag_value="",
        default=None,
        metavar="DSN",
        help="Sync with the hub first and report over all kiosks' data; with no DSN, the hub "
        "this kiosk last synced with (or $KIOSK_HUB_DSN). Stops if the hub cannot be reached.",
    )(command)


def _sync_first(
    reports: ReportService, hub: str | None, schema: str | None, *, quiet: bool = False
) -> list[KioskCoverage] | None:
    """With ``--hub``: sync with the hub (pulling every kiosk's scans and roster) and say what
    the merged log covers. A hub that cannot be reached stops the command: a report silently
    missing other kiosks' check-ins is worse than none."""
    if hub is None:
        return None
    try:
        synced = reports.sync_with_hub(hub, schema)
    except ReportHubError as exc:
        raise HubUnavailable(str(exc)) from exc
    if not quiet:
        click.echo(
            f"Synced with the hub: received {synced.pulled} scans from other kiosks, sent "
            f"{synced.pushed}."
        )
    return synced.covered


def _show_coverage(found: list[KioskCoverage]) -> None:
    with_scans = [k for k in found if k.scans]
    click.echo(f"The report covers {len(with_scans)} kiosks:")
    for k in with_scans:
        last = f"{k.last_scan:%Y-%m-%d %H:%M}" if k.last_scan else "-"
        line = f"  {k.name or k.kiosk_id}: {k.scans} scans, last {last} (no. {k.last_seq})"
        if k.gaps:
            shown = ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in k.gaps[:5])
            more = f" and {len(k.gaps) - 5} more" if len(k.gaps) > 5 else ""
            line += f"; MISSING scans {shown}{more} (not merged yet)"
        click.echo(line)
    idle = [k.name or k.kiosk_id for k in found if not k.scans]
    if idle:
        click.echo(f"  known, with no scans: {', '.join(idle)}")
    if any(k.gaps for k in found):
        click.echo(
            "Warning: some kiosks' scans are missing (see above) — sync those kiosks with the "
            "hub, or import their bundles, then report again."
        )


def _coverage_json(found: list[KioskCoverage]) -> list[dict[str, Any]]:
    return [
        {
            "kiosk_id": k.kiosk_id,
            "name": k.name,
            "scans": k.scans,
            "last_seq": k.last_seq,
            "last_scan": k.last_scan.isoformat() if k.last_scan else None,
            "gaps": [list(g) for g in k.gaps],
        }
        for k in found
    ]


def _language_option(command: Command) -> Command:
    return click.option(
        "--language",
        type=click.Choice(["en", "bg", "ro"]),
        default="en",
        envvar="KIOSK_REPORT_LANGUAGE",
        show_default=True,
        help="Language of the file's headings, column names and words: English, Bulgarian or "
        "Romanian (default: $KIOSK_REPORT_LANGUAGE, else English). The content digest is "
        "always that of the English comma-separated register.",
    )(command)


def _show(files: list[WrittenFile], t: Callable[..., str] | None = None) -> None:
    """Each written file with its digest, in the report's language when ``t`` is given."""
    for f in files:
        if t is None:
            click.echo(f"  {f.path}  sha256 {f.sha256}")
            click.echo(f"  {f.path.name}.sha256 written beside it")
        else:
            click.echo(t("cli.file", path=f.path, sha256=f.sha256))
            click.echo(t("cli.beside", digest_file=f"{f.path.name}.sha256"))



@click.command("report")
@click.option("--day", type=_DAY, help="Only this day (YYYY-MM-DD). Default: the whole event.")
@click.option("--list", "list_id", type=int, help="Only this check-in list (in person only).")
@output_file_option("File to write: .csv (register, plus NAME-summary.csv), .xlsx or .pdf.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "xlsx", "pdf"]),
    help="File format (default: from the file name).",
)
@delimiter_option
@click.option(
    "--chart",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the arrivals chart (first arrivals per 15 minutes) to this PNG file.",
)
@_language_option
@_hub_options
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@click.pass_obj
def report_cmd(
    state: State,
    day: datetime | None,
    list_id: int | None,
    output: Path,
    fmt: str | None,
    delimiter: str,
    chart: Path | None,
    language: str,
    hub: str | None,
    hub_schema: str | None,
    as_json: bool,
) -> None:
    """Attendance report of a day, a list or the whole event: the register (one row per
    person per day, in person and online), counts by day, list, country, category and
    organisation, refused scans, people admitted more than once (duplicates and conflicts
    after merging kiosks) and the arrivals curve.

    With --hub the kiosks' data is brought together first, and the kiosks covered, the
    last scan of each and any scans still missing are printed with the report.

    Every file gets a SHA-256 digest written beside it (NAME.sha256, checkable with
    'sha256sum -c') and kept in the database.
    """
    fmt = fmt or {".xlsx": "xlsx", ".pdf": "pdf"}.get(output.suffix.lower(), "csv")
    with _reports(state) as reports:
        scope = _scope(reports, day.date() if day else None, list_id)
        covered = _sync_first(reports, hub, hub_schema, quiet=as_json)
        working("Reading the attendance log and counting…")
        report = reports.build(scope, language)
        label = {"xlsx": "Writing the workbook", "pdf": "Laying out the PDF"}.get(
            fmt, "Writing the register"
        )
        with progress(0 if as_json else len(report.register.entries), label) as step:
            files = reports.write(report, fmt, output, delimiter=delimiter, chart=chart,
                                  progress=step)  # fmt: skip
    if as_json:
        print_json(
            {s.key: {"header": list(s.header), "rows": s.rows} for s in report.sections}
            | {"files": [{"path": str(f.path), "sha256": f.sha256} for f in files]}
            | ({"coverage": _coverage_json(covered)} if covered is not None else {})
        )
        return
    if covered is not None:
        _show_coverage(covered)
    by_day = report.section("by_day")
    t = report.t
    click.echo(t("cli.rows", event=report.register.event.name, count=len(report.register.entries)))
    for row in by_day.rows:
        click.echo(
            t("cli.day", day=row[0], registered=row[1], in_person=row[2], online=row[3],
              either=row[4], no_shows=row[5])
        )  # fmt: skip
    _show(files, t)


@click.group("export")
def export_group() -> None:
    """Export reports to files."""


@export_group.command("attendance")
@click.option("--day", required=True, type=_DAY, help="The day.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "xlsx"]),
    default=None,
    help="File format (default: from the file name).",
)
@output_file_option("File to write (.csv or .xlsx).")
@delimiter_option
@click.option("--list", "list_id", type=int, help="Only this check-in list.")
@click.option(
    "--sort",
    type=click.Choice(["name", "time"]),
    default="name",
    show_default=True,
    help="Order rows by last name or by arrival time.",
)
@_language_option
@click.pass_obj
def export_attendance(
    state: State,
    day: datetime,
    fmt: str | None,
    output: Path,
    delimiter: str,
    list_id: int | None,
    sort: str,
    language: str,
) -> None:
    """The attendance list of one day: everyone admitted in person, with their first check-in.

    Written like every report file: a SHA-256 digest beside it (NAME.sha256) and kept in the
    database. 'kiosk report --day D' writes the day's full register (in person and online)."""
    fmt = fmt or ("xlsx" if output.suffix.lower() == ".xlsx" else "csv")
    with _reports(state) as reports:
        _scope(reports, None, list_id)
        working("Reading the attendance log…")
        label = "Writing the workbook" if fmt == "xlsx" else "Writing the list"
        with progress(None, label) as step:
            people, written = reports.export_attendance(
                day.date(), output, fmt=fmt, list_id=list_id, order=sort, delimiter=delimiter,
                language=language, progress=step,
            )  # fmt: skip
    click.echo(f"Wrote {people} people admitted on {day.date().isoformat()} to {output}.")
    _show([written])


@click.command("sign-in-sheet")
@click.option("--day", required=True, type=_DAY, help="The day (YYYY-MM-DD).")
@output_file_option("PDF file to write.")
@click.option(
    "--attended",
    is_flag=True,
    help="List those who attended (in person or online) instead of everyone registered.",
)
@click.option(
    "--reference",
    default="",
    help="A funding or project line printed under the header, e.g. the programme and "
    "project code.",
)
@_language_option
@click.option(
    "--single-language",
    is_flag=True,
    help="Bulgarian or Romanian sheets name every heading in both languages "
    "(\"Име / Nume\"); this prints only the one chosen.",
)
@_hub_options
@click.pass_obj
def sign_in_sheet_cmd(
    state: State,
    day: datetime,
    output: Path,
    attended: bool,
    reference: str,
    language: str,
    single_language: bool,
    hub: str | None,
    hub_schema: str | None,
) -> None:
    """A4 PDF sheet for signatures (No., Name, Organisation, Country, Signature), sorted by
    last name; pre-filled with everyone registered for the day, or with --attended those who
    came. In Bulgarian or Romanian every heading also reads in the other language, for
    attendees from both countries."""
    with _reports(state) as reports:
        scope = _scope(reports, day.date())
        covered = _sync_first(reports, hub, hub_schema)
        report = reports.build(scope, language)
        with progress(None, "Laying out the sheet") as step:
            written = reports.sign_in_sheet(
                report,
                day.date(),
                output,
                attended=attended,
                reference=reference,
                bilingual=not single_language,
                progress=step,
            )
    if covered is not None:
        _show_coverage(covered)
    click.echo(f"Wrote the sign-in sheet of {day.date().isoformat()} to {output}.")
    _show([written])


@click.command("import-online")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--day", required=True, type=_DAY, help="The event day of the meeting.")
@click.option(
    "--force-day",
    is_flag=True,
    help="Store the report under --day even though its join times fall on another day "
    "(a meeting past midnight).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary (or the refusal) "
              "as JSON.")  # fmt: skip
@click.pass_obj
def import_online_cmd(
    state: State, file: Path, day: datetime, force_day: bool, as_json: bool
) -> None:
    """Import a Zoom participants or webinar attendee report, a Teams attendance report or
    a Google Meet attendance report (online attendance) for one event day.

    The report's join times must fall on --day. People are matched to registrants by
    e-mail, then by name (transliteration, diacritics and word order do not matter); the
    others are listed to resolve with 'kiosk online'. Hosts and organizers who are
    registered count like any participant; a host account that matches nobody is listed
    and not counted. Importing the same report again changes nothing.
    """
    try:
        with _reports(state) as reports:
            result = reports.import_online(file, day.date(), force_day=force_day)
    except ImportFileError as exc:  # an OnlineReportError, or the text unreadable
        if not as_json:
            raise
        print_json(
            {"ok": False, "reason": getattr(exc, "reason", "unreadable"), "error": str(exc),
             "file": str(file)}
        )  # fmt: skip
        sys.exit(2)
    if as_json:
        print_json(result.as_dict())
        return
    platform = PLATFORM_NAMES[result.platform]
    meeting = f" '{result.meeting}'" if result.meeting else ""
    click.echo(
        f"Imported {file.name}: {platform} report{meeting} ({result.layout}), "
        f"{counted(result.sessions, 'session')} ({result.added} new, "
        f"{result.already} already imported)."
    )
    if result.forced_day:
        other = ", ".join(d.isoformat() for d in result.other_days)
        click.echo(f"  stored under {day.date().isoformat()} although joins are on {other}")
    matched = result.matched
    click.echo(
        f"  matched {result.people} people ({matched.get('email', 0)} by e-mail, "
        f"{matched.get('name', 0)} by name, {matched.get('organizer', 0)} as resolved "
        "before)"
    )
    if result.absent:
        click.echo(f"  {result.absent} webinar registrants did not attend (not stored)")
    for host in result.hosts:
        what = (f"registered ({host.code}): counted" if host.counted
                else "not a registrant: not counted")  # fmt: skip
        click.echo(f"  {host.role}: {host.name}{_email(host.email)} — {what}")
    if result.unmatched:
        click.echo(f"  {len(result.unmatched)} not matched to a registrant:")
        for u in result.unmatched:
            sessions = counted(u.sessions, "session")
            click.echo(f"    {u.name}{_email(u.email)}: {sessions}, {u.minutes} min")
        click.echo(
            f"  Resolve each with: kiosk online resolve NAME --day {day.date().isoformat()} "
            "(--code CODE | --add | --ignore)"
        )


@click.group("online")
def online() -> None:
    """Online participants not matched to a registrant: list and resolve them."""


@online.command("unmatched")
@click.option("--day", required=True, type=_DAY, help="The event day.")
@click.pass_obj
def online_unmatched(state: State, day: datetime) -> None:
    """List the online participants of a day still to resolve."""
    with _reports(state) as reports:
        found = reports.unmatched_online(day.date())
    if not found:
        click.echo("Everyone is matched or ignored.")
    for u in found:
        click.echo(f"{u.name}{_email(u.email)}: {counted(u.sessions, 'session')}, {u.minutes} min")


@online.command("resolve")
@click.argument("name")
@click.option("--day", required=True, type=_DAY, help="The event day.")
@click.option("--email", help="Only the participant with this e-mail (names can repeat).")
@click.option("--code", "attendee_code", help="Link to the registrant with this ticket code.")
@click.option("--add", is_flag=True, help="Add as a new online-only attendee.")
@click.option("--ignore", is_flag=True, help="Do not count this participant.")
@click.option("--category", default="participant", show_default=True, help="For --add.")
@click.option("--country", default="", help="For --add.")
@click.option("--organization", default="", help="For --add.")
@click.pass_obj
def online_resolve(
    state: State,
    name: str,
    day: datetime,
    email: str | None,
    attendee_code: str | None,
    add: bool,
    ignore: bool,
    category: str,
    country: str,
    organization: str,
) -> None:
    """Settle the unmatched online participant NAME (as the report spells it): link them to
    a registrant, add them as an online-only attendee, or ignore them. Re-imports of the
    report remember the answer."""
    with _reports(state) as reports:
        try:
            code = reports.resolve_online(
                day.date(),
                name,
                email=email,
                attendee_code=attendee_code,
                add=add,
                ignore=ignore,
                category=category,
                country=country,
                organization=organization,
            )
        except ResolveError as exc:
            raise click.UsageError(str(exc)) from exc
    if code is None:
        click.echo(f"Ignored '{name}' on {day.date().isoformat()}.")
    elif add:
        click.echo(f"Added '{name}' as an online-only attendee (code {code}).")
    else:
        click.echo(f"Linked '{name}' to the registrant with code {code}.")


@click.command("purge")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_obj
def purge_cmd(state: State, yes: bool, as_json: bool) -> None:
    """After the event: remove personal data (names, organisations, e-mails, phones, ticket
    codes, online participants' names), keeping the anonymous counts, each day's register
    digest and the digests of every exported file.

    Export the registers you must keep (kiosk report, kiosk sign-in-sheet) first: this
    cannot be undone.
    """
    with _reports(state) as reports:
        if not yes:
            todo = reports.purge_plan()
            click.echo(
                f"This removes the personal data of {todo.people} registrations and "
                f"{todo.online_participants} online participants from '{reports.event().name}' "
                f"({state.db_path}). Counts and digests are kept. It cannot be undone."
            )
            if not click.confirm("Remove the personal data now?", default=False):
                click.echo("Nothing was removed.")
                sys.exit(1)
        summary = reports.purge()
    if as_json:
        print_json(summary.as_json())
        return
    click.echo(
        f"Removed the personal data of {summary.people} registrations and "
        f"{counted(summary.online_sessions, 'online session')}; search index emptied "
        f"({summary.search_terms} terms)."
    )
    click.echo("Kept: the counts below, the register digest of each day, export digests.")
    for row in summary.kept_counts["sections"]["by_day"]["rows"]:
        click.echo(
            f"  {row[0]}: registered {row[1]}, in person {row[2]}, online {row[3]}, "
            f"either {row[4]}"
        )
    for day, digest in summary.kept_counts["register_sha256"].items():
        click.echo(f"  register {day} sha256 {digest}")


#: The commands of this module, as the ``kiosk`` group names them.
COMMANDS: tuple[click.Command, ...] = (
    report_cmd,
    export_group,
    sign_in_sheet_cmd,
    import_online_cmd,
    online,
    purge_cmd,
)


def register(cli: click.Group, _pass_state: Callable[[Command], Command]) -> None:
    """Add the reporting commands to ``cli`` (the lazy loader of :mod:`kiosk.cli.main` calls
    this when one of them is first asked for)."""
    for command in COMMANDS:
        cli.add_command(command)
