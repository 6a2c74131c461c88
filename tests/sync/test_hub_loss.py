"""The hub lost in the middle of a long pull: the pages merged before the loss stay (each with
its cursor, in one local transaction), the page being read is not half-merged, and the next sync
goes on from the cursor to the end with nothing twice."""

from __future__ import annotations

import socket
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import psycopg
import pytest

from kiosk.app.people import edit_person
from kiosk.core.timeutil import to_utc_iso
from kiosk.storage import events, replica
from kiosk.storage.scanlog import new_scan_id
from kiosk.sync import hub
from kiosk.sync.hub import HubError, HubSession
from tests.sync.conftest import Fleet, Station
from tests.sync.tcp_cut import Relay, _close

SCANS = 3000
PAGE = 500
PULL_QUERY = b"ORDER BY server_seq LIMIT"


class StreamCut(Relay):
    """Cuts the connection once the hub has sent ``budget`` bytes of answers to pull queries
    (a network that dies while a long pull streams in)."""

    def __init__(self, host: str, port: int, budget: int) -> None:
        self.budget = budget
        self.pulling = False
        self.cut_done = False
        super().__init__(host, port)

    def _to_server(self, client: socket.socket, server: socket.socket) -> None:
        try:
            while data := client.recv(65536):
                if PULL_QUERY in data and not self.cut_done:
                    self.pulling = True
                server.sendall(data)
        except OSError:
            pass
        _close(client, server)

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                if self.pulling and not self.cut_done:
                    self.budget -= len(data)
                    if self.budget <= 0:
                        self.cut_done = True
                        sink.sendall(data[: len(data) + self.budget])
                        break
                sink.sendall(data)
        except OSError:
            pass
        _close(source, sink)


@pytest.fixture
def cut(pg_server: str) -> Iterator[StreamCut]:
    info = psycopg.conninfo.conninfo_to_dict(pg_server)
    # About two and a half pages of rows pass before the cut.
    r = StreamCut(str(info.get("host", "127.0.0.1")), int(info.get("port", 5432)),
                  budget=int(PAGE * 2.5 * 300))  # fmt: skip
    yield r
    r.stop()


def attendees_of(station: Station) -> list[int]:
    return [r[0] for r in station.db.conn.execute("SELECT id FROM attendee ORDER BY id")]


def fill(station: Station, count: int) -> str:
    me = events.local_kiosk(station.db)
    start = datetime(2026, 9, 28, 6, 0, tzinfo=UTC)
    base_ms = int(start.timestamp() * 1000)
    rows = [
        (new_scan_id(), me.id, seq, to_utc_iso(start + timedelta(seconds=seq)),
         f"{base_ms + seq * 1000:013d}.00000.{me.id[:8]}", 1, None, f"CODE-{seq:06d}", "entry",
         None, "refused", "unknown_code", None, 0, "desk", "typed", "")
        for seq in range(1, count + 1)
    ]  # fmt: skip
    with station.db.write() as conn:
        replica.merge_scans(conn, rows)
    return me.id


