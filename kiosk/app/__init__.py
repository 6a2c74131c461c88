"""Services: the operations the CLI and the windows share. Every write and decision goes here.

The door is :class:`kiosk.app.door.Desk`, opened with :func:`open_desk`: the command line, the
desk window and the self-service kiosk check people in, undo, search, count, import and reach
printing, reports and sync through it (docs/design.md, "One door"). Importing this package
loads nothing else: ``kiosk --version`` stays fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.app.door import Desk

__all__ = ["open_desk"]


def open_desk(path: str | Path, kiosk_name: str | None = None, **options: Any) -> Desk:
    """Open the event file ``path`` as the kiosk ``kiosk_name`` (default: this computer's);
    see :func:`kiosk.app.door.open_desk` for the options."""
    from kiosk.app.door import open_desk as _open

    return _open(path, kiosk_name, **options)
