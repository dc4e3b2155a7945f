"""The intake form: every fact of a report, as a new case and the case view edit it."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QWidget

from app.domain.cases import AccountKind, DutyStatus, Equipment, IntakeChannel
from app.domain.errors import InvalidInput
from app.domain.permissions import Permission
from app.services import accounts, catalog, employees
from app.services.accounts import UserInfo
from app.services.cases import CaseFields
from app.services.catalog import AgencyInfo
from app.services.employees import EmployeeInfo
from app.ui.case_view.employee_dialog import AddEmployeeDialog
from app.ui.case_view.form_inputs import CaseFormInputs, select_value
from app.ui.case_view.inputs import from_qdate, say_if_future, to_qdate
from app.ui.case_view.support import alive
from app.ui.typed_work import choice_of
from app.ui.workspace import Workspace


def _comparable(fields: CaseFields) -> CaseFields:
    """``fields`` with order-free parts sorted, so reordering is not an edit."""
    return dataclasses.replace(
        fields,
        platforms=tuple(sorted(fields.platforms, key=str.casefold)),
        subject_ids=tuple(sorted(fields.subject_ids)),
        narrative=fields.narrative.replace("\r\n", "\n"),
    )


class CaseForm(CaseFormInputs):
    """Every intake fact of a case (``CaseFields``), with messages beside the inputs.

    ``changed`` fires whenever the content changes; :attr:`modified` says
    whether it now differs from what :meth:`set_fields` last loaded.
    Choices (agencies, staff, investigators) load in the background.
    """

    changed = Signal()

    def __init__(
        self, workspace: Workspace, *, editing: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(editing=editing, parent=parent)
        self.workspace = workspace
        self._loading = False
        self._employees_of: str | None = None
        self.employee_dialog: AddEmployeeDialog | None = None
        self.can_add_employees = workspace.can(Permission.EMPLOYEE_MANAGE)
        self._connect()
        self._baseline = self.fields()
        self._load_choices()

    def _connect(self) -> None:
        edits: list[tuple[str, Any]] = [
            ("agency", self.agency.currentIndexChanged),
            ("title", self.title.textEdited),
            ("reported_on", self.reported_on.dateChanged),
            ("intake_channel", self.intake_channel.currentIndexChanged),
            ("reporter_name", self.reporter_name.textEdited),
            ("reporter_contact", self.reporter_contact.textEdited),
            ("reporter_name", self.reporter_confidential.toggled),
            ("conduct_from", self.conduct_from.changed),
            ("conduct_to", self.conduct_to.changed),
            ("platforms", self.platforms.changed),
            ("duty_status", self.duty_status.currentIndexChanged),
            ("equipment", self.equipment.currentIndexChanged),
            ("account_kind", self.account_kind.currentIndexChanged),
            ("account_kind", self.clients_involved.toggled),
            ("subjects", self.subjects.changed),
            ("investigator", self.investigator.currentIndexChanged),
            ("narrative", self.narrative.textChanged),
        ]
        for key, signal in edits:
            signal.connect(lambda *_args, key=key: self._edited(key))
        self.agency.currentIndexChanged.connect(self.on_agency_changed)
        self.subjects.new_employee_requested.connect(self.on_new_employee_requested)

    # -- choices ---------------------------------------------------------------------------

    def _load_choices(self) -> None:
        call = self.workspace.call
        call(accounts.investigators, on_success=alive(self, self._on_investigators_loaded),
             parent=self)  # fmt: skip
        if not self.editing:
            call(catalog.list_agencies, on_success=alive(self, self._on_agencies_loaded),
                 parent=self)  # fmt: skip

    def _load_employees(self, agency_code: str) -> None:
        if agency_code == self._employees_of or not agency_code:
            return
        self._employees_of = agency_code
        self.workspace.call(
            employees.list_employees,
            agency_code=agency_code,
            on_success=alive(self, lambda found: self._on_employees_loaded(agency_code, found)),
            parent=self,
        )

    def _on_investigators_loaded(self, users: list[UserInfo]) -> None:
        was_modified = self.modified
        self._loading = True
        chosen = self.investigator.currentData()
        chosen_text = self.investigator.currentText()
        self.investigator.clear()
        self.investigator.addItem(self.tr("Unassigned"), None)
        for user in users:
            self.investigator.addItem(user.full_name, user.username)
        if chosen is None and not self.editing:
            chosen = self.workspace.actor.username  # a new report is usually one's own
        elif chosen is not None and self.investigator.findData(chosen) < 0:
            # No longer an active investigator, but still the one assigned.
            self.investigator.addItem(chosen_text, chosen)
        self.investigator.setCurrentIndex(max(self.investigator.findData(chosen), 0))
        self._loading = False
        if not was_modified:
            self._baseline = self.fields()
        self.changed.emit()

    def _on_agencies_loaded(self, agencies: list[AgencyInfo]) -> None:
        self._loading = True
        chosen = self.agency.currentData()
        self.agency.clear()
        for agency in agencies:
            self.agency.addItem(f"{agency.code} — {agency.name}", agency.code)
        self.agency.setCurrentIndex(self.agency.findData(chosen))
        self._loading = False
        if self.agency.currentIndex() < 0 and len(agencies) == 1:
            self.agency.setCurrentIndex(0)  # the only agency: nothing to choose

    def _on_employees_loaded(self, agency_code: str, found: list[EmployeeInfo]) -> None:
        if agency_code == self._employees_of:
            self.subjects.set_employees(found)

    # -- the facts ---------------------------------------------------------------------------

    def fields(self) -> CaseFields:
        """What the form holds now, as the services take it."""
        if self.reporter_hidden:
            reporter_name = self._baseline.reporter_name
            reporter_contact = self._baseline.reporter_contact
        else:
            reporter_name = self.reporter_name.text()
            reporter_contact = self.reporter_contact.text()
        narrative = self.narrative.document().toRawText()
        return CaseFields(
            agency_code=self.agency.currentData() or "",
            title=self.title.text(),
            reported_on=from_qdate(self.reported_on.date()),
            intake_channel=IntakeChannel(self.intake_channel.currentData()),
            conduct_from=self.conduct_from.date(),
            conduct_to=self.conduct_to.date(),
            reporter_name=reporter_name,
            reporter_contact=reporter_contact,
            reporter_confidential=self.reporter_confidential.isChecked(),
            platforms=self.platforms.platforms(),
            duty_status=DutyStatus(self.duty_status.currentData()),
            equipment=Equipment(self.equipment.currentData()),
            account_kind=AccountKind(self.account_kind.currentData()),
            clients_involved=self.clients_involved.isChecked(),
            narrative=narrative.replace("\u2029", "\n").replace("\u2028", "\n"),
            subject_ids=self.subjects.subject_ids(),
            investigator=self.investigator.currentData(),
        )

    def typed_changes(self) -> dict[str, str]:
        """The inputs changed since the facts were loaded, by the input's name: the text
        typed in each, or what is chosen in it (how and when it was reported, where the
        conduct happened, a box ticked: as :func:`app.ui.typed_work.choice_of` gives it).
        This is what puts the facts back after a crash (``app.ui.typed_work``). Inputs the
        user left alone are not named, so putting back never undoes a colleague's edit.
        The agency, investigator, platforms, subjects and conduct dates are not among
        them (they change what the rest offers): copied back by hand."""
        now, was = self.fields(), self._baseline
        inputs = [
            (self.title, now.title, was.title),
            (self.narrative, now.narrative, was.narrative),
        ]
        if not self.reporter_hidden:
            inputs += [
                (self.reporter_name, now.reporter_name, was.reporter_name),
                (self.reporter_contact, now.reporter_contact, was.reporter_contact),
            ]
        changed = {widget.objectName(): text for widget, text, before in inputs if text != before}
        choices: list[tuple[QWidget, object, object]] = [
            (self.reported_on, now.reported_on, was.reported_on),
            (self.intake_channel, now.intake_channel, was.intake_channel),
            (self.duty_status, now.duty_status, was.duty_status),
            (self.equipment, now.equipment, was.equipment),
            (self.account_kind, now.account_kind, was.account_kind),
            (self.clients_involved, now.clients_involved, was.clients_involved),
        ]
        if not self.reporter_hidden:
            choices.append(
                (self.reporter_confidential, now.reporter_confidential, was.reporter_confidential)
            )
        for widget, value, before in choices:
            if value != before and (chosen := choice_of(widget)) is not None:
                changed[widget.objectName()] = chosen
        return changed

    def chosen_changes(self) -> list[str]:
        """The names of the choices among :meth:`typed_changes`."""
        return [
            name
            for name in self.typed_changes()
            if (widget := self.findChild(QWidget, name)) is not None
            and choice_of(widget) is not None
        ]

    def reveal_reporter(self, name: str, contact: str) -> None:
        """Show the confidential reporter the user asked to see (the request was audited).

        The revealed identity becomes the loaded value, so revealing it is not an edit.
        """
        self.reporter_hidden = False
        self.reporter_name.setText(name)
        self.reporter_contact.setText(contact)
        for edit in (self.reporter_name, self.reporter_contact):
            edit.setReadOnly(self.read_only)
        self.reporter_confidential.setEnabled(not self.read_only)
        self.show_reporter_button.hide()
        self._baseline = dataclasses.replace(
            self._baseline, reporter_name=name, reporter_contact=contact
        )
        self.changed.emit()

    @property
    def baseline(self) -> CaseFields:
        """What :meth:`set_fields` last loaded."""
        return self._baseline

    def set_baseline(self, fields: CaseFields) -> None:
        """Count what the form shows as edits over ``fields`` (after a merge)."""
        self._baseline = fields
        self.changed.emit()

    @property
    def modified(self) -> bool:
        """Whether the user changed anything since the facts were loaded."""
        return _comparable(self.fields()) != _comparable(self._baseline)

    def set_fields(
        self,
        fields: CaseFields,
        *,
        agency_name: str = "",
        subjects: Iterable[EmployeeInfo] = (),
        investigator_name: str | None = None,
        reporter_hidden: bool = False,
        reporter_revealable: bool = False,
    ) -> None:
        """Show ``fields`` as saved; ``subjects`` and names label what is not loaded yet."""
        self._loading = True
        if self.agency.findData(fields.agency_code) < 0:
            self.agency.addItem(
                f"{fields.agency_code} — {agency_name}" if agency_name else fields.agency_code,
                fields.agency_code,
            )
        select_value(self.agency, fields.agency_code)
        self.title.setText(fields.title)
        self.title.setCursorPosition(0)  # a long title shows its beginning, not its end
        self.reported_on.setDate(to_qdate(fields.reported_on))
        select_value(self.intake_channel, fields.intake_channel)
        self.reporter_hidden = reporter_hidden
        hidden = self.tr("(confidential)")
        self.reporter_name.setText(hidden if reporter_hidden else fields.reporter_name)
        self.reporter_contact.setText(hidden if reporter_hidden else fields.reporter_contact)
        for edit in (self.reporter_name, self.reporter_contact):
            edit.setReadOnly(reporter_hidden or self.read_only)
        self.reporter_confidential.setChecked(fields.reporter_confidential)
        self.reporter_confidential.setEnabled(not reporter_hidden and not self.read_only)
        self.show_reporter_button.setVisible(reporter_hidden and reporter_revealable)
        self.conduct_from.set_date(fields.conduct_from)
        self.conduct_to.set_date(fields.conduct_to)
        self.platforms.set_platforms(fields.platforms)
        select_value(self.duty_status, fields.duty_status)
        select_value(self.equipment, fields.equipment)
        select_value(self.account_kind, fields.account_kind)
        self.clients_involved.setChecked(fields.clients_involved)
        self._load_employees(fields.agency_code)
        self.subjects.set_subjects(fields.subject_ids, subjects)
        if fields.investigator and self.investigator.findData(fields.investigator) < 0:
            self.investigator.addItem(investigator_name or fields.investigator,
                                      fields.investigator)  # fmt: skip
        select_value(self.investigator, fields.investigator)
        self.narrative.setPlainText(fields.narrative)
        self._loading = False
        self._baseline = fields
        self.clear_errors()
        self.changed.emit()

    # -- read-only and errors --------------------------------------------------------------

    def set_read_only(self, read_only: bool) -> None:
        """For users who may see the case but not edit it: nothing invites typing."""
        self.can_add_employees = self.workspace.can(Permission.EMPLOYEE_MANAGE)
        super().set_read_only(read_only)

    def _edited(self, key: str) -> None:
        if self._loading:
            return
        self.messages.clear_field(key)
        dates = {
            "reported_on": (self.reported_on, self.tr("Date reported")),
            "conduct_from": (self.conduct_from.date_edit, self.tr("Conduct date")),
            "conduct_to": (self.conduct_to.date_edit, self.tr("Conduct end date")),
        }
        if key in dates and key in self.messages.labels:
            say_if_future(dates[key][0], self.messages.error_label(key), dates[key][1])
        self.changed.emit()

    # -- slots -------------------------------------------------------------------------------

    @Slot(int)
    def on_agency_changed(self, _index: int) -> None:
        """Another agency: its own staff are the possible subjects."""
        if self._loading:
            return
        self.subjects.clear_employees()
        self._load_employees(self.agency.currentData() or "")

    @Slot()
    def on_new_employee_requested(self) -> None:
        """Record an employee not yet on file and make them a subject."""
        agency_code = self.agency.currentData()
        if not agency_code:
            self.show_error(InvalidInput(self.tr("Choose the agency first."), field="agency"))
            return
        dialog = AddEmployeeDialog(self.workspace, agency_code, self)
        dialog.employee_added.connect(self.subjects.add_subject)
        dialog.open()
        self.employee_dialog = dialog
