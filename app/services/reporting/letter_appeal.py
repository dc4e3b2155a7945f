"""The appeal rights a decision letter states, exactly as the employer's law gives them.

The pack's appeal rule for the action and the employee's regime gives the
body, the days, how they are counted and from what, each with its citation
(values from the agency's settings marked as such); a notice the law words
itself (RSMo 621.075's) is quoted verbatim. Where the law gives no appeal
the letter says so with the citations (Missouri: no appeal to the
Administrative Hearing Commission of a reprimand or a suspension of five
working days or less, RSMo 36.390.2 and 621.075), and nothing more: an
internal grievance the law cited does not give is the agency's own procedure,
not stated here. A right the rule words itself (Arkansas's grievance, with
who may file one, Ark. Code Ann. § 21-1-701(1)) is stated in its words.
"""

from __future__ import annotations

import reports
from app.domain.discipline import DisciplineAction, Regime, SettingMissing
from app.domain.discipline.flow import appeal_terms, no_appeal_statement
from app.services.discipline import DisciplineInfo
from app.services.reporting.letter_parts import FROM_SETTINGS, LetterInput, with_setting_help


def appeal_blocks(source: LetterInput, decision: DisciplineInfo) -> tuple[reports.LetterBlock, ...]:
    """The appeal or grievance rights of the employee against ``decision``."""
    pack, regime = source.pack, source.flow.regime
    days = decision.suspension_days or 0
    action = decision.action
    if regime is None:
        return (reports.TextBlock(decision.appeal_rights or "\u2014"),)
    rule = pack.appeal_for(action, regime, days)
    if rule is None:
        text = _no_appeal(source, action, regime, days)
        if not pack.appeals_complete(regime):  # never "no appeal" on unverified rules
            return (reports.TextBlock(text, lead="Appeal rights."),)
        return (reports.TextBlock(text, lead="No appeal."),)
    try:
        terms = appeal_terms(rule, source.values, pack.agency_code)
    except SettingMissing as missing:
        raise with_setting_help(source, missing) from None

    def mark(text: str, *cited: object) -> str:
        keys = {getattr(getattr(c, "setting", None), "key", None) for c in cited}
        return f"{text} {FROM_SETTINGS}" if keys & set(terms.from_settings) else text

    deadline = source.flow.appeal_deadline
    rows = [
        ("Appeal to", mark(terms.body[:1].upper() + terms.body[1:], rule.body)),
        ("Within", mark(f"{terms.days} {terms.day_kind.label}", rule.days, rule.day_kind)),
        ("Counted from", mark(terms.counted_from, rule.counted_from)),
        (
            "Last day",
            # Not known until the day it is counted from is (a receipt, or as an
            # agreement provides): never a start the rule does not name.
            deadline.isoformat()
            if deadline is not None
            else "Not computed here: count the days from the start named above.",
        ),
        ("Authority", terms.citation),
    ]
    if terms.statement_format:
        # A right the rule words itself (AppealRule.statement: who may grieve, what the
        # statute leaves to other rules) is stated in those words, the ones the decision
        # records and the disciplinary report prints; the rows below mark each setting.
        # The law's notice, if any, is quoted below.
        lead = terms.statement(decision.action)
        if terms.notice_text:
            lead = lead.removesuffix(" " + terms.notice_text)
    else:
        # The usual right: its opening, with "under", as "as A, or B provides" would make
        # the verb agree with a list.
        lead = f"{terms.opening(decision.action)} under {_lower_first(terms.citation)}:"
    blocks: list[reports.LetterBlock] = [
        reports.TextBlock(lead),
        reports.FieldsBlock(tuple(rows)),
    ]
    if terms.notice_text:
        blocks.append(
            reports.QuoteBlock(
                f"Notice of the right of appeal, in the words of {terms.notice_citation}:",
                terms.notice_text,
            )
        )
    if pack.deadline_rule is not None:
        blocks.append(
            reports.TextBlock(f"{pack.deadline_rule.text} ({pack.deadline_rule.citation})")
        )
    return tuple(blocks)


def _lower_first(text: str) -> str:
    """``text`` inside a sentence: "The collective …" becomes "the collective …"."""
    if text.startswith("The "):
        return "t" + text[1:]
    return text


def _no_appeal(source: LetterInput, action: DisciplineAction, regime: Regime, days: int) -> str:
    """Why there is no appeal: the body the law reserves for longer actions, and its citation."""
    shown = action.label.lower() + (
        f" of {days} working days" if action is DisciplineAction.SUSPENSION else ""
    )
    short = next((a for a in source.pack.appeals if a.suspension_over_days is not None), None)
    if short is not None:
        body = short.body.value or "the appeal body"
        return (
            f"There is no appeal to the {body} from this {shown}: only an employee with "
            f"regular status who is dismissed, involuntarily demoted for cause or suspended "
            f"for more than {short.suspension_over_days} working days may appeal to it "
            f"({short.citation})."
        )
    return no_appeal_statement(source.pack, action, regime, days)[0]
