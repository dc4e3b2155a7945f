"""Credential requests: the vocabulary every jurisdiction's rule pack decides over.

A credential request asks an employee for the username and password of a
personal social-media account for a formal investigation. The facts here
are jurisdiction-neutral; which offices may investigate, which provisions
are cited and what is refused are a rule pack's business
(:mod:`app.domain.authorizations.packs`).

No password is ever part of these facts or of any record: a record says
only that credentials were provided, by whom, to whom and when.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from app.domain.cases import CaseStatus
from app.domain.validation import parse_past_moment


class CredentialOrigin(enum.StrEnum):
    """How the agency came to have (or ask for) the credentials."""

    REQUEST = "request"
    INADVERTENT = "inadvertent"  # received through an agency device or network monitoring


class RequestStatus(enum.StrEnum):
    """Where a credential record stands."""

    PENDING = "pending"  # requested, awaiting a supervisor
    APPROVED = "approved"  # usable for its case while the case is open
    DENIED = "denied"
    ENDED = "ended"  # the case closed: the credentials are no longer usable
    EXCLUDED = "excluded"  # not a personal account; recorded as the exclusion instead
    INADVERTENT = "inadvertent"  # received inadvertently: recorded, never usable

    @property
    def label(self) -> str:
        return self.value.capitalize()


class ViolationKind(enum.StrEnum):
    """What the suspected violation is a violation of."""

    FEDERAL_LAW = "federal_law"
    STATE_LAW = "state_law"
    LOCAL_LAW = "local_law"
    REGULATION = "regulation"
    AGENCY_POLICY = "agency_policy"


class AccountExclusion(enum.StrEnum):
    """Why an account is not a personal social-media account, if it is not one."""

    NONE = "none"
    OPENED_AT_AGENCY_REQUEST = "opened_at_agency_request"
    PROVIDED_BY_AGENCY = "provided_by_agency"
    SET_UP_ON_AGENCY_BEHALF = "set_up_on_agency_behalf"
    IMPERSONATES_AGENCY = "impersonates_agency"


class Demand(enum.StrEnum):
    """Something asked of an employee about a personal account besides its credentials."""

    CHANGE_PRIVACY_SETTINGS = "change_privacy_settings"
    LIST_CONTACTS = "list_contacts"
    SHARE_CONTACTS = "share_contacts"
    ADD_CONTACT = "add_contact"  # add an employee, supervisor or administrator


class ReceiptChannel(enum.StrEnum):
    """How credentials were received inadvertently."""

    AGENCY_DEVICE = "agency_device"
    NETWORK_MONITORING = "network_monitoring"


#: Case statuses in which a formal investigation is under way. At intake the
#: report is recorded but no investigation has been opened yet.
INVESTIGATION_OPEN = frozenset(
    {
        CaseStatus.INVESTIGATING,
        CaseStatus.FINDINGS,
        CaseStatus.DISCIPLINE_REVIEW,
        CaseStatus.REOPENED,
    }
)


@dataclass(frozen=True, slots=True)
class CredentialRequestFacts:
    """What a proposed credential request says.

    ``case_status`` is ``None`` when no case is named; ``office`` is the
    office conducting the investigation as the request states it (``""``
    when not stated); ``demands`` are anything else asked of the employee.
    """

    case_status: CaseStatus | None
    office: str
    violation_kind: ViolationKind | None
    violation_provision: str
    justification: str
    account_exclusion: AccountExclusion = AccountExclusion.NONE
    information_public: bool = False
    demands: frozenset[Demand] = frozenset()


@dataclass(frozen=True, slots=True)
class ApprovalFacts:
    """A supervisor's proposed approval of a request."""

    status: RequestStatus
    requester_id: int
    approver_id: int
    request: CredentialRequestFacts  # re-decided: the case may have changed since


@dataclass(frozen=True, slots=True)
class CredentialUseFacts:
    """A proposed use of credentials held on record."""

    origin: CredentialOrigin
    status: RequestStatus
    request_case_id: int | None
    use_case_id: int
    case_status: CaseStatus | None  # of the request's case
    purpose: str
    #: Whether the employee is on record as having provided the credentials.
    credentials_provided: bool = True


@dataclass(frozen=True, slots=True)
class ProvidedFacts:
    """A proposed record that the employee provided the credentials of a request.

    ``recorded`` describes the record already made ("by X to Y at Z"), ``""``
    when there is none; ``recipient_may_use`` says whether the receiving user's
    roles let them use (and see) credential records, and ``recipient_active``
    whether that user may sign in.
    """

    request_id: int
    status: RequestStatus
    approved_at: dt.datetime | None
    provided_at: dt.datetime
    recorded: str
    recipient: str
    recipient_may_use: bool
    recipient_active: bool


def parse_provided_time(
    value: str | dt.datetime | None, *, now: dt.datetime | None = None
) -> dt.datetime | None:
    """When credentials were provided: ISO 8601 with a UTC offset, not in the future.

    One minute of clock skew between workstations is allowed. ``None`` when
    not given (the caller takes the current time).
    """
    parsed = parse_past_moment(
        value,
        subject="The time the credentials were provided, '{text}',",
        field="provided_at",
        future_advice=(
            "record them once they have been provided, and check the date and the offset."
        ),
        now=now,
    )
    return None if parsed is None else parsed[1]
