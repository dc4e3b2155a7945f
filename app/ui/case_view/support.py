"""Small pieces the case view's widgets share: error labels, times, safe callbacks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTableView

from app.ui.fit import CutCellTips, keep_short_values_whole
from app.ui.form_messages import ErrorLabel

T = TypeVar("T")

__all__ = ["DownIntoResults", "ErrorLabel", "alive", "local_time", "set_up_table"]


def alive(owner: QObject, callback: Callable[[T], Any]) -> Callable[[T], None]:
    """``callback`` wrapped so it does nothing once ``owner`` is deleted.

    A background call can finish after its tab was closed; its result then
    has nowhere to go and is dropped instead of touching a deleted widget.
    """

    def deliver(value: T) -> None:
        if shiboken6.isValid(owner):
            callback(value)

    return deliver


def local_time(moment: dt.datetime) -> str:
    """A stored UTC time as the user's local date and time, to the minute."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def set_up_table(table: QTableView) -> None:
    """Rows selected whole, one at a time, one line high, without row numbers; cut cells
    show their whole text on hover."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    header = table.verticalHeader()
    header.hide()
    header.setDefaultSectionSize(table.fontMetrics().height() + 8)
    CutCellTips(table)  # a cut cell shows its whole text on hover
    keep_short_values_whole(table)  # "⚠ OVERDUE", ids and dates are never cut


class DownIntoResults(QObject):
    """In a search field, Down moves into the results (the first row if none is current)."""

    def __init__(self, search: QLineEdit, results: QAbstractItemView) -> None:
        super().__init__(search)
        self.search = search
        self.results = results
        search.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
        ):
            model = self.results.model()
            if model is not None and model.rowCount() > 0:
                if not self.results.currentIndex().isValid():
                    self.results.setCurrentIndex(model.index(0, 0))
                self.results.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)
