"""The dashboard's charts: each one SQL aggregate (GROUP BY in the database).

No chart loads case rows: each function runs one statement whose result has
one row per bar, point or cell, and turns it into a :class:`Chart`. Every
case aggregate is limited by ``access.visible_cases`` (the one scope filter), the agency and the
period of the :class:`DashboardFilter`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, and_, false, func, literal, not_, select, union_all
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.selectable import Select

from app.db.engine import UnitOfWork
from app.db.models import (
    Agency,
    Allegation,
    Authorization,
    Case,
    Policy,
    Provision,
)
from app.domain.actor import Actor
from app.domain.authorizations.ma_dys import AuthorizationKind
from app.domain.cases import CaseStatus, Finding
from app.domain.permissions import Permission
from app.services.access import record_visible, visible_cases
from app.services.dashboard.records import Chart, ChartKind, ChartRow, DashboardFilter
from app.services.dashboard.sql import median_of, month_of_date

#: How many provisions the provision charts show (the most frequent first).
TOP_PROVISIONS = 10
REPORT_TO_FINDINGS = "Report to findings"
FINDINGS_TO_DECISION = "Findings to decision"


def _cases_in(actor: Actor, scope: DashboardFilter, agency_id: int | None) -> list[Any]:
    """Conditions over ``Case``: visible to ``actor``, of the agency, reported in the period."""
    conditions: list[Any] = [visible_cases(actor)]
    if agency_id is not None:
        conditions.append(Case.agency_id == agency_id)
    if scope.date_from is not None:
        conditions.append(Case.reported_on >= scope.date_from)
    if scope.date_to is not None:
        conditions.append(Case.reported_on <= scope.date_to)
    return conditions


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
    """Cases reported and cases closed, per month.

    A closed case counts once, in the month of its last closing
    (``cases.closed_on``); a reopened case that is not closed again counts
    in no month of the Closed series.
    """
    reported = _per_month(uow, "New", Case.reported_on, _cases_in(actor, scope, agency_id))
    closing: list[Any] = [Case.closed_on.is_not(None), visible_cases(actor)]
    if agency_id is not None:
        closing.append(Case.agency_id == agency_id)
    if scope.date_from is not None:
        closing.append(Case.closed_on >= scope.date_from)
    if scope.date_to is not None:
        closing.append(Case.closed_on <= scope.date_to)
    closed = _per_month(uow, "Closed", Case.closed_on, closing)
    counted = {
        (month, series): int(n)
        for series, month, n in uow.session.execute(union_all(reported, closed))
    }
    months = _month_range({m for m, _ in counted}, scope)
    return Chart(
        "new_closed", "New and closed cases per month", ChartKind.LINES,
        ("month", "series", "cases"),
        tuple(ChartRow(m, s, counted.get((m, s), 0)) for m in months for s in ("New", "Closed")),
        note="New: cases by the month they were reported. Closed: closed cases by the month "
        "of their last closing (UTC), each once.",
    )  # fmt: skip


def _per_month(
    uow: UnitOfWork, series: str, day: Any, conditions: list[Any]
) -> Select[str, str, Any]:
    """``(series, month, cases)`` of the cases meeting ``conditions``, by the month of ``day``.

    The cases are first counted per agency and day, in the order of the cases'
    ``(agency, day)`` index (no sort of every case); the few thousand days are
    then summed per month.
    """
    per_day = (
        select(day.label("day"), func.count().label("n"))
        .where(*conditions)
        .group_by(Case.agency_id, day)
        .subquery(f"{series.lower()}_days")
    )
    month = month_of_date(per_day.c.day, uow.dialect)
    return select(
        literal(series, String).label("series"), month.label("month"), func.sum(per_day.c.n)
    ).group_by(month)


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

    A case's findings day is the day its last finding was recorded
    (``cases.findings_on``); its decision day the first day discipline in
    force was decided in it (``cases.decided_on``); the case row keeps the
    whole days between them (``findings_days``, ``decision_days``). The
    database counts the cases per agency, interval and number of days; the
    median is read from those counts.
    """
    scoped = _cases_in(actor, scope, agency_id)
    findings_days, decision_days = Case.findings_days, Case.decision_days
    # Each half is grouped in the order of its index (agency, days), so only the
    # few grouped rows are materialised for the union.
    to_findings = (
        select(Case.agency_id, literal(REPORT_TO_FINDINGS, String).label("interval"),
               findings_days.label("days"), func.count().label("n"))
        .where(findings_days.is_not(None), *scoped)
        .group_by(Case.agency_id, findings_days)
    )  # fmt: skip
    to_decision = (
        select(Case.agency_id, literal(FINDINGS_TO_DECISION, String).label("interval"),
               decision_days.label("days"), func.count().label("n"))
        .where(decision_days.is_not(None), *scoped)
        .group_by(Case.agency_id, decision_days)
    )  # fmt: skip
    spans = union_all(to_findings, to_decision).subquery("spans")
    counts = select(Agency.code, spans.c.interval, spans.c.days, spans.c.n).join(
        spans, spans.c.agency_id == Agency.id
    )
    histograms: dict[tuple[str, str], list[tuple[float, int]]] = {}
    for code, interval, days, n in uow.session.execute(counts):
        histograms.setdefault((code, interval), []).append((float(days), int(n)))
    keys = sorted(histograms, key=lambda k: (k[0], k[1] != REPORT_TO_FINDINGS))
    return Chart(
        "median_days", "Median days per agency", ChartKind.GROUPED_BARS,
        ("agency", "interval", "median days"),
        tuple(ChartRow(code, interval, round(median_of(histograms[code, interval]), 1))
              for code, interval in keys),
        note="Report to the last finding of the case; last finding to the first decision.",
    )  # fmt: skip


