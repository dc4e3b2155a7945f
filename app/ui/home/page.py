"""The Home view: what needs the user now, pinned and recent cases, saved searches.

It loads everything with one background call (``services.home.load_home``)
and keeps current two ways: the workspace's change signals (this window's
own changes) and a poll, once a minute, of the audit chain's head in the
background (``change_marker``): when another workstation records anything,
the head moves and Home loads again; otherwise nothing is read.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    QTime,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.permissions import Permission
from app.services.home import (
    HomeView,
    SavedSearchInfo,
    change_marker,
    delete_search,
    load_home,
    record_opened,
    set_pinned,
)
from app.ui.case_view.support import set_up_table
from app.ui.confirm import confirm_step
from app.ui.home.models import CASE, HomeRowsModel, SavedSearchModel, Target
from app.ui.home.rows import case_rows, needs_rows, summary
from app.ui.palette import style_as_note
from app.ui.workspace import Workspace

#: How often Home asks whether anything was recorded (milliseconds).
POLL_INTERVAL_MS = 60_000


class HomePage(QWidget):
    """Sections of what waits for the user; each row opens the record itself."""

    #: A row asks to be opened: the navigator page key and the record's id.
    record_requested = Signal(str, int)
    #: A saved search asks to be shown in the case list (a ``CaseQuery``).
    search_requested = Signal(object)
    #: The counts for the navigator's entries changed (page key → count).
    badges_changed = Signal(dict)
    #: Home shows a fresh load from the database.
    loaded = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.view: HomeView | None = None
        self._serial = 0
        self._polling = False
        self._pinned: set[int] = set()

        self.heading = QLabel(self.tr("Needs you now"))
        self.heading.setObjectName("homeHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.summary = QLabel(self.tr("Loading…"))
        self.summary.setObjectName("homeSummary")
        self.summary.setWordWrap(True)
        self.updated = QLabel()
        self.updated.setObjectName("homeUpdated")
        style_as_note(self.updated)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.setObjectName("homeRefresh")
        self.refresh_button.clicked.connect(self.refresh)

        headers = (self.tr("What"), self.tr("Case"), self.tr("Details"), self.tr("Date"))
        self.needs_model = HomeRowsModel(headers, self)
        self.needs_table = self._table("homeNeedsTable", self.needs_model)
        case_headers = (self.tr("Case"), self.tr("Number"), self.tr("Status and title"),
                        self.tr("Changed"))  # fmt: skip
        self.pinned_model = HomeRowsModel(case_headers, self)
        self.pinned_table = self._table("homePinnedTable", self.pinned_model)
        self.recent_model = HomeRowsModel(case_headers, self)
        self.recent_table = self._table("homeRecentTable", self.recent_model)
        for table in (self.pinned_table, self.recent_table):
            table.hideColumn(HomeRowsModel.WHAT)
        self.searches_model = SavedSearchModel(self)
        self.searches_list = QListView()
        self.searches_list.setObjectName("homeSearches")
        self.searches_list.setModel(self.searches_model)
        self.searches_list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.searches_list.activated.connect(self.on_searches_list_activated)
        self.delete_search_button = QPushButton(self.tr("&Delete search"))
        self.delete_search_button.setObjectName("homeDeleteSearch")
        self.delete_search_button.clicked.connect(self.on_delete_search_clicked)
        self.delete_search_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.searches_note = self._note(
            self.tr("Save a search from the case list (Save search…) to find it here.")
        )

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.updated)
        top.addWidget(self.refresh_button)
        needs = QWidget()
        needs_layout = QVBoxLayout(needs)
        needs_layout.setContentsMargins(0, 0, 0, 0)
        needs_layout.addLayout(top)
        needs_layout.addWidget(self.summary)
        needs_layout.addWidget(self.needs_table, 1)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.pinned_note = self._note(
            self.tr("Right-click a case here and choose Pin to Home to keep it at hand.")
        )
        self.recent_note = self._note(self.tr("The cases you open appear here."))
        pinned = self._group(self.tr("Pinned cases"), self.pinned_table, self.pinned_note)
        recent = self._group(self.tr("Recently opened"), self.recent_table, self.recent_note)
        side_layout.addWidget(pinned, 1)
        side_layout.addWidget(recent, 1)
        searches = self._group(
            self.tr("Saved searches"), self.searches_list, self.searches_note,
            self.delete_search_button,
        )  # fmt: skip
        side_layout.addWidget(searches, 1)
        self.splitter = QSplitter()
        self.splitter.addWidget(needs)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([760, 400])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        # Several change announcements in a row cost one load.
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self.refresh)
        self.poll_timer = QTimer(self)
        self.poll_timer.setObjectName("homePollTimer")
        self.poll_timer.setInterval(POLL_INTERVAL_MS)
        self.poll_timer.timeout.connect(self.poll)
        self.poll_timer.start()
        workspace.case_changed.connect(self.on_workspace_changed)
        workspace.cases_changed.connect(self.on_workspace_changed)
        workspace.saved_searches_changed.connect(self.on_workspace_changed)
        workspace.case_opened.connect(self.on_workspace_case_opened)
        self.refresh()

    # -- building ------------------------------------------------------------------------

    def _table(self, name: str, model: HomeRowsModel) -> QTableView:
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(model)
        proxy.setSortRole(HomeRowsModel.SortRole)
        table = QTableView()
        table.setObjectName(name)
        table.setModel(proxy)
        set_up_table(table)
        table.setSortingEnabled(True)
        table.sortByColumn(HomeRowsModel.DATE, Qt.SortOrder.AscendingOrder)
        table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(HomeRowsModel.DETAIL, QHeaderView.ResizeMode.Stretch)
        table.activated.connect(self.on_table_activated)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(
            lambda position, t=table: self.on_table_context_menu(t, position)
        )
        return table

    @staticmethod
    def _note(text: str) -> QLabel:
        note = QLabel(text)
        note.setWordWrap(True)
        style_as_note(note)
        return note

    @staticmethod
    def _group(title: str, content: QWidget, *below: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.addWidget(content, 1)
        for widget in below:
            layout.addWidget(widget)
        return box

    # -- loading -------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Load every section again, in the background."""
        self._serial += 1
        serial = self._serial
        self.workspace.call(
            load_home, on_success=lambda view: self.show_view(serial, view), parent=self
        )

    def show_view(self, serial: int, view: HomeView) -> None:
        """Show what the service returned, unless a newer load is on its way."""
        if serial != self._serial:
            return
        self.view = view
        self.summary.setText(summary(view))
        self.needs_model.set_rows(needs_rows(view))
        self.pinned_model.set_rows(case_rows(view.pinned, self.tr("Pinned")))
        self.recent_model.set_rows(case_rows(view.recent, self.tr("Recent")))
        self._pinned = {line.case_id for line in view.pinned}
        self.searches_model.set_searches(list(view.searches))
        self.searches_note.setVisible(not view.searches)
        self.pinned_note.setVisible(not view.pinned)
        self.recent_note.setVisible(not view.recent)
        self.delete_search_button.setEnabled(bool(view.searches))
        self.updated.setText(
            self.tr("Updated at {0}").format(QTime.currentTime().toString("HH:mm"))
        )
        self.badges_changed.emit(view.badges())
        self.loaded.emit()

    @Slot()
    def poll(self) -> None:
        """Ask (in the background) whether anything was recorded since Home loaded."""
        if self._polling or self.view is None:
            return
        self._polling = True
        self.workspace.call(
            change_marker, on_success=self.on_change_marker_read,
            on_failure=self.on_change_marker_failed, parent=self,
        )  # fmt: skip

    def on_change_marker_read(self, marker: int) -> None:
        """Load again only when the audit chain moved."""
        self._polling = False
        if self.view is not None and marker != self.view.as_of:
            self.refresh()

    def on_change_marker_failed(self, error: BaseException) -> None:
        """A failed poll is said quietly; the next one tries again (no dialog every minute)."""
        self._polling = False
        self.updated.setText(self.tr("Could not check for changes: {0}").format(error))

    # -- slots ---------------------------------------------------------------------------

    @Slot()
    def on_workspace_changed(self, *_args: object) -> None:
        self._reload_timer.start()

    @Slot(int)
    def on_workspace_case_opened(self, case_id: int) -> None:
        """Remember the case among the recently opened ones (a failure only costs that)."""
        self.workspace.call(
            record_opened, case_id, on_success=lambda _none: self._reload_timer.start(),
            on_failure=lambda _error: None, parent=self,
        )  # fmt: skip

    @Slot(QModelIndex)
    def on_table_activated(self, index: QModelIndex) -> None:
        """Open what the row is about."""
        self.open_target(index.data(HomeRowsModel.TargetRole))

    def open_target(self, target: Target | None) -> None:
        if target is None:
            return
        key = "cases" if target.kind == CASE else f"{target.kind}s"
        self.record_requested.emit(key, target.id)

    def on_table_context_menu(self, table: QTableView, position: QPoint) -> None:
        target = table.indexAt(position).data(HomeRowsModel.TargetRole)
        if not isinstance(target, Target):
            return
        self.case_menu(target).popup(table.viewport().mapToGlobal(position))

    def case_menu(self, target: Target) -> QMenu:
        """Open, and for a case: pin to Home or unpin."""
        menu = QMenu(self)
        menu.addAction(self.tr("&Open"), lambda: self.open_target(target))
        if target.kind == CASE and self.workspace.can(Permission.CASE_VIEW):
            pinned = target.id in self._pinned
            text = self.tr("&Unpin from Home") if pinned else self.tr("&Pin to Home")
            menu.addAction(text, lambda: self.pin(target.id, not pinned))
        return menu

    def pin(self, case_id: int, pinned: bool) -> None:
        """Pin a case to Home, or unpin it."""
        self.workspace.call(
            set_pinned, case_id, pinned, on_success=lambda _p: self.refresh(), parent=self
        )

    @Slot(QModelIndex)
    def on_searches_list_activated(self, index: QModelIndex) -> None:
        """Show the saved search's cases in the case list."""
        search = index.data(SavedSearchModel.SearchRole)
        if isinstance(search, SavedSearchInfo):
            self.search_requested.emit(search.query)

    @Slot()
    def on_delete_search_clicked(self) -> None:
        search = self.searches_model.search_at(self.searches_list.currentIndex().row())
        if search is None:
            return
        if not confirm_step(
            self, title=self.tr("Delete saved search"),
            question=self.tr("Delete the saved search \u201c{0}\u201d?").format(search.name),
            follows=self.tr("The cases stay as they are; only the search's name and filters "
                            "are forgotten, on every workstation."),
            action=self.tr("Delete search"),
        ):  # fmt: skip
            return
        self.workspace.call(
            delete_search, search.id, on_success=lambda _none: self.refresh(), parent=self
        )

    def focus_search(self) -> None:
        """Edit > Find: the most useful place to type on Home is the list of what waits."""
        self.needs_table.setFocus(Qt.FocusReason.ShortcutFocusReason)
