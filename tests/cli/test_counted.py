"""The command line's English counts agree with their number ("1 sessions" was printed)."""

from __future__ import annotations

from kiosk.cli.output import counted


def test_one_is_singular_and_everything_else_plural() -> None:
    assert counted(1, "session") == "1 session"
    assert counted(0, "session") == "0 sessions"
    assert counted(12, "online session") == "12 online sessions"
