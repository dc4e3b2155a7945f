"""Opening the database: reachability, schema upgrade, and units of work.

The CLI and the GUI hold a :class:`Database` and pass it to services; they
never see an engine or a session.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from app.config import ENV_DB_PASSPHRASE
from app.db import search
from app.db.engine import UnitOfWork, make_engine
from app.db.migrate import DatabaseTooNew, NotOurDatabase, SchemaState, schema_state, upgrade
from app.db.sqlcipher import FileKind, file_kind
from app.domain.errors import DatabaseError, NoDatabase, PassphraseRequired, WrongPassphrase
from app.privatefiles import private_dir, secure_sqlite_file
from app.services import retry


class DamagedDatabase(DatabaseError):
    """The file fails SQLite's or SQLCipher's own checks: damaged, or altered outside Casedesk.

    A failed integrity check (exit 1), not invalid input.
    """

    exit_code = 1


class Database:
    """An open Casedesk database."""

    def __init__(self, engine: Engine, notices: tuple[str, ...] = ()) -> None:
        self.engine = engine
        #: Files of the database that other users could read and that were tightened.
        self.notices = notices
        #: Whether this open made the database: it had none of Casedesk's tables before.
        self.created = False

    @classmethod
    def open(
        cls,
        url: str,
        *,
        key: str | None = None,
        upgrade_schema: bool = True,
        create: bool = True,
    ) -> Database:
        """Open ``url``, upgrading an older schema; raise :class:`DatabaseError` if unusable.

        ``key`` opens an encrypted SQLite file, or creates one where there is
        no file yet; without it an encrypted file raises
        :class:`PassphraseRequired`, and a key that does not open the file
        :class:`WrongPassphrase`. With ``create=False`` (the window, and every
        command but ``init`` and ``demo``) a database that does not exist yet
        (no file, an empty file, a server database without Casedesk's tables)
        raises :class:`NoDatabase` and nothing is created, no folder either.
        """
        if not create:
            _require_sqlite_file(url)
        engine, notices = _engine_for(url, key)
        database = cls(engine, notices)
        try:
            state = schema_state(engine)  # read once: upgrade() is given it
            if not create and state.current is None and _is_empty(engine):
                engine.dispose()
                raise NoDatabase(_no_database_message(url, database.display_name))
            if upgrade_schema:
                upgrade(engine, state)
                database.created = state.current is None
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
            if key is not None and _is_not_a_database(exc):
                raise WrongPassphrase(
                    f"The passphrase does not open this database ({database.display_name}); "
                    "check it (or the key kept in the keyring) and try again. Without the "
                    "right passphrase the data cannot be read."
                ) from None
            _refuse_damaged(engine, exc)
            raise DatabaseError(_explain(database.display_name, exc)) from None
        return database

    @property
    def encrypted(self) -> bool:
        """Whether this is an encrypted SQLite file (opened through SQLCipher)."""
        return self.engine.url.get_driver_name() == "pysqlcipher"

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
            _refuse_damaged(self.engine, exc)
            if exc.connection_invalidated or _is_connection_error(exc):
                raise DatabaseError(_explain(self.display_name, exc)) from None
            raise

    def analyze(self) -> None:
        """After a bulk load (as the demo is): the planner's statistics, a compact search index.

        On SQLite the search index is rewritten as one segment
        (:func:`app.db.search.optimize_index`): a bulk load leaves it in many,
        and a search seeks each of them.
        """
        with self.engine.connect() as connection:
            if self.dialect == "sqlite":
                search.optimize_index(connection)
                connection.commit()
            connection.exec_driver_sql("ANALYZE")
            connection.commit()

    def close(self) -> None:
        """Release the connections; on SQLite, refresh the planner's statistics first.

        ``PRAGMA optimize`` analyses only the tables whose statistics are
        stale, as SQLite recommends doing before closing a connection; the
        case list relies on them to choose its sort indexes. Then the search
        index's segments are merged for a bounded time if writes have left
        more than a few (:func:`app.db.search.compact`).
        """
        if self.dialect == "sqlite":
            try:
                # Not worth a wait at close: while another program writes, the
                # statistics and the merges are left for another time.
                with self.engine.connect() as connection:
                    connection.exec_driver_sql("PRAGMA busy_timeout = 0")
                    connection.exec_driver_sql("PRAGMA optimize")
                    connection.commit()  # the statistics it wrote are kept
                with self.engine.connect() as connection:
                    connection.exec_driver_sql("PRAGMA busy_timeout = 0")
                    search.compact(connection)
            except DBAPIError:
                pass  # a locked or read-only database keeps its old statistics and index
        self.engine.dispose()


def _require_sqlite_file(url: str) -> None:
    """Refuse a SQLite path with no file (or an empty one) before anything is created."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return  # _engine_for says what is wrong with it
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return
    path = Path(parsed.database).expanduser()
    try:
        empty = path.stat().st_size == 0
    except FileNotFoundError:
        empty = True
    except OSError:
        return  # unreadable: opening it says why
    if empty:
        raise NoDatabase(_no_database_message(url, str(path)))


def _is_empty(engine: Engine) -> bool:
    with engine.connect() as connection:
        return not inspect(connection).get_table_names()


def _no_database_message(url: str, name: str) -> str:
    """No database at ``name``: what to check, and the commands that create one."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        parsed = None
    if parsed is not None and parsed.get_backend_name() == "sqlite":
        where = f"There is no Casedesk database at {name} (no such file)."
        shown = name
    else:
        where = f"The database {name} holds no Casedesk data yet."
        shown = name if parsed is None else parsed.render_as_string(hide_password=True)
    return (
        f"{where} Check the path or URL (--db, or CASEDESK_DATABASE_URL), or create the "
        f"database: `casedesk --db {shown} init` makes a new one with its first "
        f"administrator, `casedesk --db {shown} demo` one with demo data."
    )


def _engine_for(url: str, key: str | None) -> tuple[Engine, tuple[str, ...]]:
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
    if key is not None and (backend != "sqlite" or parsed.database in (None, "", ":memory:")):
        raise DatabaseError(
            "Only a SQLite file is encrypted by Casedesk; a PostgreSQL server keeps its data "
            "encrypted with its own disk encryption. Open it without a passphrase."
        )
    notices: list[str] = []
    if backend == "sqlite" and parsed.database not in (None, "", ":memory:"):
        path = Path(parsed.database).expanduser()
        _check_file_kind(path, key)
        try:
            # A new folder is the user's only; an existing one is the user's choice.
            if not path.parent.is_dir():
                private_dir(path.parent)
        except OSError as exc:
            raise DatabaseError(
                f"Cannot create the folder {path.parent} for the database: {exc.strerror}."
            ) from None
        try:
            # Created 0600 before SQLite opens it, so no umask leaves it readable.
            notices = secure_sqlite_file(path)
        except OSError as exc:
            raise DatabaseError(
                f"Cannot open the database file {path}: {exc.strerror or exc}; check the path "
                "and permissions."
            ) from None
    try:
        return make_engine(url, key=key), tuple(notices)
    except (NoSuchModuleError, ImportError):
        raise DatabaseError(
            f"No database driver for '{parsed.drivername}'; use postgresql+psycopg:// for "
            "PostgreSQL."
        ) from None


def _check_file_kind(path: Path, key: str | None) -> None:
    kind = file_kind(path)
    if kind is FileKind.NOT_A_DATABASE:
        raise DatabaseError(
            f"{path} is not a database file (or it is damaged); choose another file."
        )
    if kind is FileKind.ENCRYPTED and key is None:
        raise PassphraseRequired(
            f"{path} is encrypted (or it is not a database at all): give its passphrase in "
            f"{ENV_DB_PASSPHRASE}, or run the command in a terminal to be asked for it."
        )
    if kind is FileKind.PLAIN and key is not None:
        raise DatabaseError(
            f"{path} is not encrypted; open it without a passphrase, or encrypt it with "
            "`casedesk db encrypt`."
        )


def _is_not_a_database(exc: DBAPIError) -> bool:
    detail = str(exc.orig) if exc.orig else str(exc)
    return "file is not a database" in detail or "file is encrypted" in detail


#: SQLite's result codes for a damaged file, and for a write refused on a read-only one.
_SQLITE_CORRUPT = 11
_SQLITE_READONLY = 8


def _refuse_damaged(engine: Engine, exc: DBAPIError) -> None:
    """Raise :class:`DamagedDatabase` when ``exc`` comes from a damaged or altered file.

    SQLite says "database disk image is malformed" for a page that is not what
    it wrote. SQLCipher checks every page of an encrypted file against its
    HMAC: a page that fails is not read, and depending on the page SQLite
    reports it as malformed or, at the first write after it, as a read-only
    database; PRAGMA cipher_integrity_check then names the page.
    """
    url = engine.url
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return
    code = getattr(exc.orig, "sqlite_errorcode", None)
    detail = str(exc.orig) if exc.orig is not None else str(exc)
    corrupt = code == _SQLITE_CORRUPT or "database disk image is malformed" in detail
    encrypted = url.get_driver_name() == "pysqlcipher"
    if not corrupt and not (encrypted and code == _SQLITE_READONLY):
        return
    path = Path(url.database).expanduser()
    pages = _pages_failing_their_check(path, url.password) if encrypted else []
    if not corrupt and not pages:
        return  # a read-only file or folder after all: the ordinary message says so
    where = ""
    if pages:
        where = (
            f" (page {pages[0]} fails its check)"
            if len(pages) == 1
            else (f" (pages {', '.join(pages)} fail their check)")
        )
    raise DamagedDatabase(
        f"The database file {path} is damaged or was altered outside Casedesk{where}, so it "
        "cannot be used; nothing was changed. Restore it from a backup."
    ) from None


def _pages_failing_their_check(path: Path, key: object) -> list[str]:
    """The pages of an encrypted file whose HMAC does not verify (SQLCipher's own check)."""
    from app.db import sqlcipher

    try:
        connection = sqlcipher.open_file(path, None if key is None else str(key))
    except Exception:  # noqa: BLE001 - a file that does not even open says nothing more
        return []
    try:
        rows = connection.execute("PRAGMA cipher_integrity_check").fetchall()
    except Exception:  # noqa: BLE001 - as above
        return []
    finally:
        connection.close()
    prefix = "HMAC verification failed for page "
    found = [str(row[0]) for row in rows]
    return [text.removeprefix(prefix) for text in found if text.startswith(prefix)][:5]


def _is_connection_error(exc: DBAPIError) -> bool:
    return type(exc.orig).__name__ in ("OperationalError", "InterfaceError")


def _explain(name: str, exc: DBAPIError) -> str:
    detail = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
    if "file is not a database" in detail or "file is encrypted" in detail:
        return f"{name} is not a database file (or it is damaged); choose another file."
    if "unable to open database file" in detail:
        return f"Cannot open the database file {name}: check the path and permissions."
    tls = _explain_tls(detail)
    if tls:
        return f"Cannot connect to the database {name}: {tls}"
    return f"Cannot use the database {name}: {detail}"


def _explain_tls(detail: str) -> str | None:
    """What a PostgreSQL TLS failure means (``sslmode=verify-full``), in the user's words."""
    lowered = detail.lower()
    if "certificate verify failed" in lowered:
        return (
            "the server's certificate is not signed by the root certificate given in "
            "sslrootcert, so the server's identity is not proven and nothing was sent. Check "
            "that sslrootcert names your agency's database CA certificate."
        )
    if "does not match host name" in lowered:
        return (
            "the server's certificate names another host than the one in the URL "
            "(sslmode=verify-full checks it); use the host name the certificate names."
        )
    if "root certificate file" in lowered:
        return (
            "the root certificate file named by sslrootcert cannot be read; check the path "
            "(sslmode=verify-full needs it)."
        )
    if "server does not support ssl" in lowered:
        return (
            "the server does not offer TLS, and the URL's sslmode requires it; ask the "
            "database administrator to turn ssl on."
        )
    return None
