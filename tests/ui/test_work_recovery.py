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
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select, text

from app.db.models import WorkDraft
from app.domain.cases import CaseStatus, Finding
from app.domain.evidence import RedactionBox, RedactionReason
from app.services import cases
from app.services.case_queries import CaseQuery, list_cases
from app.services.evidence import list_evidence
from app.services.evidence.redaction import get_redactions
from app.services.recovery import (
    DraftEntry,
    KeptBoxes,
    KeptFinding,
    keep_drafts,
    kept_boxes,
    kept_fields,
    kept_step,
    read_boxes,
    read_fields,
    read_finding,
    read_step,
    recovered_drafts,
)
from app.ui.app import Application, end_on_signal
from app.ui.case_view.discipline.tab import DisciplineTab
from app.ui.case_view.new_case import NewCaseDialog
from app.ui.case_view.put_back import (
    put_back_boxes,
    put_back_intake,
    put_back_step,
    unsaved_boxes,
)
from app.ui.case_view.view import CaseView
from app.ui.evidence.labels import redaction_reason_labels
from app.ui.evidence.viewer import EvidenceViewer
from app.ui.main_window import MainWindow
from app.ui.recovery import RecoveredWorkDialog
from app.ui.typed_work import typed_texts
from tests.ui.case_editing import open_and_edit_a_case
from tests.ui.confirming import answer_once, answering_confirmations
from tests.ui.discipline_views import add_a_second_subject
from tests.ui.pictures import drag

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


def _offered(
    signed_in, qtbot, username: str = "investigator"
) -> tuple[MainWindow, RecoveredWorkDialog]:
    """The next sign-in's window (``username``'s) and the Recovered work dialog it shows."""
    window = signed_in(username).window
    qtbot.waitUntil(
        lambda: window.findChild(RecoveredWorkDialog, "recoveredWorkDialog") is not None,
        timeout=10_000,
    )
    dialog = window.findChild(RecoveredWorkDialog, "recoveredWorkDialog")
    qtbot.waitUntil(dialog.isVisible)
    return window, dialog


def _put_back_the_last(qtbot, window: MainWindow, dialog: RecoveredWorkDialog,
                       case_id: int) -> CaseView:  # fmt: skip
    """Click Put back on the dialog's last piece: the dialog closes; the case's tab."""
    qtbot.mouseClick(dialog.put_back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(),
                    timeout=10_000)  # fmt: skip
    (opened,) = [v for v in window.findChildren(CaseView) if v.case_id == case_id]
    return opened


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
    assert dialog.put_back_button.isEnabled()
    assert "intake facts" in dialog.put_back_button.toolTip()
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
        (False, f"{number}: the intake facts not saved", "intake", rows[0][3]),
        (True, f"{number}: a note not yet added", "note", NOTE),
    ])  # fmt: skip

    # The intake facts go back into the Overview's inputs, not saved; then the dialog closes.
    assert opened.overview.form.title.text() != TITLE and not opened.overview.form.modified
    assert _put_back_the_last(qtbot, window, dialog, case_id) is opened
    assert opened.tabs.currentWidget() is opened.overview
    assert opened.overview.form.title.text() == TITLE and opened.overview.form.modified
    qtbot.waitUntil(lambda: len(window.recovery.kept) == 2, timeout=10_000)
    qtbot.waitUntil(lambda: not window.workspace.tasks.busy, timeout=10_000)
    with window.workspace.database.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT session = :s, kind, data FROM work_drafts ORDER BY kind"),
            {"s": session},
        ).all()
    assert [(r[0], r[1]) for r in rows] == [(True, "intake"), (True, "note")]
    assert read_fields(rows[0][2])["titleEdit"] == TITLE
    # Putting back over other unsaved changes to those inputs is refused; they stay.
    opened.overview.form.title.setText("Retyped once more")
    said: list[str] = []
    put_back_intake(opened, {"titleEdit": TITLE}, lambda: said.append("placed"), said.append)
    assert said == ["The intake facts have other changes that are not saved: save or revert "
                    "them first."]  # fmt: skip
    assert opened.overview.form.title.text() == "Retyped once more"

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
        DraftEntry("What you typed in \u201cNew case\u201d", "Title:\nReported by phone",
                   kind="new_case", data=kept_fields({"titleEdit": "Reported by phone"})),
    ]  # fmt: skip
    dialog.form.title.clear()
    dialog.done(0)


