"""Trying and remembering a hub address: each outcome in plain terms, the password never kept."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from kiosk.app.hubcheck import Hub, remembered_hub
from kiosk.storage import replica
from kiosk.sync.address import (
    AddressError,
    Reach,
    check_address,
    has_password,
    probe,
    remember_hub,
)
from kiosk.sync.hub import HUB_TARGET
from tests.sync.conftest import Fleet
from tests.sync.fake_pg import RefusesPassword, Silent


@pytest.fixture
def silent() -> Iterator[Silent]:
    s = Silent()
    yield s
    s.close()


@pytest.fixture
def refuses() -> Iterator[RefusesPassword]:
    s = RefusesPassword()
    yield s
    s.close()


def test_the_real_hub_server_is_reachable(pg_server: str) -> None:
    found = probe(pg_server, timeout=3)
    assert found.reach is Reach.REACHABLE and found.detail == ""


def test_a_port_with_no_server_is_no_server() -> None:
    found = probe("postgresql://kiosk@127.0.0.1:1/event", timeout=2)
    assert found.reach is Reach.NO_SERVER and found.where == "127.0.0.1:1/event"


def test_an_unknown_host_name_is_no_server() -> None:
    assert probe("postgresql://kiosk@no-such-host.invalid/event", timeout=2).reach is (
        Reach.NO_SERVER
    )


def test_a_server_that_never_answers_times_out(silent: Silent) -> None:
    found = probe(
        f"postgresql://kiosk@127.0.0.1:{silent.port}/event?sslmode=disable&gssencmode=disable",
        timeout=1,
    )
    assert found.reach is Reach.TIMED_OUT


def test_a_refused_password_is_wrong_password(refuses: RefusesPassword) -> None:
    found = probe(
        f"postgresql://kiosk:guess@127.0.0.1:{refuses.port}/event?sslmode=disable"
        "&gssencmode=disable",
        timeout=3,
    )
    assert found.reach is Reach.WRONG_PASSWORD
    assert refuses.passwords == [b"guess"]
    assert "guess" not in found.where


def test_a_missing_database_on_a_real_server_is_named(pg_server: str) -> None:
    info = psycopg.conninfo.conninfo_to_dict(pg_server)
    info["dbname"] = "no_such_event_db"
    found = probe(psycopg.conninfo.make_conninfo(**{k: str(v) for k, v in info.items()}))
    assert found.reach is Reach.NO_DATABASE


def test_not_an_address_is_a_bad_address_said_plainly() -> None:
    assert probe("10.0.0.5").reach is Reach.BAD_ADDRESS
    with pytest.raises(AddressError, match="no database"):
        check_address("postgresql://kiosk@10.0.0.5")
    with pytest.raises(AddressError, match="Enter"):
        check_address("  ")


def test_remembering_keeps_the_address_without_its_password(
    fleet: Fleet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KIOSK_HUB_DSN", raising=False)
    a = fleet.add("a")
    dsn = "postgresql://kiosk:s3cret@10.0.0.5:5433/event"
    assert has_password(dsn) and not has_password("postgresql://kiosk@10.0.0.5/event")
    kept = remember_hub(a.db, dsn, "kiosk_hub")
    assert "s3cret" not in kept
    assert remembered_hub(a.db) == Hub(kept, "kiosk_hub")
    assert replica.get_state(a.db.conn, HUB_TARGET, "dsn") == kept
    assert psycopg.conninfo.conninfo_to_dict(kept)["host"] == "10.0.0.5"
    a.db.checkpoint()
    assert b"s3cret" not in (tmp_path / "a.db").read_bytes()
