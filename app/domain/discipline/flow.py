"""The steps of due process around a disciplinary decision, as plain rules.

DOMAIN.md "Due process, by employer": pre-action notice (date, how
delivered, by whom) → response window (working days) → response received,
or none → decision after considering it → action in force → appeal, if the
employee has the right. The employer's law (``packs``) says which steps an
action owes; this module holds the vocabulary of the steps, where a case
stands, and the checks that tie a decision to its notice and an appeal to
the pack's appeal rule.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.discipline.ladder import DisciplineAction
from app.domain.discipline.law_settings import LawSetting, LawSettingValues, SettingKind
from app.domain.discipline.pack import DisciplinePack
from app.domain.discipline.regimes import Regime
from app.domain.discipline.rules import LOUDERMILL, AppealRule, DayKind
from app.domain.discipline.workdays import WorkCalendar
from app.domain.errors import InvalidInput, Refused
from app.domain.wording import counted

SUMMARY_MAX = 10_000
REASONS_MAX = 5_000
NAME_MAX = 120
PROVIDER_MAX = 200
RESPONSE_FILE_MAX = 25 * 1024 * 1024
RESPONSE_FILES_MAX = 20


class DeliveryMethod(enum.StrEnum):
    """How a pre-action notice reached the employee."""

    IN_PERSON = "in_person"
    CERTIFIED_MAIL = "certified_mail"
    EMAIL = "email"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _DELIVERY_LABELS[self]


_DELIVERY_LABELS = {
    DeliveryMethod.IN_PERSON: "In person",
    DeliveryMethod.CERTIFIED_MAIL: "Certified mail, return receipt requested",
    DeliveryMethod.EMAIL: "Email",
    DeliveryMethod.OTHER: "Other",
}


class AppealOutcome(enum.StrEnum):
    """How an appeal ended."""

    UPHELD = "upheld"
    MODIFIED = "modified"
    OVERTURNED = "overturned"
    SETTLED = "settled"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return self.value.capitalize()


def parse_choice(enum_type: type[enum.StrEnum], value: str, what: str) -> enum.StrEnum:
    """``value`` as a member of ``enum_type`` ("certified-mail", "In person" …)."""
    key = value.strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return enum_type(key)
    except ValueError:
        valid = ", ".join(m.value for m in enum_type)
        raise InvalidInput(f"'{value}' is not {what}; choose one of: {valid}.") from None


def parse_delivery(value: str) -> DeliveryMethod:
    """``value`` as a delivery method, or a message listing them."""
    return DeliveryMethod(parse_choice(DeliveryMethod, value, "a delivery method"))


def parse_appeal_outcome(value: str) -> AppealOutcome:
    """``value`` as an appeal outcome, or a message listing them."""
    return AppealOutcome(parse_choice(AppealOutcome, value, "an appeal outcome"))


class Stage(enum.StrEnum):
    """Where one employee's discipline in one case stands."""

    NO_GROUNDS = "no_grounds"
    REGIME_UNKNOWN = "regime_unknown"
    READY_FOR_NOTICE = "ready_for_notice"
    AWAITING_RESPONSE = "awaiting_response"
    READY_FOR_DECISION = "ready_for_decision"
    DECIDED = "decided"
    IN_FORCE = "in_force"
    APPEALED = "appealed"
    APPEAL_DECIDED = "appeal_decided"
    OVERTURNED = "overturned"
    WITHDRAWN = "withdrawn"
    REFERRED = "referred"
    READY_FOR_REFERRAL = "ready_for_referral"

    @property
    def label(self) -> str:
        return _STAGE_LABELS[self]


