"""Each agency's discipline rules: appeal rights text and suspension cap."""

from __future__ import annotations

from app.db.base import utcnow
from app.db.engine import UnitOfWork
from app.db.models import (
    Agency,
    AgencyDisciplineSettings,
)
from app.domain.actor import Actor
from app.domain.discipline import (
    DisciplineSettings,
    check_settings,
    default_settings,
)
from app.domain.permissions import Permission
from app.services import audit
from app.services.database import Database
from app.services.employees import find_agency
from app.services.retry import retried

# -- agency settings ----------------------------------------------------------------------


def settings_of(uow: UnitOfWork, agency: Agency) -> DisciplineSettings:
    row = uow.session.get(AgencyDisciplineSettings, agency.id)
    if row is None:
        return default_settings(agency.jurisdiction, agency.code)
    return DisciplineSettings(
        row.appeal_rights, row.suspension_cap_days, row.cap_window_months, row.cap_citation
    )


def agency_settings(database: Database, actor: Actor, agency_code: str) -> DisciplineSettings:
    """The discipline rules of an agency (its jurisdiction's defaults until set)."""
    if not actor.can(Permission.DISCIPLINE_SETTINGS_MANAGE):
        actor.require(Permission.DISCIPLINE_VIEW)
    with database.unit_of_work() as uow:
        return settings_of(uow, find_agency(uow, agency_code))


_UNCHANGED = object()


@retried
def set_agency_settings(
    database: Database,
    actor: Actor,
    agency_code: str,
    *,
    appeal_rights: str | None = None,
    suspension_cap_days: int | None | object = _UNCHANGED,
    cap_window_months: int | None = None,
    cap_citation: str | None = None,
) -> DisciplineSettings:
    """Change an agency's discipline rules (administrators); unnamed ones stay as they are.

    ``suspension_cap_days=None`` removes the cap.
    """
    actor.require(Permission.DISCIPLINE_SETTINGS_MANAGE)
    with database.unit_of_work(write=True) as uow:
        agency = find_agency(uow, agency_code)
        before = settings_of(uow, agency)
        cap = before.suspension_cap_days
        if suspension_cap_days is not _UNCHANGED:
            assert suspension_cap_days is None or isinstance(suspension_cap_days, int)
            cap = suspension_cap_days
        after = check_settings(
            DisciplineSettings(
                before.appeal_rights if appeal_rights is None else appeal_rights,
                cap,
                before.cap_window_months if cap_window_months is None else cap_window_months,
                before.cap_citation if cap_citation is None else cap_citation,
            )
        )
        row = uow.session.get(AgencyDisciplineSettings, agency.id)
        if row is None:
            row = AgencyDisciplineSettings(agency_id=agency.id)
            uow.session.add(row)
        row.appeal_rights = after.appeal_rights
        row.suspension_cap_days = after.suspension_cap_days
        row.cap_window_months = after.cap_window_months
        row.cap_citation = after.cap_citation
        row.updated_at = utcnow()
        row.updated_by_id = actor.user_id
        changes = {
            name: [getattr(before, name), getattr(after, name)]
            for name in ("suspension_cap_days", "cap_window_months", "cap_citation")
            if getattr(before, name) != getattr(after, name)
        }  # fmt: skip
        if before.appeal_rights != after.appeal_rights:
            changes["appeal_rights"] = ["changed", len(after.appeal_rights)]
        uow.session.flush()
        audit.record(
            uow, actor, "discipline.settings", entity_type="agency", entity_id=agency.code,
            details={"changes": changes},
        )  # fmt: skip
        uow.commit()
        return after


# -- for the report builder, inside its unit of work ---------------------------------------


def agency_settings_in(uow: UnitOfWork, agency: Agency) -> DisciplineSettings:
    """The discipline rules of ``agency``, read in the caller's unit of work."""
    return settings_of(uow, agency)
