"""MA DYS Policy 01.05.22: social-media supervision (B.2) and investigation (B.3) authorizations.

Pure rules over plain facts. :func:`decide_supervision` and
:func:`decide_investigation` say whether an authorization may be logged;
:func:`is_active` and :func:`review_status` answer the questions evidence
intake and the lists ask of a logged one.

What the text says, and what this module makes of it:

- B.2 (lead-in): employees "shall obtain authorization in writing from their
  supervisor": a written-authorization date is required, and the supervisor
  must be someone other than the employee.
- B.2.a: the account may be the employee's own personal account, but it
  "shall not" be used "to chat, friend, or otherwise communicate with any
  youth": attested.
- B.2.b: no false names or identities, and the site's rules are followed:
  attested.
- B.2.c: the youth's case notes name the person authorized, the supervisor
  and the account: all three, and the youth case, are required.
- B.2.d: only "if using a social media site that allows users to see who is
  viewing them" must privacy settings be enabled.
- B.2.e: "Multiple employees shall not share one account": an account whose
  authorization for a different employee overlaps the requested period is
  refused.
- B.3 (lead-in): only the DYS Legal Unit (including the Investigation Unit),
  DYS apprehension officers, and designees by the Legal or Investigation
  Unit may use social media for investigations.
- B.3.a: authorization documented in writing with the supervisor, naming
  the person, the supervisor and the account created; confidential.
- B.3.b: periodic review meetings with the supervisor; the policy sets no
  interval, so the product's is a setting (default 30 days).
- B.3.c: communication with youth must be approved; recorded as approved or
  not, and it is not approved unless said so.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import TypeVar

from app.domain.authorizations.decision import Decision, Reason
from app.domain.errors import InvalidInput

E = TypeVar("E", bound=enum.StrEnum)

POLICY = "MA-DYS-01.05.22"


def cite(ref: str) -> str:
    """The citation of a provision of 01.05.22, spelled as the policy catalog spells it."""
    return f"{POLICY} {ref}"


class AuthorizationKind(enum.StrEnum):
    """Which section of 01.05.22 the authorization is logged under."""

    SUPERVISION = "supervision"
    INVESTIGATION = "investigation"

    @property
    def label(self) -> str:
        return (
            "Supervision (B.2)" if self is AuthorizationKind.SUPERVISION else "Investigation (B.3)"
        )


class SupervisionRole(enum.StrEnum):
    """The employees B.2 names as seeking to use social media for supervision."""

    CASEWORKER = "caseworker"
    APPREHENSION_OFFICER = "apprehension_officer"
    CLINICAL_DIRECTOR = "clinical_director"
    PROGRAM_DIRECTOR = "program_director"
    ASSISTANT_PROGRAM_DIRECTOR = "assistant_program_director"
    DISTRICT_MANAGER = "district_manager"
    OTHER = "other"


class InvestigationRole(enum.StrEnum):
    """Who B.3 lets use social media for investigations."""

    LEGAL_UNIT = "legal_unit"
    INVESTIGATION_UNIT = "investigation_unit"
    APPREHENSION_OFFICER = "apprehension_officer"
    DESIGNEE = "designee"  # designated by the Legal or Investigation Unit
    OTHER = "other"  # recorded so the refusal can say so


def parse_enum(kind: type[E], value: str | E, label: str, field: str) -> E:
    """An enum member from its value as typed (``-`` or spaces for ``_``)."""
    if isinstance(value, kind):
        return value
    text = str(value).strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return kind(text)
    except ValueError:
        valid = ", ".join(m.value for m in kind)
        raise InvalidInput(
            f"'{value}' is not a {label}; use one of: {valid}.", field=field
        ) from None


def account_key(platform: str, account: str) -> tuple[str, str]:
    """How two spellings of one account compare: case-insensitive, without a leading @."""
    return (" ".join(platform.lower().split()), account.strip().lower().lstrip("@"))


@dataclass(frozen=True, slots=True)
class AccountHolder:
    """Another employee's authorization on the same account whose period overlaps."""

    authorization_id: int
    employee_name: str


@dataclass(frozen=True, slots=True)
class CaseRef:
    """The Casedesk case an authorization names, and whose agency it is against the employee's."""

    number: str
    agency: str  # the case's agency code
    authorizing_agency: str  # the agency of the employee authorized


@dataclass(frozen=True, slots=True)
class SupervisionFacts:
    """What is proposed for a B.2 supervision authorization."""

    employee_id: int
    supervisor_id: int | None
    written_on: dt.date | None
    platform: str
    account_name: str
    youth_case: str
    attests_no_youth_contact: bool  # B.2.a
    attests_true_identity: bool  # B.2.b
    site_shows_viewers: bool  # B.2.d, the condition
    privacy_settings_enabled: bool  # B.2.d, the requirement
    starts_on: dt.date
    ends_on: dt.date | None
    today: dt.date
    other_holders: tuple[AccountHolder, ...] = ()  # B.2.e
    case: CaseRef | None = None  # the employee-conduct case named, if any


