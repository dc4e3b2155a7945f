"""Typing a word into the real case list, key by key, as a user does.

Used by :mod:`benchmarks.case_list_1m`. The window is the real
``CaseListView`` on a real database, with the application's background
tasks, after one search to warm the statement cache as a session has; the
figure runs from the last key press to the list painted with the rows of the
whole word. A wrapper around the real ``list_cases`` counts the
queries that ran and those a newer one interrupted.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Typed:
    """What typing one word cost."""

    last_key_to_painted_ms: float
    list_queries: int
    interrupted: int


def type_word(url: str, word: str, key_interval_ms: int) -> Typed:
    """Type ``word`` with ``key_interval_ms`` between keys; measure the wait after the last."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app.services import accounts
    from app.services.database import Database
    from app.services.query_cancel import QueryCancelled
    from app.ui.case_list import CaseListView
    from app.ui.case_list import model as model_module
    from app.ui.errors import ErrorReporter
    from app.ui.tasks import BackgroundTasks
    from app.ui.workspace import Workspace
    from benchmarks import generate

    app = QApplication.instance() or QApplication(sys.argv[:1])
    database = Database.open(url)
    actor = accounts.authenticate(database, generate.BENCH_USER, generate.BENCH_PASSWORD)
    tasks = BackgroundTasks()
    workspace = Workspace(database, actor, tasks, ErrorReporter())
    real = model_module.list_cases
    calls: list[str] = []
    interrupted: list[str] = []

    def spy(*args: Any, **options: Any) -> Any:
        calls.append(args[2].text)
        try:
            return real(*args, **options)
        except QueryCancelled:
            interrupted.append(args[2].text)
            raise

    model_module.list_cases = spy  # type: ignore[assignment]
    view = CaseListView(workspace)
    try:
        view.resize(1300, 700)
        view.show()
        _wait(app, lambda: view.model.rowCount() > 0 and not tasks.busy)
        # One search first, as a user's session has made: the engine's statement
        # cache and the connection are warm, as they are after the first search.
        search = view.filter_bar.search
        search.setText("quetzal")
        search.returnPressed.emit()
        _wait(app, lambda: view.model.query.text == "quetzal" and not tasks.busy)
        search.clear()
        search.returnPressed.emit()
        _wait(app, lambda: not view.model.query.text and not tasks.busy)
        calls.clear()
        clock = QElapsedTimer()
        clock.start()
        painted: list[int] = []

        def on_reloaded(_same: bool) -> None:
            if view.model.query.text == word:
                view.table.viewport().repaint()  # painted now, not at the next idle moment
                painted.append(clock.nsecsElapsed())

        view.model.reloaded.connect(on_reloaded)
        for key in word[:-1]:
            QTest.keyClick(search, key, Qt.KeyboardModifier.NoModifier)
            QTest.qWait(key_interval_ms)
        last_key = clock.nsecsElapsed()
        QTest.keyClick(search, word[-1], Qt.KeyboardModifier.NoModifier)
        _wait(app, lambda: bool(painted))
        waited = (painted[0] - last_key) / 1e6
        _wait(app, lambda: not tasks.busy)
        view.model.reloaded.disconnect(on_reloaded)
        return Typed(waited, len(calls), len(interrupted))
    finally:
        model_module.list_cases = real  # type: ignore[assignment]
        view.close()
        view.deleteLater()
        tasks.wait_for_done(60_000)
        app.processEvents()
        database.close()


def _wait(app: Any, condition: Any, timeout_s: float = 120.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the case list did not answer")
        app.processEvents()
        time.sleep(0.001)
