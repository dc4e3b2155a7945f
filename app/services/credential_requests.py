"""Credential requests under an agency's rule pack (Arkansas: DHS policy II(G), § 11-2-124).

API (every function takes ``(database, actor, ...)``, checks the permission,
validates, audits in the same transaction and returns frozen dataclasses):

- ``check_request(database, actor, CredentialRequestFields) -> Decision``:
  the rule pack's answer without writing (forms show the reasons).
- ``new_request(database, actor, CredentialRequestFields) -> CredentialRequestInfo``:
  log a request (status ``pending``). A refusal raises
  :class:`~app.domain.authorizations.RuleRefused` listing every reason with
  its citations. An account that is not a personal account (AR I(A)-(D)) is
  recorded as that exclusion (status ``excluded``) instead, when that is the
  only reason.
- ``approve_request(database, actor, request_id, *, note="")`` and
  ``deny_request(database, actor, request_id, *, note)``: by a supervisor who
  is not the requester; approval re-checks the case.
- ``record_credentials_provided(database, actor, request_id, *, provided_by,
  provided_to, provided_at=None)``: that the employee gave the credentials,
  to whom and when: once, not before the approval, not in the future, to a
  user who may use credential records. No password is ever stored.
- ``record_use(database, actor, request_id, *, case_id, purpose) -> CredentialUseInfo``:
  each later use, against the request's case, refused before the credentials
  were recorded as provided, after the case closes, for another case, or for
  inadvertently received credentials.
- ``record_inadvertent(database, actor, InadvertentFields) -> CredentialRequestInfo``:
  credentials received through an agency device or network monitoring
  (status ``inadvertent``): recorded, never usable.
- ``list_requests(database, actor, *, case_id=None, status=None)`` and
  ``get_request(database, actor, request_id)``.
- ``check_demand(database, actor, agency_code, demand) -> Decision``: any
  other demand about a personal account (change privacy settings, list or
  share contacts, add a contact) is refused by the pack.
- ``end_for_closed_case(uow, actor, case_id)``: called by the case workflow
  when a case closes: its pending and approved requests end.

Credential records are confidential: only holders of
``credential_request.view`` see or count them; every read that returns
records is audited; their audit events carry no case id, so the case's
timeline does not reveal them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import Select, select
from sqlalchemy.orm import aliased

from app.db.base import utcnow
from app.db.engine import UnitOfWork
from app.db.models import Agency, Case, CredentialRequest, CredentialUse, Employee, User
from app.domain.actor import Actor
from app.domain.authorizations.credentials import (
    AccountExclusion,
    ApprovalFacts,
    CredentialOrigin,
    CredentialRequestFacts,
    CredentialUseFacts,
    Demand,
    ProvidedFacts,
    ReceiptChannel,
    RequestStatus,
    ViolationKind,
    parse_provided_time,
)
from app.domain.authorizations.decision import Decision, decided
from app.domain.authorizations.ma_dys import parse_enum
from app.domain.authorizations.packs import RulePack, pack_for
from app.domain.cases import CaseStatus
from app.domain.errors import InvalidInput, NotFound, Problems, Refused
from app.domain.permissions import Permission, Role, can
from app.domain.validation import NAME_MAX, NOTE_MAX, clean_text, parse_date
from app.services import audit
from app.services.access import record_visible, require_member, visible_cases
from app.services.authorizations import audit_subject
from app.services.database import Database
from app.services.retry import retried

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


# -- helpers -----------------------------------------------------------------------------


def _label(value: str, label: str, *, required: bool = True) -> str:
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


def _agency_and_case(
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


def _facts(uow: UnitOfWork, actor: Actor, fields: CredentialRequestFields) -> _Proposed:
    """Every input checked (problems collected, not raised) and the facts of the valid ones."""
    problems = Problems()
    platform = problems.check(_label, fields.platform, "Platform", default="")
    account = problems.check(_label, fields.account_name, "Account name", default="")
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
    agency, status = _agency_and_case(
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


def _query(actor: Actor) -> Select[CredentialRequest, str, str, str, str, str, str, str]:
    """Requests with what they show, of the cases and agencies in ``actor``'s scope."""
    # Aliased here, not at import: mapping the models is left to the first query.
    requester, decider, receiver = aliased(User), aliased(User), aliased(User)
    return (
        select(
            CredentialRequest,
            Agency.code,
            Agency.jurisdiction,
            Employee.full_name,
            Case.number,
            requester.username,
            decider.username,
            receiver.username,
        )
        .join(Agency, Agency.id == CredentialRequest.agency_id)
        .join(Employee, Employee.id == CredentialRequest.employee_id)
        .outerjoin(Case, Case.id == CredentialRequest.case_id)
        .join(requester, requester.id == CredentialRequest.requested_by_id)
        .outerjoin(decider, decider.id == CredentialRequest.decided_by_id)
        .outerjoin(receiver, receiver.id == CredentialRequest.provided_to_id)
        .where(record_visible(actor, CredentialRequest.agency_id, CredentialRequest.case_id))
    )


