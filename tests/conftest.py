"""Test set-up: real databases on both backends, and no trace in the user's home.

Fixtures
--------
``pg_server`` (session)
    A private PostgreSQL cluster on 127.0.0.1; yields the URL prefix
    ``postgresql+psycopg://postgres@127.0.0.1:PORT`` (append ``/DBNAME``).
``backend``
    ``"sqlite"`` or ``"postgresql"``: every test that uses it (or a fixture
    below built on it) runs once per backend.
``database_url`` / ``database``
    A fresh database at the newest migration for ``backend``: its URL, or a
    :class:`Database` opened on it (closed at teardown).
``sqlite_database_url`` / ``sqlite_database``, ``pg_database_url``
    The same for one backend only.
``empty_database_url``, ``sqlite_url_empty``, ``pg_url_empty``
    A fresh, EMPTY (unmigrated) database, for migration tests.
``cheap_hashing``
    Minimum-cost argon2id password hashes for the test.
``prepared`` (session)
    :class:`PreparedTemplates`: a database initialised once per session
    (catalog, first administrator, signing key, first checkpoint, ...) and
    copied per test with the files written beside it.
``demo_template`` (session), ``demo_url``, ``demo_database``
    The demo data (``casedesk demo``'s service) made once per run on SQLite,
    shared by the test workers; a fresh copy of it per test: its URL, or a
    :class:`Database` opened on it. ``demo_result`` (session): what
    ``create_demo`` returned when it made the template.
``pg_tls_server`` (module)
    A second private cluster with TLS on, its server certificate signed by a
    throw-away CA for 127.0.0.1 and localhost; for the ``sslmode=verify-full``
    tests only.

Migrated databases are copies of a template migrated once per session: a file
copy for SQLite, ``CREATE DATABASE ... TEMPLATE`` for PostgreSQL.
"""

from __future__ import annotations

import contextlib
import datetime
import fcntl
import itertools
import os
import pickle
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import psycopg
import pytest
from argon2 import PasswordHasher
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.util import LRUCache

from app.config import sqlite_url
from app.db import engine as engine_module
from app.services import accounts
from app.services import database as database_module
from app.services.database import Database
from tests import sqlite_files

# The capture browser (Qt WebEngine) runs its renderer in Chromium's sandbox,
# which cannot start as root; tests run as root here, so the sandbox is off for
# tests only (never in the application). Qt WebEngine also needs OpenGL contexts
# shared before the test application is made.
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu --log-level=3")


def _share_gl_contexts() -> None:
    from PySide6.QtCore import QCoreApplication, Qt

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)


_share_gl_contexts()

BACKENDS = ["sqlite", "postgresql"]
PG_TEMPLATE = "casedesk_template"
_PG_OPTIONS = (
    "-c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
    "-c full_page_writes=off -c max_connections=200"
    # Its shared memory segments in its data folder, removed with it (a server stopped
    # with -m immediate leaves them in /dev/shm otherwise).
    " -c dynamic_shared_memory_type=mmap"
)
_names = itertools.count(1)


