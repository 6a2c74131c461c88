"""B2B meetings and held marks travel through bundles and the hub and merge without loss
(issue 22, point 6): kiosks made as organisers make them (one prepared file copied to each
laptop), a b2match-style schedule imported at one of them, marks made at several while apart."""

from __future__ import annotations

from pathlib import Path

import psycopg

from kiosk.app.meetings import MeetingsService, import_meetings
from kiosk.storage import meetings as store
from kiosk.sync.bundle import export_bundle, import_bundle
from kiosk.sync.hub import HubSession
from tests.conftest import DAY1
from tests.sync.conftest import Fleet, Station

SCHEDULE = (
    "Meeting ID,Date,Start time,End time,Table,Status,Host name,Guest name\n"
    "B-1,2026-09-28,10:00,10:30,T1,Accepted,Име0 Фамилия0,Ime1 Familiya1\n"
    "B-2,2026-09-28,10:30,11:00,T2,Accepted,Име2 Фамилия2,Ime3 Familiya3\n"
    "B-3,2026-09-28,11:00,11:30,T3,Accepted,Име4 Фамилия4,Ime5 Familiya5\n"
)


def _held(station: Station) -> dict[str, bool]:
    return {m.location: m.held for m in MeetingsService(station.db).board(DAY1)}


def _carry(source: Station, target: Station, folder: Path) -> None:
    folder.mkdir(exist_ok=True)
    path, _ = export_bundle(source.db, folder)
    import_bundle(target.db, path)


def test_a_schedule_and_marks_made_apart_meet_through_bundles(
    fleet: Fleet, tmp_path: Path
) -> None:
    a, b = fleet.add("desk-a"), fleet.add("desk-b")
    path = tmp_path / "b2match.csv"
    path.write_text(SCHEDULE, encoding="utf-8")
    assert import_meetings(a.db, path).added == 3
    _carry(a, b, tmp_path / "stick1")
    assert len(store.all_meetings(b.db)) == 3
    assert import_meetings(b.db, path).unchanged == 3  # the same meetings, not copies
    ids = {m.location: m.uid for m in MeetingsService(a.db).board(DAY1)}
    # apart: the B2B host at A marks T1 and T2; at B someone marks T3 and takes T2 back later
    fleet.clock.advance(minutes=1)
    MeetingsService(a.db, clock=fleet.clock).mark(ids["T1"])
    MeetingsService(a.db, clock=fleet.clock).mark(ids["T2"])
    fleet.clock.advance(minutes=1)
    MeetingsService(b.db, clock=fleet.clock).mark(ids["T3"])
    MeetingsService(b.db, clock=fleet.clock).mark(ids["T2"], held=False)
    _carry(a, b, tmp_path / "stick2")
    _carry(b, a, tmp_path / "stick3")
    expected = {"T1": True, "T2": False, "T3": True}  # the newest mark of each meeting decides
    assert _held(a) == _held(b) == expected
    assert store.counts(a.db) == store.counts(b.db) == (3, 4)  # every mark kept on both
    _carry(b, a, tmp_path / "stick4")  # carried twice: nothing changes
    assert store.counts(a.db) == (3, 4)


def test_meetings_and_marks_meet_through_the_hub(
    fleet: Fleet, tmp_path: Path, pg_server: str, hub_schema: str
) -> None:
    a, b, c = fleet.add("desk-a"), fleet.add("desk-b"), fleet.add("desk-c")
    path = tmp_path / "b2match.csv"
    path.write_text(SCHEDULE, encoding="utf-8")
    import_meetings(a.db, path)
    first = HubSession(a.db, pg_server, schema=hub_schema).sync()
    assert first.meetings.pushed == 3
    got = HubSession(b.db, pg_server, schema=hub_schema).sync()
    assert got.meetings.pulled == 3
    ids = {m.location: m.uid for m in MeetingsService(b.db).board(DAY1)}
    fleet.clock.advance(minutes=1)
    MeetingsService(b.db, clock=fleet.clock).mark(ids["T2"])
    HubSession(b.db, pg_server, schema=hub_schema).sync()
    for station in (c, a):
        HubSession(station.db, pg_server, schema=hub_schema).sync()
        assert _held(station) == {"T1": False, "T2": True, "T3": False}
    again = HubSession(a.db, pg_server, schema=hub_schema).sync()
    assert (again.meetings.pushed, again.meetings.pulled, again.meetings.marks_pulled) == (0, 0, 0)
    with psycopg.connect(pg_server) as conn:
        marks = conn.execute(
            psycopg.sql.SQL("SELECT count(*) FROM {}.hub_meeting_mark").format(
                psycopg.sql.Identifier(hub_schema)
            )
        ).fetchone()
    assert marks is not None and marks[0] == 1


