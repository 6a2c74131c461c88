"""``kiosk pin``: the self-service kiosk's admin PIN, for whoever can open the event file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict

import click

from kiosk.cli.options import Command, State, print_json


@click.group("pin")
def pin() -> None:
    """The admin PIN that staff type to leave the self-service kiosk."""


@pin.command("reset")
@click.option(
    "--forget", is_flag=True,
    help="Also remove the PIN: staff choose a new one the next time the kiosk starts.",
)  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def reset(state: State, forget: bool, as_json: bool) -> None:
    """End the wait after wrong PINs on this computer's kiosk, at once.

    Wrong PINs make the kiosk wait longer and longer (up to 3 minutes, also after a
    restart). Anyone who can open the event file may end that wait; the PIN itself stays
    unless --forget is given.
    """
    with state.desk() as desk:
        done = desk.reset_pin_lockout(forget_pin=forget)
    if as_json:
        print_json(asdict(done))
        return
    waited = (
        f", which still had to wait {int(done.was_waiting + 0.999)} s"
        if done.was_waiting > 0
        else ""
    )
    click.echo(
        f"Kiosk '{done.kiosk}': {done.failures} wrong PIN(s) forgotten{waited}; "
        "the PIN can be tried again now."
    )
    if done.forgot_pin:
        click.echo("The PIN was removed: staff choose a new one when the kiosk starts.")
    elif not done.pin_set:
        click.echo("No PIN is set yet: staff choose one when the kiosk starts.")


def register(cli: click.Group, _pass_state: Callable[[Command], Command]) -> None:
    """Add ``pin`` to ``cli`` (the lazy loader of :mod:`kiosk.cli.main` calls this)."""
    cli.add_command(pin)
