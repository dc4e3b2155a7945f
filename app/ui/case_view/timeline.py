"""The Notes & timeline tab: who did what to the case and when, and adding a note.

The timeline merges the case's notes (with their text) and its audit events
(status changes, allegations, findings, edits), newest first. A note's own
audit event is left out: the note itself stands for it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.actor import Actor
from app.domain.cases import (
    NoteKind,
)
from app.domain.errors import InvalidInput
from app.domain.permissions import Permission
from app.services import cases
from app.services.audit import AuditEntry
from app.services.cases import CaseDetail, NoteInfo
from app.services.database import Database
from app.ui.case_view import labels
from app.ui.case_view.models import TimelineEntry, TimelineModel
from app.ui.case_view.support import ErrorLabel, alive, set_up_table
from app.ui.case_view.timeline_text import describe
from app.ui.workspace import Workspace


def note_entry(note: NoteInfo) -> TimelineEntry:
    kind = labels.note_kind_labels().get(note.kind, note.kind.value)
    first_line = note.body.strip().splitlines()[0] if note.body.strip() else ""
    return TimelineEntry(note.created_at, note.author, f"{kind}: {first_line}", note.body, True)


def merge(
    notes: Sequence[NoteInfo],
    events: Sequence[AuditEntry],
    names: Mapping[str, str],
    citations: Mapping[str, str],
) -> list[TimelineEntry]:
    """Notes and audit events, newest first; ``names`` give users' full names."""
    entries = [note_entry(n) for n in notes]
    for event in events:
        if event.action == "note.add":
            continue
        what, text = describe(event, citations)
        who = names.get(event.actor, event.actor)
        entries.append(TimelineEntry(event.occurred_at, who, what, text or what, False))
    return sorted(entries, key=lambda e: e.when, reverse=True)


def load_timeline(
    database: Database, actor: Actor, case_id: int
) -> tuple[list[AuditEntry], dict[str, str]]:
    """The case's audit events and the full names of the users in them (in the background)."""
    events = cases.case_timeline(database, actor, case_id)
    names = cases.user_full_names(database, actor, {e.actor for e in events})
    return events, names