# --------------------------------------------------------------------------- marks


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that needs the PostgreSQL server ``postgres``."""
    for item in items:
        params = getattr(item, "callspec", None)
        uses_pg = {"pg_server", "pg_url_empty", "pg_database_url", "pg_tls_server"} & set(
            getattr(item, "fixturenames", ())
        )
        if uses_pg or (params is not None and params.params.get("backend") == "postgresql"):
            item.add_marker(pytest.mark.postgres)


# ---------------------------------------------------------------- the user's home


_XDG = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")


def _isolate(monkeypatch: pytest.MonkeyPatch, root: Path) -> None:
    for name in _XDG:
        folder = root / name.removeprefix("XDG_").removesuffix("_HOME").lower()
        folder.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(folder))
    # The user's documents (where reports are saved) are the test's own too.
    documents = root / "documents"
    (root / "config" / "user-dirs.dirs").write_text(f'XDG_DOCUMENTS_DIR="{documents}"\n')
    monkeypatch.setenv("CASEDESK_DATABASE_URL", sqlite_url(root / "default.sqlite3"))
    # Signing keys go to a file in the test's config folder, never the OS keyring.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.delenv("CASEDESK_PASSWORD", raising=False)


@pytest.fixture(scope="session", autouse=True)
def _one_sqlite_library() -> Iterator[None]:
    """The system's ``sqlite3`` module refused on any file: a test opens a database
    file with the application's SQLite (``tests/sqlite_files.py`` says why)."""
    import sqlite3

    original = sqlite3.connect

    def connect(database: object, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        name = str(database)
        if name not in ("", ":memory:") and not name.startswith("file::memory:"):
            raise AssertionError(
                f"{name} was opened with the system's sqlite3 module, a second SQLite in "
                "this process: open it with tests.sqlite_files.connect"
            )
        return original(database, *args, **kwargs)  # type: ignore[call-overload]

    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(sqlite3, "connect", connect)
        yield


@pytest.fixture(scope="session", autouse=True)
def _isolated_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Session fixtures (templates, server) also stay out of the real home."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        _isolate(monkeypatch, tmp_path_factory.mktemp("home"))
        yield


class _SharedCompiledCache:
    """One compiled-SQL cache for every engine a test process opens.

    SQLAlchemy keeps the SQL it compiled from a statement per engine, keyed by
    the engine's dialect object, so every database a test opens (each
    in-process command opens its own) compiles every statement again: a
    quarter of the suite's CPU. Here the engines share one cache, and a key
    names its dialect by what its SQL depends on (class, driver module,
    server version, parameter style, JSON serializer), so engines on the same
    backend reuse each other's SQL. Statements are still compiled and run;
    the application keeps one cache per engine (one engine per process).
    """

    def __init__(self) -> None:
        self._cache: LRUCache[tuple[object, ...], object] = LRUCache(20_000)

    @staticmethod
    def _key(key: tuple[object, ...]) -> tuple[object, ...]:
        dialect: Any = key[0]
        same = (
            type(dialect), dialect.dbapi, dialect.server_version_info, dialect.paramstyle,
            dialect.max_identifier_length, getattr(dialect, "_json_serializer", None),
        )  # fmt: skip
        return (same, *key[1:])

    def get(self, key: tuple[object, ...], default: object = None) -> object:
        return self._cache.get(self._key(key), default)

    def __setitem__(self, key: tuple[object, ...], value: object) -> None:
        self._cache[self._key(key)] = value


@pytest.fixture(scope="session", autouse=True)
def _one_compiled_cache() -> Iterator[None]:
    """Every engine of this test process shares :class:`_SharedCompiledCache`."""
    shared = _SharedCompiledCache()
    made = engine_module.make_engine

    def make_engine(url: str, **kwargs: Any) -> Engine:
        engine = made(url, **kwargs)
        engine.update_execution_options(compiled_cache=shared)
        return engine

    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(engine_module, "make_engine", make_engine)
        monkeypatch.setattr(database_module, "make_engine", make_engine)
        yield


@pytest.fixture(autouse=True)
def _isolated_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Each test: XDG folders and the default database under its own tmp_path."""
    _isolate(monkeypatch, tmp_path / "home")


# -------------------------------------------------------------------- passwords


@pytest.fixture
def only_the_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    """The render worker must answer itself: its fallback, rendering here, fails the test."""
    from reports.worker import RenderWorker

    def refused(_self: RenderWorker, _report: object) -> bytes:
        raise AssertionError("the report was rendered in this process, not by the worker")

    monkeypatch.setattr(RenderWorker, "_in_process", refused)


@pytest.fixture
def fallbacks(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The reports the render worker left to this process (noted, then rendered here)."""
    from reports.worker import RenderWorker

    seen: list[object] = []
    rendering = RenderWorker._in_process

    def noted(self: RenderWorker, report: object) -> bytes:
        seen.append(report)
        return rendering(self, report)  # type: ignore[arg-type]

    monkeypatch.setattr(RenderWorker, "_in_process", noted)
    return seen


#: Minimum-cost argon2id: the parameters of every cheap hash the tests make.
CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=64)


@pytest.fixture
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Minimum-cost argon2id for this test only: tests are about rules, not password cost.

    Production keeps its cost (``accounts._hasher``); a hash made here still
    verifies there, and is rehashed at full cost on its first sign-in.
    """
    monkeypatch.setattr(accounts, "_hasher", CHEAP_HASHER)


# ------------------------------------------------------- prepared (initialised) copies


@dataclass(frozen=True)
class Prepared:
    """A database a maker initialised once, and the files it wrote outside it."""

    url: str  #: the template: a SQLite file's URL, or a PostgreSQL database's
    config: Path  #: the XDG config folder it was made with (the signing key)
    checkpoints: Path | None  #: its checkpoint file, if one was written
    value: object  #: what the maker returned (e.g. the administrator)

    def copy_files(self, url: str) -> None:
        """The signing key into this test's config folder; the checkpoint file to its place."""
        shutil.copytree(self.config, os.environ["XDG_CONFIG_HOME"], dirs_exist_ok=True)
        if self.checkpoints is not None:
            target = checkpoint_file_of(url)
            _private_parents(target.parent)
            shutil.copy2(self.checkpoints, target)


