"""Users: bootstrap, sign-in with lock-out, and administration.

Passwords are stored only as argon2id hashes. Failed sign-ins are counted
and written to the audit log even though the sign-in itself is refused.

Sign-in does not tell who exists: an unknown user name, a disabled or locked
account and a wrong password get one message, and each costs one argon2
verification (an unknown name is checked against a dummy hash made with the
same parameters), so neither the answer nor its time tells them apart.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from app.db.base import utcnow
from app.db.engine import UnitOfWork
from app.db.models import User, UserRole
from app.domain import accounts as rules
from app.domain.actor import Actor
from app.domain.errors import AuthenticationFailed, InvalidInput, NotFound, Problems, Refused
from app.domain.permissions import Permission, Role
from app.domain.validation import NAME_MAX, clean_text
from app.services import audit
from app.services.access import agencies
from app.services.database import Database
from app.services.password_ahead import DUMMY_HASH, DUMMY_PASSWORD, PasswordAhead
from app.services.retry import retried

_hasher = PasswordHasher()  # argon2id with the library's current recommended cost

#: The one answer to every refused sign-in (unknown, disabled, locked, wrong password).
SIGN_IN_REFUSED = (
    "Wrong user name or password, or the account cannot sign in; ask an administrator."
)
#: Dummy hashes by hasher parameters, made on first use (a hash costs as much as a sign-in).
_dummy_hashes: dict[object, str] = {}


@dataclass(frozen=True, slots=True)
class UserInfo:
    """A user as the Users view and ``user list`` show it."""

    id: int
    username: str
    full_name: str
    roles: tuple[Role, ...]
    is_active: bool
    locked_until: dt.datetime | None
    last_login_at: dt.datetime | None
    #: The codes of the agencies whose cases the user sees (their roles permitting).
    agencies: tuple[str, ...] = ()
    #: The upgrade to agency membership guessed ``agencies``; an administrator should review them.
    agencies_to_review: bool = False


def _roles_of(user: User) -> frozenset[Role]:
    return frozenset(Role(r.role) for r in user.roles)


def _actor(user: User) -> Actor:
    return Actor(user.id, user.username, user.full_name, _roles_of(user))


def _info(user: User, now: dt.datetime, uow: UnitOfWork | None = None) -> UserInfo:
    until = None
    if user.last_failed_login_at is not None:
        until = rules.locked_until(user.failed_logins, user.last_failed_login_at)
        if until is not None and until <= now:
            until = None
    return UserInfo(
        user.id,
        user.username,
        user.full_name,
        tuple(sorted(_roles_of(user))),
        user.is_active,
        until,
        user.last_login_at,
        agencies.codes_of(uow, user.id) if uow is not None else (),
        user.agencies_to_review,
    )


def _find(uow: UnitOfWork, username: str) -> User | None:
    name = username.strip().lower()
    return uow.session.scalar(select(User).where(User.username == name))


def has_users(database: Database) -> bool:
    """Whether any account exists yet (``init`` creates the first)."""
    with database.unit_of_work() as uow:
        return bool(uow.session.scalar(select(func.count()).select_from(User)))


@retried
def bootstrap_administrator(
    database: Database, *, username: str, full_name: str, password: str
) -> Actor:
    """Create the first administrator; refused once any account exists."""
    name = rules.check_username(username)
    full = clean_text(full_name, "Full name", max_length=NAME_MAX)
    rules.check_password(password, username=name, full_name=full)
    with database.unit_of_work(write=True) as uow:
        if uow.session.scalar(select(func.count()).select_from(User)):
            raise Refused(
                "The database already has accounts; an administrator adds further users "
                "with 'casedesk user add'."
            )
        user = _new_user(uow, name, full, password, frozenset({Role.ADMINISTRATOR}))
        audit.record(
            uow,
            name,
            "user.bootstrap",
            entity_type="user",
            entity_id=user.id,
            details={"username": name, "roles": ["administrator"]},
        )
        uow.commit()
        return _actor(user)


def _new_user(
    uow: UnitOfWork, username: str, full_name: str, password: str, roles: frozenset[Role]
) -> User:
    user = User(
        username=username,
        full_name=full_name,
        password_hash=_hasher.hash(password),
        roles=[UserRole(role=r.value) for r in sorted(roles)],
    )
    uow.session.add(user)
    uow.session.flush()
    return user


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def dummy_hash() -> str:
    """A hash made with the current hasher's parameters, for user names that do not exist.

    The production hasher's is :data:`~app.services.password_ahead.DUMMY_HASH`, made
    once for all: a sign-in with an unknown name makes no hash first.
    """
    if not _hasher.check_needs_rehash(DUMMY_HASH):
        return DUMMY_HASH
    key = (_hasher.time_cost, _hasher.memory_cost, _hasher.parallelism, _hasher.hash_len,
           _hasher.salt_len, _hasher.type)  # fmt: skip
    if key not in _dummy_hashes:
        _dummy_hashes[key] = _hasher.hash(DUMMY_PASSWORD)
    return _dummy_hashes[key]


@retried
def authenticate(
    database: Database,
    username: str,
    password: str,
    *,
    ahead: PasswordAhead | None = None,
    to_verify_audit: bool = False,
) -> Actor:
    """Sign in; count failures and lock the account after too many in a row.

    Every refusal is :data:`SIGN_IN_REFUSED` after exactly one password
    verification, whether the user is unknown, disabled, locked or mistyped
    the password; ``user list`` shows an administrator which accounts are
    disabled or locked. ``ahead``: that verification, started before the
    database was opened (:mod:`app.services.password_ahead`); used only if it
    checked the hash read here and the same password.

    ``to_verify_audit``: the sign-in of ``audit verify``. When the log holds
    an event past its head (:class:`audit.ForeignEvent`), nothing can be
    appended, the sign-in's own event included; every other sign-in is then
    refused with that message. This one passes every check of the account
    all the same, and an account that may verify the log (and only that)
    signs in without its ``user.login`` event and without changing the
    account, so that the verification naming the foreign event can run. A
    wrong password is still counted towards the lock-out (without its event)
    and answered :data:`SIGN_IN_REFUSED`.
    """
    now = utcnow()
    with database.unit_of_work(write=True) as uow:
        user = _find(uow, username)
        if user is None:
            if ahead is None or ahead.result_for(None, password) is None:
                _verify(dummy_hash(), password)  # the same work as for an account that exists
            raise AuthenticationFailed(SIGN_IN_REFUSED)
        matches = None if ahead is None else ahead.result_for(user.password_hash, password)
        if matches is None:
            matches = _verify(user.password_hash, password)
        locked = False
        if user.last_failed_login_at is not None:
            until = rules.locked_until(user.failed_logins, user.last_failed_login_at)
            locked = until is not None and until > now
            if until is not None and not locked:
                user.failed_logins = 0  # the lock-out has run out
        if not user.is_active or locked:
            raise AuthenticationFailed(SIGN_IN_REFUSED)
        if not matches:
            user.failed_logins += 1
            user.last_failed_login_at = now
            try:
                audit.record(
                    uow,
                    user.username,
                    "user.login_failed",
                    entity_type="user",
                    entity_id=user.id,
                    details={
                        "failed_logins": user.failed_logins,
                        "locked": rules.locked_until(user.failed_logins, now) is not None,
                    },
                )
            except audit.ForeignEvent:
                if not to_verify_audit:
                    raise
                # Nothing can be appended; the lock-out still counts the attempt.
            uow.commit()
            raise AuthenticationFailed(SIGN_IN_REFUSED)
        actor = _actor(user)
        if _hasher.check_needs_rehash(user.password_hash):
            user.password_hash = _hasher.hash(password)
        user.failed_logins = 0
        user.last_failed_login_at = None
        user.last_login_at = now
        try:
            audit.record(uow, user.username, "user.login", entity_type="user", entity_id=user.id)
        except audit.ForeignEvent:
            if not (to_verify_audit and actor.can(Permission.AUDIT_VERIFY)):
                raise
            # Signed in to verify the log only: nothing recorded, nothing changed (rolled back).
            return actor
        uow.commit()
        return actor


def check_new_user(
    database: Database,
    actor: Actor,
    *,
    username: str,
    full_name: str,
    password: str,
    roles: frozenset[Role],
) -> None:
    """Check a new account's input without storing it: every problem raised at once.

    For a form that found a problem of its own (a password typed differently
    twice) and shows it together with these.
    """
    actor.require(Permission.USER_MANAGE)
    with database.unit_of_work() as uow:
        _new_user_input(uow, username=username, full_name=full_name, password=password, roles=roles)


def _new_user_input(
    uow: UnitOfWork, *, username: str, full_name: str, password: str, roles: frozenset[Role]
) -> tuple[str, str]:
    """The user name and full name of a new account, cleaned; every problem raised at once.

    A user name already in use is one of the problems, found with the others.
    """
    problems = Problems()
    name = problems.check(rules.check_username, username, default=username.strip().lower())
    if not problems.has("username") and _find(uow, name) is not None:
        problems.add(f"The user name {name} is taken; choose another.", field="username")
    full = problems.check(clean_text, full_name, "Full name", max_length=NAME_MAX, default="")
    problems.check(rules.check_password, password, username=name, full_name=full)
    if not roles:
        problems.add("Give the user at least one role.", field="roles")
    problems.raise_any()
    return name, full


@retried
def add_user(
    database: Database,
    actor: Actor,
    *,
    username: str,
    full_name: str,
    password: str,
    roles: frozenset[Role],
    agency_codes: tuple[str, ...] = (),
) -> UserInfo:
    """Create an account with ``roles``, belonging to the agencies of ``agency_codes``.

    A user sees the cases of their agencies only; one with none sees no case.
    """
    actor.require(Permission.USER_MANAGE)
    with database.unit_of_work(write=True) as uow:
        name, full = _new_user_input(
            uow, username=username, full_name=full_name, password=password, roles=roles
        )
        user = _new_user(uow, name, full, password, roles)
        codes = agencies.write_agencies(uow, user, agency_codes)
        audit.record(
            uow,
            actor,
            "user.add",
            entity_type="user",
            entity_id=user.id,
            details={
                "username": name,
                "roles": sorted(r.value for r in roles),
                "agencies": list(codes),
            },
        )
        uow.commit()
        return _info(user, utcnow(), uow)


def list_users(database: Database, actor: Actor) -> list[UserInfo]:
    """Every account, by user name."""
    actor.require(Permission.USER_VIEW)
    now = utcnow()
    with database.unit_of_work() as uow:
        users = uow.session.scalars(select(User).order_by(User.username)).all()
        return [_info(u, now, uow) for u in users]


def _managed_user(uow: UnitOfWork, actor: Actor, username: str) -> User:
    actor.require(Permission.USER_MANAGE)
    user = _find(uow, username)
    if user is None:
        raise NotFound(f"There is no user {username!r}; see 'casedesk user list'.")
    return user


@retried
def set_active(database: Database, actor: Actor, username: str, *, active: bool) -> UserInfo:
    """Disable or re-enable an account. Administrators cannot disable themselves."""
    with database.unit_of_work(write=True) as uow:
        user = _managed_user(uow, actor, username)
        if not active and user.id == actor.user_id:
            raise Refused("You cannot disable your own account; ask another administrator.")
        user.is_active = active
        audit.record(
            uow,
            actor,
            "user.enable" if active else "user.disable",
            entity_type="user",
            entity_id=user.id,
            details={"username": user.username},
        )
        uow.commit()
        return _info(user, utcnow(), uow)


@retried
def set_roles(database: Database, actor: Actor, username: str, roles: frozenset[Role]) -> UserInfo:
    """Replace a user's roles."""
    if not roles:
        raise InvalidInput("Give the user at least one role.", field="roles")
    with database.unit_of_work(write=True) as uow:
        user = _managed_user(uow, actor, username)
        if user.id == actor.user_id and Role.ADMINISTRATOR not in roles:
            raise Refused("You cannot remove your own administrator role.")
        before = sorted(r.role for r in user.roles)
        user.roles = [UserRole(role=r.value) for r in sorted(roles)]
        audit.record(
            uow,
            actor,
            "user.roles",
            entity_type="user",
            entity_id=user.id,
            details={"before": before, "after": sorted(r.value for r in roles)},
        )
        uow.commit()
        return _info(user, utcnow(), uow)


