"""Where the database and the log live.

The database is chosen by ``--db URL``, else ``CASEDESK_DATABASE_URL``, else a
SQLite file in the user data folder. A bare file path is accepted as SQLite.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "casedesk"
#: The names the GUI gives Qt, which put its settings in ``<config>/Casedesk/``.
ORGANIZATION = "Casedesk"
ENV_DATABASE_URL = "CASEDESK_DATABASE_URL"
#: The passphrase of an encrypted SQLite database (else the keyring, else a prompt).
ENV_DB_PASSPHRASE = "CASEDESK_DB_PASSPHRASE"


def data_dir() -> Path:
    """The per-user data folder (created on demand)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    """The per-user log folder (created on demand)."""
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """The per-user cache folder: partial files being written, reports opened in a viewer."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def settings_dir() -> Path:
    """The per-user folder of the GUI's settings (Qt's, named after the organization)."""
    return Path(platformdirs.user_config_dir(ORGANIZATION, appauthor=False))


def default_database_path() -> Path:
    """The embedded default: one SQLite file in the user data folder."""
    return data_dir() / "casedesk.sqlite3"


def database_url(cli_value: str | None) -> str:
    """The database URL to use, from the command line, the environment or the default."""
    value = cli_value or os.environ.get(ENV_DATABASE_URL) or ""
    value = value.strip()
    if not value:
        return sqlite_url(default_database_path())
    if "://" not in value:
        return sqlite_url(Path(value))
    return value


def sqlite_url(path: Path) -> str:
    """A SQLAlchemy URL for a SQLite file."""
    return f"sqlite:///{path.expanduser().resolve()}"


def config_dir() -> Path:
    """The per-user configuration folder (created on demand): the signing key lives here."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
