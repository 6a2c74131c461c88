"""Sync through the door (issue 20): ``Desk.sync`` is what the command line and the desk use for
bundles, the hub and conflicts — and reaching it loads no PostgreSQL driver until a hub is
reached (issue 21)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.app import open_desk
from kiosk.app.sync import NoHub
from kiosk.storage.database import Database
from tests.conftest import Clock, People


def test_a_bundle_made_through_one_desk_is_merged_through_another(
    db: Database, people: People, tmp_path: Path, clock: Clock
) -> None:
    db.close()
    other = tmp_path / "desk-2.db"
    shutil.copy(db.path, other)
    with open_desk(db.path, "Desk 1", clock=clock) as desk:
        desk.scan(people.ana)
        path, manifest = desk.sync.export_bundle(tmp_path / "stick")
    assert manifest.scans == 1
    with open_desk(other, "Desk 2") as desk:
        done = desk.sync.import_bundles(desk.sync.bundle_files([tmp_path / "stick"]))
        again = desk.sync.import_bundles([path])
    assert [r.added for r in done.results] == [1] and done.refused == []
    assert [r.added for r in again.results] == [0]  # a second import changes nothing


def test_with_no_hub_named_or_remembered_a_sync_says_how_to_name_one(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KIOSK_HUB_DSN", raising=False)
    db.close()
    with open_desk(db.path) as desk:
        assert desk.sync.hub() is None
        with pytest.raises(NoHub, match="--dsn postgresql://"):
            desk.sync.sync_with_hub()


def test_the_environment_names_the_hub_and_the_desk_cannot_change_it(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIOSK_HUB_DSN", "postgresql://kiosk@10.0.0.5/event")
    db.close()
    with open_desk(db.path) as desk:
        hub = desk.sync.hub()
    assert hub is not None and hub.from_environment
    assert (hub.dsn, hub.schema) == ("postgresql://kiosk@10.0.0.5/event", "kiosk_hub")


PROBE = """
import json, sys
from pathlib import Path
from kiosk.app import open_desk
with open_desk(sys.argv[1]) as desk:
    desk.sync.hub()
    path, _ = desk.sync.export_bundle(Path(sys.argv[2]))
    desk.sync.import_bundles([path])
    desk.sync.conflicts()
print(json.dumps(sorted(sys.modules)))
"""


def test_bundles_and_conflicts_through_the_door_load_no_postgresql_driver(
    db: Database, people: People, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KIOSK_HUB_DSN", raising=False)
    db.close()
    done = subprocess.run(
        [sys.executable, "-c", PROBE, db.path, str(tmp_path / "stick")],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    loaded = set(json.loads(done.stdout.strip().splitlines()[-1]))
    assert "kiosk.app.sync" in loaded  # the probe really went through the service
    assert "kiosk.sync.bundle" in loaded
    assert not {m for m in loaded if m == "psycopg" or m.startswith("psycopg.")}
