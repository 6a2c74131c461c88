"""kiosk pin reset: whoever can open the event file ends the wrong-PIN wait of this computer's
self-service kiosk."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kiosk.app.adminpin import AdminPin
from kiosk.cli.main import cli
from kiosk.storage import events
from kiosk.storage.database import Database


def run(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    return result.exit_code, result.output


def locked_out(path: Path) -> None:
    with Database(path) as db:
        pin = AdminPin(db, events.local_kiosk(db), n=2**8)
        pin.set_pin("4871")
        for _ in range(3):
            pin.check("730518")
        assert pin.wait_seconds() > 0  # the fourth try has to wait


def test_reset_ends_the_wait_and_keeps_the_pin(demo: Path) -> None:
    locked_out(demo)
    code, out = run(demo, "pin", "reset", "--json")
    assert code == 0, out
    done = json.loads(out)
    assert done["failures"] == 3 and done["was_waiting"] > 0
    assert done["pin_set"] is True and done["forgot_pin"] is False
    with Database(demo) as db:
        pin = AdminPin(db, events.local_kiosk(db))
        assert pin.wait_seconds() == 0 and pin.failures() == 0
        assert pin.check("4871").ok


def test_reset_with_forget_removes_the_pin_too(demo: Path) -> None:
    locked_out(demo)
    code, out = run(demo, "pin", "reset", "--forget")
    assert code == 0, out
    assert "3 wrong PIN(s) forgotten" in out and "PIN was removed" in out
    with Database(demo) as db:
        assert not AdminPin(db, events.local_kiosk(db)).is_set()
