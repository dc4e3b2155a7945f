"""The Cases view: the case list in the first tab, each opened case in its own tab."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Slot
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.ui.case_list.view import CaseListView
from app.ui.case_view.new_case import NewCaseDialog
from app.ui.case_view.view import CaseView
from app.ui.workspace import Workspace


class CasesPage(QWidget):
    """Tabs: the list, then the cases the user opened."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.tabs = QTabWidget()
        self.tabs.setObjectName("caseTabs")
        self.tabs.setTabsClosable(True)
        self.tabs.setDocumentMode(True)
        self.tabs.tabCloseRequested.connect(self.on_tab_close_requested)
        self.case_list = CaseListView(workspace)
        self.tabs.addTab(self.case_list, self.tr("All cases"))
        # The list itself cannot be closed.
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.case_list.case_activated.connect(self.open_case)
        self.case_list.summary_action.triggered.connect(self.on_summary_action_triggered)
        workspace.open_case_requested.connect(self.open_case)

    def case_views(self) -> list[CaseView]:
        """The open case tabs."""
        return [
            w for i in range(self.tabs.count()) if isinstance(w := self.tabs.widget(i), CaseView)
        ]

    @Slot(int)
    def open_case(self, case_id: int) -> CaseView:
        """Show the case in its tab, opening one if needed."""
        for view in self.case_views():
            if view.case_id == case_id:
                self.tabs.setCurrentWidget(view)
                return view
        view = CaseView(self.workspace, case_id)
        index = self.tabs.addTab(view, self.tr("Loading…"))
        view.title_changed.connect(lambda title, v=view: self._retitle(v, title))
        self.tabs.setCurrentIndex(index)
        return view

    @Slot()
    def on_summary_action_triggered(self) -> None:
        """File > Case summary report…: show the list whose selection the report is of."""
        self.tabs.setCurrentIndex(0)

    def _retitle(self, view: CaseView, title: str) -> None:
        index = self.tabs.indexOf(view)
        if index >= 0:
            self.tabs.setTabText(index, title)

    def new_case(self) -> NewCaseDialog:
        """Open the intake form; the new case opens in a tab when saved."""
        dialog = NewCaseDialog(self.workspace, self)
        dialog.case_created.connect(self.on_case_created)
        dialog.open()
        return dialog

    @Slot(int)
    def on_case_created(self, case_id: int) -> None:
        self.workspace.cases_changed.emit()
        self.open_case(case_id)

    @Slot(int)
    def on_tab_close_requested(self, index: int) -> None:
        view = self.tabs.widget(index)
        if isinstance(view, CaseView) and view.may_close():
            self.tabs.removeTab(index)
            view.deleteLater()

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.case_list.focus_search()

    def refresh(self) -> None:
        current = self.tabs.currentWidget()
        refresh = getattr(current, "refresh", None)
        if refresh is not None:
            refresh()

    def may_close(self) -> bool:
        """Ask about unsaved changes in every open case."""
        return all(view.may_close() for view in self.case_views())

    def save_layout(self) -> None:
        self.case_list.save_layout()
        QSettings().sync()
