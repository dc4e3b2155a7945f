"""Typed work kept against a crash and offered back (app/ui/recovery.py), on the real
application: signed in through its dialog, a case opened, text typed, the session ended
without closing, a new session signed in.

A session that ended is one whose drafts stopped being refreshed for 90 s; the tests
age the kept rows in the database instead of waiting.
"""

from __future__ import annotations

import datetime as dt
import os
import signal

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QGuiApplication
from sqlalchemy import select, text

from app.db.models import WorkDraft
from app.domain.cases import CaseStatus
from app.services.recovery import DraftEntry, recovered_drafts
from app.ui.app import Application, end_on_signal
from app.ui.case_view.view import CaseView
from app.ui.main_window import MainWindow
from app.ui.recovery import RecoveredWorkDialog, typed_texts
from tests.ui.case_editing import open_and_edit_a_case
from tests.ui.confirming import answering_confirmations

NOTE = "Called the reporter back: she kept the original post."
TITLE = "Posts about campers, retyped"


def _open_and_type(qtbot, app: Application) -> CaseView:
    """Open an investigating case, retype its title (unsaved) and write a note (not added)."""
    view = open_and_edit_a_case(qtbot, app, TITLE)
    qtbot.keyClicks(view.notes.note_text, NOTE)
    return view


def _kept(app: Application) -> list[tuple[str, str]]:
    """The rows kept in the database for the signed-in user: (place, text)."""
    workspace = app.window.workspace
    with workspace.database.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT place, text FROM work_drafts WHERE user_id = :u ORDER BY id"),
            {"u": workspace.actor.user_id},
        )
        return [(place, body) for place, body in rows]


def _age_kept_rows(app: Application) -> None:
    """As if the session had ended two minutes ago (its rows stop being refreshed)."""
    with app.window.workspace.database.unit_of_work(write=True) as uow:
        for draft in uow.session.scalars(select(WorkDraft)):
            draft.saved_at -= dt.timedelta(minutes=2)
        uow.commit()


def _left_behind(signed_in, qtbot) -> tuple[int, str]:
    """A session types a note and retypes a title, keeps them, and is killed: its case."""
    first = signed_in("investigator")
    qtbot.waitUntil(lambda: first.window.recovery is not None, timeout=10_000)
    view = _open_and_type(qtbot, first)
    first.window.recovery.keep()
    qtbot.waitUntil(lambda: len(first.window.recovery.kept) == 2, timeout=10_000)
    # The process is killed: nothing more runs in this session (its timer stops with it).
    first.window.recovery.timer.stop()
    _age_kept_rows(first)
    return view.detail.id, view.detail.number


def _offered(signed_in, qtbot) -> tuple[MainWindow, RecoveredWorkDialog]:
    """The next sign-in's window and the Recovered work dialog it shows."""
    window = signed_in("investigator").window
    qtbot.waitUntil(
        lambda: window.findChild(RecoveredWorkDialog, "recoveredWorkDialog") is not None,
        timeout=10_000,
    )
    dialog = window.findChild(RecoveredWorkDialog, "recoveredWorkDialog")
    qtbot.waitUntil(dialog.isVisible)
    return window, dialog


def test_typed_work_is_kept_while_unrecorded_and_forgotten_once_recorded_or_discarded(
    signed_in, qtbot
) -> None:
    app = signed_in("investigator")
    window = app.window
    qtbot.waitUntil(lambda: window.recovery is not None, timeout=10_000)
    recovery = window.recovery
    assert recovery.timer.isActive() and recovery.timer.interval() == 10_000
    view = _open_and_type(qtbot, app)
    number = view.detail.number

    recovery.keep()
    qtbot.waitUntil(lambda: len(recovery.kept) == 2, timeout=10_000)
    kept = _kept(app)
    assert (f"{number}: a note not yet added", NOTE) in kept
    facts = dict(kept)[f"{number}: the intake facts not saved"]
    assert f"Title:\n{TITLE}" in facts

    # The note is added: the next keeping has only the intake facts.
    qtbot.mouseClick(view.notes.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.notes.note_text.toPlainText() == "", timeout=10_000)
    recovery.keep()
    qtbot.waitUntil(lambda: len(recovery.kept) == 1, timeout=10_000)
    assert [place for place, _text in _kept(app)] == [f"{number}: the intake facts not saved"]

    # A normal close, the edits discarded as the user says: nothing is left to offer.
    view.overview.form.title.setText(view.detail.fields.title)
    assert not view.overview.form.modified
    window.close()
    assert _kept(app) == []
    # A keeping that was still running writes nothing once the window has closed.
    workspace = window.workspace
    recovery._gate.keep(workspace.database, workspace.actor, recovery.session,
                        [DraftEntry("late", "typed before the close", None)])  # fmt: skip
    assert _kept(app) == []


