"""Account rules: user names, passwords, and lock-out after failed logins.

Password strength is zxcvbn's estimate (the Dropbox estimator): it finds
dictionary words, names, dates, keyboard walks, repeats and the user's own
name in a password and scores how many guesses it would take, 0 to 4.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Sequence

from app.domain.errors import InvalidInput

#: Failed logins in a row that lock an account.
MAX_FAILED_LOGINS = 5
#: How long a locked account stays locked unless an administrator unlocks it.
LOCKOUT = dt.timedelta(minutes=15)
PASSWORD_MIN = 10
PASSWORD_MAX = 256
#: zxcvbn's score a password needs: 3 is "safely unguessable: moderate protection
#: from offline slow-hash scenario" (about 10^10 guesses).
PASSWORD_MIN_SCORE = 3
#: zxcvbn estimates at most this many characters; a longer password is judged by them.
_ESTIMATED_LENGTH = 72
#: User names this long or longer may not appear anywhere in the password.
_NAME_IN_PASSWORD_MIN = 3
#: zxcvbn keeps the user's words in a module-level dictionary while it estimates.
_estimator_lock = threading.Lock()

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


def check_password(password: str, *, username: str, full_name: str = "") -> None:
    """A password must resist guessing: zxcvbn score 3 or more, and not the user's name.

    ``username`` and ``full_name`` are given to zxcvbn as the user's own
    words; a password equal to the user name, or holding it, is refused
    outright. The message is zxcvbn's feedback: what is weak and what helps.
    """
    if len(password) < PASSWORD_MIN:
        raise InvalidInput(
            f"The password is too short: use at least {PASSWORD_MIN} characters.",
            field="password",
        )
    if len(password) > PASSWORD_MAX:
        raise InvalidInput(
            f"The password is longer than {PASSWORD_MAX} characters.", field="password"
        )
    name = username.strip().lower()
    lowered = password.lower()
    if name and (
        lowered.strip() == name or (len(name) >= _NAME_IN_PASSWORD_MIN and name in lowered)
    ):
        raise InvalidInput(
            f"The password contains the user name '{name}'; choose one that does not.",
            field="password",
        )
    score, warning, suggestions = password_strength(password, (name, full_name))
    if score < PASSWORD_MIN_SCORE:
        advice = (
            " ".join(part for part in (warning, *suggestions) if part)
            or "Add another word or two; uncommon words are better."
        )
        raise InvalidInput(
            f"The password is too easy to guess ({score} of 4, at least "
            f"{PASSWORD_MIN_SCORE} needed). {advice}",
            field="password",
        )


def password_strength(password: str, own_words: Sequence[str] = ()) -> tuple[int, str, list[str]]:
    """zxcvbn's score (0-4), warning and suggestions for ``password``."""
    from zxcvbn import zxcvbn  # its word lists load here, not at every start

    words = [w for word in own_words for w in (word, *word.split()) if w]
    with _estimator_lock:
        result = zxcvbn(password[:_ESTIMATED_LENGTH], user_inputs=words)
    feedback = result["feedback"]
    return int(result["score"]), str(feedback["warning"]), list(feedback["suggestions"])


def locked_until(failed_logins: int, last_failure: dt.datetime) -> dt.datetime | None:
    """When the lock ends, if ``failed_logins`` in a row have locked the account."""
    if failed_logins < MAX_FAILED_LOGINS:
        return None
    return last_failure + LOCKOUT
