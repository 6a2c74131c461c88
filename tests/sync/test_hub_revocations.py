"""Revocation lists shipped through the hub, against a real server: the newest signed list
reaches every kiosk; a kiosk checks it as it checks a file; older never replaces newer."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import psycopg
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from psycopg import sql

from kiosk.core.timeutil import to_utc_iso
from kiosk.storage import events, keys
from kiosk.sync.hub import HubSession, SyncResult
from kiosk.tickets import signing
from kiosk.tickets.signing import RevocationList
from tests.sync.conftest import Fleet, Station


def trust(station: Station, private: Ed25519PrivateKey) -> None:
    """As 'kiosk keys add-public' does with the organizer's public key file."""
    raw = signing.public_raw(private)
    uid = events.event_info(station.db).uid
    keys.add_keys(station.db, [keys.TrustedKey(raw, signing.key_id_of(raw), uid, "", "", "now")])


def hold(station: Station, private: Ed25519PrivateKey, serial: int, uids: set[str]) -> bytes:
    """A signed list made and held at this station (as 'kiosk keys revoke' does)."""
    rl = RevocationList(events.event_info(station.db).uid, serial,
                        to_utc_iso(datetime.now(UTC)), frozenset(uids))  # fmt: skip
    document = signing.sign_revocations(private, rl)
    raw = signing.public_raw(private)
    keys.replace_revocations(station.db, serial, rl.issued_at, signing.key_id_of(raw),
                             document.decode(), uids)  # fmt: skip
    return document


def uid_of(station: Station, code: str) -> str:
    return str(station.db.conn.execute("SELECT uid FROM attendee WHERE code = ?",
                                       (code,)).fetchone()[0])  # fmt: skip


def serial_held(station: Station) -> int:
    held = keys.held_revocations(station.db.conn)
    return held.serial if held else 0


def sync(station: Station, dsn: str, schema: str) -> SyncResult:
    return HubSession(station.db, dsn, schema=schema, timeout=3).sync()


def hub_serial(dsn: str, schema: str) -> int | None:
    with psycopg.connect(dsn) as conn:
        row = conn.execute(
            sql.SQL("SELECT serial FROM {}.hub_revocation").format(sql.Identifier(schema))
        ).fetchone()
    return int(row[0]) if row else None


@pytest.fixture
def key() -> Ed25519PrivateKey:
    return signing.new_private_key()


def test_a_list_revoked_at_the_organizers_kiosk_reaches_another_kiosk_and_is_enforced(
    fleet: Fleet, pg_server: str, hub_schema: str, key: Ed25519PrivateKey
) -> None:
    organizer, desk = fleet.add("organizer"), fleet.add("desk")
    for station in (organizer, desk):
        trust(station, key)
    lost = fleet.codes[2]
    hold(organizer, key, 1, {uid_of(organizer, lost)})
    assert sync(organizer, pg_server, hub_schema).revocations.pushed == 1
    result = sync(desk, pg_server, hub_schema)
    assert (result.revocations.taken, result.revocations.refused) == (1, "")
    assert serial_held(desk) == 1
    assert keys.is_revoked(desk.db.conn, uid_of(desk, lost))
    again = sync(desk, pg_server, hub_schema)  # nothing new: nothing taken, nothing pushed
    assert (again.revocations.pushed, again.revocations.taken) == (0, 0)


def test_a_newer_list_imported_at_any_kiosk_replaces_the_hubs_and_reaches_the_rest(
    fleet: Fleet, pg_server: str, hub_schema: str, key: Ed25519PrivateKey
) -> None:
    a, b, c = fleet.add("a"), fleet.add("b"), fleet.add("c")
    for station in (a, b, c):
        trust(station, key)
    hold(a, key, 1, {uid_of(a, fleet.codes[0])})
    sync(a, pg_server, hub_schema)
    hold(b, key, 2, {uid_of(b, fleet.codes[0]), uid_of(b, fleet.codes[1])})  # a file import
    result = sync(b, pg_server, hub_schema)
    assert (result.revocations.pushed, result.revocations.taken) == (2, 0)
    assert hub_serial(pg_server, hub_schema) == 2
    for station in (c, a):
        assert sync(station, pg_server, hub_schema).revocations.taken == 2
        assert serial_held(station) == 2
        assert keys.revoked_uids(station.db.conn) == {
            uid_of(station, fleet.codes[0]), uid_of(station, fleet.codes[1])}  # fmt: skip


def test_an_older_list_never_replaces_a_newer_one_at_the_hub_or_at_a_kiosk(
    fleet: Fleet, pg_server: str, hub_schema: str, key: Ed25519PrivateKey
) -> None:
    newer, older = fleet.add("newer"), fleet.add("older")
    for station in (newer, older):
        trust(station, key)
    hold(newer, key, 5, {uid_of(newer, fleet.codes[0])})
    hold(older, key, 3, {uid_of(older, fleet.codes[1])})
    sync(newer, pg_server, hub_schema)
    result = sync(older, pg_server, hub_schema)
    assert (result.revocations.pushed, result.revocations.taken) == (0, 5)
    assert hub_serial(pg_server, hub_schema) == 5
    assert sync(newer, pg_server, hub_schema).revocations.taken == 0
    assert serial_held(newer) == 5
    assert keys.revoked_uids(newer.db.conn) == {uid_of(newer, fleet.codes[0])}


def _write_at_hub(dsn: str, schema: str, serial: int, document: str) -> None:
    """Someone with the hub's password writes a row of their own making."""
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(
            sql.SQL("UPDATE {}.hub_revocation SET serial = %s, document = %s").format(
                sql.Identifier(schema)), (serial, document))  # fmt: skip