class NotesTab(QWidget):
    """The timeline (newest first), the selected entry in full, and "Add note"."""

    case_touched = Signal()  #: a note was added: reload the case
    timeline_loaded = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.detail: CaseDetail | None = None
        self._events: list[AuditEntry] = []
        self._names: dict[str, str] = {}
        self._request = 0

        self.notes_only = QCheckBox(self.tr("Notes only"))
        self.notes_only.setObjectName("notesOnlyCheck")
        self.model = TimelineModel(self)
        self.table = QTableView()
        self.table.setObjectName("timelineTable")
        self.table.setModel(self.model)
        set_up_table(self.table)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(
            TimelineModel.WHEN, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.setColumnWidth(TimelineModel.WHO, 150)
        self.entry_text = QPlainTextEdit()
        self.entry_text.setObjectName("timelineEntryText")
        self.entry_text.setReadOnly(True)
        self.entry_text.setPlaceholderText(self.tr("Select an entry to read it in full."))

        self.note_kind = QComboBox()
        self.note_kind.setObjectName("noteKindCombo")
        for kind, text in labels.note_kind_labels().items():
            self.note_kind.addItem(text, kind.value)
        self.note_text = QPlainTextEdit()
        self.note_text.setObjectName("noteEdit")
        self.note_text.setTabChangesFocus(True)
        self.note_text.setPlaceholderText(self.tr("What happened, who said what, what is next."))
        self.note_error = ErrorLabel()
        self.note_error.setObjectName("noteError")
        self.add_button = QPushButton(self.tr("Add note"))
        self.add_button.setObjectName("addNoteButton")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.notes_only)
        timeline_split = QSplitter(Qt.Orientation.Vertical)
        timeline_split.addWidget(self.table)
        timeline_split.addWidget(self.entry_text)
        timeline_split.setStretchFactor(0, 3)
        timeline_split.setStretchFactor(1, 1)
        timeline_split.setChildrenCollapsible(False)
        left_layout.addWidget(timeline_split, 1)
        self.note_box = QGroupBox(self.tr("Add a note"))
        form = QFormLayout(self.note_box)
        form.addRow(self.tr("&Kind:"), self.note_kind)
        form.addRow(self.note_text)
        form.addRow(self.note_error)
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        add_row.addWidget(self.add_button)
        form.addRow(add_row)
        if not workspace.can(
            Permission.NOTE_ADD
        ):  # hidden before it has a parent: never a window of its own
            self.note_box.hide()
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.note_box)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([880, 420])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.notes_only.toggled.connect(self.on_notes_only_toggled)
        self.table.selectionModel().currentRowChanged.connect(self.on_current_changed)
        self.add_button.clicked.connect(self.on_add_clicked)
        self.note_text.textChanged.connect(self.note_error.clear_message)

    def set_case(self, detail: CaseDetail) -> None:
        """Show the case's notes now and fetch its audit events in the background."""
        self.detail = detail
        self._show()
        self._request += 1
        request = self._request
        self.workspace.call(
            load_timeline,
            detail.id,
            on_success=alive(self, lambda loaded: self._on_timeline_loaded(request, loaded)),
            parent=self,
        )

    def _on_timeline_loaded(
        self, request: int, loaded: tuple[list[AuditEntry], dict[str, str]]
    ) -> None:
        if request != self._request:
            return  # a newer load is on its way
        self._events, self._names = loaded
        self._show()
        self.timeline_loaded.emit()

    def _show(self) -> None:
        if self.detail is None:
            return
        citations = {str(a.id): a.citation for a in self.detail.allegations}
        for event in self._events:  # withdrawn allegations keep their citation
            if event.action == "allegation.add":
                citations.setdefault(event.entity_id, str(event.details.get("provision", "")))
        events = [] if self.notes_only.isChecked() else self._events
        self.model.set_entries(merge(self.detail.notes, events, self._names, citations))
        self.entry_text.clear()

    # -- slots -----------------------------------------------------------------------------

    @Slot(bool)
    def on_notes_only_toggled(self, _checked: bool) -> None:
        """Show only the notes, or everything that happened."""
        self._show()

    @Slot(QModelIndex, QModelIndex)
    def on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """Show the selected entry in full (a note's whole text)."""
        entry = current.data(TimelineModel.EntryRole) if current.isValid() else None
        self.entry_text.setPlainText(entry.text if isinstance(entry, TimelineEntry) else "")

    @Slot()
    def on_add_clicked(self) -> None:
        """Add the note in the background; the text stays until it is recorded."""
        if self.detail is None:
            return
        self.add_button.setEnabled(False)
        sent = self.note_text.toPlainText()
        self.workspace.call(
            cases.add_note,
            self.detail.id,
            sent,
            NoteKind(self.note_kind.currentData()),
            on_success=alive(self, lambda note: self._on_note_added(note, sent)),
            on_failure=alive(self, self._on_note_refused),
            parent=self,
        )

    def put_back(self, text: str) -> None:
        """Recovered text back in the note editor, after what it holds (not twice)."""
        now = self.note_text.toPlainText()
        if text.strip() and text not in now:
            self.note_text.setPlainText(f"{now.rstrip()}\n\n{text}" if now.strip() else text)
        self.note_text.moveCursor(QTextCursor.MoveOperation.End)

    def unrecorded(self) -> list[str]:
        """The note being written, if there is one, said for the user."""
        return [self.tr("a note not yet added")] if self.note_text.toPlainText().strip() else []

    def _on_note_added(self, _note: NoteInfo, sent: str) -> None:
        self.add_button.setEnabled(True)
        # Only what was added goes: text typed while it was being recorded stays.
        now = self.note_text.toPlainText()
        if now == sent:
            self.note_text.clear()
        elif now.startswith(sent):
            self.note_text.setPlainText(now[len(sent) :].lstrip())
        self.note_error.clear_message()
        self.workspace.status_message.emit(self.tr("Note added."))
        self.case_touched.emit()

    def _on_note_refused(self, error: BaseException) -> None:
        self.add_button.setEnabled(True)
        if isinstance(error, InvalidInput):
            self.note_error.show_message(str(error))
            self.note_text.setFocus()
        else:
            self.workspace.errors.show(error, self)