def checkpoint_file_of(url: str) -> Path:
    """Where the application keeps the checkpoint file of the database at ``url``."""
    from app.services.integrity.checkpoints import checkpoint_file

    parsed = make_url(url)
    database = SimpleNamespace(
        engine=SimpleNamespace(url=parsed), dialect=parsed.get_backend_name()
    )
    found = checkpoint_file(database)  # type: ignore[arg-type]
    assert found is not None
    return found


def _private_parents(folder: Path) -> None:
    # The folders Casedesk makes are the user's only; so are these.
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir(mode=0o700)


class PreparedTemplates:
    """Initialised databases made once per session on demand, by backend and name."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.made: dict[tuple[str, str], Prepared] = {}
        self.copies: set[str] = set()  #: the URLs fresh_copy made
        self.copied_from: dict[str, Prepared] = {}  #: the template of each copy, by URL

    def template(
        self,
        request: pytest.FixtureRequest,
        backend: str,
        name: str,
        maker: Callable[[str], object],
    ) -> Prepared:
        """The template ``name`` on ``backend``: ``maker(url)`` run once on a migrated copy."""
        key = (backend, name)
        if key not in self.made:
            home = self.root / f"{backend}-{name}"
            if backend == "sqlite":
                path = home / "db" / "casedesk.sqlite3"
                path.parent.mkdir(parents=True)
                shutil.copy(request.getfixturevalue("_sqlite_template"), path)
                url = sqlite_url(path)
            else:
                server = request.getfixturevalue("pg_server")
                template = request.getfixturevalue("_pg_template")
                url = _pg_create(server, f"prepared_{name}", template=template)
            with _template_home(home / "home"):
                value = maker(url)
                checkpoints = checkpoint_file_of(url)
            if backend == "sqlite":
                assert not path.with_name(path.name + "-wal").exists()
            found = checkpoints if checkpoints.exists() else None
            self.made[key] = Prepared(url, home / "home" / "config", found, value)
        return self.made[key]

    def fresh_copy(self, request: pytest.FixtureRequest, prepared: Prepared) -> str:
        """A new database copied from ``prepared`` (dropped after the test); its URL."""
        if prepared.url.startswith("sqlite"):
            path = request.getfixturevalue("tmp_path") / "db" / "casedesk.sqlite3"
            path.parent.mkdir()
            source = make_url(prepared.url).database
            assert source
            shutil.copy(source, path)
            url = sqlite_url(path)
        else:
            server = request.getfixturevalue("pg_server")
            name = f"t_{next(_names)}"
            url = _pg_create(server, name, template=make_url(prepared.url).database)
            request.addfinalizer(lambda: _pg_drop(server, name))
        prepared.copy_files(url)
        self.copies.add(url)
        self.copied_from[url] = prepared
        return url

    def copy_into(self, request: pytest.FixtureRequest, prepared: Prepared, url: str) -> None:
        """Make the (closed, or about to be reopened) database at ``url`` a copy of ``prepared``."""
        if url.startswith("sqlite"):
            source = make_url(prepared.url).database
            target = make_url(url).database
            assert source and target
            with (
                contextlib.closing(sqlite_files.connect(source)) as src,
                contextlib.closing(sqlite_files.connect(target)) as dst,
            ):
                src.backup(dst)
        else:
            server = request.getfixturevalue("pg_server")
            name = make_url(url).database
            assert name
            _pg_drop(server, name)
            _pg_create(server, name, template=make_url(prepared.url).database)
        prepared.copy_files(url)
        self.copied_from[url] = prepared


@contextlib.contextmanager
def _template_home(root: Path) -> Iterator[None]:
    """XDG folders of the template's own, and cheap password hashes, while it is made."""
    with pytest.MonkeyPatch.context() as patch:
        _isolate(patch, root)
        patch.setattr(accounts, "_hasher", CHEAP_HASHER)
        yield


