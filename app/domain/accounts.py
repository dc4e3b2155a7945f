"""Account rules: user names, passwords, and lock-out after failed logins."""

from __future__ import annotations

import datetime as dt
import re

from app.domain.errors import InvalidInput

#: Failed logins in a row that lock an account.
MAX_FAILED_LOGINS = 5
#: How long a locked account stays locked unless an administrator unlocks it.
LOCKOUT = dt.timedelta(minutes=15)
PASSWORD_MIN = 10
PASSWORD_MAX = 256

_USERNAME = re.compile(r"^[a-z][a-z0-9._-]{1,39}$")


def check_username(username: str) -> str:
    """Normalise a user name and check its form."""
    name = username.strip().lower()
    if not _USERNAME.match(name):
        raise InvalidInput(
            f"User name '{username}' is not valid: use 2-40 characters, starting with a "
            "letter, then letters, digits, '.', '_' or '-'.",
            field="username",
        )
    return name


def check_password(password: str) -> None:
    """A password must be long enough to resist guessing, and not absurdly long."""
    if len(password) < PASSWORD_MIN:
        raise InvalidInput(
            f"The password is too short: use at least {PASSWORD_MIN} characters.",
            field="password",
        )
    if len(password) > PASSWORD_MAX:
        raise InvalidInput(
            f"The password is longer than {PASSWORD_MAX} characters.", field="password"
        )


def locked_until(failed_logins: int, last_failure: dt.datetime) -> dt.datetime | None:
    """When the lock ends, if ``failed_logins`` in a row have locked the account."""
    if failed_logins < MAX_FAILED_LOGINS:
        return None
    return last_failure + LOCKOUT