_STAGE_LABELS = {
    Stage.NO_GROUNDS: "No substantiated allegation: no discipline",
    Stage.REGIME_UNKNOWN: "The employee's regime is not recorded",
    Stage.READY_FOR_NOTICE: "Ready for a decision, or a pre-action notice first",
    Stage.AWAITING_RESPONSE: "Pre-action notice given; the response window is open",
    Stage.READY_FOR_DECISION: "Ready for the decision",
    Stage.DECIDED: "Decided; not yet effective",
    Stage.IN_FORCE: "Action in force",
    Stage.APPEALED: "Appealed; the appeal is pending",
    Stage.APPEAL_DECIDED: "Appeal decided",
    Stage.OVERTURNED: "Overturned on appeal",
    Stage.WITHDRAWN: "Decision withdrawn",
    Stage.REFERRED: "Referred to the provider",
    Stage.READY_FOR_REFERRAL: "Ready for a referral to the provider",
}


@dataclass(frozen=True, slots=True)
class StageFacts:
    """What is on record for one employee in one case, for :func:`stage_of`."""

    substantiated: bool
    regime: Regime | None
    provider: bool
    notice_due: dt.date | None
    response_recorded: bool
    decision_effective: dt.date | None
    withdrawn: bool
    appeal_filed: bool
    appeal_outcome: AppealOutcome | None
    referred: bool


def stage_of(facts: StageFacts, today: dt.date) -> Stage:
    """Where the employee's discipline stands on ``today``."""
    if facts.referred:
        return Stage.REFERRED
    if facts.decision_effective is not None:
        if facts.withdrawn:
            return Stage.WITHDRAWN
        if facts.appeal_outcome is AppealOutcome.OVERTURNED:
            return Stage.OVERTURNED
        if facts.appeal_outcome is not None:
            return Stage.APPEAL_DECIDED
        if facts.appeal_filed:
            return Stage.APPEALED
        return Stage.IN_FORCE if facts.decision_effective <= today else Stage.DECIDED
    if not facts.substantiated:
        return Stage.NO_GROUNDS
    if facts.regime is None:
        return Stage.REGIME_UNKNOWN
    if facts.provider:
        return Stage.READY_FOR_REFERRAL
    if facts.notice_due is None:
        return Stage.READY_FOR_NOTICE
    if facts.response_recorded or today > facts.notice_due:
        return Stage.READY_FOR_DECISION
    return Stage.AWAITING_RESPONSE


#: Values documents print that the law leaves to the agency (no defaults).
APPOINTING_AUTHORITY_NAME = LawSetting(
    "appointing_authority.name",
    "Name of the appointing authority who decides discipline",
    "The agency's designation of its appointing authority",
    SettingKind.TEXT,
)
APPOINTING_AUTHORITY_TITLE = LawSetting(
    "appointing_authority.title",
    "Title of the appointing authority",
    "The agency's designation of its appointing authority",
    SettingKind.TEXT,
)
HR_CONTACT = LawSetting(
    "hr.contact",
    "Where and how the employee responds (office, address, email, telephone)",
    "The agency's human resources office",
    SettingKind.TEXT,
)
DOCUMENT_SETTINGS: tuple[LawSetting, ...] = (
    APPOINTING_AUTHORITY_NAME,
    APPOINTING_AUTHORITY_TITLE,
    HR_CONTACT,
)


def agency_setting_keys(pack: DisciplinePack) -> tuple[LawSetting, ...]:
    """Every setting an agency of ``pack`` keeps: the documents' and the pack's."""
    return tuple(dict.fromkeys((*DOCUMENT_SETTINGS, *pack.settings())))


def window_note(calendar: WorkCalendar, issued_on: dt.date, due: dt.date, days: int) -> str:
    """How the response deadline was counted, naming the holidays it skipped.

    "10 working days after 2026-12-18, weekends and Missouri public holidays
    excluded (skipped: 2026-12-25 Christmas Day, 2027-01-01 New Year's Day)".
    A response due on a weekend or holiday is moved to the next working day:
    counting working days never ends on one, and the note says what was
    skipped on the way.
    """
    skipped = []
    day = issued_on + dt.timedelta(days=1)
    while day <= due:
        name = calendar.holiday_name(day)
        if name:
            skipped.append(f"{day} {name}")
        day += dt.timedelta(days=1)
    text = (
        f"{counted(days, 'working day')} after {issued_on}, weekends and public holidays excluded "
        f"({calendar.source})"
    )
    if skipped:
        text += "; holidays skipped: " + ", ".join(skipped)
    return text


