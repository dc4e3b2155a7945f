"""The step pages of the Discipline tab: one form per step, filled and enabled from a flow.

Notice, response, decision (withdrawal from there), appeal, and the
referral of a contracted provider's employee. A reload fills only the forms
that hold none of the user's work (:mod:`.drafts`); the page of the next
step is the one shown.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QScrollArea, QTabWidget, QVBoxLayout, QWidget

from app.domain.discipline import Outcome, pack_for
from app.domain.discipline.dates import earliest_effective
from app.domain.discipline.flow import Stage
from app.domain.zones import agency_today
from app.services.discipline import DisciplineFlow
from app.ui.case_view.discipline.decision import DecisionForm
from app.ui.case_view.discipline.drafts import STEPS, StepDrafts
from app.ui.case_view.discipline.steps import (
    AppealForm,
    NoticeForm,
    ReferralForm,
    ResponseForm,
    StepForm,
)

#: The page shown for each stage of the flow: the step that comes next.
_PAGE_OF_STAGE = {
    Stage.READY_FOR_NOTICE: "notice",
    Stage.AWAITING_RESPONSE: "response",
    Stage.READY_FOR_DECISION: "decision",
    Stage.WITHDRAWN: "decision",
    Stage.DECIDED: "appeal",
    Stage.IN_FORCE: "appeal",
    Stage.APPEALED: "appeal",
    Stage.APPEAL_DECIDED: "appeal",
    Stage.OVERTURNED: "appeal",
    Stage.READY_FOR_REFERRAL: "referral",
    Stage.REFERRED: "referral",
}


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area


class StepPages(QTabWidget):
    """The five step forms, each on a page of its own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("disciplineSteps")
        self.notice_form = NoticeForm()
        self.response_form = ResponseForm()
        self.decision_form = DecisionForm()
        self.appeal_form = AppealForm()
        self.referral_form = ReferralForm()
        steps: tuple[tuple[str, str, StepForm], ...] = (
            ("notice", self.tr("1 Notice"), self.notice_form),
            ("response", self.tr("2 Response"), self.response_form),
            ("decision", self.tr("3 Decision"), self.decision_form),
            ("appeal", self.tr("4 Appeal"), self.appeal_form),
            ("referral", self.tr("Referral"), self.referral_form),
        )
        self.forms: dict[str, StepForm] = {key: form for key, _title, form in steps}
        self.page_index: dict[str, int] = {}
        for key, title, form in steps:
            holder = QWidget()
            holder_layout = QVBoxLayout(holder)
            holder_layout.addWidget(form)
            holder_layout.addStretch(1)
            self.page_index[key] = self.addTab(_scrolled(holder), title)

    def showing(self, step: str) -> bool:
        """Whether the page of ``step`` is the one shown."""
        return self.currentIndex() == self.page_index[step]

    def show_next_step(self, flow: DisciplineFlow) -> None:
        """The pages the flow has (a provider's employee is referred), at its next step."""
        provider = flow.outcome is Outcome.REFERRAL_TO_PROVIDER
        for key in ("notice", "response", "decision", "appeal"):
            self.setTabVisible(self.page_index[key], not provider)
        self.setTabVisible(self.page_index["referral"], provider)
        self.setCurrentIndex(self.page_index[_PAGE_OF_STAGE.get(flow.stage, "decision")])

    def fill(
        self, flow: DisciplineFlow, keys: dict[str, object], drafts: StepDrafts, sender: str
    ) -> list[str]:
        """Fill each step's form from ``flow``, but those holding the user's work; the filled.

        ``sender``: who signs a referral (the user).
        """
        filled = [s for s in STEPS if not drafts.keeps(s, self.forms[s], keys[s])]
        window = flow.setting("discipline.response_days")
        days = int(window.value) if window and window.value and window.value.isdigit() else None
        # The agency's day, where its windows are counted: every date starts there.
        today = agency_today(flow.jurisdiction)
        if "notice" in filled:
            self.notice_form.reset(flow.employee.id, days, today)
        if "response" in filled:
            self.response_form.reset(today)
        pack = pack_for(flow.agency_code, flow.jurisdiction)
        self.decision_form.calendar = pack.calendar
        notice = flow.notice
        earliest = (
            max(earliest_effective(pack.calendar, notice.issued_on, notice.response_days), today)
            if notice
            else today
        )
        if (
            notice is not None
            and flow.regime is not None
            and pack.statement_before_effect(
                notice.proposed_action, flow.regime, notice.proposed_days or 0
            )
        ):
            # The decision letter is given before the action takes effect (RSMo 36.380):
            # decided today, it takes effect tomorrow at the earliest.
            earliest = max(earliest, today + dt.timedelta(days=1))
        earliest = pack.calendar.next_working_day(earliest).day
        if "decision" in filled:
            self.decision_form.load(
                flow.employee.id, flow.decision,
                notice.proposed_action if notice else None,
                notice.proposed_days if notice else None, earliest, today,
            )  # fmt: skip
        if "referral" in filled:
            self.referral_form.reset(flow.employee.id, sender, today)
        if "appeal" in filled:
            self.appeal_form.reset(today)
        statement = flow.appeal_statement or self.tr("No decision in force to appeal.")
        if flow.appeal_deadline:
            statement += " " + self.tr("Last day to appeal: {0}.").format(flow.appeal_deadline)
        self.appeal_form.statement.setText(statement)
        self.appeal_form.clear_errors()
        self.appeal_form.outcome_box.clear_errors()
        return filled

    def enable(
        self, flow: DisciplineFlow, *, may: bool, may_record: bool, may_withdraw: bool
    ) -> None:
        """Each form open to what the flow allows next and the user may record.

        ``may``: the user may record discipline in this case; ``may_record``:
        the user's role records discipline at all; ``may_withdraw``: the user
        may withdraw a decision here.
        """
        substantiated = flow.stage is not Stage.NO_GROUNDS
        known = flow.regime is not None
        decision = flow.decision if flow.decision and not flow.decision.withdrawn else None
        self.notice_form.set_enabled(may and substantiated and known and decision is None)
        self.response_form.set_enabled(may and flow.notice is not None and flow.response is None)
        self.response_form.on_kind_toggled(self.response_form.none_came.isChecked())
        self.decision_form.set_enabled(may and substantiated)
        self.decision_form.on_action_changed(0)
        self.decision_form.withdraw_button.setEnabled(may_withdraw and decision is not None)
        self.decision_form.withdraw_button.setVisible(may_record and decision is not None)
        appeal_ok = may_record and decision is not None
        self.appeal_form.set_enabled(appeal_ok and flow.appeal is None)
        self.appeal_form.outcome_box.setVisible(flow.appeal is not None)
        self.appeal_form.outcome_box.set_enabled(
            appeal_ok and flow.appeal is not None and flow.appeal.outcome is None
        )
        self.referral_form.set_enabled(may and substantiated and flow.referral is None)

    def disable_all(self) -> None:
        for form in self.forms.values():
            form.set_enabled(False)
