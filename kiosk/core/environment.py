"""Failures of the machine rather than of Kiosk, in words a person can act on.

An ``OSError`` is the operating system refusing something — a folder that may not be read, a
read-only home, a full disk, a pulled USB stick — never a mistake in Kiosk, so it is told as
what happened to which file and what to do, not as "a bug in Kiosk".
"""

from __future__ import annotations

import errno

_TODO: dict[int, tuple[str, str]] = {
    errno.EACCES: (
        "permission denied",
        "check that this user may read and write the file and its folder (owner and "
        "permissions), or choose another folder",
    ),
    errno.EPERM: (
        "the operation is not permitted",
        "check the owner and permissions of the file and its folder, or choose another folder",
    ),
    errno.ENOENT: ("no such file or folder", "check the path"),
    errno.ENOTDIR: ("a part of the path is not a folder", "check the path"),
    errno.EISDIR: ("it is a folder, not a file", "give the path of a file"),
    errno.EROFS: (
        "the disk is read-only",
        "use a folder on a writable disk (or unlock the USB stick)",
    ),
    errno.ENOSPC: ("the disk is full", "free some space or choose another disk"),
    errno.EDQUOT: ("the disk quota is used up", "free some space or choose another disk"),
    errno.EIO: (
        "the disk reported an input/output error",
        "check the disk or USB stick; work on a copy on another disk",
    ),
    errno.ENAMETOOLONG: ("the path is too long", "choose a shorter folder or file name"),
    errno.EMFILE: ("too many files are open", "close other programs and try again"),
    errno.EBUSY: ("the file is in use", "close the program using it and try again"),
}


def explain_os_error(exc: OSError, what: str = "") -> str:
    """``exc`` as one sentence naming the file, what happened and what to do.

    ``what`` names the thing when the error does not carry a file name ("the log folder").
    """
    name = exc.filename if exc.filename not in (None, "") else what
    if exc.filename2 not in (None, ""):
        name = f"{name} → {exc.filename2}"
    why, todo = _TODO.get(exc.errno or 0, (exc.strerror or str(exc) or type(exc).__name__, ""))
    text = f"{name}: {why}" if name else why[:1].upper() + why[1:]
    return f"{text} — {todo}." if todo else f"{text}."
