"""The case summary of cases selected in the list, and the authorization log report.

Both are driven through the real widgets on the demo database; the PDFs are
saved through the dialogs and read back with pypdf.
"""

from __future__ import annotations

import datetime as dt
import io
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractItemView, QProgressDialog, QPushButton

from app.services import authorizations, report_building
from app.ui.authorizations.authorization_log_dialog import AuthorizationLogDialog
from app.ui.authorizations.authorizations_page import AuthorizationsPage
from app.ui.case_list import CaseListView, CaseTableModel
from app.ui.case_list.summary_dialog import CaseSummaryDialog
from app.ui.case_view.inputs import to_qdate
from app.ui.main_window import MainWindow
from app.ui.report_dialog import GenerateReportDialog
from app.ui.tasks import TaskControl
from app.ui.workspace import Workspace

M = CaseTableModel


def _today() -> dt.date:
    """Today, read when a test runs: a run may cross midnight."""
    return dt.date.today()


@pytest.fixture
def open_list(qtbot, workspace_for, settle) -> Iterator[Callable[[str], CaseListView]]:
    """A case list signed in as a demo user, once its first page is on screen."""
    views: list[CaseListView] = []

    def make(username: str) -> CaseListView:
        view = CaseListView(workspace_for(username))
        qtbot.addWidget(view)
        view.resize(1300, 700)
        view.show()
        qtbot.waitUntil(lambda: view.model.rowCount() > 3 and not view.workspace.tasks.busy)
        views.append(view)
        return view

    yield make
    for view in views:
        settle(view.workspace)


def click_row(qtbot, view: CaseListView, row: int, modifier=Qt.KeyboardModifier.NoModifier):
    rect = view.table.visualRect(view.model.index(row, M.Number))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def save_through(qtbot, dialog, target: Path) -> bytes:
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save_to(str(target))
    return target.read_bytes()


# -- the case summary of selected cases ------------------------------------------------------


def test_two_cases_selected_in_the_list_give_one_summary_with_a_page_each(
    open_list, qtbot, tmp_path: Path
) -> None:
    view = open_list("hr")
    assert view.table.selectionMode() == QAbstractItemView.SelectionMode.ExtendedSelection
    assert not view.summary_action.isEnabled()
    click_row(qtbot, view, 0)
    click_row(qtbot, view, 2, Qt.KeyboardModifier.ControlModifier)
    first, third = view.model.case_at(0), view.model.case_at(2)
    assert first is not None and third is not None
    assert [c.id for c in view.selected_cases()] == [first.id, third.id]
    # Offered in the table's context menu, enabled now that cases are selected.
    assert view.table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    assert view.summary_action in view.table.actions()
    assert view.summary_action.isVisible() and view.summary_action.isEnabled()

    view.summary_action.trigger()
    dialog = view.summary_dialog
    assert isinstance(dialog, CaseSummaryDialog) and dialog.isVisible()
    listed = [dialog.cases.item(i).text() for i in range(dialog.cases.count())]
    assert [line.split()[0] for line in listed] == [first.number, third.number]
    with qtbot.waitSignal(dialog.generated, timeout=30_000) as made:
        dialog.generate_button.click()
    info = made.args[0]
    assert info.kind == "summary" and info.sha256 in dialog.result_label.text()
    assert dialog.open_button.isEnabled() and dialog.save_button.isEnabled()

    target = tmp_path / "summary.pdf"
    pages = pages_text(save_through(qtbot, dialog, target))
    on_first = [i for i, text in enumerate(pages) if first.number in text]
    on_third = [i for i, text in enumerate(pages) if third.number in text]
    assert on_first and on_third
    assert not set(on_first) & set(on_third), "each case has pages of its own"
    assert on_first[0] < on_third[0], "in the order of the list"
    recorded = report_building.list_generated(view.workspace.database, view.workspace.actor)
    assert recorded[0].sha256 == info.sha256
    assert recorded[0].scope == f"{first.number} {third.number}"


