"""Rows inserted many at a time with one statement built once per table.

Content-addressed rows (blobs, thumbnails) are inserted unless already
there, ``INSERT … ON CONFLICT DO NOTHING``: two workstations adding the same
screenshot at once both succeed and share the one row. The statement is
built once per dialect and table and run with each row's values as
parameters, so an import of many files does not build it again for each.
Evidence items of one transaction go in one executemany that returns their
ids in order (:func:`insert_many`).
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from sqlalchemy import Insert, insert

from app.db.base import Base
from app.db.engine import UnitOfWork


@functools.cache
def _insert_or_skip(dialect: str, model: type[Base]) -> Insert:
    # The dialect's module is imported when first needed: a command on SQLite
    # does not load PostgreSQL's.
    # Into the table itself: a plain statement, not the ORM's bulk insert.
    table: Any = model.__table__
    if dialect == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert(table).on_conflict_do_nothing()
    from sqlalchemy.dialects import sqlite

    return sqlite.insert(table).on_conflict_do_nothing()


def insert_or_skip(uow: UnitOfWork, model: type[Base], values: dict[str, Any]) -> None:
    """Insert ``values`` into ``model``'s table unless a row with the same key is there."""
    uow.session.execute(_insert_or_skip(uow.dialect, model), values)


def insert_or_skip_many(uow: UnitOfWork, model: type[Base], rows: list[dict[str, Any]]) -> None:
    """:func:`insert_or_skip` for each of ``rows`` (one executemany; nothing for no rows)."""
    if rows:
        uow.session.execute(_insert_or_skip(uow.dialect, model), rows)


@functools.cache
def _insert_returning_id(model: type[Base]) -> Insert:
    table: Any = model.__table__
    return insert(table).returning(table.c.id, sort_by_parameter_order=True)


def insert_many(uow: UnitOfWork, model: type[Base], rows: list[dict[str, Any]]) -> list[int]:
    """Insert ``rows`` into ``model``'s table in one executemany; their ids, in order.

    A plain statement: no ORM event runs, so the caller gives what those would
    (the ids of :mod:`app.db.record_ids`, through ``new_ids``).
    """
    if not rows:
        return []
    return [row[0] for row in uow.session.execute(_insert_returning_id(model), rows)]


def thumbnail_row(sha256: str, max_side: int, png: bytes, now: dt.datetime) -> dict[str, Any]:
    """The values of a cached thumbnail's row."""
    return {"sha256": sha256, "max_side": max_side, "data": png, "created_at": now}


def blob_row(
    data: bytes,
    sha256: str,
    media_type: str,
    width: int | None,
    height: int | None,
    now: dt.datetime,
) -> dict[str, Any]:
    """The values of a stored content's row."""
    return {
        "sha256": sha256,
        "size": len(data),
        "media_type": media_type,
        "width": width,
        "height": height,
        "data": data,
        "created_at": now,
    }
