"""Asking before a step that cannot simply be undone, saying what follows from it.

One question for every such step (closing a case, submitting findings with
allegations still pending, disabling a user, recording a suspension or a
dismissal): the step's own name on the button that takes it, Cancel the
default, so neither Enter nor Escape takes the step by accident.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from app.domain.discipline import DisciplineAction
from app.ui.i18n import tr

_C = "Confirm"

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


def confirm_discipline(parent: QWidget | None, action: DisciplineAction, employee: str,
                       case_number: str) -> bool:  # fmt: skip
    """Before a suspension or a dismissal is recorded: what follows from it.

    Other actions need no question (True). The Discipline tab calls this
    before it sends the decision.
    """
    if action is DisciplineAction.SUSPENSION:
        follows = tr(
            _C,
            "The suspension becomes part of {0}'s discipline record: it counts toward the "
            "agency's suspension cap and is prior discipline in any later case, and it is "
            "printed on the disciplinary report. It can only be withdrawn by HR with a "
            "recorded reason, which stays in the audit log.",
        ).format(employee)
    elif action is DisciplineAction.DISMISSAL:
        follows = tr(
            _C,
            "Dismissal ends {0}'s employment as the disciplinary report states it; it is "
            "prior discipline in any later case. It can only be withdrawn by HR with a "
            "recorded reason, which stays in the audit log.",
        ).format(employee)
    else:
        return True
    return confirm_step(
        parent,
        title=tr(_C, "Record {0}").format(action.label.lower()),
        question=tr(_C, "Record {0} of {1} in {2}?").format(
            action.label.lower(), employee, case_number
        ),
        follows=follows,
        action=tr(_C, "Record {0}").format(action.label.lower()),
    )
