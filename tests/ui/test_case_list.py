"""The case list view on the demo database: filters, search, sorting, opening, layout.

Every expectation is read from the query service on the same database, so the
tests hold whatever the demo data holds.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from app.db.models import Case, Note
from app.domain.cases import CaseStatus
from app.services import cases
from app.services.case_queries import CaseQuery, CaseSort, list_cases, status_counts
from app.services.cases import CaseFields
from app.services.database import Database
from app.ui.case_list import CaseListView, CaseTableModel
from app.ui.workspace import Workspace

M = CaseTableModel
OpenList = Callable[..., CaseListView]


@pytest.fixture
def open_list(
    qtbot, workspace_for: Callable[[str], Workspace], settle: Callable[[Workspace], None]
) -> Iterator[OpenList]:
    """Show a case list signed in as a demo user, once its first page is on screen."""
    views: list[CaseListView] = []

    def make(username: str = "investigator") -> CaseListView:
        view = CaseListView(workspace_for(username))
        qtbot.addWidget(view)
        view.resize(1300, 700)
        view.show()
        wait_loaded(qtbot, view)
        views.append(view)
        return view

    yield make
    for view in views:
        settle(view.workspace)


def wait_loaded(qtbot, view: CaseListView) -> None:
    """Until the list answers its current filters and nothing is on its way (the counts
    start once the table has painted the rows)."""

    def loaded() -> bool:
        current = view.model.query
        wanted = dataclasses.replace(
            view.filter_bar.query(), sort=current.sort, descending=current.descending
        )
        return (
            not view.model.loading
            and not view.workspace.tasks.busy
            and not view.counts_pending
            and dataclasses.replace(current, offset=0, limit=1)
            == dataclasses.replace(wanted, limit=1)
        )

    qtbot.waitUntil(loaded)


def shown_ids(view: CaseListView) -> list[int]:
    model = view.model
    return [model.index(row, 0).data(M.IdRole) for row in range(model.rowCount())]


def service_ids(view: CaseListView, **filters: Any) -> list[int]:
    query = dataclasses.replace(view.model.query, offset=0, limit=1000, **filters)
    page = list_cases(view.workspace.database, view.workspace.actor, query)
    return [row.id for row in page.rows]


def test_the_list_shows_every_case_newest_first_and_counts_them(
    open_list: OpenList, demo_database: Database
) -> None:
    view = open_list()
    expected = list_cases(demo_database, view.workspace.actor, CaseQuery(limit=1000))
    assert expected.total == 40
    assert view.model.rowCount() == expected.total
    assert view.filter_bar.count_label.text() == "40 cases"
    assert shown_ids(view) == [row.id for row in expected.rows]
    first = expected.rows[0]
    cells = [view.model.index(0, c).data() for c in range(M.COLUMN_COUNT)]
    assert cells[M.Number] == first.number
    assert cells[M.Status] == first.status.label
    assert cells[M.Reported] == first.reported_on.isoformat()
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", cells[M.Updated])
    assert view.model.index(0, M.Title).data(Qt.ItemDataRole.ToolTipRole) == first.title


def test_the_model_passes_the_model_tester(open_list: OpenList, qtmodeltester) -> None:
    view = open_list()
    qtmodeltester.check(view.model)


def test_status_filter_shows_exactly_the_cases_of_that_status_with_counts(
    open_list: OpenList, qtbot
) -> None:
    view = open_list()
    counts = status_counts(view.workspace.database, view.workspace.actor, CaseQuery())
    combo = view.filter_bar.status
    assert combo.itemText(0) == "All statuses (40)"
    for status in (CaseStatus.INVESTIGATING, CaseStatus.CLOSED):
        index = next(i for i in range(combo.count()) if combo.itemText(i).startswith(status.label))
        assert combo.itemText(index) == f"{status.label} ({counts[status]})"
        combo.setCurrentIndex(index)
        wait_loaded(qtbot, view)
        assert shown_ids(view) == service_ids(view, statuses=frozenset({status}))
        assert view.model.rowCount() == counts[status] > 0
        assert {view.model.index(r, M.Status).data() for r in range(counts[status])} == {
            status.label
        }
        assert view.filter_bar.count_label.text() == f"{counts[status]} cases"


def test_agency_filter_and_status_counts_follow_it(open_list: OpenList, qtbot) -> None:
    view = open_list()
    combo = view.filter_bar.agency
    qtbot.waitUntil(lambda: combo.findData("ARDHS") > 0)
    combo.setCurrentIndex(combo.findData("ARDHS"))
    wait_loaded(qtbot, view)
    expected = service_ids(view, agency_code="ARDHS")
    assert 0 < len(expected) < 40
    assert shown_ids(view) == expected
    assert {view.model.index(r, M.Agency).data() for r in range(len(expected))} == {"ARDHS"}
    status_combo = view.filter_bar.status
    assert status_combo.itemText(0) == f"All statuses ({len(expected)})"


def test_reported_date_range(open_list: OpenList, qtbot) -> None:
    view = open_list()
    bar = view.filter_bar
    first, last = dt.date(2025, 6, 1), dt.date(2026, 3, 31)
    bar.date_from.setDate(QDate(first))
    bar.date_to.setDate(QDate(last))
    assert view.model.rowCount() == 40  # the range applies only when ticked
    bar.dates.setChecked(True)
    wait_loaded(qtbot, view)
    expected = service_ids(view, reported_from=first, reported_to=last)
    assert 0 < len(expected) < 40
    assert shown_ids(view) == expected
    for row in range(len(expected)):
        assert first.isoformat() <= view.model.index(row, M.Reported).data() <= last.isoformat()
    bar.reset.click()
    wait_loaded(qtbot, view)
    assert view.model.rowCount() == 40


def _word_only_in_notes(database: Database) -> tuple[str, int]:
    """A word of some note that its case's number, title and narrative do not hold."""
    with database.engine.connect() as connection:
        notes = connection.execute(
            select(Note.case_id, Note.body, Case.title, Case.narrative)
            .join(Case, Case.id == Note.case_id)
            .order_by(Note.id)
        ).all()
    for case_id, body, title, narrative in notes:
        own = f"{title} {narrative}".lower()
        for word in sorted(set(re.findall(r"[A-Za-z]{8,}", body))):
            if word.lower()[:-1] not in own:
                return word, case_id
    raise AssertionError("no note holds a word of its own")


