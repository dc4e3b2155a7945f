"""Every problem of a form at once, each beside its input; gone once the input is edited.

A form registers each input under the key the services use for it
(``InvalidInput.field``: "title", "account_name") with :class:`FieldMessages`,
and hands it whatever the service raised: one :class:`InvalidInput`, an
:class:`InvalidInputs` carrying several, or ``(key, message)`` pairs of its
own (a rule's reasons). Each message appears under its input; a message whose
field has no input goes in the form's general line. Editing an input hides
its message. Required inputs have their label marked with an asterisk.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QEvent, QObject, Slot
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from app.domain.errors import InvalidInput, InvalidInputs
from app.ui.palette import error_colour, set_text_colour

#: What a required input's label ends with.
REQUIRED_MARK = " *"


def field_key(field: str | None) -> str:
    """An error's ``field`` as a form key ("Account name" → "account_name")."""
    return (field or "").strip().lower().replace(" ", "_").replace("-", "_")


def problems_of(error: InvalidInput) -> tuple[InvalidInput, ...]:
    """The separate problems an error reports (one, or each of an ``InvalidInputs``)."""
    return error.problems if isinstance(error, InvalidInputs) else (error,)


class ErrorLabel(QLabel):
    """What is wrong with an input, under it, in the palette's error colour; hidden when empty.

    The one style for errors in every form and dialog.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self._recolouring = False
        self._recolour()
        self.hide()

    def _recolour(self) -> None:
        self._recolouring = True
        set_text_colour(self, error_colour())
        self._recolouring = False

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        """A new theme: pick the error colour readable on it."""
        super().changeEvent(event)
        themes = (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange)
        if event.type() in themes and not getattr(self, "_recolouring", True):
            self._recolour()

    def show_message(self, message: str) -> None:
        """Show ``message`` (the service's own words, which say what to fix)."""
        self.setText(message)
        self.setVisible(bool(message))

    def clear_message(self) -> None:
        """The input was edited: the message no longer applies."""
        if not self.isHidden() or self.text():
            self.clear()
            self.hide()


def edited_signals(widget: QWidget) -> list[object]:
    """The signals that say the user changed ``widget`` (or the inputs inside it)."""
    changed = getattr(type(widget), "changed", None)
    if changed is not None and type(changed).__name__ == "Signal":
        return [widget.changed]  # type: ignore[attr-defined]
    if isinstance(widget, QComboBox):
        signals: list[object] = [widget.currentIndexChanged]
        if widget.isEditable():
            signals.append(widget.editTextChanged)
        return signals
    if isinstance(widget, QLineEdit):
        return [widget.textEdited]
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return [widget.textChanged]
    if isinstance(widget, QAbstractButton):
        return [widget.toggled]
    if isinstance(widget, QDateTimeEdit):
        return [widget.dateTimeChanged]
    if isinstance(widget, QAbstractSpinBox):
        return [widget.editingFinished, getattr(widget, "valueChanged", widget.editingFinished)]
    found: list[object] = []
    inputs = (QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QAbstractButton, QAbstractSpinBox)
    for child in widget.findChildren(QWidget):
        parent = child.parentWidget()
        inside_input = isinstance(parent, (QComboBox, QAbstractSpinBox))
        if isinstance(child, inputs) and not inside_input:
            found.extend(edited_signals(child))
    return found


def mark_required(label: QLabel) -> None:
    """End ``label`` with the required mark, and say so to screen readers and on hover."""
    if not label.text().endswith(REQUIRED_MARK.strip()):
        label.setText(label.text().rstrip() + REQUIRED_MARK)
    label.setToolTip(label.tr("Required"))
    label.setAccessibleDescription(label.tr("Required"))


class FieldMessages(QObject):
    """The message lines of one form: one per input, plus a general one."""

    def __init__(
        self,
        general: ErrorLabel,
        *,
        aliases: Mapping[str, str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.general = general
        self.aliases = dict(aliases or {})
        self.labels: dict[str, ErrorLabel] = {}
        self.inputs: dict[str, QWidget] = {}
        self.required: set[str] = set()

    def add(
        self,
        key: str,
        widget: QWidget,
        error: ErrorLabel,
        *,
        label: QLabel | None = None,
        required: bool = False,
        watch: bool = True,
    ) -> None:
        """Register ``widget``'s message line; ``watch`` hides it when the user edits."""
        self.labels[key] = error
        self.inputs[key] = widget
        if required:
            self.required.add(key)
            if label is not None:
                mark_required(label)
        if watch:
            for signal in edited_signals(widget):
                signal.connect(lambda *_args, key=key: self.clear_field(key))  # type: ignore[attr-defined]

    def key_for(self, field: str | None) -> str | None:
        """The key of the input that shows messages about ``field``, if there is one."""
        key = field_key(field)
        key = self.aliases.get(key, key)
        return key if key in self.labels else None

    def error_label(self, key: str) -> ErrorLabel:
        return self.labels[key]

    def show(self, problems: Iterable[tuple[str | None, str]], *, focus: bool = True) -> list[str]:
        """Show each ``(field, message)``: beside its input, else in the general line.

        Several messages about one input are shown one per line. The first
        input with a message (in the form's order) gets the focus. Returns
        the keys that got a message.
        """
        beside: dict[str, list[str]] = {}
        general: list[str] = []
        for field, message in problems:
            key = self.key_for(field)
            if key is None:
                general.append(message)
            elif message not in beside.setdefault(key, []):
                beside[key].append(message)
        for key, lines in beside.items():
            self.labels[key].show_message("\n".join(lines))
        if general:
            self.general.show_message("\n".join(general))
        shown = [key for key in self.labels if key in beside]
        if focus and shown:
            self.inputs[shown[0]].setFocus()
        return shown

    def show_error(self, error: InvalidInput, *, focus: bool = True) -> list[str]:
        """Show every problem ``error`` reports."""
        return self.show(((p.field, str(p)) for p in problems_of(error)), focus=focus)

    def visible(self) -> dict[str, str]:
        """The messages shown now, by key ("" for the general line)."""
        shown = {key: label.text() for key, label in self.labels.items() if not label.isHidden()}
        if not self.general.isHidden():
            shown[""] = self.general.text()
        return shown

    @Slot()
    def clear(self) -> None:
        for label in [*self.labels.values(), self.general]:
            label.clear_message()

    def clear_field(self, key: str) -> None:
        """The input ``key`` was edited: its message, and the general one, no longer apply."""
        if key in self.labels:
            self.labels[key].clear_message()
        self.general.clear_message()
