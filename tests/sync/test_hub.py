"""The PostgreSQL hub, against a real server: push, pull, lost connections, hub away."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest

from kiosk.app.people import edit_person
from kiosk.reports.counts import stats
from kiosk.storage import attendees, replica
from kiosk.storage.attendees import NewAttendee
from kiosk.sync import hub
from kiosk.sync.bundle import export_bundle, import_bundle
from kiosk.sync.hub import HUB_VERSION, HubError, HubSession, ensure_schema
from tests.sync.conftest import Fleet, Station
from tests.sync.tcp_cut import Cut, Relay, query_message


def _sync(station: Station, dsn: str, schema: str) -> HubSession:
    session = HubSession(station.db, dsn, schema=schema, timeout=3)
    session.sync()
    return session


def _hub_count(dsn: str, schema: str) -> tuple[int, int]:
    with psycopg.connect(dsn) as conn:
        row = conn.execute(
            psycopg.sql.SQL("SELECT count(*), count(DISTINCT scan_id) FROM {}.hub_scan").format(
                psycopg.sql.Identifier(schema)
            )
        ).fetchone()
    assert row is not None
    return int(row[0]), int(row[1])


def _eventually(check: Callable[[], bool], seconds: float = 10) -> bool:
    """True once ``check`` is (the hub finishes a commit whose answer was cut off)."""
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


@pytest.fixture
def relay(pg_server: str) -> Iterator[Relay]:
    info = psycopg.conninfo.conninfo_to_dict(pg_server)
    r = Relay(str(info.get("host", "127.0.0.1")), int(info.get("port", 5432)))
    yield r
    r.stop()


def _relayed(relay: Relay, pg_server: str) -> str:
    info = psycopg.conninfo.conninfo_to_dict(pg_server)
    return relay.dsn(str(info.get("dbname", "test")), str(info.get("user", "postgres")))


def test_three_kiosks_push_and_pull_until_all_hold_the_same_log(
    fleet: Fleet, pg_server: str, hub_schema: str
) -> None:
    a, b, c = fleet.add("a"), fleet.add("b"), fleet.add("c")
    for n, code in enumerate(fleet.codes[:12]):
        (a, b, c)[n % 3].scan(code)
    c.scan(fleet.codes[0])  # admitted at a already, but c has not heard: admitted here too
    for station in (a, b, c, a, b):
        _sync(station, pg_server, hub_schema)
    logs = [sorted(replica.scan_rows(s.db.conn)) for s in (a, b, c)]
    assert logs[0] == logs[1] == logs[2]
    assert len(logs[0]) == 13
    assert [stats(s.db).lists[0].admitted for s in (a, b, c)] == [12, 12, 12]
    assert _hub_count(pg_server, hub_schema) == (13, 13)


def test_a_second_sync_with_nothing_new_sends_and_receives_nothing(
    fleet: Fleet, pg_server: str, hub_schema: str
) -> None:
    a, b = fleet.add("a"), fleet.add("b")
    a.scan(fleet.codes[0])
    b.scan(fleet.codes[1])
    for station in (a, b, a):
        _sync(station, pg_server, hub_schema)
    again = HubSession(a.db, pg_server, schema=hub_schema).sync()
    assert (again.pushed, again.resent, again.pulled, again.roster_pushed) == (0, 0, 0, 0)


def test_a_walk_in_registered_at_desk_1_is_found_at_desk_2(
    fleet: Fleet, pg_server: str, hub_schema: str
) -> None:
    a, b = fleet.add("a"), fleet.add("b")
    result = a.service.walk_in(NewAttendee("", "Елена", "Димитрова", "Община Русе"))
    person = result.decision.attendee
    assert person is not None
    _sync(a, pg_server, hub_schema)
    _sync(b, pg_server, hub_schema)
    found = attendees.find_by_code(b.db.conn, person.code)
    assert found is not None and (found.uid, found.last_name) == (person.uid, "Димитрова")
    assert b.scan(person.code) == "already_checked_in"


def test_a_cancellation_at_one_desk_reaches_the_others(
    fleet: Fleet, pg_server: str, hub_schema: str
) -> None:
    a, b = fleet.add("a"), fleet.add("b")
    _sync(b, pg_server, hub_schema)
    code = fleet.codes[3]
    (pid,) = a.db.query("SELECT id FROM attendee WHERE code = ?", (code,))[0]
    with a.db.write() as conn:
        attendees.update(conn, pid, {"status": "cancelled"}, "2026-09-28T05:00:00.000000Z")
    _sync(a, pg_server, hub_schema)
    _sync(b, pg_server, hub_schema)
    assert b.scan(code) == "cancelled"


def test_connection_lost_after_the_hub_committed_then_retry_makes_no_duplicate(
    fleet: Fleet, pg_server: str, hub_schema: str, relay: Relay
) -> None:
    a = fleet.add("a")
    for code in fleet.codes[:8]:
        a.scan(code)
    dsn = _relayed(relay, pg_server)
    relay.cut = Cut(query_message("COMMIT"), after=True, armed_by=b"COPY hub_stage")
    with pytest.raises(HubError):
        HubSession(a.db, dsn, schema=hub_schema, timeout=3).sync()
    assert relay.cuts == 1
    assert _eventually(lambda: _hub_count(pg_server, hub_schema) == (8, 8))  # it committed
    retry = HubSession(a.db, dsn, schema=hub_schema, timeout=3).sync()
    assert (retry.pushed, retry.resent) == (0, 0)
    assert _hub_count(pg_server, hub_schema) == (8, 8)


def test_connection_lost_mid_push_then_retry_delivers_everything_once(
    fleet: Fleet, pg_server: str, hub_schema: str, relay: Relay
) -> None:
    a = fleet.add("a")
    for code in fleet.codes[:8]:
        a.scan(code)
    dsn = _relayed(relay, pg_server)
    relay.cut = Cut(b"INSERT INTO hub_scan", after=False)
    with pytest.raises(HubError):
        HubSession(a.db, dsn, schema=hub_schema, timeout=3).sync()
    assert _hub_count(pg_server, hub_schema) == (0, 0)  # the staged rows were rolled back
    assert HubSession(a.db, dsn, schema=hub_schema).status().queued == 8
    retry = HubSession(a.db, dsn, schema=hub_schema, timeout=3).sync()
    assert retry.pushed == 8
    assert _hub_count(pg_server, hub_schema) == (8, 8)


def test_a_resent_push_inserts_nothing_twice(fleet: Fleet, pg_server: str, hub_schema: str) -> None:
    """At least once, exactly once: the same rows pushed again (as after a lost answer)."""
    a = fleet.add("a")
    for code in fleet.codes[:5]:
        a.scan(code)
    session = HubSession(a.db, pg_server, schema=hub_schema)
    session.sync()
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(psycopg.sql.SQL("SET search_path TO {}").format(
            psycopg.sql.Identifier(hub_schema)))  # fmt: skip
        inserted, clashes = session._send_scans(conn, replica.scan_rows(a.db.conn))
    assert (inserted, clashes) == (0, [])
    assert _hub_count(pg_server, hub_schema) == (5, 5)


def test_with_the_hub_down_the_kiosk_works_on_and_catches_up_when_it_returns(
    fleet: Fleet, pg_server: str, hub_schema: str, relay: Relay
) -> None:
    a, b = fleet.add("a"), fleet.add("b")
    dsn = _relayed(relay, pg_server)
    _sync(a, dsn, hub_schema)
    relay.stop()  # the hub's network goes away
    for code in fleet.codes[:4]:
        assert a.scan(code) == "admitted"
    with pytest.raises(HubError) as caught:
        HubSession(a.db, dsn, schema=hub_schema, timeout=1).sync()
    assert "cannot be reached" in str(caught.value)
    status = HubSession(a.db, dsn, schema=hub_schema).status()
    assert status.queued == 4 and status.last_error
    back = Relay(*relay.upstream, listen_port=relay.port)  # the hub returns
    try:
        result = HubSession(a.db, dsn, schema=hub_schema).sync()
        assert result.pushed == 4
        assert HubSession(a.db, dsn, schema=hub_schema).status().queued == 0
        _sync(b, dsn, hub_schema)
        assert b.count() == 4
    finally:
        back.stop()


def test_scans_merged_from_a_bundle_are_relayed_to_the_hub_once(
    fleet: Fleet, pg_server: str, hub_schema: str, tmp_path: Path
) -> None:
    offline, online, other = fleet.add("offline"), fleet.add("online"), fleet.add("other")
    for code in fleet.codes[:3]:
        offline.scan(code)
    path, _ = export_bundle(offline.db, tmp_path / "stick")
    import_bundle(online.db, path)
    import_bundle(other.db, path)
    _sync(online, pg_server, hub_schema)
    _sync(other, pg_server, hub_schema)
    assert _hub_count(pg_server, hub_schema) == (3, 3)


def test_the_hub_schema_is_created_once_and_versioned(pg_server: str, hub_schema: str) -> None:
    with psycopg.connect(pg_server, autocommit=True) as conn:
        ensure_schema(conn, hub_schema)
        ensure_schema(conn, hub_schema)
        versions = conn.execute(
            psycopg.sql.SQL("SELECT version FROM {}.hub_version").format(
                psycopg.sql.Identifier(hub_schema)
            )
        ).fetchall()
    assert [v[0] for v in versions] == list(range(1, HUB_VERSION + 1))


def test_a_walk_in_from_an_offline_desk_reaches_the_hub_through_a_desk_that_imported_it(
    fleet: Fleet, pg_server: str, hub_schema: str, tmp_path: Path
) -> None:
    offline, online, far = fleet.add("offline"), fleet.add("online"), fleet.add("far")
    walk_in = offline.service.walk_in(NewAttendee("", "Radu", "Ionescu", "Clusterul Dunărea"))
    person = walk_in.decision.attendee
    assert person is not None
    # Online has already sent the roster to the hub, up to a change later than the walk-in.
    (pid,) = online.db.query("SELECT id FROM attendee WHERE code = ?", (fleet.codes[0],))[0]
    with online.db.write() as conn:
        attendees.update(conn, pid, {"organization": "Нова"}, "2099-01-01T00:00:00.000000Z")
    _sync(online, pg_server, hub_schema)
    path, _ = export_bundle(offline.db, tmp_path / "stick")
    import_bundle(online.db, path)
    _sync(online, pg_server, hub_schema)
    _sync(far, pg_server, hub_schema)
    assert attendees.find_by_code(far.db.conn, person.code) is not None
    assert far.scan(person.code) == "already_checked_in"


def test_scans_the_hub_lacks_inside_a_gap_of_its_sequence_are_sent(
    fleet: Fleet, pg_server: str, hub_schema: str
) -> None:
    """The hub holds a's scans 1, 2 and 4 (relayed by others); b holds 1–3: b sends 3."""
    a, b, c = fleet.add("a"), fleet.add("b"), fleet.add("c")
    for code in fleet.codes[:4]:
        a.scan(code)
    rows = replica.scan_rows(a.db.conn)
    with c.db.write() as conn:
        replica.merge_scans(conn, [rows[0], rows[1], rows[3]])
    with b.db.write() as conn:
        replica.merge_scans(conn, rows[:3])
    _sync(c, pg_server, hub_schema)
    result = HubSession(b.db, pg_server, schema=hub_schema).sync()
    assert result.pushed == 1
    assert _hub_count(pg_server, hub_schema) == (4, 4)
    again = HubSession(b.db, pg_server, schema=hub_schema).sync()
    assert (again.pushed, again.resent) == (0, 0)


