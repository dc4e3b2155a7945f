"""What every command needs: the database, the acting user, input helpers."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from app.config import database_url
from app.domain.actor import Actor
from app.domain.errors import AuthenticationFailed, InvalidInput
from app.services import accounts
from app.services.database import Database
from app.services.integrity.checkpoints import daily_checkpoint

ENV_USER = "CASEDESK_USER"
ENV_PASSWORD = "CASEDESK_PASSWORD"


class Context:
    """Opens the database and signs the user in on first use."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._database: Database | None = None
        self._actor: Actor | None = None
        self._warned: set[str] = set()

    @property
    def database(self) -> Database:
        if self._database is None:
            database = Database.open(database_url(self.args.db))
            self._database = database
            # At least one signed checkpoint a day, whatever the command.
            daily = daily_checkpoint(database)
            if daily is not None:
                self.warn(daily.warning)
        return self._database

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
            self._actor = accounts.authenticate(self.database, username, password)
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
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat it: ") != first:
        raise InvalidInput("The two passwords differ; nothing was changed.")
    if not first:
        raise AuthenticationFailed("No password given.")
    return first


def read_text_file(path: str) -> str:
    """A UTF-8 text file's content (``-`` reads standard input)."""
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        raise InvalidInput(f"Cannot read {path}: {exc.strerror}.") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInput(
            f"{path} is not UTF-8 text (byte {exc.start} cannot be decoded); save it as UTF-8."
        ) from None