def test_a_new_case_form_left_behind_opens_again_with_its_text(signed_in, qtbot) -> None:
    first = signed_in("investigator")
    qtbot.waitUntil(lambda: first.window.recovery is not None, timeout=10_000)
    form = first.window.show_page("cases").new_case()
    qtbot.waitUntil(form.isVisible)
    qtbot.keyClicks(form.form.title, "Posts about campers")
    qtbot.keyClicks(form.form.narrative, "Three posts on the camp's page, seen by a parent.")
    # Choices made too: how it was reported, and that clients are involved.
    channel = (form.form.intake_channel.currentIndex() + 1) % form.form.intake_channel.count()
    form.form.intake_channel.setCurrentIndex(channel)
    form.form.clients_involved.setChecked(not form.form.clients_involved.isChecked())
    clients = form.form.clients_involved.isChecked()
    first.window.recovery.keep()
    qtbot.waitUntil(lambda: len(first.window.recovery.kept) == 1, timeout=10_000)
    [entry] = first.window.recovery.kept
    assert read_fields(entry.data)["clientsInvolvedCheck"] == ("true" if clients else "false")
    assert f":\n{form.form.intake_channel.itemText(channel)}" in entry.text
    first.window.recovery.timer.stop()  # killed
    form.form.title.clear()
    form.form.narrative.clear()
    form.done(0)
    _age_kept_rows(first)

    window, dialog = _offered(signed_in, qtbot)
    assert dialog.put_back_button.isEnabled() and not dialog.open_button.isEnabled()
    assert "new case form" in dialog.put_back_button.toolTip()
    qtbot.mouseClick(dialog.put_back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(),
                    timeout=10_000)  # fmt: skip
    (again,) = [d for d in window.findChildren(NewCaseDialog) if d.isVisible()]
    assert again.form.title.text() == "Posts about campers"
    assert again.form.narrative.toPlainText() == (
        "Three posts on the camp's page, seen by a parent."
    )
    assert again.form.intake_channel.currentIndex() == channel
    assert again.form.clients_involved.isChecked() == clients
    # Typed work of this session now: kept as such, and Cancel would ask first.
    assert again.drafts.typed()
    qtbot.waitUntil(lambda: [e.kind for e in window.recovery.kept] == ["new_case"],
                    timeout=10_000)  # fmt: skip
    again.form.title.clear()
    again.form.narrative.clear()
    again.done(0)


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


def _open_a_viewer(qtbot, app: Application) -> tuple[CaseView, EvidenceViewer]:
    """Open an investigating case that holds screenshots, and its first item's viewer."""
    workspace = app.window.workspace
    found = list_cases(workspace.database, workspace.actor,
                       CaseQuery(statuses=frozenset({CaseStatus.INVESTIGATING})))  # fmt: skip
    case_id = next(
        row.id for row in found.rows
        if list_evidence(workspace.database, workspace.actor, row.id)
    )  # fmt: skip
    view = app.window.open_case(case_id)
    assert view is not None
    qtbot.waitUntil(lambda: view.detail is not None and view.evidence is not None, timeout=10_000)
    view.tabs.setCurrentWidget(view.evidence)
    qtbot.waitUntil(lambda: view.evidence.model.rowCount() > 0, timeout=10_000)
    view.evidence.table.selectRow(0)
    viewer = view.evidence.open_viewer()
    qtbot.waitSignal(viewer.opened, timeout=10_000).wait()
    assert viewer.stack.currentWidget() is viewer.image
    return view, viewer


def _draw_a_box(viewer: EvidenceViewer) -> None:
    """Untick the redacted rendering if shown, then draw one box for a youth's identity."""
    viewer.show_redacted.setChecked(False)
    viewer.draw_button.setChecked(True)
    viewer.reason.setCurrentIndex(viewer.reason.findData("youth_identity"))
    width, height = viewer.image.image_size()
    viewer.image.fit()
    drag(viewer.image, QPointF(width * 0.2, height * 0.2), QPointF(width * 0.6, height * 0.5))


