"""The main window: a navigator of views, menus and shortcuts, a status bar."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

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
    QSplitter,
    QStackedWidget,
    QStyle,
    QWidget,
)

from app.domain.permissions import Permission
from app.ui.fit import fit_to_screen
from app.ui.icons import icon as named_icon
from app.ui.icons import page_icon
from app.ui.lazy_pages import LazyPages, deferred
from app.ui.workspace import Workspace

if TYPE_CHECKING:
    from app.services.recovery import DraftEntry
    from app.ui.case_view.view import CaseView
    from app.ui.recovery import WorkRecovery

#: The smallest size at which every view is usable (smaller only on a smaller screen).
MIN_SIZE = QSize(1000, 640)


@dataclass(frozen=True)
class PageSpec:
    """One navigator entry: its name, who may see it, and how to build it."""

    key: str
    title: str
    permission: Permission | None  #: None: every signed-in user
    icon: QStyle.StandardPixmap
    factory: Callable[[Workspace], QWidget]


def _pages() -> list[PageSpec]:
    # Each view's module is imported when the view is first shown (app.ui.lazy_pages),
    # so the login dialog and the first view do not wait for the others.
    authorizations_page = deferred(
        "app.ui.authorizations.authorizations_page", "AuthorizationsPage"
    )
    credentials_page = deferred("app.ui.authorizations.credentials_page", "CredentialRequestsPage")
    cases_page = deferred("app.ui.cases_page", "CasesPage")
    catalog_page = deferred("app.ui.catalog.page", "CatalogPage")
    users_page = deferred("app.ui.users_view", "UsersPage")
    home_page = deferred("app.ui.home.page", "HomePage")
    audit_log_page = deferred("app.ui.audit_log.page", "AuditLogPage")
    settings_page = deferred("app.ui.settings_view.page", "SettingsPage")
    dashboard_page = deferred("app.ui.dashboard.page", "DashboardPage")

    tr = QApplication.translate
    sp = QStyle.StandardPixmap
    return [
        PageSpec("home", tr("MainWindow", "Home"), None, sp.SP_DesktopIcon, home_page),
        PageSpec("cases", tr("MainWindow", "Cases"), Permission.CASE_VIEW,
                 sp.SP_FileDialogDetailedView, cases_page),
        PageSpec("authorizations", tr("MainWindow", "Authorizations"),
                 Permission.AUTHORIZATION_VIEW, sp.SP_DialogApplyButton, authorizations_page),
        PageSpec("credential_requests", tr("MainWindow", "Credential requests"),
                 Permission.CREDENTIAL_REQUEST_VIEW, sp.SP_MessageBoxQuestion,
                 credentials_page),
        PageSpec("dashboard", tr("MainWindow", "Dashboard"), Permission.DASHBOARD_VIEW,
                 sp.SP_FileDialogListView, dashboard_page),
        PageSpec("catalog", tr("MainWindow", "Policy catalog"), Permission.CATALOG_VIEW,
                 sp.SP_FileDialogInfoView, catalog_page),
        PageSpec("audit_log", tr("MainWindow", "Audit log"), Permission.AUDIT_VIEW,
                 sp.SP_FileDialogContentsView, audit_log_page),
        PageSpec("settings", tr("MainWindow", "Settings"), Permission.USER_MANAGE,
                 sp.SP_FileDialogListView, settings_page),
        PageSpec("users", tr("MainWindow", "Users"), Permission.USER_VIEW,
                 sp.SP_DirHomeIcon, users_page),
    ]  # fmt: skip


class MainWindow(QMainWindow):
    """Navigator on the left, the chosen view on the right."""

    lock_requested = Signal()

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Casedesk"))
        self._specs = [p for p in _pages() if p.permission is None or workspace.can(p.permission)]

        self.navigator = QListWidget()
        self.navigator.setObjectName("navigator")
        self.navigator.setIconSize(QSize(20, 20))
        self.navigator.setMaximumWidth(220)
        self.stack = QStackedWidget()
        for spec in self._specs:
            icon = page_icon(spec.key)
            if icon.isNull():
                icon = self.style().standardIcon(spec.icon)
            item = QListWidgetItem(icon, spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.navigator.addItem(item)
        #: The views by key; each is built when first shown or looked up.
        self.pages = LazyPages(
            self.stack, [(s.key, s.factory) for s in self._specs], workspace, self._on_page_built
        )
        self.navigator.currentRowChanged.connect(self.on_navigator_row_changed)
        if "home" in self.pages:
            self.pages["home"]  # built at once: its poll keeps the badges current
        splitter = QSplitter()
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(self.navigator)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        self.setCentralWidget(splitter)

        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        workspace.tasks.busy_changed.connect(self.on_tasks_busy_changed)
        workspace.status_message.connect(self.on_status_message)
        self._placed = False
        self._restore_layout()
        #: Keeps the typed work not yet recorded against a crash (started with the
        #: session's work, once Home shows its data: ``app.ui.app``).
        self.recovery: WorkRecovery | None = None
        #: The application is ending without a user to ask (SIGTERM, the desktop session
        #: ending): the work was kept, and the window closes without asking.
        self.ending = False

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
        # Stands for the case list's own action, enabled while cases are selected in it;
        # the Cases view is built when first shown, not for this menu.
        self.summary_action: QAction | None = None
        if "cases" in self.pages and self.workspace.can(Permission.REPORT_GENERATE):
            self.summary_action = self._action(
                self.tr("Case &summary report…"), self.on_summary_triggered,
                name="caseSummaryReportMenuAction",
            )  # fmt: skip
            self.summary_action.setEnabled(False)
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
        self.guide_action = self._action(self.tr("&User guide"), self.on_guide_triggered,
                                         name="userGuideAction")  # fmt: skip
        self.context_help_action = self._action(
            self.tr("&Help for this view"), self.on_context_help_triggered,
            QKeySequence.StandardKey.HelpContents, "contextHelpAction",
        )  # fmt: skip
        self.shortcuts_action = self._action(self.tr("&Keyboard shortcuts"),
                                             self.on_shortcuts_triggered,
                                             name="shortcutsAction")  # fmt: skip
        for action in (self.guide_action, self.context_help_action, self.shortcuts_action):
            help_menu.addAction(action)
        help_menu.addSeparator()
        help_menu.addAction(self._action(self.tr("&About Casedesk"), self.on_about_triggered,
                                         name="aboutAction"))  # fmt: skip
        self.guide: QWidget | None = None

    def _build_toolbar(self) -> None:
        """The day's actions: New case, Find, Capture screen, Generate report, Refresh."""
        bar = self.addToolBar(self.tr("Main toolbar"))
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setIconSize(QSize(20, 20))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.report_action = self._action(self.tr("&Generate report…"),
                                          self.on_report_triggered,
                                          name="toolbarReportAction")  # fmt: skip
        self.report_action.setVisible(self.workspace.can(Permission.REPORT_GENERATE))
        for action, name in (
            (self.new_case_action, "file-plus"), (self.find_action, "search"),
            (self.capture_action, "camera"), (self.report_action, "file-text"),
            (self.refresh_action, "refresh-cw"),
        ):  # fmt: skip
            action.setIcon(named_icon(name))
            bar.addAction(action)
        self.toolbar = bar
        self.update_report_action()

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
        # Home is the first view after sign-in; without it, the view used last.
        last = "home" if "home" in self.pages else settings.value("main/page", "cases")
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
        for page in self.pages.built():
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

    def open_case(self, case_id: int) -> CaseView | None:
        """Show the case in its tab (opened if needed); None without the Cases page."""
        if "cases" not in self.pages:
            return None
        view: CaseView = self.show_page("cases").open_case(case_id)  # type: ignore[attr-defined]
        return view

    @Slot(str, int)
    def open_record(self, key: str, record_id: int) -> None:
        """Show a record Home named: a case in its tab, or the record selected in its list."""
        if key not in self.pages:
            return
        if key == "cases":
            self.open_case(record_id)
            return
        page = self.show_page(key)
        page.select_after_reload(record_id)  # type: ignore[attr-defined]
        page.refresh()  # type: ignore[attr-defined]

    @Slot(object)
    def open_search(self, query: object) -> None:
        """Show a saved search's cases in the case list."""
        if "cases" in self.pages:
            page = self.show_page("cases")
            page.show_query(query)  # type: ignore[attr-defined]

    @Slot(dict)
    def set_badges(self, counts: dict[str, int]) -> None:
        """Counts on the navigator's entries: "Credential requests (2)"; none at zero."""
        for row, spec in enumerate(self._specs):
            item = self.navigator.item(row)
            count = counts.get(spec.key, 0)
            item.setText(f"{spec.title} ({count})" if count else spec.title)
            item.setToolTip(
                self.tr("{0}: {1} waiting for you").format(spec.title, count) if count else ""
            )
        self.update_title()

    def entry_title(self, key: str) -> str:
        """A navigator entry's name without its count."""
        return next(s.title for s in self._specs if s.key == key)

    @Slot(int)
    def on_navigator_row_changed(self, row: int) -> None:
        """Show the chosen view."""
        if row >= 0:
            self.pages[self.pages.key_at(row)]  # built on first show
            self.stack.setCurrentIndex(row)
        self.update_title()

    def front_case_view(self) -> QWidget | None:
        """The case open in front on the Cases view, once loaded; else None."""
        page = self.pages.peek("cases")
        current_case = getattr(page, "current_case", None)
        view = current_case() if current_case is not None else None
        return view if getattr(view, "detail", None) is not None else None

    def update_report_action(self) -> None:
        """Generate report is for the case in front; disabled, saying why, without one."""
        if not hasattr(self, "report_action"):
            return
        ready = self.current_page() is self.pages.peek("cases") and (
            self.front_case_view() is not None
        )
        self.report_action.setEnabled(ready)
        self.report_action.setToolTip(
            self.tr("Generate a report of the case in front (Ctrl+P in the case)") if ready
            else self.tr("Open a case on the Cases view to generate its report")
        )  # fmt: skip

    def _on_page_built(self, key: str, page: QWidget) -> None:
        front_changed = getattr(page, "front_changed", None)
        if front_changed is not None:
            front_changed.connect(self.update_title)
        case_list = getattr(page, "case_list", None)
        if key == "cases" and case_list is not None and getattr(self, "summary_action", None):
            source: QAction = case_list.summary_action
            source.changed.connect(partial(self._mirror_summary_action, source))
            self._mirror_summary_action(source)
        if key == "home":
            page.loaded.connect(self._prepare_cases_view)  # type: ignore[attr-defined]
            page.record_requested.connect(self.open_record)  # type: ignore[attr-defined]
            page.search_requested.connect(self.open_search)  # type: ignore[attr-defined]
            page.badges_changed.connect(self.set_badges)  # type: ignore[attr-defined]

    @Slot()
    def _prepare_cases_view(self) -> None:
        """Home shows its data: build the Cases view (the one most often opened next)
        once that is painted, while the user reads Home. Two turns of the event loop:
        the window paints in the first, after this returns; the view is built in the
        second."""
        self.pages["home"].loaded.disconnect(self._prepare_cases_view)  # type: ignore[attr-defined]
        if "cases" in self.pages:
            QTimer.singleShot(0, self, lambda: QTimer.singleShot(0, self, self._build_cases_view))

    def _build_cases_view(self) -> None:
        self.pages["cases"]  # built on lookup

    def _mirror_summary_action(self, source: QAction) -> None:
        if self.summary_action is not None:
            self.summary_action.setText(source.text())
            self.summary_action.setStatusTip(source.statusTip())
            self.summary_action.setEnabled(source.isEnabled())

    @Slot()
    def on_summary_triggered(self) -> None:
        """File > Case summary report: the case list's own action, with the list in front."""
        page = self.show_page("cases")
        source = getattr(getattr(page, "case_list", None), "summary_action", None)
        if source is not None and source.isEnabled():
            source.trigger()

    @Slot()
    def update_title(self) -> None:
        """The title names the case in front ("*" while it has unsaved edits), or the view."""
        self.update_report_action()
        page = self.current_page()
        current_case = getattr(page, "current_case", None)
        view = current_case() if current_case is not None else None
        detail = getattr(view, "detail", None)
        if view is not None and detail is not None:
            self.setWindowTitle(self.tr("{0}[*] — Casedesk").format(detail.number))
            self.setWindowModified(bool(view.modified))
            return
        self.setWindowModified(False)
        row = self.navigator.currentRow()
        if 0 <= row < len(self._specs):
            self.setWindowTitle(self.tr("{0} — Casedesk").format(self._specs[row].title))
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
        page = self.pages.peek("cases")
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
    def on_report_triggered(self) -> None:
        """Toolbar > Generate report: the report dialog of the case in front."""
        view = self.front_case_view()
        if view is None:
            self.statusBar().showMessage(self.report_action.toolTip(), 5000)
            return
        view.on_report_requested()  # type: ignore[attr-defined]

    def current_page_key(self) -> str | None:
        item = self.navigator.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def show_guide(self, page_key: str | None = None) -> QWidget:
        """The user guide window, at the section of ``page_key`` (or the start)."""
        from app.ui.help.guide import GuideWindow

        if self.guide is None:
            self.guide = GuideWindow(self)
        self.guide.show_page_help(page_key)  # type: ignore[attr-defined]
        return self.guide

    @Slot()
    def on_guide_triggered(self) -> None:
        """Help > User guide: from the start."""
        self.show_guide(None)

    @Slot()
    def on_context_help_triggered(self) -> None:
        """F1: the guide at the section of the view in front."""
        self.show_guide(self.current_page_key())

    @Slot()
    def on_shortcuts_triggered(self) -> None:
        """Help > Keyboard shortcuts: every shortcut of this window."""
        from app.ui.help.shortcuts import ShortcutsDialog

        if "cases" in self.pages:
            self._build_cases_view()  # its keys (Ctrl+W, Ctrl+Tab) are listed too
        ShortcutsDialog(self).open()

    @Slot()
    def on_about_triggered(self) -> None:
        """Help > About: version, database, schema revision, Qt and Python, with Copy."""
        from app.ui.help.about import AboutDialog

        dialog = AboutDialog(self.workspace, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if not self._placed:
            # Again once shown, when the title bar's size is known.
            self._placed = True
            QTimer.singleShot(0, self.keep_on_screen)

    def start_recovery(self) -> WorkRecovery:
        """Keep the typed work not recorded against a crash, from now on (once)."""
        from app.ui.recovery import WorkRecovery

        if self.recovery is None:
            self.recovery = WorkRecovery(self.workspace, self)
        if not self.recovery.timer.isActive():
            self.recovery.start()
        return self.recovery

    def recoverable(self) -> list[DraftEntry]:
        """The text of every piece of work not recorded yet, in every window.

        The case tabs' (with their dialogs), the dialogs of the window holding
        typed text (a new case, a user, an authorization), and windows of their
        own that hold some (the capture browser).
        """
        from app.services.recovery import NEW_CASE, kept_fields
        from app.ui.case_view.new_case import NewCaseDialog
        from app.ui.case_view.view import CaseView
        from app.ui.form_drafts import typed_dialogs
        from app.ui.typed_work import typed_entry

        views = self.findChildren(CaseView)
        found = [entry for view in views for entry in view.recoverable()]
        for dialog in typed_dialogs(self):
            if not any(v.isAncestorOf(dialog) for v in views):
                said = self.tr("what you typed in \u201c{0}\u201d").format(dialog.windowTitle())
                changed: dict[str, str] = {}
                chosen: list[str] = []
                if isinstance(dialog, NewCaseDialog):
                    changed, chosen = dialog.form.typed_changes(), dialog.form.chosen_changes()
                found += typed_entry(said[:1].upper() + said[1:], dialog,
                                     kind=NEW_CASE if changed else "",
                                     data=kept_fields(changed) if changed else "",
                                     choices=chosen)  # fmt: skip
        for other in QApplication.topLevelWidgets():
            kept = getattr(other, "recoverable", None)
            # Another main window (another sign-in in this process) keeps its own.
            mine = other is not self and not isinstance(other, MainWindow)
            if mine and not self.isAncestorOf(other) and callable(kept):
                found.extend(kept())
        return found

    def keep_work_now(self) -> bool:
        """Keep the typed work not recorded at once (also before the session's keeping
        has started, in the seconds after sign-in); whether it was kept."""
        from app.ui.recovery import WorkRecovery

        if self.recovery is None:
            self.recovery = WorkRecovery(self.workspace, self)  # started with the session
        return self.recovery.keep_now()

    def end_keeping_work(self) -> None:
        """Close at once, asking nothing, once the typed work is kept (the application
        was told to end: SIGTERM, the desktop session ending)."""
        self.keep_work_now()
        self.ending = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        from app.ui.case_view.view import CaseView
        from app.ui.form_drafts import ask_discard, typed_dialogs

        if self.ending:
            # Nobody to ask: the work not recorded was kept and is offered at the next sign-in.
            self.save_layout()
            event.accept()
            return
        # A dialog left open with typed text (hidden by the idle lock, whose Quit comes here),
        # but for those of a case, which its tab asks about below; and a window of its own
        # holding work (the capture browser), which would go with the application.
        views = self.findChildren(CaseView)
        typed = [d for d in typed_dialogs(self) if not any(v.isAncestorOf(d) for v in views)]
        unrecorded = [
            self.tr("what you typed in \u201c{0}\u201d").format(d.windowTitle()) for d in typed
        ]
        for other in QApplication.topLevelWidgets():
            said = getattr(other, "unrecorded", None)
            if other is not self and not self.isAncestorOf(other) and callable(said):
                unrecorded.extend(said())
        if unrecorded and not ask_discard(self, unrecorded):
            event.ignore()
            return
        for page in self.pages.built():
            may_close = getattr(page, "may_close", None)
            if may_close is not None and not may_close():
                event.ignore()
                return
        self.save_layout()
        if self.recovery is not None:
            self.recovery.forget()  # what was not recorded was discarded, as the user said
        event.accept()

    def set_window_icon(self, icon: QIcon) -> None:
        self.setWindowIcon(icon)
