"""The Users view: the account table, and what administrators (only) can change."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.domain.errors import AuthenticationFailed
from app.domain.permissions import Role
from app.services import accounts
from app.services.accounts import UserInfo
from app.ui.users.dialogs import AddUserDialog, ResetPasswordDialog, RolesDialog
from app.ui.users.model import UsersModel
from app.ui.users_view import UsersPage
from app.ui.workspace import Workspace
from tests.ui.confirming import answering_confirmations


@pytest.fixture
def open_page(qtbot, workspace_for: Callable[[str], Workspace], settle) -> Iterator[Callable]:
    """Open the Users view as a demo user, with the list loaded."""
    made: list[tuple[UsersPage, Workspace]] = []

    def make(username: str) -> UsersPage:
        workspace = workspace_for(username)
        page = UsersPage(workspace)
        qtbot.addWidget(page)
        page.resize(1000, 600)
        page.show()
        settle(workspace)
        made.append((page, workspace))
        return page

    yield make
    for _page, workspace in made:
        settle(workspace)


def _users(page: UsersPage) -> dict[str, UserInfo]:
    return {
        u.username: u for u in accounts.list_users(page.workspace.database, page.workspace.actor)
    }


def _cell(page: UsersPage, username: str, column: int) -> str:
    row = page.model.row_of(username)
    assert row >= 0, f"{username} is not in the table"
    return page.model.index(row, column).data()


def _select(page: UsersPage, username: str) -> None:
    assert page.select_user(username)
    selected = page.selected_user()
    assert selected is not None and selected.username == username


def test_administrator_sees_every_user_and_the_buttons(open_page) -> None:
    page = open_page("admin")
    users = _users(page)
    assert len(users) == 5
    shown = [
        page.proxy.index(row, UsersModel.USERNAME).data() for row in range(page.proxy.rowCount())
    ]
    assert shown == sorted(users)
    assert _cell(page, "hr", UsersModel.FULL_NAME) == "Harper HR"
    assert _cell(page, "supervisor", UsersModel.ROLES) == "Supervisor"
    assert _cell(page, "investigator", UsersModel.STATE) == "Active"
    assert _cell(page, "hr", UsersModel.LAST_SIGN_IN) == "Never"
    # The administrator just signed in: shown in local time, as YYYY-MM-DD HH:MM.
    local = users["admin"].last_login_at.astimezone()
    assert _cell(page, "admin", UsersModel.LAST_SIGN_IN) == local.strftime("%Y-%m-%d %H:%M")
    for button in (
        page.add_button,
        page.roles_button,
        page.active_button,
        page.unlock_button,
        page.reset_button,
    ):
        assert button.isVisible()
    assert page.add_button.isEnabled()
    assert not page.roles_button.isEnabled()  # nothing selected yet
    _select(page, "investigator")
    assert page.roles_button.isEnabled() and page.active_button.text() == "&Disable"
    assert not page.unlock_button.isEnabled()  # not locked


def test_supervisor_sees_the_list_read_only(qtbot, open_page) -> None:
    page = open_page("supervisor")
    assert page.model.rowCount() == 5
    assert not page.button_bar.isVisible()
    assert not page.add_button.isVisible()
    assert page.read_only_note.isVisible()
    _select(page, "investigator")
    assert not page.roles_action.isEnabled()
    assert not page.active_action.isEnabled()
    index = page.proxy.index(0, 0)
    qtbot.mouseDClick(
        page.table.viewport(), Qt.MouseButton.LeftButton, pos=page.table.visualRect(index).center()
    )
    assert page.dialog is None


def _fill_add_form(qtbot, dialog: AddUserDialog, password: str, repeat: str | None = None) -> None:
    qtbot.keyClicks(dialog.username, "nora")
    qtbot.keyClicks(dialog.full_name, "Nora Newcomer")
    qtbot.mouseClick(dialog.roles[Role.INVESTIGATOR], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClicks(dialog.repeat, password if repeat is None else repeat)


def test_adding_a_user_through_the_dialog(qtbot, open_page, settle) -> None:
    page = open_page("admin")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, AddUserDialog) and dialog.isVisible()
    _fill_add_form(qtbot, dialog, "a long enough password")
    with qtbot.waitSignal(page.workspace.users_changed, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(page.workspace)
    assert page.dialog is None
    created = _users(page)["nora"]
    assert created.full_name == "Nora Newcomer"
    assert created.roles == (Role.INVESTIGATOR,)
    assert _cell(page, "nora", UsersModel.FULL_NAME) == "Nora Newcomer"
    assert _cell(page, "nora", UsersModel.STATE) == "Active"
    assert page.selected_user() is not None and page.selected_user().username == "nora"
    accounts.authenticate(page.workspace.database, "nora", "a long enough password")


def test_a_too_short_password_is_shown_next_to_the_field(qtbot, open_page, settle) -> None:
    page = open_page("admin")
    dialog = page.add_user()
    _fill_add_form(qtbot, dialog, "short")
    error = dialog.field_errors["password"]
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(error.isVisible)
    settle(page.workspace)
    assert "too short" in error.text()
    assert dialog.isVisible() and dialog.ok_button.isEnabled()
    assert "nora" not in _users(page)
    assert page.model.row_of("nora") == -1
    dialog.reject()


@pytest.mark.parametrize(
    ("password", "shown"),
    [
        ("aaaaaaaaaa", 'Repeats like "aaa" are easy to guess.'),
        ("Newcomer-1999", "too easy to guess"),  # strong enough, were it not her name
        ("i-am-nora-now", "contains the user name 'nora'"),
    ],
)
def test_a_weak_password_is_refused_next_to_the_field_with_advice(
    qtbot, open_page, settle, password: str, shown: str
) -> None:
    page = open_page("admin")
    dialog = page.add_user()
    _fill_add_form(qtbot, dialog, password)
    error = dialog.field_errors["password"]
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(error.isVisible)
    settle(page.workspace)
    assert shown in error.text()
    assert dialog.isVisible() and dialog.ok_button.isEnabled()
    assert "nora" not in _users(page)
    dialog.reject()


def test_passwords_that_differ_are_caught_before_anything_is_stored(
    qtbot, open_page, settle
) -> None:
    page = open_page("admin")
    dialog = page.add_user()
    _fill_add_form(qtbot, dialog, "a long enough password", "a long enough passwort")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.field_errors["repeat"].isVisible)
    settle(page.workspace)
    assert "differ" in dialog.field_errors["repeat"].text()
    assert not dialog.field_errors["password"].isVisible()
    assert "nora" not in _users(page)
    dialog.reject()


def test_every_problem_of_a_new_user_is_shown_at_once(qtbot, open_page, settle) -> None:
    """A bad user name, no full name, no role, a short password typed differently:
    one click shows all five, each beside its field; typing in one hides its own."""
    page = open_page("admin")
    dialog = page.add_user()
    qtbot.keyClicks(dialog.username, "9lives")
    qtbot.keyClicks(dialog.password, "short")
    qtbot.keyClicks(dialog.repeat, "shorter")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.field_errors["repeat"].isVisible)
    settle(page.workspace)
    shown = dialog.messages.visible()
    assert set(shown) == {"username", "full_name", "roles", "password", "repeat"}, shown
    assert "Full name is required" in shown["full_name"]
    assert "too short" in shown["password"]
    qtbot.keyClicks(dialog.full_name, "Nora Newcomer")
    assert not dialog.field_errors["full_name"].isVisible()
    assert dialog.field_errors["username"].isVisible()
    assert dialog.field_errors["password"].isVisible()
    assert "nora" not in _users(page)
    dialog.reject()


def test_a_taken_user_name_and_missing_roles_are_shown_in_place(qtbot, open_page, settle) -> None:
    """The taken name is found in the same pass as the missing roles, each beside its input."""
    page = open_page("admin")
    dialog = page.add_user()
    qtbot.keyClicks(dialog.username, "hr")
    qtbot.keyClicks(dialog.full_name, "Someone Else")
    qtbot.keyClicks(dialog.password, "a long enough password")
    qtbot.keyClicks(dialog.repeat, "a long enough password")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.field_errors["roles"].isVisible)
    settle(page.workspace)
    shown = dialog.messages.visible()
    assert set(shown) == {"username", "roles"}, shown
    assert "user name hr is taken" in shown["username"]
    qtbot.mouseClick(dialog.roles[Role.HR], Qt.MouseButton.LeftButton)
    assert not dialog.field_errors["roles"].isVisible()  # gone once roles are chosen
    assert dialog.field_errors["username"].isVisible()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.field_errors["username"].isVisible)
    settle(page.workspace)
    assert "taken" in dialog.field_errors["username"].text()
    assert not dialog.field_errors["roles"].isVisible()
    assert _users(page)["hr"].full_name == "Harper HR"
    dialog.reject()


def test_disabling_and_enabling_a_user(qtbot, open_page, settle) -> None:
    page = open_page("admin")
    _select(page, "investigator")
    with answering_confirmations(take=False) as asked:  # Cancel: still active
        qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "Disable the account of" in asked[0]
    assert "can no longer sign in" in asked[0]
    settle(page.workspace)
    assert _cell(page, "investigator", UsersModel.STATE) == "Active"
    with qtbot.waitSignal(page.workspace.users_changed, timeout=10_000), answering_confirmations():
        qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    settle(page.workspace)
    assert _cell(page, "investigator", UsersModel.STATE) == "Disabled"
    assert page.active_button.text() == "E&nable"
    with pytest.raises(AuthenticationFailed, match="the account cannot sign in"):
        accounts.authenticate(page.workspace.database, "investigator", "demo-magnifier-trail")

    with qtbot.waitSignal(page.workspace.users_changed, timeout=10_000):
        qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    settle(page.workspace)
    assert _cell(page, "investigator", UsersModel.STATE) == "Active"
    accounts.authenticate(page.workspace.database, "investigator", "demo-magnifier-trail")


def test_disabling_yourself_is_refused_in_an_error_dialog(qtbot, open_page, settle) -> None:
    page = open_page("admin")
    _select(page, "admin")
    with qtbot.waitSignal(page.workspace.errors.shown, timeout=10_000) as shown:
        qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    settle(page.workspace)
    assert "own account" in shown.args[1]
    box = page.findChild(QMessageBox, "errorDialog")
    assert box is not None and box.isVisible()
    box.close()
    assert _cell(page, "admin", UsersModel.STATE) == "Active"
    assert page.active_button.isEnabled()


def test_changing_roles(qtbot, open_page, settle) -> None:
    page = open_page("admin")
    _select(page, "hr")
    qtbot.mouseClick(page.roles_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, RolesDialog)
    assert dialog.roles[Role.HR].isChecked() and not dialog.roles[Role.SUPERVISOR].isChecked()
    qtbot.mouseClick(dialog.roles[Role.SUPERVISOR], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.roles[Role.HR], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.workspace.users_changed, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(page.workspace)
    assert _users(page)["hr"].roles == (Role.SUPERVISOR,)
    assert _cell(page, "hr", UsersModel.ROLES) == "Supervisor"


def test_removing_every_role_is_shown_in_the_dialog(qtbot, open_page, settle) -> None:
    page = open_page("admin")
    _select(page, "hr")
    dialog = page.edit_roles()
    assert dialog is not None
    qtbot.mouseClick(dialog.roles[Role.HR], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.field_errors["roles"].isVisible)
    settle(page.workspace)
    assert dialog.isVisible()
    assert _users(page)["hr"].roles == (Role.HR,)
    dialog.reject()


def test_unlocking_a_locked_account(qtbot, open_page, settle) -> None:
    page = open_page("admin")
    for _attempt in range(5):
        with pytest.raises(AuthenticationFailed):
            accounts.authenticate(page.workspace.database, "investigator2", "wrong password!")
    page.refresh()
    settle(page.workspace)
    assert _cell(page, "investigator2", UsersModel.STATE).startswith("Locked until")
    _select(page, "investigator2")
    assert page.unlock_button.isEnabled()
    with qtbot.waitSignal(page.workspace.users_changed, timeout=10_000):
        qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    settle(page.workspace)
    assert _cell(page, "investigator2", UsersModel.STATE) == "Active"
    assert not page.unlock_button.isEnabled()


def test_resetting_a_password(qtbot, open_page, settle) -> None:
    page = open_page("admin")
    _select(page, "investigator2")
    qtbot.mouseClick(page.reset_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, ResetPasswordDialog)
    assert "Ian Investigator" in dialog.intro.text()
    qtbot.keyClicks(dialog.password, "a brand new password")
    qtbot.keyClicks(dialog.repeat, "a brand new password")
    with qtbot.waitSignal(page.workspace.users_changed, timeout=10_000):
        qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    settle(page.workspace)
    accounts.authenticate(page.workspace.database, "investigator2", "a brand new password")
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate(page.workspace.database, "investigator2", "demo-second-lantern")


def test_filtering_the_table(qtbot, open_page) -> None:
    page = open_page("admin")
    page.focus_search()
    qtbot.keyClicks(page.search, "invest")
    assert page.proxy.rowCount() == 2


def test_users_model(qtmodeltester, workspace_for: Callable[[str], Workspace]) -> None:
    workspace = workspace_for("admin")
    model = UsersModel()
    model.set_users(accounts.list_users(workspace.database, workspace.actor))
    qtmodeltester.check(model)
    assert model.rowCount() == 5
    model.set_users([])
    qtmodeltester.check(model)
