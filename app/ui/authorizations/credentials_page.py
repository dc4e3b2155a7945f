"""The Credential requests view: AR-DHS II(G) requests, decisions, uses, inadvertent receipts.

Status and case go to the service, which selects the rows in SQL; the
search text narrows what was loaded. Approve and Deny are offered to
supervisors; the requester of a request sees them disabled, with the reason
(separation of duties). Every load is audited by the service.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QComboBox, QWidget

from app.domain.authorizations.credentials import RequestStatus
from app.domain.permissions import Permission
from app.services import credential_requests
from app.services.credential_requests import CredentialRequestInfo, CredentialUseInfo
from app.ui.authorizations import labels
from app.ui.authorizations.credential_dialogs import (
    DecisionDialog,
    InadvertentDialog,
    NewRequestDialog,
    ProvidedDialog,
    UseDialog,
)
from app.ui.authorizations.details import request_html
from app.ui.authorizations.list_page import RecordListPage
from app.ui.authorizations.models import CredentialRequestModel
from app.ui.case_view.support import alive
from app.ui.workspace import Workspace

S = RequestStatus


class CredentialRequestsPage(RecordListPage):
    """Filters, the list, the details; request, decide, record uses and receipts."""

    settings_key = "credential_requests"

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, CredentialRequestModel(), parent)
        self.setObjectName("credentialRequestsPage")
        self.can_create = workspace.can(Permission.CREDENTIAL_REQUEST_CREATE)
        self.can_approve = workspace.can(Permission.CREDENTIAL_REQUEST_APPROVE)
        self.can_use = workspace.can(Permission.CREDENTIAL_USE_RECORD)
        self.table.setObjectName("credentialRequestsTable")
        self.search.setPlaceholderText(self.tr("Employee, account, case, requester…"))

        self.status = QComboBox()
        self.status.setObjectName("statusFilter")
        self.status.addItem(self.tr("Any status"), None)
        for status, text in labels.request_status_labels().items():
            self.status.addItem(text, status.value)
        self.case = QComboBox()
        self.case.setObjectName("caseFilter")
        self.case.addItem(self.tr("All cases"), None)
        self.filters.addWidget(self.status)
        self.filters.addWidget(self.case)
        self.status.currentIndexChanged.connect(self.on_filter_changed)
        self.case.currentIndexChanged.connect(self.on_filter_changed)

        self.new_action = self.make_action(
            self.tr("&New request…"), "newRequestAction", self.new_request
        )
        self.approve_action = self.make_action(self.tr("&Approve…"), "approveAction", self.approve)
        self.deny_action = self.make_action(self.tr("&Deny…"), "denyAction", self.deny)
        self.provided_action = self.make_action(
            self.tr("Credentials &provided…"), "providedAction", self.record_provided
        )
        self.use_action = self.make_action(self.tr("Record &use…"), "useAction", self.record_use)
        self.inadvertent_action = self.make_action(
            self.tr("Record &inadvertent receipt…"), "inadvertentAction", self.record_inadvertent
        )
        self.new_action.setVisible(self.can_create)
        self.approve_action.setVisible(self.can_approve)
        self.deny_action.setVisible(self.can_approve)
        self.use_action.setVisible(self.can_use)
        self.provided_action.setVisible(self.can_use)
        self.inadvertent_action.setVisible(self.can_use)
        self.note.setObjectName("decisionNote")
        self.finish_layout()
        self.set_default_widths((
            (CredentialRequestModel.ID, 40), (CredentialRequestModel.STATUS, 175),
            (CredentialRequestModel.CASE, 125), (CredentialRequestModel.EMPLOYEE, 130),
            (CredentialRequestModel.ACCOUNT, 200), (CredentialRequestModel.OFFICE, 170),
            (CredentialRequestModel.REQUESTED_BY, 110), (CredentialRequestModel.REQUESTED, 130),
            (CredentialRequestModel.DECIDED_BY, 100),
        ))  # fmt: skip
        self.table.sortByColumn(CredentialRequestModel.REQUESTED, Qt.SortOrder.DescendingOrder)
        self.update_actions()
        self.refresh()

    # -- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        serial = self.next_serial()
        self.workspace.call(
            credential_requests.list_requests,
            case_id=self.case.currentData(),
            status=self.status.currentData(),
            on_success=alive(self, lambda rows: self._on_loaded(serial, rows)),
            parent=self,
        )

    def _on_loaded(self, serial: int, rows: list[CredentialRequestInfo]) -> None:
        if self.case.currentData() is None and self.status.currentData() is None:
            self._offer_cases(rows)
        self.show_records(serial, rows)

    def _offer_cases(self, rows: list[CredentialRequestInfo]) -> None:
        """The case filter offers the cases that have credential records."""
        cases = sorted({(r.case_number, r.case_id) for r in rows if r.case_id is not None})
        self.case.blockSignals(True)
        self.case.clear()
        self.case.addItem(self.tr("All cases"), None)
        for number, case_id in cases:
            self.case.addItem(number or str(case_id), case_id)
        self.case.setCurrentIndex(0)
        self.case.blockSignals(False)

    def detail_html(self, record: Any) -> str:
        return request_html(record)

    # -- what can be done ------------------------------------------------------------------

    def decision_blocker(self, info: CredentialRequestInfo | None) -> str:
        """Why the signed-in supervisor cannot approve or deny ``info`` ("" when they can)."""
        if info is None:
            return self.tr("Select a request to approve or deny it.")
        if info.status is not S.PENDING:
            return self.tr("Request {0} is {1}: only a pending request can be approved or "
                           "denied.").format(info.id, labels.request_status_labels()[
                               info.status].lower())  # fmt: skip
        if info.requested_by == self.workspace.actor.username:
            return self.tr(
                "You requested these credentials, so another supervisor must approve or deny "
                "the request (separation of duties)."
            )
        return ""

    def use_blocker(self, info: CredentialRequestInfo | None) -> str:
        """Why no use can be recorded under ``info`` ("" when one can)."""
        blocker = self.status_blocker(info)
        if blocker or info is None:
            return blocker
        if info.provided_at is None:
            return self.tr(
                "AR-DHS II(G): no record shows the employee provided the credentials yet; "
                "record that with Credentials provided… (who provided them, to whom and "
                "when) before recording a use."
            )
        return ""

    def status_blocker(self, info: CredentialRequestInfo | None) -> str:
        """Why the request's status rules out its credentials ("" when approved)."""
        if info is None:
            return ""
        if info.status is S.INADVERTENT:
            return self.tr("AR-DHS II(H): inadvertently received credentials may never be used.")
        if info.status is S.ENDED:
            return self.tr("AR-DHS II(G): the investigation has ended; the credentials are no "
                           "longer usable.")  # fmt: skip
        if info.status is not S.APPROVED:
            return self.tr("AR-DHS II(G): only an approved request's credentials may be used.")
        return ""

    def update_actions(self) -> None:
        info = self.selected()
        info = info if isinstance(info, CredentialRequestInfo) else None
        blocker = self.decision_blocker(info)
        for action in (self.approve_action, self.deny_action):
            action.setEnabled(self.can_approve and not blocker)
            action.setToolTip(blocker)
        use_blocker = self.use_blocker(info)
        self.use_action.setEnabled(self.can_use and info is not None and not use_blocker)
        self.use_action.setToolTip(
            use_blocker
            or (self.tr("Select an approved request to record a use.") if info is None else "")
        )
        provided = info is not None and info.provided_at is not None
        status_blocker = self.status_blocker(info)
        self.provided_action.setEnabled(
            self.can_use and info is not None and not status_blocker and not provided
        )
        self.provided_action.setToolTip(
            self.tr("Already recorded.") if provided else status_blocker
        )
        notes = []
        if self.can_approve and info is not None and info.status is S.PENDING and blocker:
            notes.append(blocker)  # the requester: say why they cannot decide
        if self.can_use and use_blocker and info is not None and info.status is not S.PENDING:
            notes.append(use_blocker)  # a pending request waits for its decision first
        if not self.can_approve and info is not None and info.status is S.PENDING:
            notes.append(self.tr("A supervisor who did not make the request approves or denies "
                                 "it."))  # fmt: skip
        self.note.setText("\n".join(notes))
        self.note.setVisible(bool(notes))

    # -- actions ---------------------------------------------------------------------------

    @Slot()
    def new_request(self) -> NewRequestDialog:
        """New request…: the form; the new row is selected once logged."""
        return self.open_dialog(NewRequestDialog(self.workspace, self))

    @Slot()
    def approve(self) -> DecisionDialog | None:
        return self._decide(True)

    @Slot()
    def deny(self) -> DecisionDialog | None:
        return self._decide(False)

    def _decide(self, approve: bool) -> DecisionDialog | None:
        info = self.selected()
        if not isinstance(info, CredentialRequestInfo) or self.decision_blocker(info):
            return None
        return self.open_dialog(DecisionDialog(self.workspace, info, approve, self))

    @Slot()
    def record_use(self) -> UseDialog | None:
        """Record use…: one use of the selected request's credentials."""
        return self.open_for_selected(
            CredentialRequestInfo, lambda info: UseDialog(self.workspace, info, self)
        )

    @Slot()
    def record_provided(self) -> ProvidedDialog | None:
        """Credentials provided…: by whom, to whom and when (never the credentials)."""
        return self.open_for_selected(
            CredentialRequestInfo, lambda info: ProvidedDialog(self.workspace, info, self)
        )

    @Slot()
    def record_inadvertent(self) -> InadvertentDialog:
        """Record inadvertent receipt…: credentials that reached the agency unasked."""
        return self.open_dialog(InadvertentDialog(self.workspace, self))

    # -- slots -----------------------------------------------------------------------------

    @Slot(int)
    def on_filter_changed(self, _index: int) -> None:
        """Status or case changed: the service selects the rows again."""
        self.refresh()

    @Slot(object)
    def on_dialog_saved(self, result: object) -> None:
        """A record was stored: show it selected."""
        case_id: int | None
        if isinstance(result, CredentialUseInfo):
            record_id, message = result.request_id, self.tr("Recorded the use.")
            case_id = result.case_id
        else:
            assert isinstance(result, CredentialRequestInfo)
            record_id = result.id
            message = self.tr("Saved credential record {0} ({1}).").format(
                result.id, labels.request_status_labels()[result.status].lower()
            )
            case_id = result.case_id
        self.show_saved(record_id, message, case_id)