def _uses(uow: UnitOfWork, ids: list[int]) -> dict[int, list[CredentialUseInfo]]:
    found: dict[int, list[CredentialUseInfo]] = {i: [] for i in ids}
    if not ids:
        return found
    rows = uow.session.execute(
        select(CredentialUse, Case.number, User.username)
        .join(Case, Case.id == CredentialUse.case_id)
        .join(User, User.id == CredentialUse.used_by_id)
        .where(CredentialUse.request_id.in_(ids))
        .order_by(CredentialUse.used_at, CredentialUse.id)
    )
    for use, number, username in rows:
        found[use.request_id].append(
            CredentialUseInfo(
                use.id, use.request_id, use.case_id, number, use.purpose, use.used_at, username
            )
        )
    return found


def _infos(uow: UnitOfWork, rows: Iterable[tuple[object, ...]]) -> list[CredentialRequestInfo]:
    rows = list(rows)
    uses = _uses(uow, [r[0].id for r in rows])  # type: ignore[attr-defined]
    infos = []
    for raw in rows:
        row, agency, jurisdiction, employee, number, requester, decider, receiver = raw
        assert isinstance(row, CredentialRequest)
        pack = pack_for(str(jurisdiction))
        exclusion = AccountExclusion(row.account_exclusion)
        infos.append(
            CredentialRequestInfo(
                id=row.id,
                origin=CredentialOrigin(row.origin),
                status=RequestStatus(row.status),
                agency_code=str(agency),
                case_id=row.case_id,
                case_number=str(number) if number else None,
                employee_id=row.employee_id,
                employee_name=str(employee),
                platform=row.platform,
                account_name=row.account_name,
                office=row.office,
                office_label=pack.offices.get(row.office, row.office),
                violation_kind=ViolationKind(row.violation_kind) if row.violation_kind else None,
                violation_provision=row.violation_provision,
                justification=row.justification,
                account_exclusion=exclusion,
                exclusion_citations=pack.exclusion_citations(exclusion),
                received_via=ReceiptChannel(row.received_via) if row.received_via else None,
                received_on=row.received_on,
                description=row.description,
                requested_by=str(requester),
                requested_at=row.requested_at,
                decided_by=str(decider) if decider else None,
                decided_at=row.decided_at,
                decision_note=row.decision_note,
                provided_by=row.provided_by,
                provided_to=str(receiver) if receiver else None,
                provided_at=row.provided_at,
                ended_at=row.ended_at,
                ended_reason=row.ended_reason,
                uses=tuple(uses.get(row.id, ())),
            )
        )
    return infos


def _load(uow: UnitOfWork, actor: Actor, request_id: int) -> CredentialRequestInfo:
    row = uow.session.execute(_query(actor).where(CredentialRequest.id == request_id)).one_or_none()
    if row is None:
        raise NotFound(
            f"There is no credential request {request_id}; see 'casedesk credential-request list'."
        )
    return _infos(uow, [tuple(row)])[0]


def _locked(uow: UnitOfWork, actor: Actor, request_id: int) -> CredentialRequest:
    row = uow.session.scalar(
        select(CredentialRequest)
        .where(
            CredentialRequest.id == request_id,
            record_visible(actor, CredentialRequest.agency_id, CredentialRequest.case_id),
        )
        .with_for_update()
    )
    if row is None:
        raise NotFound(
            f"There is no credential request {request_id}; see 'casedesk credential-request list'."
        )
    return row


def _audit(
    uow: UnitOfWork, actor: Actor, action: str, row: CredentialRequest, **details: object
) -> None:
    # No case id: the case timeline must not reveal a confidential credential record.
    audit.record(
        uow, actor, action, entity_type="credential_request", entity_id=row.id,
        details={"status": row.status, **details},
    )  # fmt: skip


@retried
def _audit_views(database: Database, actor: Actor, infos: list[CredentialRequestInfo]) -> None:
    if not infos:
        return
    ids = [i.id for i in infos]
    with database.unit_of_work(write=True) as uow:
        audit.record(
            uow, actor, "credential_request.view", entity_type="credential_request",
            entity_id=audit_subject(ids), details={"ids": ids},
        )  # fmt: skip
        uow.commit()


