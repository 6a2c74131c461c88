"""Badge and printer commands: ``badge``, ``badges pdf``, ``templates``, ``printers``,
``print``, ``print-test`` and ``print-queue``."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click

from kiosk.app.badging import badge_renderer, badge_template, print_test_page
from kiosk.app.printing import NeedsConfirmation, PrintRequestError, PrintService
from kiosk.badges.render import BadgeData, render_badge
from kiosk.badges.sheets import sheet_pages, write_pdf
from kiosk.badges.template import list_templates, load_sheet_template
from kiosk.cli.options import Command, State
from kiosk.core.model import Attendee
from kiosk.printing.base import PrinterError
from kiosk.printing.discover import discover, open_printer
from kiosk.storage import attendees, events
from kiosk.storage.attendees import from_row
from kiosk.storage.database import Database

#: How people are ordered for pre-printing (sheets are cut and sorted into boxes by this).
SORTS = {
    "last-name": "sort_key, id",
    "organization": "organization COLLATE NOCASE, sort_key, id",
    "country": "country COLLATE NOCASE, sort_key, id",
    "code": "code, id",
}


def _print_service(db: Database) -> PrintService:
    """This computer's kiosk's print queue, as the desk runs it."""
    renderer = badge_renderer(events.event_info(db).name)
    return PrintService(db, events.local_kiosk(db), renderer, open_printer)


def _person(db: Database, code: str) -> Attendee:
    person = attendees.find_by_code(db.conn, code.strip())
    if person is None:
        raise click.ClickException(
            f"No attendee has the code {code!r} — check it, or find the person with "
            "'kiosk search NAME'."
        )
    return person


def register(cli: click.Group, pass_state: Callable[[Command], Command]) -> None:
    @cli.command()
    @click.argument("code")
    @click.option(
        "-o",
        "--output",
        required=True,
        type=click.Path(dir_okay=False, path_type=Path),
        help="badge.png or badge.pdf.",
    )
    @click.option(
        "--template", default="roll-80mm", show_default=True, help="Template name or file."
    )
    @pass_state
    def badge(state: State, code: str, output: Path, template: str) -> None:
        """Render one attendee's badge to a PNG or PDF file (nothing is printed or logged)."""
        with state.open() as db:
            person = _person(db, code)
            name = events.event_info(db).name
        image = render_badge(BadgeData.from_attendee(person, name), badge_template(template))
        suffix = output.suffix.lower()
        if suffix not in (".png", ".pdf"):
            raise click.ClickException(f"{output}: write a .png or a .pdf file.")
        dpi = badge_template(template).page.dpi
        if suffix == ".pdf":
            write_pdf([image.convert("RGB")], output, dpi)
        else:
            temporary = output.with_name(output.name + ".part")
            image.save(temporary, format="PNG", dpi=(dpi, dpi))
            temporary.replace(output)
        click.echo(f"Wrote the badge of {person.first_name} {person.last_name} to {output}.")

    @cli.group()
    def badges() -> None:
        """Badges for everyone at once."""

    @badges.command("pdf")
    @click.option(
        "-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
        help="The PDF to write.",
    )  # fmt: skip
    @click.option("--template", default="a4-sheet", show_default=True, help="A sheet template.")
    @click.option("--list", "list_id", type=int, help="Only people valid on this check-in list.")
    @click.option(
        "--sort", type=click.Choice(sorted(SORTS)), default="last-name", show_default=True,
        help="Order of the badges.",
    )  # fmt: skip
    @click.option("--include-cancelled", is_flag=True, help="Also cancelled registrations.")
    @pass_state
    def badges_pdf(
        state: State, output: Path, template: str, list_id: int | None, sort: str,
        include_cancelled: bool,
    ) -> None:  # fmt: skip
        """Pre-print everyone's badges on sheets (A4 or Letter) for an office printer."""
        sheet = load_sheet_template(template)
        where = [] if include_cancelled else ["status = 'active'"]
        params: list[object] = []
        with state.open() as db:
            name = events.event_info(db).name
            if list_id is not None:
                chosen = events.checkin_list(db, list_id)
                if chosen is None:
                    raise click.ClickException(f"There is no check-in list {list_id}.")
                if chosen.day is not None:
                    where.append("(days = '[]' OR instr(days, ?) > 0)")
                    params.append(f'"{chosen.day.isoformat()}"')
            clause = f"WHERE {' AND '.join(where)}" if where else ""
            people = [
                from_row(r)
                for r in db.query(f"SELECT * FROM attendee {clause} ORDER BY {SORTS[sort]}", params)
            ]
        if not people:
            raise click.ClickException("Nobody to print: the event has no such attendees.")
        datas = (BadgeData.from_attendee(p, name) for p in people)
        pages = -(-len(people) // sheet.per_page)
        with click.progressbar(length=pages, label="Drawing badges", file=sys.stderr) as bar:
            done = [0]

            def step(written: int) -> None:
                bar.update(written - done[0])
                done[0] = written

            count = write_pdf(sheet_pages(datas, sheet), output, sheet.dpi, progress=step)
        click.echo(f"Wrote {len(people)} badges on {count} pages to {output}.")

    @cli.command()
    def templates() -> None:
        """The badge templates: built-in media and their sizes."""
        for info in list_templates():
            click.echo(f"{info.name:<20} {info.kind:<6} {info.title} — {info.media}")

    @cli.command()
    def printers() -> None:
        """Printers this computer can see, as addresses for --printer."""
        found = discover()
        if not found:
            click.echo("No printers found. Network printers are not discovered: give their "
                       "address, e.g. escpos+tcp://192.168.1.50:9100?profile=TM-T20II")  # fmt: skip
            return
        for printer in found:
            click.echo(f"{printer.uri:<50} {printer.description}")

    @cli.command("print")
    @click.argument("code")
    @click.option("--printer", "uri", help="Printer address (default: this kiosk's printer).")
    @click.option("--template", help="Template (default: this kiosk's template).")
    @click.option("--again", is_flag=True, help="Print even if a badge was printed before.")
    @pass_state
    def print_badge(
        state: State, code: str, uri: str | None, template: str | None, again: bool
    ) -> None:
        """Print one attendee's badge now, through the print queue (logged as badge printed)."""
        with state.open() as db:
            person = _person(db, code)
            service = _print_service(db)
            saved = (service.printer_uri(), service.template())
            if template:
                badge_template(template)  # a bad name fails here, before anything is queued
            # --printer and --template are for this print only: the job keeps its own copy.
            service.set_printer_uri(uri or saved[0])
            service.set_template(template or saved[1])
            try:
                answer = service.request_print(person.uid, reprint_confirmed=again)
            except PrintRequestError as exc:
                raise click.ClickException(str(exc)) from None
            finally:
                service.set_printer_uri(saved[0])
                service.set_template(saved[1])
            if isinstance(answer, NeedsConfirmation):
                raise click.ClickException(
                    f"A badge was printed for {person.first_name} {person.last_name} at "
                    f"{answer.previous_at.astimezone():%Y-%m-%d %H:%M} on "
                    f"{answer.previous_kiosk or 'another kiosk'} — add --again to print another."
                )
            job = service.process_one()
        if job is None or job.state.value != "done":
            message = job.message if job is not None else "the job did not run"
            click.echo(f"Error: not printed — {message}", err=True)
            sys.exit(1)
        who = f"{person.first_name} {person.last_name}"
        click.echo(f"Printed the badge of {who} on {job.printer_uri}.")

    @cli.command("print-test")
    @click.option("--printer", "uri", required=True, help="Printer address.")
    @pass_state
    def print_test(state: State, uri: str) -> None:
        """Print a test page with every character of the event's names."""
        if Path(state.db_path).exists():
            with state.open() as db:
                media = print_test_page(db, uri)
        else:
            media = print_test_page(None, uri)
        click.echo(f"Test page sent to {uri} ({media.width_px} dots at {media.dpi} dpi).")

    @cli.command("print-queue")
    @click.option("--retry", "retry_id", type=int, help="Retry this failed job now.")
    @click.option("--cancel", "cancel_id", type=int, help="Cancel this job.")
    @click.option("--run", is_flag=True, help="Print the jobs that are due.")
    @pass_state
    def print_queue(
        state: State, retry_id: int | None, cancel_id: int | None, run: bool
    ) -> None:
        """This kiosk's badge jobs: waiting, printed, failed (with why)."""
        with state.open() as db:
            service = _print_service(db)
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


__all__ = ["PrinterError", "register"]
