"""The Credential requests view on the demo database: refusals with citations, the approve flow.

Records go through the real services on a real SQLite database; the
widgets are driven as a user drives them.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit, QPushButton

from app.domain.authorizations.credentials import RequestStatus
from app.domain.cases import CaseStatus
from app.domain.permissions import Role
from app.services import accounts, credential_requests, employees
from app.services.case_queries import CaseQuery, list_cases
from app.ui.authorizations.credential_dialogs import NewRequestDialog, UseDialog
from app.ui.authorizations.credentials_page import CredentialRequestsPage
from app.ui.authorizations.models import CredentialRequestModel
from app.ui.errors import ErrorReporter
from app.ui.tasks import BackgroundTasks
from app.ui.workspace import Workspace
from tests.ui.conftest import dispose

G = "AR-DHS II(G); AR-DHS II(B)(1); Ark. Code Ann. § 11-2-124"


def ardhs_case(workspace: Workspace, status: CaseStatus) -> int:
    page = list_cases(workspace.database, workspace.actor,
                      CaseQuery(agency_code="ARDHS", statuses=frozenset({status})))  # fmt: skip
    return page.rows[0].id


def ardhs_staff(workspace: Workspace) -> list[employees.EmployeeInfo]:
    return employees.list_employees(workspace.database, workspace.actor, agency_code="ARDHS")


@pytest.fixture
def open_page(open_list_page):
    return lambda workspace: open_list_page(CredentialRequestsPage, workspace)


@pytest.fixture
def second_supervisor(workspace_for, demo_database, qapp):
    """Another supervisor's workspace (the demo has one supervisor)."""
    admin = workspace_for("admin")
    accounts.add_user(
        admin.database,
        admin.actor,
        username="sadie",
        full_name="Sadie Second",
        password="second-supervisor-pass",
        roles=frozenset({Role.SUPERVISOR}),
        agency_codes=("ARDHS", "MADYS", "MODMH", "MODNR", "STLCITY"),
    )
    actor = accounts.authenticate(demo_database, "sadie", "second-supervisor-pass")
    workspace = Workspace(demo_database, actor, BackgroundTasks(), ErrorReporter())
    yield workspace
    dispose(workspace)


def open_form(page: CredentialRequestsPage, qtbot) -> NewRequestDialog:
    dialog = page.new_request()
    with qtbot.waitSignal(dialog.choices_loaded, timeout=10_000):
        pass
    dialog.agency.setCurrentIndex(dialog.agency.findData("ARDHS"))
    return dialog


def fill_account(dialog: NewRequestDialog, employee: int, case_id: int) -> None:
    dialog.case.setCurrentIndex(dialog.case.findData(case_id))
    dialog.employee.setCurrentIndex(dialog.employee.findData(employee))
    dialog.platform.setEditText("Facebook")
    dialog.account.setText("ld.personal.44")


def fill_valid(dialog: NewRequestDialog) -> None:
    dialog.office.setCurrentIndex(dialog.office.findData("security_office"))
    dialog.violation_kind.setCurrentIndex(dialog.violation_kind.findData("agency_policy"))
    dialog.provision.setText("AR-DHS 1084 IV(C)")
    dialog.justification.setPlainText(
        "Two coworkers report client photographs posted from this account during shifts."
    )


def ids(page: CredentialRequestsPage) -> list[int]:
    return [page.proxy.index(r, 0).data(CredentialRequestModel.IdRole)
            for r in range(page.proxy.rowCount())]  # fmt: skip


def status_of(page: CredentialRequestsPage, request_id: int) -> str:
    row = ids(page).index(request_id)
    return page.proxy.index(row, CredentialRequestModel.STATUS).data()


