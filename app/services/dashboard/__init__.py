"""The dashboard: aggregate figures for supervisors, HR and administrators.

``dashboard(database, actor, DashboardFilter) -> Dashboard`` computes every
chart, ``chart(database, actor, key, DashboardFilter) -> Chart`` one of them;
each chart is one SQL aggregate (``charts``), limited to the cases the
actor's figures may count (``scope``), so confidential records count nowhere
for users who may not see them. The GUI's charts, their CSV export and
``casedesk dashboard`` all come from these.
"""

from __future__ import annotations

from app.db.engine import UnitOfWork
from app.domain.actor import Actor
from app.domain.errors import InvalidInput
from app.domain.permissions import Permission
from app.services.dashboard.charts import CHARTS
from app.services.dashboard.records import (
    Chart,
    ChartKind,
    ChartRow,
    Dashboard,
    DashboardFilter,
)
from app.services.database import Database
from app.services.employees import find_agency

__all__ = [
    "CHARTS",
    "Chart",
    "ChartKind",
    "ChartRow",
    "Dashboard",
    "DashboardFilter",
    "chart",
    "dashboard",
]


def _agency_id(uow: UnitOfWork, scope: DashboardFilter) -> int | None:
    if scope.date_from and scope.date_to and scope.date_from > scope.date_to:
        raise InvalidInput(
            f"The period starts ({scope.date_from}) after it ends ({scope.date_to}); "
            "give the earlier date first.",
            field="date_from",
        )
    if not scope.agency_code:
        return None
    return find_agency(uow, scope.agency_code).id


def dashboard(database: Database, actor: Actor, scope: DashboardFilter) -> Dashboard:
    """Every chart for ``scope``, read in one snapshot."""
    actor.require(Permission.DASHBOARD_VIEW)
    with database.unit_of_work(snapshot=True) as uow:
        agency_id = _agency_id(uow, scope)
        return Dashboard(scope, tuple(f(uow, actor, scope, agency_id) for f in CHARTS.values()))


def chart(database: Database, actor: Actor, key: str, scope: DashboardFilter) -> Chart:
    """The chart named ``key`` (one of :data:`CHARTS`) for ``scope``."""
    actor.require(Permission.DASHBOARD_VIEW)
    if key not in CHARTS:
        raise InvalidInput(f"There is no chart {key!r}; the charts are: {', '.join(CHARTS)}.")
    with database.unit_of_work() as uow:
        return CHARTS[key](uow, actor, scope, _agency_id(uow, scope))
