"""The audit log's table model: events newest first, fetched a page at a time as the user scrolls.

The model holds the events fetched so far and where the next page starts
(keyset: below the last event number shown). ``canFetchMore`` /
``fetchMore`` ask for the next page through ``request``, which runs the
service in the background and calls back on the main thread; a page meant
for an earlier filter is dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.services.audit_log.events import AuditEventPage, AuditEventRow, AuditFilter

Index = QModelIndex | QPersistentModelIndex
#: ``request(filter, before, deliver)``: fetch a page in the background, then ``deliver(page)``.
PageRequest = Callable[[AuditFilter, int | None, Callable[[AuditEventPage], None]], None]


def local_moment(moment: dt.datetime) -> str:
    """A stored UTC moment in local time to the second: ``2026-03-01 14:05:09``."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


class AuditLogModel(QAbstractTableModel):
    """Audit events, newest first; rows arrive a page at a time."""

    SEQ, WHEN, ACTOR, ACTION, CASE, RECORD = range(6)
    SeqRole = Qt.ItemDataRole.UserRole + 1
    EventRole = Qt.ItemDataRole.UserRole + 2

    loaded = Signal()  #: a page arrived (the first one after a new filter, or one more)

    def __init__(self, request: PageRequest, parent: Any = None) -> None:
        super().__init__(parent)
        self._request = request
        self._headers = [self.tr("No."), self.tr("When"), self.tr("Who"), self.tr("Action"),
                         self.tr("Case"), self.tr("Record")]  # fmt: skip
        self.events: list[AuditEventRow] = []
        self.filter = AuditFilter()
        self.total: int | None = None
        self._next: int | None = None
        self._more = False
        self._loading = False
        self._generation = 0

    # -- loading -------------------------------------------------------------------------

    def load(self, wanted: AuditFilter) -> None:
        """Show the events of ``wanted`` from the newest (the old rows go at once)."""
        self._generation += 1
        self.beginResetModel()
        self.filter = wanted
        self.events = []
        self.total = None
        self._next = None
        self._more = False
        self._loading = True
        self.endResetModel()
        self._ask(None)

    def _ask(self, before: int | None) -> None:
        generation = self._generation
        self._loading = True
        self._request(self.filter, before, lambda page: self._arrived(generation, page))

    def _arrived(self, generation: int, page: AuditEventPage) -> None:
        if generation != self._generation:
            return  # for a filter no longer shown
        self._loading = False
        if page.total is not None:
            self.total = page.total
        if page.events:
            first = len(self.events)
            self.beginInsertRows(QModelIndex(), first, first + len(page.events) - 1)
            self.events.extend(page.events)
            self.endInsertRows()
        self._next = page.next_before
        self._more = page.next_before is not None
        self.loaded.emit()

    def failed(self) -> None:
        """The last request failed: stop asking until the next :meth:`load`."""
        self._loading = False
        self._more = False

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if self.canFetchMore(parent):
            self._ask(self._next)

    # -- the table -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.events)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._headers)):  # fmt: skip
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.events):
            return None
        event = self.events[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(event, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.WHEN:
            return self.tr("Stored in UTC as {0}").format(event.occurred_at.isoformat())
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.SEQ:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.SeqRole:
            return event.seq
        if role == self.EventRole:
            return event
        return None

    def _text(self, event: AuditEventRow, column: int) -> str:
        if column == self.SEQ:
            return str(event.seq)
        if column == self.WHEN:
            return local_moment(event.occurred_at)
        if column == self.ACTOR:
            return event.actor
        if column == self.ACTION:
            return event.action
        if column == self.CASE:
            return event.case_number or ""
        return f"{event.entity_type} {event.entity_id}"

    def row_of(self, seq: int) -> int | None:
        """The row showing event ``seq``, if it has been fetched."""
        for row, event in enumerate(self.events):
            if event.seq == seq:
                return row
        return None
