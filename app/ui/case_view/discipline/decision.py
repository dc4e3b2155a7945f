"""The decision form: the action, its dates, why this level, and what follows.

A suspension shows its first day, and the last day and the return to work
counted with the employer's calendar as they are typed; it is checked
against the agency's cap (the tab asks the service), and when it would go
over an override checkbox and a reason field appear. An action milder or
harsher than every earlier decision of the agency under the same provision
(``set_comparables``) shows why and asks for the consistency reason.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QPushButton, QSpinBox, QWidget

from app.domain.discipline import SUSPENSION_DAYS_MAX, CapCheck, CapExceeded, DisciplineAction
from app.domain.discipline.consistency import Comparable, ConsistencyRefused, departure
from app.domain.discipline.workdays import WorkCalendar
from app.domain.errors import CasedeskError
from app.services.discipline import DisciplineInfo, DisciplineInput
from app.ui.case_view.discipline.consistency import departure_text
from app.ui.case_view.discipline.steps import StepForm, date_edit, pydate, qdate, text_edit
from app.ui.case_view.discipline.text import action_labels, gui_message
from app.ui.case_view.support import ErrorLabel
from app.ui.i18n import tr
from app.ui.palette import css, error_colour, success_colour

_C = "DisciplineTab"


class DecisionForm(StepForm):
    """HR's decision for one employee."""

    submitted = Signal(object)  #: DisciplineInput
    cap_inputs_changed = Signal()  #: action, days or dates changed: check the cap again
    action_changed = Signal()  #: the rules shown for the action change with it
    withdraw_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("decisionForm", tr(_C, "Record &decision"), parent)
        self.employee_id = 0
        self.calendar: WorkCalendar | None = None
        self.cap: CapCheck | None = None
        self.comparables: tuple[Comparable, ...] = ()
        self.action = QComboBox()
        self.action.setObjectName("disciplineAction")
        for action, text in action_labels().items():
            self.action.addItem(text, action.value)
        self.days = QSpinBox()
        self.days.setObjectName("suspensionDays")
        self.days.setRange(1, SUSPENSION_DAYS_MAX)
        self.days.setSuffix(tr(_C, " working days"))
        self.effective = date_edit("effectiveDate")
        self.decided_on = date_edit("decidedOn")
        self.decided_on.setToolTip(
            tr(_C, "The day the decision was made, if not today: after the employee's "
                   "response, or after the last day to respond when none came.")
        )  # fmt: skip
        self.first_day = date_edit("suspensionFirstDay")
        self.dates = QLabel()
        self.dates.setObjectName("suspensionDates")
        self.dates.setWordWrap(True)
        self.cap_label = QLabel()
        self.cap_label.setObjectName("capStanding")
        self.cap_label.setWordWrap(True)
        self.override = QCheckBox(tr(_C, "Override the suspension cap"))
        self.override.setObjectName("capOverride")
        self.override_reason = text_edit("capOverrideReason", tr(_C, "Why (audited)."), 48)
        self.step = text_edit(
            "progressiveStep", tr(_C, "Where this stands in progressive discipline."), 48
        )
        self.aggravating = text_edit("aggravatingFactors", tr(_C, "Aggravating factors."), 48)
        self.mitigating = text_edit("mitigatingFactors", tr(_C, "Mitigating factors."), 48)
        self.steps = text_edit(
            "stepsToCorrect", tr(_C, "What the employee must do to correct the conduct."), 56
        )
        self.consequence = text_edit("repeatConsequence", tr(_C, "What a repeat will lead to."), 48)

        self.add_field(tr(_C, "&Action:"), self.action, "action")
        self.consistency_note = QLabel()
        self.consistency_note.setObjectName("consistencyNote")
        self.consistency_note.setWordWrap(True)
        self.consistency_reason = text_edit(
            "consistencyReason",
            tr(_C, "Why this differs from the earlier decisions (kept with the decision)."), 48,
        )  # fmt: skip
        self.consistency_label = QLabel(tr(_C, "Consistenc&y reason:"))
        self.consistency_label.setBuddy(self.consistency_reason)
        self.consistency_error = ErrorLabel()
        self.consistency_error.setObjectName("consistencyReasonError")
        self.form.addRow(self.consistency_note)
        self.form.addRow(self.consistency_label, self.consistency_reason)
        self.form.addRow(self.consistency_error)
        self._targets["consistency_reason"] = (self.consistency_error, self.consistency_reason)
        self.days_label = QLabel(tr(_C, "&Suspension:"))
        self.days_label.setBuddy(self.days)
        self.days_error = ErrorLabel()
        self.days_error.setObjectName("suspensionDaysError")
        self.form.addRow(self.days_label, self.days)
        self.form.addRow(self.days_error)
        self._targets["suspension_days"] = (self.days_error, self.days)
        self.form.addRow(self.cap_label)
        self.form.addRow(self.override)
        self.override_reason_label = QLabel(tr(_C, "Override &reason:"))
        self.override_reason_label.setBuddy(self.override_reason)
        self.override_error = ErrorLabel()
        self.override_error.setObjectName("capOverrideError")
        self.form.addRow(self.override_reason_label, self.override_reason)
        self.form.addRow(self.override_error)
        self._targets["cap_override_reason"] = (self.override_error, self.override_reason)
        self.add_field(tr(_C, "&Effective date:"), self.effective, "effective_on")
        self.add_field(tr(_C, "Decided o&n:"), self.decided_on, "decided_on")
        self.first_label = QLabel(tr(_C, "&First day off:"))
        self.first_label.setBuddy(self.first_day)
        self.first_error = ErrorLabel()
        self.first_error.setObjectName("suspensionFirstDayError")
        self.form.addRow(self.first_label, self.first_day)
        self.form.addRow(self.dates)
        self.form.addRow(self.first_error)
        for key in ("suspension_first_day", "first_day", "last_day", "return_on"):
            self._targets[key] = (self.first_error, self.first_day)
        self.add_field(tr(_C, "Pro&gressive step:"), self.step, "progressive-discipline_step",
                       "progressive_discipline_step")  # fmt: skip
        self.add_field(tr(_C, "A&ggravating:"), self.aggravating, "aggravating_factors")
        self.add_field(tr(_C, "&Mitigating:"), self.mitigating, "mitigating_factors")
        self.add_field(tr(_C, "S&teps to correct:"), self.steps, "steps_to_correct")
        self.add_field(tr(_C, "If re&peated:"), self.consequence, "consequence_of_a_repeat")
        self.withdraw_button = QPushButton(tr(_C, "&Withdraw decision…"))
        self.withdraw_button.setObjectName("withdrawDisciplineButton")
        self.withdraw_button.setToolTip(
            tr(_C, "Withdraw the decision in force, with the reason (audited).")
        )
        self.buttons.insertWidget(0, self.withdraw_button)

        self.action.currentIndexChanged.connect(self.on_action_changed)
        self.days.valueChanged.connect(self.on_dates_changed)
        self.effective.dateChanged.connect(self.on_effective_changed)
        self.first_day.dateChanged.connect(self.on_dates_changed)
        self.override.toggled.connect(self.on_override_toggled)
        self.withdraw_button.clicked.connect(self.withdraw_requested)
        self.on_action_changed(0)

    # -- filling ---------------------------------------------------------------------------

    def selected_action(self) -> DisciplineAction:
        return DisciplineAction(self.action.currentData())

    def load(self, employee_id: int, decision: DisciplineInfo | None,
             proposed: DisciplineAction | None, proposed_days: int | None,
             earliest: dt.date, today: dt.date) -> None:  # fmt: skip
        """The decision in force, or a new one following the notice's proposal.

        ``today``: the agency's day, a new decision's day unless HR gives another.
        """
        self.employee_id = employee_id
        self.cap = None
        self.clear_errors()
        for edit in (self.override_reason, self.step, self.aggravating, self.mitigating,
                     self.steps, self.consequence, self.consistency_reason):  # fmt: skip
            edit.clear()
        self.override.setChecked(False)
        if decision is not None and not decision.withdrawn:
            self.action.setCurrentIndex(self.action.findData(decision.action.value))
            self.days.setValue(decision.suspension_days or 1)
            self.effective.setDate(qdate(decision.effective_on))
            self.decided_on.setDate(qdate(decision.decided_on))
            self.first_day.setDate(qdate(decision.suspension_first_day or decision.effective_on))
            self.step.setPlainText(decision.progressive_step)
            self.aggravating.setPlainText(decision.aggravating_factors)
            self.mitigating.setPlainText(decision.mitigating_factors)
            self.steps.setPlainText(decision.steps_to_correct)
            self.consequence.setPlainText(decision.repeat_consequence)
            self.override.setChecked(bool(decision.cap_override_reason))
            self.override_reason.setPlainText(decision.cap_override_reason)
            self.consistency_reason.setPlainText(decision.consistency_reason)
        else:
            action = proposed or DisciplineAction.WRITTEN_REPRIMAND
            self.action.setCurrentIndex(self.action.findData(action.value))
            self.days.setValue(proposed_days or 1)
            self.effective.setDate(qdate(earliest))
            self.decided_on.setDate(qdate(today))
            self.first_day.setDate(qdate(earliest))
        self.on_action_changed(0)

    # -- consistency with the earlier decisions ----------------------------------------------

    def set_comparables(self, comparables: tuple[Comparable, ...]) -> None:
        """The earlier decisions under the same provisions the action is compared with."""
        self.comparables = comparables
        self._show_consistency()

    def departs(self) -> bool:
        """Whether the action is milder or harsher than every comparable decision."""
        return departure(self.selected_action(), self.comparables) is not None

    def _show_consistency(self) -> None:
        how = departure(self.selected_action(), self.comparables)
        for widget in (self.consistency_note, self.consistency_label, self.consistency_reason):
            widget.setVisible(how is not None)
        if how is None:
            self.consistency_error.clear_message()
            return
        self.consistency_note.setText(
            departure_text(self.action.currentText(), how, len(self.comparables))
        )

    # -- the suspension's dates and the cap --------------------------------------------------

    def _show_dates(self) -> None:
        if self.selected_action() is not DisciplineAction.SUSPENSION or self.calendar is None:
            self.dates.clear()
            return
        first = pydate(self.first_day.date())
        try:
            dates = self.calendar.suspension(first, self.days.value())
        except CasedeskError as error:
            self.dates.setText(
                f"<span style='color:{css(error_colour())}'>{html.escape(str(error))}</span>"
            )
            return
        self.dates.setText(
            tr(_C, "Last day off <b>{0}</b>; back at work <b>{1}</b> (working days, {2}).")
            .format(dates.last_day, dates.return_on, html.escape(self.calendar.source))
        )  # fmt: skip

    def show_cap(self, cap: CapCheck | None) -> None:
        """The cap line, and the override controls when the suspension would exceed it."""
        self.cap = cap
        suspension = self.selected_action() is DisciplineAction.SUSPENSION
        cap = cap if suspension else None
        exceeded = cap is not None and cap.exceeded
        overridden = self.override.isChecked()
        if cap is None or cap.cap_days is None:
            self.cap_label.setVisible(False)
        else:
            self.cap_label.setVisible(True)
            text = tr(
                _C,
                "From {0} to {1}: {2} working days of other suspensions; with this suspension "
                "{3} of the cap of {4} working days in any {5} months.",
            ).format(
                cap.window_start.isoformat(), cap.window_end.isoformat(), cap.other_days,
                cap.total, cap.cap_days, cap.window_months,
            )  # fmt: skip
            if cap.citation:
                text += f" ({cap.citation})"
            colour = css(error_colour()) if exceeded else css(success_colour())
            self.cap_label.setText(f"<span style='color:{colour}'>{html.escape(text)}</span>")
        self.override.setVisible(suspension and (exceeded or overridden))
        show_reason = suspension and overridden
        self.override_reason_label.setVisible(show_reason)
        self.override_reason.setVisible(show_reason)
        if not (exceeded or overridden):
            self.override_error.clear_message()

    # -- slots -----------------------------------------------------------------------------

    @Slot(int)
    def on_action_changed(self, _index: int) -> None:
        """Show the fields this action needs."""
        suspension = self.selected_action() is DisciplineAction.SUSPENSION
        for widget in (self.days_label, self.days, self.first_label, self.first_day, self.dates):
            widget.setVisible(suspension)
        if not suspension:
            self.days_error.clear_message()
            self.first_error.clear_message()
        self._show_dates()
        self.show_cap(self.cap)
        self._show_consistency()
        self.action_changed.emit()
        self.cap_inputs_changed.emit()

    @Slot()
    def on_effective_changed(self) -> None:
        """A suspension starts on its effective date unless told otherwise."""
        if pydate(self.first_day.date()) < pydate(self.effective.date()):
            self.first_day.setDate(self.effective.date())
        self.on_dates_changed()

    @Slot()
    def on_dates_changed(self) -> None:
        """Days or dates changed: show the suspension's dates, check the cap again."""
        self.days_error.clear_message()
        self.first_error.clear_message()
        self._show_dates()
        self.action_changed.emit()
        self.cap_inputs_changed.emit()

    @Slot(bool)
    def on_override_toggled(self, checked: bool) -> None:
        """Show or hide the override reason."""
        self.show_cap(self.cap)
        if checked:
            self.override_reason.setFocus()

    def show_error(self, error: BaseException) -> bool:
        if isinstance(error, CapExceeded):
            self.button.setEnabled(True)
            self.override.setVisible(True)
            self.override_error.show_message(gui_message(error))
            return True
        if isinstance(error, ConsistencyRefused):
            self.button.setEnabled(True)
            for widget in (self.consistency_label, self.consistency_reason):
                widget.setVisible(True)
            self.consistency_error.show_message(gui_message(error))
            self.consistency_reason.setFocus()
            return True
        return super().show_error(error)

    def decision_input(self) -> DisciplineInput:
        action = self.selected_action()
        suspension = action is DisciplineAction.SUSPENSION
        last = back = None
        if suspension and self.calendar is not None:
            try:
                dates = self.calendar.suspension(pydate(self.first_day.date()), self.days.value())
                last, back = dates.last_day, dates.return_on
            except CasedeskError:
                pass  # the service says what is wrong with the first day
        return DisciplineInput(
            employee_id=self.employee_id,
            action=action,
            effective_on=pydate(self.effective.date()),
            steps_to_correct=self.steps.toPlainText(),
            repeat_consequence=self.consequence.toPlainText(),
            suspension_days=self.days.value() if suspension else None,
            cap_override_reason=(
                self.override_reason.toPlainText() if self.override.isChecked() else ""
            ),
            suspension_first_day=pydate(self.first_day.date()) if suspension else None,
            suspension_last_day=last,
            return_to_work_on=back,
            progressive_step=self.step.toPlainText(),
            aggravating_factors=self.aggravating.toPlainText(),
            mitigating_factors=self.mitigating.toPlainText(),
            consistency_reason=self.consistency_reason.toPlainText() if self.departs() else "",
            decided_on=pydate(self.decided_on.date()),
        )

    def submit(self) -> None:
        if self.override.isChecked() and not self.override_reason.toPlainText().strip():
            self.override_error.show_message(tr(_C, "Give the reason for overriding the cap."))
            self.override_reason.setFocus()
            return
        if self.departs() and not self.consistency_reason.toPlainText().strip():
            self.consistency_error.show_message(
                tr(_C, "Give the reason this action differs from the earlier decisions.")
            )
            self.consistency_reason.setFocus()
            return
        self.submitted.emit(self.decision_input())
