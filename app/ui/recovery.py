"""Typed work kept against a crash, and offered back at the next sign-in.

The window asks before anything closes over work that is not recorded
(:mod:`app.ui.form_drafts`), but a window that is killed, or a computer that
loses power, asks nothing. So every :data:`KEEP_EVERY_MS` the text of that
work (``MainWindow.recoverable()``: a note being written, a finding, a form
of the discipline flow, the intake facts, a dialog, the capture browser's
details) goes to the database (:mod:`app.services.recovery`) under an id of
this window session, when it changed or its last keeping is getting old; a
normal close removes it, and so does recording the work (the next keeping
has nothing). The next sign-in of the same user on any workstation offers
what a session left behind (:class:`RecoveredWorkDialog`): each piece with
where it was typed, to copy back or open its case, kept until discarded.

The keeping runs in the background; when the application is told to end
(SIGTERM, the desktop session ending) it runs at once, on this thread, and
the window then closes without asking: the work is kept, not lost.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import InvalidInput
from app.services.recovery import (
    DISCIPLINE,
    FINDING,
    INTAKE,
    NEW_CASE,
    NOTE,
    REDACTION,
    DraftEntry,
    RecoveredDraft,
    discard_drafts,
    keep_drafts,
    read_data,
    read_fields,
    recovered_drafts,
)
from app.ui.confirm import confirm_step
from app.ui.i18n import tr

if TYPE_CHECKING:
    from app.domain.actor import Actor
    from app.services.database import Database
    from app.ui.main_window import MainWindow
    from app.ui.workspace import Workspace

_C = "WorkRecovery"
#: How often the window's unrecorded text is looked at (and kept when it changed).
KEEP_EVERY_MS = 10_000
#: Kept again even unchanged after this long, so a live session's drafts stay fresh
#: (``services.recovery.QUIET_FOR`` is 90 s).
REFRESH_AFTER_S = 30.0


class _Gate:
    """Orders the background keepings with the close's removal (no Qt object in it).

    A keeping still running when the window closes could otherwise write its
    rows after the close removed them: they would be offered as left behind.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.closed = False

    def keep(
        self, database: Database, actor: Actor, session: str, entries: Sequence[DraftEntry]
    ) -> None:
        with self.lock:
            if not self.closed:
                keep_drafts(database, actor, session, entries)