@dataclass(frozen=True, slots=True)
class InvestigationFacts:
    """What is proposed for a B.3 investigation authorization."""

    employee_id: int
    role: InvestigationRole
    supervisor_id: int | None
    written_on: dt.date | None
    platform: str
    account_name: str
    case_open: bool
    starts_on: dt.date
    ends_on: dt.date | None
    today: dt.date
    case: CaseRef | None = None  # the investigation's case


def _written(
    supervisor_id: int | None,
    employee_id: int,
    written_on: dt.date | None,
    starts_on: dt.date,
    ends_on: dt.date | None,
    today: dt.date,
    ref: str,
) -> list[Reason]:
    reasons = []
    if supervisor_id is None:
        reasons.append(
            Reason(
                "no_supervisor",
                "The supervisor who granted the authorization is not named.",
                (cite(ref),),
                "supervisor",
            )  # fmt: skip
        )
    elif supervisor_id == employee_id:
        reasons.append(
            Reason(
                "self_authorized",
                "An employee cannot authorize themselves; the written "
                "authorization must come from their supervisor.",
                (cite(ref),),
                "supervisor",
            )  # fmt: skip
        )
    if written_on is None:
        reasons.append(
            Reason(
                "not_in_writing",
                "The date of the written authorization is missing; "
                "authorization must be given in writing.",
                (cite(ref),),
                "written_on",
            )  # fmt: skip
        )
    elif written_on > today:
        reasons.append(
            Reason(
                "written_in_future",
                f"The written authorization is dated {written_on}, after today ({today}).",
                (cite(ref),),
                "written_on",
            )  # fmt: skip
        )
    elif written_on > starts_on:
        reasons.append(
            Reason(
                "starts_before_written",
                f"The authorization starts on {starts_on}, before "
                f"it was given in writing on {written_on}.",
                (cite(ref),),
                "starts_on",
            )  # fmt: skip
        )
    if ends_on is not None and ends_on < starts_on:
        reasons.append(
            Reason(
                "ends_before_start",
                f"The authorization ends on {ends_on}, before it starts on {starts_on}.",
                (cite(ref),),
                "ends_on",
            )  # fmt: skip
        )
    return reasons


def _same_agency(case: CaseRef | None, ref: str, what: str, fix: str) -> list[Reason]:
    """An MA DYS authorization names only a case of its own agency (01.05.22 applies to DYS)."""
    if case is None or case.agency == case.authorizing_agency:
        return []
    return [
        Reason(
            "case_of_other_agency",
            f"Case {case.number} is a case of {case.agency}, not of {case.authorizing_agency}: "
            f"{what} under DYS Policy 01.05.22 names only a case of {case.authorizing_agency}, "
            "the employee's own agency. " + fix.format(agency=case.authorizing_agency),
            (cite(ref),),
            "case",
        )
    ]


def decide_supervision(facts: SupervisionFacts) -> Decision:
    """Whether a B.2 supervision authorization may be logged, with every reason if not."""
    reasons = _written(
        facts.supervisor_id, facts.employee_id, facts.written_on, facts.starts_on,
        facts.ends_on, facts.today, "B.2",
    )  # fmt: skip
    if not facts.account_name.strip() or not facts.platform.strip():
        reasons.append(
            Reason(
                "no_account",
                "The platform and the name of the account being used must be recorded.",
                (cite("B.2.c"),),
                "account_name",
            )  # fmt: skip
        )
    if not facts.youth_case.strip():
        reasons.append(
            Reason(
                "no_youth_case",
                "The youth's case the supervision concerns must be "
                "recorded (the authorization is noted in that case).",
                (cite("B.2.c"),),
                "youth_case",
            )  # fmt: skip
        )
    if not facts.attests_no_youth_contact:
        reasons.append(
            Reason(
                "no_contact_not_attested",
                "The employee must attest that the account will "
                "not be used to chat, friend, or otherwise communicate with any youth.",
                (cite("B.2.a"),),
                "attests_no_youth_contact",
            )  # fmt: skip
        )
    if not facts.attests_true_identity:
        reasons.append(
            Reason(
                "identity_not_attested",
                "The employee must attest to using no false name "
                "or identity and to following the site's rules.",
                (cite("B.2.b"),),
                "attests_true_identity",
            )  # fmt: skip
        )
    if facts.site_shows_viewers and not facts.privacy_settings_enabled:
        reasons.append(
            Reason(
                "privacy_settings_off",
                "The site shows users who views them, so privacy "
                "settings must be enabled so the youth cannot see the employee viewing.",
                (cite("B.2.d"),),
                "privacy_settings_enabled",
            )  # fmt: skip
        )
    reasons += _same_agency(
        facts.case, "B.2", "a supervision authorization",
        "Name a case of {agency}, or none.",
    )  # fmt: skip
    for holder in facts.other_holders:
        reasons.append(
            Reason(
                "account_shared",
                f"The account {facts.account_name} on {facts.platform} is "
                f"already authorized for {holder.employee_name} (authorization "
                f"{holder.authorization_id}) in an overlapping period; multiple employees "
                "shall not share one account.",
                (cite("B.2.e"),),
                "account_name",
            )  # fmt: skip
        )
    return Decision.of(reasons, cite("B.2"))


