"""What every command needs: the database, the acting user, input helpers."""

from __future__ import annotations

import argparse
import os
import sys

from app.cli import ENV_PASSWORD, ENV_USER
from app.config import ENV_DB_PASSPHRASE, database_url
from app.domain.actor import Actor
from app.domain.errors import AuthenticationFailed, InvalidInput, PassphraseRequired
from app.errorlog import log_notice
from app.privatefiles import read_bounded, read_stream_bounded
from app.services import accounts, deliveries, encryption, start_checks
from app.services.database import Database
from app.services.password_ahead import PasswordAhead

__all__ = ["ENV_PASSWORD", "ENV_USER", "Context"]


class Context:
    """Opens the database and signs the user in on first use."""

    def __init__(self, args: argparse.Namespace, *, ahead: PasswordAhead | None = None) -> None:
        self.args = args
        #: The password check started before the services loaded, if any.
        self.ahead = ahead
        self._database: Database | None = None
        self._actor: Actor | None = None
        self._warned: set[str] = set()

    @property
    def url(self) -> str:
        """The database URL this command works on."""
        return database_url(self.args.db)

    @property
    def database(self) -> Database:
        if self._database is None:
            url = self.url
            key = read_database_key(url) if encryption.is_encrypted(url) else None
            # Only `init` and `demo` create a database; any other command on a path
            # where there is none says so instead of making an empty one.
            create = bool(getattr(self.args, "creates_database", False))
            self._announce(Database.open(url, key=key, create=create))
        assert self._database is not None
        return self._database

    def open_database(self, key: str | None) -> Database:
        """Open (or create) the database with ``key``: ``init --encrypt``."""
        assert self._database is None
        self._announce(Database.open(self.url, key=key))
        assert self._database is not None
        return self._database

    def _announce(self, database: Database) -> None:
        self._database = database
        # Said once, when the command opens the database.
        for notice in (*database.notices, *deliveries.reconcile(database)):
            print(f"casedesk: warning: {notice}", file=sys.stderr)
            log_notice(notice)
        # An upgraded database gets the provision kinds of the shipped catalog. The
        # checks are one statement each; the modules doing the work load when needed.
        if start_checks.catalog_incomplete(database):
            from app.services import catalog

            completed = catalog.load_missing_kinds(database)  # asked just above
            print(f"casedesk: {completed}", file=sys.stderr)
            log_notice(completed)
        # At least one signed checkpoint a day, whatever the command.
        if start_checks.checkpoint_due(database):
            from app.services.integrity.checkpoints import make_checkpoint

            self.warn(make_checkpoint(database).warning)  # due: asked just above

    @property
    def actor(self) -> Actor:
        if self._actor is None:
            username = self.args.user or os.environ.get(ENV_USER, "")
            if not username:
                raise InvalidInput(
                    "Say who you are: --user NAME (or set CASEDESK_USER); the password comes "
                    "from CASEDESK_PASSWORD or a prompt."
                )
            password = read_password(f"Password for {username}: ", env=ENV_PASSWORD)
            # `audit verify` must run when an event past the head blocks every append,
            # its own sign-in's event too (accounts.authenticate, docs/security.md).
            verifying = (
                getattr(self.args, "command", None) == "audit"
                and getattr(self.args, "audit_command", None) == "verify"
            )
            self._actor = accounts.authenticate(
                self.database, username, password, ahead=self.ahead, to_verify_audit=verifying
            )
        return self._actor

    def warn(self, text: str) -> None:
        """Say ``text`` on standard error, once per command however often it comes up."""
        if text and text not in self._warned:
            self._warned.add(text)
            print(f"casedesk: warning: {text}", file=sys.stderr)

    def close(self) -> None:
        if self._database is not None:
            self._database.close()


def read_password(prompt: str, *, env: str, confirm: bool = False) -> str:
    """A password from ``env`` or, on a terminal, a prompt without echo."""
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise InvalidInput(f"No password: set {env} or run the command in a terminal.")
    import getpass  # only to ask: a command given its password does not load it

    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat it: ") != first:
        raise InvalidInput("The two passwords differ; nothing was changed.")
    if not first:
        raise AuthenticationFailed("No password given.")
    return first


def read_database_key(url: str) -> str:
    """The key of an encrypted database: CASEDESK_DB_PASSPHRASE, the keyring, or a prompt."""
    value = os.environ.get(ENV_DB_PASSPHRASE)
    if value:
        return value
    stored = encryption.stored_key(url)
    if stored:
        return stored
    path = encryption.database_file(url)
    if not sys.stdin.isatty():
        raise PassphraseRequired(
            f"{path} is encrypted: give its passphrase in {ENV_DB_PASSPHRASE}, or run the "
            "command in a terminal to be asked for it."
        )
    import getpass

    passphrase = getpass.getpass(f"Passphrase of the database {path}: ")
    if not passphrase:
        raise PassphraseRequired(f"No passphrase given; {path} stays closed.")
    return passphrase


def read_new_passphrase() -> str:
    """A new database passphrase: CASEDESK_DB_PASSPHRASE, or asked twice without echo."""
    value = os.environ.get(ENV_DB_PASSPHRASE)
    if value is not None:
        encryption.check_passphrase(value)
        return value
    if not sys.stdin.isatty():
        raise InvalidInput(
            f"No passphrase: set {ENV_DB_PASSPHRASE}, run the command in a terminal, or use "
            "--keyring to keep a generated key in the OS keyring."
        )
    import getpass

    first = getpass.getpass(
        f"New passphrase for the database (at least {encryption.MIN_PASSPHRASE_LENGTH} "
        "characters; if it is lost, the data is lost): "
    )
    encryption.check_passphrase(first)
    if getpass.getpass("Repeat it: ") != first:
        raise InvalidInput("The two passphrases differ; nothing was changed.")
    return first


#: Bytes per character at most in UTF-8: a text file's byte limit follows from its field's.
_UTF8_MAX = 4


def read_text_file(path: str, kind: str, max_chars: int) -> str:
    """A UTF-8 text file's content (``-`` reads standard input), read with a bound.

    ``kind`` names the text in messages (``"a note"``); ``max_chars`` is its
    field's limit, checked again by the service: the file may hold at most
    four bytes per character, so a huge file or ``/dev/zero`` is refused
    without being read whole, and a FIFO or a device is refused unread.
    """
    limit = max_chars * _UTF8_MAX
    hint = f" ({max_chars:,} characters)"
    if path == "-":
        data = read_stream_bounded(
            sys.stdin.buffer, limit, kind, shown="The standard input", hint=hint
        )
    else:
        data = read_bounded(path, limit, kind, hint=hint)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInput(
            f"{path} is not UTF-8 text (byte {exc.start} cannot be decoded); save it as UTF-8."
        ) from None
