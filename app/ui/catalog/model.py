"""The catalog tree's rows: policies and their provisions, narrowed by a search."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from app.domain.actor import Actor
from app.domain.catalog import citation
from app.services import catalog
from app.services.catalog import PolicyInfo, ProvisionInfo
from app.services.database import Database
from app.ui.case_view.models import charge_note
from app.ui.palette import muted_colour

_Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()
Catalog = tuple[list[PolicyInfo], list[ProvisionInfo]]


class EntryKind(enum.Enum):
    """What a row of the catalog tree stands for."""

    POLICY = "policy"
    PROVISION = "provision"


class _Entry:
    """One row of the tree: a policy or a provision, with its place in the tree."""

    __slots__ = ("kind", "policy", "provision", "parent", "children", "row", "matches")

    def __init__(
        self,
        kind: EntryKind,
        policy: PolicyInfo,
        provision: ProvisionInfo | None = None,
        parent: _Entry | None = None,
    ) -> None:
        self.kind = kind
        self.policy = policy
        self.provision = provision
        self.parent = parent
        self.children: list[_Entry] = []
        self.row = 0
        self.matches = True  #: false for rows shown only as the context of a match

    @property
    def key(self) -> str:
        """The policy code, or the provision's citation: unique in the catalog."""
        return self.provision.citation if self.provision is not None else self.policy.code

    def add(self, child: _Entry) -> None:
        child.parent = self
        child.row = len(self.children)
        self.children.append(child)