# -- reading -----------------------------------------------------------------------------


def list_requests(
    database: Database,
    actor: Actor,
    *,
    case_id: int | None = None,
    status: RequestStatus | str | None = None,
) -> list[CredentialRequestInfo]:
    """Credential records, newest first, optionally of one case or in one status (audited)."""
    actor.require(Permission.CREDENTIAL_REQUEST_VIEW)
    query = _query(actor).order_by(
        CredentialRequest.requested_at.desc(), CredentialRequest.id.desc()
    )
    if case_id is not None:
        query = query.where(CredentialRequest.case_id == case_id)
    if status not in (None, ""):
        wanted = parse_enum(RequestStatus, str(status), "request status", "status")
        query = query.where(CredentialRequest.status == wanted.value)
    with database.unit_of_work() as uow:
        infos = _infos(uow, [tuple(r) for r in uow.session.execute(query)])
    _audit_views(database, actor, infos)
    return infos


def get_request(database: Database, actor: Actor, request_id: int) -> CredentialRequestInfo:
    """One credential record (audited)."""
    actor.require(Permission.CREDENTIAL_REQUEST_VIEW)
    with database.unit_of_work() as uow:
        info = _load(uow, actor, request_id)
    _audit_views(database, actor, [info])
    return info


# -- requests ----------------------------------------------------------------------------


def check_request(database: Database, actor: Actor, fields: CredentialRequestFields) -> Decision:
    """The rule pack's answer on ``fields``, without logging anything."""
    actor.require(Permission.CREDENTIAL_REQUEST_CREATE)
    with database.unit_of_work() as uow:
        return _facts(uow, actor, fields).decide("The credential request")


def check_demand(
    database: Database, actor: Actor, agency_code: str, demand: Demand | str
) -> Decision:
    """The pack's answer on a demand besides credentials (a refusal where the law bars it)."""
    actor.require(Permission.CREDENTIAL_REQUEST_CREATE)
    wanted = parse_enum(Demand, demand, "demand", "demand")
    with database.unit_of_work() as uow:
        agency = uow.session.scalar(select(Agency).where(Agency.code == agency_code.upper()))
        if agency is None:
            raise NotFound(f"There is no agency {agency_code}; see 'casedesk catalog agencies'.")
        pack = pack_for(agency.jurisdiction)
    return pack.decide_demand(wanted)


@retried
def new_request(
    database: Database, actor: Actor, fields: CredentialRequestFields
) -> CredentialRequestInfo:
    """Log a credential request (pending approval), or the account's exclusion, or refuse."""
    actor.require(Permission.CREDENTIAL_REQUEST_CREATE)
    with database.unit_of_work(write=True) as uow:
        proposed = _facts(uow, actor, fields)
        decision = proposed.decide("The credential request")
        excluded = not decision.allowed and decision.codes == {"not_personal_account"}
        if not excluded:
            decision.raise_if_refused("The credential request")
        facts, agency = proposed.facts, proposed.agency
        assert agency is not None and fields.employee_id is not None
        row = CredentialRequest(
            agency_id=agency.id,
            origin=CredentialOrigin.REQUEST.value,
            status=(S.EXCLUDED if excluded else S.PENDING).value,
            case_id=fields.case_id,
            employee_id=fields.employee_id,
            platform=proposed.platform,
            account_name=proposed.account,
            office=facts.office,
            violation_kind=facts.violation_kind.value if facts.violation_kind else None,
            violation_provision=facts.violation_provision,
            justification=facts.justification,
            account_exclusion=facts.account_exclusion.value,
            requested_by_id=actor.user_id,
        )
        uow.session.add(row)
        uow.session.flush()
        _audit(
            uow, actor, "credential_request.exclude" if excluded else "credential_request.new",
            row, citations=list(decision.citations if excluded else decision.basis),
        )  # fmt: skip
        uow.commit()
        return _load(uow, actor, row.id)


def _pending(row: CredentialRequest) -> None:
    if row.status != S.PENDING.value:
        raise Refused(
            f"Credential request {row.id} is {row.status}; only a pending request can be "
            "approved or denied."
        )


