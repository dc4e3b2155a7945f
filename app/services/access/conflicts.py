"""Conflicts of interest: a user who is a subject, reporter or witness of a case.

Such a user does not see the case (and so cannot act on it) and cannot be
assigned to it, unless a supervisor allowed it for that case with a reason
(``conflict_allowances``, audited as ``case.allow_conflict``). A subject is
known through the link of an employee to their user account
(:func:`link_employee_user`); a reporter or witness through
``case_involvements``.
"""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import Select, select, union

from app.db.base import utcnow
from app.db.engine import UnitOfWork
from app.db.models import (
    Case,
    CaseInvolvement,
    CaseSubject,
    ConflictAllowance,
    Employee,
    User,
)
from app.domain.actor import Actor
from app.domain.errors import InvalidInput, NotFound, Refused
from app.domain.permissions import Permission
from app.domain.validation import NOTE_MAX, clean_text
from app.services import audit
from app.services.database import Database
from app.services.retry import retried


@lru_cache(maxsize=64)
def _involved_case_ids(user_id: int) -> Select[int]:
    """The statement for one user, built once: a statement is immutable and holds no
    data (involvements and allowances are read by every query that uses it), and
    every case query of a session (seven in one load of Home) adds it."""
    subject = (
        select(CaseSubject.case_id)
        .join(Employee, Employee.id == CaseSubject.employee_id)
        .where(Employee.user_id == user_id)
    )
    party = select(CaseInvolvement.case_id).where(CaseInvolvement.user_id == user_id)
    allowed = select(ConflictAllowance.case_id).where(ConflictAllowance.user_id == user_id)
    involved = union(subject, party).subquery()
    return select(involved.c.case_id).where(involved.c.case_id.not_in(allowed))


def conflicted_case_ids(user_id: int) -> Select[int]:
    """The ids of the cases ``user_id`` is involved in and not allowed to work on."""
    return _involved_case_ids(user_id)


def subject_user_ids(uow: UnitOfWork, case_id: int) -> set[int]:
    """The user accounts of a case's subject employees."""
    return set(
        uow.session.scalars(
            select(Employee.user_id)
            .join(CaseSubject, CaseSubject.employee_id == Employee.id)
            .where(CaseSubject.case_id == case_id, Employee.user_id.is_not(None))
        )
    )


def is_conflicted(uow: UnitOfWork, case_id: int, user_id: int) -> bool:
    """Whether ``user_id`` has an unallowed conflict of interest in case ``case_id``."""
    found = uow.session.scalar(
        select(Case.id).where(Case.id == case_id, Case.id.in_(conflicted_case_ids(user_id)))
    )
    return found is not None


def check_assignable(
    uow: UnitOfWork, case_id: int | None, user: User, subject_ids: tuple[int, ...] = ()
) -> None:
    """Refuse to assign ``user`` to a case they are a subject, reporter or witness of."""
    if subject_ids and uow.session.scalar(
        select(Employee.id).where(Employee.id.in_(subject_ids), Employee.user_id == user.id)
    ):
        if case_id is None or not _allowed(uow, case_id, user.id):
            raise Refused(
                f"{user.full_name} is a subject of this case and cannot be assigned to it "
                "(conflict of interest); a supervisor may allow it with a reason "
                "('casedesk case allow-conflict')."
            )
    if case_id is not None and is_conflicted(uow, case_id, user.id):
        raise Refused(
            f"{user.full_name} is a subject, reporter or witness of this case and cannot be "
            "assigned to it (conflict of interest); a supervisor may allow it with a reason "
            "('casedesk case allow-conflict')."
        )


def _allowed(uow: UnitOfWork, case_id: int, user_id: int) -> bool:
    return uow.session.get(ConflictAllowance, (case_id, user_id)) is not None


def _user(uow: UnitOfWork, username: str) -> User:
    user = uow.session.scalar(select(User).where(User.username == username.strip().lower()))
    if user is None:
        raise NotFound(f"There is no user {username!r}; see 'casedesk user list'.")
    return user


