"""The Users view: every account with its roles and state; administrators change them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QItemSelection,
    QModelIndex,
    QSettings,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.permissions import Permission
from app.services import accounts
from app.services.accounts import UserInfo
from app.ui.confirm import confirm_step
from app.ui.users.agencies import AgenciesDialog
from app.ui.users.dialogs import AccountDialog, AddUserDialog, ResetPasswordDialog, RolesDialog
from app.ui.users.model import AccountState, UsersModel, state_of
from app.ui.workspace import Workspace


class UsersPage(QWidget):
    """A table of accounts; for administrators, Add user…, Roles…, Disable, Unlock, Reset.

    Supervisors see the table only. After every change the page announces
    ``workspace.users_changed`` and reloads, like every other view showing users.
    """

    users_loaded = Signal()  #: the table shows a fresh list from the database

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.manage = workspace.can(Permission.USER_MANAGE)
        self.dialog: AccountDialog | None = None
        self._serial = 0
        self._pending = 0
        self._select_next: str | None = None

        self.model = UsersModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(UsersModel.SortRole)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.search = QLineEdit()
        self.search.setObjectName("userSearch")
        self.search.setPlaceholderText(self.tr("Filter by user name, name, role or state"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.on_search_text_changed)
        search_label = QLabel(self.tr("F&ilter:"))
        search_label.setBuddy(self.search)

        self.table = QTableView()
        self.table.setObjectName("usersTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(UsersModel.USERNAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in (
            (UsersModel.USERNAME, 160),
            (UsersModel.FULL_NAME, 220),
            (UsersModel.ROLES, 220),
            (UsersModel.STATE, 170),
            (UsersModel.LAST_SIGN_IN, 150),
        ):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self.on_table_selection_changed)
        self.table.doubleClicked.connect(self.on_table_double_clicked)

        self.add_action = self._action(self.tr("&Add user…"), "addUserAction", self.add_user)
        self.roles_action = self._action(self.tr("R&oles…"), "rolesAction", self.edit_roles)
        self.agencies_action = self._action(
            self.tr("A&gencies…"), "agenciesAction", self.edit_agencies
        )
        self.active_action = self._action(self.tr("&Disable"), "activeAction", self.toggle_active)
        self.unlock_action = self._action(self.tr("&Unlock"), "unlockAction", self.unlock)
        self.reset_action = self._action(
            self.tr("Reset &password…"), "resetPasswordAction", self.reset_password
        )
        self.actions_ = [
            self.add_action,
            self.roles_action,
            self.agencies_action,
            self.active_action,
            self.unlock_action,
            self.reset_action,
        ]
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        self.button_bar = QWidget()
        self.button_bar.setObjectName("userButtons")
        self.button_bar.setLayout(bar)
        for action in self.actions_:
            button = self._button_for(action)
            bar.addWidget(button)
        bar.addStretch(1)
        self.add_button = self.buttons["addUserAction"]
        self.roles_button = self.buttons["rolesAction"]
        self.active_button = self.buttons["activeAction"]
        self.unlock_button = self.buttons["unlockAction"]
        self.reset_button = self.buttons["resetPasswordAction"]
        if self.manage:
            self.table.addActions(self.actions_)
            self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        if not self.manage:  # hidden before it has a parent: never shown as a window of its own
            self.button_bar.hide()

        self.read_only_note = QLabel(
            self.tr("You can see the accounts; only an administrator can change them.")
        )
        self.read_only_note.setObjectName("readOnlyNote")
        if self.manage:  # hidden before it has a parent: never shown as a window of its own
            self.read_only_note.hide()
        self.count = QLabel()
        self.count.setObjectName("userCount")

        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.button_bar)
        layout.addWidget(self.read_only_note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

        workspace.users_changed.connect(self.on_workspace_users_changed)
        self._restore_layout()
        self._update_actions()
        self.refresh()

    def _action(self, text: str, name: str, slot: Callable[[], Any]) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    def _button_for(self, action: QAction) -> QPushButton:
        """A push button mirroring ``action`` (text with its mnemonic, enabled state)."""
        button = QPushButton(action.text())
        button.setObjectName(action.objectName().replace("Action", "Button"))
        button.clicked.connect(action.trigger)

        def follow() -> None:
            button.setText(action.text())
            button.setEnabled(action.isEnabled())

        action.changed.connect(follow)
        self.buttons[action.objectName()] = button
        return button

    # -- public page API ---------------------------------------------------------------

    def refresh(self) -> None:
        """Load the accounts again (keeps the selection)."""
        self._serial += 1
        serial = self._serial
        self.workspace.call(
            accounts.list_users,
            on_success=lambda users: self._on_users(serial, users),
            parent=self,
        )

    def focus_search(self) -> None:
        """Edit > Find: put the cursor in the filter field."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def save_layout(self) -> None:
        """Remember the column widths and sort order."""
        QSettings().setValue("users/header", self.table.horizontalHeader().saveState())

    def selected_user(self) -> UserInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.user_at(self.proxy.mapToSource(rows[0]).row())

    def select_user(self, username: str) -> bool:
        """Select ``username``'s row if it is shown."""
        row = self.model.row_of(username)
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else QModelIndex()
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    # -- the actions (administrators) ----------------------------------------------------

    @Slot()
    def add_user(self) -> AddUserDialog:
        """Add user…: open the form; the new account is selected once stored."""
        dialog = AddUserDialog(self.workspace, self)
        dialog.saved.connect(self.on_dialog_saved)
        self._open(dialog)
        return dialog

    @Slot()
    def edit_roles(self) -> RolesDialog | None:
        """Roles…: change the selected user's roles."""
        user = self.selected_user()
        if user is None:
            return None
        dialog = RolesDialog(self.workspace, user, self)
        dialog.saved.connect(self.on_dialog_saved)
        self._open(dialog)
        return dialog

    @Slot()
    def edit_agencies(self) -> AgenciesDialog | None:
        """Agencies…: change the agencies whose cases the selected user sees."""
        user = self.selected_user()
        if user is None:
            return None
        dialog = AgenciesDialog(self.workspace, user, self)
        dialog.saved.connect(self.on_dialog_saved)
        self._open(dialog)
        return dialog

    @Slot()
    def reset_password(self) -> ResetPasswordDialog | None:
        """Reset password…: set a new password for the selected user."""
        user = self.selected_user()
        if user is None:
            return None
        dialog = ResetPasswordDialog(self.workspace, user, self)
        dialog.saved.connect(self.on_dialog_saved)
        self._open(dialog)
        return dialog

    @Slot()
    def toggle_active(self) -> None:
        """Disable the selected account, or enable it again."""
        user = self.selected_user()
        if user is None:
            return
        # Disabling asks first; one's own account is refused by the service, unasked.
        if (
            user.is_active
            and user.username != self.workspace.actor.username
            and not confirm_step(
                self,
                title=self.tr("Disable account"),
                question=self.tr("Disable the account of {0} ({1})?").format(
                    user.full_name, user.username
                ),
                follows=self.tr(
                    "{0} can no longer sign in or unlock a locked window. Their cases, "
                    "records and audit trail stay as they are; an administrator can enable "
                    "the account again."
                ).format(user.full_name),
                action=self.tr("Disable"),
            )
        ):
            return
        self._change(accounts.set_active, user.username, active=not user.is_active)

    @Slot()
    def unlock(self) -> None:
        """Lift the selected account's lock-out after failed sign-ins."""
        user = self.selected_user()
        if user is not None:
            self._change(accounts.unlock, user.username)

    def _open(self, dialog: AccountDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(self.on_dialog_finished)
        dialog.open()

    def _change(self, service: Callable[..., UserInfo], *args: Any, **kwargs: Any) -> None:
        """Run one account change in the background; refusals go to the error dialog."""
        self._pending += 1
        self._update_actions()

        def failed(error: BaseException) -> None:
            self._pending -= 1
            self._update_actions()
            self.workspace.errors.show(error, self)

        self.workspace.call(
            service, *args, on_success=self._on_changed, on_failure=failed, parent=self, **kwargs
        )

    def _on_changed(self, user: UserInfo) -> None:
        self._pending -= 1
        self._announce(user)

    def _announce(self, user: UserInfo) -> None:
        self._select_next = user.username
        self.workspace.status_message.emit(self.tr("Saved the account {0}.").format(user.username))
        self.workspace.users_changed.emit()

    # -- loading -------------------------------------------------------------------------

    def _on_users(self, serial: int, users: list[UserInfo]) -> None:
        if serial != self._serial:
            return
        chosen = self._select_next or (u.username if (u := self.selected_user()) else None)
        self._select_next = None
        self.model.set_users(users)
        if chosen is not None:
            self.select_user(chosen)
        review = sum(1 for u in users if u.agencies_to_review)
        text = self.tr("Accounts: {0}").format(len(users))
        if review and self.manage:
            text += "  " + self.tr(
                "— {0} with agencies to review (Agencies…): an upgrade gave them the agencies "
                "of the cases they worked on."
            ).format(review)
        self.count.setText(text)
        self._update_actions()
        self.users_loaded.emit()

    def _update_actions(self) -> None:
        user = self.selected_user()
        idle = self.manage and self._pending == 0
        self.add_action.setEnabled(idle)
        for action in (
            self.roles_action,
            self.agencies_action,
            self.active_action,
            self.reset_action,
        ):
            action.setEnabled(idle and user is not None)
        self.active_action.setText(
            self.tr("E&nable") if user is not None and not user.is_active else self.tr("&Disable")
        )
        locked = user is not None and state_of(user) == AccountState.LOCKED
        self.unlock_action.setEnabled(idle and locked)

    # -- slots ---------------------------------------------------------------------------

    @Slot()
    def on_workspace_users_changed(self) -> None:
        """Someone changed an account: show the accounts as they are now."""
        self.refresh()

    @Slot(QItemSelection, QItemSelection)
    def on_table_selection_changed(self, _selected: QItemSelection, _old: QItemSelection) -> None:
        """Offer what can be done to the selected account."""
        self._update_actions()

    @Slot(QModelIndex)
    def on_table_double_clicked(self, _index: QModelIndex) -> None:
        """Double-click (administrators): the roles of that user."""
        if self.roles_action.isEnabled():
            self.roles_action.trigger()

    @Slot(str)
    def on_search_text_changed(self, text: str) -> None:
        """Show only the accounts matching the filter text."""
        self.proxy.setFilterFixedString(text.strip())

    @Slot(object)
    def on_dialog_saved(self, user: object) -> None:
        """A dialog stored its change: announce it so every view reloads."""
        assert isinstance(user, UserInfo)
        self._announce(user)

    @Slot(int)
    def on_dialog_finished(self, _result: int) -> None:
        self.dialog = None
        self.table.setFocus()

    def _restore_layout(self) -> None:
        state = QSettings().value("users/header")
        if isinstance(state, QByteArray):
            self.table.horizontalHeader().restoreState(state)
