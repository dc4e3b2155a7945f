"""The Discipline tab compares a decision with the earlier ones under the same provision."""

from __future__ import annotations

from app.domain.cases import CaseStatus
from app.domain.discipline import DisciplineAction
from app.services import discipline


def test_a_milder_action_than_every_earlier_one_asks_for_the_reason_and_keeps_it(
    workspace_for, open_view, find_case, qtbot
) -> None:
    hr = workspace_for("hr")
    # Pruitt's case: Policy.5 substantiated, under which Kremer got a written reprimand.
    detail = find_case(
        hr, CaseStatus.DISCIPLINE_REVIEW,
        lambda d: d.agency_code == "MODNR" and len(d.subjects) == 1,
    )  # fmt: skip
    view = open_view(hr, detail.id)
    tab = view.discipline
    assert tab is not None
    view.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.current_flow() is not None)
    shown = tab.findings.toPlainText()
    assert "Earlier decisions under the same provisions" in shown
    assert "Written reprimand — MODNR-2025-0001 (MO-DNR-SN Policy.5), Dustin Kremer" in shown

    form = tab.decision_form
    tab.pages.setCurrentIndex(tab.pages.page_index["decision"])
    form.action.setCurrentIndex(form.action.findData(DisciplineAction.COUNSELING.value))
    assert form.consistency_reason.isVisible()
    assert "milder than the agency's earlier decision" in form.consistency_note.text()
    qtbot.keyClicks(form.steps, "Keep the department's name off personal accounts.")
    qtbot.keyClicks(form.consequence, "A repeat will lead to a written reprimand.")
    form.button.click()
    assert "Give the reason" in form.consistency_error.text()
    reason = "First posts, removed within the hour; she reported them herself."
    qtbot.keyClicks(form.consistency_reason, reason)
    with qtbot.waitSignal(tab.loaded, timeout=15_000):
        form.button.click()
    overview = discipline.case_discipline(hr.database, hr.actor, detail.id)
    decision = overview.employees[0].decision
    assert decision is not None and decision.action is DisciplineAction.COUNSELING
    assert decision.consistency_reason == reason
