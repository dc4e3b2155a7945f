"""Opening the database: reachability, schema upgrade, and units of work.

The CLI and the GUI hold a :class:`Database` and pass it to services; they
never see an engine or a session.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from app.db.engine import UnitOfWork, make_engine
from app.db.migrate import DatabaseTooNew, NotOurDatabase, SchemaState, schema_state, upgrade
from app.domain.errors import DatabaseError
from app.services import retry


class Database:
    """An open Casedesk database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str, *, upgrade_schema: bool = True) -> Database:
        """Open ``url``, upgrading an older schema; raise :class:`DatabaseError` if unusable."""
        engine = _engine_for(url)
        database = cls(engine)
        try:
            if upgrade_schema:
                upgrade(engine)
            else:
                schema_state(engine)
        except DatabaseTooNew as exc:
            engine.dispose()
            raise DatabaseError(
                f"The database {database.display_name} was written by a newer Casedesk "
                f"(schema revision {exc.revision}); install the newer version to open it."
            ) from None
        except NotOurDatabase as exc:
            engine.dispose()
            raise DatabaseError(
                f"{database.display_name} is not a Casedesk database (it holds other tables: "
                f"{exc}); choose another file or URL."
            ) from None
        except DBAPIError as exc:
            engine.dispose()
            raise DatabaseError(_explain(database.display_name, exc)) from None
        return database

    @property
    def dialect(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self.engine.dialect.name

    @property
    def display_name(self) -> str:
        """The URL without its password, for messages and the status bar."""
        url = self.engine.url
        if url.get_backend_name() == "sqlite":
            return url.database or ":memory:"
        return url.render_as_string(hide_password=True)

    def state(self) -> SchemaState:
        """The schema revision of the database and of this program."""
        return schema_state(self.engine)

    def ping(self) -> None:
        """Check the database answers; raise :class:`DatabaseError` if not."""
        try:
            with self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except DBAPIError as exc:
            raise DatabaseError(_explain(self.display_name, exc)) from None

    @contextmanager
    def unit_of_work(self, *, write: bool = False, snapshot: bool = False) -> Iterator[UnitOfWork]:
        """A transaction that rolls back unless committed.

        A deadlock, serialization failure or SQLite busy timeout becomes
        :class:`DatabaseBusy`, which :func:`app.services.retry.retried` retries.
        """
        try:
            with UnitOfWork(self.engine, write=write, snapshot=snapshot) as uow:
                try:
                    yield uow
                finally:
                    if uow.committed:
                        retry.note_commit()
        except DBAPIError as exc:
            if retry.is_transient(exc):
                # Rolled back; a service wrapped in retry.retried runs again.
                raise retry.busy() from None
            if exc.connection_invalidated or _is_connection_error(exc):
                raise DatabaseError(_explain(self.display_name, exc)) from None
            raise

    def close(self) -> None:
        """Release the connections; on SQLite, refresh the planner's statistics first.

        ``PRAGMA optimize`` analyses only the tables whose statistics are
        stale, as SQLite recommends doing before closing a connection; the
        case list relies on them to choose its sort indexes.
        """
        if self.dialect == "sqlite":
            try:
                with self.engine.connect() as connection:
                    connection.exec_driver_sql("PRAGMA optimize")
            except DBAPIError:
                pass  # a locked or read-only database keeps its old statistics
        self.engine.dispose()


def _engine_for(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseError(
            f"'{url}' is not a database URL; use a file path, sqlite:///PATH or "
            "postgresql+psycopg://USER:PASSWORD@HOST/DBNAME."
        ) from None
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise DatabaseError(
            f"Casedesk works with SQLite and PostgreSQL, not '{backend}'; use sqlite:///PATH "
            "or postgresql+psycopg://USER:PASSWORD@HOST/DBNAME."
        )
    if backend == "sqlite" and parsed.database not in (None, "", ":memory:"):
        folder = Path(parsed.database).expanduser().parent
        if not folder.is_dir():
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseError(
                    f"Cannot create the folder {folder} for the database: {exc.strerror}."
                ) from None
    try:
        return make_engine(url)
    except (NoSuchModuleError, ImportError):
        raise DatabaseError(
            f"No database driver for '{parsed.drivername}'; use postgresql+psycopg:// for "
            "PostgreSQL."
        ) from None


def _is_connection_error(exc: DBAPIError) -> bool:
    return type(exc.orig).__name__ in ("OperationalError", "InterfaceError")


def _explain(name: str, exc: DBAPIError) -> str:
    detail = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
    if "file is not a database" in detail or "file is encrypted" in detail:
        return f"{name} is not a database file (or it is damaged); choose another file."
    if "unable to open database file" in detail:
        return f"Cannot open the database file {name}: check the path and permissions."
    return f"Cannot use the database {name}: {detail}"
