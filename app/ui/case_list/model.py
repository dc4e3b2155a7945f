"""The case list's table model: every matching case as a row, fetched a page at a time.

The model holds the number of matching cases and the pages it has fetched so
far; a row whose page is not here yet shows a placeholder and asks for its
page in the background (as Anki's browser table holds only what it has shown).
Filtering, text search and sorting are done by the query service in SQL, so a
list of 100,000 cases costs a count and the pages the user scrolls through.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
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
from app.services.case_queries import CasePage, CaseQuery, CaseRow, CaseSort, list_cases
from app.ui.palette import muted_colour
from app.ui.workspace import Workspace

AnyIndex = QModelIndex | QPersistentModelIndex

#: Shown in a row whose page has not arrived yet.
PLACEHOLDER = "…"


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
    """The cases matching a query, one row each, loaded in pages of :attr:`PAGE_SIZE`."""

    #: A query's total and first page arrived: ``(total, same_query)``; ``same_query``
    #: is true for a refresh, where row positions still mean something.
    reloaded = Signal(int, bool)
    #: A page arrived (its first row and its number of rows).
    page_loaded = Signal(int, int)

    # Columns.
    Number, Status, Agency, Reported, Investigator, Subjects, Title, Updated = range(8)
    COLUMN_COUNT = 8

    # Roles.
    IdRole = Qt.ItemDataRole.UserRole + 1  #: the case id (int), None for a placeholder
    SortRole = Qt.ItemDataRole.UserRole + 2  #: the raw value of the cell
    StatusRole = Qt.ItemDataRole.UserRole + 3  #: the CaseStatus of the row
    CaseRowRole = Qt.ItemDataRole.UserRole + 4  #: the whole CaseRow

    #: Cases fetched per query; a screen shows some 30 to 60 rows.
    PAGE_SIZE = 200
    #: Pages kept in memory; the least recently shown go first (they are
    #: fetched again if the user scrolls back), so memory and garbage-collection
    #: pauses stay flat however far the list is scrolled.
    MAX_PAGES = 50

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
        self._total = 0
        self._pages: OrderedDict[int, tuple[CaseRow, ...]] = OrderedDict()
        self._stale: set[int] = set()  #: pages shown from before a refresh, being re-read
        self._requested: set[int] = set()  #: pages asked for in this generation
        self._generation = 0  #: bumped by every new query; older answers are dropped
        self._loading = False  #: a total and first page are on their way
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
        """The filters and sort order the rows answer (offset and limit unused)."""
        return self._query

    @property
    def total(self) -> int:
        """How many cases match the query."""
        return self._total

    @property
    def loading(self) -> bool:
        """Whether a new query's first page is still on its way."""
        return self._loading

    def set_filters(self, filters: CaseQuery) -> None:
        """Show the cases matching ``filters`` (their sort and paging are ignored)."""
        query = replace(
            filters,
            sort=self._query.sort,
            descending=self._query.descending,
            offset=0,
            limit=self.PAGE_SIZE,
        )
        if query != self._query or not self._generation:
            self._query = query
            self._load(same_query=False)

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
        """Re-read the same query; rows stay on screen until their new values arrive."""
        self._load(same_query=bool(self._generation))

    def row_of(self, case_id: int) -> int | None:
        """The row showing ``case_id``, if its page is loaded."""
        for number, rows in self._pages.items():
            for offset, row in enumerate(rows):
                if row.id == case_id:
                    return number * self.PAGE_SIZE + offset
        return None

    def case_at(self, row: int) -> CaseRow | None:
        """The case in ``row``, or None while its page is on its way."""
        number = row // self.PAGE_SIZE
        rows = self._pages.get(number)
        if rows is None or row % self.PAGE_SIZE >= len(rows):
            return None
        self._pages.move_to_end(number)
        return rows[row % self.PAGE_SIZE]

    def _load(self, *, same_query: bool) -> None:
        """Ask for the total and the first page together: one round trip fills the list."""
        self._generation += 1
        generation = self._generation
        self._loading = True
        self._requested.clear()
        self._workspace.call(
            list_cases,
            replace(self._query, offset=0, limit=self.PAGE_SIZE),
            on_success=lambda page: self._on_first_page(generation, page, same_query),
            on_failure=lambda error: self._on_failed(generation, error),
        )

    def _on_first_page(self, generation: int, page: CasePage, same_query: bool) -> None:
        if not isValid(self) or generation != self._generation:
            return  # a newer query was asked meanwhile
        self._loading = False
        if same_query and page.total == self._total:
            # Same rows count: keep what is shown and re-read pages as they are shown,
            # so the scroll position and selection stay put.
            self._stale = set(self._pages) - {0}
            self._pages[0] = page.rows
            if self._total:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(self._total - 1, self.COLUMN_COUNT - 1)
                )
        else:
            self.beginResetModel()
            self._total = page.total
            self._pages = OrderedDict({0: page.rows})
            self._stale = set()
            self.endResetModel()
        self.reloaded.emit(self._total, same_query)

    def _on_failed(self, generation: int, error: BaseException) -> None:
        if not isValid(self) or generation != self._generation:
            return
        self._loading = False
        view = self.parent()
        self._workspace.errors.show(error, view if isinstance(view, QWidget) else None)

    # -- pages ---------------------------------------------------------------------

    def _request_page(self, number: int) -> None:
        """Fetch page ``number`` unless it is already on its way."""
        if self._loading or number in self._requested:
            return
        self._requested.add(number)
        generation = self._generation
        self._workspace.call(
            list_cases,
            replace(self._query, offset=number * self.PAGE_SIZE, limit=self.PAGE_SIZE),
            on_success=lambda page: self._on_page(generation, number, page),
            # A failed page stays "requested" so the view does not ask again at
            # every repaint; the next refresh or query retries it.
            on_failure=lambda error: self._on_failed(generation, error),
        )

    def _on_page(self, generation: int, number: int, page: CasePage) -> None:
        if not isValid(self) or generation != self._generation:
            return
        self._requested.discard(number)
        self._stale.discard(number)
        self._pages[number] = page.rows
        self._pages.move_to_end(number)
        while len(self._pages) > self.MAX_PAGES:
            self._pages.popitem(last=False)
        first = number * self.PAGE_SIZE
        last = min(first + self.PAGE_SIZE, self._total) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.COLUMN_COUNT - 1))
            self.page_loaded.emit(first, last - first + 1)
        if page.total != self._total and not self._loading:
            # Cases were added or removed since the count: re-read it.
            self.refresh()

    # -- QAbstractTableModel -------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

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

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        row, column = index.row(), index.column()
        if not 0 <= row < self._total or not 0 <= column < self.COLUMN_COUNT:
            return None
        number = row // self.PAGE_SIZE
        case = self.case_at(row)
        if case is None or number in self._stale:
            self._request_page(number)
            if case is None:
                return self._placeholder(column, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(case, column)
        if role == Qt.ItemDataRole.ToolTipRole:
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

    def _placeholder(self, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and column == self.Number:
            return PLACEHOLDER
        if role == Qt.ItemDataRole.ForegroundRole:
            return muted_colour()
        return None

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
