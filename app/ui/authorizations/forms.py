"""The base of every authorization and credential-request form: refusals with citations.

A form sends its record through the workspace's background tasks and stays
open until the service accepts it. When a rule refuses, the heading above
the form says so and each reason is shown next to the input it is about
("MA-DYS-01.05.22 B.2.e: the account … is already authorized for …");
reasons about the whole record are listed under the heading. Invalid input
(every problem at once) is shown next to its input; messages go when their
input is edited (:mod:`app.ui.form_messages`). The form scrolls when the
screen is short.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.authorizations.decision import Decision, RuleRefused
from app.domain.errors import InvalidInput, InvalidInputs, PermissionDenied, Refused
from app.services.case_queries import CaseRow
from app.services.employees import EmployeeInfo
from app.ui.authorizations import labels
from app.ui.authorizations.choices import FormChoices, fill_employees, load_choices
from app.ui.authorizations.labels import cited
from app.ui.case_view.inputs import say_if_future
from app.ui.case_view.support import alive
from app.ui.fit import available_size, fit_to_screen, scrollable
from app.ui.form_drafts import DiscardGuard
from app.ui.form_messages import ErrorLabel, FieldMessages
from app.ui.palette import css, error_colour, style_as_note
from app.ui.wording import for_window
from app.ui.workspace import Workspace

#: A date input's property: its day may not be after today (said beside it as typed).
NOT_AFTER_TODAY = "notAfterToday"


def platform_input(name: str) -> QComboBox:
    """A platform: one of the common ones, or typed."""
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setEditable(True)
    combo.addItems(labels.PLATFORMS)
    combo.setCurrentIndex(-1)
    edit = combo.lineEdit()
    if edit is not None:
        edit.setPlaceholderText(combo.tr("Choose or type the platform"))
    return combo


class RefusalPanel(QFrame):
    """A framed list of every reason a rule gave, each with its provisions; hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("refusalPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        red = error_colour()
        self.setStyleSheet(
            f"#refusalPanel {{ border: 1px solid {css(red)}; border-radius: 4px; "
            f"background: rgba({red.red()}, {red.green()}, {red.blue()}, 0.06); }}"
        )
        self.heading = QLabel()
        self.heading.setObjectName("refusalHeading")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.reasons = QLabel()
        self.reasons.setObjectName("refusalReasons")
        self.reasons.setWordWrap(True)
        self.reasons.setTextFormat(Qt.TextFormat.RichText)
        self.reasons.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.reasons)
        self.lines: list[str] = []  #: the reasons as plain text, as shown
        self.hide()

    def show_reasons(self, heading: str, lines: list[tuple[str, str]]) -> None:
        """``heading``, then one bullet per (citations, message); no list when none."""
        self.heading.setText(heading)
        lines = [(c, for_window(m)) for c, m in lines]
        self.lines = [f"{c}: {m}" if c else m for c, m in lines]
        items = "".join(
            f"<li><b>{html.escape(c)}</b>{': ' if c else ''}{html.escape(m)}</li>"
            if c
            else f"<li>{html.escape(m)}</li>"
            for c, m in lines
        )
        self.reasons.setText(f"<ul style='margin-left: -20px'>{items}</ul>" if items else "")
        self.reasons.setVisible(bool(items))
        self.show()

    def show_decision(self, heading: str, decision: Decision) -> None:
        self.show_reasons(heading, [("; ".join(r.citations), r.message) for r in decision.reasons])

    def clear_reasons(self) -> None:
        self.lines = []
        self.heading.clear()
        self.reasons.clear()
        self.hide()


