"""A short long day: bench/soak.py's soak at 500 scans, in CI (the 50,000-scan run is bench).

The real desk window with the scanner filter, auto-printing to a fake network printer, the
desk's hub guard and background sync to the real PostgreSQL hub, and a second kiosk process
syncing with the same hub. Timing and memory figures are the bench's business; here: no crash,
every badge printed once, and the hub holds exactly the desk's log at the end.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from bench import soak


@pytest.mark.slow
def test_a_short_day_at_the_desk_prints_every_badge_once_and_the_hub_ends_equal(
    qapp: QApplication, pg_server: str, tmp_path: Path
) -> None:
    args = soak.parse_args(
        ["--scans", "500", "--dsn", pg_server, "--peer-rate", "5", "--sync-interval", "2",
         "--seed", "3", "--out", str(tmp_path)]
    )  # fmt: skip
    result = soak.soak(args)
    assert result["crashed"] is False and result["scans"] == 500
    assert result["ok"]["printing"], result["printing"]
    assert result["ok"]["hub"], result["sync"]
    printing, sync = result["printing"], result["sync"]
    assert printing["badges_received_by_printer"] > 0
    assert sync["desk_syncs_ok"] >= 2 and sync["peer"]["scans"] > 0
    assert sync["local_rows"] > 500  # the desk's scans, its badges and the peer's scans
