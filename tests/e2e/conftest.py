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

import io
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from app.__main__ import main
from app.domain.permissions import Role
from app.services import accounts, catalog, setup
from app.services.database import Database
from tests import children
from tests.e2e import hr_team
from tests.e2e.hr_team import Cli as HrTeamCli

if TYPE_CHECKING:
    from tests.conftest import PreparedTemplates


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
        completed = children.run(
            [sys.executable, "-m", "app", *map(os.fsdecode, args)],
            env=self._env(user, password, new_password),
            input=stdin if stdin is not None else b"",
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
def sqlite_cli(
    prepared: PreparedTemplates, request: pytest.FixtureRequest, tmp_path: Path,
    cheap_hashing: None,
) -> Casedesk:  # fmt: skip
    """The same on SQLite only, for checks made before the database is touched."""
    template = prepared.template(request, "sqlite", "cli", _initialise)
    return Casedesk(prepared.fresh_copy(request, template), tmp_path)


@pytest.fixture
def pg_cli(
    prepared: PreparedTemplates, request: pytest.FixtureRequest, tmp_path: Path,
    cheap_hashing: None,
) -> Casedesk:  # fmt: skip
    """The same on PostgreSQL only, whose files the command does not write itself."""
    template = prepared.template(request, "postgresql", "cli", _initialise)
    return Casedesk(prepared.fresh_copy(request, template), tmp_path)


def _initialise(url: str) -> None:
    """``init`` and one user per role; made once per session (``prepared``), copied per test.

    In-process through the services to keep the suite quick;
    test_init_and_user_add_through_the_cli covers the same steps as commands.
    """
    database = Database.open(url)
    try:
        setup.initialize(
            database, admin_username="admin", admin_full_name="Alex Admin",
            admin_password=ADMIN_PASSWORD,
        )  # fmt: skip
        admin = accounts.authenticate(database, "admin", ADMIN_PASSWORD)
        # Each user works for every agency of the catalog, so the tests' cases are theirs.
        codes = tuple(a.code for a in catalog.list_agencies(database, admin))
        for username, name, role, password in USERS:
            accounts.add_user(
                database, admin, username=username, full_name=name, password=password,
                roles=frozenset({role}), agency_codes=codes,
            )  # fmt: skip
    finally:
        database.close()


@pytest.fixture
def bare_cli(tmp_path: Path, cheap_hashing: None) -> Casedesk:
    """The CLI on a new SQLite file that does not exist yet."""
    return Casedesk(f"sqlite:///{tmp_path / 'new.sqlite3'}", tmp_path)


@pytest.fixture
def hr_team_cli(
    backend: str, prepared: PreparedTemplates, request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], cheap_hashing: None,
) -> HrTeamCli:  # fmt: skip
    """The administrator and the three users of ``tests/e2e/hr_team.py``, made once per
    backend (``prepared``); a fresh copy, run in this process."""
    template = prepared.template(request, backend, "hr-team", hr_team.make_team)
    return HrTeamCli(prepared.fresh_copy(request, template), monkeypatch, capsys)