def test_redaction_boxes_not_saved_are_put_back_on_their_picture_after_a_crash(
    signed_in, qtbot
) -> None:
    first = signed_in("investigator")
    qtbot.waitUntil(lambda: first.window.recovery is not None, timeout=10_000)
    view, viewer = _open_a_viewer(qtbot, first)
    item_id, number, case_id = viewer.info.id, view.detail.number, view.detail.id
    saved = list(viewer.saved_boxes)
    _draw_a_box(viewer)
    assert viewer.modified
    drawn = viewer.current_boxes()
    assert len(drawn) == len(saved) + 1
    place = f"{number}: the redaction boxes drawn on evidence item {item_id}"
    assert view.unrecorded() == [(view.evidence, f"the redaction boxes drawn on evidence item "
                                                  f"{item_id}")]  # fmt: skip
    first.window.recovery.keep()
    qtbot.waitUntil(lambda: len(first.window.recovery.kept) == 1, timeout=10_000)
    [(kept_place, body)] = _kept(first)
    assert kept_place == place
    assert body.startswith(f"Evidence item {item_id} ({viewer.info.original_filename}): "
                           f"{len(drawn)} redaction boxes drawn and not saved.")  # fmt: skip
    labels = redaction_reason_labels()
    assert body.splitlines()[1:] == [
        f"• {labels[b.reason.value]}: {b.width} × {b.height} pixels at ({b.x}, {b.y})"
        for b in drawn
    ]
    assert RedactionReason.YOUTH_IDENTITY in {b.reason for b in drawn}
    first.window.recovery.timer.stop()  # killed
    _age_kept_rows(first)

    window, dialog = _offered(signed_in, qtbot)
    assert dialog.pieces.count() == 1 and dialog.pieces.item(0).text().startswith(place)
    assert dialog.put_back_button.isEnabled()
    assert "boxes back on its picture" in dialog.put_back_button.toolTip()
    opened = _put_back_the_last(qtbot, window, dialog, case_id)
    assert opened.tabs.currentWidget() is opened.evidence
    (back,) = opened.evidence.viewers()
    assert back.info.id == item_id and back.stack.currentWidget() is back.image
    # The boxes are on the original picture, not saved: the user checks them, then saves.
    assert back.current_boxes() == drawn and back.modified
    assert back.save_button.isEnabled() and not back.show_redacted.isChecked()
    # Put back again: the viewer open on the item takes them, no second one; other unsaved
    # boxes there are never replaced: refused, and left.
    said: list[str] = []
    put_back_boxes(
        opened, KeptBoxes(item_id, tuple(drawn)), lambda: said.append("placed"), said.append
    )
    qtbot.waitUntil(lambda: said != [], timeout=10_000)
    assert said == ["placed"] and opened.evidence.viewers() == [back]
    said.clear()
    put_back_boxes(
        opened, KeptBoxes(item_id, tuple(drawn[:-1])), lambda: said.append("placed"), said.append
    )
    qtbot.waitUntil(lambda: said != [], timeout=10_000)
    assert said == [f"Other boxes drawn on evidence item {item_id} are not saved: save or "
                    "discard them first."]  # fmt: skip
    assert back.current_boxes() == drawn and opened.evidence.viewers() == [back]
    workspace = window.workspace
    assert list(get_redactions(workspace.database, workspace.actor, item_id)) == saved

    # They are this session's unsaved work now, kept as such; the old copy is gone.
    qtbot.waitUntil(lambda: len(window.recovery.kept) == 1, timeout=10_000)
    qtbot.waitUntil(lambda: not workspace.tasks.busy, timeout=10_000)
    with workspace.database.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT session, kind, data FROM work_drafts ORDER BY id")
        ).all()
    assert [(r[0], r[1]) for r in rows] == [(window.recovery.session, "redaction")]
    assert read_boxes(rows[0][2]) == KeptBoxes(item_id, tuple(drawn))

    with qtbot.waitSignal(back.redactions_saved, timeout=10_000):
        qtbot.mouseClick(back.save_button, Qt.MouseButton.LeftButton)
    assert list(get_redactions(workspace.database, workspace.actor, item_id)) == drawn
    assert not back.modified and unsaved_boxes(back, "x", case_id) == []


