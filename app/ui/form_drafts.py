"""What a form's inputs hold, to tell whether the user changed them since it was filled.

A form that the application fills (a step of the discipline flow, for
example) takes a :func:`snapshot` when it has filled it; the user has work
in it that is not recorded yet exactly when a later snapshot differs. A
reload then leaves that form as the user left it, and closing asks first
(DESIGN.md: nothing that loses work happens without asking).

Every editable input counts, in the order it was built: text, choices,
numbers, dates, check boxes and radio buttons, and the entries of a list
(the files given with a response). Read-only text and labels do not.

A dialog's Cancel, Escape or close button asks the same before it throws
away text the user typed (:class:`DiscardGuard`). Only typed text counts
there: a dialog fills its choices and dates itself, sometimes after it
shows, and those take a moment to choose again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from app.ui.i18n import tr

Snapshot = tuple[object, ...]
_C = "FormDrafts"


def typed_text(widget: QWidget) -> str | None:
    """The text in ``widget`` if it is a line or text edit the user types in, else None."""
    if isinstance(widget, QLineEdit):
        # A spin box's or a combo box's own line edit is read through its owner.
        owned = isinstance(widget.parent(), QAbstractSpinBox | QComboBox)
        return None if owned or widget.isReadOnly() else widget.text()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return None if widget.isReadOnly() else widget.toPlainText()
    return None


def _value(widget: QWidget) -> object | None:
    """The value ``widget`` holds as an input, or None when it is not an input."""
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        return typed_text(widget)
    if isinstance(widget, QComboBox):
        return widget.currentIndex(), widget.currentText()
    if isinstance(widget, QDateTimeEdit):
        return widget.dateTime().toString(Qt.DateFormat.ISODate)
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked() if widget.isCheckable() else None
    if isinstance(widget, QListWidget):
        return tuple(widget.item(row).text() for row in range(widget.count()))
    return None


def snapshot(form: QWidget, *, typed_only: bool = False) -> Snapshot:
    """The values of every input in ``form``, in the order they were built.

    ``typed_only``: only text the user types (line and text edits).
    """
    widgets = form.findChildren(QWidget)
    if typed_only:
        widgets = [w for w in widgets if isinstance(w, QLineEdit | QPlainTextEdit | QTextEdit)]
    values = (_value(widget) for widget in widgets)
    return tuple(value for value in values if value is not None)


def ask_discard(
    parent: QWidget, unrecorded: Sequence[str], text: str = "", *, saved: bool = False
) -> bool:
    """Whether the work ``unrecorded`` names may be lost: True for Discard, False for Cancel.

    A question box named "unrecordedWorkDialog", Cancel by default; ``text``
    says what is about to happen; ``saved``: the work is saved (settings),
    not recorded.
    """
    box = QMessageBox(
        QMessageBox.Icon.Question,
        tr(_C, "Work not recorded"),
        text or tr(_C, "This work is not recorded yet:"),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setObjectName("unrecordedWorkDialog")
    lines = [f"\u2022 {item[:1].upper()}{item[1:]}" for item in unrecorded]
    closing = {
        (False, 1): tr(_C, "Discard it, or cancel and record it?"),
        (False, 2): tr(_C, "Discard them, or cancel and record them?"),
        (True, 1): tr(_C, "Discard it, or cancel and save it?"),
        (True, 2): tr(_C, "Discard them, or cancel and save them?"),
    }[saved, min(len(lines), 2)]
    box.setInformativeText("\n".join([*lines, "", closing]))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    answer = QMessageBox.StandardButton(box.exec())
    box.deleteLater()
    return answer == QMessageBox.StandardButton.Discard


class DiscardGuard(QObject):
    """Asks before a dialog's Cancel, Escape or close button throws away typed text.

    Made by the dialog, which calls :meth:`reject` from its own ``reject``
    with the base class's; what the dialog holds when it first shows (or at
    :meth:`filled`, once it has filled itself) is nobody's work. The
    question (a box named "discardTypedDialog", Cancel by default, naming
    the dialog by its title) does not block: the dialog closes once the user
    says Discard.
    """

    def __init__(self, dialog: QDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self._filled: Snapshot | None = None
        #: Shown and not finished: hidden by the idle lock, it is still open.
        self.open = False
        self.box: QMessageBox | None = None
        dialog.installEventFilter(self)
        dialog.finished.connect(self._on_finished)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.dialog and event.type() == QEvent.Type.Show and self._filled is None:
            self.open = True
            self.filled()
        return False

    def _on_finished(self, _result: int) -> None:
        self.open = False

    def filled(self) -> None:
        """The dialog has filled its inputs: what they hold now is nobody's work."""
        self._filled = snapshot(self.dialog, typed_only=True)

    def typed(self) -> bool:
        """Whether the user typed something since the dialog was filled."""
        return self._filled is not None and snapshot(self.dialog, typed_only=True) != self._filled

    def reject(self, close: Callable[[], None]) -> None:
        """``close()`` now, or once the user agrees to lose what they typed."""
        if not self.typed():
            close()
            return
        if self.box is not None:
            return  # asked already
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr(_C, "Discard what you typed?"),
            tr(_C, "Close \u201c{0}\u201d without recording what you typed?").format(
                self.dialog.windowTitle()
            ),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self.dialog,
        )
        box.setObjectName("discardTypedDialog")
        box.setInformativeText(tr(_C, "What you typed is lost if you close now."))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.box = box

        def answered(result: int) -> None:
            self.box = None
            box.deleteLater()
            if result == QMessageBox.StandardButton.Discard:
                close()

        box.finished.connect(answered)
        box.open()


def typed_dialogs(root: QObject) -> list[QDialog]:
    """The dialogs under ``root``, open (or hidden by the idle lock), holding typed text.

    Closing the main window asks about them: closing it closes them too.
    """
    return [
        guard.dialog for guard in root.findChildren(DiscardGuard) if guard.open and guard.typed()
    ]
