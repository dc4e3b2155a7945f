"""The Discipline tab drives the due-process flow through the real widgets, on the demo.

Each step is typed into its page and recorded by the real services on a
fresh copy of the demo database; refusals of the employer's law show beside
the form that asked, in the window's words (never a command line).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QPushButton
from sqlalchemy import text

from app.domain.cases import CaseStatus
from app.domain.discipline import DisciplineAction, Regime
from app.domain.discipline.flow import DeliveryMethod, Stage
from app.domain.zones import agency_today
from app.services import cases, discipline, employees, evidence, report_building
from app.services.case_queries import CaseQuery, list_cases
from app.services.discipline import NoticeInput
from app.services.report_building import LetterKind
from app.ui.case_view.discipline.steps import pydate, qdate
from app.ui.report_dialog import ReportDialog
from tests.ui.discipline_views import discipline_case, open_discipline


def _flow(workspace, detail):
    return discipline.discipline_flow(
        workspace.database, workspace.actor, detail.id, detail.subjects[0].id
    )


def _plain(label: QLabel) -> str:
    return re.sub(r"<[^>]+>", "", label.text())


def _page(tab, key: str) -> None:
    tab.pages.setCurrentIndex(tab.pages.page_index[key])


def _submit(qtbot, view, button) -> None:
    """Click ``button`` and wait until the tab has reloaded after the step."""
    with qtbot.waitSignal(view.discipline.loaded, timeout=15_000):
        button.click()


def _notice(qtbot, view, tab, action: DisciplineAction, days: int | None = None) -> None:
    form = tab.notice_form
    _page(tab, "notice")
    form.action.setCurrentIndex(form.action.findData(action.value))
    if days is not None:
        form.days.setValue(days)
    qtbot.keyClicks(form.delivered_by, "Dana Cole, supervisor")
    _submit(qtbot, view, form.button)


def _response(qtbot, view, tab, tmp_path: Path) -> bytes:
    form = tab.response_form
    data = b"%PDF-1.4\n% the employee's written response\n"
    letter = tmp_path / "response.pdf"
    letter.write_bytes(data)
    qtbot.keyClicks(form.summary, "She admits the posts and asks for leniency.")
    form.add_paths([letter])
    _submit(qtbot, view, form.button)
    return data


def _confirm(qtbot, tab) -> str:
    qtbot.waitUntil(lambda: tab.confirm_box is not None and tab.confirm_box.isVisible())
    box = tab.confirm_box
    said = box.text() + " " + box.informativeText()
    return said


def _consistency_reason(qtbot, form) -> None:
    """The reason a decision goes beyond the agency's earlier ones, when the form asks for it.

    Kremer's written reprimand under Policy.5 is the earlier decision the demo's
    MODNR case is compared with: a suspension or a dismissal is harsher.
    """
    if form.departs():
        qtbot.keyClicks(form.consistency_reason, "Posted on duty, in uniform, after a warning.")


def _fill_decision(qtbot, tab) -> None:
    form = tab.decision_form
    _page(tab, "decision")
    qtbot.keyClicks(form.step, "Second step: a written reprimand in 2025.")
    qtbot.keyClicks(form.aggravating, "Posted on duty, in uniform.")
    qtbot.keyClicks(form.mitigating, "Admitted at once.")
    qtbot.keyClicks(form.steps, "Use social media only on breaks, on a personal device.")
    qtbot.keyClicks(form.consequence, "A repeat will lead to dismissal.")
    _consistency_reason(qtbot, form)


def _decide(qtbot, view, tab, *, confirm: bool, filled: bool = False) -> str:
    form = tab.decision_form
    if not filled:
        _fill_decision(qtbot, tab)
    if not confirm:
        _submit(qtbot, view, form.button)
        return ""
    form.button.click()
    said = _confirm(qtbot, tab)
    yes = tab.confirm_box.findChild(QPushButton, "confirmDecisionButton")
    _submit(qtbot, view, yes)
    return said


def test_missouri_suspension_from_notice_to_a_refused_appeal(
    workspace_for, open_view, find_case, qtbot, settle, tmp_path: Path
) -> None:
    hr = workspace_for("hr")
    detail = discipline_case(hr, find_case, "MODNR")
    view, tab = open_discipline(open_view, hr, detail, qtbot)
    # Findings, the employer's rules with citations, the agency's settings marked.
    assert detail.allegations[0].citation in tab.findings.toPlainText()
    assert "None: no earlier discipline" in tab.findings.toPlainText()
    rules = tab.rules.toPlainText()
    assert "RSMo 36.370" in rules and "\u2699 Agency settings" in rules
    assert "Carol Wendt" in rules
    assert tab.pages.showing("notice")
    assert "Notice page" in tab.state_label.text()

    # The notice: the deadline computed as it is typed, explained.
    form = tab.notice_form
    form.action.setCurrentIndex(form.action.findData(DisciplineAction.SUSPENSION.value))
    form.days.setValue(3)
    friday = dt.date(2026, 12, 18)  # Christmas Day falls in the window
    form.issued.setDate(form.issued.date().fromString(friday.isoformat(), "yyyy-MM-dd"))
    assert "<b>2026-12-28</b>" in form.due.text()
    assert "2026-12-25 Christmas Day" in form.due.text()
    assert "weekends" in form.due.text()
    assert "no appeal to the Administrative Hearing Commission" in tab.rules.toPlainText()
    assert "RSMo 36.390.2" in tab.rules.toPlainText()
    form.issued.setDate(qdate(agency_today("MO")))  # today, where the agency is
    qtbot.keyClicks(form.delivered_by, "Dana Cole, supervisor")
    _submit(qtbot, view, form.button)
    settle(hr)
    flow = _flow(hr, detail)
    assert flow.notice is not None and flow.notice.proposed_days == 3
    assert flow.notice.delivered_by == "Dana Cole, supervisor"
    assert flow.notice.delivery_method is DeliveryMethod.IN_PERSON
    assert tab.pages.showing("response")
    assert f"Response due {flow.notice.response_due}" in tab.record_label.text()

    # The response with the letter the employee handed in.
    data = _response(qtbot, view, tab, tmp_path)
    settle(hr)
    flow = _flow(hr, detail)
    assert flow.response is not None and flow.response.summary.startswith("She admits")
    (stored,) = flow.response.files
    assert stored.sha256 == hashlib.sha256(data).hexdigest()
    assert tab.pages.showing("decision")

    # The decision follows the notice; the suspension's dates are counted; confirmed first.
    decision = tab.decision_form
    assert decision.selected_action() is DisciplineAction.SUSPENSION
    assert decision.days.value() == 3
    assert "back at work" in decision.dates.text()
    # Made today where the agency is, unless HR gives the day it was made.
    today = agency_today("MO")
    assert pydate(decision.decided_on.date()) == today
    # A day before the response it must consider is refused beside that day, with the rule.
    _fill_decision(qtbot, tab)
    received = flow.response.received_on
    decision.decided_on.setDate(qdate(received - dt.timedelta(days=1)))
    decision.button.click()
    _confirm(qtbot, tab)
    tab.confirm_box.findChild(QPushButton, "confirmDecisionButton").click()
    beside = decision.findChild(QLabel, "decidedOnError")
    qtbot.waitUntil(beside.isVisible, timeout=15_000)
    assert f"received on {received}" in beside.text()
    assert f"the decision is made on or after {received}" in beside.text()
    assert "Loudermill" in beside.text() and not decision.error.isVisible()
    decision.decided_on.setDate(qdate(today))
    said = _decide(qtbot, view, tab, confirm=True, filled=True)
    assert "Record a suspension without pay (3 working days)" in said
    assert "no appeal to the Administrative Hearing Commission" in said
    settle(hr)
    flow = _flow(hr, detail)
    assert flow.decision is not None and flow.decision.suspension_days == 3
    assert flow.decision.decided_on == agency_today("MO")
    assert flow.decision.aggravating_factors == "Posted on duty, in uniform."
    assert flow.decision.return_to_work_on is not None
    assert flow.stage in (Stage.DECIDED, Stage.IN_FORCE)

    # An appeal the law does not give is refused beside the form.
    assert tab.pages.showing("appeal")
    assert "no appeal" in tab.appeal_form.statement.text()
    tab.appeal_form.button.click()
    error = tab.appeal_form.error
    qtbot.waitUntil(error.isVisible, timeout=10_000)
    assert "suspension without pay of 3 working days" in error.text()
    assert "more than 5 working days" in error.text() and "RSMo 36.390.2" in error.text()
    assert "casedesk" not in error.text()
    assert _flow(hr, detail).appeal is None


def test_missouri_dismissal_is_appealed_to_the_ahc_and_decided(
    workspace_for, open_view, find_case, qtbot, settle, tmp_path: Path
) -> None:
    hr = workspace_for("hr")
    detail = discipline_case(hr, find_case, "MODMH")
    view, tab = open_discipline(open_view, hr, detail, qtbot)
    _notice(qtbot, view, tab, DisciplineAction.DISMISSAL)
    _response(qtbot, view, tab, tmp_path)
    assert tab.decision_form.selected_action() is DisciplineAction.DISMISSAL
    said = _decide(qtbot, view, tab, confirm=True)
    assert "Record a dismissal of" in said
    assert "appeal this dismissal to the Administrative Hearing Commission" in said
    assert "30 calendar days" in said
    settle(hr)
    decided = _flow(hr, detail).decision
    # In effect after the day of the decision, whose letter comes first (RSMo 36.380).
    assert decided is not None and decided.effective_on > decided.decided_on
    assert "Administrative Hearing Commission" in tab.appeal_form.statement.text()
    assert "Last day to appeal" in tab.appeal_form.statement.text()

    _submit(qtbot, view, tab.appeal_form.button)
    settle(hr)
    flow = _flow(hr, detail)
    assert flow.appeal is not None and flow.appeal.body == "Administrative Hearing Commission"
    assert tab.appeal_form.outcome_box.isVisible()
    box = tab.appeal_form.outcome_box
    qtbot.keyClicks(tab.appeal_form.outcome_note, "The Commission upheld the dismissal.")
    _submit(qtbot, view, box.button)
    settle(hr)
    flow = _flow(hr, detail)
    assert flow.appeal is not None and flow.appeal.outcome is not None
    assert "Outcome: Upheld" in _plain(tab.record_label)


def test_ma_dys_provider_employee_is_referred_to_the_provider(
    workspace_for, open_view, find_case, qtbot, settle
) -> None:
    hr = workspace_for("hr")
    detail = discipline_case(hr, find_case, "MADYS")
    employee = detail.subjects[0]
    employees.set_regime(hr.database, hr.actor, employee.id, None)
    view, tab = open_discipline(open_view, hr, detail, qtbot)
    assert tab.regime_row.isVisible()
    assert "regime" in tab.state_label.text()
    tab.regime.setCurrentIndex(tab.regime.findData(Regime.PROVIDER.value))
    _submit(qtbot, view, tab.regime_button)
    settle(hr)
    # Only the referral page: DYS does not discipline a provider's employee.
    assert tab.pages.isTabVisible(tab.pages.page_index["referral"])
    assert not tab.pages.isTabVisible(tab.pages.page_index["decision"])
    assert tab.pages.showing("referral")
    assert "MA DYS 01.05.22" in tab.rules.toPlainText()
    form = tab.referral_form
    qtbot.keyClicks(form.provider, "Youth Care Partners, Inc.")
    _submit(qtbot, view, form.button)
    settle(hr)
    flow = _flow(hr, detail)
    assert flow.stage is Stage.REFERRED
    assert flow.referral is not None and flow.referral.provider == "Youth Care Partners, Inc."
    assert flow.referral.sent_by == "Harper HR"
    assert "Referred to Youth Care Partners" in _plain(tab.record_label)


def test_hr_withdraws_a_decision_with_the_reason(
    workspace_for, open_view, find_case, qtbot, settle
) -> None:
    hr = workspace_for("hr")
    detail = discipline_case(hr, find_case, "MODNR")
    view, tab = open_discipline(open_view, hr, detail, qtbot)
    _page(tab, "decision")
    form = tab.decision_form
    form.action.setCurrentIndex(form.action.findData(DisciplineAction.WRITTEN_REPRIMAND.value))
    assert "No pre-action notice is owed before a written reprimand" in tab.rules.toPlainText()
    _decide(qtbot, view, tab, confirm=False)  # a reprimand needs no confirmation
    settle(hr)
    assert _flow(hr, detail).decision is not None
    _page(tab, "decision")
    assert form.withdraw_button.isVisible() and form.withdraw_button.isEnabled()

    form.withdraw_button.click()
    dialog = tab.withdraw_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    said = dialog.findChild(QLabel).text()
    assert detail.subjects[0].full_name in said and "no longer counts" in said
    confirm = dialog.findChild(QPushButton, "confirmWithdrawButton")
    confirm.click()  # no reason: the dialog stays and says so
    assert dialog.isVisible() and "Give the reason" in dialog.error.text()
    qtbot.keyClicks(dialog.reason_edit, "Findings revised after the interview.")
    _submit(qtbot, view, confirm)
    settle(hr)
    flow = _flow(hr, detail)
    assert flow.decision is not None and flow.decision.withdrawn
    assert flow.stage is Stage.WITHDRAWN
    assert "Withdrawn by Harper HR: Findings revised" in _plain(tab.record_label)
    assert not form.withdraw_button.isVisible()
    assert form.button.isEnabled()  # a new decision may follow


# -- one test per refusal shown in the form ------------------------------------------------


def test_a_suspension_without_a_notice_is_refused_beside_the_decision(
    workspace_for, open_view, find_case, qtbot
) -> None:
    hr = workspace_for("hr")
    detail = discipline_case(hr, find_case, "MODNR")
    view, tab = open_discipline(open_view, hr, detail, qtbot)
    form = tab.decision_form
    _page(tab, "decision")
    form.action.setCurrentIndex(form.action.findData(DisciplineAction.SUSPENSION.value))
    form.days.setValue(2)
    qtbot.keyClicks(form.steps, "Training.")
    qtbot.keyClicks(form.consequence, "Dismissal.")
    _consistency_reason(qtbot, form)
    form.button.click()
    _confirm(qtbot, tab)
    tab.confirm_box.findChild(QPushButton, "confirmDecisionButton").click()
    qtbot.waitUntil(form.error.isVisible, timeout=10_000)
    assert "needs a pre-action notice" in form.error.text()
    assert "Loudermill" in form.error.text()
    assert "casedesk" not in form.error.text()
    assert _flow(hr, detail).decision is None


def test_a_decision_while_the_response_window_is_open_is_refused(
    workspace_for, open_view, find_case, qtbot
) -> None:
    hr = workspace_for("hr")
    detail = discipline_case(hr, find_case, "MODNR")
    view, tab = open_discipline(open_view, hr, detail, qtbot)
    _notice(qtbot, view, tab, DisciplineAction.SUSPENSION, 2)
    form = tab.decision_form
    _page(tab, "decision")
    qtbot.keyClicks(form.steps, "Training.")
    qtbot.keyClicks(form.consequence, "Dismissal.")
    _consistency_reason(qtbot, form)
    form.button.click()
    _confirm(qtbot, tab)
    tab.confirm_box.findChild(QPushButton, "confirmDecisionButton").click()
    qtbot.waitUntil(form.error.isVisible, timeout=10_000)
    assert "to respond to the notice" in form.error.text()
    assert _flow(hr, detail).decision is None


def test_no_response_before_the_deadline_is_refused(
    workspace_for, open_view, find_case, qtbot
) -> None:
    hr = workspace_for("hr")
    detail = discipline_case(hr, find_case, "MODNR")
    view, tab = open_discipline(open_view, hr, detail, qtbot)
    _notice(qtbot, view, tab, DisciplineAction.SUSPENSION, 2)
    form = tab.response_form
    form.none_came.setChecked(True)
    assert not form.summary.isEnabled()
    form.button.click()
    qtbot.waitUntil(form.error.isVisible, timeout=10_000)
    assert "The response window is open until" in form.error.text()
    assert _flow(hr, detail).response is None


def test_a_notice_dated_in_the_future_is_refused_beside_its_date(
    workspace_for, open_view, find_case, qtbot
) -> None:
    hr = workspace_for("hr")
    detail = discipline_case(hr, find_case, "MODNR")
    view, tab = open_discipline(open_view, hr, detail, qtbot)
    form = tab.notice_form
    form.issued.setDate(form.issued.date().addDays(3))
    qtbot.keyClicks(form.delivered_by, "Dana Cole, supervisor")
    form.button.click()
    message = tab.findChild(QLabel, "noticeDateError")
    qtbot.waitUntil(message.isVisible, timeout=10_000)
    assert "is in the future" in message.text()
    assert not form.error.isVisible()
    assert _flow(hr, detail).notice is None


def test_a_decision_beyond_the_notice_is_refused(
    workspace_for, open_view, find_case, qtbot, tmp_path: Path
) -> None:
    hr = workspace_for("hr")
    detail = discipline_case(hr, find_case, "MODNR")
    view, tab = open_discipline(open_view, hr, detail, qtbot)
    _notice(qtbot, view, tab, DisciplineAction.SUSPENSION, 2)
    _response(qtbot, view, tab, tmp_path)
    form = tab.decision_form
    form.action.setCurrentIndex(form.action.findData(DisciplineAction.DISMISSAL.value))
    qtbot.keyClicks(form.steps, "None.")
    qtbot.keyClicks(form.consequence, "Not applicable.")
    _consistency_reason(qtbot, form)
    form.button.click()
    _confirm(qtbot, tab)
    tab.confirm_box.findChild(QPushButton, "confirmDecisionButton").click()
    qtbot.waitUntil(form.error.isVisible, timeout=10_000)
    assert "The notice proposed a suspension without pay" in form.error.text()
    assert "Give a new pre-action notice" in form.error.text()
    assert _flow(hr, detail).decision is None


def test_a_suspension_over_the_cap_is_refused_beside_the_override(
    workspace_for, open_view, find_case, qtbot, settle
) -> None:
    hr = workspace_for("hr")
    detail = discipline_case(hr, find_case, "MODNR")
    employee = detail.subjects[0]
    discipline.issue_notice(
        hr.database, hr.actor, detail.id,
        NoticeInput(employee.id, DisciplineAction.SUSPENSION, agency_today("MO"),
                    DeliveryMethod.EMAIL, "HR office", proposed_days=25),
    )  # fmt: skip
    discipline.record_response(
        hr.database, hr.actor, detail.id, employee.id,
        received_on=agency_today("MO"), summary="Asks for a shorter suspension.",
    )  # fmt: skip
    view, tab = open_discipline(open_view, hr, detail, qtbot)
    form = tab.decision_form
    assert form.days.value() == 25
    qtbot.waitUntil(lambda: form.cap is not None and form.cap.requested_days == 25)
    assert "25 of the cap of 20" in form.cap_label.text()
    assert form.override.isVisible() and not form.override_reason.isVisible()
    qtbot.keyClicks(form.steps, "Training.")
    qtbot.keyClicks(form.consequence, "Dismissal.")
    _consistency_reason(qtbot, form)
    form.button.click()
    _confirm(qtbot, tab)
    tab.confirm_box.findChild(QPushButton, "confirmDecisionButton").click()
    qtbot.waitUntil(form.override_error.isVisible, timeout=10_000)
    assert "RSMo 36.370" in form.override_error.text()
    assert _flow(hr, detail).decision is None


def test_a_notice_without_who_delivered_it_is_refused_beside_the_field(
    workspace_for, open_view, find_case, qtbot
) -> None:
    hr = workspace_for("hr")
    detail = discipline_case(hr, find_case, "MODNR")
    view, tab = open_discipline(open_view, hr, detail, qtbot)
    tab.notice_form.button.click()
    message = tab.findChild(QLabel, "noticeDeliveredByError")
    qtbot.waitUntil(message.isVisible, timeout=10_000)
    assert "Delivered by is required" in message.text()


# -- read-only and reports -----------------------------------------------------------------


def test_an_investigator_sees_the_tab_read_only_and_prior_discipline(
    workspace_for, open_view, find_case, qtbot
) -> None:
    ivy = workspace_for("investigator")
    # Kremer's open case: his closed case ended in a written reprimand.
    detail = find_case(
        ivy, CaseStatus.INVESTIGATING,
        lambda d: any(s.full_name.endswith("Kremer") for s in d.subjects),
    )  # fmt: skip
    view, tab = open_discipline(open_view, ivy, detail, qtbot)
    # Each value of the prior-discipline line is kept whole (no break at a space or hyphen).
    shown = tab.findings.toPlainText()
    assert "Written reprimand" in shown and "MODNR-\u20602025-\u20600001" in shown
    assert not tab.decision_form.button.isVisible()
    assert not tab.notice_form.button.isVisible()
    assert not tab.report_button.isVisible()
    assert not tab.decision_form.action.isEnabled()
    assert not tab.response_form.summary.isEnabled()
    assert not tab.notice_form.delivered_by.isEnabled()


def test_generate_report_then_save_and_open(
    workspace_for, open_view, find_case, qtbot, settle, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    hr = workspace_for("hr")
    detail = find_case(hr, CaseStatus.CLOSED, lambda d: d.agency_code == "MODNR")
    view, tab = open_discipline(open_view, hr, detail, qtbot)
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
    detail = discipline_case(hr, find_case, "MODNR")
    view, tab = open_discipline(open_view, hr, detail, qtbot)
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
    detail = discipline_case(hr, find_case, "MODNR")
    data = (Path(__file__).parent.parent / "data" / "good2.png").read_bytes()
    item = evidence.add_evidence(ivy.database, ivy.actor, detail.id, data,
                                 original_filename="post.png")  # fmt: skip
    with hr.database.engine.begin() as connection:
        connection.execute(
            text("UPDATE evidence_blobs SET data = :d WHERE sha256 = :s"),
            {"d": b"altered", "s": item.sha256},
        )
    view, tab = open_discipline(open_view, hr, detail, qtbot)
    tab.report_button.click()
    dialog = view.report_dialog
    assert dialog is not None
    with qtbot.waitSignal(hr.errors.shown, timeout=30_000) as shown:
        dialog.generate_button.click()
    assert f"Evidence item {item.id} (post.png" in shown.args[1]
    assert "No report was generated" in dialog.result_label.text()
    assert not dialog.open_button.isEnabled()
    assert report_building.list_generated(hr.database, hr.actor, detail.id) == []


# -- the letters of the process ------------------------------------------------------------


STANDARD = "preponderance of the evidence"


def _dismissal_appealed(hr):
    """The demo's MO DNR dismissal, appealed to the Administrative Hearing Commission."""
    for status in CaseStatus:
        for row in list_cases(hr.database, hr.actor,
                              CaseQuery(statuses=frozenset({status}))).rows:  # fmt: skip
            detail = cases.get_case(hr.database, hr.actor, row.id)
            if detail.agency_code != "MODNR" or len(detail.subjects) != 1:
                continue
            flow = _flow(hr, detail)
            if flow.decision is not None and flow.decision.action is DisciplineAction.DISMISSAL:
                assert flow.appeal is not None
                return detail
    raise AssertionError("the demo has no MO DNR dismissal")


