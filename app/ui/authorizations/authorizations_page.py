"""The Authorizations view: MA DYS B.2 supervision and B.3 investigation authorizations.

Kind and "overdue reviews only" go to the service, which selects the rows
in SQL; agency, state and the search text narrow what was loaded. Users who
may not see investigation authorizations (B.3.a) get neither the rows nor
the choice: the service never returns them, and the kind filter and the
overdue count are not offered. Roles that generate reports get
"Authorization log report…": the log of an agency over a period, as a PDF.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QWidget

from app.domain.authorizations.ma_dys import AuthorizationKind
from app.domain.permissions import Permission
from app.domain.wording import counted
from app.services import authorizations
from app.services.authorizations import AuthorizationInfo
from app.ui.authorizations import labels
from app.ui.authorizations.authorization_dialogs import (
    AddAuthorizationDialog,
    ReviewDialog,
    RevokeDialog,
)
from app.ui.authorizations.authorization_log_dialog import AuthorizationLogDialog
from app.ui.authorizations.details import authorization_html
from app.ui.authorizations.list_page import RecordListPage
from app.ui.authorizations.models import AuthorizationModel
from app.ui.case_view.support import alive
from app.ui.palette import style_as_alert
from app.ui.workspace import Workspace

K = AuthorizationKind


class AuthorizationsPage(RecordListPage):
    """Filters, the list with its overdue flags, the details; for supervisors, the forms."""

    settings_key = "authorizations"

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, AuthorizationModel(), parent)
        self.setObjectName("authorizationsPage")
        self.see_investigations = workspace.can(Permission.INVESTIGATION_AUTHORIZATION_VIEW)
        self.manage = {
            K.SUPERVISION: workspace.can(Permission.AUTHORIZATION_MANAGE),
            K.INVESTIGATION: workspace.can(Permission.INVESTIGATION_AUTHORIZATION_MANAGE),
        }
        self.log_dialog: AuthorizationLogDialog | None = None
        self.table.setObjectName("authorizationsTable")
        self.search.setPlaceholderText(self.tr("Employee, supervisor, account, case…"))

        self.kind = QComboBox()
        self.kind.setObjectName("kindFilter")
        self.kind.addItem(self.tr("All kinds"), None)
        for kind, text in labels.kind_labels().items():
            if kind is K.SUPERVISION or self.see_investigations:
                self.kind.addItem(text, kind.value)
        if (
            not self.see_investigations
        ):  # hidden before it has a parent: never shown as a window of its own
            self.kind.hide()
        self.agency = QComboBox()
        self.agency.setObjectName("agencyFilter")
        self.agency.addItem(self.tr("All agencies"), None)
        self.state = QComboBox()
        self.state.setObjectName("stateFilter")
        self.state.addItem(self.tr("Any state"), None)
        for state, text in labels.state_labels().items():
            self.state.addItem(text, int(state))
        self.overdue = QCheckBox(self.tr("&Overdue reviews only"))
        self.overdue.setObjectName("overdueFilter")
        if not self.see_investigations:  # hidden before it has a parent: never a window
            self.overdue.hide()
        self.overdue_count = QLabel()
        self.overdue_count.setObjectName("overdueCount")
        style_as_alert(self.overdue_count)
        for widget in (self.kind, self.agency, self.state, self.overdue):
            self.filters.addWidget(widget)
        self.filters.addWidget(self.overdue_count)
        self.kind.currentIndexChanged.connect(self.on_kind_filter_changed)
        self.overdue.toggled.connect(self.on_overdue_filter_toggled)
        self.agency.currentIndexChanged.connect(self.on_local_filter_changed)
        self.state.currentIndexChanged.connect(self.on_local_filter_changed)
        self.proxy.accepts = self._accepts

        self.add_action = self.make_action(
            self.tr("&New authorization…"), "addAuthorizationAction", self.add_authorization
        )
        self.review_action = self.make_action(
            self.tr("Record re&view…"), "reviewAction", self.record_review
        )
        self.revoke_action = self.make_action(self.tr("Re&voke…"), "revokeAction", self.revoke)
        can_manage = any(self.manage.values())
        for action in (self.add_action, self.review_action, self.revoke_action):
            action.setVisible(can_manage)
        self.review_action.setVisible(self.manage[K.INVESTIGATION])
        if not can_manage:
            self.note.setText(
                self.tr("You can see the authorizations; supervisors log, review and revoke them.")
            )
        else:
            self.note.hide()
        self.finish_layout()
        # After the stretch: the report stands apart from the record's own actions.
        self.log_action = self.make_action(
            self.tr("Authorization &log report…"), "authorizationLogAction", self.log_report
        )
        self.log_action.setVisible(workspace.can(Permission.REPORT_GENERATE))
        self.set_default_widths((
            (AuthorizationModel.ID, 40), (AuthorizationModel.KIND, 120),
            (AuthorizationModel.EMPLOYEE, 125), (AuthorizationModel.ACCOUNT, 175),
            (AuthorizationModel.CASE, 150), (AuthorizationModel.STATE, 80),
            (AuthorizationModel.REVIEW, 175), (AuthorizationModel.PERIOD, 160),
            (AuthorizationModel.ROLE, 130), (AuthorizationModel.SUPERVISOR, 130),
        ))  # fmt: skip
        self.table.sortByColumn(AuthorizationModel.PERIOD, Qt.SortOrder.DescendingOrder)
        # Review meetings are held for investigation authorizations only.
        self.table.setColumnHidden(AuthorizationModel.REVIEW, not self.see_investigations)
        self.update_actions()
        self.refresh()

    # -- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        serial = self.next_serial()
        model = self.model
        assert isinstance(model, AuthorizationModel)
        model.today = dt.date.today()
        self.workspace.call(
            authorizations.list_authorizations,
            kind=self.kind.currentData(),
            overdue_only=self.overdue.isChecked(),
            on_success=alive(self, lambda rows: self._on_loaded(serial, rows)),
            parent=self,
        )
        if self.see_investigations:
            self.workspace.call(
                authorizations.count_overdue_reviews,
                on_success=alive(self, self._on_overdue_counted),
                parent=self,
            )

    def _on_loaded(self, serial: int, rows: list[AuthorizationInfo]) -> None:
        self._offer_agencies(rows)
        self.show_records(serial, rows)

    def _on_overdue_counted(self, count: int) -> None:
        self.overdue_count.setText(
            counted(count, self.tr("review overdue"), self.tr("reviews overdue")) if count else ""
        )

    def _offer_agencies(self, rows: list[AuthorizationInfo]) -> None:
        chosen = self.agency.currentData()
        codes = sorted({r.agency_code for r in rows} | ({chosen} if chosen else set()))
        if codes == [self.agency.itemData(i) for i in range(1, self.agency.count())]:
            return
        self.agency.blockSignals(True)
        self.agency.clear()
        self.agency.addItem(self.tr("All agencies"), None)
        for code in codes:
            self.agency.addItem(code, code)
        self.agency.setCurrentIndex(max(self.agency.findData(chosen), 0))
        self.agency.blockSignals(False)

    def _accepts(self, record: Any) -> bool:
        assert isinstance(record, AuthorizationInfo)
        agency = self.agency.currentData()
        if agency and record.agency_code != agency:
            return False
        state = self.state.currentData()
        model = self.model
        assert isinstance(model, AuthorizationModel)
        return state is None or int(model.state(record)) == state

    def detail_html(self, record: Any) -> str:
        return authorization_html(record)

    def show_selected(self) -> None:
        """Show the selected authorization; opening a confidential one (B.3.a) is a read of
        its own, which the service records in the audit log."""
        super().show_selected()
        info = self.selected()
        if isinstance(info, AuthorizationInfo) and info.kind is K.INVESTIGATION:
            self.workspace.call(
                authorizations.get_authorization,
                info.id,
                on_success=alive(self, self._on_opened),
                parent=self,
            )

    def _on_opened(self, info: AuthorizationInfo) -> None:
        current = self.selected()
        if isinstance(current, AuthorizationInfo) and current.id == info.id:
            self.detail.setHtml(authorization_html(info))

    # -- actions ---------------------------------------------------------------------------

    def update_actions(self) -> None:
        info = self.selected()
        self.add_action.setEnabled(any(self.manage.values()))
        may = isinstance(info, AuthorizationInfo) and self.manage[info.kind]
        revoked = isinstance(info, AuthorizationInfo) and info.revoked_on is not None
        self.revoke_action.setEnabled(may and not revoked)
        self.revoke_action.setToolTip(self.tr("Already revoked.") if may and revoked else "")
        reviewable = (
            may and isinstance(info, AuthorizationInfo) and info.kind is K.INVESTIGATION
            and info.review is not None and info.review.due_on is not None
        )  # fmt: skip
        self.review_action.setEnabled(bool(reviewable))
        self.review_action.setToolTip(
            ""
            if reviewable
            else self.tr("Review meetings are recorded for active investigation authorizations "
                         "(MA-DYS-01.05.22 B.3.b).")
        )  # fmt: skip

    @Slot()
    def add_authorization(self) -> AddAuthorizationDialog:
        """New authorization…: the form; the new row is selected once logged."""
        return self.open_dialog(AddAuthorizationDialog(self.workspace, self))

    @Slot()
    def record_review(self) -> ReviewDialog | None:
        """Record review…: a B.3.b meeting on the selected investigation authorization."""
        return self.open_for_selected(
            AuthorizationInfo, lambda info: ReviewDialog(self.workspace, info, self)
        )

    @Slot()
    def revoke(self) -> RevokeDialog | None:
        """Revoke…: the selected authorization, from a date, with the reason."""
        return self.open_for_selected(
            AuthorizationInfo, lambda info: RevokeDialog(self.workspace, info, self)
        )

    @Slot()
    def log_report(self) -> AuthorizationLogDialog:
        """Authorization log report…: the agency filtered on, if any, is the one offered."""
        codes = [self.agency.itemData(i) for i in range(1, self.agency.count())]
        dialog = AuthorizationLogDialog(self.workspace, codes, self.agency.currentData(), self)
        dialog.finished.connect(dialog.deleteLater)
        self.log_dialog = dialog
        dialog.open()
        return dialog

    # -- slots -----------------------------------------------------------------------------

    @Slot(int)
    def on_kind_filter_changed(self, _index: int) -> None:
        """Another kind: the service selects the rows again."""
        self.refresh()

    @Slot(bool)
    def on_overdue_filter_toggled(self, _checked: bool) -> None:
        """Overdue reviews only, or not: the service selects the rows again."""
        self.refresh()

    @Slot(int)
    def on_local_filter_changed(self, _index: int) -> None:
        """Agency or state changed: narrow what is loaded."""
        self.filters_changed()

    @Slot(object)
    def on_dialog_saved(self, info: object) -> None:
        """An authorization was logged or changed: show it, and tell its case."""
        assert isinstance(info, AuthorizationInfo)
        message = self.tr("Saved authorization {0}.").format(info.id)
        self.show_saved(info.id, message, info.case_id)
