"""The text typed in a window's inputs, as a piece of work to keep against a crash.

:func:`typed_entry` words a form's or a dialog's typed text for a person
("Title:" and the text, input by input), and the choices made in it that it
is given; :func:`put_back_fields` sets text and choices kept by input name
back into a form's inputs (the case's intake facts, whose changed inputs
``CaseForm.typed_changes`` names; a discipline step's form, whose changed
inputs and choices ``StepDrafts.typed_changes`` names). Which inputs count as
typed text is :func:`app.ui.form_drafts.typed_text`'s to say; a choice is a
named list (its item's data, else its text), number, date or box to tick
(:func:`named_choices`).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QWidget,
)

from app.services.recovery import DraftEntry
from app.ui.form_drafts import typed_text
from app.ui.i18n import tr

_C = "WorkRecovery"


def _label_of(widget: QWidget, labels: dict[int, str]) -> str:
    found = labels.get(id(widget)) or widget.accessibleName()
    if not found and isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        found = widget.placeholderText()
    # "&Title *:" reads "Title" (its mnemonic, the required mark and the colon go).
    return found.replace("&", "").rstrip(" :*.").strip() or tr(_C, "Text")


def typed_texts(root: QWidget, choices: Iterable[str] = ()) -> list[tuple[str, str]]:
    """The text typed in ``root``'s inputs: (the input's label, its text), in build order.

    Line and text edits that may be typed in and hold text (:func:`typed_text`),
    and the inputs named in ``choices`` with what is chosen in them, as shown.
    """
    labels = _labels(root)
    chosen = set(choices)
    found = []
    for widget in root.findChildren(QWidget):
        if widget.objectName() in chosen and choice_of(widget) is not None:
            found.append(_shown_choice(widget, labels))
            continue
        text = typed_text(widget)
        if text and text.strip():
            found.append((_label_of(widget, labels), text))
    return found


def labelled(texts: Iterable[tuple[str, str]]) -> str:
    """Texts under their labels ("Title:" and the text), the way a piece of work is kept."""
    return "\n\n".join(f"{label}:\n{text}" for label, text in texts)


def typed_entry(
    place: str,
    root: QWidget,
    case_id: int | None = None,
    *,
    kind: str = "",
    data: str = "",
    choices: Iterable[str] = (),
) -> list[DraftEntry]:
    """``root``'s typed text as one piece of work named ``place`` (none if nothing is typed
    or chosen); ``choices``: the names of the choices made in it to say too (in the
    form's order among the texts, "Action:" and what is chosen); ``kind`` and ``data``
    say where it can be put back (none: copied back by hand)."""
    texts = typed_texts(root, choices)
    return [DraftEntry(place, labelled(texts), case_id, kind=kind, data=data)] if texts else []


def _labels(root: QWidget) -> dict[int, str]:
    """Each input's label: the label it is the buddy of, else its form row's label."""
    found = {}
    for layout in root.findChildren(QFormLayout):
        for row in range(layout.rowCount()):
            label = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = layout.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is None or field is None or field.widget() is None:
                continue
            shown = label.widget()
            if isinstance(shown, QLabel) and shown.text():
                found[id(field.widget())] = shown.text()
    found.update(
        (id(label.buddy()), label.text()) for label in root.findChildren(QLabel) if label.buddy()
    )
    return found


def choice_of(widget: QWidget) -> str | None:
    """What is chosen in ``widget`` as text if it is a choice the user makes, else None.

    A list that is not typed in (its item's data, else its text), a whole
    number, a date (ISO 8601), or a box or button to tick ("true"/"false").
    """
    if isinstance(widget, QComboBox) and not widget.isEditable():
        data = widget.currentData()
        return str(data) if isinstance(data, str | int) and data != "" else widget.currentText()
    if isinstance(widget, QSpinBox):
        return str(widget.value())
    if isinstance(widget, QDateEdit):
        return str(widget.date().toString(Qt.DateFormat.ISODate))
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return "true" if widget.isChecked() else "false"
    return None


def named_choices(root: QWidget) -> dict[str, str]:
    """The choice made in each named input of ``root`` that the user chooses in, by name."""
    return {
        widget.objectName(): chosen
        for widget in root.findChildren(QWidget)
        if widget.objectName() and (chosen := choice_of(widget)) is not None
    }


def _shown_choice(widget: QWidget, labels: dict[int, str]) -> tuple[str, str]:
    """A choice as a person reads it: its input's label, and what it shows."""
    if isinstance(widget, QAbstractButton):
        return widget.text().replace("&", ""), tr(_C, "yes") if widget.isChecked() else tr(_C, "no")
    if isinstance(widget, QComboBox):
        return _label_of(widget, labels), widget.currentText()
    return _label_of(widget, labels), widget.text()  # type: ignore[attr-defined]


def named_texts(root: QWidget) -> dict[str, str]:
    """The text of each named input of ``root`` that the user types in, by name."""
    return {
        widget.objectName(): text
        for widget in root.findChildren(QWidget)
        if widget.objectName() and (text := typed_text(widget)) is not None
    }


def _choose(widget: QWidget, chosen: str) -> bool:
    """Make ``chosen`` (as :func:`choice_of` gives it) the choice of ``widget``; whether
    it could be (an item no longer offered, a number or date out of range: not)."""
    if isinstance(widget, QComboBox):
        index = widget.findData(chosen)
        if index < 0 and chosen.lstrip("-").isdigit():
            index = widget.findData(int(chosen))
        if index < 0:
            index = widget.findText(chosen, Qt.MatchFlag.MatchExactly)
        if index < 0:
            return False
        widget.setCurrentIndex(index)
        return True
    if isinstance(widget, QSpinBox):
        try:
            value = int(chosen)
        except ValueError:
            return False
        if not widget.minimum() <= value <= widget.maximum():
            return False
        widget.setValue(value)
        return True
    if isinstance(widget, QDateEdit):
        day = QDate.fromString(chosen, Qt.DateFormat.ISODate)
        if not day.isValid() or not widget.minimumDate() <= day <= widget.maximumDate():
            return False
        widget.setDate(day)
        return True
    if isinstance(widget, QAbstractButton) and chosen in ("true", "false"):
        widget.setChecked(chosen == "true")
        return True
    return False


def put_back_fields(root: QWidget, fields: dict[str, str]) -> int:
    """Set the named inputs of ``root`` to ``fields``: text into those the user types in,
    choices into those the user chooses in; how many of them took their value.

    The lists are chosen first, then the boxes, numbers and dates (a list's
    choice may show or reset them), then the text.
    """
    found = 0
    widgets = [(w, v) for name, v in fields.items() if (w := root.findChild(QWidget, name))]
    choices = [(w, v) for w, v in widgets if choice_of(w) is not None]
    choices.sort(key=lambda pair: not isinstance(pair[0], QComboBox))
    for widget, chosen in choices:
        found += _choose(widget, chosen)
    for widget, text in widgets:
        if isinstance(widget, QLineEdit) and typed_text(widget) is not None:
            if widget.text() != text:
                widget.setText(text)
            found += 1
        elif isinstance(widget, QPlainTextEdit | QTextEdit) and typed_text(widget) is not None:
            if widget.toPlainText() != text:
                widget.setPlainText(text)
            found += 1
    return found
