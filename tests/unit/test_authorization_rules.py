"""The authorization rules, clause by clause: MA DYS 01.05.22 B.2/B.3 and the Arkansas pack.

Each refusal is checked for its reason code and the exact citations a user
sees; each allowed path for the provisions it rests on. The hypothesis
properties cover what must never be allowed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

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
    ViolationKind,
    parse_provided_time,
)
from app.domain.authorizations.decision import RuleRefused
from app.domain.authorizations.ma_dys import (
    AccountHolder,
    AuthorizationKind,
    CaseRef,
    InvestigationFacts,
    InvestigationRole,
    SupervisionFacts,
    account_key,
    decide_investigation,
    decide_supervision,
    is_active,
    review_status,
)
from app.domain.authorizations.packs import PACKS, pack_for
from app.domain.authorizations.revocation import (
    CoveredEvidence,
    RevocationFacts,
    decide_revocation,
)
from app.domain.cases import CaseStatus
from app.domain.errors import InvalidInput, Refused

TODAY = dt.date(2026, 11, 21)
STATUTE = "Ark. Code Ann. § 11-2-124"
G = ("AR-DHS II(G)", "AR-DHS II(B)(1)", STATUTE)
AR = pack_for("AR")

SUPERVISION = SupervisionFacts(
    employee_id=1,
    supervisor_id=2,
    written_on=dt.date(2026, 11, 1),
    platform="Facebook",
    account_name="@dys.watch",
    youth_case="JJEMS 4411",
    attests_no_youth_contact=True,
    attests_true_identity=True,
    site_shows_viewers=True,
    privacy_settings_enabled=True,
    starts_on=dt.date(2026, 11, 2),
    ends_on=None,
    today=TODAY,
)

INVESTIGATION = InvestigationFacts(
    employee_id=1,
    role=InvestigationRole.INVESTIGATION_UNIT,
    supervisor_id=2,
    written_on=dt.date(2026, 11, 1),
    platform="Instagram",
    account_name="inv.profile.7",
    case_open=True,
    starts_on=dt.date(2026, 11, 1),
    ends_on=None,
    today=TODAY,
)

REQUEST = CredentialRequestFacts(
    case_status=CaseStatus.INVESTIGATING,
    office="privacy_office",
    violation_kind=ViolationKind.AGENCY_POLICY,
    violation_provision="AR-DHS II(A)",
    justification="Posts on the account show a client's case file photographed at work.",
)


def _single(decision_reasons: tuple[object, ...]) -> object:
    assert len(decision_reasons) == 1, decision_reasons
    return decision_reasons[0]


# -- MA DYS B.2 -------------------------------------------------------------------------


def test_b2_a_complete_supervision_authorization_is_allowed_under_b2() -> None:
    decision = decide_supervision(SUPERVISION)
    assert decision.allowed and decision.reasons == ()
    assert decision.basis == ("MA-DYS-01.05.22 B.2",)


def test_b2_d_privacy_settings_matter_only_where_the_site_shows_viewers() -> None:
    facts = dataclasses.replace(
        SUPERVISION, site_shows_viewers=False, privacy_settings_enabled=False
    )
    assert decide_supervision(facts).allowed


@pytest.mark.parametrize(
    ("changes", "code", "citation"),
    [
        ({"supervisor_id": None}, "no_supervisor", "MA-DYS-01.05.22 B.2"),
        ({"supervisor_id": 1}, "self_authorized", "MA-DYS-01.05.22 B.2"),
        ({"written_on": None}, "not_in_writing", "MA-DYS-01.05.22 B.2"),
        ({"written_on": dt.date(2026, 11, 22)}, "written_in_future", "MA-DYS-01.05.22 B.2"),
        ({"starts_on": dt.date(2026, 10, 30)}, "starts_before_written", "MA-DYS-01.05.22 B.2"),
        ({"ends_on": dt.date(2026, 11, 1)}, "ends_before_start", "MA-DYS-01.05.22 B.2"),
        ({"account_name": "  "}, "no_account", "MA-DYS-01.05.22 B.2.c"),
        ({"platform": ""}, "no_account", "MA-DYS-01.05.22 B.2.c"),
        ({"youth_case": ""}, "no_youth_case", "MA-DYS-01.05.22 B.2.c"),
        ({"attests_no_youth_contact": False}, "no_contact_not_attested", "MA-DYS-01.05.22 B.2.a"),
        ({"attests_true_identity": False}, "identity_not_attested", "MA-DYS-01.05.22 B.2.b"),
        ({"privacy_settings_enabled": False}, "privacy_settings_off", "MA-DYS-01.05.22 B.2.d"),
        (
            {"other_holders": (AccountHolder(7, "Dana Other"),)},
            "account_shared",
            "MA-DYS-01.05.22 B.2.e",
        ),
        (
            {"case": CaseRef("ARDHS-2026-0005", "ARDHS", "MADYS")},
            "case_of_other_agency",
            "MA-DYS-01.05.22 B.2",
        ),
    ],
)
def test_b2_each_refusal_cites_its_clause(
    changes: dict[str, object], code: str, citation: str
) -> None:
    decision = decide_supervision(dataclasses.replace(SUPERVISION, **changes))  # type: ignore[arg-type]
    assert not decision.allowed
    reason = _single(decision.reasons)
    assert reason.code == code  # type: ignore[attr-defined]
    assert reason.citations == (citation,)  # type: ignore[attr-defined]
    assert decision.basis == ()


def test_b2_e_message_names_the_other_employee_and_every_reason_is_listed() -> None:
    facts = dataclasses.replace(
        SUPERVISION,
        attests_true_identity=False,
        other_holders=(AccountHolder(7, "Dana Other"),),
    )
    decision = decide_supervision(facts)
    assert decision.codes == {"identity_not_attested", "account_shared"}
    with pytest.raises(RuleRefused) as refused:
        decision.raise_if_refused("The supervision authorization")
    message = str(refused.value)
    assert "Dana Other (authorization 7)" in message
    assert "[MA-DYS-01.05.22 B.2.b]" in message and "[MA-DYS-01.05.22 B.2.e]" in message
    assert refused.value.citations == ("MA-DYS-01.05.22 B.2.b", "MA-DYS-01.05.22 B.2.e")
    assert refused.value.exit_code == 1


def test_a_case_of_the_same_agency_is_allowed_and_another_agency_s_is_named() -> None:
    own = CaseRef("MADYS-2026-0003", "MADYS", "MADYS")
    assert decide_supervision(dataclasses.replace(SUPERVISION, case=own)).allowed
    assert decide_investigation(dataclasses.replace(INVESTIGATION, case=own)).allowed
    other = CaseRef("ARDHS-2026-0005", "ARDHS", "MADYS")
    reason = decide_investigation(dataclasses.replace(INVESTIGATION, case=other)).reasons[0]
    assert "Case ARDHS-2026-0005 is a case of ARDHS, not of MADYS" in reason.message
    assert reason.field == "case"


def test_b2_e_accounts_compare_without_case_or_at_sign() -> None:
    assert account_key("Facebook", "@DYS.Watch") == account_key(" facebook ", "dys.watch")
    assert account_key("Facebook", "dys.watch") != account_key("Instagram", "dys.watch")


# -- MA DYS B.3 -------------------------------------------------------------------------


@pytest.mark.parametrize("role", [r for r in InvestigationRole if r is not InvestigationRole.OTHER])
def test_b3_each_named_role_is_allowed_under_b3a(role: InvestigationRole) -> None:
    decision = decide_investigation(dataclasses.replace(INVESTIGATION, role=role))
    assert decision.allowed and decision.basis == ("MA-DYS-01.05.22 B.3.a",)


@pytest.mark.parametrize(
    ("changes", "code", "citation"),
    [
        ({"role": InvestigationRole.OTHER}, "role_not_named", "MA-DYS-01.05.22 B.3"),
        ({"supervisor_id": None}, "no_supervisor", "MA-DYS-01.05.22 B.3.a"),
        ({"supervisor_id": 1}, "self_authorized", "MA-DYS-01.05.22 B.3.a"),
        ({"written_on": None}, "not_in_writing", "MA-DYS-01.05.22 B.3.a"),
        ({"account_name": ""}, "no_account", "MA-DYS-01.05.22 B.3.a"),
        ({"case_open": False}, "investigation_closed", "MA-DYS-01.05.22 B.3.a"),
        ({"ends_on": dt.date(2026, 10, 1)}, "ends_before_start", "MA-DYS-01.05.22 B.3.a"),
        (
            {"case": CaseRef("ARDHS-2026-0005", "ARDHS", "MADYS")},
            "case_of_other_agency",
            "MA-DYS-01.05.22 B.3.a",
        ),
    ],
)
def test_b3_each_refusal_cites_its_clause(
    changes: dict[str, object], code: str, citation: str
) -> None:
    decision = decide_investigation(dataclasses.replace(INVESTIGATION, **changes))  # type: ignore[arg-type]
    reason = _single(decision.reasons)
    assert reason.code == code  # type: ignore[attr-defined]
    assert reason.citations == (citation,)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("last_review", "today", "due", "overdue", "days"),
    [
        (None, dt.date(2026, 11, 30), dt.date(2026, 12, 1), False, 0),
        (None, dt.date(2026, 12, 1), dt.date(2026, 12, 1), False, 0),
        (None, dt.date(2026, 12, 2), dt.date(2026, 12, 1), True, 1),
        (dt.date(2026, 11, 20), dt.date(2026, 12, 2), dt.date(2026, 12, 20), False, 0),
        (dt.date(2026, 11, 20), dt.date(2027, 1, 1), dt.date(2026, 12, 20), True, 12),
    ],
)
def test_b3_b_review_is_due_an_interval_after_the_start_or_the_last_meeting(
    last_review: dt.date | None, today: dt.date, due: dt.date, overdue: bool, days: int
) -> None:
    status = review_status(
        starts_on=dt.date(2026, 11, 1), ends_on=None, revoked_on=None,
        last_review_on=last_review, interval_days=30, today=today,
    )  # fmt: skip
    assert (status.due_on, status.overdue, status.days_overdue) == (due, overdue, days)


def test_b3_b_an_ended_or_revoked_authorization_owes_no_review() -> None:
    for ends_on, revoked_on in ((dt.date(2026, 11, 5), None), (None, dt.date(2026, 11, 5))):
        status = review_status(
            starts_on=dt.date(2026, 11, 1), ends_on=ends_on, revoked_on=revoked_on,
            last_review_on=None, interval_days=1, today=dt.date(2027, 1, 1),
        )  # fmt: skip
        assert status.due_on is None and not status.overdue


def test_active_period_includes_the_last_day_and_excludes_the_revocation_day() -> None:
    start, end = dt.date(2026, 3, 1), dt.date(2026, 3, 31)
    assert not is_active(start, end, None, dt.date(2026, 2, 28))
    assert is_active(start, end, None, start) and is_active(start, end, None, end)
    assert not is_active(start, end, None, dt.date(2026, 4, 1))
    assert is_active(start, None, dt.date(2026, 3, 10), dt.date(2026, 3, 9))
    assert not is_active(start, None, dt.date(2026, 3, 10), dt.date(2026, 3, 10))


# -- Arkansas: credential requests -----------------------------------------------------


def test_registry_finds_the_arkansas_pack_and_refuses_unknown_jurisdictions() -> None:
    assert pack_for(" ar ") is PACKS["AR"]
    with pytest.raises(Refused, match="No credential-request rules .* 'MA'"):
        pack_for("MA")


@pytest.mark.parametrize("office", ["internal_affairs_fraud", "privacy_office", "security_office"])
@pytest.mark.parametrize("status", sorted(INVESTIGATION_OPEN))
@pytest.mark.parametrize("kind", list(ViolationKind))
def test_ii_g_request_for_an_open_investigation_by_each_office_is_allowed(
    office: str, status: CaseStatus, kind: ViolationKind
) -> None:
    facts = dataclasses.replace(REQUEST, office=office, case_status=status, violation_kind=kind)
    decision = AR.decide_request(facts)
    assert decision.allowed and decision.basis == ("AR-DHS II(G)", STATUTE)


@pytest.mark.parametrize(
    ("changes", "code", "citations"),
    [
        ({"case_status": None}, "no_case", G),
        ({"case_status": CaseStatus.CLOSED}, "investigation_closed", G),
        ({"case_status": CaseStatus.INTAKE}, "investigation_not_opened", G),
        ({"office": ""}, "office_not_named", G),
        ({"office": "human_resources"}, "office_not_named", G),
        ({"violation_kind": None}, "no_violation", G),
        ({"violation_provision": " "}, "no_violation", G),
        ({"justification": "\n "}, "no_justification", G),
        ({"demands": frozenset({Demand.CHANGE_PRIVACY_SETTINGS})},
         "demand_change_privacy_settings", ("AR-DHS II(B)(2)", STATUTE)),
        ({"demands": frozenset({Demand.LIST_CONTACTS})}, "demand_list_contacts",
         ("AR-DHS II(B)(2)", STATUTE)),
        ({"demands": frozenset({Demand.SHARE_CONTACTS})}, "demand_share_contacts",
         ("AR-DHS II(B)(2)", STATUTE)),
        ({"demands": frozenset({Demand.ADD_CONTACT})}, "demand_add_contact",
         ("AR-DHS II(B)(3)", STATUTE)),
        ({"account_exclusion": AccountExclusion.OPENED_AT_AGENCY_REQUEST},
         "not_personal_account", ("AR-DHS I(A)", STATUTE)),
        ({"account_exclusion": AccountExclusion.PROVIDED_BY_AGENCY},
         "not_personal_account", ("AR-DHS I(B)", STATUTE)),
        ({"account_exclusion": AccountExclusion.SET_UP_ON_AGENCY_BEHALF},
         "not_personal_account", ("AR-DHS I(C)", STATUTE)),
        ({"account_exclusion": AccountExclusion.IMPERSONATES_AGENCY},
         "not_personal_account", ("AR-DHS I(D)", STATUTE)),
    ],
)  # fmt: skip
def test_each_request_refusal_cites_the_policy_first_and_the_statute_second(
    changes: dict[str, object], code: str, citations: tuple[str, ...]
) -> None:
    decision = AR.decide_request(dataclasses.replace(REQUEST, **changes))  # type: ignore[arg-type]
    reason = _single(decision.reasons)
    assert reason.code == code  # type: ignore[attr-defined]
    assert reason.citations == citations  # type: ignore[attr-defined]


def test_an_excluded_account_is_only_the_exclusion_whatever_else_is_missing() -> None:
    facts = CredentialRequestFacts(
        case_status=None, office="", violation_kind=None, violation_provision="",
        justification="", account_exclusion=AccountExclusion.PROVIDED_BY_AGENCY,
    )  # fmt: skip
    assert AR.decide_request(facts).codes == {"not_personal_account"}


def test_a_request_lacking_everything_lists_every_reason() -> None:
    facts = CredentialRequestFacts(None, "", None, "", "")
    assert AR.decide_request(facts).codes == {
        "no_case", "office_not_named", "no_violation", "no_justification",
    }  # fmt: skip


@pytest.mark.parametrize("demand", list(Demand))
def test_ii_b_every_other_demand_is_refused_on_its_own(demand: Demand) -> None:
    decision = AR.decide_demand(demand)
    assert not decision.allowed
    expected = "AR-DHS II(B)(3)" if demand is Demand.ADD_CONTACT else "AR-DHS II(B)(2)"
    assert decision.citations == (expected, STATUTE)


def test_ii_e_viewing_public_information_is_allowed_without_a_request() -> None:
    decision = AR.public_viewing()
    assert decision.allowed and decision.basis == ("AR-DHS II(E)",)


def test_ii_e_public_information_does_not_bar_a_request_that_meets_ii_g() -> None:
    # II(E) only says the policy does not prohibit viewing public information;
    # II(B)(1) bars requests outside II(G), and this one is within it.
    decision = AR.decide_request(dataclasses.replace(REQUEST, information_public=True))
    assert decision.allowed and decision.basis == ("AR-DHS II(G)", STATUTE)
    lacking = dataclasses.replace(REQUEST, information_public=True, justification="")
    assert AR.decide_request(lacking).codes == {"no_justification"}


def test_separation_of_duties_requester_cannot_approve() -> None:
    same = AR.decide_approval(ApprovalFacts(RequestStatus.PENDING, 5, 5, REQUEST))
    assert same.codes == {"same_person"}
    assert same.citations == ("Casedesk control: separation of duties",)
    other = AR.decide_approval(ApprovalFacts(RequestStatus.PENDING, 5, 6, REQUEST))
    assert other.allowed


def test_approval_re_checks_the_case() -> None:
    closed = dataclasses.replace(REQUEST, case_status=CaseStatus.CLOSED)
    decision = AR.decide_approval(ApprovalFacts(RequestStatus.PENDING, 5, 6, closed))
    assert decision.codes == {"investigation_closed"}


USE = CredentialUseFacts(
    origin=CredentialOrigin.REQUEST,
    status=RequestStatus.APPROVED,
    request_case_id=10,
    use_case_id=10,
    case_status=CaseStatus.INVESTIGATING,
    purpose="Read the messages named in the complaint.",
)


def test_ii_g_use_of_approved_credentials_for_their_open_case_is_allowed() -> None:
    decision = AR.decide_use(USE)
    assert decision.allowed and decision.basis == ("AR-DHS II(G)", STATUTE)


@pytest.mark.parametrize(
    ("changes", "codes", "citations"),
    [
        ({"status": RequestStatus.PENDING}, {"not_approved"}, G),
        ({"status": RequestStatus.DENIED}, {"denied"}, G),
        ({"status": RequestStatus.EXCLUDED}, {"not_a_request"}, G),
        ({"status": RequestStatus.ENDED}, {"investigation_ended"}, G),
        ({"case_status": CaseStatus.CLOSED}, {"investigation_ended"}, G),
        ({"use_case_id": 11}, {"other_case"}, G),
        ({"purpose": " "}, {"no_purpose"}, G),
        ({"credentials_provided": False}, {"not_provided"}, G),
        ({"status": RequestStatus.PENDING, "credentials_provided": False}, {"not_approved"}, G),
        ({"origin": CredentialOrigin.INADVERTENT, "status": RequestStatus.INADVERTENT},
         {"inadvertent"}, ("AR-DHS II(H)", STATUTE)),
    ],
)  # fmt: skip
def test_each_use_refusal_cites_its_provision(
    changes: dict[str, object], codes: set[str], citations: tuple[str, ...]
) -> None:
    decision = AR.decide_use(dataclasses.replace(USE, **changes))  # type: ignore[arg-type]
    assert decision.codes == codes
    assert decision.citations == citations


# -- properties ------------------------------------------------------------------------

_text = st.text(max_size=30)
_facts = st.builds(
    CredentialRequestFacts,
    case_status=st.none() | st.sampled_from(CaseStatus),
    office=st.sampled_from(["", "internal_affairs_fraud", "privacy_office", "security_office",
                            "human_resources", "legal"]) | _text,
    violation_kind=st.none() | st.sampled_from(ViolationKind),
    violation_provision=_text,
    justification=_text,
    account_exclusion=st.sampled_from(AccountExclusion),
    information_public=st.booleans(),
    demands=st.frozensets(st.sampled_from(Demand)),
)  # fmt: skip


@given(_facts)
def test_property_no_request_without_an_open_investigation_by_one_of_the_three_offices(
    facts: CredentialRequestFacts,
) -> None:
    open_by_an_office = facts.case_status in INVESTIGATION_OPEN and facts.office.strip() in (
        "internal_affairs_fraud", "privacy_office", "security_office",
    )  # fmt: skip
    decision = AR.decide_request(facts)
    if not open_by_an_office:
        assert not decision.allowed
        assert decision.reasons and all(r.citations for r in decision.reasons)
    if decision.allowed:
        assert facts.violation_kind is not None and facts.violation_provision.strip()
        assert facts.justification.strip() and not facts.demands
        assert facts.account_exclusion is AccountExclusion.NONE
    # Publicly available information never decides a request either way (II(E)).
    public = AR.decide_request(dataclasses.replace(facts, information_public=True))
    private = AR.decide_request(dataclasses.replace(facts, information_public=False))
    assert public == private
    # Approval can never turn a refused request into an allowed one.
    approval = AR.decide_approval(ApprovalFacts(RequestStatus.PENDING, 1, 2, facts))
    assert approval.allowed == decision.allowed


@given(
    status=st.sampled_from(RequestStatus),
    request_case=st.none() | st.integers(1, 3),
    use_case=st.integers(1, 3),
    case_status=st.none() | st.sampled_from(CaseStatus),
    purpose=_text,
)
def test_property_inadvertently_received_credentials_are_never_usable(
    status: RequestStatus,
    request_case: int | None,
    use_case: int,
    case_status: CaseStatus | None,
    purpose: str,
) -> None:
    facts = CredentialUseFacts(
        CredentialOrigin.INADVERTENT, status, request_case, use_case, case_status, purpose
    )
    decision = AR.decide_use(facts)
    assert not decision.allowed
    assert decision.citations == ("AR-DHS II(H)", STATUTE)
    # Whatever the origin, a record in the inadvertent status is never usable either.
    other = dataclasses.replace(
        facts, origin=CredentialOrigin.REQUEST, status=RequestStatus.INADVERTENT
    )
    assert not AR.decide_use(other).allowed


@given(
    status=st.sampled_from(RequestStatus),
    case_status=st.none() | st.sampled_from(CaseStatus),
    same_case=st.booleans(),
    provided=st.booleans(),
)
def test_property_only_approved_provided_requests_of_open_cases_are_usable(
    status: RequestStatus, case_status: CaseStatus | None, same_case: bool, provided: bool
) -> None:
    facts = CredentialUseFacts(
        CredentialOrigin.REQUEST, status, 1, 1 if same_case else 2, case_status, "purpose",
        provided,
    )  # fmt: skip
    decision = AR.decide_use(facts)
    assert decision.allowed == (
        status is RequestStatus.APPROVED
        and case_status is not CaseStatus.CLOSED
        and same_case
        and provided
    )
    assert all(r.citations for r in decision.reasons)


# -- Arkansas: credentials provided ----------------------------------------------------

APPROVED_AT = dt.datetime(2026, 11, 10, 15, 0, tzinfo=dt.UTC)
PROVIDED = ProvidedFacts(
    request_id=4,
    status=RequestStatus.APPROVED,
    approved_at=APPROVED_AT,
    provided_at=APPROVED_AT + dt.timedelta(hours=2),
    recorded="",
    recipient="ivan",
    recipient_may_use=True,
    recipient_active=True,
)


def test_ii_g_credentials_provided_after_approval_to_an_investigator_are_recorded() -> None:
    decision = AR.decide_provided(PROVIDED)
    assert decision.allowed and decision.basis == ("AR-DHS II(G)", STATUTE)
    assert AR.decide_provided(dataclasses.replace(PROVIDED, provided_at=APPROVED_AT)).allowed


@pytest.mark.parametrize(
    ("changes", "code", "citations"),
    [
        ({"status": RequestStatus.PENDING}, "not_approved", G),
        ({"status": RequestStatus.DENIED}, "not_approved", G),
        ({"status": RequestStatus.ENDED}, "not_approved", G),
        ({"status": RequestStatus.INADVERTENT}, "not_approved", G),
        ({"provided_at": APPROVED_AT - dt.timedelta(minutes=1)}, "provided_before_approval", G),
        ({"recorded": "by Avery to ivan at 2026-11-10 16:00 UTC"}, "already_provided",
         ("Casedesk control: credential records are kept as made",)),
        ({"recipient": "hana", "recipient_may_use": False}, "recipient_not_investigator", G),
        ({"recipient_active": False}, "recipient_disabled", G),
    ],
)  # fmt: skip
def test_each_provided_refusal_cites_its_provision(
    changes: dict[str, object], code: str, citations: tuple[str, ...]
) -> None:
    decision = AR.decide_provided(dataclasses.replace(PROVIDED, **changes))  # type: ignore[arg-type]
    reason = _single(decision.reasons)
    assert reason.code == code  # type: ignore[attr-defined]
    assert reason.citations == citations  # type: ignore[attr-defined]


def test_a_second_provided_record_names_the_first() -> None:
    decision = AR.decide_provided(
        dataclasses.replace(PROVIDED, recorded="by Avery to ivan at 2026-11-10 16:00 UTC")
    )
    assert "already recorded as provided by Avery to ivan at 2026-11-10 16:00 UTC" in str(
        decision.reasons[0]
    )


NOW = dt.datetime(2026, 11, 21, 12, 0, tzinfo=dt.UTC)


def test_provided_time_is_read_with_its_offset() -> None:
    assert parse_provided_time("2026-11-21T06:00:00-06:00", now=NOW) == NOW
    assert parse_provided_time("", now=NOW) is None


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2026-11-21T12:02:00Z", "The time the credentials were provided, '2026-11-21T12:02:00Z', "
         "is in the future"),
        ("2026-11-21T10:00:00", "has no UTC offset"),
        ("yesterday", "is not a valid date and time"),
    ],
)  # fmt: skip
def test_a_bad_provided_time_says_what_is_wrong_with_it(value: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message) as bad:
        parse_provided_time(value, now=NOW)
    assert bad.value.field == "provided_at" and "capture" not in str(bad.value)


# -- MA DYS: revocation ----------------------------------------------------------------

REVOCATION = RevocationFacts(
    authorization_id=6,
    kind=AuthorizationKind.INVESTIGATION,
    starts_on=dt.date(2026, 10, 8),
    revoked_on=dt.date(2026, 11, 20),
    today=TODAY,
    evidence=(CoveredEvidence(39, "post.png", "MADYS-2026-0003", dt.date(2026, 11, 19)),),
)


@pytest.mark.parametrize("day", [dt.date(2026, 10, 8), dt.date(2026, 11, 20), TODAY])
def test_a_revocation_from_the_start_to_today_after_the_last_capture_is_allowed(
    day: dt.date,
) -> None:
    facts = dataclasses.replace(REVOCATION, revoked_on=day, evidence=())
    assert decide_revocation(facts).allowed
    assert decide_revocation(REVOCATION).allowed  # the day after the capture


@pytest.mark.parametrize(
    ("kind", "changes", "code"),
    [
        (AuthorizationKind.SUPERVISION, {"revoked_on": dt.date(2020, 1, 1), "evidence": ()},
         "revoked_before_start"),
        (AuthorizationKind.INVESTIGATION, {"revoked_on": dt.date(2026, 10, 7), "evidence": ()},
         "revoked_before_start"),
        (AuthorizationKind.SUPERVISION, {"revoked_on": TODAY + dt.timedelta(days=1)},
         "revoked_in_future"),
        (AuthorizationKind.INVESTIGATION, {"revoked_on": dt.date(2026, 11, 19)},
         "evidence_after_revocation"),
        (AuthorizationKind.SUPERVISION, {"revoked_on": dt.date(2026, 11, 1)},
         "evidence_after_revocation"),
    ],
)  # fmt: skip
def test_each_revocation_refusal_cites_the_provision_of_its_kind(
    kind: AuthorizationKind, changes: dict[str, object], code: str
) -> None:
    facts = dataclasses.replace(REVOCATION, kind=kind, **changes)  # type: ignore[arg-type]
    reason = _single(decide_revocation(facts).reasons)
    expected = "B.2" if kind is AuthorizationKind.SUPERVISION else "B.3.a"
    assert reason.code == code  # type: ignore[attr-defined]
    assert reason.citations == (f"MA-DYS-01.05.22 {expected}",)  # type: ignore[attr-defined]
    assert reason.field == "revoked_on"  # type: ignore[attr-defined]


def test_a_revocation_before_evidence_names_every_item_and_the_date_that_keeps_them() -> None:
    facts = dataclasses.replace(
        REVOCATION,
        revoked_on=dt.date(2026, 11, 1),
        evidence=(
            CoveredEvidence(12, "early.png", "MADYS-2026-0003", dt.date(2026, 10, 20)),
            CoveredEvidence(39, "post.png", "MADYS-2026-0003", dt.date(2026, 11, 19)),
            CoveredEvidence(40, "same-day.png", "MADYS-2026-0003", dt.date(2026, 11, 1)),
        ),
    )
    message = decide_revocation(facts).reasons[0].message
    assert "evidence item 40 (same-day.png, case MADYS-2026-0003, captured 2026-11-01)" in message
    assert "evidence item 39 (post.png" in message and "item 12" not in message
    assert "Revoke it from 2026-11-20 or later" in message


@given(
    start=st.dates(dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
    revoked=st.dates(dt.date(2025, 12, 1), dt.date(2027, 1, 31)),
    captures=st.lists(st.dates(dt.date(2026, 1, 1), dt.date(2026, 12, 31)), max_size=4),
)
def test_property_an_allowed_revocation_leaves_every_capture_inside_the_active_period(
    start: dt.date, revoked: dt.date, captures: list[dt.date]
) -> None:
    evidence = tuple(
        CoveredEvidence(i, f"{i}.png", "MADYS-2026-0001", day)
        for i, day in enumerate(captures)
        if day >= start  # evidence intake only links captures from the start on
    )
    facts = RevocationFacts(1, AuthorizationKind.SUPERVISION, start, revoked, TODAY, evidence)
    decision = decide_revocation(facts)
    if decision.allowed:
        assert start <= revoked <= TODAY
        assert all(is_active(start, None, revoked, e.captured_on) for e in evidence)
    else:
        assert all(r.citations == ("MA-DYS-01.05.22 B.2",) for r in decision.reasons)


def test_a_revocation_before_a_later_review_meeting_is_refused_citing_b3b() -> None:
    facts = dataclasses.replace(
        REVOCATION, revoked_on=dt.date(2026, 11, 1), evidence=(),
        reviews=(dt.date(2026, 10, 20), dt.date(2026, 11, 10)),
    )  # fmt: skip
    reason = _single(decide_revocation(facts).reasons)
    assert reason.code == "reviewed_after_revocation"  # type: ignore[attr-defined]
    assert reason.field == "revoked_on"  # type: ignore[attr-defined]
    assert reason.citations == (  # type: ignore[attr-defined]
        "MA-DYS-01.05.22 B.3.a", "MA-DYS-01.05.22 B.3.b",
    )  # fmt: skip
    assert "reviewed with the supervisor on 2026-11-10" in reason.message  # type: ignore[attr-defined]
    assert "Revoke it from 2026-11-10 or later" in reason.message  # type: ignore[attr-defined]
    # On the day of the last meeting, or after it: allowed.
    assert decide_revocation(dataclasses.replace(facts, revoked_on=dt.date(2026, 11, 10))).allowed
