"""The permission matrix: who may see and do what (DOMAIN.md "Who may see and do what")."""

from __future__ import annotations

import pytest

from app.domain.actor import Actor
from app.domain.errors import InvalidInput, PermissionDenied, Refused
from app.domain.permissions import Permission, Role, can, parse_roles, permissions_of, require

P = Permission
CASE_WORK = {P.CASE_CREATE, P.CASE_EDIT, P.ALLEGATION_EDIT, P.FINDING_RECORD}


def _actor(*roles: Role) -> Actor:
    return Actor(7, "jdoe", "Jane Doe", frozenset(roles))


def test_administrator_runs_the_system_but_sees_no_case_content() -> None:
    admin = permissions_of([Role.ADMINISTRATOR])
    assert {P.USER_MANAGE, P.DATABASE_ADMIN, P.CATALOG_MANAGE, P.AUDIT_VERIFY} <= admin
    assert P.CASE_VIEW not in admin
    assert P.CONFIDENTIAL_REPORTER_VIEW not in admin
    assert not CASE_WORK & admin


def test_investigator_works_cases_and_sees_a_confidential_reporter() -> None:
    investigator = permissions_of([Role.INVESTIGATOR])
    assert CASE_WORK | {P.CASE_VIEW, P.NOTE_ADD, P.CONFIDENTIAL_REPORTER_VIEW} <= investigator
    assert P.USER_MANAGE not in investigator
    assert P.AUDIT_VERIFY not in investigator


def test_hr_sees_cases_but_not_a_confidential_reporter_and_cannot_open_cases() -> None:
    hr = permissions_of([Role.HR])
    assert {P.CASE_VIEW, P.NOTE_ADD, P.CASE_TRANSITION} <= hr
    assert P.CONFIDENTIAL_REPORTER_VIEW not in hr
    assert P.CASE_CREATE not in hr
    assert P.FINDING_RECORD not in hr
    assert P.USER_MANAGE not in hr


def test_supervisor_reviews_cases_and_verifies_the_audit_log() -> None:
    supervisor = permissions_of([Role.SUPERVISOR])
    assert CASE_WORK | {P.CONFIDENTIAL_REPORTER_VIEW, P.AUDIT_VERIFY, P.USER_VIEW} <= supervisor
    assert P.USER_MANAGE not in supervisor


def test_every_permission_is_granted_to_some_role() -> None:
    assert permissions_of(Role) == frozenset(Permission)


def test_permissions_of_several_roles_add_up() -> None:
    assert can([Role.ADMINISTRATOR, Role.HR], P.CASE_VIEW)
    assert can([Role.ADMINISTRATOR, Role.HR], P.USER_MANAGE)
    assert not can([Role.ADMINISTRATOR, Role.HR], P.CONFIDENTIAL_REPORTER_VIEW)
    assert not can([], P.CATALOG_VIEW)


def test_require_names_the_user_roles_and_missing_permission() -> None:
    with pytest.raises(PermissionDenied) as refused:
        require([Role.HR], P.CASE_CREATE, username="hana")
    message = str(refused.value)
    assert "hana" in message
    assert "(hr)" in message
    assert "'case.create'" in message
    assert isinstance(refused.value, Refused)
    assert refused.value.exit_code == 1


def test_require_passes_silently_when_granted() -> None:
    require([Role.INVESTIGATOR], P.CASE_CREATE, username="ivan")


def test_require_without_roles_says_so() -> None:
    with pytest.raises(PermissionDenied, match=r"nobody \(no role\)"):
        require([], P.CASE_VIEW, username="nobody")


def test_actor_checks_its_own_roles() -> None:
    admin = _actor(Role.ADMINISTRATOR)
    assert admin.can(P.USER_MANAGE)
    assert not admin.can(P.CASE_VIEW)
    with pytest.raises(PermissionDenied, match=r"jdoe \(administrator\).*'case.view'"):
        admin.require(P.CASE_VIEW)
    _actor(Role.INVESTIGATOR).require(P.CASE_VIEW)


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("investigator", {Role.INVESTIGATOR}),
        (" HR , Supervisor ", {Role.HR, Role.SUPERVISOR}),
        ("administrator,administrator,", {Role.ADMINISTRATOR}),
    ],
)
def test_parse_roles_accepts_a_comma_separated_list(text: str, roles: set[Role]) -> None:
    assert parse_roles(text) == roles


def test_parse_roles_refuses_unknown_and_empty() -> None:
    with pytest.raises(InvalidInput, match="Unknown role 'auditor'.*investigator"):
        parse_roles("investigator,auditor")
    with pytest.raises(InvalidInput, match="at least one role"):
        parse_roles(" , ")
