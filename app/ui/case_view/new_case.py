"""Recording a new report: the intake form in a dialog that creates the case."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import InvalidInput
from app.domain.permissions import Permission
from app.services import cases
from app.services.cases import CaseDetail
from app.ui.case_view.form import CaseForm
from app.ui.case_view.support import alive
from app.ui.fit import fit_to_screen
from app.ui.form_drafts import DiscardGuard
from app.ui.workspace import Workspace


class NewCaseDialog(QDialog):
    """The intake form; Create records the case and allocates its number.

    On invalid input the dialog stays open with the message beside the
    field, and nothing typed is lost.
    """

    case_created = Signal(int)  #: the new case's id

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._busy = False
        self.setObjectName("newCaseDialog")
        self.setWindowTitle(self.tr("New case"))
        self.form = CaseForm(workspace, editing=False)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText(self.tr("Create case"))
        self.create_button.setObjectName("createButton")
        self.buttons.accepted.connect(self.on_create_clicked)
        self.buttons.rejected.connect(self.reject)
        self.restricted = QCheckBox(
            self.tr(
                "&Restricted: only I and the assigned investigator see it (Access… adds others)"
            )
        )
        self.restricted.setObjectName("restrictedCheck")
        self.restricted.setVisible(workspace.can(Permission.CASE_ACCESS_MANAGE))
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.restricted)
        layout.addWidget(self.buttons)
        fit_to_screen(self, QSize(1180, 780))
        self.form.first_input().setFocus()
        # Closing the main window (the idle lock's Quit) asks about what is typed here
        # (form_drafts.typed_dialogs); Cancel asks through reject below.
        self.drafts = DiscardGuard(self)
        #: The question before what was typed is thrown away, while it is open.
        self.discard_box: QMessageBox | None = None

    @Slot()
    def on_create_clicked(self) -> None:
        """Create the case in the background; invalid input is shown beside its field."""
        if self._busy:
            return
        fields = self.form.fields()
        self.form.clear_errors()
        self._set_busy(True)
        self.workspace.call(
            cases.create_case,
            fields,
            restricted=self.restricted.isChecked(),
            on_success=alive(self, self._on_created),
            on_failure=alive(self, self._on_failed),
            parent=self,
        )

    def _on_created(self, detail: CaseDetail) -> None:
        self._set_busy(False)
        self.workspace.status_message.emit(self.tr("Case {0} created.").format(detail.number))
        self.case_created.emit(detail.id)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, InvalidInput):
            self.form.show_error(error)
        else:
            self.workspace.errors.show(error, self)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.create_button.setEnabled(not busy)

    def reject(self) -> None:
        """Cancel; what was typed is only thrown away once the user says so.

        The question does not block (a box named "discardNewCaseDialog", Cancel
        by default): the dialog closes once the user says Discard.
        """
        if self._busy:
            return
        if not self.form.modified:
            super().reject()
            return
        if self.discard_box is not None:
            return  # asked already
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Discard this report?"),
            self.tr("The new case has not been created. Discard what you entered?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("discardNewCaseDialog")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.discard_box = box

        def answered(result: int) -> None:
            self.discard_box = None
            box.deleteLater()
            if result == QMessageBox.StandardButton.Discard:
                QDialog.reject(self)

        box.finished.connect(answered)
        box.open()
