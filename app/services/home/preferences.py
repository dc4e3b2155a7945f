"""Each user's pinned cases, recently opened cases and saved case-list searches.

Stored in the database so they follow the user to every workstation. They
are the user's own working state, not case content, so they write no audit
event (and so do not wake every other workstation's Home either).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, exists, select

from app.db.base import utcnow
from app.db.engine import UnitOfWork
from app.db.models import Case, PinnedCase, RecentCase, SavedSearch
from app.domain.actor import Actor
from app.domain.cases import CaseStatus
from app.domain.errors import InvalidInput, NotFound
from app.domain.permissions import Permission
from app.domain.validation import clean_text
from app.services.access import visible_cases
from app.services.case_queries import CaseQuery, CaseSort
from app.services.database import Database
from app.services.home.sections import SECTION_ROWS, CaseLine, CaseLines, case_lines_query
from app.services.retry import retried

#: How many recently opened cases are kept per user.
RECENT_KEPT = 10
NAME_MAX = 80


@dataclass(frozen=True, slots=True)
class SavedSearchInfo:
    """A named case-list query of the user's."""

    id: int
    name: str
    query: CaseQuery


def query_to_json(query: CaseQuery) -> dict[str, Any]:
    """The filters, search text and sort of a case query as plain JSON (no page)."""
    return {
        "statuses": sorted(s.value for s in query.statuses),
        "agency_code": query.agency_code,
        "investigator": query.investigator,
        "reported_from": query.reported_from.isoformat() if query.reported_from else None,
        "reported_to": query.reported_to.isoformat() if query.reported_to else None,
        "text": query.text,
        "sort": query.sort.value,
        "descending": query.descending,
    }


def query_from_json(data: dict[str, Any]) -> CaseQuery:
    """The case query stored by :func:`query_to_json` (unknown values are dropped)."""

    def day(value: object) -> dt.date | None:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None

    statuses = frozenset(
        CaseStatus(s) for s in data.get("statuses", ()) if s in CaseStatus.__members__.values()
    )
    sort = str(data.get("sort"))
    return CaseQuery(
        statuses=statuses,
        agency_code=data.get("agency_code") or None,
        investigator=data.get("investigator") or None,
        reported_from=day(data.get("reported_from")),
        reported_to=day(data.get("reported_to")),
        text=str(data.get("text") or ""),
        sort=CaseSort(sort) if sort in CaseSort.__members__.values() else CaseSort.REPORTED,
        descending=bool(data.get("descending", True)),
    )


def _visible_case(uow: UnitOfWork, actor: Actor, case_id: int) -> None:
    found = uow.session.scalar(select(exists().where(Case.id == case_id, visible_cases(actor))))
    if not found:
        raise NotFound(f"There is no case {case_id}; see 'casedesk case list'.")


# -- reading (inside Home's unit of work) --------------------------------------------------


def pinned_in(uow: UnitOfWork, actor: Actor) -> tuple[CaseLine, ...]:
    """The user's pinned cases they may still see, most recently pinned first."""
    query = (
        case_lines_query(actor)
        .join(PinnedCase, PinnedCase.case_id == Case.id)
        .where(PinnedCase.user_id == actor.user_id)
        .order_by(PinnedCase.pinned_at.desc(), Case.id.desc())
        .limit(SECTION_ROWS)
    )
    return _lines(uow, query)


def recent_in(uow: UnitOfWork, actor: Actor) -> tuple[CaseLine, ...]:
    """The cases the user opened last, newest first."""
    query = (
        case_lines_query(actor)
        .join(RecentCase, RecentCase.case_id == Case.id)
        .where(RecentCase.user_id == actor.user_id)
        .order_by(RecentCase.opened_at.desc(), Case.id.desc())
        .limit(RECENT_KEPT)
    )
    return _lines(uow, query)


