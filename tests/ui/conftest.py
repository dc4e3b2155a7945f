"""Fixtures for driving the real widgets with pytest-qt on real databases.

``demo_url``
    A fresh copy of a SQLite database holding the demo data (made once per
    session with ``casedesk demo``'s service), per test.
``workspace_for(username)``
    A :class:`~app.ui.workspace.Workspace` signed in as a demo user
    ("investigator", "investigator2", "supervisor", "hr", "admin").
``settle(workspace)``
    Wait until every background task of the workspace has delivered.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from app.config import sqlite_url
from app.services import accounts
from app.services.database import Database
from app.services.demo import DEMO_USERS, create_demo
from app.ui.errors import ErrorReporter
from app.ui.tasks import BackgroundTasks
from app.ui.workspace import Workspace

PASSWORDS = {u.username: u.password for u in DEMO_USERS}


@pytest.fixture(autouse=True)
def _qt_settings(tmp_path: Path, qapp) -> Iterator[None]:
    """QSettings in a folder of the test's own, so layouts never leak between tests."""
    QCoreApplication.setOrganizationName("CasedeskTests")
    QCoreApplication.setApplicationName("CasedeskTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    yield
    QSettings().clear()


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    database = Database.open(sqlite_url(path))
    try:
        create_demo(database)
    finally:
        database.close()
    return path


@pytest.fixture
def demo_url(_demo_template: Path, tmp_path: Path) -> str:
    """A fresh copy of the demo database."""
    copy = tmp_path / "demo.sqlite3"
    shutil.copy(_demo_template, copy)
    return sqlite_url(copy)


@pytest.fixture
def demo_database(demo_url: str) -> Iterator[Database]:
    database = Database.open(demo_url)
    yield database
    database.close()


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
        workspace.tasks.wait_for_done()
        QCoreApplication.processEvents()


@pytest.fixture
def settle(qtbot) -> Callable[[Workspace], None]:
    """Wait until the workspace's background tasks have all delivered their results."""

    def wait(workspace: Workspace, timeout: int = 10_000) -> None:
        qtbot.waitUntil(lambda: not workspace.tasks.busy, timeout=timeout)

    return wait
