"""Business settings: declared defaults, bounds, administrators only, audited."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.db.models import AuditEvent
from app.domain.errors import InvalidInput, PermissionDenied
from app.domain.permissions import Role
from app.domain.settings import IDLE_LOCK_MINUTES
from app.services import accounts, settings, setup


@pytest.fixture
def admin(database, cheap_hashing):
    setup.initialize(
        database, admin_username="admin", admin_full_name="Ada Admin",
        admin_password="keeper-of-keys-1",
    )  # fmt: skip
    return accounts.authenticate(database, "admin", "keeper-of-keys-1")


def _events(database, action: str) -> int:
    with database.unit_of_work() as uow:
        return uow.session.scalar(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.action == action)
        )


def test_default_until_set_then_stored_and_audited(database, admin) -> None:
    assert settings.get_int(database, IDLE_LOCK_MINUTES) == 10
    assert settings.set_value(database, admin, IDLE_LOCK_MINUTES.key, "3") == 3
    assert settings.get_int(database, IDLE_LOCK_MINUTES) == 3
    assert settings.all_settings(database)[IDLE_LOCK_MINUTES.key] == 3
    assert _events(database, "setting.set") == 1


@pytest.mark.parametrize("value", ["0", "241", "ten", ""])
def test_out_of_bounds_or_malformed_values_are_refused(database, admin, value) -> None:
    with pytest.raises(InvalidInput, match="Minutes of inactivity"):
        settings.set_value(database, admin, IDLE_LOCK_MINUTES.key, value)
    assert settings.get_int(database, IDLE_LOCK_MINUTES) == 10
    assert _events(database, "setting.set") == 0


def test_unknown_key_and_non_administrators_are_refused(database, admin) -> None:
    with pytest.raises(InvalidInput, match="no setting"):
        settings.set_value(database, admin, "no.such.key", 5)
    accounts.add_user(
        database, admin, username="ivy", full_name="Ivy Ito", password="field-notebook-pw-1",
        roles=frozenset({Role.INVESTIGATOR}),
    )  # fmt: skip
    ivy = accounts.authenticate(database, "ivy", "field-notebook-pw-1")
    with pytest.raises(PermissionDenied):
        settings.set_value(database, ivy, IDLE_LOCK_MINUTES.key, 5)
