"""Access…: whether a case is restricted, and who is on its access list.

For investigators and supervisors who see the case. The one who saves and
the assigned investigator are always on the list (the service adds them); a
subject's own account is never offered. Every change is audited by the
service (``case.restrict`` / ``case.unrestrict``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import access
from app.services.access import AccessList, Candidate
from app.ui.case_view.support import alive
from app.ui.workspace import Workspace


class AccessDialog(QDialog):
    """A "Restricted" checkbox and the users of the case's agency to tick."""

    saved = Signal(object)  #: the stored :class:`AccessList`
    loaded = Signal()  #: the current list and the candidates are shown

    def __init__(self, workspace: Workspace, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.case_id = case_id
        self.setObjectName("caseAccessDialog")
        self.setWindowTitle(self.tr("Who may see this case"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._current: AccessList | None = None
        self.restricted = QCheckBox(self.tr("&Restricted: only the users ticked below see it"))
        self.restricted.setObjectName("restrictedCheck")
        self.restricted.toggled.connect(self.on_restricted_toggled)
        note = QLabel(
            self.tr(
                "You and the assigned investigator always stay on the list. Users of other "
                "agencies, and the case's subjects, never see it. Each change is recorded."
            )
        )
        note.setWordWrap(True)
        self.users = QListWidget()
        self.users.setObjectName("accessUsers")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)
        self.buttons.accepted.connect(self.on_save_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.restricted)
        layout.addWidget(note)
        layout.addWidget(self.users, 1)
        layout.addWidget(self.buttons)
        self.resize(460, 420)
        workspace.call(
            access.access_list, case_id, on_success=alive(self, self._on_list), parent=self
        )

    def _on_list(self, current: AccessList) -> None:
        self._current = current
        self.workspace.call(
            access.candidates, self.case_id, on_success=alive(self, self._on_candidates),
            parent=self,
        )  # fmt: skip

    def _on_candidates(self, people: list[Candidate]) -> None:
        assert self._current is not None
        listed = set(self._current.usernames)
        me = self.workspace.actor.username
        for person in people:
            item = QListWidgetItem(f"{person.full_name} ({person.username})")
            item.setData(Qt.ItemDataRole.UserRole, person.username)
            if person.username == me:
                # Whoever saves stays on the list (the service adds them): shown, not a choice.
                item.setText(self.tr("{0} (you, always)").format(item.text()))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                item.setCheckState(Qt.CheckState.Checked)
            else:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Checked if person.username in listed else Qt.CheckState.Unchecked
                )
            self.users.addItem(item)
        self.restricted.setChecked(self._current.restricted)
        self.users.setEnabled(self._current.restricted)
        self.save_button.setEnabled(True)
        self.loaded.emit()

    def allowed(self) -> list[str]:
        """The user names ticked."""
        return [
            str(self.users.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.users.count())
            if self.users.item(i).checkState() == Qt.CheckState.Checked
        ]

    @Slot(bool)
    def on_restricted_toggled(self, on: bool) -> None:
        """The list applies only to a restricted case."""
        self.users.setEnabled(on)

    @Slot()
    def on_save_clicked(self) -> None:
        """Store the restriction and the list in the background."""
        self.save_button.setEnabled(False)
        restricted = self.restricted.isChecked()
        self.workspace.call(
            access.set_restriction, self.case_id, restricted=restricted,
            allow=self.allowed() if restricted else [],
            on_success=alive(self, self._on_saved),
            on_failure=alive(self, self._on_failed),
            parent=self,
        )  # fmt: skip

    def _on_saved(self, stored: AccessList) -> None:
        self.saved.emit(stored)
        self.workspace.case_changed.emit(self.case_id)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.workspace.errors.show(error, self)
