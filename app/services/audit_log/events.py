"""A filtered page of the audit log, newest first, fetched by keyset on the event number.

A page never counts rows it skips: the next page starts below the last
event number shown (``before``), so paging stays as fast on a million events
as on ten. The total for the filter is counted once, with the first page.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Integer, and_, case, cast, exists, func, or_, select

from app.db.engine import UnitOfWork
from app.db.models import Agency, AuditEvent, Authorization, Case, CredentialRequest, Employee
from app.domain.actor import Actor
from app.domain.errors import InvalidInput, Problems
from app.domain.permissions import Permission
from app.services.access import (
    agency_visible,
    case_visible,
    employees_visible,
    record_visible,
    visible_cases,
)
from app.services.audit_log.visibility import WITHHELD, may_see_details
from app.services.database import Database
from app.services.discipline.consistency import without_unseen_comparables

#: Events per page unless asked otherwise, and the most one page may hold.
PAGE_SIZE = 200
PAGE_MAX = 5000


@dataclass(frozen=True, slots=True)
class AuditFilter:
    """Which events to show; empty fields do not filter.

    ``action`` matches the action itself or, without a dot at its end, every
    action under it ("evidence" matches "evidence.add"). ``since`` is
    inclusive and ``until`` exclusive, both timezone-aware.
    """

    actor: str = ""
    action: str = ""
    case_number: str = ""
    since: dt.datetime | None = None
    until: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class AuditEventRow:
    """One event as the audit log view shows it.

    ``details`` is ``None`` when the reader may not see them (``withheld``
    then says why; see :mod:`.visibility`).
    """

    seq: int
    occurred_at: dt.datetime
    actor: str
    action: str
    entity_type: str
    entity_id: str
    case_id: int | None
    case_number: str | None
    details: Mapping[str, Any] | None
    withheld: str
    hash: str
    prev_hash: str


@dataclass(frozen=True, slots=True)
class AuditEventPage:
    """A page of events, newest first.

    ``next_before`` is the ``before`` of the next page, ``None`` after the
    last; ``total`` is the filter's event count on the first page, else ``None``.
    """

    events: tuple[AuditEventRow, ...]
    next_before: int | None
    total: int | None


@dataclass(frozen=True, slots=True)
class FilterChoices:
    """The people and actions the log holds, for the filter's lists."""

    actors: tuple[str, ...]
    actions: tuple[str, ...]


def _utc(moment: dt.datetime, field: str, label: str) -> dt.datetime:
    if moment.tzinfo is None:
        raise InvalidInput(f"{label} needs a time zone.", field=field)
    return moment.astimezone(dt.UTC)


def _scope(actor: Actor) -> list[ColumnElement[bool]]:
    """A user with a case role sees the events of the cases in their scope, and of the
    records about no case that are in it (:func:`_caseless`); an administrator without
    one sees every event, case content withheld (``visibility.may_see_details``), to
    keep the system and verify the chain."""
    if not actor.can(Permission.CASE_VIEW):
        return []
    return [
        or_(
            and_(AuditEvent.case_id.is_(None), _caseless(actor)),
            case_visible(AuditEvent.case_id, actor),
        )
    ]


def _by_id(
    model: type[Authorization] | type[CredentialRequest] | type[Employee], kind: str
) -> ColumnElement[bool]:
    """The record an event about a ``kind`` names (its ``entity_id``, a number as text).

    Only such an event's ``entity_id`` made of digits is read as a number (another
    may be a code or a count, "2 records", which PostgreSQL would refuse to cast), so
    the primary key is used.
    """
    number = case((and_(AuditEvent.entity_type == kind, _numbered()), AuditEvent.entity_id))
    return model.id == cast(number, Integer)


def _numbered() -> ColumnElement[bool]:
    """Whether an event's ``entity_id`` is one record's number (not "2 records")."""
    return and_(AuditEvent.entity_id != "", func.trim(AuditEvent.entity_id, "0123456789") == "")


def _caseless(actor: Actor) -> ColumnElement[bool]:
    """Which events about no case ``actor`` sees: a record's event when they see the record.

    An authorization or credential request (whose events name no case, even
    when the record belongs to one) as its lists show it; a staff member or an
    agency's settings of the agencies they are a member of; a report of
    several cases, an export of the log (whose filter may name a case) and a
    view of several authorizations or requests at once ("2 records"), their own
    only. Users, settings, the catalog and signing keys hold no case content
    and are everyone's.
    """
    own = AuditEvent.actor == actor.username
    kind = AuditEvent.entity_type
    return or_(
        kind.not_in(("authorization", "credential_request", "employee", "agency", "report",
                     "audit")),
        and_(kind == "authorization", exists(
            select(Authorization.id).where(
                _by_id(Authorization, "authorization"),
                record_visible(actor, Authorization.agency_id, Authorization.case_id),
            )
        )),
        and_(kind == "credential_request", exists(
            select(CredentialRequest.id).where(
                _by_id(CredentialRequest, "credential_request"),
                record_visible(actor, CredentialRequest.agency_id, CredentialRequest.case_id),
            )
        )),
        and_(kind == "employee", exists(
            select(Employee.id).where(_by_id(Employee, "employee"), employees_visible(actor))
        )),
        and_(kind == "agency", exists(
            select(Agency.id).where(
                Agency.code == AuditEvent.entity_id, agency_visible(Agency.id, actor)
            )
        )),
        and_(kind.in_(("report", "audit")), own),
        and_(kind.in_(("authorization", "credential_request")), ~_numbered(), own),
    )  # fmt: skip


