"""The errors every layer raises and every interface reports.

The CLI maps them to exit codes (refusals 1, invalid input 2) and the GUI to
dialogs; both show ``str(error)``, which is written for the user. A refusal's
``str`` ends with the provisions it cites, so every interface shows them.
"""

from __future__ import annotations


class CasedeskError(Exception):
    """Base of the errors the user sees as a message, never as a traceback."""

    exit_code = 2


class InvalidInput(CasedeskError):
    """The input is malformed or incomplete; the message says what to fix."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFound(InvalidInput):
    """A case, provision, user or other record named by the user does not exist."""


class Refused(CasedeskError):
    """A rule, a permission or an integrity check refuses the operation.

    ``citations`` name the policy provisions or statutes behind the refusal.
    ``message`` is the text without them; ``str(error)`` adds, in brackets,
    every citation the message does not already quote (rule decisions quote
    each reason's own citations in their text).
    """

    exit_code = 1

    def __init__(self, message: str, *, citations: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.citations = tuple(citations)

    def __str__(self) -> str:
        unquoted = [c for c in self.citations if c not in self.message]
        return f"{self.message} [{'; '.join(unquoted)}]" if unquoted else self.message


class PermissionDenied(Refused):
    """The acting user's roles do not grant the operation."""


class AuthenticationFailed(Refused):
    """Wrong user name or password, a disabled account or a locked one."""


class StaleUpdate(Refused):
    """Someone else saved a newer version of the record first."""

    def __init__(self, message: str, *, changed_by: str, changed_at: str) -> None:
        super().__init__(message)
        self.changed_by = changed_by
        self.changed_at = changed_at


class IntegrityFailure(Refused):
    """Stored data no longer matches its recorded hash."""


class DatabaseError(CasedeskError):
    """The database cannot be opened or used: unreachable, not a database, too new."""


class NoDatabase(DatabaseError):
    """There is no Casedesk database where the user pointed (a wrong path or URL, or
    one never created): only ``casedesk init`` and ``casedesk demo`` create one."""


class PassphraseRequired(DatabaseError):
    """The SQLite file is encrypted and no key was given for it."""


class WrongPassphrase(DatabaseError):
    """The key given does not decrypt the database file.

    A refusal like a wrong password (exit 1): the input was well formed, the
    file will not open with it.
    """

    exit_code = 1


class DatabaseBusy(DatabaseError):
    """Other users' writes kept the database busy through every retry; nothing was changed.

    A refusal for now, not bad input: the same command succeeds when tried again.
    """

    exit_code = 1
