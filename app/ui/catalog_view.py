"""The Policy catalog view: the source policies, their provisions, search and citing.

A tree on the left (policy → provisions nested by their parent), a search
field and a tag filter above it, and on the right the selected policy's
header or the selected provision's verbatim text with its citation, its
kind (whether it can be charged) and the lead-in it is quoted after. Searching asks
:func:`app.services.catalog.search_provisions` in the background; the tree
then shows the matching provisions together with the provisions and policies
they sit under, so a match is never read out of context.
"""

from __future__ import annotations

import enum
from typing import Any, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QFont, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.domain.actor import Actor
from app.domain.catalog import TAGS, citation
from app.services import catalog
from app.services.catalog import PolicyInfo, ProvisionInfo
from app.services.database import Database
from app.ui.case_view.models import charge_note
from app.ui.palette import muted_colour
from app.ui.workspace import Workspace

#: How long typing must pause before the search runs (milliseconds).
SEARCH_DELAY_MS = 300

_Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()
_Catalog = tuple[list[PolicyInfo], list[ProvisionInfo]]
_SELECTABLE = (
    Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
)
_W = TypeVar("_W", bound=QWidget)


def _named(widget: _W, name: str) -> _W:
    """``widget`` with its object name set (tests and style sheets find it by name)."""
    widget.setObjectName(name)
    return widget


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


def load_catalog(database: Database, actor: Actor) -> _Catalog:
    """Every policy and every provision (runs in the background)."""
    return catalog.list_policies(database, actor), catalog.search_provisions(database, actor)


def _selectable(label: QLabel, *, bold: bool = False, point_delta: int = 0) -> QLabel:
    """A word-wrapped plain-text label the user can select and copy from."""
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    if bold or point_delta:
        font = label.font()
        font.setBold(bold)
        font.setPointSize(font.pointSize() + point_delta)
        label.setFont(font)
    return label


