"""The question before a grave decision is recorded: what follows from it.

A suspension, a demotion or a dismissal cannot simply be undone: the
Discipline tab asks first, saying when it takes effect, the suspension's
days off, the appeal the employer's law gives, and that it stays as prior
discipline (withdrawn only with an audited reason). The step's own name is
on the button that records it; Cancel is the default.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from app.domain.discipline import DisciplineAction
from app.services.discipline import DisciplineFlow, DisciplineInput
from app.ui.case_view.discipline.text import action_text, gui_message, rules_for_action
from app.ui.i18n import tr

_C = "DisciplineTab"

#: The actions confirmed before they are recorded: they cannot simply be undone.
GRAVE = (DisciplineAction.SUSPENSION, DisciplineAction.DEMOTION, DisciplineAction.DISMISSAL)


def decision_question(
    parent: QWidget, flow: DisciplineFlow, decision: DisciplineInput, who: str
) -> tuple[QMessageBox, QPushButton]:
    """The question (a box named "confirmDecision", not yet shown) and its button that records."""
    shown = action_text(decision.action, decision.suspension_days)
    follows = [tr(_C, "It takes effect on {0}.").format(decision.effective_on)]
    if decision.suspension_last_day and decision.return_to_work_on:
        follows.append(
            tr(_C, "{0} is off work without pay until {1} and returns on {2}.").format(
                who, decision.suspension_last_day, decision.return_to_work_on
            )
        )
    follows += [
        text
        for text, _cite, _marked in rules_for_action(
            flow, decision.action, decision.suspension_days or 0
        )
        if "appeal" in text.lower()
    ]
    follows.append(
        tr(_C, "It counts as prior discipline from then on; it can only be withdrawn, with a "
               "reason that is audited.")
    )  # fmt: skip
    box = QMessageBox(parent)
    box.setObjectName("confirmDecision")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr(_C, "Record decision"))
    box.setText(tr(_C, "Record a {0} of {1}?").format(shown.lower(), who))
    box.setInformativeText(" ".join(gui_message(f) for f in follows))
    yes = box.addButton(tr(_C, "Record {0}").format(shown.lower()),
                        QMessageBox.ButtonRole.AcceptRole)  # fmt: skip
    yes.setObjectName("confirmDecisionButton")
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box, yes
