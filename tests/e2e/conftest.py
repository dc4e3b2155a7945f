"""Running ``casedesk`` as a user or a script would.

``cli(...)`` runs the command in this process through the entry function
(:func:`app.__main__.main`), with the same environment a subprocess gets,
standard input, output and error of its own, and the exit status a process
would end with (``SystemExit`` from argparse included): most CLI tests run
this way, which keeps the suite quick. ``cli.subprocess(...)`` runs the real
``python -m app`` in a child process; tests that use it for the entry point
and exit codes are marked ``subprocess``.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import psycopg
import pytest
from argon2 import PasswordHasher
from sqlalchemy.engine import make_url

from app.__main__ import main
from app.config import sqlite_url
from app.domain.permissions import Role
from app.services import accounts, setup
from app.services.database import Database
from app.services.integrity.checkpoints import checkpoint_file


@dataclass
class Result:
    """What a command printed and how it ended."""

    code: int
    out: str
    err: str


class Casedesk:
    """Runs the real command line against one database."""

    def __init__(self, url: str, home: Path) -> None:
        self.url = url
        self.env = {
            "PATH": os.environ.get("PATH", ""),
            "HOME": str(home),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_STATE_HOME": str(home / "state"),
            "XDG_CACHE_HOME": str(home / "cache"),
            # The signing key the fixtures made in this test's config folder.
            "XDG_CONFIG_HOME": os.environ.get("XDG_CONFIG_HOME", str(home / "config")),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
            "CASEDESK_DATABASE_URL": url,
            "LANG": "C.UTF-8",
        }

    def __call__(
        self,
        *args: str | bytes,
        user: str | None = None,
        password: str | None = None,
        new_password: str | None = None,
        stdin: bytes | None = None,
    ) -> Result:
        """``casedesk ARGS`` in this process, as a child process would run it."""
        env = self._env(user, password, new_password)
        return _in_process([os.fsdecode(a) for a in args], env, stdin or b"")

    def subprocess(
        self,
        *args: str | bytes,
        user: str | None = None,
        password: str | None = None,
        new_password: str | None = None,
        stdin: bytes | None = None,
    ) -> Result:
        """``python -m app ARGS`` in a real child process."""
        completed = subprocess.run(
            [sys.executable, "-m", "app", *args],
            env=self._env(user, password, new_password),
            input=stdin if stdin is not None else b"",
            capture_output=True,
            timeout=120,
        )
        return Result(
            completed.returncode,
            completed.stdout.decode("utf-8", "replace"),
            completed.stderr.decode("utf-8", "replace"),
        )

    def _env(
        self, user: str | None, password: str | None, new_password: str | None
    ) -> dict[str, str]:
        env = dict(self.env)
        if user:
            env["CASEDESK_USER"] = user
        if password is not None:
            env["CASEDESK_PASSWORD"] = password
        if new_password is not None:
            env["CASEDESK_NEW_PASSWORD"] = new_password
        return env


def _in_process(args: Sequence[str], env: dict[str, str], stdin: bytes) -> Result:
    """Run the entry function with ``env`` as the whole Casedesk environment."""
    out, err = io.BytesIO(), io.BytesIO()
    streams = {
        "stdin": io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"),
        "stdout": io.TextIOWrapper(out, encoding="utf-8", write_through=True),
        "stderr": io.TextIOWrapper(err, encoding="utf-8", write_through=True),
    }
    with pytest.MonkeyPatch.context() as patch:
        for name in list(os.environ):
            if name.startswith("CASEDESK_"):
                patch.delenv(name)
        for name, value in env.items():
            if name != "PATH":
                patch.setenv(name, value)
        for name, stream in streams.items():
            patch.setattr(sys, name, stream)
        try:
            code: int = main(list(args))
        except SystemExit as exit_:  # argparse: usage errors, --help, --version
            if exit_.code is None or isinstance(exit_.code, int):
                code = int(exit_.code or 0)
            else:
                print(exit_.code, file=sys.stderr)
                code = 1
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
    return Result(code, out.getvalue().decode("utf-8", "replace"),
                  err.getvalue().decode("utf-8", "replace"))  # fmt: skip


ADMIN_PASSWORD = "keeper-of-keys-1"
INVESTIGATOR_PASSWORD = "field-notebook-pw-1"
SUPERVISOR_PASSWORD = "supervisor-pw-12"
HR_PASSWORD = "hr-password-123"
USERS = (
    ("ivy", "Ivy Investigator", Role.INVESTIGATOR, INVESTIGATOR_PASSWORD),
    ("sam", "Sam Supervisor", Role.SUPERVISOR, SUPERVISOR_PASSWORD),
    ("hana", "Hana HR", Role.HR, HR_PASSWORD),
)


@pytest.fixture
def cli(backend: str, request: pytest.FixtureRequest, cheap_hashing: None) -> Casedesk:
    """The CLI on a fresh database of each backend, initialised with one user per role."""
    name = "sqlite_cli" if backend == "sqlite" else "pg_cli"
    prepared: Casedesk = request.getfixturevalue(name)
    return prepared


@pytest.fixture
def sqlite_cli(_prepared_sqlite: _Prepared, tmp_path: Path, cheap_hashing: None) -> Casedesk:
    """The same on SQLite only, for checks made before the database is touched."""
    path = tmp_path / "db" / "casedesk.sqlite3"
    path.parent.mkdir()
    shutil.copy(_prepared_sqlite.database, path)
    url = sqlite_url(path)
    _prepared_sqlite.copy_files(_checkpoint_file(url))
    return Casedesk(url, tmp_path)


@pytest.fixture
def pg_cli(
    pg_server: str, _prepared_pg: _Prepared, tmp_path: Path, cheap_hashing: None
) -> Iterator[Casedesk]:
    """The same on PostgreSQL only, whose files the command does not write itself."""
    name = f"prepared_{next(_names)}"
    _pg_admin(pg_server, f'CREATE DATABASE "{name}" TEMPLATE "{_prepared_pg.database}"')
    url = f"{pg_server}/{name}"
    _prepared_pg.copy_files(_checkpoint_file(url))
    yield Casedesk(url, tmp_path)
    _pg_admin(pg_server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# ------------------------------------------------------------- the prepared template
#
# `init` (the policy catalog, the first administrator, this workstation's signing
# key and first checkpoint) and the three users are made once per backend and
# session; each test gets a copy of that database, of the signing key in its
# config folder, and of the checkpoint file where its own database's goes.

_names = itertools.count(1)
_PREPARED_PG = "casedesk_prepared"


@dataclass(frozen=True)
class _Prepared:
    """An initialised database and the files `init` wrote beside it."""

    database: str  #: the SQLite file, or the PostgreSQL template database's name
    config: Path  #: the XDG config folder holding the signing key
    checkpoints: Path  #: the checkpoint file

    def copy_files(self, checkpoint_file: Path) -> None:
        """The signing key into this test's config folder; the checkpoint file to its place."""
        shutil.copytree(self.config, os.environ["XDG_CONFIG_HOME"], dirs_exist_ok=True)
        _make_private_parents(checkpoint_file.parent)
        shutil.copy2(self.checkpoints, checkpoint_file)


