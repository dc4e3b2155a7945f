"""The one way the UI runs work off the UI thread.

``BackgroundTasks.run(fn, on_success=...)`` calls ``fn`` on a QThreadPool and
delivers its result, or its exception, back on the main thread by signal.
Rule: ``fn`` never touches a widget; the callbacks, which run on the main
thread, do. Work that can take over half a second gets a progress dialog with
Cancel (``progress=...``).

One long-lived relay object carries every task's outcome, tagged with the
task's number, so no Qt object is created or destroyed per task.
"""

from __future__ import annotations

import inspect
import itertools
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget


class Cancelled(Exception):
    """Raised inside a task when the user pressed Cancel."""


class _Relay(QObject):
    """Lives on the main thread; signals emitted by workers arrive queued."""

    succeeded = Signal(int, object)
    failed = Signal(int, object)
    progressed = Signal(int, int, int, str)


class TaskControl:
    """Handed to a task function that takes one argument: progress and cancel."""

    def __init__(self, number: int, relay: _Relay) -> None:
        self._number = number
        self._relay = relay
        self._cancel = threading.Event()

    def progress(self, done: int, total: int, text: str = "") -> None:
        """Report progress; raises :class:`Cancelled` if the user cancelled."""
        self.check()
        self._relay.progressed.emit(self._number, done, total, text)

    def check(self) -> None:
        """Raise :class:`Cancelled` if the user cancelled."""
        if self._cancel.is_set():
            raise Cancelled

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


class Task:
    """One piece of background work under way."""

    def __init__(
        self,
        number: int,
        control: TaskControl,
        on_success: Callable[[Any], None] | None,
        on_failure: Callable[[BaseException], None] | None,
    ) -> None:
        self.number = number
        self.control = control
        self.on_success = on_success
        self.on_failure = on_failure
        self.dialog: QProgressDialog | None = None

    def cancel(self) -> None:
        """Ask the task to stop at its next progress report."""
        self.control.cancel()


def _takes_control(fn: Callable[..., Any]) -> bool:
    try:
        return len(inspect.signature(fn).parameters) == 1
    except (TypeError, ValueError):
        return False


def _execute(number: int, fn: Callable[..., Any], control: TaskControl, relay: _Relay) -> None:
    """Run ``fn`` on a pool thread and post its outcome to the main thread."""
    try:
        result = fn(control) if _takes_control(fn) else fn()
    except BaseException as error:  # noqa: BLE001 - delivered to the main thread
        relay.failed.emit(number, error)
    else:
        relay.succeeded.emit(number, result)


class BackgroundTasks(QObject):
    """Runs service calls on a thread pool for the whole UI."""

    error = Signal(object)  #: an unhandled task failure, for the error reporter
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._relay = _Relay(self)
        self._numbers = itertools.count(1)
        self._running: dict[int, Task] = {}
        queued = Qt.ConnectionType.QueuedConnection
        self._relay.succeeded.connect(self.on_relay_succeeded, queued)
        self._relay.failed.connect(self.on_relay_failed, queued)
        self._relay.progressed.connect(self.on_relay_progressed, queued)

    def run(
        self,
        fn: Callable[..., Any],
        *,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        progress: str | None = None,
        parent: QWidget | None = None,
    ) -> Task:
        """Run ``fn`` (optionally taking a :class:`TaskControl`) in the background.

        With ``progress``, a window-modal progress dialog with Cancel appears
        if the work is still running after half a second.
        """
        number = next(self._numbers)
        control = TaskControl(number, self._relay)
        task = Task(number, control, on_success, on_failure)
        if progress is not None:
            dialog = QProgressDialog(progress, self.tr("Cancel"), 0, 0, parent)
            dialog.setObjectName("progressDialog")
            dialog.setWindowTitle(self.tr("Casedesk"))
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.setMinimumDuration(500)
            dialog.canceled.connect(task.cancel)
            dialog.setValue(0)  # starts the half-second clock
            task.dialog = dialog
        self._running[number] = task
        if len(self._running) == 1:
            self.busy_changed.emit(True)
        relay = self._relay
        self._pool.start(lambda: _execute(number, fn, control, relay))
        return task

    @property
    def busy(self) -> bool:
        """Whether any task has not delivered yet."""
        return bool(self._running)

    def wait_for_done(self, msecs: int = 10_000) -> bool:
        """Block until the pool is idle (at shutdown and in tests)."""
        return self._pool.waitForDone(msecs)

    def _finish(self, number: int) -> Task | None:
        task = self._running.pop(number, None)
        if task is not None and task.dialog is not None:
            task.dialog.reset()
            task.dialog.hide()
            task.dialog.deleteLater()
            task.dialog = None
        if task is not None and not self._running:
            self.busy_changed.emit(False)
        return task

    @Slot(int, object)
    def on_relay_succeeded(self, number: int, result: object) -> None:
        """Deliver a result on the main thread."""
        task = self._finish(number)
        if task is not None and task.on_success is not None:
            task.on_success(result)

    @Slot(int, object)
    def on_relay_failed(self, number: int, error: BaseException) -> None:
        """Deliver an error on the main thread (a cancel is not an error)."""
        task = self._finish(number)
        if task is None or isinstance(error, Cancelled):
            return
        if task.on_failure is not None:
            task.on_failure(error)
        else:
            self.error.emit(error)

    @Slot(int, int, int, str)
    def on_relay_progressed(self, number: int, done: int, total: int, text: str) -> None:
        """Move a progress dialog along."""
        task = self._running.get(number)
        if task is None or task.dialog is None:
            return
        dialog = task.dialog
        if text:
            dialog.setLabelText(text)
        dialog.setMaximum(max(total, 1))
        # Last: a modal progress dialog handles events in setValue, where the task may
        # finish and its dialog go.
        dialog.setValue(min(done, max(total, 1)))