def test_redaction_boxes_that_cannot_be_put_back_stay_offered_and_say_why(signed_in, qtbot) -> None:
    first = signed_in("investigator")
    workspace = first.window.workspace
    view, viewer = _open_a_viewer(qtbot, first)
    case_id, item_id = view.detail.id, viewer.info.id
    # Boxes discarded as the viewer closes leave nothing to keep, or to ask about.
    _draw_a_box(viewer)
    asked: list[str] = []
    answer_once(viewer, "unsavedRedactionsDialog", QMessageBox.StandardButton.Discard, asked)
    viewer.close()
    assert asked and not viewer.modified
    assert view.unrecorded() == [] and view.recoverable() == []
    # Two drafts as a crashed session (or someone holding the file) left them.
    kept = [
        DraftEntry("Boxes on an item of another case", "boxes", case_id, kind="redaction",
                   data=kept_boxes(item_id + 10_000, [RedactionBox(1, 2, 3, 4)])),
    ]  # fmt: skip
    keep_drafts(workspace.database, workspace.actor, "crashed", kept)
    with workspace.database.engine.begin() as connection:
        connection.execute(
            text("INSERT INTO work_drafts (user_id, session, case_id, place, kind, text, data, "
                 "saved_at) VALUES (:u, 'crashed', :c, 'Damaged boxes', 'redaction', 'boxes', "
                 "'{\"item\": 1', :t)"),
            {"u": workspace.actor.user_id, "c": case_id,
             "t": dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(hours=1)},
        )  # fmt: skip
    _age_kept_rows(first)
    first.window.recovery.timer.stop()

    window, dialog = _offered(signed_in, qtbot)
    places = [dialog.pieces.item(row).text() for row in range(dialog.pieces.count())]
    for name, why in (
        ("Damaged boxes", "cannot be read (not JSON)"),
        ("Boxes on an item", f"This case holds no evidence item {item_id + 10_000}"),
    ):
        dialog.pieces.setCurrentRow(next(i for i, p in enumerate(places) if p.startswith(name)))
        qtbot.mouseClick(dialog.put_back_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.findChild(QMessageBox, "putBackRefusedBox") is not None,
                        timeout=10_000)  # fmt: skip
        box = dialog.findChild(QMessageBox, "putBackRefusedBox")
        assert why in box.text() and "It stays here" in box.informativeText()
        box.close()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert dialog.pieces.count() == 2
    left = recovered_drafts(window.workspace.database, window.workspace.actor,
                            window.recovery.session)  # fmt: skip
    assert sorted(d.place for d in left) == ["Boxes on an item of another case", "Damaged boxes"]


REASONING = "Nine of the eleven posts fall in patrol hours."


def test_a_finding_not_recorded_is_put_back_into_its_allegation_after_a_crash(
    signed_in, qtbot
) -> None:
    first = signed_in("investigator")
    qtbot.waitUntil(lambda: first.window.recovery is not None, timeout=10_000)
    workspace = first.window.workspace
    found = list_cases(workspace.database, workspace.actor,
                       CaseQuery(statuses=frozenset({CaseStatus.INVESTIGATING})))  # fmt: skip
    view = first.window.open_case(found.rows[0].id)
    qtbot.waitUntil(lambda: view.detail is not None and view.tabs.isEnabled(), timeout=10_000)
    tab = view.allegations
    view.tabs.setCurrentWidget(tab)
    row = next(r for r in range(tab.model.rowCount())
               if tab.model.allegations[r].finding is Finding.PENDING)  # fmt: skip
    tab.table.selectRow(row)
    allegation = tab.selected()
    tab.finding.setCurrentIndex(tab.finding.findData(Finding.SUBSTANTIATED.value))
    qtbot.keyClicks(tab.reasoning, REASONING)
    if tab.model.rowCount() > 1:  # another allegation shown: the finding waits in its draft
        tab.table.selectRow(1 if row == 0 else 0)
    first.window.recovery.keep()
    qtbot.waitUntil(lambda: len(first.window.recovery.kept) == 1, timeout=10_000)
    number, case_id = view.detail.number, view.detail.id
    [(place, body)] = _kept(first)
    assert place == f"{number}: the finding on {allegation.citation}"
    assert body == f"Finding: Substantiated\n\nReasoning:\n{REASONING}"
    first.window.recovery.timer.stop()  # killed
    _age_kept_rows(first)

    window, dialog = _offered(signed_in, qtbot)
    assert dialog.put_back_button.isEnabled()
    assert "finding editor" in dialog.put_back_button.toolTip()
    opened = _put_back_the_last(qtbot, window, dialog, case_id)
    back = opened.allegations
    assert opened.tabs.currentWidget() is back
    assert back.selected().id == allegation.id
    assert back.finding.currentData() == Finding.SUBSTANTIATED.value
    assert back.reasoning.toPlainText() == REASONING
    assert opened.unrecorded() == [(back, f"the finding on {allegation.citation}")]
    # This session's unrecorded work now, kept as such; the old copy is gone.
    qtbot.waitUntil(lambda: len(window.recovery.kept) == 1, timeout=10_000)
    qtbot.waitUntil(lambda: not window.workspace.tasks.busy, timeout=10_000)
    with window.workspace.database.engine.connect() as connection:
        rows = connection.execute(text("SELECT session, kind, data FROM work_drafts")).all()
    assert [(r[0], r[1]) for r in rows] == [(window.recovery.session, "finding")]
    assert read_finding(rows[0][2]) == KeptFinding(allegation.id, Finding.SUBSTANTIATED, REASONING)

    # Put back again while the editor holds it: nothing twice. Other text being written
    # on that allegation is never overwritten: refused, and left as it is.
    assert back.put_back(allegation.id, Finding.SUBSTANTIATED, REASONING) is None
    assert back.reasoning.toPlainText() == REASONING
    back.reasoning.setPlainText("Seen on the duty roster.")
    why = back.put_back(allegation.id, Finding.SUBSTANTIATED, REASONING)
    assert why == (f"Another finding is being written on {allegation.citation}: record or "
                   "discard it first.")  # fmt: skip
    assert back.reasoning.toPlainText() == "Seen on the duty roster."
    assert back.put_back(10**9, Finding.SUBSTANTIATED, REASONING) == (
        "This case no longer has the allegation the finding was written for."
    )

    back.reasoning.setPlainText(REASONING)
    back.record_button.click()  # recorded there: nothing is left to keep
    qtbot.waitUntil(lambda: back.selected().finding is Finding.SUBSTANTIATED, timeout=10_000)
    assert opened.unrecorded() == []


