"""The values a discipline pack is made of: each rule carries its citation.

A value the law fixes carries the provision; a value no source checked here
fixes names the agency setting it comes from (``law_settings``) and has no
default.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Generic, TypeVar

from app.domain.discipline.ladder import DisciplineAction
from app.domain.discipline.law_settings import LawSetting, LawSettingValues, setting_value
from app.domain.discipline.regimes import Regime

T = TypeVar("T")

LOUDERMILL = "Cleveland Bd. of Educ. v. Loudermill, 470 U.S. 532 (1985)"


class DayKind(enum.StrEnum):
    """How a period's days are counted."""

    CALENDAR = "calendar"
    WORKING = "working"

    @property
    def label(self) -> str:
        return "calendar days" if self is DayKind.CALENDAR else "working days"


class Outcome(enum.StrEnum):
    """What the agency does with a substantiated allegation against this employee."""

    DISCIPLINE = "discipline"
    REFERRAL_TO_PROVIDER = "referral_to_provider"

    @property
    def label(self) -> str:
        if self is Outcome.DISCIPLINE:
            return "Discipline by the agency"
        return "Referral to the employee's provider, which decides any discipline"


@dataclass(frozen=True, slots=True)
class Cited(Generic[T]):
    """A value with the provision it comes from, or the agency setting that supplies it.

    ``value`` is ``None`` exactly when ``setting`` is given: the value is
    the agency's, with no default.
    """

    value: T | None
    citation: str
    setting: LawSetting | None = None

    @property
    def from_settings(self) -> bool:
        return self.setting is not None

    def resolve(self, values: LawSettingValues, agency: str) -> T | int | str:
        """The value: the law's, or the agency's setting (refused when it is not set)."""
        if self.setting is None:
            assert self.value is not None
            return self.value
        return setting_value(self.setting, values, agency)

    def describe(self) -> str:
        """The value and its source, for documents."""
        if self.setting is not None:
            return f"from the agency's settings ({self.setting.label}; {self.citation})"
        return f"{self.value} ({self.citation})"


def law(value: T, citation: str) -> Cited[T]:
    """A value the cited provision fixes."""
    return Cited(value, citation)


def agency_setting(setting: LawSetting, citation: str = "") -> Cited[T]:
    """A value the agency sets, with no default."""
    return Cited(None, citation or setting.citation, setting)


@dataclass(frozen=True, slots=True)
class Requirement:
    """Something a notice or decision must state or do, and why."""

    text: str
    citation: str


@dataclass(frozen=True, slots=True)
class PreActionRule:
    """Before these actions, employees of these regimes get notice and a chance to respond.

    ``suspension_over_days``: a suspension needs it only when longer than this
    many working days (``None``: any suspension in ``actions``).
    """

    actions: frozenset[DisciplineAction]
    regimes: frozenset[Regime]
    citation: str
    requirements: tuple[Requirement, ...] = ()
    suspension_over_days: int | None = None

    def applies(self, action: DisciplineAction, regime: Regime, suspension_days: int = 0) -> bool:
        """Whether the rule covers ``action`` for ``regime`` (a suspension: of that many days)."""
        if action not in self.actions or regime not in self.regimes:
            return False
        if action is DisciplineAction.SUSPENSION and self.suspension_over_days is not None:
            return suspension_days > self.suspension_over_days
        return True


@dataclass(frozen=True, slots=True)
class AppealRule:
    """Who may appeal which actions, to whom, within what time, and the notice owed.

    ``suspension_over_days``: a suspension is appealable only when it is longer
    than this many working days (``None``: any suspension in ``actions``).
    ``notice_text`` is the text the law requires in the decision ("" when the
    law prescribes none). ``statement``: the whole statement of the right, for
    a right the usual "You may appeal this ACTION to the BODY within …" does
    not fit (a grievance first heard by the employer); a format of
    ``{action}``, ``{days}``, ``{day_kind}``, ``{counted_from}`` and
    ``{citation}`` ("" for the usual one). ``described``: the law's own name
    for an action it covers, where the action's label is wider.
    """

    actions: frozenset[DisciplineAction]
    regimes: frozenset[Regime]
    body: Cited[str]
    days: Cited[int]
    day_kind: Cited[DayKind]
    counted_from: Cited[str]
    citation: str
    suspension_over_days: int | None = None
    notice_text: str = ""
    notice_citation: str = ""
    statement: str = ""
    #: How the law names an action it covers, where its label would say more than the
    #: law does (RSMo 36.390.2: "involuntarily demoted for cause", not any demotion).
    described: tuple[tuple[DisciplineAction, str], ...] = ()

    def named(self, action: DisciplineAction) -> str:
        """The action as the law names it, else its label."""
        return dict(self.described).get(action, action.label.lower())

    def applies(self, action: DisciplineAction, regime: Regime, suspension_days: int = 0) -> bool:
        if action not in self.actions or regime not in self.regimes:
            return False
        if action is DisciplineAction.SUSPENSION and self.suspension_over_days is not None:
            return suspension_days > self.suspension_over_days
        return True


@dataclass(frozen=True, slots=True)
class CapRule:
    """The limit on suspension without pay: days in any window of months, and its exceptions.

    ``days`` of ``None`` value and no setting: no cap applies.
    ``terminal_with_dismissal_exempt``: a terminal suspension given with a
    dismissal does not count against the cap.
    """

    days: Cited[int]
    window_months: Cited[int]
    citation: str
    terminal_with_dismissal_exempt: bool = False
    exceptions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PolicyReference:
    """A provision of the agency's policy that points to another policy for sanctions."""

    provision: str
    subject: str
    points_to: str
    quote: str
