"""What a credential request is made of: the fields a user enters and what is read back."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.domain.authorizations.credentials import (
    AccountExclusion,
    CredentialOrigin,
    Demand,
    ReceiptChannel,
    RequestStatus,
    ViolationKind,
)

#: The input limits match the columns (app/db/models/authorizations.py).
LABEL_MAX = 200
PROVISION_MAX = 300
OFFICE_MAX = 40
S = RequestStatus


@dataclass(frozen=True, slots=True)
class CredentialRequestFields:
    """A proposed credential request, as a form or the CLI gives it."""

    case_id: int | None
    employee_id: int | None  # None: not chosen (reported with the other problems)
    platform: str
    account_name: str
    office: str
    violation_kind: ViolationKind | str | None
    violation_provision: str
    justification: str
    account_exclusion: AccountExclusion | str = AccountExclusion.NONE
    information_public: bool = False
    demands: frozenset[Demand | str] = field(default_factory=frozenset)
    #: The agency the form is filled in for: whose rules apply while no employee is chosen.
    agency_code: str | None = None


@dataclass(frozen=True, slots=True)
class InadvertentFields:
    """Credentials that reached the agency inadvertently (AR-DHS II(H))."""

    employee_id: int | None  # None: not chosen (reported with the other problems)
    platform: str
    account_name: str
    received_via: ReceiptChannel | str
    received_on: dt.date | str | None
    description: str = ""
    case_id: int | None = None


@dataclass(frozen=True, slots=True)
class CredentialUseInfo:
    """One recorded use of credentials."""

    id: int
    request_id: int
    case_id: int
    case_number: str
    purpose: str
    used_at: dt.datetime
    used_by: str


@dataclass(frozen=True, slots=True)
class CredentialRequestInfo:
    """A credential record as lists, forms, the case view and the CLI show it."""

    id: int
    origin: CredentialOrigin
    status: RequestStatus
    agency_code: str
    case_id: int | None
    case_number: str | None
    employee_id: int
    employee_name: str
    platform: str
    account_name: str
    office: str
    office_label: str
    violation_kind: ViolationKind | None
    violation_provision: str
    justification: str
    account_exclusion: AccountExclusion
    exclusion_citations: tuple[str, ...]
    received_via: ReceiptChannel | None
    received_on: dt.date | None
    description: str
    requested_by: str
    requested_at: dt.datetime
    decided_by: str | None
    decided_at: dt.datetime | None
    decision_note: str
    provided_by: str | None
    provided_to: str | None
    provided_at: dt.datetime | None
    ended_at: dt.datetime | None
    ended_reason: str
    uses: tuple[CredentialUseInfo, ...]

    @property
    def usable(self) -> bool:
        """Approved, not ended, not inadvertent: uses may be recorded (for its case)."""
        return self.status is S.APPROVED
