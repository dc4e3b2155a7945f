"""The case list's table model: the matching cases, fetched a page at a time.

The model holds the rows fetched so far; as the user scrolls to the end the
view asks for more (``canFetchMore``/``fetchMore``) and the next page is
read from where the last one ended, by its cursor, so page 500 of a million
cases costs what page 1 does. Filtering, text search and sorting are done by
the query service in SQL; counting is the filter bar's business, after the
first page is shown. A newer query interrupts the queries still running.

The table asks :meth:`CaseTableModel.data` for some seven roles of every
visible cell at each paint, each a call into Python: the cells' text is
formatted once per row, when the row is first painted, and the roles the
model does not answer return at the first test. A new query's rows reach the
screen in one paint of the visible rows; nothing is done for the others.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from app.domain.cases import CaseStatus
from app.services.case_queries import (
    PAGE_MAX,
    CasePage,
    CaseQuery,
    CaseRow,
    CaseSort,
    PageCursor,
    list_cases,
)
from app.services.query_cancel import QueryCancel
from app.ui.workspace import Workspace

AnyIndex = QModelIndex | QPersistentModelIndex

# Roles as plain values: the table asks for them thousands of times a paint.
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value


def status_names() -> dict[CaseStatus, str]:
    """What each status is called on screen (translated)."""
    tr = QCoreApplication.translate
    return {
        CaseStatus.INTAKE: tr("CaseStatus", "Intake"),
        CaseStatus.INVESTIGATING: tr("CaseStatus", "Investigating"),
        CaseStatus.FINDINGS: tr("CaseStatus", "Findings"),
        CaseStatus.DISCIPLINE_REVIEW: tr("CaseStatus", "Discipline review"),
        CaseStatus.CLOSED: tr("CaseStatus", "Closed"),
        CaseStatus.REOPENED: tr("CaseStatus", "Reopened"),
    }


def local_time(moment: dt.datetime) -> str:
    """A stored UTC moment as local ISO date and minute: ``2026-03-01 14:05``."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


