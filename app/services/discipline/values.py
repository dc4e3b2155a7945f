"""Each agency's keyed discipline settings: the facts the law leaves to the agency.

The employer's law (``app.domain.discipline.packs``) names the values no
checked source fixes (a response window, an appeal deadline …); documents
need the appointing authority and the HR contact
(``app.domain.discipline.flow.DOCUMENT_SETTINGS``). None has a default: a
value not set is "not set", and a rule that needs it refuses naming it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.db.base import utcnow
from app.db.engine import UnitOfWork
from app.db.models import Agency, AgencyDisciplineSettings, AgencyDisciplineValue
from app.domain.actor import Actor
from app.domain.discipline import (
    DisciplinePack,
    DisciplineSettings,
    LawSetting,
    LawSettingValues,
    pack_for,
    setting_value,
)
from app.domain.discipline.flow import agency_setting_keys
from app.domain.errors import InvalidInput
from app.domain.permissions import Permission
from app.services import audit
from app.services.database import Database
from app.services.discipline.settings import settings_of
from app.services.employees import find_agency
from app.services.retry import retried


@dataclass(frozen=True, slots=True)
class AgencySettingValue:
    """One keyed setting of an agency: what it is, where it comes from, its value or none.

    ``from_agency_settings`` is always true: documents print the value as
    coming "from the agency's settings", never as the law's.
    """

    key: str
    label: str
    citation: str
    value: str | None
    from_agency_settings: bool = True

    @property
    def is_set(self) -> bool:
        return self.value is not None


def pack_of(agency: Agency) -> DisciplinePack:
    """The discipline law of ``agency``."""
    return pack_for(agency.code, agency.jurisdiction)


def values_of(uow: UnitOfWork, agency: Agency) -> dict[str, str]:
    """The agency's keyed settings that are set, read in the caller's unit of work."""
    rows = uow.session.scalars(
        select(AgencyDisciplineValue).where(AgencyDisciplineValue.agency_id == agency.id)
    )
    return {r.key: r.value for r in rows}


def law_values(values: dict[str, str]) -> LawSettingValues:
    """The stored strings as the law settings read them (numbers as numbers)."""
    return {k: int(v) if v.isdigit() else v for k, v in values.items()}


def listed(uow: UnitOfWork, agency: Agency) -> tuple[AgencySettingValue, ...]:
    """Every setting the agency keeps, set or not, in the pack's order."""
    values = values_of(uow, agency)
    return tuple(
        AgencySettingValue(s.key, s.label, s.citation, values.get(s.key))
        for s in agency_setting_keys(pack_of(agency))
    )


def agency_values(
    database: Database, actor: Actor, agency_code: str
) -> tuple[AgencySettingValue, ...]:
    """The agency's keyed discipline settings, set or not."""
    if not actor.can(Permission.DISCIPLINE_SETTINGS_MANAGE):
        actor.require(Permission.DISCIPLINE_VIEW)
    with database.unit_of_work() as uow:
        return listed(uow, find_agency(uow, agency_code))


def _declared(agency: Agency, key: str) -> LawSetting:
    settings = {s.key: s for s in agency_setting_keys(pack_of(agency))}
    found = settings.get(key.strip())
    if found is None:
        raise InvalidInput(
            f"{agency.code} has no discipline setting {key!r}; its settings are: "
            + ", ".join(settings)
            + ".",
            field="key",
        )
    return found


@retried
def set_agency_value(
    database: Database, actor: Actor, agency_code: str, key: str, value: str | None
) -> AgencySettingValue:
    """Set (or, with ``None``, clear) one keyed setting of an agency (administrators)."""
    actor.require(Permission.DISCIPLINE_SETTINGS_MANAGE)
    with database.unit_of_work(write=True) as uow:
        agency = find_agency(uow, agency_code)
        setting = _declared(agency, key)
        row = uow.session.get(AgencyDisciplineValue, (agency.id, setting.key))
        before = row.value if row is not None else None
        after = None if value is None else str(setting.parse(value))
        if after is None:
            if row is not None:
                uow.session.delete(row)
        else:
            if row is None:
                row = AgencyDisciplineValue(agency_id=agency.id, key=setting.key)
                uow.session.add(row)
            row.value = after
            row.updated_at = utcnow()
            row.updated_by_id = actor.user_id
        uow.session.flush()
        audit.record(
            uow, actor, "discipline.setting", entity_type="agency", entity_id=agency.code,
            details={"key": setting.key, "before": before, "after": after},
        )  # fmt: skip
        uow.commit()
        return AgencySettingValue(setting.key, setting.label, setting.citation, after)


def cap_settings(uow: UnitOfWork, agency: Agency) -> DisciplineSettings:
    """The suspension cap a decision is checked against.

    An administrator's explicit discipline rules (``discipline settings
    --cap-days``) come first; otherwise the employer's law: no cap, the
    statute's (Missouri: 20 working days in 12 months, RSMo 36.370), or the
    agency's keyed settings where the law leaves the cap to the employer's
    own rules, refused naming the setting while it is not set.
    """
    base = settings_of(uow, agency)
    if uow.session.get(AgencyDisciplineSettings, agency.id) is not None:
        return base
    cap = pack_of(agency).cap
    if cap is None or not cap.days.from_settings:
        return base
    values = law_values(values_of(uow, agency))
    days = int(setting_value(cap.days.setting, values, agency.code))  # type: ignore[arg-type]
    months = int(cap.window_months.resolve(values, agency.code))
    return DisciplineSettings(base.appeal_rights, days, months, cap.citation)
