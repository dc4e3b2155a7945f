"""The few expressions SQLite and PostgreSQL spell differently, and the median.

Every chart is one statement; these helpers keep that statement the same on
both backends apart from the spelling of a month.
Medians are not computed in SQL (PostgreSQL's ``percentile_cont`` has no
SQLite equivalent but an ordered window, which sorts every row): the
database counts the rows per whole number of days, and :func:`median_of`
reads the median from those few counts.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, func
from sqlalchemy.sql.elements import ColumnElement


def month_of_date(column: Any, dialect: str) -> ColumnElement[str]:
    """``YYYY-MM`` of a date column."""
    if dialect == "postgresql":
        return func.to_char(column, "YYYY-MM", type_=String)
    return func.substr(column, 1, 7, type_=String)


def median_of(counts: list[tuple[float, int]]) -> float:
    """The median of the values ``counts`` holds ``(value, how many times)``.

    The middle value, or the mean of the two middle values of an even count.
    """
    ordered = sorted(counts)
    total = sum(n for _, n in ordered)
    if total == 0:
        raise ValueError("no values")
    wanted = [(total + 1) // 2, (total + 2) // 2]  # 1-based positions of the middle
    found: list[float] = []
    seen = 0
    for value, n in ordered:
        seen += n
        while wanted and wanted[0] <= seen:
            found.append(value)
            wanted.pop(0)
        if not wanted:
            break
    return sum(found) / len(found)
