"""Sign-in, lock-out and user administration on real databases (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from argon2 import PasswordHasher, extract_parameters
from sqlalchemy import select, text

from app.db.models import User
from app.domain.actor import Actor
from app.domain.errors import (
    AuthenticationFailed,
    InvalidInput,
    InvalidInputs,
    PermissionDenied,
    Refused,
)
from app.domain.permissions import Role
from app.services import accounts
from app.services.database import Database

ADMIN_PASSWORD = "correct horse battery staple"
IVAN_PASSWORD = "Walrus long passphrase"


@pytest.fixture
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id at its lowest cost: these tests sign in dozens of times, not brute-force."""
    monkeypatch.setattr(
        accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
    )


@pytest.fixture
def admin(database: Database, cheap_hashing: None) -> Actor:
    return accounts.bootstrap_administrator(
        database, username="admin", full_name="Ada Administrator", password=ADMIN_PASSWORD
    )


@pytest.fixture
def ivan(database: Database, admin: Actor) -> Actor:
    info = accounts.add_user(
        database,
        admin,
        username="Ivan",
        full_name="Ivan Investigator",
        password=IVAN_PASSWORD,
        roles=frozenset({Role.INVESTIGATOR}),
    )
    return Actor(info.id, info.username, info.full_name, frozenset(info.roles))


def _actions(database: Database) -> list[str]:
    with database.engine.connect() as connection:
        return list(connection.scalars(text("SELECT action FROM audit_events ORDER BY seq")))


def _fail(database: Database, times: int) -> list[str]:
    messages = []
    for _ in range(times):
        with pytest.raises(AuthenticationFailed) as refused:
            accounts.authenticate(database, "ivan", "not the password")
        messages.append(str(refused.value))
    return messages


def test_sign_in_with_the_right_password(database: Database, ivan: Actor) -> None:
    actor = accounts.authenticate(database, "  IVAN ", IVAN_PASSWORD)
    assert actor == ivan
    assert _actions(database)[-1] == "user.login"
    [info] = [u for u in accounts.list_users(database, _admin_of(database)) if u.username == "ivan"]
    assert info.last_login_at is not None


def _admin_of(database: Database) -> Actor:
    return accounts.authenticate(database, "admin", ADMIN_PASSWORD)


def test_a_wrong_password_and_an_unknown_user_get_the_same_answer(
    database: Database, ivan: Actor
) -> None:
    with pytest.raises(AuthenticationFailed) as wrong:
        accounts.authenticate(database, "ivan", "not the password")
    with pytest.raises(AuthenticationFailed) as unknown:
        accounts.authenticate(database, "ivana", IVAN_PASSWORD)
    assert str(wrong.value) == str(unknown.value) == accounts.SIGN_IN_REFUSED
    assert str(wrong.value) == (
        "Wrong user name or password, or the account cannot sign in; ask an administrator."
    )
    assert _actions(database)[-1] == "user.login_failed"


def test_five_failures_lock_the_account_even_for_the_right_password(
    database: Database, ivan: Actor
) -> None:
    # The fifth failure and the right password afterwards get the one answer:
    # it does not tell that the account exists, nor that it is locked now.
    assert _fail(database, 5) == [accounts.SIGN_IN_REFUSED] * 5
    with pytest.raises(AuthenticationFailed) as locked:
        accounts.authenticate(database, "ivan", IVAN_PASSWORD)
    assert str(locked.value) == accounts.SIGN_IN_REFUSED

    assert _actions(database)[-5:] == ["user.login_failed"] * 5
    with database.engine.connect() as connection:
        last = connection.execute(
            text("SELECT details FROM audit_events ORDER BY seq DESC LIMIT 1")
        ).scalar_one()
    details = last if isinstance(last, dict) else json.loads(last)
    assert details == {"failed_logins": 5, "locked": True}
    [info] = [u for u in accounts.list_users(database, _admin_of(database)) if u.username == "ivan"]
    assert info.locked_until is not None


