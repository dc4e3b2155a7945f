"""What every command needs: the database, the acting user, input helpers."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from app.config import database_url
from app.domain.actor import Actor
from app.domain.errors import AuthenticationFailed, InvalidInput
from app.errorlog import log_notice
from app.privatefiles import read_bounded, read_stream_bounded
from app.services import accounts, deliveries
from app.services.database import Database

ENV_USER = "CASEDESK_USER"
ENV_PASSWORD = "CASEDESK_PASSWORD"


class Context:
    """Opens the database and signs the user in on first use."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._database: Database | None = None
        self._actor: Actor | None = None

    @property
    def database(self) -> Database:
        if self._database is None:
            database = Database.open(database_url(self.args.db))
            self._database = database
            # Said once, when the command opens the database.
            for notice in (*database.notices, *deliveries.reconcile(database)):
                print(f"casedesk: warning: {notice}", file=sys.stderr)
                log_notice(notice)
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
