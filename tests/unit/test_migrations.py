"""Migrations on real databases, SQLite and PostgreSQL: up, down, up again, check.

Also how opening a database the app cannot use fails: newer than the app, not
a database at all, or a server that does not answer.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from alembic import command
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, inspect, text

from app.config import sqlite_url
from app.db.migrate import alembic_config, code_revisions
from app.domain.errors import DatabaseError
from app.services.database import Database
from tests import sqlite_files

CORE_TABLES = {"cases", "audit_events", "audit_head", "alembic_version"}


def _head() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def _tables(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        return set(inspect(connection).get_table_names())


def _revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def test_revisions_read_from_the_migration_files_agree_with_alembic() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    code = code_revisions()
    assert code.head == _head()
    assert code.known == {rev.revision for rev in script.walk_revisions()}


def test_opening_an_up_to_date_database_does_not_load_alembic(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "current.sqlite3")
    Database.open(url).close()
    probe = (
        "import sys; from app.services.database import Database; "
        f"Database.open({url!r}).close(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('alembic', 'mako')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"


def test_empty_database_is_upgraded_to_head(empty_database_url: str) -> None:
    database = Database.open(empty_database_url)
    try:
        assert CORE_TABLES <= _tables(database.engine)
        assert _revision(database.engine) == _head()
        with database.engine.connect() as connection:
            rows = connection.execute(text("SELECT id, seq FROM audit_head")).all()
        assert [tuple(row) for row in rows] == [(1, 0)]
    finally:
        database.close()

    # Opening it again finds it up to date and changes nothing.
    again = Database.open(empty_database_url)
    try:
        assert again.state().up_to_date
    finally:
        again.close()


def test_downgrade_to_base_and_upgrade_again(empty_database_url: str) -> None:
    database = Database.open(empty_database_url)
    try:
        engine = database.engine
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection), "base")
        assert _tables(engine) == {"alembic_version"}
        assert _revision(engine) is None

        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "head")
        assert CORE_TABLES <= _tables(engine)
        assert _revision(engine) == _head()
        with engine.connect() as connection:
            count = connection.execute(text("SELECT count(*) FROM audit_head")).scalar_one()
        assert count == 1
    finally:
        database.close()


def test_models_match_migrations(database: Database) -> None:
    """``alembic check``: autogenerate finds nothing to add at head."""
    with database.engine.connect() as connection:
        command.check(alembic_config(connection))


def test_database_from_a_newer_casedesk_is_refused(database_url: str) -> None:
    database = Database.open(database_url)
    try:
        with database.engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    finally:
        database.close()

    with pytest.raises(DatabaseError, match="newer"):
        Database.open(database_url)
    with pytest.raises(DatabaseError, match="newer"):
        Database.open(database_url, upgrade_schema=False)

    # Refusing it left it alone.
    engine = create_engine(database_url)
    try:
        assert _revision(engine) == "9999_future"
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    "content",
    [b"These are my notes, not a database.\n" * 200, os.urandom(8192)],
    ids=["text", "random-bytes"],
)
def test_file_that_is_not_a_database_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(content)

    with pytest.raises(DatabaseError, match="not a database"):
        Database.open(sqlite_url(path))
    assert path.read_bytes() == content


def test_sqlite_file_of_another_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with closing(sqlite_files.connect(path)) as connection:
        connection.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
        connection.commit()

    with pytest.raises(DatabaseError, match="not a Casedesk database"):
        Database.open(sqlite_url(path))


def test_unreachable_postgresql_server_fails_quickly() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    # Nothing listens on the port now.
    started = time.monotonic()
    with pytest.raises(DatabaseError):
        Database.open(f"postgresql+psycopg://casedesk@127.0.0.1:{port}/casedesk")
    assert time.monotonic() - started < 10
