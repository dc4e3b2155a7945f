"""Fixtures shared by the service tests: an initialised database and its users.

``@built_once("name")`` on a fixture ``(database, admin, make_user)`` that makes
data through the services runs it once per backend and session and gives each
test a fresh copy of the result (see :func:`built_once`).
"""

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
    from tests.conftest import Prepared, PreparedTemplates

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
    built = _built_for(request)
    if built is not None:
        return prepared.fresh_copy(request, built)
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
#: The fixtures ``built_once`` made: (module, fixture name) -> (template name, build).
_BUILT: dict[tuple[str, str], tuple[str, Build[Any]]] = {}


def built_once(name: str) -> Callable[[Build[T]], Any]:
    """A fixture whose data is made once per backend and session, and copied per test.

    Decorates ``build(database, admin, make_user)``, a fixture body that makes
    data through the services and returns plain values (ids, numbers, actors,
    a dataclass of them). ``build`` runs once per backend and session on a
    freshly initialised database (the one ``admin`` gives), as template
    ``name``; each test's ``database`` is a fresh copy of what it made (with
    the signing key and the checkpoint file), so a test that changes the data
    changes only its own. The value is shared between the tests; a dataclass
    field holding the building's :class:`Database` (or a field of a dataclass in one) is the
    test's ``database``.
    """

    def decorate(build: Build[T]) -> Any:
        fixture_name = build.__name__
        _BUILT[(build.__module__, fixture_name)] = (name, build)

        def fixture(
            database: Database, database_url: str, admin: Actor, request: pytest.FixtureRequest
        ) -> T:
            prepared: PreparedTemplates = request.getfixturevalue("prepared")
            template = _built_template(request, name, build)
            url = database_url
            if prepared.copied_from.get(url) is not template:  # made before this was known
                database.engine.dispose()  # no connection to the database while it is replaced
                prepared.copy_into(request, template, url)
            made = template.value
            assert isinstance(made, _Built)
            return _reopened(made.value, made.database, database)  # type: ignore[return-value]

        fixture.__doc__ = build.__doc__
        return pytest.fixture(name=fixture_name)(fixture)

    return decorate


def _built_for(request: pytest.FixtureRequest) -> Prepared | None:
    """The template of the ``built_once`` fixture the test uses, if any."""
    module = request.module.__name__
    for fixture_name in request.fixturenames:
        found = _BUILT.get((module, fixture_name))
        if found is not None:
            return _built_template(request, *found)
    return None


def _built_template(request: pytest.FixtureRequest, name: str, build: Build[Any]) -> Prepared:
    prepared: PreparedTemplates = request.getfixturevalue("prepared")
    backend = request.getfixturevalue("backend")

    def maker(url: str) -> _Built:
        administrator = _initialise(url)
        made_on = Database.open(url)
        try:
            return _Built(
                made_on, build(made_on, administrator, user_maker(made_on, administrator))
            )
        finally:
            made_on.close()

    return prepared.template(request, backend, name, maker)


@dataclass(frozen=True)
class _Built:
    database: Database  #: the (closed) database the value was built on
    value: object


def _reopened(value: object, built_on: Database, database: Database) -> object:
    """``value`` with the building's database, where a dataclass field (or a field of a
    dataclass in one) holds it, replaced."""
    if value is built_on:
        return database
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in dataclasses.fields(value):
            held = getattr(value, f.name)
            replaced = _reopened(held, built_on, database)
            if replaced is not held:
                changes[f.name] = replaced
        return dataclasses.replace(value, **changes) if changes else value
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