def _hr_on_a_notice(signed_in, qtbot) -> tuple[Application, CaseView, DisciplineTab]:
    """HR signed in, on the pre-action notice's form of a case in discipline review."""
    first = signed_in("hr")
    qtbot.waitUntil(lambda: first.window.recovery is not None, timeout=10_000)
    workspace = first.window.workspace
    found = list_cases(workspace.database, workspace.actor,
                       CaseQuery(statuses=frozenset({CaseStatus.DISCIPLINE_REVIEW}),
                                 agency_code="MODNR"))  # fmt: skip
    view = first.window.open_case(found.rows[0].id)
    qtbot.waitUntil(lambda: view.discipline is not None and view.discipline.current_flow()
                    is not None, timeout=10_000)  # fmt: skip
    tab = view.discipline
    view.tabs.setCurrentWidget(tab)
    tab.pages.setCurrentIndex(tab.pages.page_index["notice"])
    return first, view, tab


def test_a_discipline_step_not_recorded_is_put_back_into_its_form_unless_recorded_since(
    signed_in, qtbot
) -> None:
    first, view, tab = _hr_on_a_notice(signed_in, qtbot)
    workspace, case_id = first.window.workspace, view.detail.id
    employee = tab.employee.currentData()
    name = tab.current_flow().employee.full_name
    qtbot.keyClicks(tab.notice_form.delivered_by, "Dana Cole, supervisor")
    first.window.recovery.keep()
    qtbot.waitUntil(lambda: len(first.window.recovery.kept) == 1, timeout=10_000)
    [entry] = first.window.recovery.kept
    kept = read_step(entry.data)
    assert (entry.kind, kept.employee_id, kept.step) == ("discipline", employee, "notice")
    assert kept.fields == {"noticeDeliveredBy": "Dana Cole, supervisor"}  # the changed input
    assert entry.place == f"{view.detail.number}: the pre-action notice to {name}"
    # A second copy as if something had been recorded for the step since it was typed.
    stale = kept_step(employee, "notice", "0" * 64, {"noticeDeliveredBy": "Someone else"})
    keep_drafts(workspace.database, workspace.actor, "crashed", [
        DraftEntry("The notice typed before it was recorded", "Someone else", case_id,
                   kind="discipline", data=stale),
    ])  # fmt: skip
    first.window.recovery.timer.stop()  # killed
    _age_kept_rows(first)

    window, dialog = _offered(signed_in, qtbot, "hr")
    places = [dialog.pieces.item(row).text() for row in range(dialog.pieces.count())]
    dialog.pieces.setCurrentRow(next(i for i, p in enumerate(places) if p.startswith("The not")))
    qtbot.mouseClick(dialog.put_back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.findChild(QMessageBox, "putBackRefusedBox") is not None,
                    timeout=10_000)  # fmt: skip
    box = dialog.findChild(QMessageBox, "putBackRefusedBox")
    assert f"Something was recorded in the discipline of {name} since" in box.text()
    box.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert dialog.pieces.count() == 2

    dialog.pieces.setCurrentRow(next(i for i, p in enumerate(places) if "pre-action" in p))
    assert "discipline flow" in dialog.put_back_button.toolTip()
    qtbot.mouseClick(dialog.put_back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pieces.count() == 1, timeout=10_000)
    (opened,) = [v for v in window.findChildren(CaseView) if v.case_id == case_id]
    back = opened.discipline
    assert opened.tabs.currentWidget() is back and back.pages.showing("notice")
    assert back.employee.currentData() == employee
    assert back.notice_form.delivered_by.text() == "Dana Cole, supervisor"
    assert back.unrecorded() == [f"the pre-action notice to {name}"]
    qtbot.waitUntil(lambda: len(window.recovery.kept) == 1, timeout=10_000)
    assert [e.kind for e in window.recovery.kept] == ["discipline"]
    # Other text typed in that form since is never overwritten: refused, and left.
    back.notice_form.delivered_by.setText("Someone else, supervisor")
    said: list[str] = []
    put_back_step(opened, kept, lambda: said.append("placed"), said.append)
    assert said == [f"Other text not recorded is in that step's form for {name}: record or "
                    "discard it first."]  # fmt: skip
    assert back.notice_form.delivered_by.text() == "Someone else, supervisor"


