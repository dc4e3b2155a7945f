"""The new-case dialog: a report becomes a case; invalid input stays in the dialog."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QPushButton

from app.domain.cases import CaseStatus, IntakeChannel
from app.services import cases
from app.services.case_queries import CaseQuery, list_cases
from app.ui.case_view.new_case import NewCaseDialog


def _open(qtbot, workspace, settle) -> NewCaseDialog:
    dialog = NewCaseDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.form.agency.count() > 0)
    settle(workspace)
    return dialog


def _case_count(workspace) -> int:
    return list_cases(workspace.database, workspace.actor, CaseQuery(limit=1)).total


def test_new_case_dialog_creates_the_case_and_says_which(workspace_for, qtbot, settle) -> None:
    ivy = workspace_for("investigator")
    dialog = _open(qtbot, ivy, settle)
    form = dialog.form
    assert form.intake_channel.currentData() == IntakeChannel.OTHER.value  # nothing assumed
    form.agency.setCurrentIndex(form.agency.findData("MODNR"))
    qtbot.waitUntil(lambda: form.subjects.employee_combo.count() > 0)
    qtbot.keyClicks(form.title, "Ranger's Facebook post about a closed trail")
    form.intake_channel.setCurrentIndex(form.intake_channel.findData("coworker"))
    form.platforms.boxes["Facebook"].setChecked(True)
    form.subjects.employee_combo.setCurrentIndex(0)
    subject_id = form.subjects.employee_combo.currentData()
    form.subjects.add_button.click()
    form.narrative.setPlainText("A coworker saw the post on Sunday.")

    with qtbot.waitSignal(dialog.case_created, timeout=10_000) as created:
        dialog.findChild(QPushButton, "createButton").click()
    settle(ivy)

    case_id = created.args[0]
    detail = cases.get_case(ivy.database, ivy.actor, case_id)
    assert detail.fields.title == "Ranger's Facebook post about a closed trail"
    assert detail.agency_code == "MODNR"
    assert detail.status is CaseStatus.INTAKE
    assert detail.fields.reported_on == dt.date.today()
    assert detail.fields.intake_channel is IntakeChannel.COWORKER
    assert detail.fields.platforms == ("Facebook",)
    assert detail.fields.subject_ids == (subject_id,)
    assert detail.fields.investigator == "investigator"  # one's own report by default
    assert not dialog.isVisible()


def test_empty_title_is_shown_beside_the_title_and_the_dialog_stays(
    workspace_for, qtbot, settle
) -> None:
    ivy = workspace_for("investigator")
    before = _case_count(ivy)
    dialog = _open(qtbot, ivy, settle)
    form = dialog.form
    form.agency.setCurrentIndex(form.agency.findData("ARDHS"))
    form.narrative.setPlainText("What the reporter saw.")
    created: list[int] = []
    dialog.case_created.connect(created.append)

    dialog.create_button.click()
    qtbot.waitUntil(lambda: not form.error_label("title").isHidden())
    settle(ivy)

    assert "Title is required" in form.error_label("title").text()
    assert dialog.isVisible() and created == []
    assert form.narrative.toPlainText() == "What the reporter saw."
    assert _case_count(ivy) == before


def test_no_agency_is_shown_beside_the_agency(workspace_for, qtbot, settle) -> None:
    ivy = workspace_for("investigator")
    dialog = _open(qtbot, ivy, settle)
    qtbot.keyClicks(dialog.form.title, "Report without an agency")
    dialog.create_button.click()
    qtbot.waitUntil(lambda: not dialog.form.error_label("agency").isHidden())
    settle(ivy)
    assert dialog.form.error_label("title").isHidden()
    assert dialog.isVisible()


def test_every_problem_is_shown_at_once_and_each_goes_when_fixed(
    workspace_for, qtbot, settle
) -> None:
    """No agency, no title, a conduct period that ends before it starts: one Create
    shows all three beside their inputs; fixing one hides only its message."""
    ivy = workspace_for("investigator")
    dialog = _open(qtbot, ivy, settle)
    form = dialog.form
    form.conduct_from.set_date(dt.date(2025, 3, 10))
    form.conduct_to.set_date(dt.date(2025, 3, 1))
    form.reported_on.setDate(dt.date(2025, 4, 1))
    dialog.create_button.click()
    qtbot.waitUntil(lambda: not form.error_label("agency").isHidden())
    settle(ivy)
    shown = form.messages.visible()
    assert set(shown) == {"agency", "title", "conduct_to"}, shown
    assert "Title is required" in shown["title"]
    assert "before its start" in shown["conduct_to"]
    # Required inputs say so on their labels.
    labels = {label.buddy(): label.text() for label in form.findChildren(QLabel) if label.buddy()}
    assert labels[form.title].endswith("*") and labels[form.agency].endswith("*")
    assert not labels[form.reporter_name].endswith("*")

    qtbot.keyClicks(form.title, "Posts about a youth")
    assert form.error_label("title").isHidden()
    assert not form.error_label("agency").isHidden()
    assert not form.error_label("conduct_to").isHidden()
    form.agency.setCurrentIndex(form.agency.findData("ARDHS"))
    assert form.error_label("agency").isHidden()
    assert not form.error_label("conduct_to").isHidden()


def test_a_new_employee_becomes_a_subject(workspace_for, qtbot, settle) -> None:
    ivy = workspace_for("investigator")
    dialog = _open(qtbot, ivy, settle)
    form = dialog.form
    form.agency.setCurrentIndex(form.agency.findData("STLCITY"))
    settle(ivy)
    form.subjects.new_button.click()
    adding = form.employee_dialog
    qtbot.keyClicks(adding.full_name, "Dana Whitfield")
    qtbot.keyClicks(adding.position, "Parks maintenance worker")
    with qtbot.waitSignal(adding.employee_added, timeout=10_000):
        adding.ok_button.click()
    settle(ivy)
    assert form.subjects.subject_list.count() == 1
    assert form.subjects.subject_list.item(0).text().startswith("Dana Whitfield")
    assert len(form.fields().subject_ids) == 1