class CatalogModel(QAbstractItemModel):
    """Policies and their provisions, nested by parent reference, optionally filtered.

    :meth:`set_catalog` loads the whole catalog (a few hundred provisions);
    :meth:`set_matches` narrows the tree to the provisions a search found,
    plus the rows they sit under (those have ``MatchRole`` false).
    """

    REF_COLUMN, TITLE_COLUMN = range(2)
    COLUMN_COUNT = 2

    KindRole = Qt.ItemDataRole.UserRole + 1  #: an :class:`EntryKind`
    CitationRole = Qt.ItemDataRole.UserRole + 2  #: citation, or the policy code
    PolicyCodeRole = Qt.ItemDataRole.UserRole + 3
    ProvisionIdRole = Qt.ItemDataRole.UserRole + 4  #: None for a policy
    MatchRole = Qt.ItemDataRole.UserRole + 5  #: whether the row matched the filter

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._policies: list[PolicyInfo] = []
        self._provisions: list[ProvisionInfo] = []
        self._by_citation: dict[str, ProvisionInfo] = {}
        self._matches: frozenset[int] | None = None
        self._top: list[_Entry] = []  #: the policies shown, in code order
        self._entries: dict[str, _Entry] = {}

    # -- loading -----------------------------------------------------------------------

    def set_catalog(self, policies: list[PolicyInfo], provisions: list[ProvisionInfo]) -> None:
        """Show this catalog (provisions in catalog order), keeping the current filter."""
        self.beginResetModel()
        self._policies = list(policies)
        self._provisions = list(provisions)
        self._by_citation = {p.citation: p for p in provisions}
        self._build()
        self.endResetModel()

    def set_matches(self, provision_ids: frozenset[int] | None) -> None:
        """Show only these provisions and what they sit under; ``None`` shows everything."""
        self.beginResetModel()
        self._matches = provision_ids
        self._build()
        self.endResetModel()

    @property
    def filtered(self) -> bool:
        return self._matches is not None

    def _build(self) -> None:
        self._top = []
        self._entries = {}
        shown = self._shown_citations()
        policies = {p.code: _Entry(EntryKind.POLICY, p) for p in self._policies}
        provisions: list[_Entry] = []
        for provision in self._provisions:
            owner = policies.get(provision.policy_code)
            if owner is None or (shown is not None and provision.citation not in shown):
                continue
            entry = _Entry(EntryKind.PROVISION, owner.policy, provision)
            entry.matches = self._matches is None or provision.id in self._matches
            provisions.append(entry)
            self._entries[entry.key] = entry
        for entry in provisions:  # after all exist, so a parent listed late is still found
            assert entry.provision is not None
            parent_ref = entry.provision.parent_ref
            parent = (
                self._entries.get(citation(entry.policy.code, parent_ref)) if parent_ref else None
            )
            (parent or policies[entry.policy.code]).add(entry)
        for entry in policies.values():
            if shown is None or entry.children:
                entry.matches = shown is None
                entry.row = len(self._top)
                self._top.append(entry)
                self._entries[entry.key] = entry

    def _shown_citations(self) -> set[str] | None:
        """The matching provisions and every provision above them, or None: all."""
        if self._matches is None:
            return None
        shown: set[str] = set()
        for provision in self._provisions:
            if provision.id not in self._matches:
                continue
            current: ProvisionInfo | None = provision
            while current is not None and current.citation not in shown:
                shown.add(current.citation)
                current = self.parent_of(current)
        return shown

    # -- lookups for the view ------------------------------------------------------------

    def policy(self, code: str) -> PolicyInfo | None:
        return next((p for p in self._policies if p.code == code), None)

    def parent_of(self, provision: ProvisionInfo) -> ProvisionInfo | None:
        """The provision that ``provision`` is part of, if any."""
        if provision.parent_ref is None:
            return None
        return self._by_citation.get(citation(provision.policy_code, provision.parent_ref))

    def entry_at(self, index: _Index) -> _Entry | None:
        if not index.isValid():
            return None
        entry = index.internalPointer()
        return entry if isinstance(entry, _Entry) else None

    def index_of(self, key: str) -> QModelIndex:
        """The index of the policy code or citation ``key``, if it is shown."""
        entry = self._entries.get(key)
        if entry is None:
            return QModelIndex()
        return self.createIndex(entry.row, 0, entry)

    def provisions_shown(self) -> int:
        """How many provisions match (all of them when unfiltered)."""
        if self._matches is None:
            return len(self._provisions)
        return sum(1 for e in self._entries.values() if e.provision is not None and e.matches)

    # -- QAbstractItemModel ----------------------------------------------------------------

    def index(self, row: int, column: int, parent: _Index = _NO_INDEX) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        owner = self.entry_at(parent)
        children = owner.children if owner is not None else self._top
        return self.createIndex(row, column, children[row])

    def parent(self, child: _Index = _NO_INDEX) -> QModelIndex:  # type: ignore[override]
        entry = self.entry_at(child)
        if entry is None or entry.parent is None:
            return QModelIndex()
        return self.createIndex(entry.parent.row, 0, entry.parent)

    def rowCount(self, parent: _Index = _NO_INDEX) -> int:  # noqa: N802 - Qt API
        if parent.isValid() and parent.column() != 0:
            return 0
        owner = self.entry_at(parent)
        return len(owner.children) if owner is not None else len(self._top)

    def columnCount(self, parent: _Index = _NO_INDEX) -> int:  # noqa: N802 - Qt API
        return self.COLUMN_COUNT

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.entry_at(index)
        if entry is None:
            return None
        provision, column = entry.provision, index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.REF_COLUMN:
                return provision.ref if provision is not None else entry.policy.code
            return provision.title if provision is not None else entry.policy.title
        if role == Qt.ItemDataRole.ToolTipRole:
            if provision is not None:
                return f"{provision.citation}\n{provision.title}\n{charge_note(provision)}"
            return f"{entry.policy.code}: {entry.policy.title}\n{entry.policy.agency_name}"
        if role == Qt.ItemDataRole.FontRole and provision is None:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and self.filtered and not entry.matches:
            return muted_colour()
        if role == self.KindRole:
            return entry.kind
        if role == self.CitationRole:
            return entry.key
        if role == self.PolicyCodeRole:
            return entry.policy.code
        if role == self.ProvisionIdRole:
            return provision.id if provision is not None else None
        if role == self.MatchRole:
            return entry.matches
        return None

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            self.REF_COLUMN: self.tr("Provision"),
            self.TITLE_COLUMN: self.tr("Title"),
        }.get(section)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def load_catalog(database: Database, actor: Actor) -> Catalog:
    """Every policy and every provision (runs in the background)."""
    return catalog.list_policies(database, actor), catalog.search_provisions(database, actor)
