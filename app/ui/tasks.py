"""The one way the UI runs work off the UI thread.

``BackgroundTasks.run(fn, on_success=...)`` calls ``fn`` on a QThreadPool and
delivers its result, or its exception, back on the main thread by signal.
Rule: ``fn`` never touches a widget; the callbacks, which run on the main
thread, do. Work that can take over half a second gets a progress dialog with
Cancel (``progress=...``).

Why the hand-over is built this way (a crash under load): a pool thread used
to emit its outcome on a relay QObject owned by the ``BackgroundTasks`` that
started it, and to drop the last reference to the work function itself when
it finished. A ``BackgroundTasks`` without a parent (as every test workspace
has) that ended up in a reference cycle was destroyed by Python's garbage
collector whenever it ran, also while its workers were still emitting on that
relay: a signal emitted on a QObject being destroyed in another thread kills
the process (a segmentation fault when reproduced). And a work function closing over
a view could be freed on the pool thread, destroying a Qt object there. Now:

* workers emit only on one relay per application, a child of the
  QApplication, which no task's owner can take down; the relay finds the
  owner through a weak reference and drops the outcome if it is gone;
* a worker hands over everything it held (the function, the result, the
  error) inside a plain :class:`_Job` and keeps no reference of its own, and
  the main thread empties the job when it delivers it, so the last reference
  to anything a task touched is released on the main thread.
"""

from __future__ import annotations

import inspect
import itertools
import threading
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid


class Cancelled(Exception):
    """Raised inside a task when the user pressed Cancel."""


class TaskControl:
    """Handed to a task function that takes one argument: progress and cancel.

    It holds no Qt object: only the task's number, a weak reference to the
    :class:`BackgroundTasks` that started it, and the application's relay.
    """

    def __init__(self, number: int, owner: weakref.ref[BackgroundTasks], relay: _Relay) -> None:
        self.number = number
        self.owner = owner
        self._relay = relay
        self._cancel = threading.Event()

    def progress(self, done: int, total: int, text: str = "") -> None:
        """Report progress; raises :class:`Cancelled` if the user cancelled."""
        self.check()
        self._relay.progressed.emit(self, done, total, text)

    def check(self) -> None:
        """Raise :class:`Cancelled` if the user cancelled."""
        if self._cancel.is_set():
            raise Cancelled

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


class _Job:
    """One task's hand-over between the main thread and a pool thread; no Qt object in it.

    The main thread keeps it (in the :class:`Task`) until the outcome arrives
    and then empties it, so ``fn`` and the outcome are released there.
    """

    __slots__ = ("control", "error", "fn", "result")

    def __init__(self, fn: Callable[..., Any], control: TaskControl) -> None:
        self.fn: Callable[..., Any] | None = fn
        self.control = control
        self.result: Any = None
        self.error: BaseException | None = None

    def take(self) -> tuple[Any, BaseException | None]:
        """The outcome; the job then holds nothing (main thread only)."""
        outcome = (self.result, self.error)
        self.fn = self.result = self.error = None
        return outcome


class _Relay(QObject):
    """The application's one receiver of task outcomes: a child of the QApplication.

    Workers emit on it from pool threads; the signals arrive queued on the
    main thread, where the task's owner is looked up. It lives as long as the
    application, so no owner going away can delete it under a worker.
    """

    finished = Signal(object)  #: a _Job whose result or error is set
    progressed = Signal(object, int, int, str)  #: TaskControl, done, total, text

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName("casedeskTaskRelay")
        queued = Qt.ConnectionType.QueuedConnection
        self.finished.connect(self.on_finished, queued)
        self.progressed.connect(self.on_progressed, queued)

    @staticmethod
    def for_application() -> _Relay:
        """The relay of the running QApplication, made on first use (main thread)."""
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("background tasks need a QApplication")
        relay = app.findChild(
            _Relay, "casedeskTaskRelay", Qt.FindChildOption.FindDirectChildrenOnly
        )
        return relay if relay is not None else _Relay(app)

    @Slot(object)
    def on_finished(self, job: _Job) -> None:
        """Empty the job here, on the main thread, then give its outcome to its owner."""
        result, error = job.take()
        owner = job.control.owner()
        if owner is not None and isValid(owner):
            owner.deliver(job.control.number, result, error)

    @Slot(object, int, int, str)
    def on_progressed(self, control: TaskControl, done: int, total: int, text: str) -> None:
        owner = control.owner()
        if owner is not None and isValid(owner):
            owner.show_progress(control.number, done, total, text)


class Task:
    """One piece of background work under way."""

    def __init__(
        self,
        number: int,
        job: _Job,
        on_success: Callable[[Any], None] | None,
        on_failure: Callable[[BaseException], None] | None,
    ) -> None:
        self.number = number
        self.job = job  #: kept here so the last reference to the work is the main thread's
        self.control = job.control
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


def _execute(job: _Job, relay: _Relay) -> None:
    """Run the job's function on a pool thread and post the job back to the main thread.

    Everything the work produced goes into the job; this frame drops its own
    references before emitting, so none is released on this thread.
    """
    fn = job.fn
    assert fn is not None
    try:
        job.result = fn(job.control) if _takes_control(fn) else fn()
    except BaseException as error:  # noqa: BLE001 - delivered to the main thread
        job.error = error
    del fn
    relay.finished.emit(job)


class BackgroundTasks(QObject):
    """Runs service calls on a thread pool for the whole UI."""

    error = Signal(object)  #: an unhandled task failure, for the error reporter
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._relay = _Relay.for_application()
        self._numbers = itertools.count(1)
        self._running: dict[int, Task] = {}

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
        job = _Job(fn, TaskControl(number, weakref.ref(self), self._relay))
        task = Task(number, job, on_success, on_failure)
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
        self._pool.start(lambda: _execute(job, relay))
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

    def deliver(self, number: int, result: object, error: BaseException | None) -> None:
        """A task's outcome, on the main thread: its callback, or the error reporter.

        A cancel is not an error.
        """
        task = self._finish(number)
        if task is None:
            return
        if error is None:
            if task.on_success is not None:
                task.on_success(result)
        elif isinstance(error, Cancelled):
            return
        elif task.on_failure is not None:
            task.on_failure(error)
        else:
            self.error.emit(error)

    def show_progress(self, number: int, done: int, total: int, text: str) -> None:
        """Move a task's progress dialog along (main thread)."""
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
