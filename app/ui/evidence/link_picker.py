"""The intake dialog's choice of the authorization or credential request evidence came under.

Shown when the user says the screenshots were obtained under a supervision
or investigation authorization or through a credential request: a combo of
the case's records of that kind (loaded off the UI thread, once per kind),
each read as the Authorizations views show it. Whether the chosen record
covers the capture is the service's to say when the user adds the files.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from app.domain.evidence import ObtainedHow
from app.services.authorization_evidence import LinkChoice, link_choices
from app.ui.authorizations.labels import (
    period_text,
    request_status_labels,
    state_labels,
    state_of,
)
from app.ui.case_view.support import alive
from app.ui.i18n import tr
from app.ui.workspace import Workspace

_C = "EvidenceLinkPicker"

#: The ways of obtaining evidence that name a record.
LINKED = (
    ObtainedHow.SUPERVISION_AUTHORIZATION,
    ObtainedHow.INVESTIGATION_AUTHORIZATION,
    ObtainedHow.CREDENTIAL_REQUEST,
)


def choice_text(how: ObtainedHow, choice: LinkChoice, today: dt.date | None = None) -> str:
    """One record as the combo shows it: number, account, platform, period or state."""
    account = f"{choice.account_name} ({choice.platform})"
    if how is ObtainedHow.CREDENTIAL_REQUEST:
        status = request_status_labels()[choice.status] if choice.status else ""
        parts = [tr(_C, "Credential request {0}").format(choice.id), account, status]
    else:
        assert choice.starts_on is not None
        state = state_of(choice.starts_on, choice.ends_on, choice.revoked_on, choice.active,
                         today or dt.date.today())  # fmt: skip
        parts = [tr(_C, "Authorization {0}").format(choice.id), account,
                 period_text(choice.starts_on, choice.ends_on), state_labels()[state]]  # fmt: skip
    return " · ".join(part for part in parts if part)


def _none_texts(how: ObtainedHow) -> tuple[str, str]:
    """What the combo says when the case has no record of the kind, and what to do."""
    other = tr(_C, "Or choose another way they were obtained.")
    if how is ObtainedHow.SUPERVISION_AUTHORIZATION:
        return (
            tr(_C, "No supervision authorization is logged for this case or its agency"),
            tr(_C, "A supervisor logs supervision authorizations (MA DYS 01.05.22 B.2) on the "
                   "Authorizations page; once it is logged, choose it here.") + " " + other,
        )  # fmt: skip
    if how is ObtainedHow.INVESTIGATION_AUTHORIZATION:
        return (
            tr(_C, "No investigation authorization is logged for this case"),
            tr(_C, "A supervisor logs the investigation authorization (MA DYS 01.05.22 B.3) "
                   "for this case on the Authorizations page; once it is logged, choose it "
                   "here.") + " " + other,
        )  # fmt: skip
    return (
        tr(_C, "No credential request is recorded for this case"),
        tr(_C, "Request the credentials for this case on the Credential requests page; once "
               "a supervisor approves the request, choose it here.") + " " + other,
    )  # fmt: skip


class LinkPicker(QWidget):
    """A combo of the case's records of one kind, and a hint when there is none."""

    loaded = Signal()  #: the records of the kind asked for are shown
    load_failed = Signal(str)  #: the message to show beside the combo
    changed = Signal()  #: the user chose another record

    def __init__(self, workspace: Workspace, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.case_id = case_id
        self.how: ObtainedHow | None = None
        self._cache: dict[ObtainedHow, list[LinkChoice]] = {}
        self._serial = 0

        self.combo = QComboBox()
        self.combo.setObjectName("obtainedUnder")
        # Long entries elide instead of widening the dialog.
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(40)
        self.combo.currentIndexChanged.connect(self.on_combo_index_changed)
        self.hint = QLabel()
        self.hint.setObjectName("obtainedUnderHint")
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addWidget(self.hint)

    def show_kind(self, how: ObtainedHow) -> None:
        """Show the case's records of ``how``'s kind, reading them the first time."""
        self.how = how
        self._serial += 1
        if how in self._cache:
            self._fill(how, self._cache[how])
            return
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(tr(_C, "Loading…"), None)
        self.combo.blockSignals(False)
        self.combo.setEnabled(False)
        self.hint.hide()
        serial = self._serial
        self.workspace.call(
            link_choices, self.case_id, how,
            on_success=alive(self, lambda found: self._on_loaded(serial, how, found)),
            on_failure=alive(self, lambda error: self._on_failed(serial, error)),
            parent=self,
        )  # fmt: skip

    def _on_loaded(self, serial: int, how: ObtainedHow, found: list[LinkChoice]) -> None:
        self._cache[how] = found
        if serial == self._serial:
            self._fill(how, found)

    def _on_failed(self, serial: int, error: BaseException) -> None:
        if serial != self._serial:
            return
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(tr(_C, "The records could not be read"), None)
        self.combo.blockSignals(False)
        self.load_failed.emit(str(error))

    def _fill(self, how: ObtainedHow, found: list[LinkChoice]) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        if not found:
            empty, what_to_do = _none_texts(how)
            self.combo.addItem(empty, None)
            self.hint.setText(what_to_do)
        else:
            if len(found) > 1:
                placeholder = (tr(_C, "Choose the credential request…")
                               if how is ObtainedHow.CREDENTIAL_REQUEST
                               else tr(_C, "Choose the authorization…"))  # fmt: skip
                self.combo.addItem(placeholder, None)
            for choice in found:
                self.combo.addItem(choice_text(how, choice), choice.id)
                index = self.combo.count() - 1
                self.combo.setItemData(index, tr(_C, "Employee: {0}").format(choice.employee_name),
                                       Qt.ItemDataRole.ToolTipRole)  # fmt: skip
        self.combo.blockSignals(False)
        self.combo.setToolTip(self.combo.currentText())
        self.combo.setEnabled(bool(found))
        self.hint.setVisible(not found)
        self.loaded.emit()

    def selected_id(self) -> int | None:
        """The chosen record's id (None while none is chosen)."""
        value = self.combo.currentData()
        return int(value) if value is not None else None

    def select_id(self, record_id: int) -> bool:
        index = self.combo.findData(record_id)
        if index >= 0:
            self.combo.setCurrentIndex(index)
        return index >= 0

    @Slot(int)
    def on_combo_index_changed(self, _index: int) -> None:
        """The whole entry in the tooltip, in case the combo is too narrow to show it."""
        self.combo.setToolTip(self.combo.currentText())
        self.changed.emit()
