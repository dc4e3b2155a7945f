"""Agency membership in the Users view: the agencies whose cases a user sees.

:class:`AgencyBoxes` shows one checkbox per agency (loaded in the
background); the Add user form uses it, and :class:`AgenciesDialog` edits
one user's agencies. A user with no agency sees no case.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

from app.services import accounts, catalog
from app.services.accounts import UserInfo
from app.services.catalog import AgencyInfo
from app.ui.users.dialogs import AccountDialog
from app.ui.workspace import Workspace

#: Checkboxes per row, so the form fits a small screen.
_PER_ROW = 3


class AgencyBoxes(QWidget):
    """One checkbox per agency of the catalog, by code, its name as the tooltip."""

    loaded = Signal()  #: the boxes are on screen

    def __init__(
        self, workspace: Workspace, checked: tuple[str, ...] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("agencyBoxes")
        self.boxes: dict[str, QCheckBox] = {}
        self._checked = set(checked)
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        # Room for two rows is kept from the start, so the form does not grow when they arrive.
        row = QCheckBox("MADYS").sizeHint().height()
        self.setMinimumHeight(2 * row + self._layout.verticalSpacing())
        workspace.call(catalog.list_agencies, on_success=self._on_agencies, parent=self)

    def _on_agencies(self, agencies: list[AgencyInfo]) -> None:
        for index, agency in enumerate(agencies):
            box = QCheckBox(agency.code)
            box.setObjectName(f"agency_{agency.code}")
            box.setToolTip(agency.name)
            box.setChecked(agency.code in self._checked)
            self._layout.addWidget(box, index // _PER_ROW, index % _PER_ROW)
            self.boxes[agency.code] = box
        self._layout.setColumnStretch(_PER_ROW, 1)
        self.loaded.emit()

    def checked(self) -> tuple[str, ...]:
        """The codes ticked (before loading: the ones given)."""
        if not self.boxes:
            return tuple(sorted(self._checked))
        return tuple(code for code, box in self.boxes.items() if box.isChecked())


class AgenciesDialog(AccountDialog):
    """Agencies…: the agencies whose cases one user sees."""

    def __init__(self, workspace: Workspace, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)
        self.user = user
        self.setObjectName("agenciesDialog")
        self.setWindowTitle(self.tr("Agencies of {0}").format(user.username))
        intro = self.tr(
            "{0} ({1}) sees the cases, employees and records of the agencies ticked, as "
            "their roles allow; with none, no case."
        ).format(user.full_name, user.username)
        if user.agencies_to_review:
            intro += " " + self.tr(
                "The upgrade gave them the agencies of the cases they worked on; check them."
            )
        self.set_intro(intro)
        self.agencies = AgencyBoxes(workspace, user.agencies, self)
        self.agencies.loaded.connect(self._fit_height)
        self.add_field("agencies", self.tr("Agencies:"), self.agencies)
        self.ok_button.setText(self.tr("Save agencies"))

    def submit(self) -> None:
        if self.agencies.checked() == self.user.agencies and not self.user.agencies_to_review:
            self.accept()  # nothing changed: nothing to record in the audit log
            return
        self.run(accounts.set_agencies, self.user.username, self.agencies.checked())
