"""The case list view: the filter bar over a table of every matching case.

Double-click or Enter on a row announces the case to open; the view refreshes
itself when the workspace says cases changed, keeping its place. Several rows
can be selected (Ctrl and Shift): "Case summary report…" (the table's context
menu, and File in the main window) makes one PDF with a page for each.

The matches are counted once the table has painted a query's rows, not
when they arrive: the count's worker thread would hold Python's interpreter
lock while the table paints, so the rows would wait behind it.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QObject,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.permissions import Permission
from app.services.case_queries import CaseQuery, CaseRow
from app.ui.case_list.filter_bar import CaseFilterBar
from app.ui.case_list.model import CaseTableModel
from app.ui.case_list.summary_dialog import CaseSummaryDialog
from app.ui.workspace import Workspace

M = CaseTableModel

#: Text as wide as each column's widest usual value, for the first layout.
_COLUMN_SAMPLES = {
    M.Number: "STLCITY-2026-0000W",  # W: room for the widest agency codes (MODMH)
    M.Status: "Discipline review",
    M.Agency: "STLCITY",
    M.Reported: "2026-12-31",
    M.Investigator: "Firstname Lastname",
    M.Subjects: "Firstname Lastname, First",
    M.Updated: "2026-12-31 23:59",
}


class CaseListView(QWidget):
    """Search, filters and the table of cases; what the Cases page shows first."""

    case_activated = Signal(int)  #: the user opened a case (its id)

    SETTINGS_KEY = "caseList/header"

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.model = CaseTableModel(workspace, self)
        self.filter_bar = CaseFilterBar(workspace)
        self.table = QTableView()
        self.table.setObjectName("caseTable")
        self.table.setModel(self.model)
        self._setup_table()
        self._kept_case: int | None = None  #: the selected case, kept across a reload
        self._kept_scroll = 0
        self._was_reset = False  #: the model reset since the last reload announcement
        self._counts_pending = False  #: count once the table has painted the new rows
        self.summary_dialog: CaseSummaryDialog | None = None

        # One PDF of the selected cases; also offered in the main window's File menu.
        self.summary_action = QAction(self.tr("Case &summary report…"), self)
        self.summary_action.setObjectName("caseSummaryReportAction")
        self.summary_action.setStatusTip(
            self.tr("One PDF with a page for each selected case (Ctrl+click or Shift+click "
                    "to select several)")
        )  # fmt: skip
        self.summary_action.setVisible(workspace.can(Permission.REPORT_GENERATE))
        self.summary_action.setEnabled(False)
        self.summary_action.triggered.connect(self.on_summary_action_triggered)
        if self.summary_action.isVisible():
            self.table.addAction(self.summary_action)
            self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)
        bar = self.filter_bar
        for first, second in (
            (bar.search, bar.dates),
            (bar.dates, bar.date_from),
            (bar.date_from, bar.date_to),
            (bar.date_to, bar.status),
            (bar.status, bar.agency),
            (bar.agency, bar.investigator),
            (bar.investigator, bar.reset),
            (bar.reset, bar.save),
            (bar.save, self.table),
        ):
            QWidget.setTabOrder(first, second)
        self.setFocusProxy(bar.search)

        # Several change announcements in a row cost one refresh.
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.on_refresh_timer_timeout)
        # Counts start at the next turn of the event loop after the table's paint
        # (the timer's zero-time start comes after the paint in progress); if no
        # paint comes (the window is covered), after a short wait anyway.
        self._counts_timer = QTimer(self)
        self._counts_timer.setSingleShot(True)
        self._counts_timer.timeout.connect(self.on_counts_timer_timeout)

        bar.filters_changed.connect(self.on_filter_bar_filters_changed)
        bar.search.installEventFilter(self)
        self.table.viewport().installEventFilter(self)
        self.table.activated.connect(self.on_table_activated)
        self.table.selectionModel().selectionChanged.connect(self.on_table_selection_changed)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self.on_header_sort_changed)
        self.model.modelAboutToBeReset.connect(self.on_model_about_to_be_reset)
        self.model.reloaded.connect(self.on_model_reloaded)
        self.model.page_loaded.connect(self.on_model_page_loaded)
        workspace.cases_changed.connect(self.on_workspace_cases_changed)
        workspace.case_changed.connect(self.on_workspace_case_changed)

        self.model.set_filters(bar.query())

    def _setup_table(self) -> None:
        table = self.table
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setCornerButtonEnabled(False)
        rows = table.verticalHeader()
        rows.hide()
        # Fixed row heights: the view never measures rows, so 100,000 cost nothing.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        metrics = table.fontMetrics()
        for column in range(M.COLUMN_COUNT):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            sample = _COLUMN_SAMPLES.get(column, "")
            # Room for the text, the cell margins and the sort arrow.
            width = max(
                metrics.horizontalAdvance(sample) + 16, metrics.horizontalAdvance(title) + 32
            )
            header.resizeSection(column, width)
        header.setSectionResizeMode(M.Title, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        header.setSortIndicator(self.model.sort_column(), self.model.sort_order())
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.on_header_context_menu_requested)
        self._restore_layout()

    def _restore_layout(self) -> None:
        header = self.table.horizontalHeader()
        state = QSettings().value(self.SETTINGS_KEY)
        if isinstance(state, QByteArray) and not state.isEmpty():
            header.restoreState(state)
        column, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        if column in M.COLUMN_SORTS:
            self.model.sort(column, order)
        else:
            header.setSortIndicator(self.model.sort_column(), self.model.sort_order())

    # -- what the shell calls ------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the list and the status counts, keeping the place in the list."""
        self._refresh_timer.stop()
        self.model.refresh()

    def show_query(self, query: CaseQuery) -> None:
        """Show the cases of a saved search."""
        self.filter_bar.apply(query)

    def focus_search(self) -> None:
        """Put the cursor in the search field, its text selected to type over."""
        self.filter_bar.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_bar.search.selectAll()

    def save_layout(self) -> None:
        """Remember column widths, order and sort for the next session."""
        QSettings().setValue(self.SETTINGS_KEY, self.table.horizontalHeader().saveState())

    @property
    def counts_pending(self) -> bool:
        """Whether the matches of the rows shown are still to be counted, or being counted."""
        return self._counts_pending or self.filter_bar.counting

    def selected_case(self) -> int | None:
        """The id of the case in the current row, if any."""
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        case_id = index.data(M.IdRole)
        return case_id if isinstance(case_id, int) else None

    def selected_cases(self) -> list[CaseRow]:
        """The selected cases, in the list's order."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [case for row in rows if (case := self.model.case_at(row)) is not None]

    def case_summary_report(self) -> CaseSummaryDialog | None:
        """Case summary report…: open the dialog for the selected cases."""
        chosen = self.selected_cases()
        if not chosen:
            self.workspace.status_message.emit(
                self.tr("Select the cases for the summary in the list first.")
            )
            return None
        dialog = CaseSummaryDialog(self.workspace, chosen, self)
        dialog.finished.connect(dialog.deleteLater)
        self.summary_dialog = dialog
        dialog.open()
        return dialog

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    # -- slots ---------------------------------------------------------------------------

    @Slot()
    def on_filter_bar_filters_changed(self) -> None:
        """Show the cases matching the new filters."""
        self.model.set_filters(self.filter_bar.query())

    @Slot(int, Qt.SortOrder)
    def on_header_sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        """Sort in SQL by the clicked column; the Subjects column cannot be sorted."""
        if column in M.COLUMN_SORTS:
            self.model.sort(column, order)
            return
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(self.model.sort_column(), self.model.sort_order())
        header.blockSignals(False)

    def column_menu(self) -> QMenu:
        """A menu to hide the columns the user does not need (remembered with the layout)."""
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for column in range(M.COLUMN_COUNT):
            if column == M.Number:
                continue  # the case number always stays: it names the case
            action = menu.addAction(str(self.model.headerData(column, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda shown, c=column: header.setSectionHidden(c, not shown))
        return menu

    @Slot(QPoint)
    def on_header_context_menu_requested(self, position: QPoint) -> None:
        """Right-click on the header: choose the columns shown."""
        menu = self.column_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.table.horizontalHeader().viewport().mapToGlobal(position))

    @Slot()
    def on_table_activated(self) -> None:
        """Open the case of the current row (not a row still loading)."""
        case_id = self.table.currentIndex().data(M.IdRole)
        if isinstance(case_id, int):
            self.case_activated.emit(case_id)

    @Slot()
    def on_summary_action_triggered(self) -> None:
        """Case summary report… from the context menu or the File menu."""
        self.case_summary_report()

    @Slot(QItemSelection, QItemSelection)
    def on_table_selection_changed(self, _selected: QItemSelection, _old: QItemSelection) -> None:
        """The summary needs at least one selected case."""
        self._update_summary_action()

    def _update_summary_action(self) -> None:
        self.summary_action.setEnabled(self.table.selectionModel().hasSelection())

    @Slot()
    def on_model_about_to_be_reset(self) -> None:
        """Note the selected case and the scroll position to restore after the reload."""
        self._kept_case = self.selected_case()
        self._kept_scroll = self.table.verticalScrollBar().value()
        self._was_reset = True

    @Slot(bool)
    def on_model_reloaded(self, same_query: bool) -> None:
        """Count the matches once the rows are painted; after a refresh go back to where
        the user was."""
        self._count_after_paint()
        self._update_summary_action()  # a reset clears the selection without a signal
        if not self._was_reset:
            return  # same rows, updated in place: nothing moved
        self._was_reset = False
        if not same_query:
            self.table.scrollToTop()
        elif self._kept_scroll:
            # The table lays out its new rows later; scroll once it has.
            QTimer.singleShot(0, self, self._restore_scroll)
        self._reselect()

    #: Milliseconds to wait for the table's paint before counting without it.
    COUNTS_PAINT_WAIT_MS = 250

    def _count_after_paint(self) -> None:
        self._counts_pending = True
        # A hidden list paints nothing: count at the next turn of the event loop.
        self._counts_timer.start(0 if not self.table.viewport().isVisible()
                                 else self.COUNTS_PAINT_WAIT_MS)  # fmt: skip

    @Slot()
    def on_counts_timer_timeout(self) -> None:
        """The rows are painted: count their matches, unless newer rows are on their way
        (or the typed filters are ahead of the list): those are counted after their paint."""
        if not self._counts_pending:
            return
        self._counts_pending = False
        if self.model.loading or not self.model.shows(self.filter_bar.query()):
            return
        self.filter_bar.refresh_counts()

    def _restore_scroll(self) -> None:
        self.table.verticalScrollBar().setValue(self._kept_scroll)

    def _reselect(self) -> None:
        if self._kept_case is None:
            return
        row = self.model.row_of(self._kept_case)
        if row is not None:
            self._kept_case = None
            self._select_row(row)

    @Slot(int, int)
    def on_model_page_loaded(self, _first: int, _count: int) -> None:
        """Select the kept case once the rows holding it have arrived."""
        if self.selected_case() is not None:
            self._kept_case = None  # the user has chosen another case meanwhile
        self._reselect()

    @Slot()
    def on_refresh_timer_timeout(self) -> None:
        """The announcements have stopped: refresh once."""
        self.refresh()

    @Slot()
    def on_workspace_cases_changed(self) -> None:
        self._refresh_timer.start()

    @Slot(int)
    def on_workspace_case_changed(self, _case_id: int) -> None:
        self._refresh_timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down in the search field moves into the list, as in a file dialog; the
        table's paint lets the counts start."""
        if (
            self._counts_pending
            and event.type() == QEvent.Type.Paint
            and watched is self.table.viewport()
        ):
            self._counts_timer.start(0)  # after this paint: the timer fires once it is done
            return False
        if (
            watched is self.filter_bar.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.model.rowCount()
        ):
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            if not self.table.currentIndex().isValid():
                self._select_row(0)
            return True
        return super().eventFilter(watched, event)
