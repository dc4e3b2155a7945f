"""The case status workflow: which transitions exist, who may make them, and when.

A transition is refused with a message naming the rule; the GUI shows only
the transitions :func:`allowed_transitions` returns for the user's roles.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.domain.cases import CaseStatus, Finding
from app.domain.errors import InvalidInput, PermissionDenied, Refused
from app.domain.permissions import Role

S = CaseStatus
R = Role


@dataclass(frozen=True, slots=True)
class Transition:
    """One allowed move between statuses, the roles that may make it, its label."""

    source: CaseStatus
    target: CaseStatus
    roles: frozenset[Role]
    label: str
    needs_reason: bool = False


TRANSITIONS: tuple[Transition, ...] = (
    Transition(
        S.INTAKE, S.INVESTIGATING, frozenset({R.INVESTIGATOR, R.SUPERVISOR}), "Start investigation"
    ),
    Transition(
        S.INTAKE,
        S.CLOSED,
        frozenset({R.SUPERVISOR}),
        "Close without investigation",
        needs_reason=True,
    ),
    Transition(
        S.INVESTIGATING, S.FINDINGS, frozenset({R.INVESTIGATOR, R.SUPERVISOR}), "Submit findings"
    ),
    Transition(
        S.FINDINGS,
        S.INVESTIGATING,
        frozenset({R.SUPERVISOR}),
        "Return for more investigation",
        needs_reason=True,
    ),
    Transition(
        S.FINDINGS, S.DISCIPLINE_REVIEW, frozenset({R.SUPERVISOR}), "Send to HR for discipline"
    ),
    Transition(S.FINDINGS, S.CLOSED, frozenset({R.SUPERVISOR}), "Close: nothing substantiated"),
    Transition(
        S.DISCIPLINE_REVIEW,
        S.FINDINGS,
        frozenset({R.HR, R.SUPERVISOR}),
        "Return to findings",
        needs_reason=True,
    ),
    Transition(S.DISCIPLINE_REVIEW, S.CLOSED, frozenset({R.HR}), "Close case"),
    Transition(S.CLOSED, S.REOPENED, frozenset({R.SUPERVISOR, R.HR}), "Reopen", needs_reason=True),
    Transition(
        S.REOPENED,
        S.INVESTIGATING,
        frozenset({R.INVESTIGATOR, R.SUPERVISOR}),
        "Resume investigation",
    ),
    Transition(
        S.REOPENED, S.FINDINGS, frozenset({R.INVESTIGATOR, R.SUPERVISOR}), "Submit findings"
    ),
    Transition(
        S.REOPENED, S.DISCIPLINE_REVIEW, frozenset({R.SUPERVISOR}), "Send to HR for discipline"
    ),
)


def find_transition(source: CaseStatus, target: CaseStatus) -> Transition | None:
    """The transition from ``source`` to ``target``, if the workflow has one."""
    for transition in TRANSITIONS:
        if transition.source is source and transition.target is target:
            return transition
    return None


def allowed_transitions(source: CaseStatus, roles: Iterable[Role]) -> list[Transition]:
    """The transitions out of ``source`` that a user with ``roles`` may make."""
    held = frozenset(roles)
    return [t for t in TRANSITIONS if t.source is source and t.roles & held]


def check_transition(
    source: CaseStatus,
    target: CaseStatus,
    roles: Iterable[Role],
    *,
    findings: Sequence[Finding],
    reason: str,
    undecided: Sequence[str] = (),
) -> Transition:
    """Check that moving a case from ``source`` to ``target`` is allowed now.

    ``findings`` are the findings of the case's allegations, one per allegation.
    ``undecided`` names the employees with a substantiated allegation but no
    discipline decision in force (a withdrawn decision is none): a case cannot
    close out of discipline review then.
    Returns the transition; raises :class:`Refused` (or :class:`PermissionDenied`)
    naming the rule otherwise.
    """
    transition = find_transition(source, target)
    if transition is None:
        nexts = ", ".join(t.target.label for t in TRANSITIONS if t.source is source) or "none"
        raise Refused(
            f"A case in status {source.label} cannot move to {target.label}; "
            f"possible next statuses: {nexts}."
        )
    held = frozenset(roles)
    if not transition.roles & held:
        who = " or ".join(sorted(r.value for r in transition.roles))
        raise PermissionDenied(
            f"Only a user with the role {who} may move a case from {source.label} "
            f"to {target.label}."
        )
    if transition.needs_reason and not reason.strip():
        raise InvalidInput(f"Give a reason to move the case to {target.label}.", field="reason")
    if target is S.FINDINGS and not findings:
        raise Refused("A case needs at least one allegation before findings are submitted.")
    if source is S.FINDINGS or target is S.DISCIPLINE_REVIEW:
        _check_findings_complete(target, findings)
    if source is S.DISCIPLINE_REVIEW and target is S.CLOSED and undecided:
        raise Refused(
            f"No discipline decision is recorded for {', '.join(undecided)}, against whom an "
            "allegation is substantiated (a withdrawn decision does not count); record the "
            "decision (Discipline tab, or 'casedesk discipline set') before closing the case, "
            "or return the case to findings if the findings are to change."
        )
    return transition


def _check_findings_complete(target: CaseStatus, findings: Sequence[Finding]) -> None:
    if target not in (S.DISCIPLINE_REVIEW, S.CLOSED):
        return
    if not findings or Finding.PENDING in findings:
        raise Refused(
            "Every allegation needs a finding (substantiated, not substantiated, "
            "unfounded or exonerated) before the case moves on."
        )
    substantiated = Finding.SUBSTANTIATED in findings
    if target is S.DISCIPLINE_REVIEW and not substantiated:
        raise Refused(
            "Discipline can only follow a substantiated allegation; none is substantiated, "
            "so close the case instead."
        )
    if target is S.CLOSED and substantiated:
        raise Refused(
            "At least one allegation is substantiated: send the case to HR for "
            "discipline review instead of closing it."
        )
