"""Allegations against the provisions of the agency's policy, and the findings on them."""

from __future__ import annotations

from app.db.base import utcnow
from app.db.models import (
    Allegation,
)
from app.domain.actor import Actor
from app.domain.cases import (
    CaseStatus,
    Finding,
)
from app.domain.charging import (
    ProvisionKind,
    check_chargeable,
    check_in_force,
)
from app.domain.errors import InvalidInput, NotFound, Refused
from app.domain.permissions import Permission
from app.domain.validation import (
    NOTE_MAX,
    REASONING_MAX,
    clean_text,
)
from app.services import audit
from app.services.cases.editing import jsonable
from app.services.cases.reading import AllegationInfo, as_detail, load_detailed, sees_case, touch
from app.services.catalog import find_provision
from app.services.database import Database
from app.services.retry import retried

#: Statuses in which allegations may still be added or removed.
_ALLEGATION_STATUSES = {CaseStatus.INTAKE, CaseStatus.INVESTIGATING, CaseStatus.REOPENED}
#: Statuses in which findings may be recorded.
_FINDING_STATUSES = {CaseStatus.INVESTIGATING, CaseStatus.FINDINGS, CaseStatus.REOPENED}


@retried
def add_allegation(
    database: Database,
    actor: Actor,
    case_id: int,
    cited: str,
    *,
    employee_id: int | None = None,
    summary: str = "",
    policy_in_force_confirmed: bool = False,
) -> AllegationInfo:
    """Allege that the conduct violated the provision cited as ``"<policy> <ref>"``.

    Only a provision that prohibits or requires conduct can be cited
    (:class:`~app.domain.charging.NotChargeable` otherwise). A policy whose
    sunset date is before the conduct needs ``policy_in_force_confirmed``
    (:class:`~app.domain.charging.PolicyPastSunset` otherwise); the
    confirmation is recorded in the ``allegation.add`` audit event.
    """
    actor.require(Permission.ALLEGATION_EDIT)
    summary = clean_text(summary, "Allegation summary", max_length=NOTE_MAX, required=False,
                         multiline=True)  # fmt: skip
    with database.unit_of_work(write=True) as uow:
        row = load_detailed(uow, actor, case_id)
        status = CaseStatus(row.status)
        if status not in _ALLEGATION_STATUSES:
            raise Refused(
                f"Allegations can be added while a case is in intake, investigation or "
                f"reopened; {row.number} is in {status.label}."
            )
        provision = find_provision(uow, cited)
        if provision.policy.agency_id != row.agency_id:
            raise InvalidInput(
                f"{provision.policy.code} {provision.ref} is a provision of "
                f"{provision.policy.agency.name}'s policy, but {row.number} is a case of "
                f"{row.agency.name}; cite one of its policies (see 'casedesk policy list').",
                field="provision",
            )
        policy = provision.policy
        cite = f"{policy.code} {provision.ref}"
        check_chargeable(
            cite,
            ProvisionKind(provision.kind) if provision.kind else None,
            tuple(provision.charge_instead or ()),
            policy.code,
        )
        confirmed = check_in_force(
            cite,
            f"{policy.code} ({policy.document_number or policy.title})",
            policy.sunset,
            row.conduct_from,
            row.conduct_to,
            row.reported_on,
            confirmed=policy_in_force_confirmed,
        )
        subject_ids = {e.id for e in row.subjects}
        if employee_id is None and len(subject_ids) == 1:
            employee_id = next(iter(subject_ids))
        if employee_id is not None and employee_id not in subject_ids:
            raise InvalidInput(
                f"Employee {employee_id} is not a subject of {row.number}; add them to the "
                "case first.",
                field="employee",
            )
        for existing in row.allegations:
            if existing.provision_id == provision.id and existing.employee_id == employee_id:
                raise InvalidInput(
                    f"{row.number} already has an allegation under "
                    f"{provision.policy.code} {provision.ref} for this employee.",
                    field="provision",
                )
        allegation = Allegation(
            case=row,
            provision=provision,
            employee_id=employee_id,
            summary=summary,
            finding=Finding.PENDING.value,
            created_by_id=actor.user_id,
        )
        uow.session.add(allegation)
        touch(row, actor)
        uow.session.flush()
        details: dict[str, object] = {"provision": cite, "employee_id": employee_id}
        if confirmed:
            assert policy.sunset is not None
            details["policy_in_force_confirmed"] = {
                "sunset": policy.sunset.isoformat(),
                "conduct_from": jsonable(row.conduct_from),
                "conduct_to": jsonable(row.conduct_to),
                "reported_on": row.reported_on.isoformat(),
            }
        audit.record(
            uow, actor, "allegation.add", entity_type="allegation", entity_id=allegation.id,
            case_id=row.id, details=details,
        )  # fmt: skip
        uow.commit()
        return next(a for a in as_detail(load_detailed(uow, actor, row.id), actor).allegations
                    if a.id == allegation.id)  # fmt: skip


