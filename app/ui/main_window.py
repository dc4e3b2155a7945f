"""The main window: a navigator of views, menus and shortcuts, a status bar."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QTime, QTimer, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QStyle,
    QWidget,
)

from app import __version__
from app.domain.permissions import Permission
from app.ui.fit import fit_to_screen
from app.ui.workspace import Workspace

#: The smallest size at which every view is usable (smaller only on a smaller screen).
MIN_SIZE = QSize(1000, 640)


@dataclass(frozen=True)
class PageSpec:
    """One navigator entry: its name, who may see it, and how to build it."""

    key: str
    title: str
    permission: Permission
    icon: QStyle.StandardPixmap
    factory: Callable[[Workspace], QWidget]


def _pages() -> list[PageSpec]:
    # Imported here so the login dialog shows before these modules load.
    from app.ui.authorizations.authorizations_page import AuthorizationsPage
    from app.ui.authorizations.credentials_page import CredentialRequestsPage
    from app.ui.cases_page import CasesPage
    from app.ui.catalog_view import CatalogPage
    from app.ui.dashboard.page import DashboardPage
    from app.ui.users_view import UsersPage

    tr = QApplication.translate
    sp = QStyle.StandardPixmap
    return [
        PageSpec("cases", tr("MainWindow", "Cases"), Permission.CASE_VIEW,
                 sp.SP_FileDialogDetailedView, CasesPage),
        PageSpec("authorizations", tr("MainWindow", "Authorizations"),
                 Permission.AUTHORIZATION_VIEW, sp.SP_DialogApplyButton, AuthorizationsPage),
        PageSpec("credential_requests", tr("MainWindow", "Credential requests"),
                 Permission.CREDENTIAL_REQUEST_VIEW, sp.SP_MessageBoxQuestion,
                 CredentialRequestsPage),
        PageSpec("dashboard", tr("MainWindow", "Dashboard"), Permission.DASHBOARD_VIEW,
                 sp.SP_FileDialogListView, DashboardPage),
        PageSpec("catalog", tr("MainWindow", "Policy catalog"), Permission.CATALOG_VIEW,
                 sp.SP_FileDialogInfoView, CatalogPage),
        PageSpec("users", tr("MainWindow", "Users"), Permission.USER_VIEW,
                 sp.SP_DirHomeIcon, UsersPage),
    ]  # fmt: skip


class MainWindow(QMainWindow):
    """Navigator on the left, the chosen view on the right."""

    lock_requested = Signal()

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Casedesk"))
        self.pages: dict[str, QWidget] = {}
        self._specs = [p for p in _pages() if workspace.can(p.permission)]

        self.navigator = QListWidget()
        self.navigator.setObjectName("navigator")
        self.navigator.setIconSize(QSize(20, 20))
        self.navigator.setMaximumWidth(220)
        self.stack = QStackedWidget()
        for spec in self._specs:
            item = QListWidgetItem(self.style().standardIcon(spec.icon), spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.navigator.addItem(item)
            page = spec.factory(workspace)
            page.setObjectName(f"page_{spec.key}")
            self.pages[spec.key] = page
            self.stack.addWidget(page)
        self.navigator.currentRowChanged.connect(self.on_navigator_row_changed)
        front_changed = getattr(self.pages.get("cases"), "front_changed", None)
        if front_changed is not None:
            front_changed.connect(self.update_title)
        splitter = QSplitter()
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(self.navigator)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        self.setCentralWidget(splitter)

        self._build_menus()
        self._build_status_bar()
        workspace.tasks.busy_changed.connect(self.on_tasks_busy_changed)
        workspace.status_message.connect(self.on_status_message)
        self._placed = False
        self._restore_layout()

    # -- construction -------------------------------------------------------------------

    def _action(
        self, text: str, slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None, name: str = "",
    ) -> QAction:  # fmt: skip
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if name:
            action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        self.new_case_action = self._action(
            self.tr("&New case…"), self.on_new_case_triggered, QKeySequence.StandardKey.New,
            "newCaseAction",
        )  # fmt: skip
        self.new_case_action.setVisible(self.workspace.can(Permission.CASE_CREATE))
        file_menu.addAction(self.new_case_action)
        self.capture_action = self._action(
            self.tr("&Capture screen…"), self.on_capture_triggered, "Ctrl+Shift+C",
            "captureScreenAction",
        )  # fmt: skip
        self.capture_action.setVisible(self.workspace.can(Permission.EVIDENCE_ADD))
        file_menu.addAction(self.capture_action)
        # The case list's own action, enabled while cases are selected in it.
        case_list = getattr(self.pages.get("cases"), "case_list", None)
        self.summary_action: QAction | None = None
        if case_list is not None and self.workspace.can(Permission.REPORT_GENERATE):
            self.summary_action = case_list.summary_action
            self.summary_action.triggered.connect(partial(self.show_page, "cases"))
            file_menu.addSeparator()
            file_menu.addAction(self.summary_action)
        file_menu.addSeparator()
        self.lock_action = self._action(self.tr("&Lock"), self.lock_requested.emit, "Ctrl+L",
                                        "lockAction")  # fmt: skip
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self._action(self.tr("&Quit"), self.close,
                                         QKeySequence.StandardKey.Quit))  # fmt: skip
        edit_menu = menu.addMenu(self.tr("&Edit"))
        self.find_action = self._action(self.tr("&Find…"), self.on_find_triggered,
                                        QKeySequence.StandardKey.Find, "findAction")  # fmt: skip
        edit_menu.addAction(self.find_action)
        view_menu = menu.addMenu(self.tr("&View"))
        self.refresh_action = self._action(self.tr("&Refresh"), self.on_refresh_triggered,
                                           QKeySequence.StandardKey.Refresh,
                                           "refreshAction")  # fmt: skip
        view_menu.addAction(self.refresh_action)
        view_menu.addSeparator()
        for index, spec in enumerate(self._specs):
            view_menu.addAction(
                self._action(spec.title, partial(self.navigator.setCurrentRow, index),
                             f"Ctrl+{index + 1}")
            )  # fmt: skip
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&About Casedesk"), self.on_about_triggered))

    def _build_status_bar(self) -> None:
        actor = self.workspace.actor
        roles = ", ".join(sorted(r.value for r in actor.roles))
        self.user_label = QLabel(self.tr("{0} ({1})").format(actor.full_name, roles))
        self.user_label.setObjectName("userLabel")
        self.database_label = QLabel(self.workspace.database.display_name)
        self.database_label.setObjectName("databaseLabel")
        self.sync_label = QLabel(self.tr("Up to date"))
        self.sync_label.setObjectName("syncLabel")
        bar = self.statusBar()
        bar.addPermanentWidget(self.sync_label)
        bar.addPermanentWidget(self.database_label)
        bar.addPermanentWidget(self.user_label)

    # -- layout memory ---------------------------------------------------------------------

    def _restore_layout(self) -> None:
        settings = QSettings()
        geometry = settings.value("main/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            fit_to_screen(self, QSize(1280, 800))
        self.keep_on_screen()
        splitter = settings.value("main/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([200, 1080])
        last = settings.value("main/page", "cases")
        keys = [s.key for s in self._specs]
        self.navigator.setCurrentRow(keys.index(last) if last in keys else 0)

    def keep_on_screen(self) -> None:
        """Keep the window on a screen that exists, whole, and at a usable size.

        A geometry saved on another monitor, or before the scale changed, can
        come back off every screen or shrunk (946×350 at the bottom edge): the
        window goes onto the screen holding its centre (else the primary
        one), at least ``MIN_SIZE`` or the screen's whole available area if
        that is smaller, and inside that area.
        """
        if self.isMaximized() or self.isFullScreen():
            return  # the window manager places those
        inner, outer = self.geometry(), self.frameGeometry()
        # The title bar and borders (known once shown) must fit on the screen too.
        extra_w, extra_h = outer.width() - inner.width(), outer.height() - inner.height()
        screen = QGuiApplication.screenAt(outer.center()) or QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        width = min(max(inner.width(), MIN_SIZE.width()), area.width() - extra_w)
        height = min(max(inner.height(), MIN_SIZE.height()), area.height() - extra_h)
        left = min(max(outer.x(), area.left()), area.left() + area.width() - width - extra_w)
        top = min(max(outer.y(), area.top()), area.top() + area.height() - height - extra_h)
        if (left, top) != (outer.x(), outer.y()):
            self.move(left, top)
        if (width, height) != (inner.width(), inner.height()):
            self.resize(width, height)

    def save_layout(self) -> None:
        """Remember window geometry and the current view (views save their own)."""
        settings = QSettings()
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/splitter", self.splitter.saveState())
        item = self.navigator.currentItem()
        if item is not None:
            settings.setValue("main/page", item.data(Qt.ItemDataRole.UserRole))
        for page in self.pages.values():
            saver = getattr(page, "save_layout", None)
            if saver is not None:
                saver()

    # -- slots -----------------------------------------------------------------------------

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    def show_page(self, key: str) -> QWidget:
        """Switch to the view ``key`` and return it."""
        keys = [s.key for s in self._specs]
        self.navigator.setCurrentRow(keys.index(key))
        return self.pages[key]

    @Slot(int)
    def on_navigator_row_changed(self, row: int) -> None:
        """Show the chosen view."""
        if row >= 0:
            self.stack.setCurrentIndex(row)
        self.update_title()

    @Slot()
    def update_title(self) -> None:
        """The title names the case in front ("*" while it has unsaved edits), or the view."""
        page = self.current_page()
        current_case = getattr(page, "current_case", None)
        view = current_case() if current_case is not None else None
        detail = getattr(view, "detail", None)
        if view is not None and detail is not None:
            self.setWindowTitle(self.tr("{0}[*] — Casedesk").format(detail.number))
            self.setWindowModified(bool(view.modified))
            return
        self.setWindowModified(False)
        item = self.navigator.currentItem()
        if item is not None:
            self.setWindowTitle(self.tr("{0} — Casedesk").format(item.text()))
        else:
            self.setWindowTitle(self.tr("Casedesk"))

    @Slot()
    def on_new_case_triggered(self) -> None:
        """File > New case: the Cases view opens its intake form."""
        if "cases" in self.pages:
            page = self.show_page("cases")
            page.new_case()  # type: ignore[attr-defined]

    @Slot()
    def on_capture_triggered(self) -> None:
        """File > Capture screen: into the Evidence tab of the case open in front."""
        page = self.pages.get("cases")
        view = page.tabs.currentWidget() if page is not None else None  # type: ignore[attr-defined]
        evidence = getattr(view, "evidence", None)
        if evidence is None:
            message = self.tr("Open a case to capture the screen into it.")
            self.statusBar().showMessage(message, 5000)
            return
        self.show_page("cases")
        view.tabs.setCurrentWidget(evidence)  # type: ignore[union-attr]
        evidence.on_capture_clicked()

    @Slot()
    def on_find_triggered(self) -> None:
        """Edit > Find: focus the current view's search field."""
        page = self.current_page()
        focus = getattr(page, "focus_search", None)
        if focus is not None:
            focus()

    @Slot()
    def on_refresh_triggered(self) -> None:
        """View > Refresh: reload the current view from the database."""
        page = self.current_page()
        refresh = getattr(page, "refresh", None)
        if refresh is not None:
            refresh()

    @Slot(bool)
    def on_tasks_busy_changed(self, busy: bool) -> None:
        """Show whether work with the database is under way."""
        if busy:
            self.sync_label.setText(self.tr("Working…"))
        else:
            self.sync_label.setText(
                self.tr("Up to date at {0}").format(QTime.currentTime().toString("HH:mm"))
            )

    @Slot(str)
    def on_status_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 5000)

    @Slot()
    def on_about_triggered(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Casedesk"),
            self.tr("Casedesk {0}\nSocial-media policy investigations, from report to "
                    "discipline.").format(__version__),
        )  # fmt: skip

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if not self._placed:
            # Again once shown, when the title bar's size is known.
            self._placed = True
            QTimer.singleShot(0, self.keep_on_screen)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        for page in self.pages.values():
            may_close = getattr(page, "may_close", None)
            if may_close is not None and not may_close():
                event.ignore()
                return
        self.save_layout()
        event.accept()

    def set_window_icon(self, icon: QIcon) -> None:
        self.setWindowIcon(icon)
