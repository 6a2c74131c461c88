"""Frozen entry point of ``kiosk`` (the command line; a console program on Windows)."""

from kiosk.cli import run

if __name__ == "__main__":
    run()
