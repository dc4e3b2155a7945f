"""The Authorizations view on the demo database: forms with citations, overdue flags, B.3.a.

Records are logged through the real services on a real SQLite database, and
the widgets are driven as a user drives them.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from app.domain.authorizations.ma_dys import AuthorizationKind
from app.domain.cases import CaseStatus
from app.domain.errors import Refused
from app.domain.wording import counted
from app.services import audit, authorizations, credential_requests, employees
from app.services.authorizations import InvestigationFields, SupervisionFields
from app.services.case_queries import CaseQuery, list_cases
from app.ui.authorizations.authorization_dialogs import AddAuthorizationDialog
from app.ui.authorizations.authorizations_page import AuthorizationsPage
from app.ui.authorizations.labels import AuthorizationState
from app.ui.authorizations.models import AuthorizationModel, CredentialRequestModel
from app.ui.case_view.inputs import to_qdate
from app.ui.main_window import MainWindow
from app.ui.workspace import Workspace


def _today() -> dt.date:
    """Today, read when a test runs: a run may cross midnight."""
    return dt.date.today()


def staff(workspace: Workspace) -> list[employees.EmployeeInfo]:
    return employees.list_employees(workspace.database, workspace.actor, agency_code="MADYS")


def madys_case(workspace: Workspace, status: CaseStatus = CaseStatus.INVESTIGATING) -> int:
    page = list_cases(workspace.database, workspace.actor,
                      CaseQuery(agency_code="MADYS", statuses=frozenset({status})))  # fmt: skip
    return page.rows[0].id


def supervision(
    workspace: Workspace, employee: int, supervisor: int, account: str = "@dys.watch"
) -> authorizations.AuthorizationInfo:
    return authorizations.add_supervision(
        workspace.database,
        workspace.actor,
        SupervisionFields(
            employee_id=employee, role="caseworker", supervisor_id=supervisor,
            written_on=_today() - dt.timedelta(days=5), platform="Facebook", account_name=account,
            youth_case="JJEMS 4411", attests_no_youth_contact=True, attests_true_identity=True,
            site_shows_viewers=True, privacy_settings_enabled=True,
            starts_on=_today() - dt.timedelta(days=5),
        ),
    )  # fmt: skip


def investigation(
    workspace: Workspace, employee: int, supervisor: int, case_id: int, days_ago: int
) -> authorizations.AuthorizationInfo:
    start = _today() - dt.timedelta(days=days_ago)
    return authorizations.add_investigation(
        workspace.database,
        workspace.actor,
        InvestigationFields(
            employee_id=employee, role="investigation_unit", supervisor_id=supervisor,
            written_on=start, platform="Instagram", account_name="inv.profile.7",
            case_id=case_id, youth_communication_approved=False, starts_on=start,
        ),
    )  # fmt: skip


@pytest.fixture
def open_page(open_list_page):
    return lambda workspace: open_list_page(AuthorizationsPage, workspace)


def shown_ids(page: AuthorizationsPage) -> list[int]:
    return [page.proxy.index(r, 0).data(AuthorizationModel.IdRole)
            for r in range(page.proxy.rowCount())]  # fmt: skip


def cell(page: AuthorizationsPage, record_id: int, col: int, role: int = 0) -> object:
    """What the table shows for ``record_id`` in column ``col``."""
    row = shown_ids(page).index(record_id)
    return page.proxy.index(row, col).data(role)


def overdue_in_database(workspace: Workspace) -> int:
    return authorizations.count_overdue_reviews(workspace.database, workspace.actor)


def fill_supervision(dialog: AddAuthorizationDialog, employee: int, supervisor: int) -> None:
    dialog.employee.setCurrentIndex(dialog.employee.findData(employee))
    dialog.supervisor.setCurrentIndex(dialog.supervisor.findData(supervisor))
    dialog.written_on.setDate(to_qdate(_today() - dt.timedelta(days=1)))
    dialog.starts_on.setDate(to_qdate(_today()))
    dialog.platform.setEditText("Facebook")
    dialog.account.setText("@DYS.watch")  # another spelling of the same account
    dialog.youth_case.setText("JJEMS 5120")


def test_a_shared_account_is_refused_with_each_citation_next_to_its_input(
    workspace_for, open_page, qtbot, settle
) -> None:
    sam = workspace_for("supervisor")
    carla, dan, boss, *_ = staff(sam)
    held = supervision(sam, carla.id, boss.id)
    page = open_page(sam)
    before = page.model.rowCount()
    assert held.id in shown_ids(page)

    dialog = page.add_authorization()
    with qtbot.waitSignal(dialog.choices_loaded, timeout=10_000):
        pass
    assert dialog.kind.currentData() == AuthorizationKind.SUPERVISION.value
    fill_supervision(dialog, dan.id, boss.id)
    dialog.shows_viewers.setChecked(True)  # privacy settings left off (B.2.d)
    dialog.true_identity.setChecked(True)  # B.2.a not attested
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.refusal.isVisible(), timeout=10_000)

    shared = dialog.error_label("account_name").text()
    assert shared.startswith("MA-DYS-01.05.22 B.2.e: ")
    assert f"already authorized for {carla.full_name} (authorization {held.id})" in shared
    assert dialog.error_label("privacy").text().startswith("MA-DYS-01.05.22 B.2.d: ")
    assert dialog.error_label("attests").text().startswith("MA-DYS-01.05.22 B.2.a: ")
    assert not dialog.error_label("employee").isVisible()
    assert "is refused" in dialog.refusal.heading.text()
    # Each reason is printed once, beside its input; the heading lists none again.
    assert dialog.refusal.lines == [] and not dialog.refusal.reasons.isVisible()
    text = "\n".join(label.text() for label in dialog.findChildren(QLabel) if label.isVisible())
    assert text.count("MA-DYS-01.05.22 B.2.e: ") == 1
    assert dialog.isVisible()  # the form stays open with what was typed
    assert len(authorizations.list_authorizations(sam.database, sam.actor)) == before

    # Fixing the inputs and choosing another account logs it.
    dialog.privacy_enabled.setChecked(True)
    dialog.no_youth_contact.setChecked(True)
    dialog.account.setText("@dys.second")
    with qtbot.waitSignal(page.records_loaded, timeout=10_000):
        dialog.ok_button.click()
    settle(sam)
    assert page.dialog is None  # the form closed once the authorization was logged
    assert page.model.rowCount() == before + 1
    chosen = page.selected()
    assert chosen.employee_name == dan.full_name and chosen.account_name == "@dys.second"
    assert "@dys.second" in page.detail.toPlainText()


def test_an_investigation_authorization_flags_its_overdue_review_until_one_is_recorded(
    workspace_for, open_page, qtbot, settle
) -> None:
    sam = workspace_for("supervisor")
    carla, dan, boss, *_ = staff(sam)
    case_id = madys_case(sam)
    page = open_page(sam)

    dialog = page.add_authorization()
    with qtbot.waitSignal(dialog.choices_loaded, timeout=10_000):
        pass
    dialog.kind.setCurrentIndex(dialog.kind.findData(AuthorizationKind.INVESTIGATION.value))
    assert not dialog.inputs["youth_case"].isVisible()  # B.2 inputs give way to B.3 ones
    assert dialog.youth_communication.isVisible()
    dialog.employee.setCurrentIndex(dialog.employee.findData(dan.id))
    dialog.role.setCurrentIndex(dialog.role.findData("investigation_unit"))
    dialog.supervisor.setCurrentIndex(dialog.supervisor.findData(boss.id))
    dialog.written_on.setDate(to_qdate(_today() - dt.timedelta(days=40)))
    dialog.starts_on.setDate(to_qdate(_today() - dt.timedelta(days=40)))
    dialog.platform.setEditText("Instagram")
    dialog.account.setText("inv.profile.9")
    dialog.case.setCurrentIndex(dialog.case.findData(case_id))
    with qtbot.waitSignal(page.records_loaded, timeout=10_000):
        dialog.ok_button.click()
    settle(sam)

    made = page.selected()
    assert made is not None and made.account_name == "inv.profile.9"
    assert cell(page, made.id, AuthorizationModel.REVIEW) == "OVERDUE by 10 days"
    assert cell(page, made.id, 0, AuthorizationModel.OverdueRole) is True
    overdue = overdue_in_database(sam)
    assert overdue >= 1
    assert page.overdue_count.text() == counted(overdue, "review overdue", "reviews overdue")
    assert "Review meeting overdue by 10 days" in page.detail.toPlainText()
    assert "Confidential" in page.detail.toPlainText()

    assert page.review_action.isEnabled()
    review = page.record_review()
    review.met_on.setDate(to_qdate(_today() - dt.timedelta(days=2)))
    review.notes.setPlainText("Went over the profile's use; continue for two more weeks.")
    with qtbot.waitSignal(page.records_loaded, timeout=10_000):
        review.ok_button.click()
    settle(sam)
    due = (_today() - dt.timedelta(days=2) + dt.timedelta(days=30)).isoformat()
    assert cell(page, made.id, AuthorizationModel.REVIEW) == f"Due {due}"
    assert cell(page, made.id, 0, AuthorizationModel.OverdueRole) is False
    assert overdue_in_database(sam) == overdue - 1
    expected = counted(overdue - 1, "review overdue", "reviews overdue") if overdue > 1 else ""
    assert page.overdue_count.text() == expected
    assert "continue for two more weeks" in page.detail.toPlainText()

    page.overdue.setChecked(True)  # the service now selects only the overdue ones
    settle(sam)
    assert made.id not in shown_ids(page)
    assert page.proxy.rowCount() == overdue - 1
    assert all(cell(page, i, 0, AuthorizationModel.OverdueRole) for i in shown_ids(page))


def test_a_review_in_the_future_is_shown_next_to_the_date(
    workspace_for, open_page, qtbot, settle
) -> None:
    sam = workspace_for("supervisor")
    _carla, dan, boss, *_ = staff(sam)
    made = investigation(sam, dan.id, boss.id, madys_case(sam), days_ago=3)
    page = open_page(sam)
    assert page.select(made.id)
    review = page.record_review()
    review.met_on.setMaximumDate(to_qdate(_today() + dt.timedelta(days=5)))
    review.met_on.setDate(to_qdate(_today() - dt.timedelta(days=10)))  # before the start
    review.notes.setPlainText("Too early.")
    review.ok_button.click()
    qtbot.waitUntil(lambda: review.error_label("met_on").isVisible(), timeout=10_000)
    assert "before the authorization started" in review.error_label("met_on").text()
    assert review.isVisible()


def test_revoking_shows_the_authorization_as_revoked(
    workspace_for, open_page, qtbot, settle
) -> None:
    sam = workspace_for("supervisor")
    carla, _dan, boss, *_ = staff(sam)
    held = supervision(sam, carla.id, boss.id)
    page = open_page(sam)
    page.select(held.id)
    assert page.revoke_action.isEnabled()
    dialog = page.revoke()
    dialog.reason.setPlainText("The youth's supervision moved to another district.")
    with qtbot.waitSignal(page.records_loaded, timeout=10_000):
        dialog.ok_button.click()
    settle(sam)
    assert cell(page, held.id, AuthorizationModel.STATE) == "Revoked"
    assert not page.revoke_action.isEnabled()
    assert "moved to another district" in page.detail.toPlainText()

    page.state.setCurrentIndex(page.state.findData(int(AuthorizationState.ACTIVE)))
    assert held.id not in shown_ids(page) and shown_ids(page)
    page.state.setCurrentIndex(page.state.findData(int(AuthorizationState.REVOKED)))
    assert held.id in shown_ids(page)
    assert all(cell(page, i, AuthorizationModel.STATE) == "Revoked" for i in shown_ids(page))


def test_a_revocation_before_the_start_is_shown_beside_the_date_with_its_citation(
    workspace_for, open_page, qtbot, settle
) -> None:
    sam = workspace_for("supervisor")
    carla, _dan, boss, *_ = staff(sam)
    held = supervision(sam, carla.id, boss.id, account="@early.revoke")
    page = open_page(sam)
    page.select(held.id)
    dialog = page.revoke()
    # Never in the future: a later day typed is explained beside it, not clamped.
    dialog.revoked_on.setDate(to_qdate(_today() + dt.timedelta(days=1)))
    assert "cannot be in the future" in dialog.error_label("revoked_on").text()
    dialog.revoked_on.setDate(to_qdate(held.starts_on - dt.timedelta(days=1)))
    dialog.reason.setPlainText("Entered by mistake.")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.error_label("revoked_on").isVisible(), timeout=10_000)
    beside = dialog.error_label("revoked_on").text()
    assert beside.startswith("MA-DYS-01.05.22 B.2: The revocation date ")
    assert f"before authorization {held.id} started ({held.starts_on})" in beside
    assert dialog.refusal.lines == [] and dialog.isVisible()  # beside the date only
    assert authorizations.get_authorization(sam.database, sam.actor, held.id).revoked_on is None

    # A refusal that is not a rule's decision shows its citations in front, once.
    dialog.show_failure(Refused("Not now.", citations=("MA-DYS-01.05.22 B.2",)))
    assert dialog.refusal.lines == ["MA-DYS-01.05.22 B.2: Not now."]


def test_hr_sees_supervision_authorizations_only_and_changes_nothing(
    workspace_for, open_page, settle
) -> None:
    sam = workspace_for("supervisor")
    carla, dan, boss, *_ = staff(sam)
    kept = supervision(sam, carla.id, boss.id)
    hidden = investigation(sam, dan.id, boss.id, madys_case(sam), days_ago=45)

    hr = workspace_for("hr")
    page = open_page(hr)
    assert kept.id in shown_ids(page) and hidden.id not in shown_ids(page)
    kinds = {page.model.record_at(r).kind for r in range(page.model.rowCount())}
    assert kinds == {AuthorizationKind.SUPERVISION}
    assert not any(cell(page, i, 0, AuthorizationModel.OverdueRole) for i in shown_ids(page))
    assert not page.kind.isVisible() and not page.overdue.isVisible()
    assert page.table.isColumnHidden(AuthorizationModel.REVIEW)
    assert page.overdue_count.text() == ""
    for button in ("addAuthorizationButton", "reviewButton", "revokeButton"):
        assert not page.findChild(QPushButton, button).isVisible()
    assert not page.add_action.isVisible() and not page.revoke_action.isVisible()
    assert "supervisors log" in page.note.text()

    page.search.setText("DYS.WATCH")  # the filter narrows as you type, any case
    assert shown_ids(page) == [kept.id]
    assert page.count.text() == f"Shown: 1 of {page.model.rowCount()}"
    page.search.clear()
    assert len(shown_ids(page)) == page.model.rowCount()

    ivy = workspace_for("investigator")
    seen = open_page(ivy)
    assert {kept.id, hidden.id} <= set(shown_ids(seen))  # investigators see both kinds
    assert seen.overdue_count.text() == counted(
        overdue_in_database(ivy), "review overdue", "reviews overdue"
    )
    assert not seen.add_action.isVisible()


@pytest.mark.parametrize(
    ("username", "pages"),
    [
        ("investigator", {"authorizations", "credential_requests"}),
        ("supervisor", {"authorizations", "credential_requests"}),
        ("hr", {"authorizations"}),
        ("admin", set()),
    ],
)
def test_the_navigator_offers_the_views_by_permission(
    workspace_for, qtbot, settle, username: str, pages: set[str]
) -> None:
    workspace = workspace_for(username)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    settle(workspace)
    assert {"authorizations", "credential_requests"} & set(window.pages) == pages


def test_the_list_models_pass_the_model_tester(workspace_for, qtmodeltester) -> None:
    sam = workspace_for("supervisor")
    rows = authorizations.list_authorizations(sam.database, sam.actor)
    assert rows
    model = AuthorizationModel()
    model.set_records(rows)
    qtmodeltester.check(model, force_py=True)
    requests = CredentialRequestModel()
    requests.set_records(credential_requests.list_requests(sam.database, sam.actor))
    assert requests.rowCount() > 0
    qtmodeltester.check(requests, force_py=True)


def test_opening_an_investigation_authorization_is_recorded_in_the_audit_log(
    workspace_for, open_page, settle
) -> None:
    sam = workspace_for("supervisor")
    _carla, dan, boss, *_ = staff(sam)
    made = investigation(sam, dan.id, boss.id, madys_case(sam), days_ago=3)
    kept = supervision(sam, _carla.id, boss.id)
    page = open_page(sam)

    def views() -> int:
        with sam.database.unit_of_work() as uow:
            return audit.event_count(uow)

    before = views()
    assert page.select(kept.id)  # a supervision authorization is not confidential
    settle(sam)
    assert views() == before
    assert page.select(made.id)
    settle(sam)
    assert views() == before + 1
    assert "inv.profile.7" in page.detail.toPlainText()


def test_review_notes_message_goes_once_notes_are_typed(
    workspace_for, open_page, qtbot, settle
) -> None:
    """ "Review notes is required." is shown beside the notes, and goes as soon as the
    supervisor types them; the label marks the notes as required."""
    sam = workspace_for("supervisor")
    _carla, dan, boss, *_ = staff(sam)
    made = investigation(sam, dan.id, boss.id, madys_case(sam), days_ago=3)
    page = open_page(sam)
    assert page.select(made.id)
    review = page.record_review()
    review.ok_button.click()
    qtbot.waitUntil(lambda: review.error_label("notes").isVisible(), timeout=10_000)
    settle(sam)
    assert "Review notes is required." in review.error_label("notes").text()
    label = next(x for x in review.findChildren(QLabel) if x.buddy() is review.notes)
    assert label.text().endswith("*")
    qtbot.keyClicks(review.notes, "Reviewed the profile's activity.")
    assert not review.error_label("notes").isVisible()
    review.reject()


def test_a_new_authorization_without_employee_or_account_shows_every_problem_at_once(
    workspace_for, open_page, qtbot, settle
) -> None:
    sam = workspace_for("supervisor")
    page = open_page(sam)
    dialog = page.add_authorization()
    with qtbot.waitSignal(dialog.choices_loaded, timeout=10_000):
        pass
    dialog.account.setText("x" * 300)  # over the limit
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.error_label("employee").isVisible(), timeout=10_000)
    settle(sam)
    shown = dialog.messages.visible()
    assert {"employee", "account_name"} <= set(shown), shown
    assert "Choose the employee authorized." in shown["employee"]
    dialog.employee.setCurrentIndex(1)
    assert not dialog.error_label("employee").isVisible()
    assert dialog.error_label("account_name").isVisible()
    dialog.reject()


def test_one_submit_shows_the_input_problems_and_the_rules_refusal_together(
    workspace_for, open_page, qtbot, settle
) -> None:
    """No employee (an input problem) does not hide what B.2 already refuses: the missing
    supervisor, attestations and youth case are shown in the same pass, each beside its
    input with its provision, each once; a message goes when its input is changed."""
    sam = workspace_for("supervisor")
    page = open_page(sam)
    dialog = page.add_authorization()
    with qtbot.waitSignal(dialog.choices_loaded, timeout=10_000):
        pass
    dialog.platform.setEditText("Facebook")
    qtbot.keyClicks(dialog.account, "x" * 300)  # over the limit: its own problem
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.error_label("employee").isVisible(), timeout=10_000)
    settle(sam)
    shown = dialog.messages.visible()
    assert {"employee", "account_name", "supervisor", "youth_case", "attests"} <= set(shown)
    assert shown["employee"] == "Choose the employee authorized."
    assert shown["attests"].startswith("MA-DYS-01.05.22 B.2.a: The employee must attest")
    assert shown["supervisor"].startswith("MA-DYS-01.05.22 B.2: The supervisor")
    assert shown["youth_case"].startswith("MA-DYS-01.05.22 B.2.c:")
    assert "B.2.c" not in shown["account_name"]  # the length is the problem; said once
    assert "refused" in dialog.refusal.heading.text() and dialog.refusal.lines == []
    dialog.no_youth_contact.setChecked(True)
    dialog.true_identity.setChecked(True)
    assert not dialog.error_label("attests").isVisible()
    assert dialog.error_label("employee").isVisible()
    dialog.reject()
