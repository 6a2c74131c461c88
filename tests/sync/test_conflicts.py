"""The conflict report: the same person admitted twice where once is the rule."""

from __future__ import annotations

import time
from pathlib import Path

from kiosk.core.model import Policy
from kiosk.reports.conflicts import conflicts
from kiosk.storage import events
from kiosk.sync.bundle import export_bundle, import_bundle
from tests.sync.conftest import Fleet, Station


def _exchange(x: Station, y: Station, folder: Path) -> None:
    px, _ = export_bundle(x.db, folder / x.name)
    py, _ = export_bundle(y.db, folder / y.name)
    import_bundle(x.db, py)
    import_bundle(y.db, px)


def test_a_ticket_admitted_at_two_kiosks_is_one_cross_kiosk_case_and_the_earliest_counts(
    fleet: Fleet, tmp_path: Path
) -> None:
    a, b = fleet.add("a"), fleet.add("b")
    code = fleet.codes[0]
    assert a.scan(code) == "admitted"
    fleet.clock.advance(seconds=20)
    time.sleep(0.005)  # the hybrid logical clock runs on the machine's clock
    assert b.scan(code) == "admitted"  # offline: b cannot know
    _exchange(a, b, tmp_path)
    for station in (a, b):
        (case,) = conflicts(station.db)
        assert case.cross_kiosk
        assert [e.kiosk_id for e in case.entries] == [a.service.kiosk.id, b.service.kiosk.id]
        assert case.record.kiosk_id == a.service.kiosk.id
        assert case.code == code and case.day is not None


def test_both_admissions_stay_in_the_log_and_the_person_counts_once(
    fleet: Fleet, tmp_path: Path
) -> None:
    from kiosk.reports.counts import stats

    a, b = fleet.add("a"), fleet.add("b")
    a.scan(fleet.codes[0])
    b.scan(fleet.codes[0])
    _exchange(a, b, tmp_path)
    assert a.count("SELECT count(*) FROM scan WHERE outcome = 'accepted'") == 2
    assert stats(a.db).lists[0].admitted == 1


def test_a_refused_second_scan_is_not_a_conflict(fleet: Fleet, tmp_path: Path) -> None:
    a, b = fleet.add("a"), fleet.add("b")
    a.scan(fleet.codes[0])
    _exchange(a, b, tmp_path)
    assert b.scan(fleet.codes[0]) == "already_checked_in"
    _exchange(a, b, tmp_path)
    assert conflicts(a.db) == [] and conflicts(b.db) == []


def test_an_undone_admission_is_not_a_conflict(fleet: Fleet, tmp_path: Path) -> None:
    a, b = fleet.add("a"), fleet.add("b")
    a.scan(fleet.codes[0])
    b.scan(fleet.codes[0])
    b.service.undo()
    _exchange(a, b, tmp_path)
    assert conflicts(a.db) == []


def test_admissions_on_different_days_are_not_a_conflict(fleet: Fleet, tmp_path: Path) -> None:
    a, b = fleet.add("a"), fleet.add("b")
    a.scan(fleet.codes[0])
    fleet.clock.advance(days=1)
    b.scan(fleet.codes[0])
    _exchange(a, b, tmp_path)
    assert conflicts(a.db) == []


def test_lists_that_admit_many_times_have_no_conflicts(fleet: Fleet, tmp_path: Path) -> None:
    a, b = fleet.add("a"), fleet.add("b")
    day_list = events.checkin_lists(a.db)[0]
    session = events.add_list(a.db, "Workshop", policy=Policy.MULTIPLE)
    _exchange(a, b, tmp_path)  # the list made at A reaches B with the bundle
    a.service.scan(fleet.codes[0], list_id=session.id)
    b.service.scan(fleet.codes[0], list_id=session.id)
    assert day_list.id != session.id
    _exchange(a, b, tmp_path)
    assert conflicts(a.db) == []
