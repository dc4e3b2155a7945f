"""What a form's inputs hold, to tell whether the user changed them since it was filled.

A form that the application fills (a step of the discipline flow, for
example) takes a :func:`snapshot` when it has filled it; the user has work
in it that is not recorded yet exactly when a later snapshot differs. A
reload then leaves that form as the user left it, and closing asks first
(DESIGN.md: nothing that loses work happens without asking).

Every editable input counts, in the order it was built: text, choices,
numbers, dates, check boxes and radio buttons, and the entries of a list
(the files given with a response). Read-only text and labels do not.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
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


def _value(widget: QWidget) -> object | None:
    """The value ``widget`` holds as an input, or None when it is not an input."""
    if isinstance(widget, QLineEdit):
        # A spin box's or a combo box's own line edit is read through its owner.
        owned = isinstance(widget.parent(), QAbstractSpinBox | QComboBox)
        return None if owned or widget.isReadOnly() else widget.text()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return None if widget.isReadOnly() else widget.toPlainText()
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


def snapshot(form: QWidget) -> Snapshot:
    """The values of every input in ``form``, in the order they were built."""
    values = (_value(widget) for widget in form.findChildren(QWidget))
    return tuple(value for value in values if value is not None)


def ask_discard(parent: QWidget, unrecorded: Sequence[str], text: str = "") -> bool:
    """Whether the work ``unrecorded`` names may be lost: True for Discard, False for Cancel.

    A question box named "unrecordedWorkDialog", Cancel by default; ``text``
    says what is about to happen.
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
    box.setInformativeText("\n".join([*lines, "", tr(_C, "Discard it, or cancel and record it?")]))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    answer = QMessageBox.StandardButton(box.exec())
    box.deleteLater()
    return answer == QMessageBox.StandardButton.Discard
