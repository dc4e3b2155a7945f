"""Typing a word into the real case list, key by key, as a user does.

Used by :mod:`benchmarks.case_list_1m`. The window is the real
``CaseListView`` on a real database, with the application's background
tasks, after one search to warm the statement cache as a session has; the
figure runs from the last key press to the end of the first paint of the
table holding the rows of the whole word (an event filter on the table's
viewport sees the paint; a zero-time timer posted from it stamps the moment
the event loop is back, the paint done). Nothing forces the paint: Qt paints
when it would for a user. A wrapper around the real ``list_cases`` counts
the queries that ran and those a newer one interrupted, and stamps when the
final word's query started and answered; one around ``count_matches`` stamps
when the counts started, to show they wait for the paint.

:func:`service_floor` is the floor: the same word's first page from the
service alone (no widget, no pause), in the same process and minutes.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Typed:
    """What typing one word cost (milliseconds from the last key press)."""

    last_key_to_painted_ms: float
    list_queries: int
    interrupted: int
    #: The final word's query started, answered; the counts started (None: never).
    query_started_ms: float | None = None
    query_answered_ms: float | None = None
    counts_started_ms: float | None = None
    #: Counts delivered to the filter bar for a word other than the final one.
    stale_counts: int = 0


def service_floor(url: str, word: str, rounds: int = 5) -> float:
    """Median milliseconds of the word's first page from ``list_cases`` alone."""
    from app.services import accounts
    from app.services.case_queries import CaseQuery, list_cases
    from app.services.database import Database
    from benchmarks import generate

    database = Database.open(url)
    try:
        actor = accounts.authenticate(database, generate.BENCH_USER, generate.BENCH_PASSWORD)
        query = CaseQuery(text=word, limit=200)
        list_cases(database, actor, query, count=False)  # warm, as the window's session is
        runs = []
        for _ in range(rounds):
            started = time.perf_counter()
            list_cases(database, actor, query, count=False)
            runs.append((time.perf_counter() - started) * 1000)
        return statistics.median(runs)
    finally:
        database.close()


def type_word(url: str, word: str, key_interval_ms: int) -> Typed:
    """Type ``word`` with ``key_interval_ms`` between keys; measure the wait after the last."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app.services import accounts
    from app.services.database import Database
    from app.services.query_cancel import QueryCancelled
    from app.ui.case_list import CaseListView
    from app.ui.case_list import filter_bar as filter_bar_module
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
    real_list = model_module.list_cases
    real_count = filter_bar_module.count_matches
    clock = QElapsedTimer()
    clock.start()
    calls: list[str] = []
    interrupted: list[str] = []
    stamps: dict[str, int] = {}

    def list_spy(*args: Any, **options: Any) -> Any:
        text = args[2].text
        calls.append(text)
        final = text == word and args[2].after is None
        if final:
            stamps.setdefault("query_started", clock.nsecsElapsed())
        try:
            page = real_list(*args, **options)
        except QueryCancelled:
            interrupted.append(text)
            raise
        if final:
            stamps.setdefault("query_answered", clock.nsecsElapsed())
        return page

    def count_spy(*args: Any, **options: Any) -> Any:
        if args[2].text == word:
            stamps.setdefault("counts_started", clock.nsecsElapsed())
        return real_count(*args, **options)

    model_module.list_cases = list_spy  # type: ignore[assignment]
    filter_bar_module.count_matches = count_spy  # type: ignore[assignment]
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
        _wait(app, lambda: not getattr(view, "counts_pending", False) and not tasks.busy)
        calls.clear()
        stamps.clear()
        painted: list[int] = []
        delivered: list[str] = []
        bar = view.filter_bar
        real_on_counts = bar._on_counts

        def on_counts(generation: int, counts: Any) -> None:
            if generation == bar._counts_generation:
                delivered.append(bar._counted.text if bar._counted is not None else "")
            real_on_counts(generation, counts)

        bar._on_counts = on_counts  # type: ignore[method-assign]

        class PaintWatch(QObject):
            """The first paint of the final word's rows; stamped once it is done."""

            def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
                if (
                    event.type() == QEvent.Type.Paint
                    and not painted
                    and view.model.query.text == word
                    and not view.model.loading
                ):
                    painted.append(-1)
                    QTimer.singleShot(0, lambda: painted.__setitem__(0, clock.nsecsElapsed()))
                return False

        watch = PaintWatch()
        view.table.viewport().installEventFilter(watch)
        for key in word[:-1]:
            QTest.keyClick(search, key, Qt.KeyboardModifier.NoModifier)
            QTest.qWait(key_interval_ms)
        last_key = clock.nsecsElapsed()
        QTest.keyClick(search, word[-1], Qt.KeyboardModifier.NoModifier)
        _wait(app, lambda: bool(painted) and painted[0] > 0)
        waited = (painted[0] - last_key) / 1e6
        _wait(app, lambda: not tasks.busy and not getattr(view, "counts_pending", False))
        view.table.viewport().removeEventFilter(watch)
        assert view.model.query.text == word, "the list does not show the final word"

        def since_key(name: str) -> float | None:
            return (stamps[name] - last_key) / 1e6 if name in stamps else None

        return Typed(
            waited,
            len(calls),
            len(interrupted),
            since_key("query_started"),
            since_key("query_answered"),
            since_key("counts_started"),
            sum(1 for text in delivered if text != word),
        )
    finally:
        model_module.list_cases = real_list  # type: ignore[assignment]
        filter_bar_module.count_matches = real_count  # type: ignore[assignment]
        view.close()
        view.deleteLater()
        tasks.wait_for_done(60_000)
        app.processEvents()
        database.close()


def _wait(app: Any, condition: Any, timeout_s: float = 120.0) -> None:
    """Run the real event loop until ``condition`` (checked every 5 ms by a timer, so
    the loop sleeps between events as a user's does, and events are handled at once)."""
    from PySide6.QtCore import QEventLoop, QTimer

    if condition():
        return
    loop = QEventLoop()
    deadline = time.monotonic() + timeout_s
    timed_out: list[bool] = []

    def check() -> None:
        if condition():
            loop.quit()
        elif time.monotonic() > deadline:
            timed_out.append(True)
            loop.quit()

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    if timed_out:
        raise TimeoutError("the case list did not answer")