def _in_scope(uow: UnitOfWork, case_id: Any, case_conditions: list[Any]) -> ColumnElement[bool]:
    """The condition that the case ``case_id`` names meets ``case_conditions``.

    Spelled with the smaller of two sets of case ids, read once from a cases'
    index: the cases in scope (``IN``), or, when they are most cases (every
    agency, all time), the cases out of scope (``NOT IN``; a condition that
    is not true, NULL included, puts a case out of scope). One count over
    the cases' index tells which is smaller.
    """
    in_scope = and_(*case_conditions)
    everything, inside = uow.session.execute(
        select(func.count(), func.count().filter(in_scope)).select_from(Case)
    ).one()
    if inside * 2 <= everything:  # the allegations of each case in scope, by their index
        return case_id.in_(select(Case.id).where(in_scope))  # type: ignore[no-any-return]
    # ``case_id + 0``: SQLite walks the allegations' (finding, provision, case) index
    # in order and checks each case against the few out of scope, instead of
    # reading the allegations case by case.
    return (case_id + 0).not_in(select(Case.id).where(not_(func.coalesce(in_scope, false()))))  # type: ignore[no-any-return]


def _provision_counts(
    uow: UnitOfWork, finding: ColumnElement[bool], case_conditions: list[Any]
) -> list[tuple[str, str, int]]:
    """``(citation, finding, allegations)`` of the allegations with ``finding`` in scope.

    The allegations are counted per finding and provision first, from the
    allegations' index and the set of cases in (or out of) scope; the few
    grouped rows are then named by their provision.
    """
    grouped = (
        select(Allegation.provision_id, Allegation.finding, func.count().label("n"))
        .where(finding, _in_scope(uow, Allegation.case_id, case_conditions))
        .group_by(Allegation.finding, Allegation.provision_id)
        .subquery("grouped")
    )
    rows = uow.session.execute(
        select(_citation(), grouped.c.finding, grouped.c.n)
        .join(Provision, Provision.id == grouped.c.provision_id)
        .join(Policy, Policy.id == Provision.policy_id)
    ).all()
    summed: dict[tuple[str, str], int] = {}
    for cite, found, n in rows:
        summed[cite, found] = summed.get((cite, found), 0) + int(n)
    return [(cite, found, n) for (cite, found), n in summed.items()]


def most_substantiated(
    uow: UnitOfWork, actor: Actor, scope: DashboardFilter, agency_id: int | None
) -> Chart:
    """The provisions with the most substantiated allegations."""
    counted = _provision_counts(
        uow,
        Allegation.finding == Finding.SUBSTANTIATED.value,
        _cases_in(actor, scope, agency_id),
    )
    rows = sorted(counted, key=lambda r: (-r[2], r[0]))[:TOP_PROVISIONS]
    return Chart(
        "substantiated", "Provisions most often substantiated", ChartKind.HORIZONTAL_BARS,
        ("provision", "finding", "allegations"),
        tuple(ChartRow(cite, "Substantiated", n) for cite, _, n in rows),
        note=f"The {TOP_PROVISIONS} provisions with the most substantiated allegations.",
    )  # fmt: skip


def outcomes_by_provision(
    uow: UnitOfWork, actor: Actor, scope: DashboardFilter, agency_id: int | None
) -> Chart:
    """The findings on the provisions with the most decided allegations."""
    grouped = _provision_counts(
        uow,
        # The decided findings by name: the index is searched for each of them.
        Allegation.finding.in_([f.value for f in Finding if f is not Finding.PENDING]),
        _cases_in(actor, scope, agency_id),
    )
    totals: dict[str, int] = {}
    for cite, _, n in grouped:
        totals[cite] = totals.get(cite, 0) + n
    top = set(sorted(totals, key=lambda c: (-totals[c], c))[:TOP_PROVISIONS])
    order = {f.value: i for i, f in enumerate(Finding)}
    rows = sorted(
        (r for r in grouped if r[0] in top), key=lambda r: (-totals[r[0]], r[0], order[r[1]])
    )
    return Chart(
        "outcomes", "Findings by provision", ChartKind.STACKED_BARS,
        ("provision", "finding", "allegations"),
        tuple(ChartRow(cite, _finding_label(f), n) for cite, f, n in rows),
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