class PolicyPanel(QWidget):
    """A policy's header: title, agency, issuer, number, effective date, references."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = _selectable(_named(QLabel(), "policyTitle"), bold=True, point_delta=4)
        self.code = _selectable(_named(QLabel(), "policyCode"), bold=True)
        self.agency = _selectable(_named(QLabel(), "policyAgency"))
        self.issuer = _selectable(_named(QLabel(), "policyIssuer"))
        self.number = _selectable(_named(QLabel(), "policyNumber"))
        self.effective = _selectable(_named(QLabel(), "policyEffective"))
        self.version = _selectable(_named(QLabel(), "policyVersion"))
        self.sunset = _selectable(_named(QLabel(), "policySunset"))
        self.provisions = _selectable(_named(QLabel(), "policyProvisions"))
        self.references = _selectable(_named(QLabel(), "policyReferences"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Code:"), self.code)
        form.addRow(self.tr("Agency:"), self.agency)
        form.addRow(self.tr("Issued by:"), self.issuer)
        form.addRow(self.tr("Document number:"), self.number)
        form.addRow(self.tr("Effective:"), self.effective)
        form.addRow(self.tr("Version:"), self.version)
        form.addRow(self.tr("Sunset date:"), self.sunset)
        form.addRow(self.tr("Provisions:"), self.provisions)
        form.addRow(self.tr("References:"), self.references)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addStretch(1)

    def show_policy(self, policy: PolicyInfo) -> None:
        self.title.setText(policy.title)
        self.code.setText(policy.code)
        self.agency.setText(policy.agency_name)
        self.issuer.setText(policy.issuer)
        self.number.setText(policy.document_number or self.tr("not stated"))
        if policy.effective is None:
            self.effective.setText(self.tr("not stated in the policy"))
        else:
            self.effective.setText(policy.effective.isoformat())
        self.version.setText(policy.version or self.tr("not stated"))
        if policy.sunset is None:
            self.sunset.setText(self.tr("none stated"))
        else:
            self.sunset.setText(
                self.tr("{0} — charging conduct after it needs a confirmation that the policy "
                        "is still in force").format(policy.sunset.isoformat())
            )  # fmt: skip
        self.provisions.setText(str(policy.provision_count))
        self.references.setText(
            "\n".join(f"• {r}" for r in policy.references) or self.tr("none listed")
        )


class ProvisionPanel(QWidget):
    """One provision: citation, title, tags, kind, its lead-in, and its verbatim text."""

    def __init__(self, copy_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.citation = _selectable(_named(QLabel(), "provisionCitation"), bold=True, point_delta=4)
        self.copy_button = _named(QPushButton(), "copyCitationButton")
        self.copy_button.setText(copy_action.text())
        self.copy_button.setToolTip(copy_action.toolTip())
        self.copy_button.clicked.connect(copy_action.trigger)
        self.policy = _selectable(_named(QLabel(), "provisionPolicy"))
        self.title = _selectable(_named(QLabel(), "provisionTitle"), bold=True)
        self.tags = _selectable(_named(QLabel(), "provisionTags"))
        self.kind = _selectable(_named(QLabel(), "provisionKind"))
        self.lead_in_heading = _named(QLabel(self.tr("Lead-in:")), "leadInHeading")
        self.lead_in = _selectable(_named(QLabel(), "provisionLeadIn"))
        self.lead_in.setStyleSheet(
            "background: palette(alternate-base); border-left: 3px solid palette(mid);"
            " padding: 6px;"
        )
        self.text = _named(QPlainTextEdit(), "provisionText")
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(_SELECTABLE)
        self.text.setAccessibleName(self.tr("Provision text"))
        font = self.text.font()
        font.setPointSize(font.pointSize() + 1)
        self.text.setFont(font)
        self.text_heading = QLabel(self.tr("Text:"))
        heading = QHBoxLayout()
        heading.addWidget(self.citation, 1)
        heading.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(self.policy)
        layout.addWidget(self.title)
        layout.addWidget(self.tags)
        layout.addWidget(self.kind)
        layout.addWidget(self.lead_in_heading)
        layout.addWidget(self.lead_in)
        layout.addWidget(self.text_heading)
        layout.addWidget(self.text, 1)

    def show_provision(self, provision: ProvisionInfo, policy: PolicyInfo | None) -> None:
        self.citation.setText(provision.citation)
        self.policy.setText(
            self.tr("{0} — {1} ({2})").format(policy.title, policy.agency_name, policy.dates)
            if policy
            else ""
        )
        self.title.setText(provision.title)
        self.tags.setText(self.tr("Tags: {0}").format(", ".join(provision.tags) or "—"))
        self.kind.setText(charge_note(provision))
        # The lead-in the provision is quoted after (a list item's introductory
        # sentence); a provision under one that introduces nothing has none.
        self.lead_in.setText(provision.quoted_after)
        self.lead_in_heading.setVisible(bool(provision.quoted_after))
        self.lead_in.setVisible(bool(provision.quoted_after))
        self.text.setPlainText(provision.text)


class CatalogPage(QWidget):
    """Browse and search the policy catalog; copy a provision's citation."""

    catalog_loaded = Signal()  #: the catalog arrived from the database
    filter_applied = Signal(int)  #: the tree shows a new search result (provisions matching)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._load_serial = 0
        self._search_serial = 0
        self._loaded = False

        self.model = CatalogModel(self)

        self.search = _named(QLineEdit(), "catalogSearch")
        self.search.setPlaceholderText(self.tr("Search provisions (words in text, title or ref)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search provisions"))
        self.search.installEventFilter(self)
        self.tag = _named(QComboBox(), "tagFilter")
        self.tag.setAccessibleName(self.tr("Tag"))
        self.tag.addItem(self.tr("All tags"), None)
        for tag in sorted(TAGS):
            self.tag.addItem(tag, tag)
        search_label = QLabel(self.tr("&Search:"))
        search_label.setBuddy(self.search)
        tag_label = QLabel(self.tr("&Tag:"))
        tag_label.setBuddy(self.tag)

        self.tree = _named(QTreeView(), "catalogTree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self.on_tree_context_menu_requested)
        self.tree.header().setStretchLastSection(True)
        self.tree.setColumnWidth(CatalogModel.REF_COLUMN, 200)
        self.tree.selectionModel().currentChanged.connect(self.on_tree_current_changed)
        self.count = _named(QLabel(), "matchCount")

        self.copy_action = QAction(self.tr("&Copy citation"), self)
        self.copy_action.setObjectName("copyCitationAction")
        # Copy (Ctrl+C) where the provision is chosen; Ctrl+Shift+K anywhere in the view.
        # Ctrl+Shift+C is the window's Capture screen. In the search field and the
        # provision's text, Ctrl+C copies the selected text as usual.
        self.copy_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Copy), QKeySequence("Ctrl+Shift+K")]
        )
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.copy_action.setToolTip(self.tr("Copy the provision's citation (Ctrl+C, Ctrl+Shift+K)"))
        self.copy_action.setEnabled(False)
        self.copy_action.triggered.connect(self.on_copy_action_triggered)
        self.addAction(self.copy_action)

        self.placeholder = _named(QLabel(), "catalogPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.policy_panel = PolicyPanel()
        self.provision_panel = ProvisionPanel(self.copy_action)
        self.detail = _named(QStackedWidget(), "catalogDetail")
        for panel in (self.placeholder, self.policy_panel, self.provision_panel):
            self.detail.addWidget(panel)

        filters = QHBoxLayout()
        filters.addWidget(search_label)
        filters.addWidget(self.search, 1)
        filters.addWidget(tag_label)
        filters.addWidget(self.tag)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.count)
        self.splitter = _named(QSplitter(), "catalogSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        QWidget.setTabOrder(self.search, self.tag)
        QWidget.setTabOrder(self.tag, self.tree)
        QWidget.setTabOrder(self.tree, self.provision_panel.copy_button)
        QWidget.setTabOrder(self.provision_panel.copy_button, self.provision_panel.text)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.on_search_timer_timeout)
        self.search.textChanged.connect(self.on_search_text_changed)
        self.search.returnPressed.connect(self.on_search_timer_timeout)
        self.tag.currentIndexChanged.connect(self.on_tag_current_index_changed)

        self._show_placeholder(self.tr("Loading the policy catalog…"))
        self._restore_layout()
        self.refresh()

    # -- public page API ---------------------------------------------------------------

    def refresh(self) -> None:
        """Load the catalog again from the database (keeps the search and selection)."""
        self._load_serial += 1
        serial = self._load_serial
        self.workspace.call(
            load_catalog,
            on_success=lambda result: self._on_catalog(serial, result),
            parent=self,
        )

    def focus_search(self) -> None:
        """Edit > Find: put the cursor in the search field."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def save_layout(self) -> None:
        """Remember the splitter and the tree's column widths."""
        settings = QSettings()
        settings.setValue("catalog/splitter", self.splitter.saveState())
        settings.setValue("catalog/tree", self.tree.header().saveState())

    def current_key(self) -> str | None:
        """The selected policy code or provision citation."""
        index = self.tree.currentIndex()
        return index.data(CatalogModel.CitationRole) if index.isValid() else None

    def select(self, key: str) -> bool:
        """Select the policy code or citation ``key`` if it is shown."""
        index = self.model.index_of(key)
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    # -- loading and searching -----------------------------------------------------------

    def _on_catalog(
        self, serial: int, result: tuple[list[PolicyInfo], list[ProvisionInfo]]
    ) -> None:
        if serial != self._load_serial:
            return
        key = self.current_key()
        self.model.set_catalog(*result)
        first_load = not self._loaded
        self._loaded = True
        self.catalog_loaded.emit()
        if self._filter_active():
            self._run_search()
        else:
            self._after_reset(key, expand_all=False)
            if first_load:
                self._show_placeholder(self.tr("Select a policy or a provision to read it."))

    def _filter_active(self) -> bool:
        return bool(self.search.text().strip()) or self.tag.currentData() is not None

    def _run_search(self) -> None:
        """Ask the service which provisions match the words and tag (off the UI thread)."""
        self._search_timer.stop()
        self._search_serial += 1
        serial = self._search_serial
        if not self._filter_active():
            self._apply_matches(serial, None)
            return
        self.workspace.call(
            catalog.search_provisions,
            text=self.search.text().strip(),
            tag=self.tag.currentData(),
            on_success=lambda found: self._apply_matches(serial, frozenset(p.id for p in found)),
            parent=self,
        )

    def _apply_matches(self, serial: int, ids: frozenset[int] | None) -> None:
        if serial != self._search_serial or not self._loaded:
            return
        key = self.current_key()
        self.model.set_matches(ids)
        self._after_reset(key, expand_all=ids is not None)
        self.filter_applied.emit(self.model.provisions_shown())

    def _after_reset(self, key: str | None, *, expand_all: bool) -> None:
        if expand_all:
            self.tree.expandAll()
        else:
            self.tree.expandToDepth(0)
        shown = self.model.provisions_shown()
        if self.model.filtered:
            self.count.setText(self.tr("Matching provisions: {0}").format(shown))
        else:
            self.count.setText(self.tr("Provisions in the catalog: {0}").format(shown))
        if key is not None and self.select(key):
            return
        if self.model.filtered and shown == 0:
            self._show_placeholder(self.tr("No provision matches. Try fewer words or another tag."))
        elif self._loaded:
            self._show_placeholder(self.tr("Select a policy or a provision to read it."))

    def _show_placeholder(self, text: str) -> None:
        self.placeholder.setText(text)
        self.detail.setCurrentWidget(self.placeholder)
        self.copy_action.setEnabled(False)

    # -- slots ---------------------------------------------------------------------------

    @Slot(str)
    def on_search_text_changed(self, _text: str) -> None:
        """Search once typing pauses, not on every key."""
        self._search_timer.start()

    @Slot()
    def on_search_timer_timeout(self) -> None:
        """Typing paused (or Enter was pressed): run the search."""
        self._run_search()

    @Slot(int)
    def on_tag_current_index_changed(self, _index: int) -> None:
        """A tag was chosen: filter at once."""
        self._run_search()

    @Slot(QModelIndex, QModelIndex)
    def on_tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """Show what the user moved to: a policy's header or a provision's text."""
        entry = self.model.entry_at(current)
        if entry is None:
            self._show_placeholder(self.tr("Select a policy or a provision to read it."))
            return
        if entry.provision is None:
            self.policy_panel.show_policy(entry.policy)
            self.detail.setCurrentWidget(self.policy_panel)
            self.copy_action.setEnabled(False)
            return
        self.provision_panel.show_provision(
            entry.provision, self.model.policy(entry.provision.policy_code)
        )
        self.detail.setCurrentWidget(self.provision_panel)
        self.copy_action.setEnabled(True)

    @Slot()
    def on_copy_action_triggered(self) -> None:
        """Put the selected provision's citation on the clipboard, to paste into a report."""
        index = self.tree.currentIndex()
        if index.data(CatalogModel.KindRole) != EntryKind.PROVISION:
            return
        cited = index.data(CatalogModel.CitationRole)
        QGuiApplication.clipboard().setText(cited)
        self.workspace.status_message.emit(self.tr("Copied {0}").format(cited))

    @Slot(QPoint)
    def on_tree_context_menu_requested(self, position: QPoint) -> None:
        """Offer Copy citation on a provision."""
        index = self.tree.indexAt(position)
        if index.data(CatalogModel.KindRole) != EntryKind.PROVISION:
            return
        menu = QMenu(self)
        menu.addAction(self.copy_action)
        menu.popup(self.tree.viewport().mapToGlobal(position))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """In the search field, Down moves into the results and Escape clears the search."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down and self.model.rowCount() > 0:
                if not self.tree.currentIndex().isValid():
                    self.tree.setCurrentIndex(self.model.index(0, 0))
                self.tree.setFocus(Qt.FocusReason.TabFocusReason)
                return True
            if event.key() == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                self._run_search()
                return True
        return super().eventFilter(watched, event)

    def _restore_layout(self) -> None:
        settings = QSettings()
        splitter = settings.value("catalog/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([480, 720])
        header = settings.value("catalog/tree")
        if isinstance(header, QByteArray):
            self.tree.header().restoreState(header)
