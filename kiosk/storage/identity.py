"""Where a kiosk identity lives: this machine and this database file.

Organisers prepare one event file and copy it to every laptop. A kiosk identity (its id, name
and scan sequence) stored in that file would travel with the copy, and two laptops would write
scans under one kiosk id with colliding sequence numbers. So each local kiosk row records the
*home* it was made for: a fingerprint of the machine id and the file's absolute path. When the
file is opened elsewhere (another machine, or a copy on the same machine), the identities it
carries are set aside as remote kiosks and a new one is made (see events.local_kiosk).
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import Any


@functools.cache
def machine_id() -> str:
    """A stable identifier of this computer (the OS's machine id; the host name as a fallback)."""
    for path in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
        try:
            with open(path, "rb") as handle:
                found = handle.read().decode("ascii").strip()
        except (OSError, UnicodeDecodeError):
            continue
        if found:
            return found
    if sys.platform == "win32":
        import winreg

        try:
            with winreg.OpenKey(
                winreg.HKEY_LOCAL_MACHINE, r"SOFTWARE\Microsoft\Cryptography"
            ) as key:
                return str(winreg.QueryValueEx(key, "MachineGuid")[0])
        except OSError:
            pass
    if sys.platform == "darwin":
        import subprocess

        try:
            out = subprocess.run(
                ["ioreg", "-rd1", "-c", "IOPlatformExpertDevice"],
                capture_output=True, text=True, timeout=5, check=False,
            ).stdout  # fmt: skip
        except (OSError, subprocess.SubprocessError):
            out = ""
        for line in out.splitlines():
            if "IOPlatformUUID" in line:
                return line.split("=")[-1].strip().strip('"')
    return _node() or "unknown-machine"


def home_of(db_path: str) -> str:
    """The home fingerprint of a database file on this machine ('' for in-memory databases)."""
    if db_path in ("", ":memory:"):
        return ""
    where = os.path.realpath(db_path)
    return str(_sha256()(f"{machine_id()}\0{where}".encode()).hexdigest())[:24]


@functools.cache
def _sha256() -> Callable[[bytes], Any]:
    """SHA-256 as the interpreter builds it in (``_sha2`` from Python 3.12, ``_sha256`` before),
    the same digest as :func:`hashlib.sha256` without loading OpenSSL, which opening an event
    file needs for nothing else (``kiosk checkin`` stays light); hashlib where neither is."""
    for name in ("_sha2", "_sha256"):
        try:
            module = __import__(name)
        except ImportError:
            continue
        sha256: Callable[[bytes], Any] = module.sha256
        return sha256
    import hashlib

    return hashlib.sha256


def host_label() -> str:
    """A short name for this computer, to tell apart kiosks made from one copied file."""
    return (_node().split(".")[0] or "this computer")[:24]


def _node() -> str:
    """The computer's network name, as :func:`platform.node` gives it (imported here: opening
    an event file on a machine with a machine id never needs it)."""
    import platform

    return platform.node()
