"""Search as you type: one query for a word typed fast, none for one letter, and a
superseded query interrupted in the database.

The spies wrap the real services the case list calls (``list_cases`` and
``count_matches``) and record what they were asked; the database is the real
demo SQLite file.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from sqlalchemy import text

from app.domain.actor import Actor
from app.services.case_queries import CasePage, CaseQuery
from app.services.case_queries import list_cases as real_list_cases
from app.services.database import Database
from app.services.query_cancel import QueryCancel, QueryCancelled
from app.ui.case_list import CaseListView
from app.ui.case_list import filter_bar as filter_bar_module
from app.ui.case_list import model as model_module
from app.ui.workspace import Workspace

#: Counts to ten billion: minutes of work unless it is interrupted.
ENDLESS = (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000000000) "
    "SELECT count(*) FROM n"
)


@pytest.fixture
def count_calls(monkeypatch: pytest.MonkeyPatch) -> list[CaseQuery]:
    """Every query the filter bar sends to the real ``count_matches``."""
    calls: list[CaseQuery] = []
    real = filter_bar_module.count_matches

    def counting(database: Database, actor: Actor, query: CaseQuery, **options: Any) -> Any:
        calls.append(query)
        return real(database, actor, query, **options)

    monkeypatch.setattr(filter_bar_module, "count_matches", counting)
    return calls


@pytest.fixture
def case_list(
    qtbot, workspace_for: Callable[[str], Workspace], settle: Callable[[Workspace], None]
) -> Iterator[CaseListView]:
    workspace = workspace_for("investigator")
    view = CaseListView(workspace)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitUntil(
        lambda: view.model.rowCount() == 40 and not workspace.tasks.busy and not view.counts_pending
    )
    yield view
    settle(workspace)


def test_a_word_typed_fast_costs_one_query_and_one_count_for_the_final_text(
    qtbot, case_list: CaseListView, list_calls: list[CaseQuery], count_calls: list[CaseQuery]
) -> None:
    list_calls.clear()
    count_calls.clear()
    errors: list[tuple[str, str]] = []
    case_list.workspace.errors.shown.connect(lambda title, message: errors.append((title, message)))
    qtbot.keyClicks(case_list.filter_bar.search, "screenshot")
    qtbot.waitUntil(lambda: bool(count_calls) and not case_list.workspace.tasks.busy)
    assert [q.text for q in list_calls] == ["screenshot"]
    assert [q.text for q in count_calls] == ["screenshot"]
    rows = case_list.model.rowCount()
    assert 0 < rows < 40
    plural = "case" if rows == 1 else "cases"
    assert case_list.filter_bar.count_label.text() == f"{rows} {plural}"
    assert errors == []


def test_one_letter_does_not_search_and_says_why(
    qtbot, case_list: CaseListView, list_calls: list[CaseQuery]
) -> None:
    list_calls.clear()
    search = case_list.filter_bar.search
    assert "2 letters" in search.placeholderText()
    qtbot.keyClicks(search, "s")
    assert case_list.filter_bar.count_label.text() == "Type one more letter to search"
    qtbot.wait(3 * case_list.filter_bar.SEARCH_DELAY_MS)
    qtbot.waitUntil(lambda: not case_list.workspace.tasks.busy)
    assert list_calls == []
    assert case_list.model.rowCount() == 40  # the list still shows every case


def test_a_superseded_search_is_interrupted_in_the_database(
    qtbot,
    case_list: CaseListView,
    list_calls: list[CaseQuery],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The first search runs a query that would take minutes; typing on stops it."""
    real = model_module.list_cases
    started = threading.Event()
    outcomes: list[str] = []

    def slow_first(
        database: Database, actor: Actor, query: CaseQuery, *, cancel: QueryCancel, **options: Any
    ) -> CasePage:
        if query.text == "endless":
            try:
                with database.unit_of_work() as uow, cancel.watching(uow):
                    started.set()
                    uow.session.execute(text(ENDLESS)).all()
            except QueryCancelled:
                outcomes.append("interrupted")
                raise
            outcomes.append("ran to the end")
        return real(database, actor, query, cancel=cancel, **options)

    monkeypatch.setattr(model_module, "list_cases", slow_first)
    errors: list[tuple[str, str]] = []
    case_list.workspace.errors.shown.connect(lambda title, message: errors.append((title, message)))
    search = case_list.filter_bar.search
    search.setText("endless")
    search.returnPressed.emit()
    qtbot.waitUntil(started.is_set)
    search.setText("screenshot")
    search.returnPressed.emit()
    qtbot.waitUntil(lambda: outcomes == ["interrupted"], timeout=10_000)
    qtbot.waitUntil(lambda: not case_list.workspace.tasks.busy, timeout=10_000)
    shown = [case_list.model.case_at(r) for r in range(case_list.model.rowCount())]
    assert shown and all(case is not None for case in shown)
    assert case_list.model.query.text == "screenshot"
    assert errors == []  # the interrupted search is not the user's problem


