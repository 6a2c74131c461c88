"""``kiosk tickets``: a QR ticket image per attendee and a mail-merge CSV (loaded only when it
runs, so that a check-in does not load the QR and imaging code)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click

from kiosk.app.tickets import write_tickets
from kiosk.cli.options import Command, State, delimiter_option, progress
from kiosk.core.model import Attendee


@click.command()
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the ticket images and mail-merge.csv.",
)
@click.option(
    "--include-cancelled", is_flag=True, help="Also write tickets of cancelled people."
)
@delimiter_option
@click.option(
    "--signed",
    is_flag=True,
    help="Signed codes (need --key): kiosks admit them even if the person is not in their "
    "list.",
)
@click.option(
    "--key",
    "key_path",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="The private key made by 'kiosk keys init' (with --signed).",
)
@click.option(
    "--passphrase-file",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Read the key's passphrase from this file (else $KIOSK_KEY_PASSPHRASE, else a "
    "prompt).",
)
@click.pass_obj
def tickets(
    state: State,
    output: Path,
    include_cancelled: bool,
    signed: bool,
    key_path: Path | None,
    passphrase_file: Path | None,
    delimiter: str,
) -> None:
    """Write a QR ticket image per attendee and a mail-merge CSV (name, email, code, file).

    With --signed the QR carries the person's id, name, category, valid days and the
    event's signature (see 'kiosk keys').
    """
    if signed != (key_path is not None):
        click.echo(
            "Error: --signed and --key go together: give both for signed tickets, or "
            "neither.",
            err=True,
        )
        sys.exit(2)
    qr_text: Callable[[Attendee], str] | None = None
    with state.desk() as desk:
        batch = desk.tickets(include_cancelled=include_cancelled)
        if key_path is not None:
            from kiosk.cli.keys import signed_codes

            sign = signed_codes(desk, key_path, passphrase_file)
            # Every code first: a ticket that cannot be signed stops the command before
            # any file is written.
            texts = {person.id: sign(person) for person in batch.people}
            qr_text = lambda person: texts[person.id]  # noqa: E731
    with progress(len(batch.people), "Writing tickets", after_seconds=1.0) as step:
        done = write_tickets(
            batch, output, qr_text=qr_text, delimiter=delimiter, progress=step
        )
    kind = "signed tickets" if signed else "tickets"
    click.echo(f"Wrote {done.images} {kind} to {output} and the list {done.merge_csv}.")


def register(cli: click.Group, _pass_state: Callable[[Command], Command]) -> None:
    """Add ``tickets`` to ``cli`` (the lazy loader of :mod:`kiosk.cli.main` calls this)."""
    cli.add_command(tickets)
