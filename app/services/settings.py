"""Reading and changing the business settings declared in :mod:`app.domain.settings`."""

from __future__ import annotations

from sqlalchemy import select

from app.db.base import utcnow
from app.db.models import AppSetting
from app.domain.actor import Actor
from app.domain.permissions import Permission
from app.domain.settings import SETTINGS, IntSetting, setting
from app.services import audit
from app.services.database import Database
from app.services.retry import retried


def get_int(database: Database, declared: IntSetting) -> int:
    """The current value of ``declared`` (its default when never set)."""
    with database.unit_of_work() as uow:
        row = uow.session.get(AppSetting, declared.key)
        stored = row.value.get("value", declared.default) if row else declared.default
    return declared.parse(stored)


def stored_keys(database: Database) -> frozenset[str]:
    """The settings given a value (the others follow their declared default)."""
    with database.unit_of_work() as uow:
        return frozenset(uow.session.scalars(select(AppSetting.key)))


def all_settings(database: Database) -> dict[str, int]:
    """Every declared setting and its current value."""
    with database.unit_of_work() as uow:
        stored = {r.key: r.value.get("value") for r in uow.session.scalars(select(AppSetting))}
    return {
        key: decl.parse(stored[key]) if key in stored else decl.default
        for key, decl in SETTINGS.items()
    }


@retried
def set_value(database: Database, actor: Actor, key: str, value: object) -> int:
    """Change a setting (administrators only); returns the stored value."""
    actor.require(Permission.USER_MANAGE)
    declared = setting(key)
    number = declared.parse(value)
    with database.unit_of_work(write=True) as uow:
        row = uow.session.get(AppSetting, key)
        before = row.value.get("value") if row else declared.default
        if row is None:
            row = AppSetting(key=key, value={"value": number})
            uow.session.add(row)
        row.value = {"value": number}
        row.updated_at = utcnow()
        row.updated_by_id = actor.user_id
        audit.record(
            uow, actor, "setting.set", entity_type="setting", entity_id=key,
            details={"before": before, "after": number},
        )  # fmt: skip
        uow.commit()
    return number