@pytest.fixture(scope="session")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> PreparedTemplates:
    """Initialised databases made once per session, copied per test (see the module doc)."""
    return PreparedTemplates(tmp_path_factory.mktemp("prepared"))


# --------------------------------------------------------------------- the demo


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, made once per run: the first worker to need it makes it.

    Under pytest-xdist every worker's temporary folder lies in the run's own
    folder, where one lock file lets one worker make the demo while the others wait.
    A child pytest a test starts (a run under another Qt screen set-up) is given
    the template its parent made, in :data:`DEMO_TEMPLATE_ENV`, and copies it
    rather than making the same demo again.

    Its passwords are hashed at the cheap test cost (:data:`CHEAP_HASHER`), as
    every copy of it is signed in to at that cost (``demo_url``): a sign-in at
    the production cost takes 0.2 CPU-s, and the window tests sign in hundreds
    of times. The demo's own test makes one at the production cost on PostgreSQL.
    """
    from app.services.demo import create_demo

    given = os.environ.get(DEMO_TEMPLATE_ENV)
    if given:
        made = Path(given)
        assert made.is_file() and made.with_name(DEMO_RESULT).is_file(), given
        return made
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent
    path = shared / "demo-template" / "demo.sqlite3"
    with open(shared / "demo-template.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not path.exists():
            path.parent.mkdir(exist_ok=True)
            partial = path.with_name("making.sqlite3")
            database = Database.open(sqlite_url(partial))
            try:
                with pytest.MonkeyPatch.context() as patch:
                    patch.setattr(accounts, "_hasher", CHEAP_HASHER)
                    result = create_demo(database)
            finally:
                database.close()
            assert not partial.with_name(partial.name + "-wal").exists()
            path.with_name(DEMO_RESULT).write_bytes(pickle.dumps(result))
            partial.rename(path)
    return path


#: What ``create_demo`` returned when it made the demo template, pickled beside it.
DEMO_RESULT = "result.pickle"
#: The environment variable naming a demo template already made (for a child pytest).
DEMO_TEMPLATE_ENV = "CASEDESK_TEST_DEMO_TEMPLATE"


@pytest.fixture(scope="session")
def demo_result(demo_template: Path) -> object:
    """What ``create_demo`` returned when it made the demo template (its ``DemoResult``)."""
    return pickle.loads(demo_template.with_name(DEMO_RESULT).read_bytes())


@pytest.fixture
def demo_url(demo_template: Path, tmp_path: Path, cheap_hashing: None) -> str:
    """A fresh copy of the demo database, signed in to at the cheap cost it was made with."""
    copy = tmp_path / "demo.sqlite3"
    shutil.copy(demo_template, copy)
    return sqlite_url(copy)


@pytest.fixture
def demo_database(demo_url: str) -> Iterator[Database]:
    """The fresh copy of the demo database, open."""
    database = Database.open(demo_url)
    yield database
    database.close()


# ---------------------------------------------------------------------- PostgreSQL


def _pg_bindir() -> Path | None:
    """PostgreSQL's server binaries: CASEDESK_PG_BINDIR, else Debian's, newest first."""
    override = os.environ.get("CASEDESK_PG_BINDIR")
    candidates = [Path(override)] if override else []
    root = Path("/usr/lib/postgresql")
    if root.is_dir():
        versions = sorted(
            (p for p in root.iterdir() if p.name.isdigit()), key=lambda p: -int(p.name)
        )
        preferred = [p for p in versions if p.name == "15"]
        candidates += [p / "bin" for p in preferred + versions]
    for candidate in candidates:
        if (candidate / "initdb").is_file() and (candidate / "pg_ctl").is_file():
            return candidate
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _PgCluster:
    """A throw-away cluster; as root its files and processes belong to ``postgres``."""

    def __init__(self, bindir: Path, options: str = "") -> None:
        self.bindir = bindir
        self.options = options
        self.as_root = os.geteuid() == 0
        self.base = Path(tempfile.mkdtemp(prefix="casedesk-pg-"))
        self.data = self.base / "data"
        self.sockets = self.base / "sockets"
        self.log = self.base / "server.log"
        self.sockets.mkdir()
        if self.as_root:
            shutil.chown(self.base, "postgres", "postgres")
            shutil.chown(self.sockets, "postgres", "postgres")
        self.port = 0

    def run(self, tool: str, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = [str(self.bindir / tool), *args]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
        return subprocess.run(
            command, cwd=self.base, env=env, capture_output=True, text=True, check=check
        )

    def init(self) -> None:
        self.run(
            "initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres",
            "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip

    def start(self) -> None:
        for _attempt in range(3):  # another process may take the free port first
            self.port = _free_port()
            options = f"-p {self.port} -k {self.sockets} {_PG_OPTIONS} {self.options}"
            started = self.run(
                "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options,
                "-w", "-t", "60", "start",
                check=False,
            )  # fmt: skip
            if started.returncode == 0:
                return
        log = self.log.read_text(errors="replace") if self.log.exists() else ""
        raise RuntimeError(
            f"PostgreSQL did not start:\n{started.stdout}{started.stderr}\n{log[-3000:]}"
        )

    def stop(self) -> None:
        if self.data.is_dir():
            self.run("pg_ctl", "-D", str(self.data), "-m", "immediate", "stop", check=False)
        shutil.rmtree(self.base, ignore_errors=True)


def _require_pg_bindir() -> Path:
    bindir = _pg_bindir()
    if bindir is None:
        pytest.fail(
            "PostgreSQL's server programs (initdb, pg_ctl) are not installed, and the suite "
            "tests PostgreSQL for real: run `make test`, which installs them "
            "(Debian package 'postgresql'), or set CASEDESK_PG_BINDIR.",
            pytrace=False,
        )
    assert bindir is not None
    return bindir


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A private PostgreSQL server for the session; yields its URL without a database."""
    cluster = _PgCluster(_require_pg_bindir())
    try:
        try:
            cluster.init()
            cluster.start()
        except (subprocess.CalledProcessError, RuntimeError) as exc:
            detail = getattr(exc, "stderr", None) or str(exc)
            pytest.fail(f"Cannot start the test PostgreSQL server: {detail}", pytrace=False)
        yield f"postgresql+psycopg://postgres@127.0.0.1:{cluster.port}"
    finally:
        cluster.stop()


