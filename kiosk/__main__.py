"""``python -m kiosk``: the ``kiosk`` command."""

from kiosk.cli import run

if __name__ == "__main__":
    run()
