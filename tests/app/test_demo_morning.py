"""The demo's check-ins fall in the morning of its first day, as the README says, whenever
the demo is made."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.app.demo import DEMO_TZ, create_demo
from kiosk.core.timeutil import from_utc_iso
from kiosk.storage.database import Database

SOFIA = ZoneInfo(DEMO_TZ)


@pytest.mark.parametrize("hour", [2, 9, 15, 23])
def test_check_ins_are_between_eight_and_noon_of_the_first_day(tmp_path: Path, hour: int) -> None:
    now = datetime(2026, 9, 28, hour, 30, tzinfo=SOFIA)
    summary = create_demo(tmp_path / "demo.db", attendees=90, now=now)
    assert summary.checked_in > 0
    with Database(tmp_path / "demo.db") as db:
        moments = [
            from_utc_iso(r["at"]).astimezone(SOFIA)
            for r in db.query("SELECT at FROM scan WHERE kind = 'entry'")
        ]
    assert moments
    assert {m.date() for m in moments} == {summary.days[0]}
    assert all(time(8, 0) <= m.time() <= time(12, 0) for m in moments), moments
    if hour == 9:  # made during the morning: nothing after now
        assert max(moments) <= now
