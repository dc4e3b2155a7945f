"""Ids of confidential records come from a separate, random space.

Investigation authorizations (MA DYS 01.05.22 B.3.a) share a table with
supervision authorizations that more roles may see, and evidence obtained
under one, or through an AR DHS credential request, shares a table with
evidence every case reader sees. Were their ids taken from the same counter,
a gap in the ids a user can see (supervision authorizations 4, 5, 7; evidence
items 10, 11, 13) would tell that a hidden record exists and when it was made.

So a confidential row gets a random id from ``CONFIDENTIAL_IDS`` (far above
any counter) and every other row the next id below that space: the visible
ids run on without gaps, and a hidden row's id says nothing about when it
was made. PostgreSQL's sequence already ignores explicitly given ids; SQLite
would continue from the largest rowid, so there the next visible id is
worked out here (safe: a writing unit of work holds SQLite's write lock).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapper

from app.domain.authorizations.ma_dys import AuthorizationKind
from app.domain.evidence import ObtainedHow

#: Random ids of confidential rows: above any counter, within a 32-bit INTEGER.
CONFIDENTIAL_IDS = range(1_000_000_000, 2**31 - 1)

_CONFIDENTIAL_EVIDENCE = {
    ObtainedHow.INVESTIGATION_AUTHORIZATION.value,
    ObtainedHow.CREDENTIAL_REQUEST.value,
}


#: The tables with confidential rows: whether a row (its value of a column by name) is one.
_RULES: dict[str, Callable[[Callable[[str], object]], bool]] = {
    "authorizations": lambda value_of: value_of("kind") == AuthorizationKind.INVESTIGATION.value,
    "evidence_items": lambda value_of: value_of("obtained") in _CONFIDENTIAL_EVIDENCE,
}


def give_ids(model: type[Any]) -> None:
    """New rows of ``model`` get their ids here (its model module calls this)."""
    event.listen(model, "before_insert", _assign_id)


def is_confidential(row: object) -> bool:
    """Whether ``row`` is a record only some roles may know exists."""
    return _confidential(type(row), lambda name: getattr(row, name))


def _confidential(model: type[Any], value_of: Callable[[str], object]) -> bool:
    rule = _RULES.get(model.__tablename__)
    return rule is not None and rule(value_of)


def new_ids(
    connection: Connection, model: type[Any], rows: Sequence[Mapping[str, Any]]
) -> list[int | None]:
    """The ids of new rows of ``model`` (their values) inserted together, in order.

    The same ids as inserting them one at a time: a random one for each
    confidential row, the next visible ids for the others on SQLite, None
    where PostgreSQL's sequence gives it.
    """
    return _new_ids(connection, model, [_confidential(model, row.__getitem__) for row in rows])


def _new_ids(
    connection: Connection, model: type[Any], confidential: Sequence[bool]
) -> list[int | None]:
    table = model.__table__
    ids: list[int | None] = []
    highest: int | None = None
    for secret in confidential:
        if secret:
            while True:
                candidate = CONFIDENTIAL_IDS.start + secrets.randbelow(len(CONFIDENTIAL_IDS))
                taken = candidate in ids or connection.scalar(
                    select(table.c.id).where(table.c.id == candidate)
                )
                if not taken:
                    ids.append(candidate)
                    break
        elif connection.dialect.name == "sqlite":
            if highest is None:
                highest = (
                    connection.scalar(
                        select(func.max(table.c.id)).where(table.c.id < CONFIDENTIAL_IDS.start)
                    )
                    or 0
                )
            highest += 1
            ids.append(highest)
        else:
            ids.append(None)
    return ids


def _assign_id(_mapper: Mapper[Any], connection: Connection, row: Any) -> None:
    if row.id is not None:
        return
    (row.id,) = _new_ids(connection, type(row), [is_confidential(row)])