#: The roles B.3 names.
INVESTIGATION_ROLES = frozenset(
    {
        InvestigationRole.LEGAL_UNIT,
        InvestigationRole.INVESTIGATION_UNIT,
        InvestigationRole.APPREHENSION_OFFICER,
        InvestigationRole.DESIGNEE,
    }
)


def decide_investigation(facts: InvestigationFacts) -> Decision:
    """Whether a B.3 investigation authorization may be logged, with every reason if not."""
    reasons = _written(
        facts.supervisor_id, facts.employee_id, facts.written_on, facts.starts_on,
        facts.ends_on, facts.today, "B.3.a",
    )  # fmt: skip
    if facts.role not in INVESTIGATION_ROLES:
        reasons.append(
            Reason(
                "role_not_named",
                "Only the DYS Legal Unit (including the Investigation "
                "Unit), DYS apprehension officers and designees by the Legal or "
                "Investigation Unit may use social media for investigations.",
                (cite("B.3"),),
                "role",
            )  # fmt: skip
        )
    if not facts.account_name.strip() or not facts.platform.strip():
        reasons.append(
            Reason(
                "no_account",
                "The platform and the name of the account created (the "
                "investigation profile) must be documented.",
                (cite("B.3.a"),),
                "account_name",
            )  # fmt: skip
        )
    reasons += _same_agency(
        facts.case, "B.3.a", "an investigation authorization",
        "Name the case of the DYS investigation the account is used for.",
    )  # fmt: skip
    if not facts.case_open:
        reasons.append(
            Reason(
                "investigation_closed",
                "The investigation is closed; an authorization is "
                "given for an investigation under way.",
                (cite("B.3.a"),),
                "case",
            )  # fmt: skip
        )
    return Decision.of(reasons, cite("B.3.a"))


def is_active(
    starts_on: dt.date, ends_on: dt.date | None, revoked_on: dt.date | None, on: dt.date
) -> bool:
    """Whether an authorization covers the day ``on`` (a revocation ends it that day)."""
    if on < starts_on:
        return False
    if ends_on is not None and on > ends_on:
        return False
    return not (revoked_on is not None and on >= revoked_on)


def last_day(ends_on: dt.date | None, revoked_on: dt.date | None) -> dt.date | None:
    """The last day an authorization covers, or ``None`` while open-ended."""
    days = [d for d in (ends_on, revoked_on - dt.timedelta(days=1) if revoked_on else None) if d]
    return min(days) if days else None


def periods_overlap(
    a_start: dt.date, a_last: dt.date | None, b_start: dt.date, b_last: dt.date | None
) -> bool:
    """Whether two periods (``None`` = open-ended) share at least one day."""
    return (a_last is None or b_start <= a_last) and (b_last is None or a_start <= b_last)


@dataclass(frozen=True, slots=True)
class ReviewStatus:
    """Where a B.3 authorization stands with its periodic review meetings (B.3.b)."""

    last_review_on: dt.date | None
    due_on: dt.date | None  # None: no review due (ended or revoked)
    overdue: bool
    days_overdue: int


def review_status(
    *,
    starts_on: dt.date,
    ends_on: dt.date | None,
    revoked_on: dt.date | None,
    last_review_on: dt.date | None,
    interval_days: int,
    today: dt.date,
) -> ReviewStatus:
    """When the next review meeting is due and whether it is overdue.

    The first review is due ``interval_days`` after the start; each meeting
    moves the due date to ``interval_days`` after it. An authorization that
    is no longer active on ``today`` owes no more reviews.
    """
    if not is_active(starts_on, ends_on, revoked_on, today) and today >= starts_on:
        return ReviewStatus(last_review_on, None, False, 0)
    since = max(d for d in (starts_on, last_review_on) if d is not None)
    due = since + dt.timedelta(days=interval_days)
    late = (today - due).days
    return ReviewStatus(last_review_on, due, late > 0, max(late, 0))
