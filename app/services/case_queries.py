"""The case list: filtering, text search, sorting and paging, all in SQL.

The GUI's table model asks for one page at a time; nothing here loads more
rows than a page, and no query runs per row or per cell. Pages after the
first are found by keyset (:class:`PageCursor`: the last row's sort value
and id), so a deep page walks the sort index from where the previous page
ended instead of skipping ``OFFSET`` rows; every sort has a ``(key, id)``
index (migration 0013). Counting is separate (:mod:`app.services.case_counts`)
so the list shows its first page before the counts arrive.

``_conditions`` is the one place the WHERE conditions of every case-list
query (pages and counts) are built.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, TextClause, and_, bindparam, func, or_, select, text
from sqlalchemy.orm import aliased

from app.db.engine import UnitOfWork
from app.db.models import Agency, Case, CaseSubject, Employee, User
from app.domain.actor import Actor
from app.domain.cases import CaseStatus
from app.domain.errors import InvalidInput
from app.domain.permissions import Permission
from app.services import case_search
from app.services.access import visible_cases
from app.services.access.scope import visible_counts_by
from app.services.case_search import SearchPlan
from app.services.database import Database
from app.services.query_cancel import QueryCancel

PAGE_MAX = 1000


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
class PageCursor:
    """Where the next page starts: just past this sort value and case id."""

    value: Any  #: str, date or datetime, as the sort column holds it
    case_id: int


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
    #: The page after this cursor (keyset paging); ``offset`` is then ignored.
    after: PageCursor | None = None


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
    """A page of the case list and the number of matching cases (if counted)."""

    rows: tuple[CaseRow, ...]
    total: int | None
    offset: int
    #: Where the next page starts; None on the last page.
    next_cursor: PageCursor | None = None


def _conditions(
    uow: UnitOfWork,
    actor: Actor,
    query: CaseQuery,
    *,
    with_status: bool,
    plan: SearchPlan | None = None,
    with_search: bool = True,
) -> list[ColumnElement[bool] | TextClause]:
    """The WHERE conditions of a case-list query: every filter is added here and only here."""
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
    search = case_search.parse(uow, query.text)
    if with_search and search is not None:
        conditions.append(case_search.condition(uow, search, plan))
    return conditions


def _check(query: CaseQuery) -> None:
    if query.reported_from and query.reported_to and query.reported_to < query.reported_from:
        raise InvalidInput(
            f"The date range ends ({query.reported_to}) before it starts ({query.reported_from})."
        )
    if not 0 < query.limit <= PAGE_MAX or query.offset < 0:
        raise InvalidInput(f"A page holds 1 to {PAGE_MAX} cases from offset 0 on.")


def _sort_column(sort: CaseSort) -> Any:
    """The column a sort orders by; each has a ``(column, id)`` index, none holds NULL."""
    return {
        CaseSort.NUMBER: Case.number,
        CaseSort.TITLE: func.lower(Case.title),
        CaseSort.AGENCY: Agency.code,
        CaseSort.STATUS: Case.status,
        CaseSort.INVESTIGATOR: Case.investigator_sort,
        CaseSort.REPORTED: Case.reported_on,
        CaseSort.UPDATED: Case.updated_at,
    }[sort]


def _after(query: CaseQuery, sort_column: Any) -> ColumnElement[bool]:
    """Rows past the cursor in the query's order.

    Written as a range on the sort column plus the tie-break on the id, not as
    one row-value comparison ``(key, id) < (v, i)``: SQLite does not use a row
    value on an expression index such as ``lower(title)`` as a range, and a
    deep page then scanned the index from its end (450 ms at row 50,000 of
    1,000,000 cases, against a few milliseconds now).
    """
    assert query.after is not None
    value = bindparam("after_value", query.after.value, type_=sort_column.type)
    case_id: Any = bindparam("after_id", query.after.case_id)
    if query.descending:
        return and_(sort_column <= value, or_(sort_column < value, Case.id < case_id))
    return and_(sort_column >= value, or_(sort_column > value, Case.id > case_id))


def prefer_search_index(uow: UnitOfWork, query: CaseQuery) -> None:
    """On PostgreSQL, find a search's matches through the GIN index, not a table scan.

    For a common word the planner estimates that reading every document is
    cheaper than the index; it is not (every tsvector is unpacked: 430 ms
    against 15-20 ms at 100,000 cases). ``SET LOCAL`` lasts to the end of
    this read-only transaction.
    """
    if uow.dialect == "postgresql" and query.text.strip():
        uow.session.execute(text("SET LOCAL enable_seqscan = off"))


def page_plan(uow: UnitOfWork, query: CaseQuery) -> SearchPlan:
    """How a page of ``query`` finds its search matches (see :mod:`app.services.case_search`)."""
    return case_search.choose_plan(uow, case_search.parse(uow, query.text), query.limit + 1)


def page_statement(uow: UnitOfWork, actor: Actor, query: CaseQuery, *, plan: SearchPlan) -> Any:
    """The SELECT of one page of the list (one row more than the page, to see if more follow)."""
    conditions = _conditions(uow, actor, query, with_status=True, plan=plan)
    sort_column = _sort_column(query.sort)
    if query.after is not None:
        # First: SQLite tests the conditions in order and reads a case's row only
        # for the first that needs it; the cursor's needs only the index entry, so
        # the cases of the cursor's key before it (thousands for one investigator
        # or status at row 50,000) are skipped without reading their rows.
        conditions.insert(0, _after(query, sort_column))
    order = (
        [sort_column.desc(), Case.id.desc()]
        if query.descending
        else [sort_column.asc(), Case.id.asc()]
    )
    investigator = aliased(User)
    statement = (
        select(
            Case.id,
            Case.number,
            Case.title,
            Agency.code,
            Case.status,
            investigator.full_name,
            Case.reported_on,
            Case.updated_at,
            sort_column.label("sort_key"),
        )
        .join(Agency, Agency.id == Case.agency_id)
        .outerjoin(investigator, investigator.id == Case.investigator_id)
        .where(*conditions)
        .order_by(*order)
        .limit(query.limit + 1)  # one more says whether a next page follows
    )
    if query.after is None and query.offset:
        statement = statement.offset(query.offset)
    return statement


def list_cases(
    database: Database,
    actor: Actor,
    query: CaseQuery,
    *,
    count: bool = True,
    cancel: QueryCancel | None = None,
) -> CasePage:
    """One page of the cases matching ``query``, and (with ``count``) how many match.

    ``cancel`` lets another thread stop the queries (a newer search superseded
    this one); :class:`~app.services.query_cancel.QueryCancelled` is raised then.
    """
    actor.require(Permission.CASE_VIEW)
    _check(query)
    cancel = cancel or QueryCancel()
    with database.unit_of_work() as uow, cancel.watching(uow):
        prefer_search_index(uow, query)
        statement = page_statement(uow, actor, query, plan=page_plan(uow, query))
        page = uow.session.execute(statement).all()
        more = len(page) > query.limit
        page = page[: query.limit]
        ids = [r[0] for r in page]
        subjects: dict[int, list[str]] = {}
        if ids:
            # Sorted here: an ORDER BY on the name would walk every employee's
            # name index and probe the page's cases for each (20,000 employees).
            for case_id, name in sorted(
                uow.session.execute(
                    select(CaseSubject.case_id, Employee.full_name)
                    .join(Employee, Employee.id == CaseSubject.employee_id)
                    .where(CaseSubject.case_id.in_(ids))
                ).all(),
                key=lambda pair: pair[1],
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
        total: int | None = None
        if count:
            # Counted with the scope, never from the search index alone (it holds every case).
            conditions = _conditions(uow, actor, query, with_status=True)
            total = uow.session.scalar(select(func.count(Case.id)).where(*conditions)) or 0
        following = PageCursor(page[-1][8], page[-1][0]) if more else None
        return CasePage(rows, total, query.offset, following)


def status_counts(
    database: Database, actor: Actor, query: CaseQuery, *, cancel: QueryCancel | None = None
) -> dict[CaseStatus, int]:
    """How many cases match ``query`` in each status (its status filter ignored)."""
    actor.require(Permission.CASE_VIEW)
    _check(query)
    cancel = cancel or QueryCancel()
    with database.unit_of_work() as uow, cancel.watching(uow):
        prefer_search_index(uow, query)
        conditions = _conditions(uow, actor, query, with_status=False)
        counted: Any
        if uow.dialect == "postgresql" and len(conditions) == 1:
            # The scope alone (no filter): counted per scope group from the index.
            counted = visible_counts_by(actor, Case.status)
        else:
            counted = select(Case.status, func.count()).where(*conditions).group_by(Case.status)
        counts = {status: 0 for status in CaseStatus}
        for status, count in uow.session.execute(counted):
            counts[CaseStatus(status)] += int(count)
        return counts
