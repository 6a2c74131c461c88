"""``kiosk self-test`` from the source checkout: every check passes here, a broken install
fails with exit status 1 and names what is broken, and ``--version`` prints the version."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from PySide6.QtWidgets import QApplication

import kiosk.assets
from kiosk import __version__
from kiosk.app import selftest
from kiosk.app.selftest import Status
from kiosk.cli.main import cli
from kiosk.ui.app import qt_application

CODES = [
    "assets", "database", "fonts", "badge", "qr",
    "qt", "translations", "first-run", "sound", "printers",
]  # fmt: skip


@pytest.fixture
def app(qapp: QApplication) -> QApplication:
    return qt_application()


def run_json(*args: str) -> tuple[int, dict[str, object]]:
    result = CliRunner().invoke(cli, ["self-test", "--json", *args])
    return result.exit_code, json.loads(result.output)


def test_self_test_passes_every_check_in_a_source_checkout(app: QApplication) -> None:
    code, report = run_json()
    checks = report["checks"]
    assert isinstance(checks, list)
    assert [c["code"] for c in checks] == CODES
    failed = [c for c in checks if c["status"] == Status.FAILED]
    assert failed == [] and report["passed"] is True and code == 0
    # Sound may only warn (no libpulse on a bare machine); everything else is a plain pass.
    assert {c["code"] for c in checks if c["status"] != Status.OK} <= {"sound"}
    assert report["kind"] == "source checkout"
    assert report["version"] == __version__


def test_self_test_reports_the_per_user_folders(app: QApplication) -> None:
    _code, report = run_json()
    folders = report["folders"]
    assert isinstance(folders, dict)
    assert set(folders) == {"data", "logs", "settings", "cache", "database"}
    assert all(".pytest_cache" in v for v in folders.values())  # tests/conftest.py's XDG dirs


def test_missing_assets_fail_the_self_test_with_exit_status_1(
    app: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "assets"
    (empty / "fonts").mkdir(parents=True)
    (empty / "badges").mkdir()
    monkeypatch.setattr(kiosk.assets, "assets_dir", lambda: empty)
    monkeypatch.setattr(selftest, "assets_dir", lambda: empty)
    code, report = run_json("--no-qt")
    checks = report["checks"]
    assert isinstance(checks, list)
    failed = {c["code"] for c in checks if c["status"] == Status.FAILED}
    assert {"assets", "fonts"} <= failed
    assert code == 1 and report["passed"] is False


def test_a_check_that_raises_becomes_a_failed_check_naming_the_error(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    check = selftest.guarded("database", lambda: selftest.check_database(not_a_folder))
    assert check.status is Status.FAILED
    assert "NotADirectoryError" in check.detail


def test_text_report_ends_with_the_verdict(app: QApplication) -> None:
    result = CliRunner().invoke(cli, ["self-test"])
    assert result.exit_code == 0
    lines = result.output.strip().splitlines()
    assert lines[0].startswith(f"Kiosk {__version__} self-test")
    assert lines[-1].startswith("All 10 checks passed")


def test_version_option_prints_the_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output
