"""Restricted cases: only the users on the case's access list see it.

An investigator or supervisor who sees the case marks it restricted and names
who may see it; the one who restricts it and the assigned investigator are
always on the list, so nobody locks themselves out. A subject employee's own
user account can never be on it. Every change of the list is audited
(``case.restrict`` / ``case.unrestrict`` with the list before and after), and
every view of a restricted case's content is audited by the service that
shows it (:func:`audit_restricted_view`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, select

from app.db.base import utcnow
from app.db.engine import UnitOfWork
from app.db.models import Case, CaseAccess, User, UserAgency
from app.domain.actor import Actor
from app.domain.errors import InvalidInput, NotFound, Refused
from app.domain.permissions import Permission
from app.services import audit
from app.services.access.conflicts import subject_user_ids
from app.services.access.scope import visible_cases
from app.services.database import Database
from app.services.retry import retried


@dataclass(frozen=True, slots=True)
class AccessList:
    """Whether a case is restricted, and who is on its access list (user names)."""

    case_id: int
    restricted: bool
    usernames: tuple[str, ...]


def _listed(uow: UnitOfWork, case_id: int) -> tuple[str, ...]:
    return tuple(
        uow.session.scalars(
            select(User.username)
            .join(CaseAccess, CaseAccess.user_id == User.id)
            .where(CaseAccess.case_id == case_id)
            .order_by(User.username)
        )
    )


def _case(uow: UnitOfWork, actor: Actor, case_id: int) -> Case:
    if uow.write:
        audit.lock_cases(uow, [case_id])
    row = uow.session.scalar(select(Case).where(Case.id == case_id, visible_cases(actor)))
    if row is None:
        raise NotFound(f"There is no case {case_id}; see 'casedesk case list'.")
    return row


def access_list(database: Database, actor: Actor, case_id: int) -> AccessList:
    """The case's restriction and access list, for a user who sees the case."""
    actor.require(Permission.CASE_VIEW)
    with database.unit_of_work() as uow:
        row = _case(uow, actor, case_id)
        return AccessList(row.id, row.restricted, _listed(uow, row.id) if row.restricted else ())


def check_allowed_users(
    uow: UnitOfWork, case_id: int | None, agency_id: int, usernames: Iterable[str],
    subject_ids: Iterable[int] = (),
) -> list[User]:  # fmt: skip
    """The users named, each checked: exists, belongs to the agency, is not a subject."""
    from app.db.models import Employee

    subjects = set(subject_user_ids(uow, case_id)) if case_id is not None else set()
    wanted = list(subject_ids)
    if wanted:
        subjects |= set(
            uow.session.scalars(
                select(Employee.user_id).where(
                    Employee.id.in_(wanted), Employee.user_id.is_not(None)
                )
            )
        )
    users: list[User] = []
    for name in dict.fromkeys(n.strip().lower() for n in usernames if n.strip()):
        user = uow.session.scalar(select(User).where(User.username == name))
        if user is None:
            raise InvalidInput(
                f"There is no user {name!r} to list; see 'casedesk user list'.", field="access"
            )
        member = uow.session.get(UserAgency, (user.id, agency_id))
        if member is None:
            raise InvalidInput(
                f"{name} does not belong to the case's agency and cannot be listed; "
                "an administrator adds the agency first ('casedesk user agencies').",
                field="access",
            )
        if user.id in subjects:
            raise Refused(
                f"{name} is the user account of a subject of the case and can never be on "
                "its access list."
            )
        users.append(user)
    return users


def write_access_list(
    uow: UnitOfWork, actor: Actor, row: Case, users: list[User], *, action: str
) -> AccessList:
    """Replace the case's access list (in the caller's transaction) and audit the change."""
    before = _listed(uow, row.id) if row.restricted else ()
    always = [actor.user_id] + ([row.investigator_id] if row.investigator_id else [])
    ids = dict.fromkeys([*always, *(u.id for u in users)])
    uow.session.execute(delete(CaseAccess).where(CaseAccess.case_id == row.id))
    for user_id in ids:
        uow.session.add(
            CaseAccess(
                case_id=row.id, user_id=user_id, added_by_id=actor.user_id, added_at=utcnow()
            )  # fmt: skip
        )
    row.restricted = True
    uow.session.flush()
    after = _listed(uow, row.id)
    audit.record(
        uow, actor, action, entity_type="case", entity_id=row.id, case_id=row.id,
        details={"before": list(before), "after": list(after)},
    )  # fmt: skip
    return AccessList(row.id, True, after)


@retried
def set_restriction(
    database: Database,
    actor: Actor,
    case_id: int,
    *,
    restricted: bool,
    allow: Iterable[str] = (),
) -> AccessList:
    """Restrict a case to the users named (plus the actor and its investigator), or lift it."""
    actor.require(Permission.CASE_ACCESS_MANAGE)
    names = list(allow)
    with database.unit_of_work(write=True) as uow:
        row = _case(uow, actor, case_id)
        if not restricted:
            if names:
                raise InvalidInput("An unrestricted case has no access list; name nobody.")
            before = _listed(uow, row.id)
            if not row.restricted:
                return AccessList(row.id, False, ())
            uow.session.execute(delete(CaseAccess).where(CaseAccess.case_id == row.id))
            row.restricted = False
            uow.session.flush()
            audit.record(
                uow, actor, "case.unrestrict", entity_type="case", entity_id=row.id,
                case_id=row.id, details={"before": list(before), "after": []},
            )  # fmt: skip
            uow.commit()
            return AccessList(row.id, False, ())
        users = check_allowed_users(uow, row.id, row.agency_id, names)
        result = write_access_list(uow, actor, row, users, action="case.restrict")
        uow.commit()
        return result


def audit_restricted_view(
    uow: UnitOfWork, actor: Actor, case_id: int, what: str, **details: object
) -> None:
    """Record a view of a restricted case's content (in the caller's writing transaction)."""
    if not uow.session.scalar(select(Case.restricted).where(Case.id == case_id)):
        return
    audit.record(
        uow, actor, "case.restricted_view", entity_type="case", entity_id=case_id,
        case_id=case_id, details={"what": what, **details},
    )  # fmt: skip


def is_restricted(database: Database, case_id: int) -> bool:
    """Whether case ``case_id`` is restricted (for a caller that already found it visible)."""
    with database.unit_of_work() as uow:
        return bool(uow.session.scalar(select(Case.restricted).where(Case.id == case_id)))


@dataclass(frozen=True, slots=True)
class Candidate:
    """A user who may be put on a case's access list."""

    username: str
    full_name: str


def candidates(database: Database, actor: Actor, case_id: int) -> list[Candidate]:
    """The active users of the case's agency holding a case role, subjects' accounts left out."""
    from app.db.models import UserRole

    actor.require(Permission.CASE_ACCESS_MANAGE)
    with database.unit_of_work() as uow:
        row = _case(uow, actor, case_id)
        subjects = subject_user_ids(uow, row.id)
        users = uow.session.execute(
            select(User.id, User.username, User.full_name)
            .join(UserAgency, UserAgency.user_id == User.id)
            .where(
                UserAgency.agency_id == row.agency_id,
                User.is_active.is_(True),
                User.id.in_(
                    select(UserRole.user_id).where(
                        UserRole.role.in_(["investigator", "supervisor", "hr"])
                    )
                ),
            )
            .order_by(User.full_name)
        ).all()
        return [Candidate(u.username, u.full_name) for u in users if u.id not in subjects]
