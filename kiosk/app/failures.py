"""What the CLI and the desk say when something fails: the environment's fault or a bug.

Storage and environment failures (a folder this user may not read, a read-only home or disk, a
full disk, a database file another program holds) get a clear message and exit status 2;
only what is left is a bug in Kiosk, whose details go to a crash report — and writing that
report must not fail in turn where the log folder cannot be written (a read-only home).
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from kiosk.app import paths
from kiosk.core.environment import explain_os_error


def environment_message(exc: BaseException) -> str | None:
    """A message for a failure the machine caused, or None if ``exc`` is a bug."""
    # Imported here: the desk's first window is painted before any storage code is loaded.
    from kiosk.storage.errors import StorageError, environment_error

    if isinstance(exc, StorageError):
        return str(exc)
    import sqlite3

    if isinstance(exc, sqlite3.Error):
        found = environment_error("(the event database)", exc)
        return str(found) if found is not None else None
    if isinstance(exc, OSError):
        return explain_os_error(exc)
    return None


def crash_report_folders() -> list[Path]:
    """Where a crash report may go, best first: the log folder, then the temporary folder."""
    import tempfile  # only when something went wrong

    user = f"-{os.getuid()}" if hasattr(os, "getuid") else ""
    return [paths.log_dir(), Path(tempfile.gettempdir()) / f"{paths.APP_NAME}-logs{user}"]


def write_crash_report(file_name: str, text: str) -> Path | None:
    """Append ``text`` (a traceback with its context) to ``file_name`` in the first folder of
    :func:`crash_report_folders` that can be written; None when none can. Never raises."""
    stamped = f"--- {datetime.now().isoformat()}\n{text}"
    for folder in crash_report_folders():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / file_name
            flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
            fd = os.open(path, flags, 0o600)
            with os.fdopen(fd, "a", encoding="utf-8") as handle:
                handle.write(stamped)
            return path
        except (OSError, ValueError):
            continue
    return None
