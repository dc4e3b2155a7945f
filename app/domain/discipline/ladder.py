"""The progressive-discipline ladder and the grounds a decision rests on.

DOMAIN.md "A case, from report to discipline" step 5: HR decides an action
for substantiated allegations only; the ladder runs from counseling to
dismissal. Which actions need a pre-action notice for which employee, and
which may be appealed, is the employer's law: see ``packs``.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.cases import Finding
from app.domain.errors import InvalidInput, Refused

STEPS_MAX = 5_000
CONSEQUENCE_MAX = 2_000
STATUS_PENDING_MAX = 1_000
WITHDRAWAL_REASON_MAX = 2_000
SUSPENSION_DAYS_MAX = 365


class DisciplineAction(enum.StrEnum):
    """The steps of progressive discipline, mildest first."""

    COUNSELING = "counseling"
    VERBAL_REPRIMAND = "verbal_reprimand"
    WRITTEN_REPRIMAND = "written_reprimand"
    SUSPENSION = "suspension"
    DEMOTION = "demotion"
    DISMISSAL = "dismissal"

    @property
    def label(self) -> str:
        return _ACTION_LABELS[self]

    @property
    def step(self) -> int:
        """Its place on the ladder: 1 for counseling up to 6 for dismissal."""
        return list(DisciplineAction).index(self) + 1

    @property
    def needs_pre_action_notice(self) -> bool:
        """Suspension, demotion and dismissal take away pay or a post: notice first."""
        return self in _PRE_ACTION


_ACTION_LABELS = {
    DisciplineAction.COUNSELING: "Counseling",
    DisciplineAction.VERBAL_REPRIMAND: "Verbal reprimand",
    DisciplineAction.WRITTEN_REPRIMAND: "Written reprimand",
    DisciplineAction.SUSPENSION: "Suspension without pay",
    DisciplineAction.DEMOTION: "Demotion",
    DisciplineAction.DISMISSAL: "Dismissal",
}
_PRE_ACTION = frozenset(
    {DisciplineAction.SUSPENSION, DisciplineAction.DEMOTION, DisciplineAction.DISMISSAL}
)


def parse_action(value: str) -> DisciplineAction:
    """``value`` as an action ("written-reprimand", "Suspension" …), or a message listing them."""
    key = value.strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return DisciplineAction(key)
    except ValueError:
        valid = ", ".join(a.value for a in DisciplineAction)
        raise InvalidInput(
            f"'{value}' is not a disciplinary action; choose one of: {valid}.", field="action"
        ) from None


def check_grounds(findings: list[tuple[str, Finding]]) -> None:
    """Discipline rests only on substantiated allegations.

    ``findings`` are (citation, finding) of the allegations the decision
    rests on; an empty list or any that is not substantiated is refused.
    """
    if not findings:
        raise Refused(
            "Discipline can only be recorded on a substantiated allegation; this employee "
            "has none in the case. Record the findings first."
        )
    wrong = [f"{cite} ({finding.value.replace('_', ' ')})" for cite, finding in findings
             if finding is not Finding.SUBSTANTIATED]  # fmt: skip
    if wrong:
        raise Refused(
            "Discipline can only be recorded on substantiated allegations; not substantiated: "
            + ", ".join(wrong)
            + "."
        )


@dataclass(frozen=True, slots=True)
class RestingDecision:
    """A discipline decision in force that rests on a given allegation."""

    case_number: str
    employee_id: int
    employee_name: str
    action_label: str
    effective_on: dt.date


def check_finding_change(
    citation: str, finding: Finding, resting: Sequence[RestingDecision]
) -> None:
    """Refuse to take a finding away from substantiated while discipline rests on it.

    A decision in force must keep resting on substantiated allegations only;
    HR first withdraws the decision, or revises its grounds, and only then
    may the finding change.
    """
    if finding is Finding.SUBSTANTIATED or not resting:
        return
    decisions = "; ".join(
        f"{d.action_label.lower()} for {d.employee_name}, effective {d.effective_on}"
        for d in resting
    )
    first = resting[0]
    raise Refused(
        f"The finding on {citation} cannot become {finding.value.replace('_', ' ')}: the "
        f"discipline decided in {first.case_number} rests on it ({decisions}), and "
        "discipline rests only on substantiated allegations. HR must first withdraw the "
        f"decision (Discipline tab, or 'casedesk discipline withdraw {first.case_number} "
        f"--employee {first.employee_id} --reason ...'), or revise its grounds in discipline "
        "review so that it no longer rests on this allegation."
    )
