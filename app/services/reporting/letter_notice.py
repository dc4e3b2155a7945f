"""The pre-action notice: "Notice of proposed suspension", "Notice of proposed dismissal" …

Loudermill's elements (the charges, an explanation of the evidence, the
deadline and the way to respond, the status pending the decision) and what
the employer's law adds (MA c. 31 § 41), from the notice on record. Without
one the notice is refused, or printed as a draft.
"""

from __future__ import annotations

import reports
from app.domain.discipline import DisciplineAction, Outcome
from app.domain.discipline.flow import HR_CONTACT
from app.domain.errors import Refused
from app.domain.zones import agency_today
from app.services.discipline import DEFAULT_STATUS_PENDING, NoticeInfo
from app.services.reporting.letter_parts import (
    FROM_SETTINGS,
    LetterInput,
    allegations_of,
    appointing_authority,
    charge_blocks,
    employee_signature,
    facts,
    finished,
    plain,
    prior_block,
    representative_signature,
    required_setting,
    sanction_blocks,
    signature,
    standard_of_proof,
)

DOCUMENT = "pre-action notice"


def action_phrase(action: DisciplineAction, days: int | None) -> str:
    """ "suspension without pay, 5 working days", "dismissal" …"""
    text = action.label.lower()
    if action is DisciplineAction.SUSPENSION and days:
        text += f", {days} working day{'s' if days != 1 else ''}"
    return text


def check_notice(source: LetterInput) -> None:
    """Refuse a notice that does not exist (unless a draft) or is not owed to this employee."""
    flow = source.flow
    if flow.outcome is Outcome.REFERRAL_TO_PROVIDER:
        raise Refused(
            f"{source.name} is a contracted provider's employee: {flow.employer} gives no "
            "pre-action notice but refers the findings to the provider. Print the referral "
            f"letter with 'casedesk report decision {source.number}'.",
        )
    if flow.notice is None and not source.draft:
        raise Refused(
            f"No pre-action notice has been recorded for {source.name} in {source.number}, so "
            f"there is none to print. Next: {flow.next_step} Or print a draft with --draft."
        )


def build_notice(source: LetterInput) -> reports.Letter:
    """The pre-action notice of ``source`` (a draft when asked, or when none is recorded)."""
    check_notice(source)
    flow = source.flow
    notice = flow.notice
    standard = standard_of_proof(source, DOCUMENT)
    contact = required_setting(source, HR_CONTACT, DOCUMENT)
    name, title = appointing_authority(source, DOCUMENT)
    proposed = action_phrase(notice.proposed_action, notice.proposed_days) if notice else "action"
    charged = allegations_of(source, notice.allegation_ids if notice else ())
    sections = [
        reports.LetterSection("The proposed action", (reports.FieldsBlock(_proposal(notice)),)),
        reports.LetterSection(
            "The charges",
            (
                reports.TextBlock(
                    f"{source.name} is charged with the following violations of the "
                    f"{flow.agency_name} policy, each quoted with its provision:"
                ),
                *charge_blocks(source, charged),
            ),
        ),
        reports.LetterSection(
            "Standard of proof", (reports.TextBlock(f"The findings are made on the {standard}."),)
        ),
        reports.LetterSection(
            "The evidence",
            (
                reports.TextBlock(
                    (notice.evidence_explanation if notice else "")
                    or "The charges rest on the evidence listed below and on the reasoning of "
                    "each finding above."
                ),
            ),
            evidence=True,
        ),
        reports.LetterSection(
            "Why this level of discipline is proposed",
            (
                reports.TextBlock(
                    "The action proposed follows the agency's progressive discipline, taking "
                    "account of the employee's prior discipline below; the decision states the "
                    "progressive step and the aggravating and mitigating factors it weighs.",
                ),
                prior_block(source),
                *sanction_blocks(source, charged),
            ),
        ),
        reports.LetterSection("Your right to respond", _respond(notice, contact)),
        reports.LetterSection("What the law requires before the action", law_before(source)),
        reports.LetterSection(
            "Issued by",
            (reports.FieldsBlock((("Appointing authority", name), ("Title", title))),),
        ),
    ]
    letter = reports.Letter(
        document=reports.DocumentInfo(
            title=f"Notice of proposed {proposed} {source.number}",
            author=source.prepared_by,
            subject=f"Pre-action notice to {source.name}",
            keywords=(source.number, *(g.citation for g in flow.grounds)),
        ),
        agency=source.agency,
        title=f"Notice of proposed {proposed}",
        subtitle=f"Case {source.number} \u00b7 to {source.name} \u00b7 "
        f"{notice.issued_on if notice else agency_today(flow.jurisdiction)}",
        header=f"Pre-action notice \u00b7 Case {source.number}",
        facts=facts(source),
        sections=tuple(sections),
        evidence=source.evidence,
        interviews=source.interviews,
        integrity_verified_at=source.verified_at,
        left_out=source.left_out,
        acknowledgement=reports.Acknowledgement(
            (
                signature("Appointing authority", plain(name), plain(title)),
                employee_signature(source, "notice"),
                representative_signature(),
            ),
            delivered_on=notice.issued_on if notice else None,
            delivery_method=notice.delivery_method.label if notice else "",
            delivered_by=notice.delivered_by if notice else "",
        ),
    )
    return finished(source, letter)


