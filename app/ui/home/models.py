"""Home's table models: the rows of "Needs me now", pinned and recent cases, saved searches.

Each row knows what it opens (:class:`Target`): a case, a credential request or
an authorization. The models hold frozen rows only; the page fills them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.services.home import SavedSearchInfo
from app.ui.palette import error_colour

_Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()

CASE = "case"
CREDENTIAL_REQUEST = "credential_request"
AUTHORIZATION = "authorization"


@dataclass(frozen=True, slots=True)
class Target:
    """What a row opens: ``kind`` is ``CASE``, ``CREDENTIAL_REQUEST`` or ``AUTHORIZATION``."""

    kind: str
    id: int


@dataclass(frozen=True, slots=True)
class HomeRow:
    """One line of a Home table."""

    what: str
    case_number: str
    detail: str
    when: dt.date | None
    target: Target
    urgent: bool = False  #: overdue or failed: shown in the error colour


class HomeRowsModel(QAbstractTableModel):
    """What, case, detail and date of each row; sortable; ``TargetRole`` says what it opens."""

    WHAT, CASE, DETAIL, DATE = range(4)
    SortRole = Qt.ItemDataRole.UserRole + 1
    TargetRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, headers: tuple[str, str, str, str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = headers
        self._rows: list[HomeRow] = []

    def set_rows(self, rows: list[HomeRow]) -> None:
        """Show these rows (a reload replaces every row)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> HomeRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = _NO_INDEX) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _NO_INDEX) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._headers)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.detail
        if role == self.SortRole:
            if column == self.DATE:
                return row.when.isoformat() if row.when else ""
            return self._text(row, column).lower()
        if role == self.TargetRole:
            return row.target
        if role == Qt.ItemDataRole.ForegroundRole and row.urgent:
            return error_colour()
        return None

    @classmethod
    def _text(cls, row: HomeRow, column: int) -> str:
        if column == cls.WHAT:
            return row.what
        if column == cls.CASE:
            return row.case_number
        if column == cls.DETAIL:
            return row.detail
        if column == cls.DATE:
            return row.when.isoformat() if row.when else ""
        return ""


class SavedSearchModel(QAbstractListModel):
    """The user's saved searches by name; ``SearchRole`` gives the search."""

    SearchRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._searches: list[SavedSearchInfo] = []

    def set_searches(self, searches: list[SavedSearchInfo]) -> None:
        self.beginResetModel()
        self._searches = list(searches)
        self.endResetModel()

    def search_at(self, row: int) -> SavedSearchInfo | None:
        return self._searches[row] if 0 <= row < len(self._searches) else None

    def rowCount(self, parent: _Index = _NO_INDEX) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._searches)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        search = self.search_at(index.row()) if index.isValid() else None
        if search is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return search.name
        if role == self.SearchRole:
            return search
        return None
