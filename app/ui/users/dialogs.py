"""The account dialogs of the Users view: add a user, change roles, reset a password.

Each dialog sends its change through the workspace's background tasks and
stays open until the service accepts it. Every problem with the input is
shown at once next to the field it concerns (``InvalidInput.field``) or under
the form, and goes when that field is edited (:mod:`app.ui.form_messages`);
refusals go to the workspace's error dialog.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.accounts import PASSWORD_MIN
from app.domain.errors import InvalidInput
from app.domain.permissions import Role
from app.services import accounts
from app.services.accounts import UserInfo
from app.ui.fit import available_size
from app.ui.form_drafts import DiscardGuard
from app.ui.form_messages import ErrorLabel, FieldMessages, problems_of
from app.ui.palette import style_as_note
from app.ui.users.model import role_label
from app.ui.workspace import Workspace


class AccountDialog(QDialog):
    """A form whose OK runs one account service; errors keep it open.

    Subclasses add rows with :meth:`add_field` and implement :meth:`submit`.
    """

    saved = Signal(object)  #: the service's UserInfo, once the change is stored

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.discard_guard = DiscardGuard(self)
        self.workspace = workspace
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._busy = False
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.error = self._error_label("formError")
        self.messages = FieldMessages(self.error, parent=self)
        self.field_errors = self.messages.labels  #: the message line of each field, by key
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setVisible(False)
        layout = self._layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def _error_label(self, name: str) -> ErrorLabel:
        label = ErrorLabel()
        label.setObjectName(name)
        return label

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(True)

    def add_field(
        self, key: str, label: str, field: QWidget, hint: str = "", *, required: bool = False
    ) -> QWidget:
        """A form row: the field, an optional hint, and its (hidden) error message."""
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        if hint:
            note = QLabel(hint)
            note.setWordWrap(True)
            style_as_note(note)
            column.addWidget(note)
        error = self._error_label(f"{key}Error")
        column.addWidget(error)
        text = QLabel(label)
        text.setBuddy(field)
        self.messages.add(key, field, error, label=text, required=required)
        self.form.addRow(text, cell)
        return field

    def password_field(self, name: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        return field

    def role_boxes(self, checked: tuple[Role, ...] = ()) -> tuple[QWidget, dict[Role, QCheckBox]]:
        """One checkbox per role, in a row."""
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        boxes: dict[Role, QCheckBox] = {}
        for role in Role:
            box = QCheckBox(role_label(role))
            box.setObjectName(f"role_{role.value}")
            box.setChecked(role in checked)
            layout.addWidget(box)
            boxes[role] = box
        layout.addStretch(1)
        return row, boxes

    # -- errors ------------------------------------------------------------------------

    def clear_errors(self) -> None:
        self.messages.clear()

    def show_error(self, message: str, key: str | None = None) -> None:
        """``message`` next to the field ``key``, or under the form."""
        self.show_problems([(key, message)])

    def show_problems(self, problems: list[tuple[str | None, str]]) -> None:
        """Every ``(field, message)`` at once, each next to its field."""
        self.messages.show(problems)
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to show messages that appeared, wrapped, up to the screen's height."""
        layout = self._layout
        layout.activate()
        if layout.hasHeightForWidth():
            needed = layout.totalHeightForWidth(self.width())
        else:
            needed = layout.totalSizeHint().height()
        needed = min(needed, available_size(self).height())
        if needed > self.height():
            self.resize(self.width(), needed)

    # -- submitting ----------------------------------------------------------------------

    def submit(self) -> None:
        """Check the form and call :meth:`run` with the service; subclasses implement."""
        raise NotImplementedError

    def run(self, service: Any, *args: Any, **kwargs: Any) -> None:
        """Store the change in the background; OK and Cancel wait for the answer."""
        self._set_busy(True)
        self.workspace.call(
            service,
            *args,
            on_success=self._on_service_succeeded,
            on_failure=self._on_service_failed,
            parent=self,
            **kwargs,
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.ok_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)

    def _on_service_succeeded(self, result: object) -> None:
        self._set_busy(False)
        self.saved.emit(result)
        self.accept()

    def _on_service_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, InvalidInput):
            self.show_problems([(p.field, str(p)) for p in problems_of(error)])
        else:
            self.workspace.errors.show(error, self)

    @Slot()
    def on_buttons_accepted(self) -> None:
        """OK: check and send; the dialog closes only when the change is stored."""
        if self._busy:
            return
        self.clear_errors()
        self.submit()

    def mismatch(self, password: QLineEdit, repeat: QLineEdit) -> list[tuple[str | None, str]]:
        """The problem of a password not typed the same twice, if it was not."""
        if password.text() == repeat.text():
            return []
        return [("repeat", self.tr("The two passwords differ; type the same one twice."))]

    def show_with_other_problems(
        self, check: Any, own: list[tuple[str | None, str]], **kwargs: Any
    ) -> None:
        """Show ``own`` problems together with those ``check`` (a service) finds; store nothing."""
        self._set_busy(True)

        def found(error: BaseException) -> None:
            self._set_busy(False)
            if isinstance(error, InvalidInput):
                self.show_problems([(p.field, str(p)) for p in problems_of(error)] + own)
            else:
                self.workspace.errors.show(error, self)

        def none(_result: object) -> None:
            self._set_busy(False)
            self.show_problems(own)

        self.workspace.call(check, on_success=none, on_failure=found, parent=self, **kwargs)

    def reject(self) -> None:
        """Cancel, unless a change is on its way (its answer must find the dialog)."""
        if not self._busy:
            self.discard_guard.reject(super().reject)


