"""A forced admission counts once per person and day in every report (issue 19, "Forced
admission": "counted once per person per day in every report").

pretix counts a forced re-entry (``test_single_entry_forced_reentry``) as a check-in of its own;
for the funder's register Kiosk counts people, so a person forced in after an ordinary entry, or
forced twice, is one person admitted that day everywhere: the live counts, the register, the
summary's tables, the attendance export, and no "admitted twice" conflict (nor for someone who
went out and came back in on a list that allows re-entry, pretix ``test_single_entry_after_exit``).
"""

from __future__ import annotations

import csv
from pathlib import Path

from click.testing import CliRunner

from kiosk.app.checkin import CheckinService
from kiosk.cli.main import cli
from kiosk.core.model import ScanKind
from kiosk.core.reasons import Reason
from kiosk.reports.attendance import attendance_register
from kiosk.reports.counts import stats
from kiosk.reports.register import Scope, read_register
from kiosk.reports.summary import build_report
from kiosk.storage.database import Database
from tests.conftest import DAY1, Clock, People


def test_people_forced_in_count_once_in_every_report(
    db: Database, people: People, clock: Clock, tmp_path: Path
) -> None:
    desk = CheckinService(db, clock=clock)
    assert desk.scan(people.ana).decision.reason is Reason.ADMITTED
    clock.advance(minutes=5)
    again = desk.scan(people.ana, force=True, reason="scanned again by mistake, let in")
    assert again.decision.admitted  # forced over already_checked_in: two admissions logged
    for minutes in (10, 20):  # registered for day 2 only, forced in twice on day 1
        clock.advance(minutes=minutes)
        forced = desk.scan(people.day2_only, force=True, reason="came a day early")
        assert forced.decision.admitted
    desk.scan(people.ivan)  # and one who went out and came back (pretix's default list)
    clock.advance(minutes=30)
    desk.scan(people.ivan, kind=ScanKind.EXIT)
    clock.advance(minutes=30)
    assert desk.scan(people.ivan).decision.reason is Reason.ADMITTED
    admitted_people = 3

    day_list = next(c for c in stats(db).lists if c.day == DAY1.isoformat())
    assert day_list.admitted == admitted_people
    register = read_register(db, Scope(day=DAY1))
    assert len({e.person.uid for e in register.entries}) == len(register.entries) == 3
    assert len(attendance_register(db, DAY1)) == admitted_people
    report = build_report(db, Scope(day=DAY1))
    sections = {s.key: s for s in report.sections}
    by_day = sections["by_day"].rows
    assert by_day[0][0] == DAY1.isoformat() and admitted_people in by_day[0]
    assert sum(sections["by_method"].rows[0][1:]) == admitted_people
    assert sections["conflicts"].rows == []

    out = tmp_path / "attendance.csv"
    result = CliRunner().invoke(
        cli, ["--db", str(db.path), "export", "attendance", "--day", DAY1.isoformat(),
              "-o", str(out), "--delimiter", ","],
        catch_exceptions=False,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    data = [r for r in rows[1:] if r and any(r)]
    assert len(data) == admitted_people, rows
