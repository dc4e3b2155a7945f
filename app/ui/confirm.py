"""Asking before a step that cannot simply be undone, saying what follows from it.

One question for every such step (closing a case, submitting findings with
allegations still pending, disabling a user): the step's own name on the
button that takes it, Cancel the default, so neither Enter nor Escape takes
the step by accident. The Discipline tab asks the same way before a grave
decision (:mod:`app.ui.case_view.discipline.confirm`).
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

#: The object name of the question, for tests and screen readers.
DIALOG_NAME = "confirmStepDialog"


def confirm_step(parent: QWidget | None, *, title: str, question: str, follows: str,
                 action: str) -> bool:  # fmt: skip
    """Ask ``question``; ``follows`` says what happens next and how (if at all) it is
    undone; ``action`` labels the button that takes the step. True: take it."""
    no_buttons = QMessageBox.StandardButton.NoButton
    box = QMessageBox(QMessageBox.Icon.Warning, title, question, no_buttons, parent)
    box.setObjectName(DIALOG_NAME)
    box.setInformativeText(follows)
    take = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    take.setObjectName("takeStepButton")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    taken = box.clickedButton() is take
    box.deleteLater()
    return taken
