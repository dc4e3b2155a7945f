"""Arkansas: the DHS Social Media Policy (2019) under Ark. Code Ann. § 11-2-124.

Every refusal cites the policy provision first and the statute second: the
statute (Act 1480 of 2013) is reported to have been narrowed in 2017 so that
some prohibitions bar only *requiring*, while the DHS policy says DHS will not
"require, request, suggest, or cause" any of them; the product follows the
stricter policy.

- I(A)-(D): accounts opened at DHS's request, provided by DHS, set up on its
  behalf, or set up to impersonate it are not "social media accounts": no
  credential request applies; the exclusion is recorded instead.
- II(B)(1): no request for a username or password "except as outlined in
  this policy", i.e. except under II(G).
- II(B)(2): no request to change privacy settings, or to list or share
  contacts. II(B)(3): no request to add another employee, supervisor or
  administrator to the contacts.
- II(E): the policy "does not prohibit" viewing publicly available
  information: it may be viewed without any request. It prohibits nothing,
  so a request that meets II(G) is not refused because some of the
  information is public (II(B)(1) bars requests only outside II(G)).
- II(G): only for a formal investigation by DHS Internal Affairs/Fraud, the
  DHS Privacy Office or the DHS Security Office, for a violation of federal,
  state or local law or regulation or agency policy, where the account
  activity is reasonably believed relevant; used only for that investigation
  or a related proceeding. Credentials are recorded as provided once, after
  the approval, to a user who may use credential records (the investigators),
  and no use is recorded before they were provided.
- II(H): credentials received inadvertently through a DHS-provided device or
  network monitoring may not be used to access the account.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from app.domain.authorizations.credentials import (
    INVESTIGATION_OPEN,
    AccountExclusion,
    ApprovalFacts,
    CredentialOrigin,
    CredentialRequestFacts,
    CredentialUseFacts,
    Demand,
    ProvidedFacts,
    RequestStatus,
)
from app.domain.authorizations.decision import Decision, Reason
from app.domain.cases import CaseStatus

POLICY = "AR-DHS"
STATUTE = "Ark. Code Ann. § 11-2-124"
#: A product control, not a provision of the policy or the statute.
SEPARATION_OF_DUTIES = "Casedesk control: separation of duties"
#: A product control: what the record says was provided, by whom and when, is not rewritten.
RECORD_KEPT = "Casedesk control: credential records are kept as made"


def cite(ref: str) -> str:
    """The citation of a provision of the DHS policy, spelled as the policy catalog spells it."""
    return f"{POLICY} {ref}"


G = (cite("II(G)"), cite("II(B)(1)"), STATUTE)
H = (cite("II(H)"), STATUTE)

_X = AccountExclusion
_EXCLUSIONS: Mapping[AccountExclusion, tuple[str, str]] = MappingProxyType(
    {
        _X.OPENED_AT_AGENCY_REQUEST: ("I(A)", "opened by the employee at the request of DHS"),
        _X.PROVIDED_BY_AGENCY: ("I(B)", "provided to the employee by DHS"),
        _X.SET_UP_ON_AGENCY_BEHALF: ("I(C)", "set up by the employee on behalf of DHS"),
        _X.IMPERSONATES_AGENCY: ("I(D)", "set up by the employee to impersonate DHS"),
    }
)

_DEMANDS: Mapping[Demand, tuple[str, str]] = MappingProxyType(
    {
        Demand.CHANGE_PRIVACY_SETTINGS: (
            "II(B)(2)", "DHS will not require, request, suggest or cause an employee to change "
            "the privacy settings of a personal social media account."),
        Demand.LIST_CONTACTS: (
            "II(B)(2)", "DHS will not require, request, suggest or cause an employee to list the "
            "contacts of a personal social media account."),
        Demand.SHARE_CONTACTS: (
            "II(B)(2)", "DHS will not require, request, suggest or cause an employee to share the "
            "contacts of a personal social media account."),
        Demand.ADD_CONTACT: (
            "II(B)(3)", "DHS will not require, request, suggest or cause an employee to add "
            "another employee, supervisor or administrator to the contacts of a personal social "
            "media account."),
    }
)  # fmt: skip


class ArkansasPack:
    """The rule pack for agencies in Arkansas (jurisdiction ``AR``)."""

    jurisdiction = "AR"
    name = "Arkansas: DHS Social Media Policy and Ark. Code Ann. § 11-2-124"
    request_citations: tuple[str, ...] = G
    offices: Mapping[str, str] = MappingProxyType(
        {
            "internal_affairs_fraud": "DHS Internal Affairs/Fraud",
            "privacy_office": "DHS Privacy Office",
            "security_office": "DHS Security Office",
        }
    )

    def exclusion_citations(self, exclusion: AccountExclusion) -> tuple[str, ...]:
        """The provisions that put an account outside the statute (empty for ``NONE``)."""
        if exclusion is AccountExclusion.NONE:
            return ()
        return (cite(_EXCLUSIONS[exclusion][0]), STATUTE)

    def exclusion_reason(self, exclusion: AccountExclusion) -> Reason:
        ref, what = _EXCLUSIONS[exclusion]
        return Reason(
            "not_personal_account",
            f"The account was {what}, so it is not a personal social media account and no "
            "credential request applies; it is recorded as that exclusion instead.",
            self.exclusion_citations(exclusion),
            "account_exclusion",
        )

    def decide_demand(self, demand: Demand) -> Decision:
        """Any demand besides credentials is refused: II(B)(2)-(3) allow none."""
        ref, message = _DEMANDS[demand]
        return Decision.of([Reason(f"demand_{demand.value}", message, (cite(ref), STATUTE))])

    def public_viewing(self) -> Decision:
        """Viewing publicly available information needs no request (and bars none)."""
        return Decision.allow(cite("II(E)"))

    def decide_request(self, facts: CredentialRequestFacts) -> Decision:
        """Whether a credential request may be logged (pending approval), with every reason."""
        reasons: list[Reason] = []
        if facts.account_exclusion is not AccountExclusion.NONE:
            # Outside the policy and the statute altogether: nothing else applies.
            return Decision.of([self.exclusion_reason(facts.account_exclusion)])
        for demand in sorted(facts.demands):
            reasons.extend(self.decide_demand(demand).reasons)
        # Publicly available information (facts.information_public) refuses nothing:
        # II(E) only says the policy does not prohibit viewing it, and II(G) sets
        # no condition that the account's activity be otherwise out of view.
        status = facts.case_status
        if status is None:
            reasons.append(
                Reason(
                    "no_case",
                    "The request names no case: credentials may be requested only "
                    "for a formal investigation.",
                    G,
                    "case",
                )  # fmt: skip
            )
        elif status is CaseStatus.CLOSED:
            reasons.append(
                Reason(
                    "investigation_closed",
                    "The case is closed: credentials may be "
                    "requested only for an open formal investigation.",
                    G,
                    "case",
                )  # fmt: skip
            )
        elif status not in INVESTIGATION_OPEN:
            reasons.append(
                Reason(
                    "investigation_not_opened",
                    f"The case is at {status.label.lower()}: no "
                    "formal investigation has been opened yet.",
                    G,
                    "case",
                )  # fmt: skip
            )
        office = facts.office.strip()
        if office not in self.offices:
            offices = ", ".join(self.offices.values())
            said = f"'{office}'" if office else "no office"
            reasons.append(
                Reason(
                    "office_not_named",
                    f"The request names {said}: the formal "
                    f"investigation must be conducted by {offices}.",
                    G,
                    "office",
                )  # fmt: skip
            )
        if facts.violation_kind is None or not facts.violation_provision.strip():
            reasons.append(
                Reason(
                    "no_violation",
                    "The suspected violation (of federal, state or local law "
                    "or regulation, or of agency policy) and its provision must be stated.",
                    G,
                    "violation",
                )  # fmt: skip
            )
        if not facts.justification.strip():
            reasons.append(
                Reason(
                    "no_justification",
                    "A written justification of why the account "
                    "activity is reasonably believed to be relevant to the investigation is "
                    "required.",
                    G,
                    "justification",
                )  # fmt: skip
            )
        return Decision.of(reasons, cite("II(G)"), STATUTE)

    def decide_approval(self, facts: ApprovalFacts) -> Decision:
        """Whether a supervisor may approve: not the requester, and the request still holds."""
        reasons: list[Reason] = []
        if facts.approver_id == facts.requester_id:
            reasons.append(
                Reason(
                    "same_person",
                    "The person who requested the credentials cannot approve "
                    "the request; another supervisor must.",
                    (SEPARATION_OF_DUTIES,),
                    "approver",
                )  # fmt: skip
            )
        reasons.extend(self.decide_request(facts.request).reasons)
        return Decision.of(reasons, cite("II(G)"), STATUTE)

    def decide_use(self, facts: CredentialUseFacts) -> Decision:
        """Whether credentials on record may be used now for ``facts.use_case_id``."""
        reasons: list[Reason] = []
        if (
            facts.origin is CredentialOrigin.INADVERTENT
            or facts.status is RequestStatus.INADVERTENT
        ):
            reasons.append(
                Reason(
                    "inadvertent",
                    "These credentials were received inadvertently through an "
                    "agency device or network monitoring; DHS may not use them to gain "
                    "access to the employee's account.",
                    H,
                )  # fmt: skip
            )
            return Decision.of(reasons)
        if facts.status is RequestStatus.EXCLUDED:
            reasons.append(
                Reason(
                    "not_a_request",
                    "This record is an excluded account, not an approved credential request.",
                    G,
                )  # fmt: skip
            )
        elif facts.status is RequestStatus.PENDING:
            reasons.append(
                Reason("not_approved", "The request has not been approved by a supervisor.", G)
            )
        elif facts.status is RequestStatus.DENIED:
            reasons.append(Reason("denied", "The request was denied.", G))
        if (
            facts.status in (RequestStatus.APPROVED, RequestStatus.ENDED)
            and not facts.credentials_provided
        ):
            reasons.append(
                Reason(
                    "not_provided",
                    "No record shows the employee provided the credentials: "
                    "record who provided them, to whom and when ('credential-request "
                    "provided') before recording a use.",
                    G,
                )  # fmt: skip
            )
        if facts.status is RequestStatus.ENDED or facts.case_status is CaseStatus.CLOSED:
            reasons.append(
                Reason(
                    "investigation_ended",
                    "The investigation has ended: the credentials "
                    "may only be used for the formal investigation or a related "
                    "proceeding, and are no longer usable.",
                    G,
                )  # fmt: skip
            )
        if facts.request_case_id is None or facts.use_case_id != facts.request_case_id:
            reasons.append(
                Reason(
                    "other_case",
                    "The credentials were requested for another case; they "
                    "may only be used for that formal investigation or a related "
                    "proceeding.",
                    G,
                    "case",
                )  # fmt: skip
            )
        if not facts.purpose.strip():
            reasons.append(
                Reason(
                    "no_purpose",
                    "Each use must state its purpose in the investigation.",
                    G,
                    "purpose",
                )  # fmt: skip
            )
        return Decision.of(reasons, cite("II(G)"), STATUTE)

    def decide_provided(self, facts: ProvidedFacts) -> Decision:
        """Whether the credentials may be recorded as provided: once, after approval, to an
        investigator who may use them."""
        reasons: list[Reason] = []
        if facts.status is not RequestStatus.APPROVED:
            reasons.append(
                Reason(
                    "not_approved",
                    f"Credential request {facts.request_id} is {facts.status.value}: "
                    "credentials may be provided only under an approved request for an open "
                    "formal investigation.",
                    G,
                )  # fmt: skip
            )
        elif facts.approved_at is not None and facts.provided_at < facts.approved_at:
            reasons.append(
                Reason(
                    "provided_before_approval",
                    f"The credentials are said to have been provided at "
                    f"{facts.provided_at:%Y-%m-%d %H:%M} UTC, before request "
                    f"{facts.request_id} was approved ({facts.approved_at:%Y-%m-%d %H:%M} UTC): "
                    "credentials may be provided only once the request is approved. Check the "
                    "time; give it with its UTC offset.",
                    G,
                    "provided_at",
                )  # fmt: skip
            )
        if facts.recorded:
            reasons.append(
                Reason(
                    "already_provided",
                    f"The credentials of request {facts.request_id} are already recorded as "
                    f"provided {facts.recorded}; that record stands and is not overwritten.",
                    (RECORD_KEPT,),
                )  # fmt: skip
            )
        if not facts.recipient_may_use:
            reasons.append(
                Reason(
                    "recipient_not_investigator",
                    f"{facts.recipient} may not use credential records: only the DHS "
                    "investigators of the formal investigation (users who may record uses of "
                    "credentials) may receive them. Name such a user.",
                    G,
                    "provided_to",
                )  # fmt: skip
            )
        elif not facts.recipient_active:
            reasons.append(
                Reason(
                    "recipient_disabled",
                    f"{facts.recipient}'s account is disabled; name an active investigator.",
                    G,
                    "provided_to",
                )  # fmt: skip
            )
        return Decision.of(reasons, cite("II(G)"), STATUTE)