@retried
def remove_allegation(database: Database, actor: Actor, allegation_id: int) -> None:
    """Withdraw an allegation that has no finding yet."""
    actor.require(Permission.ALLEGATION_EDIT)
    with database.unit_of_work(write=True) as uow:
        allegation = uow.session.get(Allegation, allegation_id)
        if allegation is None or not sees_case(uow, actor, allegation.case_id):
            raise NotFound(f"There is no allegation {allegation_id}.")
        row = load_detailed(uow, actor, allegation.case_id)
        if CaseStatus(row.status) not in _ALLEGATION_STATUSES:
            raise Refused(f"Allegations of {row.number} can no longer be withdrawn.")
        if allegation.finding != Finding.PENDING.value:
            raise Refused("An allegation with a finding cannot be withdrawn.")
        cite = f"{allegation.provision.policy.code} {allegation.provision.ref}"
        uow.session.delete(allegation)
        touch(row, actor)
        audit.record(
            uow, actor, "allegation.remove", entity_type="allegation", entity_id=allegation_id,
            case_id=row.id, details={"provision": cite},
        )  # fmt: skip
        uow.commit()


@retried
def record_finding(
    database: Database, actor: Actor, allegation_id: int, finding: Finding, reasoning: str
) -> AllegationInfo:
    """Record the finding on one allegation, with its reasoning.

    While a discipline decision in force rests on the allegation, its finding
    stays substantiated: HR withdraws the decision or revises its grounds first.
    """
    actor.require(Permission.FINDING_RECORD)
    reasoning = clean_text(
        reasoning, "Reasoning", max_length=REASONING_MAX,
        required=finding is not Finding.PENDING, multiline=True,
    )  # fmt: skip
    with database.unit_of_work(write=True) as uow:
        allegation = uow.session.get(Allegation, allegation_id)
        if allegation is None or not sees_case(uow, actor, allegation.case_id):
            raise NotFound(f"There is no allegation {allegation_id}.")
        row = load_detailed(uow, actor, allegation.case_id)
        status = CaseStatus(row.status)
        if status not in _FINDING_STATUSES:
            raise Refused(
                f"Findings are recorded while a case is under investigation or in findings; "
                f"{row.number} is in {status.label}."
            )
        # Imported here: discipline's law (holiday calendars) and evidence (Pillow)
        # are not needed to list or open cases.
        from app.domain.discipline import check_finding_change
        from app.services import discipline

        # A decision in force rests on substantiated allegations only (also when reopened).
        check_finding_change(
            f"{allegation.provision.policy.code} {allegation.provision.ref}",
            finding,
            discipline.decisions_resting_on(uow, allegation.id),
        )
        before = allegation.finding
        allegation.finding = finding.value
        allegation.reasoning = reasoning
        allegation.finding_at = utcnow()
        allegation.finding_by_id = actor.user_id
        touch(row, actor)
        uow.session.flush()
        from app.services.dashboard.facts import note_findings

        note_findings(uow, row)
        audit.record(
            uow, actor, "allegation.finding", entity_type="allegation", entity_id=allegation.id,
            case_id=row.id, details={"before": before, "after": finding.value},
        )  # fmt: skip
        uow.commit()
        return next(a for a in as_detail(load_detailed(uow, actor, row.id), actor).allegations
                    if a.id == allegation.id)  # fmt: skip