def test_typing_in_search_finds_a_case_by_a_word_of_its_notes(
    open_list: OpenList, qtbot, demo_database: Database, list_calls: list[CaseQuery]
) -> None:
    view = open_list()
    word, case_id = _word_only_in_notes(demo_database)
    expected = service_ids(view, text=word)
    assert case_id in expected and len(expected) < 40
    list_calls.clear()
    qtbot.keyClicks(view.filter_bar.search, word)
    qtbot.waitUntil(lambda: shown_ids(view) == expected)
    plural = "case" if len(expected) == 1 else "cases"
    # The count follows the rows.
    qtbot.waitUntil(lambda: view.filter_bar.count_label.text() == f"{len(expected)} {plural}")
    # Typed in one go, the word cost one query, not one per letter.
    assert [q.text for q in list_calls] == [word]
    view.filter_bar.search.clear()
    qtbot.waitUntil(lambda: view.model.rowCount() == 40)


def _click_header(qtbot, view: CaseListView, column: int) -> None:
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )


def test_clicking_a_header_sorts_by_that_column_in_sql(open_list: OpenList, qtbot) -> None:
    view = open_list()
    _click_header(qtbot, view, M.Title)
    qtbot.waitUntil(lambda: view.model.query.sort == CaseSort.TITLE)
    wait_loaded(qtbot, view)
    assert not view.model.query.descending  # titles A to Z first
    assert shown_ids(view) == service_ids(view, sort=CaseSort.TITLE, descending=False)
    titles = [view.model.index(r, M.Title).data().lower() for r in range(5)]
    assert titles == sorted(titles)
    _click_header(qtbot, view, M.Title)
    qtbot.waitUntil(lambda: view.model.query.descending)
    wait_loaded(qtbot, view)
    assert shown_ids(view) == service_ids(view, sort=CaseSort.TITLE, descending=True)
    _click_header(qtbot, view, M.Agency)
    qtbot.waitUntil(lambda: view.model.query.sort == CaseSort.AGENCY)
    wait_loaded(qtbot, view)
    assert shown_ids(view) == service_ids(view, sort=CaseSort.AGENCY, descending=False)
    # Subjects cannot be sorted: the arrow stays on Agency and nothing is re-queried.
    _click_header(qtbot, view, M.Subjects)
    assert view.table.horizontalHeader().sortIndicatorSection() == M.Agency
    assert view.model.query.sort == CaseSort.AGENCY