def _make_private_parents(folder: Path) -> None:
    # The folders Casedesk makes are the user's only; so are these.
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir(mode=0o700)


def _checkpoint_file(url: str) -> Path:
    """Where the application keeps the checkpoint file of the database at ``url``."""
    parsed = make_url(url)
    found = checkpoint_file(
        SimpleNamespace(engine=SimpleNamespace(url=parsed), dialect=parsed.get_backend_name())  # type: ignore[arg-type]
    )
    assert found is not None
    return found


def _initialise(url: str) -> None:
    # In-process through the services to keep the suite quick;
    # test_init_and_user_add_through_the_cli covers the same steps as commands.
    database = Database.open(url)
    try:
        setup.initialize(
            database, admin_username="admin", admin_full_name="Alex Admin",
            admin_password=ADMIN_PASSWORD,
        )  # fmt: skip
        admin = accounts.authenticate(database, "admin", ADMIN_PASSWORD)
        for username, name, role, password in USERS:
            accounts.add_user(
                database, admin, username=username, full_name=name, password=password,
                roles=frozenset({role}),
            )  # fmt: skip
    finally:
        database.close()


@contextlib.contextmanager
def _template_home(root: Path) -> Iterator[None]:
    """XDG folders of the template's own, and cheap password hashes, while it is made."""
    with pytest.MonkeyPatch.context() as patch:
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            folder = root / name.removeprefix("XDG_").removesuffix("_HOME").lower()
            folder.mkdir(parents=True, exist_ok=True)
            patch.setenv(name, str(folder))
        patch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=64))
        yield


@pytest.fixture(scope="session")
def _prepared_sqlite(_sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> _Prepared:
    root = tmp_path_factory.mktemp("prepared-sqlite")
    path = root / "db" / "casedesk.sqlite3"
    path.parent.mkdir()
    shutil.copy(_sqlite_template, path)
    with _template_home(root / "home"):
        _initialise(sqlite_url(path))
        checkpoints = _checkpoint_file(sqlite_url(path))
    assert not path.with_name(path.name + "-wal").exists()
    return _Prepared(str(path), root / "home" / "config", checkpoints)


@pytest.fixture(scope="session")
def _prepared_pg(
    pg_server: str, _pg_template: str, tmp_path_factory: pytest.TempPathFactory
) -> _Prepared:
    root = tmp_path_factory.mktemp("prepared-pg")
    _pg_admin(pg_server, f'CREATE DATABASE "{_PREPARED_PG}" TEMPLATE "{_pg_template}"')
    with _template_home(root / "home"):
        _initialise(f"{pg_server}/{_PREPARED_PG}")
        checkpoints = _checkpoint_file(f"{pg_server}/{_PREPARED_PG}")
    return _Prepared(_PREPARED_PG, root / "home" / "config", checkpoints)


def _pg_admin(server_url: str, statement: str) -> str:
    url = make_url(server_url)
    with psycopg.connect(
        host=url.host, port=url.port, user=url.username, dbname="postgres", autocommit=True
    ) as connection:
        connection.execute(statement)  # type: ignore[arg-type]
    return server_url


@pytest.fixture
def bare_cli(tmp_path: Path, cheap_hashing: None) -> Casedesk:
    """The CLI on a new SQLite file that does not exist yet."""
    return Casedesk(f"sqlite:///{tmp_path / 'new.sqlite3'}", tmp_path)
