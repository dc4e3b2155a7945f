"""The table model of the Users view: one row per account."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QApplication, QStyle

from app.domain.permissions import Role
from app.services.accounts import UserInfo
from app.ui.case_view.support import local_time as iso_time
from app.ui.i18n import tr
from app.ui.palette import muted_colour

_Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()


def role_label(role: Role) -> str:
    """A role's name as the user reads it."""
    labels = {
        Role.ADMINISTRATOR: tr("Users", "Administrator"),
        Role.INVESTIGATOR: tr("Users", "Investigator"),
        Role.SUPERVISOR: tr("Users", "Supervisor"),
        Role.HR: tr("Users", "HR"),
    }
    return labels[role]


class AccountState(enum.IntEnum):
    """Whether an account can sign in (the order is the sort order)."""

    ACTIVE = 0
    LOCKED = 1
    DISABLED = 2


def state_of(user: UserInfo) -> AccountState:
    if not user.is_active:
        return AccountState.DISABLED
    if user.locked_until is not None:
        return AccountState.LOCKED
    return AccountState.ACTIVE


class UsersModel(QAbstractTableModel):
    """Accounts with their roles, state and last sign-in (local time)."""

    USERNAME, FULL_NAME, ROLES, STATE, LAST_SIGN_IN, AGENCIES = range(6)
    COLUMN_COUNT = 6

    SortRole = Qt.ItemDataRole.UserRole + 1  #: a value that sorts the column sensibly
    UserIdRole = Qt.ItemDataRole.UserRole + 2
    UsernameRole = Qt.ItemDataRole.UserRole + 3
    StateRole = Qt.ItemDataRole.UserRole + 4  #: an :class:`AccountState`

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._users: list[UserInfo] = []

    def set_users(self, users: list[UserInfo]) -> None:
        """Show these accounts (a reload replaces every row)."""
        self.beginResetModel()
        self._users = list(users)
        self.endResetModel()

    def user_at(self, row: int) -> UserInfo | None:
        return self._users[row] if 0 <= row < len(self._users) else None

    def row_of(self, username: str) -> int:
        """The row of ``username``, or -1."""
        return next((i for i, u in enumerate(self._users) if u.username == username), -1)

    def rowCount(self, parent: _Index = _NO_INDEX) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._users)

    def columnCount(self, parent: _Index = _NO_INDEX) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        user = self.user_at(index.row()) if index.isValid() else None
        if user is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(user, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.LAST_SIGN_IN:
            if user.last_login_at is not None:
                moment = user.last_login_at
                return (
                    (moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC))
                    .astimezone()
                    .isoformat(sep=" ", timespec="seconds")
                )
            return None
        if role == Qt.ItemDataRole.ForegroundRole and state_of(user) == AccountState.DISABLED:
            return muted_colour()
        if (
            role == Qt.ItemDataRole.DecorationRole
            and column == self.STATE
            and state_of(user) == AccountState.LOCKED
        ):
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == self.SortRole:
            return self._sort_key(user, column)
        if role == self.UserIdRole:
            return user.id
        if role == self.UsernameRole:
            return user.username
        if role == self.StateRole:
            return state_of(user)
        return None

    def _display(self, user: UserInfo, column: int) -> str | None:
        if column == self.USERNAME:
            return user.username
        if column == self.FULL_NAME:
            return user.full_name
        if column == self.ROLES:
            return ", ".join(role_label(r) for r in user.roles)
        if column == self.STATE:
            state = state_of(user)
            if state == AccountState.DISABLED:
                return self.tr("Disabled")
            if state == AccountState.LOCKED and user.locked_until is not None:
                return self.tr("Locked until {0}").format(iso_time(user.locked_until))
            return self.tr("Active")
        if column == self.LAST_SIGN_IN:
            if user.last_login_at is None:
                return self.tr("Never")
            return iso_time(user.last_login_at)  # YYYY-MM-DD HH:MM, as everywhere
        if column == self.AGENCIES:
            codes = ", ".join(user.agencies) or self.tr("None")
            # An upgrade guessed them from the cases the user worked on: an administrator reviews.
            return self.tr("{0} (to review)").format(codes) if user.agencies_to_review else codes
        return None

    def _sort_key(self, user: UserInfo, column: int) -> Any:
        if column == self.STATE:
            return int(state_of(user))
        if column == self.LAST_SIGN_IN:
            return user.last_login_at.timestamp() if user.last_login_at else 0.0
        text = self._display(user, column)
        return text.casefold() if text else ""

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            self.USERNAME: self.tr("User name"),
            self.FULL_NAME: self.tr("Full name"),
            self.ROLES: self.tr("Roles"),
            self.STATE: self.tr("State"),
            self.LAST_SIGN_IN: self.tr("Last sign-in"),
            self.AGENCIES: self.tr("Agencies"),
        }.get(section)
