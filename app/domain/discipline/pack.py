"""A ``DisciplinePack``: one employer's discipline law, each rule with its citation.

``packs.pack_for(agency_code, jurisdiction)`` gives the pack of an agency in
the catalog; an agency without one gets a pack whose every unverified fact
is an agency setting. The pack answers: which outcome (discipline, or a
referral to a provider), which actions need a pre-action notice for which
regime, who may appeal what, to whom and within what time, the suspension
cap, the sanction policies the agency's policy points to, and what a
decision must state.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.discipline.ladder import DisciplineAction
from app.domain.discipline.law_settings import LawSetting
from app.domain.discipline.regimes import Regime
from app.domain.discipline.rules import (
    AppealRule,
    CapRule,
    Cited,
    Outcome,
    PolicyReference,
    PreActionRule,
    Requirement,
)
from app.domain.discipline.workdays import WorkCalendar
from app.domain.errors import Refused


@dataclass(frozen=True, slots=True)
class StatedRequirement:
    """A requirement on the decision, for some actions and regimes (empty: all)."""

    requirement: Requirement
    actions: frozenset[DisciplineAction] = frozenset()
    regimes: frozenset[Regime] = frozenset()
    suspension_over_days: int | None = None
    suspension_at_most_days: int | None = None
    #: A written statement of the decision the employee is given before the effective
    #: date: the decision is made before it, so it takes effect a day after it at the earliest.
    before_effective: bool = False

    def applies(self, action: DisciplineAction, regime: Regime, suspension_days: int) -> bool:
        if self.actions and action not in self.actions:
            return False
        if self.regimes and regime not in self.regimes:
            return False
        if action is DisciplineAction.SUSPENSION:
            if (
                self.suspension_over_days is not None
                and suspension_days <= self.suspension_over_days
            ):
                return False
            at_most = self.suspension_at_most_days
            if at_most is not None and suspension_days > at_most:
                return False
        return True


@dataclass(frozen=True, slots=True)
class DisciplinePack:
    """One employer's discipline law."""

    agency_code: str
    employer: str
    jurisdiction: str
    calendar: WorkCalendar
    regimes: frozenset[Regime]
    standard_of_proof: Cited[str]
    response_days: Cited[int]
    pre_action: tuple[PreActionRule, ...]
    appeals: tuple[AppealRule, ...]
    cap: CapRule | None
    sanction_policies: tuple[PolicyReference, ...] = ()
    provider_referral: Requirement | None = None
    decision: tuple[StatedRequirement, ...] = ()
    notes: tuple[str, ...] = ()
    #: The law that moves a last day off a day the offices are closed; without one a
    #: calendar-day deadline is printed as counted, never moved on a guess.
    deadline_rule: Requirement | None = None
    #: Whether ``deadline_rule`` also moves a Saturday (RSMo 621.205 does; M.G.L. c. 4,
    #: § 9 moves only Sundays and legal holidays).
    deadline_moves_saturdays: bool = True
    verified: bool = True
    extra_settings: tuple[LawSetting, ...] = field(default=())
    #: The regimes for which :attr:`appeals` are every appeal the employer's law gives
    #: (None: every regime). For a regime outside it (St. Louis's and an agency with no
    #: pack: none; Arkansas: a probationer) an action no rule covers is never said to
    #: have no appeal: the employer's own rules are named instead.
    appeals_verified_for: frozenset[Regime] | None = None
    #: A standard of proof a law fixes for some regimes only (MA: M.G.L. c. 31, § 43, for
    #: a tenured civil-service employee's appeal of a § 41 decision); every other regime
    #: (and an unknown one) takes :attr:`standard_of_proof`.
    standard_of_proof_by_regime: tuple[tuple[Regime, Cited[str]], ...] = ()

    def appeals_complete(self, regime: Regime) -> bool:
        """Whether an employee of ``regime`` has no appeal where no rule gives one."""
        return self.appeals_verified_for is None or regime in self.appeals_verified_for

    def standard_of_proof_for(self, regime: Regime | None) -> Cited[str]:
        """The standard of proof for an employee of ``regime`` (None: not recorded)."""
        for known, cited in self.standard_of_proof_by_regime:
            if known is regime:
                return cited
        return self.standard_of_proof

    def check_regime(self, regime: Regime) -> None:
        """Refuse a regime this employer's law does not provide for."""
        if regime not in self.regimes:
            known = ", ".join(r.label.lower() for r in sorted(self.regimes))
            raise Refused(
                f"{self.employer} has no employees whose regime is '{regime.label.lower()}' "
                f"in its discipline law; choose one of: {known}."
            )

    def outcome_for(self, regime: Regime) -> Outcome:
        """Discipline by the agency, or a referral to the provider for its employees."""
        self.check_regime(regime)
        if regime is Regime.PROVIDER:
            return Outcome.REFERRAL_TO_PROVIDER
        return Outcome.DISCIPLINE

    def check_action(self, action: DisciplineAction, regime: Regime) -> None:
        """Refuse discipline of an employee the agency does not discipline itself."""
        if self.outcome_for(regime) is Outcome.REFERRAL_TO_PROVIDER:
            referral = self.provider_referral
            cite = referral.citation if referral else ""
            raise Refused(
                f"{self.employer} does not discipline a contracted provider's employee: no "
                f"{action.label.lower()} can be recorded. Record a referral to the provider, "
                "which decides any discipline itself.",
                citations=(cite,) if cite else (),
            )

    def pre_action_for(
        self, action: DisciplineAction, regime: Regime, suspension_days: int = 0
    ) -> PreActionRule | None:
        """The rule that requires notice and a chance to respond before ``action``, if any."""
        self.check_action(action, regime)
        return next(
            (r for r in self.pre_action if r.applies(action, regime, suspension_days)), None
        )

    def appeal_for(
        self, action: DisciplineAction, regime: Regime, suspension_days: int = 0
    ) -> AppealRule | None:
        """The appeal open to the employee against ``action``, or ``None``."""
        self.check_action(action, regime)
        return next((a for a in self.appeals if a.applies(action, regime, suspension_days)), None)

    def statement_before_effect(
        self, action: DisciplineAction, regime: Regime, suspension_days: int = 0
    ) -> Requirement | None:
        """The statement of the decision the law has given before ``action`` takes effect."""
        return next(
            (
                s.requirement
                for s in self.decision
                if s.before_effective and s.applies(action, regime, suspension_days)
            ),
            None,
        )

    def must_state(
        self, action: DisciplineAction, regime: Regime, suspension_days: int = 0
    ) -> tuple[Requirement, ...]:
        """What the decision (or the notice before it) must state or do, each with its source."""
        self.check_action(action, regime)
        found = [s.requirement for s in self.decision if s.applies(action, regime, suspension_days)]
        pre = self.pre_action_for(action, regime, suspension_days)
        if pre is not None:
            found.extend(pre.requirements)
        appeal = self.appeal_for(action, regime, suspension_days)
        if appeal is not None and appeal.notice_text:
            found.append(
                Requirement(
                    "A notice of the right of appeal in substantially the following language: "
                    + appeal.notice_text,
                    appeal.notice_citation or appeal.citation,
                )
            )
        return tuple(dict.fromkeys(found))

    def settings(self) -> tuple[LawSetting, ...]:
        """Every agency setting this pack's rules need, each once, in the pack's order."""
        found: list[LawSetting] = []
        cited: list[Cited[object]] = [self.standard_of_proof, self.response_days]  # type: ignore[list-item]
        cited.extend(c for _regime, c in self.standard_of_proof_by_regime)  # type: ignore[misc]
        for appeal in self.appeals:
            cited.extend([appeal.body, appeal.days, appeal.day_kind, appeal.counted_from])  # type: ignore[list-item]
        if self.cap is not None:
            cited.extend([self.cap.days, self.cap.window_months])  # type: ignore[list-item]
        found.extend(c.setting for c in cited if c.setting is not None)
        found.extend(self.extra_settings)
        return tuple(dict.fromkeys(found))
