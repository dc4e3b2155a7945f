"""The Cases view: the case list in the first tab, each opened case in its own tab."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSettings, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.services.case_queries import CaseQuery
from app.ui.case_list.view import CaseListView
from app.ui.case_view.new_case import NewCaseDialog
from app.ui.workspace import Workspace

if TYPE_CHECKING:
    from app.ui.case_view.view import CaseView

#: The case view's module: its tabs bring the discipline, evidence and authorization
#: views and services, so it is imported when the first case is opened, not with the list.
_CASE_VIEW_MODULE = "app.ui.case_view.view"


def _as_case_view(widget: QWidget | None) -> CaseView | None:
    """``widget`` if it is a case's tab (none is before the case view's module loads)."""
    module = sys.modules.get(_CASE_VIEW_MODULE)
    if module is not None and isinstance(widget, module.CaseView):
        return cast("CaseView", widget)
    return None


class CasesPage(QWidget):
    """Tabs: the list, then the cases the user opened.

    Ctrl+W closes the case in front (asking about unsaved edits), Ctrl+Tab and
    Ctrl+Shift+Tab go to the next and previous tab; a case with unsaved edits
    shows "•" before its number.
    """

    #: The case in front, or its unsaved state, changed: the window title follows.
    front_changed = Signal()

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
        self.tabs.currentChanged.connect(lambda _index: self.front_changed.emit())
        self.close_tab_action = self._action(
            self.tr("Close case tab"), "closeCaseTabAction", QKeySequence.StandardKey.Close,
            self.close_current_case,
        )  # fmt: skip
        self.next_tab_action = self._action(
            self.tr("Next tab"), "nextTabAction", QKeySequence.StandardKey.NextChild,
            lambda: self._step_tab(1),
        )  # fmt: skip
        self.previous_tab_action = self._action(
            self.tr("Previous tab"), "previousTabAction", QKeySequence.StandardKey.PreviousChild,
            lambda: self._step_tab(-1),
        )  # fmt: skip
        self.case_list.case_activated.connect(self.open_case)
        self.case_list.summary_action.triggered.connect(self.on_summary_action_triggered)
        workspace.open_case_requested.connect(self.open_case)

    def _action(self, text: str, name: str, keys: QKeySequence.StandardKey,
                slot: Callable[[], object]) -> QAction:  # fmt: skip
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcuts(keys)
        # Only while the Cases view is in front: other views keep these keys.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _step_tab(self, step: int) -> None:
        count = self.tabs.count()
        if count > 1:
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % count)

    @Slot()
    def close_current_case(self) -> None:
        """Ctrl+W: close the case in front, asking first about unsaved edits."""
        index = self.tabs.currentIndex()
        if _as_case_view(self.tabs.widget(index)) is not None:
            self.on_tab_close_requested(index)

    def current_case(self) -> CaseView | None:
        """The case tab in front, if a case (not the list) is."""
        return _as_case_view(self.tabs.currentWidget())

    def case_views(self) -> list[CaseView]:
        """The open case tabs."""
        views = (_as_case_view(self.tabs.widget(i)) for i in range(self.tabs.count()))
        return [view for view in views if view is not None]

    @Slot(int)
    def open_case(self, case_id: int) -> CaseView:
        """Show the case in its tab, opening one if needed."""
        for view in self.case_views():
            if view.case_id == case_id:
                self.tabs.setCurrentWidget(view)
                return view
        from app.ui.case_view.view import CaseView

        view = CaseView(self.workspace, case_id)
        index = self.tabs.addTab(view, self.tr("Loading…"))
        view.title_changed.connect(lambda _title, v=view: self._retitle(v))
        view.modified_changed.connect(lambda _modified, v=view: self._retitle(v))
        self.tabs.setCurrentIndex(index)
        self.workspace.case_opened.emit(case_id)
        return view

    @Slot()
    def on_summary_action_triggered(self) -> None:
        """File > Case summary report…: show the list whose selection the report is of."""
        self.tabs.setCurrentIndex(0)

    def _retitle(self, view: CaseView) -> None:
        index = self.tabs.indexOf(view)
        if index < 0 or view.detail is None:
            return
        number = view.detail.number
        if view.modified:
            self.tabs.setTabText(index, f"• {number}")
            self.tabs.setTabToolTip(index, self.tr("{0}: unsaved changes").format(number))
        else:
            self.tabs.setTabText(index, number)
            self.tabs.setTabToolTip(index, number)
        if view is self.tabs.currentWidget():
            self.front_changed.emit()

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
        view = _as_case_view(self.tabs.widget(index))
        if view is not None and view.may_close():
            self.tabs.removeTab(index)
            view.deleteLater()

    def show_query(self, query: CaseQuery) -> None:
        """The list, showing the cases of a saved search."""
        self.tabs.setCurrentIndex(0)
        self.case_list.show_query(query)

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
