"""Stopping a query that is still running, from another thread.

The case list searches as the user types: when a newer search supersedes
one that is still running, the older one is interrupted in the database
(SQLite's ``sqlite3.Connection.interrupt()``, PostgreSQL's query cancel
through psycopg's ``cancel_safe()``) instead of running to its end and
holding a worker thread and the database for nothing.

A :class:`QueryCancel` is made by the caller and handed to a service; the
service runs its statements inside :meth:`QueryCancel.watching`, and the
caller calls :meth:`QueryCancel.cancel` from any thread. The service then
raises :class:`QueryCancelled`, which callers that cancelled expect.

Both databases forget a cancel made while no statement of the connection
runs (between two statements, or just before the first steps): every
statement run under watch first looks at the cancel flag (a
``before_cursor_execute`` listener on the connection). That leaves the
moment between the look and the statement's start: on SQLite a progress
handler stops a statement that starts after the cancel, within some
:data:`PROGRESS_STEPS` virtual-machine steps (about a millisecond); on
PostgreSQL, whose server drops a cancel request that comes while it waits
for the next statement, a cancel made while a statement is on its way is
sent again (after :data:`RESEND_FIRST` seconds, then less and less often)
until that statement ends.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from app.db.engine import UnitOfWork
from app.domain.errors import CasedeskError

#: SQLite virtual-machine steps between two looks at the cancel flag: rare enough
#: that the worker seldom asks for Python's interpreter lock, often enough that
#: a cancelled statement stops within about a millisecond.
PROGRESS_STEPS = 100_000
#: PostgreSQL: the first wait before a cancel is sent again; each next wait doubles,
#: up to :data:`RESEND_MOST` seconds.
RESEND_FIRST = 0.02
RESEND_MOST = 1.0


class QueryCancelled(CasedeskError):
    """The query was cancelled by its caller (a newer one superseded it)."""

    def __init__(self) -> None:
        super().__init__("The query was cancelled.")


class QueryCancel:
    """A caller's handle on the query a service runs for it; thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cancelled = False
        self._interrupt: Callable[[], None] | None = None
        #: PostgreSQL: send a cancel again while the statement it may have missed runs.
        self._resend = False
        #: Set while no statement under watch is on its way or running.
        self._idle = threading.Event()
        self._idle.set()
        self._resender: threading.Thread | None = None

    @property
    def cancelled(self) -> bool:
        """Whether :meth:`cancel` was called."""
        return self._cancelled

    def cancel(self) -> None:
        """Stop the query now if one runs, and any the service would run after it."""
        with self._lock:
            self._cancelled = True
            interrupt = self._interrupt
            if (
                interrupt is not None
                and self._resend
                and not self._idle.is_set()
                and self._resender is None
            ):
                # The statement may not have reached the server yet, which then
                # drops this cancel: send it again until the statement ends.
                self._resender = threading.Thread(
                    target=self._resend_until_idle, args=(interrupt,), daemon=True
                )
                self._resender.start()
        if interrupt is not None:
            interrupt()

    def check(self) -> None:
        """Raise :class:`QueryCancelled` if cancelled (between statements)."""
        if self._cancelled:
            raise QueryCancelled

    @contextmanager
    def watching(self, uow: UnitOfWork) -> Iterator[None]:
        """Let :meth:`cancel` interrupt the statements ``uow`` runs in this block."""
        self.check()
        connection = uow.session.connection()
        driver = connection.connection.driver_connection
        with self._lock:
            self._interrupt, self._resend = _interrupter(driver)
        event.listen(connection, "before_cursor_execute", self._before_statement)
        event.listen(connection, "after_cursor_execute", self._after_statement)
        progress = getattr(driver, "set_progress_handler", None)  # sqlite3 only
        if progress is not None:
            progress(self._progress, PROGRESS_STEPS)
        try:
            yield
        except Exception as exc:  # the driver's error: through SQLAlchemy, or while fetching
            if self._cancelled:
                raise QueryCancelled from exc
            raise
        finally:
            event.remove(connection, "before_cursor_execute", self._before_statement)
            event.remove(connection, "after_cursor_execute", self._after_statement)
            with self._lock:
                self._interrupt = None
                resender, self._resender = self._resender, None
            self._idle.set()
            if resender is not None:
                # No cancel request may reach the connection once it is back in the pool.
                resender.join()
            if progress is not None:
                progress(None, PROGRESS_STEPS)
        self.check()

    def _before_statement(self, *_statement: object) -> None:
        """Before each statement under watch: a cancel made between statements stops it."""
        with self._lock:
            self.check()
            if self._resend:
                self._idle.clear()  # from here on a cancel is sent until the statement ends

    def _after_statement(self, *_statement: object) -> None:
        self._idle.set()

    def _resend_until_idle(self, interrupt: Callable[[], None]) -> None:
        """Send the cancel again, less and less often, until the statement ends."""
        wait = RESEND_FIRST
        while not self._idle.wait(wait):
            try:
                interrupt()
            except Exception:  # noqa: BLE001 - the server is unreachable: the statement fails too
                return
            wait = min(wait * 2, RESEND_MOST)

    def _progress(self) -> int:
        """SQLite's progress handler: non-zero stops the statement running."""
        return 1 if self._cancelled else 0


def _interrupter(driver: Any) -> tuple[Callable[[], None], bool]:
    """How to stop the statement running on a driver connection, from another thread,
    and whether a cancel is to be sent again while a statement may not have started."""
    cancel_safe = getattr(driver, "cancel_safe", None)
    if cancel_safe is not None:  # psycopg 3.2+: a cancel request that does not block forever
        return (lambda: cancel_safe(timeout=2.0)), True
    interrupt = getattr(driver, "interrupt", None)
    if interrupt is not None:  # sqlite3 (and SQLCipher's sqlite3 module)
        return interrupt, False
    cancel = getattr(driver, "cancel", None)
    return (cancel if cancel is not None else (lambda: None)), cancel is not None
