"""The SQLite library every Casedesk connection runs on (``app.db.sqlcipher.dbapi``).

Debian 12's own SQLite, 3.40.1, answers an agency-scoped date filter over an
index on ``(agency, date, ...)`` with rows past the date, some of them other
agencies', once ``ANALYZE`` has written its statistics. Casedesk opens every
SQLite file, plain or encrypted, with the SQLite that SQLCipher bundles.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from app.db.engine import make_engine
from app.db.sqlcipher import dbapi

_SCHEMA = """
CREATE TABLE t(id INTEGER PRIMARY KEY, a INTEGER NOT NULL, r DATE NOT NULL,
               x BOOLEAN NOT NULL, pad TEXT);
CREATE INDEX i ON t(a, r, x);
CREATE TABLE u(uid INT, a INT, PRIMARY KEY(uid, a));
INSERT INTO u VALUES (2, 1), (2, 2), (2, 5);
INSERT INTO t(id, a, r, x) VALUES (1, 1, '2025-01-10', 0), (2, 1, '2025-02-20', 0),
    (5, 1, '2025-04-01', 0), (3, 2, '2025-03-05', 0), (6, 2, '2025-05-15', 0),
    (4, 5, '2025-03-05', 0);
ANALYZE;
DELETE FROM sqlite_stat1;
INSERT INTO sqlite_stat1 VALUES ('t', 'i', '6 2 1 1'), ('u', 'sqlite_autoindex_u_1', '15 5 1');
ANALYZE sqlite_schema;
"""
_QUERY = "SELECT id FROM t WHERE a IN (SELECT a FROM u WHERE uid = 2) AND r <= '2025-01-10'"


def test_a_scoped_date_bound_keeps_to_its_bound_after_analyze(tmp_path: Path) -> None:
    path = tmp_path / "scoped.sqlite3"
    setup = dbapi().connect(str(path))
    setup.executescript(_SCHEMA)
    setup.close()
    engine = make_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as connection:
            rows = connection.execute(text(_QUERY)).scalars().all()
            version = connection.exec_driver_sql("SELECT sqlite_version()").scalar_one()
    finally:
        engine.dispose()
    # Only the first agency's case of 10 January is on or before the bound.
    assert rows == [1], f"SQLite {version} returned {rows}"


def test_plain_files_open_with_the_bundled_sqlite(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'plain.sqlite3'}")
    try:
        with engine.connect() as connection:
            assert type(connection.connection.driver_connection).__module__.startswith("sqlcipher3")
            version = connection.exec_driver_sql("SELECT sqlite_version()").scalar_one()
    finally:
        engine.dispose()
    assert tuple(int(part) for part in version.split(".")) >= (3, 46, 0)


def test_deleted_text_leaves_no_trace_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "deleted.sqlite3"
    secret = "withdrawn-allegation-" + "q7x" * 40
    engine = make_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT)")
            connection.exec_driver_sql("INSERT INTO notes(body) VALUES (?)", (secret,))
            connection.exec_driver_sql("INSERT INTO notes(body) VALUES (?)", ("kept " * 2000,))
        with engine.begin() as connection:
            connection.exec_driver_sql("DELETE FROM notes WHERE id = 1")
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()
    data = path.read_bytes()
    assert b"kept kept" in data  # the file holds what was not deleted
    assert secret.encode() not in data


def test_statistics_refreshed_on_close_are_kept(sqlite_database_url: str) -> None:
    """``Database.close`` runs ``PRAGMA optimize``; what it writes must be committed."""
    from app.services.database import Database

    database = Database.open(sqlite_database_url)
    with database.engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE grown(id INTEGER PRIMARY KEY, a INTEGER)")
        connection.exec_driver_sql("CREATE INDEX grown_a ON grown(a)")
        connection.exec_driver_sql("INSERT INTO grown(a) VALUES " + ",".join(["(1)"] * 10))
        connection.exec_driver_sql("ANALYZE grown")
    with database.engine.begin() as connection:
        connection.execute(
            text("INSERT INTO grown(a) VALUES (:a)"), [{"a": n % 50} for n in range(2000)]
        )
        connection.exec_driver_sql("SELECT count(*) FROM grown WHERE a = 3").scalar_one()
    database.close()

    path = sqlite_database_url.removeprefix("sqlite:///")
    check = dbapi().connect(path)
    try:
        stat = check.execute("SELECT stat FROM sqlite_stat1 WHERE idx = 'grown_a'").fetchone()
    finally:
        check.close()
    assert stat is not None and stat[0].split()[0] == "2010", stat


def test_closing_while_another_program_writes_does_not_wait(sqlite_database_url: str) -> None:
    """What ``Database.close`` does besides closing waits for no lock held elsewhere."""
    import time

    from app.services.database import Database

    database = Database.open(sqlite_database_url)
    with database.engine.begin() as connection:  # a table whose statistics are stale
        connection.exec_driver_sql("CREATE TABLE grown(id INTEGER PRIMARY KEY, a INTEGER)")
        connection.exec_driver_sql("CREATE INDEX grown_a ON grown(a)")
        connection.exec_driver_sql("ANALYZE grown")
        connection.execute(
            text("INSERT INTO grown(a) VALUES (:a)"), [{"a": n % 50} for n in range(2000)]
        )
    with database.engine.connect() as connection:
        connection.exec_driver_sql("SELECT count(*) FROM grown WHERE a = 3").scalar_one()
    holder = dbapi().connect(sqlite_database_url.removeprefix("sqlite:///"), isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another program's write under way
        started = time.monotonic()
        database.close()
        waited = time.monotonic() - started
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert waited < 5, f"closing waited {waited:.1f} s for the other writer"