def test_file_menu_case_summary_follows_the_list_selection(workspace_for, qtbot, settle) -> None:
    hr = workspace_for("hr")
    window = MainWindow(hr)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("cases")
    case_list: CaseListView = page.case_list  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: case_list.model.rowCount() > 1 and not hr.tasks.busy)
    action = window.summary_action
    assert action is not None
    file_menu = window.menuBar().actions()[0].menu()
    assert action in file_menu.actions()
    assert not action.isEnabled()

    click_row(qtbot, case_list, 1)
    assert action.isEnabled()
    chosen = case_list.model.case_at(1)
    assert chosen is not None
    # From another view and another tab, the menu brings the list back and opens the dialog.
    page.open_case(chosen.id)  # type: ignore[attr-defined]
    settle(hr)
    window.show_page("authorizations")
    action.trigger()
    assert window.current_page() is page
    assert page.tabs.currentWidget() is case_list  # type: ignore[attr-defined]
    dialog = case_list.summary_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.case_numbers == [chosen.number]
    dialog.reject()
    settle(hr)


def test_roles_without_the_report_permission_see_neither_report_action(
    workspace_for, qtbot, settle
) -> None:
    investigator = workspace_for("investigator")
    window = MainWindow(investigator)
    qtbot.addWidget(window)
    case_list: CaseListView = window.pages["cases"].case_list  # type: ignore[attr-defined]
    assert window.summary_action is None
    assert not case_list.summary_action.isVisible()
    assert case_list.summary_action not in case_list.table.actions()
    file_menu = window.menuBar().actions()[0].menu()
    assert case_list.summary_action not in file_menu.actions()
    page = window.pages["authorizations"]
    assert isinstance(page, AuthorizationsPage)
    window.show()
    window.show_page("authorizations")
    assert not page.log_action.isVisible()
    button = page.findChild(QPushButton, "authorizationLogButton")
    assert button is not None and not button.isVisible()
    settle(investigator)

    hr = workspace_for("hr")
    hr_page = AuthorizationsPage(hr)
    qtbot.addWidget(hr_page)
    hr_page.show()
    hr_button = hr_page.findChild(QPushButton, "authorizationLogButton")
    assert hr_button is not None and hr_button.isVisible()
    settle(hr)


# -- the authorization log -------------------------------------------------------------------


@pytest.fixture
def open_log_dialog(qtbot, settle) -> Iterator[Callable[[Workspace], AuthorizationLogDialog]]:
    """The Authorizations view, and its Authorization log report… dialog opened by its button.

    The views are kept here: qtbot holds widgets only weakly, and a view
    collected mid-test would take its dialog with it.
    """
    pages: list[AuthorizationsPage] = []

    def open_(workspace: Workspace) -> AuthorizationLogDialog:
        return _open_log_dialog(qtbot, workspace, settle, pages)

    yield open_
    for page in pages:
        settle(page.workspace)


def _open_log_dialog(
    qtbot, workspace: Workspace, settle, pages: list[AuthorizationsPage]
) -> AuthorizationLogDialog:
    page = AuthorizationsPage(workspace)
    pages.append(page)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    settle(workspace)
    button = page.findChild(QPushButton, "authorizationLogButton")
    assert button is not None and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = page.log_dialog
    assert isinstance(dialog, AuthorizationLogDialog) and dialog.isVisible()
    settle(workspace)  # the agencies have arrived
    return dialog


def choose(dialog: AuthorizationLogDialog, code: str, start: dt.date, end: dt.date) -> None:
    dialog.agency.setCurrentIndex(dialog.agency.findData(code))
    dialog.date_from.setDate(to_qdate(start))
    dialog.date_to.setDate(to_qdate(end))