def check_follows_notice(
    *,
    action: DisciplineAction,
    days: int | None,
    proposed: DisciplineAction,
    proposed_days: int | None,
    charges: Sequence[str],
    noticed: Sequence[str],
    citation: str,
) -> None:
    """A decision may not go beyond what the notice told the employee.

    The employee answers the charges and the action the notice proposed
    (Loudermill): a harsher action, a longer suspension or a charge that was
    not in the notice needs a new notice first.
    """
    cites = tuple(dict.fromkeys((citation, LOUDERMILL)))
    if action.step > proposed.step:
        raise Refused(
            f"The notice proposed a {proposed.label.lower()}; a {action.label.lower()} goes "
            "beyond it, and the employee has not had the chance to answer it. Give a new "
            "pre-action notice proposing it first.",
            citations=cites,
        )
    if (
        action is DisciplineAction.SUSPENSION
        and proposed is DisciplineAction.SUSPENSION
        and (days or 0) > (proposed_days or 0)
    ):
        raise Refused(
            f"The notice proposed a suspension of {counted(proposed_days or 0, 'working day')}; "
            f"{days} goes "
            "beyond it. Give a new pre-action notice first, or decide on fewer days.",
            citations=cites,
        )
    missing = [c for c in charges if c not in noticed]
    if missing:
        raise Refused(
            "The decision rests on charges the notice did not give the employee: "
            + ", ".join(missing)
            + ". Give a new pre-action notice with them, or leave them out of the decision.",
            citations=cites,
        )


def no_appeal_statement(
    pack: DisciplinePack, action: DisciplineAction, regime: Regime, days: int
) -> tuple[str, tuple[str, ...]]:
    """Why an employee of ``regime`` has no appeal of ``action`` under ``pack``, with citations."""
    shown = action.label.lower() + (
        f" of {counted(days, 'working day')}" if action is DisciplineAction.SUSPENSION else ""
    )
    short: AppealRule | None = next(
        (
            a
            for a in pack.appeals
            if action in a.actions and regime in a.regimes and a.suspension_over_days is not None
        ),
        None,
    )
    if short is not None:
        body = short.body.value or "the appeal body"
        return (
            f"A {shown} carries no appeal to the {body}: only a dismissal, an involuntary "
            f"demotion for cause or a suspension of more than {short.suspension_over_days} "
            f"working days does ({short.citation}).",
            tuple(c.strip() for c in short.citation.split(";")),
        )
    citations = tuple(dict.fromkeys(a.citation for a in pack.appeals))
    if not pack.appeals_complete(regime):
        return (
            f"No rule Casedesk has verified says whether {pack.employer} lets an employee "
            f"whose regime is '{regime.label.lower()}' appeal or grieve a {shown}: the "
            "employer's own rules say; ask the appointing authority or human resources "
            "before any time limit in them runs out.",
            citations,
        )
    # Only what the cited law says: the actions its appeals cover, with the citations. An
    # internal grievance of another action is the agency's own procedure, not stated here.
    given = [a for a in pack.appeals if regime in a.regimes]
    if not given:
        return (
            f"The discipline law governing the {pack.employer} gives an employee whose regime is "
            f"'{regime.label.lower()}' no appeal of a {shown}: the appeals it gives are for "
            f"other employees ({'; '.join(citations)}).",
            citations,
        )
    covered: dict[DisciplineAction, str] = {}
    for rule in given:
        for act in rule.actions:
            name = rule.named(act)
            if act is DisciplineAction.SUSPENSION and rule.suspension_over_days is not None:
                name += f" of more than {counted(rule.suspension_over_days, 'working day')}"
            covered.setdefault(act, name)
    names = [
        f"{'an' if covered[a][:1] in 'aeiou' else 'a'} {covered[a]}"
        for a in sorted(covered, key=lambda a: a.step)
    ]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
    cited = tuple(dict.fromkeys(a.citation for a in given))
    return (
        f"The discipline law governing the {pack.employer} gives an employee whose regime is "
        f"'{regime.label.lower()}' no appeal of a {shown}: the appeal or grievance it gives "
        f"covers only {listed} ({'; '.join(cited)}).",
        cited,
    )


