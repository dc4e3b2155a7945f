"""Retrying a unit of work that lost a lock race: deadlocks and serialization failures.

Every write takes its locks in one order (the case row, then the audit head;
see :func:`app.services.audit.lock_cases`), so deadlocks between Casedesk's
own writers should not happen; this is the bounded safety net for those that
still do (a lock taken implicitly by a foreign key, another program writing
to the database, SQLite's busy timeout running out). A failed attempt has
rolled back, so running the service again from the start is safe, as long as
none of its earlier units of work has committed: then the error is reported
instead, since repeating the call would repeat the committed part.
"""

from __future__ import annotations

import contextvars
import functools
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import ParamSpec, TypeVar

from sqlalchemy.exc import DBAPIError

from app.domain.errors import DatabaseBusy

#: Attempts in all, the first included.
ATTEMPTS = 5
#: Back-off before the second attempt, doubled before each later one, jittered ±50 %.
FIRST_DELAY = 0.05

#: PostgreSQL: serialization_failure, deadlock_detected, lock_not_available.
_TRANSIENT_SQLSTATES = frozenset({"40001", "40P01", "55P03"})
#: SQLite, once its busy timeout has run out.
_TRANSIENT_SQLITE = ("database is locked", "database table is locked", "database is busy")

BUSY_MESSAGE = (
    "The database was busy with other users' changes and this one could not be saved{tries}; "
    "nothing was changed. Try again in a moment."
)

P = ParamSpec("P")
R = TypeVar("R")


@dataclass(slots=True)
class _Call:
    """One retrying service call; ``committed`` once any of its units of work commits."""

    parent: _Call | None
    committed: bool = False


_current: contextvars.ContextVar[_Call | None] = contextvars.ContextVar(
    "casedesk_retrying_call", default=None
)


def is_transient(error: DBAPIError) -> bool:
    """Whether ``error`` is a lost lock race that a new attempt may win."""
    original = error.orig
    sqlstate = getattr(original, "sqlstate", None) or getattr(original, "pgcode", None)
    if sqlstate in _TRANSIENT_SQLSTATES:
        return True
    text = str(original).lower() if original is not None else ""
    return type(original).__name__ == "OperationalError" and any(
        phrase in text for phrase in _TRANSIENT_SQLITE
    )


def busy(attempts: int = 1) -> DatabaseBusy:
    """The refusal given when every attempt (``attempts`` of them) lost."""
    tries = f" in {attempts} attempts" if attempts > 1 else ""
    return DatabaseBusy(BUSY_MESSAGE.format(tries=tries))


def note_commit() -> None:
    """Tell the retrying calls in progress that one of their units of work committed."""
    call = _current.get()
    while call is not None:
        call.committed = True
        call = call.parent


def retried(function: Callable[P, R]) -> Callable[P, R]:
    """Run ``function`` again (up to :data:`ATTEMPTS` in all) when it loses a lock race.

    ``function`` is a service whose units of work raise :class:`DatabaseBusy`
    (``Database.unit_of_work`` turns a transient driver error into one). A
    call inside another retrying call is retried on its own first; the outer
    call is retried only if nothing it did has committed.
    """

    @functools.wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        call = _Call(parent=_current.get())
        token = _current.set(call)
        try:
            delay = FIRST_DELAY
            for attempt in range(1, ATTEMPTS + 1):
                try:
                    return function(*args, **kwargs)
                except DatabaseBusy:
                    if call.committed:
                        raise
                    if attempt == ATTEMPTS:
                        raise busy(ATTEMPTS) from None
                # Jitter, so writers that collided do not collide again in step.
                time.sleep(delay * random.uniform(0.5, 1.5))
                delay *= 2
            raise AssertionError("unreachable")  # pragma: no cover
        finally:
            _current.reset(token)

    return run
