"""A :class:`~app.services.dashboard.Chart` drawn with QtCharts.

The chart is built from the same rows the CSV export writes: one bar set or
line per series, one category per bar group or point.
"""

from __future__ import annotations

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


def _value_axis(maximum: float, title: str) -> QValueAxis:
    axis = QValueAxis()
    axis.setTitleText(title)
    axis.setLabelFormat("%d" if maximum >= 5 else "%.1f")
    axis.setRange(0, max(1.0, maximum * 1.1))
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
    if chart.kind is ChartKind.LINES:
        axis_x = QBarCategoryAxis()
        axis_x.append(categories)
        axis_x.setLabelsAngle(-60 if len(categories) > 8 else 0)
        axis_y = _value_axis(max(float(r.value) for r in chart.rows), value_title)
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
    axis_c = QBarCategoryAxis()
    axis_c.append(categories)
    axis_v = _value_axis(max(totals.values()), value_title)
    if horizontal:
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
