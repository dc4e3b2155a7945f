"""The Settings view's service: a whole form checked before anything is stored, then each
change stored and audited by its own service; discipline settings have no defaults."""

from __future__ import annotations

import pytest

from app.domain.actor import Actor
from app.domain.errors import InvalidInputs, PermissionDenied
from app.domain.permissions import Role
from app.services.administration.settings import (
    agency_fields,
    business_fields,
    save_agency,
    save_business,
)
from app.services.audit_log.events import AuditFilter, events_page
from app.services.database import Database
from tests.unit.conftest import MakeUser

DAYS, KIND = "discipline.appeal_days", "discipline.appeal_days_kind"


def test_a_bad_form_stores_nothing_and_a_good_one_is_audited(
    database: Database, admin: Actor
) -> None:
    fields = {f.key: f for f in agency_fields(database, admin, "ARDHS")}
    assert fields[DAYS].value is None and fields[DAYS].default is None  # not set, no default
    assert (fields[DAYS].unit, fields[DAYS].valid) == ("calendar days", "1 to 365")
    with pytest.raises(InvalidInputs) as caught:
        save_agency(database, admin, "ARDHS", {DAYS: "0", KIND: "fortnight"})
    assert {p.field for p in caught.value.problems} == {DAYS, KIND}
    assert {f.key: f.value for f in agency_fields(database, admin, "ARDHS")}[DAYS] is None

    assert save_agency(database, admin, "ARDHS", {DAYS: "30", KIND: "calendar"}) == 2
    stored = {f.key: f.value for f in agency_fields(database, admin, "ARDHS")}
    assert (stored[DAYS], stored[KIND]) == ("30", "calendar")
    events = events_page(database, admin, AuditFilter(action="discipline.setting")).events
    assert {e.details["key"] for e in events if e.details} == {DAYS, KIND}

    idle = {f.key: f for f in business_fields(database, admin)}["security.idle_lock_minutes"]
    assert (idle.value, idle.default, idle.unit, idle.valid) == (None, "10", "minutes", "1 to 240")
    with pytest.raises(InvalidInputs):
        save_business(
            database, admin, {"security.idle_lock_minutes": "", "evidence.max_megabytes": "x"}
        )
    assert save_business(database, admin, {"security.idle_lock_minutes": "12"}) == 1


def test_only_administrators_change_settings(
    database: Database, admin: Actor, make_user: MakeUser
) -> None:
    sue = make_user("sue", "Sue Supervisor", Role.SUPERVISOR)
    with pytest.raises(PermissionDenied):
        save_agency(database, sue, "ARDHS", {DAYS: "30"})
    with pytest.raises(PermissionDenied):
        business_fields(database, sue)
