"""A bundle carries the signed revocation list its file holds (issue 19: "bundles carry
everything the file holds that the other side may lack"; "a revoked ticket is refused … on every
kiosk that has the revocation list").

Before, only 'kiosk keys import-revocations' on each kiosk or a hub brought a list; a venue that
syncs by USB stick relayed scans desk to desk, but the revocation stopped at the organizer's
laptop. The list travels as the organizer's key signed it and is checked on arrival as a file
import checks it (libpretixsync testSignedAndRevoked: a revoked signed ticket is refused).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.cli.main import cli
from kiosk.storage import attendees, keys
from kiosk.sync.bundle import export_bundle, import_bundle
from kiosk.tickets import signing
from tests.app.test_signed_checkin import hold_revocations, trust
from tests.sync.conftest import Fleet, Station


@pytest.fixture
def key() -> Ed25519PrivateKey:
    return signing.new_private_key()


def uid_of(station: Station, code: str) -> str:
    person = attendees.find_by_code(station.db.conn, code)
    assert person is not None
    return person.uid


def carry(source: Station, target: Station, folder: Path) -> str:
    path, _ = export_bundle(source.db, folder / f"{source.name}-to-{target.name}")
    return import_bundle(target.db, path).revocations_refused


def test_a_revocation_reaches_every_desk_by_stick_and_refuses_the_plain_code(
    fleet: Fleet, key: Ed25519PrivateKey, tmp_path: Path
) -> None:
    organizer, desk1, desk2 = fleet.add("organizer"), fleet.add("desk1"), fleet.add("desk2")
    for station in (organizer, desk1, desk2):
        trust(station.db, key)  # the prepared event file carries the public key
    lost = fleet.codes[0]
    hold_revocations(organizer.db, key, 1, {uid_of(organizer, lost)}, tmp_path)
    assert carry(organizer, desk1, tmp_path) == ""
    assert carry(desk1, desk2, tmp_path) == ""  # relayed, like the scans
    for desk in (desk1, desk2):
        held = keys.held_revocations(desk.db.conn)
        assert held is not None and held.serial == 1
        assert desk.scan(lost) == "revoked"
    assert desk2.scan(fleet.codes[1]) == "admitted"


def test_an_older_list_never_replaces_a_newer_one(
    fleet: Fleet, key: Ed25519PrivateKey, tmp_path: Path
) -> None:
    old, new = fleet.add("old"), fleet.add("new")
    for station in (old, new):
        trust(station.db, key)
    hold_revocations(old.db, key, 1, {uid_of(old, fleet.codes[0])}, tmp_path)
    hold_revocations(new.db, key, 2, {uid_of(new, fleet.codes[1])}, tmp_path)
    carry(old, new, tmp_path)
    held = keys.held_revocations(new.db.conn)
    assert held is not None and held.serial == 2
    assert new.scan(fleet.codes[0]) == "admitted" and new.scan(fleet.codes[1]) == "revoked"
    carry(new, old, tmp_path)
    assert old.scan(fleet.codes[1]) == "revoked"
    assert old.scan(fleet.codes[0]) == "already_checked_in"  # list 1 gave way to list 2


def test_a_list_that_does_not_verify_is_not_taken_and_the_rest_is_merged(
    fleet: Fleet, key: Ed25519PrivateKey, tmp_path: Path
) -> None:
    forger, desk = fleet.add("forger"), fleet.add("desk")
    other_key = signing.new_private_key()
    trust(forger.db, other_key)  # a key the desk does not trust
    trust(desk.db, key)
    hold_revocations(forger.db, other_key, 5, {uid_of(forger, fleet.codes[0])}, tmp_path)
    forger.scan(fleet.codes[2])
    path, _ = export_bundle(forger.db, tmp_path / "stick")
    runner = CliRunner().invoke(
        cli, ["--db", str(desk.db.path), "sync", "import", str(path), "--json"],
        catch_exceptions=False,
    )  # fmt: skip
    assert runner.exit_code == 0, runner.output
    answer = json.loads(runner.output)
    first = answer[0] if isinstance(answer, list) else answer
    reported = json.dumps(first)
    assert '"taken": 0' in reported and "revocation list" in reported
    assert keys.held_revocations(desk.db.conn) is None
    assert desk.scan(fleet.codes[0]) == "admitted"
    assert desk.scan(fleet.codes[2]) == "already_checked_in"  # the scans came through


def test_a_desk_without_the_public_key_says_why_it_did_not_take_the_list(
    fleet: Fleet, key: Ed25519PrivateKey, tmp_path: Path
) -> None:
    organizer, desk = fleet.add("organizer"), fleet.add("desk")
    trust(organizer.db, key)
    hold_revocations(organizer.db, key, 1, {uid_of(organizer, fleet.codes[0])}, tmp_path)
    assert "add-public" in carry(organizer, desk, tmp_path)
