"""The sync commands as organisers type them."""

from __future__ import annotations

import json
import time
from pathlib import Path

from click.testing import CliRunner

from kiosk.cli.main import cli
from tests.sync.conftest import Fleet


def _run(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    return result.exit_code, result.output


def test_export_then_import_on_another_desk_then_again_adds_nothing(
    fleet: Fleet, tmp_path: Path
) -> None:
    a, b = fleet.add("a"), fleet.add("b")
    for code in fleet.codes[:3]:
        a.scan(code)
    a.db.close()
    b.db.close()
    stick = tmp_path / "stick"
    code, out = _run(tmp_path / "a.db", "sync", "export", "-o", str(stick), "--json")
    assert code == 0, out
    assert json.loads(out)["manifest"]["kiosks"][0]["count"] == 3
    code, out = _run(tmp_path / "b.db", "sync", "import", str(stick), "--json")
    assert code == 0, out
    assert [k["added"] for k in json.loads(out)[0]["kiosks"]] == [3]
    code, out = _run(tmp_path / "b.db", "sync", "import", str(stick), "--json")
    assert [(k["added"], k["present"]) for k in json.loads(out)[0]["kiosks"]] == [(0, 3)]


def test_a_damaged_bundle_is_refused_with_exit_status_2_and_a_clear_line(
    fleet: Fleet, tmp_path: Path
) -> None:
    a, b = fleet.add("a"), fleet.add("b")
    a.scan(fleet.codes[0])
    a.db.close()
    b.db.close()
    _run(tmp_path / "a.db", "sync", "export", "-o", str(tmp_path / "stick"))
    (path,) = (tmp_path / "stick").iterdir()
    path.write_bytes(path.read_bytes()[:-20])
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "b.db"), "sync", "import", str(path)])
    assert result.exit_code == 2
    assert "cut short" in result.output and "Traceback" not in result.output


def test_an_unreachable_hub_is_one_clear_line_and_exit_status_2(
    fleet: Fleet, tmp_path: Path
) -> None:
    a = fleet.add("a")
    a.db.close()
    result = CliRunner().invoke(
        cli,
        ["--db", str(tmp_path / "a.db"), "sync", "hub", "--dsn",
         "postgresql://postgres@127.0.0.1:1/test?connect_timeout=1"],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "cannot be reached" in result.output and "Traceback" not in result.output


def test_hub_sync_and_status_from_the_command_line(
    fleet: Fleet, tmp_path: Path, pg_server: str, hub_schema: str
) -> None:
    a, b = fleet.add("a"), fleet.add("b")
    a.scan(fleet.codes[0])
    time.sleep(0.005)  # a scans first by the hybrid logical clock (the machine's clock)
    b.scan(fleet.codes[0])
    a.db.close()
    b.db.close()
    for name in ("a", "b", "a"):
        code, out = _run(tmp_path / f"{name}.db", "sync", "hub", "--dsn", pg_server,
                         "--schema", hub_schema, "--json")  # fmt: skip
        assert code == 0, out
    # The hub is remembered: later syncs and the status need no address.
    code, out = _run(tmp_path / "b.db", "sync", "hub", "--json")
    assert code == 0, out
    assert (json.loads(out)["pushed"], json.loads(out)["pulled"]) == (0, 0)
    code, out = _run(tmp_path / "a.db", "sync", "status", "--json")
    status = json.loads(out)
    assert status["queued"] == 0 and status["last_sync"]
    code, out = _run(tmp_path / "a.db", "conflicts", "--json")
    (case,) = json.loads(out)
    assert case["cross_kiosk"] and case["code"] == fleet.codes[0]
    # a scanned first: its admission is the one of record.
    assert case["entries"][0]["kiosk_id"] == status["kiosk_id"]
    assert case["record_scan_id"] == case["entries"][0]["scan_id"]
    code, out = _run(tmp_path / "a.db", "conflicts")
    assert code == 0 and "at two kiosks" in out


def test_sync_hub_without_an_address_and_none_remembered_says_how_to_give_one(
    fleet: Fleet, tmp_path: Path
) -> None:
    a = fleet.add("a")
    a.db.close()
    result = CliRunner().invoke(
        cli, ["--db", str(tmp_path / "a.db"), "sync", "hub"], env={"KIOSK_HUB_DSN": ""}
    )
    assert result.exit_code == 2
    assert "--dsn" in result.output and "Traceback" not in result.output
