"""Work inside a case: allegations from the provision picker, findings, notes, timeline."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from app.domain.cases import CaseStatus, Finding
from app.services import cases, discipline, evidence
from app.ui.case_view.models import AllegationModel, ProvisionModel, TimelineModel
from app.ui.case_view.provision_picker import ProvisionPicker
from app.ui.case_view.view import CaseView


def column(model, col: int) -> list[str]:
    return [model.index(row, col).data() for row in range(model.rowCount())]


def cite_through_picker(qtbot, settle, view: CaseView, search: str, skip: set[str]) -> str:
    """Open the picker, search, select the first provision not in ``skip``, add it."""
    view.tabs.setCurrentWidget(view.allegations)
    view.allegations.add_button.click()
    picker = view.allegations.picker
    assert isinstance(picker, ProvisionPicker) and picker.isVisible()
    qtbot.waitUntil(lambda: picker.model.rowCount() > 0)
    everything = picker.proxy.rowCount()
    qtbot.keyClicks(picker.search, search)
    shown = column(picker.proxy, ProvisionModel.CITATION)
    assert 0 < len(shown) < everything  # the search narrowed the list
    chargeable = [picker.proxy.index(i, 0).data(ProvisionModel.ChargeableRole)
                  for i in range(picker.proxy.rowCount())]  # fmt: skip
    row = next(i for i, citation in enumerate(shown) if citation not in skip and chargeable[i])
    picker.select_row(row)
    chosen = picker.selected()
    assert chosen is not None and chosen.citation == shown[row]
    assert chosen.text in picker.text.toPlainText()  # the full provision text is shown
    if not picker.in_force.isHidden():  # a policy past its sunset date (MO DMH)
        picker.in_force.setChecked(True)
    with qtbot.waitSignal(picker.finished, timeout=10_000):
        picker.choose_button.click()
    settle(view.workspace)
    return chosen.citation


def test_two_allegations_added_through_the_provision_picker(
    workspace_for, open_view, qtbot, settle, find_case
) -> None:
    ivy = workspace_for("investigator")
    detail = find_case(ivy, CaseStatus.INTAKE, lambda d: len(d.subjects) == 1)
    view = open_view(ivy, detail.id)
    before = {a.citation for a in detail.allegations}

    first = cite_through_picker(qtbot, settle, view, "social media", before)
    qtbot.waitUntil(lambda: first in column(view.allegations.model, AllegationModel.CITATION))
    second = cite_through_picker(qtbot, settle, view, "social media", before | {first})
    qtbot.waitUntil(lambda: second in column(view.allegations.model, AllegationModel.CITATION))

    saved = cases.get_case(ivy.database, ivy.actor, detail.id)
    assert {a.citation for a in saved.allegations} == before | {first, second}
    assert view.allegations.model.rowCount() == len(before) + 2
    findings = column(view.allegations.model, AllegationModel.FINDING)
    assert findings.count("Pending") >= 2


def test_picker_filters_by_tag_and_shows_the_parent_lead_in(workspace_for, qtbot) -> None:
    ivy = workspace_for("investigator")
    picker = ProvisionPicker(ivy, "ARDHS")
    qtbot.addWidget(picker)
    with qtbot.waitSignal(picker.loaded, timeout=10_000):
        picker.show()
    everything = picker.proxy.rowCount()
    picker.tag.setCurrentIndex(picker.tag.findData("agency-email"))
    tagged = picker.proxy.rowCount()
    assert 0 < tagged < everything
    citations = column(picker.proxy, ProvisionModel.CITATION)
    picker.select_row(citations.index("AR-DHS I(B)"))
    shown = picker.text.toPlainText()
    assert "Provided to an employee by DHS" in shown
    # The lead-in sentence of I, not the whole of I.
    assert 'For purposes of this policy, "social media account" does not include' in shown
    assert "This policy outlines" not in shown
    picker.reject()


def test_withdrawing_a_pending_allegation_asks_first(
    workspace_for, open_view, qtbot, settle, find_case
) -> None:
    ivy = workspace_for("investigator")
    detail = find_case(
        ivy,
        CaseStatus.INVESTIGATING,
        lambda d: any(a.finding is Finding.PENDING for a in d.allegations),
    )
    view = open_view(ivy, detail.id)
    tab = view.allegations
    pending = next(a for a in detail.allegations if a.finding is Finding.PENDING)
    tab.table.selectRow(tab.model.row_of(pending.id))
    assert tab.withdraw_button.isEnabled()
    tab.withdraw_button.click()
    box = tab.findChild(QMessageBox, "withdrawDialog")
    assert box is not None and pending.citation in box.text()
    with qtbot.waitSignal(ivy.case_changed, timeout=10_000):
        box.button(QMessageBox.StandardButton.Yes).click()
    settle(ivy)
    remaining = cases.get_case(ivy.database, ivy.actor, detail.id).allegations
    assert pending.id not in {a.id for a in remaining}
    assert tab.model.row_of(pending.id) == -1


def test_recording_a_finding(workspace_for, open_view, qtbot, settle, find_case) -> None:
    ivy = workspace_for("investigator")
    detail = find_case(ivy, CaseStatus.INVESTIGATING, lambda d: bool(d.allegations))
    view = open_view(ivy, detail.id)
    tab = view.allegations
    view.tabs.setCurrentWidget(tab)
    tab.table.selectRow(0)
    allegation = tab.selected()
    assert allegation is not None
    assert allegation.provision_text in tab.provision_text.toPlainText()

    tab.finding.setCurrentIndex(tab.finding.findData(Finding.SUBSTANTIATED.value))
    tab.reasoning.setPlainText("The screenshot shows the post made from the agency phone.")
    with qtbot.waitSignal(ivy.case_changed, timeout=10_000):
        tab.record_button.click()
    settle(ivy)

    saved = cases.get_case(ivy.database, ivy.actor, detail.id)
    recorded = next(a for a in saved.allegations if a.id == allegation.id)
    assert recorded.finding is Finding.SUBSTANTIATED
    assert recorded.reasoning.startswith("The screenshot shows")
    qtbot.waitUntil(lambda: tab.model.index(0, AllegationModel.FINDING).data() == "Substantiated")
    assert not tab.withdraw_button.isEnabled()  # an allegation with a finding stays


def test_a_finding_without_reasoning_is_refused_beside_the_reasoning(
    workspace_for, open_view, qtbot, settle, find_case
) -> None:
    ivy = workspace_for("investigator")
    detail = find_case(ivy, CaseStatus.INVESTIGATING, lambda d: bool(d.allegations))
    view = open_view(ivy, detail.id)
    tab = view.allegations
    tab.table.selectRow(0)
    tab.finding.setCurrentIndex(tab.finding.findData(Finding.UNFOUNDED.value))
    tab.reasoning.clear()
    tab.record_button.click()
    qtbot.waitUntil(lambda: not tab.finding_error.isHidden())
    settle(ivy)
    assert "Reasoning is required" in tab.finding_error.text()
    assert tab.finding.currentData() == Finding.UNFOUNDED.value  # the choice is kept


def test_a_note_appears_in_the_timeline_with_the_audit_events(
    workspace_for, open_view, qtbot, settle, find_case
) -> None:
    ivy = workspace_for("investigator")
    detail = find_case(ivy, CaseStatus.INVESTIGATING)
    view = open_view(ivy, detail.id)
    tab = view.notes
    view.tabs.setCurrentWidget(tab)
    whats = column(tab.model, TimelineModel.WHAT)
    assert any(w.startswith("Status: Intake → Investigating") for w in whats)
    assert any(w.startswith("Case opened:") for w in whats)

    tab.note_kind.setCurrentIndex(tab.note_kind.findData("interview"))
    tab.note_text.setPlainText("Interviewed the reporter.\nShe kept the original screenshot.")
    with qtbot.waitSignal(ivy.case_changed, timeout=10_000):
        tab.add_button.click()
    qtbot.waitUntil(lambda: "Interview: Interviewed the reporter."
                    in column(tab.model, TimelineModel.WHAT))  # fmt: skip
    settle(ivy)

    assert tab.note_text.toPlainText() == ""
    newest = tab.model.index(0, TimelineModel.WHAT).data()
    assert newest == "Interview: Interviewed the reporter."  # newest first
    assert tab.model.index(0, TimelineModel.WHO).data() == "Ivy Investigator"
    tab.table.selectRow(0)
    assert "She kept the original screenshot." in tab.entry_text.toPlainText()
    notes = cases.get_case(ivy.database, ivy.actor, detail.id).notes
    assert any(n.body.startswith("Interviewed the reporter.") for n in notes)

    tab.notes_only.setChecked(True)
    assert all(
        w.split(":")[0] in {"Note", "Interview", "Witness statement", "Contact"}
        for w in column(tab.model, TimelineModel.WHAT)
    )


def test_the_case_view_models_pass_the_model_tester(
    workspace_for, open_view, qtbot, settle, qtmodeltester, find_case
) -> None:
    ivy = workspace_for("investigator")
    detail = find_case(ivy, CaseStatus.INVESTIGATING, lambda d: len(d.allegations) >= 1)
    view = open_view(ivy, detail.id)
    assert view.allegations.model.rowCount() == len(detail.allegations)
    qtmodeltester.check(view.allegations.model)
    qtbot.waitUntil(lambda: view.notes.model.rowCount() > 0)
    qtmodeltester.check(view.notes.model)
    view.tabs.setCurrentWidget(view.allegations)
    view.allegations.add_button.click()
    picker = view.allegations.picker
    qtbot.waitUntil(lambda: picker.model.rowCount() > 0)
    qtmodeltester.check(picker.model)
    qtmodeltester.check(picker.proxy)
    picker.reject()
    settle(ivy)


def test_custody_discipline_and_report_events_read_as_sentences_in_the_timeline(
    workspace_for, open_view, settle, find_case
) -> None:
    ivy = workspace_for("investigator")
    detail = find_case(ivy, CaseStatus.INVESTIGATING)
    data = (Path(__file__).parents[1] / "data" / "good.png").read_bytes()
    item = evidence.add_evidence(ivy.database, ivy.actor, detail.id, data,
                                 original_filename="post.png")  # fmt: skip
    evidence.read_evidence(ivy.database, ivy.actor, item.id)
    view = open_view(ivy, detail.id)
    whats = column(view.notes.model, TimelineModel.WHAT)
    assert f"Evidence item {item.id} added: post.png" in whats
    assert f"Evidence item {item.id} viewed" in whats
    assert not any(w.startswith("evidence.") for w in whats)

    # The demo's HR decisions are on closed cases.
    hana = workspace_for("hr")

    def decided(case) -> bool:
        record = discipline.case_discipline(hana.database, hana.actor, case.id)
        return any(e.decision is not None for e in record.employees)

    def noticed(case) -> bool:
        return any(f.notice is not None and f.response is not None
                   for f in discipline.flows(hana.database, hana.actor, case.id))  # fmt: skip

    view = open_view(hana, find_case(hana, CaseStatus.CLOSED, decided).id)
    whats = column(view.notes.model, TimelineModel.WHAT)
    assert any(w.startswith("Discipline decided on ") for w in whats), whats
    # Each step of the flow in words, never an action's name.
    view = open_view(hana, find_case(hana, CaseStatus.CLOSED, noticed).id)
    whats = column(view.notes.model, TimelineModel.WHAT)
    assert any(w.startswith("Pre-action notice given on ") for w in whats), whats
    answered = ("Response to the notice received on ", "No response to the notice by its")
    assert any(w.startswith(answered) for w in whats), whats
    assert not any(w.startswith(("discipline.", "case.", "authorization.")) for w in whats)


def test_text_typed_while_a_note_is_being_added_stays(
    workspace_for, open_view, qtbot, settle, find_case, demo_url
) -> None:
    """Only the note added leaves the field: what was typed while it was being recorded (the
    database busy with another workstation's write) stays, to be added next."""
    from app.db.sqlcipher import dbapi

    ivy = workspace_for("investigator")
    detail = find_case(ivy, CaseStatus.INVESTIGATING)
    view = open_view(ivy, detail.id)
    notes = view.notes
    view.tabs.setCurrentWidget(notes)
    qtbot.keyClicks(notes.note_text, "Called the reporter.")
    other = dbapi().connect(demo_url.split("///", 1)[1], isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another workstation writing
    try:
        notes.add_button.click()
        qtbot.wait(300)
        qtbot.keyClicks(notes.note_text, " She will send two more screenshots tonight.")
    finally:
        other.execute("ROLLBACK")
        other.close()
    qtbot.waitUntil(notes.add_button.isEnabled, timeout=60_000)
    settle(ivy)
    bodies = [n.body for n in cases.get_case(ivy.database, ivy.actor, detail.id).notes]
    assert "Called the reporter." in bodies
    assert notes.note_text.toPlainText() == "She will send two more screenshots tonight."
