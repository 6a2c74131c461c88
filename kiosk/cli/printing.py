"""Badge and printer commands: ``badge``, ``badges pdf``, ``templates``, ``printers``,
``print``, ``print-test`` and ``print-queue``."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click

from kiosk.app import badging
from kiosk.app.printing import (
    NeedsConfirmation,
    PrinterError,
    PrintRequestError,
    find_printers,
)
from kiosk.cli.options import Command, State, output_file_option, progress
from kiosk.core import wording
from kiosk.core.model import Attendee


def _person(badges: badging.Badges, code: str) -> Attendee:
    person = badges.person(code)
    if person is None:
        raise click.ClickException(
            f"No attendee has the code {code!r} — check it, or find the person with "
            "'kiosk search NAME'."
        )
    return person


@click.command()
@click.argument("code")
@output_file_option("badge.png or badge.pdf.")
@click.option(
    "--template", default="roll-80mm", show_default=True, help="Template name or file."
)
@click.pass_obj
def badge(state: State, code: str, output: Path, template: str) -> None:
    """Render one attendee's badge to a PNG or PDF file (nothing is printed or logged)."""
    with state.desk() as desk:
        maker = desk.badges
        person = _person(maker, code)
        try:
            maker.write(person, template, output)
        except badging.BadgeFileError as exc:
            raise click.ClickException(str(exc)) from None
    click.echo(f"Wrote the badge of {person.first_name} {person.last_name} to {output}.")


@click.group()
def badges() -> None:
    """Badges for everyone at once."""


@badges.command("pdf")
@output_file_option("The PDF to write.")
@click.option("--template", default="a4-sheet", show_default=True, help="A sheet template.")
@click.option(
    "--list", "list_id", type=int,
    help="Only people expected on this check-in list (its day and categories).",
)  # fmt: skip
@click.option(
    "--sort", type=click.Choice(sorted(badging.BADGE_ORDERS)), default=badging.DEFAULT_ORDER,
    show_default=True, help="Order of the badges.",
)  # fmt: skip
@click.option("--include-cancelled", is_flag=True, help="Also cancelled registrations.")
@click.pass_obj
def badges_pdf(
    state: State, output: Path, template: str, list_id: int | None, sort: str,
    include_cancelled: bool,
) -> None:  # fmt: skip
    """Pre-print everyone's badges on sheets (A4 or Letter) for an office printer.

    With --list, only the people the check-in rule expects on that list: registered for
    its day and in one of its categories."""
    badging.sheet_template(template)  # a wrong template fails before anyone is read
    with state.desk() as desk:
        try:
            batch = desk.badges.batch(
                list_id=list_id, order=sort, include_cancelled=include_cancelled
            )
        except badging.BadgeFileError as exc:
            raise click.ClickException(str(exc)) from None
    if not batch.people:
        raise click.ClickException("Nobody to print: the event has no such attendees.")
    with progress(len(batch.people), "Drawing badges", after_seconds=1.0) as step:
        done = badging.write_badges_pdf(batch, output, template=template, progress=step)
    click.echo(f"Wrote {done.badges} badges on {done.pages} pages to {output}.")


@click.command()
def templates() -> None:
    """The badge templates: built-in media and their sizes."""
    for info in badging.templates():
        click.echo(f"{info.name:<20} {info.kind:<6} {info.title} — {info.media}")


@click.command()
def printers() -> None:
    """Printers this computer can see, as addresses for --printer."""
    found = find_printers()
    if not found:
        click.echo("No printers found. Network printers are not discovered: give their "
                   "address, e.g. escpos+tcp://192.168.1.50:9100?profile=TM-T20II")  # fmt: skip
        return
    for printer in found:
        click.echo(f"{printer.uri:<50} {printer.description}")


@click.command("print")
@click.argument("code")
@click.option("--printer", "uri", help="Printer address (default: this kiosk's printer).")
@click.option("--template", help="Template (default: this kiosk's template).")
@click.option("--again", is_flag=True, help="Print even if a badge was printed before.")
@click.pass_obj
def print_badge(
    state: State, code: str, uri: str | None, template: str | None, again: bool
) -> None:
    """Print one attendee's badge now, through the print queue (logged as badge printed)."""
    with state.desk() as desk:
        service = desk.printing
        person = _person(desk.badges, code)
        # --printer and --template are for this print only: the job keeps its own copy.
        try:
            answer = service.request_print(
                person.uid, reprint_confirmed=again, printer_uri=uri, template=template
            )
        except PrintRequestError as exc:
            raise click.ClickException(str(exc)) from None
        if isinstance(answer, NeedsConfirmation):
            raise click.ClickException(
                f"A badge was printed for {person.first_name} {person.last_name} at "
                f"{answer.previous_at.astimezone():%Y-%m-%d %H:%M} on "
                f"{answer.previous_kiosk or wording.phrase('another_kiosk')} — add --again to "
                "print another."
            )
        job = service.process_one()
    if job is None or job.state.value != "done":
        message = job.message if job is not None else "the job did not run"
        click.echo(f"Error: not printed — {message}", err=True)
        sys.exit(1)
    who = f"{person.first_name} {person.last_name}"
    click.echo(f"Printed the badge of {who} on {job.printer_uri}.")


@click.command("print-test")
@click.option("--printer", "uri", required=True, help="Printer address.")
@click.pass_obj
def print_test(state: State, uri: str) -> None:
    """Print a test page with every character of the event's names."""
    if Path(state.db_path).exists():
        with state.desk() as desk:
            media = desk.badges.test_page(uri)
    else:
        media = badging.print_test_page(None, uri)
    click.echo(f"Test page sent to {uri} ({media.width_px} dots at {media.dpi} dpi).")


@click.command("print-queue")
@click.option("--retry", "retry_id", type=int, help="Retry this failed job now.")
@click.option("--cancel", "cancel_id", type=int, help="Cancel this job.")
@click.option("--run", is_flag=True, help="Print the jobs that are due.")
@click.pass_obj
def print_queue(
    state: State, retry_id: int | None, cancel_id: int | None, run: bool
) -> None:
    """This kiosk's badge jobs: waiting, printed, failed (with why)."""
    with state.desk() as desk:
        service = desk.printing
        if retry_id is not None:
            service.retry(retry_id)
        if cancel_id is not None:
            service.cancel(cancel_id)
        if run:
            service.process_due()
        for job in service.jobs(50):
            when = job.created_at.astimezone().strftime("%H:%M:%S")
            click.echo(
                f"{job.id:>5} {when} {job.state.value:<9} {job.attempts} "
                f"{job.attendee_name:<30} {job.message}"
            )

def register(cli: click.Group, _pass_state: Callable[[Command], Command]) -> None:
    """Add the badge and printer commands to ``cli`` (the lazy loader of :mod:`kiosk.cli.main`
    calls this)."""
    for command in (badge, badges, templates, printers, print_badge, print_test, print_queue):
        cli.add_command(command)

__all__ = ["PrinterError", "register"]
