"""The hub's network vanishes while the desk works (a black hole: packets go nowhere, nothing
is refused): check-ins go on, each decided by the desk alone once the hub's 300 ms deadline
passes, the background sync reports the hub unreachable, and when the network returns the
background sync delivers every scan of the outage to the hub exactly once."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg import sql
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.core.reasons import Reason
from kiosk.storage.database import Database
from kiosk.sync.hub import HubSession
from kiosk.ui import sync_backend
from kiosk.ui.i18n import Translations
from kiosk.ui.mainwindow import MainWindow
from kiosk.ui.sounds import Sounds
from kiosk.ui.sync_backend import SyncState
from tests.conftest import Clock, People
from tests.sync.tcp_cut import Relay


class BlackHoleRelay(Relay):
    """A relay whose network can be frozen: while frozen nothing passes either way and nothing
    is refused (new connections are accepted and then hear nothing), as when a switch dies."""

    def __init__(self, host: str, port: int) -> None:
        self.flowing = threading.Event()
        self.flowing.set()
        super().__init__(host, port)

    def _pump(self, source: object, sink: object) -> None:
        import socket

        assert isinstance(source, socket.socket) and isinstance(sink, socket.socket)
        try:
            while data := source.recv(65536):
                self.flowing.wait()
                sink.sendall(data)
        except OSError:
            pass

    def _to_server(self, client: object, server: object) -> None:
        self._pump(client, server)


@pytest.fixture
def relay(pg_server: str) -> Iterator[BlackHoleRelay]:
    info = psycopg.conninfo.conninfo_to_dict(pg_server)
    r = BlackHoleRelay(str(info.get("host", "127.0.0.1")), int(info.get("port", 5432)))
    yield r
    r.flowing.set()
    r.stop()


def hub_rows(dsn: str, schema: str, kiosk_id: str) -> tuple[int, int]:
    with psycopg.connect(dsn) as conn:
        row = conn.execute(
            sql.SQL("SELECT count(*), count(DISTINCT scan_id) FROM {}.hub_scan "
                    "WHERE kiosk_id = %s").format(sql.Identifier(schema)), (kiosk_id,)
        ).fetchone()  # fmt: skip
    assert row is not None
    return int(row[0]), int(row[1])


def test_check_ins_go_on_while_the_hubs_network_is_gone_and_catch_up_when_it_returns(
    app: QApplication, qtbot: QtBot, db: Database, db_path: Path, people: People,
    clock: Clock, translations: Translations, tmp_path: Path, pg_server: str,
    hub_schema: str, relay: BlackHoleRelay, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    info = psycopg.conninfo.conninfo_to_dict(pg_server)
    dsn = relay.dsn(str(info.get("dbname", "test")), str(info.get("user", "postgres")))
    HubSession(db, dsn, schema=hub_schema).sync()  # the desk's hub, reached through the relay
    monkeypatch.setattr(sync_backend, "BACKGROUND_INTERVAL_S", 1)
    sounds = Sounds(tmp_path / "sounds")
    sounds.muted = True
    window = MainWindow(db_path, translations, sounds, clock=clock)
    qtbot.addWidget(window)
    kiosk_id = window.kiosk.id
    states: list[SyncState] = []
    window.sync.state.connect(states.append)
    try:
        with qtbot.waitSignal(window.result_shown, timeout=10_000) as shown:
            window.on_scan(people.ana)
        assert shown.args[0].decision.reason is Reason.ADMITTED

        # The network dies just after a background sync (none is left hanging in the middle).
        with qtbot.waitSignal(window.sync.synced, timeout=20_000):
            pass
        relay.flowing.clear()
        outage = [people.ivan, people.cancelled, "UNKNOWN-CODE", people.ana, people.day2_only]
        for code in outage:
            started = time.monotonic()
            with qtbot.waitSignal(window.result_shown, timeout=5_000) as shown:
                window.on_scan(code)
            result = shown.args[0]
            assert result.remote_checked is not True  # decided by this desk alone
            # Not stuck behind the network (its timeouts are seconds to minutes).
            assert time.monotonic() - started < 5
        reasons = [r[0] for r in db.conn.execute(
            "SELECT reason FROM scan WHERE kind = 'entry' ORDER BY kiosk_seq")]  # fmt: skip
        assert reasons == ["admitted", "admitted", "cancelled", "unknown_code",
                           "already_checked_in", "not_on_list"]  # fmt: skip
        qtbot.waitUntil(lambda: any(s.reachable is False for s in states), timeout=20_000)
        assert window.sync.timer.isActive()

        relay.flowing.set()  # the network is back
        local = int(db.conn.execute(
            "SELECT count(*) FROM scan WHERE kiosk_id = ?", (kiosk_id,)).fetchone()[0])  # fmt: skip
        assert local == 6
        qtbot.waitUntil(lambda: hub_rows(pg_server, hub_schema, kiosk_id) == (local, local),
                        timeout=30_000)  # fmt: skip
        qtbot.waitUntil(
            lambda: bool(states) and states[-1].reachable is True
            and states[-1].status is not None and states[-1].status.queued == 0,
            timeout=30_000,
        )
    finally:
        window.close()
    assert hub_rows(pg_server, hub_schema, kiosk_id) == (6, 6)
