"""The signed-in user's workspace: database, user, background tasks, change signals.

Views never call each other; a view that changes something announces it
here and every view that shows it refreshes itself (as Anki's operations
broadcast their changes).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from app.domain.actor import Actor
from app.domain.permissions import Permission
from app.services.database import Database
from app.ui.errors import ErrorReporter
from app.ui.tasks import BackgroundTasks, Task


class Workspace(QObject):
    """What every view needs, handed to it at construction."""

    case_changed = Signal(int)  #: a case's content or status changed (its id)
    cases_changed = Signal()  #: cases were added or changed: lists refresh
    users_changed = Signal()
    open_case_requested = Signal(int)  #: someone asked to open a case (its id)
    case_opened = Signal(int)  #: a case was opened in a tab (Home keeps it among recent ones)
    saved_searches_changed = Signal()  #: the user saved or deleted a case-list search
    status_message = Signal(str)

    def __init__(
        self,
        database: Database,
        actor: Actor,
        tasks: BackgroundTasks,
        errors: ErrorReporter,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.tasks = tasks
        self.errors = errors

    def can(self, permission: Permission) -> bool:
        """Whether the signed-in user may do this (views hide what they may not)."""
        return self.actor.can(permission)

    def call(
        self,
        service: Callable[..., Any],
        *args: Any,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        progress: str | None = None,
        parent: QWidget | None = None,
        **kwargs: Any,
    ) -> Task:
        """Run ``service(database, actor, *args, **kwargs)`` in the background.

        With ``parent``, the callbacks are dropped if that widget is gone by the
        time the result arrives (its view was closed meanwhile).
        """
        database, actor = self.database, self.actor

        def work() -> Any:
            return service(database, actor, *args, **kwargs)

        def report(error: BaseException) -> None:
            self.errors.show(error, parent)

        return self.tasks.run(
            work,
            on_success=_while_alive(parent, on_success),
            on_failure=_while_alive(parent, on_failure or report),
            progress=progress,
            parent=parent,
        )


def _while_alive(
    widget: QWidget | None, callback: Callable[[Any], None] | None
) -> Callable[[Any], None] | None:
    if widget is None or callback is None:
        return callback

    def deliver(value: Any) -> None:
        if isValid(widget):
            callback(value)

    return deliver