def _hub_delete(dsn: str, schema: str, kiosk_id: str, seqs: list[int]) -> None:
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(
            psycopg.sql.SQL(
                "DELETE FROM {}.hub_scan WHERE kiosk_id = %s AND kiosk_seq = ANY(%s)"
            ).format(psycopg.sql.Identifier(schema)),
            (kiosk_id, seqs),
        )


def test_with_holes_at_the_hub_a_sync_reads_only_the_scans_above_what_it_held_without_a_hole(
    fleet: Fleet, pg_server: str, hub_schema: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A desk's badge-printed events reach the hub only with the next sync while its check-ins
    are announced at once, so the hub's copy of a busy desk has holes at every sync: filling them
    must cost what is new, not a read of the whole day's log."""
    a = fleet.add("a")
    kiosk = a.service.kiosk.id
    for code in fleet.codes[:8]:
        a.scan(code)
    _sync(a, pg_server, hub_schema)
    _hub_delete(pg_server, hub_schema, kiosk, [8])  # 1–7 held, no hole: the prefix is 7
    _sync(a, pg_server, hub_schema)
    for code in fleet.codes[8:12]:
        a.scan(code)  # 9–12
    with psycopg.connect(pg_server, autocommit=True) as conn:  # an announcement of 11 came first
        row = next(r for r in replica.scan_rows(a.db.conn, kiosk) if r[2] == 11)
        columns = psycopg.sql.SQL(", ").join(map(psycopg.sql.Identifier, replica.SCAN_COLUMNS))
        conn.execute(
            psycopg.sql.SQL("INSERT INTO {}.hub_scan (event_uid, {}) VALUES (%s, {})").format(
                psycopg.sql.Identifier(hub_schema), columns,
                psycopg.sql.SQL(", ").join(psycopg.sql.Placeholder() * len(row))),
            (a.service.event.uid, *row),
        )  # fmt: skip
    asked: list[int] = []
    original = replica.scan_rows

    def recording(conn: object, kiosk_id: str | None = None, *, after_seq: int = 0) -> object:
        asked.append(after_seq)
        return original(conn, kiosk_id, after_seq=after_seq)  # type: ignore[arg-type]

    monkeypatch.setattr(replica, "scan_rows", recording)
    result = HubSession(a.db, pg_server, schema=hub_schema).sync()
    assert asked == [8]  # the hub held 1–8 without a hole at the last sync
    assert result.pushed == 3  # 9, 10 and 12
    assert _hub_count(pg_server, hub_schema) == (12, 12)


def test_scans_that_vanished_from_the_hub_below_the_prefix_are_found_and_sent_again(
    fleet: Fleet, pg_server: str, hub_schema: str
) -> None:
    """A hub restored from an older backup lacks scans it once held: the count gives it away."""
    a = fleet.add("a")
    kiosk = a.service.kiosk.id
    for code in fleet.codes[:6]:
        a.scan(code)
    _sync(a, pg_server, hub_schema)
    _hub_delete(pg_server, hub_schema, kiosk, [6])
    _sync(a, pg_server, hub_schema)  # prefix 6 recorded
    a.scan(fleet.codes[6])
    _hub_delete(pg_server, hub_schema, kiosk, [2, 3])
    result = HubSession(a.db, pg_server, schema=hub_schema).sync()
    assert result.pushed == 3
    assert _hub_count(pg_server, hub_schema) == (7, 7)


@pytest.mark.parametrize("direct", [True, False], ids=["sent-whole", "compared-first"])
def test_a_kiosk_from_the_prepared_file_exchanges_only_the_people_that_differ(
    fleet: Fleet, pg_server: str, hub_schema: str, monkeypatch: pytest.MonkeyPatch, direct: bool
) -> None:
    """Every kiosk starts from the same prepared roster. Its first sync sends the hub only the
    people it changed (the rest are compared by version when there are many — ``compared-first``
    — or sent and found equal) and receives only the people changed elsewhere: the people all
    kiosks hold alike neither count as sent nor come back to be merged."""
    monkeypatch.setattr(hub, "ROSTER_DIRECT", 1_000 if direct else 5)
    a, b = fleet.add("desk-a"), fleet.add("desk-b")
    people = [r[0] for r in a.db.conn.execute("SELECT id FROM attendee ORDER BY id LIMIT 2")]
    edit_person(a.db, people[0], {"organization": "ADR Nord-Est"}, kiosk=a.service.kiosk)
    edit_person(b.db, people[1], {"organization": "Клъстер Русе"}, kiosk=b.service.kiosk)

    first = HubSession(a.db, pg_server, schema=hub_schema).sync()
    assert first.roster_pushed == len(fleet.codes)  # the hub held nobody: all of them went up
    assert (first.roster.added, first.roster.updated, first.roster.unchanged) == (0, 0, 0)

    second = HubSession(b.db, pg_server, schema=hub_schema).sync()
    assert second.roster_pushed == 1  # b's correction
    assert (second.roster.added, second.roster.updated, second.roster.unchanged) == (0, 1, 0)

    third = HubSession(a.db, pg_server, schema=hub_schema).sync()
    assert third.roster_pushed == 0
    assert (third.roster.added, third.roster.updated, third.roster.unchanged) == (0, 1, 0)
    assert replica.roster_rows(a.db.conn) == replica.roster_rows(b.db.conn)
    again = HubSession(b.db, pg_server, schema=hub_schema).sync()
    assert (again.roster_pushed, again.roster.updated, again.roster.unchanged) == (0, 0, 0)
