"""The Policy catalog view: browsing the policies, searching, reading and citing provisions."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication

from app.services import catalog
from app.ui.catalog.model import CatalogModel, EntryKind
from app.ui.catalog.page import CatalogPage
from app.ui.workspace import Workspace

CITED = "MA-DYS-01.05.22 C.2.e"


@pytest.fixture
def workspace(workspace_for: Callable[[str], Workspace]) -> Workspace:
    return workspace_for("investigator")


@pytest.fixture
def page(qtbot, workspace: Workspace, settle) -> Iterator[CatalogPage]:
    view = CatalogPage(workspace)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    settle(workspace)
    yield view
    settle(workspace)


def _rows(model: CatalogModel, parent: QModelIndex | None = None) -> Iterator[QModelIndex]:
    """Every index of column 0 in the tree, depth first."""
    parent = parent or QModelIndex()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        yield index
        yield from _rows(model, index)


def _matching_citations(model: CatalogModel) -> list[str]:
    return [
        index.data(CatalogModel.CitationRole)
        for index in _rows(model)
        if index.data(CatalogModel.KindRole) == EntryKind.PROVISION
        and index.data(CatalogModel.MatchRole)
    ]


def test_shows_the_five_policies(page: CatalogPage, workspace: Workspace) -> None:
    policies = catalog.list_policies(workspace.database, workspace.actor)
    assert len(policies) == 5
    model = page.model
    top = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert top == [p.code for p in policies]
    titles = [model.index(row, CatalogModel.TITLE_COLUMN).data() for row in range(5)]
    assert titles == [p.title for p in policies]
    everything = catalog.search_provisions(workspace.database, workspace.actor)
    assert sorted(_matching_citations(model)) == sorted(p.citation for p in everything)


def test_provisions_are_nested_under_their_parent(page: CatalogPage) -> None:
    index = page.model.index_of(CITED)
    assert index.isValid()
    assert index.parent().data(CatalogModel.CitationRole) == "MA-DYS-01.05.22 C.2"
    assert index.parent().parent().data(CatalogModel.CitationRole) == "MA-DYS-01.05.22"


def test_searching_friend_lists_the_matching_provisions(
    qtbot, page: CatalogPage, workspace: Workspace
) -> None:
    expected = catalog.search_provisions(workspace.database, workspace.actor, text="friend")
    with qtbot.waitSignal(page.filter_applied, timeout=5000) as shown:
        qtbot.keyClicks(page.search, "friend")
    assert shown.args == [len(expected)]
    found = _matching_citations(page.model)
    assert found == [p.citation for p in expected]
    assert CITED in found
    # The lead-in C.2 is shown for context, greyed as not matching itself.
    context = page.model.index_of("MA-DYS-01.05.22 C.2")
    assert context.isValid() and context.data(CatalogModel.MatchRole) is False
    assert page.count.text().endswith(str(len(expected)))
    # Policies without a match are not listed.
    assert page.model.rowCount() == len({p.policy_code for p in expected})

    with qtbot.waitSignal(page.filter_applied, timeout=5000):
        page.search.clear()
    assert page.model.rowCount() == 5


def test_search_without_match_says_so(qtbot, page: CatalogPage) -> None:
    with qtbot.waitSignal(page.filter_applied, timeout=5000) as shown:
        qtbot.keyClicks(page.search, "zzqxj")
    assert shown.args == [0]
    assert page.model.rowCount() == 0
    assert page.detail.currentWidget() is page.placeholder
    assert "No provision matches" in page.placeholder.text()


def test_selecting_a_provision_shows_its_verbatim_text(
    page: CatalogPage, workspace: Workspace
) -> None:
    provision = catalog.get_provision(workspace.database, workspace.actor, CITED)
    parent = catalog.get_provision(workspace.database, workspace.actor, "MA-DYS-01.05.22 C.2")
    assert page.select(CITED)
    panel = page.provision_panel
    assert page.detail.currentWidget() is panel
    assert panel.text.toPlainText() == provision.text
    assert panel.text.isReadOnly()
    assert panel.citation.text() == CITED
    assert panel.title.text() == provision.title
    for tag in provision.tags:
        assert tag in panel.tags.text()
    assert panel.lead_in.isVisible()
    assert parent.text in panel.lead_in.text()


def test_a_top_level_provision_has_no_lead_in(page: CatalogPage) -> None:
    assert page.select("MA-DYS-01.05.22 Applicability")
    assert not page.provision_panel.lead_in.isVisible()


def test_selecting_a_policy_shows_its_header(page: CatalogPage, workspace: Workspace) -> None:
    policy = next(
        p
        for p in catalog.list_policies(workspace.database, workspace.actor)
        if p.code == "MA-DYS-01.05.22"
    )
    assert page.select(policy.code)
    panel = page.policy_panel
    assert page.detail.currentWidget() is panel
    assert panel.title.text() == policy.title
    assert panel.issuer.text() == policy.issuer
    assert panel.number.text() == policy.document_number
    assert "2016" in panel.effective.text()
    for reference in policy.references:
        assert reference in panel.references.text()
    assert not page.copy_action.isEnabled()


def test_tag_filter(qtbot, page: CatalogPage, workspace: Workspace) -> None:
    expected = catalog.search_provisions(workspace.database, workspace.actor, tag="youth")
    assert expected
    with qtbot.waitSignal(page.filter_applied, timeout=5000) as shown:
        page.tag.setCurrentIndex(page.tag.findData("youth"))
    assert shown.args == [len(expected)]
    assert _matching_citations(page.model) == [p.citation for p in expected]

    both = catalog.search_provisions(
        workspace.database, workspace.actor, text="friend", tag="youth"
    )
    with qtbot.waitSignal(page.filter_applied, timeout=5000):
        qtbot.keyClicks(page.search, "friend")
    assert _matching_citations(page.model) == [p.citation for p in both]


def test_copy_citation(qtbot, page: CatalogPage) -> None:
    assert not page.copy_action.isEnabled()
    page.select(CITED)
    assert page.copy_action.isEnabled()
    with qtbot.waitSignal(page.workspace.status_message):
        qtbot.mouseClick(page.provision_panel.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == CITED


def test_keyboard_from_search_into_the_results(qtbot, page: CatalogPage) -> None:
    page.activateWindow()
    page.focus_search()
    qtbot.waitUntil(page.search.hasFocus)
    with qtbot.waitSignal(page.filter_applied, timeout=5000):
        qtbot.keyClicks(page.search, "friending")
        qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.tree.hasFocus()
    assert page.tree.currentIndex().isValid()
    qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Escape)  # harmless in the tree
    page.focus_search()
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    assert page.search.text() == ""


def test_selection_survives_a_search_that_still_shows_it(qtbot, page: CatalogPage) -> None:
    page.select(CITED)
    with qtbot.waitSignal(page.filter_applied, timeout=5000):
        qtbot.keyClicks(page.search, "friend")
    assert page.current_key() == CITED
    assert page.provision_panel.citation.text() == CITED


def test_refresh_keeps_the_selection(page: CatalogPage, workspace: Workspace, settle) -> None:
    page.select(CITED)
    page.refresh()
    settle(workspace)
    assert page.current_key() == CITED


def test_catalog_model(qtmodeltester, workspace: Workspace) -> None:
    policies = catalog.list_policies(workspace.database, workspace.actor)
    provisions = catalog.search_provisions(workspace.database, workspace.actor)
    model = CatalogModel()
    model.set_catalog(policies, provisions)
    qtmodeltester.check(model)
    found = catalog.search_provisions(workspace.database, workspace.actor, text="friend")
    model.set_matches(frozenset(p.id for p in found))
    qtmodeltester.check(model)
    model.set_matches(frozenset())
    qtmodeltester.check(model)
    assert model.rowCount() == 0
