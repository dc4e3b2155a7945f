"""The case list's table model: pages, placeholders, stale answers, and a long list.

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
from app.domain.cases import CaseStatus
from app.services.case_queries import CaseQuery, CaseSort, list_cases
from app.services.database import Database
from app.ui.case_list import CaseListView, CaseTableModel
from app.ui.case_list.model import PLACEHOLDER
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


def test_a_row_shows_a_placeholder_until_its_page_arrives(
    qtbot, workspace: Workspace, list_calls: list[CaseQuery], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(CaseTableModel, "PAGE_SIZE", 10)
    model = loaded_model(qtbot, workspace)
    ids = expected_ids(workspace, CaseQuery())
    assert model.index(9, M.Number).data(M.IdRole) == ids[9]
    with qtbot.waitSignal(model.dataChanged) as changed:
        assert model.index(25, M.Number).data() == PLACEHOLDER
        assert model.index(25, M.Number).data(M.IdRole) is None
        for row in range(20, 30):  # the whole page asked for once
            model.index(row, M.Title).data()
    first, last = changed.args[0], changed.args[1]
    assert (first.row(), last.row(), last.column()) == (20, 29, M.COLUMN_COUNT - 1)
    assert [model.index(r, 0).data(M.IdRole) for r in range(20, 30)] == ids[20:30]
    assert [q.offset for q in list_calls] == [0, 20]
    assert all(q.limit == 10 for q in list_calls)


def test_pages_of_an_older_query_are_dropped(
    qtbot, workspace: Workspace, list_calls: list[CaseQuery], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(CaseTableModel, "PAGE_SIZE", 10)
    model = loaded_model(qtbot, workspace)
    model.index(35, 0).data()  # asks for the last page in "newest first" order
    with qtbot.waitSignal(model.reloaded):
        model.sort(M.Title, Qt.SortOrder.AscendingOrder)  # before that page arrives
    qtbot.waitUntil(lambda: not workspace.tasks.busy)
    expected = expected_ids(workspace, CaseQuery(sort=CaseSort.TITLE, descending=False))

    def shown() -> list[int | None]:
        return [model.index(r, 0).data(M.IdRole) for r in range(model.rowCount())]

    qtbot.waitUntil(lambda: shown() == expected)
    # The old query's page was read, but not shown; the new order read each page once.
    assert [q.offset for q in list_calls if q.sort == CaseSort.REPORTED] == [0, 30]
    assert sorted(q.offset for q in list_calls if q.sort == CaseSort.TITLE) == [0, 10, 20, 30]


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
                    "created_by_id": user_id,
                    "updated_by_id": user_id,
                }
            )
        connection.execute(insert(Case), rows)


def test_a_long_list_loads_only_the_pages_scrolled_to(
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
    qtbot.waitUntil(lambda: view.model.rowCount() == total and not workspace.tasks.busy)
    assert view.filter_bar.count_label.text().replace(",", "") == f"{total} cases"
    assert len(list_calls) == 1

    view.table.scrollToBottom()
    last = list_cases(demo_database, workspace.actor, CaseQuery(offset=total - 1, limit=1))
    qtbot.waitUntil(lambda: view.model.index(total - 1, 0).data(M.IdRole) == last.rows[0].id)
    assert view.model.index(total - 1, M.Number).data() == last.rows[0].number
    qtbot.waitUntil(lambda: not workspace.tasks.busy)
    assert 2 <= len(list_calls) <= 3
    assert all(q.limit == M.PAGE_SIZE for q in list_calls)
    assert view.model.case_at(total // 2) is None  # never shown, never read

    # Dragging the scroll bar to the middle reads the page or two shown there.
    bar = view.table.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    middle = view.table.rowAt(view.table.viewport().height() // 2)
    qtbot.waitUntil(lambda: view.model.case_at(middle) is not None)
    qtbot.waitUntil(lambda: not workspace.tasks.busy)
    assert len(list_calls) <= 5

    # A refresh re-reads what is shown and keeps the place in the list.
    view.table.selectRow(middle)
    selected, position = view.selected_case(), bar.value()
    calls = len(list_calls)
    view.refresh()
    qtbot.waitUntil(lambda: not workspace.tasks.busy and len(list_calls) > calls + 1)
    qtbot.waitUntil(lambda: not workspace.tasks.busy)
    assert bar.value() == position
    assert view.selected_case() == selected
    assert len(list_calls) - calls <= 3

    # A case added elsewhere changes the count: the rows are read again, the
    # list stays where it was and the selected case is selected again.
    with demo_database.engine.begin() as connection:
        connection.execute(
            insert(Case),
            [
                {
                    "number": "ARDHS-2019-00001", "agency_id": 1, "title": "Older report",
                    "intake_channel": "hotline", "reported_on": dt.date(2019, 1, 1),
                    "platforms": [], "duty_status": "unknown", "equipment": "unknown",
                    "account_kind": "unknown", "status": "intake", "created_by_id": 1,
                    "updated_by_id": 1,
                }
            ],
        )  # fmt: skip
    workspace.cases_changed.emit()
    qtbot.waitUntil(lambda: view.model.rowCount() == total + 1)
    qtbot.waitUntil(lambda: view.selected_case() == selected)
    assert bar.value() == position
    assert view.filter_bar.count_label.text().replace(",", "") == f"{total + 1} cases"
