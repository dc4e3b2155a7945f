"""The text typed in a window's inputs, as a piece of work to keep against a crash.

:func:`typed_entry` words a form's or a dialog's typed text for a person
("Title:" and the text, input by input); :func:`put_back_fields` sets text
kept by input name back into a form's inputs (the case's intake facts,
whose changed inputs ``CaseForm.typed_changes`` names). Which inputs count as typed
text is :func:`app.ui.form_drafts.typed_text`'s to say.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

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


def typed_texts(root: QWidget) -> list[tuple[str, str]]:
    """The text typed in ``root``'s inputs: (the input's label, its text), in build order.

    Line and text edits that may be typed in and hold text (:func:`typed_text`).
    """
    labels = {
        id(label.buddy()): label.text() for label in root.findChildren(QLabel) if label.buddy()
    }
    found = []
    for widget in root.findChildren(QWidget):
        text = typed_text(widget)
        if text and text.strip():
            found.append((_label_of(widget, labels), text))
    return found


def labelled(texts: Iterable[tuple[str, str]]) -> str:
    """Texts under their labels ("Title:" and the text), the way a piece of work is kept."""
    return "\n\n".join(f"{label}:\n{text}" for label, text in texts)


def typed_entry(
    place: str, root: QWidget, case_id: int | None = None, *, kind: str = "", data: str = ""
) -> list[DraftEntry]:
    """``root``'s typed text as one piece of work named ``place`` (none if nothing is typed);
    ``kind`` and ``data`` say where it can be put back (none: copied back by hand)."""
    texts = typed_texts(root)
    return [DraftEntry(place, labelled(texts), case_id, kind=kind, data=data)] if texts else []


def named_texts(root: QWidget) -> dict[str, str]:
    """The text of each named input of ``root`` that the user types in, by name."""
    return {
        widget.objectName(): text
        for widget in root.findChildren(QWidget)
        if widget.objectName() and (text := typed_text(widget)) is not None
    }


def put_back_fields(root: QWidget, fields: dict[str, str]) -> int:
    """Set the named inputs of ``root`` that the user types in to ``fields``' texts; how
    many of them were found."""
    found = 0
    for name, text in fields.items():
        widget = root.findChild(QWidget, name)
        if isinstance(widget, QLineEdit) and typed_text(widget) is not None:
            if widget.text() != text:
                widget.setText(text)
            found += 1
        elif isinstance(widget, QPlainTextEdit | QTextEdit) and typed_text(widget) is not None:
            if widget.toPlainText() != text:
                widget.setPlainText(text)
            found += 1
    return found
