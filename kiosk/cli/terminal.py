"""What a command prints and how it ends, without click: shared by the click commands and by the
fast path (:mod:`kiosk.cli.fast`) that runs ``kiosk checkin`` and ``kiosk search`` without
loading click (issue "Fast on a venue laptop").

Exit status: 0 success (for ``checkin``: admitted), 1 refused or nothing to do, 2 a usage or
environment error (bad file, missing database, disk full…), 3 an internal error (a bug: the
details go to the log file named in the message).
"""

from __future__ import annotations

import json
import sys
from typing import Any, NoReturn

EXIT_OK, EXIT_REFUSED, EXIT_ERROR, EXIT_BUG = 0, 1, 2, 3

#: ANSI colour and cursor codes, as click strips them from output that is not a terminal
#: (``click._compat._ansi_re``): a name imported with escape codes prints as plain text.
ANSI_CODE = r"\033\[[0-?]*[ -/]*[@-~]"


def echo(message: str = "", *, err: bool = False) -> None:
    """One line on stdout (``err``: stderr), flushed. Under click (the ``kiosk`` command's
    usual path, and ``CliRunner`` in tests) this is ``click.echo``; on the fast path it writes
    what ``click.echo`` would on the streams the fast path accepts
    (:func:`kiosk.cli.fast.plain_streams`): the text, ANSI codes removed unless the stream is a
    terminal."""
    click = sys.modules.get("click")
    if click is not None:
        click.echo(message, err=err)
        return
    stream = sys.stderr if err else sys.stdout
    text = message + "\n"
    if "\033" in text and not _isatty(stream):
        import re

        text = re.sub(ANSI_CODE, "", text)
    stream.write(text)
    stream.flush()


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except Exception:
        return False


def print_json(value: Any) -> None:
    """A command's ``--json`` answer: indented, Unicode kept, dates as ISO text."""
    echo(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def fail(message: str, code: int = EXIT_ERROR) -> NoReturn:
    """``Error: message`` on stderr and the exit status ``code`` (default 2)."""
    echo(f"Error: {message}", err=True)
    sys.exit(code)


class BadValue(Exception):
    """An option's value found wrong while the command runs (``--at`` that is no date-time):
    click says it as a usage error of that option (exit status 2)."""

    def __init__(self, message: str, param_hint: str) -> None:
        super().__init__(message)
        self.message = message
        self.param_hint = param_hint


#: Errors of the environment or of the input, raised by modules a command may or may not have
#: loaded: (module, class name). One clear line and exit status 2, never a traceback.
ENVIRONMENT_ERRORS = (
    ("kiosk.storage.errors", "StorageError"),
    ("kiosk.importing.errors", "ImportFileError"),
    ("kiosk.reports.export", "ExportError"),
    ("kiosk.app.checkin", "NoListError"),
    ("kiosk.app.checkin", "ScanRequestError"),
    ("kiosk.storage.events", "ListError"),
    ("kiosk.printing.base", "PrinterError"),
    ("kiosk.badges.template", "TemplateError"),
    ("kiosk.badges.render", "BadgeError"),
)


def is_environment_error(exc: BaseException) -> bool:
    """True for the errors that mean "the file, the disk or the device is at fault"; a module
    that was never imported cannot have raised its error, so nothing is imported to check."""
    for module_name, class_name in ENVIRONMENT_ERRORS:
        module = sys.modules.get(module_name)
        if module is not None and isinstance(exc, getattr(module, class_name)):
            return True
    return False


def failed(exc: BaseException) -> NoReturn:
    """How a command that raised ``exc`` ends: environment failures as one clear line (exit
    status 2), a refused undo with 1, a bug in a log file (3). Never a traceback. What is not
    an :class:`Exception` (nor Ctrl+C) is raised again."""
    undo_module = sys.modules.get("kiosk.app.checkin")
    if undo_module is not None and isinstance(exc, undo_module.UndoError):
        fail(str(exc), EXIT_REFUSED)
    if isinstance(exc, KeyboardInterrupt):
        fail("interrupted.")
    if isinstance(exc, BrokenPipeError):
        # The reader went away (e.g. '| head'): not an error worth a message.
        import os

        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        sys.exit(EXIT_OK)
    if not isinstance(exc, Exception):
        raise exc
    if is_environment_error(exc):
        fail(str(exc))
    from kiosk import __version__
    from kiosk.app import paths
    from kiosk.app.failures import environment_message, write_crash_report

    # A folder this user may not read, a read-only home or disk, a full disk: the machine's
    # doing, told as such (exit 2); anything else is a bug (exit 3).
    message = environment_message(exc)
    if message is not None:
        fail(message)
    import traceback

    log_file = write_crash_report(
        "kiosk-errors.log",
        f"kiosk {__version__} {sys.argv}\n"
        + "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)),
    )
    if log_file is None:
        fail(
            f"an internal error stopped the command (a bug in Kiosk): "
            f"{type(exc).__name__}: {exc}. No log file could be written (the log folder "
            f"{paths.log_dir()} is not writable); please send this message to the "
            "developers.",
            EXIT_BUG,
        )
    fail(
        f"an internal error stopped the command (a bug in Kiosk). Details were written "
        f"to {log_file}; please send that file to the developers.",
        EXIT_BUG,
    )
