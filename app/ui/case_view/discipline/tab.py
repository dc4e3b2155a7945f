"""The Discipline tab: the due-process flow of each subject employee, step by step.

For the employee chosen, the left side shows the findings, the prior
discipline and the employer's rules that apply (with their citations; the
agency's own settings marked as such), and the rules for the action being
typed in a form as it changes. The right side holds one page per step
(:mod:`.pages`); the page of the next step opens by itself. Each step is
recorded by :mod:`.recording`: a refusal shows beside the form that asked; a
suspension, demotion or dismissal is confirmed first with what follows
(:mod:`.confirm`).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.actor import Actor
from app.domain.discipline import CapCheck, DisciplineAction, Regime, pack_for
from app.domain.discipline.flow import Stage
from app.domain.permissions import Permission
from app.services import discipline, employees
from app.services.cases import CaseDetail
from app.services.database import Database
from app.services.discipline import (
    CaseDiscipline,
    DisciplineFlow,
    EmployeeComparables,
    case_comparables,
)
from app.ui.case_view import labels
from app.ui.case_view.discipline.consistency import comparables_html
from app.ui.case_view.discipline.drafts import StepDrafts, step_keys
from app.ui.case_view.discipline.letters import LettersButton
from app.ui.case_view.discipline.pages import StepPages
from app.ui.case_view.discipline.recording import StepRecording
from app.ui.case_view.discipline.steps import (
    pydate,
)
from app.ui.case_view.discipline.text import (
    action_text,
    findings_html,
    next_step,
    prior_html,
    record_html,
    response_preview,
    rules_for_action,
    rules_html,
)
from app.ui.case_view.discipline.withdraw import WithdrawDecisionDialog
from app.ui.case_view.support import alive
from app.ui.form_drafts import ask_discard
from app.ui.form_messages import ErrorLabel
from app.ui.workspace import Workspace


def load_discipline(
    database: Database, actor: Actor, case_id: int
) -> tuple[CaseDiscipline, tuple[DisciplineFlow, ...], tuple[EmployeeComparables, ...]]:
    """The case's discipline, each subject's flow and comparables (run in the background)."""
    return (
        discipline.case_discipline(database, actor, case_id),
        discipline.flows(database, actor, case_id),
        case_comparables(database, actor, case_id),
    )


class DisciplineTab(QWidget):
    """The due-process flow of a case's subject employees."""

    case_touched = Signal()  #: a step was recorded: reload the case
    loaded = Signal()  #: the case's discipline is shown
    report_requested = Signal()  #: the user asked for "Generate report…"

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.case_id: int | None = None
        self.overview: CaseDiscipline | None = None
        self.flows: dict[int, DisciplineFlow] = {}
        self.comparables: dict[int, EmployeeComparables] = {}
        self._load_request = 0
        self._cap_request = 0
        self.may_record = workspace.can(Permission.DISCIPLINE_RECORD)

        self.employee = QComboBox()
        self.employee.setObjectName("disciplineEmployee")
        self.state_label = QLabel()
        self.state_label.setObjectName("disciplineState")
        self.state_label.setWordWrap(True)
        self.record_label = QLabel()
        self.record_label.setObjectName("disciplineRecord")
        self.record_label.setWordWrap(True)
        self.regime = QComboBox()
        self.regime.setObjectName("regimeChoice")
        self.regime_button = QPushButton(self.tr("Record &regime"))
        self.regime_button.setObjectName("recordRegimeButton")
        self.regime_row = QWidget()
        regime_layout = QHBoxLayout(self.regime_row)
        regime_layout.setContentsMargins(0, 0, 0, 0)
        regime_layout.addWidget(QLabel(self.tr("Regime:")))
        regime_layout.addWidget(self.regime, 1)
        regime_layout.addWidget(self.regime_button)
        self.regime_row.setVisible(False)

        self.findings = QTextBrowser()
        self.findings.setObjectName("disciplineFindings")
        self.rules = QTextBrowser()
        self.rules.setObjectName("agencyRules")
        self.left = left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.findings)
        left.addWidget(self.rules)
        left.setChildrenCollapsible(False)

        self.pages = StepPages()
        self.notice_form = self.pages.notice_form
        self.response_form = self.pages.response_form
        self.decision_form = self.pages.decision_form
        self.appeal_form = self.pages.appeal_form
        self.referral_form = self.pages.referral_form
        self.step_forms = self.pages.forms
        #: What each form was filled for: a reload leaves a form the user changed.
        self.drafts = StepDrafts()
        self._shown_employee: int | None = None
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.record_label)
        right_layout.addWidget(self.pages, 1)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([520, 780])
        left.setSizes([300, 300])

        self.report_button = QPushButton(self.tr("Generate report…"))
        self.report_button.setObjectName("generateReportButton")
        self.letters = LettersButton(workspace)
        if not workspace.can(Permission.REPORT_GENERATE):
            # Hidden before they have a parent: never windows of their own.
            self.report_button.hide()
            self.letters.hide()
        self.letter_error = ErrorLabel()
        self.letter_error.setObjectName("letterError")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Employee:")))
        top.addWidget(self.employee, 1)
        top.addWidget(self.letters)
        top.addWidget(self.report_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.letter_error)
        layout.addWidget(self.state_label)
        layout.addWidget(self.regime_row)
        layout.addWidget(splitter, 1)

        for form in self.step_forms.values():
            form.button.setVisible(self.may_record)
        self.decision_form.withdraw_button.setVisible(self.may_record)
        self.appeal_form.outcome_box.button.setVisible(self.may_record)
        self._cap_timer = QTimer(self)
        self._cap_timer.setSingleShot(True)
        self._cap_timer.setInterval(250)
        self._cap_timer.timeout.connect(self.on_cap_timer_timeout)

        #: Records each step typed in the pages (confirmed first where it is grave).
        self.steps = StepRecording(
            workspace, self.pages, self.current_flow, lambda: self.case_id, self
        )
        self.steps.recorded.connect(self.case_touched)
        self.employee.currentIndexChanged.connect(self.on_employee_changed)
        self.report_button.clicked.connect(self.report_requested)
        self.letters.refused.connect(self.letter_error.show_message)
        self.regime_button.clicked.connect(self.on_regime_clicked)
        self.pages.currentChanged.connect(self.on_page_changed)
        self.notice_form.changed.connect(self.on_notice_changed)
        self.decision_form.action_changed.connect(self.show_rules)
        self.decision_form.cap_inputs_changed.connect(self.on_cap_inputs_changed)

    @property
    def confirm_box(self) -> QMessageBox | None:
        """The question before a grave decision, while it is open."""
        return self.steps.confirm_box

    @property
    def withdraw_dialog(self) -> WithdrawDecisionDialog | None:
        """The withdrawal's dialog, while it is open."""
        return self.steps.withdraw_dialog

    # -- loading ---------------------------------------------------------------------------

    def set_case(self, detail: CaseDetail) -> None:
        """Load the discipline of ``detail``'s case (in the background)."""
        self.case_id = detail.id
        self._load_request += 1
        request = self._load_request
        self.workspace.call(
            load_discipline,
            detail.id,
            on_success=alive(self, lambda loaded: self._on_loaded(request, *loaded)),
            parent=self,
        )

    def _on_loaded(
        self, request: int, overview: CaseDiscipline, flows: tuple[DisciplineFlow, ...],
        comparables: tuple[EmployeeComparables, ...],
    ) -> None:  # fmt: skip
        if request != self._load_request:
            return
        keep = self.employee.currentData()
        self.overview = overview
        self.comparables = {c.employee_id: c for c in comparables}
        self.flows = {f.employee.id: f for f in flows}
        self.employee.blockSignals(True)
        self.employee.clear()
        for flow in flows:
            self.employee.addItem(flow.employee.full_name, flow.employee.id)
        self.employee.setCurrentIndex(max(self.employee.findData(keep), 0))
        self.employee.blockSignals(False)
        self.employee.setEnabled(len(flows) > 1)
        self._show_employee()
        self.loaded.emit()

    def current_flow(self) -> DisciplineFlow | None:
        """The flow of the employee shown."""
        return self.flows.get(self.employee.currentData())

    def _show_employee(self) -> None:
        flow = self.current_flow()
        self.letters.set_flow(flow)
        self.letter_error.clear_message()
        if flow is None or self.overview is None:
            self.state_label.setText(self.tr("This case has no subject employee."))
            self.findings.clear()
            self.rules.clear()
            self.record_label.clear()
            self.pages.disable_all()
            return
        finding_names = labels.finding_labels()
        compared = self.comparables.get(flow.employee.id)
        self.findings.setHtml(
            findings_html(flow, finding_names) + prior_html(flow)
            + (comparables_html(compared.citations, compared.comparables) if compared else "")
        )  # fmt: skip
        self.decision_form.set_comparables(compared.comparables if compared else ())
        may = self.may_record and self.overview.may_decide
        self.state_label.setText(
            f"<b>{html.escape(flow.stage.label)}.</b> "
            + html.escape(next_step(flow, may or flow.stage is Stage.NO_GROUNDS))
        )
        self.record_label.setText(record_html(flow))
        self._show_regime(flow)
        keys = step_keys(flow)
        filled = self.pages.fill(flow, keys, self.drafts, self.workspace.actor.full_name)
        self.pages.enable(
            flow, may=may, may_record=self.may_record,
            may_withdraw=self.overview.may_withdraw,
        )  # fmt: skip
        for step in filled:
            self.drafts.filled(step, self.step_forms[step], keys[step])
        self._shown_employee = flow.employee.id
        self.pages.show_next_step(flow)
        self.show_rules()
        QTimer.singleShot(0, self, self.fit_findings)

    @Slot()
    def fit_findings(self) -> None:
        """Findings no taller than they are, so the rules below get the room left."""
        total = sum(self.left.sizes())
        if total <= 0:
            return
        document = self.findings.document()
        document.setTextWidth(self.findings.viewport().width())
        wanted = int(document.size().height()) + 2 * self.findings.frameWidth() + 4
        top = min(wanted, total // 2)
        self.left.setSizes([top, total - top])

    def _show_regime(self, flow: DisciplineFlow) -> None:
        unknown = flow.regime is None
        manage = self.workspace.can(Permission.EMPLOYEE_MANAGE)
        self.regime_row.setVisible(unknown and manage)
        if unknown:
            self.regime.clear()
            pack = pack_for(flow.agency_code, flow.jurisdiction)
            for regime in sorted(pack.regimes):
                self.regime.addItem(Regime(regime).label, regime.value)

    # -- the rules for the action in the form ------------------------------------------------

    @Slot()
    def show_rules(self) -> None:
        """The rules that apply, with those of the action in the page shown."""
        flow = self.current_flow()
        if flow is None:
            return
        if self.pages.showing("notice"):
            action = self.notice_form.selected_action()
            days = self.notice_form.days.value()
        elif self.pages.showing("decision"):
            action = self.decision_form.selected_action()
            days = self.decision_form.days.value()
        elif flow.decision is not None:
            action, days = flow.decision.action, flow.decision.suspension_days or 0
        elif flow.notice is not None:
            action, days = flow.notice.proposed_action, flow.notice.proposed_days or 0
        else:
            action, days = None, 0
        items = rules_for_action(flow, action, days) if action is not None else []
        heading = self.tr("For a {0}:").format(action_text(action, days).lower()) if action else ""
        bar = self.rules.verticalScrollBar().value()
        self.rules.setHtml(rules_html(flow, items, heading))
        self.rules.verticalScrollBar().setValue(bar)

    @Slot(int)
    def on_page_changed(self, _index: int) -> None:
        """Another step's page: the rules of its action."""
        self.show_rules()

    @Slot()
    def on_notice_changed(self) -> None:
        """The notice's date or window changed: the deadline, explained; the rules."""
        flow = self.current_flow()
        if flow is None:
            return
        due, note = response_preview(
            flow, pydate(self.notice_form.issued.date()), self.notice_form.window_days.value()
        )
        self.notice_form.show_due(due, note)
        self.show_rules()

    # -- the cap ---------------------------------------------------------------------------

    @Slot()
    def on_cap_inputs_changed(self) -> None:
        if self.decision_form.selected_action() is DisciplineAction.SUSPENSION:
            self._cap_timer.start()

    @Slot()
    def on_cap_timer_timeout(self) -> None:
        """Ask how the suspension typed so far stands against the cap."""
        flow = self.current_flow()
        if self.case_id is None or flow is None:
            return
        self._cap_request += 1
        request = self._cap_request
        self.workspace.call(
            discipline.suspension_standing,
            self.case_id,
            flow.employee.id,
            pydate(self.decision_form.effective.date()),
            self.decision_form.days.value(),
            on_success=alive(self, lambda c: self._on_cap(request, c)),
            on_failure=alive(self, lambda _e: None),
            parent=self,
        )

    def _on_cap(self, request: int, cap: CapCheck) -> None:
        if request == self._cap_request:
            self.decision_form.show_cap(cap)

    # -- the regime ------------------------------------------------------------------------

    @Slot()
    def on_regime_clicked(self) -> None:
        """Record the employee's regime."""
        flow = self.current_flow()
        if flow is None or self.regime.currentData() is None:
            return
        self.workspace.call(
            employees.set_regime, flow.employee.id, Regime(self.regime.currentData()),
            on_success=alive(self, lambda _r: self.case_touched.emit()),
            parent=self,
        )  # fmt: skip

    # -- another employee -----------------------------------------------------------------

    @Slot(int)
    def on_employee_changed(self, _index: int) -> None:
        """Another subject chosen: their flow, once the work in the forms may go."""
        shown = self._shown_employee
        if shown is not None and shown != self.employee.currentData():
            unrecorded = self.unrecorded()
            if unrecorded and not ask_discard(self, unrecorded):
                self.employee.blockSignals(True)
                self.employee.setCurrentIndex(self.employee.findData(shown))
                self.employee.blockSignals(False)
                return
        self._show_employee()

    def unrecorded(self) -> list[str]:
        """The forms holding work that is not recorded, each said for the user."""
        flow = self.flows.get(self._shown_employee) if self._shown_employee is not None else None
        if flow is None:
            return []
        name = flow.employee.full_name
        said = {
            "notice": self.tr("the pre-action notice to {0}"),
            "response": self.tr("the response of {0}"),
            "decision": self.tr("the decision for {0}"),
            "appeal": self.tr("the appeal of {0}"),
            "referral": self.tr("the referral of {0}"),
        }
        return [said[step].format(name) for step in self.drafts.changed(self.step_forms)]

    @property
    def shown_employee(self) -> int | None:
        """The employee whose flow the step forms show (and hold the work of)."""
        return self._shown_employee

    def unrecorded_steps(self) -> list[tuple[str, str, QWidget]]:
        """Each form :meth:`unrecorded` names, with its step and widget (to keep its
        typed text)."""
        said = self.unrecorded()
        if not said:
            return []
        changed = self.drafts.changed(self.step_forms)
        return [
            (words, step, self.step_forms[step]) for words, step in zip(said, changed, strict=True)
        ]
