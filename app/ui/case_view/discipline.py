"""The Discipline tab: findings per allegation, HR's decision, and prior discipline.

For each subject employee the tab shows the allegations with their findings
and reasoning, the decision form (progressive discipline, effective date,
steps to correct, consequence of a repeat, response deadline), and beside it
the employee's earlier discipline and the agency's rules. HR may withdraw the
decision in force, with a reason, while the case is open. A suspension is
checked against the agency's cap while it is typed; when it would go over,
an override checkbox and a reason field appear. Messages about a field show
next to it.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QDate, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.cases import Finding
from app.domain.discipline import SUSPENSION_DAYS_MAX, CapCheck, CapExceeded, DisciplineAction
from app.domain.errors import InvalidInput, Refused
from app.domain.permissions import Permission
from app.services import discipline
from app.services.cases import CaseDetail
from app.services.discipline import (
    CaseDiscipline,
    DisciplineInfo,
    DisciplineInput,
    EmployeeDiscipline,
)
from app.ui.case_view import labels
from app.ui.case_view.discipline_withdraw import WithdrawDecisionDialog
from app.ui.case_view.support import ErrorLabel, alive, local_time
from app.ui.confirm import confirm_discipline
from app.ui.i18n import tr
from app.ui.workspace import Workspace

_C = "DisciplineTab"


def action_labels() -> dict[DisciplineAction, str]:
    """The ladder of progressive discipline, in the user's language."""
    return {
        DisciplineAction.COUNSELING: tr(_C, "Counseling"),
        DisciplineAction.VERBAL_REPRIMAND: tr(_C, "Verbal reprimand"),
        DisciplineAction.WRITTEN_REPRIMAND: tr(_C, "Written reprimand"),
        DisciplineAction.SUSPENSION: tr(_C, "Suspension without pay"),
        DisciplineAction.DEMOTION: tr(_C, "Demotion"),
        DisciplineAction.DISMISSAL: tr(_C, "Dismissal"),
    }


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def _action_text(action: DisciplineAction, days: int | None) -> str:
    text = action_labels()[action]
    if action is DisciplineAction.SUSPENSION and days:
        text = tr(_C, "{0} ({1} working days)").format(text, days)
    return text


