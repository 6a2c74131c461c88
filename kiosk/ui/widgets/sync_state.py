"""The sync corner of the desk: last sync with the hub, scans waiting, hub reachable or not."""

from __future__ import annotations

from datetime import tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QToolButton, QWidget

from kiosk.core.timeutil import from_utc_iso
from kiosk.ui.texts import time_text

if TYPE_CHECKING:  # the sync code is loaded after the desk's first paint
    from kiosk.ui.sync_backend import SyncState


class SyncStateButton(QToolButton):
    """Hidden while no hub is configured; red while the hub cannot be reached."""

    def __init__(self, zone: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SyncState")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.zone = zone
        self.state: SyncState | None = None
        self.setVisible(False)

    def show_state(self, state: SyncState) -> None:
        self.state = state
        self._render()

    def _render(self) -> None:
        state = self.state
        if state is None or not state.hub or state.status is None:
            self.setVisible(False)
            return
        status = state.status
        if status.last_sync:
            when = time_text(from_utc_iso(status.last_sync).astimezone(self.zone))
            synced = self.tr("Synced {time}").format(time=when)
        else:
            synced = self.tr("Not synced yet")
        waiting = self.tr("%n waiting", "", status.queued)
        if state.reachable is False:
            text = self.tr("Hub unreachable") + " · " + waiting
            sheet = "QToolButton#SyncState { background: #c62828; color: #ffffff; }"
        else:
            text = synced + (" · " + waiting if status.queued else "")
            sheet = ""
        self.setText(text)
        self.setStyleSheet(sheet)
        tip = [self.tr("Hub: {hub}").format(hub=state.hub), synced, waiting]
        if status.last_error and state.reachable is False:
            tip.append(status.last_error)
        self.setToolTip("\n".join(tip))
        self.setVisible(True)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)