def test_a_success_before_the_fifth_failure_starts_the_count_again(
    database: Database, ivan: Actor
) -> None:
    _fail(database, 4)
    accounts.authenticate(database, "ivan", IVAN_PASSWORD)
    _fail(database, 4)
    assert accounts.authenticate(database, "ivan", IVAN_PASSWORD) == ivan


def test_the_lock_ends_after_fifteen_minutes(database: Database, ivan: Actor) -> None:
    _fail(database, 5)
    with database.unit_of_work(write=True) as uow:
        user = uow.session.scalar(select(User).where(User.username == "ivan"))
        assert user is not None
        user.last_failed_login_at = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=16)
        uow.commit()

    assert accounts.authenticate(database, "ivan", IVAN_PASSWORD) == ivan


def test_an_administrator_unlocks_the_account(
    database: Database, admin: Actor, ivan: Actor
) -> None:
    _fail(database, 5)
    info = accounts.unlock(database, admin, "ivan")
    assert info.locked_until is None
    assert _actions(database)[-1] == "user.unlock"
    assert accounts.authenticate(database, "ivan", IVAN_PASSWORD) == ivan


def test_a_password_reset_lifts_the_lock_and_replaces_the_password(
    database: Database, admin: Actor, ivan: Actor
) -> None:
    _fail(database, 5)
    accounts.reset_password(database, admin, "ivan", "a brand new passphrase")

    assert accounts.authenticate(database, "ivan", "a brand new passphrase") == ivan
    with pytest.raises(AuthenticationFailed, match="Wrong user name or password"):
        accounts.authenticate(database, "ivan", IVAN_PASSWORD)
    assert "user.password_reset" in _actions(database)
    with pytest.raises(InvalidInput, match="contains the user name 'ivan'"):
        accounts.reset_password(database, admin, "ivan", "Ivan-the-terrible-2")


def test_a_disabled_account_cannot_sign_in_until_enabled_again(
    database: Database, admin: Actor, ivan: Actor
) -> None:
    accounts.set_active(database, admin, "ivan", active=False)
    with pytest.raises(AuthenticationFailed) as disabled:
        accounts.authenticate(database, "ivan", IVAN_PASSWORD)
    assert str(disabled.value) == accounts.SIGN_IN_REFUSED
    assert not next(
        u for u in accounts.list_users(database, admin) if u.username == "ivan"
    ).is_active
    assert "ivan" not in {u.username for u in accounts.investigators(database, ivan)}

    accounts.set_active(database, admin, "ivan", active=True)
    assert accounts.authenticate(database, "ivan", IVAN_PASSWORD) == ivan
    assert _actions(database)[-3:-1] == ["user.disable", "user.enable"]


def test_an_administrator_cannot_disable_or_demote_themselves(
    database: Database, admin: Actor
) -> None:
    with pytest.raises(Refused, match="cannot disable your own account"):
        accounts.set_active(database, admin, "admin", active=False)
    with pytest.raises(Refused, match="cannot remove your own administrator role"):
        accounts.set_roles(database, admin, "admin", frozenset({Role.HR}))
    assert _actions(database) == ["user.bootstrap"]


def test_only_an_administrator_manages_users(database: Database, ivan: Actor) -> None:
    before = _actions(database)
    with pytest.raises(PermissionDenied, match="ivan \\(investigator\\).*'user.manage'"):
        accounts.add_user(
            database,
            ivan,
            username="mallory",
            full_name="Mallory",
            password="another password!",
            roles=frozenset({Role.ADMINISTRATOR}),
        )
    with pytest.raises(PermissionDenied):
        accounts.unlock(database, ivan, "ivan")
    with pytest.raises(PermissionDenied):
        accounts.reset_password(database, ivan, "admin", "taken over at last")
    assert _actions(database) == before
    assert "mallory" not in _usernames(database)


def _usernames(database: Database) -> set[str]:
    with database.engine.connect() as connection:
        return set(connection.scalars(text("SELECT username FROM users")))