@retried
def approve_request(
    database: Database, actor: Actor, request_id: int, *, note: str = ""
) -> CredentialRequestInfo:
    """Approve a pending request: not by its requester, and only while the case still qualifies."""
    actor.require(Permission.CREDENTIAL_REQUEST_APPROVE)
    note = clean_text(note, "Note", max_length=NOTE_MAX, required=False, multiline=True)
    with database.unit_of_work(write=True) as uow:
        row = _locked(uow, actor, request_id)
        _pending(row)
        fields = CredentialRequestFields(
            case_id=row.case_id,
            employee_id=row.employee_id,
            platform=row.platform,
            account_name=row.account_name,
            office=row.office,
            violation_kind=row.violation_kind,
            violation_provision=row.violation_provision,
            justification=row.justification,
            account_exclusion=row.account_exclusion,
        )
        proposed = _facts(uow, actor, fields)
        proposed.decide(f"Approval of credential request {row.id}")  # the stored inputs hold
        assert proposed.pack is not None
        decision = proposed.pack.decide_approval(
            ApprovalFacts(S(row.status), row.requested_by_id, actor.user_id, proposed.facts)
        )
        decision.raise_if_refused(f"Approval of credential request {row.id}")
        row.status = S.APPROVED.value
        row.decided_by_id = actor.user_id
        row.decided_at = utcnow()
        row.decision_note = note
        _audit(uow, actor, "credential_request.approve", row, citations=list(decision.basis))
        uow.commit()
        return _load(uow, actor, row.id)


@retried
def deny_request(
    database: Database, actor: Actor, request_id: int, *, note: str
) -> CredentialRequestInfo:
    """Deny a pending request, saying why."""
    actor.require(Permission.CREDENTIAL_REQUEST_APPROVE)
    note = clean_text(note, "Reason for the denial", max_length=NOTE_MAX, multiline=True)
    with database.unit_of_work(write=True) as uow:
        row = _locked(uow, actor, request_id)
        _pending(row)
        row.status = S.DENIED.value
        row.decided_by_id = actor.user_id
        row.decided_at = utcnow()
        row.decision_note = note
        _audit(uow, actor, "credential_request.deny", row)
        uow.commit()
        return _load(uow, actor, row.id)


@retried
def record_credentials_provided(
    database: Database,
    actor: Actor,
    request_id: int,
    *,
    provided_by: str,
    provided_to: str,
    provided_at: dt.datetime | str | None = None,
) -> CredentialRequestInfo:
    """Record that the employee provided the credentials: by whom, to which user, when.

    The credentials themselves are never given to Casedesk.
    """
    actor.require(Permission.CREDENTIAL_USE_RECORD)
    giver = clean_text(provided_by, "Provided by", max_length=NAME_MAX)
    when = parse_provided_time(provided_at)
    moment = when or utcnow()
    with database.unit_of_work(write=True) as uow:
        row = _locked(uow, actor, request_id)
        receiver = uow.session.scalar(select(User).where(User.username == provided_to.strip()))
        if receiver is None:
            raise NotFound(f"There is no user {provided_to!r}; see 'casedesk user list'.")
        roles = [Role(r.role) for r in receiver.roles]
        recorded = ""
        if row.provided_at is not None:
            earlier = uow.session.get(User, row.provided_to_id) if row.provided_to_id else None
            recorded = (
                f"by {row.provided_by} to {earlier.username if earlier else 'an unknown user'} "
                f"at {row.provided_at:%Y-%m-%d %H:%M} UTC"
            )
        pack = pack_for(_jurisdiction(uow, row))
        pack.decide_provided(
            ProvidedFacts(
                request_id=row.id,
                status=S(row.status),
                approved_at=row.decided_at if row.status == S.APPROVED.value else None,
                provided_at=moment,
                recorded=recorded,
                recipient=receiver.username,
                recipient_may_use=can(roles, Permission.CREDENTIAL_USE_RECORD)
                and can(roles, Permission.CREDENTIAL_REQUEST_VIEW),
                recipient_active=receiver.is_active,
            )
        ).raise_if_refused(f"Recording the credentials of request {row.id} as provided")
        row.provided_by = giver
        row.provided_to_id = receiver.id
        row.provided_at = moment
        _audit(
            uow, actor, "credential_request.provided", row, provided_by=giver,
            provided_to=receiver.username, provided_at=moment.isoformat(),
        )  # fmt: skip
        uow.commit()
        return _load(uow, actor, row.id)


def _jurisdiction(uow: UnitOfWork, row: CredentialRequest) -> str:
    return str(uow.session.scalar(select(Agency.jurisdiction).where(Agency.id == row.agency_id)))


