"""Recording the Discipline tab's steps: each form's input to its service, in the background.

A step runs on the workspace's worker with its form's button disabled.
Recorded, the status bar says so and :attr:`StepRecording.recorded` asks the
tab to reload the case; refused, the refusal shows beside the form that
asked (:meth:`~.steps.StepForm.show_error`), else in the error dialog. A
suspension, demotion or dismissal is confirmed first with what follows
(:mod:`.confirm`); a withdrawal asks for its reason (:mod:`.withdraw`). The
question and the dialog are kept (:attr:`StepRecording.confirm_box`,
:attr:`StepRecording.withdraw_dialog`) while they are open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from app.domain.discipline.flow import AppealOutcome
from app.services import discipline
from app.services.discipline import DisciplineFlow, DisciplineInput, NoticeInput, ReferralInput
from app.ui.case_view.discipline.confirm import GRAVE, decision_question
from app.ui.case_view.discipline.pages import StepPages
from app.ui.case_view.discipline.steps import StepForm
from app.ui.case_view.discipline.text import action_text
from app.ui.case_view.discipline.withdraw import WithdrawDecisionDialog
from app.ui.case_view.support import alive
from app.ui.workspace import Workspace


class StepRecording(QObject):
    """The steps typed in a tab's pages, recorded for the employee the tab shows."""

    recorded = Signal()  #: a step was recorded: reload the case

    def __init__(
        self,
        workspace: Workspace,
        pages: StepPages,
        flow: Callable[[], DisciplineFlow | None],
        case_id: Callable[[], int | None],
        owner: QWidget,
    ) -> None:
        super().__init__(owner)
        self.workspace = workspace
        self.pages = pages
        self._flow = flow
        self._case_id = case_id
        #: Dialogs and questions are the tab's windows, and a call ends with the tab.
        self.owner = owner
        self.confirm_box: QMessageBox | None = None
        self.withdraw_dialog: WithdrawDecisionDialog | None = None
        pages.notice_form.submitted.connect(self.on_notice_submitted)
        pages.response_form.submitted.connect(self.on_response_submitted)
        pages.decision_form.submitted.connect(self.on_decision_submitted)
        pages.decision_form.withdraw_requested.connect(self.on_withdraw_requested)
        pages.appeal_form.submitted.connect(self.on_appeal_submitted)
        pages.appeal_form.outcome_submitted.connect(self.on_outcome_submitted)
        pages.referral_form.submitted.connect(self.on_referral_submitted)

    def _who(self) -> str:
        flow = self._flow()
        return flow.employee.full_name if flow else ""

    def _run(self, form: StepForm, done: str, service: Any, *args: Any, **kwargs: Any) -> None:
        if self._case_id() is None:
            return
        form.button.setEnabled(False)
        self.workspace.call(
            service, *args, **kwargs,
            on_success=alive(self.owner, lambda _r: self._on_done(form, done)),
            on_failure=alive(self.owner, lambda e: self._on_refused(form, e)),
            parent=self.owner,
        )  # fmt: skip

    def _on_done(self, form: StepForm, done: str) -> None:
        form.button.setEnabled(True)
        self.workspace.status_message.emit(done)
        self.recorded.emit()

    def _on_refused(self, form: StepForm, error: BaseException) -> None:
        if not form.show_error(error):
            self.workspace.errors.show(error, self.owner)

    @Slot(object)
    def on_notice_submitted(self, notice: NoticeInput) -> None:
        """Record the pre-action notice."""
        done = self.tr("Pre-action notice recorded for {0}.").format(self._who())
        self._run(self.pages.notice_form, done, discipline.issue_notice, self._case_id(), notice)

    @Slot(object, str, object)
    def on_response_submitted(self, received: dt.date | None, summary: str, files: Any) -> None:
        """Record the response, or that none came."""
        flow = self._flow()
        if flow is None:
            return
        done = self.tr("Response recorded for {0}.").format(self._who())
        self._run(self.pages.response_form, done, discipline.record_response, self._case_id(),
                  flow.employee.id, received_on=received, summary=summary,
                  files=files)  # fmt: skip

    @Slot(object)
    def on_decision_submitted(self, decision: DisciplineInput) -> None:
        """Record the decision; a suspension, demotion or dismissal is confirmed first."""
        flow = self._flow()
        if flow is None:
            return
        shown = action_text(decision.action, decision.suspension_days)
        done = self.tr("Decision recorded for {0}: {1}.").format(self._who(), shown)
        form = self.pages.decision_form
        if decision.action not in GRAVE:
            self._run(form, done, discipline.record_discipline, self._case_id(), decision)
            return
        box, yes = decision_question(self.owner, flow, decision, self._who())

        def chosen(button: QPushButton) -> None:
            self.confirm_box = None
            if button is yes:
                self._run(form, done, discipline.record_discipline, self._case_id(), decision)

        box.buttonClicked.connect(chosen)
        box.finished.connect(box.deleteLater)
        self.confirm_box = box
        box.open()

    @Slot()
    def on_withdraw_requested(self) -> None:
        """Ask for the reason, with what follows, then withdraw the decision in force."""
        flow = self._flow()
        if flow is None or flow.decision is None:
            return
        dialog = WithdrawDecisionDialog(flow.employee.full_name, flow.decision.label, self.owner)
        dialog.accepted.connect(self.on_withdraw_dialog_accepted)
        dialog.finished.connect(dialog.deleteLater)
        self.withdraw_dialog = dialog
        dialog.open()

    @Slot()
    def on_withdraw_dialog_accepted(self) -> None:
        """The reason is given: withdraw in the background."""
        dialog, self.withdraw_dialog = self.withdraw_dialog, None
        flow = self._flow()
        if dialog is None or flow is None or flow.decision is None:
            return
        done = self.tr("Decision withdrawn for {0}: {1}.").format(self._who(), flow.decision.label)
        self._run(self.pages.decision_form, done, discipline.withdraw_discipline,
                  self._case_id(), flow.employee.id, dialog.reason())  # fmt: skip

    @Slot(object)
    def on_appeal_submitted(self, filed_on: dt.date) -> None:
        """Record the appeal; the law may give none, and the refusal says why."""
        flow = self._flow()
        if flow is None:
            return
        done = self.tr("Appeal recorded for {0}.").format(self._who())
        self._run(self.pages.appeal_form, done, discipline.record_appeal, self._case_id(),
                  flow.employee.id, filed_on)  # fmt: skip

    @Slot(object, object, str)
    def on_outcome_submitted(self, outcome: AppealOutcome, on: dt.date, note: str) -> None:
        """Record how the appeal ended."""
        flow = self._flow()
        if flow is None:
            return
        done = self.tr("Appeal outcome recorded for {0}.").format(self._who())
        self._run(self.pages.appeal_form.outcome_box, done, discipline.record_appeal_outcome,
                  self._case_id(), flow.employee.id, outcome, on, note)  # fmt: skip

    @Slot(object)
    def on_referral_submitted(self, referral: ReferralInput) -> None:
        """Refer the findings against a provider's employee to the provider."""
        done = self.tr("Findings referred to the provider for {0}.").format(self._who())
        self._run(self.pages.referral_form, done, discipline.refer_to_provider,
                  self._case_id(), referral)  # fmt: skip