class CaseTableModel(QAbstractTableModel):
    """The cases matching a query, one row each, fetched :attr:`PAGE_SIZE` at a time."""

    #: A query's first page arrived: ``same_query`` is true for a refresh, where
    #: row positions still mean something.
    reloaded = Signal(bool)
    #: More rows arrived (the first of them and how many).
    page_loaded = Signal(int, int)

    # Columns.
    Number, Status, Agency, Reported, Investigator, Subjects, Title, Updated = range(8)
    COLUMN_COUNT = 8

    # Roles.
    IdRole = Qt.ItemDataRole.UserRole + 1  #: the case id (int)
    SortRole = Qt.ItemDataRole.UserRole + 2  #: the raw value of the cell
    StatusRole = Qt.ItemDataRole.UserRole + 3  #: the CaseStatus of the row
    CaseRowRole = Qt.ItemDataRole.UserRole + 4  #: the whole CaseRow

    #: The roles :meth:`data` answers besides the display text.
    _ROLES = frozenset({_TOOLTIP, IdRole, SortRole, StatusRole, CaseRowRole})

    #: Cases fetched per query; a screen shows some 30 to 60 rows.
    PAGE_SIZE = 200

    #: The CaseSort of each sortable column (Subjects is not sortable).
    COLUMN_SORTS = {
        Number: CaseSort.NUMBER,
        Status: CaseSort.STATUS,
        Agency: CaseSort.AGENCY,
        Reported: CaseSort.REPORTED,
        Investigator: CaseSort.INVESTIGATOR,
        Title: CaseSort.TITLE,
        Updated: CaseSort.UPDATED,
    }

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._query = CaseQuery(limit=self.PAGE_SIZE)
        self._rows: list[CaseRow] = []
        #: Each row's cell texts, formatted when the row is first painted (None: not yet).
        self._cells: list[tuple[str, ...] | None] = []
        self._next: PageCursor | None = None  #: where the next page starts; None: no more
        self._generation = 0  #: bumped by every new query; older answers are dropped
        self._loading = False  #: a first page is on its way
        self._fetching = False  #: a following page is on its way
        #: The queries under way: a newer query interrupts them in the database.
        self._running: list[QueryCancel] = []
        self._status_names = status_names()
        self._headers = [
            self.tr("Number"),
            self.tr("Status"),
            self.tr("Agency"),
            self.tr("Reported"),
            self.tr("Investigator"),
            self.tr("Subjects"),
            self.tr("Title"),
            self.tr("Updated"),
        ]

    # -- the query ---------------------------------------------------------------

    @property
    def query(self) -> CaseQuery:
        """The filters and sort order the rows answer (paging unused)."""
        return self._query

    @property
    def loading(self) -> bool:
        """Whether a new query's first page is still on its way."""
        return self._loading

    def set_filters(self, filters: CaseQuery) -> None:
        """Show the cases matching ``filters`` (their sort and paging are ignored)."""
        query = self._as_query(filters)
        if query != self._query or not self._generation:
            self._query = query
            self._load(same_query=False)

    def shows(self, filters: CaseQuery) -> bool:
        """Whether the rows answer ``filters`` (their sort and paging ignored)."""
        return self._as_query(filters) == self._query

    def _as_query(self, filters: CaseQuery) -> CaseQuery:
        return replace(
            filters,
            sort=self._query.sort,
            descending=self._query.descending,
            offset=0,
            limit=self.PAGE_SIZE,
            after=None,
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-query sorted by ``column`` in SQL; an unsortable column is ignored."""
        sort = self.COLUMN_SORTS.get(column)
        if sort is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (sort, descending) == (self._query.sort, self._query.descending):
            return
        self._query = replace(self._query, sort=sort, descending=descending)
        if self._generation:
            self._load(same_query=False)

    def sort_column(self) -> int:
        """The column the rows are sorted by."""
        return next(c for c, s in self.COLUMN_SORTS.items() if s == self._query.sort)

    def sort_order(self) -> Qt.SortOrder:
        """The direction the rows are sorted in."""
        if self._query.descending:
            return Qt.SortOrder.DescendingOrder
        return Qt.SortOrder.AscendingOrder

    def refresh(self) -> None:
        """Re-read the rows shown (up to a page's maximum), keeping the place in the list."""
        self._load(same_query=bool(self._generation))

    def row_of(self, case_id: int) -> int | None:
        """The row showing ``case_id``, if it has been fetched."""
        return next((row for row, case in enumerate(self._rows) if case.id == case_id), None)

    def case_at(self, row: int) -> CaseRow | None:
        """The case in ``row``."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def cancel_running(self) -> None:
        """Interrupt the queries under way in the database; their answers are dropped."""
        for cancel in self._running:
            cancel.cancel()
        self._running.clear()

    def _call(self, query: CaseQuery, on_page: Callable[[CasePage], None]) -> None:
        generation = self._generation
        cancel = QueryCancel()
        self._running.append(cancel)

        def arrived(page: CasePage) -> None:
            self._forget(cancel)
            if generation == self._generation:
                on_page(page)

        self._workspace.call(
            list_cases,
            query,
            count=False,
            cancel=cancel,
            on_success=lambda page: arrived(page) if isValid(self) else None,
            on_failure=lambda error: self._on_failed(generation, cancel, error),
        )

    def _forget(self, cancel: QueryCancel) -> None:
        if cancel in self._running:
            self._running.remove(cancel)

    def _load(self, *, same_query: bool) -> None:
        """Ask for the first page; a refresh asks for as many rows as are shown."""
        self.cancel_running()
        self._generation += 1
        self._loading = True
        self._fetching = False
        limit = min(max(len(self._rows), self.PAGE_SIZE), PAGE_MAX) if same_query else None
        self._call(
            replace(self._query, offset=0, limit=limit or self.PAGE_SIZE, after=None),
            lambda page: self._on_first_page(page, same_query),
        )

    def _on_first_page(self, page: CasePage, same_query: bool) -> None:
        self._loading = False
        self._next = page.next_cursor
        if same_query and [r.id for r in page.rows] == [r.id for r in self._rows]:
            # The same cases in the same places: update them in place, so scroll
            # position and selection stay without a reset.
            self._set_rows(page.rows)
            if self._rows:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(self._rows) - 1, self.COLUMN_COUNT - 1)
                )
        else:
            self.beginResetModel()
            self._set_rows(page.rows)
            self.endResetModel()
        self.reloaded.emit(same_query)

    def _set_rows(self, rows: tuple[CaseRow, ...]) -> None:
        self._rows = list(rows)
        self._cells = [None] * len(rows)

    def _on_failed(self, generation: int, cancel: QueryCancel, error: BaseException) -> None:
        """A failure of a query the user still waits for is shown; a superseded one is not."""
        if not isValid(self):
            return
        self._forget(cancel)
        if generation != self._generation or cancel.cancelled:
            return
        self._loading = self._fetching = False
        view = self.parent()
        self._workspace.errors.show(error, view if isinstance(view, QWidget) else None)

    # -- more rows -----------------------------------------------------------------

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        """More cases follow the rows fetched so far (the view asks as it scrolls down)."""
        return not parent.isValid() and self._next is not None and not self._loading

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        """Fetch the page after the last row, by its cursor (no OFFSET to skip)."""
        if parent.isValid() or self._fetching or not self.canFetchMore():
            return
        self._fetching = True
        self._call(
            replace(self._query, offset=0, limit=self.PAGE_SIZE, after=self._next),
            self._on_more,
        )

    def _on_more(self, page: CasePage) -> None:
        self._fetching = False
        self._next = page.next_cursor
        if not page.rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
        self._rows.extend(page.rows)
        self._cells.extend([None] * len(page.rows))
        self.endInsertRows()
        self.page_loaded.emit(first, len(page.rows))

    # -- QAbstractTableModel -------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    # flags(): QAbstractTableModel's own (enabled, selectable, no children), answered
    # without a call into Python for every cell painted.

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.InitialSortOrderRole:
            # Dates newest first; names and numbers A to Z.
            if section in (self.Reported, self.Updated):
                return Qt.SortOrder.DescendingOrder
            return Qt.SortOrder.AscendingOrder
        return None

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        # The model is flat: a valid index has no parent, and its row is >= 0.
        if role == _DISPLAY:
            row, column = index.row(), index.column()
            if not (0 <= row < len(self._cells) and 0 <= column < self.COLUMN_COUNT):
                return None
            cells = self._cells[row]
            if cells is None:
                cells = self._cells[row] = self._format(self._rows[row])
            return cells[column]
        if role not in self._ROLES:
            return None  # font, colours, alignment, decoration…: the style's defaults
        row, column = index.row(), index.column()
        case = self.case_at(row)
        if case is None or not 0 <= column < self.COLUMN_COUNT:
            return None
        if role == _TOOLTIP:
            return self._tooltip(case, column)
        if role == self.IdRole:
            return case.id
        if role == self.SortRole:
            return self._sort_value(case, column)
        if role == self.StatusRole:
            return case.status
        if role == self.CaseRowRole:
            return case
        return None

    def _format(self, case: CaseRow) -> tuple[str, ...]:
        return tuple(self._display(case, column) for column in range(self.COLUMN_COUNT))

    def _display(self, case: CaseRow, column: int) -> str:
        if column == self.Number:
            return case.number
        if column == self.Status:
            return self._status_names[case.status]
        if column == self.Agency:
            return case.agency_code
        if column == self.Reported:
            return case.reported_on.isoformat()
        if column == self.Investigator:
            return case.investigator or "—"
        if column == self.Subjects:
            return ", ".join(case.subjects)
        if column == self.Title:
            return case.title
        return local_time(case.updated_at)

    def _tooltip(self, case: CaseRow, column: int) -> str | None:
        if column == self.Title:
            return case.title
        if column == self.Subjects and case.subjects:
            return "\n".join(case.subjects)
        if column == self.Investigator and case.investigator is None:
            return self.tr("No investigator assigned")
        return None

    def _sort_value(self, case: CaseRow, column: int) -> Any:
        values: dict[int, Any] = {
            self.Number: case.number,
            self.Status: case.status.value,
            self.Agency: case.agency_code,
            self.Reported: case.reported_on,
            self.Investigator: case.investigator or "",
            self.Subjects: ", ".join(case.subjects),
            self.Title: case.title.lower(),
            self.Updated: case.updated_at,
        }
        return values[column]
