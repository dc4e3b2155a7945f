"""The authorization log's dataclasses: an agency's authorizations over a period.

Filled by the application and rendered by :func:`render_authorization_log`
(:mod:`reports.authorization_log`), like the models of :mod:`reports.model`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reports.model import DEFAULT_CONFIDENTIALITY, Agency, DocumentInfo, Progress


@dataclass(frozen=True)
class AuthorizationEntry:
    """A supervision (B.2) or investigation (B.3) authorization in the log."""

    #: The authorization's reference, e.g. "SA-2026-004".
    reference: str
    #: The person authorized to view or use the account.
    person: str
    #: The supervisor who granted it.
    granted_by: str
    #: The account used or created (name on the platform).
    account: str
    #: The platform, e.g. "Instagram".
    platform: str
    #: The youth's case or investigation it concerns.
    concerns: str
    #: Start date and end date (None: open-ended).
    starts_on: dt.date
    ends_on: dt.date | None
    #: Status as printed: "Active", "Ended", "Revoked 2026-05-01".
    status: str
    #: True for entries that are confidential (B.3.a investigations).
    confidential: bool = False
    #: Last supervisor review meeting (B.3.b), None if none held yet.
    last_review: dt.date | None = None
    #: True when a periodic review is overdue.
    review_overdue: bool = False
    #: A longer note printed under the entry across the table: the written
    #: authorization's date, the attestations, the review history, the reason
    #: for a revocation ("" if none; lines are kept).
    status_note: str = ""


@dataclass(frozen=True)
class CredentialUse:
    """One logged use of credentials obtained through a request."""

    #: When, as text with the zone.
    used_at: str
    #: Who used them.
    used_by: str
    #: For what, in the investigation.
    purpose: str


@dataclass(frozen=True)
class CredentialRequestEntry:
    """A credential request under AR-DHS II(G), its decision and its uses."""

    #: The request's reference, e.g. "CR-2026-002".
    reference: str
    #: The open case it names.
    case_number: str
    #: The employee whose account it concerns.
    employee: str
    #: The investigating office, e.g. "DHS Internal Affairs/Fraud" ("" for an exclusion).
    office: str
    #: The suspected violation ("" for an exclusion).
    suspected_violation: str
    #: The written reasonable-belief justification ("" for an exclusion).
    justification: str
    #: Who requested it (or recorded the exclusion), and when (text).
    requested_by: str
    requested_at: str
    #: The decision as printed: "Approved", "Denied", "Pending", "Excluded".
    decision: str
    #: Who decided and when ("" while pending).
    decided_by: str = ""
    decided_at: str = ""
    #: The reason given with the decision ("" if none).
    decision_reason: str = ""
    #: Each logged use.
    uses: tuple[CredentialUse, ...] = ()
    #: When the investigation ended and the credentials stopped being usable
    #: ("" while open).
    ended_at: str = ""
    #: Why it ended, e.g. "The case was closed." ("" if not ended).
    ended_reason: str = ""
    #: The platform and the account's name on it ("" if not recorded).
    platform: str = ""
    account: str = ""
    #: That the employee provided the credentials: by whom, to whom, when
    #: ("" while not recorded; the credentials themselves are never stored).
    provided_by: str = ""
    provided_to: str = ""
    provided_at: str = ""
    #: Set when the account is not a personal account (AR-DHS I(A)-(D)):
    #: the exclusion that applies, with its citation. The entry is then the
    #: record of that exclusion, not a request, and has no office, violation,
    #: justification, decision or use.
    exclusion: str = ""


@dataclass(frozen=True)
class InadvertentReceiptEntry:
    """Credentials received inadvertently (002 II(H)): recorded, never usable."""

    #: The receipt's reference, e.g. "IR-2026-001".
    reference: str
    #: When it was received, as text.
    received_at: str
    #: The employee whose credentials they are.
    employee: str
    #: How they arrived, e.g. "agency network monitoring".
    how_received: str
    #: Who recorded the receipt.
    recorded_by: str
    #: Any note ("" if none).
    note: str = ""
    #: The platform and the account's name on it ("" if not recorded).
    platform: str = ""
    account: str = ""


@dataclass(frozen=True)
class AuthorizationLogReport:
    """The authorization log of one agency over a period."""

    #: PDF document properties.
    document: DocumentInfo
    #: The agency.
    agency: Agency
    #: The period covered, both days included.
    period_from: dt.date
    period_to: dt.date
    #: The report's date.
    report_date: dt.date
    #: Who generated it.
    prepared_by: str
    #: Supervision authorizations (MA DYS 01.05.22 B.2).
    supervision: tuple[AuthorizationEntry, ...]
    #: Investigation authorizations (B.3), confidential ones only when the
    #: reader's role may see them.
    investigation: tuple[AuthorizationEntry, ...]
    #: Credential requests (AR-DHS II(G)) with decisions and uses.
    credential_requests: tuple[CredentialRequestEntry, ...]
    #: Inadvertently received credentials (II(H)).
    inadvertent_receipts: tuple[InadvertentReceiptEntry, ...]
    #: False when confidential investigation authorizations (B.3.a) were left
    #: out because the reader's role may not see them; the report then says so.
    investigations_included: bool = True
    #: False when credential requests and inadvertent receipts (II(G), II(H))
    #: were left out because the reader's role may not see them: the report
    #: then says they are withheld, never that there are none, nor how many.
    credentials_included: bool = True
    #: Marking printed on every page.
    confidentiality: str = DEFAULT_CONFIDENTIALITY
    #: The audit checkpoint the report was made at, printed on its last page as
    #: "Audit checkpoint: SEQ:HASH signed by KEYID at TIME" ("" prints nothing).
    audit_checkpoint: str = ""
    #: Whether the agency's policy calls for the MA DYS authorization sections
    #: (B.2, B.3) and the AR DHS credential sections (II(G), II(H)); a section
    #: that does not apply is left out and the log says why.
    authorization_sections: bool = True
    credential_sections: bool = True
    #: The zone local times are printed in, as the page names it, e.g.
    #: "America/Chicago (the agency's state, MO)"; UTC is printed beside them.
    time_zone: str = ""

    @property
    def confidential_included(self) -> bool:
        """True when nothing was left out for the reader's role."""
        return self.investigations_included and self.credentials_included


def render_authorization_log(
    report: AuthorizationLogReport, *, progress: Progress | None = None
) -> bytes:
    """The authorization log as PDF bytes."""
    from reports.authorization_log import build

    return build(report, progress=progress)
