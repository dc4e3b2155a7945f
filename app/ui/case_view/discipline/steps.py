"""The forms of the due-process steps: pre-action notice, response, appeal, referral.

Each form is a :class:`StepForm`: its fields in a form layout, a message
under each field for what is wrong with it, and a message beside the
button for a refusal of the whole step (a rule of the employer's law,
naming its citation). A form emits ``submitted`` with the service input;
the tab runs the service and hands any error back to :meth:`show_error`.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from PySide6.QtCore import QDate, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.discipline import RESPONSE_DAYS_MAX, SUSPENSION_DAYS_MAX, DisciplineAction
from app.domain.discipline.flow import AppealOutcome, DeliveryMethod
from app.domain.errors import InvalidInput, Refused
from app.services.discipline import NoticeInput, ReferralInput, ResponseFileInput
from app.ui.case_view.discipline.text import SETTING_MARK, action_labels, gui_message
from app.ui.case_view.support import ErrorLabel
from app.ui.i18n import tr
from app.ui.palette import css, error_colour

_C = "DisciplineTab"


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def date_edit(name: str, day: dt.date | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(qdate(day or dt.date.today()))
    return edit


def text_edit(name: str, placeholder: str, height: int = 64) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(placeholder)
    edit.setFixedHeight(height)
    return edit


def _enable(layout: QLayout, enabled: bool) -> None:
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        widget, inner = item.widget(), item.layout()
        if widget is not None and not isinstance(widget, ErrorLabel):
            widget.setEnabled(enabled)
        elif inner is not None:
            _enable(inner, enabled)


class StepForm(QWidget):
    """A step's form: fields with their messages, and the refusal beside the button."""

    def __init__(self, name: str, button_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._targets: dict[str, tuple[ErrorLabel, QWidget]] = {}
        self.error = ErrorLabel()
        self.error.setObjectName(name + "Error")
        self.button = QPushButton(button_text)
        self.button.setObjectName(name + "Button")
        self.button.clicked.connect(self.on_button_clicked)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self.form)
        outer.addWidget(self.error)
        outer.addLayout(self.buttons)

    def add_field(self, label: str, widget: QWidget, *keys: str) -> ErrorLabel:
        """A row for ``widget``; the service's messages about ``keys`` show under it."""
        caption = QLabel(label)
        caption.setBuddy(widget)
        self.form.addRow(caption, widget)
        message = ErrorLabel()
        message.setObjectName(widget.objectName() + "Error")
        self.form.addRow(message)
        for key in keys:
            self._targets[key] = (message, widget)
        return message

    def clear_errors(self) -> None:
        self.error.clear_message()
        for message, _widget in self._targets.values():
            message.clear_message()

    def show_error(self, error: BaseException) -> bool:
        """Show ``error`` beside its field or the button; ``False`` if it is not the form's."""
        self.button.setEnabled(True)
        if isinstance(error, InvalidInput | Refused):
            # A refusal about one input (a day a rule says is too early) shows beside it too.
            message, widget = self._targets.get(error.field or "", (self.error, None))
            message.show_message(gui_message(error))
            if widget is not None:
                widget.setFocus()
            return True
        return False

    def set_enabled(self, enabled: bool) -> None:
        """Every input of the form and its button; the messages stay readable."""
        _enable(self.form, enabled)
        self.button.setEnabled(enabled)

    @Slot()
    def on_button_clicked(self) -> None:
        """Gather the input and emit it (subclasses)."""
        self.clear_errors()
        self.submit()

    def submit(self) -> None:  # pragma: no cover - every form overrides it
        raise NotImplementedError