class DisciplineTab(QWidget):
    """Findings, the decision form and prior discipline for one case."""

    case_touched = Signal()  #: a decision was recorded: reload the case
    loaded = Signal()  #: the case's discipline is shown
    report_requested = Signal()  #: the user asked for "Generate report…"

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.case_id: int | None = None
        self.overview: CaseDiscipline | None = None
        self.cap: CapCheck | None = None
        self._edited = False
        self._load_request = 0
        self._cap_request = 0
        may_record = workspace.can(Permission.DISCIPLINE_RECORD)

        self.employee = QComboBox()
        self.employee.setObjectName("disciplineEmployee")
        self.findings = QTextBrowser()
        self.findings.setObjectName("disciplineFindings")
        self.findings.setOpenLinks(False)

        self.action = QComboBox()
        self.action.setObjectName("disciplineAction")
        for action, text in action_labels().items():
            self.action.addItem(text, action.value)
        self.days = QSpinBox()
        self.days.setObjectName("suspensionDays")
        self.days.setRange(1, SUSPENSION_DAYS_MAX)
        self.days.setSuffix(self.tr(" working days"))
        self.days_error = ErrorLabel()
        self.effective = QDateEdit()
        self.effective.setObjectName("effectiveDate")
        self.effective.setCalendarPopup(True)
        self.effective.setDisplayFormat("yyyy-MM-dd")
        self.effective.setDate(_qdate(dt.date.today()))
        self.steps = QPlainTextEdit()
        self.steps.setObjectName("stepsToCorrect")
        self.steps.setTabChangesFocus(True)
        self.steps.setPlaceholderText(self.tr("What the employee must do to correct the conduct."))
        self.steps_error = ErrorLabel()
        self.consequence = QPlainTextEdit()
        self.consequence.setObjectName("repeatConsequence")
        self.consequence.setTabChangesFocus(True)
        self.consequence.setPlaceholderText(self.tr("What a repeat will lead to."))
        self.consequence_error = ErrorLabel()
        self.response_due = QDateEdit()
        self.response_due.setObjectName("responseDue")
        self.response_due.setCalendarPopup(True)
        self.response_due.setDisplayFormat("yyyy-MM-dd")
        self.response_error = ErrorLabel()
        self.status_pending = QLineEdit()
        self.status_pending.setObjectName("statusPending")
        self.status_pending.setPlaceholderText(
            self.tr("e.g. on paid administrative leave pending the decision")
        )
        self.status_error = ErrorLabel()
        self.cap_label = QLabel()
        self.cap_label.setObjectName("capStanding")
        self.cap_label.setWordWrap(True)
        self.override = QCheckBox(self.tr("Override the suspension cap"))
        self.override.setObjectName("capOverride")
        self.override_reason = QPlainTextEdit()
        self.override_reason.setObjectName("capOverrideReason")
        self.override_reason.setTabChangesFocus(True)
        self.override_reason.setPlaceholderText(self.tr("Why the cap is exceeded (audited)."))
        self.override_reason.setMaximumHeight(70)
        for edit in (self.steps, self.consequence):
            edit.setMaximumHeight(140)
        self.override_error = ErrorLabel()
        self.override_error.setObjectName("capOverrideError")
        self.form_error = ErrorLabel()
        self.form_error.setObjectName("disciplineError")
        self.record_button = QPushButton(self.tr("Record decision"))
        self.record_button.setObjectName("recordDisciplineButton")
        self.record_button.setVisible(may_record)
        self.withdraw_button = QPushButton(self.tr("&Withdraw decision…"))
        self.withdraw_button.setObjectName("withdrawDisciplineButton")
        self.withdraw_button.setToolTip(
            self.tr("Withdraw the decision in force, with the reason (audited).")
        )
        self.withdraw_button.setVisible(may_record)
        self.withdraw_dialog: WithdrawDecisionDialog | None = None
        self.report_button = QPushButton(self.tr("Generate report…"))
        self.report_button.setObjectName("generateReportButton")
        self.report_button.setVisible(workspace.can(Permission.REPORT_GENERATE))
        self.state_label = QLabel()
        self.state_label.setObjectName("disciplineState")
        self.state_label.setWordWrap(True)

        self.decision_box = QGroupBox(self.tr("Decision under progressive discipline"))
        form = QFormLayout()
        form.addRow(self.state_label)
        form.addRow(self.tr("&Action:"), self.action)
        self.days_label = QLabel(self.tr("&Suspension:"))
        self.days_label.setBuddy(self.days)
        form.addRow(self.days_label, self.days)
        form.addRow(self.days_error)
        form.addRow(self.cap_label)
        form.addRow(self.override)
        self.override_reason_label = QLabel(self.tr("Override &reason:"))
        self.override_reason_label.setBuddy(self.override_reason)
        form.addRow(self.override_reason_label, self.override_reason)
        form.addRow(self.override_error)
        form.addRow(self.tr("&Effective date:"), self.effective)
        form.addRow(self.tr("S&teps to correct:"), self.steps)
        form.addRow(self.steps_error)
        form.addRow(self.tr("If &repeated:"), self.consequence)
        form.addRow(self.consequence_error)
        form.addRow(self.tr("Response &due by:"), self.response_due)
        form.addRow(self.response_error)
        self.status_label = QLabel(self.tr("Status &pending decision:"))
        self.status_label.setBuddy(self.status_pending)
        form.addRow(self.status_label, self.status_pending)
        form.addRow(self.status_error)
        form.addRow(self.form_error)
        buttons = QHBoxLayout()
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        buttons.addWidget(self.record_button)
        form.addRow(buttons)
        decision_outer = QVBoxLayout()
        decision_outer.addLayout(form)
        decision_outer.addStretch(1)

        self.prior = QTextBrowser()
        self.prior.setObjectName("priorDiscipline")
        self.rules = QLabel()
        self.rules.setObjectName("agencyRules")
        self.rules.setWordWrap(True)
        self.decision_box.setLayout(decision_outer)
        prior_box = QGroupBox(self.tr("Prior discipline of the employee"))
        prior_layout = QVBoxLayout(prior_box)
        prior_layout.addWidget(self.prior, 1)
        prior_layout.addWidget(self.rules)

        findings_box = QGroupBox(self.tr("Findings"))
        findings_layout = QVBoxLayout(findings_box)
        findings_layout.addWidget(self.findings)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        who = QHBoxLayout()
        who.addWidget(QLabel(self.tr("Employee:")))
        who.addWidget(self.employee, 1)
        left_layout.addLayout(who)
        left_layout.addWidget(findings_box, 2)
        left_layout.addWidget(prior_box, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.decision_box)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.report_button)
        layout.addLayout(bottom)

        self._cap_timer = QTimer(self)
        self._cap_timer.setSingleShot(True)
        self._cap_timer.setInterval(250)
        self._cap_timer.timeout.connect(self.on_cap_timer_timeout)

        self.employee.currentIndexChanged.connect(self.on_employee_changed)
        self.action.currentIndexChanged.connect(self.on_action_changed)
        self.days.valueChanged.connect(self.on_days_changed)
        self.effective.dateChanged.connect(self.on_days_changed)
        self.override.toggled.connect(self.on_override_toggled)
        self.record_button.clicked.connect(self.on_record_clicked)
        self.withdraw_button.clicked.connect(self.on_withdraw_clicked)
        self.report_button.clicked.connect(self.report_requested)
        for edit in (self.steps, self.consequence, self.override_reason):
            edit.textChanged.connect(self.on_form_edited)
        self.status_pending.textEdited.connect(self.on_form_edited)
        self._show_action_fields()

    # -- loading ---------------------------------------------------------------------------

    def set_case(self, detail: CaseDetail) -> None:
        """Load the discipline of ``detail``'s case (in the background)."""
        self.case_id = detail.id
        self._load_request += 1
        request = self._load_request
        self.workspace.call(
            discipline.case_discipline,
            detail.id,
            on_success=alive(self, lambda o: self._on_loaded(request, o)),
            parent=self,
        )

    def _on_loaded(self, request: int, overview: CaseDiscipline) -> None:
        if request != self._load_request:
            return
        keep = self.current_employee()
        self.overview = overview
        self.employee.blockSignals(True)
        self.employee.clear()
        for entry in overview.employees:
            self.employee.addItem(entry.employee.full_name, entry.employee.id)
        index = self.employee.findData(keep.employee.id) if keep else 0
        self.employee.setCurrentIndex(max(index, 0))
        self.employee.blockSignals(False)
        self.employee.setEnabled(len(overview.employees) > 1)
        self._show_rules()
        self._show_employee(reset_form=not self._edited)
        self.loaded.emit()

    def current_employee(self) -> EmployeeDiscipline | None:
        """The subject whose discipline is shown."""
        if self.overview is None:
            return None
        wanted = self.employee.currentData()
        return next((e for e in self.overview.employees if e.employee.id == wanted), None)

    def _show_rules(self) -> None:
        assert self.overview is not None
        rules = self.overview.settings
        if rules.suspension_cap_days is None:
            cap = self.tr("no suspension cap")
        else:
            cap = self.tr("suspension cap {0} working days in any {1} months").format(
                rules.suspension_cap_days, rules.cap_window_months
            )
            if rules.cap_citation:
                cap += f" ({rules.cap_citation})"
        self.rules.setText(
            self.tr("Agency rules: written response within {0} days; {1}.").format(
                rules.response_days, cap
            )
        )

    def _show_employee(self, *, reset_form: bool) -> None:
        entry = self.current_employee()
        self._show_findings(entry)
        self._show_prior(entry)
        if reset_form:
            self._load_form(entry.decision if entry else None)
        may = bool(
            self.overview and self.overview.may_decide and entry is not None and entry.substantiated
        )
        for widget in (self.action, self.days, self.effective, self.steps, self.consequence,
                       self.response_due, self.status_pending, self.override,
                       self.override_reason, self.record_button):  # fmt: skip
            widget.setEnabled(may)
        self.withdraw_button.setEnabled(
            bool(self.overview and self.overview.may_withdraw and entry and entry.decision)
        )
        self.state_label.setText(self._state_text(entry))
        self._schedule_cap_check()

    def _state_text(self, entry: EmployeeDiscipline | None) -> str:
        if self.overview is None or entry is None:
            return self.tr("This case has no subject employee.")
        if entry.decision is None and entry.withdrawn is not None:
            w = entry.withdrawn
            text = self.tr(
                "No decision in force: {0}, effective {1}, was withdrawn by {2} on {3}. Reason: {4}"
            ).format(
                _action_text(w.action, w.suspension_days), w.effective_on.isoformat(),
                w.withdrawn_by, local_time(w.withdrawn_at) if w.withdrawn_at else "",
                w.withdrawal_reason,
            )  # fmt: skip
            return html.escape(text)
        if not entry.substantiated:
            return self.tr(
                "No allegation against this employee is substantiated, so no discipline can "
                "be recorded."
            )
        if entry.decision is not None:
            d = entry.decision
            return self.tr("Decided by {0}: {1}, effective {2}.").format(
                html.escape(d.decided_by), _action_text(d.action, d.suspension_days),
                d.effective_on.isoformat(),
            )  # fmt: skip
        if not self.overview.may_decide:
            status = labels.status_labels()[self.overview.status]
            if not self.workspace.can(Permission.DISCIPLINE_RECORD):
                return self.tr("No decision yet; HR records discipline.")
            return self.tr(
                "No decision yet. Discipline is decided while the case is in discipline "
                "review; it is in {0}."
            ).format(status)
        return self.tr("No decision yet.")

    def _show_findings(self, entry: EmployeeDiscipline | None) -> None:
        if entry is None or not entry.allegations:
            self.findings.setPlainText(self.tr("No allegations against this employee."))
            return
        finding_names = labels.finding_labels()
        parts = []
        for allegation in entry.allegations:
            colour = "#2e7d32" if allegation.finding is Finding.SUBSTANTIATED else "#555"
            reasoning = html.escape(allegation.reasoning or self.tr("(no reasoning recorded)"))
            parts.append(
                f"<p><b>{html.escape(allegation.citation)}</b> — "
                f"{html.escape(allegation.provision_title)}<br>"
                f"<span style='color:{colour}'><b>"
                f"{html.escape(finding_names[allegation.finding])}</b></span>: "
                f"{reasoning.replace(chr(10), '<br>')}</p>"
            )
        self.findings.setHtml("".join(parts))

    def _show_prior(self, entry: EmployeeDiscipline | None) -> None:
        if entry is None:
            self.prior.clear()
            return
        if not entry.prior:
            self.prior.setHtml(
                "<p>" + html.escape(self.tr("None: no earlier discipline is recorded.")) + "</p>"
            )
            return
        rows = "".join(
            f"<tr><td>{p.effective_on.isoformat()}</td>"
            f"<td><b>{html.escape(_action_text(p.action, p.suspension_days))}</b></td>"
            f"<td>{html.escape(p.case_number)}</td>"
            f"<td>{html.escape(', '.join(p.citations))}</td></tr>"
            for p in entry.prior
        )
        head = "".join(
            f"<th align='left'>{html.escape(h)}</th>"
            for h in (
                self.tr("Effective"),
                self.tr("Action"),
                self.tr("Case"),
                self.tr("Provisions"),
            )  # fmt: skip
        )
        self.prior.setHtml(f"<table cellspacing='6'><tr>{head}</tr>{rows}</table>")

    def _load_form(self, decision: DisciplineInfo | None) -> None:
        settings = self.overview.settings if self.overview else None
        today = dt.date.today()
        widgets = (
            self.action, self.days, self.effective, self.steps, self.consequence,
            self.response_due, self.status_pending, self.override, self.override_reason,
        )  # fmt: skip
        for widget in widgets:
            widget.blockSignals(True)
        if decision is None:
            self.action.setCurrentIndex(self.action.findData(DisciplineAction.COUNSELING.value))
            self.days.setValue(1)
            days = settings.response_days if settings else 10
            due = today + dt.timedelta(days=days)
            # The employee may answer before the action takes effect (pre-action notice).
            self.effective.setDate(_qdate(due + dt.timedelta(days=1)))
            self.steps.clear()
            self.consequence.clear()
            self.response_due.setDate(_qdate(due))
            self.status_pending.clear()
            self.override.setChecked(False)
            self.override_reason.clear()
        else:
            self.action.setCurrentIndex(self.action.findData(decision.action.value))
            self.days.setValue(decision.suspension_days or 1)
            self.effective.setDate(_qdate(decision.effective_on))
            self.steps.setPlainText(decision.steps_to_correct)
            self.consequence.setPlainText(decision.repeat_consequence)
            self.response_due.setDate(_qdate(max(decision.response_due, today)))
            self.status_pending.setText(decision.status_pending)
            self.override.setChecked(bool(decision.cap_override_reason))
            self.override_reason.setPlainText(decision.cap_override_reason)
        for widget in widgets:
            widget.blockSignals(False)
        self._edited = False
        self._clear_errors()
        self._show_action_fields()

    # -- the action's own fields and the cap ----------------------------------------------

    def selected_action(self) -> DisciplineAction:
        return DisciplineAction(self.action.currentData())

    def _show_action_fields(self) -> None:
        action = self.selected_action()
        suspension = action is DisciplineAction.SUSPENSION
        self.days_label.setVisible(suspension)
        self.days.setVisible(suspension)
        notice = action.needs_pre_action_notice
        self.status_label.setVisible(notice)
        self.status_pending.setVisible(notice)
        if not suspension:
            self.cap = None
        self._show_cap()

    def _show_cap(self) -> None:
        """The cap line, and the override controls when the suspension would exceed it."""
        cap = self.cap if self.selected_action() is DisciplineAction.SUSPENSION else None
        exceeded = cap is not None and cap.exceeded
        overridden = self.override.isChecked()
        if cap is None or cap.cap_days is None:
            self.cap_label.setVisible(False)
        else:
            self.cap_label.setVisible(True)
            # The window with the most days among those holding this suspension.
            text = self.tr(
                "From {0} to {1}: {2} working days of other suspensions; with this "
                "suspension {3} of the cap of {4} working days in any {5} months."
            ).format(
                cap.window_start.isoformat(), cap.window_end.isoformat(), cap.other_days,
                cap.total, cap.cap_days, cap.window_months,
            )  # fmt: skip
            if cap.citation:
                text += f" ({cap.citation})"
            colour = "#c62828" if exceeded else "#2e7d32"
            self.cap_label.setText(f"<span style='color:{colour}'>{html.escape(text)}</span>")
        self.override.setVisible(exceeded or overridden)
        show_reason = (exceeded or overridden) and overridden
        self.override_reason_label.setVisible(show_reason)
        self.override_reason.setVisible(show_reason)
        if not (exceeded or overridden):
            self.override_error.clear_message()

    def _schedule_cap_check(self) -> None:
        if self.selected_action() is DisciplineAction.SUSPENSION and self.current_employee():
            self._cap_timer.start()

    @Slot()
    def on_cap_timer_timeout(self) -> None:
        """Ask how the suspension typed so far stands against the cap."""
        entry = self.current_employee()
        if self.case_id is None or entry is None:
            return
        self._cap_request += 1
        request = self._cap_request
        self.workspace.call(
            discipline.suspension_standing,
            self.case_id,
            entry.employee.id,
            _pydate(self.effective.date()),
            self.days.value(),
            on_success=alive(self, lambda c: self._on_cap(request, c)),
            parent=self,
        )

    def _on_cap(self, request: int, cap: CapCheck) -> None:
        if request != self._cap_request:
            return
        self.cap = cap
        self._show_cap()

    # -- slots -----------------------------------------------------------------------------

    @Slot(int)
    def on_employee_changed(self, _index: int) -> None:
        """Another subject chosen: their findings, decision and prior discipline."""
        self.cap = None
        self._show_employee(reset_form=True)

    @Slot(int)
    def on_action_changed(self, _index: int) -> None:
        """Show the fields this action needs (days, status pending decision)."""
        self.on_form_edited()
        self._show_action_fields()
        self._schedule_cap_check()

    @Slot()
    def on_days_changed(self) -> None:
        """Days or effective date changed: check the cap again."""
        self.on_form_edited()
        self.days_error.clear_message()
        self._schedule_cap_check()

    @Slot(bool)
    def on_override_toggled(self, _checked: bool) -> None:
        """Show or hide the override reason."""
        self.on_form_edited()
        self._show_cap()
        if self.override.isChecked():
            self.override_reason.setFocus()

    @Slot()
    def on_form_edited(self) -> None:
        """The user is editing: a reload must not overwrite the form."""
        self._edited = True
        self.form_error.clear_message()

    def _clear_errors(self) -> None:
        for label in (self.days_error, self.steps_error, self.consequence_error,
                      self.response_error, self.status_error, self.override_error,
                      self.form_error):  # fmt: skip
            label.clear_message()

    def decision_input(self) -> DisciplineInput | None:
        """The decision as the form holds it."""
        entry = self.current_employee()
        if entry is None:
            return None
        action = self.selected_action()
        return DisciplineInput(
            employee_id=entry.employee.id,
            action=action,
            effective_on=_pydate(self.effective.date()),
            steps_to_correct=self.steps.toPlainText(),
            repeat_consequence=self.consequence.toPlainText(),
            suspension_days=self.days.value() if action is DisciplineAction.SUSPENSION else None,
            response_due=_pydate(self.response_due.date()),
            status_pending=self.status_pending.text() if action.needs_pre_action_notice else "",
            cap_override_reason=(
                self.override_reason.toPlainText() if self.override.isChecked() else ""
            ),
        )

    @Slot()
    def on_record_clicked(self) -> None:
        """Record the decision; messages about a field show next to it."""
        decision = self.decision_input()
        if decision is None or self.case_id is None:
            return
        self._clear_errors()
        if self.override.isChecked() and not decision.cap_override_reason.strip():
            self.override_error.show_message(self.tr("Give the reason for overriding the cap."))
            self.override_reason.setFocus()
            return
        number = self.overview.case_number if self.overview else ""
        if not confirm_discipline(self, decision.action, self.employee.currentText(), number):
            return
        self.record_button.setEnabled(False)
        self.workspace.call(
            discipline.record_discipline,
            self.case_id,
            decision,
            on_success=alive(self, self._on_recorded),
            on_failure=alive(self, self._on_refused),
            parent=self,
        )

    @Slot()
    def on_withdraw_clicked(self) -> None:
        """Ask for the reason, then withdraw the decision in force."""
        entry = self.current_employee()
        if entry is None or entry.decision is None:
            return
        dialog = WithdrawDecisionDialog(
            entry.employee.full_name,
            _action_text(entry.decision.action, entry.decision.suspension_days),
            self,
        )
        dialog.accepted.connect(self.on_withdraw_dialog_accepted)
        dialog.finished.connect(dialog.deleteLater)
        self.withdraw_dialog = dialog
        dialog.open()

    @Slot()
    def on_withdraw_dialog_accepted(self) -> None:
        """The reason is given: withdraw in the background."""
        dialog, self.withdraw_dialog = self.withdraw_dialog, None
        entry = self.current_employee()
        if dialog is None or entry is None or self.case_id is None:
            return
        self._clear_errors()
        self.withdraw_button.setEnabled(False)
        self.workspace.call(
            discipline.withdraw_discipline,
            self.case_id,
            entry.employee.id,
            dialog.reason(),
            on_success=alive(self, self._on_withdrawn),
            on_failure=alive(self, self._on_refused),
            parent=self,
        )

    def _on_withdrawn(self, info: DisciplineInfo) -> None:
        self._edited = False
        self.workspace.status_message.emit(
            self.tr("Decision withdrawn for {0}: {1}.").format(
                info.employee.full_name, _action_text(info.action, info.suspension_days)
            )
        )
        self.case_touched.emit()

    def _on_recorded(self, info: DisciplineInfo) -> None:
        self.record_button.setEnabled(True)
        self._edited = False
        self.workspace.status_message.emit(
            self.tr("Decision recorded for {0}: {1}.").format(
                info.employee.full_name, _action_text(info.action, info.suspension_days)
            )
        )
        self.case_touched.emit()

    def _on_refused(self, error: BaseException) -> None:
        self.record_button.setEnabled(True)
        entry = self.current_employee()
        self.withdraw_button.setEnabled(
            bool(self.overview and self.overview.may_withdraw and entry and entry.decision)
        )
        if isinstance(error, InvalidInput):
            targets = {
                "suspension_days": (self.days_error, self.days),
                "steps_to_correct": (self.steps_error, self.steps),
                "consequence_of_a_repeat": (self.consequence_error, self.consequence),
                "response_due": (self.response_error, self.response_due),
                "status_pending_decision": (self.status_error, self.status_pending),
                "cap_override_reason": (self.override_error, self.override_reason),
            }
            label, widget = targets.get(error.field or "", (self.form_error, None))
            label.show_message(str(error))
            if widget is not None:
                widget.setFocus()
        elif isinstance(error, CapExceeded):
            # Over the cap: say so beside the override, and offer it.
            self.override.setVisible(True)
            self.override_error.show_message(str(error))
        elif isinstance(error, Refused):
            self.form_error.show_message(str(error))
        else:
            self.workspace.errors.show(error, self)