def _kept_and_put_back(
    signed_in, qtbot, first: Application, view: CaseView
) -> tuple[DraftEntry, DisciplineTab]:
    """Keep the one piece of ``first``'s session, kill it, sign in as HR again and put it
    back: the piece as kept, and the Discipline tab it went into."""
    first.window.recovery.keep()
    qtbot.waitUntil(lambda: len(first.window.recovery.kept) == 1, timeout=10_000)
    [entry] = first.window.recovery.kept
    first.window.recovery.timer.stop()  # killed
    _age_kept_rows(first)
    window, dialog = _offered(signed_in, qtbot, "hr")
    back = _put_back_the_last(qtbot, window, dialog, view.detail.id).discipline
    assert back is not None and back.pages.showing("notice")
    return entry, back


def test_the_choices_made_in_a_discipline_step_are_kept_and_put_back_with_its_text(
    signed_in, qtbot
) -> None:
    """The proposed action, its days, the notice's date, how it was delivered and the
    response window are kept with the text typed, said in the piece's text, and put
    back into the same inputs; a step where only choices were made is kept too."""
    first, view, tab = _hr_on_a_notice(signed_in, qtbot)
    form = tab.notice_form
    assert form.action.currentData() == "suspension"  # the notice's first action: left so
    form.days.setValue(7)
    form.window_days.setValue(form.window_days.value() + 3)
    window_days = form.window_days.value()
    issued = form.issued.date().addDays(-2)
    form.issued.setDate(issued)
    delivery = (form.delivery.currentIndex() + 1) % form.delivery.count()
    form.delivery.setCurrentIndex(delivery)
    chosen = {
        "noticeDays": "7", "noticeWindow": str(window_days),
        "noticeDate": issued.toString(Qt.DateFormat.ISODate),
        "noticeDelivery": form.delivery.itemData(delivery),
    }  # fmt: skip
    qtbot.keyClicks(form.delivered_by, "Dana Cole, supervisor")
    delivered = form.delivery.itemText(delivery)
    entry, back = _kept_and_put_back(signed_in, qtbot, first, view)
    assert read_step(entry.data).fields == {**chosen, "noticeDeliveredBy": "Dana Cole, supervisor"}
    assert "Proposed action:" not in entry.text  # not changed: not kept
    assert "Suspension:\n7 working days" in entry.text
    assert f"Delivered:\n{delivered}" in entry.text
    again = back.notice_form
    assert again.action.currentData() == "suspension" and again.days.value() == 7
    assert again.days.isVisible()  # the action's own inputs shown for it
    assert again.window_days.value() == window_days and again.issued.date() == issued
    assert again.delivery.currentIndex() == delivery
    assert again.delivered_by.text() == "Dana Cole, supervisor"
    assert back.unrecorded()  # put back, not recorded