@retried
def record_use(
    database: Database, actor: Actor, request_id: int, *, case_id: int, purpose: str
) -> CredentialUseInfo:
    """Record one use of the credentials for ``case_id``; refused unless the rules allow it."""
    actor.require(Permission.CREDENTIAL_USE_RECORD)
    purpose = clean_text(purpose, "Purpose", max_length=NOTE_MAX, required=False, multiline=True)
    with database.unit_of_work(write=True) as uow:
        row = _locked(uow, actor, request_id)
        use_case = uow.session.execute(
            select(Case.id, Case.number).where(Case.id == case_id, visible_cases(actor))
        ).one_or_none()
        if use_case is None:
            raise NotFound(f"There is no case {case_id}; see 'casedesk case list'.")
        status = None
        if row.case_id is not None:
            status = CaseStatus(
                uow.session.scalar(select(Case.status).where(Case.id == row.case_id)) or ""
            )
        pack = pack_for(_jurisdiction(uow, row))
        decision = pack.decide_use(
            CredentialUseFacts(
                origin=CredentialOrigin(row.origin),
                status=S(row.status),
                request_case_id=row.case_id,
                use_case_id=case_id,
                case_status=status,
                purpose=purpose,
                credentials_provided=row.provided_at is not None,
            )
        )
        decision.raise_if_refused(f"Using the credentials of request {row.id}")
        use = CredentialUse(
            request_id=row.id, case_id=case_id, purpose=purpose, used_by_id=actor.user_id
        )
        uow.session.add(use)
        uow.session.flush()
        _audit(uow, actor, "credential_request.use", row, use_id=use.id)
        uow.commit()
        return CredentialUseInfo(
            use.id, row.id, case_id, use_case.number, purpose, use.used_at, actor.username
        )


@retried
def record_inadvertent(
    database: Database, actor: Actor, fields: InadvertentFields
) -> CredentialRequestInfo:
    """Record credentials received inadvertently (AR II(H)): kept on record, never usable."""
    actor.require(Permission.CREDENTIAL_USE_RECORD)
    problems = Problems()
    via = problems.check(
        parse_enum, ReceiptChannel, fields.received_via, "way of receipt", "received_via"
    )
    platform = problems.check(_label, fields.platform, "Platform", default="")
    account = problems.check(_label, fields.account_name, "Account name", default="")
    description = problems.check(
        clean_text, fields.description, "Description",
        max_length=NOTE_MAX, required=False, multiline=True, default="",
    )  # fmt: skip
    received_on = problems.check(_received_on, fields.received_on)
    with database.unit_of_work(write=True) as uow:
        agency, _status = _agency_and_case(uow, actor, problems, fields.employee_id, fields.case_id)
        problems.raise_any()
        assert agency is not None and via is not None and received_on is not None
        pack_for(agency.jurisdiction)  # refused where the agency's state has no rules
        row = CredentialRequest(
            agency_id=agency.id,
            origin=CredentialOrigin.INADVERTENT.value,
            status=S.INADVERTENT.value,
            case_id=fields.case_id,
            employee_id=fields.employee_id,
            platform=platform,
            account_name=account,
            received_via=via.value,
            received_on=received_on,
            description=description,
            requested_by_id=actor.user_id,
        )
        uow.session.add(row)
        uow.session.flush()
        _audit(uow, actor, "credential_request.inadvertent", row, received_via=via.value)
        uow.commit()
        return _load(uow, actor, row.id)


def _received_on(value: dt.date | str | None) -> dt.date:
    received_on = parse_date(value, "Date received")
    if received_on is None:
        raise InvalidInput("Date received is required (YYYY-MM-DD).", field="received_on")
    if received_on > dt.date.today():
        raise InvalidInput(f"Date received {received_on} is in the future.", field="received_on")
    return received_on


def end_for_closed_case(uow: UnitOfWork, actor: Actor, case_id: int) -> int:
    """Mark the pending and approved requests of a closing case ended; returns how many.

    Called inside the case workflow's own transaction, so the case closes and
    its credentials stop being usable together.
    """
    rows = uow.session.scalars(
        select(CredentialRequest)
        .where(
            CredentialRequest.case_id == case_id,
            CredentialRequest.status.in_((S.PENDING.value, S.APPROVED.value)),
        )
        .with_for_update()
    ).all()
    for row in rows:
        row.status = S.ENDED.value
        row.ended_at = utcnow()
        row.ended_reason = "The case was closed."
        _audit(uow, actor, "credential_request.end", row)
    return len(rows)


# -- for evidence intake -----------------------------------------------------------------


def request_covering(uow: UnitOfWork, request_id: int, case_id: int) -> RequestStatus:
    """The status of request ``request_id`` if it belongs to ``case_id``; NotFound otherwise."""
    row = uow.session.get(CredentialRequest, request_id)
    if row is None or row.case_id != case_id:
        raise NotFound(f"Case {case_id} has no credential request {request_id}.")
    return RequestStatus(row.status)
