"""Bring a database to the schema this version of Casedesk expects.

Opening a database upgrades an older one to the newest migration and refuses
one written by a newer Casedesk, whose revision this version does not know.
"""

from __future__ import annotations

from dataclasses import dataclass

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

from app.resources import migrations_path

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


def alembic_config(connection: Connection | None = None) -> Config:
    """An alembic configuration pointing at the shipped migrations."""
    config = Config()
    config.set_main_option("script_location", str(migrations_path()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def schema_state(engine: Engine) -> SchemaState:
    """Read the database's revision; raise if it is newer than this program."""
    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    assert head is not None
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        current = MigrationContext.configure(connection).get_current_revision()
    if current is None and tables and not tables & _OUR_TABLES:
        raise NotOurDatabase(", ".join(sorted(tables)[:5]))
    if current is not None:
        known = {rev.revision for rev in script.walk_revisions()}
        if current not in known:
            raise DatabaseTooNew(current)
    return SchemaState(current, head)


def upgrade(engine: Engine) -> SchemaState:
    """Upgrade the database to the newest migration; return the state before."""
    state = schema_state(engine)
    if not state.up_to_date:
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
