"""The errors every layer raises and every interface reports.

The CLI maps them to exit codes (refusals 1, invalid input 2) and the GUI to
dialogs; both show ``str(error)``, which is written for the user. A refusal's
``str`` ends with the provisions it cites, so every interface shows them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

T = TypeVar("T")


class CasedeskError(Exception):
    """Base of the errors the user sees as a message, never as a traceback."""

    exit_code = 2


class InvalidInput(CasedeskError):
    """The input is malformed or incomplete; the message says what to fix."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class InvalidInputs(InvalidInput):
    """Several problems with one form's input, found together so all can be fixed at once.

    ``problems`` holds each :class:`InvalidInput` (each with its ``field``);
    ``str`` lists their messages one per line, so the CLI prints them all and
    a form shows each beside its input. ``field`` is the first problem's.

    ``refused`` is what a policy or statute rule already refuses on the
    inputs that are valid (its reasons about the invalid ones left out), so
    one answer says everything to fix; ``str`` ends with it. Still invalid
    input (exit status 2): the input must be fixed before the rule can allow.
    """

    problems: tuple[InvalidInput, ...]

    def __init__(
        self,
        problems: list[InvalidInput] | tuple[InvalidInput, ...],
        *,
        refused: Refused | None = None,
    ) -> None:
        flat: list[InvalidInput] = []
        for problem in problems:
            flat.extend(problem.problems if isinstance(problem, InvalidInputs) else [problem])
        if not flat:
            raise ValueError("InvalidInputs needs at least one problem")
        lines = [str(p) for p in flat] + ([str(refused)] if refused is not None else [])
        super().__init__("\n".join(lines), field=flat[0].field)
        self.problems = tuple(flat)
        self.refused = refused


class Problems:
    """Collects the :class:`InvalidInput` of several checks, then raises them together.

    ``value = problems.check(clean_text, text, "Title", max_length=200)``
    returns the check's result, or ``default`` (and keeps the problem) when
    it raises; :meth:`raise_any` raises one :class:`InvalidInput` (or
    :class:`InvalidInputs` for several) if anything was found.
    """

    def __init__(self) -> None:
        self.found: list[InvalidInput] = []

    def check(self, check: Callable[..., T], *args: Any, default: Any = None, **kwargs: Any) -> T:
        try:
            return check(*args, **kwargs)
        except InvalidInputs as error:
            self.found.extend(error.problems)
        except InvalidInput as error:
            self.found.append(error)
        return cast(T, default)

    def add(self, message: str, *, field: str | None = None) -> None:
        self.found.append(InvalidInput(message, field=field))

    def has(self, field: str) -> bool:
        """Whether a problem with ``field`` was found already."""
        return any(p.field == field for p in self.found)

    def raise_any(self, *, refused: Refused | None = None) -> None:
        """Raise what was found, with ``refused`` (a rule's refusal) alongside; else ``refused``."""
        if refused is not None and self.found:
            raise InvalidInputs(self.found, refused=refused)
        if refused is not None:
            raise refused
        if len(self.found) == 1:
            raise self.found[0]
        if self.found:
            raise InvalidInputs(self.found)


class NotFound(InvalidInput):
    """A case, provision, user or other record named by the user does not exist."""


class Refused(CasedeskError):
    """A rule, a permission or an integrity check refuses the operation.

    ``citations`` name the policy provisions or statutes behind the refusal.
    ``message`` is the text without them; ``str(error)`` adds, in brackets,
    every citation the message does not already quote (rule decisions quote
    each reason's own citations in their text). ``field`` names the input the
    refusal is about, when one is (a form shows it there): the date a rule
    says is too early, for example.
    """

    exit_code = 1

    def __init__(
        self, message: str, *, citations: tuple[str, ...] = (), field: str | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.citations = tuple(citations)
        self.field = field

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
