"""The inputs of the intake form, laid out, each with a message line for its errors.

:class:`CaseFormInputs` only builds and arranges them, and shows errors and
the read-only state; :class:`~app.ui.case_view.form.CaseForm` gives them
their meaning (the case's facts) and their choices.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import InvalidInput
from app.domain.validation import NAME_MAX, TITLE_MAX
from app.services.cases import CaseFields
from app.ui.case_view import labels
from app.ui.case_view.inputs import OptionalDateEdit, PlatformPicker, SubjectPicker, make_date_edit
from app.ui.form_messages import ErrorLabel, FieldMessages


def _enum_combo(name: str, choices: dict[Any, str]) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for value, text in choices.items():
        combo.addItem(text, value.value)
    return combo


def select_value(combo: QComboBox, value: StrEnum | str | None) -> None:
    data = value.value if isinstance(value, StrEnum) else value
    combo.setCurrentIndex(combo.findData(data))


class CaseFormInputs(QWidget):
    """Every input of the intake form, in two columns, with an error line under each."""

    def __init__(self, *, editing: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editing = editing
        self.read_only = False
        self.reporter_hidden = False
        self.can_add_employees = True
        self._placeholders: dict[QLineEdit | QPlainTextEdit, str] = {}
        self.general_error = ErrorLabel()
        self.general_error.setObjectName("formError")
        #: The message line of each input; :class:`CaseForm` hides them as inputs are edited.
        self.messages = FieldMessages(
            self.general_error, aliases={"platform": "platforms", "employee": "subjects"},
            parent=self,
        )  # fmt: skip

        self.agency = QComboBox()
        self.agency.setObjectName("agencyCombo")
        self.agency.setPlaceholderText(self.tr("Choose the agency"))
        self.agency.setEnabled(not editing)
        self.title = QLineEdit()
        self.title.setObjectName("titleEdit")
        self.title.setMaxLength(TITLE_MAX)
        self.title.setPlaceholderText(self.tr("What was reported, in a line"))
        self.reported_on = make_date_edit()
        self.reported_on.setObjectName("reportedOnEdit")
        self.intake_channel = _enum_combo("intakeChannelCombo", labels.intake_channel_labels())
        self.reporter_name = QLineEdit()
        self.reporter_name.setObjectName("reporterNameEdit")
        self.reporter_name.setMaxLength(NAME_MAX)
        self.reporter_contact = QLineEdit()
        self.reporter_contact.setObjectName("reporterContactEdit")
        self.reporter_contact.setPlaceholderText(self.tr("Phone, e-mail or office"))
        self.reporter_confidential = QCheckBox(self.tr("Keep the reporter's identity confidential"))
        self.reporter_confidential.setObjectName("reporterConfidentialCheck")
        # A confidential reporter is shown only on this explicit request, which is audited.
        self.show_reporter_button = QPushButton(self.tr("Show &reporter"))
        self.show_reporter_button.setObjectName("showReporterButton")
        self.show_reporter_button.setToolTip(
            self.tr("Show the confidential reporter's identity; the view is recorded in the "
                    "audit log.")
        )  # fmt: skip
        self.show_reporter_button.hide()
        self.conduct_from = OptionalDateEdit()
        self.conduct_from.setObjectName("conductFromEdit")
        self.conduct_to = OptionalDateEdit()
        self.conduct_to.setObjectName("conductToEdit")
        self.platforms = PlatformPicker()
        self.platforms.setObjectName("platformPicker")
        self.duty_status = _enum_combo("dutyStatusCombo", labels.duty_status_labels())
        self.equipment = _enum_combo("equipmentCombo", labels.equipment_labels())
        self.account_kind = _enum_combo("accountKindCombo", labels.account_kind_labels())
        self.clients_involved = QCheckBox(self.tr("Clients, youth or consumers are involved"))
        self.clients_involved.setObjectName("clientsInvolvedCheck")
        self.subjects = SubjectPicker()
        self.subjects.setObjectName("subjectPicker")
        self.investigator = QComboBox()
        self.investigator.setObjectName("investigatorCombo")
        self.investigator.addItem(self.tr("Unassigned"), None)
        self.narrative = QPlainTextEdit()
        self.narrative.setObjectName("narrativeEdit")
        self.narrative.setTabChangesFocus(True)
        self.narrative.setPlaceholderText(
            self.tr("What was seen: where, when, what the post or message showed, and who saw it.")
        )
        self._lay_out()
        self._set_tab_order()
        self._select_defaults()

    # -- construction ------------------------------------------------------------------

    def _row(
        self, form: QFormLayout, text: str, widget: QWidget, key: str, *, required: bool = False
    ) -> None:
        """A labelled input with its own (hidden) error message under it."""
        error = ErrorLabel()
        error.setObjectName(f"{key}Error")
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        label = QLabel(text)
        label.setBuddy(widget)
        form.addRow(label, box)
        self.messages.add(key, widget, error, label=label, required=required, watch=False)

    def _lay_out(self) -> None:
        report = QGroupBox(self.tr("Report"))
        form = QFormLayout(report)
        self._row(form, self.tr("A&gency:"), self.agency, "agency", required=True)
        self._row(form, self.tr("&Title:"), self.title, "title", required=True)
        self._row(form, self.tr("Date &reported:"), self.reported_on, "reported_on",
                  required=True)  # fmt: skip
        self._row(form, self.tr("Reported t&hrough:"), self.intake_channel, "intake_channel")
        self._row(form, self.tr("Reporter &name:"), self.reporter_name, "reporter_name")
        self._row(form, self.tr("Reporter c&ontact:"), self.reporter_contact, "reporter_contact")
        form.addRow("", self.reporter_confidential)
        form.addRow("", self.show_reporter_button)

        conduct = QGroupBox(self.tr("Conduct"))
        form = QFormLayout(conduct)
        self._row(form, self.tr("Conduct &from:"), self.conduct_from, "conduct_from")
        self._row(form, self.tr("Conduct t&o:"), self.conduct_to, "conduct_to")
        self._row(form, self.tr("&Platforms:"), self.platforms, "platforms")
        self._row(form, self.tr("&Duty status:"), self.duty_status, "duty_status")
        self._row(form, self.tr("E&quipment:"), self.equipment, "equipment")
        self._row(form, self.tr("Acc&ount:"), self.account_kind, "account_kind")
        form.addRow("", self.clients_involved)

        people = QGroupBox(self.tr("People"))
        form = QFormLayout(people)
        self._row(form, self.tr("&Subject employees:"), self.subjects, "subjects")
        self._row(form, self.tr("&Investigator:"), self.investigator, "investigator")

        seen = QGroupBox(self.tr("What was seen"))
        seen_layout = QVBoxLayout(seen)
        error = ErrorLabel()
        error.setObjectName("narrativeError")
        seen_layout.addWidget(self.narrative)
        seen_layout.addWidget(error)
        self.messages.add("narrative", self.narrative, error, watch=False)

        left = QVBoxLayout()
        left.addWidget(report)
        left.addWidget(conduct)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(people)
        right.addWidget(seen, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.general_error)
        layout.addLayout(columns, 1)

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.agency, self.title, self.reported_on, self.intake_channel, self.reporter_name,
            self.reporter_contact, self.reporter_confidential, self.conduct_from.date_edit,
            self.conduct_from.unknown, self.conduct_to.date_edit, self.conduct_to.unknown,
            *self.platforms.focus_widgets(), self.duty_status, self.equipment,
            self.account_kind, self.clients_involved, *self.subjects.focus_widgets(),
            self.investigator, self.narrative,
        ]  # fmt: skip
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _select_defaults(self) -> None:
        """A new report starts from the service's defaults: nothing is assumed."""
        defaults = CaseFields(agency_code="", title="", reported_on=dt.date.today())
        select_value(self.intake_channel, defaults.intake_channel)
        select_value(self.duty_status, defaults.duty_status)
        select_value(self.equipment, defaults.equipment)
        select_value(self.account_kind, defaults.account_kind)

    def first_input(self) -> QWidget:
        """Where typing starts: the agency for a new case, the title otherwise."""
        return self.title if self.editing else self.agency

    # -- read-only and errors --------------------------------------------------------------

    def set_read_only(self, read_only: bool) -> None:
        """For users who may see the case but not edit it: nothing invites typing."""
        self.read_only = read_only
        for widget in (self.title, self.reporter_contact, self.platforms.others, self.narrative):
            if read_only:
                self._placeholders.setdefault(widget, widget.placeholderText())
                widget.setPlaceholderText("")
            elif widget in self._placeholders:
                widget.setPlaceholderText(self._placeholders.pop(widget))
        for edit in (self.title, self.reporter_name, self.reporter_contact):
            edit.setReadOnly(read_only or (edit is not self.title and self.reporter_hidden))
        self.reported_on.setReadOnly(read_only)
        self.narrative.setReadOnly(read_only)
        for choice in (self.intake_channel, self.duty_status, self.equipment,
                       self.account_kind, self.investigator, self.clients_involved):  # fmt: skip
            choice.setEnabled(not read_only)
        self.reporter_confidential.setEnabled(not read_only and not self.reporter_hidden)
        self.conduct_from.set_read_only(read_only)
        self.conduct_to.set_read_only(read_only)
        self.platforms.set_read_only(read_only)
        self.subjects.set_read_only(read_only, can_add_employees=self.can_add_employees)

    def error_label(self, key: str) -> ErrorLabel:
        """The message label beside the input ``key`` (a CaseFields name)."""
        return self.messages.error_label(key)

    def show_error(self, error: InvalidInput) -> None:
        """Show every problem the service found beside its input, and go to the first."""
        self.messages.show_error(error)

    def clear_errors(self) -> None:
        self.messages.clear()