def test_double_click_and_enter_open_the_case(open_list: OpenList, qtbot) -> None:
    view = open_list()
    expected = service_ids(view)
    rect = view.table.visualRect(view.model.index(3, M.Title))
    with qtbot.waitSignal(view.case_activated) as opened:
        # QTest's double click counts as one only after a first click, as a user's does.
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [expected[3]]
    view.table.setFocus()
    view.table.selectRow(5)
    with qtbot.waitSignal(view.case_activated) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args == [expected[5]]


def test_keyboard_goes_search_filters_table_and_down_enter_opens(
    open_list: OpenList, qtbot
) -> None:
    view = open_list()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.focus_search()
    bar = view.filter_bar
    visited: list[QWidget | None] = [QApplication.focusWidget()]
    for _ in range(7):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    # The date fields are skipped while "Reported between" is not ticked.
    assert visited == [
        bar.search, bar.dates, bar.status, bar.agency, bar.investigator, bar.reset, bar.save,
        view.table,
    ]  # fmt: skip
    view.focus_search()
    qtbot.keyClick(bar.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is view.table
    with qtbot.waitSignal(view.case_activated) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Enter)
    assert opened.args == [service_ids(view)[0]]


def test_column_layout_and_sort_are_remembered(open_list: OpenList, qtbot) -> None:
    view = open_list()
    header = view.table.horizontalHeader()
    header.resizeSection(M.Subjects, 333)
    header.moveSection(header.visualIndex(M.Agency), 0)
    _click_header(qtbot, view, M.Investigator)
    qtbot.waitUntil(lambda: view.model.query.sort == CaseSort.INVESTIGATOR)
    menu = view.column_menu()
    names = [action.text() for action in menu.actions()]
    assert "Number" not in names  # the number names the case: it cannot be hidden
    menu.actions()[names.index("Updated")].trigger()
    assert header.isSectionHidden(M.Updated)
    view.save_layout()
    again = open_list()
    header = again.table.horizontalHeader()
    assert header.isSectionHidden(M.Updated)
    assert header.sectionSize(M.Subjects) == 333
    assert header.logicalIndex(0) == M.Agency
    assert again.model.query.sort == CaseSort.INVESTIGATOR
    assert shown_ids(again) == service_ids(again, sort=CaseSort.INVESTIGATOR, descending=False)


def test_a_changed_case_refreshes_in_place_keeping_the_selection(
    open_list: OpenList, qtbot
) -> None:
    view = open_list()
    workspace = view.workspace
    view.table.selectRow(7)
    case_id = view.selected_case()
    assert case_id is not None
    detail = cases.get_case(workspace.database, workspace.actor, case_id)
    fields = dataclasses.replace(detail.fields, title="Retitled while the list was open")
    cases.update_case(
        workspace.database, workspace.actor, case_id, fields, expected_version=detail.version
    )
    workspace.case_changed.emit(case_id)
    qtbot.waitUntil(
        lambda: view.model.index(7, M.Title).data() == "Retitled while the list was open"
    )
    assert view.selected_case() == case_id


def test_a_new_case_appears_and_the_selection_follows_its_case(open_list: OpenList, qtbot) -> None:
    view = open_list()
    workspace = view.workspace
    view.table.selectRow(2)
    selected = view.selected_case()
    newest = list_cases(workspace.database, workspace.actor, CaseQuery(limit=1)).rows[0]
    created = cases.create_case(
        workspace.database,
        workspace.actor,
        CaseFields(
            agency_code="ARDHS",
            title="Newly reported post",
            reported_on=newest.reported_on + dt.timedelta(days=1),
        ),
    )
    workspace.cases_changed.emit()
    qtbot.waitUntil(lambda: view.model.rowCount() == 41)
    qtbot.waitUntil(lambda: view.filter_bar.count_label.text() == "41 cases")
    assert view.model.index(0, 0).data(M.IdRole) == created.id
    assert view.selected_case() == selected
    assert view.table.currentIndex().row() == 3