class WorkRecovery(QObject):
    """Keeps the window's unrecorded typed text in the database while the session lasts."""

    def __init__(self, workspace: Workspace, window: MainWindow) -> None:
        super().__init__(window)
        self.workspace = workspace
        self.window = window
        #: This window session's id: its drafts, and which drafts are another's.
        self.session = uuid.uuid4().hex
        self._kept: tuple[DraftEntry, ...] = ()
        self._kept_at = 0.0
        self._keeping = False
        self._failed = False
        self._gate = _Gate()
        self.timer = QTimer(self)
        self.timer.setInterval(KEEP_EVERY_MS)
        self.timer.timeout.connect(self.keep)
        self.dialog: RecoveredWorkDialog | None = None

    def start(self) -> None:
        """Keep from now on, and offer what an earlier session left behind."""
        self.timer.start()
        self.workspace.call(
            recovered_drafts, self.session, on_success=self._offer, on_failure=self._not_read,
            parent=self.window,
        )  # fmt: skip

    @property
    def kept(self) -> tuple[DraftEntry, ...]:
        """What this session has in the database now."""
        return self._kept

    def _due(self, entries: tuple[DraftEntry, ...]) -> bool:
        if entries != self._kept:
            return True
        return bool(entries) and time.monotonic() - self._kept_at > REFRESH_AFTER_S

    @Slot()
    def keep(self) -> None:
        """Hand the window's unrecorded text to the database in the background, if due."""
        if self._keeping:
            return
        try:
            entries = tuple(self.window.recoverable())
        except Exception as error:  # noqa: BLE001 - said once, not a dialog every few seconds
            if not self._failed:
                from app.errorlog import log_unexpected

                self._failed = True
                self.workspace.status_message.emit(
                    tr(_C, "Typed work could not be kept against a crash (details in {0}); "
                       "record it soon.").format(log_unexpected(error))
                )  # fmt: skip
            return
        if not self._due(entries):
            return
        self._keeping = True

        def kept(_none: object) -> None:
            self._keeping = False
            self._kept, self._kept_at = entries, time.monotonic()
            if self._failed:
                self._failed = False
                said = tr(_C, "Typed work is kept against a crash again.")
                self.workspace.status_message.emit(said)

        def failed(error: BaseException) -> None:
            self._keeping = False
            if not self._failed:  # said once, not every few seconds
                self._failed = True
                self.workspace.status_message.emit(
                    tr(_C, "Typed work could not be kept against a crash ({0}); record it soon.")
                    .format(error)
                )  # fmt: skip

        self.workspace.call(
            self._gate.keep, self.session, entries, on_success=kept, on_failure=failed,
            parent=self.window,  # a window gone meanwhile takes no answer
        )  # fmt: skip

    def keep_now(self) -> bool:
        """Keep the window's unrecorded text at once, on this thread; whether it was kept."""
        try:
            entries = tuple(self.window.recoverable())
            self._gate.keep(self.workspace.database, self.workspace.actor, self.session, entries)
        except Exception as error:  # noqa: BLE001 - ending anyway: the log has the reason
            from app.errorlog import log_unexpected

            log_unexpected(error)
            return False
        self._kept, self._kept_at = entries, time.monotonic()
        return True

    def forget(self) -> None:
        """The window closed normally (its work recorded or discarded): nothing to keep.

        Waits for a keeping still running (one small write), so none comes after.
        """
        self.timer.stop()
        gate = self._gate
        with gate.lock:
            gate.closed = True
            if not (self._kept or self._keeping):
                return
            try:
                keep_drafts(self.workspace.database, self.workspace.actor, self.session, ())
            except Exception:  # noqa: BLE001 - offered again at the next sign-in, as left behind
                return
        self._kept = ()

    def _offer(self, drafts: list[RecoveredDraft]) -> None:
        if not drafts:
            return
        window = self.window
        self.dialog = RecoveredWorkDialog(
            self.workspace, drafts, lambda case_id: window.open_record("cases", case_id), window,
            put_back=self.put_back,
        )  # fmt: skip
        self.dialog.show()

    def put_back(
        self,
        draft: RecoveredDraft,
        placed: Callable[[], object],
        refused: Callable[[str], object],
    ) -> None:
        """Put the draft back where it was made (``case_view.put_back.PUT_BACK``: a note,
        a finding, the intake facts, a discipline step, redaction boxes), or into a new
        case form.

        Once it is there it is this session's unrecorded work, kept at once;
        then ``placed`` (the dialog lets the old copy go). ``refused`` gets the
        reason it cannot be put back (the old copy stays).
        """
        from app.ui.case_view.put_back import PUT_BACK

        if draft.kind == NEW_CASE:
            self._put_back_new_case(draft, placed, refused)
            return
        if draft.case_id is None or draft.kind not in PUT_BACK:
            return
        try:
            kept = draft.text if draft.kind == NOTE else read_data(draft.kind, draft.data)
        except InvalidInput as error:
            refused(str(error))
            return
        view = self.window.open_case(draft.case_id)
        if view is None:
            return

        def there() -> None:
            self.keep()
            placed()

        PUT_BACK[draft.kind](view, kept, there, refused)

    def _put_back_new_case(
        self, draft: RecoveredDraft, placed: Callable[[], object], refused: Callable[[str], object]
    ) -> None:
        """A new case form, open, with the kept text back in it (to create the case there)."""
        from app.domain.permissions import Permission
        from app.ui.typed_work import put_back_fields

        try:
            fields = read_fields(draft.data)
        except InvalidInput as error:
            refused(str(error))
            return
        if "cases" not in self.window.pages or not self.workspace.can(Permission.CASE_CREATE):
            refused(tr(_C, "You may not create cases."))
            return
        dialog = self.window.show_page("cases").new_case()  # type: ignore[attr-defined]
        if put_back_fields(dialog.form, fields):
            self.keep()
            placed()
        else:
            dialog.reject()
            refused(tr(_C, "The new case form has none of the inputs this text was typed in."))

    def _not_read(self, error: BaseException) -> None:
        self.workspace.status_message.emit(
            tr(_C, "Work kept from an earlier session could not be read ({0}).").format(error)
        )