def _conditions(uow: UnitOfWork, actor: Actor, wanted: AuditFilter) -> list[ColumnElement[bool]]:
    """The filter as SQL conditions; every problem with it at once."""
    problems = Problems()
    conditions: list[ColumnElement[bool]] = _scope(actor)
    if wanted.actor.strip():
        conditions.append(func.lower(AuditEvent.actor) == wanted.actor.strip().lower())
    action = wanted.action.strip().lower()
    if action:
        if action.endswith("."):
            conditions.append(AuditEvent.action.startswith(action, autoescape=True))
        else:
            conditions.append(
                or_(AuditEvent.action == action,
                    AuditEvent.action.startswith(action + ".", autoescape=True))
            )  # fmt: skip
    number = wanted.case_number.strip().upper()
    if number:
        found = select(Case.id).where(func.upper(Case.number) == number)
        if actor.can(Permission.CASE_VIEW):  # a case outside the scope is not found
            found = found.where(visible_cases(actor))
        case_id = uow.session.scalar(found)
        if case_id is None:
            problems.add(f"There is no case numbered {number}.", field="case_number")
        else:
            conditions.append(AuditEvent.case_id == case_id)
    since = until = None
    if wanted.since is not None:
        since = problems.check(_utc, wanted.since, "since", "The start of the period")
    if wanted.until is not None:
        until = problems.check(_utc, wanted.until, "until", "The end of the period")
    if since is not None and until is not None and since >= until:
        problems.add("The period ends before it starts: give an end after the start.",
                     field="until")  # fmt: skip
    problems.raise_any()
    if since is not None:
        conditions.append(AuditEvent.occurred_at >= since)
    if until is not None:
        conditions.append(AuditEvent.occurred_at < until)
    return conditions


def _row(actor: Actor, values: Any) -> AuditEventRow:
    seq, at, who, action, etype, eid, case_id, number, details, digest, prev = values
    visible = may_see_details(actor, etype, case_id)
    return AuditEventRow(
        seq, at, who, action, etype, eid, case_id, number,
        dict(details) if visible else None, "" if visible else WITHHELD, digest, prev,
    )  # fmt: skip


def _without_unseen_comparables(
    uow: UnitOfWork, actor: Actor, rows: list[AuditEventRow]
) -> tuple[AuditEventRow, ...]:
    """A decision's event names the cases it was compared with as its decider saw them:
    those ``actor`` may not see are left out (``discipline.consistency``)."""
    shown = without_unseen_comparables(uow, actor, ((r.action, r.details) for r in rows))
    return tuple(
        r if said is r.details else dataclasses.replace(r, details=said)
        for r, said in zip(rows, shown, strict=True)
    )


def _select(conditions: list[ColumnElement[bool]]) -> Any:
    return (
        select(
            AuditEvent.seq,
            AuditEvent.occurred_at,
            AuditEvent.actor,
            AuditEvent.action,
            AuditEvent.entity_type,
            AuditEvent.entity_id,
            AuditEvent.case_id,
            Case.number,
            AuditEvent.details,
            AuditEvent.hash,
            AuditEvent.prev_hash,
        )  # fmt: skip
        .outerjoin(Case, Case.id == AuditEvent.case_id)
        .where(*conditions)
        .order_by(AuditEvent.seq.desc())
    )


def events_page(
    database: Database,
    actor: Actor,
    wanted: AuditFilter,
    *,
    before: int | None = None,
    limit: int = PAGE_SIZE,
) -> AuditEventPage:
    """The events matching ``wanted`` below event ``before`` (all when ``None``), newest first."""
    actor.require(Permission.AUDIT_VIEW)
    if not 1 <= limit <= PAGE_MAX:
        raise InvalidInput(f"A page holds 1 to {PAGE_MAX} events, not {limit}.", field="limit")
    with database.unit_of_work() as uow:
        conditions = _conditions(uow, actor, wanted)
        total = None
        if before is None:
            count = select(func.count()).select_from(AuditEvent).outerjoin(
                Case, Case.id == AuditEvent.case_id
            ).where(*conditions)  # fmt: skip
            total = int(uow.session.scalar(count) or 0)
        else:
            conditions.append(AuditEvent.seq < before)
        rows = uow.session.execute(_select(conditions).limit(limit + 1)).all()
        events = _without_unseen_comparables(uow, actor, [_row(actor, r) for r in rows[:limit]])
    more = len(rows) > limit
    return AuditEventPage(events, events[-1].seq if more else None, total)


def iter_events(
    database: Database, actor: Actor, wanted: AuditFilter, *, batch: int = 2000
) -> Iterator[AuditEventRow]:
    """Every event matching ``wanted``, newest first, a page at a time (for the export)."""
    before: int | None = None
    while True:
        page = events_page(database, actor, wanted, before=before, limit=batch)
        yield from page.events
        if page.next_before is None:
            return
        before = page.next_before


def filter_choices(database: Database, actor: Actor) -> FilterChoices:
    """The distinct people and actions of the log, sorted."""
    actor.require(Permission.AUDIT_VIEW)
    with database.unit_of_work() as uow:
        actors = uow.session.scalars(select(AuditEvent.actor).distinct().order_by(AuditEvent.actor))
        actions = uow.session.scalars(
            select(AuditEvent.action).distinct().order_by(AuditEvent.action)
        )
        return FilterChoices(tuple(actors), tuple(actions))
