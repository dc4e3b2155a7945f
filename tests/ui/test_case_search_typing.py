"""Search as you type: one query for a word typed fast, none for one letter, and a
superseded query interrupted in the database.

The spies wrap the real services the case list calls (``list_cases`` and
``count_matches``) and record what they were asked; the database is the real
demo SQLite file.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import text

from app.domain.actor import Actor
from app.services.case_queries import CasePage, CaseQuery
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