def test_a_request_without_an_open_investigation_shows_every_reason_with_its_citation(
    workspace_for, open_page, qtbot, settle
) -> None:
    ivy = workspace_for("investigator")
    page = open_page(ivy)
    before = page.model.rowCount()
    dialog = open_form(page, qtbot)
    assert dialog.office.count() == 3  # only the three offices II(G) names
    employee = ardhs_staff(ivy)[0]
    fill_account(dialog, employee.id, ardhs_case(ivy, CaseStatus.INTAKE))
    dialog.ok_button.click()  # no office, no violation, no justification
    qtbot.waitUntil(lambda: dialog.refusal.isVisible(), timeout=10_000)

    case = dialog.error_label("case").text()
    assert case == f"{G}: The case is at intake: no formal investigation has been opened yet."
    assert dialog.error_label("office").text().startswith(f"{G}: The request names no office")
    assert "Internal Affairs/Fraud" in dialog.error_label("office").text()
    assert dialog.error_label("violation").text().startswith(f"{G}: The suspected violation")
    assert dialog.error_label("justification").text().startswith(f"{G}: A written justif")
    assert "The credential request is refused" in dialog.refusal.heading.text()
    assert dialog.refusal.lines == []  # each reason once, beside its input
    assert "Traceback" not in dialog.refusal.heading.text()
    assert len(credential_requests.list_requests(ivy.database, ivy.actor)) == before

    # Public information may be viewed without a request (II(E)), but bars none that
    # meets II(G): with the reasons fixed the request is logged.
    dialog.public.setChecked(True)
    fill_valid(dialog)
    dialog.case.setCurrentIndex(dialog.case.findData(ardhs_case(ivy, CaseStatus.INVESTIGATING)))
    with qtbot.waitSignal(page.records_loaded, timeout=10_000):
        dialog.ok_button.click()
    settle(ivy)
    made = credential_requests.list_requests(ivy.database, ivy.actor)
    assert len(made) == before + 1 and made[0].status is RequestStatus.PENDING


def test_an_account_the_agency_provided_is_recorded_as_the_exclusion(
    workspace_for, open_page, qtbot, settle
) -> None:
    ivy = workspace_for("investigator")
    page = open_page(ivy)
    dialog = open_form(page, qtbot)
    fill_account(dialog, ardhs_staff(ivy)[1].id, ardhs_case(ivy, CaseStatus.INVESTIGATING))
    dialog.exclusion.setCurrentIndex(dialog.exclusion.findData("provided_by_agency"))
    with qtbot.waitSignal(page.records_loaded, timeout=10_000):
        dialog.ok_button.click()
    settle(ivy)
    made = page.selected()
    assert made is not None and made.status is RequestStatus.EXCLUDED
    assert status_of(page, made.id) == "Excluded account"
    assert "AR-DHS I(B)" in page.detail.toPlainText()
    assert not page.use_action.isEnabled()


