"""A :class:`~app.services.dashboard.Chart` drawn with QtCharts.

The chart is built from the same rows the CSV export writes: one bar set or
line per series, one category per bar group or point.
"""

from __future__ import annotations

import math

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QPainter

from app.services.dashboard import Chart, ChartKind


def _step(maximum: float, whole: bool) -> float:
    """A round tick interval giving about five ticks up to ``maximum``."""
    rough = max(maximum, 1.0) / 5
    magnitude = 10.0 ** math.floor(math.log10(rough))
    step = next(m * magnitude for m in (1.0, 2.0, 2.5, 5.0, 10.0) if m * magnitude >= rough)
    return max(1.0, float(math.ceil(step))) if whole else step


def _value_axis(maximum: float, title: str, whole: bool) -> QValueAxis:
    """0 to a round number above ``maximum``; whole numbers only for counts."""
    axis = QValueAxis()
    axis.setTitleText(title)
    step = _step(maximum, whole)
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(step)
    axis.setRange(0, step * max(1, math.ceil(maximum / step + 0.05)))
    axis.setLabelFormat("%d" if step == int(step) else "%.1f")
    return axis


def _category_axis(categories: list[str]) -> QBarCategoryAxis:
    axis = QBarCategoryAxis()
    axis.append(categories)
    # Citations and months are read whole, never cut to "…".
    axis.setTruncateLabels(False)
    return axis


def build_chart(chart: Chart) -> QChart:
    """A QChart showing ``chart``'s rows (an empty chart when there are none)."""
    drawn = QChart()
    drawn.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    drawn.setMargins(QMargins(4, 4, 4, 4))
    drawn.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    categories = list(chart.categories())
    series_names = chart.series()
    if not categories:
        return drawn
    value_title = chart.columns[2]
    whole = all(isinstance(r.value, int) for r in chart.rows)
    if chart.kind is ChartKind.LINES:
        axis_x = _category_axis(categories)
        axis_x.setLabelsAngle(-90 if len(categories) > 8 else 0)
        axis_y = _value_axis(max(float(r.value) for r in chart.rows), value_title, whole)
        drawn.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        drawn.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        for name in series_names:
            line = QLineSeries()
            line.setName(name)
            line.setPointsVisible(True)
            for index, category in enumerate(categories):
                value = float(chart.value(category, name))
                line.append(QPointF(index, value))
            drawn.addSeries(line)
            line.attachAxis(axis_x)
            line.attachAxis(axis_y)
        return drawn
    horizontal = chart.kind is ChartKind.HORIZONTAL_BARS
    bars: QAbstractBarSeries
    if chart.kind is ChartKind.STACKED_BARS:
        bars = QHorizontalStackedBarSeries() if len(categories) > 6 else QStackedBarSeries()
        horizontal = len(categories) > 6
    elif horizontal:
        bars = QHorizontalBarSeries()
    else:
        bars = QBarSeries()
    if horizontal:
        # The first (largest) category at the top.
        categories.reverse()
    totals = dict.fromkeys(categories, 0.0)
    for name in series_names:
        bar_set = QBarSet(name)
        for category in categories:
            value = float(chart.value(category, name))
            bar_set.append(value)
            if chart.kind is ChartKind.STACKED_BARS:
                totals[category] += value
            else:
                totals[category] = max(totals[category], value)
        bars.append(bar_set)
    drawn.addSeries(bars)
    axis_c = _category_axis(categories)
    axis_v = _value_axis(max(totals.values()), value_title, whole)
    if horizontal:
        # Ten citations one above the other: a smaller type keeps every one shown.
        font = axis_c.labelsFont()
        font.setPointSizeF(font.pointSizeF() * 0.85)
        axis_c.setLabelsFont(font)
        drawn.addAxis(axis_c, Qt.AlignmentFlag.AlignLeft)
        drawn.addAxis(axis_v, Qt.AlignmentFlag.AlignBottom)
    else:
        drawn.addAxis(axis_c, Qt.AlignmentFlag.AlignBottom)
        drawn.addAxis(axis_v, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(axis_c)
    bars.attachAxis(axis_v)
    drawn.legend().setVisible(len(series_names) > 1)
    return drawn


#: Smooth lines and text in the chart views.
RENDER_HINTS = QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