@contextlib.contextmanager
def _pg_admin(server_url: str) -> Iterator[psycopg.Connection[tuple[object, ...]]]:
    url = make_url(server_url)
    with psycopg.connect(
        host=url.host, port=url.port, user=url.username, dbname="postgres", autocommit=True
    ) as connection:
        yield connection


def _pg_create(server_url: str, name: str, template: str | None = None) -> str:
    with _pg_admin(server_url) as admin:
        if template:
            # FILE_COPY copies the template's files (fsync is off here); PostgreSQL
            # 15's default, WAL_LOG, writes them through the WAL: 53 against 33 ms.
            strategy = " STRATEGY FILE_COPY" if admin.info.server_version >= 150000 else ""
            admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"{strategy}')
        else:
            admin.execute(f'CREATE DATABASE "{name}"')
    return f"{server_url}/{name}"


def _pg_drop(server_url: str, name: str) -> None:
    with _pg_admin(server_url) as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            (name,),
        )
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def _pg_template(pg_server: str) -> str:
    """``casedesk_template`` at the newest migration; returns its name."""
    url = _pg_create(pg_server, PG_TEMPLATE)
    Database.open(url).close()
    return PG_TEMPLATE


@pytest.fixture
def pg_database_url(pg_server: str, _pg_template: str) -> Iterator[str]:
    """A fresh PostgreSQL database at the newest migration (dropped afterwards)."""
    name = f"t_{next(_names)}"
    yield _pg_create(pg_server, name, template=_pg_template)
    _pg_drop(pg_server, name)