def test_the_requester_cannot_approve_and_another_supervisor_can(
    workspace_for, second_supervisor, open_page, qtbot, settle
) -> None:
    sam = workspace_for("supervisor")
    page = open_page(sam)
    dialog = open_form(page, qtbot)
    case_id = ardhs_case(sam, CaseStatus.INVESTIGATING)
    fill_account(dialog, ardhs_staff(sam)[2].id, case_id)
    fill_valid(dialog)
    with qtbot.waitSignal(page.records_loaded, timeout=10_000):
        dialog.ok_button.click()
    settle(sam)
    made = page.selected()
    assert made is not None and made.status is RequestStatus.PENDING
    assert status_of(page, made.id) == "Pending approval"
    assert page.approve_action.isVisible() and not page.approve_action.isEnabled()
    assert not page.deny_action.isEnabled()
    assert "another supervisor must approve" in page.note.text()
    assert page.note.isVisible()
    assert "separation of duties" in page.approve_action.toolTip()
    assert page.approve() is None  # the action does nothing for the requester

    ivy = workspace_for("investigator")
    seen = open_page(ivy)
    seen.select(made.id)
    assert not seen.approve_action.isVisible() and not seen.deny_action.isVisible()
    assert not seen.use_action.isEnabled()  # not approved yet
    assert "AR-DHS II(G)" in seen.use_action.toolTip()
    assert "A supervisor who did not make the request approves" in seen.note.text()

    other = open_page(second_supervisor)
    assert other.select(made.id)
    assert other.approve_action.isEnabled() and other.note.text() == ""
    decision = other.approve()
    assert decision is not None
    decision.note.setPlainText("Security Office investigation confirmed open.")
    with qtbot.waitSignal(other.records_loaded, timeout=10_000):
        decision.ok_button.click()
    settle(second_supervisor)
    assert status_of(other, made.id) == "Approved"
    assert other.selected().decided_by == "sadie"
    assert not other.approve_action.isEnabled()
    assert "Approved by" in other.detail.toPlainText()

    # Approved, but nobody recorded that the credentials were provided: no use yet, and
    # the button says why in the window's words, naming no command.
    seen.refresh()
    settle(ivy)
    seen.select(made.id)
    assert not seen.use_action.isEnabled()
    use_button = seen.findChild(QPushButton, "useButton")
    assert not use_button.isEnabled()
    assert "Credentials provided…" in use_button.toolTip()
    assert "credential-request" not in use_button.toolTip()
    assert "casedesk" not in use_button.toolTip()
    early = seen.open_dialog(UseDialog(ivy, seen.selected(), seen))  # were it reached anyway
    qtbot.waitUntil(lambda: early.case.count() > 1, timeout=10_000)
    early.purpose.setPlainText("Too early.")
    early.ok_button.click()
    qtbot.waitUntil(early.refusal.isVisible, timeout=10_000)
    shown = " ".join(early.refusal.lines)
    assert "Credentials provided…" in shown
    assert "credential-request" not in shown and "casedesk" not in shown
    early.reject()

    # The investigator records that the credentials were provided (never what they are),
    # then a use for the case; both appear in the details.
    assert seen.provided_action.isEnabled()
    provided = seen.record_provided()
    assert provided.provided_to.text() == "investigator"
    assert not any(isinstance(w, QLineEdit) and w.echoMode() != QLineEdit.EchoMode.Normal
                   for w in provided.findChildren(QLineEdit))  # no password field  # fmt: skip
    with qtbot.waitSignal(seen.records_loaded, timeout=10_000):
        provided.ok_button.click()
    settle(ivy)
    employee = seen.selected().employee_name
    assert f"by {employee} to investigator" in seen.detail.toPlainText()
    assert not seen.provided_action.isEnabled()
    assert seen.use_action.isEnabled()
    use = seen.record_use()
    qtbot.waitUntil(lambda: use.case.count() > 1, timeout=10_000)
    assert use.case.currentData() == case_id
    use.purpose.setPlainText("Compared the posts with the shift schedule.")
    with qtbot.waitSignal(seen.records_loaded, timeout=10_000):
        use.ok_button.click()
    settle(ivy)
    row = ids(seen).index(made.id)
    assert seen.proxy.index(row, CredentialRequestModel.USES).data() == "1"
    assert "Compared the posts with the shift schedule." in seen.detail.toPlainText()


def test_a_use_for_another_case_is_refused_next_to_the_case(
    workspace_for, open_page, qtbot, settle
) -> None:
    ivy = workspace_for("investigator")
    approved = credential_requests.list_requests(ivy.database, ivy.actor, status="approved")[0]
    page = open_page(ivy)
    page.select(approved.id)
    use = page.record_use()
    qtbot.waitUntil(lambda: use.case.count() > 1, timeout=10_000)
    other = next(use.case.itemData(i) for i in range(use.case.count())
                 if use.case.itemData(i) != approved.case_id)  # fmt: skip
    use.case.setCurrentIndex(use.case.findData(other))
    use.purpose.setPlainText("Looking at something else.")
    use.ok_button.click()
    qtbot.waitUntil(lambda: use.error_label("case").isVisible(), timeout=10_000)
    assert use.error_label("case").text().startswith(f"{G}: The credentials were requested")
    assert use.isVisible()
    again = credential_requests.get_request(ivy.database, ivy.actor, approved.id)
    assert len(again.uses) == len(approved.uses)


def test_an_inadvertent_receipt_is_recorded_and_never_usable(
    workspace_for, open_page, qtbot, settle
) -> None:
    ivy = workspace_for("investigator")
    page = open_page(ivy)
    dialog = page.record_inadvertent()
    with qtbot.waitSignal(dialog.choices_loaded, timeout=10_000):
        pass
    dialog.agency.setCurrentIndex(dialog.agency.findData("ARDHS"))
    dialog.employee.setCurrentIndex(0)
    dialog.platform.setEditText("Instagram")
    dialog.account.setText("someone.private")
    dialog.received_via.setCurrentIndex(dialog.received_via.findData("network_monitoring"))
    dialog.description.setPlainText("Captured in a proxy log during routine monitoring.")
    with qtbot.waitSignal(page.records_loaded, timeout=10_000):
        dialog.ok_button.click()
    settle(ivy)
    made = page.selected()
    assert made is not None and made.status is RequestStatus.INADVERTENT
    assert status_of(page, made.id) == "Received inadvertently"
    assert not page.use_action.isEnabled()
    assert "AR-DHS II(H)" in page.note.text()
    assert "may not be used to access the account" in page.detail.toPlainText()

    page.status.setCurrentIndex(page.status.findData("inadvertent"))
    settle(ivy)
    assert made.id in ids(page)
    assert all(status_of(page, i) == "Received inadvertently" for i in ids(page))


