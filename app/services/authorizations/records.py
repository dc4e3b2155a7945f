"""What an authorization is made of: the fields a user enters and what is read back."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.domain.authorizations.ma_dys import (
    AuthorizationKind,
    InvestigationRole,
    ReviewStatus,
    SupervisionRole,
)

#: The jurisdiction whose agencies log authorizations under MA DYS 01.05.22.
JURISDICTION = "MA"
#: The input limits match the columns (app/db/models/authorizations.py).
LABEL_MAX = 200
ACCOUNT_KEY_MAX = 2 * LABEL_MAX + 20

K = AuthorizationKind


@dataclass(frozen=True, slots=True)
class SupervisionFields:
    """A proposed B.2 supervision authorization, as a form or the CLI gives it."""

    employee_id: int | None  # None: not chosen yet, reported as a problem of the form
    role: SupervisionRole | str
    supervisor_id: int | None
    written_on: dt.date | str | None
    platform: str
    account_name: str
    youth_case: str
    attests_no_youth_contact: bool
    attests_true_identity: bool
    site_shows_viewers: bool
    privacy_settings_enabled: bool
    starts_on: dt.date | str | None
    ends_on: dt.date | str | None = None
    case_id: int | None = None  # an employee-conduct case the supervision is relevant to
    notes: str = ""


@dataclass(frozen=True, slots=True)
class InvestigationFields:
    """A proposed B.3 investigation authorization."""

    employee_id: int | None  # None: not chosen yet, reported as a problem of the form
    role: InvestigationRole | str
    supervisor_id: int | None
    written_on: dt.date | str | None
    platform: str
    account_name: str  # the account created: the investigation profile
    case_id: int | None  # None: not chosen yet, reported as a problem of the form
    youth_communication_approved: bool  # B.3.c
    starts_on: dt.date | str | None
    ends_on: dt.date | str | None = None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class ReviewInfo:
    """One review meeting with the supervisor (B.3.b)."""

    id: int
    met_on: dt.date
    notes: str
    recorded_by: str
    recorded_at: dt.datetime


@dataclass(frozen=True, slots=True)
class AuthorizationInfo:
    """A logged authorization as lists, forms, the case view and the CLI show it."""

    id: int
    kind: AuthorizationKind
    agency_code: str
    employee_id: int
    employee_name: str
    role: str
    supervisor_id: int
    supervisor_name: str
    written_on: dt.date
    platform: str
    account_name: str
    youth_case: str
    case_id: int | None
    case_number: str | None
    attests_no_youth_contact: bool
    attests_true_identity: bool
    site_shows_viewers: bool
    privacy_settings_enabled: bool
    youth_communication_approved: bool
    starts_on: dt.date
    ends_on: dt.date | None
    revoked_on: dt.date | None
    revoked_reason: str
    notes: str
    created_by: str
    created_at: dt.datetime
    active: bool  # on the ``today`` of the call
    review: ReviewStatus | None  # investigation authorizations only
    reviews: tuple[ReviewInfo, ...]

    @property
    def review_overdue(self) -> bool:
        return self.review is not None and self.review.overdue
