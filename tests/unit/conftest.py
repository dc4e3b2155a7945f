"""Fixtures shared by the service tests: an initialised database and its users."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from app.domain.actor import Actor
from app.domain.permissions import Role
from app.services import accounts, catalog, setup
from app.services.database import Database

if TYPE_CHECKING:
    from tests.conftest import PreparedTemplates

MakeUser = Callable[..., Actor]
T = TypeVar("T")
#: The password of every user ``make_user`` adds (strong enough, and no one's name).
USER_PASSWORD = "quartz lantern meadow"


def _uses_shared_admin(request: pytest.FixtureRequest) -> bool:
    # A test module that defines its own ``admin`` fixture gets a plain database.
    return "admin" in request.fixturenames and not hasattr(request.module, "admin")


@pytest.fixture
def database_url(backend: str, request: pytest.FixtureRequest, prepared: PreparedTemplates) -> str:
    """A fresh database on ``backend``: already initialised when the test uses ``admin``."""
    if _uses_shared_admin(request):
        template = prepared.template(request, backend, "admin", _initialise)
        return prepared.fresh_copy(request, template)
    name = "sqlite_database_url" if backend == "sqlite" else "pg_database_url"
    return str(request.getfixturevalue(name))


@pytest.fixture
def admin(
    database: Database, database_url: str, prepared: PreparedTemplates,
    request: pytest.FixtureRequest, cheap_hashing: None,
) -> Actor:  # fmt: skip
    """The first administrator of a freshly initialised database (catalog loaded).

    ``setup.initialize`` runs once per backend and session; the test's
    database is a copy of that one (with the signing key and the checkpoint
    file), the same as running it here.
    """
    backend = "sqlite" if database_url.startswith("sqlite") else "postgresql"
    template = prepared.template(request, backend, "admin", _initialise)
    if database_url not in prepared.copies:  # made before this fixture was known
        database.engine.dispose()  # no connection to the database while it is replaced
        prepared.copy_into(request, template, database_url)
    assert isinstance(template.value, Actor)
    return template.value


def _initialise(url: str) -> Actor:
    database = Database.open(url)
    try:
        created = setup.initialize(
            database,
            admin_username="admin",
            admin_full_name="Ada Admin",
            admin_password="correct horse battery",
        ).administrator
    finally:
        database.close()
    assert created is not None
    return created


@pytest.fixture
def make_user(database: Database, admin: Actor) -> MakeUser:
    """Add a user with one role; their password is :data:`USER_PASSWORD`.

    The user belongs to ``agencies`` (codes), by default every agency of the
    catalog, so the cases a test makes are theirs to see.
    """
    return user_maker(database, admin)


def user_maker(database: Database, admin: Actor) -> MakeUser:
    """``make_user`` on ``database``, with ``admin`` adding the users."""

    def make(
        username: str, full_name: str, role: Role, agencies: tuple[str, ...] | None = None
    ) -> Actor:
        if agencies is None:
            agencies = tuple(a.code for a in catalog.list_agencies(database, admin))
        info = accounts.add_user(
            database,
            admin,
            username=username,
            full_name=full_name,
            password=USER_PASSWORD,
            roles=frozenset({role}),
            agency_codes=agencies,
        )
        return Actor(info.id, info.username, info.full_name, frozenset(info.roles))

    return make


Build = Callable[[Database, Actor, MakeUser], T]
BuiltOnce = Callable[[str, Build[T]], T]


@pytest.fixture
def built_once(
    database: Database, admin: Actor, database_url: str, prepared: PreparedTemplates,
    request: pytest.FixtureRequest,
) -> BuiltOnce[Any]:  # fmt: skip
    """``built_once(name, build)``: the test's database holds what ``build`` made, and its value.

    ``build(database, admin, make_user)`` runs once per backend and session, on
    a freshly initialised database (the one ``admin`` gives); each test gets a
    fresh copy of what it made (with the signing key and the checkpoint file),
    so a test that changes the data changes only its own. The value ``build``
    returned is shared: plain values (ids, numbers, actors); a dataclass
    field holding the building's :class:`Database` is this test's ``database``.
    """

    def use(name: str, build: Build[T]) -> T:
        backend = "sqlite" if database_url.startswith("sqlite") else "postgresql"

        def maker(url: str) -> object:
            administrator = _initialise(url)
            made_on = Database.open(url)
            try:
                return _Built(
                    made_on, build(made_on, administrator, user_maker(made_on, administrator))
                )
            finally:
                made_on.close()

        template = prepared.template(request, backend, name, maker)
        database.engine.dispose()  # no connection to the database while it is replaced
        prepared.copy_into(request, template, database_url)
        made = template.value
        assert isinstance(made, _Built)
        return _reopened(made.value, made.database, database)  # type: ignore[no-any-return]

    return use


@dataclass(frozen=True)
class _Built:
    database: Database  #: the (closed) database the value was built on
    value: object


def _reopened(value: object, built_on: Database, database: Database) -> object:
    """``value`` with the building's database, where a dataclass field holds it, replaced."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: database
            for f in dataclasses.fields(value)
            if getattr(value, f.name) is built_on
        }
        return dataclasses.replace(value, **changes) if changes else value
    assert value is not built_on
    return value


class MemoryKeyring(KeyringBackend):
    """A keyring backend that keeps its secrets in this process."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.secrets.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
