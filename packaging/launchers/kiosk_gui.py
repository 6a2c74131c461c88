"""Frozen entry point of ``kiosk-gui`` (the desk window; no console window on Windows).

``kiosk-gui --kiosk`` starts the self-service touchscreen mode, like ``kiosk gui --kiosk``.
"""

import sys

from kiosk.ui.app import main

if __name__ == "__main__":
    sys.exit(main())
