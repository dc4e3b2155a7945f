"""The fields of a new authorization checked and turned into the facts the rules decide on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import select

from app.db.engine import UnitOfWork
from app.db.models import (
    Agency,
    Authorization,
    Case,
    Employee,
)
from app.domain.actor import Actor
from app.domain.authorizations.decision import Decision, decided
from app.domain.authorizations.ma_dys import (
    AccountHolder,
    CaseRef,
    InvestigationFacts,
    InvestigationRole,
    SupervisionFacts,
    SupervisionRole,
    account_key,
    decide_investigation,
    decide_supervision,
    last_day,
    parse_enum,
    periods_overlap,
)
from app.domain.cases import CaseStatus
from app.domain.errors import InvalidInput, NotFound, Problems
from app.domain.validation import NOTE_MAX, clean_text, parse_date
from app.domain.zones import agency_today
from app.services.access import require_member, visible_cases
from app.services.authorizations.records import (
    ACCOUNT_KEY_MAX,
    JURISDICTION,
    LABEL_MAX,
    InvestigationFields,
    K,
    SupervisionFields,
)


def today_or(today: dt.date | None) -> dt.date:
    """``today``, else today in Massachusetts (``app.domain.zones``), not this computer's day.

    The rules date a writing, an authorization's life and its reviews in the
    agency's days: a computer in another zone (or keeping UTC) would refuse a
    writing dated today in Boston as "after today", or flag a review overdue
    a day early.
    """
    return today or agency_today(JURISDICTION)


def _label(value: str, label: str) -> str:
    return clean_text(value, label, max_length=LABEL_MAX, required=False)


def checked_account_key(platform: str, account: str) -> str:
    """The folded key of the B.2.e check, as stored; checked to fit its column."""
    key = "|".join(account_key(platform, account))
    if len(key) > ACCOUNT_KEY_MAX:
        # Lower-casing lengthens some letters (İ becomes two characters).
        raise InvalidInput(
            "The platform and account name are too long together once compared "
            f"case-insensitively ({len(key)} characters, the limit is {ACCOUNT_KEY_MAX}); "
            "shorten the account name.",
            field="account_name",
        )
    return key


def _start(value: dt.date | str | None) -> dt.date:
    starts_on = parse_date(value, "Start date")
    if starts_on is None:
        raise InvalidInput("Start date is required (YYYY-MM-DD).", field="starts_on")
    return starts_on


def _employee(uow: UnitOfWork, employee_id: int | None, what: str) -> Employee | None:
    if employee_id is None:
        return None
    row = uow.session.get(Employee, employee_id)
    if row is None:
        raise NotFound(
            f"There is no employee {employee_id} ({what}); see 'casedesk employee list'."
        )
    return row


def _agency_of(uow: UnitOfWork, employee: Employee) -> Agency:
    agency = uow.session.get(Agency, employee.agency_id)
    assert agency is not None
    if agency.jurisdiction != JURISDICTION:
        raise InvalidInput(
            f"Authorizations are logged under MA DYS Policy 01.05.22; {employee.full_name} "
            f"works for {agency.code} ({agency.jurisdiction}), not a Massachusetts agency.",
            field="employee",
        )
    return agency


def _supervisor(uow: UnitOfWork, supervisor_id: int | None, agency: Agency | None) -> None:
    row = _employee(uow, supervisor_id, "the supervisor")
    if row is not None and agency is not None and row.agency_id != agency.id:
        raise InvalidInput(
            f"The supervisor {row.full_name} is not an employee of {agency.code}.",
            field="supervisor",
        )


def _case(
    uow: UnitOfWork, actor: Actor, case_id: int | None, agency: Agency | None
) -> tuple[CaseStatus | None, CaseRef | None]:
    """The named case's status and agency; the rules refuse a case of another agency."""
    if case_id is None:
        return None, None
    row = uow.session.execute(
        select(Case.status, Case.number, Agency.code)
        .join(Agency, Agency.id == Case.agency_id)
        .where(Case.id == case_id, visible_cases(actor))
    ).one_or_none()
    if row is None:
        raise NotFound(f"There is no case {case_id}; see 'casedesk case list'.", field="case")
    ref = CaseRef(row.number, row.code, agency.code) if agency is not None else None
    return CaseStatus(row.status), ref


#: The dates' rules compare them with each other: one unreadable date leaves them all to it.
_DATES = ("written_on", "starts_on", "ends_on")
#: A problem's input → the rule reasons' inputs it leaves undecided.
_RELATED = {
    "written_authorization_date": _DATES,
    "start_date": _DATES,
    "starts_on": _DATES,
    "end_date": _DATES,
    "platform": ("account_name",),
}


class _Common(NamedTuple):
    """The checked inputs both kinds of authorization have (``None`` where invalid)."""

    notes: str
    written_on: dt.date | None
    starts_on: dt.date  # today in place of an invalid start (its rules are left out)
    ends_on: dt.date | None
    employee: Employee | None
    agency: Agency | None
    dates_valid: bool


