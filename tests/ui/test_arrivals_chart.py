"""The arrivals chart of the desk's numbers: each bar's number is readable above its bar."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from kiosk.ui.widgets.numbers_panel import ArrivalsChart

BAR = QColor("#1565c0")


def test_the_tallest_bars_number_is_drawn_above_it_not_on_the_blue(qtbot: QtBot) -> None:
    # The desk screenshot of the demo morning: 14 arrivals in the busiest quarter hour.
    start = datetime(2026, 9, 28, 5, 0, tzinfo=UTC)
    chart = ArrivalsChart()
    qtbot.addWidget(chart)
    chart.resize(320, 140)
    chart.set_arrivals([(start + timedelta(minutes=15 * i), n) for i, n in enumerate((14, 7, 3))])
    image = chart.grab().toImage()
    middle = round(4 + (312 / 3) / 2)  # the middle of the first (tallest) bar
    columns = range(middle - 12, middle + 13)

    def colour(x: int, y: int) -> QColor:
        return QColor(image.pixel(x, y))

    bar_top = next(y for y in range(image.height()) if colour(middle, y) == BAR)
    ink = [(x, y) for x in columns for y in range(bar_top) if colour(x, y).lightness() < 180]
    assert ink, "the number 14 is not above its bar"
    on_bar = [
        (x, y)
        for x in columns
        for y in range(bar_top, bar_top + 20)
        if colour(x, y) != BAR and colour(x, y).lightness() < 180
    ]
    assert not on_bar  # nothing written on the blue
