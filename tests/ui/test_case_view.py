"""The case view: intake facts shown and saved, stale saves, the workflow, closing."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPushButton, QWidget

from app.domain.cases import CaseStatus, DutyStatus
from app.services import audit, cases
from app.services.cases import CaseFields
from tests.ui.confirming import answer_once, answering_confirmations


def retype(qtbot, edit: QLineEdit, text: str) -> None:
    """Replace the text of ``edit`` as a user would: select all, type."""
    edit.setFocus()
    edit.selectAll()
    if text:
        qtbot.keyClicks(edit, text)
    else:
        qtbot.keyClick(edit, Qt.Key.Key_Backspace)


def click_when_shown(qtbot, owner: QWidget, name: str, button: str) -> QMessageBox:
    """Wait for the message box ``name`` under ``owner`` and click its button."""
    qtbot.waitUntil(lambda: (b := owner.findChild(QMessageBox, name)) is not None
                    and b.isVisible())  # fmt: skip
    box = owner.findChild(QMessageBox, name)
    assert box is not None
    target = box.findChild(QPushButton, button) or next(
        b for b in box.buttons() if b.text().replace("&", "") == button
    )
    target.click()
    return box


def test_the_view_shows_the_case_as_the_service_has_it(workspace_for, open_view, find_case) -> None:
    ivy = workspace_for("investigator")
    detail = find_case(ivy, CaseStatus.INVESTIGATING, lambda d: len(d.subjects) >= 1)
    view = open_view(ivy, detail.id)
    form = view.overview.form
    fields = detail.fields

    assert view.number_label.text() == detail.number
    assert view.status_label.text() == "Investigating"
    assert view.title_label.text() == fields.title
    assert form.title.text() == fields.title
    assert form.agency.currentData() == detail.agency_code
    assert not form.agency.isEnabled()
    assert form.reported_on.date().toPython() == fields.reported_on
    assert form.conduct_from.date() == fields.conduct_from
    assert form.intake_channel.currentData() == fields.intake_channel.value
    assert form.duty_status.currentData() == fields.duty_status.value
    assert set(form.platforms.platforms()) == set(fields.platforms)
    assert form.narrative.toPlainText() == fields.narrative
    assert form.subjects.subject_ids() == fields.subject_ids
    assert form.investigator.currentData() == fields.investigator
    assert form.fields() == fields
    assert not form.modified
    assert not view.overview.save_button.isEnabled()


def test_edited_title_is_saved_and_announced(
    workspace_for, open_view, qtbot, settle, find_case
) -> None:
    ivy = workspace_for("investigator")
    detail = find_case(ivy, CaseStatus.INVESTIGATING)
    view = open_view(ivy, detail.id)
    form = view.overview.form

    was = detail.fields.duty_status
    duty = DutyStatus.OFF_DUTY if was is not DutyStatus.OFF_DUTY else DutyStatus.ON_DUTY
    retype(qtbot, form.title, "Instagram story posted from a staff phone")
    form.duty_status.setCurrentIndex(form.duty_status.findData(duty.value))
    assert form.modified and view.overview.save_button.isEnabled()
    with qtbot.waitSignals([ivy.case_changed, ivy.cases_changed], timeout=10_000):
        qtbot.mouseClick(view.overview.save_button, Qt.MouseButton.LeftButton)

    saved = cases.get_case(ivy.database, ivy.actor, detail.id)
    assert saved.fields.title == "Instagram story posted from a staff phone"
    assert saved.fields.duty_status is duty
    assert saved.version > detail.version
    assert view.title_label.text() == "Instagram story posted from a staff phone"
    assert not form.modified
    timeline = view.notes.model

    def whats() -> list[str]:
        return [timeline.index(row, timeline.WHAT).data() for row in range(timeline.rowCount())]

    qtbot.waitUntil(lambda: "Intake facts changed: Title, Duty status" in whats())
    view.notes.table.selectRow(whats().index("Intake facts changed: Title, Duty status"))
    words = {DutyStatus.ON_DUTY: "On duty", DutyStatus.OFF_DUTY: "Off duty",
             DutyStatus.UNKNOWN: "Not known"}  # fmt: skip
    change = f"Duty status: {words[was]} → {words[duty]}"
    assert change in view.notes.entry_text.toPlainText()


def test_empty_title_is_shown_beside_the_field_and_nothing_is_saved(
    workspace_for, open_view, qtbot, settle, find_case
) -> None:
    ivy = workspace_for("investigator")
    detail = find_case(ivy, CaseStatus.INTAKE)
    view = open_view(ivy, detail.id)
    form = view.overview.form
    retype(qtbot, form.title, "")
    form.narrative.setPlainText("Kept while the title is fixed.")

    view.overview.save_button.click()
    title_error = form.error_label("title")
    qtbot.waitUntil(title_error.isVisible)
    settle(ivy)

    assert "Title is required" in title_error.text()
    assert not form.error_label("narrative").isVisible()
    assert form.narrative.toPlainText() == "Kept while the title is fixed."  # nothing lost
    assert cases.get_case(ivy.database, ivy.actor, detail.id).version == detail.version
    qtbot.keyClicks(form.title, "A")
    assert not title_error.isVisible()  # cleared as soon as the title is edited


def test_a_stale_save_names_who_changed_the_case_and_reload_shows_it(
    workspace_for, open_view, qtbot, settle, find_case
) -> None:
    ivy, sam = workspace_for("investigator"), workspace_for("supervisor")
    detail = find_case(ivy, CaseStatus.INVESTIGATING)
    mine, theirs = open_view(ivy, detail.id), open_view(sam, detail.id)

    retype(qtbot, theirs.overview.form.title, "Changed by the supervisor")
    with qtbot.waitSignal(theirs.overview.saved, timeout=10_000):
        theirs.overview.save_button.click()
    retype(qtbot, mine.overview.form.title, "Changed by the investigator")
    mine.overview.save_button.click()

    box = click_when_shown(qtbot, mine.overview, "staleDialog", "reloadButton")
    assert "Sam Supervisor" in box.text()
    settle(ivy)
    assert mine.overview.form.title.text() == "Changed by the investigator"  # kept until asked
    assert "Last changed by Sam Supervisor" in mine.facts_label.text()
    click_when_shown(qtbot, mine.overview, "confirmReloadDialog", "Discard and reload")
    qtbot.waitUntil(lambda: mine.overview.form.title.text() == "Changed by the supervisor")
    settle(ivy)
    assert not mine.overview.form.modified
    saved = cases.get_case(ivy.database, ivy.actor, detail.id)
    assert saved.fields.title == "Changed by the supervisor"


def test_edits_survive_a_reload_after_a_note_and_then_save(
    workspace_for, open_view, qtbot, settle, find_case
) -> None:
    ivy = workspace_for("investigator")
    detail = find_case(ivy, CaseStatus.INVESTIGATING)
    view = open_view(ivy, detail.id)
    retype(qtbot, view.overview.form.title, "Edited before a note was added")
    cases.add_note(ivy.database, ivy.actor, detail.id, "Called the reporter back.")
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.refresh()
    settle(ivy)
    assert view.overview.form.title.text() == "Edited before a note was added"

    view.activateWindow()
    with qtbot.waitSignal(view.overview.saved, timeout=10_000):  # Ctrl+S saves
        qtbot.keyClick(view.overview.form.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(ivy)
    saved = cases.get_case(ivy.database, ivy.actor, detail.id)
    assert saved.fields.title == "Edited before a note was added"


def test_revert_shows_the_saved_facts_again(workspace_for, open_view, qtbot, find_case) -> None:
    ivy = workspace_for("investigator")
    detail = find_case(ivy, CaseStatus.INVESTIGATING)
    view = open_view(ivy, detail.id)
    form = view.overview.form
    retype(qtbot, form.title, "Not meant")
    form.platforms.boxes["Reddit"].setChecked(not form.platforms.boxes["Reddit"].isChecked())
    assert view.overview.revert_button.isEnabled()
    # It asks first (Cancel by default), since the edits go; Cancel keeps them.
    asked: list[str] = []
    answer_once(view.overview, "unrecordedWorkDialog", QMessageBox.StandardButton.Cancel, asked,
                default=QMessageBox.StandardButton.Cancel)  # fmt: skip
    view.overview.revert_button.click()
    assert asked and asked[0].startswith("Revert to the intake facts as saved?")
    assert "Your edits of the intake facts" in asked[0]
    assert form.title.text() == "Not meant" and view.overview.save_button.isEnabled()
    answer_once(view.overview, "unrecordedWorkDialog", QMessageBox.StandardButton.Discard, asked)
    view.overview.revert_button.click()
    assert len(asked) == 2
    assert form.fields() == detail.fields
    assert not view.overview.save_button.isEnabled()


def test_investigator_sees_only_the_moves_the_role_allows(
    workspace_for, open_view, qtbot, settle, find_case
) -> None:
    ivy = workspace_for("investigator")
    detail = find_case(ivy, CaseStatus.INTAKE)
    view = open_view(ivy, detail.id)

    assert "Start investigation" in view.workflow.button_texts()
    assert "Close without investigation" not in view.workflow.button_texts()
    button = view.findChild(QPushButton, "transition_investigating")
    with qtbot.waitSignal(ivy.case_changed, timeout=10_000):
        button.click()
    settle(ivy)
    status = cases.get_case(ivy.database, ivy.actor, detail.id).status
    assert status is CaseStatus.INVESTIGATING
    assert view.status_label.text() == "Investigating"
    assert "Submit findings" in view.workflow.button_texts()


def test_a_refused_move_is_explained_and_changes_nothing(
    workspace_for, open_view, qtbot, settle
) -> None:
    ivy = workspace_for("investigator")
    fields = CaseFields(agency_code="MODNR", title="No allegation yet", reported_on=dt.date.today())
    created = cases.create_case(ivy.database, ivy.actor, fields)
    cases.transition_case(ivy.database, ivy.actor, created.id, CaseStatus.INVESTIGATING)
    view = open_view(ivy, created.id)

    with qtbot.waitSignal(ivy.errors.shown, timeout=10_000) as shown:
        view.findChild(QPushButton, "transition_findings").click()
    settle(ivy)
    assert "at least one allegation" in shown.args[1]
    assert cases.get_case(ivy.database, ivy.actor, created.id).status is CaseStatus.INVESTIGATING
    assert all(b.isEnabled() for b in view.workflow.buttons)


def test_supervisor_closes_an_intake_case_with_a_reason(
    workspace_for, open_view, qtbot, settle, find_case
) -> None:
    sam = workspace_for("supervisor")
    detail = find_case(sam, CaseStatus.INTAKE)
    view = open_view(sam, detail.id)

    with answering_confirmations(take=False) as asked:  # Cancel: nothing happens
        view.findChild(QPushButton, "transition_closed").click()
    assert len(asked) == 1 and f"Close {detail.number}?" in asked[0]
    assert "Only a supervisor or HR can reopen it" in asked[0]
    assert view.reason_dialog is None
    with answering_confirmations():
        view.findChild(QPushButton, "transition_closed").click()
    dialog = view.reason_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.buttons.accepted.emit()  # no reason yet: the dialog says so and stays
    assert dialog.isVisible() and dialog.message.isVisible()
    dialog.reason.setPlainText("Duplicate of a report already under investigation.")
    with qtbot.waitSignal(sam.case_changed, timeout=10_000):
        dialog.buttons.accepted.emit()
    settle(sam)
    assert cases.get_case(sam.database, sam.actor, detail.id).status is CaseStatus.CLOSED
    assert view.status_label.text() == "Closed"


def test_hr_sees_no_edit_controls_it_may_not_use(workspace_for, open_view, find_case) -> None:
    harper = workspace_for("hr")
    detail = find_case(harper, CaseStatus.DISCIPLINE_REVIEW)
    view = open_view(harper, detail.id)

    assert view.overview.save_button.isHidden() and view.overview.revert_button.isHidden()
    assert view.overview.form.title.isReadOnly()
    assert not view.overview.form.duty_status.isEnabled()
    assert view.overview.form.subjects.add_button.isHidden()
    assert view.allegations.add_button.isHidden()
    assert view.allegations.withdraw_button.isHidden()
    assert view.allegations.record_button.isHidden()
    assert not view.allegations.finding.isEnabled()
    assert not view.notes.note_box.isHidden()  # HR may add notes
    assert "Close case" in view.workflow.button_texts()


def test_hr_sees_a_confidential_reporter_only_as_confidential(
    workspace_for, open_view, find_case
) -> None:
    harper = workspace_for("hr")
    detail = find_case(harper, CaseStatus.FINDINGS, lambda d: d.reporter_hidden)
    view = open_view(harper, detail.id)
    form = view.overview.form
    assert form.reporter_name.text() == "(confidential)"
    assert form.reporter_contact.text() == "(confidential)"
    assert form.reporter_name.isReadOnly() and form.reporter_confidential.isChecked()


@pytest.mark.parametrize(
    ("answer", "closes", "saved"),
    [("Cancel", False, False), ("Discard", True, False), ("Save", True, True)],
)
def test_closing_with_unsaved_edits_asks(
    workspace_for, open_view, qtbot, settle, answer: str, closes: bool, saved: bool, find_case
) -> None:
    ivy = workspace_for("investigator")
    detail = find_case(ivy, CaseStatus.INVESTIGATING)
    view = open_view(ivy, detail.id)
    assert view.may_close()  # nothing edited: no question
    retype(qtbot, view.overview.form.title, "Unsaved title")
    asked: list[str] = []

    def reply() -> None:
        box = view.findChild(QMessageBox, "unsavedChangesDialog")
        if box is None or not box.isVisible():
            QTimer.singleShot(10, reply)
            return
        asked.append(box.text())
        buttons = {"Cancel": QMessageBox.StandardButton.Cancel,
                   "Discard": QMessageBox.StandardButton.Discard,
                   "Save": QMessageBox.StandardButton.Save}  # fmt: skip
        box.button(buttons[answer]).click()

    QTimer.singleShot(0, reply)
    assert view.may_close() is closes
    settle(ivy)
    assert asked and detail.number in asked[0]
    title = cases.get_case(ivy.database, ivy.actor, detail.id).fields.title
    assert (title == "Unsaved title") is saved


def _reporter_views(workspace, case_id: int) -> int:
    events = workspace_events(workspace, case_id)
    return sum(1 for e in events if e.action == "case.view_confidential_reporter")


def workspace_events(workspace, case_id: int):
    with workspace.database.unit_of_work() as uow:
        return audit.case_events(uow, case_id)


def test_a_confidential_reporter_is_shown_on_request_and_reloads_record_nothing(
    workspace_for, open_view, find_case, qtbot, settle
) -> None:
    ivy = workspace_for("investigator")
    detail = find_case(ivy, CaseStatus.INVESTIGATING, lambda d: d.reporter_revealable)
    before = _reporter_views(ivy, detail.id)
    view = open_view(ivy, detail.id)
    form = view.overview.form
    assert form.reporter_name.text() == "(confidential)" and form.reporter_name.isReadOnly()
    button = form.show_reporter_button
    assert button.isVisible()
    for _ in range(2):  # reloads, as after any change to the case
        with qtbot.waitSignal(view.loaded, timeout=10_000):
            view.refresh()
        settle(ivy)
    assert _reporter_views(ivy, detail.id) == before  # opening and reloading record nothing

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.reporter_name.text() != "(confidential)")
    settle(ivy)
    revealed = cases.get_case(ivy.database, ivy.actor, detail.id, reveal_reporter=True)
    assert form.reporter_name.text() == revealed.fields.reporter_name
    assert not form.reporter_name.isReadOnly() and not button.isVisible()
    assert not form.modified  # revealing is not an edit
    assert _reporter_views(ivy, detail.id) == before + 2  # the click, and this test's own
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.refresh()
    settle(ivy)
    assert form.reporter_name.text() == revealed.fields.reporter_name  # still shown
    assert _reporter_views(ivy, detail.id) == before + 2  # and the reload recorded nothing


def test_submitting_findings_with_a_pending_allegation_asks_and_names_it(
    workspace_for, open_view, qtbot, settle, find_case
) -> None:
    from app.domain.cases import Finding

    ivy = workspace_for("investigator")
    detail = find_case(
        ivy,
        CaseStatus.INVESTIGATING,
        lambda d: any(a.finding is Finding.PENDING for a in d.allegations),
    )
    pending = [a.citation for a in detail.allegations if a.finding is Finding.PENDING]
    view = open_view(ivy, detail.id)

    with answering_confirmations(take=False) as asked:
        view.findChild(QPushButton, "transition_findings").click()
    assert len(asked) == 1 and all(citation in asked[0] for citation in pending)
    assert "waits for a supervisor" in asked[0]
    settle(ivy)
    assert cases.get_case(ivy.database, ivy.actor, detail.id).status is CaseStatus.INVESTIGATING

    with qtbot.waitSignal(ivy.case_changed, timeout=10_000), answering_confirmations():
        view.findChild(QPushButton, "transition_findings").click()
    settle(ivy)
    assert cases.get_case(ivy.database, ivy.actor, detail.id).status is CaseStatus.FINDINGS


def test_edits_of_different_fields_are_merged_when_asked(
    workspace_for, open_view, qtbot, settle, find_case
) -> None:
    ivy, sam = workspace_for("investigator"), workspace_for("supervisor")
    detail = find_case(ivy, CaseStatus.INVESTIGATING)
    mine, theirs = open_view(ivy, detail.id), open_view(sam, detail.id)

    theirs.overview.form.narrative.setPlainText("The supervisor's account of the post.")
    with qtbot.waitSignal(theirs.overview.saved, timeout=10_000):
        theirs.overview.save_button.click()
    retype(qtbot, mine.overview.form.title, "The investigator's title")
    mine.overview.save_button.click()

    box = click_when_shown(qtbot, mine.overview, "staleDialog", "mergeButton")
    assert "Also changed by Sam Supervisor" in box.text() and "Narrative" in box.text()
    assert "Your changes (Title) are to other fields" in box.informativeText()
    qtbot.waitUntil(lambda: not mine.overview.form.modified, timeout=10_000)
    settle(ivy)
    saved = cases.get_case(ivy.database, ivy.actor, detail.id)
    assert saved.fields.title == "The investigator's title"
    assert saved.fields.narrative == "The supervisor's account of the post."
    assert mine.overview.form.narrative.toPlainText() == "The supervisor's account of the post."


def test_edits_of_one_field_name_it_and_offer_no_merge(
    workspace_for, open_view, qtbot, settle, find_case
) -> None:
    ivy, sam = workspace_for("investigator"), workspace_for("supervisor")
    detail = find_case(ivy, CaseStatus.INVESTIGATING)
    mine, theirs = open_view(ivy, detail.id), open_view(sam, detail.id)
    retype(qtbot, theirs.overview.form.title, "Theirs")
    with qtbot.waitSignal(theirs.overview.saved, timeout=10_000):
        theirs.overview.save_button.click()
    retype(qtbot, mine.overview.form.title, "Mine")
    mine.overview.save_button.click()
    box = click_when_shown(qtbot, mine.overview, "staleDialog", "keepEditingButton")
    assert box.findChild(QPushButton, "mergeButton") is None
    assert "You both changed: Title." in box.informativeText()
    settle(ivy)
    assert mine.overview.form.title.text() == "Mine"
