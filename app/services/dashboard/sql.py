"""The few expressions SQLite and PostgreSQL spell differently: months, days, medians.

Every chart is one statement; these helpers keep that statement the same on
both backends apart from the spelling of a month, a day difference and a
median (PostgreSQL's ``percentile_cont``; SQLite has none, so an ordered
window over each partition picks the middle row or the two middle rows).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Date, Float, String, cast, func, select
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.selectable import Select, Subquery


def month_of_date(column: Any, dialect: str) -> ColumnElement[str]:
    """``YYYY-MM`` of a date column."""
    if dialect == "postgresql":
        return func.to_char(column, "YYYY-MM", type_=String)
    return func.substr(column, 1, 7, type_=String)


def month_of_moment(column: Any, dialect: str) -> ColumnElement[str]:
    """``YYYY-MM`` of a UTC timestamp column (the month in UTC)."""
    if dialect == "postgresql":
        return func.to_char(func.timezone("UTC", column), "YYYY-MM", type_=String)
    return func.substr(column, 1, 7, type_=String)


def day_of_moment(column: Any, dialect: str) -> ColumnElement[Any]:
    """The UTC day of a timestamp, in the form :func:`days_between` takes."""
    if dialect == "postgresql":
        return cast(func.timezone("UTC", column), Date)
    return func.substr(column, 1, 10, type_=String)


def days_between(later: Any, earlier: Any, dialect: str) -> ColumnElement[float]:
    """Whole days from ``earlier`` to ``later`` (dates, or :func:`day_of_moment`)."""
    if dialect == "postgresql":
        return cast(later - earlier, Float)
    return cast(func.julianday(later) - func.julianday(earlier), Float)


def median_by(spans: Subquery, keys: list[str], value: str, dialect: str) -> Select[Any]:
    """One row per ``keys`` of ``spans`` with the median of ``value`` (named ``median``)."""
    key_columns = [spans.c[k] for k in keys]
    if dialect == "postgresql":
        median = func.percentile_cont(0.5).within_group(spans.c[value])
        return select(*key_columns, cast(median, Float).label("median")).group_by(*key_columns)
    ranked = select(
        *key_columns,
        spans.c[value].label("v"),
        func.row_number().over(partition_by=key_columns, order_by=spans.c[value]).label("rn"),
        func.count().over(partition_by=key_columns).label("n"),
    ).subquery("ranked")
    ranked_keys = [ranked.c[k] for k in keys]
    # The middle row, or the two middle rows of an even count: (n+1)/2 and (n+2)/2.
    middle = ranked.c.rn.in_([(ranked.c.n + 1) // 2, (ranked.c.n + 2) // 2])
    return (
        select(*ranked_keys, cast(func.avg(ranked.c.v), Float).label("median"))
        .where(middle)
        .group_by(*ranked_keys)
    )
