"""Roles and the permission matrix: who may do what, in one place.

Services call :func:`require` before every operation, so the GUI and the CLI
are refused alike. A user may hold several roles; permissions add up.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

from app.domain.errors import InvalidInput, PermissionDenied


class Role(enum.StrEnum):
    """The four roles of DOMAIN.md "The people"."""

    ADMINISTRATOR = "administrator"
    INVESTIGATOR = "investigator"
    SUPERVISOR = "supervisor"
    HR = "hr"


class Permission(enum.StrEnum):
    """One operation a role may be granted."""

    USER_MANAGE = "user.manage"
    USER_VIEW = "user.view"
    DATABASE_ADMIN = "database.admin"
    CATALOG_VIEW = "catalog.view"
    CATALOG_MANAGE = "catalog.manage"
    EMPLOYEE_VIEW = "employee.view"
    EMPLOYEE_MANAGE = "employee.manage"
    CASE_VIEW = "case.view"
    CASE_CREATE = "case.create"
    CASE_EDIT = "case.edit"
    ALLEGATION_EDIT = "allegation.edit"
    FINDING_RECORD = "finding.record"
    NOTE_ADD = "note.add"
    CASE_TRANSITION = "case.transition"
    CONFIDENTIAL_REPORTER_VIEW = "reporter.confidential.view"
    AUDIT_VIEW = "audit.view"
    AUDIT_VERIFY = "audit.verify"
    EVIDENCE_ADD = "evidence.add"
    EVIDENCE_VIEW = "evidence.view"
    EVIDENCE_EXPORT = "evidence.export"
    EVIDENCE_REDACT = "evidence.redact"
    DISCIPLINE_VIEW = "discipline.view"
    DISCIPLINE_RECORD = "discipline.record"
    DISCIPLINE_SETTINGS_MANAGE = "discipline.settings.manage"
    REPORT_GENERATE = "report.generate"
    # MA DYS 01.05.22 B.2 / B.3 authorizations and AR DHS credential requests.
    AUTHORIZATION_VIEW = "authorization.view"
    AUTHORIZATION_MANAGE = "authorization.manage"
    INVESTIGATION_AUTHORIZATION_VIEW = "authorization.investigation.view"
    INVESTIGATION_AUTHORIZATION_MANAGE = "authorization.investigation.manage"
    CREDENTIAL_REQUEST_VIEW = "credential_request.view"
    CREDENTIAL_REQUEST_CREATE = "credential_request.create"
    CREDENTIAL_REQUEST_APPROVE = "credential_request.approve"
    CREDENTIAL_USE_RECORD = "credential_request.use"
    #: The dashboard's aggregate figures (counts and medians, never case content).
    DASHBOARD_VIEW = "dashboard.view"
    # Who may see a case: restricted cases' access lists, conflict allowances.
    CASE_ACCESS_MANAGE = "case.access.manage"
    CONFLICT_ALLOW = "case.conflict.allow"


_P = Permission

#: The permission matrix. Administrators run the system but do not see case
#: content; HR sees cases to decide discipline but not a confidential
#: reporter's identity, which the report does not need. HR records discipline;
#: HR and supervisors generate reports; administrators set each agency's
#: discipline rules (response days, appeal rights, suspension cap).
#: Investigation authorizations (MA DYS B.3.a) and credential requests are
#: confidential: only investigators and supervisors see them; supervisors
#: log authorizations and approve credential requests. Supervisors, HR and
#: administrators see the dashboard's aggregate figures; confidential records
#: count only for those who may see them. Investigators and supervisors restrict
#: cases; supervisors allow a conflict of interest.
MATRIX: dict[Role, frozenset[Permission]] = {
    Role.ADMINISTRATOR: frozenset(
        {
            _P.USER_MANAGE,
            _P.USER_VIEW,
            _P.DATABASE_ADMIN,
            _P.CATALOG_VIEW,
            _P.CATALOG_MANAGE,
            _P.EMPLOYEE_VIEW,
            _P.EMPLOYEE_MANAGE,
            _P.AUDIT_VIEW,
            _P.AUDIT_VERIFY,
            _P.DISCIPLINE_SETTINGS_MANAGE,
            _P.DASHBOARD_VIEW,
        }
    ),
    Role.INVESTIGATOR: frozenset(
        {
            _P.CATALOG_VIEW,
            _P.EMPLOYEE_VIEW,
            _P.EMPLOYEE_MANAGE,
            _P.CASE_VIEW,
            _P.CASE_CREATE,
            _P.CASE_EDIT,
            _P.ALLEGATION_EDIT,
            _P.FINDING_RECORD,
            _P.NOTE_ADD,
            _P.CASE_TRANSITION,
            _P.CONFIDENTIAL_REPORTER_VIEW,
            _P.EVIDENCE_ADD,
            _P.EVIDENCE_VIEW,
            _P.EVIDENCE_EXPORT,
            _P.EVIDENCE_REDACT,
            _P.DISCIPLINE_VIEW,
            _P.AUTHORIZATION_VIEW,
            _P.INVESTIGATION_AUTHORIZATION_VIEW,
            _P.CREDENTIAL_REQUEST_VIEW,
            _P.CREDENTIAL_REQUEST_CREATE,
            _P.CREDENTIAL_USE_RECORD,
            _P.CASE_ACCESS_MANAGE,
        }
    ),
    Role.SUPERVISOR: frozenset(
        {
            _P.USER_VIEW,
            _P.CATALOG_VIEW,
            _P.EMPLOYEE_VIEW,
            _P.EMPLOYEE_MANAGE,
            _P.CASE_VIEW,
            _P.CASE_CREATE,
            _P.CASE_EDIT,
            _P.ALLEGATION_EDIT,
            _P.FINDING_RECORD,
            _P.NOTE_ADD,
            _P.CASE_TRANSITION,
            _P.CONFIDENTIAL_REPORTER_VIEW,
            _P.AUDIT_VIEW,
            _P.AUDIT_VERIFY,
            _P.EVIDENCE_ADD,
            _P.EVIDENCE_VIEW,
            _P.EVIDENCE_EXPORT,
            _P.EVIDENCE_REDACT,
            _P.DISCIPLINE_VIEW,
            _P.REPORT_GENERATE,
            _P.AUTHORIZATION_VIEW,
            _P.AUTHORIZATION_MANAGE,
            _P.INVESTIGATION_AUTHORIZATION_VIEW,
            _P.INVESTIGATION_AUTHORIZATION_MANAGE,
            _P.CREDENTIAL_REQUEST_VIEW,
            _P.CREDENTIAL_REQUEST_CREATE,
            _P.CREDENTIAL_REQUEST_APPROVE,
            _P.CREDENTIAL_USE_RECORD,
            _P.DASHBOARD_VIEW,
            _P.CASE_ACCESS_MANAGE,
            _P.CONFLICT_ALLOW,
        }
    ),
    Role.HR: frozenset(
        {
            _P.CATALOG_VIEW,
            _P.EMPLOYEE_VIEW,
            _P.EMPLOYEE_MANAGE,
            _P.CASE_VIEW,
            _P.NOTE_ADD,
            _P.CASE_TRANSITION,
            _P.EVIDENCE_VIEW,
            # Reports re-read every evidence item for inclusion (read_evidence's
            # "report" purpose), which needs the export permission.
            _P.EVIDENCE_EXPORT,
            _P.EVIDENCE_REDACT,
            _P.DISCIPLINE_VIEW,
            _P.DISCIPLINE_RECORD,
            _P.REPORT_GENERATE,
            _P.AUTHORIZATION_VIEW,
            _P.DASHBOARD_VIEW,
        }
    ),
}


def permissions_of(roles: Iterable[Role]) -> frozenset[Permission]:
    """Every permission granted by any of ``roles``."""
    granted: set[Permission] = set()
    for role in roles:
        granted |= MATRIX[role]
    return frozenset(granted)


def can(roles: Iterable[Role], permission: Permission) -> bool:
    """Whether ``roles`` together grant ``permission``."""
    return permission in permissions_of(roles)


def require(roles: Iterable[Role], permission: Permission, *, username: str) -> None:
    """Raise :class:`PermissionDenied` unless ``roles`` grant ``permission``."""
    roles = tuple(roles)
    if not can(roles, permission):
        held = ", ".join(sorted(r.value for r in roles)) or "no role"
        raise PermissionDenied(
            f"{username} ({held}) may not do this: it needs the permission "
            f"'{permission.value}', which none of the user's roles grants."
        )


def parse_roles(text: str) -> frozenset[Role]:
    """Parse a comma-separated list of role names, as typed on the command line."""
    names = [part.strip().lower() for part in text.split(",") if part.strip()]
    if not names:
        raise InvalidInput("Give at least one role: administrator, investigator, supervisor, hr.")
    roles = set()
    for name in names:
        try:
            roles.add(Role(name))
        except ValueError:
            valid = ", ".join(r.value for r in Role)
            raise InvalidInput(f"Unknown role '{name}'. Valid roles: {valid}.") from None
    return frozenset(roles)
