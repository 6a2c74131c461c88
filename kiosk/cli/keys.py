"""``kiosk keys``: the event's signing keys and revocation lists, for signed tickets."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kiosk.app.keys import MIN_PASSPHRASE, SigningError, key_id_text
from kiosk.cli.options import Command, State, output_file_option
from kiosk.cli.output import counted
from kiosk.core.model import Attendee

if TYPE_CHECKING:
    from kiosk.app.door import Desk

#: Environment variable a script may set instead of typing the passphrase.
PASSPHRASE_ENV = "KIOSK_KEY_PASSPHRASE"


class KeyFailure(click.ClickException):
    """A key problem, reported like every other environment error (exit status 2)."""

    exit_code = 2


@contextmanager
def _reported() -> Iterator[None]:
    try:
        yield
    except SigningError as exc:
        raise KeyFailure(str(exc)) from exc


def passphrase(passphrase_file: Path | None, *, confirm: bool) -> bytes:
    """The passphrase from --passphrase-file, else $KIOSK_KEY_PASSPHRASE, else a prompt."""
    if passphrase_file is not None:
        try:
            text = passphrase_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise KeyFailure(f"Cannot read the passphrase file {passphrase_file}: {exc}") from exc
        text = text.removesuffix("\n").removesuffix("\r")
        if not text:
            raise KeyFailure(f"The passphrase file {passphrase_file} is empty.")
        return text.encode("utf-8")
    env = os.environ.get(PASSPHRASE_ENV)
    if env:
        return env.encode("utf-8")
    if not sys.stdin.isatty():
        raise KeyFailure(
            f"no passphrase: give --passphrase-file or set {PASSPHRASE_ENV} when not typing it."
        )
    label = (
        f"New passphrase for the signing key (at least {MIN_PASSPHRASE} characters)"
        if confirm
        else "Passphrase of the signing key"
    )
    text = click.prompt(label, hide_input=True, confirmation_prompt=confirm)
    return str(text).encode("utf-8")


_passphrase_option = click.option(
    "--passphrase-file",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help=f"Read the key's passphrase from this file (else ${PASSPHRASE_ENV}, else a prompt).",
)


@click.group("keys")
def keys() -> None:
    """Signed tickets: the event's keys and revocation lists.

    The organizer makes a key pair once (init) and keeps the private key file; kiosks get
    only the public keys (export-public on the organizer's database, add-public on each
    kiosk). 'kiosk tickets --signed' then issues codes a kiosk admits even when the person
    is not in its roster. Revoked tickets are refused once a kiosk imports the revocation
    list (revoke, import-revocations).
    """


@keys.command("init")
@output_file_option("Where to write the private key (encrypted). Keep it off the kiosks.")
@_passphrase_option
@click.pass_obj
def keys_init(state: State, output: Path, passphrase_file: Path | None) -> None:
    """Make the event's signing key pair; this database trusts its public key."""
    secret = passphrase(passphrase_file, confirm=True)
    with _reported(), state.desk() as desk:
        made = desk.keys.init(output, secret)
    click.echo(f"Made signing key {made.key_id}. Private key (keep it safe): {output}")
    click.echo(
        "Keep the passphrase safe too: it cannot be recovered, and without it no new signed "
        "tickets can be issued."
    )
    click.echo("Next: 'kiosk keys export-public -o keys.json', then on each kiosk "
               "'kiosk keys add-public keys.json'.")  # fmt: skip


@keys.command("export-public")
@output_file_option("File to write the public keys to (safe to copy to every kiosk).")
@click.pass_obj
def keys_export_public(state: State, output: Path) -> None:
    """Write the public keys this database trusts, for 'kiosk keys add-public' on kiosks."""
    with _reported(), state.desk() as desk:
        count = desk.keys.export_public(output)
    click.echo(f"Wrote {count} public key(s) to {output}.")


@keys.command("add-public")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.pass_obj
def keys_add_public(state: State, file: Path) -> None:
    """Trust the public keys in FILE (several keys may be trusted at once)."""
    with _reported(), state.desk() as desk:
        added, known = desk.keys.add_public(file)
    click.echo(f"Added {added} key(s); {known} were already trusted.")


@keys.command("list")
@click.pass_obj
def keys_list(state: State) -> None:
    """Show the public keys this database trusts and the revocation list it holds."""
    with state.desk() as desk:
        held = desk.keys.trusted()
        revocations = desk.keys.revocations()
    if not held:
        click.echo("No signing keys: signed tickets are refused here.")
    for k in held:
        click.echo(f"key {key_id_text(k.key_id)}  made {k.created_at}  added {k.added_at}")
    if revocations is None:
        click.echo("No revocation list.")
    else:
        click.echo(
            f"Revocation list {revocations.serial} of {revocations.issued_at}: "
            f"{counted(revocations.count, 'ticket')} revoked."
        )


