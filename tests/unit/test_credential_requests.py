"""AR DHS credential requests through the services, on SQLite and PostgreSQL.

Requests (II(G)), refusals with their citations, exclusions (I(A)-(D)),
separation of duties, recorded uses limited to the case while it is open,
inadvertent receipts (II(H)), ending when the case closes, no stored
password, and confidentiality.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from sqlalchemy import inspect, text

from app.domain.actor import Actor
from app.domain.authorizations.credentials import RequestStatus
from app.domain.authorizations.decision import RuleRefused
from app.domain.cases import CaseStatus, Finding
from app.domain.errors import InvalidInput, InvalidInputs, NotFound, PermissionDenied, Refused
from app.domain.permissions import Role
from app.services import accounts, cases, employees
from app.services import credential_requests as cr
from app.services.cases import CaseFields
from app.services.database import Database
from tests.unit.conftest import built_once

MakeUser = Callable[..., Actor]
STATUTE = "Ark. Code Ann. § 11-2-124"
G = ("AR-DHS II(G)", "AR-DHS II(B)(1)", STATUTE)


@dataclass
class World:
    db: Database
    sam: Actor  # supervisor
    sue: Actor  # another supervisor
    ivan: Actor  # investigator
    hana: Actor  # HR
    admin: Actor
    employee: int  # AR DHS employee whose account is in question
    case_id: int  # open formal investigation
    other_case: int  # another open case


@built_once("credential_requests")
def w(database: Database, admin: Actor, make_user: MakeUser) -> World:
    sam = make_user("sam", "Sam Supervisor", Role.SUPERVISOR)
    sue = make_user("sue", "Sue Supervisor", Role.SUPERVISOR)
    ivan = make_user("ivan", "Ivan Investigator", Role.INVESTIGATOR)
    hana = make_user("hana", "Hana Resources", Role.HR)
    employee = employees.add_employee(
        database, sam, agency_code="ARDHS", full_name="Avery Employee"
    ).id

    def open_case(title: str) -> int:
        case = cases.create_case(
            database, ivan,
            CaseFields(agency_code="ARDHS", title=title, reported_on=dt.date(2026, 10, 1),
                       subject_ids=(employee,)),
        )  # fmt: skip
        cases.transition_case(database, ivan, case.id, CaseStatus.INVESTIGATING)
        return case.id

    return World(database, sam, sue, ivan, hana, admin, employee,
                 open_case("Client photos posted"), open_case("Second matter"))  # fmt: skip


def _fields(w: World, **changes: object) -> cr.CredentialRequestFields:
    fields = cr.CredentialRequestFields(
        case_id=w.case_id,
        employee_id=w.employee,
        platform="Facebook",
        account_name="avery.e",
        office="privacy_office",
        violation_kind="agency_policy",
        violation_provision="AR-DHS II(A)",
        justification="The complaint shows a client's case file photographed in the office "
        "and posted from this account.",
    )
    return dataclasses.replace(fields, **changes)  # type: ignore[arg-type]


def _count(db: Database, table: str, where: str = "") -> int:
    with db.engine.connect() as connection:
        query = f"SELECT count(*) FROM {table}" + (f" WHERE {where}" if where else "")
        return int(connection.execute(text(query)).scalar_one())


def _approved(w: World, *, provided: bool = True) -> cr.CredentialRequestInfo:
    """An approved request; its credentials recorded as provided to ivan unless not ``provided``."""
    request = cr.new_request(w.db, w.ivan, _fields(w))
    approved = cr.approve_request(w.db, w.sam, request.id, note="Relevant to II(A) allegation.")
    if not provided:
        return approved
    return cr.record_credentials_provided(
        w.db, w.ivan, approved.id, provided_by="Avery Employee", provided_to="ivan"
    )


def _close(w: World, case_id: int) -> None:
    allegation = cases.add_allegation(w.db, w.ivan, case_id, "AR-DHS II(A)")
    cases.transition_case(w.db, w.ivan, case_id, CaseStatus.FINDINGS)
    cases.record_finding(w.db, w.ivan, allegation.id, Finding.NOT_SUBSTANTIATED, "Not shown.")
    cases.transition_case(w.db, w.sam, case_id, CaseStatus.CLOSED)


# -- requests ---------------------------------------------------------------------------


def test_a_request_for_an_open_formal_investigation_is_logged_pending(w: World) -> None:
    info = cr.new_request(w.db, w.ivan, _fields(w))
    assert info.status is RequestStatus.PENDING
    assert (info.office_label, info.violation_provision, info.requested_by) == (
        "DHS Privacy Office", "AR-DHS II(A)", "ivan",
    )  # fmt: skip
    assert info.case_number is not None and info.case_number.startswith("ARDHS-")
    assert not info.usable


@pytest.mark.parametrize(
    ("changes", "code", "citations"),
    [
        ({"case_id": None}, "no_case", G),
        ({"office": "human_resources"}, "office_not_named", G),
        ({"violation_kind": None}, "no_violation", G),
        ({"violation_provision": ""}, "no_violation", G),
        ({"justification": ""}, "no_justification", G),
        ({"demands": frozenset({"change_privacy_settings"})}, "demand_change_privacy_settings",
         ("AR-DHS II(B)(2)", STATUTE)),
        ({"demands": frozenset({"list_contacts"})}, "demand_list_contacts",
         ("AR-DHS II(B)(2)", STATUTE)),
        ({"demands": frozenset({"share_contacts"})}, "demand_share_contacts",
         ("AR-DHS II(B)(2)", STATUTE)),
        ({"demands": frozenset({"add_contact"})}, "demand_add_contact",
         ("AR-DHS II(B)(3)", STATUTE)),
    ],
)  # fmt: skip
def test_each_refusal_names_its_provision_and_writes_nothing(
    w: World, changes: dict[str, object], code: str, citations: tuple[str, ...]
) -> None:
    before = _count(w.db, "audit_events")
    with pytest.raises(RuleRefused) as refused:
        cr.new_request(w.db, w.ivan, _fields(w, **changes))
    assert refused.value.decision.codes == {code}
    assert refused.value.citations == citations
    assert all(c in str(refused.value) for c in citations)
    assert _count(w.db, "credential_requests") == 0
    assert _count(w.db, "audit_events") == before


def test_public_information_does_not_bar_a_request_that_meets_ii_g(w: World) -> None:
    # II(E) permits viewing public information without a request; it prohibits nothing.
    info = cr.new_request(w.db, w.ivan, _fields(w, information_public=True))
    assert info.status is RequestStatus.PENDING


@pytest.mark.parametrize(
    ("office", "says"),
    [
        ("x" * 41, "Office is 41 characters long; the limit is 40."),
        ("İ" * 30, "Office is 60 characters long; the limit is 40."),  # İ lower-cases to 2
    ],
)
def test_an_office_too_long_for_its_column_is_invalid_input(
    w: World, office: str, says: str
) -> None:
    before = _count(w.db, "audit_events")
    for fields in (_fields(w, office=office),
                   _fields(w, office=office, account_exclusion="provided_by_agency")):  # fmt: skip
        with pytest.raises(InvalidInput, match=says) as bad:
            cr.new_request(w.db, w.ivan, fields)
        assert bad.value.field == "office"
    assert _count(w.db, "credential_requests") == 0
    assert _count(w.db, "audit_events") == before
    # Forty characters fit; an office that is none of the three is the rule's refusal.
    with pytest.raises(RuleRefused) as refused:
        cr.new_request(w.db, w.ivan, _fields(w, office="y" * 40))
    assert refused.value.decision.codes == {"office_not_named"}


def test_a_case_at_intake_or_closed_is_no_open_formal_investigation(w: World) -> None:
    intake = cases.create_case(
        w.db, w.ivan, CaseFields(agency_code="ARDHS", title="New", reported_on=dt.date(2026, 11, 1))
    ).id
    with pytest.raises(RuleRefused) as refused:
        cr.new_request(w.db, w.ivan, _fields(w, case_id=intake))
    assert refused.value.decision.codes == {"investigation_not_opened"}
    _close(w, w.other_case)
    with pytest.raises(RuleRefused) as refused:
        cr.new_request(w.db, w.ivan, _fields(w, case_id=w.other_case))
    assert refused.value.decision.codes == {"investigation_closed"}


def test_the_case_must_belong_to_the_employees_agency(w: World) -> None:
    other = cases.create_case(
        w.db, w.ivan, CaseFields(agency_code="MODNR", title="x", reported_on=dt.date(2026, 11, 1))
    ).id
    with pytest.raises(InvalidInput, match="not a case of ARDHS"):
        cr.new_request(w.db, w.ivan, _fields(w, case_id=other))


def test_an_agency_without_a_rule_pack_cannot_log_requests(w: World) -> None:
    dys = employees.add_employee(w.db, w.sam, agency_code="MADYS", full_name="Mass Person").id
    with pytest.raises(Refused, match="No credential-request rules"):
        cr.new_request(w.db, w.ivan, _fields(w, employee_id=dys, case_id=None))


@pytest.mark.parametrize(
    ("exclusion", "citation"),
    [
        ("opened_at_agency_request", "AR-DHS I(A)"),
        ("provided_by_agency", "AR-DHS I(B)"),
        ("set_up_on_agency_behalf", "AR-DHS I(C)"),
        ("impersonates_agency", "AR-DHS I(D)"),
    ],
)
def test_an_account_that_is_not_personal_is_recorded_as_its_exclusion(
    w: World, exclusion: str, citation: str
) -> None:
    info = cr.new_request(
        w.db, w.ivan,
        _fields(w, case_id=None, office="", violation_kind=None, justification="",
                account_exclusion=exclusion),
    )  # fmt: skip
    assert info.status is RequestStatus.EXCLUDED
    assert info.exclusion_citations == (citation, STATUTE)
    with pytest.raises(Refused, match="only a pending request"):
        cr.approve_request(w.db, w.sam, info.id)
    with pytest.raises(RuleRefused):
        cr.record_use(w.db, w.ivan, info.id, case_id=w.case_id, purpose="look")


def test_bad_input_says_what_to_fix(w: World) -> None:
    with pytest.raises(InvalidInput, match="'treason' is not a kind of violation"):
        cr.new_request(w.db, w.ivan, _fields(w, violation_kind="treason"))
    with pytest.raises(InvalidInput, match="'hack_account' is not a demand"):
        cr.new_request(w.db, w.ivan, _fields(w, demands=frozenset({"hack_account"})))
    with pytest.raises(InvalidInput, match="Platform is required"):
        cr.new_request(w.db, w.ivan, _fields(w, platform=" "))
    with pytest.raises(NotFound, match="no employee 4242"):
        cr.new_request(w.db, w.ivan, _fields(w, employee_id=4242))


# -- approval and separation of duties -----------------------------------------------------


def test_the_requester_cannot_approve_their_own_request(w: World) -> None:
    own = cr.new_request(w.db, w.sam, _fields(w))
    with pytest.raises(RuleRefused) as refused:
        cr.approve_request(w.db, w.sam, own.id)
    assert refused.value.citations == ("Casedesk control: separation of duties",)
    assert cr.get_request(w.db, w.sam, own.id).status is RequestStatus.PENDING
    approved = cr.approve_request(w.db, w.sue, own.id)
    assert (approved.status, approved.decided_by) == (RequestStatus.APPROVED, "sue")
    assert approved.usable


def test_investigators_request_and_only_supervisors_approve_or_deny(w: World) -> None:
    request = cr.new_request(w.db, w.ivan, _fields(w))
    with pytest.raises(PermissionDenied):
        cr.approve_request(w.db, w.ivan, request.id)
    with pytest.raises(PermissionDenied):
        cr.new_request(w.db, w.hana, _fields(w))
    with pytest.raises(InvalidInput, match="Reason for the denial is required"):
        cr.deny_request(w.db, w.sam, request.id, note="")
    denied = cr.deny_request(w.db, w.sam, request.id, note="Public posts suffice.")
    assert denied.status is RequestStatus.DENIED and denied.decision_note == "Public posts suffice."
    with pytest.raises(Refused, match="is denied"):
        cr.approve_request(w.db, w.sue, request.id)
    with pytest.raises(RuleRefused) as refused:
        cr.record_use(w.db, w.ivan, request.id, case_id=w.case_id, purpose="look")
    assert refused.value.decision.codes == {"denied"}


def test_approval_re_checks_that_the_investigation_is_still_open(w: World) -> None:
    request = cr.new_request(w.db, w.ivan, _fields(w, case_id=w.other_case))
    _close(w, w.other_case)  # ends the pending request
    assert cr.get_request(w.db, w.sam, request.id).status is RequestStatus.ENDED
    with pytest.raises(Refused, match="only a pending request"):
        cr.approve_request(w.db, w.sam, request.id)


# -- provision, uses, and the end of the investigation --------------------------------------


def test_no_password_is_ever_stored(w: World) -> None:
    approved = _approved(w, provided=False)
    assert approved.decided_at is not None
    at = approved.decided_at.replace(microsecond=0) + dt.timedelta(seconds=1)
    info = cr.record_credentials_provided(
        w.db, w.ivan, approved.id, provided_by="Avery Employee", provided_to="ivan",
        provided_at=at.astimezone(dt.timezone(dt.timedelta(hours=-6))).isoformat(),
    )  # fmt: skip
    assert (info.provided_by, info.provided_to) == ("Avery Employee", "ivan")
    assert info.provided_at == at
    columns = {
        column["name"]
        for table in ("credential_requests", "credential_uses")
        for column in inspect(w.db.engine).get_columns(table)
    }
    assert not {c for c in columns if "password" in c or "secret" in c or "credential" in c}
    assert not any("password" in f.name for f in dataclasses.fields(cr.CredentialRequestInfo))


def test_credentials_are_provided_only_under_an_approved_request(w: World) -> None:
    pending = cr.new_request(w.db, w.ivan, _fields(w))
    with pytest.raises(Refused, match="approved request") as refused:
        cr.record_credentials_provided(
            w.db, w.ivan, pending.id, provided_by="A", provided_to="ivan"
        )
    assert refused.value.citations == G
    assert str(refused.value).endswith(f"[{'; '.join(G)}]")


def _provided_row(db: Database, request_id: int) -> tuple[object, ...]:
    with db.engine.connect() as connection:
        return tuple(
            connection.execute(
                text("SELECT provided_by, provided_to_id, provided_at FROM credential_requests "
                     "WHERE id = :id"), {"id": request_id},
            ).one()
        )  # fmt: skip


@pytest.mark.parametrize(
    ("case", "code", "citations", "says"),
    [
        ("before approval", "provided_before_approval", G, "before request {id} was approved"),
        ("second record", "already_provided",
         ("Casedesk control: credential records are kept as made",),
         "already recorded as provided by Avery Employee to ivan at "),
        ("to HR", "recipient_not_investigator", G, "hana may not use credential records"),
        ("to the administrator", "recipient_not_investigator", G, "admin may not use"),
    ],
)  # fmt: skip
def test_each_provided_refusal_cites_its_provision_and_changes_nothing(
    w: World, case: str, code: str, citations: tuple[str, ...], says: str
) -> None:
    approved = _approved(w, provided=case == "second record")
    assert approved.decided_at is not None
    kwargs: dict[str, str] = {"provided_by": "Someone Else", "provided_to": "ivan"}
    if case == "before approval":
        early = approved.decided_at - dt.timedelta(minutes=5)
        kwargs["provided_at"] = early.isoformat()
    elif case == "to HR":
        kwargs["provided_to"] = "hana"
    elif case == "to the administrator":
        kwargs["provided_to"] = "admin"
    before, row = _count(w.db, "audit_events"), _provided_row(w.db, approved.id)
    with pytest.raises(RuleRefused) as refused:
        cr.record_credentials_provided(w.db, w.ivan, approved.id, **kwargs)
    assert refused.value.decision.codes == {code}
    assert refused.value.citations == citations
    assert says.format(id=approved.id) in str(refused.value)
    assert _provided_row(w.db, approved.id) == row
    assert _count(w.db, "audit_events") == before


def test_credentials_go_only_to_an_active_user(w: World) -> None:
    approved = _approved(w, provided=False)
    accounts.set_active(w.db, w.admin, "sue", active=False)
    with pytest.raises(RuleRefused) as refused:
        cr.record_credentials_provided(
            w.db, w.ivan, approved.id, provided_by="Avery Employee", provided_to="sue"
        )
    assert refused.value.decision.codes == {"recipient_disabled"}


def test_a_future_provided_time_is_bad_input_about_that_time(w: World) -> None:
    approved = _approved(w, provided=False)
    later = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=2)).isoformat()
    with pytest.raises(InvalidInput) as bad:
        cr.record_credentials_provided(
            w.db, w.ivan, approved.id, provided_by="Avery Employee", provided_to="ivan",
            provided_at=later,
        )  # fmt: skip
    assert bad.value.field == "provided_at"
    assert "The time the credentials were provided" in str(bad.value)
    assert "in the future" in str(bad.value) and "capture" not in str(bad.value)


def test_no_use_is_recorded_before_the_credentials_were_provided(w: World) -> None:
    approved = _approved(w, provided=False)
    with pytest.raises(RuleRefused) as refused:
        cr.record_use(w.db, w.ivan, approved.id, case_id=w.case_id, purpose="Read messages.")
    assert refused.value.decision.codes == {"not_provided"}
    assert refused.value.citations == G
    assert _count(w.db, "credential_uses") == 0
    cr.record_credentials_provided(
        w.db, w.ivan, approved.id, provided_by="Avery Employee", provided_to="sam"
    )
    assert cr.record_use(w.db, w.ivan, approved.id, case_id=w.case_id, purpose="Read.").id


def test_each_use_is_recorded_against_its_case_and_never_for_another(w: World) -> None:
    approved = _approved(w)
    use = cr.record_use(w.db, w.ivan, approved.id, case_id=w.case_id,
                        purpose="Read the messages named in the complaint.")  # fmt: skip
    assert use.case_id == w.case_id and use.used_by == "ivan"
    with pytest.raises(RuleRefused) as refused:
        cr.record_use(w.db, w.ivan, approved.id, case_id=w.other_case, purpose="Other matter.")
    assert refused.value.decision.codes == {"other_case"} and refused.value.citations == G
    with pytest.raises(RuleRefused) as refused:
        cr.record_use(w.db, w.ivan, approved.id, case_id=w.case_id, purpose=" ")
    assert refused.value.decision.codes == {"no_purpose"}
    listed = cr.get_request(w.db, w.sam, approved.id)
    assert [(u.purpose, u.case_id) for u in listed.uses] == [
        ("Read the messages named in the complaint.", w.case_id)
    ]


def test_closing_the_case_ends_the_request_and_refuses_later_use(w: World) -> None:
    approved = _approved(w)
    _close(w, w.case_id)
    ended = cr.get_request(w.db, w.sam, approved.id)
    assert ended.status is RequestStatus.ENDED and ended.ended_at is not None
    assert ended.ended_reason == "The case was closed." and not ended.usable
    with pytest.raises(RuleRefused) as refused:
        cr.record_use(w.db, w.ivan, approved.id, case_id=w.case_id, purpose="One more look.")
    assert refused.value.decision.codes == {"investigation_ended"}
    # Reopening the case does not revive the credentials: a new request is needed.
    cases.transition_case(w.db, w.sam, w.case_id, CaseStatus.REOPENED, reason="New evidence.")
    with pytest.raises(RuleRefused):
        cr.record_use(w.db, w.ivan, approved.id, case_id=w.case_id, purpose="Again.")


def test_inadvertently_received_credentials_are_recorded_and_never_usable(w: World) -> None:
    info = cr.record_inadvertent(
        w.db, w.ivan,
        cr.InadvertentFields(employee_id=w.employee, platform="Facebook", account_name="avery.e",
                             received_via="network_monitoring", received_on="2026-11-02",
                             description="Captured by the web filter.", case_id=w.case_id),
    )  # fmt: skip
    assert info.status is RequestStatus.INADVERTENT and not info.usable
    with pytest.raises(RuleRefused) as refused:
        cr.record_use(w.db, w.ivan, info.id, case_id=w.case_id, purpose="Check the posts.")
    assert refused.value.citations == ("AR-DHS II(H)", STATUTE)
    with pytest.raises(Refused):
        cr.approve_request(w.db, w.sam, info.id)
    with pytest.raises(Refused):
        cr.record_credentials_provided(w.db, w.ivan, info.id, provided_by="x", provided_to="ivan")
    with pytest.raises(InvalidInput, match="not a way of receipt"):
        cr.record_inadvertent(
            w.db, w.ivan,
            cr.InadvertentFields(w.employee, "Facebook", "a", "guessing", "2026-11-02"),
        )  # fmt: skip


def test_check_demand_refuses_with_the_citation(w: World) -> None:
    decision = cr.check_demand(w.db, w.ivan, "ARDHS", "add_contact")
    assert not decision.allowed and decision.citations == ("AR-DHS II(B)(3)", STATUTE)


# -- confidentiality ----------------------------------------------------------------------


def test_credential_records_are_confidential_and_every_view_is_audited(w: World) -> None:
    approved = _approved(w)
    for actor in (w.hana, w.admin):
        with pytest.raises(PermissionDenied):
            cr.list_requests(w.db, actor)
        with pytest.raises(PermissionDenied):
            cr.get_request(w.db, actor, approved.id)
    # Nothing about them in the case timeline HR can read.
    timeline = cases.case_timeline(w.db, w.hana, w.case_id)
    assert not [e for e in timeline if e.entity_type == "credential_request"]
    views = "action = 'credential_request.view'"
    before = _count(w.db, "audit_events", views)
    assert [i.id for i in cr.list_requests(w.db, w.ivan, case_id=w.case_id)] == [approved.id]
    cr.get_request(w.db, w.sam, approved.id)
    assert _count(w.db, "audit_events", views) == before + 2
    assert cr.list_requests(w.db, w.ivan, status="denied") == []


def test_listing_many_records_is_audited_in_one_event(w: World) -> None:
    for number in range(25):
        cr.record_inadvertent(
            w.db, w.ivan,
            cr.InadvertentFields(w.employee, "Facebook", f"account.{number}", "agency_device",
                                 "2026-11-02"),
        )  # fmt: skip
    assert len(cr.list_requests(w.db, w.sam)) == 25
    with w.db.engine.connect() as connection:
        entity, details = connection.execute(
            text("SELECT entity_id, details FROM audit_events "
                 "WHERE action = 'credential_request.view'")
        ).one()  # fmt: skip
    assert entity == "25 records"
    ids = (json.loads(details) if isinstance(details, str) else details)["ids"]
    assert len(ids) == 25


# -- every problem in one answer --------------------------------------------------------


def test_input_problems_and_the_rules_refusal_come_back_together(w: World) -> None:
    """No employee, a mistyped violation kind, no office, no justification: the employee
    and the kind are input problems; the office and justification already break II(G),
    said with the citations in the same answer. Nothing about the violation is said
    twice (its kind is the problem), and nothing is stored."""
    before = _count(w.db, "credential_requests")
    fields = _fields(w, employee_id=None, agency_code="ARDHS", violation_kind="felony",
                     office="", justification="")  # fmt: skip
    for call in (cr.new_request, cr.check_request):
        with pytest.raises(InvalidInputs) as found:
            call(w.db, w.ivan, fields)  # type: ignore[operator]
        error = found.value
        assert error.exit_code == 2
        assert {p.field for p in error.problems} == {"employee", "violation_kind"}
        assert isinstance(error.refused, RuleRefused)
        reasons = {r.field: r for r in error.refused.decision.reasons}
        assert set(reasons) == {"office", "justification"}
        assert reasons["office"].citations == G
        assert STATUTE in str(error) and "Choose the employee." in str(error)
    assert _count(w.db, "credential_requests") == before


def test_without_an_employee_the_cases_agency_gives_the_rules(w: World) -> None:
    with pytest.raises(InvalidInputs) as found:
        cr.new_request(w.db, w.ivan, _fields(w, employee_id=None, office=""))
    assert [p.field for p in found.value.problems] == ["employee"]
    assert found.value.refused is not None
    assert found.value.refused.decision.codes == {"office_not_named"}


def test_an_inadvertent_receipt_reports_every_problem_at_once(w: World) -> None:
    fields = cr.InadvertentFields(
        employee_id=None, platform="", account_name="someone",
        received_via="carrier_pigeon", received_on=dt.date.today() + dt.timedelta(days=3),
    )  # fmt: skip
    with pytest.raises(InvalidInputs) as found:
        cr.record_inadvertent(w.db, w.ivan, fields)
    fields_found = {p.field for p in found.value.problems}
    assert fields_found == {"employee", "platform", "received_via", "received_on"}
    assert found.value.refused is None
    assert _count(w.db, "credential_requests") == 0