class RuleDialog(QDialog):
    """A form whose OK runs one service; refusals and errors keep it open.

    Subclasses add rows with :meth:`add_row`, map the rules' field names to
    their rows in :attr:`aliases`, and implement :meth:`submit`.
    """

    saved = Signal(object)  #: the service's result, once stored

    #: A reason's or an error's field → the key of the row that shows it.
    aliases: dict[str, str] = {}

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.discard_guard = DiscardGuard(self)
        self.workspace = workspace
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._busy = False
        self.intro = QLabel()
        self.intro.setObjectName("formIntro")
        self.intro.setWordWrap(True)
        self.intro.hide()
        self.refusal = RefusalPanel()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.general_error = ErrorLabel()
        self.general_error.setObjectName("formError")
        self.messages = FieldMessages(self.general_error, aliases=self.aliases, parent=self)
        self.field_errors = self.messages.labels  #: the message line of each row, by key
        self.inputs = self.messages.inputs  #: the input of each row, by key
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        body = QWidget()
        body.setObjectName("formBody")
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.intro)
        column.addWidget(self.refusal)
        column.addLayout(self.form)
        column.addWidget(self.general_error)
        column.addStretch(1)
        self.form_scroll = scrollable(body)
        layout = self._layout = QVBoxLayout(self)
        layout.addWidget(self.form_scroll, 1)
        layout.addWidget(self.buttons)
        # Enter sends the form, never throws it away. Set once the button is in the
        # dialog; otherwise Qt makes the first enabled button, Cancel while OK waits
        # for the choices to load, the default when the dialog shows.
        self.ok_button.setDefault(True)
        # Focus on Cancel (where it lands while the choices load) must not make it the
        # default either: Enter there still goes to OK; Space or a click cancels.
        self.cancel_button.setAutoDefault(False)
        self.setMinimumWidth(min(620, available_size(self).width()))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        """Open as large as the form needs, at most the screen."""
        if not self._sized:
            self._sized = True
            fit_to_screen(self)
        super().showEvent(event)

    _sized = False

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.show()

    def add_row(
        self, key: str, label: str, widget: QWidget, hint: str = "", *, required: bool = False
    ) -> QWidget:
        """A form row: the input, an optional hint, and its (hidden) message line."""
        cell = QWidget()
        cell.setObjectName(f"{key}Row")
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        if hint:
            note = QLabel(hint)
            note.setWordWrap(True)
            style_as_note(note)
            column.addWidget(note)
        error = ErrorLabel()
        error.setObjectName(f"{key}Error")
        column.addWidget(error)
        if isinstance(widget, QDateEdit) and widget.property(NOT_AFTER_TODAY):
            what = label.replace("&", "").rstrip(":").strip()
            widget.dateChanged.connect(
                lambda _day, edit=widget, line=error, what=what: say_if_future(edit, line, what)
            )
        text = QLabel(label)
        text.setBuddy(widget)
        self.messages.add(key, widget, error, label=text if label else None, required=required)
        self.form.addRow(text, cell)
        return widget

    def set_row_visible(self, key: str, visible: bool) -> None:
        widget = self.inputs[key]
        cell = widget.parentWidget()
        if cell is not None:
            self.form.setRowVisible(cell, visible)

    def error_label(self, key: str) -> ErrorLabel:
        """The message line under the input ``key``."""
        return self.messages.error_label(key)

    # -- errors ------------------------------------------------------------------------

    def clear_errors(self) -> None:
        self.messages.clear()
        self.refusal.clear_reasons()

    def _row_for(self, field: str | None) -> str | None:
        return self.messages.key_for(field)

    def _show_refusal(self, error: RuleRefused) -> list[tuple[str | None, str]]:
        """List the reasons about no input above the form; return the others, to show beside."""
        heading = str(error).splitlines()[0]
        beside: list[tuple[str | None, str]] = [
            (r.field or None, cited(r))
            for r in error.decision.reasons
            if self._row_for(r.field) is not None
        ]
        elsewhere = [("; ".join(r.citations), r.message) for r in error.decision.reasons
                     if self._row_for(r.field) is None]  # fmt: skip
        self.refusal.show_reasons(heading, elsewhere)
        return beside

    def show_problems(self, problems: list[tuple[str | None, str]]) -> None:
        """Show problems the form found itself (``(field, message)``), with nothing sent."""
        self.messages.show(problems)
        self._fit_height()

    def show_failure(self, error: BaseException) -> None:
        """Show what the service said: every reason of a refusal, or every input to fix."""
        if isinstance(error, RuleRefused):
            self.messages.show(self._show_refusal(error))
        elif isinstance(error, InvalidInputs) and isinstance(error.refused, RuleRefused):
            # One answer: the inputs to fix and what the rules already refuse on the
            # others, each beside its input (or listed above the form), each once.
            problems = [(p.field, str(p)) for p in error.problems]
            self.messages.show(problems + self._show_refusal(error.refused))
        elif isinstance(error, InvalidInput):
            self.messages.show_error(error)
        elif isinstance(error, Refused) and not isinstance(error, PermissionDenied):
            # The citations go in front; ``message`` is the text without them.
            citations = "; ".join(error.citations)
            self.refusal.show_reasons(self.tr("Not allowed:"), [(citations, error.message)])
        else:
            self.workspace.errors.show(error, self)
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to show messages that appeared, up to the screen; beyond, the form scrolls."""
        body = self.form_scroll.widget()
        inner = body.layout() if body is not None else None
        if inner is not None:
            inner.activate()  # the messages just shown count in the form's size hint now
            self.form_scroll.updateGeometry()
        self._layout.activate()
        needed = self.sizeHint().height()
        room = available_size(self).height()
        if needed > self.height() and self.height() < room:
            self.resize(self.width(), min(needed, room))

    # -- submitting ----------------------------------------------------------------------

    def submit(self) -> None:
        """Read the form and call :meth:`run` with the service; subclasses implement."""
        raise NotImplementedError

    def run(self, service: Any, *args: Any, **kwargs: Any) -> None:
        """Store the record in the background; OK and Cancel wait for the answer."""
        self._set_busy(True)
        self.workspace.call(
            service,
            *args,
            on_success=self._on_service_succeeded,
            on_failure=self._on_service_failed,
            parent=self,
            **kwargs,
        )

    @property
    def busy(self) -> bool:
        return self._busy

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.ok_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)

    def _on_service_succeeded(self, result: object) -> None:
        self._set_busy(False)
        self.saved.emit(result)
        self.accept()

    def _on_service_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.show_failure(error)

    @Slot()
    def on_buttons_accepted(self) -> None:
        """OK: check and send; the form closes only when the record is stored."""
        if self._busy:
            return
        self.clear_errors()
        self.submit()

    def reject(self) -> None:
        """Cancel, unless a change is on its way (its answer must find the form)."""
        if not self._busy:
            self.discard_guard.reject(super().reject)


class AgencyForm(RuleDialog):
    """A form over one agency's staff and cases, chosen among the agencies of some jurisdictions.

    It offers the agency, the employee, a case and the account (platform and
    name); the choices load in the background (:meth:`load`), and OK stays
    disabled until an agency is on file. Subclasses say how cases are offered
    (:meth:`fill_case_choices`) and what is missing when no agency is
    (:meth:`no_agency_message`).
    """

    choices_loaded = Signal()  #: the agencies, staff and cases are in the pickers

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)
        self.choices: FormChoices | None = None
        self.agency = QComboBox()
        self.agency.setObjectName("agencyCombo")
        self.employee = QComboBox()
        self.employee.setObjectName("employeeCombo")
        self.case = QComboBox()
        self.case.setObjectName("caseCombo")
        self.platform = platform_input("platformCombo")
        self.account = QLineEdit()
        self.account.setObjectName("accountEdit")
        self.account.setPlaceholderText(self.tr("The account's name or handle"))
        self.ok_button.setEnabled(False)
        self.agency.currentIndexChanged.connect(self.on_agency_changed)

    def load(self, jurisdictions: Iterable[str]) -> None:
        """Load the agencies of ``jurisdictions`` with their staff and cases, off the UI thread."""
        self.workspace.call(
            load_choices,
            tuple(jurisdictions),
            on_success=alive(self, self._on_choices),
            parent=self,
        )

    def no_agency_message(self) -> str:
        """What to say when no agency of the form's jurisdictions is on file."""
        raise NotImplementedError

    def _on_choices(self, choices: FormChoices) -> None:
        self.choices = choices
        self.agency.clear()
        for agency in choices.agencies:
            self.agency.addItem(f"{agency.code} — {agency.name}", agency.code)
        self.agency.setCurrentIndex(0 if choices.agencies else -1)
        self.on_agency_changed(self.agency.currentIndex())
        self.ok_button.setEnabled(bool(choices.agencies))
        if not choices.agencies:
            self.general_error.show_message(self.no_agency_message())
        focus = self.focusWidget()
        if self.isActiveWindow() and (focus is None or isinstance(focus, QAbstractButton)):
            # The inputs are ready: typing goes into the first of them, not to a button.
            first = next((w for w in self.inputs.values() if w.isEnabled()), None)
            if first is not None:
                first.setFocus(Qt.FocusReason.OtherFocusReason)
        self.choices_loaded.emit()

    def agency_staff(self) -> tuple[EmployeeInfo, ...]:
        """The chosen agency's staff (none before the choices are loaded)."""
        code = self.agency.currentData()
        return self.choices.staff.get(code, ()) if self.choices and code else ()

    def agency_cases(self) -> tuple[CaseRow, ...]:
        """The chosen agency's cases (none before the choices are loaded)."""
        code = self.agency.currentData()
        return self.choices.cases.get(code, ()) if self.choices and code else ()

    def fill_staff_choices(self, staff: tuple[EmployeeInfo, ...]) -> None:
        fill_employees(self.employee, staff, self.tr("Choose the employee"))

    def fill_case_choices(self, rows: tuple[CaseRow, ...]) -> None:
        """Offer ``rows`` in the case picker; subclasses implement."""
        raise NotImplementedError

    @Slot(int)
    def on_agency_changed(self, _index: int) -> None:
        """The agency's staff and cases are the choices."""
        self.fill_staff_choices(self.agency_staff())
        self.fill_case_choices(self.agency_cases())
