"""Where Kiosk keeps its files when nobody says otherwise (platformdirs).

platformdirs is imported by the functions that ask it: a command given ``--db`` never needs it
(``kiosk checkin`` starts sooner; bench/startup.py).
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "Kiosk"


def user_data_dir() -> Path:
    """This user's data folder for Kiosk (the default event file and the demo live there)."""
    import platformdirs

    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def default_db_path() -> Path:
    """``$KIOSK_DB`` if set, else ``event.db`` in the user's data folder."""
    configured = os.environ.get("KIOSK_DB")
    if configured:
        return Path(configured)
    return user_data_dir() / "event.db"


def demo_db_path() -> Path:
    return user_data_dir() / "demo-event.db"


def log_dir() -> Path:
    import platformdirs

    return platformdirs.user_log_path(APP_NAME, appauthor=False)


def cache_dir() -> Path:
    import platformdirs

    return platformdirs.user_cache_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    """The settings of this computer (the desk's ``Kiosk.ini``: language, scanner, sound)."""
    import platformdirs

    return platformdirs.user_config_path(APP_NAME, appauthor=False)


def settings_file() -> Path:
    """The settings file Qt writes (set up by ``kiosk.ui.app.qt_application``)."""
    return config_dir() / f"{APP_NAME}.ini"


def user_folders() -> dict[str, Path]:
    """Where this user's data, logs and settings live (the About dialog and the self-test)."""
    return {
        "data": user_data_dir(),
        "logs": log_dir(),
        "settings": settings_file(),
        "cache": cache_dir(),
        "database": default_db_path(),
    }
