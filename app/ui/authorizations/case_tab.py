"""The Authorizations tab of a case: its authorizations and credential requests, overdue flags.

Each part is shown only to users who may see it: investigation
authorizations (B.3.a) and credential records are confidential, and the
services return nothing of them to anyone else. The tab's title carries a
warning icon while a review meeting (B.3.b) is overdue.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelection, Qt, Signal, Slot
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QSplitter,
    QStyle,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.authorizations.packs import PACKS
from app.domain.permissions import Permission
from app.domain.wording import counted
from app.services import authorizations, credential_requests
from app.services.authorizations import AuthorizationInfo
from app.services.credential_requests import CredentialRequestInfo
from app.ui.authorizations.details import authorization_html, request_html
from app.ui.authorizations.models import AuthorizationModel, CredentialRequestModel
from app.ui.case_view.support import alive, set_up_table
from app.ui.palette import style_as_alert, style_as_note
from app.ui.workspace import Workspace


class CaseAuthorizationsTab(QWidget):
    """A case's authorizations and credential requests, with the selected one's details."""

    loaded = Signal()  #: both lists show a fresh copy from the database

    @staticmethod
    def visible_to(workspace: Workspace) -> bool:
        return workspace.can(Permission.AUTHORIZATION_VIEW) or workspace.can(
            Permission.CREDENTIAL_REQUEST_VIEW
        )

    def __init__(self, workspace: Workspace, case_id: int, tabs: QTabWidget) -> None:
        super().__init__()
        self.setObjectName("caseAuthorizationsTab")
        self.workspace = workspace
        self.case_id = case_id
        self.tabs = tabs
        self.show_authorizations = workspace.can(Permission.AUTHORIZATION_VIEW)
        self.show_requests = workspace.can(Permission.CREDENTIAL_REQUEST_VIEW)
        self._pending = 0
        self._serial = 0
        self.overdue = 0

        self.overdue_banner = QLabel()
        self.overdue_banner.setObjectName("overdueBanner")
        self.overdue_banner.setWordWrap(True)
        style_as_alert(self.overdue_banner)
        self.overdue_banner.hide()
        self.authorization_model = AuthorizationModel(self)
        self.authorization_table = self._table("caseAuthorizationsTable",
                                               self.authorization_model)  # fmt: skip
        for hidden in (AuthorizationModel.AGENCY, AuthorizationModel.CASE):
            self.authorization_table.hideColumn(hidden)
        if not workspace.can(Permission.INVESTIGATION_AUTHORIZATION_VIEW):
            self.authorization_table.hideColumn(AuthorizationModel.REVIEW)
        self.request_model = CredentialRequestModel(self)
        self.request_table = self._table("caseRequestsTable", self.request_model)
        self.request_table.hideColumn(CredentialRequestModel.CASE)
        self.authorization_empty = self._empty(self.tr("No authorization is logged for this case."))
        self.request_empty = self._empty(
            self.tr("No credential request or receipt is recorded for this case.")
        )
        self.detail = QTextBrowser()
        self.detail.setObjectName("caseAuthorizationDetail")
        self.detail.setPlaceholderText(self.tr("Select a row to see its details."))

        lists = QWidget()
        column = QVBoxLayout(lists)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.overdue_banner)
        self.authorization_section = self._section(
            self.tr("Social-media authorizations (MA-DYS-01.05.22 B.2, B.3)"),
            self.authorization_empty, self.authorization_table,
        )  # fmt: skip
        self.request_section = self._section(
            self.tr("Credential requests (AR-DHS II(G), Ark. Code Ann. § 11-2-124)"),
            self.request_empty, self.request_table,
        )  # fmt: skip
        self.authorization_section.setVisible(self.show_authorizations)
        self.request_section.setVisible(self.show_requests)
        self.jurisdiction = ""  #: the case agency's state, once known
        self._authorization_rows = 0
        self._request_rows = 0
        column.addWidget(self.authorization_section, 1)
        column.addWidget(self.request_section, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(lists)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 440])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.index = tabs.addTab(self, self.tr("Authori&zations"))
        workspace.case_changed.connect(self.on_workspace_case_changed)
        self.refresh()

    def _table(self, name: str, model: AuthorizationModel | CredentialRequestModel) -> QTableView:
        table = QTableView()
        table.setObjectName(name)
        table.setModel(model)
        set_up_table(table)
        table.horizontalHeader().setStretchLastSection(True)
        table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        table.selectionModel().selectionChanged.connect(self.on_selection_changed)
        return table

    def _section(self, heading: str, empty: QLabel, table: QTableView) -> QWidget:
        section = QWidget()
        column = QVBoxLayout(section)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._heading(heading))
        column.addWidget(empty)
        column.addWidget(table, 1)
        return section

    def set_jurisdiction(self, jurisdiction: str) -> None:
        """The case's agency is in ``jurisdiction``: other states' sections are hidden.

        MA DYS authorizations concern Massachusetts agencies and credential
        requests the states with a rule pack; a section of another state is
        shown only if, unusually, the case has records in it.
        """
        self.jurisdiction = jurisdiction
        self._show_sections()

    def _show_sections(self) -> None:
        if not self.jurisdiction:
            return
        ma = self.jurisdiction == authorizations.JURISDICTION or self._authorization_rows > 0
        packs = self.jurisdiction in PACKS or self._request_rows > 0
        shown_ma = self.show_authorizations and ma
        shown_packs = self.show_requests and packs
        self.authorization_section.setVisible(shown_ma)
        self.request_section.setVisible(shown_packs)
        index = self.tabs.indexOf(self)
        if index >= 0:  # a case of a state with neither has no Authorizations tab
            self.tabs.setTabVisible(index, shown_ma or shown_packs)

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        return label

    def _empty(self, text: str) -> QLabel:
        label = QLabel(text)
        style_as_note(label)
        label.hide()
        return label

    # -- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Load both lists of this case again."""
        self._serial += 1
        serial = self._serial
        self._pending = int(self.show_authorizations) + int(self.show_requests)
        if self.show_authorizations:
            self.workspace.call(
                authorizations.list_authorizations,
                case_id=self.case_id,
                on_success=alive(self, lambda rows: self._on_authorizations(serial, rows)),
                parent=self,
            )
        if self.show_requests:
            self.workspace.call(
                credential_requests.list_requests,
                case_id=self.case_id,
                on_success=alive(self, lambda rows: self._on_requests(serial, rows)),
                parent=self,
            )

    def _on_authorizations(self, serial: int, rows: list[AuthorizationInfo]) -> None:
        if serial != self._serial:
            return
        self.authorization_model.today = dt.date.today()
        self.authorization_model.set_records(rows)
        self._authorization_rows = len(rows)
        self._show_sections()
        self.authorization_table.resizeColumnsToContents()
        self.authorization_empty.setVisible(not rows)
        self.authorization_table.setVisible(bool(rows))
        self.overdue = sum(1 for r in rows if r.review_overdue)
        self.overdue_banner.setText(
            self.tr("{0} of this case overdue for the periodic review meeting "
                    "(MA-DYS-01.05.22 B.3.b).").format(
                counted(self.overdue, self.tr("investigation authorization"),
                        self.tr("investigation authorizations")))
        )  # fmt: skip
        self.overdue_banner.setVisible(self.overdue > 0)
        self._retitle()
        self._delivered()

    def _on_requests(self, serial: int, rows: list[CredentialRequestInfo]) -> None:
        if serial != self._serial:
            return
        self.request_model.set_records(rows)
        self._request_rows = len(rows)
        self._show_sections()
        self.request_table.resizeColumnsToContents()
        self.request_empty.setVisible(not rows)
        self.request_table.setVisible(bool(rows))
        self._retitle()
        self._delivered()

    def _delivered(self) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.loaded.emit()

    def _retitle(self) -> None:
        """The tab says how many records the case has, with a warning while one is overdue."""
        count = self.authorization_model.rowCount() + self.request_model.rowCount()
        index = self.tabs.indexOf(self)
        if index < 0:
            return
        text = (
            self.tr("Authori&zations ({0})").format(count) if count else self.tr("Authori&zations")
        )
        self.tabs.setTabText(index, text)
        icon = (
            QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            if self.overdue
            else QIcon()
        )
        self.tabs.setTabIcon(index, icon)
        self.tabs.setTabToolTip(index, self.overdue_banner.text() if self.overdue else "")

    # -- slots -----------------------------------------------------------------------------

    @Slot(int)
    def on_workspace_case_changed(self, case_id: int) -> None:
        """This case changed (a record of it was logged, or it closed): reload."""
        if case_id == self.case_id:
            self.refresh()

    @Slot(QItemSelection, QItemSelection)
    def on_selection_changed(self, selected: QItemSelection, _old: QItemSelection) -> None:
        """Show the selected record's details (one selection across both lists)."""
        if selected.isEmpty():
            return
        model = selected.indexes()[0].model()
        if model is self.authorization_model:
            self.request_table.clearSelection()
            info = self.authorization_model.record_at(selected.indexes()[0].row())
            if info is not None:
                self.detail.setHtml(authorization_html(info))
        else:
            self.authorization_table.clearSelection()
            request = self.request_model.record_at(selected.indexes()[0].row())
            if request is not None:
                self.detail.setHtml(request_html(request))
