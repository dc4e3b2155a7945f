"""Signing in: the login dialog, and the same dialog locking an idle window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.ui.fit import grow_to_fit
from app.ui.palette import error_colour, set_text_colour
from app.ui.tasks import BackgroundTasks

if TYPE_CHECKING:  # the services load after this dialog is on screen
    from app.domain.actor import Actor
    from app.services.database import Database


class LoginDialog(QDialog):
    """Asks for a user name and password and checks them against the database.

    The database may still be opening when the dialog appears; Sign in is
    enabled once :meth:`set_database` is called. An encrypted database whose
    key is not in the keyring needs its passphrase first: :meth:`ask_passphrase`
    shows the field, and Sign in emits :attr:`passphrase_entered` and signs in
    as soon as the database is open. With ``locked_user`` the dialog unlocks
    an idle session: only that user may sign back in.
    """

    signed_in = Signal(object)  #: the Actor
    passphrase_entered = Signal(str)  #: open the encrypted database with this passphrase
    #: Quit was clicked on the lock: the application asks as quitting the window does.
    quit_requested = Signal()

    def __init__(
        self,
        tasks: BackgroundTasks,
        *,
        username: str = "",
        password: str = "",
        locked_user: str | None = None,
        locked_by_user: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._database: Database | None = None
        self._busy = False
        self._sign_in_pending = False
        self.actor: Actor | None = None
        self._locked_user = locked_user
        self.setObjectName("lockDialog" if locked_user else "loginDialog")
        self.setWindowTitle(
            self.tr("Casedesk is locked") if locked_user else self.tr("Sign in to Casedesk")
        )
        self.setModal(True)

        if locked_user and locked_by_user:
            heading_text = self.tr(
                "You locked the window. Your work is kept; enter your password to continue."
            )
        elif locked_user:
            heading_text = self.tr(
                "The window was locked after a period of inactivity. Your work is kept; "
                "enter your password to continue."
            )
        else:
            heading_text = self.tr("Social-media policy investigations")
        heading = QLabel(heading_text)
        heading.setObjectName("heading")
        heading.setWordWrap(True)
        self.heading = heading
        self.username = QLineEdit(locked_user or username)
        self.username.setObjectName("username")
        self.username.setReadOnly(locked_user is not None)
        # Filled in only for the first sign-in (``make run``'s demo account), never to unlock.
        self.password = QLineEdit("" if locked_user else password)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("databasePassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.database_label = QLabel(self.tr("Opening the database…"))
        self.database_label.setObjectName("databaseLabel")
        self.database_label.setWordWrap(True)
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.form = QFormLayout()
        self.form.addRow(self.tr("&User name:"), self.username)
        self.form.addRow(self.tr("&Password:"), self.password)
        self.form.addRow(self.tr("Database pass&phrase:"), self.passphrase)
        self.form.setRowVisible(self.passphrase, False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.sign_in_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_in_button.setText(self.tr("Unlock") if locked_user else self.tr("Sign in"))
        self.sign_in_button.setEnabled(False)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Quit") if locked_user else self.tr("Cancel"))
        cancel.setObjectName("quitButton" if locked_user else "cancelButton")
        self.buttons.accepted.connect(self.on_sign_in_clicked)
        if locked_user:
            # Quitting from the lock asks about unsaved work, as quitting the window does.
            cancel.clicked.connect(self.quit_requested)
        else:
            self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.database_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        (self.password if self.username.text() else self.username).setFocus()

    def event(self, event: QEvent) -> bool:
        """A text changed its length (the database's path, a message): grow to show it whole."""
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest and self.isVisible():
            grow_to_fit(self)
        return handled

    def reject(self) -> None:
        """Escape or the title bar's close button: the lock stays, nothing is discarded."""
        if self._locked_user is None:
            super().reject()

    def set_database(self, database: Database) -> None:
        """The database is open: sign-in can proceed (at once, if it was asked for)."""
        self._database = database
        self.passphrase.clear()
        self.form.setRowVisible(self.passphrase, False)
        self.database_label.setText(self.tr("Database: {0}").format(database.display_name))
        self._set_busy(False)
        if self._sign_in_pending:
            self._sign_in_pending = False
            self.on_sign_in_clicked()

    def ask_passphrase(self, message: str) -> None:
        """The database is encrypted and needs its passphrase: show the field and why."""
        self._sign_in_pending = False
        self._busy = False
        self.passphrase.clear()
        self.form.setRowVisible(self.passphrase, True)
        self.database_label.setText(message)
        self.message.clear()
        self.sign_in_button.setEnabled(True)
        (self.passphrase if self.username.text() else self.username).setFocus()

    def set_database_error(self, message: str) -> None:
        """The database could not be opened: say why; signing in is impossible."""
        self._sign_in_pending = False
        self.form.setRowVisible(self.passphrase, False)
        self.database_label.setText(message)
        self._say(self.tr("Casedesk cannot open its database; see below."), error=True)
        self.sign_in_button.setEnabled(False)

    @Slot()
    def on_sign_in_clicked(self) -> None:
        """Check the password in the background (argon2 takes a moment)."""
        if self._busy:
            return
        username = self.username.text().strip()
        password = self.password.text()
        if self._database is None:
            if self.form.isRowVisible(self.passphrase):
                self._open_with_passphrase(bool(username and password))
            return
        if not username or not password:
            self._say(self.tr("Enter your user name and password."), error=True)
            return
        database = self._database
        self._set_busy(True)
        self._say(self.tr("Checking…"))

        def authenticate() -> Actor:
            from app.services import accounts

            return accounts.authenticate(database, username, password)

        self._tasks.run(
            authenticate,
            on_success=self._on_authenticated,
            on_failure=self._on_refused,
        )

    def _open_with_passphrase(self, credentials_given: bool) -> None:
        passphrase = self.passphrase.text()
        if not passphrase or not credentials_given:
            self._say(
                self.tr("Enter the database passphrase, your user name and your password."),
                error=True,
            )
            return
        self._sign_in_pending = True
        self._set_busy(True)
        self._say(self.tr("Opening the database…"))
        self.passphrase_entered.emit(passphrase)

    def _on_authenticated(self, actor: Actor) -> None:
        self._set_busy(False)
        if self._locked_user and actor.username != self._locked_user:
            self._say(
                self.tr("Only {0} can unlock this window.").format(self._locked_user), error=True
            )
            return
        self.actor = actor
        self.password.clear()
        self.message.clear()
        self.signed_in.emit(actor)
        self.accept()

    def _on_refused(self, error: BaseException) -> None:
        self._set_busy(False)
        self._say(str(error), error=True)
        self.password.clear()
        self.password.setFocus()

    def _say(self, text: str, *, error: bool = False) -> None:
        """A message under the form: an error in the one error style, progress in plain text."""
        self.message.setText(text)
        self.message.setProperty("error", error)
        if error:
            set_text_colour(self.message, error_colour())
        else:
            self.message.setPalette(QPalette())

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        can_open = self._database is not None or self.form.isRowVisible(self.passphrase)
        self.sign_in_button.setEnabled(not busy and can_open)
