"""Engines and the unit of work.

SQLite runs in WAL mode with foreign keys on, and a new plain file gets
16 KiB pages (:data:`SQLITE_PAGE_SIZE`); a writing unit of work starts
with ``BEGIN IMMEDIATE`` so it holds the write lock from its first read and
never fails half-way with "database is locked" when it upgrades. An
encrypted SQLite file is opened through SQLCipher (``sqlite+pysqlcipher``,
the ``sqlcipher3`` driver) with its key; a plain file through the same
driver without one (its SQLite, not the system's: ``sqlcipher.dbapi``). On
PostgreSQL every write locks rows in one order, the case row before the
audit head (``app.services.audit.lock_cases``); the unit of work keeps the
bookkeeping that lets that order be checked.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Any

from sqlalchemy import URL, Engine, QueuePool, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from app.db import search, sqlcipher
from app.db.sqlcipher import SQLITE_PAGE_SIZE
from app.domain.audit import canonical_dumps

_IMMEDIATE = "casedesk_sqlite_immediate"
#: How much the WAL holds before a commit folds it into the database file (an
#: automatic checkpoint): SQLite's default of 1000 pages, counted in its default 4 KiB
#: pages. A file of 16 KiB pages is checkpointed every 250 pages, as often in bytes as
#: one of 4 KiB pages, and the checkpoint left for the close is no larger.
WAL_CHECKPOINT_BYTES = 1000 * 4096
#: How long a SQLite writer waits for another's write lock before "database is locked".
SQLITE_BUSY_TIMEOUT_MS = 30_000


def make_engine(url: str, *, key: str | None = None, **kwargs: Any) -> Engine:
    """Create an engine for ``url`` with Casedesk's connection settings.

    ``key`` opens (or creates) an encrypted SQLite file: a passphrase, or a
    raw key written ``x'<64 hex digits>'``.
    """
    parsed = make_url(url)
    # JSON is stored in the canonical form the audit chain hashes, so the
    # verifier can hash the stored text as it is.
    kwargs.setdefault("json_serializer", canonical_dumps)
    if parsed.get_backend_name() == "sqlite":
        target: str | URL = url
        if key is not None:
            # The dialect sends PRAGMA key first on every new connection. Its
            # default pool keeps one connection per thread; the worker threads
            # of the GUI share a queue of them instead, as for plain files.
            target = parsed.set(drivername="sqlite+pysqlcipher", password=key)
            kwargs.setdefault("poolclass", QueuePool)
        # Plain files too: the SQLite bundled with SQLCipher (see sqlcipher.dbapi).
        kwargs.setdefault("module", sqlcipher.dbapi())
        engine = create_engine(
            target, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}, **kwargs
        )
        _configure_sqlite(engine)
        return engine
    connect_args: dict[str, Any] = {}
    if parsed.get_backend_name() == "postgresql":
        connect_args["connect_timeout"] = 5
        from app.db.models.audit import declare_postgresql_options

        declare_postgresql_options()  # the PostgreSQL-only index options (see there)
    return create_engine(url, pool_pre_ping=True, connect_args=connect_args, **kwargs)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite recipe).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        # Deleted content is overwritten, not left in free pages of the file (the
        # system's SQLite was built so; the bundled one is not).
        cursor.execute("PRAGMA secure_delete = ON")
        cursor.execute(f"PRAGMA busy_timeout = {int(SQLITE_BUSY_TIMEOUT_MS)}")
        if engine.url.database not in (None, "", ":memory:"):
            if engine.url.get_driver_name() != "pysqlcipher":
                # Takes effect only where the file is new, and only before the first
                # write, which switching to WAL is; an encrypted file keeps SQLCipher's
                # page size, which every later open would have to name.
                cursor.execute(f"PRAGMA page_size = {SQLITE_PAGE_SIZE}")
            cursor.execute("PRAGMA journal_mode = WAL")
            page_size = int(cursor.execute("PRAGMA page_size").fetchone()[0])
            pages = max(1, WAL_CHECKPOINT_BYTES // page_size)
            cursor.execute(f"PRAGMA wal_autocheckpoint = {pages}")
            cursor.execute("PRAGMA synchronous = NORMAL")
        search.create_terms_table(cursor)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        immediate = connection.get_execution_options().get(_IMMEDIATE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


class UnitOfWork:
    """A transaction: commits only when told to, rolls back otherwise.

    ``write=True`` takes the SQLite write lock up front; use it for every unit
    of work that may write. ``snapshot=True`` makes a reading unit of work see
    one consistent snapshot across many queries.
    """

    def __init__(self, engine: Engine, *, write: bool, snapshot: bool = False) -> None:
        bind = engine
        if write:
            bind = engine.execution_options(**{_IMMEDIATE: True})
        elif snapshot and engine.dialect.name == "postgresql":
            # SQLite's WAL readers already see one snapshot per transaction.
            bind = engine.execution_options(isolation_level="REPEATABLE READ")
        self._factory = sessionmaker(bind=bind, expire_on_commit=False, autoflush=True)
        self.write = write
        self.session: Session
        #: Set by :meth:`commit`; the retry logic must not repeat committed work.
        self.committed = False
        #: Lock bookkeeping for the one lock order (case rows, then the audit
        #: head), kept by ``app.services.audit``.
        self.locked_case_ids: set[int] = set()
        self.holds_audit_head = False

    def __enter__(self) -> UnitOfWork:
        self.session = self._factory()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.rollback()
        self.session.close()

    def commit(self) -> None:
        if self.write and self.dialect == "sqlite":
            # Under the write lock held already: one bounded merge of the search
            # index's segments if writes have left too many (app/db/search.py).
            search.keep_compact(self.session)
        self.session.commit()
        self.committed = True
        self._locks_released()

    def rollback(self) -> None:
        self.session.rollback()
        self._locks_released()

    def _locks_released(self) -> None:
        self.locked_case_ids.clear()
        self.holds_audit_head = False

    @property
    def dialect(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        bind = self.session.get_bind()
        return bind.dialect.name


@contextmanager
def unit_of_work(
    engine: Engine, *, write: bool = False, snapshot: bool = False
) -> Iterator[UnitOfWork]:
    """``with unit_of_work(engine, write=True) as uow: ...; uow.commit()``."""
    with UnitOfWork(engine, write=write, snapshot=snapshot) as uow:
        yield uow
