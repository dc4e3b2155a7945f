"""The dialog in which HR gives the reason for withdrawing a discipline decision.

A withdrawn decision stays on record but no longer counts as prior
discipline or toward the suspension cap; the reason is audited, so the
dialog does not accept an empty one.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.ui.case_view.support import ErrorLabel
from app.ui.form_drafts import DiscardGuard
from app.ui.i18n import tr

_C = "WithdrawDecisionDialog"


class WithdrawDecisionDialog(QDialog):
    """Asks why a decision is withdrawn; ``reason()`` holds it once accepted."""

    def __init__(self, employee: str, action: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.discard_guard = DiscardGuard(self)
        self.setObjectName("withdrawDecisionDialog")
        self.setWindowTitle(tr(_C, "Withdraw decision"))
        explanation = QLabel(
            tr(
                _C,
                "Withdraw the decision for <b>{0}</b>: {1}? It stays on record, marked "
                "withdrawn, but no longer counts as prior discipline or toward the "
                "suspension cap, and the disciplinary report no longer shows it.",
            ).format(html.escape(employee), html.escape(action))
        )
        explanation.setWordWrap(True)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("withdrawalReason")
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setPlaceholderText(
            tr(_C, "Why the decision is withdrawn, e.g. the findings were revised on appeal.")
        )
        reason_label = QLabel(tr(_C, "&Reason (audited):"))
        reason_label.setBuddy(self.reason_edit)
        self.error = ErrorLabel()
        self.error.setObjectName("withdrawalReasonError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(tr(_C, "&Withdraw decision"))
        ok.setObjectName("confirmWithdrawButton")
        self.buttons.accepted.connect(self.on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.reason_edit.textChanged.connect(self.error.clear_message)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(480, 260)

    def reason(self) -> str:
        """The reason as typed, trimmed."""
        return self.reason_edit.toPlainText().strip()

    @Slot()
    def on_buttons_accepted(self) -> None:
        """Accept only with a reason; say so beside the field otherwise."""
        if not self.reason():
            self.error.show_message(tr(_C, "Give the reason for withdrawing the decision."))
            self.reason_edit.setFocus()
            return
        self.accept()

    def reject(self) -> None:
        """Cancel, Escape or close: asks first when something was typed."""
        self.discard_guard.reject(super().reject)
