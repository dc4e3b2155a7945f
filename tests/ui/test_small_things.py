"""Small things a user notices: counts in the right number, one date format, Down
into the provision results, the new allegation selected, one way of writing a
citation, no other state's sections on a case, reports saved in Documents."""

from __future__ import annotations

import re
import stat
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication

from app.domain.cases import CaseStatus
from app.domain.wording import counted
from app.services.case_queries import CaseQuery, list_cases
from app.ui.authorizations.authorization_log_dialog import AuthorizationLogDialog
from app.ui.authorizations.authorizations_page import AuthorizationsPage
from app.ui.case_list.summary_dialog import CaseSummaryDialog
from app.ui.report_dialog import reports_folder
from app.ui.users.model import UsersModel
from app.ui.users.page import UsersPage

ROOT = Path(__file__).resolve().parents[2]


def test_counts_are_singular_for_one_and_plural_otherwise() -> None:
    assert counted(1, "working day") == "1 working day"
    assert counted(20, "working day") == "20 working days"
    assert counted(1, "review overdue", "reviews overdue") == "1 review overdue"
    assert counted(0, "review overdue", "reviews overdue") == "0 reviews overdue"


def test_the_overdue_count_says_one_review(workspace_for, open_list_page) -> None:
    page = open_list_page(AuthorizationsPage, workspace_for("supervisor"))
    assert page.overdue_count.text() == "1 review overdue"  # the demo has one
    review = next(
        str(page.proxy.index(r, page.model.REVIEW).data())
        for r in range(page.proxy.rowCount())
        if page.proxy.index(r, 0).data(page.model.OverdueRole)
    )
    assert "(s)" not in review and re.search(r"OVERDUE by \d+ days?$", review)


def test_last_sign_in_is_an_iso_date(workspace_for, open_list_page) -> None:
    workspace_for("investigator")  # signs in: a last sign-in to show
    page = open_list_page(UsersPage, workspace_for("admin"))
    shown = [
        str(page.model.index(r, UsersModel.LAST_SIGN_IN).data())
        for r in range(page.model.rowCount())
    ]
    dates = [s for s in shown if s != "Never"]
    assert dates and all(re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", s) for s in dates)


def _case(workspace, agency: str, status: CaseStatus = CaseStatus.INVESTIGATING) -> int:
    query = CaseQuery(agency_code=agency, statuses=frozenset({status}))
    return list_cases(workspace.database, workspace.actor, query).rows[0].id


def test_down_from_the_provision_search_moves_into_the_results(
    workspace_for, open_view, qtbot, settle
) -> None:
    ivy = workspace_for("investigator")
    view = open_view(ivy, _case(ivy, "MADYS"))
    picker = view.allegations.on_add_clicked()
    assert picker is not None
    qtbot.waitUntil(lambda: picker.proxy.rowCount() > 0, timeout=10_000)
    picker.search.setFocus()
    qtbot.keyClicks(picker.search, "youth")
    qtbot.waitUntil(lambda: picker.proxy.rowCount() > 0)
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is picker.table
    assert picker.table.currentIndex().row() == 0
    picker.reject()


def test_a_new_allegation_is_selected_after_adding(workspace_for, open_view, qtbot, settle) -> None:
    ivy = workspace_for("investigator")
    view = open_view(ivy, _case(ivy, "MADYS"))
    tab = view.allegations
    before = {a.id for a in tab.model.allegations}
    picker = tab.on_add_clicked()
    assert picker is not None
    qtbot.waitUntil(lambda: picker.proxy.rowCount() > 0, timeout=10_000)
    cited = {a.citation for a in tab.model.allegations}

    def chargeable_and_new(r: int) -> bool:
        source = picker.proxy.mapToSource(picker.proxy.index(r, 0)).row()
        provision = picker.model.provisions[source]
        return provision.chargeable and provision.citation not in cited

    row = next(r for r in range(picker.proxy.rowCount()) if chargeable_and_new(r))
    picker.table.selectRow(row)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        picker.choose_button.click()
    settle(ivy)
    added = {a.id for a in tab.model.allegations} - before
    assert len(added) == 1
    assert tab.selected() is not None and tab.selected().id == added.pop()


def test_citations_are_written_one_way(workspace_for, qtbot) -> None:
    sam = workspace_for("supervisor")
    dialog = AuthorizationLogDialog(sam, ["MADYS"])
    qtbot.addWidget(dialog)
    assert "AR-DHS II(G)" in dialog.note.text()
    sources = [*ROOT.joinpath("app").rglob("*.py"), *ROOT.joinpath("reports").rglob("*.py")]
    for source in sources:
        text = source.read_text(encoding="utf-8")
        assert not re.search(r"AR DHS (002 )?[IV]+\(", text), source


def test_a_case_shows_only_its_own_states_authorization_sections(
    workspace_for, open_view, settle
) -> None:
    sam = workspace_for("supervisor")  # may see both kinds
    arkansas = open_view(sam, _case(sam, "ARDHS"))
    tab = arkansas.authorizations
    assert tab is not None
    assert tab.request_section.isVisibleTo(tab)
    assert not tab.authorization_section.isVisibleTo(tab)
    massachusetts = open_view(sam, _case(sam, "MADYS"))
    tab = massachusetts.authorizations
    assert tab is not None
    assert tab.authorization_section.isVisibleTo(tab)
    assert not tab.request_section.isVisibleTo(tab)


def test_an_opened_report_is_saved_in_a_private_documents_folder(
    workspace_for, qtbot, monkeypatch
) -> None:
    opened: list[object] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    hr = workspace_for("hr")
    case_id = _case(hr, "MODMH", CaseStatus.DISCIPLINE_REVIEW)
    rows = list_cases(hr.database, hr.actor, CaseQuery()).rows
    dialog = CaseSummaryDialog(hr, [r for r in rows if r.id == case_id])
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.generated, timeout=30_000):
        dialog.generate_button.click()
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as written:
        dialog.open_button.click()
    path = Path(written.args[0])
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert path.parent == reports_folder() == Path(documents) / "Casedesk"
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert "cache" not in str(path).lower()
    assert path.read_bytes().startswith(b"%PDF")