@pytest.mark.parametrize("username", ["supervisor", "hr"])
def test_the_authorization_log_from_the_dialog_names_the_agency_and_the_period(
    workspace_for, open_log_dialog, qtbot, tmp_path: Path, username: str
) -> None:
    workspace = workspace_for(username)
    dialog = open_log_dialog(workspace)
    assert dialog.agency.findData("MADYS") >= 0, "every agency is offered"
    start, end = _today() - dt.timedelta(days=200), _today() - dt.timedelta(days=1)
    choose(dialog, "MADYS", start, end)
    with qtbot.waitSignal(dialog.generated, timeout=30_000) as made:
        dialog.generate_button.click()
    info = made.args[0]
    assert info.kind == "authorizations"
    text = "\n".join(pages_text(save_through(qtbot, dialog, tmp_path / "log.pdf")))
    assert "MADYS" in text
    assert f"{start.isoformat()} to {end.isoformat()}" in text

    # Every supervision authorization of the period is listed; investigation
    # authorizations (B.3.a, confidential) only for a role that may see them.
    listed = authorizations.list_authorizations(workspace.database, workspace.actor)
    madys = [
        a for a in listed
        if a.agency_code == "MADYS" and a.starts_on <= end
        and ((a.revoked_on or a.ends_on) is None or (a.revoked_on or a.ends_on) >= start)
    ]  # fmt: skip
    supervision = [a for a in madys if a.kind.value == "supervision"]
    assert supervision
    for entry in supervision:
        assert f"SA-{entry.id:04d}" in text
    if username == "supervisor":
        investigation = [a for a in madys if a.kind.value == "investigation"]
        assert investigation, "the demo has investigation authorizations"
        for entry in investigation:
            assert f"IA-{entry.id:04d}" in text
    else:
        assert "IA-" not in text
        assert "Confidential investigation authorizations are not included" in text
        assert "left out" in dialog.note.text()
    (recorded,) = report_building.list_generated(workspace.database, workspace.actor)
    assert recorded.scope == f"MADYS {start.isoformat()}..{end.isoformat()}"


def test_a_bad_period_is_shown_beside_its_date_and_nothing_is_generated(
    workspace_for, open_log_dialog, qtbot, settle
) -> None:
    hr = workspace_for("hr")
    dialog = open_log_dialog(hr)
    generated: list[object] = []
    dialog.generated.connect(generated.append)

    # The last day before the first: said beside the last day as soon as it is chosen.
    choose(dialog, "MADYS", _today() - dt.timedelta(days=10), _today() - dt.timedelta(days=20))
    assert dialog.to_error.isVisible()
    assert "before the first day" in dialog.to_error.text()
    assert not dialog.from_error.isVisible()
    qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    settle(hr)
    assert not generated and not dialog.open_button.isEnabled()

    # A first day in the future: said beside the first day.
    dialog.date_from.setDate(QDate.currentDate().addDays(3))
    dialog.date_to.setDate(QDate.currentDate())
    assert dialog.from_error.isVisible() and "after today" in dialog.from_error.text()
    assert dialog.to_error.isVisible()  # and the last day is now before it
    # A last day in the future: said beside the last day.
    dialog.date_from.setDate(QDate.currentDate().addDays(-3))
    dialog.date_to.setDate(QDate.currentDate().addDays(2))
    assert not dialog.from_error.isVisible()
    assert dialog.to_error.isVisible() and "after today" in dialog.to_error.text()
    dialog.generate_button.click()
    settle(hr)
    assert not generated
    assert report_building.list_generated(hr.database, hr.actor) == []

    # Fixed: the messages go, and the report is generated.
    dialog.date_to.setDate(QDate.currentDate())
    assert not dialog.from_error.isVisible() and not dialog.to_error.isVisible()
    with qtbot.waitSignal(dialog.generated, timeout=30_000):
        dialog.generate_button.click()


# -- Cancel ----------------------------------------------------------------------------------


class _SlowSummaryDialog(CaseSummaryDialog):
    """The case summary dialog, with work that reports progress until it is cancelled."""

    def report_work(self):
        def work(control: TaskControl):
            while True:
                control.progress(0, 1, "Rendering the case summary…")
                threading.Event().wait(0.01)

        return work


def test_cancel_leaves_the_dialog_ready_to_generate_again(open_list, qtbot) -> None:
    view = open_list("hr")
    click_row(qtbot, view, 0)
    dialog = _SlowSummaryDialog(view.workspace, view.selected_cases(), view)
    assert isinstance(dialog, GenerateReportDialog)
    dialog.show()
    dialog.generate_button.click()
    assert not dialog.generate_button.isEnabled()

    def progress_shown() -> QProgressDialog | None:
        found = dialog.findChild(QProgressDialog, "progressDialog")
        return found if found is not None and found.isVisible() else None

    qtbot.waitUntil(lambda: progress_shown() is not None, timeout=5000)
    cancel = progress_shown().findChild(QPushButton)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.generate_button.isEnabled(), timeout=5000)
    assert "Cancelled" in dialog.result_label.text()
    assert not dialog.open_button.isEnabled() and not dialog.save_button.isEnabled()
    assert report_building.list_generated(view.workspace.database, view.workspace.actor) == []
