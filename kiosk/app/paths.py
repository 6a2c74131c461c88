"""Where Kiosk keeps its files when nobody says otherwise (platformdirs)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Kiosk"


def default_db_path() -> Path:
    """``$KIOSK_DB`` if set, else ``event.db`` in the user's data folder."""
    configured = os.environ.get("KIOSK_DB")
    if configured:
        return Path(configured)
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "event.db"


def demo_db_path() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "demo-event.db"


def log_dir() -> Path:
    return platformdirs.user_log_path(APP_NAME, appauthor=False)


def cache_dir() -> Path:
    return platformdirs.user_cache_path(APP_NAME, appauthor=False)