class NoticeForm(StepForm):
    """The pre-action notice: proposed action, date, delivery, and the response window."""

    submitted = Signal(object)  #: NoticeInput
    changed = Signal()  #: the action, date or window changed: preview the deadline again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("noticeForm", tr(_C, "Record &notice"), parent)
        self.employee_id = 0
        self.action = QComboBox()
        self.action.setObjectName("noticeAction")
        for action, text in action_labels().items():
            if action.needs_pre_action_notice:
                self.action.addItem(text, action.value)
        self.days = QSpinBox()
        self.days.setObjectName("noticeDays")
        self.days.setRange(1, SUSPENSION_DAYS_MAX)
        self.days.setSuffix(tr(_C, " working days"))
        self.issued = date_edit("noticeDate")
        self.delivery = QComboBox()
        self.delivery.setObjectName("noticeDelivery")
        for method in DeliveryMethod:
            self.delivery.addItem(method.label, method.value)
        self.delivered_by = QLineEdit()
        self.delivered_by.setObjectName("noticeDeliveredBy")
        self.delivered_by.setPlaceholderText(tr(_C, "Who handed or sent it"))
        self.window_days = QSpinBox()
        self.window_days.setObjectName("noticeWindow")
        self.window_days.setRange(1, RESPONSE_DAYS_MAX)
        self.window_days.setSuffix(tr(_C, " working days"))
        self.due = QLabel()
        self.due.setObjectName("noticeDue")
        self.due.setWordWrap(True)
        self.explanation = text_edit(
            "noticeExplanation", tr(_C, "The employer's evidence, explained (optional).")
        )
        self.pending = QLineEdit()
        self.pending.setObjectName("noticeStatusPending")
        self.pending.setPlaceholderText(tr(_C, "e.g. on paid administrative leave"))
        self.add_field(tr(_C, "Proposed &action:"), self.action)
        self.days_label = QLabel(tr(_C, "Suspension:"))
        self.days_error = ErrorLabel()
        self.form.addRow(self.days_label, self.days)
        self.form.addRow(self.days_error)
        self._targets["proposed_days"] = (self.days_error, self.days)
        self.add_field(tr(_C, "Notice &date:"), self.issued, "issued_on")
        self.add_field(tr(_C, "Deli&vered:"), self.delivery)
        self.add_field(tr(_C, "Delivered &by:"), self.delivered_by, "delivered_by")
        self.window_label = QLabel(tr(_C, "Response window:"))
        self.window_error = ErrorLabel()
        self.form.addRow(self.window_label, self.window_days)
        self.form.addRow(self.window_error)
        self._targets["response_days"] = (self.window_error, self.window_days)
        self.form.addRow(tr(_C, "Response due:"), self.due)
        self.add_field(tr(_C, "E&vidence:"), self.explanation, "explanation_of_the_evidence")
        self.add_field(tr(_C, "Status &pending:"), self.pending, "status_pending_decision")
        self.action.currentIndexChanged.connect(self.on_action_changed)
        for spin in (self.days, self.window_days):
            spin.valueChanged.connect(self.changed)
        self.issued.dateChanged.connect(self.changed)
        self.on_action_changed(0)

    def selected_action(self) -> DisciplineAction:
        return DisciplineAction(self.action.currentData())

    def reset(self, employee_id: int, window: int | None, today: dt.date) -> None:
        """An empty notice for ``employee_id``; ``window``: the agency's response days;
        ``today``: the agency's day (every date of the tab starts there)."""
        self.employee_id = employee_id
        self.clear_errors()
        self.delivered_by.clear()
        self.explanation.clear()
        self.pending.clear()
        self.issued.setDate(qdate(today))
        self.window_days.setValue(window or 5)
        if window is not None:
            self.window_label.setText(tr(_C, "{0} Response window:").format(SETTING_MARK))
            self.window_days.setToolTip(tr(_C, "From the agency's settings (its response days)."))
        self.changed.emit()

    def show_due(self, due: dt.date | None, note: str) -> None:
        if due is None:
            self.due.setText(
                f"<span style='color:{css(error_colour())}'>{html.escape(note)}</span>"
            )
        else:
            self.due.setText(f"<b>{due.isoformat()}</b>: {html.escape(note)}")

    @Slot(int)
    def on_action_changed(self, _index: int) -> None:
        """Days only for a suspension."""
        suspension = self.selected_action() is DisciplineAction.SUSPENSION
        self.days_label.setVisible(suspension)
        self.days.setVisible(suspension)
        self.days_error.clear_message()
        self.changed.emit()

    def submit(self) -> None:
        action = self.selected_action()
        self.submitted.emit(
            NoticeInput(
                employee_id=self.employee_id,
                proposed_action=action,
                issued_on=pydate(self.issued.date()),
                delivery_method=DeliveryMethod(self.delivery.currentData()),
                delivered_by=self.delivered_by.text(),
                proposed_days=self.days.value() if action is DisciplineAction.SUSPENSION else None,
                response_days=self.window_days.value(),
                evidence_explanation=self.explanation.toPlainText(),
                status_pending=self.pending.text(),
            )
        )


