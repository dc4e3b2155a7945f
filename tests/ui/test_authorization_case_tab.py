"""The Authorizations tab of a case: its authorizations and credential records, overdue flags.

The demo logs an investigation authorization on a MADYS case whose review
meeting is overdue, and credential records on an ARDHS case.
"""

from __future__ import annotations

import datetime as dt

from app.domain.authorizations.ma_dys import AuthorizationKind
from app.services import authorizations, credential_requests, employees
from app.services.authorizations import SupervisionFields
from app.services.case_queries import CaseQuery, list_cases
from app.ui.authorizations.case_tab import CaseAuthorizationsTab
from app.ui.authorizations.models import AuthorizationModel, CredentialRequestModel
from app.ui.workspace import Workspace


def case_with_overdue_review(workspace: Workspace) -> int:
    rows = authorizations.list_authorizations(
        workspace.database, workspace.actor, overdue_only=True
    )
    return next(r.case_id for r in rows if r.case_id is not None)


def case_with_requests(workspace: Workspace) -> int:
    rows = credential_requests.list_requests(workspace.database, workspace.actor)
    return next(r.case_id for r in rows if r.case_id is not None and r.origin.value == "request")


def tab_of(view) -> CaseAuthorizationsTab:
    tab = view.authorizations
    assert isinstance(tab, CaseAuthorizationsTab)
    return tab


def records(model) -> list:
    return [model.record_at(r) for r in range(model.rowCount())]


def test_the_case_tab_flags_an_overdue_review_for_those_who_may_see_it(
    workspace_for, open_view, qtbot, settle
) -> None:
    sam = workspace_for("supervisor")
    case_id = case_with_overdue_review(sam)
    expected = authorizations.list_authorizations(sam.database, sam.actor, case_id=case_id)
    view = open_view(sam, case_id)
    tab = tab_of(view)
    index = view.tabs.indexOf(tab)
    assert index >= 0
    assert view.tabs.tabText(index) == f"Authori&zations ({len(expected)})"
    assert not view.tabs.tabIcon(index).isNull()  # the warning icon
    assert tab.overdue_banner.isVisibleTo(tab)
    assert "MA-DYS-01.05.22 B.3.b" in tab.overdue_banner.text()
    shown = records(tab.authorization_model)
    assert {r.id for r in shown} == {r.id for r in expected}
    flagged = [
        r for r in range(tab.authorization_model.rowCount())
        if tab.authorization_model.index(r, 0).data(AuthorizationModel.OverdueRole)
    ]  # fmt: skip
    assert flagged
    cell = tab.authorization_model.index(flagged[0], AuthorizationModel.REVIEW).data()
    assert cell.startswith("OVERDUE by ")
    view.tabs.setCurrentWidget(tab)
    tab.authorization_table.selectRow(flagged[0])
    assert "Review meeting overdue" in tab.detail.toPlainText()

    # HR may see the case but not its investigation authorizations (B.3.a).
    hr = workspace_for("hr")
    hr_view = open_view(hr, case_id)
    hr_tab = tab_of(hr_view)
    assert all(r.kind is AuthorizationKind.SUPERVISION for r in records(hr_tab.authorization_model))
    assert not hr_tab.overdue_banner.isVisibleTo(hr_tab)
    assert hr_view.tabs.tabIcon(hr_view.tabs.indexOf(hr_tab)).isNull()
    assert not hr_tab.show_requests and not hr_tab.request_table.isVisibleTo(hr_tab)


def test_a_supervision_authorization_logged_elsewhere_appears_on_its_case(
    workspace_for, open_view, qtbot, settle
) -> None:
    sam = workspace_for("supervisor")
    case_id = list_cases(sam.database, sam.actor, CaseQuery(agency_code="MADYS")).rows[0].id
    view = open_view(sam, case_id)
    tab = tab_of(view)
    before = tab.authorization_model.rowCount()
    staff = employees.list_employees(sam.database, sam.actor, agency_code="MADYS")
    today = dt.date.today()
    info = authorizations.add_supervision(
        sam.database, sam.actor,
        SupervisionFields(
            employee_id=staff[0].id, role="caseworker", supervisor_id=staff[1].id,
            written_on=today, platform="Facebook", account_name="@tab.test", youth_case="JJ 1",
            attests_no_youth_contact=True, attests_true_identity=True,
            site_shows_viewers=False, privacy_settings_enabled=False, starts_on=today,
            case_id=case_id,
        ),
    )  # fmt: skip
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        sam.case_changed.emit(case_id)  # as the Authorizations view announces it
    settle(sam)
    assert tab.authorization_model.rowCount() == before + 1
    assert info.id in {r.id for r in records(tab.authorization_model)}


def test_the_case_tab_lists_credential_records_for_investigators_only(
    workspace_for, open_view, settle
) -> None:
    ivy = workspace_for("investigator")
    case_id = case_with_requests(ivy)
    expected = credential_requests.list_requests(ivy.database, ivy.actor, case_id=case_id)
    view = open_view(ivy, case_id)
    tab = tab_of(view)
    assert tab.request_table.isVisibleTo(tab) and not tab.request_empty.isVisibleTo(tab)
    assert {r.id for r in records(tab.request_model)} == {r.id for r in expected}
    statuses = {
        tab.request_model.index(r, CredentialRequestModel.STATUS).data()
        for r in range(tab.request_model.rowCount())
    }
    assert statuses  # every record with its status as a person reads it
    assert all(s and "_" not in s for s in statuses)
    tab.request_table.selectRow(0)
    assert "No password is ever stored" in tab.detail.toPlainText()

    hr = workspace_for("hr")
    hr_tab = tab_of(open_view(hr, case_id))
    assert hr_tab.request_model.rowCount() == 0 and not hr_tab.show_requests