def test_passwords_are_stored_only_as_strong_argon2id_hashes(database: Database) -> None:
    accounts.bootstrap_administrator(
        database, username="admin", full_name="Ada Administrator", password=ADMIN_PASSWORD
    )
    with database.engine.connect() as connection:
        stored = connection.execute(text("SELECT password_hash FROM users")).scalar_one()
        details = connection.scalars(text("SELECT details FROM audit_events")).all()
    assert stored.startswith("$argon2id$")
    assert ADMIN_PASSWORD not in stored
    assert all(ADMIN_PASSWORD not in str(d) for d in details)
    # At least OWASP's minimum cost for argon2id (19 MiB, 2 passes).
    cost = dict(part.split("=") for part in stored.split("$")[3].split(","))
    assert int(cost["m"]) >= 19 * 1024
    assert int(cost["t"]) >= 2
    assert accounts.authenticate(database, "admin", ADMIN_PASSWORD).username == "admin"


def test_user_names_are_unique_and_checked(database: Database, admin: Actor, ivan: Actor) -> None:
    before = _actions(database)
    with pytest.raises(InvalidInput, match="user name ivan is taken"):
        accounts.add_user(
            database,
            admin,
            username="IVAN",
            full_name="Another Ivan",
            password="another password",
            roles=frozenset({Role.HR}),
        )
    with pytest.raises(InvalidInput, match="is not valid"):
        accounts.add_user(
            database,
            admin,
            username="a b",
            full_name="Space",
            password="long enough!",
            roles=frozenset({Role.HR}),
        )
    with pytest.raises(InvalidInput, match="at least one role"):
        accounts.add_user(
            database,
            admin,
            username="nobody",
            full_name="No Role",
            password="long enough!",
            roles=frozenset(),
        )
    assert _actions(database) == before


def test_a_taken_user_name_is_reported_with_the_other_problems(
    database: Database, admin: Actor, ivan: Actor
) -> None:
    """One answer names the taken user name beside the missing full name and roles."""
    fields = {"username": "ivan", "full_name": "", "password": "another password"}
    for check in (accounts.add_user, accounts.check_new_user):
        with pytest.raises(InvalidInputs) as found:
            check(database, admin, **fields, roles=frozenset())  # type: ignore[operator]
        by_field = {p.field: str(p) for p in found.value.problems}
        assert set(by_field) == {"username", "full_name", "roles"}, by_field
        assert "user name ivan is taken" in by_field["username"]
    assert [u.username for u in accounts.list_users(database, admin)] == ["admin", "ivan"]


def test_roles_are_replaced_and_audited(database: Database, admin: Actor, ivan: Actor) -> None:
    info = accounts.set_roles(
        database, admin, "ivan", frozenset({Role.INVESTIGATOR, Role.SUPERVISOR})
    )
    assert info.roles == (Role.INVESTIGATOR, Role.SUPERVISOR)
    signed_in = accounts.authenticate(database, "ivan", IVAN_PASSWORD)
    assert signed_in.roles == {Role.INVESTIGATOR, Role.SUPERVISOR}
    assert "user.roles" in _actions(database)


def test_investigators_are_offered_for_assignment(
    database: Database, admin: Actor, ivan: Actor
) -> None:
    accounts.add_user(
        database,
        admin,
        username="hana",
        full_name="Hana Hr",
        password="personnel desk password!",
        roles=frozenset({Role.HR}),
    )
    assert [u.username for u in accounts.investigators(database, ivan)] == ["ivan"]
    with pytest.raises(PermissionDenied):
        accounts.investigators(database, admin)


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("aaaaaaaaaa", 'Repeats like "aaa" are easy to guess.'),
        (" " * 10, "too easy to guess (0 of 4, at least 3 needed)"),
        ("password12", "This is a very common password."),
        ("nora.nadir", "contains the user name 'nora.nadir'"),
        ("NORA.NADIR", "contains the user name 'nora.nadir'"),
        ("my-nora.nadir-pass", "contains the user name 'nora.nadir'"),
        ("Nora Nadir 1", "too easy to guess"),  # the full name is one of the user's own words
    ],
)
def test_weak_passwords_are_refused_with_zxcvbns_advice(
    database: Database, admin: Actor, password: str, problem: str
) -> None:
    before = _actions(database)
    with pytest.raises(InvalidInput, match="password") as refused:
        accounts.add_user(
            database, admin, username="nora.nadir", full_name="Nora Nadir", password=password,
            roles=frozenset({Role.HR}),
        )  # fmt: skip
    assert problem in str(refused.value)
    assert refused.value.field == "password"
    assert refused.value.exit_code == 2
    assert _actions(database) == before
    assert "nora.nadir" not in _usernames(database)


