"""The dashboard's charts: each one SQL aggregate (GROUP BY in the database).

No chart loads case rows: each function runs one statement whose result has
one row per bar, point or cell, and turns it into a :class:`Chart`. Every
case aggregate is limited by :func:`_visible` (one place), the agency and the
period of the :class:`DashboardFilter`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import String, and_, func, literal, select, union_all
from sqlalchemy.sql.elements import ColumnElement

from app.db.engine import UnitOfWork
from app.db.models import (
    Agency,
    Allegation,
    AuditEvent,
    Authorization,
    Case,
    DisciplineRecord,
    Policy,
    Provision,
)
from app.domain.actor import Actor
from app.domain.authorizations.ma_dys import AuthorizationKind
from app.domain.cases import CaseStatus, Finding
from app.domain.permissions import Permission
from app.services.access import record_visible
from app.services.dashboard.records import Chart, ChartKind, ChartRow, DashboardFilter
from app.services.dashboard.scope import visible_cases
from app.services.dashboard.sql import (
    day_of_moment,
    days_between,
    median_by,
    month_of_date,
    month_of_moment,
)

#: How many provisions the provision charts show (the most frequent first).
TOP_PROVISIONS = 10
REPORT_TO_FINDINGS = "Report to findings"
FINDINGS_TO_DECISION = "Findings to decision"


def _visible(actor: Actor) -> ColumnElement[bool]:
    """The one condition every case aggregate of this module goes through."""
    return visible_cases(actor)


def _cases_in(actor: Actor, scope: DashboardFilter, agency_id: int | None) -> list[Any]:
    """Conditions over ``Case``: visible to ``actor``, of the agency, reported in the period."""
    conditions: list[Any] = [_visible(actor)]
    if agency_id is not None:
        conditions.append(Case.agency_id == agency_id)
    if scope.date_from is not None:
        conditions.append(Case.reported_on >= scope.date_from)
    if scope.date_to is not None:
        conditions.append(Case.reported_on <= scope.date_to)
    return conditions


def _start_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), dt.UTC)


def _finding_label(value: str) -> str:
    return value.replace("_", " ").capitalize()


def _citation() -> ColumnElement[str]:
    return (Policy.code + literal(" ", String) + Provision.ref).label("citation")


def open_cases(
    uow: UnitOfWork, actor: Actor, scope: DashboardFilter, agency_id: int | None
) -> Chart:
    """Open cases (every status but closed) by agency and status."""
    rows = uow.session.execute(
        select(Agency.code, Case.status, func.count())
        .join(Agency, Agency.id == Case.agency_id)
        .where(Case.status != CaseStatus.CLOSED.value, *_cases_in(actor, scope, agency_id))
        .group_by(Agency.code, Case.status)
        .order_by(Agency.code)
    ).all()
    order = {s.value: i for i, s in enumerate(CaseStatus)}
    rows = sorted(rows, key=lambda r: (r[0], order[r[1]]))
    return Chart(
        "open_cases", "Open cases by agency and status", ChartKind.STACKED_BARS,
        ("agency", "status", "open cases"),
        tuple(ChartRow(code, CaseStatus(status).label, int(n)) for code, status, n in rows),
        note="Cases reported in the period that are not closed.",
        series_order=tuple(s.label for s in CaseStatus),
    )  # fmt: skip


def new_and_closed(
    uow: UnitOfWork, actor: Actor, scope: DashboardFilter, agency_id: int | None
) -> Chart:
    """Cases reported and cases closed, per month (a reopened case closed again counts again)."""
    dialect = uow.dialect
    reported = select(
        literal("New", String).label("series"),
        month_of_date(Case.reported_on, dialect).label("month"),
    ).where(*_cases_in(actor, scope, agency_id))
    closing = [
        AuditEvent.action == "case.transition",
        AuditEvent.details["to"].as_string() == CaseStatus.CLOSED.value,
        _visible(actor),
    ]
    if agency_id is not None:
        closing.append(Case.agency_id == agency_id)
    if scope.date_from is not None:
        closing.append(AuditEvent.occurred_at >= _start_of(scope.date_from))
    if scope.date_to is not None:
        closing.append(AuditEvent.occurred_at < _start_of(scope.date_to + dt.timedelta(days=1)))
    closed = (
        select(
            literal("Closed", String).label("series"),
            month_of_moment(AuditEvent.occurred_at, dialect).label("month"),
        )
        .join(Case, Case.id == AuditEvent.case_id)
        .where(*closing)
    )
    both = union_all(reported, closed).subquery("months")
    counted = dict(
        ((month, series), int(n))
        for series, month, n in uow.session.execute(
            select(both.c.series, both.c.month, func.count()).group_by(both.c.series, both.c.month)
        )
    )
    months = _month_range({m for m, _ in counted}, scope)
    return Chart(
        "new_closed", "New and closed cases per month", ChartKind.LINES,
        ("month", "series", "cases"),
        tuple(ChartRow(m, s, counted.get((m, s), 0)) for m in months for s in ("New", "Closed")),
        note="New: cases by the month they were reported. Closed: closings by their month (UTC).",
    )  # fmt: skip


def _month_range(seen: set[str], scope: DashboardFilter) -> list[str]:
    """Every month from the first to the last (of the period, or of the figures)."""
    firsts = [f"{scope.date_from:%Y-%m}"] if scope.date_from else []
    lasts = [f"{scope.date_to:%Y-%m}"] if scope.date_to else []
    if not seen and not (firsts and lasts):
        return []
    first = min([*seen, *firsts]) if not firsts else firsts[0]
    last = max([*seen, *lasts]) if not lasts else lasts[0]
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def median_days(
    uow: UnitOfWork, actor: Actor, scope: DashboardFilter, agency_id: int | None
) -> Chart:
    """Median days from report to findings and from findings to decision, per agency.

    A case's findings day is the day its last finding was recorded; its
    decision day the first day discipline was decided in it (a withdrawn
    decision not counted).
    """
    dialect = uow.dialect
    scoped = _cases_in(actor, scope, agency_id)
    # The filter goes inside the groupings too, so only the cases in scope are grouped.
    found = (
        select(Allegation.case_id, func.max(Allegation.finding_at).label("found_at"))
        .join(Case, Case.id == Allegation.case_id)
        .where(
            Allegation.finding != Finding.PENDING.value,
            Allegation.finding_at.is_not(None),
            *scoped,
        )  # fmt: skip
        .group_by(Allegation.case_id)
        .cte("found")  # one grouping, read by both halves of the union
    )
    decided = (
        select(DisciplineRecord.case_id, func.min(DisciplineRecord.decided_at).label("decided_at"))
        .join(Case, Case.id == DisciplineRecord.case_id)
        .where(DisciplineRecord.withdrawn_at.is_(None), *scoped)
        .group_by(DisciplineRecord.case_id)
        .subquery("decided")
    )
    found_day = day_of_moment(found.c.found_at, dialect)
    to_findings = (
        select(
            Case.agency_id,
            literal(REPORT_TO_FINDINGS, String).label("interval"),
            days_between(found_day, Case.reported_on, dialect).label("days"),
        )  # fmt: skip
        .join(found, found.c.case_id == Case.id)
        .where(*scoped)
    )
    to_decision = (
        select(
            Case.agency_id,
            literal(FINDINGS_TO_DECISION, String).label("interval"),
            days_between(day_of_moment(decided.c.decided_at, dialect), found_day, dialect).label(
                "days"
            ),
        )  # fmt: skip
        .join(found, found.c.case_id == Case.id)
        .join(decided, decided.c.case_id == Case.id)
        .where(*scoped)
    )
    spans = union_all(to_findings, to_decision).subquery("spans")
    medians = median_by(spans, ["agency_id", "interval"], "days", dialect).subquery("medians")
    rows = uow.session.execute(
        select(Agency.code, medians.c.interval, medians.c.median)
        .join(medians, medians.c.agency_id == Agency.id)
        .order_by(Agency.code, medians.c.interval.desc())
    ).all()
    return Chart(
        "median_days", "Median days per agency", ChartKind.GROUPED_BARS,
        ("agency", "interval", "median days"),
        tuple(ChartRow(code, interval, round(float(m), 1)) for code, interval, m in rows),
        note="Report to the last finding of the case; last finding to the first decision.",
    )  # fmt: skip


def most_substantiated(
    uow: UnitOfWork, actor: Actor, scope: DashboardFilter, agency_id: int | None
) -> Chart:
    """The provisions with the most substantiated allegations."""
    rows = uow.session.execute(
        select(_citation(), func.count().label("n"))
        .select_from(Allegation)
        .join(Case, Case.id == Allegation.case_id)
        .join(Provision, Provision.id == Allegation.provision_id)
        .join(Policy, Policy.id == Provision.policy_id)
        .where(
            Allegation.finding == Finding.SUBSTANTIATED.value,
            *_cases_in(actor, scope, agency_id),
        )
        .group_by(Policy.code, Provision.ref)
        .order_by(func.count().desc(), Policy.code, Provision.ref)
        .limit(TOP_PROVISIONS)
    ).all()
    return Chart(
        "substantiated", "Provisions most often substantiated", ChartKind.HORIZONTAL_BARS,
        ("provision", "finding", "allegations"),
        tuple(ChartRow(cite, "Substantiated", int(n)) for cite, n in rows),
        note=f"The {TOP_PROVISIONS} provisions with the most substantiated allegations.",
    )  # fmt: skip


def outcomes_by_provision(
    uow: UnitOfWork, actor: Actor, scope: DashboardFilter, agency_id: int | None
) -> Chart:
    """The findings on the provisions with the most decided allegations."""
    # One pass groups every provision and finding; the ten largest provisions are kept
    # from those few hundred grouped rows.
    grouped = uow.session.execute(
        select(_citation(), Allegation.finding, func.count())
        .select_from(Allegation)
        .join(Case, Case.id == Allegation.case_id)
        .join(Provision, Provision.id == Allegation.provision_id)
        .join(Policy, Policy.id == Provision.policy_id)
        .where(Allegation.finding != Finding.PENDING.value, *_cases_in(actor, scope, agency_id))
        .group_by(Policy.code, Provision.ref, Allegation.finding)
    ).all()
    sums: dict[str, int] = {}
    for cite, _, n in grouped:
        sums[cite] = sums.get(cite, 0) + int(n)
    top = set(sorted(sums, key=lambda c: (-sums[c], c))[:TOP_PROVISIONS])
    rows = [r for r in grouped if r[0] in top]
    order = {f.value: i for i, f in enumerate(Finding)}
    totals: dict[str, int] = {}
    for cite, _, n in rows:
        totals[cite] = totals.get(cite, 0) + int(n)
    rows = sorted(rows, key=lambda r: (-totals[r[0]], r[0], order[r[1]]))
    return Chart(
        "outcomes", "Findings by provision", ChartKind.STACKED_BARS,
        ("provision", "finding", "allegations"),
        tuple(ChartRow(cite, _finding_label(f), int(n)) for cite, f, n in rows),
        note=f"The {TOP_PROVISIONS} provisions with the most decided allegations.",
        series_order=tuple(_finding_label(f.value) for f in Finding),
    )  # fmt: skip


def authorizations(
    uow: UnitOfWork, actor: Actor, scope: DashboardFilter, agency_id: int | None
) -> Chart:
    """MA DYS authorizations logged, by agency and kind; only the kinds ``actor`` may see.

    Investigation authorizations are confidential (MA DYS 01.05.22 B.3.a):
    for a user without ``authorization.investigation.view`` they count nowhere.
    """
    kinds = []
    if actor.can(Permission.AUTHORIZATION_VIEW):
        kinds.append(AuthorizationKind.SUPERVISION.value)
    if actor.can(Permission.INVESTIGATION_AUTHORIZATION_VIEW):
        kinds.append(AuthorizationKind.INVESTIGATION.value)
    conditions: list[Any] = [Authorization.kind.in_(kinds)]
    if agency_id is not None:
        conditions.append(Authorization.agency_id == agency_id)
    if scope.date_from is not None:
        conditions.append(Authorization.written_on >= scope.date_from)
    if scope.date_to is not None:
        conditions.append(Authorization.written_on <= scope.date_to)
    # Only the user's agencies, and never an authorization naming a case they may not see.
    conditions.append(record_visible(actor, Authorization.agency_id, Authorization.case_id))
    rows = (
        uow.session.execute(
            select(Agency.code, Authorization.kind, func.count())
            .join(Agency, Agency.id == Authorization.agency_id)
            .where(and_(*conditions))
            .group_by(Agency.code, Authorization.kind)
            .order_by(Agency.code, Authorization.kind.desc())
        ).all()
        if kinds
        else []
    )
    return Chart(
        "authorizations", "Authorizations logged by agency and kind", ChartKind.STACKED_BARS,
        ("agency", "kind", "authorizations"),
        tuple(ChartRow(code, AuthorizationKind(k).label, int(n)) for code, k, n in rows),
        note="Written in the period; only the kinds the user may see.",
    )  # fmt: skip


#: Every chart, in the order the dashboard shows them.
CHARTS = {
    "open_cases": open_cases,
    "new_closed": new_and_closed,
    "median_days": median_days,
    "substantiated": most_substantiated,
    "outcomes": outcomes_by_provision,
    "authorizations": authorizations,
}
