"""Work written and not yet recorded is kept across reloads and asked about.

A note being written, a finding being written, a step of the discipline flow
being filled in: a reload of the case (after any change to it) leaves each as
the user left it, choosing another allegation or employee does not lose it,
and closing the case asks first (Discard / Cancel, Cancel by default). A
dialog's Cancel, Escape or close button asks the same about typed text.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox

from app.domain.cases import CaseStatus, Finding
from app.domain.workflow import find_transition
from app.services import evidence
from app.ui.authorizations.authorizations_page import AuthorizationsPage
from app.ui.authorizations.credentials_page import CredentialRequestsPage
from app.ui.case_view.discipline.withdraw import WithdrawDecisionDialog
from app.ui.case_view.employee_dialog import AddEmployeeDialog
from app.ui.case_view.workflow_bar import ReasonDialog
from app.ui.evidence.amend import AmendDialog, VoidDialog
from app.ui.evidence.intake import IntakeDefaults, IntakeDialog
from app.ui.settings_view.page import SettingsPage
from app.ui.users.dialogs import AddUserDialog
from tests.ui.confirming import answer_once
from tests.ui.discipline_views import add_a_second_subject, discipline_case, open_discipline


def _answer(view, button: QMessageBox.StandardButton, asked: list[str]) -> None:
    """Click ``button`` on the question about unrecorded work (Cancel its default) once shown."""
    answer_once(view, "unrecordedWorkDialog", button, asked,
                default=QMessageBox.StandardButton.Cancel)  # fmt: skip


def _reload(qtbot, view) -> None:
    """What happens after any change to the case: every tab loads it again."""
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.refresh()


@pytest.mark.parametrize("answer", ["Cancel", "Discard"])
def test_a_note_being_written_is_kept_and_closing_asks_about_it(
    workspace_for, open_view, find_case, qtbot, settle, answer: str
) -> None:
    ivy = workspace_for("investigator")
    detail = find_case(ivy, CaseStatus.INVESTIGATING)
    view = open_view(ivy, detail.id)
    assert view.may_close()  # nothing written: no question
    qtbot.keyClicks(view.notes.note_text, "Called the reporter back; she sends more tonight.")
    _reload(qtbot, view)
    assert view.notes.note_text.toPlainText().startswith("Called the reporter back")
    asked: list[str] = []
    button = getattr(QMessageBox.StandardButton, answer)
    _answer(view, button, asked)
    assert view.may_close() is (answer == "Discard")
    assert asked and f"{detail.number} has work that is not recorded yet" in asked[0]
    assert "A note not yet added" in asked[0]
    assert view.tabs.currentWidget() is view.notes  # shown where the work is
    assert view.notes.note_text.toPlainText().startswith("Called the reporter back")

    # Once added, nothing is left to ask about.
    view.notes.add_button.click()
    qtbot.waitUntil(lambda: not view.notes.note_text.toPlainText(), timeout=10_000)
    settle(ivy)
    assert view.unrecorded() == []


def test_a_finding_being_written_survives_another_allegation_and_a_reload(
    workspace_for, open_view, find_case, qtbot, settle
) -> None:
    ivy = workspace_for("investigator")
    detail = find_case(
        ivy, CaseStatus.INVESTIGATING,
        lambda d: sum(a.finding is Finding.PENDING for a in d.allegations) >= 2,
    )  # fmt: skip
    view = open_view(ivy, detail.id)
    tab = view.allegations
    view.tabs.setCurrentWidget(tab)
    first, second = [r for r in range(tab.model.rowCount())
                     if tab.model.allegations[r].finding is Finding.PENDING][:2]  # fmt: skip
    tab.table.selectRow(first)
    citation = tab.selected().citation
    tab.finding.setCurrentIndex(tab.finding.findData(Finding.SUBSTANTIATED.value))
    qtbot.keyClicks(tab.reasoning, "Nine of the eleven posts fall in patrol hours.")

    tab.table.selectRow(second)  # another allegation: its own finding is shown
    assert tab.reasoning.toPlainText() == tab.selected().reasoning
    _reload(qtbot, view)
    assert view.unrecorded() == [(tab, f"the finding on {citation}")]
    tab.table.selectRow(first)  # back: the finding being written is there again
    assert tab.reasoning.toPlainText() == "Nine of the eleven posts fall in patrol hours."
    assert tab.finding.currentData() == Finding.SUBSTANTIATED.value

    asked: list[str] = []
    _answer(view, QMessageBox.StandardButton.Cancel, asked)
    assert not view.may_close()
    assert f"The finding on {citation}" in asked[0]

    tab.record_button.click()  # recorded: nothing is left to ask about
    settle(ivy)
    qtbot.waitUntil(lambda: tab.selected().finding is Finding.SUBSTANTIATED, timeout=10_000)
    assert view.unrecorded() == []
    assert view.may_close()


def test_a_discipline_step_being_filled_in_is_kept_across_reloads_and_closing_asks(
    workspace_for, open_view, find_case, qtbot, settle
) -> None:
    hr = workspace_for("hr")
    detail = discipline_case(hr, find_case, "MODNR")
    view, tab = open_discipline(open_view, hr, detail, qtbot)
    name = detail.subjects[0].full_name
    notice = tab.notice_form
    assert tab.unrecorded() == []  # filled by the application: nobody's work yet
    qtbot.keyClicks(notice.delivered_by, "Dana Cole, supervisor")
    assert tab.unrecorded() == [f"the pre-action notice to {name}"]

    # A note added in the case reloads every tab: the notice being written stays.
    qtbot.keyClicks(view.notes.note_text, "Notice drafted with the supervisor.")
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        view.notes.add_button.click()
    settle(hr)
    assert notice.delivered_by.text() == "Dana Cole, supervisor"

    asked: list[str] = []
    _answer(view, QMessageBox.StandardButton.Cancel, asked)
    assert not view.may_close()
    assert f"The pre-action notice to {name}" in asked[0]
    assert view.tabs.currentWidget() is tab

    # Recorded: the form is filled again from what is recorded, and nothing is left.
    with qtbot.waitSignal(tab.loaded, timeout=15_000):
        notice.button.click()
    settle(hr)
    assert tab.current_flow().notice is not None
    assert tab.unrecorded() == []
    assert view.may_close()


def test_showing_another_employee_asks_about_the_step_being_filled_in(
    workspace_for, open_view, find_case, qtbot, settle
) -> None:
    hr = workspace_for("hr")
    detail = discipline_case(hr, find_case, "MODNR")
    # A second subject, added at intake by the investigator.
    add_a_second_subject(workspace_for("investigator"), detail)
    view, tab = open_discipline(open_view, hr, detail, qtbot)
    first = tab.employee.currentData()
    qtbot.keyClicks(tab.notice_form.delivered_by, "Dana Cole, supervisor")

    asked: list[str] = []
    _answer(view, QMessageBox.StandardButton.Cancel, asked)
    tab.employee.setCurrentIndex(1 - tab.employee.currentIndex())
    assert asked and "the pre-action notice to" in asked[0].lower()
    assert tab.employee.currentData() == first  # cancelled: the same employee, the work kept
    assert tab.notice_form.delivered_by.text() == "Dana Cole, supervisor"

    _answer(view, QMessageBox.StandardButton.Discard, asked)
    tab.employee.setCurrentIndex(1 - tab.employee.currentIndex())
    assert tab.employee.currentData() != first
    assert tab.notice_form.delivered_by.text() == ""
    assert tab.unrecorded() == []


def _escape(qtbot, dialog) -> None:
    dialog.activateWindow()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def _question(dialog):
    box = dialog.discard_guard.box
    return box if box is not None and box.isVisible() else None


@pytest.mark.parametrize("form", ["authorization", "credential request", "allegation"])
def test_a_dialog_closes_at_once_untouched_and_asks_before_it_throws_typed_text_away(
    workspace_for, open_list_page, open_view, find_case, qtbot, settle, form: str
) -> None:
    if form == "allegation":
        ivy = workspace_for("investigator")
        view = open_view(ivy, find_case(ivy, CaseStatus.INVESTIGATING).id)

        def opened():
            return view.allegations.on_add_clicked(), ivy, "summary"
    else:
        page_type, who = (
            (AuthorizationsPage, "supervisor") if form == "authorization"
            else (CredentialRequestsPage, "investigator")
        )  # fmt: skip
        workspace = workspace_for(who)
        page = open_list_page(page_type, workspace)

        def opened():
            made = page.add_authorization() if form == "authorization" else page.new_request()
            return made, workspace, "account"

    # Untouched (its choices and dates filled in the background): Escape closes it.
    dialog, workspace, field = opened()
    qtbot.waitUntil(dialog.isVisible)
    settle(workspace)
    _escape(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert _question(dialog) is None

    # Typed into: Escape asks; Cancel keeps the dialog and the text; Discard closes it.
    dialog, workspace, field = opened()
    qtbot.waitUntil(dialog.isVisible)
    settle(workspace)
    qtbot.keyClicks(getattr(dialog, field), "typed by hand")
    _escape(qtbot, dialog)
    qtbot.waitUntil(lambda: _question(dialog) is not None)
    box = _question(dialog)
    assert box.objectName() == "discardTypedDialog"
    assert dialog.windowTitle() in box.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: _question(dialog) is None)
    assert dialog.isVisible() and getattr(dialog, field).text() == "typed by hand"
    dialog.reject()  # the Cancel button and the close button go the same way
    qtbot.waitUntil(lambda: _question(dialog) is not None)
    _question(dialog).button(QMessageBox.StandardButton.Discard).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_settings_typed_and_not_saved_are_asked_about_before_they_go(
    workspace_for, open_list_page, qtbot, settle
) -> None:
    admin = workspace_for("admin")
    page = open_list_page(SettingsPage, admin)
    qtbot.waitUntil(lambda: bool(page.business.inputs and page.discipline.inputs), timeout=10_000)
    assert page.may_close()  # nothing typed: no question
    page.business.inputs["security.idle_lock_minutes"].setText("25")
    first = page.agency.currentData()
    editor = next(e for e in page.discipline.inputs.values() if isinstance(e, QLineEdit))
    editor.setText(editor.text() + "7")

    asked: list[str] = []
    _answer(page, QMessageBox.StandardButton.Cancel, asked)
    assert not page.may_close()
    assert "The business settings" in asked[0]
    assert f"The discipline settings of {first}" in asked[0]

    # Another agency: its settings replace the form's only once the typed ones may go.
    _answer(page, QMessageBox.StandardButton.Cancel, asked)
    page.agency.setCurrentIndex(1)
    assert page.agency.currentData() == first and page.discipline.changes()
    # Saving one group reads that group again and keeps what is typed in the other.
    with qtbot.waitSignal(page.saved, timeout=10_000):
        page.business.save_button.click()
    settle(admin)
    assert page.unsaved() == [f"the discipline settings of {first}"]
    _answer(page, QMessageBox.StandardButton.Discard, asked)
    page.agency.setCurrentIndex(1)
    assert page.agency.currentData() != first
    settle(admin)
    assert page.unsaved() == []


def _evidence_case(workspace, find_case):
    return find_case(
        workspace, CaseStatus.INVESTIGATING,
        lambda d: bool(evidence.list_evidence(workspace.database, workspace.actor, d.id)),
    )  # fmt: skip


@pytest.mark.parametrize(
    "made", ["amend", "void", "intake", "employee", "user", "reason", "withdraw"]
)
def test_a_dialog_filled_by_the_application_closes_without_a_question(
    workspace_for, find_case, qtbot, settle, made: str
) -> None:
    """What a dialog fills in itself, at once or once its choices load, is nobody's work."""
    who = {"user": "admin", "withdraw": "hr"}.get(made, "investigator")
    workspace = workspace_for(who)
    if made in ("amend", "void", "intake"):
        detail = _evidence_case(workspace, find_case)
        info = evidence.list_evidence(workspace.database, workspace.actor, detail.id)[0]
        dialog = {
            "amend": lambda: AmendDialog(workspace, info),
            "void": lambda: VoidDialog(workspace, info),
            "intake": lambda: IntakeDialog(
                ["post.png"], IntakeDefaults(captured_by="Ivy Investigator"), workspace, detail.id
            ),
        }[made]()
    elif made == "employee":
        dialog = AddEmployeeDialog(workspace, "MODNR")
    elif made == "user":
        dialog = AddUserDialog(workspace)
    elif made == "reason":
        reopen = find_transition(CaseStatus.CLOSED, CaseStatus.REOPENED)
        assert reopen is not None
        dialog = ReasonDialog(reopen)
    else:
        dialog = WithdrawDecisionDialog("Jolene Pruitt", "Suspension without pay (3 working days)")
    if not dialog.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose):
        qtbot.addWidget(dialog)  # one that deletes itself on closing is not left behind
    dialog.show()
    qtbot.waitUntil(dialog.isVisible)
    settle(workspace)
    qtbot.wait(50)  # what the loaded choices set, set
    guard = dialog.discard_guard
    assert not guard.typed()
    with qtbot.waitSignal(dialog.finished, timeout=5_000):
        dialog.reject()  # closed at once
    assert guard.box is None
