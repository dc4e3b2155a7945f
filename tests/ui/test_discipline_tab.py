"""The Discipline tab and Generate report… driven through the real widgets."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QPushButton
from sqlalchemy import text

from app.domain.cases import CaseStatus
from app.domain.discipline import DisciplineAction
from app.services import discipline, evidence, report_building
from app.ui.case_view.view import CaseView
from app.ui.report_dialog import ReportDialog
from tests.ui.confirming import answering_confirmations


def _review_case(workspace, find_case):
    """A Missouri demo case in discipline review (the 20-day cap applies)."""
    return find_case(
        workspace, CaseStatus.DISCIPLINE_REVIEW,
        lambda d: d.agency_code.startswith("MO") and len(d.subjects) == 1,
    )  # fmt: skip


def _discipline_tab(view: CaseView):
    tab = view.discipline
    assert tab is not None
    view.tabs.setCurrentWidget(tab)
    return tab


def test_hr_records_a_suspension_over_the_cap_only_with_an_override(
    workspace_for, open_view, find_case, qtbot, settle
) -> None:
    hr = workspace_for("hr")
    detail = _review_case(hr, find_case)
    view = open_view(hr, detail.id)
    tab = _discipline_tab(view)
    qtbot.waitUntil(lambda: tab.overview is not None)
    # Findings with their reasoning, and the agency's rules.
    for allegation in detail.allegations:
        assert allegation.citation in tab.findings.toPlainText()
        assert allegation.reasoning[:40] in tab.findings.toPlainText()
    assert "RSMo 36.370" in tab.rules.text()
    assert "None" in tab.prior.toPlainText()
    assert not tab.days.isVisible() and not tab.override.isVisible()

    tab.action.setCurrentIndex(tab.action.findData(DisciplineAction.SUSPENSION.value))
    assert tab.days.isVisible() and tab.status_pending.isVisible()
    tab.days.setValue(25)
    qtbot.waitUntil(lambda: tab.cap is not None and tab.cap.requested_days == 25)
    assert tab.cap_label.isVisible() and "25 of the cap of 20" in tab.cap_label.text()
    assert tab.override.isVisible() and not tab.override_reason.isVisible()

    # Missing steps: the message is next to the field, nothing is recorded.
    qtbot.keyClicks(tab.consequence, "A repeat will lead to dismissal.")
    tab.override.setChecked(True)
    assert tab.override_reason.isVisible()
    qtbot.keyClicks(tab.override_reason, "Agreed in the settlement of the grievance.")
    with answering_confirmations() as asked:  # a suspension asks first (app/ui/confirm.py)
        tab.record_button.click()
    assert asked and "Record suspension" in asked[0]
    qtbot.waitUntil(lambda: tab.steps_error.isVisible())
    assert "Steps to correct is required" in tab.steps_error.text()
    assert (
        discipline.case_discipline(hr.database, hr.actor, detail.id).employees[0].decision is None
    )

    qtbot.keyClicks(tab.steps, "Use social media only on breaks, on a personal device.")
    with qtbot.waitSignal(view.loaded, timeout=10_000), answering_confirmations():
        tab.record_button.click()
    settle(hr)
    decision = discipline.case_discipline(hr.database, hr.actor, detail.id).employees[0].decision
    assert decision is not None
    assert (decision.action, decision.suspension_days) == (DisciplineAction.SUSPENSION, 25)
    assert decision.cap_override_reason == "Agreed in the settlement of the grievance."
    qtbot.waitUntil(lambda: "Decided by Harper HR" in tab.state_label.text())


def test_without_the_override_the_cap_refusal_shows_beside_it(
    workspace_for, open_view, find_case, qtbot, settle
) -> None:
    hr = workspace_for("hr")
    detail = _review_case(hr, find_case)
    view = open_view(hr, detail.id)
    tab = _discipline_tab(view)
    qtbot.waitUntil(lambda: tab.overview is not None)
    tab.action.setCurrentIndex(tab.action.findData(DisciplineAction.SUSPENSION.value))
    tab.days.setValue(21)
    qtbot.keyClicks(tab.steps, "Training.")
    qtbot.keyClicks(tab.consequence, "Dismissal.")
    with answering_confirmations():
        tab.record_button.click()
    qtbot.waitUntil(lambda: tab.override_error.isVisible(), timeout=10_000)
    assert "RSMo 36.370" in tab.override_error.text()
    assert tab.override.isVisible()
    assert (
        discipline.case_discipline(hr.database, hr.actor, detail.id).employees[0].decision is None
    )


def test_hr_withdraws_the_decision_with_a_reason_from_the_tab(
    workspace_for, open_view, find_case, qtbot, settle
) -> None:
    hr = workspace_for("hr")
    detail = _review_case(hr, find_case)
    employee = detail.subjects[0]
    discipline.record_discipline(
        hr.database, hr.actor, detail.id,
        discipline.DisciplineInput(
            employee_id=employee.id, action=DisciplineAction.WRITTEN_REPRIMAND,
            effective_on=dt.date.today(), steps_to_correct="Training.",
            repeat_consequence="Suspension.",
        ),
    )  # fmt: skip
    view = open_view(hr, detail.id)
    tab = _discipline_tab(view)
    qtbot.waitUntil(lambda: tab.overview is not None)
    assert "Decided by Harper HR" in tab.state_label.text()
    assert tab.withdraw_button.isVisible() and tab.withdraw_button.isEnabled()

    tab.withdraw_button.click()
    dialog = tab.withdraw_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert employee.full_name in dialog.findChild(QLabel).text()
    confirm = dialog.findChild(QPushButton, "confirmWithdrawButton")
    # No reason: the dialog stays open and says what is missing.
    confirm.click()
    assert dialog.isVisible() and dialog.error.isVisible()
    assert "Give the reason" in dialog.error.text()
    qtbot.keyClicks(dialog.reason_edit, "Findings revised on appeal.")
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        confirm.click()
    settle(hr)

    entry = discipline.case_discipline(hr.database, hr.actor, detail.id).employees[0]
    assert entry.decision is None
    assert entry.withdrawn is not None
    assert entry.withdrawn.withdrawal_reason == "Findings revised on appeal."
    qtbot.waitUntil(lambda: "was withdrawn by Harper HR" in tab.state_label.text())
    assert "Findings revised on appeal." in tab.state_label.text()
    assert not tab.withdraw_button.isEnabled()
    # A new decision can be recorded in its place.
    assert tab.record_button.isEnabled()


def test_an_investigator_sees_the_tab_read_only_and_prior_discipline(
    workspace_for, open_view, find_case, qtbot
) -> None:
    ivy = workspace_for("investigator")
    # Kremer's open case: his closed case ended in a written reprimand.
    detail = find_case(
        ivy, CaseStatus.INVESTIGATING,
        lambda d: any(s.full_name.endswith("Kremer") for s in d.subjects),
    )  # fmt: skip
    view = open_view(ivy, detail.id)
    tab = _discipline_tab(view)
    qtbot.waitUntil(lambda: tab.overview is not None)
    assert "Written reprimand" in tab.prior.toPlainText()
    assert not tab.record_button.isVisible()
    assert not tab.withdraw_button.isVisible()
    assert not tab.report_button.isVisible()
    assert not tab.action.isEnabled()


def test_generate_report_then_save_and_open(
    workspace_for, open_view, find_case, qtbot, settle, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    hr = workspace_for("hr")
    detail = find_case(hr, CaseStatus.CLOSED, lambda d: d.agency_code == "MODNR")
    view = open_view(hr, detail.id)
    tab = _discipline_tab(view)
    qtbot.waitUntil(lambda: tab.overview is not None)
    tab.report_button.click()
    dialog = view.report_dialog
    assert isinstance(dialog, ReportDialog) and dialog.isVisible()
    assert not dialog.open_button.isEnabled()
    with qtbot.waitSignal(dialog.generated, timeout=30_000) as made:
        dialog.generate_button.click()
    info = made.args[0]
    assert info.sha256 in dialog.result_label.text()
    assert dialog.open_button.isEnabled() and dialog.save_button.isEnabled()
    (recorded,) = report_building.list_generated(hr.database, hr.actor, detail.id)
    assert recorded.sha256 == info.sha256

    target = tmp_path / "saved.pdf"
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save_to(str(target))
    assert hashlib.sha256(target.read_bytes()).hexdigest() == info.sha256
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as written:
        dialog.open_button.click()
    settle(hr)
    assert opened and opened[0].toLocalFile() == written.args[0]
    assert hashlib.sha256(Path(written.args[0]).read_bytes()).hexdigest() == info.sha256


def test_the_case_summary_kind(workspace_for, open_view, find_case, qtbot) -> None:
    hr = workspace_for("hr")
    detail = _review_case(hr, find_case)
    view = open_view(hr, detail.id)
    tab = _discipline_tab(view)
    qtbot.waitUntil(lambda: tab.overview is not None)
    # Ctrl+P anywhere in the case opens the same dialog as the button.
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    tab.findings.setFocus()
    qtbot.keyClick(tab.findings, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.report_dialog is not None)
    dialog = view.report_dialog
    assert dialog is not None
    dialog.summary.setChecked(True)
    with qtbot.waitSignal(dialog.generated, timeout=30_000) as made:
        dialog.generate_button.click()
    assert made.args[0].kind == "summary"


def test_a_corrupted_item_refuses_the_report_in_the_dialog(
    workspace_for, open_view, find_case, qtbot, settle
) -> None:
    hr = workspace_for("hr")
    ivy = workspace_for("investigator")
    detail = _review_case(hr, find_case)
    data = (Path(__file__).parent.parent / "data" / "good2.png").read_bytes()
    item = evidence.add_evidence(ivy.database, ivy.actor, detail.id, data,
                                 original_filename="post.png")  # fmt: skip
    with hr.database.engine.begin() as connection:
        connection.execute(
            text("UPDATE evidence_blobs SET data = :d WHERE sha256 = :s"),
            {"d": b"altered", "s": item.sha256},
        )
    view = open_view(hr, detail.id)
    tab = _discipline_tab(view)
    qtbot.waitUntil(lambda: tab.overview is not None)
    tab.report_button.click()
    dialog = view.report_dialog
    assert dialog is not None
    with qtbot.waitSignal(hr.errors.shown, timeout=30_000) as shown:
        dialog.generate_button.click()
    assert f"Evidence item {item.id} (post.png" in shown.args[1]
    assert "No report was generated" in dialog.result_label.text()
    assert not dialog.open_button.isEnabled()
    assert report_building.list_generated(hr.database, hr.actor, detail.id) == []
