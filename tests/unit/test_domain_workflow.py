"""The case workflow: which moves each role sees, and why a move is refused."""

from __future__ import annotations

import pytest

from app.domain.cases import CaseStatus, Finding
from app.domain.errors import InvalidInput, PermissionDenied, Refused
from app.domain.permissions import Role
from app.domain.workflow import TRANSITIONS, allowed_transitions, check_transition

S = CaseStatus
F = Finding


def _targets(source: CaseStatus, *roles: Role) -> set[CaseStatus]:
    return {t.target for t in allowed_transitions(source, roles)}


@pytest.mark.parametrize(
    ("source", "role", "targets"),
    [
        (S.INTAKE, Role.INVESTIGATOR, {S.INVESTIGATING}),
        (S.INTAKE, Role.SUPERVISOR, {S.INVESTIGATING, S.CLOSED}),
        (S.INTAKE, Role.HR, set()),
        (S.INVESTIGATING, Role.INVESTIGATOR, {S.FINDINGS}),
        (S.FINDINGS, Role.INVESTIGATOR, set()),
        (S.FINDINGS, Role.SUPERVISOR, {S.INVESTIGATING, S.DISCIPLINE_REVIEW, S.CLOSED}),
        (S.DISCIPLINE_REVIEW, Role.HR, {S.FINDINGS, S.CLOSED}),
        (S.DISCIPLINE_REVIEW, Role.INVESTIGATOR, set()),
        (S.CLOSED, Role.HR, {S.REOPENED}),
        (S.CLOSED, Role.SUPERVISOR, {S.REOPENED}),
        (S.CLOSED, Role.INVESTIGATOR, set()),
        (S.REOPENED, Role.INVESTIGATOR, {S.INVESTIGATING, S.FINDINGS}),
    ],
)
def test_allowed_transitions_per_role(
    source: CaseStatus, role: Role, targets: set[CaseStatus]
) -> None:
    assert _targets(source, role) == targets


def test_administrator_moves_no_case_anywhere() -> None:
    for status in CaseStatus:
        assert allowed_transitions(status, [Role.ADMINISTRATOR]) == []


def test_roles_add_up_in_allowed_transitions() -> None:
    assert _targets(S.DISCIPLINE_REVIEW, Role.HR, Role.INVESTIGATOR) == {S.FINDINGS, S.CLOSED}


def test_every_status_can_be_left_and_closed_cases_only_reopen() -> None:
    sources = {t.source for t in TRANSITIONS}
    assert sources == set(CaseStatus)
    assert {t.target for t in TRANSITIONS if t.source is S.CLOSED} == {S.REOPENED}


def test_allowed_transition_passes_and_is_returned() -> None:
    transition = check_transition(
        S.INVESTIGATING, S.FINDINGS, [Role.INVESTIGATOR], findings=[F.PENDING], reason=""
    )
    assert (transition.source, transition.target) == (S.INVESTIGATING, S.FINDINGS)
    assert transition.label == "Submit findings"


def test_unknown_transition_lists_the_possible_next_statuses() -> None:
    with pytest.raises(Refused, match="Intake cannot move to Findings") as refused:
        check_transition(S.INTAKE, S.FINDINGS, [Role.SUPERVISOR], findings=[F.PENDING], reason="")
    assert "possible next statuses: Investigating, Closed" in str(refused.value)
    assert not isinstance(refused.value, PermissionDenied)


def test_wrong_role_is_refused_naming_the_roles_that_may() -> None:
    with pytest.raises(PermissionDenied, match="role supervisor may move a case from Findings"):
        check_transition(
            S.FINDINGS,
            S.DISCIPLINE_REVIEW,
            [Role.INVESTIGATOR],
            findings=[F.SUBSTANTIATED],
            reason="",
        )
    with pytest.raises(PermissionDenied, match="hr or supervisor"):
        check_transition(S.CLOSED, S.REOPENED, [Role.INVESTIGATOR], findings=[], reason="new")


@pytest.mark.parametrize("reason", ["", "   \n "])
def test_reopen_needs_a_reason(reason: str) -> None:
    with pytest.raises(InvalidInput, match="Give a reason") as refused:
        check_transition(S.CLOSED, S.REOPENED, [Role.HR], findings=[F.UNFOUNDED], reason=reason)
    assert refused.value.field == "reason"
    check_transition(
        S.CLOSED, S.REOPENED, [Role.HR], findings=[F.UNFOUNDED], reason="New screenshots"
    )


def test_closing_at_intake_needs_a_reason() -> None:
    with pytest.raises(InvalidInput, match="reason"):
        check_transition(S.INTAKE, S.CLOSED, [Role.SUPERVISOR], findings=[], reason="")


@pytest.mark.parametrize("source", [S.INVESTIGATING, S.REOPENED])
def test_findings_need_at_least_one_allegation(source: CaseStatus) -> None:
    with pytest.raises(Refused, match="at least one allegation"):
        check_transition(source, S.FINDINGS, [Role.INVESTIGATOR], findings=[], reason="")


@pytest.mark.parametrize("source", [S.FINDINGS, S.REOPENED])
def test_discipline_review_needs_a_substantiated_finding(source: CaseStatus) -> None:
    with pytest.raises(Refused, match="none is substantiated, so close the case"):
        check_transition(
            source,
            S.DISCIPLINE_REVIEW,
            [Role.SUPERVISOR],
            findings=[F.UNFOUNDED, F.EXONERATED, F.NOT_SUBSTANTIATED],
            reason="",
        )


def test_a_substantiated_finding_cannot_be_closed_without_discipline() -> None:
    with pytest.raises(Refused, match="send the case to HR"):
        check_transition(
            S.FINDINGS,
            S.CLOSED,
            [Role.SUPERVISOR],
            findings=[F.UNFOUNDED, F.SUBSTANTIATED],
            reason="",
        )


@pytest.mark.parametrize("target", [S.DISCIPLINE_REVIEW, S.CLOSED])
def test_a_pending_finding_blocks_the_case_from_moving_on(target: CaseStatus) -> None:
    with pytest.raises(Refused, match="Every allegation needs a finding"):
        check_transition(
            S.FINDINGS,
            target,
            [Role.SUPERVISOR],
            findings=[F.SUBSTANTIATED, F.PENDING],
            reason="",
        )


def test_completed_findings_let_the_case_move_on() -> None:
    check_transition(
        S.FINDINGS,
        S.DISCIPLINE_REVIEW,
        [Role.SUPERVISOR],
        findings=[F.SUBSTANTIATED, F.UNFOUNDED],
        reason="",
    )
    check_transition(
        S.FINDINGS,
        S.CLOSED,
        [Role.SUPERVISOR],
        findings=[F.UNFOUNDED, F.EXONERATED],
        reason="",
    )
    # After discipline the substantiated case closes: that is where it should end.
    check_transition(
        S.DISCIPLINE_REVIEW, S.CLOSED, [Role.HR], findings=[F.SUBSTANTIATED], reason=""
    )


def test_returning_for_more_investigation_allows_pending_findings() -> None:
    check_transition(
        S.FINDINGS,
        S.INVESTIGATING,
        [Role.SUPERVISOR],
        findings=[F.PENDING],
        reason="Interview the witness",
    )