class AddUserDialog(AccountDialog):
    """Add user…: user name, full name, roles and a first password."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)
        self.setObjectName("addUserDialog")
        self.setWindowTitle(self.tr("Add user"))
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.full_name = QLineEdit()
        self.full_name.setObjectName("fullName")
        roles, self.roles = self.role_boxes()
        self.password = self.password_field("password")
        self.repeat = self.password_field("repeatPassword")
        self.add_field(
            "username",
            self.tr("&User name:"),
            self.username,
            self.tr("Letters, digits, '.', '_' or '-'; starts with a letter."),
            required=True,
        )
        self.add_field("full_name", self.tr("&Full name:"), self.full_name, required=True)
        self.add_field("roles", self.tr("Roles:"), roles, required=True)
        from app.ui.users.agencies import AgencyBoxes  # it builds on this module's dialog

        self.agencies = AgencyBoxes(workspace, parent=self)
        self.agencies.loaded.connect(self._fit_height)  # the boxes arrive after the form
        self.add_field(
            "agencies",
            self.tr("A&gencies:"),
            self.agencies,
            self.tr("The user sees the cases of these agencies only; with none, no case."),
        )
        self.add_field(
            "password",
            self.tr("&Password:"),
            self.password,
            self.tr(
                "At least {0} characters, hard to guess (several uncommon words), "
                "without the user name."
            ).format(PASSWORD_MIN),
            required=True,
        )
        self.add_field("repeat", self.tr("&Repeat password:"), self.repeat, required=True)
        self.ok_button.setText(self.tr("Add user"))
        self.username.setFocus()

    def submit(self) -> None:
        fields = {
            "username": self.username.text(),
            "full_name": self.full_name.text(),
            "password": self.password.text(),
            "roles": frozenset(role for role, box in self.roles.items() if box.isChecked()),
        }
        mismatch = self.mismatch(self.password, self.repeat)
        if mismatch:
            self.show_with_other_problems(accounts.check_new_user, mismatch, **fields)
            return
        self.run(accounts.add_user, agency_codes=self.agencies.checked(), **fields)


class RolesDialog(AccountDialog):
    """Roles…: which roles one user holds."""

    def __init__(self, workspace: Workspace, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)
        self.user = user
        self.setObjectName("rolesDialog")
        self.setWindowTitle(self.tr("Roles of {0}").format(user.username))
        self.set_intro(
            self.tr("Choose the roles of {0} ({1}); permissions add up.").format(
                user.full_name, user.username
            )
        )
        row, self.roles = self.role_boxes(user.roles)
        self.add_field("roles", self.tr("Roles:"), row)
        self.ok_button.setText(self.tr("Save roles"))
        self.roles[Role.ADMINISTRATOR].setFocus()

    def chosen(self) -> frozenset[Role]:
        return frozenset(role for role, box in self.roles.items() if box.isChecked())

    def submit(self) -> None:
        if self.chosen() == frozenset(self.user.roles):
            self.accept()  # nothing changed: nothing to record in the audit log
            return
        self.run(accounts.set_roles, self.user.username, self.chosen())


class ResetPasswordDialog(AccountDialog):
    """Reset password…: a new password, typed twice, for one user."""

    def __init__(self, workspace: Workspace, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)
        self.user = user
        self.setObjectName("resetPasswordDialog")
        self.setWindowTitle(self.tr("Reset password of {0}").format(user.username))
        self.set_intro(
            self.tr(
                "Set a new password for {0} ({1})? Their current password stops working "
                "at once and any lock-out is lifted. Give them the new password in person."
            ).format(user.full_name, user.username)
        )
        self.password = self.password_field("password")
        self.repeat = self.password_field("repeatPassword")
        self.add_field(
            "password",
            self.tr("&New password:"),
            self.password,
            self.tr(
                "At least {0} characters, hard to guess (several uncommon words), "
                "without the user name."
            ).format(PASSWORD_MIN),
            required=True,
        )
        self.add_field("repeat", self.tr("&Repeat password:"), self.repeat, required=True)
        self.ok_button.setText(self.tr("Reset password"))
        self.password.setFocus()

    def submit(self) -> None:
        mismatch = self.mismatch(self.password, self.repeat)
        if mismatch:
            self.show_problems(mismatch)
            return
        self.run(accounts.reset_password, self.user.username, self.password.text())