class ResponseForm(StepForm):
    """The employee's response: date received, summary and files, or none by the deadline."""

    submitted = Signal(object, str, object)  #: received_on or None, summary, files

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("responseForm", tr(_C, "Record &response"), parent)
        self.received = QRadioButton(tr(_C, "Received"))
        self.received.setObjectName("responseReceived")
        self.received.setChecked(True)
        self.none_came = QRadioButton(tr(_C, "None came by the deadline"))
        self.none_came.setObjectName("responseNone")
        kind = QHBoxLayout()
        kind.addWidget(self.received)
        kind.addWidget(self.none_came)
        kind.addStretch(1)
        self.form.addRow(kind)
        self.date = date_edit("responseDate")
        self.summary = text_edit("responseSummary", tr(_C, "What the employee said."), 80)
        self.files = QListWidget()
        self.files.setObjectName("responseFiles")
        self.files.setFixedHeight(56)
        self.add_button = QPushButton(tr(_C, "Add &files…"))
        self.add_button.setObjectName("responseAddFiles")
        self.paths: list[Path] = []
        files_row = QHBoxLayout()
        files_row.addWidget(self.files, 1)
        files_row.addWidget(self.add_button)
        files_box = QWidget()
        files_box.setLayout(files_row)
        files_row.setContentsMargins(0, 0, 0, 0)
        self.add_field(tr(_C, "Received &on:"), self.date, "received_on")
        self.add_field(tr(_C, "S&ummary:"), self.summary, "summary_of_the_response")
        self.add_field(tr(_C, "Files:"), files_box, "files")
        self.add_button.clicked.connect(self.on_add_clicked)
        self.none_came.toggled.connect(self.on_kind_toggled)

    def reset(self, today: dt.date) -> None:
        self.clear_errors()
        self.received.setChecked(True)
        self.date.setDate(qdate(today))
        self.summary.clear()
        self.files.clear()
        self.paths = []

    def add_paths(self, paths: list[Path]) -> None:
        for path in paths:
            self.paths.append(path)
            self.files.addItem(path.name)

    @Slot()
    def on_add_clicked(self) -> None:
        """Choose the files the employee handed in."""
        names, _ = QFileDialog.getOpenFileNames(self, tr(_C, "Files handed in with the response"))
        self.add_paths([Path(n) for n in names])

    @Slot(bool)
    def on_kind_toggled(self, none: bool) -> None:
        """No response: no date, summary or files."""
        usable = self.received.isEnabled()  # the form as a whole may be closed
        for widget in (self.date, self.summary, self.files, self.add_button):
            widget.setEnabled(usable and not none)

    def submit(self) -> None:
        none = self.none_came.isChecked()
        files = []
        if not none:
            for path in self.paths:
                try:
                    files.append(ResponseFileInput(path.name, path.read_bytes()))
                except OSError as error:
                    self.show_error(InvalidInput(
                        tr(_C, "{0} cannot be read: {1}").format(path.name, error.strerror),
                        field="files"))  # fmt: skip
                    return
        self.submitted.emit(
            None if none else pydate(self.date.date()),
            "" if none else self.summary.toPlainText(),
            tuple(files),
        )


class AppealForm(StepForm):
    """An appeal filed, then its outcome."""

    submitted = Signal(object)  #: filed_on
    outcome_submitted = Signal(object, object, str)  #: outcome, decided_on, note

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("appealForm", tr(_C, "Record &appeal"), parent)
        self.statement = QLabel()
        self.statement.setObjectName("appealStatement")
        self.statement.setWordWrap(True)
        self.form.addRow(self.statement)
        self.filed = date_edit("appealFiled")
        self.add_field(tr(_C, "&Filed on:"), self.filed, "filed_on")
        self.outcome_box = StepForm("appealOutcomeForm", tr(_C, "Record &outcome"))
        self.outcome = QComboBox()
        self.outcome.setObjectName("appealOutcome")
        for outcome in AppealOutcome:
            self.outcome.addItem(outcome.label, outcome.value)
        self.outcome_on = date_edit("appealOutcomeDate")
        self.outcome_note = text_edit("appealOutcomeNote", tr(_C, "The decision's gist."), 56)
        self.outcome_box.add_field(tr(_C, "O&utcome:"), self.outcome)
        self.outcome_box.add_field(tr(_C, "Decided &on:"), self.outcome_on, "decided_on")
        self.outcome_box.add_field(tr(_C, "&Note:"), self.outcome_note, "outcome_note")
        self.outcome_box.submit = self._submit_outcome  # type: ignore[method-assign]
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addWidget(self.outcome_box)

    def reset(self, today: dt.date) -> None:
        """Both dates on ``today`` (the agency's day)."""
        self.filed.setDate(qdate(today))
        self.outcome_on.setDate(qdate(today))

    def submit(self) -> None:
        self.submitted.emit(pydate(self.filed.date()))

    def _submit_outcome(self) -> None:
        self.outcome_submitted.emit(
            AppealOutcome(self.outcome.currentData()),
            pydate(self.outcome_on.date()),
            self.outcome_note.toPlainText(),
        )


class ReferralForm(StepForm):
    """A contracted provider's employee: the findings go to the provider."""

    submitted = Signal(object)  #: ReferralInput

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("referralForm", tr(_C, "&Refer to the provider"), parent)
        self.employee_id = 0
        self.provider = QLineEdit()
        self.provider.setObjectName("referralProvider")
        self.provider.setPlaceholderText(tr(_C, "The provider that employs them"))
        self.referred = date_edit("referralDate")
        self.sent_by = QLineEdit()
        self.sent_by.setObjectName("referralSentBy")
        self.note = text_edit("referralNote", tr(_C, "What was sent (optional)."), 56)
        self.add_field(tr(_C, "&Provider:"), self.provider, "provider")
        self.add_field(tr(_C, "Referred &on:"), self.referred, "referred_on")
        self.add_field(tr(_C, "Sent &by:"), self.sent_by, "sent_by")
        self.add_field(tr(_C, "&Note:"), self.note, "note")

    def reset(self, employee_id: int, sender: str, today: dt.date) -> None:
        self.employee_id = employee_id
        self.clear_errors()
        self.provider.clear()
        self.note.clear()
        self.sent_by.setText(sender)
        self.referred.setDate(qdate(today))

    def submit(self) -> None:
        self.submitted.emit(
            ReferralInput(
                employee_id=self.employee_id,
                provider=self.provider.text(),
                referred_on=pydate(self.referred.date()),
                sent_by=self.sent_by.text(),
                note=self.note.toPlainText(),
            )
        )