def test_a_discipline_step_with_only_choices_made_is_kept_to_be_put_back(signed_in, qtbot) -> None:
    """Another proposed action (which hides the suspension's days) and a longer response
    window, nothing typed: kept, said, and put back with what the action shows."""
    first, view, tab = _hr_on_a_notice(signed_in, qtbot)
    form = tab.notice_form
    other = next(i for i in range(form.action.count()) if form.action.itemData(i) != "suspension")
    form.action.setCurrentIndex(other)
    form.window_days.setValue(form.window_days.value() + 1)
    window_days, action = form.window_days.value(), form.action.itemData(other)
    window_label = form.window_label.text().rstrip(" :")  # its row's label, as shown
    said = (f"Proposed action:\n{form.action.itemText(other)}\n\n"
            f"{window_label}:\n{form.window_days.text()}")  # fmt: skip
    entry, back = _kept_and_put_back(signed_in, qtbot, first, view)
    assert entry.kind == "discipline"
    kept = read_step(entry.data).fields
    assert kept == {"noticeAction": action, "noticeWindow": str(window_days)}
    assert "Response window" in window_label and entry.text == said
    again = back.notice_form
    assert again.action.currentData() == action and not again.days.isVisible()
    assert again.window_days.value() == window_days
    assert back.unrecorded()


def test_a_new_case_form_is_not_put_back_for_a_user_who_may_not_create_cases(
    signed_in, qtbot
) -> None:
    first = signed_in("hr")
    workspace = first.window.workspace
    typed = kept_fields({"titleEdit": "Posts about campers"})
    keep_drafts(workspace.database, workspace.actor, "crashed", [
        DraftEntry("What you typed in \u201cNew case\u201d", "Title:\nPosts about campers",
                   kind="new_case", data=typed),
    ])  # fmt: skip
    _age_kept_rows(first)
    first.window.recovery.timer.stop()

    window, dialog = _offered(signed_in, qtbot, "hr")
    qtbot.mouseClick(dialog.put_back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.findChild(QMessageBox, "putBackRefusedBox") is not None,
                    timeout=10_000)  # fmt: skip
    box = dialog.findChild(QMessageBox, "putBackRefusedBox")
    assert "You may not create cases." in box.text()
    box.close()
    assert dialog.pieces.count() == 1 and not window.findChildren(NewCaseDialog)


def test_a_discipline_step_is_put_back_for_its_own_employee_when_another_is_shown(
    signed_in, qtbot
) -> None:
    ivy = signed_in("investigator").window.workspace
    found = list_cases(ivy.database, ivy.actor,
                       CaseQuery(statuses=frozenset({CaseStatus.DISCIPLINE_REVIEW}),
                                 agency_code="MODNR"))  # fmt: skip
    detail = cases.get_case(ivy.database, ivy.actor, found.rows[0].id)
    other = add_a_second_subject(ivy, detail)

    def discipline_of(app: Application) -> DisciplineTab:
        view = app.window.open_case(detail.id)
        qtbot.waitUntil(lambda: view.discipline is not None and view.discipline.current_flow()
                        is not None, timeout=10_000)  # fmt: skip
        view.tabs.setCurrentWidget(view.discipline)
        return view.discipline

    first = signed_in("hr")
    qtbot.waitUntil(lambda: first.window.recovery is not None, timeout=10_000)
    tab = discipline_of(first)
    typed_for = tab.shown_employee
    qtbot.keyClicks(tab.notice_form.delivered_by, "Dana Cole, supervisor")
    first.window.recovery.keep()
    qtbot.waitUntil(lambda: len(first.window.recovery.kept) == 1, timeout=10_000)
    first.window.recovery.timer.stop()  # killed
    _age_kept_rows(first)

    second = signed_in("hr")
    qtbot.waitUntil(
        lambda: second.window.findChild(RecoveredWorkDialog, "recoveredWorkDialog") is not None,
        timeout=10_000,
    )
    dialog = second.window.findChild(RecoveredWorkDialog, "recoveredWorkDialog")
    tab = discipline_of(second)
    tab.employee.setCurrentIndex(tab.employee.findData(other))  # nothing typed: no question
    assert tab.shown_employee == other != typed_for and tab.unrecorded() == []

    qtbot.mouseClick(dialog.put_back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.shown_employee == typed_for, timeout=10_000)
    assert tab.pages.showing("notice")
    assert tab.notice_form.delivered_by.text() == "Dana Cole, supervisor"
    assert tab.unrecorded() == [f"the pre-action notice to {tab.employee.currentText()}"]
