"""Storage failures that are the environment's fault, worded for the person at the desk."""

from __future__ import annotations

import sqlite3


class StorageError(Exception):
    """The database could not be opened, read or written; ``str()`` says why and what to do."""


class NotAnEventDatabase(StorageError):
    """The file exists but holds no event (never initialised, or another program's file)."""


def explain(path: str, exc: sqlite3.Error) -> StorageError:
    """Turn an sqlite3 error into a message a person can act on."""
    found = environment_error(path, exc)
    if found is not None:
        return found
    return StorageError(
        f"Database {path}: {exc} — see the log and report the problem if it persists."
    )


def environment_error(path: str, exc: sqlite3.Error) -> StorageError | None:
    """The message for an sqlite3 error the machine caused (a read-only or full disk, a lock
    held by another program, a damaged or foreign file); None for any other (a mistake in the
    SQL is a bug, not the environment's fault)."""
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text:
        why, todo = (
            "the file or its folder is read-only",
            "copy it to a writable folder or fix its permissions",
        )
    elif "full" in text:
        why, todo = (
            "the disk is full",
            "free some space (or move the database to another disk) and try again",
        )
    elif "locked" in text or "busy" in text:
        why, todo = (
            "another program holds it locked",
            "close other Kiosk windows or commands using it, then retry",
        )
    elif "unable to open" in text:
        why, todo = (
            "the file or its folder cannot be opened",
            "check that the folder exists and is writable",
        )
    elif "not a database" in text or "malformed" in text or "file is encrypted" in text:
        why, todo = (
            "the file is not a Kiosk database or is damaged",
            "choose another file or restore a backup",
        )
    elif "disk i/o" in text:
        why, todo = (
            "the disk reported an I/O error",
            "check the disk or USB stick; keep using a copy on another disk",
        )
    else:
        return None
    return StorageError(f"Database {path}: {why} — {todo}.")
