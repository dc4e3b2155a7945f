"""Fixtures for driving the real widgets with pytest-qt on real databases.

``demo_url`` / ``demo_database`` (tests/conftest.py)
    A fresh copy of the demo database, per test.
``workspace_for(username)``
    A :class:`~app.ui.workspace.Workspace` signed in as a demo user
    ("investigator", "investigator2", "supervisor", "hr", "admin").
``settle(workspace)``
    Wait until every background task of the workspace has delivered.
``open_list_page(page_type, workspace)``
    Show a list page (Authorizations, Credential requests) once it has loaded.
``dispose(workspace)``
    Wait for the workspace's tasks and delete its Qt objects on the main thread.
``signed_in(username)``
    The real application on the demo database, signed in through its login dialog.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt
from PySide6.QtWidgets import QWidget

from app.domain.actor import Actor
from app.domain.cases import CaseStatus
from app.services import accounts, cases
from app.services.case_queries import CasePage, CaseQuery, list_cases
from app.services.cases import CaseDetail
from app.services.database import Database
from app.services.demo import DEMO_USERS
from app.ui.app import Application
from app.ui.case_list import model as model_module
from app.ui.case_view.view import CaseView
from app.ui.collector import MainThreadCollector
from app.ui.errors import ErrorReporter
from app.ui.tasks import BackgroundTasks
from app.ui.workspace import Workspace

PASSWORDS = {u.username: u.password for u in DEMO_USERS}

PageT = TypeVar("PageT", bound=QWidget)


@pytest.fixture(autouse=True)
def _qt_settings(tmp_path: Path, qapp) -> Iterator[None]:
    """QSettings in a folder of the test's own, so layouts never leak between tests."""
    QCoreApplication.setOrganizationName("CasedeskTests")
    QCoreApplication.setApplicationName("CasedeskTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    yield
    QSettings().clear()


@pytest.fixture(autouse=True)
def _collect_on_the_main_thread(qapp) -> Iterator[None]:
    """As in the application (app/ui/collector.py): no automatic collection while
    a test runs, so a cycle holding a Qt object is never freed on a pool thread;
    the test's garbage is collected here, on the main thread, when it ends."""
    collector = MainThreadCollector()
    yield
    collector.stop()
    collector.deleteLater()
    gc.collect()
    # What survived belongs to the session (modules, caches, the application):
    # frozen, so the next test's collection walks only the objects made after it.
    gc.freeze()


@pytest.fixture
def workspace_for(demo_database: Database, qapp) -> Iterator[Callable[[str], Workspace]]:
    """Sign in as a demo user and return their workspace."""
    made: list[Workspace] = []

    def make(username: str) -> Workspace:
        actor = accounts.authenticate(demo_database, username, PASSWORDS[username])
        tasks = BackgroundTasks()
        workspace = Workspace(demo_database, actor, tasks, ErrorReporter())
        made.append(workspace)
        return workspace

    yield make
    for workspace in made:
        dispose(workspace)


def dispose(workspace: Workspace) -> None:
    """Let the workspace's tasks deliver, then delete the test's Qt objects, here.

    The widgets pytest-qt closed (deleted later) and the workspace's objects
    (no parent: owned by Python, and in cycles with the views that refer to
    them) would otherwise go whenever the garbage collector runs: during a
    later test, and then possibly on one of its pool threads.
    """
    assert workspace.tasks.wait_for_done(60_000), "a background task still runs after the test"
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    parts: tuple[QObject, ...] = (workspace, workspace.tasks, workspace.errors)
    for part in parts:
        if shiboken6.isValid(part) and part.parent() is None:
            shiboken6.delete(part)


@pytest.fixture
def settle(qtbot) -> Callable[[Workspace], None]:
    """Wait until the workspace's background tasks have all delivered their results."""

    def wait(workspace: Workspace, timeout: int = 10_000) -> None:
        qtbot.waitUntil(lambda: not workspace.tasks.busy, timeout=timeout)

    return wait


@pytest.fixture
def find_case() -> Callable[..., CaseDetail]:
    """A demo case in a status that a predicate likes (from the real database)."""

    def find(
        workspace: Workspace, status: CaseStatus, accept: Callable[[CaseDetail], bool] = bool
    ) -> CaseDetail:
        page = list_cases(workspace.database, workspace.actor,
                          CaseQuery(statuses=frozenset({status})))  # fmt: skip
        for row in page.rows:
            detail = cases.get_case(workspace.database, workspace.actor, row.id)
            if accept(detail):
                return detail
        raise AssertionError(f"no demo case in {status} fits")

    return find


@pytest.fixture
def open_view(qtbot, settle) -> Callable[[Workspace, int], CaseView]:
    """Open a case in a CaseView and wait until it and its tabs have loaded."""

    def open_(workspace: Workspace, case_id: int) -> CaseView:
        view = CaseView(workspace, case_id)
        qtbot.addWidget(view)
        view.resize(1400, 900)
        view.show()
        with qtbot.waitSignal(view.loaded, timeout=10_000):
            pass
        settle(workspace)
        return view

    return open_


@pytest.fixture
def open_list_page(qtbot, settle) -> Callable[[Callable[[Workspace], PageT], Workspace], PageT]:
    """Show a list page of ``workspace`` and wait until its first load has delivered."""

    def open_(page_type: Callable[[Workspace], PageT], workspace: Workspace) -> PageT:
        page = page_type(workspace)
        qtbot.addWidget(page)
        page.resize(1500, 800)
        page.show()
        settle(workspace)
        return page

    return open_


@pytest.fixture
def list_calls(monkeypatch: pytest.MonkeyPatch) -> list[CaseQuery]:
    """Every query the case list sends to the real ``list_cases``."""
    calls: list[CaseQuery] = []
    real = model_module.list_cases

    def counting(database: Database, actor: Actor, query: CaseQuery, **options: Any) -> CasePage:
        calls.append(query)
        return real(database, actor, query, **options)

    monkeypatch.setattr(model_module, "list_cases", counting)
    return calls


@pytest.fixture
def signed_in(qtbot, demo_url: str, qapp) -> Iterator[Callable[[str], Application]]:
    """Start the real application on the demo database and sign in through its dialog."""
    started: list[Application] = []
    hook = sys.excepthook

    def start(
        username: str, before_click: Callable[[Application], object] | None = None
    ) -> Application:
        app = Application(qapp, demo_url, username)
        started.append(app)
        login = app.login
        qtbot.waitUntil(login.sign_in_button.isEnabled, timeout=10_000)  # database open
        assert login.username.text() == username
        qtbot.keyClicks(login.password, PASSWORDS[username])
        if before_click is not None:
            before_click(app)
        qtbot.mouseClick(login.sign_in_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: app.window is not None and app.window.isVisible(), timeout=10_000)
        qtbot.waitUntil(lambda: not app.tasks.busy, timeout=10_000)
        return app

    yield start
    sys.excepthook = hook
    for app in started:
        if app.idle is not None:
            app.idle.stop()
        if app.lock_dialog is not None:
            app.lock_dialog.hide()
            app.lock_dialog.deleteLater()
        if app.window is not None:
            app.window.ending = True  # a failed test's unsaved edits do not ask (and hang)
            app.window.close()
            app.window.deleteLater()
        app.tasks.wait_for_done()
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if app.database is not None:
            app.database.close()
        shiboken6.delete(app)  # here, on the main thread, not by a later garbage collection