def test_decision_letter_of_the_appealed_dismissal_is_opened_from_letters(
    workspace_for, open_view, qtbot, settle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    hr = workspace_for("hr")
    detail = _dismissal_appealed(hr)
    view, tab = open_discipline(open_view, hr, detail, qtbot)
    letters = tab.letters
    assert letters.isVisible() and letters.isEnabled()
    notice, decision = letters.action(LetterKind.NOTICE), letters.action(LetterKind.DECISION)
    closure = letters.action(LetterKind.CLOSURE)
    assert notice.isEnabled() and decision.isEnabled()
    assert not letters.action(LetterKind.DECISION, draft=True).isVisible()
    # Substantiated: a decision, never a closure (and no draft of one).
    assert not closure.isEnabled() and "substantiated" in closure.toolTip()
    assert not letters.action(LetterKind.CLOSURE, draft=True).isVisible()
    before = report_building.list_generated(hr.database, hr.actor, detail.id)

    # Without MO DNR's standard of proof (an administrator's setting, no default): refused,
    # in the window's words, beside the button; nothing is recorded.
    admin = workspace_for("admin")
    discipline.set_agency_value(admin.database, admin.actor, "MODNR",
                                "discipline.standard_of_proof", None)  # fmt: skip
    with qtbot.waitSignal(letters.refused, timeout=30_000, check_params_cb=bool) as said:
        decision.trigger()
    assert "'discipline.standard_of_proof'" in said.args[0] and "casedesk" not in said.args[0]
    assert tab.letter_error.isVisible() and tab.letter_error.text() == said.args[0]
    assert letters.dialog is None
    assert report_building.list_generated(hr.database, hr.actor, detail.id) == before
    discipline.set_agency_value(admin.database, admin.actor, "MODNR",
                                "discipline.standard_of_proof", STANDARD)  # fmt: skip

    with qtbot.waitSignal(letters.produced, timeout=30_000) as made:
        decision.trigger()
    info = made.args[0]
    dialog = letters.dialog
    assert dialog is not None and dialog.isVisible() and info.sha256 in dialog.result_label.text()
    (recorded,) = [
        r for r in report_building.list_generated(hr.database, hr.actor, detail.id)
        if r.sha256 == info.sha256
    ]  # fmt: skip
    assert recorded.kind == "decision"
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as written:
        dialog.open_button.click()
    settle(hr)
    path = Path(written.args[0])
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert path.parent == Path(documents) / "Casedesk"
    assert opened and opened[0].toLocalFile() == str(path)
    shown = "".join(page.extract_text() for page in PdfReader(path).pages)
    shown = re.sub(r"\s+", " ", shown)
    assert "Decision:" in shown and "dismissal" in shown.lower()
    assert "Administrative Hearing Commission" in shown
    assert "DRAFT" not in shown and STANDARD in shown
    assert not tab.letter_error.isVisible()


def test_without_a_notice_only_a_draft_is_offered_and_a_missing_setting_is_refused(
    workspace_for, open_view, find_case, qtbot
) -> None:
    admin, hr = workspace_for("admin"), workspace_for("hr")
    detail = discipline_case(hr, find_case, "MODNR")
    assert _flow(hr, detail).notice is None
    for key, value in (("discipline.standard_of_proof", STANDARD), ("hr.contact", None)):
        discipline.set_agency_value(admin.database, admin.actor, "MODNR", key, value)
    view, tab = open_discipline(open_view, hr, detail, qtbot)
    letters = tab.letters
    notice, draft = letters.action(LetterKind.NOTICE), letters.action(LetterKind.NOTICE, True)
    assert not notice.isEnabled() and "No pre-action notice is on record" in notice.toolTip()
    assert draft.isVisible() and draft.isEnabled()
    assert draft.text().startswith("Draft ") and draft.text().endswith("(watermarked)…")
    decision = letters.action(LetterKind.DECISION)
    assert not decision.isEnabled() and "No decision is on record" in decision.toolTip()
    assert letters.action(LetterKind.DECISION, True).isVisible()

    before = report_building.list_generated(hr.database, hr.actor, detail.id)
    with qtbot.waitSignal(letters.refused, timeout=30_000, check_params_cb=bool) as said:
        draft.trigger()
    message = said.args[0]
    assert "'hr.contact'" in message and "casedesk" not in message and "--" not in message
    qtbot.waitUntil(tab.letter_error.isVisible)
    assert tab.letter_error.text() == message
    assert letters.dialog is None and letters.isEnabled()
    assert report_building.list_generated(hr.database, hr.actor, detail.id) == before
