"""A request's fields checked and turned into the facts the rule pack decides on."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.db.engine import UnitOfWork
from app.db.models import Agency, Case, Employee
from app.domain.actor import Actor
from app.domain.authorizations.credentials import (
    AccountExclusion,
    CredentialRequestFacts,
    Demand,
    ViolationKind,
)
from app.domain.authorizations.decision import Decision, decided
from app.domain.authorizations.ma_dys import parse_enum
from app.domain.authorizations.packs import RulePack, pack_for
from app.domain.cases import CaseStatus
from app.domain.errors import InvalidInput, NotFound, Problems
from app.domain.validation import NOTE_MAX, clean_text
from app.services.access import require_member, visible_cases
from app.services.credential_requests.records import (
    LABEL_MAX,
    OFFICE_MAX,
    PROVISION_MAX,
    CredentialRequestFields,
)


def checked_label(value: str, label: str, *, required: bool = True) -> str:
    return clean_text(value, label, max_length=LABEL_MAX, required=required)


def _office(value: str) -> str:
    """The office as a key ("Privacy Office" → "privacy_office"), checked to fit its column."""
    office = clean_text(value, "Office", max_length=OFFICE_MAX, required=False)
    office = office.lower().replace(" ", "_")
    if len(office) > OFFICE_MAX:  # lower-casing lengthens some letters
        raise InvalidInput(
            f"Office is {len(office)} characters long; the limit is {OFFICE_MAX}.",
            field="office",
        )
    return office


def _employee(uow: UnitOfWork, employee_id: int | None) -> tuple[Employee, Agency]:
    if employee_id is None:
        raise InvalidInput("Choose the employee.", field="employee")
    employee = uow.session.get(Employee, employee_id)
    if employee is None:
        raise NotFound(
            f"There is no employee {employee_id}; see 'casedesk employee list'.", field="employee"
        )
    agency = uow.session.get(Agency, employee.agency_id)
    assert agency is not None
    return employee, agency


def _case_row(uow: UnitOfWork, actor: Actor, case_id: int) -> tuple[CaseStatus, int, str]:
    row = uow.session.execute(
        select(Case.status, Case.agency_id, Case.number).where(
            Case.id == case_id, visible_cases(actor)
        )
    ).one_or_none()
    if row is None:
        raise NotFound(f"There is no case {case_id}; see 'casedesk case list'.", field="case")
    return CaseStatus(row.status), int(row.agency_id), str(row.number)


def agency_and_case(
    uow: UnitOfWork,
    actor: Actor,
    problems: Problems,
    employee_id: int | None,
    case_id: int | None,
    agency_code: str | None = None,
) -> tuple[Agency | None, CaseStatus | None]:
    """The agency whose rules apply and the case's status; every problem goes to ``problems``.

    The agency is the employee's; while no employee is chosen, the one the
    form names, or else the case's. An agency outside ``actor``'s is not found.
    """
    found = problems.check(_employee, uow, employee_id)
    agency: Agency | None = found[1] if found else None
    if agency is None and agency_code:
        agency = uow.session.scalar(select(Agency).where(Agency.code == agency_code.upper()))
    elif found and agency_code and agency is not None and agency.code != agency_code.upper():
        problems.add(
            f"{found[0].full_name} is not an employee of {agency_code.upper()}.",
            field="employee",
        )
    if agency is not None:
        require_member(uow, actor, agency.id, agency.code)
    if case_id is None:
        return agency, None
    case = problems.check(_case_row, uow, actor, case_id)
    if case is None:
        return agency, None
    status, case_agency, number = case
    if agency is None:
        agency = uow.session.get(Agency, case_agency)
    elif case_agency != agency.id:
        whose = ", the employee's agency" if found else ""
        problems.add(f"Case {number} is not a case of {agency.code}{whose}.", field="case")
        return agency, None
    return agency, status


#: The rule reasons' input for the inputs whose problem is reported instead.
_RULE_FIELDS = {"violation_kind": ("violation",), "violation_provision": ("violation",)}


@dataclass(frozen=True, slots=True)
class _Proposed:
    """A request's checked inputs, the facts the pack decides on, and the problems found."""

    facts: CredentialRequestFacts
    agency: Agency | None
    pack: RulePack | None
    platform: str
    account: str
    problems: Problems

    def decide(self, what: str) -> Decision:
        """The pack's decision; with input problems, raise them all, with the refusal the
        valid inputs already get (its reasons about the invalid inputs left out)."""
        decision = Decision.allow()
        # Without the agency there are no rules to ask; a mistyped exclusion may be one
        # that puts the account outside them.
        if self.pack is not None and not self.problems.has("account_exclusion"):
            decision = self.pack.decide_request(self.facts)
        if self.problems.found and decision.codes == {"not_personal_account"}:
            decision = Decision.allow()  # recorded as the exclusion once the inputs hold
        return decided(decision, self.problems, what, related=_RULE_FIELDS)


def proposed_facts(uow: UnitOfWork, actor: Actor, fields: CredentialRequestFields) -> _Proposed:
    """Every input checked (problems collected, not raised) and the facts of the valid ones."""
    problems = Problems()
    platform = problems.check(checked_label, fields.platform, "Platform", default="")
    account = problems.check(checked_label, fields.account_name, "Account name", default="")
    office = problems.check(_office, fields.office, default="")
    kind = (
        problems.check(
            parse_enum, ViolationKind, fields.violation_kind, "kind of violation", "violation_kind"
        )
        if fields.violation_kind not in (None, "")
        else None
    )
    provision = problems.check(
        clean_text, fields.violation_provision, "Violation provision",
        max_length=PROVISION_MAX, required=False, default="",
    )  # fmt: skip
    justification = problems.check(
        clean_text, fields.justification, "Justification",
        max_length=NOTE_MAX, required=False, multiline=True, default="",
    )  # fmt: skip
    exclusion = problems.check(
        parse_enum, AccountExclusion, fields.account_exclusion, "account exclusion",
        "account_exclusion", default=AccountExclusion.NONE,
    )  # fmt: skip
    demands = frozenset(
        d
        for d in (
            problems.check(parse_enum, Demand, d, "demand", "demands") for d in fields.demands
        )
        if d is not None
    )
    agency, status = agency_and_case(
        uow, actor, problems, fields.employee_id, fields.case_id, fields.agency_code
    )
    facts = CredentialRequestFacts(
        case_status=status,
        office=office,
        violation_kind=kind,
        violation_provision=provision,
        justification=justification,
        account_exclusion=exclusion,
        information_public=fields.information_public,
        demands=demands,
    )
    pack = pack_for(agency.jurisdiction) if agency is not None else None
    return _Proposed(facts, agency, pack, platform, account, problems)
