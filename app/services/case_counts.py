"""How many cases match the case list's query, counted no further than needed.

Counting every match of a common word among a million cases takes a second;
the list does not need that to show its first page. :func:`count_matches`
counts up to a limit ("more than 1,000 cases") unless the user asks for the
exact figure, and counts by status only when the matches are few or the
user asked. The WHERE conditions come from ``case_queries._conditions``,
the one place they are built.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import column, func, select, table, text

from app.db.engine import UnitOfWork
from app.db.models import Case
from app.domain.actor import Actor
from app.domain.cases import CaseStatus
from app.domain.permissions import Permission
from app.services import case_search
from app.services.case_queries import (
    CaseQuery,
    _check,
    _conditions,
    prefer_search_index,
    status_counts,
)
from app.services.database import Database
from app.services.query_cancel import QueryCancel

#: Above this many matches the list says "more than 1,000 cases" until asked.
COUNT_LIMIT = 1000


@dataclass(frozen=True, slots=True)
class MatchCounts:
    """The number of matching cases and, when counted, the number in each status."""

    total: int  #: exact if ``exact``, else the limit the count stopped at
    exact: bool
    #: Per status under the other filters (the status filter ignored); None if not counted.
    by_status: dict[CaseStatus, int] | None


def count_matches(
    database: Database,
    actor: Actor,
    query: CaseQuery,
    *,
    up_to: int | None = COUNT_LIMIT,
    cancel: QueryCancel | None = None,
) -> MatchCounts:
    """Count the cases matching ``query``, stopping past ``up_to`` (None: count them all)."""
    actor.require(Permission.CASE_VIEW)
    _check(query)
    cancel = cancel or QueryCancel()
    if up_to is None:
        by_status = status_counts(database, actor, query, cancel=cancel)
        return MatchCounts(_selected(by_status, query), True, by_status)
    any_status = replace(query, statuses=frozenset())
    with database.unit_of_work() as uow, cancel.watching(uow):
        prefer_search_index(uow, query)
        everything = _count_up_to(uow, actor, any_status, up_to)
        if everything > up_to and query.statuses:
            chosen = _count_up_to(uow, actor, query, up_to)
            return MatchCounts(min(chosen, up_to), chosen <= up_to, None)
    if everything > up_to:
        return MatchCounts(up_to, False, None)
    # Few matches: the counts by status are as cheap as the count.
    by_status = status_counts(database, actor, query, cancel=cancel)
    return MatchCounts(_selected(by_status, query), True, by_status)


def _count_up_to(uow: UnitOfWork, actor: Actor, query: CaseQuery, up_to: int) -> int:
    # Always through the scope: the search index alone holds every agency's cases.
    search = case_search.parse(uow, query.text)
    if uow.dialect == "sqlite" and search is not None and search.match is not None:
        # Driven by the search index: its matches stream in id order and each
        # is looked up, so the count stops after ``up_to`` of them, common word
        # or not (an IN list would read every match first).
        fts = table("case_search", column("rowid"))
        conditions = _conditions(uow, actor, query, with_status=True, with_search=False)
        matching = (
            select(Case.id)
            .select_from(fts)
            .join(Case, Case.id == fts.c.rowid)
            .where(
                text("case_search MATCH :fts_query").bindparams(fts_query=search.match),
                *conditions,
            )
        )
    else:
        plan = case_search.choose_plan(uow, search, up_to + 1)
        conditions = _conditions(uow, actor, query, with_status=True, plan=plan)
        matching = select(Case.id).where(*conditions)
    limited = matching.limit(up_to + 1).subquery()
    return int(uow.session.scalar(select(func.count()).select_from(limited)) or 0)


def _selected(by_status: dict[CaseStatus, int], query: CaseQuery) -> int:
    statuses = query.statuses or frozenset(CaseStatus)
    return sum(count for status, count in by_status.items() if status in statuses)
