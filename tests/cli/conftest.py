"""A demo event built through the command line, shared by the CLI tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kiosk.cli.main import cli


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    db = tmp_path / "demo.db"
    result = CliRunner().invoke(
        cli, ["--db", str(db), "demo", "--attendees", "120"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return db
