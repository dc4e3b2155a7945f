"""Enter in a form sends it (OK is the default button), never throws it away;
Enter closes a message box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.domain.errors import InvalidInput
from app.ui.authorizations.authorizations_page import AuthorizationsPage
from app.ui.authorizations.credentials_page import CredentialRequestsPage
from app.ui.errors import ErrorReporter


def _enter_submits(qtbot, dialog) -> None:
    """Enter in the account field checks the form: it stays open with its messages."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.cancel_button.setFocus()  # where focus was while the choices loaded
    qtbot.keyClick(dialog.cancel_button, Qt.Key.Key_Return)
    assert dialog.isVisible()
    qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=10_000)
    assert dialog.ok_button.isDefault()
    assert not dialog.cancel_button.isDefault()
    dialog.activateWindow()
    dialog.account.setFocus()
    qtbot.keyClicks(dialog.account, "typed.account")
    qtbot.keyClick(dialog.account, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            dialog.refusal.isVisible()
            or any(label.isVisible() for label in dialog.field_errors.values())
        ),
        timeout=10_000,
    )
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.account.text() == "typed.account"  # nothing thrown away


def test_enter_in_the_new_authorization_form_sends_it(workspace_for, open_list_page, qtbot):
    sam = workspace_for("supervisor")
    page = open_list_page(AuthorizationsPage, sam)
    dialog = page.add_authorization()
    _enter_submits(qtbot, dialog)
    dialog.reject()


def test_enter_in_the_new_credential_request_form_sends_it(workspace_for, open_list_page, qtbot):
    ivy = workspace_for("investigator")
    page = open_list_page(CredentialRequestsPage, ivy)
    dialog = page.new_request()
    _enter_submits(qtbot, dialog)
    dialog.reject()


def test_enter_closes_a_message_box(qtbot) -> None:
    box = ErrorReporter().show(InvalidInput("Title is required."))
    qtbot.addWidget(box)
    qtbot.waitUntil(box.isVisible)
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Ok)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not box.isVisible())
