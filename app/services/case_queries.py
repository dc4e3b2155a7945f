"""The case list: filtering, text search, sorting and paging, all in SQL.

The GUI's table model asks for one page at a time; nothing here loads more
rows than a page, and no query runs per row or per cell.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, TextClause, func, select, text
from sqlalchemy.orm import aliased

from app.db.engine import UnitOfWork
from app.db.models import Agency, Case, CaseSubject, Employee, User
from app.domain.actor import Actor
from app.domain.cases import CaseStatus
from app.domain.errors import InvalidInput
from app.domain.permissions import Permission
from app.services.access import visible_cases
from app.services.database import Database

PAGE_MAX = 1000
_WORD = re.compile(r"\w+", re.UNICODE)
#: What a user types to find a case by number: "ARDHS-2026", "ardhs-2026-00".
_NUMBER_PREFIX = re.compile(r"^[A-Za-z]{2,12}-\d{4}(-\d*)?$")


class CaseSort(enum.StrEnum):
    """Columns the case list can be sorted by."""

    NUMBER = "number"
    TITLE = "title"
    AGENCY = "agency"
    STATUS = "status"
    INVESTIGATOR = "investigator"
    REPORTED = "reported"
    UPDATED = "updated"


@dataclass(frozen=True, slots=True)
class CaseQuery:
    """Filters, search text, sort order and page of the case list."""

    statuses: frozenset[CaseStatus] = frozenset()
    agency_code: str | None = None
    investigator: str | None = None
    reported_from: dt.date | None = None
    reported_to: dt.date | None = None
    text: str = ""
    sort: CaseSort = CaseSort.REPORTED
    descending: bool = True
    offset: int = 0
    limit: int = 100


@dataclass(frozen=True, slots=True)
class CaseRow:
    """One row of the case list."""

    id: int
    number: str
    title: str
    agency_code: str
    status: CaseStatus
    investigator: str | None
    reported_on: dt.date
    updated_at: dt.datetime
    subjects: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class CasePage:
    """A page of the case list and the number of matching cases."""

    rows: tuple[CaseRow, ...]
    total: int
    offset: int


def _prefix(word: str) -> str:
    """The prefix a typed word is matched by: a plural's final "s" dropped.

    Words are indexed unstemmed so that partial words match while typing;
    dropping the plural "s" lets "screenshots" find "screenshot" too.
    """
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


#: Above this many matches a sorted page walks the sort index and checks each
#: case against the search; below it, the few matches are fetched and sorted.
_WALK_SORT_INDEX_ABOVE = 2000


def _tsquery(words: list[str]) -> str:
    """A PostgreSQL tsquery matching every word as a prefix (words are \\w+ only)."""
    return " & ".join(f"{w}:*" for w in words)


def _fts5_query(words: list[str]) -> str:
    """An FTS5 query matching every word as a prefix (quoted, so no operators)."""
    return " ".join('"' + w.replace('"', '""') + '"*' for w in words)


def _search_condition(
    uow: UnitOfWork, typed: str, *, walk_sort_index: bool = False
) -> ColumnElement[bool] | TextClause | None:
    """Cases whose number starts with ``typed``, or whose words start with the typed words.

    The expressions match the full-text indexes of migration 0001 exactly.
    """
    number = _NUMBER_PREFIX.match(typed.strip())
    if number:
        return Case.number.startswith(typed.strip().upper(), autoescape=True)
    words = [_prefix(w) for w in _WORD.findall(typed.lower())]
    if not words:
        return None
    if uow.dialect == "postgresql":
        return text(
            "cases.id IN (SELECT case_id FROM case_search_documents "
            "WHERE search_vector @@ to_tsquery('simple', :fts_query))"
        ).bindparams(fts_query=_tsquery(words))
    query = _fts5_query(words)
    # With many matches, the unary + keeps SQLite from driving the query by
    # the matches' ids, so a sorted page walks its sort index instead.
    plus = "+" if walk_sort_index else ""
    return text(
        f"{plus}cases.id IN (SELECT rowid FROM case_search WHERE case_search MATCH :fts_query)"
    ).bindparams(fts_query=query)


def _conditions(
    uow: UnitOfWork,
    actor: Actor,
    query: CaseQuery,
    *,
    with_status: bool,
    walk_sort_index: bool = False,
) -> list[ColumnElement[bool] | TextClause]:
    # The actor's scope first: rows, counts and search hits never include another
    # agency's case, a restricted case they are not listed on, or a conflicted one.
    conditions: list[ColumnElement[bool] | TextClause] = [visible_cases(actor)]
    if with_status and query.statuses:
        conditions.append(Case.status.in_(sorted(s.value for s in query.statuses)))
    if query.agency_code:
        agency_id = select(Agency.id).where(Agency.code == query.agency_code.upper())
        conditions.append(Case.agency_id == agency_id.scalar_subquery())
    if query.investigator:
        user_id = select(User.id).where(User.username == query.investigator.lower())
        conditions.append(Case.investigator_id == user_id.scalar_subquery())
    if query.reported_from:
        conditions.append(Case.reported_on >= query.reported_from)
    if query.reported_to:
        conditions.append(Case.reported_on <= query.reported_to)
    search = _search_condition(uow, query.text, walk_sort_index=walk_sort_index)
    if search is not None:
        conditions.append(search)
    return conditions


def _check(query: CaseQuery) -> None:
    if query.reported_from and query.reported_to and query.reported_to < query.reported_from:
        raise InvalidInput(
            f"The date range ends ({query.reported_to}) before it starts ({query.reported_from})."
        )
    if not 0 < query.limit <= PAGE_MAX or query.offset < 0:
        raise InvalidInput(f"A page holds 1 to {PAGE_MAX} cases from offset 0 on.")


def list_cases(database: Database, actor: Actor, query: CaseQuery) -> CasePage:
    """One page of the cases matching ``query``, and how many match in all."""
    actor.require(Permission.CASE_VIEW)
    _check(query)
    with database.unit_of_work() as uow:
        conditions = _conditions(uow, actor, query, with_status=True)
        # Counted with the scope, never from the search index alone (it holds every case).
        total = uow.session.scalar(select(func.count(Case.id)).where(*conditions)) or 0
        if total > _WALK_SORT_INDEX_ABOVE:
            conditions = _conditions(uow, actor, query, with_status=True, walk_sort_index=True)
        investigator = aliased(User)
        sort_column: Any = {
            CaseSort.NUMBER: Case.number,
            CaseSort.TITLE: func.lower(Case.title),
            CaseSort.AGENCY: Agency.code,
            CaseSort.STATUS: Case.status,
            CaseSort.INVESTIGATOR: investigator.full_name,
            CaseSort.REPORTED: Case.reported_on,
            CaseSort.UPDATED: Case.updated_at,
        }[query.sort]
        order = (
            [sort_column.desc().nulls_first(), Case.id.desc()]
            if query.descending
            else [sort_column.asc().nulls_last(), Case.id.asc()]
        )
        page = uow.session.execute(
            select(
                Case.id,
                Case.number,
                Case.title,
                Agency.code,
                Case.status,
                investigator.full_name,
                Case.reported_on,
                Case.updated_at,
            )
            .join(Agency, Agency.id == Case.agency_id)
            .outerjoin(investigator, investigator.id == Case.investigator_id)
            .where(*conditions)
            .order_by(*order)
            .offset(query.offset)
            .limit(query.limit)
        ).all()
        ids = [r[0] for r in page]
        subjects: dict[int, list[str]] = {}
        if ids:
            for case_id, name in uow.session.execute(
                select(CaseSubject.case_id, Employee.full_name)
                .join(Employee, Employee.id == CaseSubject.employee_id)
                .where(CaseSubject.case_id.in_(ids))
                .order_by(Employee.full_name)
            ):
                subjects.setdefault(case_id, []).append(name)
        rows = tuple(
            CaseRow(
                r[0],
                r[1],
                r[2],
                r[3],
                CaseStatus(r[4]),
                r[5],
                r[6],
                r[7],
                tuple(subjects.get(r[0], ())),
            )  # fmt: skip
            for r in page
        )
        return CasePage(rows, total, query.offset)


def status_counts(database: Database, actor: Actor, query: CaseQuery) -> dict[CaseStatus, int]:
    """How many cases match ``query`` in each status (its status filter ignored)."""
    actor.require(Permission.CASE_VIEW)
    _check(query)
    with database.unit_of_work() as uow:
        conditions = _conditions(uow, actor, query, with_status=False)
        counts = {status: 0 for status in CaseStatus}
        for status, count in uow.session.execute(
            select(Case.status, func.count()).where(*conditions).group_by(Case.status)
        ):
            counts[CaseStatus(status)] = count
        return counts
