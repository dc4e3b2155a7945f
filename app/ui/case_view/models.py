"""The table models of the case view: allegations, timeline, provisions (and their filter).

Plain Qt models over lists of the services' dataclasses, with column
constants and named roles; reloads reset the model.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget

from app.domain.charging import SUGGESTIONS_SHOWN
from app.services.cases import AllegationInfo
from app.services.catalog import ProvisionInfo
from app.ui.case_view import labels
from app.ui.case_view.support import local_time

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One line of the timeline: when, who, what, and the full text behind it."""

    when: dt.datetime
    who: str
    what: str
    text: str
    is_note: bool


class AllegationModel(QAbstractTableModel):
    """A case's allegations: citation, provision, employee, finding."""

    CITATION, TITLE, EMPLOYEE, FINDING = range(4)
    IdRole = Qt.ItemDataRole.UserRole + 1
    AllegationRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.allegations: list[AllegationInfo] = []

    def set_allegations(self, allegations: Sequence[AllegationInfo]) -> None:
        self.beginResetModel()
        self.allegations = list(allegations)
        self.endResetModel()

    def row_of(self, allegation_id: int) -> int:
        for row, allegation in enumerate(self.allegations):
            if allegation.id == allegation_id:
                return row
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.allegations)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else 4

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        allegation = self.allegations[index.row()]
        if role == self.IdRole:
            return allegation.id
        if role == self.AllegationRole:
            return allegation
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == self.CITATION:
                return allegation.citation
            if column == self.TITLE:
                return allegation.provision_title
            if column == self.EMPLOYEE:
                return allegation.employee_name or self.tr("—")
            return labels.finding_labels()[allegation.finding]
        return None

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Citation"), self.tr("Provision"), self.tr("Employee"),
                    self.tr("Finding"))[section]  # fmt: skip
        return None


def charge_note(provision: ProvisionInfo) -> str:
    """Whether ``provision`` can be charged, in a line; what to charge instead if not."""
    if provision.kind is None:
        return QCoreApplication.translate(
            "ProvisionModel", "Kind not known: the catalog needs reloading before it is charged."
        )
    if provision.chargeable:
        return QCoreApplication.translate("ProvisionModel", "Kind: {0}; can be charged.").format(
            provision.kind.label
        )
    note = QCoreApplication.translate("ProvisionModel", "Kind: {0}; cannot be charged.").format(
        provision.kind.label
    )
    if provision.charge_instead:
        shown = ", ".join(provision.charge_instead[:SUGGESTIONS_SHOWN])
        more = "…" if len(provision.charge_instead) > SUGGESTIONS_SHOWN else ""
        note += " " + QCoreApplication.translate("ProvisionModel", "Charge instead: {0}").format(
            shown + more
        )
    return note


class ProvisionModel(QAbstractTableModel):
    """The provisions of one agency's policies, in document order."""

    CITATION, TITLE = range(2)
    ProvisionRole = Qt.ItemDataRole.UserRole + 1
    ChargeableRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.provisions: list[ProvisionInfo] = []

    def set_provisions(self, provisions: Sequence[ProvisionInfo]) -> None:
        self.beginResetModel()
        self.provisions = list(provisions)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.provisions)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else 2

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        provision = self.provisions[index.row()]
        if role == self.ProvisionRole:
            return provision
        if role == self.ChargeableRole:
            return provision.chargeable
        if role == Qt.ItemDataRole.DisplayRole:
            return provision.citation if index.column() == self.CITATION else provision.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{provision.citation}: {provision.title}\n{charge_note(provision)}"
        if role == Qt.ItemDataRole.ForegroundRole and not provision.chargeable:
            # Greyed: it can be read here, but not charged.
            return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        return None

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Citation"), self.tr("Provision"))[section]
        return None


class ProvisionFilter(QSortFilterProxyModel):
    """Keeps provisions whose citation, title or text hold every word, and the tag."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._tag: str | None = None

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange()

    def set_tag(self, tag: str | None) -> None:
        self.beginFilterChange()
        self._tag = tag or None
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        assert isinstance(model, ProvisionModel)
        provision = model.provisions[source_row]
        if self._tag and self._tag not in provision.tags:
            return False
        haystack = f"{provision.citation}\n{provision.title}\n{provision.text}".casefold()
        return all(word in haystack for word in self._words)


class TimelineModel(QAbstractTableModel):
    """Timeline entries: when (local time), who, what."""

    WHEN, WHO, WHAT = range(3)
    EntryRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[TimelineEntry] = []

    def set_entries(self, entries: Sequence[TimelineEntry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else 3

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role == self.EntryRole:
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            return (local_time(entry.when), entry.who, entry.what)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.WHAT:
            return entry.text
        return None

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("When"), self.tr("Who"), self.tr("What"))[section]
        return None
