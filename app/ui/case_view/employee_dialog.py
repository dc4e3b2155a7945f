"""Recording an employee who is not on file yet, from the intake form."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import InvalidInput
from app.services import employees
from app.services.employees import EmployeeInfo
from app.ui.case_view.support import ErrorLabel, alive
from app.ui.form_drafts import DiscardGuard
from app.ui.workspace import Workspace


class AddEmployeeDialog(QDialog):
    """Name, position, division and number of a new employee of one agency."""

    employee_added = Signal(object)  #: the EmployeeInfo recorded

    def __init__(
        self, workspace: Workspace, agency_code: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.discard_guard = DiscardGuard(self)
        self.workspace = workspace
        self.agency_code = agency_code
        self.setObjectName("addEmployeeDialog")
        self.setWindowTitle(self.tr("New employee of {0}").format(agency_code))
        self.full_name = QLineEdit()
        self.full_name.setObjectName("employeeName")
        self.position = QLineEdit()
        self.position.setObjectName("employeePosition")
        self.division = QLineEdit()
        self.division.setObjectName("employeeDivision")
        self.number = QLineEdit()
        self.number.setObjectName("employeeNumber")
        self.message = ErrorLabel()
        self.message.setObjectName("employeeError")
        for edit in (self.full_name, self.position, self.division, self.number):
            edit.textEdited.connect(self.message.clear_message)
        form = QFormLayout()
        form.addRow(self.tr("Full &name:"), self.full_name)
        form.addRow(self.tr("&Position:"), self.position)
        form.addRow(self.tr("&Division / unit:"), self.division)
        form.addRow(self.tr("Employee n&umber:"), self.number)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Add employee"))
        self.buttons.accepted.connect(self.on_add_clicked)
        self.buttons.rejected.connect(self.reject)
        hint = QLabel(self.tr("The employee is added to the agency's staff list."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    @Slot()
    def on_add_clicked(self) -> None:
        """Record the employee in the background; the dialog stays open on an error."""
        self.ok_button.setEnabled(False)
        self.workspace.call(
            employees.add_employee,
            agency_code=self.agency_code,
            full_name=self.full_name.text(),
            position=self.position.text(),
            division=self.division.text(),
            employee_number=self.number.text() or None,
            on_success=alive(self, self._on_added),
            on_failure=alive(self, self._on_failed),
            parent=self,
        )

    def _on_added(self, employee: EmployeeInfo) -> None:
        self.ok_button.setEnabled(True)
        self.employee_added.emit(employee)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(error, InvalidInput):
            self.message.show_message(str(error))
        else:
            self.workspace.errors.show(error, self)

    def reject(self) -> None:
        """Cancel, Escape or close: asks first when something was typed."""
        self.discard_guard.reject(super().reject)