def test_a_session_that_ended_without_closing_is_offered_back_at_the_next_sign_in(
    signed_in, qtbot
) -> None:
    case_id, number = _left_behind(signed_in, qtbot)
    window, dialog = _offered(signed_in, qtbot)
    places = [dialog.pieces.item(row).text() for row in range(dialog.pieces.count())]
    assert len(places) == 2
    assert any(p.startswith(f"{number}: a note not yet added (kept ") for p in places)
    dialog.pieces.setCurrentRow(next(i for i, p in enumerate(places) if "a note" in p))
    assert dialog.text.toPlainText() == NOTE and dialog.text.isReadOnly()

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == NOTE
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: any(v.case_id == case_id for v in window.findChildren(CaseView)), timeout=10_000
    )

    # Discard asks first; the piece goes from the dialog and from the database.
    with answering_confirmations(take=True) as asked:
        qtbot.mouseClick(dialog.discard_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.pieces.count() == 1, timeout=10_000)
    assert asked and "a note not yet added" in asked[0]
    workspace = window.workspace
    left = recovered_drafts(workspace.database, workspace.actor, window.recovery.session)
    assert [d.place for d in left] == [f"{number}: the intake facts not saved"]


def test_a_recovered_note_is_put_back_into_its_case_and_its_old_copy_goes(signed_in, qtbot) -> None:
    case_id, number = _left_behind(signed_in, qtbot)
    window, dialog = _offered(signed_in, qtbot)
    places = [dialog.pieces.item(row).text() for row in range(dialog.pieces.count())]
    facts = next(i for i, p in enumerate(places) if "intake facts" in p)
    dialog.pieces.setCurrentRow(facts)
    assert not dialog.put_back_button.isEnabled()  # a form's text is copied back by hand
    dialog.pieces.setCurrentRow(next(i for i, p in enumerate(places) if "a note" in p))
    assert dialog.put_back_button.isEnabled()

    qtbot.mouseClick(dialog.put_back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pieces.count() == 1, timeout=10_000)
    (opened,) = [v for v in window.findChildren(CaseView) if v.case_id == case_id]
    assert opened.notes.note_text.toPlainText() == NOTE
    assert opened.tabs.currentWidget() is opened.notes
    assert "intake facts" in dialog.pieces.item(0).text()

    # The note is this session's unrecorded work now, kept as such; the old copy is gone.
    session = window.recovery.session
    qtbot.waitUntil(lambda: len(window.recovery.kept) == 1, timeout=10_000)
    with window.workspace.database.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT session = :s, place, kind, text FROM work_drafts ORDER BY id"),
            {"s": session},
        ).all()
    assert sorted(tuple(r) for r in rows) == sorted([
        (False, f"{number}: the intake facts not saved", "", rows[0][3]),
        (True, f"{number}: a note not yet added", "note", NOTE),
    ])  # fmt: skip

    # Put back again into an editor that holds text: it goes after that text, not twice.
    opened.notes.put_back(NOTE)
    assert opened.notes.note_text.toPlainText() == NOTE
    opened.notes.note_text.setPlainText("Earlier line.")
    opened.notes.put_back(NOTE)
    assert opened.notes.note_text.toPlainText() == f"Earlier line.\n\n{NOTE}"


