"""PostgreSQL over TLS with ``sslmode=verify-full``: the server's certificate is checked
against the agency's root certificate and its name against the host, on a real
TLS-only server; a server signed by another CA is refused before anything is sent."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from app.cli import run
from app.domain.errors import DatabaseError
from app.services.database import Database

ADMIN_PASSWORD = "copper kettle horizon"


def _url(base: str, dbname: str, root_cert: object, mode: str = "verify-full") -> str:
    return f"{base}/{dbname}?sslmode={mode}&sslrootcert={quote(str(root_cert))}"


@pytest.fixture(scope="module")
def tls_database(pg_tls_server) -> Iterator[str]:
    """A new database on the TLS server; its name."""
    url = make_url(pg_tls_server.url)
    params = {"host": url.host, "port": url.port, "user": url.username, "autocommit": True}
    options = {"sslmode": "verify-full", "sslrootcert": str(pg_tls_server.root_cert)}
    with psycopg.connect(dbname="postgres", **params, **options) as admin:
        admin.execute("CREATE DATABASE casedesk_tls")
    yield "casedesk_tls"


def test_verify_full_connects_and_the_connection_is_encrypted(
    pg_tls_server, tls_database: str, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    url = _url(pg_tls_server.url, tls_database, pg_tls_server.root_cert)
    monkeypatch.setenv("CASEDESK_PASSWORD", ADMIN_PASSWORD)
    assert run(["--db", url, "init"]) == 0, capsys.readouterr().err
    assert "Database ready" in capsys.readouterr().out
    assert run(["--db", url, "--user", "admin", "user", "list"]) == 0
    assert "admin" in capsys.readouterr().out

    database = Database.open(url)
    try:
        with database.engine.connect() as connection:
            row = connection.execute(
                text("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            ).one()
        assert row.ssl is True
        assert row.version.startswith("TLS")
        # The password-free URL shown to the user still says how it connects.
        assert "sslmode=verify-full" in database.display_name
    finally:
        database.close()


def test_a_server_signed_by_another_ca_is_refused(pg_tls_server, tls_database: str, capsys) -> None:
    url = _url(pg_tls_server.url, tls_database, pg_tls_server.other_root_cert)
    with pytest.raises(DatabaseError, match="not signed by the root certificate"):
        Database.open(url)

    code = run(["--db", url, "db", "upgrade"])
    err = capsys.readouterr().err
    assert code == 2
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("casedesk: Cannot connect to the database")
    assert "not signed by the root certificate given in sslrootcert" in lines[0]


def test_a_missing_root_certificate_file_is_named(
    pg_tls_server, tls_database: str, tmp_path
) -> None:
    url = _url(pg_tls_server.url, tls_database, tmp_path / "nowhere.crt")
    with pytest.raises(DatabaseError, match="root certificate file named by sslrootcert"):
        Database.open(url)


def test_the_server_takes_no_connection_without_tls(pg_tls_server, tls_database: str) -> None:
    url = f"{pg_tls_server.url}/{tls_database}?sslmode=disable"
    with pytest.raises(DatabaseError, match="no encryption"):
        Database.open(url)
