"""Discipline consistency: a decision beside the earlier ones under the same provision.

Employees who broke the same rule are compared with each other: the actions
the agency took against other employees in earlier substantiated cases under
the same provision, each with that employee's prior-discipline step at the
time (the employee's own earlier discipline is progressive discipline). A proposed action
milder than every one of them, or harsher than every one, is not refused;
HR states the reason for the difference, and it is kept with the decision.
Severity is the order of the progressive-discipline ladder
(:class:`~app.domain.discipline.ladder.DisciplineAction`).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.discipline.ladder import DisciplineAction
from app.domain.errors import Refused

CONSISTENCY_REASON_MAX = 2_000


@dataclass(frozen=True, slots=True)
class Comparable:
    """An earlier decision of the same agency under the same provision."""

    case_id: int
    case_number: str
    employee_name: str
    citation: str
    action: DisciplineAction
    suspension_days: int | None
    decided_on: dt.date
    #: The employee's most severe earlier discipline when this one was decided (None: none).
    prior_step: DisciplineAction | None

    @property
    def summary(self) -> str:
        """``MODNR-2026-0001 (MO-DNR-SN Policy.1): written reprimand, no prior discipline``."""
        action = self.action.label.lower()
        if self.action is DisciplineAction.SUSPENSION and self.suspension_days:
            action += f" ({self.suspension_days} days)"
        prior = (
            f"prior: {self.prior_step.label.lower()}" if self.prior_step else "no prior discipline"
        )
        return f"{self.case_number} ({self.citation}): {action}, {prior}"


class Departure(enum.StrEnum):
    """How a proposed action stands beside every comparable one."""

    MILDER = "milder"
    HARSHER = "harsher"


def departure(proposed: DisciplineAction, comparables: Sequence[Comparable]) -> Departure | None:
    """``MILDER`` or ``HARSHER`` when ``proposed`` is so beside every comparable, else None."""
    if not comparables:
        return None
    steps = [c.action.step for c in comparables]
    if proposed.step < min(steps):
        return Departure.MILDER
    if proposed.step > max(steps):
        return Departure.HARSHER
    return None


class ConsistencyRefused(Refused):
    """An action milder or harsher than every comparable one, given without a reason."""


def check_consistency(
    proposed: DisciplineAction, comparables: Sequence[Comparable], reason: str
) -> None:
    """Refuse an action milder or harsher than every comparable one unless a reason is given."""
    how = departure(proposed, comparables)
    if how is None or reason.strip():
        return
    listed = "; ".join(c.summary for c in comparables)
    raise ConsistencyRefused(
        f"A {proposed.label.lower()} is {how.value} than every earlier decision of the agency "
        f"under the same provision ({listed}). Employees who broke the same rule are compared "
        "with each other: give the reason for the difference (the decision form's consistency "
        "reason, or 'casedesk discipline decide ... --consistency-reason REASON'); it is kept "
        "with the decision."
    )
