"""What the command modules share, defined once so commands read and behave the same: options,
the progress bar, JSON output and the state each command is handed."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import click

from kiosk.cli import terminal

if TYPE_CHECKING:
    from kiosk.app.door import Desk

F = TypeVar("F", bound=Callable[..., object])

#: A click command's function, as the modules' ``register(cli, pass_state)`` define them.
Command = Callable[..., None]


class State(Protocol):
    """What ``kiosk.cli.main`` hands every command: the event file and the way to open it."""

    db_path: Path

    def desk(self, kiosk_name: str | None = None) -> Desk:
        """The event file opened as the kiosk ``kiosk_name`` (default: this computer's): the
        one door every command goes through (``with state.desk() as desk: …``)."""
        ...


#: A command's ``--json`` answer: indented, Unicode kept, dates as ISO text.
print_json = terminal.print_json

#: The field separators every CSV export accepts (the writer maps "tab" to a tab character).
DELIMITER_CHOICES = (";", ",", "tab")


def delimiter_option(command: F) -> F:
    """``--delimiter`` of every command that writes CSV (the same choices and default)."""
    return click.option(
        "--delimiter",
        type=click.Choice(DELIMITER_CHOICES),
        default=";",
        envvar="KIOSK_CSV_DELIMITER",
        show_default=True,
        help="CSV field separator: ';' (opens as columns in Bulgarian and Romanian Excel), ',' "
        "or 'tab' (default: $KIOSK_CSV_DELIMITER, else ';').",
    )(command)



def output_file_option(help_text: str) -> Callable[[F], F]:
    """``-o/--output``: the one file a command writes (required; a folder is refused)."""
    return click.option(
        "-o",
        "--output",
        required=True,
        type=click.Path(dir_okay=False, path_type=Path),
        help=help_text,
    )

@contextmanager
def progress(
    total: int | None, label: str, *, after_seconds: float | None = None
) -> Iterator[Callable[[int, int], None]]:
    """A progress bar on stderr for ``total`` steps of slow work (an export of many rows);
    with ``total`` None the work's first report of (done, of all) says how many. Below 5,000
    steps the work takes well under a second and no bar is drawn.

    With ``after_seconds`` (for work whose steps are slow, such as drawing badges) the count
    does not matter: the bar appears once the work has run that long, at the step it reached.
    """
    with ExitStack() as stack:
        started = time.monotonic()
        bar: list[Any] = []
        last = [0]
        length = [total]

        def start(of: int) -> None:
            bar.append(
                stack.enter_context(click.progressbar(length=of, label=label, file=sys.stderr))
            )

        def step(done: int, of: int) -> None:
            if length[0] is None:
                length[0] = of
                if after_seconds is None and of >= 5000:
                    start(of)
            slow = after_seconds is not None and time.monotonic() - started >= after_seconds
            if not bar and slow:
                start(length[0] if length[0] is not None else of)
                last[0] = 0  # the bar starts late: it shows the work done so far at once
            if bar:
                bar[0].update(done - last[0])
            last[0] = done

        if total is not None and after_seconds is None and total >= 5000:
            start(total)
        yield step


def working(message: str) -> None:
    """Say on the terminal (stderr, only when it is one) what the next seconds are spent on."""
    if sys.stderr.isatty():
        click.echo(message, err=True)
