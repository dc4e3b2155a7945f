"""The Policy catalog page: the tree, its search and tag filter, the detail, citing."""

from __future__ import annotations

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QModelIndex,
    QObject,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.domain.catalog import TAGS
from app.services import catalog
from app.services.catalog import PolicyInfo, ProvisionInfo
from app.ui.catalog.model import CatalogModel, EntryKind, load_catalog
from app.ui.catalog.panels import PolicyPanel, ProvisionPanel, named
from app.ui.workspace import Workspace

#: How long typing must pause before the search runs (milliseconds).
SEARCH_DELAY_MS = 300


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

        self.search = named(QLineEdit(), "catalogSearch")
        self.search.setPlaceholderText(self.tr("Search provisions (words in text, title or ref)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search provisions"))
        self.search.installEventFilter(self)
        self.tag = named(QComboBox(), "tagFilter")
        self.tag.setAccessibleName(self.tr("Tag"))
        self.tag.addItem(self.tr("All tags"), None)
        for tag in sorted(TAGS):
            self.tag.addItem(tag, tag)
        search_label = QLabel(self.tr("&Search:"))
        search_label.setBuddy(self.search)
        tag_label = QLabel(self.tr("&Tag:"))
        tag_label.setBuddy(self.tag)

        self.tree = named(QTreeView(), "catalogTree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self.on_tree_context_menu_requested)
        self.tree.header().setStretchLastSection(True)
        self.tree.setColumnWidth(CatalogModel.REF_COLUMN, 200)
        self.tree.selectionModel().currentChanged.connect(self.on_tree_current_changed)
        self.count = named(QLabel(), "matchCount")

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

        self.placeholder = named(QLabel(), "catalogPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.policy_panel = PolicyPanel()
        self.provision_panel = ProvisionPanel(self.copy_action)
        self.detail = named(QStackedWidget(), "catalogDetail")
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
        self.splitter = named(QSplitter(), "catalogSplitter")
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