def appeal_refusal(
    pack: DisciplinePack, action: DisciplineAction, regime: Regime, days: int
) -> Refused:
    """The refusal to record an appeal the employer's law does not give."""
    text, citations = no_appeal_statement(pack, action, regime, days)
    return Refused(
        "No appeal can be recorded: " + text[0].lower() + text[1:] + " A grievance is not "
        "recorded as an appeal.",
        citations=citations,
    )


#: How a decision states an appeal right, unless its rule words it (``AppealRule.statement``).
_USUAL_STATEMENT = (
    "You may appeal this {action} to the {body} within {days} {day_kind} after "
    "{counted_from} ({citation})."
)


@dataclass(frozen=True, slots=True)
class AppealTerms:
    """An appeal right with every value resolved: body, days, how counted, from what."""

    body: str
    days: int
    day_kind: DayKind
    counted_from: str
    citation: str
    notice_text: str
    notice_citation: str
    from_settings: tuple[str, ...]
    #: The rule's own wording of the statement (``AppealRule.statement``), "" for the usual.
    statement_format: str = ""

    def statement(self, action: DisciplineAction) -> str:
        """The appeal rights as a decision states them."""
        text = (self.statement_format or _USUAL_STATEMENT).format(
            action=action.label.lower(), body=self.body, days=self.days,
            day_kind=self.day_kind.label, counted_from=self.counted_from, citation=self.citation,
        )  # fmt: skip
        if self.notice_text:
            text += " " + self.notice_text
        return text

    def opening(self, action: DisciplineAction) -> str:
        """The statement's words up to the action: "You may grieve this dismissal"."""
        head = (self.statement_format or _USUAL_STATEMENT).partition("{action}")[0]
        return head + action.label.lower()

    @property
    def counts_from_effective_date(self) -> bool:
        """Whether the days count from the effective date, so the deadline is known."""
        return "effective date" in self.counted_from


def _bare(body: str) -> str:
    """A body's name without its article: it is named after "to the" ("The Civil Service
    Commission", as an agency may set it, would read "to the The Civil Service …")."""
    body = body.strip()
    return body[4:].lstrip() if body[:4].lower() == "the " else body


def appeal_terms(rule: AppealRule, values: LawSettingValues, agency: str) -> AppealTerms:
    """``rule``'s values, the agency's settings filled in (refused naming a missing one)."""
    kind = rule.day_kind.resolve(values, agency)
    try:
        day_kind = DayKind(str(kind).strip().lower())
    except ValueError:
        raise Refused(
            f"The appeal days of {agency} are set as '{kind}'; set them to 'calendar' or "
            "'working'.",
        ) from None
    from_settings = tuple(
        c.setting.key
        for c in (rule.body, rule.days, rule.day_kind, rule.counted_from)
        if c.setting is not None
    )
    return AppealTerms(
        body=_bare(str(rule.body.resolve(values, agency))),
        days=int(rule.days.resolve(values, agency)),
        day_kind=day_kind,
        counted_from=str(rule.counted_from.resolve(values, agency)),
        citation=rule.citation,
        notice_text=rule.notice_text,
        notice_citation=rule.notice_citation,
        from_settings=from_settings,
        statement_format=rule.statement,
    )