def searches_in(uow: UnitOfWork, actor: Actor) -> tuple[SavedSearchInfo, ...]:
    """The user's saved searches by name."""
    rows = uow.session.scalars(
        select(SavedSearch)
        .where(SavedSearch.user_id == actor.user_id)
        .order_by(SavedSearch.name, SavedSearch.id)
    )
    return tuple(SavedSearchInfo(r.id, r.name, query_from_json(r.query)) for r in rows)


def _lines(uow: UnitOfWork, query: CaseLines) -> tuple[CaseLine, ...]:
    return tuple(
        CaseLine(r[0], r[1], r[2], r[3], CaseStatus(r[4]), r[5]) for r in uow.session.execute(query)
    )


# -- writing --------------------------------------------------------------------------------


@retried
def set_pinned(database: Database, actor: Actor, case_id: int, pinned: bool) -> bool:
    """Pin a case to the user's Home, or unpin it; returns whether it is pinned now."""
    actor.require(Permission.CASE_VIEW)
    with database.unit_of_work(write=True) as uow:
        _visible_case(uow, actor, case_id)
        row = uow.session.get(PinnedCase, (actor.user_id, case_id))
        if pinned and row is None:
            uow.session.add(PinnedCase(user_id=actor.user_id, case_id=case_id))
        elif not pinned and row is not None:
            uow.session.delete(row)
        uow.commit()
    return pinned


@retried
def record_opened(database: Database, actor: Actor, case_id: int) -> None:
    """Note that the user opened a case (keeping their :data:`RECENT_KEPT` newest)."""
    actor.require(Permission.CASE_VIEW)
    with database.unit_of_work(write=True) as uow:
        _visible_case(uow, actor, case_id)
        row = uow.session.get(RecentCase, (actor.user_id, case_id))
        if row is None:
            uow.session.add(RecentCase(user_id=actor.user_id, case_id=case_id))
        else:
            row.opened_at = utcnow()
        uow.session.flush()
        older = (
            select(RecentCase.case_id)
            .where(RecentCase.user_id == actor.user_id)
            .order_by(RecentCase.opened_at.desc(), RecentCase.case_id.desc())
            .offset(RECENT_KEPT)
        )
        stale = list(uow.session.scalars(older))
        if stale:
            uow.session.execute(
                delete(RecentCase).where(
                    RecentCase.user_id == actor.user_id, RecentCase.case_id.in_(stale)
                )
            )
        uow.commit()


@retried
def save_search(database: Database, actor: Actor, name: str, query: CaseQuery) -> SavedSearchInfo:
    """Keep ``query`` under ``name``; a search of the same name is replaced."""
    actor.require(Permission.CASE_VIEW)
    name = clean_text(name, "Name", max_length=NAME_MAX)
    if query.reported_from and query.reported_to and query.reported_to < query.reported_from:
        raise InvalidInput("The date range ends before it starts.", field="query")
    stored = query_to_json(query)
    with database.unit_of_work(write=True) as uow:
        row = uow.session.scalar(
            select(SavedSearch).where(
                SavedSearch.user_id == actor.user_id, SavedSearch.name == name
            )
        )
        if row is None:
            row = SavedSearch(user_id=actor.user_id, name=name, query=stored)
            uow.session.add(row)
        else:
            row.query = stored
        uow.session.flush()
        info = SavedSearchInfo(row.id, row.name, query_from_json(stored))
        uow.commit()
    return info


@retried
def delete_search(database: Database, actor: Actor, search_id: int) -> None:
    """Forget one of the user's saved searches."""
    actor.require(Permission.CASE_VIEW)
    with database.unit_of_work(write=True) as uow:
        row = uow.session.get(SavedSearch, search_id)
        if row is None or row.user_id != actor.user_id:
            raise NotFound(f"There is no saved search {search_id}.")
        uow.session.delete(row)
        uow.commit()


def saved_searches(database: Database, actor: Actor) -> tuple[SavedSearchInfo, ...]:
    """The user's saved searches by name (for the case list's menu)."""
    actor.require(Permission.CASE_VIEW)
    with database.unit_of_work() as uow:
        return searches_in(uow, actor)
