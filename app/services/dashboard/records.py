"""What the dashboard services take and return: plain, frozen dataclasses.

A chart and its CSV are made from the same :class:`Chart`: every row is one
bar, point or cell (a category, a series and a value), so what is drawn and
what is exported agree row for row.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import io
from dataclasses import dataclass


class ChartKind(enum.StrEnum):
    """How a chart is drawn; the rows are the same either way."""

    STACKED_BARS = "stacked_bars"
    GROUPED_BARS = "grouped_bars"
    HORIZONTAL_BARS = "horizontal_bars"
    LINES = "lines"


@dataclass(frozen=True, slots=True)
class DashboardFilter:
    """Which cases the figures are about: one agency or all, and a period (inclusive)."""

    agency_code: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None


@dataclass(frozen=True, slots=True)
class ChartRow:
    """One figure: ``value`` for ``series`` at ``category``."""

    category: str
    series: str
    value: int | float


@dataclass(frozen=True, slots=True)
class Chart:
    """One chart's figures, in the order they are drawn and exported."""

    key: str
    title: str
    kind: ChartKind
    #: Column names of the CSV: what the category, the series and the value are.
    columns: tuple[str, str, str]
    rows: tuple[ChartRow, ...]
    #: What the figures count or measure, and which records they leave out.
    note: str = ""
    #: The order the series are drawn in (a workflow's or a ladder's), where it matters.
    series_order: tuple[str, ...] = ()

    def categories(self) -> tuple[str, ...]:
        """The categories in the order they first appear."""
        return tuple(dict.fromkeys(r.category for r in self.rows))

    def series(self) -> tuple[str, ...]:
        """The series in :attr:`series_order`, else in the order they first appear."""
        present = dict.fromkeys(r.series for r in self.rows)
        ordered = [s for s in self.series_order if s in present]
        return tuple(dict.fromkeys([*ordered, *present]))

    def value(self, category: str, series: str) -> int | float:
        """The value at ``category`` in ``series`` (0 where there is no row)."""
        for row in self.rows:
            if row.category == category and row.series == series:
                return row.value
        return 0

    def csv_text(self) -> str:
        """The chart as CSV: a header of :attr:`columns`, then one line per row."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(self.columns)
        for row in self.rows:
            writer.writerow((row.category, row.series, row.value))
        return out.getvalue()


@dataclass(frozen=True, slots=True)
class Dashboard:
    """Every chart for one filter."""

    filter: DashboardFilter
    charts: tuple[Chart, ...]

    def chart(self, key: str) -> Chart:
        """The chart named ``key``."""
        for chart in self.charts:
            if chart.key == key:
                return chart
        raise KeyError(key)