@retried
def allow_conflict(
    database: Database, actor: Actor, case_id: int, username: str, reason: str
) -> None:
    """Allow a conflicted user to see and work on one case, with the reason (audited)."""
    from app.services.access.scope import require_visible_case

    actor.require(Permission.CONFLICT_ALLOW)
    reason = clean_text(reason, "Reason", max_length=NOTE_MAX, multiline=True)
    with database.unit_of_work(write=True) as uow:
        audit.lock_cases(uow, [case_id])
        require_visible_case(uow, actor, case_id)
        user = _user(uow, username)
        if _allowed(uow, case_id, user.id):
            raise InvalidInput(f"{user.username} is already allowed on this case.")
        uow.session.add(
            ConflictAllowance(
                case_id=case_id, user_id=user.id, reason=reason, allowed_by_id=actor.user_id,
                allowed_at=utcnow(),
            )
        )  # fmt: skip
        uow.session.flush()
        audit.record(
            uow, actor, "case.allow_conflict", entity_type="case", entity_id=case_id,
            case_id=case_id, details={"user": user.username, "reason": reason},
        )  # fmt: skip
        uow.commit()


@retried
def link_employee_user(
    database: Database, actor: Actor, employee_id: int, username: str | None
) -> None:
    """Record that an employee and a user account are the same person (``None`` unlinks).

    The link is what keeps a user out of the cases about them (a conflict of
    interest), so no one changes the link of their own account: unlinking
    themselves (or linking their employee record to another account) would
    lift their own conflict. Another user with the permission does it,
    audited. Staff of an agency the actor is not a member of are as unknown.
    """
    from app.services.access.scope import employees_visible

    actor.require(Permission.EMPLOYEE_MANAGE)
    with database.unit_of_work(write=True) as uow:
        employee = uow.session.scalar(
            select(Employee).where(Employee.id == employee_id, employees_visible(actor))
        )
        if employee is None:
            raise NotFound(f"There is no employee {employee_id}; see 'casedesk employee list'.")
        user = _user(uow, username) if username else None
        if actor.user_id in (employee.user_id, user.id if user else None):
            raise Refused(
                "No one changes the link between their own account and an employee record: "
                "the link keeps them out of the cases about them (a conflict of interest). "
                "Ask another user who manages employees."
            )
        if user is not None:
            taken = uow.session.scalar(
                select(Employee.id).where(Employee.user_id == user.id, Employee.id != employee.id)
            )
            if taken is not None:
                raise InvalidInput(
                    f"{user.username} is already linked to employee {taken}; unlink that first.",
                    field="user",
                )
        before = employee.user_id
        employee.user_id = user.id if user else None
        uow.session.flush()
        audit.record(
            uow, actor, "employee.link_user", entity_type="employee", entity_id=employee.id,
            details={"before": before, "after": employee.user_id},
        )  # fmt: skip
        uow.commit()


#: What a user can be in a case besides its subject, each a conflict of interest.
INVOLVEMENT_KINDS = ("reporter", "witness")


@retried
def record_involvement(
    database: Database, actor: Actor, case_id: int, username: str, kind: str
) -> None:
    """Record that a user is the reporter or a witness of a case (audited).

    From then on they do not see the case and cannot be assigned to it,
    unless a supervisor allows it (:func:`allow_conflict`).
    """
    from app.services.access.scope import require_visible_case

    actor.require(Permission.CASE_EDIT)
    kind = kind.strip().lower()
    if kind not in INVOLVEMENT_KINDS:
        raise InvalidInput(
            f"{kind!r} is not an involvement; use one of: {', '.join(INVOLVEMENT_KINDS)}.",
            field="kind",
        )
    with database.unit_of_work(write=True) as uow:
        audit.lock_cases(uow, [case_id])
        require_visible_case(uow, actor, case_id)
        user = _user(uow, username)
        if uow.session.get(CaseInvolvement, (case_id, user.id, kind)) is None:
            uow.session.add(
                CaseInvolvement(
                    case_id=case_id,
                    user_id=user.id,
                    kind=kind,
                    recorded_by_id=actor.user_id,
                    recorded_at=utcnow(),
                )  # fmt: skip
            )
            uow.session.flush()
            audit.record(
                uow, actor, "case.involvement", entity_type="case", entity_id=case_id,
                case_id=case_id, details={"user": user.username, "kind": kind},
            )  # fmt: skip
        uow.commit()