def test_a_bundle_from_a_kiosk_before_meetings_still_imports(fleet: Fleet, tmp_path: Path) -> None:
    import gzip
    import hashlib
    import json

    a, b = fleet.add("desk-a"), fleet.add("desk-b")
    a.scan(fleet.codes[0])
    path, _ = export_bundle(a.db, tmp_path)
    data = path.read_bytes()
    first, second = data.index(b"\n"), data.index(b"\n", data.index(b"\n") + 1)
    manifest = json.loads(data[first + 1 : second])
    body = json.loads(gzip.decompress(data[second + 1 :]))
    for key in ("meetings", "meeting_marks"):  # what an older Kiosk writes: no such keys
        manifest.pop(key)
        body.pop(key)
    new_body = gzip.compress(json.dumps(body).encode(), mtime=0)
    manifest["body"] = {"bytes": len(new_body), "sha256": hashlib.sha256(new_body).hexdigest(),
                        "encoding": "gzip"}  # fmt: skip
    head = json.dumps(manifest).encode()
    old = tmp_path / "old" / path.name
    old.parent.mkdir()
    old.write_bytes(b"KIOSK-BUNDLE 1 " + hashlib.sha256(head).hexdigest().encode() + b"\n"
                    + head + b"\n" + new_body)  # fmt: skip
    result = import_bundle(b.db, old)
    assert result.added == 1 and (result.meetings, result.meeting_marks) == (0, 0)


def test_a_side_resolved_at_one_kiosk_survives_a_reimport_at_another(
    fleet: Fleet, tmp_path: Path
) -> None:
    """The organiser settles an unmatched side at desk A; desk B, which got the schedule by
    bundle, imports the same export again (or a newer one naming that side the same way): the
    resolution holds at B, the re-import changes nothing, and nothing travels back to undo it
    at A."""
    a, b = fleet.add("desk-a"), fleet.add("desk-b")
    rows = SCHEDULE + "B-4,2026-09-28,11:30,12:00,T4,Accepted,Име6 Фамилия6,Radu Ene\n"
    path = tmp_path / "b2match.csv"
    path.write_text(rows, encoding="utf-8")
    report = import_meetings(a.db, path)
    [unmatched] = report.unmatched  # "Radu Ene" is nobody registered
    radu = a.db.conn.execute("SELECT id FROM attendee ORDER BY id DESC LIMIT 1").fetchone()[0]
    assert MeetingsService(a.db, clock=fleet.clock).resolve(unmatched.meeting, "b", radu) == 1
    _carry(a, b, tmp_path / "stick1")
    again = import_meetings(b.db, path)
    assert (again.added, again.updated, again.unchanged, again.unmatched) == (0, 0, 4, [])
    newer = tmp_path / "b2match-v2.csv"  # T4's meeting moved; a new one with Radu
    newer.write_text(
        rows.replace("B-4,2026-09-28,11:30,12:00", "B-4,2026-09-28,12:00,12:30")
        + "B-5,2026-09-28,12:30,13:00,T5,Accepted,Име0 Фамилия0,Radu Ene\n",
        encoding="utf-8",
    )
    fleet.clock.advance(minutes=5)
    moved = import_meetings(b.db, newer)
    assert (moved.added, moved.updated, moved.unmatched) == (1, 1, [])
    _carry(b, a, tmp_path / "stick2")
    for station in (a, b):
        sides = {m.location: m.b.attendee_id for m in MeetingsService(station.db).board(DAY1)}
        assert sides["T4"] == sides["T5"] == radu
