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

import hashlib
from collections.abc import Mapping

from PySide6.QtWidgets import QWidget

from app.services.discipline import DisciplineFlow
from app.ui.form_drafts import Snapshot, snapshot
from app.ui.typed_work import named_choices, named_texts

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


def key_digest(key: object) -> str:
    """A step key as kept with a draft of its form: the SHA-256 of its ``repr``."""
    return hashlib.sha256(repr(key).encode("utf-8")).hexdigest()


class StepDrafts:
    """The key each form was filled for and what it held then."""

    def __init__(self) -> None:
        self._filled: dict[str, tuple[object, Snapshot, dict[str, str]]] = {}

    def keeps(self, step: str, form: QWidget, key: object) -> bool:
        """Whether ``form``, filled before for ``key``, holds the user's changes: leave it."""
        filled = self._filled.get(step)
        return filled is not None and filled[0] == key and snapshot(form) != filled[1]

    def filled(self, step: str, form: QWidget, key: object) -> None:
        """``form`` was just filled for ``key``: what it holds now is nobody's work."""
        self._filled[step] = (key, snapshot(form), _named_inputs(form))

    def key(self, step: str) -> object:
        """The key ``step``'s form was last filled for (None: never filled)."""
        filled = self._filled.get(step)
        return filled[0] if filled else None

    def typed_changes(self, step: str, form: QWidget) -> dict[str, str]:
        """The named inputs of ``form`` changed since it was filled: the text typed in
        each, or what is chosen in it (an action, a number of days, a date: as
        :func:`app.ui.typed_work.choice_of` gives it)."""
        filled = self._filled.get(step)
        before = filled[2] if filled else {}
        return {
            name: value for name, value in _named_inputs(form).items() if before.get(name) != value
        }

    def chosen_changes(self, step: str, form: QWidget) -> list[str]:
        """The names of the choices of ``form`` changed since it was filled."""
        choices = named_choices(form)
        return [name for name in self.typed_changes(step, form) if name in choices]

    def changed(self, forms: Mapping[str, QWidget]) -> list[str]:
        """The steps whose forms the user changed since they were filled, in order."""
        return [
            step
            for step in STEPS
            if step in self._filled and step in forms
            and snapshot(forms[step]) != self._filled[step][1]
        ]  # fmt: skip


def _named_inputs(form: QWidget) -> dict[str, str]:
    """The text typed and the choice made in each named input of ``form``, by name."""
    return {**named_texts(form), **named_choices(form)}
