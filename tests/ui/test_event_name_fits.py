"""The event name on the desk's top bar is read in full at 1366 × 768 in every language: it
shrinks, then wraps, but is never cut."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetrics
from pytestqt.qtbot import QtBot

from kiosk.ui.i18n import Translations
from kiosk.ui.mainwindow import MainWindow

# A real programme's event title, as long as such titles get: the Interreg VI-A
# Romania–Bulgaria programme's annual event (interregviarobg.eu, "Events").
LONG_NAME = (
    "Interreg VI-A Romania–Bulgaria Programme Annual Event 2026: Cross-Border Business "
    "Clusters Forum, Ruse–Giurgiu"
)


@pytest.fixture
def long_named(window: MainWindow) -> MainWindow:
    window.event_name.setText(LONG_NAME)  # what the bar shows for an event of that name
    window.resize(1366, 768)
    return window


@pytest.mark.parametrize("language", ["en", "bg", "ro"])
def test_a_long_event_name_is_shown_whole_at_1366_pixels(
    qtbot: QtBot, long_named: MainWindow, translations: Translations, language: str
) -> None:
    translations.switch(language)
    label = long_named.event_name

    def drawn_whole() -> bool:
        font, lines = label.fitted()
        metrics = QFontMetrics(font)
        room = label.contentsRect()
        return all(metrics.horizontalAdvance(line) <= room.width() for line in lines) and (
            len(lines) * metrics.lineSpacing() <= room.height()  # not cut below either
        )

    # The bar takes the height the name needs at the width it gets (one more layout pass).
    qtbot.waitUntil(drawn_whole, timeout=2000)
    assert long_named.width() == 1366 and long_named.height() == 768
    font, lines = label.fitted()
    assert " ".join(lines) == LONG_NAME  # every word, no ellipsis
    assert font.pointSizeF() >= 0.6 * label.font().pointSizeF()  # still readable


def test_a_usual_event_name_stays_on_two_lines_at_most(
    qtbot: QtBot, long_named: MainWindow, translations: Translations
) -> None:
    translations.switch("bg")
    long_named.event_name.setText("BG-RO Cluster Conference 2026 — Ruse, 28–29 September")
    qtbot.waitUntil(lambda: len(long_named.event_name.fitted()[1]) <= 2, timeout=2000)
    assert " ".join(long_named.event_name.fitted()[1]) == (
        "BG-RO Cluster Conference 2026 — Ruse, 28–29 September"
    )

