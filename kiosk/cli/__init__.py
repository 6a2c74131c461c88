"""The ``kiosk`` command line.

:func:`run` is the ``kiosk`` command. It answers ``kiosk --version`` before click and the commands
are imported, as quickly as Python starts (support calls and packaging scripts ask it); a plain
``kiosk checkin`` or ``kiosk search`` runs without click (:mod:`kiosk.cli.fast`); every other
command line goes to :func:`kiosk.cli.main.main`. This package imports nothing at all.
"""

from __future__ import annotations

import sys


def version_text() -> str:
    """``kiosk 0.1.0 (source checkout, Python 3.12.3)``: what ``kiosk --version`` prints."""
    from kiosk import __version__
    from kiosk.assets import installation_kind

    python = sys.version.split()[0]
    return f"kiosk {__version__} ({installation_kind()}, Python {python})"


def run() -> None:
    """The ``kiosk`` command (and ``python -m kiosk``)."""
    if sys.argv[1:] == ["--version"]:
        print(version_text())
        return
    from kiosk.cli import fast

    fast.run(sys.argv[1:])  # a plain check-in or search ends the process here
    from kiosk.cli.main import main

    main()
