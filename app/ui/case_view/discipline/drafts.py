"""The discipline tab's forms: which hold work not recorded yet, kept across reloads.

Each step's form is filled from the employee's flow (a new notice, the
decision in force, …) whenever the case is loaded again, after any change to
it in this window. A form the user has changed since it was filled is left
as they left it, as long as what it records is unchanged: the same employee,
and no notice, response, decision, appeal or referral recorded or changed
since (:func:`step_keys`). Otherwise it is filled again from what is now
recorded. Closing the case, or showing another employee, asks first about
the forms left changed (DESIGN.md: nothing that loses work happens without
asking).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QWidget

from app.services.discipline import DisciplineFlow
from app.ui.form_drafts import Snapshot, snapshot

#: The steps, in the order of the tab's pages.
STEPS = ("notice", "response", "decision", "appeal", "referral")


def step_keys(flow: DisciplineFlow) -> dict[str, object]:
    """What each step's form records or changes, for ``flow``'s employee.

    A form is filled again when its key changes: the record it adds came to
    exist, or the record it changes was changed.
    """
    who = flow.employee.id
    return {
        "notice": (who, repr(flow.notice)),
        "response": (who, repr(flow.notice), repr(flow.response)),
        "decision": (who, repr(flow.decision)),
        "appeal": (who, repr(flow.decision), repr(flow.appeal)),
        "referral": (who, repr(flow.referral)),
    }


class StepDrafts:
    """The key each form was filled for and what it held then."""

    def __init__(self) -> None:
        self._filled: dict[str, tuple[object, Snapshot]] = {}

    def keeps(self, step: str, form: QWidget, key: object) -> bool:
        """Whether ``form``, filled before for ``key``, holds the user's changes: leave it."""
        filled = self._filled.get(step)
        return filled is not None and filled[0] == key and snapshot(form) != filled[1]

    def filled(self, step: str, form: QWidget, key: object) -> None:
        """``form`` was just filled for ``key``: what it holds now is nobody's work."""
        self._filled[step] = (key, snapshot(form))

    def changed(self, forms: Mapping[str, QWidget]) -> list[str]:
        """The steps whose forms the user changed since they were filled, in order."""
        return [
            step
            for step in STEPS
            if step in self._filled and step in forms
            and snapshot(forms[step]) != self._filled[step][1]
        ]  # fmt: skip
