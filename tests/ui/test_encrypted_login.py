"""Starting on an encrypted database: the login dialog asks for its passphrase, says
when it is wrong, and signs in once the database opens with the right one."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt

from app.services import encryption
from app.services.demo import DEMO_USERS
from app.ui.app import Application

PASSWORDS = {u.username: u.password for u in DEMO_USERS}
PASSPHRASE = "pale orange tugboat at noon"


@pytest.fixture
def encrypted_demo_url(demo_url: str) -> str:
    encryption.encrypt(demo_url, passphrase=PASSPHRASE)
    assert encryption.is_encrypted(demo_url)
    return demo_url


@pytest.fixture
def application(qtbot, qapp, encrypted_demo_url: str) -> Iterator[Application]:
    hook = sys.excepthook
    app = Application(qapp, encrypted_demo_url, "investigator")
    yield app
    sys.excepthook = hook
    if app.idle is not None:
        app.idle.stop()
    if app.window is not None:
        app.window.close()
        app.window.deleteLater()
    else:
        app.login.close()
    app.tasks.wait_for_done()
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if app.database is not None:
        app.database.close()


def _sign_in(qtbot, app: Application, passphrase: str) -> None:
    login = app.login
    login.passphrase.clear()
    login.password.clear()
    qtbot.keyClicks(login.passphrase, passphrase)
    qtbot.keyClicks(login.password, PASSWORDS["investigator"])
    qtbot.mouseClick(login.sign_in_button, Qt.MouseButton.LeftButton)


def test_the_login_asks_for_the_passphrase_and_signs_in_with_it(
    qtbot, application: Application
) -> None:
    login = application.login
    qtbot.waitUntil(lambda: login.form.isRowVisible(login.passphrase), timeout=20_000)
    assert login.isVisible()
    assert "encrypted" in login.database_label.text()
    assert login.sign_in_button.isEnabled()
    assert login.passphrase.echoMode() == login.passphrase.EchoMode.Password

    # Sign in without the passphrase: the dialog says what is missing.
    qtbot.keyClicks(login.password, PASSWORDS["investigator"])
    qtbot.mouseClick(login.sign_in_button, Qt.MouseButton.LeftButton)
    assert "passphrase" in login.message.text()
    assert application.database is None

    _sign_in(qtbot, application, "not the passphrase at all")
    qtbot.waitUntil(
        lambda: "does not open" in login.database_label.text() and login.sign_in_button.isEnabled(),
        timeout=20_000,
    )
    assert application.database is None
    assert application.window is None
    assert login.passphrase.text() == ""

    _sign_in(qtbot, application, PASSPHRASE)
    qtbot.waitUntil(
        lambda: application.window is not None and application.window.isVisible(),
        timeout=30_000,
    )
    assert application.database is not None and application.database.encrypted
    assert application.window.workspace.actor.username == "investigator"
    qtbot.waitUntil(lambda: not application.tasks.busy, timeout=10_000)
