"""The case's next steps in the workflow, as buttons, and the reason some of them need."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.workflow import Transition
from app.ui.case_view import labels
from app.ui.case_view.support import ErrorLabel
from app.ui.form_drafts import DiscardGuard


class WorkflowBar(QWidget):
    """One button per transition the user's roles allow from the case's status."""

    transition_requested = Signal(object)  #: the Transition clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: list[QPushButton] = []
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def set_transitions(self, transitions: Sequence[Transition]) -> None:
        """Replace the buttons with these transitions' (only those allowed are given)."""
        for button in self.buttons:
            self._layout.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        for transition in transitions:
            text = labels.transition_label(transition)
            button = QPushButton(text + ("…" if transition.needs_reason else ""))
            button.setObjectName(f"transition_{transition.target.value}")
            button.setToolTip(
                self.tr("Move the case to {0}").format(labels.status_labels()[transition.target])
            )
            button.clicked.connect(lambda _checked=False, t=transition: self.on_clicked(t))
            self._layout.addWidget(button)
            self.buttons.append(button)

    def button_texts(self) -> list[str]:
        """What the buttons say (without the ellipsis of those that ask for a reason)."""
        return [b.text().removesuffix("…") for b in self.buttons]

    def set_busy(self, busy: bool) -> None:
        for button in self.buttons:
            button.setEnabled(not busy)

    @Slot(object)
    def on_clicked(self, transition: Transition) -> None:
        """Ask the case view to make the move."""
        self.transition_requested.emit(transition)


class ReasonDialog(QDialog):
    """Asks why, for a move the workflow records a reason for (closing, reopening…)."""

    def __init__(self, transition: Transition, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.discard_guard = DiscardGuard(self)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(labels.transition_label(transition))
        prompt = QLabel(
            self.tr("Why? The reason is recorded in the case's timeline and audit log.")
        )
        prompt.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reasonEdit")
        self.reason.setTabChangesFocus(True)
        self.message = ErrorLabel()
        self.message.setObjectName("reasonError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(labels.transition_label(transition))
        self.buttons.accepted.connect(self.on_ok_clicked)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self.message.clear_message)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.reason, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(480, 260)
        self.reason.setFocus()

    def text(self) -> str:
        return self.reason.toPlainText().strip()

    @Slot()
    def on_ok_clicked(self) -> None:
        """A reason is required; say so instead of closing empty-handed."""
        if not self.text():
            self.message.show_message(self.tr("Give a reason."))
            return
        self.accept()

    def reject(self) -> None:
        """Cancel, Escape or close: asks first when something was typed."""
        self.discard_guard.reject(super().reject)
