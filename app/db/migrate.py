"""Bring a database to the schema this version of Casedesk expects.

Opening a database upgrades an older one to the newest migration and refuses
one written by a newer Casedesk, whose revision this version does not know.

Alembic (and mako, which it loads) costs a few hundred milliseconds to import,
so it is imported only when there is something to upgrade: the stored
revision is read with plain SQL and compared with the newest revision of the
shipped migration files, read from their ``revision`` / ``down_revision``
lines (:func:`code_revisions`; a test checks it agrees with alembic).
"""

from __future__ import annotations

import functools
import re
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from app.resources import migrations_path

if TYPE_CHECKING:
    from alembic.config import Config

#: Tables whose presence marks a database as Casedesk's even without a revision.
_OUR_TABLES = {"alembic_version", "cases", "audit_events"}


class NotOurDatabase(Exception):
    """The database holds tables, but not Casedesk's."""


class DatabaseTooNew(Exception):
    """The database was written by a newer Casedesk than this one."""

    def __init__(self, revision: str) -> None:
        super().__init__(revision)
        self.revision = revision


@dataclass(frozen=True, slots=True)
class SchemaState:
    """The database's revision and this program's newest one."""

    current: str | None
    head: str

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head


@dataclass(frozen=True, slots=True)
class CodeRevisions:
    """The migrations this program ships: every revision id and the newest one."""

    known: frozenset[str]
    head: str


_REVISION_LINE = re.compile(
    r"^(down_revision|revision)\s*(?::[^=]*)?=\s*(?:None|[\"']([^\"']+)[\"'])\s*$", re.M
)


@functools.cache
def code_revisions() -> CodeRevisions:
    """The shipped migrations' revisions, from the files' own declarations.

    A migration file whose declarations are not plain string literals, or
    history with more than one head, is left to alembic to read.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in sorted(migrations_path().joinpath("versions").glob("*.py")):
        found = dict(
            (m.group(1), m.group(2)) for m in _REVISION_LINE.finditer(path.read_text("utf-8"))
        )
        revision = found.get("revision")
        if revision is None or "down_revision" not in found:
            return _alembic_revisions()
        revisions.add(revision)
        if found["down_revision"] is not None:
            parents.add(found["down_revision"])
    heads = revisions - parents
    if len(heads) != 1:
        return _alembic_revisions()
    return CodeRevisions(frozenset(revisions), heads.pop())


def _alembic_revisions() -> CodeRevisions:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    assert head is not None
    return CodeRevisions(frozenset(rev.revision for rev in script.walk_revisions()), head)


def alembic_config(connection: Connection | None = None) -> Config:
    """An alembic configuration pointing at the shipped migrations."""
    from alembic.config import Config

    # Alembic's default output is the ``sys.stdout`` of the moment alembic was
    # first imported, which may be closed since (a redirected stream): the one of now.
    config = Config(stdout=sys.stdout)
    config.set_main_option("script_location", str(migrations_path()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def schema_state(engine: Engine) -> SchemaState:
    """Read the database's revision; raise if it is newer than this program."""
    code = code_revisions()
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        current = _stored_revision(connection) if "alembic_version" in tables else None
    if current is None and tables and not tables & _OUR_TABLES:
        raise NotOurDatabase(", ".join(sorted(tables)[:5]))
    if current is not None and current not in code.known:
        raise DatabaseTooNew(current)
    return SchemaState(current, code.head)


def _stored_revision(connection: Connection) -> str | None:
    rows = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if len(rows) > 1:  # branches: alembic says what that means
        from alembic.runtime.migration import MigrationContext

        return MigrationContext.configure(connection).get_current_revision()
    return str(rows[0]) if rows else None


def upgrade(engine: Engine, state: SchemaState | None = None) -> SchemaState:
    """Upgrade the database to the newest migration; return the state before.

    ``state``: the database's state just read by :func:`schema_state`, not read again.
    """
    if state is None:
        state = schema_state(engine)
    if not state.up_to_date:
        from alembic import command

        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "head")
        if state.current is not None:
            _analyze(engine)
    return state


def _analyze(engine: Engine) -> None:
    """Refresh the planner's statistics after a migration changed tables or indexes.

    Without them a new index may go unused (SQLite has no statistics for it;
    PostgreSQL's autovacuum gets there later), and the case list's keyset
    pages fall back to sorting every case.
    """
    with engine.connect() as connection:
        connection.exec_driver_sql("ANALYZE")
        connection.commit()
