"""What the Authorizations and Credential requests views share: table, detail pane, reloads."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from PySide6.QtCore import (
    QByteArray,
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.ui.authorizations.forms import RuleDialog
from app.ui.authorizations.models import RecordModel
from app.ui.case_view.support import set_up_table
from app.ui.palette import css, muted_colour, style_as_note
from app.ui.workspace import Workspace

RecordT = TypeVar("RecordT")
DialogT = TypeVar("DialogT", bound=RuleDialog)


class RecordFilter(QSortFilterProxyModel):
    """Sorts by the model's SortRole; keeps the rows a predicate accepts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accepts: Callable[[Any], bool] = lambda _record: True
        self.setSortRole(RecordModel.SortRole)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)

    def refilter(self) -> None:
        self.beginFilterChange()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(  # noqa: N802 - Qt API
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        assert isinstance(model, RecordModel)
        record = model.record_at(source_row)
        if record is None or not self.accepts(record):
            return False
        return super().filterAcceptsRow(source_row, source_parent)


class RecordListPage(QWidget):
    """A filter bar, buttons, a sortable table and the selected record's details.

    Subclasses build the filters and actions, load with :meth:`refresh`, and
    give :meth:`show_records` what the service returned. Forms open with
    :meth:`open_dialog`; once one stores a record, the subclass's
    :meth:`on_dialog_saved` says which with :meth:`show_saved`.
    """

    records_loaded = Signal()  #: the table shows a fresh list from the database

    settings_key = "records"

    def __init__(self, workspace: Workspace, model: RecordModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.model = model
        model.setParent(self)
        self._serial = 0
        self._stale = False
        self._select_next: int | None = None
        self._announcing = False
        self.dialog: RuleDialog | None = None  #: the form open on the page, if any
        self.proxy = RecordFilter(self)
        self.proxy.setSourceModel(model)

        self.search = QLineEdit()
        self.search.setObjectName("recordSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.on_search_text_changed)
        self.filters = QHBoxLayout()
        self.filters.setContentsMargins(0, 0, 0, 0)
        self.button_row = QHBoxLayout()
        self.button_row.setContentsMargins(0, 0, 0, 0)
        self.note = QLabel()
        self.note.setObjectName("actionNote")
        self.note.setWordWrap(True)
        style_as_note(self.note)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        set_up_table(self.table)
        self.table.setSortingEnabled(True)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self.on_table_selection_changed)
        self.detail = QTextBrowser()
        self.detail.setObjectName("recordDetail")
        self.detail.setOpenLinks(False)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.count = QLabel()
        self.count.setObjectName("recordCount")

        layout = QVBoxLayout(self)
        layout.addLayout(self.filters)
        layout.addLayout(self.button_row)
        layout.addWidget(self.note)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.count)
        workspace.case_changed.connect(self.on_workspace_case_changed)

    # -- building ------------------------------------------------------------------------

    def make_action(self, text: str, name: str, slot: Callable[[], Any]) -> QAction:
        """An action with its push button in the button row."""
        action = QAction(text, self)
        action.setObjectName(name)
        action.triggered.connect(slot)
        button = QPushButton(text)
        button.setObjectName(name.replace("Action", "Button"))
        button.clicked.connect(action.trigger)

        def follow() -> None:
            button.setEnabled(action.isEnabled())
            button.setVisible(action.isVisible())
            button.setToolTip(action.toolTip())

        action.changed.connect(follow)
        self.button_row.addWidget(button)
        self.table.addAction(action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        return action

    def set_default_widths(self, widths: Iterable[tuple[int, int]]) -> None:
        """Give each (column, width) its width, unless the saved layout sized it already."""
        for column, width in widths:
            if self.table.columnWidth(column) in (0, 100):
                self.table.setColumnWidth(column, width)

    def finish_layout(self) -> None:
        label = QLabel(self.tr("F&ilter:"))
        label.setBuddy(self.search)
        self.filters.addWidget(label)
        self.filters.addWidget(self.search, 1)
        self.button_row.addStretch(1)
        self._restore_layout()

    # -- the page API ---------------------------------------------------------------------

    def refresh(self) -> None:
        """Load the list again (keeps the selection)."""
        raise NotImplementedError

    def next_serial(self) -> int:
        self._serial += 1
        self._stale = False
        return self._serial

    def show_records(self, serial: int, records: list[Any]) -> None:
        """Show what the service returned, unless a newer load is on its way."""
        if serial != self._serial:
            return
        chosen = self._select_next
        if chosen is None and (current := self.selected()) is not None:
            chosen = current.id
        self._select_next = None
        self.model.set_records(records)
        if chosen is not None:
            self.select(chosen)
        self.update_count()
        self.update_actions()
        self.show_selected()
        self.records_loaded.emit()

    def update_count(self) -> None:
        self.count.setText(
            self.tr("Shown: {0} of {1}").format(self.proxy.rowCount(), self.model.rowCount())
        )

    def selected(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.record_at(self.proxy.mapToSource(rows[0]).row())

    def select(self, record_id: int) -> bool:
        """Select the row of ``record_id`` if it is shown."""
        row = self.model.row_of(record_id)
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else QModelIndex()
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def select_after_reload(self, record_id: int) -> None:
        self._select_next = record_id

    def announce_case(self, case_id: int) -> None:
        """Tell the case's views that a record of it changed (this page is up to date)."""
        self._announcing = True
        try:
            self.workspace.case_changed.emit(case_id)
        finally:
            self._announcing = False

    def focus_search(self) -> None:
        """Edit > Find: put the cursor in the filter field."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def save_layout(self) -> None:
        settings = QSettings()
        settings.setValue(f"{self.settings_key}/header", self.table.horizontalHeader().saveState())
        settings.setValue(f"{self.settings_key}/splitter", self.splitter.saveState())

    def _restore_layout(self) -> None:
        settings = QSettings()
        state = settings.value(f"{self.settings_key}/header")
        if isinstance(state, QByteArray):
            self.table.horizontalHeader().restoreState(state)
        splitter = settings.value(f"{self.settings_key}/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([900, 380])

    # -- forms ---------------------------------------------------------------------------

    def open_dialog(self, dialog: DialogT) -> DialogT:
        """Open a form over the page; the page learns when it stores a record and closes."""
        self.dialog = dialog
        dialog.saved.connect(self.on_dialog_saved)
        dialog.finished.connect(self.on_dialog_finished)
        dialog.open()
        return dialog

    def open_for_selected(
        self, record_type: type[RecordT], make: Callable[[RecordT], DialogT]
    ) -> DialogT | None:
        """Open the form ``make`` builds for the selected record, if one of ``record_type`` is."""
        record = self.selected()
        if not isinstance(record, record_type):
            return None
        return self.open_dialog(make(record))

    def show_saved(self, record_id: int, message: str, case_id: int | None) -> None:
        """A form stored ``record_id``: reload with it selected, and tell its case."""
        self.select_after_reload(record_id)
        self.workspace.status_message.emit(message)
        self.refresh()
        if case_id is not None:
            self.announce_case(case_id)

    # -- what subclasses fill in -----------------------------------------------------------

    def update_actions(self) -> None:
        """Enable what can be done to the selected record."""

    def detail_html(self, record: Any) -> str:
        raise NotImplementedError

    def show_selected(self) -> None:
        record = self.selected()
        if record is None:
            self.detail.setHtml(
                f"<p style='color: {css(muted_colour())};'>"
                + self.tr("Select a row to see its details.") + "</p>"
            )  # fmt: skip
        else:
            self.detail.setHtml(self.detail_html(record))

    def filters_changed(self) -> None:
        """The page's own filters changed (not the ones the service applies)."""
        self.proxy.refilter()
        self.update_count()
        self.update_actions()
        self.show_selected()

    # -- slots ---------------------------------------------------------------------------

    @Slot(QItemSelection, QItemSelection)
    def on_table_selection_changed(self, _selected: QItemSelection, _old: QItemSelection) -> None:
        """Show the selected record and what can be done to it."""
        self.update_actions()
        self.show_selected()

    @Slot(str)
    def on_search_text_changed(self, text: str) -> None:
        """Show only the rows whose text matches."""
        self.proxy.setFilterFixedString(text.strip())
        self.filters_changed()

    @Slot(int)
    def on_workspace_case_changed(self, _case_id: int) -> None:
        """A case changed (it may have closed): reload now if shown, else when next shown."""
        if self._announcing:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    @Slot(object)
    def on_dialog_saved(self, result: object) -> None:
        """A form stored ``result``: subclasses call :meth:`show_saved` with what it is."""
        raise NotImplementedError

    @Slot(int)
    def on_dialog_finished(self, _result: int) -> None:
        self.dialog = None
        self.table.setFocus()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._stale:
            self.refresh()