@retried
def reset_password(database: Database, actor: Actor, username: str, password: str) -> UserInfo:
    """Set a new password and lift any lock-out."""
    with database.unit_of_work(write=True) as uow:
        user = _managed_user(uow, actor, username)
        rules.check_password(password, username=user.username, full_name=user.full_name)
        user.password_hash = _hasher.hash(password)
        user.failed_logins = 0
        user.last_failed_login_at = None
        audit.record(uow, actor, "user.password_reset", entity_type="user", entity_id=user.id)
        uow.commit()
        return _info(user, utcnow(), uow)


@retried
def unlock(database: Database, actor: Actor, username: str) -> UserInfo:
    """Lift a lock-out after failed sign-ins."""
    with database.unit_of_work(write=True) as uow:
        user = _managed_user(uow, actor, username)
        user.failed_logins = 0
        user.last_failed_login_at = None
        audit.record(uow, actor, "user.unlock", entity_type="user", entity_id=user.id)
        uow.commit()
        return _info(user, utcnow(), uow)


def investigators(database: Database, actor: Actor) -> list[UserInfo]:
    """Active users holding the investigator role, for assignment pickers."""
    actor.require(Permission.CASE_VIEW)
    now = utcnow()
    with database.unit_of_work() as uow:
        users = uow.session.scalars(
            select(User)
            .join(UserRole)
            .where(UserRole.role == Role.INVESTIGATOR.value, User.is_active.is_(True))
            .order_by(User.full_name)
        )
        return [_info(u, now, uow) for u in users]


def agencies_to_review(database: Database) -> int:
    """How many accounts hold agencies an upgrade guessed, for an administrator to review."""
    with database.unit_of_work() as uow:
        return int(
            uow.session.scalar(
                select(func.count()).select_from(User).where(User.agencies_to_review.is_(True))
            )
            or 0
        )


@retried
def set_agencies(
    database: Database, actor: Actor, username: str, agency_codes: tuple[str, ...]
) -> UserInfo:
    """Replace the agencies whose cases a user sees (administrators); audited."""
    agencies.set_user_agencies(database, actor, username, replace=agency_codes)
    with database.unit_of_work() as uow:
        user = _find(uow, username)
        assert user is not None
        return _info(user, utcnow(), uow)
