"""Background tasks and the lifetime of Qt objects: owners that go, work released where.

A test workspace (and anything else built without a parent) is owned by
Python; once it sits in a reference cycle it is destroyed whenever the
garbage collector runs, also while its workers are still busy. These tests
make that happen on purpose, many times, with ``gc.collect()``.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThreadPool

from app.services import accounts, authorizations
from app.services.database import Database
from app.ui.authorizations.authorizations_page import AuthorizationsPage
from app.ui.errors import ErrorReporter
from app.ui.tasks import BackgroundTasks, TaskControl
from app.ui.workspace import Workspace
from tests.ui.conftest import PASSWORDS


def _drain() -> None:
    """Wait for every worker of the shared pool, then deliver what they posted."""
    assert QThreadPool.globalInstance().waitForDone(30_000)
    QCoreApplication.processEvents()


def test_workers_outlive_their_collected_owner_and_their_outcomes_are_dropped(qtbot) -> None:
    problems: list[BaseException] = []
    delivered: list[object] = []
    finished: list[int] = []

    def chatty(reporting: threading.Event) -> Callable[[TaskControl], int]:
        def work(control: TaskControl) -> int:
            try:
                for step in range(300):
                    control.progress(step, 300, "Working")
                    reporting.set()
            except BaseException as error:  # what the worker met, for the assertion
                problems.append(error)
                raise
            finally:
                finished.append(1)
            return 300

        return work

    for _round in range(25):
        reporting = threading.Event()
        tasks = BackgroundTasks()
        tasks.cycle = tasks  # as a workspace its views refer back to: only gc frees it
        for _task in range(4):
            tasks.run(chatty(reporting), on_success=delivered.append)
        assert reporting.wait(10)
        del tasks
        gc.collect()  # the owner goes while its workers report progress
        _drain()

    assert len(finished) == 25 * 4
    assert problems == []
    assert delivered == []  # nobody is left to give them to


def test_an_owner_collected_before_its_workers_start_leaves_them_nothing_to_trip_on(
    qtbot,
) -> None:
    gate = threading.Event()
    problems: list[BaseException] = []
    finished: list[int] = []

    def work(control: TaskControl) -> str:
        gate.wait(10)
        try:
            control.progress(1, 2)
        except BaseException as error:
            problems.append(error)
            raise
        finally:
            finished.append(1)
        return "done"

    tasks = BackgroundTasks()
    tasks.cycle = tasks
    for _task in range(8):
        tasks.run(work)
    del tasks
    gc.collect()
    gate.set()
    _drain()
    assert len(finished) == 8
    assert problems == []


def test_what_a_task_holds_is_released_on_the_main_thread(qtbot) -> None:
    """A work function that refers to a Qt object must not free it on a pool thread."""
    tasks = BackgroundTasks()
    released_in: list[str] = []
    outcomes: list[object] = []

    def start(kind: str) -> None:
        state = QObject()  # owned by Python: freed with the last reference to it
        state.destroyed.connect(
            lambda: released_in.append(threading.current_thread().name),
            Qt.ConnectionType.DirectConnection,
        )

        def work(control: TaskControl) -> str:
            assert state is not None  # the work refers to it, as a closure over a view does
            if kind == "fails":
                raise ValueError("refused")
            if kind == "cancelled":
                control.cancel()
                control.check()
            return kind

        tasks.run(work, on_success=outcomes.append, on_failure=outcomes.append)

    for kind in ("succeeds", "fails", "cancelled") * 10:
        start(kind)
    qtbot.waitUntil(lambda: not tasks.busy, timeout=20_000)
    _drain()
    del outcomes[:]  # the errors refer to the work through their tracebacks
    gc.collect()
    assert len(released_in) == 30
    assert set(released_in) == {threading.main_thread().name}


def test_a_page_and_its_workspace_collected_while_the_page_loads(
    demo_database: Database, qtbot, monkeypatch
) -> None:
    """The authorizations page as the tests build it, closed and dropped mid-load, many times."""
    slow = threading.Event()
    real_count = authorizations.count_overdue_reviews
    real_list = authorizations.list_authorizations

    def count(*args, **kwargs):
        slow.wait(0.05)  # still running when the page and its workspace go
        return real_count(*args, **kwargs)

    def list_(*args, **kwargs):
        slow.wait(0.05)
        return real_list(*args, **kwargs)

    monkeypatch.setattr(authorizations, "count_overdue_reviews", count)
    monkeypatch.setattr(authorizations, "list_authorizations", list_)
    actor = accounts.authenticate(demo_database, "supervisor", PASSWORDS["supervisor"])
    loaded: list[int] = []
    for _round in range(6):
        workspace = Workspace(demo_database, actor, BackgroundTasks(), ErrorReporter())
        page = AuthorizationsPage(workspace)
        page.records_loaded.connect(lambda: loaded.append(1))
        page.show()
        page.refresh()
        assert workspace.tasks.busy
        page.close()
        page.deleteLater()
        del page, workspace
        gc.collect()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
    _drain()
    assert loaded == []