def law_before(source: LetterInput) -> tuple[reports.TextBlock, ...]:
    """What the employer's law requires before the action this notice proposes, cited.

    Read from the notice itself, never from a decision: a decision may be lighter than
    proposed, or withdrawn (and a withdrawn one counts for nothing), and the same notice
    states the same law before and after any decision.
    """
    flow, notice = source.flow, source.flow.notice
    if notice is None:
        return (
            reports.TextBlock(
                "No notice is recorded, so no action is proposed yet: what the law requires "
                "before the action depends on the action the notice proposes."
            ),
        )
    if flow.regime is None:
        return (
            reports.TextBlock(
                f"{source.name}'s employment regime is not recorded: what the law governing "
                f"the {flow.employer} requires before the action depends on it."
            ),
        )
    action, days = notice.proposed_action, notice.proposed_days or 0
    rule = source.pack.pre_action_for(action, flow.regime, days)
    if rule is not None:
        return tuple(
            reports.TextBlock(
                req.text + (f" ({req.citation})" if req.citation not in req.text else "")
            )
            for req in rule.requirements
        ) or (reports.TextBlock(f"A pre-action notice and a chance to respond ({rule.citation})."),)
    shown = f"a {action_phrase(action, notice.proposed_days)}"
    longer = next(
        (
            r
            for r in source.pack.pre_action
            if action in r.actions
            and flow.regime in r.regimes
            and r.suspension_over_days is not None
        ),
        None,
    )
    if action is DisciplineAction.SUSPENSION and longer is not None:
        return (
            reports.TextBlock(
                f"{longer.citation} requires a pre-action notice only before a suspension of "
                f"more than {longer.suspension_over_days} working days; for {shown} this "
                "notice is given as a matter of fairness."
            ),
        )
    return (
        reports.TextBlock(
            f"The law governing the {flow.employer} requires no pre-action notice before "
            f"{shown} of an employee whose regime is '{flow.regime.label.lower()}'; this "
            "notice is given as a matter of fairness."
        ),
    )


def _proposal(notice: NoticeInfo | None) -> tuple[tuple[str, str], ...]:
    if notice is None:
        return (
            ("Proposed action", "No notice has been recorded yet: this is a draft."),
            ("Status pending decision", DEFAULT_STATUS_PENDING),
        )
    return (
        (
            "Proposed action",
            action_phrase(notice.proposed_action, notice.proposed_days).capitalize(),
        ),
        ("Notice issued on", notice.issued_on.isoformat()),
        ("Delivered", f"{notice.delivery_method.label}, by {notice.delivered_by}"),
        ("Status pending decision", notice.status_pending or DEFAULT_STATUS_PENDING),
    )


def _respond(notice: NoticeInfo | None, contact: str) -> tuple[reports.LetterBlock, ...]:
    if notice is None:
        deadline = "Set when the notice is issued, from the agency's response window."
        window = "\u2014"
    else:
        deadline = notice.response_due.isoformat()
        window = f"{notice.response_due_note}."
        if notice.response_due.weekday() == 0 or _moved(notice):
            window += (
                " A deadline that would fall on a weekend or a public holiday moves to the "
                "next working day."
            )
    return (
        reports.TextBlock(
            "Before any decision is made you may answer the charges and the evidence, in "
            "writing or in person, and give any reason why the action should not be taken. "
            "Your response will be considered before the decision."
        ),
        reports.FieldsBlock(
            (
                ("Respond by", deadline),
                ("How the deadline is counted", window),
                ("Where and how to respond", contact),
            )
        ),
        reports.TextBlock(f"Values marked {FROM_SETTINGS} are the agency's own, not the law's."),
    )


def _moved(notice: NoticeInfo) -> bool:
    return "skipped" in notice.response_due_note