def _forgeries(station: Station, key: Ed25519PrivateKey, uid: str) -> dict[str, str]:
    """A list signed by a stranger's key, and a genuine list with its contents altered."""
    rl = RevocationList(events.event_info(station.db).uid, 9, "2026-09-28T06:00:00.000000Z",
                        frozenset({uid}))  # fmt: skip
    altered = json.loads(signing.sign_revocations(key, rl))
    altered["revoked"] = [uid, "someone-else"]
    return {"stranger": signing.sign_revocations(signing.new_private_key(), rl).decode(),
            "altered": json.dumps(altered)}  # fmt: skip


@pytest.mark.parametrize("forgery", ["stranger", "altered"])
def test_a_list_at_the_hub_that_no_trusted_key_signed_is_refused_and_the_sync_goes_on(
    fleet: Fleet, pg_server: str, hub_schema: str, key: Ed25519PrivateKey, forgery: str
) -> None:
    a, b, c = fleet.add("a"), fleet.add("b"), fleet.add("c")
    for station in (a, b, c):
        trust(station, key)
    hold(a, key, 1, {uid_of(a, fleet.codes[0])})
    sync(a, pg_server, hub_schema)
    _write_at_hub(pg_server, hub_schema, 9, _forgeries(b, key, uid_of(b, fleet.codes[1]))[forgery])
    c.scan(fleet.codes[5])  # c holds no list of its own to put back
    assert "signature" in sync(c, pg_server, hub_schema).revocations.refused
    result = sync(b, pg_server, hub_schema)
    assert result.revocations.taken == 0
    assert "signature" in result.revocations.refused
    assert result.pulled >= 1  # the scans came all the same
    assert serial_held(b) == 0 and keys.revoked_uids(b.db.conn) == set()


def test_a_forged_list_with_a_huge_serial_at_the_hub_cannot_block_the_organizers_lists(
    fleet: Fleet, pg_server: str, hub_schema: str, key: Ed25519PrivateKey
) -> None:
    """The hub's serial column is not proof: the kiosk that holds a genuine list puts it back,
    and the organizer's next list goes round as usual."""
    a, b = fleet.add("a"), fleet.add("b")
    trust(a, key)
    trust(b, key)
    hold(a, key, 1, {uid_of(a, fleet.codes[0])})
    sync(a, pg_server, hub_schema)
    _write_at_hub(pg_server, hub_schema, 10**12,
                  _forgeries(b, key, uid_of(b, fleet.codes[1]))["stranger"])  # fmt: skip
    repaired = sync(a, pg_server, hub_schema)
    assert (repaired.revocations.pushed, repaired.revocations.taken) == (1, 0)
    assert hub_serial(pg_server, hub_schema) == 1
    assert sync(b, pg_server, hub_schema).revocations.taken == 1
    hold(a, key, 2, {uid_of(a, fleet.codes[0]), uid_of(a, fleet.codes[3])})
    assert sync(a, pg_server, hub_schema).revocations.pushed == 2
    assert sync(b, pg_server, hub_schema).revocations.taken == 2
    assert keys.revoked_uids(b.db.conn) == {uid_of(b, fleet.codes[0]), uid_of(b, fleet.codes[3])}


def test_a_genuine_list_whose_serial_column_was_altered_is_put_right(
    fleet: Fleet, pg_server: str, hub_schema: str, key: Ed25519PrivateKey
) -> None:
    a, b = fleet.add("a"), fleet.add("b")
    trust(a, key)
    trust(b, key)
    document = hold(a, key, 1, {uid_of(a, fleet.codes[0])})
    sync(a, pg_server, hub_schema)
    hold(a, key, 2, {uid_of(a, fleet.codes[1])})
    _write_at_hub(pg_server, hub_schema, 50, document.decode())  # list 1 dressed up as 50
    assert sync(b, pg_server, hub_schema).revocations.taken == 0
    assert sync(a, pg_server, hub_schema).revocations.pushed == 2
    assert sync(b, pg_server, hub_schema).revocations.taken == 2


def test_a_kiosk_without_the_public_key_does_not_take_the_list_and_says_why(
    fleet: Fleet, pg_server: str, hub_schema: str, key: Ed25519PrivateKey
) -> None:
    organizer, desk = fleet.add("organizer"), fleet.add("desk")
    trust(organizer, key)
    hold(organizer, key, 1, {uid_of(organizer, fleet.codes[0])})
    sync(organizer, pg_server, hub_schema)
    result = sync(desk, pg_server, hub_schema)
    assert result.revocations.taken == 0
    assert "add-public" in result.revocations.refused
    assert serial_held(desk) == 0


def test_kiosk_sync_hub_says_which_list_it_took(
    fleet: Fleet, pg_server: str, hub_schema: str, key: Ed25519PrivateKey
) -> None:
    from click.testing import CliRunner

    from kiosk.cli.main import cli

    organizer, desk = fleet.add("organizer"), fleet.add("desk")
    for station in (organizer, desk):
        trust(station, key)
    hold(organizer, key, 4, {uid_of(organizer, fleet.codes[0])})
    sync(organizer, pg_server, hub_schema)
    path = desk.db.path
    desk.db.close()
    out = CliRunner().invoke(
        cli, ["--db", str(path), "sync", "hub", "--dsn", pg_server, "--schema", hub_schema,
              "--json"])  # fmt: skip
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["revocations"] == {"pushed": 0, "taken": 4, "refused": ""}
    fleet.stations.remove(desk)
