"""Agency membership: the agencies each user works for.

A user sees the cases of their agencies only (their roles permitting); an
administrator sets the membership. A user with no agency sees no case. The
upgrade that introduced membership gave each user the agencies of the cases
they had worked on and flagged them for review (``agencies_to_review``),
which setting the agencies clears.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, select

from app.db.engine import UnitOfWork
from app.db.models import Agency, User, UserAgency
from app.domain.actor import Actor
from app.domain.errors import InvalidInput, NotFound
from app.domain.permissions import Permission
from app.services import audit
from app.services.database import Database
from app.services.retry import retried


def agency_ids_of(uow: UnitOfWork, user_id: int) -> set[int]:
    """The ids of the agencies ``user_id`` belongs to."""
    return set(
        uow.session.scalars(select(UserAgency.agency_id).where(UserAgency.user_id == user_id))
    )


def codes_of(uow: UnitOfWork, user_id: int) -> tuple[str, ...]:
    """The codes of the agencies ``user_id`` belongs to, sorted."""
    return tuple(
        uow.session.scalars(
            select(Agency.code)
            .join(UserAgency, UserAgency.agency_id == Agency.id)
            .where(UserAgency.user_id == user_id)
            .order_by(Agency.code)
        )
    )


def agency_ids_by_code(uow: UnitOfWork, codes: Iterable[str]) -> dict[str, int]:
    """The agencies named by code; an unknown code is invalid input naming the known ones."""
    wanted = list(dict.fromkeys(c.strip().upper() for c in codes if c.strip()))
    found = dict(
        uow.session.execute(select(Agency.code, Agency.id).where(Agency.code.in_(wanted))).all()
    )
    unknown = [c for c in wanted if c not in found]
    if unknown:
        known = ", ".join(uow.session.scalars(select(Agency.code).order_by(Agency.code)))
        raise InvalidInput(
            f"There is no agency {', '.join(unknown)}; known agencies: {known}.", field="agencies"
        )
    return {c: found[c] for c in wanted}


def write_agencies(uow: UnitOfWork, user: User, codes: Iterable[str]) -> tuple[str, ...]:
    """Replace ``user``'s agencies in the caller's transaction; the codes set."""
    ids = agency_ids_by_code(uow, codes)
    uow.session.execute(delete(UserAgency).where(UserAgency.user_id == user.id))
    for agency_id in ids.values():
        uow.session.add(UserAgency(user_id=user.id, agency_id=agency_id))
    user.agencies_to_review = False
    uow.session.flush()
    return tuple(sorted(ids))


def user_agency_codes(database: Database, actor: Actor, username: str) -> tuple[str, ...]:
    """The agencies of user ``username`` (an administrator, or the user themself)."""
    with database.unit_of_work() as uow:
        user = uow.session.scalar(select(User).where(User.username == username.strip().lower()))
        if user is None or (user.id != actor.user_id and not actor.can(Permission.USER_VIEW)):
            raise NotFound(f"There is no user {username!r}; see 'casedesk user list'.")
        return codes_of(uow, user.id)


@retried
def set_user_agencies(
    database: Database,
    actor: Actor,
    username: str,
    *,
    add: Iterable[str] = (),
    remove: Iterable[str] = (),
    replace: Iterable[str] | None = None,
) -> tuple[str, ...]:
    """Change the agencies a user belongs to (administrators); audited as ``user.agencies``."""
    actor.require(Permission.USER_MANAGE)
    with database.unit_of_work(write=True) as uow:
        user = uow.session.scalar(select(User).where(User.username == username.strip().lower()))
        if user is None:
            raise NotFound(f"There is no user {username!r}; see 'casedesk user list'.")
        before = codes_of(uow, user.id)
        dropped = set(agency_ids_by_code(uow, remove))
        if replace is not None:
            wanted = list(agency_ids_by_code(uow, replace))
        else:
            wanted = [*before, *agency_ids_by_code(uow, add)]
        codes = [c for c in dict.fromkeys(wanted) if c not in dropped]
        after = write_agencies(uow, user, codes)
        audit.record(
            uow, actor, "user.agencies", entity_type="user", entity_id=user.id,
            details={"username": user.username, "before": list(before), "after": list(after)},
        )  # fmt: skip
        uow.commit()
        return after


def require_member(uow: UnitOfWork, actor: Actor, agency_id: int, code: str) -> None:
    """Refuse work in an agency the actor does not belong to (case intake)."""
    if uow.session.get(UserAgency, (actor.user_id, agency_id)) is None:
        raise InvalidInput(
            f"You do not belong to agency {code}; choose one of your agencies, or ask an "
            "administrator to add it ('casedesk user agencies').",
            field="agency",
        )