def _common(
    uow: UnitOfWork,
    fields: SupervisionFields | InvestigationFields,
    problems: Problems,
    today: dt.date,
) -> _Common:
    """What every kind asks after its own labels: notes, dates, employee, agency, supervisor.

    Problems are added to ``problems``, not raised: the rules are asked about
    the valid inputs, and everything is reported together (:func:`decided`).
    """
    notes = problems.check(clean_text, fields.notes, "Notes", max_length=NOTE_MAX,
                           required=False, multiline=True, default="")  # fmt: skip
    before = len(problems.found)
    written_on = problems.check(parse_date, fields.written_on, "Written authorization date")
    starts_on = problems.check(_start, fields.starts_on, default=today)
    ends_on = problems.check(parse_date, fields.ends_on, "End date")
    dates_valid = len(problems.found) == before
    employee = agency = None
    if fields.employee_id is None:
        problems.add("Choose the employee authorized.", field="employee")
    else:
        employee = problems.check(_employee, uow, fields.employee_id, "the employee authorized")
        if employee is not None:
            agency = problems.check(_agency_of, uow, employee)
    problems.check(_supervisor, uow, fields.supervisor_id, agency)
    return _Common(notes, written_on, starts_on, ends_on, employee, agency, dates_valid)


@dataclass(frozen=True, slots=True)
class _Supervision:
    fields: SupervisionFields
    role: SupervisionRole
    facts: SupervisionFacts
    agency: Agency | None
    notes: str
    problems: Problems

    def decide(self) -> Decision:
        """The B.2 rules' answer; with input problems, those raised with what the rules
        already refuse on the valid inputs."""
        return decided(decide_supervision(self.facts), self.problems,
                       "The supervision authorization", related=_RELATED)  # fmt: skip


def checked_supervision(
    uow: UnitOfWork, actor: Actor, fields: SupervisionFields, today: dt.date
) -> _Supervision:
    problems = Problems()
    role = problems.check(parse_enum, SupervisionRole, fields.role, "supervision role", "role")
    platform = problems.check(_label, fields.platform, "Platform", default="")
    account = problems.check(_label, fields.account_name, "Account name", default="")
    youth_case = problems.check(_label, fields.youth_case, "Youth case", default="")
    common = _common(uow, fields, problems, today)
    employee = common.employee
    if common.agency is not None:
        require_member(uow, actor, common.agency.id, common.agency.code)
    _status, case = problems.check(_case, uow, actor, fields.case_id, common.agency,
                                   default=(None, None))  # fmt: skip
    key = problems.check(checked_account_key, platform, account)
    holders = []
    if employee is not None and key is not None and common.dates_valid:
        own_last = common.ends_on
        for other, name in uow.session.execute(
            select(Authorization, Employee.full_name)
            .join(Employee, Employee.id == Authorization.employee_id)
            .where(
                Authorization.account_key == key,
                Authorization.kind == K.SUPERVISION.value,
                Authorization.employee_id != employee.id,
            )
            .order_by(Authorization.id)
        ):
            other_last = last_day(other.ends_on, other.revoked_on)
            if other_last is not None and other_last < other.starts_on:
                continue  # revoked before it started: never in force
            if periods_overlap(common.starts_on, own_last, other.starts_on, other_last):
                holders.append(AccountHolder(other.id, name))
    facts = SupervisionFacts(
        employee_id=employee.id if employee is not None else 0,  # 0: no one (never an id)
        supervisor_id=fields.supervisor_id,
        written_on=common.written_on,
        platform=platform,
        account_name=account,
        youth_case=youth_case,
        attests_no_youth_contact=fields.attests_no_youth_contact,
        attests_true_identity=fields.attests_true_identity,
        site_shows_viewers=fields.site_shows_viewers,
        privacy_settings_enabled=fields.privacy_settings_enabled,
        starts_on=common.starts_on,
        ends_on=common.ends_on,
        today=today,
        other_holders=tuple(holders),
        case=case,
    )
    return _Supervision(fields, role, facts, common.agency, common.notes, problems)


@dataclass(frozen=True, slots=True)
class _Investigation:
    fields: InvestigationFields
    facts: InvestigationFacts
    agency: Agency | None
    notes: str
    problems: Problems

    def decide(self) -> Decision:
        """The B.3 rules' answer; with input problems, those raised with what the rules
        already refuse on the valid inputs."""
        return decided(decide_investigation(self.facts), self.problems,
                       "The investigation authorization", related=_RELATED)  # fmt: skip


def checked_investigation(
    uow: UnitOfWork, actor: Actor, fields: InvestigationFields, today: dt.date
) -> _Investigation:
    problems = Problems()
    role = problems.check(parse_enum, InvestigationRole, fields.role, "investigation role", "role",
                          default=InvestigationRole.OTHER)  # fmt: skip
    platform = problems.check(_label, fields.platform, "Platform", default="")
    account = problems.check(_label, fields.account_name, "Account name", default="")
    if fields.case_id is None:
        problems.add("Choose the investigation the account is used for.", field="case")
    common = _common(uow, fields, problems, today)
    if common.agency is not None:
        require_member(uow, actor, common.agency.id, common.agency.code)
    status, case = problems.check(_case, uow, actor, fields.case_id, common.agency,
                                  default=(None, None))  # fmt: skip
    facts = InvestigationFacts(
        employee_id=common.employee.id if common.employee is not None else 0,  # 0: no one
        role=role,
        supervisor_id=fields.supervisor_id,
        written_on=common.written_on,
        platform=platform,
        account_name=account,
        case_open=status is not None and status is not CaseStatus.CLOSED,
        starts_on=common.starts_on,
        ends_on=common.ends_on,
        today=today,
        case=case,
    )
    return _Investigation(fields, facts, common.agency, common.notes, problems)
