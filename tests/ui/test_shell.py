"""The application shell: background tasks, error dialogs, login, idle lock."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from app.domain.authorizations.decision import Decision, Reason, RuleRefused
from app.domain.errors import InvalidInput, Refused
from app.errorlog import log_path
from app.services.accounts import SIGN_IN_REFUSED
from app.ui.errors import ErrorReporter
from app.ui.login import LoginDialog
from app.ui.tasks import BackgroundTasks, TaskControl

PASSWORD = "demo-magnifier-trail"


def test_task_result_and_error_arrive_on_the_main_thread(qtbot) -> None:
    tasks = BackgroundTasks()
    seen: dict[str, object] = {}
    main = QThread.currentThread()

    def work() -> str:
        seen["worker_thread"] = threading.current_thread().name
        return "done"

    def on_success(result: str) -> None:
        seen["result"] = result
        seen["on_main"] = QThread.currentThread() is main

    tasks.run(work, on_success=on_success)
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["result"] == "done"
    assert seen["on_main"] is True
    assert seen["worker_thread"] != threading.main_thread().name

    errors: list[BaseException] = []
    tasks.run(lambda: InvalidInput("bad title"), on_success=lambda r: None)
    tasks.run(lambda: 1 / 0, on_success=lambda r: None, on_failure=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ZeroDivisionError)
    qtbot.waitUntil(lambda: not tasks.busy)


def test_unhandled_task_errors_reach_the_reporter(qtbot) -> None:
    tasks = BackgroundTasks()
    with qtbot.waitSignal(tasks.error) as caught:
        tasks.run(lambda: (_ for _ in ()).throw(InvalidInput("Title is required.")))
    assert str(caught.args[0]) == "Title is required."


def test_progress_dialog_cancels_the_work(qtbot) -> None:
    tasks = BackgroundTasks()
    started = threading.Event()
    outcome: list[str] = []

    def long_work(control: TaskControl) -> str:
        started.set()
        for step in range(10_000):
            control.progress(step, 10_000, "Working")
            threading.Event().wait(0.005)
        return "finished"

    task = tasks.run(long_work, on_success=outcome.append, progress="Importing…")
    qtbot.waitUntil(started.is_set)
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible(), timeout=5000)
    cancel = task.dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tasks.busy, timeout=5000)
    assert outcome == []


def test_work_that_ends_right_after_its_last_progress_ends_cleanly(qtbot) -> None:
    # A shown modal progress dialog handles events while it moves: the result
    # queued behind the progress report arrives there and the dialog goes.
    tasks = BackgroundTasks()
    outcome: list[str] = []

    def work(control: TaskControl) -> str:
        control.progress(0, 2, "Checking")
        threading.Event().wait(0.7)  # past the dialog's half second
        control.progress(1, 2, "Rendering")
        control.progress(2, 2, "Done")
        return "report"

    tasks.run(work, on_success=outcome.append, progress="Generating…")
    qtbot.waitUntil(lambda: outcome == ["report"], timeout=5000)
    qtbot.waitUntil(lambda: not tasks.busy)


def test_unexpected_errors_are_logged_and_shown_without_a_traceback(qtbot) -> None:
    reporter = ErrorReporter()
    try:
        raise KeyError("boom")
    except KeyError as error:
        box = reporter.show(error)
    qtbot.addWidget(box)
    assert box.objectName() == "errorDialog"
    assert "Traceback" not in box.text()
    assert str(log_path()) in box.text()
    assert "KeyError" in log_path().read_text(encoding="utf-8")
    expected = reporter.show(InvalidInput("Title is required."))
    qtbot.addWidget(expected)
    assert expected.text() == "Title is required."
    assert expected.icon() == QMessageBox.Icon.Warning


def test_a_refusal_dialog_shows_its_citations_once(qtbot) -> None:
    reporter = ErrorReporter()
    plain = reporter.show(
        Refused("The screenshot was captured on 2026-01-01, when authorization 6 was not "
                "active.", citations=("MA-DYS-01.05.22 B.3.a",))
    )  # fmt: skip
    qtbot.addWidget(plain)
    assert plain.text().endswith("was not active. [MA-DYS-01.05.22 B.3.a]")
    ruled = reporter.show(
        RuleRefused("Revoking authorization 6", Decision.of([
            Reason("revoked_in_future", "The revocation date is in the future.",
                   ("MA-DYS-01.05.22 B.3.a",), "revoked_on"),
        ]))
    )  # fmt: skip
    qtbot.addWidget(ruled)
    assert ruled.text().count("MA-DYS-01.05.22 B.3.a") == 1
    assert ruled.text().endswith("in the future. [MA-DYS-01.05.22 B.3.a]")


@pytest.fixture
def login(qtbot, demo_database):
    tasks = BackgroundTasks()
    dialog = LoginDialog(tasks, username="investigator")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_database(demo_database)
    yield dialog
    tasks.wait_for_done()


def test_login_accepts_the_right_password(qtbot, login) -> None:
    assert login.username.text() == "investigator"
    qtbot.keyClicks(login.password, PASSWORD)
    with qtbot.waitSignal(login.signed_in) as signed:
        login.sign_in_button.click()
    assert signed.args[0].username == "investigator"
    assert not login.isVisible()


def test_a_password_given_signs_in_with_one_click_but_never_fills_the_lock(
    qtbot, demo_database
) -> None:
    tasks = BackgroundTasks()
    dialog = LoginDialog(tasks, username="investigator", password=PASSWORD)  # as make run
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_database(demo_database)
    with qtbot.waitSignal(dialog.signed_in) as signed:
        dialog.sign_in_button.click()
    assert signed.args[0].username == "investigator"
    lock = LoginDialog(tasks, password=PASSWORD, locked_user="investigator")
    qtbot.addWidget(lock)
    assert lock.password.text() == ""
    tasks.wait_for_done()


def test_login_refuses_and_locks_after_repeated_failures(qtbot, login) -> None:
    for _attempt in range(5):
        qtbot.keyClicks(login.password, "wrong-password")
        login.sign_in_button.click()
        qtbot.waitUntil(lambda: login.sign_in_button.isEnabled() and login.password.text() == "")
    # One answer for every refusal: it tells neither that the account exists
    # nor that it is locked now (the Users view tells the administrator).
    assert login.message.text() == SIGN_IN_REFUSED
    qtbot.keyClicks(login.password, PASSWORD)
    login.sign_in_button.click()
    qtbot.waitUntil(lambda: login.sign_in_button.isEnabled() and login.password.text() == "")
    assert login.message.text() == SIGN_IN_REFUSED
    assert login.isVisible()
    qtbot.keyClicks(login.username, "-nobody")  # investigator-nobody does not exist
    qtbot.keyClicks(login.password, PASSWORD)
    login.sign_in_button.click()
    qtbot.waitUntil(lambda: login.sign_in_button.isEnabled() and login.password.text() == "")
    assert login.message.text() == SIGN_IN_REFUSED


def test_login_says_when_the_database_cannot_be_opened(qtbot) -> None:
    dialog = LoginDialog(BackgroundTasks())
    qtbot.addWidget(dialog)
    dialog.set_database_error("/tmp/x is not a database file (or it is damaged); choose another.")
    assert not dialog.sign_in_button.isEnabled()
    assert "not a database" in dialog.database_label.text()
    QApplication.processEvents()


def test_results_for_a_closed_view_are_dropped(qtbot, workspace_for, settle) -> None:
    import shiboken6
    from PySide6.QtWidgets import QLabel

    from app.services.catalog import list_agencies

    ivy = workspace_for("investigator")
    view = QLabel("closing soon")
    delivered: list[object] = []
    ivy.call(list_agencies, on_success=delivered.append, parent=view)
    shiboken6.delete(view)  # the view closes before its result arrives
    qtbot.waitUntil(lambda: not ivy.tasks.busy)
    QApplication.processEvents()
    assert delivered == []
    ivy.call(list_agencies, on_success=delivered.append)
    settle(ivy)
    assert len(delivered) == 1 and len(delivered[0]) == 5
