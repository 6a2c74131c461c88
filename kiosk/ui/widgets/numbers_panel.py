"""Live numbers beside the desk: checked in / expected, arrivals per quarter hour, and the
split by category and country."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.texts import category_text, country_text, time_text

if TYPE_CHECKING:  # counted after the desk window is on screen
    from kiosk.app.numbers import LiveNumbers, Share


class ArrivalsChart(QWidget):
    """Bars of first arrivals per 15 minutes, with hour marks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.arrivals: list[tuple[datetime, int]] = []
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_arrivals(self, arrivals: list[tuple[datetime, int]]) -> None:
        self.arrivals = arrivals
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(4, 6, -4, -20)
        p.setPen(QPen(QColor("#cfd8dc"), 1))
        p.drawLine(area.bottomLeft(), area.bottomRight())
        if not self.arrivals:
            p.setPen(QColor("#78909c"))
            p.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("No arrivals yet"))
            p.end()
            return
        # The last three hours at most, so bars stay readable.
        shown = self.arrivals[-12:]
        peak = max(count for _, count in shown) or 1
        step = area.width() / len(shown)
        bar = max(2.0, step * 0.7)
        metrics = p.fontMetrics()
        # The tallest bar leaves room above it for its number (drawn on the bar, dark on blue,
        # it could not be read).
        tallest = max(1.0, area.height() - metrics.height())
        for i, (start, count) in enumerate(shown):
            x = area.left() + i * step + (step - bar) / 2
            height = tallest * count / peak
            p.fillRect(QRectF(x, area.bottom() - height, bar, height), QColor("#1565c0"))
            if count:
                p.setPen(QColor("#263238"))
                label = str(count)
                top = max(area.top(), area.bottom() - height - metrics.height())
                p.drawText(
                    QRectF(x - 10, top, bar + 20, metrics.height()),
                    Qt.AlignmentFlag.AlignCenter,
                    label,
                )
            if start.minute == 0 or i == 0:
                p.setPen(QColor("#546e7a"))
                p.drawText(
                    QRectF(x - 20, area.bottom() + 2, bar + 40, 18),
                    Qt.AlignmentFlag.AlignCenter,
                    time_text(start),
                )
        p.end()


class _ShareTable(QWidget):
    """Label, count and bar per share; rows are reused, so an update only changes texts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(3)
        self.rows: list[tuple[QLabel, QLabel, QProgressBar]] = []

    def set_shares(
        self, shares: list[Share], label: Callable[[str], str], limit: int = 8
    ) -> None:
        # Values that read the same ("BG", "Bulgaria" and "България" are all "България" in
        # Bulgarian) are one row.
        merged: dict[str, list[int]] = {}
        for share in shares:
            counts = merged.setdefault(label(share.label), [0, 0])
            counts[0] += share.admitted
            counts[1] += share.expected
        rows = sorted(merged.items(), key=lambda item: -item[1][1])
        shown = rows[:limit]
        while len(self.rows) < len(shown):
            row = len(self.rows)
            name, count, bar = QLabel(self), QLabel(self), QProgressBar(self)
            count.setAlignment(Qt.AlignmentFlag.AlignRight)
            bar.setTextVisible(False)
            bar.setFixedHeight(8)
            self.grid.addWidget(name, row * 2, 0)
            self.grid.addWidget(count, row * 2, 1)
            self.grid.addWidget(bar, row * 2 + 1, 0, 1, 2)
            self.rows.append((name, count, bar))
        for i, (name, count, bar) in enumerate(self.rows):
            visible = i < len(shown)
            for widget in (name, count, bar):
                widget.setVisible(visible)
            if not visible:
                continue
            text, (admitted, expected) = shown[i]
            name.setText(text)
            count.setText(f"{admitted} / {expected}")
            bar.setRange(0, max(1, expected))
            bar.setValue(min(admitted, max(1, expected)))


class NumbersPanel(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.numbers: LiveNumbers | None = None
        inner = QWidget(self)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.setSpacing(10)

        def card(title: QLabel) -> QVBoxLayout:
            frame = QFrame(inner)
            frame.setObjectName("Card")
            box = QVBoxLayout(frame)
            box.setContentsMargins(14, 10, 14, 12)
            box.setSpacing(6)
            title.setObjectName("CardTitle")
            box.addWidget(title)
            layout.addWidget(frame)
            return box

        self.in_title = QLabel(inner)
        box = card(self.in_title)
        self.big = QLabel("–", inner)
        self.big.setObjectName("BigNumber")
        self.of = QLabel(inner)
        self.of.setObjectName("Muted")
        self.progress = QProgressBar(inner)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(10)
        box.addWidget(self.big)
        box.addWidget(self.of)
        box.addWidget(self.progress)

        self.arrivals_title = QLabel(inner)
        box = card(self.arrivals_title)
        self.chart = ArrivalsChart(inner)
        box.addWidget(self.chart)

        self.category_title = QLabel(inner)
        box = card(self.category_title)
        self.categories = _ShareTable(inner)
        box.addWidget(self.categories)

        self.country_title = QLabel(inner)
        box = card(self.country_title)
        self.countries = _ShareTable(inner)
        box.addWidget(self.countries)
        layout.addStretch(1)
        self.setWidget(inner)
        self.retranslate()

    def set_numbers(self, numbers: LiveNumbers) -> None:
        self.numbers = numbers
        self.big.setText(f"{numbers.admitted}")
        self.progress.setRange(0, max(1, numbers.expected))
        self.progress.setValue(min(numbers.admitted, max(1, numbers.expected)))
        self.chart.set_arrivals(numbers.arrivals)
        self.categories.set_shares(
            numbers.by_category, lambda c: category_text(c) or self.tr("(no category given)")
        )
        self.countries.set_shares(
            numbers.by_country, lambda c: country_text(c) or self.tr("(no country given)")
        )
        self._of_text()

    def _of_text(self) -> None:
        if self.numbers is None:
            self.of.setText("")
            return
        n = self.numbers
        share = 100 * n.admitted / n.expected if n.expected else 0
        self.of.setText(
            self.tr("of {expected} expected ({share:.0f}%)").format(
                expected=n.expected, share=share
            )
        )

    def retranslate(self) -> None:
        self.in_title.setText(self.tr("CHECKED IN"))
        self.arrivals_title.setText(self.tr("ARRIVALS PER 15 MINUTES"))
        self.category_title.setText(self.tr("BY CATEGORY"))
        self.country_title.setText(self.tr("BY COUNTRY"))
        if self.numbers is not None:
            self.set_numbers(self.numbers)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