def test_denying_needs_a_reason_next_to_its_field(
    workspace_for, second_supervisor, open_page, qtbot, settle
) -> None:
    ivy = workspace_for("investigator")
    page = open_page(ivy)
    dialog = open_form(page, qtbot)
    fill_account(dialog, ardhs_staff(ivy)[3].id, ardhs_case(ivy, CaseStatus.INVESTIGATING))
    fill_valid(dialog)
    with qtbot.waitSignal(page.records_loaded, timeout=10_000):
        dialog.ok_button.click()
    settle(ivy)
    made = page.selected()
    assert made is not None and made.status is RequestStatus.PENDING

    other = open_page(second_supervisor)
    assert other.select(made.id)
    deny = other.deny()
    assert deny is not None and deny.objectName() == "denyDialog"
    deny.ok_button.click()  # no reason given
    qtbot.waitUntil(lambda: deny.error_label("note").isVisible(), timeout=10_000)
    assert "Reason for the denial" in deny.error_label("note").text()
    deny.note.setPlainText("The account activity is not shown to bear on the allegation.")
    with qtbot.waitSignal(other.records_loaded, timeout=10_000):
        deny.ok_button.click()
    settle(second_supervisor)
    assert status_of(other, made.id) == "Denied"
    assert "Denied by" in other.detail.toPlainText()
    assert "not shown to bear on the allegation" in other.detail.toPlainText()


def test_a_request_without_an_employee_shows_every_problem_and_reason_at_once(
    workspace_for, open_page, qtbot, settle
) -> None:
    """The missing employee used to be said alone; now one submit also shows what II(G)
    refuses on the rest, each beside its input with its citation; choosing the employee
    takes its message away and leaves the others."""
    ivy = workspace_for("investigator")
    page = open_page(ivy)
    before = len(credential_requests.list_requests(ivy.database, ivy.actor))
    dialog = open_form(page, qtbot)
    dialog.case.setCurrentIndex(dialog.case.findData(ardhs_case(ivy, CaseStatus.INTAKE)))
    dialog.platform.setEditText("Facebook")
    dialog.ok_button.click()  # no employee, no account, no office, violation, justification
    qtbot.waitUntil(lambda: dialog.error_label("employee").isVisible(), timeout=10_000)
    settle(ivy)
    shown = dialog.messages.visible()
    assert shown["employee"] == "Choose the employee."
    assert shown["account_name"] == "Account name is required."
    assert shown["case"].startswith(f"{G}: The case is at intake")
    for key in ("office", "violation", "justification"):
        assert shown[key].startswith(f"{G}: "), (key, shown[key])
    assert dialog.refusal.lines == []  # each reason once, beside its input
    label = dialog.form.labelForField(dialog.inputs["employee"].parentWidget())
    assert label.text().endswith("*")
    dialog.employee.setCurrentIndex(0)
    assert not dialog.error_label("employee").isVisible()
    assert dialog.error_label("office").isVisible()
    assert len(credential_requests.list_requests(ivy.database, ivy.actor)) == before
    dialog.reject()


def test_an_inadvertent_receipt_shows_every_problem_at_once(
    workspace_for, open_page, qtbot, settle
) -> None:
    ivy = workspace_for("investigator")
    page = open_page(ivy)
    dialog = page.record_inadvertent()
    with qtbot.waitSignal(dialog.choices_loaded, timeout=10_000):
        pass
    dialog.agency.setCurrentIndex(dialog.agency.findData("ARDHS"))
    dialog.ok_button.click()  # no employee, no platform, no account
    qtbot.waitUntil(lambda: dialog.error_label("employee").isVisible(), timeout=10_000)
    settle(ivy)
    shown = dialog.messages.visible()
    assert shown["employee"] == "Choose the employee."
    assert shown["platform"] == "Platform is required."
    assert shown["account_name"] == "Account name is required."
    qtbot.keyClicks(dialog.account, "someone.private")
    assert not dialog.error_label("account_name").isVisible()
    assert dialog.error_label("employee").isVisible()
    dialog.reject()
