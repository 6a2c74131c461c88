"""``kiosk checkin`` and ``kiosk search`` without click (issue "Fast on a venue laptop").

Loading click and the whole command line costs a one-shot check-in about as much as starting
Python. A command line of the usual shape — ``[--db FILE] checkin CODE [options]`` or
``[--db FILE] search QUERY [options]``, ``--db`` anywhere, the options those commands have,
each once or more, as ``--opt value`` or ``--opt=value`` — is read here and runs the very code
the click command runs (:mod:`kiosk.cli.checkin`, :mod:`kiosk.cli.search`), ending the same way
(:func:`kiosk.cli.terminal.failed`).

Anything else goes to click, which has always answered it: ``--help``, an unknown option, a
missing or extra argument, a value click would refuse or read differently (a number that is
not plain digits, an unknown ``--how``, a ``--db`` that is a folder or unreadable), a value
that starts with ``-``, ``--``, shell completion, and streams where click writes differently
(an ASCII-only terminal, Windows). A ``--at`` that is no date-time is found only once the event
is open: click is then handed the same command line and says it as it always has (nothing was
recorded). ``tests/cli/test_fast_path.py`` runs both paths side by side.

The cyclic garbage collector is off while such a command runs: it makes few objects and keeps
them to its end, and the collector's passes cost it a third of Python's own start.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

#: Options of ``kiosk checkin`` that take a value: option → (keyword, kind of value).
CHECKIN_VALUES = {
    "--list": ("list_id", "int"),
    "--kiosk": ("kiosk_name", "text"),
    "--at": ("at_text", "text"),
    "--operator": ("operator", "text"),
    "--reason": ("force_reason", "text"),
    "--how": ("method", "how"),
}
CHECKIN_FLAGS = {"--exit": "is_exit", "--force": "force", "--json": "as_json"}
SEARCH_VALUES = {"--limit": ("limit", "int")}
SEARCH_FLAGS = {"--json": "as_json"}

COMMANDS = {
    "checkin": (CHECKIN_VALUES, CHECKIN_FLAGS),
    "search": (SEARCH_VALUES, SEARCH_FLAGS),
}


class NotPlain(Exception):
    """This command line is for click."""


def plain_streams() -> bool:
    """stdout and stderr are ones :func:`kiosk.cli.terminal.echo` writes to exactly as
    ``click.echo`` does: not on Windows (click has its own console writer there), not ASCII
    (click re-encodes such a stream)."""
    if sys.platform == "win32":
        return False
    import codecs

    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None)
        if not encoding:
            return False
        try:
            if codecs.lookup(encoding).name == "ascii":
                return False
        except LookupError:
            return False
    return True


def db_option(value: str) -> Path:
    """``--db`` (or $KIOSK_DB) as click's ``Path(dir_okay=False)`` reads it; what click would
    refuse is left to click."""
    if not value or value.startswith("-"):
        raise NotPlain
    try:
        if os.path.isdir(value) or (os.path.exists(value) and not os.access(value, os.R_OK)):
            raise NotPlain
    except OSError as exc:
        raise NotPlain from exc
    return Path(value)


def value_of(kind: str, text: str) -> object:
    if text.startswith("-"):
        raise NotPlain  # click would read it as the value; a person rarely means that
    if kind == "int":
        if not (text.isascii() and text.isdigit()):
            raise NotPlain
        return int(text)
    if kind == "how":
        from kiosk.core.model import Method

        if text not in {m.value for m in Method}:
            raise NotPlain
    return text


def parse(args: list[str]) -> tuple[str, Path | None, str, dict[str, object]]:
    """(command, ``--db`` or None, its argument, keyword options) of a plain command line;
    :class:`NotPlain` for any other."""
    db: Path | None = None
    rest: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--db" or arg.startswith("--db="):
            if db is not None:
                raise NotPlain
            if arg == "--db":
                if i + 1 >= len(args):
                    raise NotPlain
                db = db_option(args[i + 1])
                i += 2
                continue
            db = db_option(arg[len("--db=") :])
        else:
            rest.append(arg)
        i += 1
    if not rest or rest[0] not in COMMANDS:
        raise NotPlain
    command, words = rest[0], rest[1:]
    values, flags = COMMANDS[command]
    argument: str | None = None
    options: dict[str, object] = {}
    i = 0
    while i < len(words):
        word = words[i]
        if word.startswith("-"):
            name, equals, attached = word.partition("=")
            if name in flags and not equals:
                options[flags[name]] = True
            elif name in values:
                keyword, kind = values[name]
                if not equals:
                    if i + 1 >= len(words):
                        raise NotPlain
                    i += 1
                    attached = words[i]
                options[keyword] = value_of(kind, attached)
            else:
                raise NotPlain  # --help, --, an unknown option, a value given to a flag
        elif argument is None:
            argument = word
        else:
            raise NotPlain  # an extra argument
        i += 1
    if argument is None:
        raise NotPlain
    return command, db, argument, options


def run(args: list[str]) -> bool:
    """Run ``kiosk ARGS`` here if it is a plain check-in or search; False (nothing done) when
    it is for click. Ends the process otherwise, with the command's exit status."""
    if "_KIOSK_COMPLETE" in os.environ or not plain_streams():
        return False
    try:
        command, db, argument, options = parse(args)
        if db is None:
            from_environment = os.environ.get("KIOSK_DB")
            if from_environment:
                db = db_option(from_environment)
    except NotPlain:
        return False
    import gc

    # A one-shot command makes few objects and holds them to its end: the cyclic collector's
    # passes over everything imported (and its last pass at exit, over what is left) cost it
    # about a third of starting Python and free nothing worth having.
    gc.disable()
    try:
        from kiosk.app import paths
        from kiosk.cli.terminal import EXIT_OK, BadValue, failed

        db_path = db or paths.default_db_path()
        work: Callable[..., object]
        if command == "checkin":
            from kiosk.cli.checkin import checkin as work
        else:
            from kiosk.cli.search import search as work
        try:
            work(db_path, argument, **options)
        except BadValue:
            gc.enable()
            return False  # click says it as a usage error of that option
        except SystemExit:
            raise
        except BaseException as exc:
            failed(exc)
        sys.exit(EXIT_OK)
    finally:
        if not gc.isenabled():
            gc.freeze()  # the process ends: no last pass over the objects it made