def _matching_ids(view: CaseListView, word: str) -> list[int]:
    query = dataclasses.replace(view.model.query, text=word, limit=1000, after=None)
    page = real_list_cases(view.workspace.database, view.workspace.actor, query, count=False)
    return [row.id for row in page.rows]


def _shown_ids(view: CaseListView) -> list[int]:
    return [case.id for r in range(view.model.rowCount()) if (case := view.model.case_at(r))]


def _settled(view: CaseListView) -> bool:
    return not view.workspace.tasks.busy and not view.counts_pending and not view.model.loading


def test_the_counts_start_once_the_table_has_painted_the_rows(
    qtbot, case_list: CaseListView, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The count's worker would hold the interpreter lock while the rows paint: it waits."""
    events: list[str] = []
    model = case_list.model
    bar = case_list.filter_bar
    real_refresh = bar.refresh_counts

    def refresh_counts() -> None:
        events.append(f"count {bar.query().text}")
        real_refresh()

    monkeypatch.setattr(bar, "refresh_counts", refresh_counts)

    class PaintWatch(QObject):
        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not model.loading:
                events.append(f"paint {model.query.text}")
            return False

    watch = PaintWatch()
    case_list.table.viewport().installEventFilter(watch)
    bar.search.setText("screenshot")
    qtbot.waitUntil(lambda: model.query.text == "screenshot" and _settled(case_list))
    case_list.table.viewport().removeEventFilter(watch)
    assert "count screenshot" in events
    assert "paint screenshot" in events[: events.index("count screenshot")]
    expected = len(_matching_ids(case_list, "screenshot"))
    assert 0 < expected < 40
    assert bar.count_label.text() == f"{expected} cases"

    # A hidden list paints nothing: it counts anyway.
    case_list.hide()
    bar.search.setText("instagram")
    qtbot.waitUntil(lambda: model.query.text == "instagram" and _settled(case_list))
    expected = len(_matching_ids(case_list, "instagram"))
    assert "count instagram" in events
    assert bar.count_label.text() == f"{expected} case{'' if expected == 1 else 's'}"


def test_counts_of_a_superseded_word_are_never_shown(
    qtbot, case_list: CaseListView, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A count still running when the user types on is stopped; if its answer comes
    anyway (here it ignores the stop), it is dropped: the label is the final word's."""
    release = threading.Event()
    started = threading.Event()
    handed: list[QueryCancel] = []
    answered: list[str] = []
    real = filter_bar_module.count_matches

    def held_count(database: Database, actor: Actor, query: CaseQuery, **options: Any) -> Any:
        if query.text == "screenshot":
            handed.append(options.pop("cancel"))  # the answer comes even when stopped
            started.set()
            release.wait(10)
        counts = real(database, actor, query, **options)
        answered.append(query.text)
        return counts

    monkeypatch.setattr(filter_bar_module, "count_matches", held_count)
    bar = case_list.filter_bar
    bar.search.setText("screenshot")
    qtbot.waitUntil(started.is_set)  # the list shows "screenshot", its count is held
    assert not handed[0].cancelled
    qtbot.keyClicks(bar.search, "x")
    assert handed[0].cancelled  # the key stopped it, before the pause ends
    bar.search.setText("instagram")
    expected = len(_matching_ids(case_list, "instagram"))
    label = f"{expected} case{'' if expected == 1 else 's'}"
    qtbot.waitUntil(lambda: case_list.model.query.text == "instagram" and "instagram" in answered)
    qtbot.waitUntil(lambda: bar.count_label.text() == label)
    release.set()
    qtbot.waitUntil(lambda: "screenshot" in answered and _settled(case_list))
    assert bar.count_label.text() == label
    statuses = [bar.status.itemText(i) for i in range(bar.status.count())]
    assert statuses[0] == f"All statuses ({expected})"


def test_the_list_shows_the_final_word_even_when_an_earlier_answer_comes_last(
    qtbot, case_list: CaseListView, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keys typed after pauses each search at once; an earlier word's page that arrives
    after the final word's is never shown."""
    release = threading.Event()
    answered: list[str] = []
    real = model_module.list_cases

    def held_list(database: Database, actor: Actor, query: CaseQuery, **options: Any) -> Any:
        if query.text == "scre":
            options.pop("cancel")  # runs to its end whatever happens
            release.wait(10)
        page = real(database, actor, query, **options)
        answered.append(query.text)
        return page

    monkeypatch.setattr(model_module, "list_cases", held_list)
    model = case_list.model
    shown: list[str] = []
    model.reloaded.connect(lambda _same: shown.append(model.query.text))
    search = case_list.filter_bar.search
    search.setText("scr")
    qtbot.waitUntil(lambda: shown == ["scr"])
    qtbot.wait(2 * case_list.filter_bar.SEARCH_DELAY_MS)  # a pause in typing
    qtbot.keyClick(search, "e")
    qtbot.waitUntil(lambda: model.query.text == "scre")  # asked at once, held
    for key in "enshot":
        qtbot.wait(2 * case_list.filter_bar.SEARCH_DELAY_MS)
        qtbot.keyClick(search, key)
    qtbot.waitUntil(lambda: shown[-1:] == ["screenshot"])
    release.set()
    qtbot.waitUntil(lambda: "scre" in answered and _settled(case_list))
    assert "scre" not in shown
    assert shown[-1] == "screenshot"
    assert _shown_ids(case_list) == _matching_ids(case_list, "screenshot")


def test_a_key_after_a_pause_searches_at_once_and_a_burst_costs_one_query(
    qtbot, case_list: CaseListView, list_calls: list[CaseQuery]
) -> None:
    search = case_list.filter_bar.search
    search.setText("scr")
    qtbot.waitUntil(lambda: case_list.model.query.text == "scr" and _settled(case_list))
    list_calls.clear()
    qtbot.wait(2 * case_list.filter_bar.SEARCH_DELAY_MS)
    qtbot.keyClick(search, "e")
    assert case_list.model.query.text == "scr"
    QCoreApplication.processEvents()  # the next turn of the event loop: no pause
    QCoreApplication.processEvents()
    # Asked: still loading, or (a fast answer, delivered in those turns) already listed.
    assert case_list.model.query.text == "scre"
    assert case_list.model.loading or [q.text for q in list_calls] == ["scre"]
    qtbot.waitUntil(lambda: _settled(case_list))
    assert [q.text for q in list_calls] == ["scre"]
    list_calls.clear()
    qtbot.keyClicks(search, "ensh")  # a burst: one query once the keys pause
    qtbot.waitUntil(lambda: case_list.model.query.text == "screensh")
    qtbot.waitUntil(lambda: _settled(case_list))
    assert [q.text for q in list_calls] == ["screensh"]
