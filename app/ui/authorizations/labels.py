"""What the user reads for the authorization vocabulary: kinds, roles, statuses, offices.

Built on each call so a translation installed after start-up applies.
"""

from __future__ import annotations

import datetime as dt
import enum

from app.domain.authorizations.credentials import (
    AccountExclusion,
    ReceiptChannel,
    RequestStatus,
    ViolationKind,
)
from app.domain.authorizations.decision import Reason
from app.domain.authorizations.ma_dys import AuthorizationKind, InvestigationRole, SupervisionRole
from app.ui.i18n import tr
from app.ui.wording import for_window

_C = "AuthorizationLabels"


class AuthorizationState(enum.IntEnum):
    """Where an authorization stands today (the order is the sort order)."""

    ACTIVE = 0
    NOT_STARTED = 1
    ENDED = 2
    REVOKED = 3


def state_of(
    starts_on: dt.date,
    ends_on: dt.date | None,
    revoked_on: dt.date | None,
    active: bool,
    today: dt.date,
) -> AuthorizationState:
    """The state the lists show and filter by."""
    if revoked_on is not None and revoked_on <= today:
        return AuthorizationState.REVOKED
    if active:
        return AuthorizationState.ACTIVE
    if today < starts_on:
        return AuthorizationState.NOT_STARTED
    return AuthorizationState.ENDED


def state_labels() -> dict[AuthorizationState, str]:
    return {
        AuthorizationState.ACTIVE: tr(_C, "Active"),
        AuthorizationState.NOT_STARTED: tr(_C, "Not yet started"),
        AuthorizationState.ENDED: tr(_C, "Ended"),
        AuthorizationState.REVOKED: tr(_C, "Revoked"),
    }


def kind_labels() -> dict[AuthorizationKind, str]:
    return {
        AuthorizationKind.SUPERVISION: tr(_C, "Supervision (B.2)"),
        AuthorizationKind.INVESTIGATION: tr(_C, "Investigation (B.3)"),
    }


def supervision_role_labels() -> dict[SupervisionRole, str]:
    return {
        SupervisionRole.CASEWORKER: tr(_C, "Caseworker"),
        SupervisionRole.APPREHENSION_OFFICER: tr(_C, "Apprehension officer"),
        SupervisionRole.CLINICAL_DIRECTOR: tr(_C, "Clinical director"),
        SupervisionRole.PROGRAM_DIRECTOR: tr(_C, "Program director"),
        SupervisionRole.ASSISTANT_PROGRAM_DIRECTOR: tr(_C, "Assistant program director"),
        SupervisionRole.DISTRICT_MANAGER: tr(_C, "District manager"),
        SupervisionRole.OTHER: tr(_C, "Other"),
    }


def investigation_role_labels() -> dict[InvestigationRole, str]:
    return {
        InvestigationRole.LEGAL_UNIT: tr(_C, "Legal Unit"),
        InvestigationRole.INVESTIGATION_UNIT: tr(_C, "Investigation Unit"),
        InvestigationRole.APPREHENSION_OFFICER: tr(_C, "Apprehension officer"),
        InvestigationRole.DESIGNEE: tr(_C, "Designee of the Legal or Investigation Unit"),
        InvestigationRole.OTHER: tr(_C, "Other"),
    }


def role_label(kind: AuthorizationKind, role: str) -> str:
    """A stored role value as the user reads it (the value itself if unknown)."""
    try:
        if kind is AuthorizationKind.SUPERVISION:
            return supervision_role_labels()[SupervisionRole(role)]
        return investigation_role_labels()[InvestigationRole(role)]
    except ValueError:
        return role


def request_status_labels() -> dict[RequestStatus, str]:
    return {
        RequestStatus.PENDING: tr(_C, "Pending approval"),
        RequestStatus.APPROVED: tr(_C, "Approved"),
        RequestStatus.DENIED: tr(_C, "Denied"),
        RequestStatus.ENDED: tr(_C, "Ended (case closed)"),
        RequestStatus.EXCLUDED: tr(_C, "Excluded account"),
        RequestStatus.INADVERTENT: tr(_C, "Received inadvertently"),
    }


def violation_kind_labels() -> dict[ViolationKind, str]:
    return {
        ViolationKind.FEDERAL_LAW: tr(_C, "Federal law"),
        ViolationKind.STATE_LAW: tr(_C, "State law"),
        ViolationKind.LOCAL_LAW: tr(_C, "Local law"),
        ViolationKind.REGULATION: tr(_C, "Regulation"),
        ViolationKind.AGENCY_POLICY: tr(_C, "Agency policy"),
    }


def exclusion_labels() -> dict[AccountExclusion, str]:
    return {
        AccountExclusion.NONE: tr(_C, "A personal account of the employee"),
        AccountExclusion.OPENED_AT_AGENCY_REQUEST: tr(
            _C, "Opened by the employee at the agency's request (I(A))"
        ),
        AccountExclusion.PROVIDED_BY_AGENCY: tr(
            _C, "Provided to the employee by the agency (I(B))"
        ),
        AccountExclusion.SET_UP_ON_AGENCY_BEHALF: tr(
            _C, "Set up by the employee on the agency's behalf (I(C))"
        ),
        AccountExclusion.IMPERSONATES_AGENCY: tr(_C, "Set up to impersonate the agency (I(D))"),
    }


def receipt_channel_labels() -> dict[ReceiptChannel, str]:
    return {
        ReceiptChannel.AGENCY_DEVICE: tr(_C, "An agency-provided device"),
        ReceiptChannel.NETWORK_MONITORING: tr(_C, "Agency network monitoring"),
    }


#: Platforms offered in the platform inputs (any other may be typed).
PLATFORMS = (
    "Facebook",
    "Instagram",
    "X (Twitter)",
    "TikTok",
    "Snapchat",
    "YouTube",
    "LinkedIn",
    "Reddit",
    "Threads",
)


def cited(reason: Reason) -> str:
    """A reason as a form shows it: its provisions first, then what is wrong."""
    message = for_window(reason.message)
    if not reason.citations:
        return message
    return tr(_C, "{0}: {1}").format("; ".join(reason.citations), message)


def date_text(value: dt.date | None, missing: str = "") -> str:
    return value.isoformat() if value is not None else missing


def period_text(starts_on: dt.date, ends_on: dt.date | None) -> str:
    """The period as "2026-11-02 – 2026-12-31", or "from 2026-11-02" while open-ended."""
    if ends_on is None:
        return tr(_C, "from {0}").format(starts_on.isoformat())
    return f"{starts_on.isoformat()} – {ends_on.isoformat()}"