#: Puts a draft back (:meth:`WorkRecovery.put_back`): then "placed", or "refused" and why.
PutBack = Callable[[RecoveredDraft, Callable[[], object], Callable[[str], object]], None]


class RecoveredWorkDialog(QDialog):
    """What an earlier session left unrecorded: to copy back, open its case, or discard."""

    def __init__(
        self,
        workspace: Workspace,
        drafts: Sequence[RecoveredDraft],
        open_case: Callable[[int], None],
        parent: QWidget,
        *,
        put_back: PutBack | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._open_case = open_case
        self._put_back = put_back
        self.drafts = list(drafts)
        self.setObjectName("recoveredWorkDialog")
        self.setWindowTitle(self.tr("Recovered work"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        intro = QLabel(
            self.tr(
                "Casedesk ended before this work was recorded (it was stopped, or the "
                "computer was). Nothing of it is in the case yet: put it back where it was "
                "typed (a note, a finding, the intake facts, a step of the discipline flow, "
                "redaction boxes), or copy what you need back into its place, and record it "
                "there. It is kept here until you put it back or discard it."
            )
        )
        intro.setWordWrap(True)
        self.pieces = QListWidget()
        self.pieces.setObjectName("recoveredPieces")
        self.text = QPlainTextEdit()
        self.text.setObjectName("recoveredText")
        self.text.setReadOnly(True)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.pieces)
        split.addWidget(self.text)
        split.setStretchFactor(1, 2)
        buttons = QDialogButtonBox()
        self.put_back_button = QPushButton(self.tr("&Put back"))
        self.put_back_button.setObjectName("putBackRecoveredButton")
        self.copy_button = QPushButton(self.tr("&Copy text"))
        self.copy_button.setObjectName("copyRecoveredButton")
        self.open_button = QPushButton(self.tr("&Open case"))
        self.open_button.setObjectName("openRecoveredCaseButton")
        self.discard_button = QPushButton(self.tr("&Discard…"))
        self.discard_button.setObjectName("discardRecoveredButton")
        for button in (self.put_back_button, self.copy_button, self.open_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setToolTip(self.tr("Keep the rest for the next sign-in"))
        buttons.rejected.connect(self.reject)
        self.put_back_button.clicked.connect(self.put_back)
        self.copy_button.clicked.connect(self.copy_text)
        self.open_button.clicked.connect(self.open_case)
        self.discard_button.clicked.connect(self.discard)
        self.pieces.currentRowChanged.connect(self._show)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.resize(640, 480)
        self._fill()

    def _fill(self) -> None:
        self.pieces.clear()
        for draft in self.drafts:
            when = draft.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
            item = QListWidgetItem(self.tr("{0} (kept {1})").format(draft.place, when))
            item.setData(Qt.ItemDataRole.UserRole, draft.id)
            self.pieces.addItem(item)
        if self.drafts:
            self.pieces.setCurrentRow(0)
        self._show(self.pieces.currentRow())

    def current(self) -> RecoveredDraft | None:
        """The piece of work selected."""
        row = self.pieces.currentRow()
        return self.drafts[row] if 0 <= row < len(self.drafts) else None

    @Slot(int)
    def _show(self, _row: int) -> None:
        draft = self.current()
        self.text.setPlainText(draft.text if draft else "")
        for button in (self.copy_button, self.discard_button):
            button.setEnabled(draft is not None)
        self.open_button.setEnabled(draft is not None and draft.case_id is not None)
        self.put_back_button.setEnabled(self._can_put_back(draft))
        tips = {
            NOTE: self.tr("Open the case with this note back in its note editor, to add it there"),
            REDACTION: self.tr("Open the evidence item with these boxes back on its picture, "
                               "to check and save them there"),
            FINDING: self.tr("Open the case with this finding back in its allegation's "
                             "finding editor, to record it there"),
            INTAKE: self.tr("Open the case with this text back in its intake facts, to "
                            "check and save them there"),
            DISCIPLINE: self.tr("Open the case with this text back in its step of the "
                                "discipline flow, to record it there"),
            NEW_CASE: self.tr("Open a new case form with this text back in it, to create "
                              "the case there"),
        }  # fmt: skip
        self.put_back_button.setToolTip(tips.get(draft.kind, "") if draft else "")

    def _can_put_back(self, draft: RecoveredDraft | None) -> bool:
        return (
            self._put_back is not None
            and draft is not None
            and draft.kind != ""  # each kind but "" is put back where it was made
            and (draft.case_id is not None or draft.kind == NEW_CASE)
        )

    @Slot()
    def put_back(self) -> None:
        """The selected draft back where it was made; then this copy goes."""
        draft = self.current()
        if self._put_back is None or draft is None or not self._can_put_back(draft):
            return
        case = draft.case_number or draft.place

        def placed() -> None:
            said = {
                REDACTION: self.tr("Boxes put back in {0}: save them there."),
                FINDING: self.tr("Finding put back in {0}: record it there."),
                INTAKE: self.tr("Intake facts put back in {0}: save them there."),
                DISCIPLINE: self.tr("Discipline step put back in {0}: record it there."),
                NEW_CASE: self.tr("The new case form is open again: create the case there."),
            }.get(draft.kind, self.tr("Note put back in {0}: add it there."))
            self.workspace.status_message.emit(said.format(case))
            self.workspace.call(
                discard_drafts, [draft.id], on_success=lambda _count: self._gone(draft.id),
                parent=self,
            )  # fmt: skip

        def refused(why: str) -> None:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Put back"),
                              self.tr("This work cannot be put back: {0}").format(why),
                              QMessageBox.StandardButton.Ok, self)  # fmt: skip
            box.setObjectName("putBackRefusedBox")
            box.setInformativeText(self.tr("It stays here: copy its text, or discard it."))
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

        self._put_back(draft, placed, refused)

    @Slot()
    def copy_text(self) -> None:
        draft = self.current()
        if draft is not None:
            QGuiApplication.clipboard().setText(draft.text)
            self.workspace.status_message.emit(self.tr("The recovered text is on the clipboard."))

    @Slot()
    def open_case(self) -> None:
        draft = self.current()
        if draft is not None and draft.case_id is not None:
            self._open_case(draft.case_id)

    @Slot()
    def discard(self) -> None:
        draft = self.current()
        if draft is None:
            return
        if not confirm_step(
            self,
            title=self.tr("Discard recovered work"),
            question=self.tr("Discard “{0}”?").format(draft.place),
            follows=self.tr("Its text is removed from the database and cannot be brought back."),
            action=self.tr("Discard"),
        ):
            return

        self.workspace.call(
            discard_drafts, [draft.id], on_success=lambda _count: self._gone(draft.id),
            parent=self,
        )  # fmt: skip

    def _gone(self, draft_id: int) -> None:
        """The piece ``draft_id`` left the database: it leaves the list (the dialog, the last)."""
        self.drafts = [d for d in self.drafts if d.id != draft_id]
        if not self.drafts:
            self.accept()
            return
        self._fill()