@keys.command("remove")
@click.argument("key_id")
@click.pass_obj
def keys_remove(state: State, key_id: str) -> None:
    """Stop trusting the key KEY_ID (as 'kiosk keys list' shows it): its tickets are
    refused from now on."""
    with _reported(), state.desk() as desk:
        removed = desk.keys.remove(key_id)
    click.echo(f"Removed {removed} key(s) {key_id}.")


@keys.command("revoke")
@click.argument("targets", nargs=-1, required=True)
@click.option(
    "--key",
    "key_path",
    required=True,
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="The private key file made by 'kiosk keys init'.",
)
@output_file_option("File to write the new signed revocation list to, for the kiosks.")
@_passphrase_option
@click.pass_obj
def keys_revoke(
    state: State,
    targets: tuple[str, ...],
    key_path: Path,
    output: Path,
    passphrase_file: Path | None,
) -> None:
    """Revoke the signed tickets of TARGETS (ticket codes or attendee ids).

    Writes a new signed revocation list (the previous one plus these) with the next
    serial number; kiosks refuse the tickets once they import it.
    """
    secret = passphrase(passphrase_file, confirm=False)
    with _reported(), state.desk() as desk:
        made = desk.keys.revoke(key_path, secret, targets, output)
    click.echo(
        f"Wrote revocation list {made.serial} ({counted(made.count, 'ticket')} revoked) to "
        f"{output}. Import it on every kiosk with 'kiosk keys import-revocations'; bundles and the "
        "hub carry it to the other kiosks too."
    )


@keys.command("import-revocations")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.pass_obj
def keys_import_revocations(state: State, file: Path) -> None:
    """Hold the signed revocation list in FILE (only if it is newer than the one held)."""
    with _reported(), state.desk() as desk:
        made = desk.keys.import_revocations(file)
    revoked = counted(made.count, "ticket")
    click.echo(f"Now holding revocation list {made.serial}: {revoked} revoked.")


def register(cli: click.Group, _pass_state: Callable[[Command], Command]) -> None:
    """Add ``keys`` to ``cli`` (the lazy loader of :mod:`kiosk.cli.main` calls this)."""
    cli.add_command(keys)


@keys.command("block")
@click.argument("codes", nargs=-1, required=True)
@click.option("--operator", default="", help="Who blocked it (kept in the log).")
@click.pass_obj
def keys_block(state: State, codes: tuple[str, ...], operator: str) -> None:
    """Block the tickets with these CODES (a lost or shared ticket): every credential of
    the person — QR, signed or plain code, search at the desk, self-service — is refused
    as 'revoked'. Needs no signing key; reaches the other kiosks with the next sync.
    'kiosk keys unblock' lifts it."""
    _set_blocked(state, codes, True, operator)


@keys.command("unblock")
@click.argument("codes", nargs=-1, required=True)
@click.option("--operator", default="", help="Who lifted the block (kept in the log).")
@click.pass_obj
def keys_unblock(state: State, codes: tuple[str, ...], operator: str) -> None:
    """Lift 'kiosk keys block' from the tickets with these CODES."""
    _set_blocked(state, codes, False, operator)


def _set_blocked(state: State, codes: tuple[str, ...], blocked: bool, operator: str) -> None:
    from kiosk.app.people import PersonError

    with state.desk() as desk:
        for code in codes:
            try:
                person = desk.set_blocked(code, blocked, operator=operator)
            except PersonError as exc:
                raise KeyFailure(str(exc)) from exc
            what = "Blocked" if blocked else "Unblocked"
            click.echo(f"{what} ticket {person.code} ({person.name}).")


def signed_codes(
    desk: Desk, key_path: Path, passphrase_file: Path | None
) -> Callable[[Attendee], str]:
    """What the QR of each person's signed ticket says (for ``kiosk tickets --signed``)."""
    secret = passphrase(passphrase_file, confirm=False)
    with _reported():
        sign = desk.keys.signer(key_path, secret)

    def code(person: Attendee) -> str:
        try:
            return sign(person)
        except ValueError as exc:
            raise KeyFailure(
                f"cannot sign the ticket of {person.first_name} {person.last_name} "
                f"(code {person.code}): {exc}"
            ) from exc

    return code
