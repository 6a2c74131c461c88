"""Frozen entry point of ``kiosk`` (the command line; a console program on Windows)."""

from kiosk.cli.main import main

if __name__ == "__main__":
    main()
