"""The case list's table model: pages by cursor, stale answers, and a long list.

The model talks to the real query service on real databases; a counting
wrapper around ``list_cases`` shows how many queries the list costs.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import insert, select

from app.db.models import Agency, Case, User
from app.db.models.cases import investigator_sort_key
from app.domain.cases import CaseStatus
from app.services.case_queries import CaseQuery, CaseSort, PageCursor, list_cases
from app.services.database import Database
from app.ui.case_list import CaseListView, CaseTableModel
from app.ui.workspace import Workspace

M = CaseTableModel
BULK = 5000


@pytest.fixture
def workspace(
    workspace_for: Callable[[str], Workspace], settle: Callable[[Workspace], None]
) -> Iterator[Workspace]:
    signed_in = workspace_for("investigator")
    yield signed_in
    settle(signed_in)


def loaded_model(qtbot, workspace: Workspace, query: CaseQuery = CaseQuery()) -> CaseTableModel:  # noqa: B008
    model = CaseTableModel(workspace)
    with qtbot.waitSignal(model.reloaded):
        model.set_filters(query)
    return model


def expected_ids(workspace: Workspace, query: CaseQuery) -> list[int]:
    page = list_cases(workspace.database, workspace.actor, dataclasses.replace(query, limit=1000))
    return [row.id for row in page.rows]


def test_the_model_passes_the_model_tester(qtbot, qtmodeltester, workspace: Workspace) -> None:
    model = loaded_model(qtbot, workspace)
    assert model.rowCount() == 40
    qtmodeltester.check(model)


def test_the_first_page_and_the_total_come_in_one_query(
    qtbot, workspace: Workspace, list_calls: list[CaseQuery]
) -> None:
    model = loaded_model(qtbot, workspace)
    assert model.rowCount() == 40
    assert [(q.offset, q.limit) for q in list_calls] == [(0, M.PAGE_SIZE)]
    for row in range(40):
        for column in range(M.COLUMN_COUNT):
            model.index(row, column).data()
    assert len(list_calls) == 1  # every cell came from the page already held


def test_scrolling_on_fetches_the_next_page_after_the_last_row(
    qtbot, workspace: Workspace, list_calls: list[CaseQuery], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(CaseTableModel, "PAGE_SIZE", 10)
    model = loaded_model(qtbot, workspace)
    ids = expected_ids(workspace, CaseQuery())
    assert model.rowCount() == 10 and model.canFetchMore()
    with qtbot.waitSignal(model.page_loaded) as loaded:
        model.fetchMore()
        model.fetchMore()  # asked twice while the page is on its way: fetched once
    assert loaded.args == [10, 10]
    assert [model.index(r, 0).data(M.IdRole) for r in range(20)] == ids[:20]
    tenth = model.case_at(9)
    assert tenth is not None
    # The second page starts after the first page's last row, not at an offset.
    assert [(q.offset, q.after) for q in list_calls] == [
        (0, None),
        (0, PageCursor(tenth.reported_on, tenth.id)),
    ]
    while model.canFetchMore():
        with qtbot.waitSignal(model.page_loaded):
            model.fetchMore()
    assert [model.index(r, 0).data(M.IdRole) for r in range(model.rowCount())] == ids


def test_pages_of_an_older_query_are_dropped(
    qtbot, workspace: Workspace, list_calls: list[CaseQuery], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(CaseTableModel, "PAGE_SIZE", 10)
    model = loaded_model(qtbot, workspace)
    model.fetchMore()  # the next page in "newest first" order is on its way
    with qtbot.waitSignal(model.reloaded):
        model.sort(M.Title, Qt.SortOrder.AscendingOrder)  # before that page arrives
    qtbot.waitUntil(lambda: not workspace.tasks.busy)
    expected = expected_ids(workspace, CaseQuery(sort=CaseSort.TITLE, descending=False))
    # The old query's page never reached the list.
    assert [model.index(r, 0).data(M.IdRole) for r in range(model.rowCount())] == expected[:10]
    assert len([q for q in list_calls if q.sort == CaseSort.REPORTED]) == 2


def test_filters_reset_the_rows_and_status_names_show(qtbot, workspace: Workspace) -> None:
    model = loaded_model(qtbot, workspace)
    query = CaseQuery(statuses=frozenset({CaseStatus.CLOSED}))
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset, model.reloaded]):
        model.set_filters(query)
    ids = expected_ids(workspace, query)
    assert model.rowCount() == len(ids) > 0
    assert model.index(0, M.Status).data() == "Closed"
    assert model.index(0, M.Status).data(M.StatusRole) == CaseStatus.CLOSED
    assert model.headerData(M.Reported, Qt.Orientation.Horizontal) == "Reported"


def _add_bulk_cases(database: Database, count: int) -> None:
    """Insert ``count`` cases in one transaction (Core, as the benchmarks do)."""
    with database.engine.begin() as connection:
        agencies = connection.execute(select(Agency.id, Agency.code).order_by(Agency.id)).all()
        user_id = connection.scalar(select(User.id).where(User.username == "investigator"))
        start = dt.date(2020, 1, 1)
        rows = []
        for i in range(count):
            agency_id, code = agencies[i % len(agencies)]
            rows.append(
                {
                    "number": f"{code}-2020-{i + 1:05d}",
                    "agency_id": agency_id,
                    "title": f"Bulk case {i + 1:05d} about a Facebook post",
                    "intake_channel": "hotline",
                    "reported_on": start + dt.timedelta(days=i % 1500),
                    "platforms": ["Facebook"],
                    "duty_status": "unknown",
                    "equipment": "unknown",
                    "account_kind": "unknown",
                    "status": "intake",
                    "investigator_id": user_id if i % 3 else None,
                    "investigator_sort": investigator_sort_key("Ivan" if i % 3 else None),
                    "created_by_id": user_id,
                    "updated_by_id": user_id,
                }
            )
        connection.execute(insert(Case), rows)


def test_a_long_list_fetches_on_as_it_scrolls_and_counts_only_when_asked(
    qtbot,
    demo_database: Database,
    workspace: Workspace,
    list_calls: list[CaseQuery],
) -> None:
    _add_bulk_cases(demo_database, BULK)
    total = BULK + 40
    view = CaseListView(workspace)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    label = view.filter_bar.count_label
    # The count starts once the rows are painted, after the page's task has ended.
    qtbot.waitUntil(
        lambda: (
            view.model.rowCount() == M.PAGE_SIZE and label.text() != "" and not workspace.tasks.busy
        )
    )
    assert label.text().replace(",", "").startswith("more than 1000 cases")
    assert view.filter_bar.status.itemText(0) == "All statuses"  # not counted yet
    assert len(list_calls) == 1

    # Scrolling to the end fetches the next page from the last row's cursor.
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: view.model.rowCount() == 2 * M.PAGE_SIZE)
    qtbot.waitUntil(lambda: not workspace.tasks.busy)
    assert list_calls[1].after is not None and list_calls[1].offset == 0
    assert all(q.limit == M.PAGE_SIZE for q in list_calls)

    # "count" counts them all, by status too.
    label.linkActivated.emit("count")
    qtbot.waitUntil(lambda: label.text().replace(",", "") == f"{total} cases")
    assert view.filter_bar.status.itemText(0).replace(",", "") == f"All statuses ({total})"

    # A refresh re-reads what is shown and keeps the place in the list.
    bar = view.table.verticalScrollBar()
    middle = view.table.rowAt(view.table.viewport().height() // 2)
    view.table.selectRow(middle)
    selected, position = view.selected_case(), bar.value()
    calls = len(list_calls)
    view.refresh()
    qtbot.waitUntil(lambda: not workspace.tasks.busy and len(list_calls) > calls)
    assert bar.value() == position
    assert view.selected_case() == selected
    assert list_calls[-1].limit == 2 * M.PAGE_SIZE

    # A case added elsewhere: the rows are read again, the list stays where it
    # was, the selected case is selected again, and the exact count follows.
    with demo_database.engine.begin() as connection:
        connection.execute(
            insert(Case),
            [
                {
                    "number": "ARDHS-2019-00001", "agency_id": 1, "title": "Older report",
                    "intake_channel": "hotline", "reported_on": dt.date(2026, 12, 1),
                    "platforms": [], "duty_status": "unknown", "equipment": "unknown",
                    "account_kind": "unknown", "status": "intake", "created_by_id": 1,
                    "updated_by_id": 1,
                }
            ],
        )  # fmt: skip
    workspace.cases_changed.emit()
    qtbot.waitUntil(lambda: label.text().replace(",", "") == f"{total + 1} cases")
    qtbot.waitUntil(lambda: view.selected_case() == selected)