def test_a_note_put_back_as_the_dialog_closes_still_lets_its_old_copy_go(signed_in, qtbot) -> None:
    case_id, number = _left_behind(signed_in, qtbot)
    window, dialog = _offered(signed_in, qtbot)
    places = [dialog.pieces.item(row).text() for row in range(dialog.pieces.count())]
    dialog.pieces.setCurrentRow(next(i for i, p in enumerate(places) if "a note" in p))
    qtbot.mouseClick(dialog.put_back_button, Qt.MouseButton.LeftButton)
    (opened,) = [v for v in window.findChildren(CaseView) if v.case_id == case_id]
    # Closed (and gone) before the case has loaded, which it does in the background.
    dialog.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(dialog) and opened.detail is None
    qtbot.waitUntil(lambda: opened.notes.note_text.toPlainText() == NOTE, timeout=10_000)
    workspace = window.workspace
    qtbot.waitUntil(lambda: not workspace.tasks.busy, timeout=10_000)
    left = recovered_drafts(workspace.database, workspace.actor, window.recovery.session)
    assert [d.place for d in left] == [f"{number}: the intake facts not saved"]


def test_sigterm_keeps_the_typed_work_and_ends_without_asking(signed_in, qtbot) -> None:
    app = signed_in("investigator")
    qtbot.waitUntil(lambda: app.window.recovery is not None, timeout=10_000)
    view = _open_and_type(qtbot, app)
    number = view.detail.number
    previous = signal.getsignal(signal.SIGTERM)
    wake = end_on_signal(app)
    try:
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: app.quitting, timeout=10_000)
    finally:
        signal.signal(signal.SIGTERM, previous)
        wake.close()
    assert not app.window.isVisible()  # closed, nothing asked (a question would still be open)
    kept = dict(_kept(app))
    assert kept[f"{number}: a note not yet added"] == NOTE
    assert f"Title:\n{TITLE}" in kept[f"{number}: the intake facts not saved"]


def test_the_desktop_session_ending_keeps_the_typed_work(signed_in, qtbot) -> None:
    app = signed_in("investigator")
    qtbot.waitUntil(lambda: app.window.recovery is not None, timeout=10_000)
    view = _open_and_type(qtbot, app)
    QCoreApplication.processEvents()
    app.on_commit_data(None)  # as QGuiApplication.commitDataRequest delivers it
    assert dict(_kept(app))[f"{view.detail.number}: a note not yet added"] == NOTE
    assert app.window.isVisible() and not app.quitting  # the desktop decides what comes next


def test_a_forms_typed_text_is_named_by_its_labels(signed_in, qtbot) -> None:
    app = signed_in("investigator")
    dialog = app.window.show_page("cases").new_case()
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.form.title, "Reported by phone")
    assert ("Title", "Reported by phone") in typed_texts(dialog)
    entries = app.window.recoverable()
    assert entries == [
        DraftEntry("What you typed in \u201cNew case\u201d", "Title:\nReported by phone")
    ]
    dialog.form.title.clear()
    dialog.done(0)


def test_work_typed_before_the_sessions_keeping_started_is_kept_when_told_to_end(
    workspace_for, open_view, qtbot, find_case
) -> None:
    """In the seconds after sign-in, before Home has shown its data, nothing keeps the work
    every 10 s yet; ending still keeps it."""
    from app.ui.main_window import MainWindow

    ivy = workspace_for("investigator")
    window = MainWindow(ivy)
    qtbot.addWidget(window)
    view = open_view(ivy, find_case(ivy, CaseStatus.INVESTIGATING).id)
    view.setParent(window)  # a case tab of this window
    qtbot.keyClicks(view.notes.note_text, NOTE)
    assert window.recovery is None
    window.show()
    window.end_keeping_work()
    assert not window.isVisible() and window.recovery is not None
    assert not window.recovery.timer.isActive()
    left = recovered_drafts(ivy.database, ivy.actor, "another session", quiet_for=dt.timedelta(0))
    assert [(d.place, d.text) for d in left] == [
        (f"{view.detail.number}: a note not yet added", NOTE)
    ]