def test_the_first_administrator_needs_a_strong_password_too(
    database: Database, cheap_hashing: None
) -> None:
    with pytest.raises(InvalidInput, match="Add another word or two"):
        accounts.bootstrap_administrator(
            database, username="root", full_name="Rita Root", password="qwertyuiop"
        )
    with pytest.raises(InvalidInput, match="contains the user name 'root'"):
        accounts.bootstrap_administrator(
            database, username="root", full_name="Rita Root", password="root-of-all-trees"
        )
    assert _usernames(database) == set()


class _CountingHasher(PasswordHasher):
    """The real argon2 hasher (at test cost) that counts its verifications."""

    def __init__(self) -> None:
        super().__init__(time_cost=1, memory_cost=64, parallelism=1)
        self.verified = 0

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:  # noqa: A002
        self.verified += 1
        return super().verify(hash, password)


def test_every_refused_sign_in_verifies_one_hash_and_says_the_same(
    database: Database, admin: Actor, ivan: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    accounts.add_user(
        database, admin, username="dora", full_name="Dora Disabled", password=IVAN_PASSWORD,
        roles=frozenset({Role.HR}),
    )  # fmt: skip
    accounts.set_active(database, admin, "dora", active=False)
    accounts.add_user(
        database, admin, username="lena", full_name="Lena Locked", password=IVAN_PASSWORD,
        roles=frozenset({Role.HR}),
    )  # fmt: skip
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            accounts.authenticate(database, "lena", "not the password")
    hasher = _CountingHasher()
    monkeypatch.setattr(accounts, "_hasher", hasher)
    answers = {}
    for label, username, password in [
        ("unknown", "nobody", IVAN_PASSWORD),
        ("wrong password", "ivan", "not the password"),
        ("disabled", "dora", IVAN_PASSWORD),
        ("locked", "lena", IVAN_PASSWORD),
    ]:
        before = hasher.verified
        with pytest.raises(AuthenticationFailed) as refused:
            accounts.authenticate(database, username, password)
        answers[label] = str(refused.value)
        assert hasher.verified == before + 1, f"{label}: one argon2 verification"
    assert set(answers.values()) == {accounts.SIGN_IN_REFUSED}
    # The administrator still sees why: Lena is locked, Dora disabled.
    users = {u.username: u for u in accounts.list_users(database, admin)}
    assert users["lena"].locked_until is not None
    assert not users["dora"].is_active


def test_the_dummy_hash_costs_what_a_real_one_does(monkeypatch: pytest.MonkeyPatch) -> None:
    real = PasswordHasher()  # the production parameters
    monkeypatch.setattr(accounts, "_hasher", real)
    dummy = extract_parameters(accounts.dummy_hash())
    assert dummy == extract_parameters(real.hash("any password at all"))
    assert accounts.dummy_hash() == accounts.dummy_hash()  # made once
    # ... once for all: the hash kept with the code, of the production parameters.
    from app.services.password_ahead import DUMMY_HASH, DUMMY_PASSWORD

    assert accounts.dummy_hash() == DUMMY_HASH
    assert not real.check_needs_rehash(DUMMY_HASH)
    assert real.verify(DUMMY_HASH, DUMMY_PASSWORD)
