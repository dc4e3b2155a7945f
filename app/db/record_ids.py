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
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapper

from app.db.models import Authorization, EvidenceItem
from app.domain.authorizations.ma_dys import AuthorizationKind
from app.domain.evidence import ObtainedHow

#: Random ids of confidential rows: above any counter, within a 32-bit INTEGER.
CONFIDENTIAL_IDS = range(1_000_000_000, 2**31 - 1)

_CONFIDENTIAL_EVIDENCE = {
    ObtainedHow.INVESTIGATION_AUTHORIZATION.value,
    ObtainedHow.CREDENTIAL_REQUEST.value,
}


def is_confidential(row: object) -> bool:
    """Whether ``row`` is a record only some roles may know exists."""
    if isinstance(row, Authorization):
        return row.kind == AuthorizationKind.INVESTIGATION.value
    if isinstance(row, EvidenceItem):
        return row.obtained in _CONFIDENTIAL_EVIDENCE
    return False


def _assign_id(_mapper: Mapper[Any], connection: Connection, row: Any) -> None:
    if row.id is not None:
        return
    table = type(row).__table__
    if is_confidential(row):
        while True:
            candidate = CONFIDENTIAL_IDS.start + secrets.randbelow(len(CONFIDENTIAL_IDS))
            taken = connection.scalar(select(table.c.id).where(table.c.id == candidate))
            if taken is None:
                row.id = candidate
                return
    if connection.dialect.name == "sqlite":
        highest = connection.scalar(
            select(func.max(table.c.id)).where(table.c.id < CONFIDENTIAL_IDS.start)
        )
        row.id = (highest or 0) + 1


for _model in (Authorization, EvidenceItem):
    event.listen(_model, "before_insert", _assign_id)
