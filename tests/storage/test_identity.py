"""A kiosk's home fingerprint: the same SHA-256 digest hashlib computes (the interpreter's
built-in SHA-256 is used so that opening an event file does not load OpenSSL), of this
machine's id and the file's absolute path."""

from __future__ import annotations

import hashlib
from pathlib import Path

from kiosk.storage import identity


def test_the_home_is_the_sha256_of_the_machine_and_the_absolute_path(tmp_path: Path) -> None:
    path = tmp_path / "event.db"
    where = str(path.resolve())
    expected = hashlib.sha256(f"{identity.machine_id()}\0{where}".encode()).hexdigest()[:24]
    assert identity.home_of(str(path)) == expected
    assert identity.home_of(str(tmp_path / "copy.db")) != expected
    assert identity.home_of(":memory:") == ""