@pytest.fixture
def pg_url_empty(pg_server: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database (dropped afterwards)."""
    name = f"e_{next(_names)}"
    yield _pg_create(pg_server, name, template="template0")
    _pg_drop(pg_server, name)


# --------------------------------------------------------------------------- SQLite


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file at the newest migration, in one file (no WAL) so a copy is whole."""
    path = tmp_path_factory.mktemp("sqlite-template") / "template.sqlite3"
    Database.open(sqlite_url(path)).close()
    with contextlib.closing(sqlite_files.connect(path)) as connection:
        connection.execute("PRAGMA journal_mode = DELETE")
    assert not path.with_name(path.name + "-wal").exists()
    return path


@pytest.fixture
def sqlite_database_url(_sqlite_template: Path, tmp_path: Path) -> str:
    """A fresh SQLite file at the newest migration."""
    path = tmp_path / "db" / "casedesk.sqlite3"
    path.parent.mkdir()
    shutil.copy(_sqlite_template, path)
    return sqlite_url(path)


@pytest.fixture
def sqlite_url_empty(tmp_path: Path) -> str:
    """A SQLite URL whose file does not exist yet (an empty database)."""
    path = tmp_path / "empty" / "casedesk.sqlite3"
    path.parent.mkdir()
    return sqlite_url(path)


@pytest.fixture
def sqlite_database(sqlite_database_url: str) -> Iterator[Database]:
    """An open SQLite :class:`Database` at the newest migration."""
    database = Database.open(sqlite_database_url)
    yield database
    database.close()


# ------------------------------------------------------------------- either backend


@pytest.fixture(params=BACKENDS, ids=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """The database backend under test; tests using it run on both."""
    return str(request.param)


@pytest.fixture
def database_url(backend: str, request: pytest.FixtureRequest) -> str:
    """A fresh database at the newest migration on ``backend``."""
    name = "sqlite_database_url" if backend == "sqlite" else "pg_database_url"
    return str(request.getfixturevalue(name))


@pytest.fixture
def empty_database_url(backend: str, request: pytest.FixtureRequest) -> str:
    """A fresh, empty (unmigrated) database on ``backend``."""
    name = "sqlite_url_empty" if backend == "sqlite" else "pg_url_empty"
    return str(request.getfixturevalue(name))


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    """An open :class:`Database` at the newest migration on ``backend``."""
    db = Database.open(database_url)
    yield db
    db.close()


# ------------------------------------------------------------------ PostgreSQL, TLS


def _make_ca(name: str) -> tuple[bytes, bytes]:
    """A self-signed CA certificate and its key, PEM."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                key_cert_sign=True,
                crl_sign=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )  # fmt: skip
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return cert.public_bytes(serialization.Encoding.PEM), key_pem


def _make_server_cert(
    ca_pem: bytes, ca_key_pem: bytes, ip: str, hosts: list[str]
) -> tuple[bytes, bytes]:
    """A server certificate for ``ip`` and ``hosts`` signed by the CA, and its key, PEM."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    ca = x509.load_pem_x509_certificate(ca_pem)
    ca_key = serialization.load_pem_private_key(ca_key_pem, password=None)
    assert isinstance(ca_key, ec.EllipticCurvePrivateKey)
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.datetime.now(datetime.UTC)
    names: list[x509.GeneralName] = [x509.IPAddress(ipaddress.ip_address(ip))]
    names += [x509.DNSName(host) for host in hosts]
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, ip)]))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return cert.public_bytes(serialization.Encoding.PEM), key_pem


@dataclass(frozen=True)
class PgTls:
    """A TLS-only PostgreSQL server and the root certificates to check it with."""

    url: str  #: postgresql+psycopg://postgres@127.0.0.1:PORT (append /DBNAME and the query)
    root_cert: Path  #: the CA that signed the server's certificate
    other_root_cert: Path  #: a CA that did not


@pytest.fixture(scope="module")
def pg_tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PgTls]:
    """A second private cluster with ``ssl=on`` and only TLS connections from TCP."""
    bindir = _require_pg_bindir()
    certs = tmp_path_factory.mktemp("pg-tls")
    ca_cert, ca_key = _make_ca("Casedesk test database CA")
    other_cert, _other_key = _make_ca("Some other CA")
    (certs / "root.crt").write_bytes(ca_cert)
    (certs / "other-root.crt").write_bytes(other_cert)
    cluster = _PgCluster(bindir)
    server_cert, server_key = _make_server_cert(ca_cert, ca_key, "127.0.0.1", ["localhost"])
    try:
        cluster.init()
        for name, content in (("server.crt", server_cert), ("server.key", server_key)):
            target = cluster.data / name
            target.write_bytes(content)
            target.chmod(0o600)
            if cluster.as_root:
                shutil.chown(target, "postgres", "postgres")
        with (cluster.data / "pg_hba.conf").open("w") as hba:
            hba.write("local all all trust\nhostssl all all 127.0.0.1/32 trust\n")
        cluster.options = "-c ssl=on -c ssl_cert_file=server.crt -c ssl_key_file=server.key"
        try:
            cluster.start()
        except RuntimeError as exc:
            pytest.fail(f"Cannot start the TLS PostgreSQL server: {exc}", pytrace=False)
        yield PgTls(
            f"postgresql+psycopg://postgres@127.0.0.1:{cluster.port}",
            certs / "root.crt",
            certs / "other-root.crt",
        )
    finally:
        cluster.stop()