def test_the_hub_lost_during_a_long_pull_keeps_whole_pages_and_the_next_sync_finishes(
    fleet: Fleet, pg_server: str, hub_schema: str, cut: StreamCut,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    source, puller = fleet.add("source"), fleet.add("puller")
    source_id = fill(source, SCANS)
    HubSession(source.db, pg_server, schema=hub_schema).sync()
    monkeypatch.setattr(hub, "PULL_PAGE", PAGE)  # a long pull: several round trips
    info = psycopg.conninfo.conninfo_to_dict(pg_server)
    dsn = cut.dsn(str(info.get("dbname", "test")), str(info.get("user", "postgres")))
    session = HubSession(puller.db, dsn, schema=hub_schema, timeout=3)
    with pytest.raises(HubError):
        session.sync()
    assert cut.cut_done
    held = puller.count(f"SELECT count(*) FROM scan WHERE kiosk_id = '{source_id}'")
    assert 0 < held < SCANS and held % PAGE == 0, held  # whole pages only
    assert puller.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    cursor = int(replica.get_state(puller.db.conn, session.target, "scan_cursor"))
    # The first pages in the hub's order, nothing after them.
    assert replica.kiosk_ranges(puller.db.conn)[source_id] == replica.KioskRange(held, 1, held)
    assert session.status().last_error

    result = HubSession(puller.db, dsn, schema=hub_schema, timeout=3).sync()  # the hub is back
    assert result.pulled == SCANS - held and result.pulled_present == 0
    assert puller.count(f"SELECT count(*) FROM scan WHERE kiosk_id = '{source_id}'") == SCANS
    assert replica.gaps(puller.db.conn, source_id) == []
    assert int(replica.get_state(puller.db.conn, session.target, "scan_cursor")) > cursor
    assert sorted(replica.scan_rows(puller.db.conn, source_id)) == sorted(
        replica.scan_rows(source.db.conn, source_id)
    )


def test_a_long_pull_is_merged_in_short_transactions_so_the_desk_never_waits_long(
    fleet: Fleet, pg_server: str, hub_schema: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, puller = fleet.add("source"), fleet.add("puller")
    source_id = fill(source, SCANS)
    for person in attendees_of(source):  # every row of its roster changed, for the puller
        edit_person(source.db, person, {"organization": "ADR Nord-Est"}, kiosk=source.service.kiosk)
    HubSession(source.db, pg_server, schema=hub_schema).sync()  # its roster goes up too
    monkeypatch.setattr(hub, "MERGE_SLICE", 250)
    merged: dict[str, list[int]] = {"scans": [], "roster": []}
    real_scans, real_roster = replica.merge_scans, replica.merge_roster

    def scans(conn: sqlite3.Connection, rows: Iterable[replica.ScanRow]) -> replica.ScanMerge:
        rows = list(rows)
        merged["scans"].append(len(rows))
        return real_scans(conn, rows)

    def roster(conn: sqlite3.Connection, rows: Iterable[replica.RosterRow]) -> replica.RosterMerge:
        rows = list(rows)
        merged["roster"].append(len(rows))
        return real_roster(conn, rows)

    monkeypatch.setattr(replica, "merge_scans", scans)
    monkeypatch.setattr(replica, "merge_roster", roster)
    session = HubSession(puller.db, pg_server, schema=hub_schema)
    result = session.sync()
    assert merged["scans"] == [250] * (SCANS // 250)
    assert merged["roster"] == [len(fleet.codes)]
    assert result.pulled == SCANS
    assert replica.gaps(puller.db.conn, source_id) == []
    # The cursor moved with each slice: a second sync has nothing to merge.
    merged["scans"].clear()
    assert HubSession(puller.db, pg_server, schema=hub_schema).sync().pulled == 0
    assert merged["scans"] == []


def test_a_pull_commits_whole_slices_together_until_a_check_in_waits(
    fleet: Fleet, pg_server: str, hub_schema: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Slices are merged one after another in one transaction (one fsync for many), but the
    transaction ends after the slice in hand as soon as another writer of the file waits."""
    source, puller = fleet.add("source"), fleet.add("puller")
    fill(source, SCANS)
    HubSession(source.db, pg_server, schema=hub_schema).sync()
    monkeypatch.setattr(hub, "MERGE_SLICE", 250)
    monkeypatch.setattr(hub, "MERGE_TURN_S", 60.0)
    slices: list[int] = []  # per merged slice: how many transactions had begun before it
    commits = [0]
    real_scans, real_write = replica.merge_scans, puller.db.write

    def scans(conn: sqlite3.Connection, rows: Iterable[replica.ScanRow]) -> replica.ScanMerge:
        slices.append(commits[0])
        return real_scans(conn, rows)

    @contextmanager
    def write() -> Iterator[sqlite3.Connection]:
        commits[0] += 1
        with real_write() as conn:
            yield conn

    monkeypatch.setattr(replica, "merge_scans", scans)
    monkeypatch.setattr(puller.db, "write", write)
    HubSession(puller.db, pg_server, schema=hub_schema).sync()
    assert len(slices) == SCANS // 250
    assert len(set(slices)) == 1  # nobody waited: every slice in one transaction

    other = fleet.add("other")
    fill(other, SCANS)
    HubSession(other.db, pg_server, schema=hub_schema).sync()
    slices.clear()
    monkeypatch.setattr(type(puller.db), "writers_waiting", property(lambda _db: 1))
    HubSession(puller.db, pg_server, schema=hub_schema).sync()
    assert len(slices) == SCANS // 250
    assert len(set(slices)) == len(slices)  # a check-in waited: each slice committed alone
